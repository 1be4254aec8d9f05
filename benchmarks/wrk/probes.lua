-- The traffic that must stay fast during a login flood: alternately GET /health/ready and GET /json.
dofile("statuses.lua")
local paths = { "/health/ready", "/json" }
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[n % 2 + 1])
end
