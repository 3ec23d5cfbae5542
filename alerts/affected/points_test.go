package affected

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/ingest/prg"
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/gpkg"
)

// writeRegister writes an address-point register over a county's buildings: a
// point at the centre of each building's box, gmina Łask's under the whole
// miejsko-wiejska gmina's code 1003013, Buczek's under 1003022; every
// tenth is planned.
func writeRegister(t *testing.T, county store.Reader) (*gpkg.Store, string, map[string]string) {
	t.Helper()
	ctx := context.Background()
	p := filepath.Join(t.TempDir(), "adresy.gpkg")
	reg, err := gpkg.Create(p, "adresy", prg.Layers)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { reg.Close() })
	tx, _ := reg.Begin(ctx)
	status := map[string]string{}
	n := 0
	err = county.Query(ctx, store.Query{Layer: "budynki"}, func(r store.Row) error {
		id, _ := r.Attrs["id_budynku"].(string)
		terc := map[string]string{"100301_4": "1003013", "100302_2": "1003022"}[id[:8]]
		if terc == "" {
			return nil
		}
		n++
		st := "istniejacy"
		if n%10 == 0 {
			st = "prognozowany"
		}
		lid := fmt.Sprintf("pt-%05d", n)
		status[lid] = st
		_, err := tx.Put(ctx, &store.Object{Layer: prg.Layer, ID: lid, Version: "1", StartObject: r.StartObject, StartVersion: r.StartObject,
			Geometry: r.Geometry.Bound().Center(), Attrs: map[string]any{"teryt_gminy": terc, "adres": "Adres " + lid, "status": st}})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	return reg, p, status
}

func TestRegisterEqualsSpatiaLite(t *testing.T) {
	ctx := context.Background()
	st, _ := county(t)
	reg, regPath, status := writeRegister(t, st)
	model, err := Build(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	if err := model.AddRegister(ctx, reg, st); err != nil {
		t.Fatal(err)
	}
	gmina := jednostka(t, st, "nazwa", "Łask")
	c := gmina.Bound().Center()
	for name, mp := range map[string]orb.MultiPolygon{"gmina": gmina, "star": star(c, 1500), "county": append(gmina, jednostka(t, st, "nazwa", "Buczek")...)} {
		a, err := Prepare(mp)
		if err != nil {
			t.Fatal(err)
		}
		res, err := model.Select(ctx, st, a, nil)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, id := range spatialite(t, regPath, prg.Layer, "lokalny_id", mp) {
			if status[id] != "prognozowany" {
				want = append(want, id)
			}
		}
		var got []string
		perUnit := map[string]int{}
		for _, p := range res.Points {
			got = append(got, p.ID)
			perUnit[p.Unit]++
		}
		sort.Strings(got)
		if strings.Join(got, ",") != strings.Join(want, ",") || len(want) == 0 {
			t.Errorf("%s: %d points selected, SpatiaLite %d (planned left out)", name, len(got), len(want))
		}
		for _, u := range res.Units {
			if u.Source != SourceRegister || u.Addresses != perUnit[u.ID] {
				t.Errorf("%s: unit %s: %d addresses from %s, %d points", name, u.ID, u.Addresses, u.Source, perUnit[u.ID])
			}
		}
	}
	if !model.Covered("100301_4") || !model.Covered("100302_2") || model.Covered("100303_2") {
		t.Error("the register's gminy are not the covered units")
	}
	// a register address is found; the cadastre's are still found too
	if id, label, _, ok := model.LookupPoint(" adres  PT-00001 "); !ok || id != "pt-00001" || label != "Adres pt-00001" {
		t.Errorf("LookupPoint: %s %q %v", id, label, ok)
	}
}
