#!/usr/bin/env bash
# Side-by-side tile benchmarks on one synthetic county, in one run:
#   1. build z10–z16: sip tiles build vs tippecanoe vs GDAL's MVT driver (ogr2ogr -f MBTiles)
#   2. serve pre-built tiles: sip serve vs pmtiles serve, wrk on loopback (same PMTiles file)
#   3. dynamic tiles z14–z16: sip (cache off) vs MapServer 8 MODE=tile MVT (CGI)
# Peers are used only when present: TIPPECANOE (built from github.com/felt/tippecanoe
# under /tmp), PMTILES (go-pmtiles CLI under /tmp), mapserv, wrk. PostGIS ST_AsMVT
# runs in a private cluster under $OUT when PostgreSQL 15 + PostGIS 3 are installed.
#
#   PARCELS=20000 tiles/bench.sh          # results in $OUT/results.txt
#   PEERS_BUILD=0 skips the (slow) peer builds; DUR sets the wrk/pgbench duration.
set -euo pipefail
. "$(dirname "$0")/../scripts/benchlib.sh"
cd "$ROOT"
PARCELS=${PARCELS:-20000}
OUT=${OUT:-/tmp/sip-tiles-bench}
SIP=${SIP:-$PWD/bin/sip}
TIPPECANOE=${TIPPECANOE:-/tmp/tippecanoe/tippecanoe}
PMTILES=${PMTILES:-/tmp/bin/pmtiles}
DUR=${DUR:-10s}
LAYERS=jednostki,obreby,uzytki,kontury,dzialki,budynki
mkdir -p "$OUT"
[ -x "$SIP" ] || go build -o "$SIP" ./cmd/sip
RES="$OUT/results.txt"
: > "$RES"
say() { echo "$*" | tee -a "$RES"; }
timeit() { # label cmd... : wall seconds and peak RSS
	local label=$1; shift
	/usr/bin/time -f "%e %M" -o "$OUT/time.txt" "$@" > "$OUT/$label.log" 2>&1 || { say "$label: FAILED (see $OUT/$label.log)"; return 1; }
	read -r secs rss < "$OUT/time.txt"
	echo "$secs $rss"
}
size() { stat -c %s "$1"; }

if [ ! -f "$OUT/county.gpkg" ]; then
	"$SIP" gen county --parcels "$PARCELS" --seed 1 --out "$OUT/gml" > /dev/null
	"$SIP" ingest --store "$OUT/county.gpkg" "$OUT"/gml/*.gml > /dev/null
fi
say "# county: $PARCELS parcels; layers $LAYERS; z10–z16; $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"

# The peers read the same content sip tiles: the public columns of each layer
# (sip leaves out the lifecycle bookkeeping columns of the store's tables).
declare -A COLS=(
	[jednostki]="id_jednostki, nazwa"
	[obreby]="id_obrebu, nazwa, id_jednostki"
	[uzytki]="id_uzytku, ofu, id_obrebu"
	[kontury]="id_konturu, ozu, ozk, id_obrebu"
	[dzialki]="id_dzialki, numer_dzialki, numer_arkusza, id_obrebu, pole_ewidencyjne, dokladnosc_pola, numer_kw, klasouzytki, grupa_rejestrowa"
	[budynki]="id_budynku, rodzaj_kst, kondygnacje_nadziemne, kondygnacje_podziemne, pow_zabudowy, dzialki"
)
if [ ! -f "$OUT/public.gpkg" ]; then
	for l in ${LAYERS//,/ }; do
		ogr2ogr -f GPKG -append -nln "$l" "$OUT/public.gpkg" "$OUT/county.gpkg" -sql "SELECT geom, ${COLS[$l]} FROM $l" 2> /dev/null
	done
fi

say "## build (wall s, peak RSS KB, output bytes)"
rm -f "$OUT"/sip.mbtiles "$OUT"/tippecanoe.mbtiles "$OUT"/gdal.mbtiles
read -r s m < <(timeit sip-build "$SIP" tiles build --store "$OUT/county.gpkg" --out "$OUT/sip.mbtiles" --minzoom 10 --maxzoom 16 --layers "$LAYERS")
say "sip tiles build       $s s  $m KB  $(size "$OUT/sip.mbtiles") B"
if [ -x "$TIPPECANOE" ] && [ "${PEERS_BUILD:-1}" = 1 ]; then
	args=()
	for l in ${LAYERS//,/ }; do
		[ -f "$OUT/$l.geojsonl" ] || ogr2ogr -f GeoJSONSeq -t_srs EPSG:4326 "$OUT/$l.geojsonl" "$OUT/public.gpkg" "$l"
		args+=(-L "$l:$OUT/$l.geojsonl")
	done
	read -r s m < <(timeit tippecanoe "$TIPPECANOE" -q -f -Z10 -z16 -o "$OUT/tippecanoe.mbtiles" "${args[@]}")
	say "tippecanoe            $s s  $m KB  $(size "$OUT/tippecanoe.mbtiles") B  (input: GeoJSON exported beforehand, not timed)"
else
	say "tippecanoe            (not built: set TIPPECANOE)"
fi
if [ "${PEERS_BUILD:-1}" = 1 ]; then
	read -r s m < <(timeit gdal ogr2ogr -f MBTiles "$OUT/gdal.mbtiles" "$OUT/public.gpkg" ${LAYERS//,/ } -dsco MINZOOM=10 -dsco MAXZOOM=16)
	say "ogr2ogr -f MBTiles    $s s  $m KB  $(size "$OUT/gdal.mbtiles") B"
fi

# Tile list: the z14–z16 tiles holding data.
sqlite3 "$OUT/sip.mbtiles" "SELECT zoom_level || '/' || tile_column || '/' || ((1 << zoom_level) - 1 - tile_row) FROM tiles WHERE zoom_level BETWEEN 14 AND 16" > "$OUT/tiles.txt"
say "tile list: $(wc -l < "$OUT/tiles.txt") tiles z14–z16"

cat > "$OUT/paths.lua" <<LUA
local paths = {}
for line in io.lines("$OUT/tiles.txt") do paths[#paths + 1] = line end
local prefix = os.getenv("PREFIX")
request = function()
  return wrk.format("GET", prefix .. paths[math.random(#paths)] .. ".mvt", {["Accept-Encoding"] = "gzip"})
end
LUA
wrkrate() { # url-prefix -> requests/s
	PREFIX=$2 wrk -t2 -c32 -d"$DUR" -s "$OUT/paths.lua" "$1" 2>&1 | tee -a "$OUT/wrk.log" | awk '/Requests\/sec/ {print $2}'
}

say "## serve pre-built tiles (wrk -t2 -c32 -d$DUR, random z14–z16 tiles, loopback)"
rm -rf "$OUT/serve" && mkdir -p "$OUT/serve"
cp "$OUT/county.gpkg" "$OUT/serve/county.gpkg"
"$SIP" tiles build --store "$OUT/serve/county.gpkg" --out "$OUT/serve/county.pmtiles" --minzoom 10 --maxzoom 16 --layers "$LAYERS" > /dev/null 2>&1
cat > "$OUT/serve.yaml" <<YAML
listen: 127.0.0.1:18090
datasets:
  - name: county
    store: $OUT/serve/county.gpkg
log: {level: error}
cache: {tiles: 1KB}
YAML
bench_bg "$SIP" serve --config "$OUT/serve.yaml" > "$OUT/sip-serve.log" 2>&1
SIP_PID=$BENCH_PID
bench_wait_url http://127.0.0.1:18090/healthz 50
sip_pre=$(wrkrate http://127.0.0.1:18090 /tiles/county-pmtiles/)
say "sip serve (PMTiles)   $sip_pre req/s"
if [ -x "$PMTILES" ] && command -v wrk > /dev/null; then
	bench_bg "$PMTILES" serve "$OUT/serve" --port 18091 > "$OUT/pmtiles-serve.log" 2>&1
	PM_PID=$BENCH_PID
	sleep 1
	pm=$(wrkrate http://127.0.0.1:18091 /county/)
	say "pmtiles serve         $pm req/s   ratio sip/pmtiles = $(echo "$sip_pre / $pm" | bc -l | cut -c1-5)"
	bench_stop $PM_PID
fi

say "## dynamic tiles z14–z16 (tile cache off: every request renders)"
# Steady state of a running server: one pass loads the projected features (the
# change log drops them object by object), then every request still renders.
xargs -P 4 -I{} curl -s -o /dev/null -H 'Accept-Encoding: gzip' http://127.0.0.1:18090/tiles/county/{}.mvt < "$OUT/tiles.txt"
sip_dyn=$(wrkrate http://127.0.0.1:18090 /tiles/county/)
say "sip dynamic           $sip_dyn tiles/s (HTTP + gzip, wrk; feature cache warm, tile cache off)"
if command -v mapserv > /dev/null; then
	ext=$(ogrinfo -ro -so "$OUT/county.gpkg" dzialki | awk -F'[(), ]+' '/Extent/ {print $2, $3, $5, $6}')
	{
		echo 'MAP'
		echo '  NAME "county"'
		echo '  SIZE 256 256'
		echo '  EXTENT -20037508.34 -20037508.34 20037508.34 20037508.34'
		echo '  PROJECTION "init=epsg:3857" END'
		echo '  OUTPUTFORMAT NAME "mvt" DRIVER MVT FORMATOPTION "EXTENT=4096" FORMATOPTION "EDGE_BUFFER=64" END'
		for l in ${LAYERS//,/ }; do
			echo "  LAYER NAME \"$l\" TYPE POLYGON STATUS ON CONNECTIONTYPE OGR CONNECTION \"$OUT/public.gpkg\" DATA \"$l\""
			echo '    PROJECTION "init=epsg:2180" END'
			echo '    METADATA "gml_include_items" "all" "gml_types" "auto" END'
			echo '  END'
		done
		echo 'END'
	} > "$OUT/county.map"
	mapserver_conf "$OUT" "$OUT/county.map"
	export MAPSERVER_CONFIG_FILE="$OUT/mapserver.conf" REQUEST_METHOD=GET
	N=${MAPSERV_TILES:-400}
	shuf -n "$N" --random-source=<(yes) "$OUT/tiles.txt" > "$OUT/ms-tiles.txt"
	start=$(date +%s.%N)
	xargs -P 2 -a "$OUT/ms-tiles.txt" -I{} sh -c 'IFS=/ read z x y <<EOT
{}
EOT
QUERY_STRING="map='"$OUT"'/county.map&mode=tile&tilemode=gmap&tile=$x+$y+$z&layers=all&map.imagetype=mvt" mapserv -nh > /dev/null'
	end=$(date +%s.%N)
	ms=$(echo "$N / ($end - $start)" | bc -l | cut -c1-7)
	say "MapServer MODE=tile   $ms tiles/s (CGI, 2 processes, $N tiles)   ratio sip/mapserver = $(echo "$sip_dyn / $ms" | bc -l | cut -c1-6)"
	# Check MapServer really made tiles: strip the CGI headers, read with GDAL.
	QUERY_STRING="map=$OUT/county.map&mode=tile&tilemode=gmap&tile=$(awk -F/ 'NR==1 {print $2 "+" $3 "+" $1}' "$OUT/ms-tiles.txt")&layers=all&map.imagetype=mvt" mapserv -nh |
		python3 -c 'import sys; b = sys.stdin.buffer.read(); sys.stdout.buffer.write(b[b.index(b"\r\n\r\n") + 4:])' > "$OUT/ms-sample.mvt" || true
	say "  (MapServer sample tile: $(size "$OUT/ms-sample.mvt") bytes; GDAL reads $(ogrinfo -ro -so "$OUT/ms-sample.mvt" 2>/dev/null | grep -c '^[0-9]*: ') layers)"
fi
# A private PostGIS cluster on a socket under $OUT: the same public columns,
# geometry indexed in EPSG:2180, each tile one SQL statement of ST_AsMVT per layer.
if bench_postgis "$OUT/pg" 55432; then
	if ! $PSQL -tAc "SELECT 1 FROM pg_tables WHERE tablename = 'dzialki'" | grep -q 1; then
		$PSQL -c "CREATE EXTENSION IF NOT EXISTS postgis"
		for l in ${LAYERS//,/ }; do
			ogr2ogr -f PostgreSQL "PG:host=$PGDIR port=55432 user=postgres dbname=postgres" "$OUT/public.gpkg" "$l" -nln "$l" -lco GEOMETRY_NAME=geom -lco SPATIAL_INDEX=GIST
		done
		sel=""
		for l in ${LAYERS//,/ }; do
			[ -n "$sel" ] && sel="$sel || "
			sel="$sel(SELECT coalesce(ST_AsMVT(q, '$l', 4096, 'geom'), '') FROM (SELECT ST_AsMVTGeom(ST_Transform(t.geom, 3857), e.env, 4096, 64) AS geom, ${COLS[$l]} FROM $l t, e WHERE t.geom && e.env2180) q)"
		done
		$PSQL <<SQL
CREATE TABLE bench_tiles (i serial PRIMARY KEY, z int, x int, y int);
CREATE FUNCTION tile(z int, x int, y int) RETURNS bytea LANGUAGE sql STABLE AS \$\$
  WITH e AS (SELECT ST_TileEnvelope(z, x, y) AS env, ST_Transform(ST_Expand(ST_TileEnvelope(z, x, y), (ST_XMax(ST_TileEnvelope(z, x, y)) - ST_XMin(ST_TileEnvelope(z, x, y))) * 64 / 4096), 2180) AS env2180)
  SELECT $sel
\$\$;
SQL
		tr '/' ' ' < "$OUT/tiles.txt" | $PSQL -c "COPY bench_tiles (z, x, y) FROM STDIN WITH (FORMAT text, DELIMITER ' ')"
	fi
	n=$(wc -l < "$OUT/tiles.txt")
	printf '\\set i random(1, %d)\nSELECT length(tile(z, x, y)) FROM bench_tiles WHERE i = :i;\n' "$n" > "$OUT/pgbench.sql"
	pgtps=$(su postgres -c "$PG/pgbench -h $PGDIR -p 55432 -n -c 2 -j 2 -T ${DUR%s} -f $OUT/pgbench.sql postgres" 2>&1 | tee "$OUT/pgbench.log" | awk '/^tps/ {print $3; exit}')
	say "PostGIS ST_AsMVT      $pgtps tiles/s (SQL only, pgbench -c2, no HTTP, no gzip)   ratio sip/postgis = $(echo "$sip_dyn / $pgtps" | bc -l | cut -c1-6)"
	say "  (PostGIS sample tile: $($PSQL -tAc "SELECT length(tile(z, x, y)) FROM bench_tiles WHERE i = 1") bytes)"
fi
bench_stop $SIP_PID
say "results in $RES"
