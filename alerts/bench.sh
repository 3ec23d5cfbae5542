#!/usr/bin/env bash
# Area alerts on a generated county (default 300k parcels, as issue 20 asks):
# selecting what a whole gmina's polygon covers (parcels and buildings whose
# geometry intersects it, and their addresses).
#
#   1. sip: the Go benchmark BenchmarkSelectGmina (alerts/affected): the
#      in-memory model of the county's parcels and buildings, built once per
#      dataset revision, an R-tree and a grid over the area; GEOS only for the
#      objects near the edge, read back from the GeoPackage. Peak RSS of the
#      benchmark process beside it.
#   2. peer, same data, same run: SpatiaLite's ST_Intersects over the same
#      GeoPackage (sqlite3 with mod_spatialite in GeoPackage mode), the
#      GeoPackage R-tree as the box filter, timed with hyperfine.
#   3. the two selected sets of ids are compared: they must be equal.
#
# With REGISTER=1 an address-point register is made from the county (one
# point a building, on its surface, as a gmina's CSV export: sip ingest into
# its own GeoPackage), the model holds its points and the selection takes the
# gmina's addresses from them; the peer selects the points too (ATTACHed,
# through their R-tree), and the point ids join the compared sets.
#
#   alerts/bench.sh
#   PARCELS=50000 GMINA=100301_5 alerts/bench.sh
#   COUNTY=/path/to/county.gpkg alerts/bench.sh      # an existing county
#   REGISTER=1 alerts/bench.sh                       # with the address points
set -euo pipefail
. "$(dirname "$0")/../scripts/benchlib.sh"
cd "$ROOT"
PARCELS=${PARCELS:-300000}
GMINA=${GMINA:-100301_5}
BENCH_DIR=${BENCH_DIR:-/tmp/sip-bench-alerts-$PARCELS}
command -v hyperfine >/dev/null || { echo "hyperfine is missing: make deps-bench" >&2; exit 1; }
[ -f /usr/lib/x86_64-linux-gnu/mod_spatialite.so ] || scripts/apt-ensure.sh libsqlite3-mod-spatialite sqlite3
mkdir -p "$BENCH_DIR"
RES="$BENCH_DIR/results.txt"
: > "$RES"
say() { echo "$*" | tee -a "$RES"; }
COUNTY=${COUNTY:-$BENCH_DIR/county.gpkg}
if [ ! -s "$COUNTY" ]; then
	go build -o "$BENCH_DIR/sip" ./cmd/sip
	rm -rf "$BENCH_DIR/gml" "$COUNTY.tmp"
	"$BENCH_DIR/sip" gen county --parcels "$PARCELS" --seed 11 --out "$BENCH_DIR/gml"
	"$BENCH_DIR/sip" ingest --store "$COUNTY.tmp" --name powiat_laski "$BENCH_DIR"/gml/*.gml
	mv "$COUNTY.tmp" "$COUNTY"
fi
say "county: $COUNTY, gmina $GMINA"
REG_ENV=()
if [ "${REGISTER:-0}" = 1 ]; then
	REG="$BENCH_DIR/adresy.gpkg"
	if [ ! -s "$REG" ]; then
		go build -o "$BENCH_DIR/sip" ./cmd/sip
		rm -f "$BENCH_DIR/adresy.csv" "$REG"
		ogr2ogr -f CSV "$BENCH_DIR/adresy.csv" "$COUNTY" -lco SEPARATOR=SEMICOLON -dialect SQLite -sql \
			"SELECT lokalny_id AS id, replace(substr(id_budynku, 1, 8), '_', '') AS teryt_gminy, 'Łask' AS miejscowosc, CAST(fid AS TEXT) AS numer,
			 ST_X(ST_PointOnSurface(geom)) AS x, ST_Y(ST_PointOnSurface(geom)) AS y FROM budynki"
		"$BENCH_DIR/sip" ingest --store "$REG" --name adresy "$BENCH_DIR/adresy.csv"
	fi
	REG_ENV=(SIP_BENCH_REGISTER="$REG")
	say "address points: $REG ($(sqlite3 -readonly "$REG" 'SELECT count(*) FROM punkty_adresowe') points)"
fi

# 1. sip
env "${REG_ENV[@]}" SIP_BENCH_STORE="$COUNTY" SIP_BENCH_GMINA="$GMINA" SIP_BENCH_IDS="$BENCH_DIR/sip-ids.txt" \
	/usr/bin/time -v go test -run '^$' -bench 'BenchmarkSelectGmina' -benchtime 20x ./alerts/affected/ \
	> "$BENCH_DIR/go-bench.txt" 2> "$BENCH_DIR/go-time.txt"
grep Benchmark "$BENCH_DIR/go-bench.txt" | tee -a "$RES"
sip_ms=$(awk '/BenchmarkSelectGmina/ {print $3 / 1e6}' "$BENCH_DIR/go-bench.txt")
say "sip: ${sip_ms} ms a selection; peak RSS of the go test process (model of the county included): $(awk '/Maximum resident/ {print int($6 / 1024)}' "$BENCH_DIR/go-time.txt") MB"

# 2. SpatiaLite
sql() {
	cat <<SQL
.load mod_spatialite
SELECT EnableGpkgMode();
CREATE TEMP TABLE area AS SELECT geom, ST_MinX(geom) x0, ST_MinY(geom) y0, ST_MaxX(geom) x1, ST_MaxY(geom) y1 FROM jednostki WHERE id_jednostki = '$GMINA';
SELECT d.id_dzialki FROM dzialki d, area a WHERE d.fid IN (SELECT id FROM rtree_dzialki_geom r WHERE r.maxx >= a.x0 AND r.minx <= a.x1 AND r.maxy >= a.y0 AND r.miny <= a.y1) AND ST_Intersects(d.geom, a.geom);
SELECT d.id_budynku FROM budynki d, area a WHERE d.fid IN (SELECT id FROM rtree_budynki_geom r WHERE r.maxx >= a.x0 AND r.minx <= a.x1 AND r.maxy >= a.y0 AND r.miny <= a.y1) AND ST_Intersects(d.geom, a.geom);
SQL
	if [ -n "${REG:-}" ]; then
		cat <<SQL
ATTACH '$REG' AS reg;
SELECT p.lokalny_id FROM reg.punkty_adresowe p, area a WHERE p.fid IN (SELECT id FROM reg.rtree_punkty_adresowe_geom r WHERE r.maxx >= a.x0 AND r.minx <= a.x1 AND r.maxy >= a.y0 AND r.miny <= a.y1) AND ST_Intersects(p.geom, a.geom) AND coalesce(p.status, '') != 'prognozowany';
SQL
	fi
}
sql > "$BENCH_DIR/spatialite.sql"
sqlite3 -readonly "$COUNTY" < "$BENCH_DIR/spatialite.sql" | tail -n +2 > "$BENCH_DIR/spatialite-ids.txt"
hyperfine -N --warmup 1 --runs 5 --export-json "$BENCH_DIR/spatialite.json" \
	"sh -c 'sqlite3 -readonly $COUNTY < $BENCH_DIR/spatialite.sql > /dev/null'" | tee -a "$RES"
sl_ms=$(/usr/bin/python3 -c "import json; print(round(json.load(open('$BENCH_DIR/spatialite.json'))['results'][0]['mean'] * 1000, 1))")
say "SpatiaLite ST_Intersects: ${sl_ms} ms a selection (whole sqlite3 process)"
say "ratio SpatiaLite / sip: $(/usr/bin/python3 -c "print(round($sl_ms / $sip_ms, 1))")"

# 3. the same sets
sort "$BENCH_DIR/sip-ids.txt" > "$BENCH_DIR/a.txt"
sort "$BENCH_DIR/spatialite-ids.txt" > "$BENCH_DIR/b.txt"
if cmp -s "$BENCH_DIR/a.txt" "$BENCH_DIR/b.txt"; then
	say "selected sets equal: $(wc -l < "$BENCH_DIR/a.txt") parcels, buildings (and address points)"
else
	say "SELECTED SETS DIFFER: sip $(wc -l < "$BENCH_DIR/a.txt"), SpatiaLite $(wc -l < "$BENCH_DIR/b.txt")"
	diff "$BENCH_DIR/a.txt" "$BENCH_DIR/b.txt" | head -20
	exit 1
fi
