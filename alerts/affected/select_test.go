package affected

import (
	"bufio"
	"bytes"
	"context"
	"math"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/wkt"

	"github.com/sip-core/sip/ingest"
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/gpkg"
	"github.com/sip-core/sip/synth"
)

// county generates and ingests a 2000-parcel synthetic county.
func county(t *testing.T) (*gpkg.Store, string) {
	t.Helper()
	dir := t.TempDir()
	stats, err := synth.County(synth.Options{Parcels: 2000, Seed: 3, Out: filepath.Join(dir, "gml")})
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "county.gpkg")
	st, err := gpkg.Create(p, "county", store.EGiBLayers)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := ingest.Run(context.Background(), st, stats.Files, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	return st, p
}

// spatialite selects the ids with SpatiaLite's ST_Intersects through GDAL's
// SQLite dialect: the engine the selection must agree with exactly.
func spatialite(t *testing.T, path, layer, idCol string, area orb.MultiPolygon) []string {
	t.Helper()
	if _, err := exec.LookPath("ogrinfo"); err != nil {
		t.Skip("ogrinfo (gdal-bin) is not installed; make test installs it")
	}
	sql := "SELECT " + idCol + " FROM " + layer + " WHERE ST_Intersects(geom, ST_GeomFromText('" + string(wkt.Marshal(area)) + "'))"
	out, err := exec.Command("ogrinfo", "-ro", "-q", "-dialect", "SQLite", "-sql", sql, path).CombinedOutput()
	if err != nil {
		t.Fatalf("ogrinfo: %v\n%s", err, out)
	}
	var ids []string
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		if _, v, ok := strings.Cut(sc.Text(), "(String) = "); ok {
			ids = append(ids, strings.TrimSpace(v))
		}
	}
	sort.Strings(ids)
	return ids
}

// jednostka is the geometry of the jednostka whose column col is value.
func jednostka(t testing.TB, st store.Reader, col, value string) orb.MultiPolygon {
	t.Helper()
	var mp orb.MultiPolygon
	err := st.Query(context.Background(), store.Query{Layer: "jednostki", Where: map[string]any{col: value}}, func(r store.Row) error {
		switch g := r.Geometry.(type) {
		case orb.Polygon:
			mp = append(mp, g)
		case orb.MultiPolygon:
			mp = append(mp, g...)
		}
		return nil
	})
	if err != nil || len(mp) == 0 {
		t.Fatalf("jednostka %s: %v", value, err)
	}
	return mp
}

// star is a concave, many-pointed polygon around c: many objects lie on its
// edges.
func star(c orb.Point, r float64) orb.MultiPolygon {
	var ring orb.Ring
	for i := 0; i < 40; i++ {
		rr := r
		if i%2 == 1 {
			rr = r / 3
		}
		a := float64(i) * math.Pi / 20
		ring = append(ring, orb.Point{c[0] + rr*math.Cos(a), c[1] + rr*math.Sin(a)})
	}
	ring = append(ring, ring[0])
	return orb.MultiPolygon{{ring}}
}

func TestSelectEqualsSpatiaLite(t *testing.T) {
	st, path := county(t)
	gmina := jednostka(t, st, "nazwa", "Łask")
	c := gmina.Bound().Center()
	// a square with a hole in the middle of the gmina
	sq := orb.Ring{{c[0] - 800, c[1] - 800}, {c[0] + 800, c[1] - 800}, {c[0] + 800, c[1] + 800}, {c[0] - 800, c[1] + 800}, {c[0] - 800, c[1] - 800}}
	hole := orb.Ring{{c[0] - 200, c[1] - 200}, {c[0] - 200, c[1] + 200}, {c[0] + 200, c[1] + 200}, {c[0] + 200, c[1] - 200}, {c[0] - 200, c[1] - 200}}
	areas := map[string]orb.MultiPolygon{
		"gmina":  gmina,
		"star":   star(c, 1500),
		"holed":  {{sq, hole}},
		"nobody": {{{{0, 0}, {10, 0}, {10, 10}, {0, 0}}}},
	}
	model, err := Build(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	for name, mp := range areas {
		a, err := Prepare(mp)
		if err != nil {
			t.Fatal(err)
		}
		res, err := model.Select(context.Background(), st, a, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range []struct {
			layer, col string
			got        []string
		}{{"dzialki", "id_dzialki", res.ParcelIDs}, {"budynki", "id_budynku", res.BuildingIDs}} {
			want := spatialite(t, path, l.layer, l.col, mp)
			if strings.Join(want, ",") != strings.Join(l.got, ",") {
				t.Errorf("%s %s: selected %d, SpatiaLite %d", name, l.layer, len(l.got), len(want))
			}
		}
		if name == "gmina" && (res.Total.Parcels == 0 || res.Total.Addresses == 0 || res.Total.Buildings == 0) {
			t.Errorf("a whole gmina covers nothing: %+v", res.Total)
		}
		if name == "nobody" && res.Total.Parcels != 0 {
			t.Errorf("an area outside the county covers %d parcels", res.Total.Parcels)
		}
		t.Logf("%s: %+v", name, res.Total)
	}
	// Lookup finds a building by its address as people type it, and a parcel
	var addr, lid, parcel string
	st.Query(context.Background(), store.Query{Layer: "budynki", Limit: 50}, func(r store.Row) error {
		if a, _ := r.Attrs["adresy"].(string); a != "" && !strings.Contains(a, ";") {
			addr, lid = a, r.ID
		}
		return nil
	})
	st.Query(context.Background(), store.Query{Layer: "dzialki", Limit: 1}, func(r store.Row) error {
		parcel, _ = r.Attrs["id_dzialki"].(string)
		return nil
	})
	if layer, got, label, ok := model.Lookup("  "+strings.ToUpper(addr)+" ", ""); !ok || layer != "budynki" || got != lid || label != addr {
		t.Errorf("Lookup(%q) = %s %s %q %v, want budynki %s", addr, layer, got, label, ok, lid)
	}
	if layer, _, _, ok := model.Lookup("", parcel); !ok || layer != "dzialki" {
		t.Errorf("Lookup of parcel %s: %s %v", parcel, layer, ok)
	}
	if _, _, _, ok := model.Lookup("Nigdzie, ul. Żadna 1", ""); ok {
		t.Error("Lookup found an address that does not exist")
	}
}
