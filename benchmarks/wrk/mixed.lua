-- The steady load of the memory measurement: alternately GET /json and GET /items/{random id}.
math.randomseed(7)
local n = 0
request = function()
  n = n + 1
  if n % 2 == 0 then
    return wrk.format("GET", "/json")
  end
  return wrk.format("GET", "/items/" .. math.random(1, 10000))
end
