package tiles

import (
	"bytes"
	"path/filepath"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/gpkg"
)

// editCounty changes the store: one parcel reshaped and renumbered, another
// deleted. It returns the parcels' ids.
func editCounty(t *testing.T, path string) (moved, deleted *store.Object) {
	t.Helper()
	s, err := gpkg.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var parcels []*store.Object
	err = s.Query(bg, store.Query{Layer: "dzialki", Limit: 400}, func(r store.Row) error {
		parcels = append(parcels, r.Object)
		return nil
	})
	if err != nil || len(parcels) < 400 {
		t.Fatalf("parcels: %d %v", len(parcels), err)
	}
	when := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	a := *parcels[100]
	a.Version = "2026-01-02T03:04:05"
	a.StartVersion = when
	a.Attrs = map[string]any{}
	for k, v := range parcels[100].Attrs {
		a.Attrs[k] = v
	}
	a.Attrs["numer_dzialki"] = "999/9"
	// Shrink the parcel towards its centre by a fifth.
	c := a.Geometry.Bound().Center()
	mp := a.Geometry.(orb.MultiPolygon)
	var nm orb.MultiPolygon
	for _, p := range mp {
		var np orb.Polygon
		for _, r := range p {
			var nr orb.Ring
			for _, pt := range r {
				nr = append(nr, orb.Point{c[0] + (pt[0]-c[0])*0.8, c[1] + (pt[1]-c[1])*0.8})
			}
			np = append(np, nr)
		}
		nm = append(nm, np)
	}
	a.Geometry = nm
	d := *parcels[300]
	d.Version = "2026-01-02T03:04:05"
	d.StartVersion = when
	d.EndObject = when
	d.EndVersion = when
	tx, err := s.Begin(bg)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range []*store.Object{&a, &d} {
		if _, err := tx.Put(bg, o); err != nil {
			tx.Rollback()
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	return &a, &d
}

// TestUpdateEqualsRebuild: after store changes, `tiles update` re-renders only
// the touched tiles, and the result is tile for tile what a full rebuild gives.
func TestUpdateEqualsRebuild(t *testing.T) {
	dir := t.TempDir()
	sp := copyCounty(t, dir)
	outs := map[string]*Grid{"u.mbtiles": WebMercatorQuad, "u.pmtiles": WebMercatorQuad, "u-tiles.gpkg": PL1992}
	before := map[string]map[TileKey][]byte{}
	for name, g := range outs {
		p := filepath.Join(dir, name)
		build(t, sp, p, g, 11, 16)
		before[name] = allTiles(t, p)
	}
	r0 := openRO(t, sp)
	var first []store.Row
	r0.Query(bg, store.Query{Layer: "dzialki", Limit: 400}, func(row store.Row) error { first = append(first, row); return nil })
	movedKey, deletedKey := uint64(first[100].Key), uint64(first[300].Key)
	moved, deleted := editCounty(t, sp)
	r := openRO(t, sp)
	if k := rowKey(t, r, "dzialki", moved.ID); k != movedKey || deleted.ID != first[300].ID {
		t.Fatalf("row key changed across versions: %d -> %d", movedKey, k)
	}
	for name, g := range outs {
		p := filepath.Join(dir, name)
		rep, err := Update(bg, r, p)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if rep.Changes < 2 || rep.Rendered == 0 || rep.Rendered >= len(before[name])/2 {
			t.Errorf("%s: %+v (of %d tiles): not incremental", name, rep, len(before[name]))
		}
		fresh := filepath.Join(dir, "fresh-"+name)
		build(t, sp, fresh, g, 11, 16)
		got, want := allTiles(t, p), allTiles(t, fresh)
		if len(got) != len(want) {
			t.Errorf("%s: %d tiles after update, %d in a rebuild", name, len(got), len(want))
		}
		changed := 0
		for k, w := range want {
			if !bytes.Equal(got[k], w) {
				t.Errorf("%s: tile %v differs from the rebuild", name, k)
			}
			if !bytes.Equal(before[name][k], w) {
				changed++
			}
		}
		if changed == 0 {
			t.Errorf("%s: the edit changed no tile", name)
		}
		// The updated file knows its revision: a second update is a no-op.
		rep2, err := Update(bg, r, p)
		if err != nil || rep2.Changes != 0 || rep2.Rendered != 0 {
			t.Errorf("%s: second update %+v %v", name, rep2, err)
		}
		// The renumbered parcel's new label is in the updated tiles at z16; the
		// deleted parcel is gone.
		foundNew, foundDeleted := false, false
		for k, gz := range got {
			if k.Z != 16 {
				continue
			}
			tile, _ := DecodeTile(gz)
			if l := tile.Layer(LabelLayer); l != nil {
				for _, f := range l.Features {
					if f.ID == movedKey && f.Props["numer_dzialki"] == "999/9" {
						foundNew = true
					}
				}
			}
			if l := tile.Layer("dzialki"); l != nil {
				for _, f := range l.Features {
					if f.ID == deletedKey {
						foundDeleted = true
					}
				}
			}
		}
		if !foundNew || foundDeleted {
			t.Errorf("%s: renumbered label found=%v, deleted parcel still present=%v", name, foundNew, foundDeleted)
		}
		t.Logf("%s: %+v", name, rep)
	}
	// Tiles newer than the store: refused.
	other := filepath.Join(t.TempDir(), "county.gpkg")
	s2, _ := gpkg.Create(other, "county", store.EGiBLayers)
	s2.Close()
	if _, err := Update(bg, openRO(t, other), filepath.Join(dir, "u.mbtiles")); err == nil {
		t.Error("update from an older store accepted")
	}
}
