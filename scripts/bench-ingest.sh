#!/usr/bin/env bash
# Ingest throughput and peak RSS: `sip ingest` against `ogr2ogr -f GPKG` on the same
# generated EGiB GML files, side by side in one run (the machine is noisy: read the
# ratios). Usage: scripts/bench-ingest.sh [PARCELS] [RUNS]
set -euo pipefail
. "$(dirname "$0")/benchlib.sh"
cd "$ROOT"
PARCELS=${1:-20000}
RUNS=${2:-3}
# The working tree's sip, built now (a bin/sip left from another checkout would
# otherwise be measured); SIP=path measures another binary.
if [ -z "${SIP:-}" ]; then SIP=bin/sip; go build -o "$SIP" ./cmd/sip; fi
work=$(mktemp -d /tmp/sip-bench-ingest.XXXXXX)
bench_at_exit 'rm -rf "$work"'

"$SIP" gen county --parcels "$PARCELS" --seed 7 --out "$work/gml" 2>"$work/gen.log"
mapfile -t files < <(ls "$work"/gml/*.gml | sort)
bytes=$(cat "${files[@]}" | wc -c)

run_sip() { rm -f "$work/sip.gpkg"*; "$SIP" ingest --store "$work/sip.gpkg" --report "$work/report.json" "${files[@]}" 2>/dev/null; }
run_ogr() {
	rm -f "$work/ogr.gpkg"
	local first=1
	for f in "${files[@]}"; do
		if [ $first = 1 ]; then
			ogr2ogr -f GPKG "$work/ogr.gpkg" "$f" -t_srs EPSG:2180 -gt 65536
			first=0
		else
			ogr2ogr -f GPKG -append "$work/ogr.gpkg" "$f" -t_srs EPSG:2180 -gt 65536
		fi
	done
}

measure() { # name func -> prints "seconds maxrss_kb"
	local best_s=999999 best_kb=0
	for _ in $(seq "$RUNS"); do
		/usr/bin/time -f "%e %M" -o "$work/time.txt" bash -c "$(declare -f "$2"); $(declare -p work files SIP); $2"
		read -r s kb < "$work/time.txt"
		if awk "BEGIN{exit !($s < $best_s)}"; then best_s=$s; fi
		[ "$kb" -gt "$best_kb" ] && best_kb=$kb
	done
	echo "$best_s $best_kb"
}

read -r sip_s sip_kb < <(measure sip run_sip)
read -r ogr_s ogr_kb < <(measure ogr run_ogr)
objects=$(/usr/bin/python3 -c "import json;print(json.load(open('$work/report.json'))['total']['objects'])")
ogr_objects=$(ogrinfo -ro -so -al "$work/ogr.gpkg" 2>/dev/null | awk -F': ' '/^Feature Count/{s+=$2} END{print s+0}')

printf 'ingest benchmark: %d parcels, %d files, %.1f MB of GML, best of %d runs\n' "$PARCELS" "${#files[@]}" "$(echo "$bytes/1048576" | bc -l)" "$RUNS"
printf '%-8s %10s %12s %14s %12s\n' tool seconds objects objects/s peak_RSS_MB
awk -v s="$sip_s" -v n="$objects" -v kb="$sip_kb" 'BEGIN{printf "%-8s %10.2f %12d %14.0f %12.1f\n","sip",s,n,n/s,kb/1024}'
awk -v s="$ogr_s" -v n="$ogr_objects" -v kb="$ogr_kb" 'BEGIN{printf "%-8s %10.2f %12d %14.0f %12.1f\n","ogr2ogr",s,n,n/s,kb/1024}'
awk -v a="$sip_s" -v b="$ogr_s" 'BEGIN{printf "speed ratio sip/ogr2ogr (wall time of ogr2ogr / sip): %.2fx\n", b/a}'
