package tiles

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/server"
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/wms"
)

type testServer struct {
	URL string
	srv *server.Server
	svc *Service
}

func startServer(t *testing.T, storePath string) *testServer {
	t.Helper()
	srv, svc, url := runServer(t, fmt.Sprintf(`
datasets:
  - name: county
    store: %s
index:
  poll_interval: 50ms
`, storePath))
	return &testServer{URL: url, srv: srv, svc: svc}
}

// runServer runs the tiles service and the WMS (which draws the WMTS tiles)
// on a configuration, on loopback, until the test ends.
func runServer(t testing.TB, yaml string) (*server.Server, *Service, string) {
	t.Helper()
	svc := NewService()
	s, url := serve(t, yaml, server.Options{Services: []server.Service{svc, wms.New()}, NoRegistered: true})
	return s, svc, url
}

// serve runs a server with the given services on a configuration, on
// loopback, until the test ends.
func serve(t testing.TB, yaml string, opts server.Options) (*server.Server, string) {
	t.Helper()
	cfg, err := config.Parse([]byte(yaml), "")
	if err != nil {
		t.Fatal(err)
	}
	s, err := server.New(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), opts)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go s.Serve(ln)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(bg, 5*time.Second)
		defer cancel()
		s.Shutdown(ctx)
	})
	return s, "http://" + ln.Addr().String()
}

func get(t *testing.T, url string, hdr ...string) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	tr := &http.Transport{DisableCompression: true}
	defer tr.CloseIdleConnections()
	resp, err := (&http.Client{Transport: tr, Timeout: 30 * time.Second}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

// TestServe: pre-built and dynamic tiles, TileJSON, errors, caching headers.
func TestServe(t *testing.T) {
	dir := t.TempDir()
	sp := copyCounty(t, dir)
	// A build beside the store is served as the tileset county-pmtiles.
	src, _ := built(t, "county.pmtiles")
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	pm := filepath.Join(dir, "county.pmtiles")
	os.WriteFile(pm, b, 0o644)
	builtTiles := allTiles(t, pm)
	ts := startServer(t, sp)

	// TileJSON 3.0.0 of the dynamic tileset.
	resp, body := get(t, ts.URL+"/tiles/county.json")
	var tj struct {
		TileJSON     string        `json:"tilejson"`
		Tiles        []string      `json:"tiles"`
		Bounds       []float64     `json:"bounds"`
		VectorLayers []VectorLayer `json:"vector_layers"`
	}
	if resp.StatusCode != 200 || json.Unmarshal(body, &tj) != nil || tj.TileJSON != "3.0.0" || len(tj.Tiles) != 1 ||
		!strings.HasSuffix(tj.Tiles[0], "/tiles/county/{z}/{x}/{y}.mvt") || len(tj.VectorLayers) != len(cadastreLayers) || tj.Bounds[0] >= tj.Bounds[2] {
		t.Fatalf("tilejson %d %s", resp.StatusCode, body)
	}
	resp, body = get(t, ts.URL+"/tiles/county-pmtiles.json")
	if resp.StatusCode != 200 || !bytes.Contains(body, []byte(`"minzoom": 10`)) {
		t.Fatalf("pmtiles tilejson %d %s", resp.StatusCode, body)
	}

	// Every zoom of the build (the per-layer minimum zooms, the sub-pixel drop
	// and the size budget apply below the maximum zoom): up to 2 tiles each.
	perZoom := map[int]int{}
	for k, want := range builtTiles {
		if perZoom[k.Z] >= 2 {
			continue
		}
		perZoom[k.Z]++
		path := fmt.Sprintf("/%d/%d/%d.mvt", k.Z, k.X, k.Y)
		// Pre-built bytes passed through as stored (gzip).
		resp, got := get(t, ts.URL+"/tiles/county-pmtiles"+path, "Accept-Encoding", "gzip")
		if resp.StatusCode != 200 || resp.Header.Get("Content-Encoding") != "gzip" || resp.Header.Get("Content-Type") != MediaType || !bytes.Equal(got, want) {
			t.Fatalf("pre-built %s: %d %v, %d bytes", path, resp.StatusCode, resp.Header, len(got))
		}
		if resp.Header.Get("Access-Control-Allow-Origin") != "*" {
			t.Errorf("no CORS header on a public tile")
		}
		etag := resp.Header.Get("ETag")
		if r2, _ := get(t, ts.URL+"/tiles/county-pmtiles"+path, "Accept-Encoding", "gzip", "If-None-Match", etag); etag == "" || r2.StatusCode != 304 {
			t.Fatalf("If-None-Match %q: %d", etag, r2.StatusCode)
		}
		// The dynamic tile is the same tile: same renderer, same source data (the
		// MVT bytes are identical; only the gzip level differs).
		zr, _ := gzip.NewReader(bytes.NewReader(want))
		raw, _ := io.ReadAll(zr)
		resp, dyn := get(t, ts.URL+"/tiles/county"+path, "Accept-Encoding", "gzip")
		zd, err := gzip.NewReader(bytes.NewReader(dyn))
		if err != nil {
			t.Fatalf("dynamic %s: %d, not gzip: %v", path, resp.StatusCode, err)
		}
		dynRaw, _ := io.ReadAll(zd)
		if resp.StatusCode != 200 || !bytes.Equal(dynRaw, raw) {
			t.Fatalf("dynamic %s differs from the built tile (%d, %d vs %d bytes)", path, resp.StatusCode, len(dynRaw), len(raw))
		}
		// A client without gzip gets the plain protobuf.
		resp, plain := get(t, ts.URL+"/tiles/county"+path)
		if resp.StatusCode != 200 || resp.Header.Get("Content-Encoding") == "gzip" || !bytes.Equal(plain, raw) {
			t.Fatalf("identity %s: %d %q", path, resp.StatusCode, resp.Header.Get("Content-Encoding"))
		}
	}
	if len(perZoom) != 7 {
		t.Fatalf("compared the zooms %v, want 10..16", perZoom)
	}

	// Errors: unknown tileset 404, bad addresses 400, outside data 204, outside
	// the built zooms 404 — each as problem+json.
	for _, c := range []struct {
		path string
		code int
	}{
		{"/tiles/nope/14/0/0.mvt", 404},
		{"/tiles/nope.json", 404},
		{"/tiles/county/14/99999/0.mvt", 400},
		{"/tiles/county/25/0/0.mvt", 400},
		{"/tiles/county/abc/0/0.mvt", 400},
		{"/tiles/county/-1/0/0.mvt", 400},
		{"/tiles/county/14/0/0.mvt", 204},
		{"/tiles/county-pmtiles/14/0/0.mvt", 204},
		{"/tiles/county-pmtiles/9/0/0.mvt", 404},
		{"/tiles/county/nogrid/1/0/0.mvt", 404},
	} {
		resp, body := get(t, ts.URL+c.path)
		if resp.StatusCode != c.code {
			t.Errorf("%s: %d, want %d: %s", c.path, resp.StatusCode, c.code, body)
		}
		if c.code >= 400 && !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/problem+json") {
			t.Errorf("%s: error as %s", c.path, resp.Header.Get("Content-Type"))
		}
	}
}

// TestOGCTiles: tile matrix sets, OGC API tiles on both grids.
func TestOGCTiles(t *testing.T) {
	dir := t.TempDir()
	sp := copyCounty(t, dir)
	ts := startServer(t, sp)
	resp, body := get(t, ts.URL+"/ogc/tileMatrixSets")
	if resp.StatusCode != 200 || !bytes.Contains(body, []byte(`"WebMercatorQuad"`)) || !bytes.Contains(body, []byte(`"PL-1992"`)) {
		t.Fatalf("tileMatrixSets %d %s", resp.StatusCode, body)
	}
	resp, body = get(t, ts.URL+"/ogc/tileMatrixSets/PL-1992")
	var tms struct {
		CRS          string   `json:"crs"`
		OrderedAxes  []string `json:"orderedAxes"`
		TileMatrices []struct {
			ID            string    `json:"id"`
			CellSize      float64   `json:"cellSize"`
			PointOfOrigin []float64 `json:"pointOfOrigin"`
			MatrixWidth   int       `json:"matrixWidth"`
		} `json:"tileMatrices"`
	}
	if err := json.Unmarshal(body, &tms); err != nil || tms.CRS != "http://www.opengis.net/def/crs/EPSG/0/2180" || tms.OrderedAxes[0] != "N" {
		t.Fatalf("PL-1992 %s %v", body, err)
	}
	if m := tms.TileMatrices[16]; m.CellSize != 1.5625 || m.PointOfOrigin[0] != 850000 || m.PointOfOrigin[1] != 100000 || m.MatrixWidth != 65536 {
		t.Errorf("PL-1992 matrix 16: %+v", m)
	}
	// The collection's PL-1992 tileset lists limits; fetch a tile inside them
	// and compare with a local render of that layer.
	resp, body = get(t, ts.URL+"/ogc/collections/dzialki/tiles/PL-1992")
	var tsDoc struct {
		Limits []struct {
			TileMatrix             string
			MinTileRow, MinTileCol int
			MaxTileRow, MaxTileCol int
		} `json:"tileMatrixSetLimits"`
	}
	if err := json.Unmarshal(body, &tsDoc); err != nil || len(tsDoc.Limits) == 0 {
		t.Fatalf("tileset %d %s", resp.StatusCode, body)
	}
	var lim = tsDoc.Limits[15]
	if lim.TileMatrix != "15" {
		t.Fatalf("limits %+v", tsDoc.Limits)
	}
	row, col := (lim.MinTileRow+lim.MaxTileRow)/2, (lim.MinTileCol+lim.MaxTileCol)/2
	resp, got := get(t, ts.URL+fmt.Sprintf("/ogc/collections/dzialki/tiles/PL-1992/15/%d/%d", row, col), "Accept-Encoding", "gzip")
	r := openRO(t, sp)
	l, _ := store.LayerByName(r.Layers(), "dzialki")
	want, _, err := (&Renderer{Grid: PL1992, Layers: []string{"dzialki"}, MaxZoom: DynamicFullZoom, Fast: true}).Render(bg,
		&StoreSource{R: r, Grid: PL1992, Columns: func(string) []store.Column { return l.Columns }}, 15, col, row)
	if err != nil || want == nil {
		t.Fatalf("local render: %v", err)
	}
	if resp.StatusCode != 200 || !bytes.Equal(got, want) {
		t.Fatalf("OGC tile 15/%d/%d: %d, %d bytes vs %d", row, col, resp.StatusCode, len(got), len(want))
	}
	tile, _ := DecodeTile(got)
	if len(tile.Layers) != 1 || tile.Layers[0].Name != "dzialki" {
		t.Errorf("collection tile layers %+v", tile.Layers)
	}
	if resp, _ := get(t, ts.URL+"/ogc/collections/drogi/tiles"); resp.StatusCode != 404 {
		t.Errorf("unknown collection: %d", resp.StatusCode)
	}
	// WMTS (raster tiles): wmts_test.go.
}

// TestDynamicInvalidation: a store change invalidates exactly the cached tiles
// whose area it touches; the re-rendered tile shows the change.
func TestDynamicInvalidation(t *testing.T) {
	dir := t.TempDir()
	sp := copyCounty(t, dir)
	ts := startServer(t, sp)
	r := openRO(t, sp)
	// Locate the parcel editCounty will change, and a tile far from it.
	var parcels []*store.Object
	r.Query(bg, store.Query{Layer: "dzialki", Limit: 400}, func(row store.Row) error { parcels = append(parcels, row.Object); return nil })
	target := parcels[100]
	targetKey := rowKey(t, r, "dzialki", target.ID)
	z := 16
	tb := WebMercatorQuad.ToGrid(target.Geometry.Bound())
	x, y, _, _, _ := WebMercatorQuad.TileRange(orb2(tb.Center()), z)
	near := fmt.Sprintf("%s/tiles/county/%d/%d/%d.mvt", ts.URL, z, x, y)
	ext, _, _ := r.Extent(bg, "dzialki")
	eb := WebMercatorQuad.ToGrid(ext)
	fx, fy, _, _, _ := WebMercatorQuad.TileRange(orb2(eb.Min), z)
	if fx == x && fy == y {
		t.Fatal("test layout: far tile equals near tile")
	}
	// The far tile: a corner of the data extent (tile exists if it has features; else any tile).
	far := fmt.Sprintf("%s/tiles/county/%d/%d/%d.mvt", ts.URL, z, fx, fy-0)
	_, nearBefore := get(t, near, "Accept-Encoding", "gzip")
	farResp, farBefore := get(t, far, "Accept-Encoding", "gzip")
	if len(nearBefore) == 0 {
		t.Fatal("near tile empty")
	}
	if ts.svc.cache.len() < 2 {
		t.Fatalf("cache holds %d tiles", ts.svc.cache.len())
	}
	ds := ts.srv.Host().Current().Datasets()[0]
	rev := ds.Revision()
	editCounty(t, sp)
	deadline := time.Now().Add(10 * time.Second)
	for ds.Revision() == rev && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if ds.Revision() == rev {
		t.Fatal("the index did not follow the store")
	}
	// The far tile is still cached; the near one was dropped.
	farKey := cacheKey{ds: ds.Index, grid: WebMercatorQuad, TileKey: TileKey{z, fx, fy}}
	nearKey := farKey
	nearKey.TileKey = TileKey{z, x, y}
	var farCached, nearCached bool
	for k := range ts.svc.cache.items {
		if k.TileKey == farKey.TileKey && k.grid == WebMercatorQuad {
			farCached = true
		}
		if k.TileKey == nearKey.TileKey && k.grid == WebMercatorQuad {
			nearCached = true
		}
	}
	if nearCached || (farResp.StatusCode == 200 && !farCached) {
		t.Fatalf("after the change: near cached %v, far cached %v", nearCached, farCached)
	}
	_, nearAfter := get(t, near, "Accept-Encoding", "gzip")
	if bytes.Equal(nearAfter, nearBefore) {
		t.Fatal("the changed tile was served from a stale cache")
	}
	tile, _ := DecodeTile(nearAfter)
	found := false
	for _, f := range tile.Layer(LabelLayer).Features {
		if f.ID == targetKey && f.Props["numer_dzialki"] == "999/9" {
			found = true
		}
	}
	if !found {
		t.Error("the renumbered parcel's label is not in the re-rendered tile")
	}
	if _, farAfter := get(t, far, "Accept-Encoding", "gzip"); !bytes.Equal(farAfter, farBefore) {
		t.Error("an untouched tile changed")
	}
}

func orb2(p orb.Point) orb.Bound { return orb.Bound{Min: p, Max: p} }

// TestWithFeaturesService mounts the registered services (tiles and the OGC API
// features service it links into): the routes coexist, the conformance page
// lists OGC API Tiles and the landing page links the tile matrix sets.
func TestWithFeaturesService(t *testing.T) {
	base := startFullServer(t)
	if resp, body := get(t, base+"/ogc/conformance", "Accept", "application/json"); resp.StatusCode != 200 ||
		!bytes.Contains(body, []byte("ogcapi-tiles-1/1.0/conf/mvt")) {
		t.Errorf("conformance %d %s", resp.StatusCode, body)
	}
	if resp, body := get(t, base+"/ogc", "Accept", "application/json"); resp.StatusCode != 200 || !bytes.Contains(body, []byte("tiling-schemes")) {
		t.Errorf("landing %d %s", resp.StatusCode, body)
	}
	for _, p := range []string{"/ogc/collections/dzialki", "/ogc/collections/dzialki/tiles", "/ogc/collections/dzialki/tiles/WebMercatorQuad", "/ogc/tileMatrixSets"} {
		if resp, body := get(t, base+p, "Accept", "application/json"); resp.StatusCode != 200 {
			t.Errorf("%s: %d %s", p, resp.StatusCode, body)
		}
	}
}

func TestAcceptsGzip(t *testing.T) {
	for h, want := range map[string]bool{"": false, "gzip": true, "br, gzip;q=0.5": true, "gzip;q=0": false, "*": true,
		"identity": false, "gzip;q=0, *": false, "deflate, x-gzip": true, "*;q=0": false} {
		r, _ := http.NewRequest("GET", "/", nil)
		r.Header.Set("Accept-Encoding", h)
		if acceptsGzip(r) != want {
			t.Errorf("%q: %v", h, !want)
		}
	}
}

// TestWarmFeatureCache: at start-up the service reads every feature of the
// dataset into the feature cache in the background (anonymous variant), so the
// first low-zoom tile does not read the store.
func TestWarmFeatureCache(t *testing.T) {
	sp := copyCounty(t, t.TempDir())
	r := openRO(t, sp)
	want := 0
	for _, l := range r.Layers() {
		for _, d := range DefaultLayers {
			if d == l.Name {
				want += count(t, r, l.Name)
			}
		}
	}
	ts := startServer(t, sp)
	deadline := time.Now().Add(60 * time.Second)
	for {
		n := ts.svc.feats.Stats().Features
		if n == want {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("feature cache holds %d features, want %d", n, want)
		}
		time.Sleep(20 * time.Millisecond)
	}
	// A tile now comes from cached features (same bytes as a cold render).
	resp, body := get(t, ts.URL+"/tiles/county/14/9062/5442.mvt", "Accept-Encoding", "gzip")
	if resp.StatusCode != 200 && resp.StatusCode != 204 {
		t.Fatalf("tile: %d %s", resp.StatusCode, body)
	}
}
