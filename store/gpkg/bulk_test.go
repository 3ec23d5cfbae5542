package gpkg

import (
	"database/sql"
	"math"
	"reflect"
	"testing"

	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/storetest"
)

// withBulkAfter sets bulkAfter for one test.
func withBulkAfter(t *testing.T, n int) {
	old := bulkAfter
	bulkAfter = n
	t.Cleanup(func() { bulkAfter = old })
}

// lifecycleMix is a transaction's worth of every code path that writes a feature
// table (storetest.LifecycleMix).
func lifecycleMix(n int) []*store.Object { return storetest.LifecycleMix(n) }

type rtreeRow struct {
	ID                     int64
	MinX, MaxX, MinY, MaxY float64
}

func dump(t *testing.T, db *sql.DB, q string) []rtreeRow {
	t.Helper()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []rtreeRow
	for rows.Next() {
		var r rtreeRow
		if err := rows.Scan(&r.ID, &r.MinX, &r.MaxX, &r.MinY, &r.MaxY); err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	return out
}

// checkRtrees compares every R-tree with the envelopes of its table's geometries and
// checks that the six triggers of every table are in place.
func checkRtrees(t *testing.T, s *Store) {
	t.Helper()
	for _, l := range s.layers {
		for _, tbl := range []string{l.Name, l.Name + historySuffix} {
			rt := quote("rtree_" + tbl + "_geom")
			got := dump(t, s.wdb, `SELECT id, minx, maxx, miny, maxy FROM `+rt+` ORDER BY id`)
			want := dump(t, s.wdb, `SELECT fid, ST_MinX(geom), ST_MaxX(geom), ST_MinY(geom), ST_MaxY(geom) FROM `+
				quote(tbl)+` WHERE geom NOT NULL AND NOT ST_IsEmpty(geom) ORDER BY fid`)
			if len(got) != len(want) {
				t.Fatalf("%s: %d R-tree rows for %d geometries", tbl, len(got), len(want))
			}
			for i := range got {
				g, w := got[i], want[i]
				// float32 boxes rounded outwards
				if g.ID != w.ID || g.MinX > w.MinX || g.MinY > w.MinY || g.MaxX < w.MaxX || g.MaxY < w.MaxY ||
					math.Abs(g.MinX-w.MinX) > 0.1 || math.Abs(g.MaxY-w.MaxY) > 0.1 {
					t.Fatalf("%s: R-tree row %+v for geometry %+v", tbl, g, w)
				}
			}
			var n int
			if err := s.wdb.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?`, tbl).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != 6 {
				t.Fatalf("%s: %d triggers, want 6", tbl, n)
			}
		}
	}
}

// TestBulkRtree: a transaction large enough for bulk mode leaves exactly the R-trees
// the triggers maintain, through inserts, moves to the history, in-place updates,
// deletions and NULL geometries, also on a store that already holds data.
func TestBulkRtree(t *testing.T) {
	objs := lifecycleMix(300)
	load := func(after int) *Store {
		withBulkAfter(t, after)
		s, _ := newStore(t)
		put(t, s, objs[:100]...) // a first load, then a second one on a non-empty store
		put(t, s, objs[100:]...)
		checkRtrees(t, s)
		return s
	}
	trig, bulk := load(1<<30), load(10)
	for _, l := range trig.layers {
		for _, tbl := range []string{l.Name, l.Name + historySuffix} {
			q := `SELECT id, minx, maxx, miny, maxy FROM ` + quote("rtree_"+tbl+"_geom") + ` ORDER BY id`
			if a, b := dump(t, trig.wdb, q), dump(t, bulk.wdb, q); !reflect.DeepEqual(a, b) {
				t.Fatalf("%s: R-tree differs between the trigger and the bulk path", tbl)
			}
		}
	}
	var a, b []store.Change
	trig.Changes(ctx, 0, func(c store.Change) error { c.Time = c.Time.UTC(); a = append(a, c); return nil })
	bulk.Changes(ctx, 0, func(c store.Change) error { c.Time = c.Time.UTC(); b = append(b, c); return nil })
	if len(a) != len(b) || len(a) == 0 {
		t.Fatalf("change logs: %d and %d entries", len(a), len(b))
	}
	for i := range a {
		a[i].Time = b[i].Time // the two stores committed at different moments
		if !reflect.DeepEqual(a[i], b[i]) {
			t.Fatalf("change %d differs:\n%+v\n%+v", i, a[i], b[i])
		}
	}
}

// TestBulkRollback: rolling back a bulk transaction restores the file byte for byte,
// triggers included, and the next transaction maintains the R-tree again.
func TestBulkRollback(t *testing.T) {
	withBulkAfter(t, 10)
	s, p := newStore(t)
	put(t, s, lifecycleMix(50)...)
	s.wdb.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	before := fileSum(t, p)

	tx, err := s.BeginTx(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range lifecycleMix(200) {
		if _, err := tx.Put(ctx, o); err != nil {
			t.Fatal(err)
		}
	}
	if !tx.tables["dzialki"].bulk {
		t.Fatal("transaction not in bulk mode")
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	s.wdb.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	if fileSum(t, p) != before {
		t.Fatal("file changed by a rolled-back bulk transaction")
	}
	checkRtrees(t, s)

	withBulkAfter(t, 1<<30)
	put(t, s, parcel("late", "1", t0(2), 123456))
	checkRtrees(t, s)
}
