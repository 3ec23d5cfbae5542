// End-to-end tests of the service — WFS 2.0/1.1 and OGC API Features — on the
// shared test server, and real clients (OWSLib, QGIS) reading it.

package features

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/cadastre"
	"github.com/sip-core/sip/geo"
	"github.com/sip-core/sip/ogcapi"
	"github.com/sip-core/sip/store"
)

func wfsURL(q string) string { return baseURL + "/wfs?SERVICE=WFS&VERSION=2.0.0&" + q }

type gmlCollection struct {
	Matched  string `xml:"numberMatched,attr"`
	Returned string `xml:"numberReturned,attr"`
	Next     string `xml:"next,attr"`
	Previous string `xml:"previous,attr"`
	Members  []struct {
		Inner []byte `xml:",innerxml"`
		D     struct {
			ID   string  `xml:"ID_DZIALKI"`
			Pole float64 `xml:"POLE_EWIDENCYJNE"`
			Geom struct {
				PosLists []string `xml:"MultiSurface>surfaceMember>Polygon>exterior>LinearRing>posList"`
			} `xml:"msGeometry"`
		} `xml:"dzialki"`
	} `xml:"member"`
}

func getGML(t *testing.T, u string) gmlCollection {
	t.Helper()
	resp, b := fetch(t, u)
	if resp.StatusCode != 200 {
		t.Fatalf("%s: %d %s", u, resp.StatusCode, b)
	}
	var c gmlCollection
	if err := xml.Unmarshal(b, &c); err != nil {
		t.Fatalf("%s: %v", u, err)
	}
	return c
}

func currentParcels(t *testing.T) []*store.Object {
	var out []*store.Object
	if err := st.Query(context.Background(), store.Query{Layer: "dzialki"}, func(r store.Row) error {
		out = append(out, r.Object)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestWFSPagingNextPrevious(t *testing.T) {
	want := storeCount(t, "dzialki")
	u := wfsURL("REQUEST=GetFeature&TYPENAMES=ms:dzialki&COUNT=70")
	seen := map[string]bool{}
	pages := 0
	for u != "" {
		c := getGML(t, u)
		if m, _ := strconv.ParseInt(c.Matched, 10, 64); m != want {
			t.Fatalf("numberMatched %s, store %d", c.Matched, want)
		}
		if r, _ := strconv.Atoi(c.Returned); r != len(c.Members) {
			t.Fatalf("numberReturned %s, members %d", c.Returned, len(c.Members))
		}
		if pages > 0 && !strings.Contains(c.Previous, "STARTINDEX="+strconv.Itoa((pages-1)*70)) {
			t.Fatalf("page %d previous %q", pages, c.Previous)
		}
		for _, m := range c.Members {
			if seen[m.D.ID] {
				t.Fatalf("duplicate %s", m.D.ID)
			}
			seen[m.D.ID] = true
		}
		u = c.Next
		pages++
	}
	if int64(len(seen)) != want {
		t.Fatalf("walked %d features, store has %d", len(seen), want)
	}
}

func TestWFSSortBy(t *testing.T) {
	var areas []float64
	for _, o := range currentParcels(t) {
		if a, ok := o.Attrs["pole_ewidencyjne"].(float64); ok {
			areas = append(areas, math.Round(a*1e4)/1e4)
		}
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(areas)))
	c := getGML(t, wfsURL("REQUEST=GetFeature&TYPENAMES=ms:dzialki&COUNT=5&STARTINDEX=3&SORTBY="+url.QueryEscape("POLE_EWIDENCYJNE DESC")))
	if len(c.Members) != 5 {
		t.Fatalf("%d members", len(c.Members))
	}
	for i, m := range c.Members {
		if m.D.Pole != areas[3+i] {
			t.Fatalf("sorted member %d: %v, want %v", i, m.D.Pole, areas[3+i])
		}
	}
	if resp, b := fetch(t, wfsURL("REQUEST=GetFeature&TYPENAMES=ms:dzialki&SORTBY=NOPE")); resp.StatusCode != 400 || !strings.Contains(string(b), "sortBy") {
		t.Fatalf("bad sortBy: %d %s", resp.StatusCode, b)
	}
}

func TestWFSGetPropertyValueAndById(t *testing.T) {
	resp, b := fetch(t, wfsURL("REQUEST=GetPropertyValue&TYPENAMES=ms:dzialki&VALUEREFERENCE=ID_DZIALKI&COUNT=3"))
	var vc struct {
		XMLName xml.Name
		Members []string `xml:"member"`
	}
	if err := xml.Unmarshal(b, &vc); err != nil || resp.StatusCode != 200 || vc.XMLName.Local != "ValueCollection" || len(vc.Members) != 3 {
		t.Fatalf("GetPropertyValue: %v %d %s", err, resp.StatusCode, b)
	}
	var slash string
	for _, m := range vc.Members {
		if strings.Contains(m, "/") {
			slash = m
		}
	}
	if slash == "" {
		slash = vc.Members[0]
	}
	resp, b = fetch(t, wfsURL("REQUEST=GetFeature&STOREDQUERY_ID="+url.QueryEscape("urn:ogc:def:query:OGC-WFS::GetFeatureById")+"&ID="+url.QueryEscape(slash)))
	var feat struct {
		XMLName xml.Name
		ID      string `xml:"ID_DZIALKI"`
	}
	if err := xml.Unmarshal(b, &feat); err != nil || resp.StatusCode != 200 || feat.XMLName.Local != "dzialki" || feat.ID != slash {
		t.Fatalf("GetFeatureById %s: %v %d %s", slash, err, resp.StatusCode, b)
	}
	resp, b = fetch(t, wfsURL("REQUEST=GetFeature&STOREDQUERY_ID="+url.QueryEscape("urn:ogc:def:query:OGC-WFS::GetFeatureById")+"&ID=nope"))
	if resp.StatusCode != 404 || !strings.Contains(string(b), `exceptionCode="NotFound"`) {
		t.Fatalf("unknown id: %d %s", resp.StatusCode, b)
	}
	for _, req := range []string{"ListStoredQueries", "DescribeStoredQueries"} {
		resp, b := fetch(t, wfsURL("REQUEST="+req))
		if resp.StatusCode != 200 || !strings.Contains(string(b), "urn:ogc:def:query:OGC-WFS::GetFeatureById") {
			t.Fatalf("%s: %d %s", req, resp.StatusCode, b)
		}
	}
}

// TestWFSReprojection: SRSNAME urn EPSG::4326 gives lat,lon; each coordinate
// equals the geo transform of the stored vertex.
func TestWFSReprojection(t *testing.T) {
	parcels := currentParcels(t)
	byID := map[string]*store.Object{}
	for _, o := range parcels {
		byID[o.Attrs["id_dzialki"].(string)] = o
	}
	c := getGML(t, wfsURL("REQUEST=GetFeature&TYPENAMES=ms:dzialki&COUNT=3&SRSNAME=urn:ogc:def:crs:EPSG::4326"))
	tr, _ := geo.NewTransform(geo.CRS2180, geo.CRS4326)
	for _, m := range c.Members {
		o := byID[m.D.ID]
		if o == nil || len(m.D.Geom.PosLists) == 0 {
			t.Fatalf("member %q: %s", m.D.ID, m.Inner)
		}
		f := strings.Fields(m.D.Geom.PosLists[0])
		lat, _ := strconv.ParseFloat(f[0], 64)
		lon, _ := strconv.ParseFloat(f[1], 64)
		first := o.Geometry.(orb.MultiPolygon)[0][0][0]
		wlon, wlat := tr.Point(first[0], first[1])
		if math.Abs(lat-wlat) > 1e-7 || math.Abs(lon-wlon) > 1e-7 {
			t.Fatalf("%s: got %v %v, want lat %v lon %v", m.D.ID, lat, lon, wlat, wlon)
		}
	}
	// EPSG:2180 by urn: N,E
	c = getGML(t, wfsURL("REQUEST=GetFeature&TYPENAMES=ms:dzialki&COUNT=1"))
	f := strings.Fields(c.Members[0].D.Geom.PosLists[0])
	n, _ := strconv.ParseFloat(f[0], 64)
	e, _ := strconv.ParseFloat(f[1], 64)
	first := byID[c.Members[0].D.ID].Geometry.(orb.MultiPolygon)[0][0][0]
	if n != first[1] || e != first[0] {
		t.Fatalf("2180 axis order: got %v %v, stored E,N %v", n, e, first)
	}
}

// TestWFSTemporalAndSpatialFES compares FES filters with the same selection in Go.
func TestWFSTemporalAndSpatialFES(t *testing.T) {
	parcels := currentParcels(t)
	var starts []time.Time
	for _, o := range parcels {
		starts = append(starts, o.StartVersion)
	}
	sort.Slice(starts, func(i, j int) bool { return starts[i].Before(starts[j]) })
	mid := starts[len(starts)/2]
	wantAfter := 0
	for _, s := range starts {
		if s.After(mid) {
			wantAfter++
		}
	}
	fes := `<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0" xmlns:gml="http://www.opengis.net/gml/3.2"><fes:After><fes:ValueReference>START_WERSJI</fes:ValueReference><gml:TimeInstant gml:id="t1"><gml:timePosition>` +
		mid.UTC().Format(time.RFC3339Nano) + `</gml:timePosition></gml:TimeInstant></fes:After></fes:Filter>`
	c := getGML(t, wfsURL("REQUEST=GetFeature&TYPENAMES=ms:dzialki&RESULTTYPE=hits&FILTER="+url.QueryEscape(fes)))
	if c.Matched != strconv.Itoa(wantAfter) || wantAfter == 0 {
		t.Fatalf("After: matched %s, want %d", c.Matched, wantAfter)
	}
	// Intersects with a polygon given in EPSG:4326 (lat,lon): compare with envelope pre-count
	ext, _, _ := st.Extent(context.Background(), "dzialki")
	tr, _ := geo.NewTransform(geo.CRS2180, geo.CRS4326)
	lon0, lat0 := tr.Point(ext.Min[0], ext.Min[1])
	lon1, lat1 := tr.Point((ext.Min[0]+ext.Max[0])/2, (ext.Min[1]+ext.Max[1])/2)
	poly := fmt.Sprintf("%f %f %f %f %f %f %f %f", lat0, lon0, lat1, lon0, lat1, lon1, lat0, lon0) // a triangle
	fes = `<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0" xmlns:gml="http://www.opengis.net/gml/3.2"><fes:Intersects><fes:ValueReference>msGeometry</fes:ValueReference><gml:Polygon gml:id="p" srsName="urn:ogc:def:crs:EPSG::4326"><gml:exterior><gml:LinearRing><gml:posList>` + poly + `</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></fes:Intersects></fes:Filter>`
	tri := getGML(t, wfsURL("REQUEST=GetFeature&TYPENAMES=ms:dzialki&RESULTTYPE=hits&FILTER="+url.QueryEscape(fes)))
	box := strings.Replace(fes, "Intersects>", "BBOX>", -1)
	box = box[:strings.Index(box, "<gml:Polygon")] + fmt.Sprintf(`<gml:Envelope srsName="urn:ogc:def:crs:EPSG::4326"><gml:lowerCorner>%f %f</gml:lowerCorner><gml:upperCorner>%f %f</gml:upperCorner></gml:Envelope></fes:BBOX></fes:Filter>`, lat0, lon0, lat1, lon1)
	bx := getGML(t, wfsURL("REQUEST=GetFeature&TYPENAMES=ms:dzialki&RESULTTYPE=hits&FILTER="+url.QueryEscape(box)))
	nt, _ := strconv.Atoi(tri.Matched)
	nb, _ := strconv.Atoi(bx.Matched)
	if nt == 0 || nb == 0 || nt >= nb {
		t.Fatalf("triangle %d should be a non-empty strict subset of the box %d", nt, nb)
	}
}

func TestWFS11(t *testing.T) {
	resp, b := fetch(t, baseURL+"/wfs?SERVICE=WFS&VERSION=1.1.0&REQUEST=GetFeature&TYPENAME=ms:budynki&MAXFEATURES=4")
	var c struct {
		XMLName xml.Name
		N       int        `xml:"numberOfFeatures,attr"`
		Members []xml.Name `xml:"featureMember>budynki"`
	}
	if err := xml.Unmarshal(b, &c); err != nil || resp.StatusCode != 200 || c.XMLName.Space != "http://www.opengis.net/wfs" || c.N != 4 || len(c.Members) != 4 {
		t.Fatalf("%v %d %+v %s", err, resp.StatusCode, c, b)
	}
	resp, b = fetch(t, baseURL+"/wfs?SERVICE=WFS&REQUEST=GetCapabilities&ACCEPTVERSIONS=1.1.0")
	if !strings.Contains(string(b), `version="1.1.0"`) {
		t.Fatalf("AcceptVersions 1.1.0: %s", b)
	}
	resp, b = fetch(t, baseURL+"/wfs?SERVICE=WFS&REQUEST=GetCapabilities&ACCEPTVERSIONS=3.0.0")
	if resp.StatusCode != 400 || !strings.Contains(string(b), "VersionNegotiationFailed") {
		t.Fatalf("AcceptVersions 3.0.0: %d %s", resp.StatusCode, b)
	}
}

func TestWFSDescribeFeatureType(t *testing.T) {
	resp, b := fetch(t, wfsURL("REQUEST=DescribeFeatureType&TYPENAMES=ms:budynki"))
	var x struct {
		Elements []struct {
			Name string `xml:"name,attr"`
		} `xml:"complexType>complexContent>extension>sequence>element"`
	}
	if err := xml.Unmarshal(b, &x); err != nil || resp.StatusCode != 200 {
		t.Fatalf("%v %d %s", err, resp.StatusCode, b)
	}
	var names []string
	for _, e := range x.Elements {
		names = append(names, e.Name)
	}
	got := strings.Join(names, ",")
	if !strings.Contains(got, "ID_BUDYNKU") || !strings.Contains(got, "RODZAJ") || !strings.Contains(got, "msGeometry") {
		t.Fatalf("elements %s", got)
	}
	resp, b = fetch(t, wfsURL("REQUEST=DescribeFeatureType&TYPENAMES=ms:nope"))
	if resp.StatusCode != 400 || !strings.Contains(string(b), "ExceptionReport") {
		t.Fatalf("unknown type: %d %s", resp.StatusCode, b)
	}
}

func TestFilterLimits(t *testing.T) {
	var terms []string
	for i := range 600 {
		terms = append(terms, fmt.Sprintf("ID_DZIALKI = 'x%d'", i))
	}
	resp, b := fetch(t, baseURL+"/ogc/collections/dzialki/items?filter="+url.QueryEscape(strings.Join(terms, " OR ")))
	if resp.StatusCode != 400 || !strings.Contains(string(b), "more than") {
		t.Fatalf("complex filter: %d %.300s", resp.StatusCode, b)
	}
	// features per response are capped by limits.max_features (10000): limit above is clamped
	resp, b = fetch(t, baseURL+"/ogc/collections/dzialki/items?limit=1000000")
	var c fc
	json.Unmarshal(b, &c)
	if resp.StatusCode != 200 || int64(len(c.Features)) != storeCount(t, "dzialki") {
		t.Fatalf("clamped limit: %d %d", resp.StatusCode, len(c.Features))
	}
}

func TestGzipStreaming(t *testing.T) {
	req, _ := http.NewRequest("GET", baseURL+"/ogc/collections/dzialki/items?limit=500", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("Content-Encoding %q", resp.Header.Get("Content-Encoding"))
	}
	zr, err := gzip.NewReader(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	var c fc
	if err := json.NewDecoder(zr).Decode(&c); err != nil || c.NumberReturned != 500 {
		t.Fatalf("%v %d", err, c.NumberReturned)
	}
}

func TestDatetime(t *testing.T) {
	// before anything existed: nothing; now: the current state
	_, b := fetch(t, baseURL+"/ogc/collections/dzialki/items?datetime=1990-01-01T00:00:00Z")
	var c fc
	json.Unmarshal(b, &c)
	if c.NumberMatched != 0 {
		t.Fatalf("1990: %d", c.NumberMatched)
	}
	_, b = fetch(t, baseURL+"/ogc/collections/dzialki/items?datetime="+time.Now().UTC().Format(time.RFC3339))
	c = fc{}
	json.Unmarshal(b, &c)
	if c.NumberMatched != storeCount(t, "dzialki") {
		t.Fatalf("now: %d, store %d", c.NumberMatched, storeCount(t, "dzialki"))
	}
}

func TestLandingConformanceOpenAPI(t *testing.T) {
	_, b := fetch(t, baseURL+"/ogc/")
	var lp struct{ Links []ogcapi.Link }
	json.Unmarshal(b, &lp)
	rels := map[string]ogcapi.Link{}
	for _, l := range lp.Links {
		rels[l.Rel] = l
	}
	for _, r := range []string{"self", "service-desc", "conformance", "data"} {
		if _, ok := rels[r]; !ok {
			t.Fatalf("landing page lacks %s: %s", r, b)
		}
	}
	_, b = fetch(t, baseURL+"/ogc/conformance")
	// This server has no tiles service: it declares no tiles (tiles.TestOGCAPITilesAgree).
	if !strings.Contains(string(b), "ogcapi-features-1/1.0/conf/core") || strings.Contains(string(b), "ogcapi-tiles") {
		t.Fatalf("conformance: %s", b)
	}
	resp, b := fetch(t, rels["service-desc"].Href)
	if resp.Header.Get("Content-Type") != "application/vnd.oai.openapi+json;version=3.0" {
		t.Fatalf("openapi type %q", resp.Header.Get("Content-Type"))
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil || !strings.HasPrefix(doc["openapi"].(string), "3.0") {
		t.Fatalf("openapi: %v", err)
	}
	if bytes.Contains(b, []byte(`"$ref":"http`)) || bytes.Contains(b, []byte(`.yaml`)) {
		t.Fatal("openapi has external $ref")
	}
	params := doc["components"].(map[string]any)["parameters"].(map[string]any)
	for name, typ := range map[string]string{"limit": "integer", "bbox": "array", "datetime": "string"} {
		p := params[name].(map[string]any)
		s := p["schema"].(map[string]any)
		if p["in"] != "query" || p["required"] != false || p["style"] != "form" || p["explode"] != false || s["type"] != typ {
			t.Fatalf("parameter %s: %v", name, p)
		}
	}
	lim := params["limit"].(map[string]any)["schema"].(map[string]any)
	if lim["minimum"].(float64) < 0 || lim["default"] == nil {
		t.Fatalf("limit schema %v", lim)
	}
	bb := params["bbox"].(map[string]any)["schema"].(map[string]any)
	if bb["minItems"].(float64) != 4 || bb["maxItems"].(float64) != 6 {
		t.Fatalf("bbox schema %v", bb)
	}
	// collections: extent in CRS84 and each entry equals /collections/{id}
	_, b = fetch(t, baseURL+"/ogc/collections")
	var cs struct {
		Collections []json.RawMessage
	}
	json.Unmarshal(b, &cs)
	if len(cs.Collections) == 0 {
		t.Fatal("no collections")
	}
	for _, raw := range cs.Collections {
		var c collectionDoc
		json.Unmarshal(raw, &c)
		bbox := c.Extent["spatial"].(map[string]any)["bbox"].([]any)[0].([]any)
		if !(bbox[0].(float64) < bbox[2].(float64) && bbox[1].(float64) < bbox[3].(float64)) || bbox[0].(float64) < 14 || bbox[3].(float64) > 55 {
			t.Fatalf("%s extent %v", c.ID, bbox)
		}
		_, one := fetch(t, baseURL+"/ogc/collections/"+c.ID)
		var a, b2 any
		json.Unmarshal(raw, &a)
		json.Unmarshal(one, &b2)
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b2)
		if !bytes.Equal(ja, jb) {
			t.Fatalf("%s: list entry differs from /collections/{id}", c.ID)
		}
	}
}

// TestItemsOfficialSchema validates pages against the OGC API Features schemas.
func TestItemsOfficialSchema(t *testing.T) {
	sdir := "../../shared/data/ogc/ogcapi-features-1"
	if _, err := os.Stat(sdir); err != nil {
		t.Skip("OGC schemas not found at " + sdir)
	}
	if err := exec.Command("/usr/bin/python3", "-c", "import jsonschema, yaml").Run(); err != nil {
		t.Skip("python3-jsonschema / python3-yaml not installed")
	}
	dir := t.TempDir()
	for i, u := range []string{"/ogc/collections/dzialki/items?limit=20", "/ogc/collections/punkty/items?limit=5&crs=EPSG:2180", "/ogc/collections/budynki/items?limit=3"} {
		_, b := fetch(t, baseURL+u)
		p := filepath.Join(dir, fmt.Sprintf("fc%d.json", i))
		os.WriteFile(p, b, 0o644)
		out, err := exec.Command("/usr/bin/python3", "testdata/validate_ogc.py", sdir, "featureCollectionGeoJSON.yaml", p).CombinedOutput()
		if err != nil {
			t.Errorf("%s: %v\n%s", u, err, out)
		}
	}
}

func TestOWSLib(t *testing.T) {
	if err := exec.Command("/usr/bin/python3", "-c", "import owslib.wfs, owslib.ogcapi.features").Run(); err != nil {
		t.Skip("python3-owslib not installed")
	}
	out, err := exec.Command("/usr/bin/python3", "testdata/owslib_check.py", baseURL).Output()
	if err != nil {
		t.Fatalf("%v %s", err, out)
	}
	var r struct {
		WFSTypes    []string `json:"wfs_types"`
		WFSGML      int      `json:"wfs_gml"`
		WFS11Types  []string `json:"wfs11_types"`
		Collections []string `json:"oapif_collections"`
		Returned    int      `json:"oapif_returned"`
		Matched     int64    `json:"oapif_matched"`
		Conf        bool     `json:"oapif_conformance"`
	}
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if !contains(r.WFSTypes, "ms:dzialki") || !contains(r.WFS11Types, "ms:budynki") || r.WFSGML != 7 || !contains(r.Collections, "dzialki") ||
		r.Returned != 5 || r.Matched != storeCount(t, "dzialki") || !r.Conf {
		t.Fatalf("OWSLib read: %s", out)
	}
}

func contains(s []string, x string) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}

// TestQGIS reads both services with QGIS's WFS and OAPIF providers: every page
// walked (counts equal the store's), KIEG field names, and feature positions equal
// to the stored geometry (axis order right in EPSG:2180 and CRS84).
func TestQGIS(t *testing.T) {
	if err := exec.Command("/usr/bin/python3", "-c", "import qgis.core").Run(); err != nil {
		t.Skip("python3-qgis not installed")
	}
	cmd := exec.Command("/usr/bin/python3", "testdata/qgis_check.py", baseURL)
	cmd.Env = append(os.Environ(), "QT_QPA_PLATFORM=offscreen", "XDG_RUNTIME_DIR="+t.TempDir())
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%v %s", err, out)
	}
	type sample struct {
		ID   string
		X, Y float64
	}
	var r map[string]struct {
		Valid  bool
		CRS    string
		Fields []string
		Count  int64
		Sample []sample
	}
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	byID := map[string]*store.Object{}
	for _, o := range currentParcels(t) {
		byID[o.Attrs["id_dzialki"].(string)] = o
	}
	tr, _ := geo.NewTransform(geo.CRS2180, geo.CRS84)
	for name, want := range map[string]int64{"wfs": storeCount(t, "dzialki"), "wfs11": storeCount(t, "budynki"), "oapif": storeCount(t, "dzialki")} {
		l := r[name]
		if !l.Valid || l.Count != want {
			t.Errorf("%s: valid %v, %d features, store %d", name, l.Valid, l.Count, want)
			continue
		}
		if name == "wfs11" {
			if !contains(l.Fields, "ID_BUDYNKU") || !contains(l.Fields, "RODZAJ") {
				t.Errorf("wfs11 fields %v", l.Fields)
			}
			continue
		}
		if !contains(l.Fields, "ID_DZIALKI") || !contains(l.Fields, "NAZWA_OBREBU") {
			t.Errorf("%s fields %v", name, l.Fields)
		}
		for _, s := range l.Sample {
			o := byID[s.ID]
			if o == nil {
				t.Fatalf("%s: unknown id %q", name, s.ID)
			}
			c, _ := planarCentroid(o.Geometry)
			wx, wy, tol := c[0], c[1], 0.01
			if l.CRS != "EPSG:2180" {
				wx, wy = tr.Point(c[0], c[1])
				tol = 1e-7
			}
			if math.Abs(s.X-wx) > tol || math.Abs(s.Y-wy) > tol {
				t.Errorf("%s %s (%s): QGIS centroid %v,%v, store %v,%v", name, s.ID, l.CRS, s.X, s.Y, wx, wy)
			}
		}
	}
}

// TestFESOperatorsMatchGo runs each FES operator through GetFeature (hits) and
// compares numberMatched with the same selection computed in Go over the store.
func TestFESOperatorsMatchGo(t *testing.T) {
	parcels := currentParcels(t)
	noSheet, between := 0, 0
	var starts []time.Time
	for _, o := range parcels {
		if _, ok := o.Attrs["numer_arkusza"]; !ok {
			noSheet++
		}
		if a, ok := o.Attrs["pole_ewidencyjne"].(float64); ok && math.Round(a*1e4)/1e4 >= 0.2 && math.Round(a*1e4)/1e4 <= 0.8 {
			between++
		}
		starts = append(starts, o.StartVersion)
	}
	sort.Slice(starts, func(i, j int) bool { return starts[i].Before(starts[j]) })
	lo, hi := starts[len(starts)/4], starts[3*len(starts)/4]
	before, during := 0, 0
	for _, s := range starts {
		if s.Before(lo) {
			before++
		}
		if s.After(lo) && s.Before(hi) {
			during++
		}
	}
	// the obręb name of the first parcel, sent in lower case for matchCase="false"
	names, err := cadastre.LoadNames(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	obrebName, _ := names.Obreb(parcels[0].Attrs["id_obrebu"].(string))
	if obrebName == "" {
		t.Fatal("no obręb name")
	}
	byName := 0
	for _, o := range parcels {
		if n, _ := names.Obreb(fmt.Sprint(o.Attrs["id_obrebu"])); n == obrebName {
			byName++
		}
	}
	id1, id2 := parcels[1].Attrs["id_dzialki"].(string), parcels[7].Attrs["id_dzialki"].(string)
	tp := func(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }
	cases := map[string]struct {
		filter string
		want   int
	}{
		"matchCase=false": {`<fes:PropertyIsEqualTo matchCase="false"><fes:ValueReference>NAZWA_OBREBU</fes:ValueReference><fes:Literal>` + strings.ToLower(obrebName) + `</fes:Literal></fes:PropertyIsEqualTo>`, byName},
		"matchCase=true":  {`<fes:PropertyIsEqualTo matchCase="true"><fes:ValueReference>NAZWA_OBREBU</fes:ValueReference><fes:Literal>` + strings.ToLower(obrebName) + `</fes:Literal></fes:PropertyIsEqualTo>`, map[bool]int{true: byName, false: 0}[strings.ToLower(obrebName) == obrebName]},
		"ResourceId":      {`<fes:ResourceId rid="` + id1 + `"/><fes:ResourceId rid="` + id2 + `"/>`, 2},
		"PropertyIsNull":  {`<fes:PropertyIsNull><fes:ValueReference>NUMER_ARKUSZA</fes:ValueReference></fes:PropertyIsNull>`, noSheet},
		"PropertyIsNil":   {`<fes:PropertyIsNil><fes:ValueReference>NUMER_ARKUSZA</fes:ValueReference></fes:PropertyIsNil>`, noSheet},
		"Not Null":        {`<fes:Not><fes:PropertyIsNull><fes:ValueReference>NUMER_ARKUSZA</fes:ValueReference></fes:PropertyIsNull></fes:Not>`, len(parcels) - noSheet},
		"Between":         {`<fes:PropertyIsBetween><fes:ValueReference>POLE_EWIDENCYJNE</fes:ValueReference><fes:LowerBoundary><fes:Literal>0.2</fes:Literal></fes:LowerBoundary><fes:UpperBoundary><fes:Literal>0.8</fes:Literal></fes:UpperBoundary></fes:PropertyIsBetween>`, between},
		"Before":          {`<fes:Before><fes:ValueReference>START_WERSJI</fes:ValueReference><gml:TimeInstant gml:id="i"><gml:timePosition>` + tp(lo) + `</gml:timePosition></gml:TimeInstant></fes:Before>`, before},
		"During":          {`<fes:During><fes:ValueReference>START_WERSJI</fes:ValueReference><gml:TimePeriod gml:id="p"><gml:beginPosition>` + tp(lo) + `</gml:beginPosition><gml:endPosition>` + tp(hi) + `</gml:endPosition></gml:TimePeriod></fes:During>`, during},
	}
	for name, c := range cases {
		fes := `<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0" xmlns:gml="http://www.opengis.net/gml/3.2">` + c.filter + `</fes:Filter>`
		g := getGML(t, wfsURL("REQUEST=GetFeature&TYPENAMES=ms:dzialki&RESULTTYPE=hits&FILTER="+url.QueryEscape(fes)))
		if g.Matched != strconv.Itoa(c.want) {
			t.Errorf("%s: numberMatched %s, want %d", name, g.Matched, c.want)
		}
	}
	// RESOURCEID parameter, and a request without SERVICE
	g := getGML(t, baseURL+"/wfs?VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:dzialki&RESOURCEID="+url.QueryEscape(id1))
	if len(g.Members) != 1 || g.Members[0].D.ID != id1 {
		t.Fatalf("RESOURCEID: %+v", g)
	}
}

// TestEveryCRS: crs and bbox-crs accept every registry CRS; the response's
// Content-Crs names it, and a box around a parcel given in that CRS (in its axis
// order) finds the parcel; its first vertex comes back where geo puts it.
func TestEveryCRS(t *testing.T) {
	o := currentParcels(t)[0]
	id := o.Attrs["id_dzialki"].(string)
	v := o.Geometry.(orb.MultiPolygon)[0][0][0]
	for _, c := range geo.All() {
		tr, _ := geo.NewTransform(geo.CRS2180, c)
		x, y := tr.Point(v[0], v[1])
		d := 1.0
		if c.Geographic {
			d = 1e-5
		}
		lo, hi := [2]float64{x - d, y - d}, [2]float64{x + d, y + d}
		if c.Axis == geo.NorthEast && c.Code != 0 {
			lo, hi = [2]float64{y - d, x - d}, [2]float64{y + d, x + d}
		}
		uri := crsURI(c)
		u := fmt.Sprintf("%s/ogc/collections/dzialki/items?limit=1000&crs=%s&bbox-crs=%s&bbox=%f,%f,%f,%f", baseURL, url.QueryEscape(uri), url.QueryEscape(uri), lo[0], lo[1], hi[0], hi[1])
		resp, b := fetch(t, u)
		if resp.StatusCode != 200 || resp.Header.Get("Content-Crs") != "<"+uri+">" {
			t.Errorf("%s: %d %q %.200s", uri, resp.StatusCode, resp.Header.Get("Content-Crs"), b)
			continue
		}
		var fcol fc
		json.Unmarshal(b, &fcol)
		found := false
		for _, f := range fcol.Features {
			if f.ID != id {
				continue
			}
			found = true
			p := f.Geometry["coordinates"].([]any)[0].([]any)[0].([]any)[0].([]any)
			gx, gy := p[0].(float64), p[1].(float64)
			if c.Axis == geo.NorthEast && c.Code != 0 {
				gx, gy = gy, gx
			}
			tol := 0.001
			if c.Geographic {
				tol = 1e-8
			}
			if math.Abs(gx-x) > tol || math.Abs(gy-y) > tol {
				t.Errorf("%s: vertex %v,%v, want %v,%v", uri, gx, gy, x, y)
			}
		}
		if !found {
			t.Errorf("%s: parcel %s not in its own box", uri, id)
		}
	}
}

// TestConcurrentClients: parallel paged walks with filters, sorting and
// reprojection give the same answers as a lone client (shared caches, GEOS).
func TestConcurrentClients(t *testing.T) {
	urls := []string{
		baseURL + "/ogc/collections/dzialki/items?limit=40&filter=" + url.QueryEscape("POLE_EWIDENCYJNE > 0.3 OR S_INTERSECTS(geometry, BBOX(19,51,20,52))"),
		baseURL + "/ogc/collections/dzialki/items?limit=33&crs=EPSG:2176",
		baseURL + "/ogc/collections/budynki/items?limit=7",
	}
	want := make([]int, len(urls))
	for i, u := range urls {
		ids, _ := walk(t, u)
		want[i] = len(ids)
	}
	const clients = 9
	errs := make(chan error, clients)
	for g := range clients {
		go func() {
			i := g % len(urls)
			ids, matched, err := walkE(urls[i])
			if err != nil {
				errs <- err
				return
			}
			if len(ids) != want[i] || matched != int64(want[i]) {
				errs <- fmt.Errorf("%s: %d features, matched %d, want %d", urls[i], len(ids), matched, want[i])
				return
			}
			errs <- nil
		}()
	}
	for range clients {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

func post(t *testing.T, u, body string) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.Post(u, "application/xml", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

// TestWFSPost: the XML encoding gives the KVP answers.
func TestWFSPost(t *testing.T) {
	const ns = `xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:fes="http://www.opengis.net/fes/2.0" xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:ms="http://mapserver.gis.umn.edu/mapserver"`
	ext, _, _ := st.Extent(context.Background(), "dzialki")
	box := fmt.Sprintf(`<gml:Envelope srsName="urn:ogc:def:crs:EPSG::2180"><gml:lowerCorner>%f %f</gml:lowerCorner><gml:upperCorner>%f %f</gml:upperCorner></gml:Envelope>`,
		ext.Min[1], ext.Min[0], (ext.Min[1]+ext.Max[1])/2, (ext.Min[0]+ext.Max[0])/2)
	query := `<wfs:Query typeNames="ms:dzialki"><fes:Filter><fes:BBOX><fes:ValueReference>msGeometry</fes:ValueReference>` + box + `</fes:BBOX></fes:Filter>` +
		`<fes:SortBy><fes:SortProperty><fes:ValueReference>ID_DZIALKI</fes:ValueReference><fes:SortOrder>DESC</fes:SortOrder></fes:SortProperty></fes:SortBy></wfs:Query>`
	hitsKVP := getGML(t, wfsURL("REQUEST=GetFeature&TYPENAMES=ms:dzialki&RESULTTYPE=hits&FILTER="+url.QueryEscape(`<fes:Filter `+ns+`><fes:BBOX><fes:ValueReference>msGeometry</fes:ValueReference>`+box+`</fes:BBOX></fes:Filter>`)))
	resp, b := post(t, baseURL+"/wfs", `<wfs:GetFeature service="WFS" version="2.0.0" resultType="hits" `+ns+`>`+query+`</wfs:GetFeature>`)
	var hits gmlCollection
	xml.Unmarshal(b, &hits)
	if resp.StatusCode != 200 || hits.Matched != hitsKVP.Matched || hits.Matched == "0" {
		t.Fatalf("POST hits %s vs KVP %s: %d %.300s", hits.Matched, hitsKVP.Matched, resp.StatusCode, b)
	}
	resp, b = post(t, baseURL+"/wfs", `<wfs:GetFeature service="WFS" version="2.0.0" count="5" `+ns+`>`+query+`</wfs:GetFeature>`)
	var page gmlCollection
	if err := xml.Unmarshal(b, &page); err != nil || len(page.Members) != 5 {
		t.Fatalf("POST page: %v %d %.300s", err, resp.StatusCode, b)
	}
	// /ows takes the same document (told from a WMS request by its root element),
	// with an XML declaration and a comment before it.
	resp, ob := post(t, baseURL+"/ows", `<?xml version="1.0" encoding="UTF-8"?>`+"\n<!-- QGIS -->\n"+`<wfs:GetFeature version="2.0.0" count="5" `+ns+`>`+query+`</wfs:GetFeature>`)
	var owsPage gmlCollection
	if err := xml.Unmarshal(ob, &owsPage); err != nil || resp.StatusCode != 200 || len(owsPage.Members) != 5 || owsPage.Members[0].D.ID != page.Members[0].D.ID {
		t.Fatalf("POST /ows: %v %d %.300s", err, resp.StatusCode, ob)
	}
	for i := 1; i < len(page.Members); i++ {
		if page.Members[i-1].D.ID < page.Members[i].D.ID {
			t.Fatalf("not sorted DESC: %s before %s", page.Members[i-1].D.ID, page.Members[i].D.ID)
		}
	}
	// the next link is the KVP form of the same query
	next := getGML(t, page.Next)
	if len(next.Members) != 5 || next.Members[0].D.ID >= page.Members[4].D.ID {
		t.Fatalf("next page of a POST: %+v", next.Members)
	}
	id := page.Members[0].D.ID
	resp, b = post(t, baseURL+"/wfs", `<wfs:GetFeature service="WFS" version="2.0.0" `+ns+`><wfs:StoredQuery id="urn:ogc:def:query:OGC-WFS::GetFeatureById"><wfs:Parameter name="ID">`+id+`</wfs:Parameter></wfs:StoredQuery></wfs:GetFeature>`)
	if resp.StatusCode != 200 || !strings.Contains(string(b), "<ms:ID_DZIALKI>"+id+"</ms:ID_DZIALKI>") {
		t.Fatalf("POST GetFeatureById: %d %.300s", resp.StatusCode, b)
	}
	resp, b = post(t, baseURL+"/wfs", `<wfs:GetCapabilities service="WFS" `+ns+`/>`)
	if resp.StatusCode != 200 || !strings.Contains(string(b), "WFS_Capabilities") {
		t.Fatalf("POST GetCapabilities: %d", resp.StatusCode)
	}
	resp, b = post(t, baseURL+"/wfs", `<wfs:GetFeature`)
	if resp.StatusCode != 400 || !strings.Contains(string(b), "OperationParsingFailed") {
		t.Fatalf("malformed POST: %d %s", resp.StatusCode, b)
	}
}

// FuzzParseWFSXML: any request document either maps onto parameters or is
// refused with an OWS exception, without panicking.
func FuzzParseWFSXML(f *testing.F) {
	f.Add(`<wfs:GetFeature xmlns:wfs="http://www.opengis.net/wfs/2.0" count="3"><wfs:Query typeNames="ms:dzialki"><fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0"><fes:ResourceId rid="a"/></fes:Filter></wfs:Query></wfs:GetFeature>`)
	f.Add(`<GetFeature><StoredQuery id="x"><Parameter name="ID">a/1</Parameter></StoredQuery></GetFeature>`)
	f.Add(`<DescribeFeatureType><TypeName>ms:budynki</TypeName></DescribeFeatureType>`)
	f.Fuzz(func(t *testing.T, s string) {
		p, e := parseWFSXML([]byte(s))
		if e == nil && p["REQUEST"] == "" {
			t.Fatal("accepted a document without a request")
		}
		if e != nil && e.Code != "OperationParsingFailed" {
			t.Fatalf("code %s", e.Code)
		}
	})
}

// TestEmptySelections: boxes that cannot hold data answer nothing (not everything).
func TestEmptySelections(t *testing.T) {
	for _, q := range []string{
		"bbox=179,50,-179,52", // CRS84 across the antimeridian
		"bbox=19,51,20,52&filter=" + url.QueryEscape("S_INTERSECTS(geometry, BBOX(-10,-10,-9,-9))"),
		"filter=FALSE",
		"filter=" + url.QueryEscape("S_INTERSECTS(geometry, BBOX(-10,-10,-9,-9)) AND S_INTERSECTS(geometry, BBOX(10,10,11,11))"),
	} {
		resp, b := fetch(t, baseURL+"/ogc/collections/dzialki/items?"+q)
		var c fc
		json.Unmarshal(b, &c)
		if resp.StatusCode != 200 || c.NumberMatched != 0 || len(c.Features) != 0 {
			t.Errorf("%s: %d matched %d, %d features", q, resp.StatusCode, c.NumberMatched, len(c.Features))
		}
	}
	_, b := fetch(t, baseURL+"/ogc/collections/dzialki/items?filter=TRUE&limit=1")
	var c fc
	json.Unmarshal(b, &c)
	if c.NumberMatched != storeCount(t, "dzialki") {
		t.Errorf("TRUE: matched %d", c.NumberMatched)
	}
}

// TestHTML: people get HTML pages (f=html or a browser's Accept header).
func TestHTML(t *testing.T) {
	id := currentParcels(t)[0].Attrs["id_dzialki"].(string)
	for u, want := range map[string]string{
		"/ogc/?f=html":                          "/ogc/collections",
		"/ogc/collections?f=html":               "dzialki",
		"/ogc/collections/dzialki/items?f=html": id,
		"/ogc/collections/dzialki/items/" + url.PathEscape(id) + "?f=html": "ID_DZIALKI",
	} {
		resp, b := fetch(t, baseURL+u)
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") || !strings.Contains(string(b), want) {
			t.Errorf("%s: %d %s, no %q", u, resp.StatusCode, resp.Header.Get("Content-Type"), want)
		}
	}
	req, _ := http.NewRequest("GET", baseURL+"/ogc/collections", nil)
	req.Header.Set("Accept", "text/html,application/xhtml+xml")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.Errorf("browser Accept: %s", resp.Header.Get("Content-Type"))
	}
}

// TestItemRevalidation: an unchanged item answers 304 to If-None-Match.
func TestItemRevalidation(t *testing.T) {
	id := currentParcels(t)[0].Attrs["id_dzialki"].(string)
	u := baseURL + "/ogc/collections/dzialki/items/" + url.PathEscape(id)
	resp, _ := fetch(t, u)
	etag := resp.Header.Get("ETag")
	if etag == "" {
		t.Fatal("no ETag")
	}
	req, _ := http.NewRequest("GET", u, nil)
	req.Header.Set("If-None-Match", etag)
	resp2, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp2.Body.Close()
	if resp2.StatusCode != http.StatusNotModified {
		t.Fatalf("revalidation: %d", resp2.StatusCode)
	}
	resp3, _ := fetch(t, u+"?f=html")
	if resp3.Header.Get("ETag") == etag {
		t.Fatal("HTML and JSON share an ETag")
	}
}

// TestEqualityPushDown: equalities handed to the store select what the Go
// evaluation alone selects (case-sensitive, ANDed, contradictory pairs empty).
func TestEqualityPushDown(t *testing.T) {
	parcels := currentParcels(t)
	num := parcels[3].Attrs["numer_dzialki"].(string)
	want := 0
	for _, o := range parcels {
		if o.Attrs["numer_dzialki"] == num {
			want++
		}
	}
	for q, n := range map[string]int{
		"NUMER_DZIALKI = '" + num + "'":                                  want,
		"NUMER_DZIALKI = '" + num + "' AND POLE_EWIDENCYJNE >= 0":        want,
		"'" + num + "' = NUMER_DZIALKI":                                  want,
		"NUMER_DZIALKI = '" + num + "' AND NUMER_DZIALKI = 'nope'":       0,
		"NUMER_DZIALKI = '" + num + "' OR NUMER_DZIALKI = 'nope'":        want,
		"CASEI(NUMER_DZIALKI) = CASEI('" + strings.ToUpper(num) + "')":   want,
		"ID_DZIALKI = '" + parcels[3].Attrs["id_dzialki"].(string) + "'": 1,
		"NOT (NUMER_DZIALKI = '" + num + "')":                            len(parcels) - want,
	} {
		_, b := fetch(t, baseURL+"/ogc/collections/dzialki/items?limit=1000&filter="+url.QueryEscape(q))
		var c fc
		json.Unmarshal(b, &c)
		if c.NumberMatched != int64(n) || len(c.Features) != n {
			t.Errorf("%s: matched %d, %d features, want %d", q, c.NumberMatched, len(c.Features), n)
		}
	}
}
