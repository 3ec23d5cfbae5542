package main

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"io"
	"math"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/paulmach/orb/planar"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/geo"
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/postgis/postgistest"
)

// The PostGIS end-to-end test: the same county ingested into a GeoPackage and
// into a PostGIS schema, served by two real `sip serve` processes, read by real
// clients (GDAL's WFS and OGC API drivers, image decoding of WMS maps) and
// compared; then the database goes away and comes back under the server.

// lockedBuffer collects a process's output while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// serveConfig runs `sip serve --config` on a configuration naming one dataset
// "county" with the given store; it waits for /healthz only (a store may be
// down on purpose).
func serveConfig(t *testing.T, dsn string) (string, *lockedBuffer) {
	t.Helper()
	dir := t.TempDir()
	cfg := fmt.Sprintf(`datasets:
  - name: county
    title: Powiat testowy
    store: %q
auth:
  keys:
    - {name: county-sync, hash: %s, roles: [sync]}
index:
  poll_interval: 200ms
`, dsn, config.HashKey("sync-key"))
	path := filepath.Join(dir, "sip.yaml")
	if err := os.WriteFile(path, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	base, logs, _ := startServe(t, "--config", path)
	return base, logs
}

// get fetches a URL, returning the status, content type and body.
func get(t *testing.T, u string) (int, string, []byte) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Content-Type"), b
}

// waitStatus polls a URL until it answers want.
func waitStatus(t *testing.T, u string, want int, within time.Duration, logs *lockedBuffer) {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		code, _, _ := get(t, u)
		if code == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s answers %d, want %d within %s\n%s", u, code, want, within, logs.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// ogrCount is GDAL's feature count of a layer of a data source.
func ogrCount(t *testing.T, src, layer string) int {
	t.Helper()
	out, err := exec.Command("ogrinfo", "-ro", "-so", src, layer).CombinedOutput()
	if err != nil {
		t.Fatalf("ogrinfo %s %s: %v\n%s", src, layer, err, out)
	}
	m := regexp.MustCompile(`Feature Count: (\d+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("ogrinfo %s %s: no feature count\n%s", src, layer, out)
	}
	var n int
	fmt.Sscan(string(m[1]), &n)
	return n
}

func TestServePostGIS(t *testing.T) {
	c := postgistest.Need(t)
	if _, err := exec.LookPath("ogrinfo"); err != nil {
		t.Skip("ogrinfo not installed (make test installs gdal-bin)")
	}
	dir := t.TempDir()
	gml := filepath.Join(dir, "gml")
	mustSip(t, "gen", "county", "--parcels", "800", "--seed", "5", "--out", gml)
	files, _ := filepath.Glob(filepath.Join(gml, "*.gml"))
	gpkgPath := filepath.Join(dir, "county.gpkg")
	schema := c.NewSchema("powiat")
	dsn := c.URL(schema)
	mustSip(t, append([]string{"ingest", "--store", gpkgPath, "--name", "county"}, files...)...)
	out := mustSip(t, append([]string{"ingest", "--store", c.DSN(schema), "--name", "county"}, files...)...)
	if strings.Contains(out, postgistest.Password) {
		t.Fatalf("sip ingest printed the password:\n%s", out)
	}
	// A second ingest into PostGIS changes nothing.
	if out := mustSip(t, append([]string{"ingest", "--store", dsn}, files...)...); !strings.Contains(out, " 0 inserted, 0 updated") {
		t.Fatalf("re-ingest into PostGIS:\n%s", out)
	}

	gBase, _ := serveConfig(t, gpkgPath)
	pBase, logs := serveConfig(t, dsn)
	waitStatus(t, pBase+"/readyz", 200, 30*time.Second, logs)
	st, err := store.OpenReadOnly(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	compareServers(t, st, gBase, pBase)
	noPassword(t, pBase, logs)
	storeFaults(t, c, pBase, logs)
	noPassword(t, pBase, logs)
}

// compareServers checks the PostGIS server answers like the GeoPackage one, and
// that real clients read the store's counts through it.
func compareServers(t *testing.T, st store.Store, gBase, pBase string) {
	t.Helper()
	ctx := context.Background()
	n, err := st.Count(ctx, store.Query{Layer: "dzialki"})
	if err != nil || n == 0 {
		t.Fatalf("store count: %d %v", n, err)
	}
	// GDAL reads the parcels through WFS 2.0 and OGC API Features.
	if got := ogrCount(t, "WFS:"+pBase+"/wfs", "ms:dzialki"); int64(got) != n {
		t.Errorf("GDAL WFS reads %d parcels, the store holds %d", got, n)
	}
	if got := ogrCount(t, "OAPIF:"+pBase+"/ogc", "dzialki"); int64(got) != n {
		t.Errorf("GDAL OGC API reads %d parcels, the store holds %d", got, n)
	}
	// A parcel to ask about, and a point inside it.
	var obj *store.Object
	st.Query(ctx, store.Query{Layer: "dzialki", Limit: 1, Offset: int(n / 2)}, func(r store.Row) error { obj = r.Object; return nil })
	c, _ := planar.CentroidArea(obj.Geometry)
	id := obj.Attrs["id_dzialki"].(string)
	b := obj.Geometry.Bound()
	wms := fmt.Sprintf("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=dzialki,budynki,numery_dzialek&STYLES=&CRS=EPSG:2180&BBOX=%f,%f,%f,%f&WIDTH=512&HEIGHT=512&FORMAT=image/png",
		b.Min[1]-300, b.Min[0]-300, b.Min[1]+400, b.Min[0]+400)
	g, p := fetchPNG(t, gBase+wms), fetchPNG(t, pBase+wms)
	if g != p {
		t.Errorf("WMS GetMap from PostGIS differs from GeoPackage in %s", g.diff(p))
	}
	x, y := mercatorTile(t, c.X(), c.Y(), 15)
	for _, path := range []string{
		"/uldk?request=GetParcelById&id=" + url.QueryEscape(id) + "&result=geom_wkt,teryt,parcel,region,commune,county&srid=2180",
		fmt.Sprintf("/uldk?request=GetParcelByXY&xy=%f,%f&result=id,parcel&srid=2180", c.X(), c.Y()),
		"/api/parcels/" + url.PathEscape(id),
		"/api/parcels/search?q=" + url.QueryEscape(obj.Attrs["numer_dzialki"].(string)),
		"/api/datasets/county/layers/dzialki/features/" + url.PathEscape(obj.ID),
		fmt.Sprintf("/ogc/collections/dzialki/items?bbox=%f,%f,%f,%f&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/2180&limit=100", b.Min[1]-200, b.Min[0]-200, b.Max[1]+200, b.Max[0]+200),
		fmt.Sprintf("/tiles/county/15/%d/%d.mvt", x, y),
		fmt.Sprintf("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=dzialki&QUERY_LAYERS=dzialki&STYLES=&CRS=EPSG:2180&BBOX=%f,%f,%f,%f&WIDTH=101&HEIGHT=101&I=50&J=50&INFO_FORMAT=text/xml",
			c.Y()-5, c.X()-5, c.Y()+5, c.X()+5),
	} {
		gc, _, gb := get(t, gBase+path)
		pc, _, pb := get(t, pBase+path)
		// Links carry each server's own address, and feature collections the time.
		gb, pb = bytes.ReplaceAll(gb, []byte(gBase), []byte("BASE")), bytes.ReplaceAll(pb, []byte(pBase), []byte("BASE"))
		gb, pb = timeStamp.ReplaceAll(gb, nil), timeStamp.ReplaceAll(pb, nil)
		if gc != 200 || pc != 200 || !bytes.Equal(gb, pb) || len(pb) < 20 || bytes.Contains(pb, []byte(`"numberReturned":0`)) {
			t.Errorf("%s: GeoPackage %d (%d bytes), PostGIS %d (%d bytes)\n%.300s\n%.300s", path, gc, len(gb), pc, len(pb), gb, pb)
		}
	}
	if code, _, body := get(t, pBase+"/uldk?request=GetParcelById&id="+url.QueryEscape(id)+"&result=parcel"); code != 200 || !strings.Contains(string(body), obj.Attrs["numer_dzialki"].(string)) {
		t.Errorf("ULDK from PostGIS: %d %s", code, body)
	}
	// The sync source serves a snapshot from PostGIS.
	req, _ := http.NewRequest("GET", pBase+"/sync/county/snapshot", nil)
	req.Header.Set("Authorization", "Bearer sync-key")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || len(body) < 1000 {
		t.Errorf("sync snapshot from PostGIS: %d, %d bytes", resp.StatusCode, len(body))
	}
}

var timeStamp = regexp.MustCompile(`"timeStamp":"[^"]*"`)

// mercatorTile is the web-mercator tile holding an EPSG:2180 point.
func mercatorTile(t *testing.T, e, n float64, z int) (int, int) {
	src, _ := geo.Lookup(2180)
	dst, _ := geo.Lookup(3857)
	tr, err := geo.NewTransform(src, dst)
	if err != nil {
		t.Fatal(err)
	}
	x, y := tr.Point(e, n)
	size := 2 * 20037508.342789244 / math.Exp2(float64(z))
	return int((x + 20037508.342789244) / size), int((20037508.342789244 - y) / size)
}

// pixels is a decoded image as RGBA bytes, comparable with ==.
type pixels string

func (a pixels) diff(b pixels) string {
	n := 0
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			n++
		}
	}
	return fmt.Sprintf("%d of %d bytes (sizes %d, %d)", n, len(a), len(a), len(b))
}

func fetchPNG(t *testing.T, u string) pixels {
	t.Helper()
	code, ct, body := get(t, u)
	if code != 200 || ct != "image/png" {
		t.Fatalf("GET %s: %d %s\n%.300s", u, code, ct, body)
	}
	img, err := png.Decode(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	r := img.Bounds()
	painted := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, ca := img.At(x, y).RGBA()
			out.Write([]byte{byte(cr >> 8), byte(cg >> 8), byte(cb >> 8), byte(ca >> 8)})
			if cr != cg || cg != cb {
				painted++
			}
		}
	}
	if painted < 100 {
		t.Fatalf("GetMap %s drew almost nothing (%d coloured pixels)", u, painted)
	}
	return pixels(out.String())
}

// noPassword checks the logs, /metrics and the capabilities for the DSN's password.
func noPassword(t *testing.T, base string, logs *lockedBuffer) {
	t.Helper()
	for _, path := range []string{"/metrics", "/wms?SERVICE=WMS&REQUEST=GetCapabilities", "/wfs?SERVICE=WFS&REQUEST=GetCapabilities",
		"/ogc/collections", "/api/datasets/county", "/datasets", "/readyz"} {
		_, _, body := get(t, base+path)
		if bytes.Contains(body, []byte(postgistest.Password)) {
			t.Errorf("%s shows the DSN's password", path)
		}
	}
	if strings.Contains(logs.String(), postgistest.Password) {
		t.Errorf("the server log shows the DSN's password:\n%s", logs.String())
	}
}

// storeFaults stops the database under the running server: /readyz and every
// service answer 503 in their own error format; when the database is back the
// server serves again by itself.
func storeFaults(t *testing.T, c *postgistest.Cluster, base string, logs *lockedBuffer) {
	t.Helper()
	wms := "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=dzialki&STYLES=&CRS=EPSG:2180&BBOX=400000,400000,401000,401000&WIDTH=256&HEIGHT=256&FORMAT=image/png"
	if code, _, _ := get(t, base+wms); code != 200 {
		t.Fatalf("GetMap before the fault: %d", code)
	}
	if err := c.StopServer(); err != nil {
		t.Fatal(err)
	}
	restarted := false
	defer func() {
		if !restarted {
			c.StartServer()
		}
	}()
	waitStatus(t, base+"/readyz", 503, 15*time.Second, logs)
	checkUnavailable(t, base, wms)
	if code, _, _ := get(t, base+"/healthz"); code != 200 {
		t.Errorf("/healthz answers %d while the database is down (the process is alive)", code)
	}
	if err := c.StartServer(); err != nil {
		t.Fatal(err)
	}
	restarted = true
	waitStatus(t, base+"/readyz", 200, 30*time.Second, logs)
	if code, ct, _ := get(t, base+wms); code != 200 || ct != "image/png" {
		t.Fatalf("GetMap after the database returned: %d %s", code, ct)
	}
}

// checkUnavailable asks every service while the store is down: 503, in the
// protocol's own format, with Retry-After, quickly.
func checkUnavailable(t *testing.T, base, wms string) {
	t.Helper()
	for _, c := range []struct{ path, ctype, marker string }{
		{wms, "text/xml", "ServiceExceptionReport"},
		{"/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:dzialki&COUNT=5", "application/xml", "ExceptionReport"},
		{"/ogc/collections/dzialki/items?limit=5", "application/problem+json", `"status":503`},
		{"/tiles/county/14/9000/5400.mvt", "application/problem+json", `"status":503`},
		{"/uldk?request=GetParcelById&id=100301_4.0001.1&result=parcel", "text/plain", ""},
		{"/api/parcels/search?q=1", "application/problem+json", `"status":503`},
		{"/api/datasets/county", "application/problem+json", `"status":503`},
	} {
		t0 := time.Now()
		resp, err := http.Get(base + c.path)
		if err != nil {
			t.Fatalf("%s: %v", c.path, err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 503 || !strings.HasPrefix(resp.Header.Get("Content-Type"), c.ctype) || !strings.Contains(string(body), c.marker) ||
			resp.Header.Get("Retry-After") == "" || time.Since(t0) > 5*time.Second {
			t.Errorf("%s with the database down: %d %s Retry-After=%q in %s\n%s", c.path, resp.StatusCode, resp.Header.Get("Content-Type"),
				resp.Header.Get("Retry-After"), time.Since(t0), body)
		}
	}
}

// smallCounty ingests a generated 100-parcel county (the seed given) into a new
// schema named after prefix; it returns the schema and the test's folder.
func smallCounty(t *testing.T, c *postgistest.Cluster, prefix, seed string) (string, string) {
	t.Helper()
	schema := c.NewSchema(prefix)
	dir := t.TempDir()
	gml := filepath.Join(dir, "gml")
	mustSip(t, "gen", "county", "--parcels", "100", "--seed", seed, "--out", gml)
	files, _ := filepath.Glob(filepath.Join(gml, "*.gml"))
	mustSip(t, append([]string{"ingest", "--store", c.URL(schema), "--name", "county"}, files...)...)
	return schema, dir
}

// TestServeStartsWithoutDatabase: a server started while its database is down
// runs, answers 503 and /readyz false, and serves once the database is up.
func TestServeStartsWithoutDatabase(t *testing.T) {
	c := postgistest.Need(t)
	schema, dir := smallCounty(t, c, "early", "2")
	if err := c.StopServer(); err != nil {
		t.Fatal(err)
	}
	started := false
	defer func() {
		if !started {
			c.StartServer()
		}
	}()
	// sip serve --check refuses at once: the store cannot be opened.
	cfg := filepath.Join(dir, "check.yaml")
	os.WriteFile(cfg, []byte(fmt.Sprintf("datasets:\n  - name: county\n    store: %q\n", c.URL(schema))), 0o600)
	out, err := sip(t, "serve", "--config", cfg, "--check")
	if err == nil || strings.Contains(out, postgistest.Password) {
		t.Fatalf("serve --check with the database down: %v\n%s", err, out)
	}
	base, logs := serveConfig(t, c.URL(schema))
	waitStatus(t, base+"/readyz", 503, 5*time.Second, logs)
	checkUnavailable(t, base, "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=dzialki&STYLES=&CRS=EPSG:2180&BBOX=400000,400000,401000,401000&WIDTH=256&HEIGHT=256&FORMAT=image/png")
	if err := c.StartServer(); err != nil {
		t.Fatal(err)
	}
	started = true
	waitStatus(t, base+"/readyz", 200, 40*time.Second, logs)
	if code, _, body := get(t, base+"/api/datasets/county"); code != 200 || !strings.Contains(string(body), `"dzialki"`) {
		t.Fatalf("after the database came up: %d %s", code, body)
	}
	noPassword(t, base, logs)
}

// TestServeStoreLostBetweenPolls: requests that meet the database gone before
// the server's own poll has marked the store down (here it polls once an hour)
// answer 503 with Retry-After in their protocol's format, as they do once the
// store is marked down, not 500: a load balancer retries a 503 elsewhere, and
// a restart of the database under load otherwise turns into server errors.
func TestServeStoreLostBetweenPolls(t *testing.T) {
	c := postgistest.Need(t)
	schema, dir := smallCounty(t, c, "between", "3")
	cfg := filepath.Join(dir, "sip.yaml")
	os.WriteFile(cfg, []byte(fmt.Sprintf("datasets:\n  - name: county\n    store: %q\nindex:\n  poll_interval: 1h\n", c.URL(schema))), 0o600)
	base, logs, _ := startServe(t, "--config", cfg)
	waitStatus(t, base+"/readyz", 200, 30*time.Second, logs)
	wms := "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=dzialki,budynki&STYLES=&CRS=EPSG:2180&BBOX=%d,400000,%d,401000&WIDTH=256&HEIGHT=256&FORMAT=image/png"
	if code, _, body := get(t, base+fmt.Sprintf(wms, 400000, 401000)); code != 200 {
		t.Fatalf("GetMap before the fault: %d %s", code, body)
	}
	if err := c.StopServer(); err != nil {
		t.Fatal(err)
	}
	defer c.StartServer()
	for _, q := range []struct{ path, ctype, marker string }{
		{fmt.Sprintf(wms, 401000, 402000), "text/xml", "ServiceExceptionReport"},
		{"/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:dzialki&COUNT=7", "application/xml", "ExceptionReport"},
		{"/ogc/collections/dzialki/items?limit=7", "application/problem+json", `"status":503`},
	} {
		resp, err := http.Get(base + q.path)
		if err != nil {
			t.Fatalf("%s: %v", q.path, err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 503 || !strings.HasPrefix(resp.Header.Get("Content-Type"), q.ctype) || !strings.Contains(string(body), q.marker) ||
			resp.Header.Get("Retry-After") == "" {
			t.Errorf("%s with the database just gone: %d %s Retry-After=%q\n%s", q.path, resp.StatusCode, resp.Header.Get("Content-Type"),
				resp.Header.Get("Retry-After"), body)
		}
	}
}
