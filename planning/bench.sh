#!/usr/bin/env bash
# Validation of a large city's plan ogólny: Go benchmarks, then `sip validate`
# side by side with the same checks written as SpatiaLite SQL through GDAL (what a
# QGIS/GDAL user would run: an R-tree join for overlaps, ST_Union + ST_Difference
# for gaps) on the same data, in one run. Usage: planning/bench.sh [NXxNY]
set -euo pipefail
. "$(dirname "$0")/../scripts/benchlib.sh"
cd "$ROOT"
grid="${1:-120x100}"
tmp="$(mktemp -d)"
bench_at_exit 'rm -rf "$tmp"'

echo "== Go benchmarks (ms/1000zones = validation time per 1,000 zones)"
go test -run '^$' -bench 'BenchmarkValidate' -benchtime 3x ./planning | grep -E '^Benchmark|ok'

echo "== generating a ${grid} plan ogólny (jittered grid, 2 gaps, 2 overlaps)"
SIP_BENCH_PLAN="$tmp/pog.gml" SIP_BENCH_GRID="$grid" go test -count=1 -run '^TestWriteBenchPlan$' ./planning >/dev/null
go build -o "$tmp/sip" ./cmd/sip
ls -l "$tmp/pog.gml" | awk '{printf "   %s bytes\n", $5}'

now() { date +%s.%N; }
best() { # best of N runs of a command, seconds
	local n=$1; shift; local b=999999
	for _ in $(seq "$n"); do
		local s e; s=$(now); "$@" >/dev/null 2>&1 || true; e=$(now)
		b=$(echo "$e - $s" | bc -l | awk -v b="$b" '{print ($1 < b) ? $1 : b}')
	done
	echo "$b"
}

t_sip=$(best 3 "$tmp/sip" validate "$tmp/pog.gml")
"$tmp/sip" validate "$tmp/pog.gml" | tail -1 | sed 's/^/   sip validate: /' || true

"$tmp/sip" ingest --store "$tmp/pog.gpkg" "$tmp/pog.gml" 2>/dev/null
# (SpatiaLite's ST_Area of a GEOMETRYCOLLECTION is 0: keep the polygons of the overlay.)
overlaps="SELECT a.fid, b.fid, ST_Area(CollectionExtract(ST_Intersection(a.geom, b.geom), 3)) AS area FROM strefy a
  JOIN rtree_strefy_geom r ON r.minx <= MbrMaxX(a.geom) AND r.maxx >= MbrMinX(a.geom) AND r.miny <= MbrMaxY(a.geom) AND r.maxy >= MbrMinY(a.geom)
  JOIN strefy b ON b.fid = r.id AND a.fid < b.fid
  WHERE ST_Intersects(a.geom, b.geom) AND NOT ST_Touches(a.geom, b.geom)
    AND ST_Area(CollectionExtract(ST_Intersection(a.geom, b.geom), 3)) >= 0.01"
gaps="SELECT ST_Area(ST_Difference(p.geom, (SELECT ST_Union(geom) FROM strefy))) AS gap FROM plany p"
peer() {
	ogrinfo -ro -q -dialect SQLite -sql "$overlaps" "$tmp/pog.gpkg"
	ogrinfo -ro -q -dialect SQLite -sql "$gaps" "$tmp/pog.gpkg"
}
t_peer=$(best 3 peer)
echo "   GDAL/SpatiaLite: $(ogrinfo -ro -q -dialect SQLite -sql "$overlaps" "$tmp/pog.gpkg" | grep -c 'area (Real)') overlaps, gap area $(ogrinfo -ro -q -dialect SQLite -sql "$gaps" "$tmp/pog.gpkg" | awk '/gap \(Real\)/{print $4}') m²"

zones=$(echo "$grid" | awk -Fx '{print $1*$2}')
printf '== %s zones: sip validate %.2f s (%.0f ms/1000 zones, parse + all checks); GDAL/SpatiaLite overlaps+gaps only %.2f s; ratio peer/sip %.2f\n' \
	"$zones" "$t_sip" "$(echo "$t_sip * 1000000 / $zones" | bc -l)" "$t_peer" "$(echo "$t_peer / $t_sip" | bc -l)"
