-- POST /beacon exactly as beacon.js sends it (a form of path, referrer, campaign), from 2,000
-- different browsers (user agents) over 50 pages; a tenth come from another site. Each request
-- comes from an address of its own (X-Forwarded-For, trusted by the server under test), so every
-- one is a view the beacon's limits admit and the count check stays exact. The first script
-- argument keeps runs apart: wrk ... -s beacon.lua URL -- 2 uses other addresses than -- 1.
local agents, bodies, n, run = {}, {}, 0, 0
local threads = 0
-- "id" is a global: setup() sets it in each thread's own Lua state with thread:set.
for i = 1, 2000 do
  agents[i] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Reader/" .. i
end
for i = 1, 50 do
  bodies[i] = "p=%2Fworld%2Fstory-" .. i .. "&r=" .. (i % 10 == 0 and "news.example.org" or "") .. "&u="
end

setup = function(thread)
  threads = threads + 1
  thread:set("id", threads)
end

init = function(args)
  run = tonumber(args[1] or "0") or 0
end

request = function()
  n = n + 1
  -- 16 million addresses per thread and run: 10.x.y.z style, first octet from run and thread.
  local address = string.format("%d.%d.%d.%d", 10 + run * 16 + (id or 0),
    math.floor(n / 65536) % 256, math.floor(n / 256) % 256, n % 256)
  return wrk.format("POST", "/beacon", {
    ["Content-Type"] = "application/x-www-form-urlencoded;charset=UTF-8",
    ["User-Agent"] = agents[n % 2000 + 1],
    ["X-Forwarded-For"] = address,
  }, bodies[n % 50 + 1])
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d non_2xx=%d socket_errors=%d rps=%.0f p99_ms=%.2f\n",
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout,
    summary.requests / (summary.duration / 1e6), latency:percentile(99) / 1000))
end
