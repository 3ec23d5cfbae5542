# bench-pg.sh — sourced by the benchmarks that need a PostgreSQL 15 / PostGIS 3
# database: a throw-away cluster in DIR (as the postgres user when run as
# root) on a Unix socket, or the database SIP_BENCH_PG names (libpq keywords
# without a schema: "host=/run/postgresql dbname=sip").
#
#   . scripts/bench-pg.sh; pg_up DIR PORT   # sets PGCONN; pg_down stops the cluster
PGBIN=/usr/lib/postgresql/15/bin
OWNPG=0
asPG() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_up() { # dir port
	local dir=$1 port=$2
	if [ -n "${SIP_BENCH_PG:-}" ]; then
		PGCONN=$SIP_BENCH_PG
		return
	fi
	[ -x "$PGBIN/pg_ctl" ] || { echo "bench: $PGBIN/pg_ctl missing (apt-get install postgresql-15-postgis-3)" >&2; exit 1; }
	PGCONN="host=$dir port=$port user=postgres dbname=sip"
	OWNPG_DIR=$dir
	if [ ! -d "$dir/data" ]; then
		mkdir -p "$dir"
		[ "$(id -u)" = 0 ] && chown postgres: "$dir"
		asPG "$PGBIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
	fi
	asPG "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o "-k $dir -p $port -c listen_addresses='' -c shared_buffers=256MB -c max_wal_size=4GB -c synchronous_commit=off" start >/dev/null
	OWNPG=1
	psql -h "$dir" -p "$port" -U postgres -qAt -c "SELECT 1 FROM pg_database WHERE datname = 'sip'" | grep -q 1 ||
		psql -h "$dir" -p "$port" -U postgres -qAt -c "CREATE DATABASE sip" >/dev/null
	psql -h "$dir" -p "$port" -U postgres -d sip -qAt -c "CREATE EXTENSION IF NOT EXISTS postgis" >/dev/null
}
pg_down() {
	if [ "$OWNPG" = 1 ]; then asPG "$PGBIN/pg_ctl" -D "$OWNPG_DIR/data" -m fast stop >/dev/null 2>&1 || true; fi
	OWNPG=0
}
# pg_has_schema NAME: whether schema NAME holds a SIP dataset.
pg_has_schema() {
	psql "$PGCONN" -qAt -c "SELECT 1 FROM pg_tables WHERE schemaname = '$1' AND tablename = 'sip_dataset'" | grep -q 1
}
