package gpkg

import (
	"fmt"
	"math/rand"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/store"
)

// sumsValid reports whether every stored running sum is valid at the store's
// newest revision (so store.StateHash reads them rather than recomputing).
func sumsValid(t *testing.T, s *Store, layers ...string) {
	t.Helper()
	rev, err := logRev(ctx, s.rdb)
	if err != nil {
		t.Fatal(err)
	}
	stored, err := storedSums(ctx, s.rdb, rev)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range layers {
		if _, ok := stored[l]; !ok {
			t.Fatalf("no running sum of %s valid at revision %d", l, rev)
		}
	}
}

// checkSums compares the running sums with a recomputation from the rows.
func checkSums(t *testing.T, s *Store, what string) {
	t.Helper()
	sn, err := s.ReadSnapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer sn.Close()
	for _, layers := range [][]string{nil, {"dzialki"}, {"budynki"}} {
		got, err := sn.StateHash(ctx, layers)
		if err != nil {
			t.Fatal(err)
		}
		want, err := sn.RecomputeStateHash(ctx, layers)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Fatalf("%s: running state hash of %v %s != recomputed %s", what, layers, got, want)
		}
	}
}

// randomVersion is a version of one of a few objects, with random start, ends and
// content: current, older than stored ones, ended, ending the object, corrected.
func randomVersion(rnd *rand.Rand, layer string) *store.Object {
	id := fmt.Sprintf("obj-%d", rnd.Intn(12))
	v := rnd.Intn(6)
	start := t0(2 + v)
	o := &store.Object{Layer: layer, ID: id, Namespace: "PL.PZGiK.1004.EGiB", Version: fmt.Sprintf("v%d", v),
		StartObject: t0(1), StartVersion: start}
	x := float64(rnd.Intn(50)) * 20
	switch layer {
	case "dzialki":
		o.Geometry = square(x, 500000, 10)
		o.Attrs = map[string]any{"id_dzialki": "141201_1.0001." + id, "numer_dzialki": fmt.Sprint(rnd.Intn(3))}
	default:
		o.Geometry = orb.MultiPolygon{square(x, 400000, 5)}
		o.Attrs = map[string]any{"id_budynku": id + ".BUD"}
	}
	switch rnd.Intn(6) {
	case 0:
		o.EndVersion = start.Add(time.Duration(1+rnd.Intn(48)) * time.Hour)
	case 1:
		o.EndVersion = start.Add(time.Duration(1+rnd.Intn(48)) * time.Hour)
		o.EndObject = o.EndVersion
	}
	return o
}

// TestRunningStateHash: after random transactions (lifecycle puts in both layers,
// bulk mode, resets, clears, object-less deletes, commits and rollbacks) the running
// sums always equal a fresh recomputation, inside the transaction and after it.
func TestRunningStateHash(t *testing.T) {
	defer func(b int) { bulkAfter = b }(bulkAfter)
	s, _ := newStore(t)
	rnd := rand.New(rand.NewSource(42))
	committed := 0
	for round := 0; round < 300; round++ {
		bulkAfter = []int{512, 3}[rnd.Intn(2)]
		tx, err := s.beginSync(ctx, "src")
		if err != nil {
			t.Fatal(err)
		}
		failed := true // a failed round must not leave the writer busy (Close waits for it)
		func() {
			defer func() {
				if failed {
					tx.Rollback()
				}
			}()
			round1(t, rnd, tx, round)
			failed = false
		}()
		if rnd.Intn(4) == 0 {
			if err := tx.Rollback(); err != nil {
				t.Fatal(err)
			}
		} else {
			if err := tx.Commit(); err != nil {
				t.Fatal(err)
			}
			committed++
		}
		checkSums(t, s, fmt.Sprintf("round %d", round))
	}
	sumsValid(t, s, "dzialki", "budynki")
	if committed < 150 {
		t.Fatalf("only %d commits", committed)
	}
	sn, _ := s.ReadSnapshot(ctx)
	h, _ := sn.StateHash(ctx, []string{"dzialki"})
	sn.Close()
	if h == (store.StateHash{}) {
		t.Fatal("dzialki ended empty: the test exercised little")
	}
}

// round1 runs the random operations of one round in tx and checks the running sum
// against a recomputation inside the transaction.
func round1(t *testing.T, rnd *rand.Rand, tx *SyncTx, round int) {
	t.Helper()
	if rnd.Intn(15) == 0 {
		if err := tx.ClearLayers(ctx, []string{"budynki"}); err != nil {
			t.Fatal(err)
		}
	}
	for n := rnd.Intn(12); n > 0; n-- {
		layer := []string{"dzialki", "budynki"}[rnd.Intn(2)]
		switch rnd.Intn(10) {
		case 0:
			if err := tx.ResetObject(ctx, store.ObjKey{Layer: layer, ID: fmt.Sprintf("obj-%d", rnd.Intn(12))}); err != nil {
				t.Fatal(err)
			}
		case 1:
			c := store.RawChange{Layer: layer, ID: fmt.Sprintf("obj-%d", rnd.Intn(12)), Version: "v1", Op: "delete"}
			if _, err := tx.PutRaw(ctx, c); err != nil {
				t.Fatal(err)
			}
		default:
			if _, err := tx.Put(ctx, randomVersion(rnd, layer)); err != nil {
				t.Fatal(err)
			}
		}
	}
	got, err := tx.StateHash(ctx, []string{"dzialki", "budynki"})
	if err != nil {
		t.Fatal(err)
	}
	want, err := tx.RecomputeStateHash(ctx, []string{"dzialki", "budynki"})
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Fatalf("round %d: inside the transaction the running sum %s != recomputed %s", round, got, want)
	}
}

// TestRunningStateHashStale: a writer that changes rows and logs without keeping the
// sums (an older binary) leaves them stale; readers then recompute, and the next
// transaction touching the layer stores a right sum again.
func TestRunningStateHashStale(t *testing.T) {
	s, _ := newStore(t)
	put(t, s, parcel("a", "1", t0(2), 0), parcel("b", "1", t0(2), 100))
	sumsValid(t, s, "dzialki")
	// The old writer: a row and its log entry, no sum.
	if _, err := s.wdb.Exec(`UPDATE dzialki SET sip_hash = 'x' WHERE lokalny_id = 'a'`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.wdb.Exec(`INSERT INTO sip_changes (time, layer, lokalny_id, wersja_id, op) VALUES ('2024-01-01T00:00:00Z', 'dzialki', 'a', '1', 'update')`); err != nil {
		t.Fatal(err)
	}
	checkSums(t, s, "after the old writer")
	put(t, s, parcel("c", "1", t0(2), 200))
	sumsValid(t, s, "dzialki")
	checkSums(t, s, "after the repair")
}

// TestResetLogsDeletes: removing rows in a sync apply (ResetObject, ClearLayers)
// logs a delete per removed row, bounded by the removed geometry, so an object
// that does not come back is dropped by the index and its tiles are invalidated.
func TestResetLogsDeletes(t *testing.T) {
	s, _ := newStore(t)
	a1, a2 := parcel("a", "1", t0(2), 1000), parcel("a", "2", t0(3), 2000)
	put(t, s, a1, a2, parcel("b", "1", t0(2), 3000))
	bound := func(o *store.Object) orb.Bound { return o.Geometry.Bound() }
	deletes := func(since int64) map[string]orb.Bound {
		t.Helper()
		out := map[string]orb.Bound{}
		if err := s.Changes(ctx, since, func(c store.Change) error {
			if c.Op == store.OpDelete && c.Object == nil {
				out[c.ID+"/"+c.Version] = c.Bounds
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return out
	}

	// Reset: a (current v2 and archived v1) removed and not put back.
	rev, _ := s.Revision(ctx)
	tx, err := s.beginSync(ctx, "src")
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback() // no-op once committed; a failure must not leave the writer busy
	if err := tx.ResetObject(ctx, store.ObjKey{Layer: "dzialki", ID: "a"}); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	d := deletes(rev)
	if len(d) != 2 || d["a/2"] != bound(a2) || d["a/1"] != bound(a1) {
		t.Fatalf("deletes logged by the reset: %v", d)
	}
	if _, err := s.Get(ctx, "dzialki", "a"); err == nil {
		t.Fatal("a still current")
	}
	checkSums(t, s, "after the reset")

	// Snapshot reload: every row is removed, b comes back moved, c is new.
	rev, _ = s.Revision(ctx)
	tx, err = s.beginSync(ctx, "src")
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if err := tx.ClearLayers(ctx, []string{"dzialki"}); err != nil {
		t.Fatal(err)
	}
	for _, o := range []*store.Object{parcel("b", "1", t0(2), 5000), parcel("c", "1", t0(2), 6000)} {
		if _, err := tx.Put(ctx, o); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	d = deletes(rev)
	if len(d) != 1 || d["b/1"] != bound(parcel("b", "1", t0(2), 3000)) {
		t.Fatalf("deletes logged by the reload: %v", d)
	}
	checkSums(t, s, "after the reload")
	sumsValid(t, s, "dzialki")
}
