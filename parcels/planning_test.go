package parcels

import (
	"context"
	"fmt"
	"math"
	"path/filepath"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/gpkg"
)

// The planning seam: a dataset with a planning-zone layer gets the zones that
// cover the parcel in its card, with the share of the parcel's area in each.
func TestCardPlanningZones(t *testing.T) {
	ctx := context.Background()
	// A county dataset that also holds the gmina's planning layers (as the
	// nightly sync brings them).
	layers := append(append([]store.Layer(nil), store.EGiBLayers...), store.PlanningLayers...)
	for _, name := range PlanningLayers {
		if _, ok := store.LayerByName(store.PlanningLayers, name); !ok {
			t.Fatalf("card reads planning layer %q the planning schema does not have", name)
		}
	}
	path := filepath.Join(t.TempDir(), "plan.gpkg")
	s, err := gpkg.Create(path, "plan", layers)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	rect := func(x0, y0, x1, y1 float64) orb.MultiPolygon {
		return orb.MultiPolygon{{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}}
	}
	obj := func(layer string, n int, g orb.MultiPolygon, attrs map[string]any) *store.Object {
		return &store.Object{Layer: layer, ID: fmt.Sprintf("00000000-0000-4000-8000-%012d", n), Namespace: "PL.PZGiK.1003.EGiB",
			Version: "2024-01-01T00:00:00", StartObject: start, StartVersion: start, Geometry: g, Attrs: attrs}
	}
	tx, _ := s.Begin(ctx)
	for _, o := range []*store.Object{
		obj("dzialki", 1, rect(500000, 400000, 500100, 400050), map[string]any{"id_dzialki": "100301_4.0001.1", "numer_dzialki": "1", "id_obrebu": "100301_4.0001"}),
		obj("dzialki", 2, rect(500100, 400000, 500200, 400050), map[string]any{"id_dzialki": "100301_4.0001.2", "numer_dzialki": "2", "id_obrebu": "100301_4.0001"}),
		// 1SJ covers 30 % of parcel 1, 2SW the rest and all of parcel 2.
		obj("strefy", 3, rect(500000, 400000, 500030, 400050), map[string]any{"oznaczenie": "1SJ", "symbol": "SJ"}),
		obj("strefy", 4, rect(500030, 400000, 500200, 400050), map[string]any{"oznaczenie": "2SW", "symbol": "SW"}),
	} {
		if _, err := tx.Put(ctx, o); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	s.Close()
	cfg, err := config.Parse([]byte("datasets:\n  - name: plan\n    store: "+path+"\n"), "")
	if err != nil {
		t.Fatal(err)
	}
	srv, base, err := startServer(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Shutdown(ctx)
	code, c, body := getCard(t, base, "100301_4.0001.1")
	if code != 200 {
		t.Fatalf("%d %s", code, body)
	}
	z := c.Properties.Planning
	if len(z) != 2 || z[0].Attrs["oznaczenie"] != "2SW" || math.Abs(z[0].Share-0.7) > 1e-9 || z[1].Attrs["oznaczenie"] != "1SJ" ||
		math.Abs(z[1].Share-0.3) > 1e-9 || math.Abs(z[1].Area-1500) > 1e-6 || z[0].Layer != "strefy" {
		t.Fatalf("zones: %+v", z)
	}
	if n := c.Properties.Neighbours; len(n) != 1 || n[0].ID != "100301_4.0001.2" || math.Abs(n[0].Border-50) > 0.05 {
		t.Fatalf("neighbours: %+v", n)
	}
	if math.Abs(c.Properties.AreaGeom-5000) > 1e-6 {
		t.Fatalf("area %v", c.Properties.AreaGeom)
	}
}
