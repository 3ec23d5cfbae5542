#!/usr/bin/env bash
# Memory and throughput of `sip serve` against the size of the dataset, for both
# store backends (GeoPackage and PostGIS), under the mixed load of issue 17:
# WMS GetMap 512×512 at 1:5000 over distinct boxes, OGC API items (bbox, limit
# 100), dynamic MVT z14–16 and ULDK GetParcelByXY, wrk on loopback, rate limit off.
#
#   scripts/bench-memory.sh                          # 50k and 300k parcels, both backends
#   SIZES="50000 300000 3000000" scripts/bench-memory.sh
#   REVS="main ." scripts/bench-memory.sh            # before/after: sip built from main and from the tree
#
# For each size, backend and sip version it reports: seconds to /readyz and to
# idle (background warm-ups done), RSS idle, peak RSS under the mixed load
# (CONNS connections, DURATION seconds), and requests/s of each request kind on
# its own (ULDK with 32 connections, the others with CONNS).
#
# Datasets are made once and kept in $BENCH_DIR (default /tmp/sip-bench-memory):
# county-N.gpkg by `sip gen county --store` (generated straight into the store,
# one jednostka at a time: no GML left on disk), and schema county_N of a
# PostgreSQL 15 / PostGIS 3 cluster the script runs in $BENCH_DIR/pg (as the
# postgres user when run as root), or of the database SIP_BENCH_PG names (libpq
# keywords without a schema: "host=/run/postgresql dbname=sip"). A 3M-parcel
# county takes about 25 GB per backend and hours to load on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SIZES=${SIZES:-50000 300000}
BACKENDS=${BACKENDS:-gpkg postgis}
REVS=${REVS:-.}
DURATION=${DURATION:-20}
CONNS=${CONNS:-8}
PORT=${PORT:-18351}
PGPORT=${PGPORT:-18352}
BENCH_DIR=${BENCH_DIR:-/tmp/sip-bench-memory}
for c in wrk curl /usr/bin/python3 /usr/lib/postgresql/15/bin/pg_ctl; do
	command -v "$c" >/dev/null || { echo "bench-memory: $c missing (make deps-bench)" >&2; exit 1; }
done
mkdir -p "$BENCH_DIR"
chmod 755 "$BENCH_DIR"
scripts/build-revs.sh "$BENCH_DIR/bin" $REVS
bin() { if [ "$1" = . ]; then echo "$BENCH_DIR/bin/sip-wt"; else echo "$BENCH_DIR/bin/sip-$1"; fi; }
SIP=$(bin "${REVS##* }") # the newest version makes the datasets

# --- the PostgreSQL cluster (scripts/bench-pg.sh) ---
. scripts/bench-pg.sh
PIDS=()
cleanup() {
	for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
	pg_down
}
trap cleanup EXIT
if [[ " $BACKENDS " == *" postgis "* ]]; then pg_up "$BENCH_DIR/pg" "$PGPORT"; fi
pgdsn() { echo "$PGCONN schema=county_$1"; }

# --- the datasets ---
make_data() { # size
	local n=$1
	if [[ " $BACKENDS " == *" gpkg "* ]] && [ ! -s "$BENCH_DIR/county-$n.gpkg" ]; then
		echo "making county-$n.gpkg…" >&2
		"$SIP" gen county --parcels "$n" --seed 11 --store "$BENCH_DIR/county-$n.gpkg" --name county >&2
	fi
	if [[ " $BACKENDS " == *" postgis "* ]] && ! pg_has_schema "county_$n"; then
		echo "making schema county_$n…" >&2
		"$SIP" gen county --parcels "$n" --seed 11 --store "$(pgdsn "$n")" --name county >&2
	fi
}

# Request paths of each kind, from the data: 20k points inside random parcels
# (ULDK), 5000 distinct 1:5000 map boxes and item boxes around random parcels,
# and the z14–16 tiles holding them.
make_paths() { # size
	local n=$1 src
	[ -s "$BENCH_DIR/paths-$n/mixed.txt" ] && return
	mkdir -p "$BENCH_DIR/paths-$n"
	if [ -s "$BENCH_DIR/county-$n.gpkg" ]; then src=$BENCH_DIR/county-$n.gpkg; else src="PG:$(pgdsn "$n" | sed 's/schema=/active_schema=/')"; fi
	/usr/bin/python3 - "$src" "$BENCH_DIR/paths-$n" <<'PY'
import math, random, sys
from osgeo import gdal, ogr, osr
gdal.PushErrorHandler('CPLQuietErrorHandler')  # GetFeature of an unused fid is retried
src, out = sys.argv[1], sys.argv[2]
ds = ogr.Open(src)
lyr = ds.GetLayerByName('dzialki')
fids = [f for f in range(1, lyr.GetFeatureCount() * 2)]
random.seed(17)
wgs = osr.SpatialReference(); wgs.ImportFromEPSG(4326); wgs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
pl = osr.SpatialReference(); pl.ImportFromEPSG(2180); pl.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
tr = osr.CoordinateTransformation(pl, wgs)
pts = []
while len(pts) < 20000:
    f = lyr.GetFeature(random.choice(fids))
    if f is None:
        continue
    p = f.GetGeometryRef().PointOnSurface()
    pts.append((p.GetX(), p.GetY()))
half = 512 * 0.00028 * 5000 / 2  # a 512 px map at 1:5000: 716.8 m
uldk = ['/uldk?request=GetParcelByXY&xy=%.2f,%.2f&result=teryt,parcel,region,commune&srid=2180' % p for p in pts]
wms = ['/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=dzialki,budynki,numery_dzialek&STYLES=&SRS=EPSG:2180'
       '&WIDTH=512&HEIGHT=512&FORMAT=image/png&BBOX=%.2f,%.2f,%.2f,%.2f' % (x - half, y - half, x + half, y + half) for x, y in pts[:5000]]
items = ['/ogc/collections/dzialki/items?limit=100&bbox-crs=EPSG:2180&bbox=%.2f,%.2f,%.2f,%.2f' % (y - 150, x - 150, y + 150, x + 150)
         for x, y in pts[5000:10000]]
mvt = []
for i, (x, y) in enumerate(pts[10000:15000]):
    lon, lat, _ = tr.TransformPoint(x, y)
    z = 14 + i % 3
    n = 2 ** z
    tx = int((lon + 180) / 360 * n)
    ty = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)
    mvt.append('/tiles/county/%d/%d/%d.mvt' % (z, tx, ty))
mixed = [p for quad in zip(wms, items, mvt, uldk) for p in quad]
for name, lines in (('uldk', uldk), ('wms', wms), ('items', items), ('mvt', mvt), ('mixed', mixed)):
    open('%s/%s.txt' % (out, name), 'w').write('\n'.join(lines) + '\n')
PY
}

rss() { awk '/^VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
hwm() { awk '/^VmHWM/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
rate() { # name conns paths-file -> requests/s (non-2xx counted apart)
	PATHS="$2" wrk -t2 -c"$1" -d"${DURATION}s" -s parcels/bench.lua "http://127.0.0.1:$PORT" | awk '/RESULT/ {
		split($2, a, "="); split($6, e, "="); printf "%s%s", a[2], (e[2] > 0 ? "(" e[2] " non2xx)" : "") }'
}

run() { # rev backend size
	local rev=$1 be=$2 n=$3 store
	if [ "$be" = gpkg ]; then store=$BENCH_DIR/county-$n.gpkg; else store=$(pgdsn "$n"); fi
	cat >"$BENCH_DIR/sip.yaml" <<EOY
listen: 127.0.0.1:$PORT
datasets:
  - name: county
    store: "$store"
limits:
  rate_limit: {rate: 0, burst: 1}
log: {level: warn, access: false}
EOY
	local t0 pid ready idle
	t0=$(date +%s.%N)
	"$(bin "$rev")" serve --config "$BENCH_DIR/sip.yaml" 2>"$BENCH_DIR/serve.log" &
	pid=$!
	PIDS+=("$pid")
	until curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1; do sleep 0.1; done
	local first
	first=$(head -1 "$BENCH_DIR/paths-$n/uldk.txt")
	until [ "$(curl -s "http://127.0.0.1:$PORT$first" | head -c1)" = 0 ]; do sleep 0.1; done
	ready=$(echo "$(date +%s.%N) - $t0" | bc)
	scripts/wait-idle.sh "$pid" 1800
	idle=$(echo "$(date +%s.%N) - $t0" | bc)
	local rss_idle peak=0 sampler
	rss_idle=$(rss "$pid")
	( while kill -0 "$pid" 2>/dev/null; do rss "$pid"; echo; sleep 0.5; done ) >"$BENCH_DIR/rss.txt" &
	sampler=$!
	local mixed
	mixed=$(rate "$CONNS" "$BENCH_DIR/paths-$n/mixed.txt")
	kill "$sampler" 2>/dev/null || true
	peak=$(sort -n "$BENCH_DIR/rss.txt" | tail -1)
	local uldk wms items mvt
	uldk=$(rate 32 "$BENCH_DIR/paths-$n/uldk.txt")
	wms=$(rate "$CONNS" "$BENCH_DIR/paths-$n/wms.txt")
	items=$(rate "$CONNS" "$BENCH_DIR/paths-$n/items.txt")
	mvt=$(rate "$CONNS" "$BENCH_DIR/paths-$n/mvt.txt")
	printf '%-8s %-8s %8d %7.1f %7.1f %8s %9s %9s %10s %10s %10s %10s %9s\n' "$rev" "$be" "$n" "$ready" "$idle" "$rss_idle" "$peak" \
		"$mixed" "$uldk" "$wms" "$items" "$mvt" "$(hwm "$pid")"
	kill "$pid"
	wait "$pid" 2>/dev/null || true
}

for n in $SIZES; do
	make_data "$n"
	make_paths "$n"
done
echo "sip serve under the mixed load: $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), wrk -t2 -c$CONNS -d${DURATION}s (ULDK alone: -c32)"
echo "ready: s to /readyz and a ULDK answer; idle: s until warm-ups end; RSS in MB; the rest requests/s"
printf '%-8s %-8s %8s %7s %7s %8s %9s %9s %10s %10s %10s %10s %9s\n' rev backend parcels ready idle RSSidle RSSmixed mixed uldk_xy wms_512 items_100 mvt_z14-16 RSSpeak
for n in $SIZES; do
	for be in $BACKENDS; do
		for rev in $REVS; do
			run "$rev" "$be" "$n"
		done
	done
done
