package features

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/store"
)

// gdalLayer is one layer as GDAL reads it (testdata/gdal_layer.py).
type gdalLayer struct {
	Layer  string    `json:"layer"`
	SRS    string    `json:"srs"`
	Count  int       `json:"count"`
	Extent []float64 `json:"extent"` // minx, maxx, miny, maxy (OGR order)
	IDs    []any     `json:"ids"`
}

// readWithGDAL opens source with GDAL's Python bindings and returns its layers.
func readWithGDAL(t *testing.T, source string, args ...string) []gdalLayer {
	t.Helper()
	if err := exec.Command("/usr/bin/python3", "-c", "from osgeo import ogr").Run(); err != nil {
		t.Skip("python3-gdal not installed")
	}
	out, err := exec.Command("/usr/bin/python3", append([]string{"testdata/gdal_layer.py", source}, args...)...).Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("GDAL reading %s: %v\n%s", source, err, msg)
	}
	var layers []gdalLayer
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		var l gdalLayer
		if err := json.Unmarshal([]byte(line), &l); err != nil {
			t.Fatalf("%v: %q", err, line)
		}
		layers = append(layers, l)
	}
	return layers
}

// TestWFSGeoJSONNamesItsCRS: GDAL reads WFS GeoJSON in the CRS it is written
// in. EPSG:2180 metres (the default) and any other projected or geographic
// CRS but WGS 84 lon/lat carry a "crs" member; without it GDAL labelled
// EPSG:2180 coordinates as WGS 84.
func TestWFSGeoJSONNamesItsCRS(t *testing.T) {
	ext, _, err := st.Extent(context.Background(), "dzialki")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		srsName, want string
		inside        orb.Bound // x/y of the positions GDAL reads
	}{
		{"", "EPSG:2180", ext.Pad(1)},
		{"urn:ogc:def:crs:EPSG::2180", "EPSG:2180", ext.Pad(1)},
		{"urn:ogc:def:crs:EPSG::2177", "EPSG:2177", orbBound(6.4e6, 5.6e6, 6.6e6, 5.8e6)},
		{"EPSG:4326", "EPSG:4326", orbBound(14, 49, 24.2, 55)},
		{"urn:ogc:def:crs:OGC:1.3:CRS84", "EPSG:4326", orbBound(14, 49, 24.2, 55)},
	} {
		u := baseURL + "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:dzialki&COUNT=20&OUTPUTFORMAT=application/json"
		if tc.srsName != "" {
			u += "&SRSNAME=" + url.QueryEscape(tc.srsName)
		}
		_, body := fetch(t, u)
		hasMember := strings.Contains(string(body), `"crs":{"type":"name"`)
		if hasMember == (tc.want == "EPSG:4326") {
			t.Errorf("SRSNAME=%q: crs member present %v", tc.srsName, hasMember)
		}
		layers := readWithGDAL(t, u)
		if len(layers) != 1 {
			t.Fatalf("SRSNAME=%q: GDAL reads %d layers", tc.srsName, len(layers))
		}
		l := layers[0]
		if l.SRS != tc.want || l.Count != 20 {
			t.Errorf("SRSNAME=%q: GDAL reads %d features labelled %s, want 20 in %s", tc.srsName, l.Count, l.SRS, tc.want)
		}
		got := orbBound(l.Extent[0], l.Extent[2], l.Extent[1], l.Extent[3])
		if !tc.inside.Contains(got.Min) || !tc.inside.Contains(got.Max) {
			t.Errorf("SRSNAME=%q: GDAL's extent %v outside %v", tc.srsName, got, tc.inside)
		}
	}
}

// storeParcelIDs lists the current parcels' ID_DZIALKI values for which keep
// returns true, sorted.
func storeParcelIDs(t *testing.T, keep func(o *store.Object) bool) []string {
	t.Helper()
	var ids []string
	err := st.Query(context.Background(), store.Query{Layer: "dzialki"}, func(row store.Row) error {
		if keep(row.Object) {
			ids = append(ids, row.Attrs["id_dzialki"].(string))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(ids)
	return ids
}

// owslibResults runs testdata/owslib_filter.py: OWSLib's getfeature with a
// filter (GET and POST) and with a bbox in x/y with "EPSG:2180" (GET and POST).
type owslibResults struct {
	FilterGet  any `json:"filter_get"`
	FilterPost any `json:"filter_post"`
	BBoxGet    any `json:"bbox_get"`
	BBoxPost   any `json:"bbox_post"`
}

func runOWSLibFilter(t *testing.T, minArea string, box orb.Bound) owslibResults {
	t.Helper()
	if err := exec.Command("/usr/bin/python3", "-c", "import owslib.wfs, owslib.fes2").Run(); err != nil {
		t.Skip("python3-owslib not installed")
	}
	arg := fmt.Sprintf("%v,%v,%v,%v", box.Min[0], box.Min[1], box.Max[0], box.Max[1])
	out, err := exec.Command("/usr/bin/python3", "testdata/owslib_filter.py", baseURL, minArea, arg).Output()
	if err != nil {
		t.Fatalf("owslib_filter.py: %v", err)
	}
	var res owslibResults
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	return res
}

// sameIDs compares a client's answer (ids, or an error text) with the truth.
func sameIDs(t *testing.T, what string, got any, want []string) {
	t.Helper()
	list, ok := got.([]any)
	if !ok {
		t.Errorf("%s: %v", what, got)
		return
	}
	ids := make([]string, len(list))
	for i, v := range list {
		ids[i], _ = v.(string)
	}
	if strings.Join(ids, " ") != strings.Join(want, " ") {
		t.Errorf("%s: %d features, want %d (first %v, want %v)", what, len(ids), len(want), ids[:min(3, len(ids))], want[:min(3, len(want))])
	}
}

// TestOWSLibFilters: OWSLib 0.27's own getfeature calls with a filter (the
// parcels larger than the median) get what the store holds, by GET
// (query=<fes:Filter…>: all features before) and by POST (<wfs20:Query
// typenames=…>: MissingParameterValue before).
func TestOWSLibFilters(t *testing.T) {
	var areas []float64
	storeParcelIDs(t, func(o *store.Object) bool { areas = append(areas, o.Attrs["pole_ewidencyjne"].(float64)); return false })
	sort.Float64s(areas)
	median := areas[len(areas)/2]
	want := storeParcelIDs(t, func(o *store.Object) bool { return o.Attrs["pole_ewidencyjne"].(float64) > median })
	if len(want) == 0 || len(want) == len(areas) {
		t.Fatalf("%d of %d parcels are larger than %v ha: not a test of filtering", len(want), len(areas), median)
	}
	res := runOWSLibFilter(t, strconv.FormatFloat(median, 'f', -1, 64), orbBound(0, 0, 1, 1))
	sameIDs(t, "OWSLib GET with a filter", res.FilterGet, want)
	sameIDs(t, "OWSLib POST with a filter", res.FilterPost, want)
}
