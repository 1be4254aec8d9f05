-- Counts responses by status and prints "status <code> <count>" lines when wrk finishes.
-- Loaded by the other scripts with dofile(); the harness runs wrk from benchmarks/wrk.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
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
