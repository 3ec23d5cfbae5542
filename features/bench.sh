#!/usr/bin/env bash
# Side-by-side benchmark of the feature services against MapServer 8 on the same
# GeoPackage (issue 6): a bbox query returning 100 features as GeoJSON over WFS
# 2.0 and OGC API Features (wrk, req/s), and a full-collection download (features/s,
# walking every page as a client would).
#
#   features/bench.sh                 # 50k parcels (generated once, cached)
#   PARCELS=20000 DURATION=5 features/bench.sh
#
# Needs: go, wrk, cgi-mapserver, lighttpd, spawn-fcgi (make deps-bench).
# Ports 18940 (sip) and 18941 (MapServer); work dir /tmp/sip-features-bench.
set -euo pipefail
. "$(dirname "$0")/../scripts/benchlib.sh"
cd "$ROOT"
PARCELS=${PARCELS:-50000}
DURATION=${DURATION:-10}
CONNS=${CONNS:-8}
WORK=/tmp/sip-features-bench
DATA=$WORK/data-$PARCELS
SIP_PORT=18940
MS_PORT=18941
mkdir -p "$WORK" "$DATA"

command -v wrk >/dev/null || { echo "bench: wrk missing (make deps-bench)"; exit 1; }

go build -o "$WORK/sip" ./cmd/sip
if [ ! -s "$DATA/county.gpkg" ]; then
	echo "generating a county of $PARCELS parcels..."
	"$WORK/sip" gen county --parcels "$PARCELS" --seed 3 --out "$DATA/gml" >/dev/null
	"$WORK/sip" ingest --store "$DATA/county.gpkg.tmp" "$DATA"/gml/*.gml >/dev/null
	mv "$DATA/county.gpkg.tmp" "$DATA/county.gpkg"
fi

# --- sip ---
cat > "$WORK/sip.yaml" <<EOYAML
listen: 127.0.0.1:$SIP_PORT
datasets:
  - name: county
    store: $DATA/county.gpkg
    title: Powiat benchmarkowy
limits:
  rate_limit: {rate: 0, burst: 1}
log:
  access: false
EOYAML
bench_bg "$WORK/sip" serve --config "$WORK/sip.yaml" >"$WORK/sip.log" 2>&1
SIP_PID=$BENCH_PID

# --- MapServer 8 behind lighttpd FastCGI (2 mapserv processes: one per core) ---
cat > "$WORK/county.map" <<EOMAP
MAP
  NAME "county"
  EXTENT 0 0 1000000 1000000
  PROJECTION "init=epsg:2180" END
  OUTPUTFORMAT
    NAME "geojson"
    DRIVER "OGR/GEOJSON"
    MIMETYPE "application/json; subtype=geojson"
    FORMATOPTION "STORAGE=stream"
    FORMATOPTION "FORM=SIMPLE"
  END
  WEB
    METADATA
      "ows_enable_request" "*"
      "ows_srs" "EPSG:2180 EPSG:4326"
      "ows_title" "county"
      "ows_onlineresource" "http://127.0.0.1:$MS_PORT/mapserv"
      "wfs_getfeature_formatlist" "geojson"
      "oga_onlineresource" "http://127.0.0.1:$MS_PORT/mapserv/county/ogcapi"
      "oga_html_template_directory" "/usr/share/mapserver/ogcapi/templates/html-plain/"
      "wfs_maxfeatures" "10000"
    END
  END
  LAYER
    NAME "dzialki"
    TYPE POLYGON
    STATUS ON
    CONNECTIONTYPE OGR
    CONNECTION "$DATA/county.gpkg"
    DATA "dzialki"
    PROJECTION "init=epsg:2180" END
    TEMPLATE "query" # makes the layer queryable: an OGC API collection
    PROCESSING "CLOSE_CONNECTION=DEFER" # keep the GeoPackage open between FastCGI requests
    METADATA
      "ows_title" "dzialki"
      "gml_include_items" "id_dzialki,numer_dzialki,numer_arkusza,id_obrebu,pole_ewidencyjne,numer_kw,grupa_rejestrowa,dokladnosc_pola,start_wersja"
      "gml_featureid" "lokalny_id"
      "wfs_getfeature_formatlist" "geojson"
      "oga_max_limit" "10000"
    END
  END
END
EOMAP
mapserver_start "$WORK" "$MS_PORT" "$WORK/county.map"
bench_wait_url "http://127.0.0.1:$SIP_PORT/readyz"
bench_wait_idle "$SIP_PID" # background warm-up done before measuring

# Boxes in the middle of the county holding 150+ parcels: one in EPSG:2180 (E,N)
# for WFS, one in CRS84 for OGC API (MapServer 8.0 has no bbox-crs).
read -r E0 N0 E1 N1 X0 Y0 X1 Y1 < <(python3 - "$SIP_PORT" "$PARCELS" <<'PY'
import json, sys, urllib.request
base = f"http://127.0.0.1:{sys.argv[1]}/ogc/collections/dzialki/items?limit=1"
def matched(q):
    return json.load(urllib.request.urlopen(base + q))["numberMatched"]
mid = json.load(urllib.request.urlopen(base + f"&crs=EPSG:2180&offset={int(sys.argv[2]) // 2}"))["features"][0]
n, e = mid["geometry"]["coordinates"][0][0][0]  # EPSG:2180 axis order: N,E
half = next(h for h in range(100, 20000, 100) if matched(f"&bbox-crs=EPSG:2180&bbox={n-h},{e-h},{n+h},{e+h}") >= 150)
lon, lat = json.load(urllib.request.urlopen(base + f"&offset={int(sys.argv[2]) // 2}"))["features"][0]["geometry"]["coordinates"][0][0][0]
d = next(x / 10000 for x in range(10, 5000, 10) if matched(f"&bbox={lon-x/10000},{lat-x/10000},{lon+x/10000},{lat+x/10000}") >= 150)
print(e - half, n - half, e + half, n + half, round(lon - d, 6), round(lat - d, 6), round(lon + d, 6), round(lat + d, 6))
PY
)
echo "WFS box (EPSG:2180 E,N): $E0 $N0 $E1 $N1; OGC API box (CRS84): $X0 $Y0 $X1 $Y1"

SIP_WFS="http://127.0.0.1:$SIP_PORT/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:dzialki&COUNT=100&OUTPUTFORMAT=application/json&BBOX=$N0,$E0,$N1,$E1,urn:ogc:def:crs:EPSG::2180"
MS_WFS="http://127.0.0.1:$MS_PORT/mapserv?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=dzialki&COUNT=100&OUTPUTFORMAT=geojson&BBOX=$N0,$E0,$N1,$E1,urn:ogc:def:crs:EPSG::2180"
SIP_OAPI="http://127.0.0.1:$SIP_PORT/ogc/collections/dzialki/items?f=json&limit=100&bbox=$X0,$Y0,$X1,$Y1"
MS_OAPI="http://127.0.0.1:$MS_PORT/mapserv/county/ogcapi/collections/dzialki/items?f=json&limit=100&bbox=$X0,$Y0,$X1,$Y1"

count() { python3 -c "import json,sys; d=json.load(sys.stdin); print(len(d['features']))"; }
echo "features per response: sip wfs $(curl -s "$SIP_WFS" | count), mapserver wfs $(curl -s "$MS_WFS" | count), sip oapi $(curl -s "$SIP_OAPI" | count), mapserver oapi $(curl -s "$MS_OAPI" | count)"

rps() { wrk -t2 -c"$CONNS" -d"${DURATION}s" "$1" | awk '/Requests\/sec/ {print $2}'; }
printf "%-34s %10s %10s %7s\n" "bbox query, 100 features, GeoJSON" "sip" "mapserver" "ratio"
for kind in WFS OAPI; do
	s=SIP_$kind m=MS_$kind
	a=$(rps "${!s}"); b=$(rps "${!m}")
	printf "%-34s %10s %10s %7s\n" "$kind req/s" "$a" "$b" "$(python3 -c "print(f'{$a/$b:.1f}x')")"
done

# Full-collection download: every page, sequentially, as QGIS/GDAL do.
walk() { python3 - "$@" <<'PY'
import json, sys, time, urllib.request
url, n = sys.argv[1], 0
t0 = time.time()
while url:
    d = json.load(urllib.request.urlopen(url))
    n += len(d["features"])
    url = next((l["href"] for l in d.get("links", []) if l.get("rel") == "next"), None)
dt = time.time() - t0
print(f"{n} {dt:.2f} {n/dt:.0f}")
PY
}
read -r n1 t1 f1 < <(walk "http://127.0.0.1:$SIP_PORT/ogc/collections/dzialki/items?f=json&limit=1000")
read -r n2 t2 f2 < <(walk "http://127.0.0.1:$MS_PORT/mapserv/county/ogcapi/collections/dzialki/items?f=json&limit=1000")
printf "%-34s %10s %10s %7s\n" "full download, features/s" "$f1" "$f2" "$(python3 -c "print(f'{$f1/$f2:.1f}x')")"
echo "(sip: $n1 features in ${t1}s; mapserver: $n2 features in ${t2}s; OGC API pages of 1000)"
# Deep paging: the last page costs what the first does (keyset cursor).
last=$(python3 - "$SIP_PORT" <<'PY'
import json, sys, urllib.request
port = sys.argv[1]
url = f"http://127.0.0.1:{port}/ogc/collections/dzialki/items?f=json&limit=1000"
prev = url
while url:
    d = json.load(urllib.request.urlopen(url))
    prev, url = url, next((l["href"] for l in d["links"] if l["rel"] == "next"), None)
print(prev)
PY
)
printf "%-34s %10s\n" "sip first page (1000) req/s" "$(rps "http://127.0.0.1:$SIP_PORT/ogc/collections/dzialki/items?f=json&limit=1000")"
printf "%-34s %10s\n" "sip last page (1000) req/s" "$(rps "$last")"
