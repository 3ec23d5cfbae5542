#!/usr/bin/env bash
# web/bench.sh — the viewer's budgets, measured on this machine in one run:
#  - JavaScript shipped (gzipped bytes, budget 1 MB),
#  - first render in Debian's chromium (navigation start → parcels drawn) over
#    RUNS page loads with an empty cache and as a second visit (budget 1.5 s),
#  - serving the bundle: Go benchmarks, and wrk on /assets/app.js when installed.
# PARCELS (default 2000), RUNS (default 10), DUR (wrk seconds, default 10).
set -euo pipefail
. "$(dirname "$0")/../scripts/benchlib.sh"
cd "$ROOT"
PARCELS=${PARCELS:-2000} RUNS=${RUNS:-10} DUR=${DUR:-10}
command -v node >/dev/null && [ -x "${CHROMIUM:-/usr/bin/chromium}" ] || { echo "web/bench.sh: node and chromium are needed (make test installs them)"; exit 0; }
[ -d web/node_modules/playwright-core ] || npm ci --prefix web --no-audit --no-fund >/dev/null
work=$(mktemp -d)
bench_at_exit 'rm -rf "$work"'
go build -o "$work/sip" ./cmd/sip
"$work/sip" gen county --parcels "$PARCELS" --seed 1 --out "$work/gml" >/dev/null
"$work/sip" ingest --store "$work/county.gpkg" "$work"/gml/*.gml >/dev/null
port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
bench_bg "$work/sip" serve --store "$work/county.gpkg" --listen "127.0.0.1:$port" --log-format json 2>"$work/serve.log"
bench_wait_url "http://127.0.0.1:$port/healthz" 50
base="http://127.0.0.1:$port"
js=0
for f in app.js maplibre-gl-worker.mjs; do
	n=$(curl -s -H 'Accept-Encoding: gzip' "$base/assets/$f" | wc -c); js=$((js + n))
done
echo "JavaScript shipped: $js bytes gzipped (budget 1048576)"
echo "first render, $PARCELS-parcel county, $RUNS runs:"
node web/e2e/firstrender.mjs "$base" "$RUNS"
go test -run '^$' -bench . -benchmem ./web/ | grep -E '^Benchmark'
if command -v wrk >/dev/null; then
	echo "wrk -t2 -c16 -d${DUR}s /assets/app.js (gzip):"
	wrk -t2 -c16 -d"${DUR}s" -H 'Accept-Encoding: gzip' "$base/assets/app.js" | grep -E 'Requests/sec|Latency'
fi
