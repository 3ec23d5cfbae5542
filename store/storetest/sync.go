package storetest

import (
	"fmt"
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/store"
)

func syncStore(t *testing.T, s store.Store) store.SyncStore {
	t.Helper()
	ss, ok := s.(store.SyncStore)
	if !ok {
		t.Fatalf("%T is not a store.SyncStore", s)
	}
	return ss
}

// CheckSums compares the running state hash of a store with a recomputation
// from its rows.
func CheckSums(t testing.TB, s store.SyncStore, what string) {
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
	start := T0(2 + v)
	o := &store.Object{Layer: layer, ID: id, Namespace: "PL.PZGiK.1004.EGiB", Version: fmt.Sprintf("v%d", v),
		StartObject: T0(1), StartVersion: start}
	x := float64(rnd.Intn(50)) * 20
	switch layer {
	case "dzialki":
		o.Geometry = Square(x, 500000, 10)
		o.Attrs = map[string]any{"id_dzialki": "141201_1.0001." + id, "numer_dzialki": fmt.Sprint(rnd.Intn(3))}
	default:
		o.Geometry = orb.MultiPolygon{Square(x, 400000, 5)}
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

// testRunningStateHash: after random transactions (lifecycle puts in both
// layers, resets, clears, object-less deletes, commits and rollbacks) the running
// sums always equal a fresh recomputation, inside the transaction and after it.
func testRunningStateHash(t *testing.T, b Backend) {
	s := syncStore(t, newEGiB(t, b))
	rnd := rand.New(rand.NewSource(42))
	committed := 0
	for round := 0; round < 200; round++ {
		if b.Vary != nil {
			b.Vary(rnd)
		}
		tx, err := s.BeginSync(ctx, "src")
		if err != nil {
			t.Fatal(err)
		}
		failed := true // a failed round must not leave the writer busy
		func() {
			defer func() {
				if failed {
					tx.Rollback()
				}
			}()
			stateRound(t, rnd, tx, round)
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
		CheckSums(t, s, fmt.Sprintf("round %d", round))
	}
	if committed < 100 {
		t.Fatalf("only %d commits", committed)
	}
	if h := StateHash(t, s, []string{"dzialki"}); h == (store.StateHash{}) {
		t.Fatal("dzialki ended empty: the test exercised little")
	}
}

// stateRound runs the random operations of one round in tx and checks the
// running sum against a recomputation inside the transaction.
func stateRound(t *testing.T, rnd *rand.Rand, tx store.SyncTx, round int) {
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

// testResetLogsDeletes: removing rows in a sync apply (ResetObject, ClearLayers)
// logs a delete per removed row, bounded by the removed geometry, so an object
// that does not come back is dropped by the index and its tiles are invalidated.
func testResetLogsDeletes(t *testing.T, b Backend) {
	s := syncStore(t, newEGiB(t, b))
	a1, a2 := Parcel("a", "1", T0(2), 1000), Parcel("a", "2", T0(3), 2000)
	Put(t, s, a1, a2, Parcel("b", "1", T0(2), 3000))
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
	apply := func(fn func(tx store.SyncTx) error) {
		t.Helper()
		tx, err := s.BeginSync(ctx, "src")
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback() // no-op once committed; a failure must not leave the writer busy
		if err := fn(tx); err != nil {
			t.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	// Reset: a (current v2 and archived v1) removed and not put back.
	rev, _ := s.Revision(ctx)
	apply(func(tx store.SyncTx) error { return tx.ResetObject(ctx, store.ObjKey{Layer: "dzialki", ID: "a"}) })
	d := deletes(rev)
	if len(d) != 2 || d["a/2"] != bound(a2) || d["a/1"] != bound(a1) {
		t.Fatalf("deletes logged by the reset: %v", d)
	}
	if _, err := s.Get(ctx, "dzialki", "a"); err == nil {
		t.Fatal("a still current")
	}
	CheckSums(t, s, "after the reset")
	// Snapshot reload: every row is removed, b comes back moved, c is new.
	rev, _ = s.Revision(ctx)
	apply(func(tx store.SyncTx) error {
		if err := tx.ClearLayers(ctx, []string{"dzialki"}); err != nil {
			return err
		}
		for _, o := range []*store.Object{Parcel("b", "1", T0(2), 5000), Parcel("c", "1", T0(2), 6000)} {
			if _, err := tx.Put(ctx, o); err != nil {
				return err
			}
		}
		return nil
	})
	d = deletes(rev)
	if len(d) != 1 || d["b/1"] != bound(Parcel("b", "1", T0(2), 3000)) {
		t.Fatalf("deletes logged by the reload: %v", d)
	}
	CheckSums(t, s, "after the reload")
	if ext, _, _ := s.Extent(ctx, "dzialki"); ext != (orb.Bound{Min: orb.Point{5000, 500000}, Max: orb.Point{6010, 500010}}) {
		t.Fatalf("extent after the reload %v", ext)
	}
}

// testSyncTables: checkpoints, diverged objects, layer ownership and local
// edits, committed with the transaction and gone with a rollback.
func testSyncTables(t *testing.T, b Backend) {
	county := syncStore(t, newEGiB(t, b))
	Put(t, county, Parcel("p1", "1", T0(2), 0))
	if _, ok, err := county.SyncCheckpoint(ctx, "gmina"); ok || err != nil {
		t.Fatalf("checkpoint before the first pull: %v %v", ok, err)
	}
	zone := store.Layer{Name: "mpzp", Geometry: store.MultiPolygon, Columns: []store.Column{{Name: "oznaczenie", Type: store.Text}}}
	z := func(id, ver string) *store.Object {
		return &store.Object{Layer: "mpzp", ID: id, Version: ver, StartVersion: T0(3), Geometry: Square(10, 10, 5), Attrs: map[string]any{"oznaczenie": "1MN"}}
	}
	// A rolled-back apply leaves neither the layer nor the checkpoint.
	tx, err := county.BeginSync(ctx, "gmina")
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.EnsureLayers(ctx, []store.Layer{zone}); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Put(ctx, z("z1", "1")); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.SetCheckpoint(ctx, store.SyncCheckpoint{SourceRev: 5, StateHash: "x", Time: "t"}); err != nil {
		t.Fatal(err)
	}
	tx.Rollback()
	if _, ok := store.LayerByName(county.Layers(), "mpzp"); ok {
		t.Fatal("a rolled-back EnsureLayers left the layer in the schema")
	}
	if _, ok, _ := county.SyncCheckpoint(ctx, "gmina"); ok {
		t.Fatal("a rolled-back checkpoint was kept")
	}
	// Committed: the layer is there (also when reopened), owned, with a checkpoint.
	tx, _ = county.BeginSync(ctx, "gmina")
	if err := tx.EnsureLayers(ctx, []store.Layer{zone}); err != nil {
		t.Fatal(err)
	}
	for _, o := range []*store.Object{z("z1", "1"), z("z2", "1")} {
		if _, err := tx.Put(ctx, o); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.SetDiverged(ctx, []store.ObjKey{{Layer: "mpzp", ID: "z2"}}); err != nil {
		t.Fatal(err)
	}
	cp, err := tx.SetCheckpoint(ctx, store.SyncCheckpoint{URL: "http://g", SourceRev: 7, Anchor: "a", StateHash: "h", Time: "t"})
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if rev, _ := county.Revision(ctx); cp.LocalRev != rev || rev != 3 {
		t.Fatalf("checkpoint local revision %d, store at %d", cp.LocalRev, rev)
	}
	got, ok, err := county.SyncCheckpoint(ctx, "gmina")
	if err != nil || !ok || got != cp {
		t.Fatalf("checkpoint %+v %v %v, want %+v", got, ok, err, cp)
	}
	if l, _ := county.SyncLayers(ctx, "gmina"); !reflect.DeepEqual(l, []string{"mpzp"}) {
		t.Fatalf("owned layers %v", l)
	}
	if d, _ := county.SyncDiverged(ctx, "gmina"); !reflect.DeepEqual(d, []store.ObjKey{{Layer: "mpzp", ID: "z2"}}) {
		t.Fatalf("diverged %v", d)
	}
	again := syncStore(t, b.Reopen(t, county, false))
	if _, ok := store.LayerByName(again.Layers(), "mpzp"); !ok {
		t.Fatal("the synced layer is not in the reopened store's schema")
	}
	// The county edits z1: a local edit after the checkpoint.
	Put(t, county, &store.Object{Layer: "mpzp", ID: "z1", Version: "county", StartVersion: T0(4), Geometry: Square(10, 10, 6)})
	if e, _ := county.LocalEdits(ctx, cp.LocalRev, []string{"mpzp"}); !reflect.DeepEqual(e, []store.ObjKey{{Layer: "mpzp", ID: "z1"}}) {
		t.Fatalf("local edits %v", e)
	}
	// Another source may not take the layer, nor a layer with the county's rows.
	tx, _ = county.BeginSync(ctx, "other")
	defer tx.Rollback()
	if err := tx.EnsureLayers(ctx, []store.Layer{zone}); err == nil || !strings.Contains(err.Error(), "already synced") {
		t.Fatalf("another source took the layer: %v", err)
	}
	dz, _ := store.LayerByName(store.EGiBLayers, "dzialki")
	if err := tx.EnsureLayers(ctx, []store.Layer{dz}); err == nil || !strings.Contains(err.Error(), "of this store's own") {
		t.Fatalf("a source took the county's own layer: %v", err)
	}
}

// testSyncLock: the pull lock is exclusive and freed by unlock.
func testSyncLock(t *testing.T, b Backend) {
	s := syncStore(t, newEGiB(t, b))
	other := syncStore(t, b.Reopen(t, s, false))
	unlock, err := s.LockSync(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.LockSync(ctx); err == nil || !strings.Contains(err.Error(), "another sync pull is running") {
		t.Fatalf("second lock: %v", err)
	}
	unlock()
	u2, err := other.LockSync(ctx)
	if err != nil {
		t.Fatalf("lock after unlock: %v", err)
	}
	u2()
}
