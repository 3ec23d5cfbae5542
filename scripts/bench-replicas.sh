#!/usr/bin/env bash
# Restarts and failures under load (issue 18 §4): two `sip serve` replicas on
# loopback behind haproxy (health checks on /readyz), the county in a private
# PostGIS cluster, `state:` in the same database, a PMTiles archive in a
# SeaweedFS bucket (weed mini, the binary `make deps-weed` builds) served by
# `tilesets:`. wrk cycles WMS GetMap, OGC API items, tiles and ULDK through
# haproxy while a loop orders extracts and delivers each payment notification
# twice, to either replica, and the script, one phase at a time:
#
#   baseline      nothing happens
#   graceful      each replica in turn: SIGTERM, wait for its exit, start it again
#   kill9         kill -9 one replica, start it again
#   db-restart    restart the PostgreSQL server (pg_ctl restart -m fast); each
#                 replica's own /readyz is polled until every one answers 200
#   bucket-down   weed stopped for 10 s, then started again
#
# Per phase: wrk's requests and errors, haproxy's log (status classes, requests
# that haproxy retried or redispatched, its own 5xx), and the extract loop's
# orders and notifications; at the end the state database says whether every
# paid order was charged exactly once.
#
#   scripts/bench-replicas.sh
#   PARCELS=3000 CONNS=8 PHASE_SECONDS=8 scripts/bench-replicas.sh
#   WEED=/path/to/weed scripts/bench-replicas.sh
#   LB_RETRIES=0 scripts/bench-replicas.sh   # haproxy retries nothing: what sip drops itself
set -euo pipefail
. "$(dirname "$0")/benchlib.sh"
cd "$ROOT"
PARCELS=${PARCELS:-3000}
CONNS=${CONNS:-8}
PHASE_SECONDS=${PHASE_SECONDS:-8}
BASE=${BASE_PORT:-18470}
LB_RETRIES=${LB_RETRIES:-3} # 0: haproxy retries nothing, so what sip itself drops shows
OUT=${BENCH_DIR:-/tmp/sip-bench-replicas}
WEED_VERSION=$(sed -n 's/^WEED_VERSION *:= *//p' Makefile)
WEED=${WEED:-$HOME/.cache/sip/weed-$WEED_VERSION}
export PGOPTIONS='-c client_min_messages=warning'
for c in haproxy wrk curl psql jq openssl; do
	command -v "$c" >/dev/null || { echo "bench-replicas: $c missing (make deps-bench)" >&2; exit 1; }
done
scripts/weed-ensure.sh "$WEED_VERSION" "$WEED"
mkdir -p "$OUT"
chmod 755 "$OUT"
go build -o "$OUT/sip" ./cmd/sip
SIP=$OUT/sip

LB=$BASE PA=$((BASE + 1)) PB=$((BASE + 2)) PGPORT=$((BASE + 3)) S3=$((BASE + 4))
# --- PostgreSQL: the county and the state schema
bench_postgis "$OUT/pg" "$PGPORT" || { echo "bench-replicas: PostgreSQL 15 with PostGIS is needed (make deps-bench)" >&2; exit 1; }
$PSQL -tAc "SELECT 1 FROM pg_database WHERE datname = 'sip'" | grep -q 1 || $PSQL -c 'CREATE DATABASE sip'
$PSQL -d sip -c 'CREATE EXTENSION IF NOT EXISTS postgis'
PGURL="postgres://postgres@localhost/sip?host=$PGDIR&port=$PGPORT"
SCHEMA=county_$PARCELS
if [ -z "$($PSQL -d sip -tAc "SELECT 1 FROM pg_namespace WHERE nspname = '$SCHEMA'")" ]; then
	echo "bench-replicas: making $SCHEMA ($PARCELS parcels)…" >&2
	"$SIP" gen county --parcels "$PARCELS" --seed 11 --store "$PGURL&schema=$SCHEMA" --name county >&2
fi
$PSQL -d sip -c 'DROP SCHEMA IF EXISTS bench_state CASCADE'

# --- SeaweedFS: one identity, the bucket, fixed ports (kept across the restart)
export AWS_ACCESS_KEY_ID=SIPBENCHACCESSKEY001 AWS_SECRET_ACCESS_KEY=sip-bench-secret-key-0123456789abcdefgh \
	AWS_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
rm -rf "$OUT/weed" && mkdir -p "$OUT/weed/data"
printf '{"identities":[{"name":"sip","credentials":[{"accessKey":"%s","secretKey":"%s"}],"actions":["Admin","Read","List","Tagging","Write"]}]}' \
	"$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY" >"$OUT/weed/s3.json"
WEED_ARGS=(mini -dir="$OUT/weed/data" -ip=127.0.0.1 -ip.bind=127.0.0.1 -s3.port=$S3 -s3.port.grpc=$((BASE + 5))
	-s3.config="$OUT/weed/s3.json" -bucket=sip-bench -master.port=$((BASE + 6)) -master.port.grpc=$((BASE + 7))
	-volume.port=$((BASE + 8)) -volume.port.grpc=$((BASE + 9)) -filer.port=$((BASE + 10)) -filer.port.grpc=$((BASE + 11))
	-filer.localSocket="$OUT/weed/filer.sock" -s3.localSocket="$OUT/weed/s3.sock" -debug.port=$((BASE + 12))
	-s3.debug.port=$((BASE + 12)) -webdav=false -admin.ui=false -admin.port.legacy=0 -s3.port.iceberg=0 -s3.port.lance=0
	-s3.iam=false -master.telemetry=false -volume.max=0)
weed_start() {
	(cd "$OUT/weed" && exec "$WEED" "${WEED_ARGS[@]}") >>"$OUT/weed/weed.log" 2>&1 &
	WEED_PID=$!
	BENCH_PIDS+=("$WEED_PID")
	local i
	for i in $(seq 300); do
		curl -s -o /dev/null "http://127.0.0.1:$S3/sip-bench/" && [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$S3/sip-bench/")" != 000 ] && return 0
		sleep 0.2
	done
	echo "bench-replicas: weed did not start (see $OUT/weed/weed.log)" >&2
	return 1
}
weed_start
TILES="s3://sip-bench/county.pmtiles?endpoint=http://127.0.0.1:$S3&path_style=true&region=us-east-1"
t0=$(date +%s%N)
"$SIP" tiles build --store "$PGURL&schema=$SCHEMA" --out "$TILES" --maxzoom 15 --layers dzialki,budynki,obreby >"$OUT/tiles.log" 2>&1 ||
	{ cat "$OUT/tiles.log" >&2; exit 1; }
echo "tiles build to s3: $(( ($(date +%s%N) - t0) / 1000000 )) ms" >&2

# --- the replicas' configuration (one file; each replica its own --listen)
export SIP_BENCH_TOKEN_KEY=replicas-bench-signing-key-0123456789 SIP_BENCH_PAYU_SECRET=replicas-bench-payu-secret-0123
cat >"$OUT/sip.yaml" <<EOF
datasets:
  - {name: county, store: "$PGURL&schema=$SCHEMA", title: Powiat Testowy}
state: "$PGURL&schema=bench_state"
tilesets:
  - {name: county-s3, url: "$TILES"}
limits:
  rate_limit: {rate: 0, burst: 1}
  shutdown_timeout: 15s
  drain_delay: 1s # haproxy checks /readyz every 250 ms
fees:
  currency: PLN
  items:
    - {document: wypis_wyrys, printed: 150, electronic: "140.00", unit: dokument, basis: "Lp. 3"}
extracts:
  files: "s3://sip-bench/extracts/?endpoint=http://127.0.0.1:$S3&path_style=true&region=us-east-1"
  token_secret_env: SIP_BENCH_TOKEN_KEY
  max_parcels: 100
  providers:
    - {name: payu, type: webhook, secret_env: SIP_BENCH_PAYU_SECRET, signature_header: OpenPayu-Signature, pay_url: "https://pay.example/{order}?amount={amount}"}
EOF
declare -A RPID RPORT=([a]=$PA [b]=$PB)
replica_start() { # name
	bench_bg "$SIP" serve --config "$OUT/sip.yaml" --listen "127.0.0.1:${RPORT[$1]}" 2>>"$OUT/replica-$1.log"
	RPID[$1]=$BENCH_PID
}
replica_forget() { # pid: drop an exited replica from the exit list
	local keep=() p
	for p in "${BENCH_PIDS[@]}"; do [ "$p" = "$1" ] || keep+=("$p"); done
	BENCH_PIDS=("${keep[@]}")
}
replica_wait() { bench_wait_url "http://127.0.0.1:${RPORT[$1]}/readyz" 300; }
rm -f "$OUT"/replica-*.log
replica_start a
replica_wait a # the first migrates the state schema
replica_start b
replica_wait b

# --- haproxy: round robin, /readyz checked every 250 ms, connection failures
# retried on the other server; one log line per request on stdout.
cat >"$OUT/haproxy.cfg" <<EOF
global
  maxconn 2000
  log stdout format raw local0
defaults
  mode http
  log global
  log-format "%ST %ts %s %rc %HM %HU"
  timeout connect 1s
  timeout client 30s
  timeout server 30s
  retries $LB_RETRIES
$([ "$LB_RETRIES" = 0 ] || printf '  option redispatch 1\n  retry-on conn-failure empty-response')
frontend fe
  bind 127.0.0.1:$LB
  default_backend sip
backend sip
  balance roundrobin
  option httpchk GET /readyz
  http-check expect status 200
  default-server inter 250ms fastinter 100ms downinter 250ms fall 1 rise 2
  server a 127.0.0.1:$PA check
  server b 127.0.0.1:$PB check
EOF
haproxy -c -q -f "$OUT/haproxy.cfg"
: >"$OUT/haproxy.log"
bench_bg haproxy -db -f "$OUT/haproxy.cfg" >>"$OUT/haproxy.log" 2>&1
bench_wait_url "http://127.0.0.1:$LB/readyz" 100

# --- the clients' paths: 400 parcels' points -> GetMap, items, z14/15 tiles, ULDK
$PSQL -d sip -tA -F' ' -c "SELECT id_dzialki, ST_X(p), ST_Y(p), ST_X(q), ST_Y(q) FROM (SELECT id_dzialki,
	ST_PointOnSurface(geom) p, ST_Transform(ST_PointOnSurface(geom), 4326) q FROM $SCHEMA.dzialki ORDER BY md5(lokalny_id) LIMIT 400) s" >"$OUT/points.txt"
awk -v t=county-s3 'function asinh(v) { return log(v + sqrt(v*v + 1)) }
{ id = $1; x = $2; y = $3; lon = $4; lat = $5; pi = atan2(0, -1)
  gsub("/", "%2F", id)
  printf "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=dzialki,budynki&STYLES=&CRS=EPSG:2180&BBOX=%.0f,%.0f,%.0f,%.0f&WIDTH=256&HEIGHT=256&FORMAT=image/png\n", y-150, x-150, y+150, x+150
  printf "/ogc/collections/dzialki/items?limit=50&bbox=%.6f,%.6f,%.6f,%.6f\n", lon-0.002, lat-0.0013, lon+0.002, lat+0.0013
  z = 14 + NR % 2; n = 2^z; r = lat * pi / 180
  printf "/tiles/%s/%d/%d/%d.mvt\n", t, z, int((lon + 180) / 360 * n), int((1 - asinh(sin(r) / cos(r)) / pi) / 2 * n)
  printf "/uldk?request=GetParcelById&id=%s&result=teryt,parcel,region,commune&srid=2180\n", id
}' "$OUT/points.txt" >"$OUT/paths.txt"
# Every kind answers before the load starts (axis order of EPSG:2180 is northing first).
while read -r p; do
	code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$LB$p")
	[ "$code" = 200 ] || { echo "bench-replicas: $p answered $code" >&2; exit 1; }
done < <(head -4 "$OUT/paths.txt")

# --- the extract loop: order on haproxy, the signed notification delivered
# twice (once to each replica directly), as an operator retrying would.
mapfile -t PARCEL_IDS < <(cut -d' ' -f1 "$OUT/points.txt" | head -40)
extract_loop() {
	local i=0 body sig id total code st
	while [ ! -e "$OUT/extracts.stop" ]; do
		i=$((i + 1))
		body=$(printf '{"parcels":["%s"],"products":["wypis_wyrys"],"provider":"payu"}' "${PARCEL_IDS[i % ${#PARCEL_IDS[@]}]}")
		out=$(curl -s -m 10 -w '\n%{http_code}' -X POST -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$LB/api/extracts/orders") || out=$'\n000'
		code=${out##*$'\n'}
		if [ "$code" != 201 ]; then echo "order $code"; sleep 0.2; continue; fi
		id=$(jq -r .id <<<"${out%$'\n'*}")
		total=$(jq -r .total <<<"${out%$'\n'*}")
		echo "order 201 $id"
		body=$(printf '{"order":{"orderId":"PAY-%s","extOrderId":"%s","totalAmount":"%s","currencyCode":"PLN","status":"COMPLETED"}}' "$id" "$id" "$total")
		sig=$(printf '%s' "$body" | openssl dgst -sha256 -hmac "$SIP_BENCH_PAYU_SECRET" -r | cut -d' ' -f1)
		for port in $PA $PB; do
			for try in 1 2 3 4 5 6 7 8 9 10; do # the operator retries until acknowledged
				out=$(curl -s -m 10 -w '\n%{http_code}' -X POST -H "OpenPayu-Signature: $sig" -d "$body" "http://127.0.0.1:$port/api/payments/payu/notify") || out=$'\n000'
				code=${out##*$'\n'}
				if [ "$code" = 200 ]; then
					st=$(jq -r .status <<<"${out%$'\n'*}")
					echo "notify 200 $st $id"
					break
				fi
				echo "notify $code $id"
				sleep 0.5
			done
		done
	done
}
rm -f "$OUT/extracts.stop"
extract_loop >"$OUT/extracts.log" 2>&1 &
EXTRACT_PID=$!
BENCH_PIDS+=("$EXTRACT_PID")

# --- phases
SUMMARY=$OUT/summary.txt
: >"$SUMMARY"
phase() { # name action...
	local name=$1 hl el wpid
	shift
	hl=$(wc -l <"$OUT/haproxy.log")
	el=$(wc -l <"$OUT/extracts.log")
	SIP_BENCH_PATHS="$OUT/paths.txt" wrk -t2 -c"$CONNS" -d300s --timeout 10s -s scripts/bench-replicas.lua "http://127.0.0.1:$LB" >"$OUT/wrk-$name.txt" 2>&1 &
	wpid=$!
	sleep 1
	PHASE_NOTE=""
	"$@"
	sleep "$PHASE_SECONDS"
	kill -INT "$wpid"
	wait "$wpid" || true
	sleep 0.3
	local w h x
	w=$(sed -n 's/^WRK //p' "$OUT/wrk-$name.txt")
	h=$(tail -n +"$((hl + 1))" "$OUT/haproxy.log" | awk '/^[0-9-]+ / { n++; c[substr($1, 1, 1) "xx"]++; if ($4 > 0) r++; if ($3 == "<NOSRV>") ns++ }
		END { printf "haproxy: %d requests", n; for (k in c) printf " %s=%d", k, c[k]; printf " retried=%d nosrv=%d", r, ns }')
	x=$(tail -n +"$((el + 1))" "$OUT/extracts.log" | awk '{ k = $1 " " $2; if ($2 == 200 && $1 == "notify") k = k " " $3; c[k]++ }
		END { printf "extracts:"; for (k in c) printf " [%s]=%d", k, c[k] }')
	printf '%-12s wrk: %s\n%-12s %s\n%-12s %s\n' "$name" "$w" "" "$h" "" "$x" | tee -a "$SUMMARY"
	[ -z "$PHASE_NOTE" ] || printf '%-12s %s\n' "" "$PHASE_NOTE" | tee -a "$SUMMARY"
}
idle() { :; }
graceful() {
	local r t0
	for r in a b; do
		t0=$(date +%s%N)
		kill -TERM "${RPID[$r]}"
		wait "${RPID[$r]}" || true
		replica_forget "${RPID[$r]}"
		local t1=$(date +%s%N)
		replica_start "$r"
		replica_wait "$r"
		PHASE_NOTE+="$r: exit after SIGTERM $(( (t1 - t0) / 1000000 )) ms, ready again $(( ($(date +%s%N) - t1) / 1000000 )) ms; "
		sleep 3 # haproxy's rise (2 checks) before the next
	done
}
kill9() {
	kill -KILL "${RPID[a]}"
	wait "${RPID[a]}" 2>/dev/null || true
	replica_forget "${RPID[a]}"
	sleep 2
	replica_start a
	replica_wait a
}
ready_all() { # what: ms until both replicas' own /readyz answer 200, from now
	local what=$1 t0=$(date +%s%N) r
	for r in a b; do
		until [ "$(curl -s -m 2 -o /dev/null -w '%{http_code}' "http://127.0.0.1:${RPORT[$r]}/readyz")" = 200 ]; do sleep 0.1; done
		PHASE_NOTE+="$r ready $(( ($(date +%s%N) - t0) / 1000000 )) ms after $what was back; "
	done
}
db_restart() {
	local t0=$(date +%s%N)
	su postgres -c "$PG/pg_ctl -D $PGDIR/data restart -m fast -w -o '-p $PGPORT -k $PGDIR -c listen_addresses='" >/dev/null
	PHASE_NOTE="pg_ctl restart took $(( ($(date +%s%N) - t0) / 1000000 )) ms; "
	ready_all PostgreSQL
}
bucket_down() {
	kill -TERM "$WEED_PID"
	wait "$WEED_PID" || true
	replica_forget "$WEED_PID"
	sleep 10
	weed_start
	ready_all weed
}
phase baseline idle
phase graceful graceful
phase kill9 kill9
phase db-restart db_restart
phase bucket-down bucket_down
touch "$OUT/extracts.stop"
wait "$EXTRACT_PID" || true
replica_forget "$EXTRACT_PID"

# --- payments: every order the loop paid is charged once and the notifications
# applied once each (the state database, not the clients, says so).
grep '^notify 200' "$OUT/extracts.log" | awk '{ print $4, $3 }' | sort -u >"$OUT/notified.txt"
paid=$(awk '{ print $1 }' "$OUT/notified.txt" | sort -u | wc -l)
applied=$(grep -c '^notify 200 applied' "$OUT/extracts.log" || true)
read -r orders charges multi < <($PSQL -d sip -tA -F' ' -c "SELECT (SELECT count(*) FROM bench_state.extracts_orders),
	(SELECT count(*) FROM bench_state.extracts_charges),
	(SELECT count(*) FROM (SELECT order_id FROM bench_state.extracts_charges GROUP BY order_id HAVING count(*) > 1) d)")
ids=$(awk '{ print "'"'"'" $1 "'"'"'" }' "$OUT/notified.txt" | sort -u | paste -sd,)
uncharged=0
[ -z "$ids" ] || uncharged=$($PSQL -d sip -tAc "SELECT count(*) FROM unnest(ARRAY[$ids]) o WHERE o NOT IN (SELECT order_id FROM bench_state.extracts_charges)")
printf 'payments     orders=%s notified-orders=%s applied-responses=%s charges=%s doubled=%s paid-but-uncharged=%s\n' \
	"$orders" "$paid" "$applied" "$charges" "$multi" "$uncharged" | tee -a "$SUMMARY"
echo "bench-replicas: logs in $OUT (summary.txt, haproxy.log, wrk-*.txt, extracts.log, replica-*.log)"
