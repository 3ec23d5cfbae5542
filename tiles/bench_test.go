package tiles

import (
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"testing"

	"github.com/sip-core/sip/index"
	"github.com/sip-core/sip/store"
)

// dataTiles lists the tiles of zoom z that hold data.
func dataTiles(b testing.TB, r store.Reader, z int) []TileKey {
	ext, _, err := r.Extent(bg, "dzialki")
	if err != nil {
		b.Fatal(err)
	}
	x0, y0, x1, y1, _ := WebMercatorQuad.TileRange(WebMercatorQuad.ToGrid(ext), z)
	var out []TileKey
	for y := y0; y <= y1; y++ {
		for x := x0; x <= x1; x++ {
			out = append(out, TileKey{z, x, y})
		}
	}
	return out
}

// benchLayers are the default tile layers the store has.
func benchLayers(b *testing.B, r store.Reader) []string {
	l, _, err := ResolveLayers(r, nil)
	if err != nil {
		b.Fatal(err)
	}
	return l
}

// BenchmarkDynamicTile renders z14–z16 tiles straight from the GeoPackage store,
// as the dynamic tile service does on a cache miss.
func BenchmarkDynamicTile(b *testing.B) {
	r := openRO(b, county(b))
	cols := map[string][]store.Column{}
	for _, l := range r.Layers() {
		cols[l.Name] = l.Columns
	}
	src := &StoreSource{R: r, Grid: WebMercatorQuad, Columns: func(l string) []store.Column { return cols[l] }, Labels: NewLabelCache(1 << 20)}
	rend := &Renderer{Grid: WebMercatorQuad, Layers: benchLayers(b, r), MaxZoom: DynamicFullZoom}
	var keys []TileKey
	for z := 14; z <= 16; z++ {
		keys = append(keys, dataTiles(b, r, z)...)
	}
	b.ResetTimer()
	i := 0
	var bytes int64
	for b.Loop() {
		k := keys[i%len(keys)]
		i++
		data, _, err := rend.Render(bg, src, k.Z, k.X, k.Y)
		if err != nil {
			b.Fatal(err)
		}
		bytes += int64(len(data))
	}
	b.ReportMetric(float64(bytes)/float64(i), "B/tile")
}

// BenchmarkBuild builds z10–z16 to PMTiles (load, render, write).
func BenchmarkBuild(b *testing.B) {
	r := openRO(b, county(b))
	out := filepath.Join(b.TempDir(), "b.pmtiles")
	for b.Loop() {
		if _, err := Build(bg, r, BuildOptions{Out: out, MinZoom: 10, MaxZoom: 16}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDynamicTileIndexed renders z14–z16 tiles as the service does: the
// dataset index finds the objects, projected features come from the feature
// cache (warm after the first pass; a change drops only the changed objects).
func BenchmarkDynamicTileIndexed(b *testing.B) { benchIndexed(b, DefaultFeatureBudget) }

// BenchmarkDynamicTileIndexedEvicting is BenchmarkDynamicTileIndexed with a
// feature cache of a tenth of the county's features' bytes: tiles keep
// reading the store for features the cache let go.
func BenchmarkDynamicTileIndexedEvicting(b *testing.B) { benchIndexed(b, countyFeatureBytes(b)/10) }

// countyFeatureBytes is the accounted size of all the fixture's tiled features.
func countyFeatureBytes(b *testing.B) int64 {
	r := openRO(b, county(b))
	ix, err := index.Build(bg, r)
	if err != nil {
		b.Fatal(err)
	}
	cols := map[string][]store.Column{}
	for _, l := range r.Layers() {
		cols[l.Name] = l.Columns
	}
	c := NewFeatureCache(1 << 40)
	src := &IndexedSource{Index: ix, R: r, Grid: WebMercatorQuad, Columns: func(l string) []store.Column { return cols[l] }, Cache: c}
	for _, l := range WarmOrder(benchLayers(b, r)) {
		if _, err := src.Warm(bg, l); err != nil {
			b.Fatal(err)
		}
	}
	return c.Stats().Bytes
}

func benchIndexed(b *testing.B, budget int64) {
	r := openRO(b, county(b))
	ix, err := index.Build(bg, r)
	if err != nil {
		b.Fatal(err)
	}
	cols := map[string][]store.Column{}
	for _, l := range r.Layers() {
		cols[l.Name] = l.Columns
	}
	src := &IndexedSource{Index: ix, R: r, Grid: WebMercatorQuad, Columns: func(l string) []store.Column { return cols[l] }, Cache: NewFeatureCache(budget)}
	rend := &Renderer{Grid: WebMercatorQuad, Layers: benchLayers(b, r), MaxZoom: DynamicFullZoom, Fast: true}
	var keys []TileKey
	for z := 14; z <= 16; z++ {
		keys = append(keys, dataTiles(b, r, z)...)
	}
	i := 0
	for b.Loop() {
		k := keys[i%len(keys)]
		i++
		if _, _, err := rend.Render(bg, src, k.Z, k.X, k.Y); err != nil {
			b.Fatal(err)
		}
	}
	st := src.Cache.Stats()
	b.ReportMetric(float64(st.Evicted)/float64(i), "evicted/tile")
}

// BenchmarkWMTSTile fetches PL-1992 z17 raster tiles of the county over HTTP
// on loopback, drawn by the WMS renderer: cold (the tile cache holds
// nothing: every tile is rendered, from the WMS's warm feature cache) and
// cached (every tile rendered once before).
func BenchmarkWMTSTile(b *testing.B) {
	sp := county(b)
	ext, _, err := openRO(b, sp).Extent(bg, "dzialki")
	if err != nil {
		b.Fatal(err)
	}
	x0, y0, x1, y1, _ := PL1992.TileRange(PL1992.ToGrid(ext), 17)
	var paths []string
	for y := y0; y <= y1; y++ {
		for x := x0; x <= x1; x++ {
			paths = append(paths, fmt.Sprintf("/tiles/wmts/county/default/PL-1992/17/%d/%d.png", y, x))
		}
	}
	for _, c := range []struct{ name, cache string }{{"cold", "1B"}, {"cached", "256MB"}} {
		b.Run(c.name, func(b *testing.B) {
			_, _, base := runServer(b, fmt.Sprintf("datasets:\n  - name: county\n    store: %s\ncache:\n  tiles: %s\n", sp, c.cache))
			client := &http.Client{}
			fetch := func(p string) int {
				resp, err := client.Get(base + p)
				if err != nil {
					b.Fatal(err)
				}
				n, _ := io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 {
					b.Fatalf("%s: %d", p, resp.StatusCode)
				}
				return int(n)
			}
			for _, p := range paths { // the WMS feature cache, and for "cached" the tiles
				fetch(p)
			}
			i, bytes := 0, 0
			for b.Loop() {
				bytes += fetch(paths[i%len(paths)])
				i++
			}
			b.ReportMetric(float64(bytes)/float64(i), "B/tile")
		})
	}
}
