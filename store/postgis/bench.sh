#!/usr/bin/env bash
# The read queries of the PostGIS backend on a large layer: a dataset made by
# `sip ingest` (so the tables and indexes are sip's), its dzialki layer filled up
# to PARCELS parcels (30 m squares on a grid, change log of the same size) with
# SQL, ANALYZEd, then EXPLAIN (ANALYZE, BUFFERS) of each query shape the store
# sends: a box page and count at 1:5000 and 1:50000, keyset pages, Get by id, a
# lookup by id_dzialki, Revision, Changes since, Extent, an AsOf box page, and the
# unfiltered count. Runs in a throw-away cluster (Debian's pg_virtualenv).
# Usage: store/postgis/bench.sh [PARCELS]   (default 3000000)
set -euo pipefail
. "$(dirname "$0")/../../scripts/benchlib.sh"
cd "$ROOT"
PARCELS=${1:-3000000}
if [ -z "${SIP_BENCH_IN_PG:-}" ]; then
	command -v pg_virtualenv >/dev/null || { echo "store/postgis/bench.sh: pg_virtualenv missing (postgresql-15-postgis-3)" >&2; exit 1; }
	if [ -z "${SIP:-}" ]; then SIP=$PWD/bin/sip; go build -o "$SIP" ./cmd/sip; fi
	export SIP SIP_BENCH_IN_PG=1
	exec pg_virtualenv -v 15 -o shared_buffers=512MB -o work_mem=16MB "$0" "$PARCELS"
fi

work=$(mktemp -d /tmp/sip-bench-pg-read.XXXXXX)
bench_at_exit 'rm -rf "$work"'
psql -qAt -c "CREATE EXTENSION postgis" >/dev/null
"$SIP" gen county --parcels 200 --seed 3 --out "$work/gml" 2>/dev/null
"$SIP" ingest --store "schema=big" "$work"/gml/*.gml 2>/dev/null
side=$(awk -v n="$PARCELS" 'BEGIN{printf "%d", sqrt(n)+1}')
t0=$(date +%s)
psql -qAt -v ON_ERROR_STOP=1 <<SQL
-- PARCELS parcels on a side x side grid of 30 m cells south-west of the county,
-- in the grid's order (as an export lists them obręb by obręb), and as many log entries.
INSERT INTO big.dzialki (geom, lokalny_id, przestrzen_nazw, wersja_id, start_obiekt, start_wersja,
  id_dzialki, numer_dzialki, id_obrebu, pole_ewidencyjne, sip_hash, sip_vkey)
SELECT ST_Multi(ST_MakeEnvelope(200000 + (i % $side) * 30, 200000 + (i / $side) * 30,
         200027 + (i % $side) * 30, 200027 + (i / $side) * 30, 2180)),
       md5(i::text)::uuid::text, 'PL.PZGiK.BENCH', '2024-01-01T00:00:00', '2020-01-01', '2024-01-01',
       '999999_9.' || lpad((i / 10000)::text, 4, '0') || '.' || i, i::text, '999999_9.' || lpad((i / 10000)::text, 4, '0'),
       0.09, md5('h' || i), 1000000 + i
FROM generate_series(1, $PARCELS) i;
INSERT INTO big.sip_changes (rev, time, layer, lokalny_id, wersja_id, op, minx, miny, maxx, maxy, obj)
SELECT m + i, now(), 'dzialki', md5(i::text)::uuid::text, '2024-01-01T00:00:00', 'insert', 0, 0, 1, 1, '{}'
FROM generate_series(1, $PARCELS) i, (SELECT max(rev) AS m FROM big.sip_changes) r;
UPDATE big.sip_extents SET min_x = 200000, min_y = 200000, max_x = 200000 + $side * 30, max_y = 200000 + $side * 30 WHERE table_name = 'dzialki';
VACUUM ANALYZE big.dzialki, big.dzialki_history, big.sip_changes;
SQL
echo "filled big.dzialki with $PARCELS parcels in $(( $(date +%s) - t0 )) s"
psql -qAt -c "SELECT 'dzialki: ' || count(*) || ' rows, ' || pg_size_pretty(pg_total_relation_size('big.dzialki')) || ' with indexes' FROM big.dzialki"

cols="geom, lokalny_id, przestrzen_nazw, wersja_id, start_obiekt, start_wersja, koniec_wersja, koniec_obiekt, id_dzialki, numer_dzialki, numer_arkusza, id_obrebu, pole_ewidencyjne, dokladnosc_pola, numer_kw, klasouzytki, grupa_rejestrowa, adresy"
box() { # cx cy size -> the store's box condition
	awk -v x="$1" -v y="$2" -v s="$3" 'BEGIN{printf "geom && ST_MakeEnvelope(%f, %f, %f, %f, 2180) AND ST_XMin(geom) <= %f AND ST_XMax(geom) >= %f AND ST_YMin(geom) <= %f AND ST_YMax(geom) >= %f", x, y, x+s, y+s, x+s, x, y+s, y}'
}
mid=$((200000 + side * 15))
small=$(box "$mid" "$mid" 700)   # a 512 px map at 1:5000 (0.7 km)
large=$(box "$mid" "$mid" 7000)  # a 512 px map at 1:50000 (7 km)
deep=$(psql -qAt -c "SELECT fid FROM big.dzialki ORDER BY fid OFFSET $((PARCELS * 9 / 10)) LIMIT 1")
id=$(psql -qAt -c "SELECT lokalny_id FROM big.dzialki WHERE fid = $deep")
idd=$(psql -qAt -c "SELECT id_dzialki FROM big.dzialki WHERE fid = $deep")
rev=$(psql -qAt -c "SELECT max(rev) FROM big.sip_changes")
explain() { # title sql
	echo "== $1"
	psql -qAt -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) $2" | grep -v '^$'
}
explain "box page, 1:5000 (Query, Limit 100)" "SELECT fid, $cols FROM big.dzialki WHERE $small ORDER BY fid LIMIT 100"
explain "box count, 1:5000 (Count)" "SELECT count(*) FROM big.dzialki WHERE $small"
explain "box page, 1:50000 (Query, Limit 100)" "SELECT fid, $cols FROM big.dzialki WHERE $large ORDER BY fid LIMIT 100"
explain "box page, 1:50000, keyset (Query, After, Limit 100)" "SELECT fid, $cols FROM big.dzialki WHERE $large AND fid > $deep ORDER BY fid LIMIT 100"
explain "keyset page at 90% (Query, After, Limit 100)" "SELECT fid, $cols FROM big.dzialki WHERE fid > $deep ORDER BY fid LIMIT 100"
explain "Get by lokalny_id" "SELECT $cols FROM big.dzialki WHERE lokalny_id = '$id'"
explain "by id_dzialki (ULDK GetParcelById: Where)" "SELECT fid, $cols FROM big.dzialki WHERE id_dzialki = '$idd' ORDER BY fid"
explain "Revision" "SELECT coalesce(max(rev), 0) FROM big.sip_changes"
explain "Changes since (the last 1000)" "SELECT rev, time, layer, lokalny_id, coalesce(wersja_id, ''), op, minx, miny, maxx, maxy, obj, geom FROM big.sip_changes WHERE rev > $((rev - 1000)) ORDER BY rev"
explain "Extent" "SELECT min_x, min_y, max_x, max_y FROM big.sip_extents WHERE table_name = 'dzialki'"
explain "AsOf box page, 1:5000" "SELECT sip_vkey AS k, $cols FROM big.dzialki WHERE start_wersja <= '2024-06-01' AND $small UNION ALL SELECT sip_vkey AS k, $cols FROM big.dzialki_history WHERE start_wersja <= '2024-06-01' AND (koniec_wersja IS NULL OR koniec_wersja > '2024-06-01') AND (koniec_obiekt IS NULL OR koniec_obiekt > '2024-06-01') AND $small ORDER BY k LIMIT 100"
explain "unfiltered Count" "SELECT count(*) FROM big.dzialki"
