#!/usr/bin/env bash
# Load test of the parcel lookups with wrk on loopback over a generated county
# (default 300k parcels, as issue 7 asks): ULDK GetParcelById, GetParcelByXY,
# the API point lookup and the autocomplete, each request for a different parcel,
# plus /healthz of the same server as the in-run baseline.
#
#   parcels/bench.sh                 # 300k parcels, 15 s per endpoint
#   PARCELS=50000 DURATION=5 parcels/bench.sh
#
# The county and its GeoPackage are cached in $BENCH_DIR between runs. No peer
# runs side by side: GUGiK's ULDK (PostGIS behind it) is a national service that
# cannot be hosted here; see the issue note.
set -euo pipefail
cd "$(dirname "$0")/.."
PARCELS=${PARCELS:-300000}
DURATION=${DURATION:-15}
CONNS=${CONNS:-32}
BENCH_DIR=${BENCH_DIR:-/tmp/sip-bench-parcels-$PARCELS}
PORT=${PORT:-18097}
command -v wrk >/dev/null || { echo "wrk is missing: make deps-bench" >&2; exit 1; }
mkdir -p "$BENCH_DIR"
go build -o "$BENCH_DIR/sip" ./cmd/sip
if [ ! -s "$BENCH_DIR/county.gpkg" ]; then
  "$BENCH_DIR/sip" gen county --parcels "$PARCELS" --seed 11 --out "$BENCH_DIR/gml"
  "$BENCH_DIR/sip" ingest --store "$BENCH_DIR/county.gpkg.tmp" "$BENCH_DIR"/gml/*.gml
  mv "$BENCH_DIR/county.gpkg.tmp" "$BENCH_DIR/county.gpkg"
fi
# 20k request paths from the data (ids, and a point inside each parcel).
if [ ! -s "$BENCH_DIR/byid.txt" ]; then
  /usr/bin/python3 - "$BENCH_DIR" <<'PY'
import sys, random, urllib.parse
from osgeo import ogr
d = sys.argv[1]
ds = ogr.Open(d + '/county.gpkg')
lyr = ds.GetLayerByName('dzialki')
n = lyr.GetFeatureCount()
random.seed(7)
pick = set(random.sample(range(1, n + 1), min(20000, n)))
byid, byxy, api, srch = [], [], [], []
for f in lyr:
    if f.GetFID() not in pick:
        continue
    pid = f.GetField('id_dzialki')
    p = f.GetGeometryRef().PointOnSurface()
    byid.append('/uldk?request=GetParcelById&id=%s&result=geom_wkt,teryt,parcel,region,commune,county,voivodeship&srid=2180' % urllib.parse.quote(pid, safe='/'))
    byxy.append('/uldk?request=GetParcelByXY&xy=%.2f,%.2f&result=teryt,parcel,region' % (p.GetX(), p.GetY()))
    api.append('/api/parcels?xy=%.2f,%.2f' % (p.GetX(), p.GetY()))
    srch.append('/api/parcels/search?q=%s' % urllib.parse.quote(pid[:len(pid) - 1]))
for name, lines in (('byid', byid), ('byxy', byxy), ('api', api), ('search', srch)):
    open('%s/%s.txt' % (d, name), 'w').write('\n'.join(lines) + '\n')
PY
fi
"$BENCH_DIR/sip" serve --store "$BENCH_DIR/county.gpkg" --name county --listen "127.0.0.1:$PORT" >"$BENCH_DIR/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  curl -sf "http://127.0.0.1:$PORT/uldk?request=GetParcelById&id=x" >/dev/null 2>&1 && break || sleep 0.2
done
# The parcel model loads in the background: wait for the first real answer.
first=$(head -1 "$BENCH_DIR/byid.txt")
for _ in $(seq 1 600); do
  [ "$(curl -s "http://127.0.0.1:$PORT$first" | head -c1)" = "0" ] && break || sleep 0.2
done
# Baseline in the same run: /healthz through the same core (routing, logging,
# metrics, no work), so figures on a busy machine still compare.
echo /healthz >"$BENCH_DIR/healthz.txt"
echo "parcels: $PARCELS, wrk -t2 -c$CONNS -d${DURATION}s, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
for name in healthz byid byxy api search; do
  printf '%-8s ' "$name"
  PATHS="$BENCH_DIR/$name.txt" wrk -t2 -c"$CONNS" -d"${DURATION}s" -s parcels/bench.lua "http://127.0.0.1:$PORT" | grep RESULT
done
echo "server RSS: $(ps -o rss= -p $SERVER | awk '{printf "%.0f MB", $1/1024}')"
