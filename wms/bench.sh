#!/usr/bin/env bash
# wms/bench.sh — SIP WMS against MapServer 8 (cgi-mapserver as FastCGI behind
# lighttpd) on the same GeoPackage, side by side in one run.
#
#   wms/bench.sh [DURATION] [CONNECTIONS] [PARCELS]     (defaults: 20s, 4, 20000)
#
# Workload: 512×512 WMS 1.1.1 GetMap, EPSG:2180, layers dzialki + budynki
# (outlines 1 px, buildings filled, anti-aliased), image/png, at 1:5000
# (716.8 m boxes) over a list of 200 boxes spread over the densest parcels; both
# servers get the same URL sequence. Both servers may use both cores; wrk runs
# beside them. Reports req/s and latency percentiles, the ratios, and a check
# that both drew the same features (share of inked pixels per image).
set -euo pipefail
. "$(dirname "$0")/../scripts/benchlib.sh"

DUR=${1:-20s}
CONNS=${2:-4}
PARCELS=${3:-20000}
W=/tmp/sip-wms-bench
PORT_SIP=18291
PORT_MS=18292
mkdir -p "$W"

"$ROOT/scripts/apt-ensure.sh" wrk cgi-mapserver lighttpd spawn-fcgi gdal-bin python3-gdal >&2

echo "building sip…" >&2
(cd "$ROOT" && go build -o "$W/sip" ./cmd/sip)

if [ ! -f "$W/county-$PARCELS.gpkg" ]; then
	echo "generating and ingesting a $PARCELS-parcel county…" >&2
	rm -rf "$W/gml"
	"$W/sip" gen county --parcels "$PARCELS" --seed 1 --out "$W/gml" >&2
	"$W/sip" ingest --store "$W/county-$PARCELS.gpkg" "$W"/gml/*.gml >&2
fi
GPKG="$W/county-$PARCELS.gpkg"

# The boxes: 200 points of the densest area (buildings' centres, the middle
# half by rank), each the centre of a 716.8 m square.
/usr/bin/python3 - "$GPKG" >"$W/boxes.txt" <<'EOF'
import random, sys
from osgeo import ogr
ds = ogr.Open(sys.argv[1])
lay = ds.GetLayerByName("budynki")
pts = []
for f in lay:
    e = f.GetGeometryRef().GetEnvelope()
    pts.append(((e[0] + e[1]) / 2, (e[2] + e[3]) / 2))
pts.sort()
pts = pts[len(pts) // 4: 3 * len(pts) // 4]
random.seed(1)
half = 512 * 0.00028 * 5000 / 2
for x, y in random.sample(pts, 200):
    print("%.2f,%.2f,%.2f,%.2f" % (x - half, y - half, x + half, y + half))
EOF

cat >"$W/sip.yaml" <<EOF
listen: 127.0.0.1:$PORT_SIP
log: {level: warn, access: false}
datasets:
  - name: county
    store: $GPKG
limits:
  rate_limit: {rate: 0, burst: 1}
EOF

cat >"$W/county.map" <<EOF
MAP
  NAME "county"
  EXTENT 0 0 1000000 1000000
  SIZE 512 512
  MAXSIZE 4096
  UNITS METERS
  PROJECTION "init=epsg:2180" END
  IMAGECOLOR 255 255 255
  OUTPUTFORMAT
    NAME "png"
    DRIVER AGG/PNG
    MIMETYPE "image/png"
    IMAGEMODE RGB
    EXTENSION "png"
    FORMATOPTION "COMPRESSION=1"
  END
  WEB
    METADATA
      "wms_title" "county"
      "wms_onlineresource" "http://127.0.0.1:$PORT_MS/wms?"
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
  LAYER
    NAME "budynki"
    TYPE POLYGON
    STATUS ON
    CONNECTIONTYPE OGR
    CONNECTION "$GPKG"
    DATA "budynki"
    PROJECTION "init=epsg:2180" END
    METADATA "wms_title" "budynki" END
    CLASS
      STYLE COLOR 242 198 160 OUTLINECOLOR 160 82 45 WIDTH 1 ANTIALIAS TRUE END
    END
  END
END
EOF

bench_bg "$W/sip" serve --config "$W/sip.yaml" 2>"$W/sip.log"
SIP_PID=$BENCH_PID
mapserver_start "$W" "$PORT_MS" "$W/county.map"
bench_wait_url "http://127.0.0.1:$PORT_SIP/healthz" 50
bench_wait_idle "$SIP_PID" # background warm-up done before measuring

SIP_URL="http://127.0.0.1:$PORT_SIP/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=dzialki,budynki&STYLES=&SRS=EPSG:2180&WIDTH=512&HEIGHT=512&FORMAT=image/png&BBOX="
MS_URL="http://127.0.0.1:$PORT_MS/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=dzialki,budynki&STYLES=&SRS=EPSG:2180&WIDTH=512&HEIGHT=512&FORMAT=image/png&BBOX="

# Same features: the share of inked (non-white) pixels of a few maps.
B0=$(head -1 "$W/boxes.txt")
curl -sf -o "$W/sip.png" "$SIP_URL$B0"
curl -sf -o "$W/ms.png" "$MS_URL$B0"
/usr/bin/python3 - "$W/sip.png" "$W/ms.png" <<'EOF' >&2
import sys
from osgeo import gdal
for p in sys.argv[1:]:
    ds = gdal.Open(p)
    a = ds.ReadAsArray()
    if ds.RasterCount == 1 and ds.GetRasterBand(1).GetColorTable() is not None:
        ct = ds.GetRasterBand(1).GetColorTable()
        ink = sum(1 for v in a.flat if sum(ct.GetColorEntry(int(v))[:3]) < 3 * 250)
    else:
        ink = int(((a[0].astype(int) + a[1] + a[2]) < 3 * 250).sum())
    print("%s: %dx%d, %.1f%% inked pixels" % (p.split("/")[-1], ds.RasterXSize, ds.RasterYSize, 100.0 * ink / (ds.RasterXSize * ds.RasterYSize)))
EOF

run() { # name base-url path
	local name=$1 host=$2 path=$3
	# Warm up (feature cache, OS page cache), then measure.
	cat >"$W/$name.lua" <<EOF
local boxes = {}
for line in io.lines("$W/boxes.txt") do boxes[#boxes + 1] = line end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "$path" .. boxes[(i % #boxes) + 1])
end
EOF
	wrk -t2 -c"$CONNS" -d5s -s "$W/$name.lua" "$host" >/dev/null
	wrk -t2 -c"$CONNS" -d"$DUR" --latency -s "$W/$name.lua" "$host" >"$W/$name.wrk"
	local rps p50 p99
	rps=$(awk '/Requests\/sec/ {print $2}' "$W/$name.wrk")
	p50=$(awk '$1=="50%" {print $2}' "$W/$name.wrk")
	p99=$(awk '$1=="99%" {print $2}' "$W/$name.wrk")
	local errs
	errs=$(awk '/Non-2xx/ {print $4}' "$W/$name.wrk")
	printf "%-10s %10s req/s   p50 %8s   p99 %8s   non-2xx %s\n" "$name" "$rps" "$p50" "$p99" "${errs:-0}"
	echo "$rps" >"$W/$name.rps"
}

SIP_PATH=${SIP_URL#http://127.0.0.1:$PORT_SIP}
MS_PATH=${MS_URL#http://127.0.0.1:$PORT_MS}
echo "GetMap 512x512 1:5000 dzialki+budynki, $PARCELS parcels, $CONNS connections, $DUR per run, alternating:"
# Alternate the two servers so that load from other processes hits both alike.
run mapserver "http://127.0.0.1:$PORT_MS" "$MS_PATH"; cp "$W/mapserver.rps" "$W/ms1"
run sip "http://127.0.0.1:$PORT_SIP" "$SIP_PATH"; cp "$W/sip.rps" "$W/sip1"
run mapserver "http://127.0.0.1:$PORT_MS" "$MS_PATH"; cp "$W/mapserver.rps" "$W/ms2"
run sip "http://127.0.0.1:$PORT_SIP" "$SIP_PATH"; cp "$W/sip.rps" "$W/sip2"
awk -v a="$(cat "$W/sip1")" -v b="$(cat "$W/sip2")" -v c="$(cat "$W/ms1")" -v d="$(cat "$W/ms2")" \
	'BEGIN {printf "throughput ratio sip/mapserver: %.1fx (runs: %.1fx, %.1fx)\n", (a + b) / (c + d), a / c, b / d}'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
