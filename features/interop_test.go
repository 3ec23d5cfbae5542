package features

import (
	"context"
	"encoding/json"
	"encoding/xml"
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

// wfsJSONIDs reads a WFS GeoJSON GetFeature (following no links) and returns
// its feature ids, sorted, and numberMatched.
func wfsJSONIDs(t *testing.T, u string) ([]string, int64) {
	t.Helper()
	resp, body := fetch(t, u)
	var c fc
	if err := json.Unmarshal(body, &c); err != nil || resp.StatusCode != 200 {
		t.Fatalf("%s: %d %v %.300s", u, resp.StatusCode, err, body)
	}
	var ids []string
	for _, f := range c.Features {
		ids = append(ids, f.ID)
	}
	sort.Strings(ids)
	return ids, c.NumberMatched
}

// wfsWalk pages through a WFS 2.0 GML GetFeature by its next links and
// returns the ID_DZIALKI values seen, sorted, and numberMatched.
func wfsWalk(t *testing.T, u string) ([]string, int64) {
	t.Helper()
	var ids []string
	var matched int64
	for pages := 0; u != ""; pages++ {
		_, body := fetch(t, u)
		var doc struct {
			Matched string `xml:"numberMatched,attr"`
			Next    string `xml:"next,attr"`
			Members []struct {
				ID string `xml:"dzialki>ID_DZIALKI"`
			} `xml:"member"`
		}
		if err := xml.Unmarshal(body, &doc); err != nil || pages > 100 {
			t.Fatalf("%s: %v %.300s", u, err, body)
		}
		for _, m := range doc.Members {
			ids = append(ids, m.ID)
		}
		matched, _ = strconv.ParseInt(doc.Matched, 10, 64)
		u = doc.Next
	}
	sort.Strings(ids)
	return ids, matched
}

// TestBBOXMeansIntersection (issue 21, item 5): a WFS BBOX=, an OGC API bbox=
// and an FES <BBOX> keep the same parcels: those whose geometry intersects
// the box, as GDAL (GEOS) finds them in the GeoPackage, not those whose
// envelope does (the first two kept 243 where the FES kept 237). Paging and
// numberMatched follow the exact set, with the feature cache and without it,
// through the index's candidates and through the store's R-tree.
func TestBBOXMeansIntersection(t *testing.T) {
	ext, _, err := st.Extent(context.Background(), "dzialki")
	if err != nil {
		t.Fatal(err)
	}
	w, h := ext.Max[0]-ext.Min[0], ext.Max[1]-ext.Min[1]
	boxes := []orb.Bound{
		orbBound(ext.Min[0]+0.4*w, ext.Min[1]+0.4*h, ext.Min[0]+0.6*w, ext.Min[1]+0.6*h),
		orbBound(ext.Min[0]+0.1*w, ext.Min[1]+0.3*h, ext.Min[0]+0.9*w, ext.Min[1]+0.32*h),         // a thin strip: mostly edge
		orbBound(ext.Min[0]+0.52*w, ext.Min[1]+0.47*h, ext.Min[0]+0.52*w+40, ext.Min[1]+0.47*h+3), // smaller than a parcel
		orbBound(ext.Min[0]-0.1*w, ext.Max[1]-0.2*h, ext.Min[0]+0.2*w, ext.Max[1]+0.1*h),          // over the layer's corner
	}
	budget, maxCand := featCache.budget, maxIndexCandidates
	t.Cleanup(func() { featCache.setBudget(budget); maxIndexCandidates = maxCand })
	for i, b := range boxes {
		arg := fmt.Sprintf("%v,%v,%v,%v", b.Min[0], b.Min[1], b.Max[0], b.Max[1])
		want := toStrings(readWithGDAL(t, gpkgPath, "dzialki", "--bbox", arg, "--ids", "id_dzialki")[0].IDs)
		sort.Strings(want)
		var envelopes int64
		st.Query(context.Background(), store.Query{Layer: "dzialki", Bound: &b}, func(store.Row) error { envelopes++; return nil })
		if len(want) == 0 || int64(len(want)) == envelopes {
			t.Fatalf("box %d: %d envelopes, %d geometries: not a test of the difference", i, envelopes, len(want))
		}
		ne := fmt.Sprintf("%v,%v,%v,%v", b.Min[1], b.Min[0], b.Max[1], b.Max[0]) // EPSG:2180 is northing first
		fesBox := `<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0" xmlns:gml="http://www.opengis.net/gml/3.2"><fes:BBOX><gml:Envelope srsName="urn:ogc:def:crs:EPSG::2180">` +
			fmt.Sprintf("<gml:lowerCorner>%v %v</gml:lowerCorner><gml:upperCorner>%v %v</gml:upperCorner>", b.Min[1], b.Min[0], b.Max[1], b.Max[0]) +
			`</gml:Envelope></fes:BBOX></fes:Filter>`
		wfsBase := baseURL + "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:dzialki"
		for _, mode := range []string{"cached", "store R-tree", "uncached"} {
			switch mode {
			case "store R-tree":
				maxIndexCandidates = 10
			case "uncached":
				featCache.setBudget(0)
			}
			paths := map[string]func() ([]string, int64){
				"WFS BBOX": func() ([]string, int64) {
					return wfsJSONIDs(t, wfsBase+"&OUTPUTFORMAT=application/json&BBOX="+ne+",urn:ogc:def:crs:EPSG::2180")
				},
				"WFS BBOX paged": func() ([]string, int64) {
					return wfsWalk(t, wfsBase+"&COUNT=7&BBOX="+ne+",urn:ogc:def:crs:EPSG::2180")
				},
				"FES BBOX": func() ([]string, int64) {
					return wfsJSONIDs(t, wfsBase+"&OUTPUTFORMAT=application/json&FILTER="+url.QueryEscape(fesBox))
				},
				"OGC API bbox": func() ([]string, int64) {
					ids, matched := walk(t, baseURL+"/ogc/collections/dzialki/items?limit=7&bbox-crs=EPSG:2180&bbox="+ne)
					sort.Strings(ids)
					return ids, matched
				},
			}
			for name, run := range paths {
				for pass := range 2 { // the second pass meets what the first cached
					ids, matched := run()
					if strings.Join(ids, " ") != strings.Join(want, " ") || matched != int64(len(want)) {
						t.Errorf("box %d, %s, %s, pass %d: %d features, numberMatched %d; GDAL finds %d (envelopes: %d)",
							i, mode, name, pass, len(ids), matched, len(want), envelopes)
					}
				}
			}
		}
		featCache.setBudget(budget)
		maxIndexCandidates = maxCand
	}
}

func toStrings(v []any) []string {
	out := make([]string, len(v))
	for i, x := range v {
		out[i], _ = x.(string)
	}
	return out
}

// TestOWSLibBBoxShortEPSG (issue 21, item 7): OWSLib's
// getfeature(bbox=(minx, miny, maxx, maxy, "EPSG:2180")) writes the box
// easting first under a name that says northing first (GET: BBOX=…,EPSG:2180;
// POST: an Envelope in http://www.opengis.net/def/crs/EPSG/0/2180). Read as
// declared it lies outside the county and found nothing; the layer's extent
// tells the order meant, and both calls get the parcels GDAL finds in the box.
func TestOWSLibBBoxShortEPSG(t *testing.T) {
	ext, _, err := st.Extent(context.Background(), "dzialki")
	if err != nil {
		t.Fatal(err)
	}
	w, h := ext.Max[0]-ext.Min[0], ext.Max[1]-ext.Min[1]
	b := orbBound(ext.Min[0]+0.3*w, ext.Min[1]+0.3*h, ext.Min[0]+0.5*w, ext.Min[1]+0.5*h)
	arg := fmt.Sprintf("%v,%v,%v,%v", b.Min[0], b.Min[1], b.Max[0], b.Max[1])
	want := toStrings(readWithGDAL(t, gpkgPath, "dzialki", "--bbox", arg, "--ids", "id_dzialki")[0].IDs)
	sort.Strings(want)
	if len(want) == 0 {
		t.Fatal("the box holds no parcel")
	}
	res := runOWSLibFilter(t, "0", b)
	sameIDs(t, "OWSLib GET with bbox=(…, \"EPSG:2180\")", res.BBoxGet, want)
	sameIDs(t, "OWSLib POST with bbox=(…, \"EPSG:2180\")", res.BBoxPost, want)

	// The declared order still wins wherever it finds something: the same
	// numbers as a northing-first URN box are a box of its own.
	ne := fmt.Sprintf("%v,%v,%v,%v", b.Min[1], b.Min[0], b.Max[1], b.Max[0])
	ids, _ := wfsJSONIDs(t, baseURL+"/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:dzialki&OUTPUTFORMAT=application/json&BBOX="+ne+",urn:ogc:def:crs:EPSG::2180")
	if strings.Join(ids, " ") != strings.Join(want, " ") {
		t.Errorf("the northing-first box: %d features, want %d", len(ids), len(want))
	}
}

// TestGDALSortsOnServer: the WFS 2.0 filter capabilities say
// ImplementsSorting TRUE (they said FALSE), and it is true: GDAL's WFS driver
// hands an ORDER BY to the server (SORTBY=…), and the parcels come back in
// the order of the store's values.
func TestGDALSortsOnServer(t *testing.T) {
	_, caps := fetch(t, baseURL+"/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetCapabilities")
	if !strings.Contains(string(caps), `<fes:Constraint name="ImplementsSorting"><ows:NoValues/><ows:DefaultValue>TRUE</ows:DefaultValue></fes:Constraint>`) {
		t.Error("capabilities do not declare ImplementsSorting TRUE")
	}
	if _, err := exec.LookPath("ogrinfo"); err != nil {
		t.Skip("gdal-bin not installed")
	}
	cmd := exec.Command("ogrinfo", "-ro", "-q", "WFS:"+baseURL+"/wfs",
		"-sql", `SELECT id_dzialki FROM "ms:dzialki" ORDER BY id_dzialki DESC`, "--config", "CPL_DEBUG", "ON")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("ogrinfo: %v\n%.2000s", err, out)
	}
	if !strings.Contains(string(out), "SORTBY=ID_DZIALKI%20DESC") {
		t.Errorf("GDAL did not ask the server to sort:\n%.2000s", out)
	}
	var got []string
	for _, line := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), "id_dzialki (String) = "); ok {
			got = append(got, v)
		}
	}
	want := storeParcelIDs(t, func(*store.Object) bool { return true })
	sort.Sort(sort.Reverse(sort.StringSlice(want)))
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("GDAL read %d parcels, want %d in descending id order (first %v, want %v)", len(got), len(want), got[:min(3, len(got))], want[:min(3, len(want))])
	}
}
