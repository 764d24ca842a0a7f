-- POST /for-you.json as for-you.js sends it: a reader's recent reads (mostly fresh stories, a
-- few older) and two followed topics (popular ones more often). FRESH_FIRST and LAST are the id
-- range of the last 14 days, printed by AudienceCorpus.
local fresh_first = tonumber(os.getenv("FRESH_FIRST") or "93001")
local last = tonumber(os.getenv("LAST") or "100000")

init = function(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
end

local function topic()
  return "topic-" .. math.floor(3000 ^ math.random())
end

request = function()
  local ids = {}
  for i = 1, 8 do
    ids[i] = i <= 6 and math.random(fresh_first, last) or math.random(1, last)
  end
  local body = '{"read":[' .. table.concat(ids, ",") .. '],"follow":["' .. topic() .. '","' .. topic() .. '"]}'
  return wrk.format("POST", "/for-you.json", { ["Content-Type"] = "application/json" }, body)
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d non_2xx=%d rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, summary.errors.status, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
