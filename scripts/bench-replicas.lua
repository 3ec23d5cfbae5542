-- wrk script of scripts/bench-replicas.sh: each thread cycles through the
-- paths of the file named by SIP_BENCH_PATHS (WMS GetMap, OGC API items, tiles
-- of the S3 tileset, ULDK), starting at a different line, and the run ends
-- with one line of counts the script reads.
local paths = {}
for line in io.lines(os.getenv("SIP_BENCH_PATHS")) do paths[#paths + 1] = line end
local counter = 0

function setup(thread)
	thread:set("start", counter * 97)
	counter = counter + 1
end

function init(args)
	i = start or 0
end

function request()
	i = i + 1
	return wrk.format("GET", paths[(i % #paths) + 1])
end

function done(summary, latency, requests)
	local e = summary.errors
	io.write(string.format("WRK requests=%d connect=%d read=%d write=%d status=%d timeout=%d p99ms=%.1f\n",
		summary.requests, e.connect, e.read, e.write, e.status, e.timeout, latency:percentile(99) / 1000))
end
