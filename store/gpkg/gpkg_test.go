package gpkg

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/store"
)

var ctx = context.Background()

func t0(day int) time.Time { return time.Date(2020, 1, day, 10, 0, 0, 0, time.UTC) }

func square(x, y, s float64) orb.Polygon {
	return orb.Polygon{{{x, y}, {x + s, y}, {x + s, y + s}, {x, y + s}, {x, y}}}
}

func parcel(id, ver string, start time.Time, x float64) *store.Object {
	return &store.Object{
		Layer: "dzialki", ID: id, Namespace: "PL.PZGiK.1004.EGiB", Version: ver,
		StartObject: t0(1), StartVersion: start,
		Geometry: square(x, 500000, 10),
		Attrs:    map[string]any{"id_dzialki": "141201_1.0001." + id, "numer_dzialki": id, "pole_ewidencyjne": 0.01},
	}
}

func newStore(t testing.TB) (*Store, string) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "test.gpkg")
	s, err := Create(p, "test", store.EGiBLayers)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, p
}

func put(t *testing.T, s *Store, objs ...*store.Object) []store.PutResult {
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

func ended(o *store.Object, end time.Time) *store.Object {
	c := *o
	c.EndVersion = end
	return &c
}

func TestCreateOpen(t *testing.T) {
	s, p := newStore(t)
	put(t, s, parcel("a", "1", t0(2), 0))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if s2.Name() != "test" || !reflect.DeepEqual(s2.Layers(), store.EGiBLayers) {
		t.Fatalf("name %q layers %v", s2.Name(), s2.Layers())
	}
	if _, err := Create(p, "x", store.EGiBLayers); err == nil {
		t.Fatal("Create over an existing file succeeded")
	}
	// A GeoPackage that is not a SIP dataset is refused.
	other := filepath.Join(t.TempDir(), "other.gpkg")
	if out, err := exec.Command("ogr2ogr", "-f", "GPKG", other, p, "dzialki").CombinedOutput(); err == nil {
		if _, err := Open(other); err == nil || !strings.Contains(err.Error(), "not a SIP dataset") {
			t.Fatalf("foreign GeoPackage: %v", err)
		}
	} else {
		t.Logf("ogr2ogr unavailable: %s", out)
	}
	junk := filepath.Join(t.TempDir(), "junk.gpkg")
	os.WriteFile(junk, []byte("hello"), 0o644)
	if _, err := Open(junk); err == nil {
		t.Fatal("junk file opened")
	}
}

func TestLifecycle(t *testing.T) {
	s, _ := newStore(t)
	v1 := parcel("a", "1", t0(2), 0)
	v2 := parcel("a", "2", t0(5), 100)
	v3 := parcel("a", "3", t0(9), 200)

	check := func(step string, got, want store.PutResult) {
		t.Helper()
		if got != want {
			t.Fatalf("%s: got %v want %v", step, got, want)
		}
	}
	check("insert", put(t, s, v1)[0], store.Inserted)
	check("same", put(t, s, v1)[0], store.Unchanged)
	v1b := parcel("a", "1", t0(2), 0)
	v1b.Attrs["numer_kw"] = "KW1"
	check("corrected", put(t, s, v1b)[0], store.Updated)
	k1 := key(t, s, "a")
	check("newer", put(t, s, v2)[0], store.Updated)
	if k := key(t, s, "a"); k != k1 {
		t.Fatalf("row key changed %d -> %d", k1, k)
	}
	cur, _ := s.Get(ctx, "dzialki", "a")
	if cur.Version != "2" {
		t.Fatalf("current %s", cur.Version)
	}
	h, _ := s.History(ctx, "dzialki", "a")
	if len(h) != 2 || h[0].Version != "1" || !h[0].EndVersion.Equal(t0(5)) || h[1].Version != "2" {
		t.Fatalf("history %+v", h)
	}
	// The same archived version arriving as it is stored: nothing happens.
	check("archived again", put(t, s, ended(v1b, t0(5)))[0], store.Unchanged)
	// An older "current" version after a newer one never becomes current.
	check("stale current", put(t, s, v1b)[0], store.Unchanged)
	v0 := parcel("a", "0", t0(1), 50)
	check("stale older", put(t, s, v0)[0], store.Archived)
	h, _ = s.History(ctx, "dzialki", "a")
	if len(h) != 3 || h[0].Version != "0" || !h[0].EndVersion.Equal(t0(2)) {
		t.Fatalf("history %+v", h[0])
	}
	// Ended version of the current one closes it; with koniecObiekt: deleted.
	d := ended(v2, t0(9))
	d.EndObject = t0(9)
	check("delete", put(t, s, d)[0], store.Deleted)
	if _, err := s.Get(ctx, "dzialki", "a"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("deleted object still current: %v", err)
	}
	// Archived version of another object: history only.
	check("archive only", put(t, s, ended(parcel("b", "1", t0(2), 300), t0(3)))[0], store.Archived)
	if n, _ := s.Count(ctx, store.Query{Layer: "dzialki"}); n != 0 {
		t.Fatalf("count %d", n)
	}
	// Out of order: v3 current first, then its archived predecessors.
	c := parcel("c", "3", t0(9), 400)
	res := put(t, s, c, ended(parcel("c", "2", t0(5), 400), t0(9)), ended(parcel("c", "1", t0(2), 400), t0(5)))
	if !reflect.DeepEqual(res, []store.PutResult{store.Inserted, store.Archived, store.Archived}) {
		t.Fatalf("out of order: %v", res)
	}
	if g, _ := s.Get(ctx, "dzialki", "c"); g.Version != "3" {
		t.Fatalf("c current %s", g.Version)
	}
	// Current version closed by a newer ended version.
	check("insert v3", put(t, s, v3)[0], store.Inserted) // a resurrected... new version after deletion
	e := parcel("e", "1", t0(2), 600)
	put(t, s, e)
	check("newer ended", put(t, s, ended(parcel("e", "2", t0(4), 600), t0(6)))[0], store.Deleted)
	he, _ := s.History(ctx, "dzialki", "e")
	if len(he) != 2 || !he[0].EndVersion.Equal(t0(4)) {
		t.Fatalf("e history %+v", he)
	}

	// The change log: one entry per non-Unchanged result, strictly increasing.
	var ops []store.Op
	var last int64
	err := s.Changes(ctx, 0, func(c store.Change) error {
		if c.Rev <= last {
			t.Fatalf("rev %d after %d", c.Rev, last)
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

func key(t *testing.T, s *Store, id string) int64 {
	t.Helper()
	var k int64 = -1
	if err := s.Query(ctx, store.Query{Layer: "dzialki", IDs: []string{id}}, func(r store.Row) error { k = r.Key; return nil }); err != nil {
		t.Fatal(err)
	}
	return k
}

func TestChangeObjectRoundTrip(t *testing.T) {
	s, _ := newStore(t)
	o := parcel("a", "1", t0(2), 0)
	o.Attrs["klasouzytki"] = `[{"ofu":"R","pole":0.5}]` + "\n\u2028\"\\"
	b := &store.Object{Layer: "budynki", ID: "b", Version: "1", StartVersion: t0(3), StartObject: t0(3),
		Geometry: square(1, 2, 3), Attrs: map[string]any{"kondygnacje_nadziemne": int64(3), "pow_zabudowy": 12.5}}
	put(t, s, o, b)
	var got []*store.Object
	s.Changes(ctx, 0, func(c store.Change) error { got = append(got, c.Object); return nil })
	for i, want := range []*store.Object{o, b} {
		w := *want
		w.Layer = got[i].Layer
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

func fileSum(t *testing.T, p string) [32]byte {
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	h := sha256.New()
	io.Copy(h, f)
	var s [32]byte
	copy(s[:], h.Sum(nil))
	return s
}

func TestRollback(t *testing.T) {
	s, p := newStore(t)
	put(t, s, parcel("a", "1", t0(2), 0))
	s.wdb.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	before := fileSum(t, p)
	rev0, _ := s.Revision(ctx)
	ext0, _, _ := s.Extent(ctx, "dzialki")

	tx, _ := s.Begin(ctx)
	for i := 0; i < 2000; i++ { // enough to spill pages
		if _, err := tx.Put(ctx, parcel(fmt.Sprint("n", i), "1", t0(2), float64(i*20))); err != nil {
			t.Fatal(err)
		}
	}
	tx.Put(ctx, parcel("a", "2", t0(3), 5))
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Put(ctx, parcel("x", "1", t0(2), 0)); err == nil {
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
	s.wdb.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	if fileSum(t, p) != before {
		t.Fatal("file changed by a rolled-back transaction")
	}

	// A validation error does not poison the transaction.
	tx, _ = s.Begin(ctx)
	bad := parcel("z", "1", t0(2), 0)
	bad.Attrs["pesel"] = "12345678901"
	if _, err := tx.Put(ctx, bad); err == nil {
		t.Fatal("unknown attribute accepted")
	}
	if _, err := tx.Put(ctx, &store.Object{Layer: "punkty", ID: "p", Version: "1", StartVersion: t0(1), Geometry: square(0, 0, 1)}); err == nil {
		t.Fatal("polygon in a point layer accepted")
	}
	if _, err := tx.Put(ctx, parcel("ok", "1", t0(2), 0)); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

// A service may still hold a store for a moment after a reload closed it: every
// read then fails with an error, never a panic, and Close stays idempotent.
func TestReadAfterCloseErrors(t *testing.T) {
	ctx := context.Background()
	st, err := Create(filepath.Join(t.TempDir(), "c.gpkg"), "c", store.EGiBLayers)
	if err != nil {
		t.Fatal(err)
	}
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

// Lookups by a public id (a parcel id from ULDK, WFS ResourceId, the card) use an
// index instead of scanning the table.
func TestIDColumnsIndexed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.gpkg")
	st, err := Create(path, "c", store.EGiBLayers)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, q := range []struct{ table, col string }{{"dzialki", "id_dzialki"}, {"budynki", "id_budynku"}, {"punkty", "id_punktu"}} {
		var plan, detail string
		var id, parent, notused int
		row := st.rdb.QueryRow(`EXPLAIN QUERY PLAN SELECT fid FROM "` + q.table + `" WHERE "` + q.col + `" = 'x'`)
		if err := row.Scan(&id, &parent, &notused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = detail
		if !strings.Contains(plan, "USING INDEX") && !strings.Contains(plan, "USING COVERING INDEX") {
			t.Errorf("%s by %s: query plan %q scans the table", q.table, q.col, plan)
		}
	}
}

// A fresh store takes its first load in rollback-journal mode (pages written
// once) and serves readers from WAL mode afterwards.
func TestFreshStoreEntersWALAfterFirstCommit(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	mode := func() string {
		var m string
		if err := s.wdb.QueryRow("PRAGMA journal_mode").Scan(&m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	if m := mode(); m != "delete" {
		t.Fatalf("fresh store in %q mode", m)
	}
	put(t, s, parcel("a", "v1", t0(2), 0))
	if m := mode(); m != "wal" {
		t.Fatalf("after the first commit: %q mode", m)
	}
	// Reopened, a store is in WAL mode from the start.
	path := s.Path()
	s.Close()
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	var m string
	s2.wdb.QueryRow("PRAGMA journal_mode").Scan(&m)
	if m != "wal" {
		t.Fatalf("reopened store in %q mode", m)
	}
	if n, _ := s2.Count(ctx, store.Query{Layer: "dzialki"}); n != 1 {
		t.Fatalf("count %d", n)
	}
}
