-- Counts the 302 answers wrk received (per thread, summed in done()), for the crash test of bench/clicks.sh.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  redirects = 0
end

function response(status, headers, body)
  if status == 302 then
    redirects = redirects + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do
    total = total + t:get("redirects")
  end
  io.write(string.format("redirects_302=%d\n", total))
end
