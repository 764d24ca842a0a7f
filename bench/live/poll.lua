-- A reader's browser polling the posts fragment: it revalidates with the ETag it last got (so most
-- answers are 304 Not Modified, and a full 200 follows each new post), accepts gzip, and waits
-- THINK milliseconds between polls on each connection (0: as fast as possible).
-- Usage: wrk ... -s bench/live/poll.lua URL -- THINK_MS
local think = 0
local etag = nil

function init(args)
  think = tonumber(args[1] or "0")
end

function request()
  local headers = { ["Accept-Encoding"] = "gzip" }
  if etag then headers["If-None-Match"] = etag end
  return wrk.format("GET", nil, headers)
end

function response(status, headers, body)
  if status == 200 then etag = headers["ETag"] or headers["etag"] end
end

function delay()
  return think
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d non_2xx_3xx=%d errors=%d rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
