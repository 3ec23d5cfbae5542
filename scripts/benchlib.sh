# scripts/benchlib.sh — what every bench script shares (bash; source it):
#
#   . "$(dirname "$0")/../scripts/benchlib.sh"
#
# It sets ROOT (the repository) and installs one EXIT trap that stops every
# process started through it, by the ids it recorded, whatever way the script
# ends (done, failed under set -e, or interrupted). Scripts therefore start
# their servers and peers only with bench_bg, bench_fcgi or mapserver_start,
# and set no EXIT trap of their own (bench_at_exit adds a command to it).
#
#   bench_bg CMD...                     start CMD in the background; its pid in BENCH_PID
#   bench_stop PID                      stop one of them now (kill, wait)
#   bench_at_exit 'COMMAND'             run COMMAND at exit, after the processes stop (the
#                                       last registered first)
#   bench_wait_url URL [TRIES]          wait until URL answers 2xx (TRIES × 0.2 s, default 600)
#   bench_wait_idle PID [SECONDS]       wait until PID idles (scripts/wait-idle.sh)
#   bench_fcgi SOCKET N PROGRAM [VAR=VALUE...]
#                                       N FastCGI processes of PROGRAM on SOCKET (spawn-fcgi)
#   bench_postgis DIR PORT              a private PostgreSQL 15 + PostGIS cluster in DIR (kept
#                                       between runs) on a Unix socket in DIR, PORT its socket's
#                                       number, as the postgres user, stopped at exit; sets PG
#                                       (the server's bin directory), PGDIR and PSQL; returns 1
#                                       when PostgreSQL 15 and PostGIS are not installed
#   mapserver_conf DIR MAPFILE          DIR/mapserver.conf for MapServer 8: MAPFILE the default
#                                       map (also as map COUNTY), maps under DIR allowed
#   mapserver_start DIR PORT MAPFILE [FASTCGI_ENTRIES]
#                                       MapServer 8 as 2 FastCGI processes (one per core)
#                                       behind lighttpd on 127.0.0.1:PORT, at /mapserv and
#                                       /wms; FASTCGI_ENTRIES are more lighttpd fastcgi.server
#                                       entries (another FastCGI program beside it); the
#                                       pids: MS_LIGHTTPD_PID and those in DIR/mapserv.sock.pid

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_PIDS=()
BENCH_PIDFILES=()
BENCH_AT_EXIT=()

bench_cleanup() {
	local p f fcgi=()
	for f in "${BENCH_PIDFILES[@]}"; do [ -f "$f" ] && fcgi+=($(cat "$f")); done
	for p in "${BENCH_PIDS[@]}" "${fcgi[@]}"; do kill "$p" 2>/dev/null || true; done
	for p in "${BENCH_PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
	# An idle FastCGI mapserv takes SIGTERM as "finish after the next request":
	# what is still there after a moment is killed.
	if [ ${#fcgi[@]} -gt 0 ]; then
		sleep 0.5
		for p in "${fcgi[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
	fi
	# Last registered first, as Go's defer: a cluster stops before its folder goes.
	local i
	for ((i = ${#BENCH_AT_EXIT[@]} - 1; i >= 0; i--)); do eval "${BENCH_AT_EXIT[i]}" || true; done
}
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

bench_bg() {
	"$@" &
	BENCH_PID=$!
	BENCH_PIDS+=("$BENCH_PID")
}

bench_stop() {
	local keep=() p
	kill "$1" 2>/dev/null || true
	wait "$1" 2>/dev/null || true
	for p in "${BENCH_PIDS[@]}"; do [ "$p" = "$1" ] || keep+=("$p"); done
	BENCH_PIDS=("${keep[@]}")
}

bench_at_exit() { BENCH_AT_EXIT+=("$1"); }

bench_wait_url() {
	local i
	for i in $(seq 1 "${2:-600}"); do
		curl -sf -o /dev/null "$1" && return 0
		sleep 0.2
	done
	echo "bench: $1 did not answer" >&2
	return 1
}

bench_wait_idle() { "$ROOT/scripts/wait-idle.sh" "$@"; }

bench_fcgi() {
	local sock=$1 n=$2 prog=$3
	shift 3
	rm -f "$sock" "$sock.pid"
	env "$@" spawn-fcgi -s "$sock" -F "$n" -P "$sock.pid" -- "$prog" >/dev/null
	BENCH_PIDFILES+=("$sock.pid")
	bench_at_exit "rm -f '$sock'"
}

bench_postgis() {
	PG=${PG:-/usr/lib/postgresql/15/bin}
	PGDIR=$1
	[ -x "$PG/pg_ctl" ] && [ -f /usr/share/postgresql/15/extension/postgis.control ] && id postgres >/dev/null 2>&1 || return 1
	if [ ! -d "$PGDIR/data" ]; then
		mkdir -p "$PGDIR" && chown postgres "$PGDIR"
		su postgres -c "$PG/initdb -D $PGDIR/data -A trust" >"$PGDIR/init.log" 2>&1 || { cat "$PGDIR/init.log" >&2; return 1; }
	fi
	su postgres -c "$PG/pg_ctl -D $PGDIR/data -o '-p $2 -k $PGDIR -c listen_addresses=' -l $PGDIR/log start -w" >/dev/null || return 1
	bench_at_exit "su postgres -c '$PG/pg_ctl -D $PGDIR/data stop -m fast' >/dev/null 2>&1"
	PSQL="psql -h $PGDIR -p $2 -U postgres -q -v ON_ERROR_STOP=1"
}

mapserver_conf() {
	cat >"$1/mapserver.conf" <<EOF
CONFIG
  ENV
    MS_MAPFILE "$2"
    MS_MAP_PATTERN "^$1/"
  END
  MAPS
    COUNTY "$2"
  END
END
EOF
}

mapserver_start() {
	local dir=$1 port=$2 map=$3 extra=${4:-}
	for bin in mapserv lighttpd spawn-fcgi; do
		command -v $bin >/dev/null || { echo "bench: $bin missing (apt-get install cgi-mapserver lighttpd spawn-fcgi)" >&2; return 1; }
	done
	mapserver_conf "$dir" "$map"
	bench_fcgi "$dir/mapserv.sock" 2 "$(command -v mapserv)" MAPSERVER_CONFIG_FILE="$dir/mapserver.conf" MS_MAPFILE="$map"
	mkdir -p "$dir/www"
	cat >"$dir/lighttpd.conf" <<EOF
server.modules = ("mod_fastcgi")
server.document-root = "$dir/www"
server.bind = "127.0.0.1"
server.port = $port
server.errorlog = "$dir/lighttpd.err"
fastcgi.server = (
  "/mapserv" => (("socket" => "$dir/mapserv.sock", "check-local" => "disable")),
  "/wms" => (("socket" => "$dir/mapserv.sock", "check-local" => "disable"))${extra:+,
  $extra}
)
EOF
	bench_bg lighttpd -D -f "$dir/lighttpd.conf"
	MS_LIGHTTPD_PID=$BENCH_PID
	bench_wait_url "http://127.0.0.1:$port/mapserv?SERVICE=WMS&REQUEST=GetCapabilities" 150
}
