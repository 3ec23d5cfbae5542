package tiles

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/index"
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/tiles/mvt"
)

// storeCols are every layer's columns of a store.
func storeCols(r store.Reader) func(string) []store.Column {
	cols := map[string][]store.Column{}
	for _, l := range r.Layers() {
		cols[l.Name] = l.Columns
	}
	return func(l string) []store.Column { return cols[l] }
}

// checkAccounting asserts the cache's own invariants: its byte count is the
// sum of its features' sizes and within the budget, every map entry has its
// slot and the other way round.
func checkAccounting(t *testing.T, c *FeatureCache) {
	t.Helper()
	c.mu.RLock()
	defer c.mu.RUnlock()
	var sum int64
	n := 0
	for i, s := range c.slots {
		if s.f == nil {
			continue
		}
		n++
		sum += int64(s.size)
		if int64(s.size) != s.f.MemSize() {
			t.Fatalf("slot %d: size %d, feature's %d", i, s.size, s.f.MemSize())
		}
		if j, ok := c.m[entryKey{s.f.Key, s.space}]; !ok || int(j) != i {
			t.Fatalf("slot %d (%v) not in the map (%d %v)", i, s.f.Key, j, ok)
		}
	}
	if n != len(c.m) || sum != c.used {
		t.Fatalf("%d slots used for %d map entries; %d bytes in slots, %d accounted", n, len(c.m), sum, c.used)
	}
	if c.used > c.budget {
		t.Fatalf("%d bytes accounted over the %d budget", c.used, c.budget)
	}
}

// warmAll warms a cache over a store's tile layers in WarmOrder, stopping
// when it is full; it returns the layers warmed completely.
func warmAll(t testing.TB, src *IndexedSource, r store.Reader) (complete []string, full bool) {
	t.Helper()
	tl, _, err := ResolveLayers(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range WarmOrder(tl) {
		_, err := src.Warm(bg, l)
		if errors.Is(err, ErrCacheFull) {
			return complete, true
		}
		if err != nil {
			t.Fatal(err)
		}
		complete = append(complete, l)
	}
	return complete, false
}

// TestFeatureCacheWarmStopsAtBudget: a warm-up over the fixture county with a
// quarter of the bytes its features need stops at the budget, evicts nothing,
// and holds the outline layers low zooms need first in full; the estimate
// follows the real heap.
func TestFeatureCacheWarmStopsAtBudget(t *testing.T) {
	r := openRO(t, county(t))
	ix, err := index.Build(bg, r)
	if err != nil {
		t.Fatal(err)
	}
	// Everything: the accounted total, and the heap it really takes.
	runtime.GC()
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	all := NewFeatureCache(1 << 40)
	src := &IndexedSource{Index: ix, R: r, Grid: WebMercatorQuad, Columns: storeCols(r), Cache: all}
	if _, full := warmAll(t, src, r); full {
		t.Fatal("an unbounded cache is full")
	}
	runtime.GC()
	runtime.ReadMemStats(&m1)
	total := all.Stats()
	heap := int64(m1.HeapAlloc) - int64(m0.HeapAlloc)
	t.Logf("all features: %d, %d bytes accounted, %d bytes of heap", total.Features, total.Bytes, heap)
	if d := float64(total.Bytes-heap) / float64(heap); d < -0.25 || d > 0.25 {
		t.Errorf("accounted %d bytes for %d of heap (%.0f%%)", total.Bytes, heap, 100*d)
	}
	runtime.KeepAlive(all)

	budget := total.Bytes / 4
	c := NewFeatureCache(budget)
	src.Cache = c
	complete, full := warmAll(t, src, r)
	st := c.Stats()
	t.Logf("budget %d: %d features, %d bytes; complete layers %v", budget, st.Features, st.Bytes, complete)
	if !full || st.Evicted != 0 || st.Features == 0 || st.Features >= total.Features {
		t.Fatalf("warm-up with a quarter budget: full %v, %+v", full, st)
	}
	checkAccounting(t, c)
	if st.Bytes < budget*9/10 {
		t.Errorf("the warm-up stopped at %d of %d bytes", st.Bytes, budget)
	}
	if len(complete) < 2 || complete[0] != "jednostki" || complete[1] != "obreby" {
		t.Errorf("layers warmed in full: %v, want jednostki and obreby first", complete)
	}
	for _, l := range complete {
		if n := count(t, r, l); countCached(c, ix, l) != n {
			t.Errorf("layer %s: %d of %d objects cached", l, countCached(c, ix, l), n)
		}
	}
}

func countCached(c *FeatureCache, ix *index.Index, layer string) int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	n := 0
	for k := range c.m {
		if sk := c.spaceKeys[k.space]; sk.ix == ix && sk.layer == layer {
			n++
		}
	}
	return n
}

// TestFeatureCacheClock: a full cache makes room by evicting features not
// used since the hand last passed, keeping the ones looked up since (least
// recently used, approximately), and never clears itself.
func TestFeatureCacheClock(t *testing.T) {
	ix := index.New()
	mk := func(i int) *Feature {
		f := &Feature{Key: fmt.Sprintf("f%03d", i), ID: uint64(i + 1), Shape: NewShape(orb.Point{float64(i), 0}, nil)}
		var b mvt.AttrsBuilder
		b.Reset(mvt.InternKeys([]string{"n"}))
		b.Int(0, int64(i))
		f.Attrs, f.Key = b.Finish(f.Key)
		return f
	}
	size := mk(0).MemSize()
	c := NewFeatureCache(10 * size)
	v := c.space(ix, "l", WebMercatorQuad, nil)
	var fs []*Feature
	for i := range 10 {
		fs = append(fs, mk(i))
	}
	c.put(c.generation(), v, fs, false)
	if st := c.Stats(); st.Features != 10 || st.Evicted != 0 {
		t.Fatalf("%+v", st)
	}
	// f000..f004 are used; then five new features come in.
	ids := func(from, to int) []string {
		var out []string
		for i := from; i < to; i++ {
			out = append(out, fmt.Sprintf("f%03d", i))
		}
		return out
	}
	if got, missing, _ := c.lookup(v, ids(0, 5), nil, nil); len(got) != 5 || len(missing) != 0 {
		t.Fatalf("lookup: %d found, %v missing", len(got), missing)
	}
	var more []*Feature
	for i := 10; i < 15; i++ {
		more = append(more, mk(i))
	}
	c.put(c.generation(), v, more, false)
	checkAccounting(t, c)
	got, missing, _ := c.lookup(v, ids(0, 15), nil, nil)
	if fmt.Sprint(missing) != fmt.Sprint(ids(5, 10)) || len(got) != 10 {
		t.Fatalf("after five more: missing %v, want the unused %v", missing, ids(5, 10))
	}
	if st := c.Stats(); st.Evicted != 5 || st.Features != 10 {
		t.Fatalf("%+v", st)
	}
	// The warm-up's put evicts nothing: it stores nothing in a full cache.
	if n, ok, full := c.put(c.generation(), v, []*Feature{mk(20)}, true); n != 0 || !ok || !full || c.Stats().Features != 10 {
		t.Fatalf("no-evict put into a full cache: stored %d, ok %v, full %v, %+v", n, ok, full, c.Stats())
	}
	// A smaller budget evicts down to it.
	c.SetBudget(4 * size)
	checkAccounting(t, c)
	if st := c.Stats(); st.Features != 4 {
		t.Fatalf("after SetBudget: %+v", st)
	}
	// A Drop since the read voids the put.
	gen := c.generation()
	c.Drop(ix, "l", "f099")
	// Drop forgets the object in every space of its dataset's layer only.
	other := c.space(ix, "m", WebMercatorQuad, nil)
	c.put(c.generation(), other, []*Feature{mk(40)}, false)
	c.Drop(ix, "l", "f040")
	if got, _, _ := c.lookup(other, []string{"f040"}, nil, nil); len(got) != 1 {
		t.Fatal("a Drop in layer l forgot layer m's object of the same id")
	}
	c.Drop(ix, "m", "f040")
	if got, _, _ := c.lookup(other, []string{"f040"}, nil, nil); len(got) != 0 {
		t.Fatal("Drop did not forget the object")
	}
	if _, ok, _ := c.put(gen, v, []*Feature{mk(30)}, false); ok {
		t.Fatal("a read older than a Drop was stored")
	}
}

// TestFeatureCacheEvictionKeepsTilesCorrect: dynamic tiles rendered through a
// cache an eighth of the county's size (evicting all along) equal the tiles
// read straight from the store, before and after a change drops features; the
// cache stays within its budget and is never emptied.
func TestFeatureCacheEvictionKeepsTilesCorrect(t *testing.T) {
	sp := copyCounty(t, t.TempDir())
	r := openRO(t, sp)
	ix, err := index.Build(bg, r)
	if err != nil {
		t.Fatal(err)
	}
	all := NewFeatureCache(1 << 40)
	warmAll(t, &IndexedSource{Index: ix, R: r, Grid: WebMercatorQuad, Columns: storeCols(r), Cache: all}, r)
	budget := all.Stats().Bytes / 8
	c := NewFeatureCache(budget)
	ix.Subscribe(func(ch store.Change) { c.Drop(ix, ch.Layer, ch.ID) })
	src := &IndexedSource{Index: ix, R: r, Grid: WebMercatorQuad, Columns: storeCols(r), Cache: c}
	ref := &StoreSource{R: r, Grid: WebMercatorQuad, Columns: storeCols(r)}
	layers, _, err := ResolveLayers(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	rend := &Renderer{Grid: WebMercatorQuad, Layers: layers, MaxZoom: DynamicFullZoom, Fast: true}
	var keys []TileKey
	for z := 12; z <= 16; z++ {
		keys = append(keys, dataTiles(t, r, z)...)
	}
	if len(keys) > 400 {
		keys = keys[len(keys)-400:] // the z16 tiles are the most; keep it quick
		keys = append(dataTiles(t, r, 12), keys...)
	}
	compare := func(pass string) {
		minBytes := int64(-1)
		for _, k := range keys {
			got, _, err := rend.Render(bg, src, k.Z, k.X, k.Y)
			if err != nil {
				t.Fatal(err)
			}
			want, _, err := rend.Render(bg, ref, k.Z, k.X, k.Y)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("%s: tile %v through the evicting cache differs from the store's", pass, k)
			}
			st := c.Stats()
			if st.Bytes > budget {
				t.Fatalf("%s: %d bytes cached over the %d budget", pass, st.Bytes, budget)
			}
			if st.Evicted > 0 && (minBytes < 0 || st.Bytes < minBytes) {
				minBytes = st.Bytes
			}
		}
		st := c.Stats()
		t.Logf("%s: %d tiles; cache %+v; fewest bytes after the first eviction %d", pass, len(keys), st, minBytes)
		if st.Evicted == 0 {
			t.Fatalf("%s: nothing evicted", pass)
		}
		if minBytes < budget/2 {
			t.Fatalf("%s: the cache fell to %d bytes of %d: emptied rather than evicted", pass, minBytes, budget)
		}
		checkAccounting(t, c)
	}
	compare("before the change")

	// Change the store; the index follows and drops the changed features.
	moved, deleted := editCounty(t, sp)
	if err := ix.CatchUp(bg, r); err != nil {
		t.Fatal(err)
	}
	c.mu.RLock()
	for k := range c.m {
		if k.id == moved.ID || k.id == deleted.ID {
			t.Errorf("changed object %s still cached", k.id)
		}
	}
	c.mu.RUnlock()
	compare("after the change")
	// The renumbered parcel's label is in its z16 tile.
	p := WebMercatorQuad.ToGrid(moved.Geometry.Bound()).Center()
	k, _, _ := tileAt(WebMercatorQuad, p, 16, Extent)
	gz, _, err := rend.Render(bg, src, k.Z, k.X, k.Y)
	if err != nil {
		t.Fatal(err)
	}
	tile, err := DecodeTile(gz)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range tile.Layer(LabelLayer).Features {
		found = found || f.Props["numer_dzialki"] == "999/9"
	}
	if !found {
		t.Error("the renumbered parcel's label is not in its tile")
	}
}

// TestFeatureCacheHeap measures the heap a store's features take in the cache
// (every tiled feature of the store named by SIP_TILES_HEAP_STORE, as the
// start-up warm-up reads them, with no budget) against the cache's own
// accounting:
//
//	SIP_TILES_HEAP_STORE=county.gpkg go test -run FeatureCacheHeap -v ./tiles/
func TestFeatureCacheHeap(t *testing.T) {
	path := os.Getenv("SIP_TILES_HEAP_STORE")
	if path == "" {
		t.Skip("set SIP_TILES_HEAP_STORE to a dataset store to measure")
	}
	r := openRO(t, path)
	ix, err := index.Build(bg, r)
	if err != nil {
		t.Fatal(err)
	}
	heap := func() uint64 {
		runtime.GC()
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	h0 := heap()
	c := NewFeatureCache(1 << 40)
	t0 := time.Now()
	if _, full := warmAll(t, &IndexedSource{Index: ix, R: r, Grid: WebMercatorQuad, Columns: storeCols(r), Cache: c}, r); full {
		t.Fatal("full")
	}
	took := time.Since(t0)
	h1 := heap()
	st := c.Stats()
	t.Logf("%d features in %s: %.1f MB of heap (%.0f B a feature), %.1f MB accounted", st.Features, took.Round(time.Millisecond),
		float64(h1-h0)/1e6, float64(h1-h0)/float64(st.Features), float64(st.Bytes)/1e6)
	if d := float64(st.Bytes-int64(h1-h0)) / float64(h1-h0); d < -0.1 || d > 0.1 {
		t.Errorf("accounting off the heap by %.0f%%", 100*d)
	}
	runtime.KeepAlive(c)
}

// TestFeatureCacheConcurrent: tiles rendered at once by several goroutines
// through a small evicting cache, while objects are dropped, equal the
// store's (run with -race to check the read-locked lookups).
func TestFeatureCacheConcurrent(t *testing.T) {
	r := openRO(t, county(t))
	ix, err := index.Build(bg, r)
	if err != nil {
		t.Fatal(err)
	}
	c := NewFeatureCache(1 << 20)
	src := &IndexedSource{Index: ix, R: r, Grid: WebMercatorQuad, Columns: storeCols(r), Cache: c}
	ref := &StoreSource{R: r, Grid: WebMercatorQuad, Columns: storeCols(r)}
	layers, _, err := ResolveLayers(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	rend := &Renderer{Grid: WebMercatorQuad, Layers: layers, MaxZoom: DynamicFullZoom, Fast: true}
	keys := append(dataTiles(t, r, 14), dataTiles(t, r, 15)...)
	want := map[TileKey][]byte{}
	for _, k := range keys {
		want[k], _, err = rend.Render(bg, ref, k.Z, k.X, k.Y)
		if err != nil {
			t.Fatal(err)
		}
	}
	var ids []string
	r.Query(bg, store.Query{Layer: "dzialki", Limit: 200}, func(row store.Row) error { ids = append(ids, row.ID); return nil })
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; i < 2000; i++ {
			c.Drop(ix, "dzialki", ids[i%len(ids)])
		}
	}()
	errs := make(chan error, 4)
	for w := range 4 {
		go func() {
			for i := w; i < len(keys); i += 4 {
				k := keys[i]
				got, _, err := rend.Render(bg, src, k.Z, k.X, k.Y)
				if err == nil && !bytes.Equal(got, want[k]) {
					err = fmt.Errorf("tile %v differs from the store's", k)
				}
				if err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	<-done
	checkAccounting(t, c)
	t.Logf("%d tiles by 4 goroutines: %+v", len(keys), c.Stats())
}
