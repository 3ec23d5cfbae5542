#!/usr/bin/env bash
# Side-by-side: incremental sync (sip sync pull) vs re-importing a full export with
# ogr2ogr, on a gmina dataset of N zones (default 300000) with 1% changed.
# Usage: datasync/bench.sh [N]
set -euo pipefail
. "$(dirname "$0")/../scripts/benchlib.sh"
N=${1:-300000}
cd "$ROOT"
W=$(mktemp -d /tmp/sip-sync-bench.XXXXXX)
bench_at_exit 'rm -rf "$W"'
go build -o "$W/sip" ./cmd/sip
echo "fixture: $N zones"
SIP_SYNC_BENCH_DIR=$W SIP_SYNC_BENCH_N=$N go test -count=1 -run TestBenchFixture ./datasync/ >/dev/null
KEYHASH=$(echo -n bench-key | "$W/sip" serve --hash-key 2>/dev/null | tail -1 | awk '{print $NF}')
cat > "$W/sip.yaml" <<YAML
datasets:
  - {name: gmina, store: $W/gmina.gpkg}
auth:
  keys:
    - {name: sync, hash: "$KEYHASH", roles: [sync]}
limits:
  request_timeout: 10m
  write_timeout: 11m
YAML
bench_bg "$W/sip" serve --config "$W/sip.yaml" --listen 127.0.0.1:18931 >"$W/serve.log" 2>&1
bench_wait_url http://127.0.0.1:18931/readyz 150 || { cat "$W/serve.log"; exit 1; }
pull() { /usr/bin/time -f "%e s wall, %M KB peak RSS" "$W/sip" sync pull --from http://127.0.0.1:18931 --dataset gmina --store "$W/county.gpkg" --key bench-key; }
echo "first load (snapshot):"; pull | sed 's/.*"wire_bytes":\([0-9]*\).*/  wire bytes \1/'
SIP_SYNC_BENCH_DIR=$W SIP_SYNC_BENCH_N=$N SIP_SYNC_BENCH_MUTATE=1 go test -count=1 -run TestBenchFixture ./datasync/ >/dev/null
echo "incremental pull (1% changed):"; pull > "$W/pull.json" 2>"$W/pull.time" || { cat "$W/pull.time"; exit 1; }
INC=$(sed 's/.*"wire_bytes":\([0-9]*\).*/\1/' "$W/pull.json")
echo "  changes $(sed 's/.*"changes":\([0-9]*\).*/\1/' "$W/pull.json"), wire bytes $INC, $(cat "$W/pull.time")"
echo "full export + re-import with ogr2ogr:"
/usr/bin/time -f "  export %e s" ogr2ogr -f GPKG "$W/export.gpkg" "$W/gmina.gpkg" plany strefy mpzp
FULL=$(stat -c %s "$W/export.gpkg")
ZFULL=$(zstd -q -c "$W/export.gpkg" 2>/dev/null | wc -c || echo 0)
/usr/bin/time -f "  re-import %e s wall, %M KB peak RSS" ogr2ogr -f GPKG -overwrite "$W/county_full.gpkg" "$W/export.gpkg"
echo "  export bytes $FULL (zstd: $ZFULL)"
echo "ratio: full export / incremental wire bytes = $(echo "scale=1; $FULL / $INC" | bc) (zstd export: $(echo "scale=1; $ZFULL / $INC" | bc))"
echo "geodiff: skipped (not built here)"
