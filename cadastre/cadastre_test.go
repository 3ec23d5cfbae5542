package cadastre

import (
	"context"
	"encoding/xml"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/sip-core/sip/synth/synthstore"

	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/gpkg"
)

// loadCounty generates a small synthetic county, ingests it into a real
// GeoPackage and returns the store and the generated files.
func loadCounty(t *testing.T) (store.Store, []string) {
	t.Helper()
	path, stats, err := synthstore.Build(context.Background(), t.TempDir(), synthstore.Options{Parcels: 300, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	st, err := gpkg.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st, stats.Files
}

// gmlNames reads obręb and jednostka names straight from the generated GML, as an
// independent source for what the store-backed Names must answer.
func gmlNames(t *testing.T, files []string) (obreby, jednostki map[string]string) {
	obreby, jednostki = map[string]string{}, map[string]string{}
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		dec := xml.NewDecoder(fh)
		var class, id string
		for {
			tok, err := dec.Token()
			if err != nil {
				break
			}
			se, ok := tok.(xml.StartElement)
			if !ok {
				continue
			}
			switch se.Name.Local {
			case "EGB_ObrebEwidencyjny", "EGB_JednostkaEwidencyjna":
				class, id = se.Name.Local, ""
			case "idObrebu", "idJednostkiEwid":
				var v string
				dec.DecodeElement(&v, &se)
				id = strings.TrimSpace(v)
			case "nazwaWlasna":
				var v string
				dec.DecodeElement(&v, &se)
				if class == "EGB_ObrebEwidencyjny" {
					obreby[id] = strings.TrimSpace(v)
				} else if class == "EGB_JednostkaEwidencyjna" {
					jednostki[id] = strings.TrimSpace(v)
				}
			}
		}
		fh.Close()
	}
	return obreby, jednostki
}

func TestNamesAndKIEGParcel(t *testing.T) {
	ctx := context.Background()
	st, files := loadCounty(t)
	wantObreby, wantJednostki := gmlNames(t, files)
	if len(wantObreby) == 0 || len(wantJednostki) == 0 {
		t.Fatalf("generated GML has no obręby/jednostki names: %v %v", wantObreby, wantJednostki)
	}
	n, err := LoadNames(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	for id, name := range wantObreby {
		if got, ok := n.Obreb(id); !ok || got != name {
			t.Errorf("Obreb(%s) = %q, %v; GML says %q", id, got, ok, name)
		}
		if ids := n.ObrebyByName(strings.ToUpper(name)); !contains(ids, id) {
			t.Errorf("ObrebyByName(%q) = %v, want it to contain %s", name, ids, id)
		}
	}
	for id, name := range wantJednostki {
		if got, ok := n.Gmina(id); !ok || got != name {
			t.Errorf("Gmina(%s) = %q, %v; GML says %q", id, got, ok, name)
		}
	}

	idRe := regexp.MustCompile(`^\d{6}_\d\.\d{4}\.(AR_\d+\.)?\d+(/\d+)?$`)
	checked := 0
	err = st.Query(ctx, store.Query{Layer: "dzialki", Limit: 50}, func(row store.Row) error {
		rec := n.KIEGParcel(row.Object)
		wantOrder := []string{"ID_DZIALKI", "NUMER_DZIALKI", "NUMER_ARKUSZA", "NUMER_OBREBU", "NAZWA_OBREBU", "NAZWA_GMINY", "POLE_EWIDENCYJNE", "KW", "GRUPA_REJESTROWA", "DATA"}
		for i, f := range rec {
			if f.Name != wantOrder[i] {
				t.Fatalf("field %d = %s, want %s", i, f.Name, wantOrder[i])
			}
		}
		v := map[string]string{}
		for _, f := range rec {
			v[f.Name] = f.Value
		}
		id := v["ID_DZIALKI"]
		if !idRe.MatchString(id) {
			t.Errorf("ID_DZIALKI %q is not a parcel id", id)
		}
		if !strings.HasSuffix(id, "."+v["NUMER_DZIALKI"]) {
			t.Errorf("NUMER_DZIALKI %q is not the end of %q", v["NUMER_DZIALKI"], id)
		}
		obrebID := id[:13]
		if v["NUMER_OBREBU"] != id[9:13] {
			t.Errorf("NUMER_OBREBU %q, want %q", v["NUMER_OBREBU"], id[9:13])
		}
		if v["NAZWA_OBREBU"] != wantObreby[obrebID] || v["NAZWA_OBREBU"] == "" {
			t.Errorf("NAZWA_OBREBU %q, GML says %q", v["NAZWA_OBREBU"], wantObreby[obrebID])
		}
		if v["NAZWA_GMINY"] != wantJednostki[id[:8]] || v["NAZWA_GMINY"] == "" {
			t.Errorf("NAZWA_GMINY %q, GML says %q", v["NAZWA_GMINY"], wantJednostki[id[:8]])
		}
		ha, err := strconv.ParseFloat(v["POLE_EWIDENCYJNE"], 64)
		if err != nil || ha <= 0 || !regexp.MustCompile(`^\d+\.\d{4}$`).MatchString(v["POLE_EWIDENCYJNE"]) {
			t.Errorf("POLE_EWIDENCYJNE %q", v["POLE_EWIDENCYJNE"])
		}
		if !regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`).MatchString(v["DATA"]) {
			t.Errorf("DATA %q", v["DATA"])
		}
		checked++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked != 50 {
		t.Fatalf("checked %d parcels", checked)
	}
}

func TestNamesCacheReloadsOnNewRevision(t *testing.T) {
	ctx := context.Background()
	st, _ := loadCounty(t)
	var c NamesCache
	rev, _ := st.Revision(ctx)
	n1, err := c.Get(ctx, st, rev)
	if err != nil {
		t.Fatal(err)
	}
	// Rename one obręb through a new version and check the cache follows.
	var target *store.Object
	st.Query(ctx, store.Query{Layer: "obreby", Limit: 1}, func(r store.Row) error { target = r.Object; return nil })
	nv := *target
	nv.Attrs = map[string]any{}
	for k, v := range target.Attrs {
		nv.Attrs[k] = v
	}
	nv.Attrs["nazwa"] = "Nowa Nazwa Żółć"
	nv.Version = "2030-01-01T00:00:00"
	nv.StartVersion = target.StartVersion.AddDate(10, 0, 0)
	tx, err := st.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Put(ctx, &nv); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if same, _ := c.Get(ctx, st, rev); same != n1 {
		t.Fatal("cache reloaded without a new revision")
	}
	rev2, _ := st.Revision(ctx)
	n2, err := c.Get(ctx, st, rev2)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := n2.Obreb(str(target.Attrs["id_obrebu"])); got != "Nowa Nazwa Żółć" {
		t.Fatalf("after rename Obreb = %q", got)
	}
	// A reload that points the dataset at another store (a restored backup, at
	// a lower revision) gets that store's names, not the cached ones.
	other, _ := loadCounty(t)
	orev, _ := other.Revision(ctx)
	if orev >= rev2 {
		t.Fatalf("the other store's revision %d is not lower than %d", orev, rev2)
	}
	n3, err := c.Get(ctx, other, orev)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := n3.Obreb(str(target.Attrs["id_obrebu"])); got != str(target.Attrs["nazwa"]) {
		t.Fatalf("another store's Obreb = %q, want %q", got, target.Attrs["nazwa"])
	}
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}
