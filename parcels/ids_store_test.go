package parcels

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/index"
	"github.com/sip-core/sip/internal/cache"
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/gpkg"
)

// Lookups by id read the store and cache the answer only for the model's
// generation: a parcel renumbered, a new parcel taking a free id and a parcel
// deleted are answered right at once after the change reaches the model,
// though the id was looked up (and cached) before.
func TestParcelByIDFollowsChanges(t *testing.T) {
	ctx := context.Background()
	st, err := gpkg.Create(filepath.Join(t.TempDir(), "ids.gpkg"), "ids", store.EGiBLayers)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	t0 := time.Date(2024, 1, 1, 10, 0, 0, 0, time.UTC)
	put := func(uuid, ver, id string, x float64, end bool) {
		t.Helper()
		start := t0.Add(time.Duration(len(ver)) * time.Hour)
		o := &store.Object{Layer: "dzialki", ID: uuid, Namespace: "PL.PZGiK.1003.EGiB", Version: ver,
			StartObject: t0, StartVersion: start,
			Geometry: orb.MultiPolygon{orb.Bound{Min: orb.Point{x, 400000}, Max: orb.Point{x + 10, 400010}}.ToPolygon()},
			Attrs:    map[string]any{"id_dzialki": id, "numer_dzialki": id[len("100301_4.0001."):], "id_obrebu": "100301_4.0001"}}
		if end {
			o.EndVersion, o.EndObject = start, start
		}
		tx, err := st.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tx.Put(ctx, o); err != nil {
			t.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	put("a", "v", "100301_4.0001.1", 500000, false)
	put("b", "v", "100301_4.0001.2", 500100, false)
	ix, err := index.Open(ctx, st, index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m := newModel(st, ix, cache.New[geomKey, located](1<<20))
	if err := m.wait(ctx); err != nil {
		t.Fatal(err)
	}
	want := func(id, uuid string) {
		t.Helper()
		p, ok, err := m.parcelByID(ctx, id)
		switch {
		case err != nil:
			t.Fatal(err)
		case uuid == "" && ok:
			t.Fatalf("%s: found %s, want none", id, p.uuid)
		case uuid != "" && (!ok || p.uuid != uuid || p.id != id):
			t.Fatalf("%s: found %v %+v, want %s", id, ok, p, uuid)
		}
	}
	catchUp := func() {
		t.Helper()
		if err := ix.CatchUp(ctx, st); err != nil {
			t.Fatal(err)
		}
	}
	want("100301_4.0001.1", "a")
	want("100301_4.0001.2", "b")
	want("100301_4.0001.3", "")
	// a renumbered, c takes the free id 3, b deleted
	put("a", "vv", "100301_4.0001.7", 500000, false)
	put("c", "v", "100301_4.0001.3", 500200, false)
	put("b", "vvv", "100301_4.0001.2", 500100, true)
	catchUp()
	want("100301_4.0001.1", "")
	want("100301_4.0001.7", "a")
	want("100301_4.0001.3", "c")
	want("100301_4.0001.2", "")
	if m.ids.Len() == 0 {
		t.Fatal("nothing cached")
	}
}
