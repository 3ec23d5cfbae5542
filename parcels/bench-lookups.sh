#!/usr/bin/env bash
# Parcel lookups by id, by obręb name and number, and the autocomplete, across
# sip versions on one county: the answers must be the same byte for byte, and
# each version's requests/s and memory are reported side by side (wrk on
# loopback, rate limit off). For the store-backed parcel service (issue 17):
#
#   REVS="main ." parcels/bench-lookups.sh           # before/after
#   PARCELS=300000 REVS="main ." parcels/bench-lookups.sh
#
# The request list (60 parcels drawn with a fixed seed: their ids, id
# prefixes, numbers, obręb name + number, addresses; ULDK GetParcelById and
# GetParcelByIdOrNr; the parcel card) is made from the store with Debian's python3.
# The county is kept in $BENCH_DIR between runs.
set -euo pipefail
. "$(dirname "$0")/../scripts/benchlib.sh"
cd "$ROOT"
PARCELS=${PARCELS:-50000}
REVS=${REVS:-.}
DURATION=${DURATION:-5}
PORT=${PORT:-18461}
BENCH_DIR=${BENCH_DIR:-/tmp/sip-bench-lookups}
for c in wrk curl /usr/bin/python3; do
	command -v "$c" >/dev/null || { echo "bench-lookups: $c missing (make deps-bench)" >&2; exit 1; }
done
mkdir -p "$BENCH_DIR"
scripts/build-revs.sh "$BENCH_DIR/bin" $REVS
bin() { if [ "$1" = . ]; then echo "$BENCH_DIR/bin/sip-wt"; else echo "$BENCH_DIR/bin/sip-$1"; fi; }
G=$BENCH_DIR/county-$PARCELS.gpkg
[ -s "$G" ] || "$(bin "${REVS##* }")" gen county --parcels "$PARCELS" --seed 11 --store "$G" --name county >&2
U=$BENCH_DIR/urls-$PARCELS
/usr/bin/python3 - "$G" "$U" <<'PY'
import sys, sqlite3, random, urllib.parse as u
db = sqlite3.connect(sys.argv[1])
rows = db.execute("select id_dzialki, numer_dzialki, id_obrebu, adresy from dzialki").fetchall()
names = dict(db.execute("select id_obrebu, nazwa from obreby").fetchall())
random.seed(5)
byid, idornr, search, card = [], [], [], []
q = lambda s: '/api/parcels/search?limit=8&q=' + u.quote(s)
for pid, num, obr, adr in random.sample(rows, 60):
    search += [q(pid), q(pid[:-1]), q(pid[:len(obr)+2]), q(num), q(num[:1])]
    if obr in names:
        search += [q(names[obr] + ' ' + num), q(names[obr][:3] + ' ' + num[:1]), q(names[obr])]
        idornr.append('/uldk?request=GetParcelByIdOrNr&result=teryt,parcel,region&id=' + u.quote(names[obr] + ' ' + num))
    if adr:
        a = adr.split('; ')[0]
        search += [q(a), q(' '.join(reversed(a.replace(',', '').split()))), q(a[:5])]
    byid.append('/uldk?request=GetParcelById&result=geom_wkt,teryt,parcel,region,commune&srid=2180&id=' + u.quote(pid, safe='/'))
    card.append('/api/parcels/' + u.quote(pid, safe=''))
for name, l in (('byid', byid), ('idornr', idornr), ('search', search), ('card', card)):
    open(sys.argv[2] + '-' + name, 'w').write('\n'.join(l) + '\n')
PY
cat > "$BENCH_DIR/sip.yaml" <<EOY
listen: 127.0.0.1:$PORT
datasets:
  - name: county
    store: $G
limits:
  rate_limit: {rate: 0, burst: 1}
log:
  access: false
EOY
first=""
for rev in $REVS; do
	bench_bg "$(bin "$rev")" serve --config "$BENCH_DIR/sip.yaml"
	pid=$BENCH_PID
	bench_wait_url "http://127.0.0.1:$PORT/readyz"
	bench_wait_idle "$pid" 120 || true
	ans=$BENCH_DIR/answers-${rev//\//_}
	: >"$ans"
	cat "$U-byid" "$U-idornr" "$U-search" "$U-card" | while read -r p; do
		echo "== $p" >>"$ans"
		curl -s "http://127.0.0.1:$PORT$p" >>"$ans"
		echo >>"$ans"
	done
	if [ -z "$first" ]; then first=$ans; elif cmp -s "$first" "$ans"; then echo "answers of $rev: identical"; else echo "answers of $rev: DIFFER (diff $first $ans)"; fi
	for kind in byid idornr search card; do
		printf '%-8s %-7s load %s ' "$rev" "$kind" "$(cut -d' ' -f1 /proc/loadavg)"
		PATHS=$U-$kind wrk -t2 -c8 -d"${DURATION}s" -s parcels/bench.lua "http://127.0.0.1:$PORT" | grep RESULT || true
	done
	echo "$rev: RSS $(($(ps -o rss= -p "$pid") / 1024)) MB, peak $(awk '/VmHWM/{print int($2/1024)}' /proc/"$pid"/status) MB"
	bench_stop "$pid"
done
