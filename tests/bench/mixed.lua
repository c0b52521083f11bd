-- wrk script: cycles through the query files given in BDIS_QUERIES (space-separated paths),
-- sending each as GET /sparql?query=... with a JSON Accept header.
local paths = {}
for p in string.gmatch(os.getenv("BDIS_QUERIES") or "", "%S+") do table.insert(paths, p) end
local urls = {}
local function encode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
for _, p in ipairs(paths) do
  local f = assert(io.open(p, "r"))
  local q = f:read("*a")
  f:close()
  table.insert(urls, (os.getenv("BDIS_PATH") or "/sparql") .. "?query=" .. encode(q))
end
local i = 0
request = function()
  i = i % #urls + 1
  return wrk.format("GET", urls[i], {["Accept"] = "application/sparql-results+json"})
end
