#!/usr/bin/env bash
# wms/burst.sh — the abuse burst of issue 16 against `sip serve`: one client
# sends many large GetMaps at once. Memory must stay bounded, every request
# must be answered (200, or 503 with Retry-After in the WMS exception format)
# within the request timeout, and /healthz must stay fast meanwhile.
#
#   wms/burst.sh                    (the working tree)
#   REVS="9673ee3 ." wms/burst.sh   (before/after in one run: git revisions or ".")
#   PARCELS=3000 RSS_CAP_MB=6144 wms/burst.sh
#
# Two bursts per version, each on a freshly started server (default rate
# limit, 50/s burst 100) over a generated county (sip gen county, 3000 parcels):
#   big     64 concurrent GetMaps LAYERS=dzialki,budynki,numery_dzialek,obreby,
#           WIDTH=HEIGHT=4096, over a 5.7 km box (default request_timeout 60s)
#   layers  32 concurrent 64-layer GetMaps (the eight KIEG layers eight times),
#           4096x4096, same box, with limits.request_timeout 20s
# During each burst /healthz is asked every 20 ms and the server's resident
# memory is sampled every 50 ms. Reported per burst: status counts, 503s with
# Retry-After and a ServiceExceptionReport, the slowest answer, /healthz p50 /
# p99 / max, peak RSS (VmHWM) and the RSS 10 s after the burst (memory given
# back). A server going past RSS_CAP_MB (default 6144) is killed, so that an
# unprotected version cannot take the machine down; its row says so.
set -euo pipefail
. "$(dirname "$0")/../scripts/benchlib.sh"

W=/tmp/sip-wms-burst
PORT=18293
PARCELS=${PARCELS:-3000}
RSS_CAP_MB=${RSS_CAP_MB:-6144}
REVS=${REVS:-.}
mkdir -p "$W"

"$ROOT/scripts/apt-ensure.sh" curl >&2

echo "building sip ($REVS)…" >&2
# shellcheck disable=SC2086 # REVS is a list
"$ROOT/scripts/build-revs.sh" "$W" $REVS
bin() { [ "$1" = . ] && echo "$W/sip-wt" || echo "$W/sip-$1"; }
label() { [ "$1" = . ] && echo "worktree" || echo "$1"; }

GPKG="$W/county-$PARCELS.gpkg"
if [ ! -f "$GPKG" ]; then
	echo "generating and ingesting a $PARCELS-parcel county…" >&2
	rm -rf "$W/gml"
	"$(bin "${REVS%% *}")" gen county --parcels "$PARCELS" --seed 1 --out "$W/gml" >&2
	"$(bin "${REVS%% *}")" ingest --store "$GPKG" "$W"/gml/*.gml >&2
fi

PID=""

# The burst client: N threads released together, a /healthz prober and an RSS
# sampler; prints one result line.
cat >"$W/burst.py" <<'EOF'
import http.client, os, signal, sys, threading, time

port, pid, n, layers, cap_mb, label = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], int(sys.argv[5]), sys.argv[6]
cx, cy, half = 509006, 413662, 2850  # the middle of the county, a 5.7 km box
path = ("/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=%s&STYLES=&SRS=EPSG:2180"
        "&BBOX=%d,%d,%d,%d&WIDTH=4096&HEIGHT=4096&FORMAT=image/png") % (layers, cx - half, cy - half, cx + half, cy + half)

def rss_kb(field):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith(field):
                    return int(line.split()[1])
    except OSError:
        return -1
    return -1

results, stop = [], threading.Event()
killed = [False]
peak = [0]

def sampler():
    while not stop.is_set():
        r = rss_kb("VmRSS:")
        peak[0] = max(peak[0], r)
        if r > cap_mb * 1024:
            os.kill(pid, signal.SIGKILL)
            killed[0] = True
            return
        time.sleep(0.05)

def prober(out):
    # In a process of its own: the burst's threads share this one's lock.
    f = open(out, "w")
    while True:
        t0 = time.monotonic()
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            c.request("GET", "/healthz")
            c.getresponse().read()
            c.close()
            f.write("%f\n" % (time.monotonic() - t0))
        except Exception:
            f.write("inf\n")
        f.flush()
        time.sleep(0.02)

go = threading.Barrier(n)
def client():
    go.wait()
    t0 = time.monotonic()
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
        c.request("GET", path)
        r = c.getresponse()
        body = r.read()
        ok503 = r.status == 503 and r.getheader("Retry-After") is not None and b"ServiceExceptionReport" in body
        results.append((r.status, time.monotonic() - t0, ok503))
        c.close()
    except Exception as e:
        results.append(("error", time.monotonic() - t0, False))

probe_file = os.path.join(os.path.dirname(os.path.abspath(sys.argv[0])), "probes.%d" % os.getpid())
probe_pid = os.fork()
if probe_pid == 0:
    prober(probe_file)
    os._exit(0)
threads = [threading.Thread(target=sampler)]
for t in threads:
    t.start()
time.sleep(0.5)
clients = [threading.Thread(target=client) for _ in range(n)]
for t in clients:
    t.start()
for t in clients:
    t.join()
stop.set()
os.kill(probe_pid, signal.SIGKILL)
os.waitpid(probe_pid, 0)
for t in threads:
    t.join()
probes = [float(x) for x in open(probe_file).read().split()]
os.unlink(probe_file)
hwm = rss_kb("VmHWM:")
time.sleep(10)
after = rss_kb("VmRSS:")

counts = {}
for s, _, _ in results:
    counts[s] = counts.get(s, 0) + 1
n503 = sum(1 for r in results if r[0] == 503)
good503 = sum(1 for r in results if r[2])
ps = sorted(probes)
def pct(p):
    return ps[min(len(ps) - 1, int(p * len(ps)))] * 1000 if ps else float("nan")
mb = lambda kb: "%.0f MB" % (kb / 1024) if kb >= 0 else "gone"
print("%-22s %s   503 with Retry-After+report %d/%d   slowest %.1f s   /healthz p50 %.1f p99 %.1f max %.1f ms (%d probes)   peak RSS %s   RSS 10 s after %s%s" % (
    label, " ".join("%s:%d" % (k, v) for k, v in sorted(counts.items(), key=str)), good503, n503,
    max(r[1] for r in results), pct(0.5), pct(0.99), ps[-1] * 1000 if ps else float("nan"), len(ps),
    mb(max(hwm, peak[0])), mb(after), "   KILLED at RSS cap %d MB" % cap_mb if killed[0] else ""))
EOF

serve() { # REV TIMEOUT
	cat >"$W/sip.yaml" <<EOF
listen: 127.0.0.1:$PORT
log: {level: warn, access: false}
datasets:
  - name: county
    store: $GPKG
limits:
  request_timeout: $2
EOF
	bench_bg "$(bin "$1")" serve --config "$W/sip.yaml" 2>>"$W/sip.log"
	PID=$BENCH_PID
	bench_wait_url "http://127.0.0.1:$PORT/readyz" 50
	bench_wait_idle "$PID" 120
}

stop() {
	bench_stop "$PID"
	PID=""
}

BIG=dzialki,budynki,numery_dzialek,obreby
ALL=$(printf 'jednostki,obreby,uzytki,kontury,dzialki,budynki,punkty,numery_dzialek,%.0s' $(seq 8))
ALL=${ALL%,}
: >"$W/sip.log"
echo "GetMap bursts, $PARCELS-parcel county, 4096x4096 PNG over a 5.7 km box, default rate limit:"
for rev in $REVS; do
	serve "$rev" 60s
	/usr/bin/python3 "$W/burst.py" "$PORT" "$PID" 64 "$BIG" "$RSS_CAP_MB" "[$(label "$rev")] big x64"
	stop
	serve "$rev" 20s
	/usr/bin/python3 "$W/burst.py" "$PORT" "$PID" 32 "$ALL" "$RSS_CAP_MB" "[$(label "$rev")] 64 layers x32"
	stop
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
