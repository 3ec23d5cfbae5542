#!/usr/bin/env bash
# server/bench.sh — load-test `sip serve` with wrk against a bare net/http
# baseline, on loopback.
#
#   server/bench.sh [DURATION] [CONNECTIONS]     (defaults: 10s, 32)
#   REVS="c7bb779 ." server/bench.sh             (before/after in one run)
#   ROUNDS=5 server/bench.sh                     (rounds; the report gives medians)
#
# REVS lists the sip versions to measure side by side: git revisions (built
# from `git archive`, so uncommitted work elsewhere in the tree does not enter)
# or "." for the working tree (the default).
#
# Builds sip and a hello-world net/http server under /tmp/sip-bench, makes a
# synthetic county (sip gen + sip ingest, once), then measures requests/s for
#   baseline  GET /healthz on the bare net/http server
#   sip       GET /healthz and GET /api/datasets/NAME (access log on and off)
# The server runs with GOMAXPROCS=1 pinned to CPU 0 and wrk to the other CPUs,
# so both servers get the same single core. The report gives each endpoint's cost
# relative to the baseline, and the core's overhead: sip /healthz minus bare
# /healthz on the wire, plus what the timeout watchdog adds to a service route
# (measured in process by BenchmarkCoreHandler). The target is that the core
# adds no more than 10% to the cheapest service request (ULDK GetParcelById).
set -euo pipefail
. "$(dirname "$0")/../scripts/benchlib.sh"

DUR=${1:-10s}
CONNS=${2:-32}
W=/tmp/sip-bench
PORT_BASE=18181
PORT_SIP=18182
mkdir -p "$W"

command -v wrk >/dev/null || { echo "installing wrk" >&2; apt-get install -y wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }; }

REVS=${REVS:-.}
echo "building sip ($REVS) and the baseline…" >&2
# shellcheck disable=SC2086 # REVS is a list
"$ROOT/scripts/build-revs.sh" "$W" $REVS
bin() { [ "$1" = . ] && echo "$W/sip-wt" || echo "$W/sip-$1"; }
label() { [ "$1" = . ] && echo "worktree" || echo "$1"; }
mkdir -p "$W/hello"
cat >"$W/hello/main.go" <<'EOF'
package main

import (
	"net/http"
	"os"
)

func main() {
	// sip's /healthz handler, without sip's core around it
	http.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		hdr := w.Header()
		hdr.Set("Content-Type", "text/plain; charset=utf-8")
		hdr.Set("Cache-Control", "no-store")
		hdr.Set("Content-Length", "3")
		w.Write([]byte("ok\n"))
	})
	http.ListenAndServe(os.Args[1], nil)
}
EOF
[ -f "$W/hello/go.mod" ] || (cd "$W/hello" && GOFLAGS= go mod init hello >/dev/null 2>&1)
(cd "$W/hello" && GOFLAGS= go build -o "$W/hello/hello" .)

if [ ! -f "$W/county.gpkg" ]; then
	echo "generating and ingesting a 20k-parcel county…" >&2
	rm -rf "$W/gml"
	"$(bin "${REVS%% *}")" gen county --parcels 20000 --seed 1 --out "$W/gml" >&2
	"$(bin "${REVS%% *}")" ingest --store "$W/county.gpkg" "$W"/gml/*.gml >&2
fi

write_config() { # $1 = access log true|false
	cat >"$W/sip.yaml" <<EOF
listen: 127.0.0.1:$PORT_SIP
log: {level: info, access: $1}
datasets:
  - name: county
    store: county.gpkg
EOF
}

NCPU=$(nproc)
SRV_CPU=0
WRK_CPUS=$([ "$NCPU" -gt 1 ] && echo "1-$((NCPU - 1))" || echo 0)
WRK_THREADS=$([ "$NCPU" -gt 2 ] && echo 2 || echo 1)
PID=""
wait_up() { bench_wait_url "$1" 50; }

CLK=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# wait_idle PID: services warm caches in the background after start-up (tiles load
# every feature, parcels build their model); measuring during that would charge
# the warm-up to the requests.
wait_idle() { bench_wait_idle "$1" 120; }

# measure NAME URL: requests/s, and server CPU time per request (utime+stime of the
# server process over the run / requests), which other load on the machine
# disturbs much less than throughput.
# Each (NAME) collects one value per round in R/C as a space-separated list; the
# report gives medians. Rounds alternate the endpoints, so that a slow spell of
# the machine hits every endpoint of a round alike instead of one of them.
declare -A R C
measure() { # NAME SERVER_PID URL [HEADER]
	local name=$1 pid=$2 url=$3 hdr=()
	[ -n "${4:-}" ] && hdr=(-H "$4")
	taskset -c "$WRK_CPUS" wrk -t"$WRK_THREADS" -c"$CONNS" -d1s "${hdr[@]}" "$url" >/dev/null
	local t0 t1 out n
	t0=$(cpu_ticks "$pid")
	out=$(taskset -c "$WRK_CPUS" wrk -t"$WRK_THREADS" -c"$CONNS" -d"$DUR" "${hdr[@]}" "$url")
	t1=$(cpu_ticks "$pid")
	n=$(echo "$out" | awk '/requests in/ {print $1}')
	R[$name]="${R[$name]:-} $(echo "$out" | awk '/Requests\/sec/ {print $2}')"
	C[$name]="${C[$name]:-} $(awk -v a="$t0" -v b="$t1" -v n="$n" -v clk="$CLK" 'BEGIN { printf "%.2f", (b - a) / clk / n * 1e6 }')"
}

median() { tr ' ' '\n' | grep . | sort -g | awk '{v[NR] = $1} END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ROUNDS=${ROUNDS:-3}
# The bare baseline runs beside sip on the same core for the whole run: each
# round measures it and sip's endpoints within seconds of each other.
bench_bg env GOMAXPROCS=1 taskset -c $SRV_CPU "$W/hello/hello" 127.0.0.1:$PORT_BASE
HELLO=$BENCH_PID
wait_up http://127.0.0.1:$PORT_BASE/healthz
for rev in $REVS; do
	write_config false
	bench_bg env GOMAXPROCS=1 taskset -c $SRV_CPU "$(bin "$rev")" serve --config "$W/sip.yaml" 2>/dev/null
	PID=$BENCH_PID
	wait_up http://127.0.0.1:$PORT_SIP/readyz
	wait_idle "$PID"
	# Real service requests that are cheap: a ULDK lookup by id and a cached
	# dynamic tile (the same z16 tile again and again).
	id=$(curl -s "http://127.0.0.1:$PORT_SIP/api/parcels/search?q=1&limit=1" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
	tile=$(curl -s "http://127.0.0.1:$PORT_SIP/tiles/county.json" | /usr/bin/python3 -c '
import json, math, sys
lon, lat = json.load(sys.stdin)["center"][:2]
n = 2 ** 16
print("16/%d/%d" % ((lon + 180) / 360 * n, (1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n))')
	curl -s -o /dev/null "http://127.0.0.1:$PORT_SIP/tiles/county/$tile.mvt"
	for round in $(seq "$ROUNDS"); do
		echo "[$(label "$rev")] round $round/$ROUNDS" >&2
		measure "baseline_$rev" "$HELLO" http://127.0.0.1:$PORT_BASE/healthz
		measure "healthz_false_$rev" "$PID" http://127.0.0.1:$PORT_SIP/healthz
		measure "dataset_false_$rev" "$PID" http://127.0.0.1:$PORT_SIP/api/datasets/county
		measure "uldk_$rev" "$PID" "http://127.0.0.1:$PORT_SIP/uldk?request=GetParcelById&id=$id&result=teryt,parcel,region,commune"
		# as map clients ask for it: gzip accepted, so the stored bytes pass through
		measure "tile_$rev" "$PID" "http://127.0.0.1:$PORT_SIP/tiles/county/$tile.mvt" "Accept-Encoding: gzip"
	done
	bench_stop $PID; PID=""
	# The access log's cost, once.
	write_config true
	bench_bg env GOMAXPROCS=1 taskset -c $SRV_CPU "$(bin "$rev")" serve --config "$W/sip.yaml" 2>/dev/null >/dev/null
	PID=$BENCH_PID
	wait_up http://127.0.0.1:$PORT_SIP/readyz
	wait_idle "$PID"
	measure "healthz_true_$rev" "$PID" http://127.0.0.1:$PORT_SIP/healthz
	measure "dataset_true_$rev" "$PID" http://127.0.0.1:$PORT_SIP/api/datasets/county
	bench_stop $PID; PID=""
done

echo
echo "wrk -t$WRK_THREADS -c$CONNS -d$DUR on loopback, medians of $ROUNDS rounds; servers: GOMAXPROCS=1 on CPU $SRV_CPU; wrk on CPUs $WRK_CPUS"
printf '%-46s %11s %9s %13s %9s\n' endpoint "requests/s" "ratio" "CPU µs/req" "ratio"
med() { echo "$1" | median; }
row() { # LABEL NAME BASELINE_NAME
	awk -v n="$1" -v r="$(med "${R[$2]}")" -v b="$(med "${R[$3]}")" -v c="$(med "${C[$2]}")" -v cb="$(med "${C[$3]}")" \
		'BEGIN { printf "%-46s %11.0f %8.3fx %13.2f %8.3fx\n", n, r, b / r, c, c / cb }'
}
for rev in $REVS; do
	l=$(label "$rev")
	row "[$l] baseline net/http /healthz" "baseline_$rev" "baseline_$rev"
	row "[$l] /healthz (access log off)" "healthz_false_$rev" "baseline_$rev"
	row "[$l] /api/datasets/county (log off)" "dataset_false_$rev" "baseline_$rev"
	row "[$l] ULDK GetParcelById (log off)" "uldk_$rev" "baseline_$rev"
	row "[$l] cached z16 tile (log off)" "tile_$rev" "baseline_$rev"
	row "[$l] /healthz (access log on, 1 run)" "healthz_true_$rev" "baseline_$rev"
	row "[$l] /api/datasets/county (log on, 1 run)" "dataset_true_$rev" "baseline_$rev"
done
echo "(ratio = cost relative to the baseline: baseline req/s ÷ req/s, and CPU µs/req ÷ baseline CPU µs/req)"
echo
# The service routes (ULDK, tiles, ...) run under limits.request_timeout and
# /healthz does not: what the timeout watchdog adds is measured in process, as
# BenchmarkCoreHandler's "timed" (the bare handler on a route under the timeout)
# minus its "healthz", and added to the wire overhead.
watchdog() { # REV -> ns per request, or "" when the revision lacks the benchmark
	local dir=$ROOT out h t
	[ "$1" = . ] || dir="$W/src-$1"
	out=$(cd "$dir" && go test -run '^$' -bench 'CoreHandler/(healthz|timed)$' -benchtime 1s -count "$ROUNDS" ./server/ 2>/dev/null)
	echo "$out" | grep -q 'CoreHandler/timed' || return 0
	t=$(echo "$out" | awk '/CoreHandler\/timed/ {print $3}' | median)
	h=$(echo "$out" | awk '/CoreHandler\/healthz/ {print $3}' | median)
	[ -n "$t" ] && [ -n "$h" ] && awk -v t="$t" -v h="$h" 'BEGIN { printf "%.0f", t - h }'
}
echo "core overhead = (sip /healthz − bare /healthz, server CPU per request, access log off, median of the rounds' differences)"
echo "              + (the timeout watchdog of a service route, in process: BenchmarkCoreHandler timed − healthz);"
echo "target <= 10% of the cheapest service request (ULDK GetParcelById, a cached tile):"
for rev in $REVS; do
	diffs=$(paste <(echo "${C[healthz_false_$rev]}" | tr ' ' '\n' | grep .) <(echo "${C[baseline_$rev]}" | tr ' ' '\n' | grep .) | awk '{printf "%.2f ", $1 - $2}')
	o=$(echo "$diffs" | median)
	wd=$(watchdog "$rev")
	awk -v l="$(label "$rev")" -v o="$o" -v wd="$wd" -v d="$diffs" -v cb="$(med "${C[baseline_$rev]}")" -v cd="$(med "${C[dataset_false_$rev]}")" \
		-v cu="$(med "${C[uldk_$rev]}")" -v ct="$(med "${C[tile_$rev]}")" 'BEGIN {
		if (wd == "") { wdt = "watchdog not measured (no timed benchmark in this revision)"; w = 0 } else { w = wd / 1000; wdt = sprintf("watchdog %.2f µs", w) }
		t = o + w
		printf "  [%s] %.2f µs/req = wire %.2f (rounds: %s) + %s\n", l, t, o, d, wdt
		printf "       = %.1f%% of ULDK GetParcelById (%.2f µs), %.1f%% of a cached tile (%.2f µs), %.1f%% of /api/datasets/county (%.2f µs); wire part = %.1f%% of bare /healthz (%.2f µs)\n", t / cu * 100, cu, t / ct * 100, ct, t / cd * 100, cd, o / cb * 100, cb
	}'
done
