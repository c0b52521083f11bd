-- wrk script: cycles through the query files given in BDIS_QUERIES (space-separated paths),
-- sending each as GET /sparql?query=... with a JSON Accept header.
-- BDIS_PATH may carry its own query string (e.g. /sparql?default-graph-uri=...); the query is
-- then appended with '&'. When BDIS_WRK_JSON names a file, done() writes the run's figures there
-- as JSON (requests, duration and latency percentiles in microseconds, error counts).
local paths = {}
for p in string.gmatch(os.getenv("BDIS_QUERIES") or "", "%S+") do table.insert(paths, p) end
local urls = {}
local function encode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
local base = os.getenv("BDIS_PATH") or "/sparql"
local sep = string.find(base, "?", 1, true) and "&" or "?"
for _, p in ipairs(paths) do
  local f = assert(io.open(p, "r"))
  local q = f:read("*a")
  f:close()
  table.insert(urls, base .. sep .. "query=" .. encode(q))
end
local i = 0
request = function()
  i = i % #urls + 1
  return wrk.format("GET", urls[i], {["Accept"] = "application/sparql-results+json"})
end

done = function(summary, latency, requests)
  local out = os.getenv("BDIS_WRK_JSON")
  if not out or out == "" then return end
  local e = summary.errors
  local f = assert(io.open(out, "w"))
  f:write(string.format(
    '{"requests": %d, "duration_us": %d, "bytes": %d, "p50_us": %d, "p90_us": %d, "p99_us": %d, ' ..
    '"max_us": %d, "mean_us": %.1f, "connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}\n',
    summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, latency.mean, e.connect, e.read, e.write, e.status, e.timeout))
  f:close()
end
