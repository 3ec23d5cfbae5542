// Package storetest is the conformance suite of the store contract (store.Reader,
// store.Tx, store.Store and store.SyncStore): the EGiB lifecycle, rollback, AsOf,
// queries and keyset paging, extents, the change log, the running state hash and
// the sync interface. Every backend runs it against real storage (a GeoPackage
// file, a PostgreSQL cluster): see Run.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/store"
)

// Backend is what the suite needs of a backend.
type Backend struct {
	// New creates an empty store with a name and layers for one test; it closes
	// (and removes) it when the test ends.
	New func(t testing.TB, name string, layers []store.Layer) store.Store
	// Reopen opens the dataset of s again, read-only when readOnly (s stays open).
	Reopen func(t testing.TB, s store.Store, readOnly bool) store.Store
	// Vary, when set, is called before each transaction of the randomised tests
	// to switch a backend's internal modes (a GeoPackage's bulk mode, say).
	Vary func(rnd *rand.Rand)
}

// Run runs the whole suite as subtests of t.
func Run(t *testing.T, b Backend) {
	for _, c := range []struct {
		name string
		fn   func(*testing.T, Backend)
	}{
		{"CreateOpen", testCreateOpen},
		{"Lifecycle", testLifecycle},
		{"LifecycleMix", testLifecycleMix},
		{"ChangeObjectRoundTrip", testChangeObjectRoundTrip},
		{"Rollback", testRollback},
		{"AsOf", testAsOf},
		{"QueryFilters", testQueryFilters},
		{"QueryPrefix", testQueryPrefix},
		{"QueryKeys", testQueryKeys},
		{"QueryBoxes", testQueryBoxes},
		{"QueryNoGeometry", testQueryNoGeometry},
		{"Extent", testExtent},
		{"ConcurrentReader", testConcurrentReader},
		{"GeometryRoundTrip", testGeometryRoundTrip},
		{"DateColumns", testDateColumns},
		{"ReadAfterClose", testReadAfterClose},
		{"RunningStateHash", testRunningStateHash},
		{"ResetLogsDeletes", testResetLogsDeletes},
		{"SyncTables", testSyncTables},
		{"SyncLock", testSyncLock},
	} {
		t.Run(c.name, func(t *testing.T) { c.fn(t, b) })
	}
}

var ctx = context.Background()

// T0 is a day of January 2020, 10:00 UTC.
func T0(day int) time.Time { return time.Date(2020, 1, day, 10, 0, 0, 0, time.UTC) }

// Square is an axis-aligned square polygon.
func Square(x, y, s float64) orb.Polygon {
	return orb.Polygon{{{x, y}, {x + s, y}, {x + s, y + s}, {x, y + s}, {x, y}}}
}

// Parcel is a dzialki version: a 10 m square at (x, 500000).
func Parcel(id, ver string, start time.Time, x float64) *store.Object {
	return &store.Object{
		Layer: "dzialki", ID: id, Namespace: "PL.PZGiK.1004.EGiB", Version: ver,
		StartObject: T0(1), StartVersion: start,
		Geometry: Square(x, 500000, 10),
		Attrs:    map[string]any{"id_dzialki": "141201_1.0001." + id, "numer_dzialki": id, "pole_ewidencyjne": 0.01},
	}
}

// Ended is o with koniecWersjaObiekt set.
func Ended(o *store.Object, end time.Time) *store.Object {
	c := *o
	c.EndVersion = end
	return &c
}

// Put writes objects in one transaction and returns the results.
func Put(t testing.TB, s store.Store, objs ...*store.Object) []store.PutResult {
	t.Helper()
	tx, err := s.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var out []store.PutResult
	for _, o := range objs {
		r, err := tx.Put(ctx, o)
		if err != nil {
			tx.Rollback()
			t.Fatalf("put %s/%s: %v", o.ID, o.Version, err)
		}
		out = append(out, r)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	return out
}

// LifecycleMix is a transaction's worth of inserts, new versions (current row
// moved to the history), corrections in place, archived versions, deletions and
// objects without geometry, for every code path that writes a feature table.
func LifecycleMix(n int) []*store.Object {
	var objs []*store.Object
	for i := 0; i < n; i++ {
		id := fmt.Sprint("p", i)
		x := float64(i * 20)
		objs = append(objs, Parcel(id, "1", T0(2), x))
		switch i % 6 {
		case 1: // a newer version replaces the current one
			objs = append(objs, Parcel(id, "2", T0(3), x+3))
		case 2: // a correction of the current version, then an older archived one
			objs = append(objs, Parcel(id, "1", T0(2), x+5), Ended(Parcel(id, "0", T0(1), x-7), T0(2)))
		case 3: // the object ends
			d := Parcel(id, "2", T0(4), x+1)
			d.EndVersion, d.EndObject = T0(5), T0(5)
			objs = append(objs, d)
		case 4: // a version without geometry
			e := Parcel(id, "2", T0(3), x)
			e.Geometry = nil
			objs = append(objs, e)
		}
	}
	return objs
}

func newEGiB(t *testing.T, b Backend) store.Store { return b.New(t, "test", store.EGiBLayers) }

func key(t *testing.T, s store.Store, id string) int64 {
	t.Helper()
	var k int64 = -1
	if err := s.Query(ctx, store.Query{Layer: "dzialki", IDs: []string{id}}, func(r store.Row) error { k = r.Key; return nil }); err != nil {
		t.Fatal(err)
	}
	return k
}

func testCreateOpen(t *testing.T, b Backend) {
	s := newEGiB(t, b)
	Put(t, s, Parcel("a", "1", T0(2), 0))
	s2 := b.Reopen(t, s, false)
	if s2.Name() != "test" || !reflect.DeepEqual(s2.Layers(), store.EGiBLayers) {
		t.Fatalf("name %q layers %v", s2.Name(), s2.Layers())
	}
	if o, err := s2.Get(ctx, "dzialki", "a"); err != nil || o.Version != "1" {
		t.Fatalf("reopened: %+v %v", o, err)
	}
	if _, err := s2.Get(ctx, "nope", "a"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("unknown layer: %v", err)
	}
}

func testLifecycle(t *testing.T, b Backend) {
	s := newEGiB(t, b)
	v1 := Parcel("a", "1", T0(2), 0)
	v2 := Parcel("a", "2", T0(5), 100)
	v3 := Parcel("a", "3", T0(9), 200)
	check := func(step string, got, want store.PutResult) {
		t.Helper()
		if got != want {
			t.Fatalf("%s: got %v want %v", step, got, want)
		}
	}
	check("insert", Put(t, s, v1)[0], store.Inserted)
	check("same", Put(t, s, v1)[0], store.Unchanged)
	v1b := Parcel("a", "1", T0(2), 0)
	v1b.Attrs["numer_kw"] = "KW1"
	check("corrected", Put(t, s, v1b)[0], store.Updated)
	k1 := key(t, s, "a")
	check("newer", Put(t, s, v2)[0], store.Updated)
	if k := key(t, s, "a"); k != k1 {
		t.Fatalf("row key changed %d -> %d", k1, k)
	}
	cur, _ := s.Get(ctx, "dzialki", "a")
	if cur.Version != "2" {
		t.Fatalf("current %s", cur.Version)
	}
	h, _ := s.History(ctx, "dzialki", "a")
	if len(h) != 2 || h[0].Version != "1" || !h[0].EndVersion.Equal(T0(5)) || h[1].Version != "2" {
		t.Fatalf("history %+v", h)
	}
	// The same archived version arriving as it is stored: nothing happens.
	check("archived again", Put(t, s, Ended(v1b, T0(5)))[0], store.Unchanged)
	// An older "current" version after a newer one never becomes current.
	check("stale current", Put(t, s, v1b)[0], store.Unchanged)
	v0 := Parcel("a", "0", T0(1), 50)
	check("stale older", Put(t, s, v0)[0], store.Archived)
	h, _ = s.History(ctx, "dzialki", "a")
	if len(h) != 3 || h[0].Version != "0" || !h[0].EndVersion.Equal(T0(2)) {
		t.Fatalf("history %+v", h[0])
	}
	// Ended version of the current one closes it; with koniecObiekt: deleted.
	d := Ended(v2, T0(9))
	d.EndObject = T0(9)
	check("delete", Put(t, s, d)[0], store.Deleted)
	if _, err := s.Get(ctx, "dzialki", "a"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("deleted object still current: %v", err)
	}
	// Archived version of another object: history only.
	check("archive only", Put(t, s, Ended(Parcel("b", "1", T0(2), 300), T0(3)))[0], store.Archived)
	if n, _ := s.Count(ctx, store.Query{Layer: "dzialki"}); n != 0 {
		t.Fatalf("count %d", n)
	}
	// Out of order: v3 current first, then its archived predecessors.
	c := Parcel("c", "3", T0(9), 400)
	res := Put(t, s, c, Ended(Parcel("c", "2", T0(5), 400), T0(9)), Ended(Parcel("c", "1", T0(2), 400), T0(5)))
	if !reflect.DeepEqual(res, []store.PutResult{store.Inserted, store.Archived, store.Archived}) {
		t.Fatalf("out of order: %v", res)
	}
	if g, _ := s.Get(ctx, "dzialki", "c"); g.Version != "3" {
		t.Fatalf("c current %s", g.Version)
	}
	check("insert v3", Put(t, s, v3)[0], store.Inserted) // a new version after the deletion
	e := Parcel("e", "1", T0(2), 600)
	Put(t, s, e)
	check("newer ended", Put(t, s, Ended(Parcel("e", "2", T0(4), 600), T0(6)))[0], store.Deleted)
	he, _ := s.History(ctx, "dzialki", "e")
	if len(he) != 2 || !he[0].EndVersion.Equal(T0(4)) {
		t.Fatalf("e history %+v", he)
	}
	// The change log: one entry per non-Unchanged result, strictly increasing.
	var ops []store.Op
	var last int64
	err := s.Changes(ctx, 0, func(c store.Change) error {
		if c.Rev != last+1 {
			t.Fatalf("rev %d after %d: the log has a gap", c.Rev, last)
		}
		last = c.Rev
		ops = append(ops, c.Op)
		if c.Object == nil || c.Bounds.IsEmpty() && c.Object.Geometry != nil {
			t.Fatalf("change %d without object/bounds", c.Rev)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []store.Op{"insert", "update", "update", "archive", "delete", "archive", "insert", "archive", "archive", "insert", "insert", "delete"}
	if !reflect.DeepEqual(ops, want) {
		t.Fatalf("ops %v\nwant %v", ops, want)
	}
	if rev, _ := s.Revision(ctx); rev != last {
		t.Fatalf("revision %d, last %d", rev, last)
	}
}

// testLifecycleMix: the same versions put in one transaction or object by object
// in many give the same current state, history, change log and state hash.
func testLifecycleMix(t *testing.T, b Backend) {
	objs := LifecycleMix(240)
	one, many := newEGiB(t, b), newEGiB(t, b)
	Put(t, one, objs...)
	for i := 0; i < len(objs); i += 7 {
		Put(t, many, objs[i:min(i+7, len(objs))]...)
	}
	if d := Diff(t, one, many); d != "" {
		t.Fatal(d)
	}
}

// Diff compares two stores' current objects, histories, change logs (times and
// revisions aside) and state hashes; "" when they hold the same.
func Diff(t testing.TB, a, b store.Store) string {
	t.Helper()
	for _, l := range a.Layers() {
		ga, gb := Dump(t, a, l.Name), Dump(t, b, l.Name)
		if !reflect.DeepEqual(ga, gb) {
			return fmt.Sprintf("layer %s differs:\n%v\n%v", l.Name, ga, gb)
		}
	}
	la, lb := Log(t, a), Log(t, b)
	if len(la) != len(lb) {
		return fmt.Sprintf("change logs of %d and %d entries", len(la), len(lb))
	}
	for i := range la {
		if !reflect.DeepEqual(la[i], lb[i]) {
			return fmt.Sprintf("change %d differs:\n%+v\n%+v", i+1, la[i], lb[i])
		}
	}
	ha, hb := StateHash(t, a, nil), StateHash(t, b, nil)
	if ha != hb {
		return fmt.Sprintf("state hashes differ: %s %s", ha, hb)
	}
	return ""
}

// Dump lists every stored version of a layer (current first), keyed by id and
// version, with lifecycle, attributes and geometry.
func Dump(t testing.TB, s store.Store, layer string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := s.Query(ctx, store.Query{Layer: layer}, func(r store.Row) error {
		out["cur "+r.ID] = fmt.Sprintf("%s %v %v", r.Version, r.Geometry, r.Attrs)
		h, err := s.History(ctx, layer, r.ID)
		for _, v := range h {
			out["ver "+r.ID+"/"+v.Version] = fmt.Sprintf("%v %v %v %v %v %v", v.StartVersion, v.EndVersion, v.EndObject, v.Namespace, v.Geometry, v.Attrs)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// Log is the change log without times: what two stores given the same writes share.
func Log(t testing.TB, s store.Store) []store.Change {
	t.Helper()
	var out []store.Change
	err := s.Changes(ctx, 0, func(c store.Change) error {
		c.Time = time.Time{}
		out = append(out, c)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// StateHash is the sync state hash of layers (all when nil) of a store.
func StateHash(t testing.TB, s store.Store, layers []string) store.StateHash {
	t.Helper()
	ss, ok := s.(store.SyncStore)
	if !ok {
		t.Fatalf("%T is not a store.SyncStore", s)
	}
	sn, err := ss.ReadSnapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer sn.Close()
	h, err := sn.StateHash(ctx, layers)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func testChangeObjectRoundTrip(t *testing.T, b Backend) {
	s := newEGiB(t, b)
	o := Parcel("a", "1", T0(2), 0)
	o.Attrs["klasouzytki"] = `[{"ofu":"R","pole":0.5}]` + "\n\u2028\"\\ zażółć"
	bu := &store.Object{Layer: "budynki", ID: "b", Version: "1", StartVersion: T0(3), StartObject: T0(3),
		Geometry: Square(1, 2, 3), Attrs: map[string]any{"kondygnacje_nadziemne": int64(3), "pow_zabudowy": 12.5}}
	Put(t, s, o, bu)
	var got []*store.Object
	s.Changes(ctx, 0, func(c store.Change) error { got = append(got, c.Object); return nil })
	if len(got) != 2 {
		t.Fatalf("%d changes", len(got))
	}
	for i, want := range []*store.Object{o, bu} {
		w := *want
		w.Geometry = orb.MultiPolygon{want.Geometry.(orb.Polygon)}
		if !reflect.DeepEqual(got[i].Geometry, w.Geometry) || !reflect.DeepEqual(got[i].Attrs, w.Attrs) ||
			!got[i].StartVersion.Equal(w.StartVersion) || got[i].Namespace != w.Namespace {
			t.Fatalf("change object %d:\n%+v\nwant\n%+v", i, got[i], w)
		}
		cur, err := s.Get(ctx, want.Layer, want.ID)
		if err != nil || !reflect.DeepEqual(cur.Attrs, w.Attrs) || !reflect.DeepEqual(cur.Geometry, w.Geometry) {
			t.Fatalf("get %d: %+v %v", i, cur, err)
		}
	}
}

func testRollback(t *testing.T, b Backend) {
	s := newEGiB(t, b)
	Put(t, s, Parcel("a", "1", T0(2), 0))
	rev0, _ := s.Revision(ctx)
	ext0, _, _ := s.Extent(ctx, "dzialki")
	h0 := StateHash(t, s, nil)
	tx, err := s.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3000; i++ { // enough to spill pages and buffers
		if _, err := tx.Put(ctx, Parcel(fmt.Sprint("n", i), "1", T0(2), float64(i*20))); err != nil {
			t.Fatal(err)
		}
	}
	tx.Put(ctx, Parcel("a", "2", T0(3), 5))
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Put(ctx, Parcel("x", "1", T0(2), 0)); err == nil {
		t.Fatal("Put after Rollback")
	}
	if err := tx.Commit(); err == nil {
		t.Fatal("Commit after Rollback")
	}
	if rev, _ := s.Revision(ctx); rev != rev0 {
		t.Fatalf("revision %d -> %d", rev0, rev)
	}
	if ext, _, _ := s.Extent(ctx, "dzialki"); ext != ext0 {
		t.Fatalf("extent %v -> %v", ext0, ext)
	}
	if n, _ := s.Count(ctx, store.Query{Layer: "dzialki"}); n != 1 {
		t.Fatalf("count %d", n)
	}
	if h := StateHash(t, s, nil); h != h0 {
		t.Fatal("state hash changed by a rolled-back transaction")
	}
	// A validation error does not poison the transaction.
	tx, _ = s.Begin(ctx)
	bad := Parcel("z", "1", T0(2), 0)
	bad.Attrs["pesel"] = "12345678901"
	if _, err := tx.Put(ctx, bad); err == nil {
		t.Fatal("unknown attribute accepted")
	}
	if _, err := tx.Put(ctx, &store.Object{Layer: "punkty", ID: "p", Version: "1", StartVersion: T0(1), Geometry: Square(0, 0, 1)}); err == nil {
		t.Fatal("polygon in a point layer accepted")
	}
	if _, err := tx.Put(ctx, &store.Object{Layer: "nope", ID: "p", Version: "1", StartVersion: T0(1)}); err == nil {
		t.Fatal("unknown layer accepted")
	}
	if _, err := tx.Put(ctx, Parcel("ok", "1", T0(2), 0)); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if rev, _ := s.Revision(ctx); rev != rev0+1 {
		t.Fatalf("revision %d after one insert from %d: revisions must stay dense", rev, rev0)
	}
}

func testAsOf(t *testing.T, b Backend) {
	s := newEGiB(t, b)
	Put(t, s,
		Parcel("a", "1", T0(2), 0), Parcel("a", "2", T0(5), 100), // a: v1 [2,5), v2 [5,…)
		Parcel("b", "1", T0(3), 200), // b: v1 [3,…), deleted at 8
	)
	db := Ended(Parcel("b", "1", T0(3), 200), T0(8))
	db.EndObject = T0(8)
	Put(t, s, db)
	at := func(day int) map[string]string {
		got := map[string]string{}
		err := s.Query(ctx, store.Query{Layer: "dzialki", AsOf: T0(day)}, func(r store.Row) error {
			if !r.ValidAt(T0(day)) {
				t.Errorf("day %d: %s/%s not valid", day, r.ID, r.Version)
			}
			got[r.ID] = r.Version
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		n, _ := s.Count(ctx, store.Query{Layer: "dzialki", AsOf: T0(day)})
		if int(n) != len(got) {
			t.Errorf("day %d: count %d, rows %d", day, n, len(got))
		}
		return got
	}
	for day, want := range map[int]map[string]string{
		1: {}, 2: {"a": "1"}, 4: {"a": "1", "b": "1"}, 5: {"a": "2", "b": "1"}, 8: {"a": "2"}, 20: {"a": "2"},
	} {
		if got := at(day); !reflect.DeepEqual(got, want) {
			t.Errorf("day %d: %v want %v", day, got, want)
		}
	}
	// AsOf keys follow a version into the history.
	keyAt := func() int64 {
		var k int64
		s.Query(ctx, store.Query{Layer: "dzialki", AsOf: T0(6), IDs: []string{"a"}}, func(r store.Row) error { k = r.Key; return nil })
		return k
	}
	k := keyAt()
	Put(t, s, Parcel("a", "3", T0(9), 0))
	if k2 := keyAt(); k2 != k {
		t.Fatalf("AsOf key changed %d -> %d", k, k2)
	}
}

func testQueryFilters(t *testing.T, b Backend) {
	s := newEGiB(t, b)
	var objs []*store.Object
	for i := 0; i < 100; i++ {
		o := Parcel(fmt.Sprintf("p%03d", i), "1", T0(2), float64(i)*20)
		o.Attrs["grupa_rejestrowa"] = fmt.Sprint(i % 3)
		objs = append(objs, o)
	}
	evil := Parcel("evil", "1", T0(2), 5000)
	evil.Attrs["grupa_rejestrowa"] = "x' OR '1'='1"
	objs = append(objs, evil)
	Put(t, s, objs...)
	count := func(q store.Query) int64 {
		t.Helper()
		q.Layer = "dzialki"
		n, err := s.Count(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		var m int64
		if err := s.Query(ctx, q, func(store.Row) error { m++; return nil }); err != nil {
			t.Fatal(err)
		}
		if m != n {
			t.Fatalf("%+v: count %d, query %d", q, n, m)
		}
		return n
	}
	if n := count(store.Query{Where: map[string]any{"grupa_rejestrowa": "1"}}); n != 33 {
		t.Fatalf("where: %d", n)
	}
	for _, inj := range []string{"1' OR '1'='1", `1" OR 1=1 --`, "1); DROP TABLE dzialki; --"} {
		if n := count(store.Query{Where: map[string]any{"grupa_rejestrowa": inj}}); n != 0 {
			t.Fatalf("injection %q matched %d", inj, n)
		}
	}
	if n := count(store.Query{Where: map[string]any{"grupa_rejestrowa": "x' OR '1'='1"}}); n != 1 {
		t.Fatalf("literal quote value: %d", n)
	}
	if _, err := s.Count(ctx, store.Query{Layer: "dzialki", Where: map[string]any{"1=1; --": "x"}}); err == nil {
		t.Fatal("unknown column accepted")
	}
	if n := count(store.Query{Where: map[string]any{"numer_kw": nil}}); n != 101 {
		t.Fatalf("IS NULL: %d", n)
	}
	if n := count(store.Query{IDs: []string{"p001", "p050", "nope", "evil"}}); n != 3 {
		t.Fatalf("ids: %d", n)
	}
	// Bound: squares of 10 m at x = 20 i; [95, 145] touches i = 5 (100–110) … 7 (140–150).
	bd := orb.Bound{Min: orb.Point{95, 500000}, Max: orb.Point{145, 500005}}
	if n := count(store.Query{Bound: &bd}); n != 3 {
		t.Fatalf("bound: %d", n)
	}
	// Exact refinement: a box 1 cm off an envelope edge must not match.
	bd = orb.Bound{Min: orb.Point{110.01, 500000}, Max: orb.Point{119.99, 500005}}
	if n := count(store.Query{Bound: &bd}); n != 0 {
		t.Fatalf("refined bound: %d", n)
	}
	pt := orb.Bound{Min: orb.Point{105, 500005}, Max: orb.Point{105, 500005}}
	if n := count(store.Query{Bound: &pt}); n != 1 {
		t.Fatalf("point bound: %d", n)
	}
	// Paging: Limit/Offset and keyset give the same stable sequence.
	var all []int64
	s.Query(ctx, store.Query{Layer: "dzialki"}, func(r store.Row) error { all = append(all, r.Key); return nil })
	var keyset, offset []int64
	var after int64
	for {
		var page []int64
		s.Query(ctx, store.Query{Layer: "dzialki", Limit: 7, After: after}, func(r store.Row) error { page = append(page, r.Key); return nil })
		if len(page) == 0 {
			break
		}
		keyset = append(keyset, page...)
		after = page[len(page)-1]
	}
	for off := 0; off < 200; off += 7 {
		s.Query(ctx, store.Query{Layer: "dzialki", Limit: 7, Offset: off}, func(r store.Row) error { offset = append(offset, r.Key); return nil })
	}
	if !reflect.DeepEqual(all, keyset) || !reflect.DeepEqual(all, offset) || len(all) != 101 {
		t.Fatalf("paging differs: %d %d %d", len(all), len(keyset), len(offset))
	}
	for i := 1; i < len(all); i++ {
		if all[i] <= all[i-1] {
			t.Fatal("keys not increasing")
		}
	}
	// Keys survive new versions and deletions of other objects.
	Put(t, s, Parcel("p010", "2", T0(9), 0))
	Put(t, s, Ended(Parcel("p011", "1", T0(2), 220), T0(9)))
	var again []int64
	s.Query(ctx, store.Query{Layer: "dzialki"}, func(r store.Row) error { again = append(again, r.Key); return nil })
	if len(again) != 100 || again[10] != all[10] || again[11] != all[12] {
		t.Fatalf("keys not stable")
	}
}

// keyQuerier is the cheap key-only pass some services use when a store has it.
type keyQuerier interface {
	QueryKeys(ctx context.Context, q store.Query, fn func(key int64, id string) error) error
}

func testQueryKeys(t *testing.T, b Backend) {
	s := newEGiB(t, b)
	kq, ok := s.(keyQuerier)
	if !ok {
		t.Skipf("%T has no QueryKeys", s)
	}
	var objs []*store.Object
	for i := 0; i < 60; i++ {
		o := Parcel(fmt.Sprintf("p%03d", i), "1", T0(2), float64(i)*20)
		o.Attrs["grupa_rejestrowa"] = fmt.Sprint(i % 3)
		objs = append(objs, o)
	}
	Put(t, s, objs...)
	Put(t, s, Parcel("p005", "2", T0(6), 5000), Ended(Parcel("p007", "1", T0(2), 140), T0(7)))
	bd := orb.Bound{Min: orb.Point{95, 500000}, Max: orb.Point{445, 500005}}
	for _, q := range []store.Query{
		{}, {Bound: &bd}, {Bound: &bd, After: 3, Limit: 4}, {IDs: []string{"p001", "p050", "p005", "nope"}},
		{Where: map[string]any{"grupa_rejestrowa": "1"}, Limit: 5, Offset: 2}, {AsOf: T0(4)}, {AsOf: T0(8), Bound: &bd, Limit: 6},
	} {
		q.Layer = "dzialki"
		type ki struct {
			K  int64
			ID string
		}
		var want, got []ki
		if err := s.Query(ctx, q, func(r store.Row) error { want = append(want, ki{r.Key, r.ID}); return nil }); err != nil {
			t.Fatal(err)
		}
		if err := kq.QueryKeys(ctx, q, func(k int64, id string) error { got = append(got, ki{k, id}); return nil }); err != nil {
			t.Fatal(err)
		}
		if len(want) == 0 || !reflect.DeepEqual(got, want) {
			t.Errorf("%+v: keys %v, Query %v", q, got, want)
		}
	}
}

// QueryBoxes finds what Query finds, in the same order, each object with the
// exact envelope of its geometry (odd coordinates, so a float32 box would
// differ), also for points and for a box that is a single point.
func testQueryBoxes(t *testing.T, b Backend) {
	s := newEGiB(t, b)
	var objs []*store.Object
	for i := 0; i < 40; i++ {
		o := Parcel(fmt.Sprintf("p%03d", i), "1", T0(2), float64(i)*20+0.123456789)
		objs = append(objs, o)
	}
	pt := &store.Object{Layer: "punkty", ID: "pt1", Version: "1", StartObject: T0(2), StartVersion: T0(2),
		Geometry: orb.Point{421.7654321, 500003.3333333}, Attrs: map[string]any{}}
	Put(t, s, append(objs, pt)...)
	Put(t, s, Ended(Parcel("p007", "1", T0(2), 140.123456789), T0(7)))
	bd := orb.Bound{Min: orb.Point{95, 500000}, Max: orb.Point{445, 500005}}
	click := orb.Bound{Min: orb.Point{205, 500002}, Max: orb.Point{205, 500002}}
	for _, q := range []store.Query{
		{Layer: "dzialki"}, {Layer: "dzialki", Bound: &bd}, {Layer: "dzialki", Bound: &click}, {Layer: "dzialki", Bound: &bd, After: 3, Limit: 4},
		{Layer: "dzialki", IDs: []string{"p001", "p007", "p030"}}, {Layer: "punkty", Bound: &bd},
	} {
		type kb struct {
			K  int64
			ID string
			B  orb.Bound
		}
		var want, got []kb
		if err := s.Query(ctx, q, func(r store.Row) error { want = append(want, kb{r.Key, r.ID, r.Geometry.Bound()}); return nil }); err != nil {
			t.Fatal(err)
		}
		if err := s.QueryBoxes(ctx, q, func(k int64, id string, b orb.Bound) error { got = append(got, kb{k, id, b}); return nil }); err != nil {
			t.Fatal(err)
		}
		if len(want) == 0 || !reflect.DeepEqual(got, want) {
			t.Errorf("%+v: boxes %v, Query %v", q, got, want)
		}
	}
}

// NoGeometry rows are the rows of the same query, keys, versions and
// attributes alike, with no geometry; as of a date too.
func testQueryNoGeometry(t *testing.T, b Backend) {
	s := newEGiB(t, b)
	for i := 0; i < 12; i++ {
		o := Parcel(fmt.Sprintf("p%02d", i), "1", T0(2), float64(i)*20)
		o.Attrs["grupa_rejestrowa"] = fmt.Sprint(i % 3)
		Put(t, s, o)
	}
	Put(t, s, Parcel("p03", "2", T0(5), 3000))
	bd := orb.Bound{Min: orb.Point{15, 500000}, Max: orb.Point{125, 500005}}
	for _, q := range []store.Query{
		{Layer: "dzialki"}, {Layer: "dzialki", Bound: &bd, Limit: 3}, {Layer: "dzialki", Where: map[string]any{"grupa_rejestrowa": "2"}},
		{Layer: "dzialki", AsOf: T0(3)},
	} {
		var want, got []store.Row
		if err := s.Query(ctx, q, func(r store.Row) error { want = append(want, r); return nil }); err != nil {
			t.Fatal(err)
		}
		q.NoGeometry = true
		if err := s.Query(ctx, q, func(r store.Row) error { got = append(got, r); return nil }); err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) || len(want) == 0 {
			t.Fatalf("%+v: %d rows without geometry, %d with", q, len(got), len(want))
		}
		for i := range want {
			if got[i].Geometry != nil {
				t.Errorf("%+v: row %d has a geometry", q, i)
			}
			w := *want[i].Object
			w.Geometry = nil
			if got[i].Key != want[i].Key || !reflect.DeepEqual(*got[i].Object, w) {
				t.Errorf("%+v: row %d\n got %+v\nwant %+v", q, i, *got[i].Object, w)
			}
		}
	}
}

func testExtent(t *testing.T, b Backend) {
	s := newEGiB(t, b)
	if _, ok, _ := s.Extent(ctx, "dzialki"); ok {
		t.Fatal("empty layer has an extent")
	}
	Put(t, s, Parcel("a", "1", T0(2), 5716123.37), Parcel("b", "1", T0(2), 5716500.11))
	bd, ok, _ := s.Extent(ctx, "dzialki")
	want := orb.Bound{Min: orb.Point{5716123.37, 500000}, Max: orb.Point{5716510.11, 500010}}
	if !ok || bd != want {
		t.Fatalf("extent %v want %v", bd, want)
	}
	Put(t, s, Ended(Parcel("b", "1", T0(2), 5716500.11), T0(3))) // shrinks
	bd, _, _ = s.Extent(ctx, "dzialki")
	if want := (orb.Bound{Min: orb.Point{5716123.37, 500000}, Max: orb.Point{5716133.37, 500010}}); bd != want {
		t.Fatalf("extent after delete %v want %v", bd, want)
	}
	Put(t, s, Ended(Parcel("a", "1", T0(2), 5716123.37), T0(3)))
	if _, ok, _ := s.Extent(ctx, "dzialki"); ok {
		t.Fatal("extent of an emptied layer")
	}
}

func testConcurrentReader(t *testing.T, b Backend) {
	s := newEGiB(t, b)
	Put(t, s, Parcel("a", "1", T0(2), 0))
	ro := b.Reopen(t, s, true)
	if _, err := ro.Begin(ctx); err == nil {
		t.Fatal("read-only store began a write")
	}
	tx, _ := s.Begin(ctx)
	for i := 0; i < 3000; i++ {
		tx.Put(ctx, Parcel(fmt.Sprint("n", i), "1", T0(2), float64(i)))
	}
	// During the write both this store's readers and another connection see the
	// committed state only, and do not block.
	var wg sync.WaitGroup
	for _, r := range []store.Store{s, ro} {
		wg.Add(1)
		go func(r store.Store) {
			defer wg.Done()
			done := make(chan struct{})
			go func() {
				defer close(done)
				n, err := r.Count(ctx, store.Query{Layer: "dzialki"})
				if err != nil || n != 1 {
					t.Errorf("reader during write: %d %v", n, err)
				}
				if rev, _ := r.Revision(ctx); rev != 1 {
					t.Errorf("revision during write: %d", rev)
				}
			}()
			select {
			case <-done:
			case <-time.After(5 * time.Second):
				t.Error("reader blocked by the writer")
			}
		}(r)
	}
	wg.Wait()
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	for _, r := range []store.Store{s, ro} {
		if n, _ := r.Count(ctx, store.Query{Layer: "dzialki"}); n != 3001 {
			t.Fatalf("after commit: %d", n)
		}
	}
}

func testGeometryRoundTrip(t *testing.T, b Backend) {
	holed := orb.Polygon{
		{{0, 0}, {100, 0}, {100, 100}, {0, 100}, {0, 0}},
		{{10, 10}, {10, 20}, {20, 20}, {20, 10}, {10, 10}},
		{{50, 50}, {50, 60}, {60, 60}, {50, 50}},
	}
	s := newEGiB(t, b)
	two := orb.MultiPolygon{holed, Square(500000.125, 5300000.5, 3.3)}
	Put(t, s,
		&store.Object{Layer: "dzialki", ID: "h", Version: "1", StartVersion: T0(1), Geometry: holed},
		&store.Object{Layer: "dzialki", ID: "m", Version: "1", StartVersion: T0(1), Geometry: two},
		&store.Object{Layer: "punkty", ID: "p", Version: "1", StartVersion: T0(1), Geometry: orb.Point{637123.45, 486321.98}},
		&store.Object{Layer: "budynki", ID: "n", Version: "1", StartVersion: T0(1)},
		&store.Object{Layer: "budynki", ID: "e", Version: "1", StartVersion: T0(1), Geometry: orb.MultiPolygon{}},
	)
	for _, c := range []struct {
		layer, id string
		want      orb.Geometry
	}{{"dzialki", "h", orb.MultiPolygon{holed}}, {"dzialki", "m", two}, {"punkty", "p", orb.Point{637123.45, 486321.98}}, {"budynki", "n", nil}, {"budynki", "e", nil}} {
		o, err := s.Get(ctx, c.layer, c.id)
		if err != nil || !reflect.DeepEqual(o.Geometry, c.want) {
			t.Fatalf("%s/%s: %v %v, want %v", c.layer, c.id, o, err, c.want)
		}
	}
}

func testDateColumns(t *testing.T, b Backend) {
	layers := []store.Layer{{Name: "plany", Geometry: store.MultiPolygon, Columns: []store.Column{
		{Name: "uchwalono", Type: store.Date}, {Name: "zmiana", Type: store.DateTime}, {Name: "n", Type: store.Integer}}}}
	s := b.New(t, "d", layers)
	day := time.Date(2023, 9, 24, 0, 0, 0, 0, time.UTC)
	ts := time.Date(2023, 9, 24, 13, 14, 15, 123000000, time.UTC)
	Put(t, s, &store.Object{Layer: "plany", ID: "x", Version: "1", StartVersion: T0(1), Geometry: Square(0, 0, 1),
		Attrs: map[string]any{"uchwalono": day, "zmiana": ts, "n": 7}})
	o, _ := s.Get(ctx, "plany", "x")
	if !reflect.DeepEqual(o.Attrs, map[string]any{"uchwalono": day, "zmiana": ts, "n": int64(7)}) {
		t.Fatalf("attrs %v", o.Attrs)
	}
	if n, _ := s.Count(ctx, store.Query{Layer: "plany", Where: map[string]any{"uchwalono": day}}); n != 1 {
		t.Fatalf("where date: %d", n)
	}
	if n, _ := s.Count(ctx, store.Query{Layer: "plany", Where: map[string]any{"zmiana": ts}}); n != 1 {
		t.Fatalf("where datetime: %d", n)
	}
}

// A service may still hold a store for a moment after a reload closed it: every
// read then fails with an error, never a panic, and Close stays idempotent.
func testReadAfterClose(t *testing.T, b Backend) {
	st := newEGiB(t, b)
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	if _, err := st.Count(ctx, store.Query{Layer: "dzialki"}); err == nil {
		t.Error("Count on a closed store succeeded")
	}
	if err := st.Query(ctx, store.Query{Layer: "dzialki"}, func(store.Row) error { return nil }); err == nil {
		t.Error("Query on a closed store succeeded")
	}
	if _, err := st.Get(ctx, "dzialki", "x"); err == nil {
		t.Error("Get on a closed store succeeded")
	}
	if _, err := st.Revision(ctx); err == nil {
		t.Error("Revision on a closed store succeeded")
	}
	if _, err := st.Begin(ctx); err == nil {
		t.Error("Begin on a closed store succeeded")
	}
}
