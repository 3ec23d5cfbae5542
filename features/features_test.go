package features

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/sip-core/sip/ogcapi"
	"github.com/sip-core/sip/synth/synthstore"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/server"
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/gpkg"
)

var (
	baseURL  string
	st       store.Store
	gpkgPath string // the fixture's GeoPackage
)

// TestMain builds one synthetic county (600 parcels), ingests it into a real
// GeoPackage and serves it on loopback with the features service.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "features-test")
	if err != nil {
		panic(err)
	}
	code := func() int {
		defer os.RemoveAll(dir)
		p, _, err := synthstore.Build(context.Background(), dir, synthstore.Options{Parcels: 600, Seed: 7})
		if err != nil {
			panic(err)
		}
		gpkgPath = p
		cfg := config.ForStoreNamed(p, "county")
		cfg.Limits.RateLimit = config.RateLimit{Rate: 0, Burst: 1} // tests fire many requests
		srv, err := server.New(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), server.Options{})
		if err != nil {
			panic(err)
		}
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			panic(err)
		}
		go srv.Serve(ln)
		defer srv.Shutdown(context.Background())
		baseURL = "http://" + ln.Addr().String()
		testServers.Store(baseURL, srv)
		featCache = catalogOfHost(srv.Host()).enc
		if st, err = gpkg.Open(p); err != nil {
			panic(err)
		}
		defer st.Close()
		return m.Run()
	}()
	os.Exit(code)
}

func fetch(t testing.TB, u string) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

func storeCount(t testing.TB, layer string) int64 {
	n, err := st.Count(context.Background(), store.Query{Layer: layer})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

type fc struct {
	Features []struct {
		ID         string         `json:"id"`
		Geometry   map[string]any `json:"geometry"`
		Properties map[string]any `json:"properties"`
	} `json:"features"`
	NumberMatched  int64 `json:"numberMatched"`
	NumberReturned int   `json:"numberReturned"`
	TimeStamp      string
	Links          []ogcapi.Link `json:"links"`
}

// walk follows every next link and returns the features seen and numberMatched.
func walk(t *testing.T, u string) (ids []string, matched int64) {
	t.Helper()
	ids, matched, err := walkE(u)
	if err != nil {
		t.Fatal(err)
	}
	return ids, matched
}

// walkE is walk for any goroutine: it reports instead of failing the test.
func walkE(u string) (ids []string, matched int64, err error) {
	pages := 0
	for u != "" {
		resp, err := http.Get(u)
		if err != nil {
			return nil, 0, err
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return nil, 0, err
		}
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/geo+json") {
			return nil, 0, fmt.Errorf("%s: %d %s %.300s", u, resp.StatusCode, resp.Header.Get("Content-Type"), b)
		}
		var c fc
		if err := json.Unmarshal(b, &c); err != nil {
			return nil, 0, err
		}
		if c.NumberReturned != len(c.Features) {
			return nil, 0, fmt.Errorf("numberReturned %d != %d features", c.NumberReturned, len(c.Features))
		}
		if _, err := time.Parse(time.RFC3339, c.TimeStamp); err != nil {
			return nil, 0, fmt.Errorf("timeStamp %q", c.TimeStamp)
		}
		matched = c.NumberMatched
		u = ""
		for _, l := range c.Links {
			if l.Rel == "" || l.Type == "" {
				return nil, 0, fmt.Errorf("link without rel/type: %+v", l)
			}
			if l.Rel == "next" {
				u = l.Href
			}
		}
		for _, f := range c.Features {
			ids = append(ids, f.ID)
		}
		pages++
		if pages > 1000 {
			return nil, 0, fmt.Errorf("too many pages")
		}
	}
	return ids, matched, nil
}

func TestOGCItemsPagingMatchesStore(t *testing.T) {
	want := storeCount(t, "dzialki")
	ids, matched := walk(t, baseURL+"/ogc/collections/dzialki/items?limit=97")
	if int64(len(ids)) != want || matched != want {
		t.Fatalf("walked %d, numberMatched %d, store %d", len(ids), matched, want)
	}
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			t.Fatalf("duplicate %s across pages", id)
		}
		seen[id] = true
	}
	// a parcel id with '/' works percent-encoded as a path segment
	var slash string
	for _, id := range ids {
		if strings.Contains(id, "/") {
			slash = id
			break
		}
	}
	if slash == "" {
		t.Fatal("no parcel id with '/' in the synthetic county")
	}
	resp, b := fetch(t, baseURL+"/ogc/collections/dzialki/items/"+url.PathEscape(slash))
	if resp.StatusCode != 200 || !strings.Contains(string(b), `"rel":"collection"`) || !strings.Contains(string(b), `"rel":"self"`) {
		t.Fatalf("item %s: %d %s", slash, resp.StatusCode, b)
	}
	var f struct{ ID string }
	json.Unmarshal(b, &f)
	if f.ID != slash {
		t.Fatalf("item id %q, want %q", f.ID, slash)
	}
	if resp, _ := fetch(t, baseURL+"/ogc/collections/dzialki/items/nope"); resp.StatusCode != 404 {
		t.Fatalf("unknown id: %d", resp.StatusCode)
	}
	if resp, _ := fetch(t, baseURL+"/ogc/collections/nope/items"); resp.StatusCode != 404 {
		t.Fatalf("unknown collection: %d", resp.StatusCode)
	}
}

func TestOGCInvalidParameters(t *testing.T) {
	for _, q := range []string{"limit=abc", "limit=0", "foo=1", "bbox=1,2,3", "bbox=20,52,19,51", "crs=EPSG:9999", "datetime=yesterday",
		"filter=NOPE%3D1", "filter=ID_DZIALKI%3D", "filter-lang=cql3&filter=TRUE", "cursor=x"} {
		resp, b := fetch(t, baseURL+"/ogc/collections/dzialki/items?"+q)
		if resp.StatusCode != 400 || resp.Header.Get("Content-Type") != "application/problem+json" {
			t.Errorf("%s: %d %s", q, resp.StatusCode, b)
		}
	}
}

func TestOGCBBoxAndCRS(t *testing.T) {
	ext, _, err := st.Extent(context.Background(), "dzialki")
	if err != nil {
		t.Fatal(err)
	}
	// a box over the south-west quarter, in EPSG:2180 axis order (N,E) via bbox-crs
	midE, midN := (ext.Min[0]+ext.Max[0])/2, (ext.Min[1]+ext.Max[1])/2
	bb := fmt.Sprintf("%f,%f,%f,%f", ext.Min[1], ext.Min[0], midN, midE)
	want, err := st.Count(context.Background(), store.Query{Layer: "dzialki", Bound: ptr(orbBound(ext.Min[0], ext.Min[1], midE, midN))})
	if err != nil {
		t.Fatal(err)
	}
	u := baseURL + "/ogc/collections/dzialki/items?limit=1000&crs=" + url.QueryEscape("http://www.opengis.net/def/crs/EPSG/0/2180") +
		"&bbox-crs=" + url.QueryEscape("http://www.opengis.net/def/crs/EPSG/0/2180") + "&bbox=" + bb
	resp, b := fetch(t, u)
	if resp.StatusCode != 200 || resp.Header.Get("Content-Crs") != "<http://www.opengis.net/def/crs/EPSG/0/2180>" {
		t.Fatalf("%d %q %s", resp.StatusCode, resp.Header.Get("Content-Crs"), b)
	}
	var c fc
	json.Unmarshal(b, &c)
	if c.NumberMatched != want || int64(len(c.Features)) != want || want == 0 {
		t.Fatalf("bbox: %d features, numberMatched %d, store %d", len(c.Features), c.NumberMatched, want)
	}
	// coordinates are N,E (EPSG axis order): the first number is the northing
	coords := c.Features[0].Geometry["coordinates"].([]any)[0].([]any)[0].([]any)[0].([]any)
	n, e := coords[0].(float64), coords[1].(float64)
	if n < ext.Min[1]-1 || n > ext.Max[1]+1 || e < ext.Min[0]-1 || e > ext.Max[0]+1 {
		t.Fatalf("coordinate %v,%v not N,E inside %v", n, e, ext)
	}
}

func TestCQL2MatchesGo(t *testing.T) {
	// count in Go what the filter should keep
	var want int
	st.Query(context.Background(), store.Query{Layer: "dzialki"}, func(r store.Row) error {
		if a, ok := r.Attrs["pole_ewidencyjne"].(float64); ok && a > 0.5 && strings.HasSuffix(fmt.Sprint(r.Attrs["numer_dzialki"]), "1") {
			want++
		}
		return nil
	})
	for _, f := range []struct{ lang, text string }{
		{"cql2-text", "POLE_EWIDENCYJNE > 0.5 AND NUMER_DZIALKI LIKE '%1'"},
		{"cql2-json", `{"op":"and","args":[{"op":">","args":[{"property":"POLE_EWIDENCYJNE"},0.5]},{"op":"like","args":[{"property":"NUMER_DZIALKI"},"%1"]}]}`},
	} {
		ids, matched := walk(t, baseURL+"/ogc/collections/dzialki/items?limit=50&filter-lang="+f.lang+"&filter="+url.QueryEscape(f.text))
		if len(ids) != want || matched != int64(want) || want == 0 {
			t.Errorf("%s: walked %d, matched %d, want %d", f.lang, len(ids), matched, want)
		}
	}
}

func TestWFS(t *testing.T) {
	want := storeCount(t, "dzialki")
	resp, b := fetch(t, baseURL+"/wfs?SERVICE=WFS&REQUEST=GetCapabilities")
	var caps struct {
		Types []string `xml:"FeatureTypeList>FeatureType>Name"`
	}
	if err := xml.Unmarshal(b, &caps); err != nil || resp.StatusCode != 200 || len(caps.Types) == 0 {
		t.Fatalf("capabilities: %v %d %s", err, resp.StatusCode, b)
	}
	_, b = fetch(t, baseURL+"/ows?service=wfs&version=2.0.0&request=GetFeature&typeNames=ms:dzialki&resultType=hits")
	var hits struct {
		Matched int64 `xml:"numberMatched,attr"`
	}
	xml.Unmarshal(b, &hits)
	if hits.Matched != want {
		t.Fatalf("hits %d, store %d: %s", hits.Matched, want, b)
	}
	// FES filter by ID_DZIALKI, in GML
	var anyID string
	st.Query(context.Background(), store.Query{Layer: "dzialki", Limit: 1}, func(r store.Row) error { anyID = r.Attrs["id_dzialki"].(string); return nil })
	fes := `<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0"><fes:PropertyIsEqualTo><fes:ValueReference>ID_DZIALKI</fes:ValueReference><fes:Literal>` + anyID + `</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>`
	resp, b = fetch(t, baseURL+"/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:dzialki&FILTER="+url.QueryEscape(fes))
	var gml struct {
		Matched string `xml:"numberMatched,attr"`
		Members []struct {
			D struct {
				ID string `xml:"ID_DZIALKI"`
			} `xml:"dzialki"`
		} `xml:"member"`
	}
	if err := xml.Unmarshal(b, &gml); err != nil || len(gml.Members) != 1 || gml.Members[0].D.ID != anyID {
		t.Fatalf("FES by id: %v %+v %s", err, gml, b)
	}
	if !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/gml+xml; version=3.2") {
		t.Fatalf("content type %q", resp.Header.Get("Content-Type"))
	}
	for q, code := range map[string]string{
		"REQUEST=GetFeature&TYPENAMES=ms:nope":                                                    "InvalidParameterValue",
		"REQUEST=GetFeature&TYPENAMES=ms:dzialki&SRSNAME=EPSG:9999":                               "InvalidParameterValue",
		"REQUEST=GetFeature&TYPENAMES=ms:dzialki&FILTER=%3CFilter%3E%3CNope%2F%3E%3C%2FFilter%3E": "InvalidParameterValue",
		"REQUEST=GetFeature&TYPENAMES=ms:dzialki&FILTER=%3CFilter%3E%3CNope%3E":                   "OperationParsingFailed",
		"REQUEST=Nope": "OperationNotSupported",
	} {
		resp, b := fetch(t, baseURL+"/wfs?SERVICE=WFS&VERSION=2.0.0&"+q)
		if resp.StatusCode != 400 || !strings.Contains(string(b), `exceptionCode="`+code+`"`) {
			t.Errorf("%s: %d %s", q, resp.StatusCode, b)
		}
	}
}

// TestGDAL reads both services with GDAL: the counts equal the store's.
func TestGDAL(t *testing.T) {
	if _, err := exec.LookPath("ogrinfo"); err != nil {
		t.Skip("ogrinfo (gdal-bin) not installed")
	}
	want := fmt.Sprintf("Feature Count: %d", storeCount(t, "budynki"))
	for _, ds := range []string{"WFS:" + baseURL + "/wfs", "OAPIF:" + baseURL + "/ogc"} {
		layer := "ms:budynki"
		if strings.HasPrefix(ds, "OAPIF") {
			layer = "budynki"
		}
		out, err := exec.Command("ogrinfo", "-ro", "-al", "-so", ds, layer).CombinedOutput()
		if err != nil || !strings.Contains(string(out), want) {
			t.Errorf("%s: %v\n%s", ds, err, out)
		}
		// a full read walks every page
		out, err = exec.Command("ogrinfo", "-ro", "-al", "-q", "-oo", "PAGE_SIZE=50", ds, layer).CombinedOutput()
		if n := strings.Count(string(out), "OGRFeature("); err != nil || fmt.Sprintf("Feature Count: %d", n) != want {
			t.Errorf("%s full read: %d features, %v", ds, n, err)
		}
	}
}
