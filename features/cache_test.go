package features

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/rand"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/server"
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/gpkg"
)

// writableServer serves a copy of the fixture under its own dataset name (the
// names of obręby are cached by dataset) with an index that only follows the
// store when the test says so (CatchUp), and returns a writer on the copy.
// configure, if given, changes the configuration before the server starts.
func writableServer(t *testing.T, name string, configure ...func(*config.Config)) (base string, d *server.Dataset, w store.Store) {
	t.Helper()
	src, err := os.ReadFile(gpkgPath)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), name+".gpkg")
	if err := os.WriteFile(p, src, 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := config.ForStoreNamed(p, name)
	cfg.Limits.RateLimit = config.RateLimit{Rate: 0, Burst: 1}
	cfg.Index.PollInterval = config.Duration(time.Hour)
	for _, f := range configure {
		f(cfg)
	}
	srv, err := server.New(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), server.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Shutdown(context.Background()) })
	d, ok := srv.Host().Current().Dataset(name)
	if !ok {
		t.Fatal("no dataset")
	}
	w, err = gpkg.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	base = "http://" + ln.Addr().String()
	testServers.Store(base, srv)
	return base, d, w
}

type itemsDoc struct {
	Features []struct {
		ID         string          `json:"id"`
		Geometry   json.RawMessage `json:"geometry"`
		Properties map[string]any  `json:"properties"`
	} `json:"features"`
	NumberMatched  int `json:"numberMatched"`
	NumberReturned int `json:"numberReturned"`
	Links          []struct {
		Href string `json:"href"`
		Rel  string `json:"rel"`
	} `json:"links"`
}

func getFC(t *testing.T, u string) (itemsDoc, []byte) {
	t.Helper()
	resp, body := fetch(t, u)
	if resp.StatusCode != 200 {
		t.Fatalf("%s: %d %s", u, resp.StatusCode, body)
	}
	var c itemsDoc
	if err := json.Unmarshal(body, &c); err != nil {
		t.Fatalf("%s: %v", u, err)
	}
	return c, body
}

func (c itemsDoc) props(id string) map[string]any {
	for _, f := range c.Features {
		if f.ID == id {
			return f.Properties
		}
	}
	return nil
}

// putVersion stores a new current version of o (a copy), changed by edit.
func putVersion(t *testing.T, w store.Store, o *store.Object, edit func(*store.Object)) *store.Object {
	t.Helper()
	n := *o
	n.Attrs = map[string]any{}
	for k, v := range o.Attrs {
		n.Attrs[k] = v
	}
	n.StartVersion = o.StartVersion.Add(24 * time.Hour)
	n.Version = n.StartVersion.UTC().Format("2006-01-02T15:04:05")
	edit(&n)
	ctx := context.Background()
	tx, err := w.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Put(ctx, &n); err != nil {
		tx.Rollback()
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	return &n
}

// cacheHits is the hit counter of the feature cache of the test server at base.
func cacheHits(base string) int64 { return catalogAt(base).enc.hits.Load() }

// middleParcel returns a box (EPSG:2180, x = E) holding at least 20 parcels
// and one parcel inside it.
func middleParcel(t *testing.T, r store.Reader) (orb.Bound, *store.Object) {
	t.Helper()
	ctx := context.Background()
	ext, _, err := r.Extent(ctx, "dzialki")
	if err != nil {
		t.Fatal(err)
	}
	cx, cy := (ext.Min[0]+ext.Max[0])/2, (ext.Min[1]+ext.Max[1])/2
	for half := 50.0; half < 1e5; half += 50 {
		b := orbBound(cx-half, cy-half, cx+half, cy+half)
		var objs []*store.Object
		r.Query(ctx, store.Query{Layer: "dzialki", Bound: &b}, func(row store.Row) error { objs = append(objs, row.Object); return nil })
		if len(objs) >= 20 {
			return b, objs[len(objs)/2]
		}
	}
	t.Fatal("no box")
	return orb.Bound{}, nil
}

func bboxParam(b orb.Bound) string { // EPSG:2180 axis order: N,E
	return fmt.Sprintf("bbox-crs=EPSG:2180&bbox=%f,%f,%f,%f", b.Min[1], b.Min[0], b.Max[1], b.Max[0])
}

// TestFeatureCacheFollowsChanges: a change to an object is in the very next
// items, WFS and item response, both before the index has applied it (the
// cache steps aside while the store is ahead) and after (the change log
// dropped the cached encodings).
func TestFeatureCacheFollowsChanges(t *testing.T) {
	base, d, w := writableServer(t, "cachechg")
	box, p := middleParcel(t, w)
	pid := p.Attrs["id_dzialki"].(string)
	items := base + "/ogc/collections/dzialki/items?limit=100&" + bboxParam(box)
	wfsURL := base + "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:dzialki&COUNT=100&OUTPUTFORMAT=application/json&BBOX=" +
		fmt.Sprintf("%f,%f,%f,%f", box.Min[1], box.Min[0], box.Max[1], box.Max[0])
	itemURL := base + "/ogc/collections/dzialki/items/" + url.PathEscape(pid)

	first, _ := getFC(t, items)
	if first.props(pid) == nil {
		t.Fatalf("parcel %s not in its box", pid)
	}
	getFC(t, wfsURL)
	h0 := cacheHits(base)
	again, _ := getFC(t, items)
	if cacheHits(base) <= h0 {
		t.Fatal("the second identical request was not served from the cache")
	}
	if again.props(pid)["POLE_EWIDENCYJNE"] != first.props(pid)["POLE_EWIDENCYJNE"] {
		t.Fatal("cached response differs")
	}

	// 1. A new version, not yet applied by the index (it polls hourly here).
	p2 := putVersion(t, w, p, func(o *store.Object) { o.Attrs["pole_ewidencyjne"] = 77.1234 })
	if d.Index.Revision() == mustRev(t, w) {
		t.Fatal("the index followed the store already; the test needs it behind")
	}
	check := func(stage string, want float64) {
		t.Helper()
		got, _ := getFC(t, items)
		if v := got.props(pid)["POLE_EWIDENCYJNE"]; v != want {
			t.Errorf("%s: items POLE_EWIDENCYJNE = %v, want %v", stage, v, want)
		}
		gw, _ := getFC(t, wfsURL)
		if v := gw.props(pid)["POLE_EWIDENCYJNE"]; v != want {
			t.Errorf("%s: WFS POLE_EWIDENCYJNE = %v, want %v", stage, v, want)
		}
		_, body := fetch(t, itemURL)
		var one struct {
			Properties map[string]any `json:"properties"`
		}
		json.Unmarshal(body, &one)
		if v := one.Properties["POLE_EWIDENCYJNE"]; v != want {
			t.Errorf("%s: item POLE_EWIDENCYJNE = %v, want %v", stage, v, want)
		}
	}
	check("store ahead of the index", 77.1234)

	// 2. The index applies the change: the cache is used again, without the
	// parcel's old encoding.
	if err := d.Index.CatchUp(context.Background(), d.Store); err != nil {
		t.Fatal(err)
	}
	h1 := cacheHits(base)
	check("index caught up", 77.1234)
	if cacheHits(base) <= h1 {
		t.Error("the cache was not used once the index caught up")
	}

	// 3. The parcel moves out of the box.
	far := putVersion(t, w, p2, func(o *store.Object) {
		o.Geometry = orb.Polygon{{{700000, 700000}, {700020, 700000}, {700020, 700020}, {700000, 700020}, {700000, 700000}}}
	})
	_ = far
	for _, caught := range []bool{false, true} {
		if caught {
			if err := d.Index.CatchUp(context.Background(), d.Store); err != nil {
				t.Fatal(err)
			}
		}
		got, _ := getFC(t, items)
		if got.props(pid) != nil {
			t.Errorf("caught up %v: the moved parcel is still in its old box", caught)
		}
		if caught && got.NumberMatched != first.NumberMatched-1 {
			t.Errorf("numberMatched %d after the parcel left, was %d", got.NumberMatched, first.NumberMatched)
		}
		there, _ := getFC(t, base+"/ogc/collections/dzialki/items?crs=EPSG:2180&"+bboxParam(orbBound(699990, 699990, 700030, 700030)))
		if there.props(pid) == nil || !strings.Contains(string(there.Features[0].Geometry), "700020") {
			t.Errorf("caught up %v: the moved parcel is not at its new place: %+v", caught, there)
		}
	}
}

// TestFeatureCacheNames: parcels carry the name of their obręb, which lives in
// another layer: renaming the obręb shows in cached parcels.
func TestFeatureCacheNames(t *testing.T) {
	base, d, w := writableServer(t, "cachenames")
	box, p := middleParcel(t, w)
	pid := p.Attrs["id_dzialki"].(string)
	items := base + "/ogc/collections/dzialki/items?limit=100&" + bboxParam(box)
	getFC(t, items)
	var obreb *store.Object
	w.Query(context.Background(), store.Query{Layer: "obreby", Where: map[string]any{"id_obrebu": p.Attrs["id_obrebu"]}}, func(row store.Row) error {
		obreb = row.Object
		return nil
	})
	if obreb == nil {
		t.Fatal("no obręb")
	}
	putVersion(t, w, obreb, func(o *store.Object) { o.Attrs["nazwa"] = "Nowa Nazwa" })
	for _, caught := range []bool{false, true} {
		if caught {
			if err := d.Index.CatchUp(context.Background(), d.Store); err != nil {
				t.Fatal(err)
			}
		}
		got, _ := getFC(t, items)
		if v := got.props(pid)["NAZWA_OBREBU"]; v != "Nowa Nazwa" {
			t.Errorf("caught up %v: NAZWA_OBREBU = %v", caught, v)
		}
	}
}

// TestFeatureCacheSameBytes: responses made from the cache (cold and warm) are
// byte for byte those made without it, for boxes, CRSs, property selections,
// paging walks and WFS.
func TestFeatureCacheSameBytes(t *testing.T) {
	box, _ := middleParcel(t, st)
	stamp := regexp.MustCompile(`"timeStamp":"[^"]*"|timeStamp="[^"]*"`)
	urls := []string{
		"/ogc/collections/dzialki/items?limit=100&" + bboxParam(box),
		"/ogc/collections/dzialki/items?limit=7&" + bboxParam(box),
		"/ogc/collections/dzialki/items?limit=5&offset=3&" + bboxParam(box),
		"/ogc/collections/dzialki/items?limit=50&crs=EPSG:2180&properties=ID_DZIALKI,NAZWA_GMINY&" + bboxParam(box),
		"/ogc/collections/dzialki/items?limit=50&crs=http://www.opengis.net/def/crs/EPSG/0/4326",
		"/ogc/collections/budynki/items?limit=30&offset=10",
		"/ogc/collections/punkty/items?limit=30",
		"/ogc/collections/obreby/items",
		"/ogc/collections/dzialki/items?limit=1000", // longer than one write
		"/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:dzialki&COUNT=1000&OUTPUTFORMAT=application/json&SRSNAME=urn:ogc:def:crs:OGC:1.3:CRS84",
		"/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:budynki&COUNT=30&STARTINDEX=5",
		"/wfs?SERVICE=WFS&VERSION=1.1.0&REQUEST=GetFeature&TYPENAME=ms:dzialki&MAXFEATURES=20&SRSNAME=EPSG:4326&BBOX=" +
			fmt.Sprintf("%f,%f,%f,%f,urn:ogc:def:crs:EPSG::2180", box.Min[1], box.Min[0], box.Max[1], box.Max[0]),
		"/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:dzialki&COUNT=40&STARTINDEX=20&OUTPUTFORMAT=application/json",
		"/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:dzialki&COUNT=100&OUTPUTFORMAT=application/json&SRSNAME=EPSG:4326&BBOX=" +
			fmt.Sprintf("%f,%f,%f,%f,urn:ogc:def:crs:EPSG::2180", box.Min[1], box.Min[0], box.Max[1], box.Max[0]),
	}
	// a paging walk: every page, following next links
	walk := func() []string {
		var pages []string
		u := baseURL + "/ogc/collections/dzialki/items?limit=150"
		for u != "" {
			c, body := getFC(t, u)
			pages = append(pages, stamp.ReplaceAllString(string(body), ""))
			u = ""
			for _, l := range c.Links {
				if l.Rel == "next" {
					u = l.Href
				}
			}
		}
		return pages
	}
	get := func() ([]string, []string) {
		var out []string
		for _, u := range urls {
			resp, body := fetch(t, baseURL+u)
			if resp.StatusCode != 200 || !strings.Contains(string(body), `"type":"Feature"`) && !strings.Contains(string(body), "<ms:msGeometry>") {
				t.Fatalf("%s: %d, no features: %.300s", u, resp.StatusCode, body)
			}
			out = append(out, stamp.ReplaceAllString(string(body), ""))
		}
		return out, walk()
	}
	budget, maxCand := featCache.budget, maxIndexCandidates
	t.Cleanup(func() { featCache.setBudget(budget); maxIndexCandidates = maxCand })
	featCache.setBudget(0)
	plain, plainWalk := get()
	// with the default candidate limit, and with one that sends boxes the way
	// of large ones (the fixture's boxes are small)
	for _, mc := range []int{maxCand, 10} {
		maxIndexCandidates = mc
		featCache.setBudget(0)
		featCache.setBudget(64 << 20)
		cold, coldWalk := get()
		warm, warmWalk := get()
		for i, u := range urls {
			if cold[i] != plain[i] {
				t.Errorf("%s (candidates %d): cold cache response differs:\n%.400s\n%.400s", u, mc, cold[i], plain[i])
			}
			if warm[i] != plain[i] {
				t.Errorf("%s (candidates %d): warm cache response differs:\n%.400s\n%.400s", u, mc, warm[i], plain[i])
			}
		}
		if len(plainWalk) < 3 || strings.Join(coldWalk, "\n") != strings.Join(plainWalk, "\n") || strings.Join(warmWalk, "\n") != strings.Join(plainWalk, "\n") {
			t.Errorf("paging walk differs through the cache (%d, %d, %d pages)", len(plainWalk), len(coldWalk), len(warmWalk))
		}
	}
}

// TestTopKeys: ranking from the cache equals sorting.
func TestTopKeys(t *testing.T) {
	c := newEncCache(64 << 20)
	d := &server.Dataset{Name: "x"}
	dc := &dsCache{d: d, layers: map[string]map[string]*encEntry{}}
	c.sets[d] = dc
	rng := rand.New(rand.NewSource(3))
	var all []keyID
	var ids []string
	for i, v := range rng.Perm(3000) { // row keys are unique
		k := keyID{int64(v)*7 + 1, fmt.Sprint("o", i)}
		all = append(all, k)
		ids = append(ids, k.id)
	}
	c.fillKeys(dc, c.generation(dc), "l", all)
	slices.SortFunc(all, func(a, b keyID) int { return cmp.Compare(a.key, b.key) })
	for _, tc := range []struct {
		after int64
		want  int
	}{{0, 1}, {0, 101}, {0, 5000}, {all[1500].key, 50}, {all[2990].key, 100}, {1e7, 10}} {
		got, complete := c.topKeys(dc, "l", ids, tc.after, tc.want)
		var want []keyID
		for _, k := range all {
			if k.key > tc.after && len(want) < tc.want {
				want = append(want, k)
			}
		}
		if !complete || !slices.Equal(got, want) {
			t.Errorf("after %d want %d: %d keys, complete %v", tc.after, tc.want, len(got), complete)
		}
	}
	if _, complete := c.topKeys(dc, "l", append(ids, "missing"), 0, 10); complete {
		t.Error("an uncached object was not noticed")
	}
}

// TestFeatureCacheBudget: the cache's accounting matches what it holds and
// never exceeds cache.features.
func TestFeatureCacheBudget(t *testing.T) {
	budget := featCache.budget
	t.Cleanup(func() { featCache.setBudget(budget) })
	const small = 96 << 10
	featCache.setBudget(small)
	ev0 := featCache.evicted.Load()
	for _, crs := range []string{"", "&crs=EPSG:2180"} {
		u := baseURL + "/ogc/collections/dzialki/items?limit=100" + crs
		for u != "" {
			c, _ := getFC(t, u)
			used, n := featCache.usage()
			if used > small {
				t.Fatalf("cache holds %d bytes, budget %d", used, small)
			}
			if sum, objs := recount(); sum != used || objs != n {
				t.Fatalf("accounting says %d bytes in %d objects, entries add up to %d in %d", used, n, sum, objs)
			}
			u = ""
			for _, l := range c.Links {
				if l.Rel == "next" {
					u = l.Href
				}
			}
		}
	}
	if featCache.evicted.Load() == ev0 {
		t.Error("nothing was evicted: the walk did not exceed the small budget")
	}
	if used, n := featCache.usage(); used < small/2 || n == 0 {
		t.Errorf("the cache holds only %d bytes in %d objects after the walk", used, n)
	}
}

// recount adds up the entries the cache holds, as the accounting should.
func recount() (int64, int) {
	c := featCache
	c.mu.Lock()
	defer c.mu.Unlock()
	var sum int64
	n := 0
	for e := c.lru.next; e != &c.lru; e = e.next {
		s := int64(entryOverhead + len(e.id))
		for _, v := range e.variants {
			s += int64(variantOverhead + cap(v.b))
		}
		sum += s
		n++
		if e.ds.layers[e.layer][e.id] != e {
			return -1, -1 // listed but not findable
		}
	}
	return sum, n
}

func mustRev(t *testing.T, r store.Reader) int64 {
	t.Helper()
	rev, err := r.Revision(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return rev
}

// TestFeatureCacheStaleFill: encodings read before a change was applied are
// not kept, even when they arrive after it.
func TestFeatureCacheStaleFill(t *testing.T) {
	c := newEncCache(1 << 20)
	d := &server.Dataset{Name: "x"}
	dc := &dsCache{d: d, layers: map[string]map[string]*encEntry{}}
	c.sets[d] = dc
	v := c.variant("v")
	gen := c.generation(dc)
	c.invalidate(dc, store.Change{Layer: "dzialki", ID: "a", Op: store.OpUpdate})
	c.fill(dc, gen, "dzialki", v, []fillItem{{1, "a", []byte("old")}})
	c.fillKeys(dc, gen, "dzialki", []keyID{{1, "a"}})
	if used, n := c.usage(); n != 0 || used != 0 {
		t.Fatalf("a fill from before the change was kept: %d objects", n)
	}
	gen = c.generation(dc)
	c.fill(dc, gen, "dzialki", v, []fillItem{{1, "a", []byte("new")}})
	out := make([][]byte, 1)
	c.lookup(dc, "dzialki", v, []keyID{{1, "a"}}, out)
	if string(out[0]) != "new" {
		t.Fatalf("lookup %q", out[0])
	}
	c.lookup(dc, "dzialki", v, []keyID{{2, "a"}}, out) // another row now
	if out[0] != nil {
		t.Fatal("an encoding was served for another row key")
	}
	c.invalidate(dc, store.Change{Layer: "dzialki", ID: "a", Op: store.OpDelete})
	c.lookup(dc, "dzialki", v, []keyID{{1, "a"}}, out)
	if out[0] != nil {
		t.Fatal("a deleted object is still served")
	}
}
