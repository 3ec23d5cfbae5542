package web

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/geo"
)

func get(t *testing.T, url string, hdr ...string) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	// A bare transport: no transparent gzip, so we see what the server sent.
	resp, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
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

func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// The viewer takes /, its assets are served (gzipped when asked, revalidated by
// ETag), and the dataset summary moved to /datasets.
func TestRoutes(t *testing.T) {
	base := startServer(t, config.ForStoreNamed(countyStore(t), "county"))

	resp, body := get(t, base+"/")
	if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("/: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if !bytes.Contains(body, []byte(`<script type="module" src="/assets/app.js">`)) || !bytes.Contains(body, []byte(`id="mapview"`)) {
		t.Fatalf("/ is not the viewer:\n%s", body)
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
		t.Errorf("no CSP keeping scripts on this server: %q", csp)
	}
	// Every asset the page names exists.
	for _, m := range regexp.MustCompile(`(?:src|href)="(/assets/[^"]+)"`).FindAllSubmatch(body, -1) {
		if r, _ := get(t, base+string(m[1])); r.StatusCode != 200 {
			t.Errorf("%s: %d", m[1], r.StatusCode)
		}
	}

	resp, body = get(t, base+"/datasets")
	if resp.StatusCode != 200 || !bytes.Contains(body, []byte("county")) || bytes.Contains(body, []byte(`id="mapview"`)) {
		t.Fatalf("/datasets is not the summary: %d\n%s", resp.StatusCode, body)
	}

	want, err := os.ReadFile(filepath.Join("dist", "app.js"))
	if err != nil {
		t.Fatal(err)
	}
	resp, body = get(t, base+"/assets/app.js", "Accept-Encoding", "gzip, deflate, br")
	if resp.Header.Get("Content-Encoding") != "gzip" || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/javascript") {
		t.Fatalf("app.js: encoding %q type %q", resp.Header.Get("Content-Encoding"), resp.Header.Get("Content-Type"))
	}
	if !bytes.Equal(gunzip(t, body), want) {
		t.Fatal("gzipped app.js differs from dist/app.js")
	}
	etag := resp.Header.Get("ETag")
	resp, body = get(t, base+"/assets/app.js")
	if resp.Header.Get("Content-Encoding") != "" || !bytes.Equal(body, want) {
		t.Fatalf("identity app.js: encoding %q, %d bytes (want %d)", resp.Header.Get("Content-Encoding"), len(body), len(want))
	}
	if r, _ := get(t, base+"/assets/app.js", "If-None-Match", etag); r.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match: %d, want 304", r.StatusCode)
	}
	if r, _ := get(t, base+"/assets/app.js", "Accept-Encoding", "gzip;q=0"); r.Header.Get("Content-Encoding") == "gzip" {
		t.Error("gzip;q=0 still got gzip")
	}
	for _, p := range []string{"/assets/nope.js", "/assets/../web.go", "/assets/%2e%2e/web.go", "/assets/index.html"} {
		r, b := get(t, base+p)
		// ".." is cleaned away by a redirect before any handler sees it.
		if (r.StatusCode != 404 && r.StatusCode != 301) || bytes.Contains(b, []byte("package web")) {
			t.Errorf("%s: %d, want 404 (or a redirect)\n%s", p, r.StatusCode, b)
		}
	}
	if r, _ := get(t, base+"/assets/maplibre-gl-worker.mjs"); r.StatusCode != 200 || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/javascript") {
		t.Errorf("worker: %d %s", r.StatusCode, r.Header.Get("Content-Type"))
	}
}

// /viewer/config.json gives the dataset's extent in lon/lat, agreeing with the
// store's EPSG:2180 extent through the geo package.
func TestViewerConfig(t *testing.T) {
	cfg := config.ForStoreNamed(countyStore(t), "county")
	cfg.Viewer.Background = []config.Background{
		{Name: "Orto", Type: "wms", URL: "https://example.org/wms?MAP=x", Layers: "Raster & orto"},
		{Name: "Tiles", Type: "wmts", URL: "https://example.org/wmts/{TileMatrix}/{TileCol}/{TileRow}.jpg"},
		{Name: "Bad", Type: "ftp", URL: "ftp://x"},
		{Name: "NoXYZ", Type: "xyz", URL: "https://example.org/tile.png"},
	}
	base := startServer(t, cfg)
	resp, body := get(t, base+"/viewer/config.json")
	if resp.StatusCode != 200 {
		t.Fatalf("%d %s", resp.StatusCode, body)
	}
	var out struct {
		Datasets []struct {
			Name   string
			Bounds *[4]float64
		}
		Background []background
	}
	if err := json.Unmarshal(body, &out); err != nil {
		t.Fatal(err)
	}
	if len(out.Datasets) != 1 || out.Datasets[0].Name != "county" || out.Datasets[0].Bounds == nil {
		t.Fatalf("datasets: %s", body)
	}
	b := *out.Datasets[0].Bounds
	// The synthetic county lies in central Poland (around 19° E, 51.6° N).
	if !(b[0] > 14 && b[2] < 24.2 && b[1] > 49 && b[3] < 55 && b[0] < b[2] && b[1] < b[3]) {
		t.Fatalf("bounds not lon/lat in Poland: %v", b)
	}
	tr, _ := geo.NewTransform(geo.CRS84, geo.CRS2180)
	e0, n0 := tr.Point(b[0], b[1])
	e1, n1 := tr.Point(b[2], b[3])
	if e1-e0 < 500 || n1-n0 < 500 || e1-e0 > 50000 {
		t.Fatalf("extent %v → %.0f,%.0f %.0f,%.0f m in EPSG:2180", b, e0, n0, e1, n1)
	}
	if len(out.Background) != 2 {
		t.Fatalf("backgrounds: %+v", out.Background)
	}
	wms := out.Background[0].Tiles
	for _, want := range []string{"https://example.org/wms?MAP=x&", "SRS=EPSG:3857", "BBOX={bbox-epsg-3857}", "LAYERS=Raster%20%26%20orto", "FORMAT=image/jpeg", "VERSION=1.1.1"} {
		if !strings.Contains(wms, want) {
			t.Errorf("wms template %q lacks %q", wms, want)
		}
	}
	if out.Background[1].Tiles != "https://example.org/wmts/{z}/{x}/{y}.jpg" {
		t.Errorf("wmts template %q", out.Background[1].Tiles)
	}
}

// The JavaScript shipped stays under the 1 MB gzipped budget.
func TestJavaScriptBudget(t *testing.T) {
	var total int
	for p, a := range loadAssets() {
		if strings.HasSuffix(p, ".js") || strings.HasSuffix(p, ".mjs") {
			if a.gz == nil {
				t.Fatalf("%s not precompressed", p)
			}
			total += len(a.gz)
		}
	}
	if total == 0 || total > 1<<20 {
		t.Fatalf("JavaScript shipped: %d bytes gzipped (budget 1 MiB)", total)
	}
	t.Logf("JavaScript shipped: %d bytes gzipped", total)
}

// The viewer's configuration depends on the caller's rights (the bounds cover
// the layers it may read): a key's answer is private, never one a shared cache
// may hand to the public, and a revalidation across keys is answered anew.
func TestViewerConfigPerAccess(t *testing.T) {
	yaml := fmt.Sprintf(`
datasets:
  - name: county
    store: %s
    layers:
      - {name: dzialki, public: false}
      - {name: budynki, public: false}
auth:
  keys:
    - {name: admin, hash: %s, roles: [admin]}
`, countyStore(t), config.HashKey("k-admin"))
	cfg, err := config.Parse([]byte(yaml), "")
	if err != nil {
		t.Fatal(err)
	}
	base := startServer(t, cfg)
	bounds := func(body []byte) bool {
		var out struct {
			Datasets []struct{ Bounds *[4]float64 }
		}
		if err := json.Unmarshal(body, &out); err != nil || len(out.Datasets) != 1 {
			t.Fatalf("%v: %s", err, body)
		}
		return out.Datasets[0].Bounds != nil
	}
	resp, body := get(t, base+"/viewer/config.json", "X-API-Key", "k-admin")
	if resp.StatusCode != 200 || !bounds(body) {
		t.Fatalf("admin: %d %s", resp.StatusCode, body)
	}
	if cc := resp.Header.Get("Cache-Control"); !strings.Contains(cc, "private") {
		t.Errorf("the admin's configuration is cacheable by shared caches: Cache-Control %q", cc)
	}
	adminTag := resp.Header.Get("ETag")
	resp, body = get(t, base+"/viewer/config.json", "If-None-Match", adminTag)
	if resp.StatusCode != 200 || bounds(body) {
		t.Errorf("anonymous revalidating the admin's configuration: %d, bounds of non-public layers %v", resp.StatusCode, bounds(body))
	}
	if cc := resp.Header.Get("Cache-Control"); strings.Contains(cc, "private") {
		t.Errorf("the public configuration is private: %q", cc)
	}
}
