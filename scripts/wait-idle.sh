#!/usr/bin/env bash
# wait-idle.sh PID [SECONDS] — wait until process PID uses under 3% of a core
# over one second (at most SECONDS, default 600). Servers warm caches in the
# background after start-up (the tile feature cache reads every object of a
# county; the parcel model builds); a benchmark that starts during that charges
# the warm-up to the requests it measures.
set -euo pipefail
pid=$1
max=${2:-600}
clk=$(getconf CLK_TCK)
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
for _ in $(seq 1 "$max"); do
  a=$(ticks) || exit 1
  sleep 1
  b=$(ticks) || exit 1
  [ $((b - a)) -le $((clk * 3 / 100)) ] && exit 0
done
echo "wait-idle: process $pid still busy after ${max}s; measuring anyway" >&2
