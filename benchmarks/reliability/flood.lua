-- A flood of wrong passwords on POST /api/auth/login, for the reliability harness's `flood` scenario.
-- FLOOD_KIND=one:    every request for one account from one address (the throttle answers 429 after the limits).
-- FLOOD_KIND=spread: every request for another account from another address (X-Forwarded-For, with
--                    http.trusted-proxies=127.0.0.1), so the throttle never stops it and each one costs a hash.
-- Prints "status <code> <count>" lines when wrk finishes.
local kind = os.getenv("FLOOD_KIND") or "one"
local threads = {}
local counter = 0

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
end

function request()
  counter = counter + 1
  local headers = { ["Content-Type"] = "application/json" }
  local email = "victim@example.com"
  if kind == "spread" then
    email = "victim-" .. counter .. "@example.com"
    headers["X-Forwarded-For"] = string.format("10.%d.%d.%d",
      math.floor(counter / 65536) % 256, math.floor(counter / 256) % 256, counter % 256)
  end
  return wrk.format("POST", "/api/auth/login", headers,
    '{"email":"' .. email .. '","password":"not the password 123"}')
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  for _, thread in ipairs(threads) do
    for code, count in pairs(thread:get("statuses")) do
      io.write(string.format("status %d %d\n", code, count))
    end
  end
end
