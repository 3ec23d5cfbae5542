#!/usr/bin/env bash
# sip against what a PostGIS user would pick instead (issue 17, part 4), on the
# same PostGIS database, one server at a time under the same wrk load, in one run
# (the machine is noisy: read the ratios):
#   - OGC API Features items (bbox in CRS84, limit 100, GeoJSON) against
#     pg_featureserv, given as PG_FEATURESERV=/path/to/pg_featureserv;
#   - dynamic MVT tiles of the parcels, z14–16, against pg_tileserv, given as
#     PG_TILESERV=/path/to/pg_tileserv.
# Both peers are CrunchyData's Go servers, built from their sources outside the
# repository; a peer not given is left out and sip is measured alone. The
# ingest against `ogr2ogr -f PostgreSQL` (PG_USE_COPY) is
# scripts/bench-ingest-postgis.sh. Each server's peak RSS is reported beside
# its rate.
#
#   PG_FEATURESERV=/tmp/pgfs/pg_featureserv PG_TILESERV=/tmp/pgts/pg_tileserv scripts/bench-postgis-peers.sh
#   PARCELS=300000 DURATION=20 CONNS=8 scripts/bench-postgis-peers.sh
#
# The county (schema county_N) is made once by `sip gen county --store` in the
# cluster of $BENCH_DIR/pg (default /tmp/sip-bench-memory, shared with
# scripts/bench-memory.sh) or in the database SIP_BENCH_PG names.
set -euo pipefail
cd "$(dirname "$0")/.."
PARCELS=${PARCELS:-50000}
DURATION=${DURATION:-15}
CONNS=${CONNS:-8}
PORT=${PORT:-18361}
PGPORT=${PGPORT:-18352}
BENCH_DIR=${BENCH_DIR:-/tmp/sip-bench-memory}
for c in wrk curl psql; do
	command -v "$c" >/dev/null || { echo "bench-postgis-peers: $c missing (make deps-bench)" >&2; exit 1; }
done
. scripts/bench-pg.sh
mkdir -p "$BENCH_DIR"
chmod 755 "$BENCH_DIR"
SIP=$BENCH_DIR/bin/sip-wt
scripts/build-revs.sh "$BENCH_DIR/bin" .
PIDS=()
cleanup() {
	for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
	pg_down
}
trap cleanup EXIT
pg_up "$BENCH_DIR/pg" "$PGPORT"
SCHEMA=county_$PARCELS
if ! pg_has_schema "$SCHEMA"; then
	echo "making schema $SCHEMA…" >&2
	"$SIP" gen county --parcels "$PARCELS" --seed 11 --store "$PGCONN schema=$SCHEMA" --name county >&2
fi

# 5000 parcels at random: items boxes of 300 m around them, and the z14–16
# tiles holding them.
P=$BENCH_DIR/peers-$PARCELS
mkdir -p "$P"
if [ ! -s "$P/points.txt" ]; then
	psql "$PGCONN" -qAt -F' ' -c "SELECT ST_X(c), ST_Y(c) FROM (SELECT ST_Transform(ST_PointOnSurface(geom), 4326) c
		FROM $SCHEMA.dzialki ORDER BY md5(lokalny_id) LIMIT 5000) s" >"$P/points.txt"
fi
awk -v pre="/ogc/collections/dzialki/items?limit=100&bbox=" '{ printf "%s%.6f,%.6f,%.6f,%.6f\n", pre, $1-0.00219, $2-0.00135, $1+0.00219, $2+0.00135 }' "$P/points.txt" >"$P/sip-items.txt"
awk -v pre="/collections/$SCHEMA.dzialki/items.json?limit=100&bbox=" '{ printf "%s%.6f,%.6f,%.6f,%.6f\n", pre, $1-0.00219, $2-0.00135, $1+0.00219, $2+0.00135 }' "$P/points.txt" >"$P/pgfs-items.txt"
tiles() { # prefix suffix order(zxy|zyx)
	awk -v pre="$1" -v suf="$2" -v ord="$3" 'function asinh(v) { return log(v + sqrt(v*v + 1)) }
	{ z = 14 + NR % 3; n = 2^z; pi = atan2(0, -1); lat = $2 * pi / 180
	  x = int(($1 + 180) / 360 * n); y = int((1 - asinh(sin(lat) / cos(lat)) / pi) / 2 * n)
	  if (ord == "zyx") printf "%s%d/%d/%d%s\n", pre, z, y, x, suf; else printf "%s%d/%d/%d%s\n", pre, z, x, y, suf }' "$P/points.txt"
}
tiles /ogc/collections/dzialki/tiles/WebMercatorQuad/ "" zyx >"$P/sip-mvt.txt"
tiles "/$SCHEMA.dzialki/" .pbf zxy >"$P/pgts-mvt.txt"

hwm() { awk '/^VmHWM/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
rate() { # conns paths-file -> requests/s (non-2xx counted apart)
	PATHS="$2" wrk -t2 -c"$1" -d"${DURATION}s" -s parcels/bench.lua "http://127.0.0.1:$PORT" | awk '/RESULT/ {
		split($2, a, "="); split($6, e, "="); printf "%s%s", a[2], (e[2] > 0 ? "(" e[2] " non2xx)" : "") }'
}
up() { # url-path: wait until the server answers it with 200
	for _ in $(seq 1 600); do curl -sf -o /dev/null "http://127.0.0.1:$PORT$1" && return; sleep 0.1; done
	echo "bench-postgis-peers: no answer at $1" >&2; exit 1
}
features() { curl -s "http://127.0.0.1:$PORT$1" | grep -o '"type": *"Feature"' | wc -l; }
stop() { kill "$1"; wait "$1" 2>/dev/null || true; }
row() { printf '%-16s %-6s %10s %8s %s\n' "$@"; }

echo "sip against its PostGIS peers on schema $SCHEMA ($PARCELS parcels): $(nproc) cores, wrk -t2 -c$CONNS -d${DURATION}s, one server at a time"
row server kind req/s peakMB "check"
cat >"$BENCH_DIR/peers.yaml" <<EOY
listen: 127.0.0.1:$PORT
datasets:
  - name: county
    store: "$PGCONN schema=$SCHEMA"
limits:
  rate_limit: {rate: 0, burst: 1}
log: {level: warn, access: false}
EOY
for kind in items mvt; do
	"$SIP" serve --config "$BENCH_DIR/peers.yaml" 2>"$BENCH_DIR/peers-sip.log" &
	pid=$!
	PIDS+=("$pid")
	up /readyz
	scripts/wait-idle.sh "$pid" 900 # the tile feature cache's warm-up
	first=$(head -1 "$P/sip-$kind.txt")
	check="first: $(curl -s -o /dev/null -w '%{http_code} %{size_download}B' "http://127.0.0.1:$PORT$first")"
	[ "$kind" = items ] && check="$check, $(features "$first") features"
	row sip "$kind" "$(rate "$CONNS" "$P/sip-$kind.txt")" "$(hwm "$pid")" "$check"
	stop "$pid"
done
pgurl=${SIP_BENCH_PG_URL:-postgresql://postgres@/sip?host=$BENCH_DIR/pg&port=$PGPORT}
if [ -n "${PG_FEATURESERV:-}" ]; then
	DATABASE_URL=$pgurl PGFS_SERVER_HTTPPORT=$PORT PGFS_SERVER_HTTPHOST=127.0.0.1 PGFS_DATABASE_DBPOOLMAXCONNS=$CONNS \
		"$PG_FEATURESERV" >"$BENCH_DIR/peers-pgfs.log" 2>&1 &
	pid=$!
	PIDS+=("$pid")
	up /collections.json
	first=$(head -1 "$P/pgfs-items.txt")
	check="first: $(curl -s -o /dev/null -w '%{http_code} %{size_download}B' "http://127.0.0.1:$PORT$first"), $(features "$first") features"
	row pg_featureserv items "$(rate "$CONNS" "$P/pgfs-items.txt")" "$(hwm "$pid")" "$check"
	stop "$pid"
else
	echo "pg_featureserv: not given (PG_FEATURESERV=path to its binary)"
fi
if [ -n "${PG_TILESERV:-}" ]; then
	DATABASE_URL=$pgurl TS_HTTPPORT=$PORT TS_HTTPHOST=127.0.0.1 TS_DBPOOLMAXCONNS=$CONNS \
		"$PG_TILESERV" >"$BENCH_DIR/peers-pgts.log" 2>&1 &
	pid=$!
	PIDS+=("$pid")
	up /index.json
	first=$(head -1 "$P/pgts-mvt.txt")
	row pg_tileserv mvt "$(rate "$CONNS" "$P/pgts-mvt.txt")" "$(hwm "$pid")" "first: $(curl -s -o /dev/null -w '%{http_code} %{size_download}B' "http://127.0.0.1:$PORT$first")"
	stop "$pid"
else
	echo "pg_tileserv: not given (PG_TILESERV=path to its binary)"
fi
