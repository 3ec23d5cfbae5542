#!/usr/bin/env bash
# Extract generation side by side with the peer on the same data in one run.
#
# sip: BenchmarkGenerate/gpkg resolves 50 parcel ids through store.Reader and
# writes their public attributes and geometry into a new GeoPackage through
# store/gpkg (fsync'd), as the background generator does for a paid order.
# Peer: what a county scripts today, GDAL's ogr2ogr writing the same 50 parcels
# (-where id_dzialki IN (…)) from the same GeoPackage into a new GeoPackage
# (process start included: that is how it is run).
#
#   extracts/bench.sh            # 20 runs each
#   RUNS=50 extracts/bench.sh
set -euo pipefail
. "$(dirname "$0")/../scripts/benchlib.sh"
cd "$ROOT"
RUNS=${RUNS:-20}
OUT=${BENCH_DIR:-$(mktemp -d /tmp/sip-bench-extracts-XXXX)}
mkdir -p "$OUT"
command -v ogr2ogr >/dev/null || { echo "ogr2ogr is missing (Debian gdal-bin)" >&2; exit 1; }
SIP_EXTRACTS_BENCH_OUT="$OUT" go test -run '^$' -bench 'Quote|Generate' -benchtime "${RUNS}x" ./extracts | tee "$OUT/go.txt"
ids=$(sed "s/.*/'&'/" "$OUT/ids.txt" | paste -sd, -)
t0=$(date +%s%N)
for _ in $(seq "$RUNS"); do
  rm -f "$OUT/peer.gpkg"
  ogr2ogr -f GPKG "$OUT/peer.gpkg" "$OUT/county.gpkg" dzialki -where "id_dzialki IN ($ids)"
done
t1=$(date +%s%N)
n=$(ogrinfo -ro -so "$OUT/peer.gpkg" dzialki | sed -n 's/^Feature Count: //p')
[ "$n" = "$(wc -l < "$OUT/ids.txt")" ] || { echo "peer wrote $n parcels" >&2; exit 1; }
peer_ms=$(awk -v a="$t0" -v b="$t1" -v r="$RUNS" 'BEGIN{printf "%.1f", (b-a)/r/1e6}')
sip_ms=$(awk '/BenchmarkGenerate\/gpkg/{printf "%.1f", $3/1e6}' "$OUT/go.txt")
echo
echo "GeoPackage of $n parcels: sip ${sip_ms} ms, ogr2ogr ${peer_ms} ms, ratio peer/sip $(awk -v a="$peer_ms" -v b="$sip_ms" 'BEGIN{printf "%.2f", a/b}')"
