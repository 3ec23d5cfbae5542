package tiles

import (
	"testing"

	"github.com/paulmach/orb"
)

func TestTileCacheInvalidateExactly(t *testing.T) {
	c := newTileCache(1 << 30)
	ds, other := new(int), new(int)
	for _, d := range []any{ds, other} {
		for _, v := range []string{"a", "b"} {
			for z := 10; z <= 12; z++ {
				for x := 0; x < 20; x++ {
					for y := 0; y < 20; y++ {
						c.put(&cacheEntry{key: cacheKey{d, v, WebMercatorQuad, 0, TileKey{z, x, y}}, data: []byte("t")}, c.gen(d))
					}
				}
			}
		}
	}
	total := c.len()
	// Invalidate x 3..5, y 4..4 at zoom 11 only, for ds.
	n := c.invalidate(ds, func(g *Grid, z, reach int) (int, int, int, int, bool) {
		if z != 11 {
			return 0, 0, -1, -1, false
		}
		return 3, 4, 5, 4, true
	})
	if n != 3*2 || c.len() != total-6 {
		t.Fatalf("removed %d (cache %d of %d)", n, c.len(), total)
	}
	for k := range c.items {
		if k.ds == ds && k.Z == 11 && k.X >= 3 && k.X <= 5 && k.Y == 4 {
			t.Fatalf("%v still cached", k)
		}
	}
	// A wide range (more tiles than cached) takes the scan path.
	n = c.invalidate(ds, func(g *Grid, z, reach int) (int, int, int, int, bool) { return 0, 0, 1 << 20, 9, true })
	if n != 3*2*20*10-6 {
		t.Fatalf("wide invalidation removed %d", n)
	}
	// A render started before an invalidation is not stored.
	g := c.gen(ds)
	c.invalidate(ds, func(*Grid, int, int) (int, int, int, int, bool) { return 0, 0, -1, -1, false })
	if c.put(&cacheEntry{key: cacheKey{ds, "a", WebMercatorQuad, 0, TileKey{12, 0, 0}}}, g) {
		t.Fatal("stale render stored")
	}
	// LRU eviction keeps the secondary index in step.
	small := newTileCache(10 * 210)
	for i := 0; i < 100; i++ {
		small.put(&cacheEntry{key: cacheKey{ds, "", WebMercatorQuad, 0, TileKey{14, i, 0}}, data: []byte("0123456789")}, 0)
	}
	indexed := 0
	for _, m := range small.byZoom {
		for _, els := range m {
			indexed += len(els)
		}
	}
	if small.len() > 10 || indexed != small.len() {
		t.Fatalf("LRU holds %d, index %d", small.len(), indexed)
	}
}

// TestChangeRangesReach: a raster tile (drawn with a gutter, reach in pixels)
// is dropped by a change its vector twin's buffer does not reach.
func TestChangeRangesReach(t *testing.T) {
	c := newTileCache(1 << 20)
	ds := new(int)
	g, z := PL1992, 16
	x, y := 20000, 30000
	tb := g.TileBound(z, x, y)
	res := g.Resolution(z)
	for _, reach := range []int{0, 36} {
		c.put(&cacheEntry{key: cacheKey{ds, "v", g, reach, TileKey{z, x, y}}, data: []byte("t")}, c.gen(ds))
	}
	// A change 20 px east of the tile (PL-1992 is its own storage CRS).
	at := orb.Point{tb.Max[0] + 20*res, (tb.Min[1] + tb.Max[1]) / 2}
	if n := c.invalidate(ds, changeRanges(orb.Bound{Min: at, Max: at})); n != 1 {
		t.Fatalf("a change 20 px away dropped %d tiles, want the raster one", n)
	}
	for k := range c.items {
		if k.reach != 0 {
			t.Fatalf("raster tile %v kept", k)
		}
	}
	// 40 px away: beyond both.
	c.put(&cacheEntry{key: cacheKey{ds, "v", g, 36, TileKey{z, x, y}}, data: []byte("t")}, c.gen(ds))
	at[0] = tb.Max[0] + 40*res
	if n := c.invalidate(ds, changeRanges(orb.Bound{Min: at, Max: at})); n != 0 || c.len() != 2 {
		t.Fatalf("a change 40 px away dropped %d tiles", n)
	}
}

// BenchmarkInvalidate: one parcel-sized change against a cache of 50 000 tiles
// over zooms 10–18 (the cost is the touched tiles, not the cache size).
func BenchmarkInvalidate(b *testing.B) {
	c := newTileCache(1 << 40)
	ds := new(int)
	center := WebMercatorQuad.ToGrid(orb.Bound{Min: orb.Point{500000, 400000}, Max: orb.Point{500000, 400000}}).Center()
	n := 0
	for z := 10; z <= 18 && n < 50000; z++ {
		x0, y0, _, _, _ := WebMercatorQuad.TileRange(orb.Bound{Min: center, Max: center}, z)
		for dx := -40; dx < 40 && n < 50000; dx++ {
			for dy := -40; dy < 40 && n < 50000; dy++ {
				c.put(&cacheEntry{key: cacheKey{ds, "v", WebMercatorQuad, 0, TileKey{z, x0 + dx, y0 + dy}}}, 0)
				n++
			}
		}
	}
	parcel := orb.Bound{Min: orb.Point{500000, 400000}, Max: orb.Point{500030, 400030}}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		c.invalidate(ds, changeRanges(parcel))
	}
	b.ReportMetric(float64(n), "cached")
}
