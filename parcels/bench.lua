-- wrk script: cycles through the request paths listed (one per line) in the
-- file named by $PATHS, so every request asks for a different parcel.
local paths = {}
for line in io.lines(os.getenv("PATHS")) do paths[#paths + 1] = line end
local i = 0
-- $DELAY_MS paces each connection: it waits that long after every answer
-- before its next request (users with a think time), so that the latency is
-- measured at a chosen load instead of at saturation.
local pause = tonumber(os.getenv("DELAY_MS") or "")
if pause and pause > 0 then
  delay = function() return pause end
end
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests/s=%.0f p50_ms=%.3f p99_ms=%.3f errors=%d non2xx=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
