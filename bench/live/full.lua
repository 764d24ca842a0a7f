-- The fragment fetched whole every time (gzip, no ETag): what a shared cache refetching after a
-- purge, or a reader's first poll, costs. Prints the same RESULT line as poll.lua.
wrk.headers["Accept-Encoding"] = "gzip"

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d non_2xx_3xx=%d errors=%d rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
