-- GET /items/{id} with a random id of the 10,000 seeded rows, the same sequence for both servers.
math.randomseed(42)
request = function()
  return wrk.format("GET", "/items/" .. math.random(1, 10000))
end
