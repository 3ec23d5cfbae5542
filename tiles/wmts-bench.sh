#!/usr/bin/env bash
# tiles/wmts-bench.sh — SIP's WMTS raster tiles against MapServer 8 drawing the
# same tiles through its WMS (cgi-mapserver as FastCGI behind lighttpd) and
# against MapCache 1.14 (mapcache-cgi, FastCGI) caching MapServer's tiles on
# disk, side by side in one run, on the same GeoPackage.
#
#   tiles/wmts-bench.sh [DURATION] [CONNECTIONS] [PARCELS]   (defaults: 10s, 4, 20000)
#
# Workload: layer dzialki (parcel outlines, 1 px, anti-aliased, transparent
# PNG), PL-1992 tile matrix 17 (EPSG:2180, 0.78125 m pixels, 200 m tiles).
#   cold:   every request a tile nobody asked for before (a shuffled list of the
#           tiles holding parcels, wrk threads interleaved): sip with its tile cache
#           off (cache.tiles 1B: every request renders), MapServer's GetMap of the
#           tile's box (it caches nothing), MapCache on an empty disk cache
#           (metatile 1×1: one MapServer render per tile, then written to disk).
#   cached: 500 tiles fetched once beforehand, then asked again and again: sip
#           (tile cache on) and MapCache (disk cache; the OS page cache is warm).
# Peak RSS (VmHWM) of each server's processes after the runs. Both cores are
# shared by the servers and wrk. Results in $W/results.txt.
set -euo pipefail
. "$(dirname "$0")/../scripts/benchlib.sh"

DUR=${1:-10s}
CONNS=${2:-4}
PARCELS=${3:-20000}
W=${W:-/tmp/sip-wmts-bench}
PORT_SIP=18461
PORT_SIP_COLD=18462
PORT_LT=18463
mkdir -p "$W"
RES="$W/results.txt"
: >"$RES"
say() { echo "$*" | tee -a "$RES"; }

"$ROOT/scripts/apt-ensure.sh" wrk cgi-mapserver mapcache-cgi lighttpd spawn-fcgi gdal-bin python3-gdal >&2

echo "building sip…" >&2
(cd "$ROOT" && go build -o "$W/sip" ./cmd/sip)
GPKG="$W/county-$PARCELS.gpkg"
if [ ! -f "$GPKG" ]; then
	echo "generating and ingesting a $PARCELS-parcel county…" >&2
	rm -rf "$W/gml"
	"$W/sip" gen county --parcels "$PARCELS" --seed 1 --out "$W/gml" >&2
	"$W/sip" ingest --store "$GPKG" "$W"/gml/*.gml >&2
fi

# The tiles of PL-1992 matrix 17 that parcels' boxes touch, shuffled:
# "row col minE minN maxE maxN".
/usr/bin/python3 - "$GPKG" >"$W/tiles.txt" <<'EOF'
import random, sys
from osgeo import ogr
ds = ogr.Open(sys.argv[1])
span = 26214400 / 2 ** 17
tiles = set()
for f in ds.GetLayerByName("dzialki"):
    e0, e1, n0, n1 = f.GetGeometryRef().GetEnvelope()
    for r in range(int((850000 - n1) // span), int((850000 - n0) // span) + 1):
        for c in range(int((e0 - 100000) // span), int((e1 - 100000) // span) + 1):
            tiles.add((r, c))
tiles = sorted(tiles)
random.seed(1)
random.shuffle(tiles)
for r, c in tiles:
    e, n = 100000 + c * span, 850000 - (r + 1) * span
    print(r, c, e, n, e + span, n + span)
EOF
NT=$(wc -l <"$W/tiles.txt")
awk '{print "/tiles/wmts/dzialki/default/PL-1992/17/" $1 "/" $2 ".png"}' "$W/tiles.txt" >"$W/sip.paths"
awk '{printf "/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=dzialki&STYLES=&SRS=EPSG:2180&BBOX=%s,%s,%s,%s&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=TRUE\n", $3, $4, $5, $6}' "$W/tiles.txt" >"$W/ms.paths"
# MapCache's levels count from its first resolution, PL-1992's matrix 5.
awk '{print "/mapcache/wmts/1.0.0/dzialki/default/PL-1992/12/" $1 "/" $2 ".png"}' "$W/tiles.txt" >"$W/mc.paths"

for port in $PORT_SIP $PORT_SIP_COLD; do
	cache=256MB
	[ "$port" = $PORT_SIP_COLD ] && cache=1B
	cat >"$W/sip-$port.yaml" <<EOF
listen: 127.0.0.1:$port
log: {level: warn, access: false}
datasets:
  - name: county
    store: $GPKG
cache: {tiles: $cache}
limits:
  rate_limit: {rate: 0, burst: 1}
EOF
done

cat >"$W/county.map" <<EOF
MAP
  NAME "county"
  EXTENT 0 0 1000000 1000000
  SIZE 256 256
  MAXSIZE 4096
  UNITS METERS
  PROJECTION "init=epsg:2180" END
  OUTPUTFORMAT
    NAME "png"
    DRIVER AGG/PNG
    MIMETYPE "image/png"
    IMAGEMODE RGBA
    TRANSPARENT ON
    EXTENSION "png"
    FORMATOPTION "COMPRESSION=1"
  END
  WEB
    METADATA
      "wms_title" "county"
      "wms_onlineresource" "http://127.0.0.1:$PORT_LT/wms?"
      "wms_srs" "EPSG:2180"
      "wms_enable_request" "*"
    END
  END
  LAYER
    NAME "dzialki"
    TYPE POLYGON
    STATUS ON
    CONNECTIONTYPE OGR
    CONNECTION "$GPKG"
    DATA "dzialki"
    PROJECTION "init=epsg:2180" END
    METADATA "wms_title" "dzialki" END
    CLASS
      STYLE OUTLINECOLOR 0 0 0 WIDTH 1 ANTIALIAS TRUE END
    END
  END
END
EOF
cat >"$W/mapcache.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<mapcache>
  <grid name="PL-1992">
    <metadata><title>PL-1992 (EPSG:2180), matrices 5 to 18</title></metadata>
    <srs>EPSG:2180</srs>
    <units>m</units>
    <size>256 256</size>
    <extent>100000 30800 919200 850000</extent>
    <origin>top-left</origin>
    <resolutions>3200 1600 800 400 200 100 50 25 12.5 6.25 3.125 1.5625 0.78125 0.390625</resolutions>
  </grid>
  <cache name="disk" type="disk"><base>$W/mapcache</base></cache>
  <source name="mapserver" type="wms">
    <getmap><params><FORMAT>image/png</FORMAT><LAYERS>dzialki</LAYERS><TRANSPARENT>true</TRANSPARENT></params></getmap>
    <http><url>http://127.0.0.1:$PORT_LT/wms?</url></http>
  </source>
  <tileset name="dzialki">
    <source>mapserver</source>
    <cache>disk</cache>
    <grid>PL-1992</grid>
    <format>PNG</format>
    <metatile>1 1</metatile>
    <metabuffer>0</metabuffer>
  </tileset>
  <default_format>PNG</default_format>
  <service type="wmts" enabled="true"/>
  <locker type="disk"><directory>$W/locks</directory></locker>
  <log_level>warn</log_level>
</mapcache>
EOF
rm -rf "$W/mapcache" "$W/locks"
mkdir -p "$W/mapcache" "$W/locks"
bench_bg "$W/sip" serve --config "$W/sip-$PORT_SIP.yaml" 2>"$W/sip.log"
SIP_PID=$BENCH_PID
bench_bg "$W/sip" serve --config "$W/sip-$PORT_SIP_COLD.yaml" 2>"$W/sip-cold.log"
SIP_COLD_PID=$BENCH_PID
# Two FastCGI processes each, one per core: MapCache beside MapServer.
bench_fcgi "$W/mapcache.sock" 2 /usr/lib/cgi-bin/mapcache MAPCACHE_CONFIG_FILE="$W/mapcache.xml"
mapserver_start "$W" "$PORT_LT" "$W/county.map" '"/mapcache" => (("socket" => "'"$W"'/mapcache.sock", "check-local" => "disable"))'
for port in $PORT_SIP $PORT_SIP_COLD; do
	for i in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
done
bench_wait_idle "$SIP_PID"
bench_wait_idle "$SIP_COLD_PID"

# The same tile from the three: MapCache's and sip's must cover the same ground
# (share of inked pixels), and sip's equals GetMap's of the box.
read -r R C E0 N0 E1 N1 < <(sed -n '1p' "$W/tiles.txt")
curl -sf -o "$W/t-sip.png" "http://127.0.0.1:$PORT_SIP$(sed -n 1p "$W/sip.paths")"
curl -sf -o "$W/t-ms.png" "http://127.0.0.1:$PORT_LT$(sed -n 1p "$W/ms.paths")"
curl -sf -o "$W/t-mc.png" "http://127.0.0.1:$PORT_LT$(sed -n 1p "$W/mc.paths")"
/usr/bin/python3 - "$W"/t-sip.png "$W"/t-ms.png "$W"/t-mc.png <<'EOF' | tee -a "$RES"
import sys
from osgeo import gdal
for p in sys.argv[1:]:
    ds = gdal.Open(p)
    a = ds.ReadAsArray()
    if ds.RasterCount == 1:  # paletted: alpha from the colour table
        ct = ds.GetRasterBand(1).GetColorTable()
        ink = sum(1 for v in a.flat if ct.GetColorEntry(int(v))[3] > 0)
    else:
        ink = int((a[ds.RasterCount - 1] > 0).sum())
    print("same tile: %-9s %dx%d, %.1f%% inked pixels" % (p.split("/")[-1], ds.RasterXSize, ds.RasterYSize, 100.0 * ink / (ds.RasterXSize * ds.RasterYSize)))
EOF

# wrk over a path list: each of the two threads takes every second path from
# its own offset, so that the threads never ask for the same one.
cat >"$W/paths.lua" <<'EOF'
local paths = {}
for line in io.lines(os.getenv("PATHS")) do paths[#paths + 1] = line end
local limit = tonumber(os.getenv("LIMIT") or "0")
if limit > 0 then for k = #paths, limit + 1, -1 do paths[k] = nil end end
local counter = 0
function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
end
local i
request = function()
  i = (i or tid) + 2
  return wrk.format("GET", paths[(i % #paths) + 1])
end
EOF
run() { # name port pathsfile limit
	local name=$1 port=$2 paths=$3 limit=$4
	PATHS=$paths LIMIT=$limit wrk -t2 -c"$CONNS" -d"$DUR" --latency -s "$W/paths.lua" "http://127.0.0.1:$port" >"$W/$name.wrk"
	local rps p50 p99 n errs
	rps=$(awk '/Requests\/sec/ {print $2}' "$W/$name.wrk")
	p50=$(awk '$1=="50%" {print $2}' "$W/$name.wrk")
	p99=$(awk '$1=="99%" {print $2}' "$W/$name.wrk")
	n=$(awk '/requests in/ {print $1}' "$W/$name.wrk")
	errs=$(awk '/Non-2xx/ {print $4}' "$W/$name.wrk")
	say "$(printf '%-16s %9s tiles/s   p50 %8s   p99 %8s   %7s requests   non-2xx %s' "$name" "$rps" "$p50" "$p99" "$n" "${errs:-0}")"
}
hwm() { # peak RSS of pids, MB
	local t=0
	for p in "$@"; do t=$((t + $(awk '/VmHWM/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0))); done
	echo $((t / 1024))
}

say "# WMTS raster tiles, layer dzialki, PL-1992 matrix 17; $PARCELS parcels ($NT tiles); $CONNS connections, $DUR per run; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
say "## cold (every tile rendered)"
tac "$W/mc.paths" >"$W/mc-cold.paths"
# The WMS's feature cache of the cold server (read once, at its first map).
curl -sf -o /dev/null "http://127.0.0.1:$PORT_SIP_COLD$(tail -1 "$W/sip.paths")"
run "sip (cache off)" $PORT_SIP_COLD "$W/sip.paths" 0
run "MapServer WMS" $PORT_LT "$W/ms.paths" 0
run "MapCache (empty)" $PORT_LT "$W/mc-cold.paths" 0
n=$(awk '/requests in/ {print $1}' "$W/MapCache (empty).wrk")
[ "$n" -le "$NT" ] || say "warning: MapCache made $n requests over $NT tiles: some were cached repeats (shorten DURATION or add PARCELS)"

say "## cached (500 tiles fetched once before)"
head -500 "$W/sip.paths" >"$W/sip500.paths"
head -500 "$W/mc.paths" >"$W/mc500.paths"
for p in $(cat "$W/sip500.paths"); do curl -sf -o /dev/null "http://127.0.0.1:$PORT_SIP$p"; done
for p in $(cat "$W/mc500.paths"); do curl -sf -o /dev/null "http://127.0.0.1:$PORT_LT$p"; done
run "sip (cached)" $PORT_SIP "$W/sip500.paths" 0
run "MapCache (disk)" $PORT_LT "$W/mc500.paths" 0
run "sip (cached)" $PORT_SIP "$W/sip500.paths" 0
run "MapCache (disk)" $PORT_LT "$W/mc500.paths" 0

say "## peak RSS (VmHWM)"
say "sip, cache on: $(hwm "$SIP_PID") MB; sip, cache off: $(hwm "$SIP_COLD_PID") MB"
say "MapServer (2 FastCGI): $(hwm $(cat "$W/mapserv.sock.pid")) MB; MapCache (2 FastCGI): $(hwm $(cat "$W/mapcache.sock.pid")) MB; lighttpd: $(hwm "$MS_LIGHTTPD_PID") MB"
say "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
