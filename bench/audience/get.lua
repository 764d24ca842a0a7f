-- A plain GET, for baselines; prints the same RESULT line as the other scripts.
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d non_2xx=%d rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, summary.errors.status, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
