#!/usr/bin/env bash
# Ingest into PostGIS: `sip ingest --store DSN` against `ogr2ogr -f PostgreSQL` with
# PG_USE_COPY=YES, on the same generated EGiB GML and the same throw-away PostgreSQL
# 15 / PostGIS 3 cluster (Debian's pg_virtualenv), side by side in one run (the
# machine is noisy: read the ratios). `sip ingest` into a GeoPackage runs too, for
# the memory of each backend. Each tool loads into a fresh schema every run.
# Usage: scripts/bench-ingest-postgis.sh [PARCELS] [RUNS]
set -euo pipefail
. "$(dirname "$0")/benchlib.sh"
cd "$ROOT"
PARCELS=${1:-20000}
RUNS=${2:-3}
if [ -z "${SIP_BENCH_IN_PG:-}" ]; then
	for c in pg_virtualenv ogr2ogr /usr/lib/postgresql/15/bin/postgres; do
		command -v "$c" >/dev/null || { echo "bench-ingest-postgis: $c missing (postgresql-15-postgis-3, gdal-bin)" >&2; exit 1; }
	done
	[ -e /usr/share/postgresql/15/extension/postgis.control ] || { echo "bench-ingest-postgis: PostGIS missing (postgresql-15-postgis-3)" >&2; exit 1; }
	# The working tree's sip, built now; SIP=path measures another binary.
	if [ -z "${SIP:-}" ]; then SIP=$PWD/bin/sip; go build -o "$SIP" ./cmd/sip; fi
	export SIP SIP_BENCH_IN_PG=1
	exec pg_virtualenv -v 15 "$0" "$PARCELS" "$RUNS"
fi

# Inside pg_virtualenv: PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE name the cluster.
work=$(mktemp -d /tmp/sip-bench-ingest-pg.XXXXXX)
bench_at_exit 'rm -rf "$work"'
psql -qAt -c "CREATE EXTENSION postgis" >/dev/null
"$SIP" gen county --parcels "$PARCELS" --seed 7 --out "$work/gml" 2>"$work/gen.log"
mapfile -t files < <(ls "$work"/gml/*.gml | sort)
bytes=$(cat "${files[@]}" | wc -c)

run_sip_pg() {
	psql -qAt -c "DROP SCHEMA IF EXISTS sipbench CASCADE" 2>/dev/null
	"$SIP" ingest --store "schema=sipbench" --report "$work/report.json" "${files[@]}" 2>/dev/null
}
run_ogr_pg() {
	psql -qAt -c "DROP SCHEMA IF EXISTS ogrbench CASCADE; CREATE SCHEMA ogrbench" 2>/dev/null
	for f in "${files[@]}"; do
		ogr2ogr -f PostgreSQL -append "PG:dbname=$PGDATABASE active_schema=ogrbench" "$f" -t_srs EPSG:2180 -gt 65536 --config PG_USE_COPY YES
	done
}
run_sip_gpkg() { rm -f "$work/sip.gpkg"*; "$SIP" ingest --store "$work/sip.gpkg" "${files[@]}" 2>/dev/null; }

# One run of a tool: prints "seconds maxrss_kb".
timed() {
	/usr/bin/time -f "%e %M" -o "$work/time.txt" bash -c "$(declare -f "$1"); $(declare -p work files SIP); $1"
	cat "$work/time.txt"
}
best() { # current_best_s current_max_kb new_s new_kb -> best_s max_kb
	awk -v a="$1" -v b="$2" -v c="$3" -v d="$4" 'BEGIN{printf "%s %d\n", (c < a ? c : a), (d > b ? d : b)}'
}
# The tools take turns within each run, so that a slow moment of the machine
# hits all of them; the best time and the largest RSS of each are kept.
sip_s=999999 sip_kb=0 ogr_s=999999 ogr_kb=0 gpkg_s=999999 gpkg_kb=0
for _ in $(seq "$RUNS"); do
	read -r sip_s sip_kb < <(best "$sip_s" "$sip_kb" $(timed run_sip_pg))
	read -r ogr_s ogr_kb < <(best "$ogr_s" "$ogr_kb" $(timed run_ogr_pg))
	read -r gpkg_s gpkg_kb < <(best "$gpkg_s" "$gpkg_kb" $(timed run_sip_gpkg))
done
objects=$(/usr/bin/python3 -c "import json;print(json.load(open('$work/report.json'))['total']['objects'])")
ogr_objects=$(psql -qAt -c "SELECT sum((xpath('/row/c/text()', query_to_xml('SELECT count(*) AS c FROM ogrbench.' || quote_ident(table_name), false, true, '')))[1]::text::bigint) FROM information_schema.tables WHERE table_schema = 'ogrbench'")
sip_rows=$(psql -qAt -c "SELECT sum((xpath('/row/c/text()', query_to_xml('SELECT count(*) AS c FROM sipbench.' || quote_ident(table_name), false, true, '')))[1]::text::bigint) FROM information_schema.tables WHERE table_schema = 'sipbench' AND table_name NOT LIKE 'sip\_%'")

printf 'PostGIS ingest benchmark: %d parcels, %d files, %.1f MB of GML, best of %d runs (PostgreSQL %s, PostGIS %s)\n' \
	"$PARCELS" "${#files[@]}" "$(echo "$bytes/1048576" | bc -l)" "$RUNS" "$(psql -qAt -c 'SHOW server_version')" "$(psql -qAt -c 'SELECT postgis_lib_version()')"
printf '%-16s %10s %12s %14s %12s\n' tool seconds objects objects/s peak_RSS_MB
awk -v s="$sip_s" -v n="$objects" -v kb="$sip_kb" 'BEGIN{printf "%-16s %10.2f %12d %14.0f %12.1f\n","sip -> postgis",s,n,n/s,kb/1024}'
awk -v s="$ogr_s" -v n="$ogr_objects" -v kb="$ogr_kb" 'BEGIN{printf "%-16s %10.2f %12d %14.0f %12.1f\n","ogr2ogr -> postgis",s,n,n/s,kb/1024}'
awk -v s="$gpkg_s" -v n="$objects" -v kb="$gpkg_kb" 'BEGIN{printf "%-16s %10.2f %12d %14.0f %12.1f\n","sip -> gpkg",s,n,n/s,kb/1024}'
echo "rows in sip's schema (current + history): $sip_rows; ogr2ogr's rows have no lifecycle (every version is a row)"
awk -v a="$sip_s" -v b="$ogr_s" 'BEGIN{printf "speed ratio sip/ogr2ogr into PostGIS (wall time of ogr2ogr / sip): %.2fx\n", b/a}'
