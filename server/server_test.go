package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gorilla/mux"
	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
	"github.com/paulmach/orb"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/store/gpkg"
)

func wantStatus(t *testing.T, resp *http.Response, body string, status int, contentType string) {
	t.Helper()
	if resp.StatusCode != status {
		t.Fatalf("%s %s: status %d, want %d; body:\n%s", resp.Request.Method, resp.Request.URL, resp.StatusCode, status, body)
	}
	if contentType != "" && !strings.HasPrefix(resp.Header.Get("Content-Type"), contentType) {
		t.Fatalf("%s: Content-Type %q, want %q", resp.Request.URL, resp.Header.Get("Content-Type"), contentType)
	}
}

func TestBadConfigNeverStarts(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "sip.yaml")
	os.WriteFile(p, []byte("datasets:\n  - name: a\n    store: a.gpkg\nlimits:\n  max_bodyy: 1MB\n"), 0o644)
	_, err := config.Load(p)
	var ce *config.Error
	if !errors.As(err, &ce) || ce.Line != 5 || ce.Key != "max_bodyy" || !strings.Contains(err.Error(), "sip.yaml:5") {
		t.Fatalf("bad key: %v", err)
	}

	// A missing store, or a configured layer the store lacks, fails New whole.
	cfg := config.ForStore(filepath.Join(dir, "missing.gpkg"))
	if _, err := New(cfg, quietLogger(), Options{}); err == nil || !strings.Contains(err.Error(), "missing.gpkg") {
		t.Fatalf("missing store: %v", err)
	}
	good := makeStore(t, dir, "good", 1)
	cfg, err = config.Parse(fmt.Appendf(nil, "datasets:\n  - name: a\n    store: %s\n    layers:\n      - name: dzialki\n        attributes: [pesel]\n", good), "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := New(cfg, quietLogger(), Options{}); err == nil || !strings.Contains(err.Error(), "pesel") {
		t.Fatalf("unknown attribute: %v", err)
	}
}

func TestDatasetAPI(t *testing.T) {
	ts := start(t, baseConfig(t))

	resp, body := get(t, ts.URL+"/api/datasets")
	wantStatus(t, resp, body, 200, "application/json")
	var list struct{ Datasets []datasetJSON }
	if err := json.Unmarshal([]byte(body), &list); err != nil || len(list.Datasets) != 2 || list.Datasets[0].Name != "county" || list.Datasets[1].Name != "gmina" {
		t.Fatalf("list: %v %s", err, body)
	}

	resp, body = get(t, ts.URL+"/api/datasets/county")
	wantStatus(t, resp, body, 200, "application/json")
	var ds datasetJSON
	if err := json.Unmarshal([]byte(body), &ds); err != nil {
		t.Fatal(err)
	}
	if ds.Revision == 0 || len(ds.Layers) != 2 { // dzialki, budynki; punkty is not public
		t.Fatalf("dataset: %s", body)
	}
	dz := ds.Layers[0]
	if dz.Name != "dzialki" || dz.Count != 200 || dz.Extent == nil ||
		dz.Extent.EPSG2180 != [4]float64{500000, 600000, 500000 + 99*25 + 20, 600000 + 25 + 20} {
		t.Errorf("dzialki: %+v %+v", dz, dz.Extent)
	}
	if strings.Join(dz.Attributes, ",") != "id_dzialki,numer_dzialki,pole_ewidencyjne" {
		t.Errorf("public attributes %v", dz.Attributes)
	}
	if ds.Layers[1].Count != 0 || ds.Layers[1].Extent != nil {
		t.Errorf("empty budynki: %+v", ds.Layers[1])
	}
	// An editor sees the non-public layer and every column.
	_, body = get(t, ts.URL+"/api/datasets/county", "X-API-Key", "key-editor")
	if !strings.Contains(body, `"name":"punkty"`) || !strings.Contains(body, "numer_kw") {
		t.Errorf("editor view lacks punkty or numer_kw: %s", body)
	}

	resp, body = get(t, ts.URL+"/api/datasets/nope")
	wantStatus(t, resp, body, 404, "application/problem+json")

	// The summary page lists datasets, layers, counts and revisions.
	resp, body = get(t, ts.URL+"/")
	wantStatus(t, resp, body, 200, "text/html")
	for _, want := range []string{"Powiat Testowy", "county", "gmina", "dzialki", ">200<", "rewizja"} {
		if !strings.Contains(body, want) {
			t.Errorf("summary page lacks %q", want)
		}
	}
}

func TestEncodedParcelID(t *testing.T) {
	ts := start(t, baseConfig(t))
	url := ts.URL + "/api/datasets/county/layers/dzialki/features/100301_1.0001.123%2F4"
	resp, body := get(t, url)
	wantStatus(t, resp, body, 200, "application/geo+json")
	var f struct {
		ID       string
		Geometry struct {
			Type        string
			Coordinates [][][][2]float64
		}
		Properties map[string]any
		Links      []link
	}
	if err := json.Unmarshal([]byte(body), &f); err != nil {
		t.Fatal(err)
	}
	want := parcel(123)
	if f.ID != want.ID || f.Properties["id_dzialki"] != "100301_1.0001.123/4" || f.Geometry.Type != "MultiPolygon" {
		t.Fatalf("feature: %s", body)
	}
	if _, ok := f.Properties["numer_kw"]; ok {
		t.Error("numer_kw is not a public attribute of this dataset")
	}
	if p := f.Geometry.Coordinates[0][0][0]; p != [2]float64(want.Geometry.(orb.MultiPolygon)[0][0][0]) {
		t.Errorf("first vertex %v, want E,N %v", p, want.Geometry.(orb.MultiPolygon)[0][0][0])
	}
	if resp.Header.Get("Content-Crs") == "" || !strings.Contains(f.Links[0].Href, "/features/"+want.ID) {
		t.Errorf("Content-Crs %q links %v", resp.Header.Get("Content-Crs"), f.Links)
	}
	// By lokalnyId too.
	resp, body = get(t, ts.URL+"/api/datasets/county/layers/dzialki/features/"+want.ID)
	wantStatus(t, resp, body, 200, "application/geo+json")

	resp, body = get(t, ts.URL+"/api/datasets/county/layers/dzialki/features/100301_1.0001.999%2F4")
	wantStatus(t, resp, body, 404, "application/problem+json")
	var p map[string]any
	if json.Unmarshal([]byte(body), &p) != nil || p["status"] != float64(404) || !strings.Contains(p["detail"].(string), "999/4") {
		t.Errorf("problem: %s", body)
	}
	resp, body = get(t, ts.URL+"/api/datasets/county/layers/nope/features/x")
	wantStatus(t, resp, body, 404, "application/problem+json")
}

func TestAuth(t *testing.T) {
	ts := start(t, baseConfig(t), testService{})
	push := ts.URL + "/sync/gmina/push"
	post := func(hdr ...string) (*http.Response, string) {
		return do(t, http.MethodPost, push, strings.NewReader("{}"), hdr...)
	}

	resp, body := post()
	wantStatus(t, resp, body, 401, "application/problem+json")
	if !strings.HasPrefix(resp.Header.Get("WWW-Authenticate"), "Bearer") || !strings.Contains(body, "role sync") {
		t.Errorf("401: %q %s", resp.Header.Get("WWW-Authenticate"), body)
	}
	resp, body = post("Authorization", "Bearer wrong")
	wantStatus(t, resp, body, 401, "application/problem+json")
	if !strings.Contains(resp.Header.Get("WWW-Authenticate"), "invalid_token") || !strings.Contains(body, "not valid") {
		t.Errorf("invalid key: %q %s", resp.Header.Get("WWW-Authenticate"), body)
	}
	resp, body = post("X-API-Key", "key-editor")
	wantStatus(t, resp, body, 403, "application/problem+json")
	if !strings.Contains(body, "lacks the role sync") {
		t.Errorf("403 body: %s", body)
	}
	resp, body = post("Authorization", "Bearer key-sync-gmina")
	wantStatus(t, resp, body, 200, "")
	resp, body = do(t, http.MethodPost, ts.URL+"/sync/county/push", strings.NewReader("{}"), "Authorization", "Bearer key-sync-gmina")
	wantStatus(t, resp, body, 403, "application/problem+json")
	if !strings.Contains(body, "dataset county") {
		t.Errorf("dataset restriction body: %s", body)
	}
	resp, body = do(t, http.MethodPost, ts.URL+"/sync/county/push", strings.NewReader("{}"), "Authorization", "Bearer key-sync-all")
	wantStatus(t, resp, body, 200, "")

	// A non-public layer: anonymous 401, sync key 403 (not a read role), editor 200.
	pt := ts.URL + "/api/datasets/county/layers/punkty/features/P.1"
	resp, body = get(t, pt)
	wantStatus(t, resp, body, 401, "application/problem+json")
	resp, body = get(t, pt, "X-API-Key", "key-sync-all")
	wantStatus(t, resp, body, 403, "application/problem+json")
	resp, body = get(t, pt, "X-API-Key", "key-editor")
	wantStatus(t, resp, body, 200, "application/geo+json")
	if resp.Header.Get("Cache-Control") != "private, no-cache" {
		t.Errorf("keyed response Cache-Control %q", resp.Header.Get("Cache-Control"))
	}
	// Errors on a WMS route come as a ServiceExceptionReport.
	resp, body = get(t, ts.URL+"/wms?SERVICE=WMS&REQUEST=GetCapabilities", "Authorization", "Bearer nope")
	wantStatus(t, resp, body, 401, "text/xml")
	if !strings.Contains(body, "<ServiceExceptionReport") {
		t.Errorf("wms 401: %s", body)
	}
}

func TestLimits(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	ts := start(t, baseConfig(t), testService{release: release})
	big := strings.Repeat("x", 4096)

	t.Run("body", func(t *testing.T) {
		resp, body := do(t, http.MethodPost, ts.URL+"/sync/gmina/push", strings.NewReader(big), "X-API-Key", "key-sync-all")
		wantStatus(t, resp, body, 413, "application/problem+json")
		resp, body = do(t, http.MethodPost, ts.URL+"/wfs", strings.NewReader(big))
		wantStatus(t, resp, body, 413, "application/xml")
		if !strings.Contains(body, "ows:ExceptionReport") || !strings.Contains(body, "4096 bytes") {
			t.Errorf("wfs 413: %s", body)
		}
		resp, body = do(t, http.MethodPost, ts.URL+"/uldk", strings.NewReader(big))
		wantStatus(t, resp, body, 413, "text/plain")
		if !strings.HasPrefix(body, "-1 ") {
			t.Errorf("uldk 413: %s", body)
		}
		// A chunked body (no Content-Length) is cut by MaxBytesReader.
		pr, pw := io.Pipe()
		go func() { pw.Write([]byte(big)); pw.Close() }()
		resp, body = do(t, http.MethodPost, ts.URL+"/sync/gmina/push", pr, "X-API-Key", "key-sync-all")
		wantStatus(t, resp, body, 413, "application/problem+json")
	})

	t.Run("rate", func(t *testing.T) {
		var last *http.Response
		var lastBody string
		for range 4 {
			last, lastBody = get(t, ts.URL+"/uldk/expensive")
		}
		wantStatus(t, last, lastBody, 429, "text/plain")
		if ra := last.Header.Get("Retry-After"); ra == "" || ra == "0" {
			t.Errorf("Retry-After %q", ra)
		}
		if !strings.HasPrefix(lastBody, "-1 ") {
			t.Errorf("uldk 429 body %q", lastBody)
		}
		// Cheap routes are not limited.
		resp, body := get(t, ts.URL+"/healthz")
		wantStatus(t, resp, body, 200, "")
	})

	t.Run("timeout", func(t *testing.T) {
		t0 := time.Now()
		resp, body := get(t, ts.URL+"/wms/stuck")
		wantStatus(t, resp, body, 503, "text/xml")
		if !strings.Contains(body, `code="Timeout"`) || resp.Header.Get("Retry-After") == "" {
			t.Errorf("timeout: %s", body)
		}
		if time.Since(t0) > 3*time.Second {
			t.Errorf("timeout answered after %v", time.Since(t0))
		}
		if !resp.Close {
			t.Errorf("the connection of a timed-out request stays open (its handler still runs)")
		}
	})

	t.Run("timeout after the response started", func(t *testing.T) {
		t0 := time.Now()
		tr := &http.Transport{DisableCompression: true}
		defer tr.CloseIdleConnections()
		resp, err := (&http.Client{Transport: tr, Timeout: 10 * time.Second}).Get(ts.URL + "/wms/stuck-streaming")
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err == nil {
			t.Errorf("a cut response read as whole: %q", body)
		}
		if time.Since(t0) > 3*time.Second {
			t.Errorf("connection cut after %v", time.Since(t0))
		}
	})
}

func TestUnmountedAndUnknown(t *testing.T) {
	ts := start(t, baseConfig(t))
	for _, tc := range []struct {
		path, ct, contains string
		status             int
	}{
		{"/wms?SERVICE=WMS&REQUEST=GetCapabilities", "text/xml", `code="OperationNotSupported"`, 501},
		{"/ows?service=WFS", "application/xml", `exceptionCode="OperationNotSupported"`, 501},
		{"/ows?service=WMS", "text/xml", "ServiceExceptionReport", 501},
		{"/ogc/collections", "application/problem+json", `"status":501`, 501},
		{"/tiles/county/0/0/0.mvt", "application/problem+json", "tiles", 501},
		{"/uldk?request=GetParcelById&id=x", "text/plain", "-1 ", 501},
		{"/download/x", "application/problem+json", "download", 501},
		{"/api/nope", "application/problem+json", `"status":404`, 404},
		{"/nope", "text/html", "404", 404},
	} {
		resp, body := get(t, ts.URL+tc.path)
		wantStatus(t, resp, body, tc.status, tc.ct)
		if !strings.Contains(body, tc.contains) {
			t.Errorf("%s: body lacks %q:\n%s", tc.path, tc.contains, body)
		}
	}
	resp, body := do(t, http.MethodDelete, ts.URL+"/api/datasets", nil)
	wantStatus(t, resp, body, 405, "application/problem+json")

	// An unclean path is redirected to its clean form with the query kept, and
	// an encoded '/' in an id stays encoded.
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for path, want := range map[string]string{
		"/api//datasets/./county?f=json":                                 "/api/datasets/county?f=json",
		"/api/datasets/x/../county/layers/dzialki/features/1.0001.1%2F4": "/api/datasets/county/layers/dzialki/features/1.0001.1%2F4",
	} {
		req, _ := http.NewRequest(http.MethodGet, ts.URL+path, nil)
		req.URL.RawPath = strings.SplitN(path, "?", 2)[0] // as sent, not re-cleaned by the client
		resp, err := noFollow.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != want {
			t.Errorf("%s: %d Location %q, want 301 %q", path, resp.StatusCode, resp.Header.Get("Location"), want)
		}
	}
}

// TestUnknownUnderMountedPrefix: once a service mounts a route under a
// prefix, a path under it that no route takes is an unknown resource (404 in
// the family's format), not a missing service (501); prefixes nothing mounted
// still answer 501, and /ows, which dispatches on SERVICE, names the missing
// service.
func TestUnknownUnderMountedPrefix(t *testing.T) {
	mount := mountFunc(func(r *mux.Router, h *Host) {
		r.Handle("/ogc/known", answer("known"))
		r.Handle("/wfs", answer("wfs"))
		r.Handle("/ows", answer("wfs")).MatcherFunc(func(r *http.Request, _ *mux.RouteMatch) bool {
			return r.URL.Query().Get("service") == "WFS"
		})
	})
	ts := start(t, baseConfig(t), mount)
	for _, tc := range []struct {
		path, ct, contains string
		status             int
	}{
		{"/ogc/known", "", "known", 200},
		{"/ogc/foo", "application/problem+json", `"status":404`, 404},
		{"/ogc", "application/problem+json", `"status":404`, 404},
		{"/wfs/foo", "application/xml", `exceptionCode="NotFound"`, 404},
		{"/ows?service=WFS", "", "wfs", 200},
		{"/ows?service=WMS", "text/xml", `code="OperationNotSupported"`, 501},
		{"/ows/foo", "text/xml", `code="NotFound"`, 404},
		{"/tiles", "application/problem+json", `"status":501`, 501},
		{"/tiles/x/0/0/0.mvt", "application/problem+json", `"status":501`, 501},
	} {
		resp, body := get(t, ts.URL+tc.path)
		wantStatus(t, resp, body, tc.status, tc.ct)
		if !strings.Contains(body, tc.contains) {
			t.Errorf("%s: body lacks %q:\n%s", tc.path, tc.contains, body)
		}
	}
}

func TestRequestIDAndMetrics(t *testing.T) {
	ts := start(t, baseConfig(t))
	resp, _ := get(t, ts.URL+"/healthz", "X-Request-Id", "abc-123")
	if resp.Header.Get("X-Request-Id") != "abc-123" {
		t.Errorf("request id not echoed: %q", resp.Header.Get("X-Request-Id"))
	}
	resp, _ = get(t, ts.URL+"/healthz", "X-Request-Id", "bad id")
	if id := resp.Header.Get("X-Request-Id"); len(id) != 16 {
		t.Errorf("generated id %q", id)
	}
	// Without one sent, a success does without the header; an error carries a
	// generated id, in the header and in the problem body.
	resp, _ = get(t, ts.URL+"/healthz")
	if id, ok := resp.Header["X-Request-Id"]; ok {
		t.Errorf("X-Request-Id %q on a success the client sent no id for", id)
	}
	resp, body := get(t, ts.URL+"/api/nope")
	if id := resp.Header.Get("X-Request-Id"); len(id) != 16 || !strings.Contains(body, `"request_id":"`+id+`"`) {
		t.Errorf("404: X-Request-Id %q, body %s", id, body)
	}
	get(t, ts.URL+"/api/datasets/county/layers/dzialki/features/100301_1.0001.1%2F4")
	resp, body = get(t, ts.URL+"/metrics", "X-API-Key", "key-metrics")
	wantStatus(t, resp, body, 200, "text/plain; version=0.0.4")
	for _, want := range []string{
		`sip_http_requests_total{service="healthz",code="200"} 3`,
		`sip_http_request_duration_seconds_count{service="api",layer="dzialki"} 1`,
		`sip_index_objects{dataset="county",layer="dzialki"} 200`,
		`sip_dataset_revision{dataset="gmina"}`,
		`# TYPE sip_http_request_duration_seconds histogram`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	resp, body = get(t, ts.URL+"/readyz")
	wantStatus(t, resp, body, 200, "text/plain")
}

func decode(t *testing.T, enc string, body []byte) []byte {
	t.Helper()
	var r io.Reader
	switch enc {
	case "gzip":
		z, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		r = z
	case "zstd":
		z, err := zstd.NewReader(bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer z.Close()
		r = z
	default:
		return body
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestCompressionAndETag(t *testing.T) {
	ts := start(t, baseConfig(t), testService{})
	u := ts.URL + "/api/datasets/gmina" // every layer published: over the compression threshold
	plainResp, plain := get(t, u)
	if plainResp.Header.Get("Content-Encoding") != "" {
		t.Fatal("compressed without Accept-Encoding")
	}
	etag := plainResp.Header.Get("ETag")
	if !strings.HasPrefix(etag, `"`) || plainResp.Header.Get("Cache-Control") != "public, no-cache" {
		t.Fatalf("ETag %q Cache-Control %q", etag, plainResp.Header.Get("Cache-Control"))
	}
	// A public answer varies with the key headers, so that a shared cache
	// never hands it to a key holder, who may read more.
	if v := strings.Join(plainResp.Header.Values("Vary"), ", "); !strings.Contains(v, "Authorization") || !strings.Contains(v, "X-API-Key") {
		t.Errorf("public response Vary %q: want Authorization and X-API-Key", v)
	}
	if len(plain) < minCompressSize {
		t.Fatalf("dataset response too small (%d) to test compression", len(plain))
	}
	for _, tc := range []struct{ accept, enc string }{
		{"gzip, deflate, br", "gzip"}, {"zstd", "zstd"}, {"gzip;q=0.5, zstd", "zstd"},
		{"zstd;q=0, gzip", "gzip"}, {"identity", ""}, {"*", "gzip"},
	} {
		resp, body := get(t, u, "Accept-Encoding", tc.accept)
		if got := resp.Header.Get("Content-Encoding"); got != tc.enc {
			t.Errorf("Accept-Encoding %q: Content-Encoding %q, want %q", tc.accept, got, tc.enc)
			continue
		}
		if !strings.Contains(strings.Join(resp.Header.Values("Vary"), ","), "Accept-Encoding") {
			t.Errorf("no Vary: Accept-Encoding")
		}
		if got := decode(t, tc.enc, []byte(body)); string(got) != plain {
			t.Errorf("%s: decoded body differs", tc.enc)
		}
		tag := resp.Header.Get("ETag")
		if tc.enc != "" && tag != strings.TrimSuffix(etag, `"`)+"-"+tc.enc+`"` {
			t.Errorf("%s ETag %q (identity %q)", tc.enc, tag, etag)
		}
		// Revalidation with the representation's own tag gives 304.
		resp, body = get(t, u, "Accept-Encoding", tc.accept, "If-None-Match", tag)
		wantStatus(t, resp, body, 304, "")
		if body != "" || resp.Header.Get("ETag") != tag {
			t.Errorf("304: body %q ETag %q want %q", body, resp.Header.Get("ETag"), tag)
		}
	}
	resp, body := get(t, u, "If-None-Match", `"something-else"`)
	wantStatus(t, resp, body, 200, "")

	// Small responses and pre-encoded ones are passed through; one of known
	// size under the threshold does not vary with Accept-Encoding.
	resp, _ = get(t, ts.URL+"/healthz", "Accept-Encoding", "gzip")
	if resp.Header.Get("Content-Encoding") != "" {
		t.Error("compressed a 3-byte body")
	}
	if v := strings.Join(resp.Header.Values("Vary"), ","); strings.Contains(v, "Accept-Encoding") {
		t.Errorf("Vary %q on a response never compressed", v)
	}
	// Without Accept-Encoding, a response that could be compressed still
	// says that it varies.
	if !strings.Contains(strings.Join(plainResp.Header.Values("Vary"), ","), "Accept-Encoding") {
		t.Errorf("uncompressed dataset response without Vary: Accept-Encoding")
	}
	resp, body = get(t, ts.URL+"/tiles/pre", "Accept-Encoding", "gzip, zstd")
	if resp.Header.Get("Content-Encoding") != "gzip" || !strings.HasPrefix(body, "\x1f\x8b pretend") {
		t.Errorf("pre-encoded body re-encoded: %q %q", resp.Header.Get("Content-Encoding"), body[:10])
	}
	// Feature responses get an ETag too.
	fu := ts.URL + "/api/datasets/county/layers/dzialki/features/100301_1.0001.5%2F4"
	resp, _ = get(t, fu)
	resp, body = get(t, fu, "If-None-Match", resp.Header.Get("ETag"))
	wantStatus(t, resp, body, 304, "")
}

func TestCORS(t *testing.T) {
	ts := start(t, baseConfig(t))
	resp, body := do(t, http.MethodOptions, ts.URL+"/api/datasets/county", nil,
		"Origin", "https://viewer.example", "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization")
	wantStatus(t, resp, body, 204, "")
	if resp.Header.Get("Access-Control-Allow-Origin") != "https://viewer.example" ||
		!strings.Contains(resp.Header.Get("Access-Control-Allow-Headers"), "Authorization") ||
		resp.Header.Get("Access-Control-Max-Age") != "600" {
		t.Errorf("preflight headers: %v", resp.Header)
	}
	resp, body = do(t, http.MethodOptions, ts.URL+"/wms", nil, "Origin", "https://evil.example", "Access-Control-Request-Method", "GET")
	wantStatus(t, resp, body, 403, "text/xml")
	if resp.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Error("disallowed origin got ACAO")
	}
	resp, _ = get(t, ts.URL+"/api/datasets", "Origin", "https://viewer.example")
	if resp.Header.Get("Access-Control-Allow-Origin") != "https://viewer.example" || !strings.Contains(resp.Header.Get("Access-Control-Expose-Headers"), "ETag") {
		t.Errorf("simple request CORS: %v", resp.Header)
	}
	if !strings.Contains(strings.Join(resp.Header.Values("Vary"), ","), "Origin") {
		t.Error("no Vary: Origin")
	}
}

// TestIndexFollowsStore writes to the store through a second handle (as an
// ingest or sync process would) and waits for the index and the API to see it,
// with the index in memory and in the store (whose cells, read before the
// write, must not answer from before it).
func TestIndexFollowsStore(t *testing.T) {
	for _, mem := range []bool{false, true} {
		t.Run(fmt.Sprintf("memory=%v", mem), func(t *testing.T) { testIndexFollowsStore(t, mem) })
	}
}

func testIndexFollowsStore(t *testing.T, mem bool) {
	cfg := baseConfig(t)
	cfg.Index.Memory = mem
	ts := start(t, cfg, testService{})
	d, _ := ts.Host().Current().Dataset("county")
	if d.Index.Memory() != mem {
		t.Fatalf("index memory %v, configured %v", d.Index.Memory(), mem)
	}
	rev0 := d.Revision()
	_, body0 := get(t, ts.URL+"/api/datasets/county")
	ix := d.Index
	search := func(b orb.Bound) []string {
		ids, err := ix.SearchIDs(bg, "dzialki", b, nil)
		if err != nil {
			t.Fatal(err)
		}
		return ids
	}
	far := orb.Bound{Min: orb.Point{699990, 699990}, Max: orb.Point{700030, 700030}}
	old := parcel(7).Geometry.Bound()
	if len(search(far)) != 0 || !slices.Contains(search(old), parcel(7).ID) { // cached cells, in store mode
		t.Fatalf("before the write: %v at the new place, %v at the old", search(far), search(old))
	}

	w, err := gpkg.Open(cfg.Datasets[0].Store)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	moved := parcel(7)
	moved.Version = "2024-01-01T00:00:00"
	moved.StartVersion = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	moved.Geometry = square(700000, 700000, 20)
	added := parcel(5000)
	gone := parcel(8)
	gone.EndVersion = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	gone.EndObject = gone.EndVersion
	putObjects(t, w, moved, added, gone)

	deadline := time.Now().Add(5 * time.Second)
	for d.Revision() == rev0 {
		if time.Now().After(deadline) {
			t.Fatal("index did not follow the store")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if ids := search(far); len(ids) != 1 || ids[0] != moved.ID {
		t.Errorf("moved parcel: %v", ids)
	}
	for _, id := range search(old) {
		if id == moved.ID || id == gone.ID {
			t.Errorf("%s still indexed at its old place", id)
		}
	}
	if n, err := ix.Count(bg, "dzialki"); n != 200 || err != nil { // +1 added, -1 ended
		t.Errorf("count %d (%v)", n, err)
	}
	// Brute force: the index agrees with the store on every current object.
	all := orb.Bound{Min: orb.Point{0, 0}, Max: orb.Point{1e7, 1e7}}
	n, err := d.Store.Count(bg, storeQuery("dzialki"))
	if err != nil || int(n) != len(search(all)) {
		t.Errorf("store count %d vs index %d (%v)", n, len(search(all)), err)
	}
	_, body1 := get(t, ts.URL+"/api/datasets/county")
	if body1 == body0 || !strings.Contains(body1, `"max"`) && !strings.Contains(body1, "700020") {
		t.Errorf("dataset summary did not change after the write:\n%s", body1)
	}
	resp, body := get(t, ts.URL+"/api/datasets/county/layers/dzialki/features/100301_1.0001.5000%2F4")
	wantStatus(t, resp, body, 200, "application/geo+json")
	resp, body = get(t, ts.URL+"/api/datasets/county/layers/dzialki/features/100301_1.0001.8%2F4")
	wantStatus(t, resp, body, 404, "application/problem+json")
}

// TestReloadInFlight swaps the datasets while slow requests run on the old ones.
func TestReloadInFlight(t *testing.T) {
	cfg := baseConfig(t)
	svc := testService{entered: new(atomic.Int32)}
	ts := start(t, cfg, svc)
	oldState := ts.Host().Current()

	var wg sync.WaitGroup
	errs := make(chan string, 40)
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, body := get(t, ts.URL+"/api/slow/county")
			if resp.StatusCode != 200 || body != "200" {
				errs <- fmt.Sprintf("in-flight request: %d %q", resp.StatusCode, body)
			}
		}()
	}
	svc.waitEntered(t, 20) // the requests are running
	dir := t.TempDir()
	next := *cfg
	next.Datasets = []config.Dataset{{Name: "county", Store: makeStore(t, dir, "county2", 50)}, {Name: "third", Store: makeStore(t, dir, "third", 5)}}
	if err := ts.Reload(&next); err != nil {
		t.Fatal(err)
	}
	// New requests see the new state at once.
	resp, body := get(t, ts.URL+"/api/datasets/third")
	wantStatus(t, resp, body, 200, "application/json")
	resp, body = get(t, ts.URL+"/api/datasets/gmina")
	wantStatus(t, resp, body, 404, "")
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	resp, body = get(t, ts.URL+"/api/slow/county")
	if body != "50" {
		t.Errorf("after reload: %d %q", resp.StatusCode, body)
	}
	// The old stores are closed once the in-flight requests ended.
	deadline := time.Now().Add(2 * time.Second)
	for {
		oldState.mu.RLock()
		closed := oldState.closed
		oldState.mu.RUnlock()
		if closed {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("old store still open after reload")
		}
		time.Sleep(20 * time.Millisecond)
	}
	// A failing reload keeps the running state.
	bad := next
	bad.Datasets = []config.Dataset{{Name: "x", Store: filepath.Join(dir, "missing.gpkg")}}
	if err := ts.Reload(&bad); err == nil {
		t.Fatal("reload with a missing store succeeded")
	}
	resp, body = get(t, ts.URL+"/api/datasets/third")
	wantStatus(t, resp, body, 200, "")
}

// TestGracefulShutdown shuts down under load: every in-flight request completes.
func TestGracefulShutdown(t *testing.T) {
	svc := testService{entered: new(atomic.Int32)}
	ts := start(t, baseConfig(t), svc)
	var wg sync.WaitGroup
	var mu sync.Mutex
	ok := 0
	for range 30 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := http.Get(ts.URL + "/api/slow/county")
			if err != nil {
				t.Errorf("in-flight request failed: %v", err)
				return
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == 200 && string(b) == "200" {
				mu.Lock()
				ok++
				mu.Unlock()
			}
		}()
	}
	svc.waitEntered(t, 30)
	t0 := time.Now()
	ctx, cancel := contextWithTimeout(5 * time.Second)
	defer cancel()
	if err := ts.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	if ok != 30 {
		t.Errorf("%d of 30 in-flight requests completed", ok)
	}
	if d := time.Since(t0); d > 2*time.Second {
		t.Errorf("shutdown took %v", d)
	}
	if err := <-ts.done; err != nil {
		t.Errorf("Serve: %v", err)
	}
	if _, err := http.Get(ts.URL + "/healthz"); err == nil {
		t.Error("server still accepts connections")
	}
}

// Off the server's listener (the handler served in process) the timeout
// watchdog is a timer; a header set without a body reaches the response.
func TestTimeoutInProcess(t *testing.T) {
	release := make(chan struct{})
	ts := start(t, baseConfig(t), testService{release: release}, mountFunc(func(r *mux.Router, h *Host) {
		r.HandleFunc("/api/headonly", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("ETag", `"v1"`)
		})
	}))
	rec := httptest.NewRecorder()
	go func() { time.Sleep(2 * time.Second); close(release) }()
	ts.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/wms/stuck", nil))
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), `code="Timeout"`) {
		t.Errorf("stuck handler in process: %d %s", rec.Code, rec.Body)
	}
	if rec.Header().Get("X-Request-Id") == "" {
		t.Error("timeout answer without X-Request-Id")
	}

	rec = httptest.NewRecorder()
	ts.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodHead, "/api/headonly", nil))
	if rec.Code != 200 || rec.Header().Get("ETag") != `"v1"` {
		t.Errorf("header-only answer: %d ETag %q", rec.Code, rec.Header().Get("ETag"))
	}
}

// With limits.drain_delay, SIGTERM (the context ending) first turns /readyz to
// 503 while the listener still serves, with keep-alive off so that a load
// balancer keeps no idle connection to it; only after the delay does the
// listener close and RunListener return.
func TestDrainDelay(t *testing.T) {
	cfg := baseConfig(t)
	cfg.Limits.DrainDelay = config.Duration(800 * time.Millisecond)
	s, err := New(cfg, quietLogger(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	url := "http://" + ln.Addr().String()
	ctx, cancel := contextWithTimeout(time.Hour)
	done := make(chan error, 1)
	go func() { done <- s.RunListener(ctx, ln) }()
	status := func(path string) (int, bool) {
		resp, err := http.Get(url + path)
		if err != nil {
			return 0, false
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp.StatusCode, resp.Close
	}
	if code, _ := status("/readyz"); code != 200 {
		t.Fatalf("/readyz before SIGTERM: %d", code)
	}
	t0 := time.Now()
	cancel()
	for {
		code, _ := status("/readyz")
		if code == 503 {
			break
		}
		if time.Since(t0) > 500*time.Millisecond {
			t.Fatalf("/readyz answers %d after SIGTERM", code)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if code, closing := status("/api/datasets/county"); code != 200 || !closing {
		t.Errorf("while draining: %d, connection close %v; want 200 with the connection closed", code, closing)
	}
	select {
	case err := <-done:
		t.Fatalf("RunListener returned %v during the drain delay", err)
	case <-time.After(800*time.Millisecond - time.Since(t0) - 100*time.Millisecond):
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("RunListener did not return after the drain delay")
	}
	if d := time.Since(t0); d < 800*time.Millisecond {
		t.Errorf("the listener closed %s after SIGTERM, before the drain delay", d)
	}
	if code, _ := status("/healthz"); code != 0 {
		t.Errorf("after shutdown the listener still answers %d", code)
	}
}
