#!/usr/bin/env bash
# Resident reports on a generated county with its road dataset (default 300k
# parcels, as issue 19 asks):
#
#   1. routing decisions per second: the Go benchmarks BenchmarkRouteCounty
#      (one goroutine) and BenchmarkRouteCountyParallel (every core) over the
#      model built from the county's jednostki/obręby and the roads, random
#      points of the county, every default category;
#      peer, same data, same run: the spatial part of the same decision in
#      PostGIS (as FixMyStreet's MapIt asks it): the jednostka containing the
#      point (ST_Contains, GiST) and the nearest road within reach (ST_DWithin,
#      ORDER BY distance), one SQL call per point through pgbench -c2, no HTTP;
#   2. POST throughput: wrk -c$CONNS posting form-encoded reports (lat/long,
#      attributes, a contact) to sip serve, every one routed, stored durably
#      and enqueued for delivery; GET requests/{id}.json and /healthz of the
#      same server as the in-run baselines; the server's peak RSS.
#
#   open311/bench.sh
#   PARCELS=50000 DURATION=5 open311/bench.sh
#
# The county and its stores are cached in $BENCH_DIR between runs.
set -euo pipefail
. "$(dirname "$0")/../scripts/benchlib.sh"
cd "$ROOT"
PARCELS=${PARCELS:-300000}
DURATION=${DURATION:-15}
CONNS=${CONNS:-8}
BENCH_DIR=${BENCH_DIR:-/tmp/sip-bench-open311-$PARCELS}
PORT=${PORT:-18311}
command -v wrk >/dev/null || { echo "wrk is missing: make deps-bench" >&2; exit 1; }
mkdir -p "$BENCH_DIR"
RES="$BENCH_DIR/results.txt"
: > "$RES"
say() { echo "$*" | tee -a "$RES"; }
go build -o "$BENCH_DIR/sip" ./cmd/sip
if [ ! -s "$BENCH_DIR/county.gpkg" ] || [ ! -s "$BENCH_DIR/drogi.gpkg" ]; then
	rm -rf "$BENCH_DIR/gml" "$BENCH_DIR"/*.gpkg*
	"$BENCH_DIR/sip" gen county --parcels "$PARCELS" --seed 11 --out "$BENCH_DIR/gml"
	"$BENCH_DIR/sip" ingest --store "$BENCH_DIR/county.gpkg.tmp" --name powiat_laski "$BENCH_DIR"/gml/*.gml
	"$BENCH_DIR/sip" ingest --store "$BENCH_DIR/drogi.gpkg.tmp" --name drogi "$BENCH_DIR/gml/drogi.geojson"
	mv "$BENCH_DIR/county.gpkg.tmp" "$BENCH_DIR/county.gpkg"
	mv "$BENCH_DIR/drogi.gpkg.tmp" "$BENCH_DIR/drogi.gpkg"
fi
say "county: $PARCELS parcels, $(ogrinfo -ro -so "$BENCH_DIR/county.gpkg" jednostki 2>/dev/null | awk -F': ' '/Feature Count/ {print $2}') jednostki, $(ogrinfo -ro -so "$BENCH_DIR/county.gpkg" obreby 2>/dev/null | awk -F': ' '/Feature Count/ {print $2}') obręby, $(ogrinfo -ro -so "$BENCH_DIR/drogi.gpkg" drogi 2>/dev/null | awk -F': ' '/Feature Count/ {print $2}') roads"

# 1. Routing decisions per second.
SIP_BENCH_DIR="$BENCH_DIR" go test -run '^$' -bench 'BenchmarkRouteCounty' -benchtime "${DURATION}s" -v ./open311/ 2>&1 | tee "$BENCH_DIR/go-bench.txt" | grep -E 'model of|Benchmark' | tee -a "$RES"
sip_route=$(awk '/BenchmarkRouteCounty-/ {for (i = 1; i <= NF; i++) if ($(i+1) == "decisions/s") print $i}' "$BENCH_DIR/go-bench.txt" | head -1)
sip_par=$(awk '/BenchmarkRouteCountyParallel/ {for (i = 1; i <= NF; i++) if ($(i+1) == "decisions/s") print $i}' "$BENCH_DIR/go-bench.txt" | head -1)

if bench_postgis "$BENCH_DIR/pg" 55433; then
	if ! $PSQL -tAc "SELECT 1 FROM pg_tables WHERE tablename = 'bench_points'" | grep -q 1; then
		$PSQL -c "CREATE EXTENSION IF NOT EXISTS postgis"
		ogr2ogr -f PostgreSQL "PG:host=$PGDIR port=55433 user=postgres dbname=postgres" "$BENCH_DIR/county.gpkg" jednostki -nln jednostki -lco GEOMETRY_NAME=geom -lco SPATIAL_INDEX=GIST -overwrite
		ogr2ogr -f PostgreSQL "PG:host=$PGDIR port=55433 user=postgres dbname=postgres" "$BENCH_DIR/drogi.gpkg" drogi -nln drogi -lco GEOMETRY_NAME=geom -lco SPATIAL_INDEX=GIST -overwrite
		$PSQL <<'SQL'
CREATE TABLE bench_points AS
  SELECT i, ST_SetSRID(ST_MakePoint(ST_XMin(e) + random() * (ST_XMax(e) - ST_XMin(e)), ST_YMin(e) + random() * (ST_YMax(e) - ST_YMin(e))), 2180) AS p
  FROM generate_series(1, 65536) i, (SELECT ST_Extent(geom)::geometry AS e FROM jednostki) x;
ALTER TABLE bench_points ADD PRIMARY KEY (i);
-- The spatial part of one decision: the jednostka at the point, and the
-- nearest road within reach (10 m + the 15 m flagging margin).
CREATE FUNCTION route(pt geometry) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT concat((SELECT id_jednostki FROM jednostki WHERE ST_Contains(geom, pt) LIMIT 1), ' ',
    (SELECT kategoria FROM drogi WHERE ST_DWithin(geom, pt, 25) ORDER BY ST_Distance(geom, pt) LIMIT 1))
$$;
ANALYZE;
SQL
	fi
	printf '\\set i random(1, 65536)\nSELECT route(p) FROM bench_points WHERE i = :i;\n' > "$BENCH_DIR/pgbench.sql"
	pgtps=$(su postgres -c "$PG/pgbench -h $PGDIR -p 55433 -n -c 2 -j 2 -T $DURATION -f $BENCH_DIR/pgbench.sql postgres" 2>&1 | tee "$BENCH_DIR/pgbench.log" | awk '/^tps/ {print $3; exit}')
	say "PostGIS route(p)   $pgtps decisions/s (pgbench -c2, SQL only: area and nearest road, no flags, no reason)"
	if [ -n "$sip_par" ] && [ -n "$pgtps" ]; then
		say "ratio sip/postgis = $(echo "$sip_par / $pgtps" | bc -l | cut -c1-6) (sip on every core, with flags and the reason)"
	fi
else
	say "PostGIS not installed (postgresql-15-postgis-3): no peer run"
fi

# 2. POST throughput.
RUN="$BENCH_DIR/run"
rm -rf "$RUN" && mkdir -p "$RUN"
cat > "$RUN/sip.yaml" <<YAML
listen: 127.0.0.1:$PORT
log: {access: false}
datasets:
  - {name: powiat_laski, store: $BENCH_DIR/county.gpkg, title: Powiat łaski}
  - {name: drogi, store: $BENCH_DIR/drogi.gpkg, title: Drogi publiczne}
  - name: zgloszenia
    store: $RUN/zgloszenia.gpkg
    layers: [{name: zgloszenia, public: false}]
open311:
  dataset: zgloszenia
  database: $RUN/open311.sqlite
  rate_limit: {rate: 1000000, burst: 1000000}
  # Every report is delivered: a signed webhook to a port nobody listens on
  # (one refused attempt each, the next an hour later).
  units:
    - {code: powiat, name: Starostwo, county: true, gminy: [], webhook: {url: "http://127.0.0.1:9/hook", secret_env: SIP_BENCH_HOOK_SECRET}}
  services:
    - {code: inne, name: Inny problem, route: county}
outbox:
  database: $RUN/outbox.sqlite
  retry_min: 1h
YAML
export SIP_BENCH_HOOK_SECRET=bench-secret-0123456789abcdef
/usr/bin/python3 - "$BENCH_DIR" > "$RUN/points.lua" <<'PY'
import sys, random
from osgeo import ogr, osr
ds = ogr.Open(sys.argv[1] + '/county.gpkg')
lyr = ds.GetLayerByName('jednostki')
x0, x1, y0, y1 = lyr.GetExtent()
src = osr.SpatialReference(); src.ImportFromEPSG(2180)
dst = osr.SpatialReference(); dst.ImportFromEPSG(4326); dst.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
tr = osr.CoordinateTransformation(src, dst)
random.seed(5)
print('points = {')
for _ in range(4096):
    lon, lat, _ = tr.TransformPoint(random.uniform(x0, x1), random.uniform(y0, y1))
    print('  {%.7f, %.7f},' % (lat, lon))
print('}')
PY
cat >> "$RUN/points.lua" <<'LUA'
services = {"inne"}
n = 0
request = function()
  n = n + 1
  local p = points[(n % #points) + 1]
  local body = string.format("service_code=%s&lat=%.7f&long=%.7f&description=test%%20%d&email=bench%d%%40example.org",
    services[(n % #services) + 1], p[1], p[2], n, n)
  return wrk.format("POST", "/open311/v2/requests.json", {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end
LUA
# Under /usr/bin/time for the peak RSS: stopping sip (time's child) lets time
# write it; at exit in any case.
/usr/bin/time -v "$BENCH_DIR/sip" serve --config "$RUN/sip.yaml" 2> "$RUN/serve.log" &
TIME_PID=$!
stop_sip() { SIP_PID=$(pgrep -P $TIME_PID || true); [ -n "$SIP_PID" ] && kill "$SIP_PID" 2> /dev/null; wait $TIME_PID || true; }
bench_at_exit stop_sip
bench_wait_url "http://127.0.0.1:$PORT/readyz"
curl -fs "http://127.0.0.1:$PORT/open311/v2/services.json" > /dev/null
# The tiles' start-up warm-up reads the whole county: measure after it.
for _ in $(seq 1 600); do grep -Eq 'tile feature cache (warm|full).*dataset=powiat_laski' "$RUN/serve.log" && break; sleep 1; done
wrk -t2 -c"$CONNS" -d"${DURATION}s" -s "$RUN/points.lua" "http://127.0.0.1:$PORT" | tee "$RUN/wrk-post.txt"
post=$(awk '/Requests\/sec/ {print $2}' "$RUN/wrk-post.txt")
non2xx=$(awk '/Non-2xx/ {print $NF}' "$RUN/wrk-post.txt")
say "POST requests      $post req/s (wrk -c$CONNS, each routed, stored with fsync, its webhook enqueued and tried)${non2xx:+; non-2xx: $non2xx}"
say "  $(grep -E 'Latency' "$RUN/wrk-post.txt" | head -1 | tr -s ' ')"
wrk -t2 -c"$CONNS" -d"${DURATION}s" "http://127.0.0.1:$PORT/open311/v2/requests/1.json" > "$RUN/wrk-get.txt"
say "GET requests/1     $(awk '/Requests\/sec/ {print $2}' "$RUN/wrk-get.txt") req/s (same server)"
wrk -t2 -c"$CONNS" -d"${DURATION}s" "http://127.0.0.1:$PORT/healthz" > "$RUN/wrk-healthz.txt"
say "GET /healthz       $(awk '/Requests\/sec/ {print $2}' "$RUN/wrk-healthz.txt") req/s (same server, baseline)"
stored=$(sqlite3 "$RUN/open311.sqlite" 'SELECT count(*) FROM open311_requests' 2>/dev/null || /usr/bin/python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM open311_requests').fetchone()[0])" "$RUN/open311.sqlite")
say "stored requests    $stored"
stop_sip
say "sip serve peak RSS $(awk '/Maximum resident set size/ {printf "%.0f MB", $NF / 1024}' "$RUN/serve.log")"
say "results in $RES"
