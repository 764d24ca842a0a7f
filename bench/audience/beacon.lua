-- POST /beacon exactly as beacon.js sends it (a form of path, referrer, campaign), from 2,000
-- different readers (user agents) over 50 pages; a tenth come from another site.
local agents, bodies, n = {}, {}, 0
for i = 1, 2000 do
  agents[i] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Reader/" .. i
end
for i = 1, 50 do
  bodies[i] = "p=%2Fworld%2Fstory-" .. i .. "&r=" .. (i % 10 == 0 and "news.example.org" or "") .. "&u="
end

request = function()
  n = n + 1
  return wrk.format("POST", "/beacon", {
    ["Content-Type"] = "application/x-www-form-urlencoded;charset=UTF-8",
    ["User-Agent"] = agents[n % 2000 + 1],
  }, bodies[n % 50 + 1])
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d non_2xx=%d socket_errors=%d rps=%.0f p99_ms=%.2f\n",
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout,
    summary.requests / (summary.duration / 1e6), latency:percentile(99) / 1000))
end
