package roads

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/geo"
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/gpkg"
)

// Positions of Łask in EPSG:2177 (E, N) and CRS84.
const sample = `{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::2177"}},"features":[
{"type":"Feature","id":"r1","properties":{"numer":"1501E","kategoria":"powiatowa","zarzadca":"ZDP"},"geometry":{"type":"LineString","coordinates":[[6578305.95,5717890.38],[6578405.95,5717890.38]]}},
{"type":"Feature","properties":{"id":"r2","katZarzadzania":"K","numerDrogi":"DK12"},"geometry":{"type":"MultiLineString","coordinates":[[[6578305.95,5717990.38],[6578305.95,5718090.38]],[[6578305.95,5718090.38],[6578405.95,5718190.38]]]}},
{"type":"Feature","id":"r3","properties":{"kategoria":"prywatna"},"geometry":{"type":"LineString","coordinates":[[6578305.95,5717890.38],[6578405.95,5717890.38]]}},
{"type":"Feature","id":"r4","properties":{"kategoria":"Droga wojewódzka"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}},
{"type":"Feature","id":"r1","properties":{"kategoria":"gminna"},"geometry":{"type":"LineString","coordinates":[[6578305.95,5717890.38],[6578405.95,5717890.38]]}},
{"type":"Feature","id":"r6","properties":{"kategoria":"gminna"},"geometry":{"type":"LineString","coordinates":[[5717890.38,6578305.95],[5717990.38,6578305.95]]}}
]}`

func TestDecode(t *testing.T) {
	rs, err := Decode([]byte(sample), "sample.geojson", time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 6 {
		t.Fatalf("%d features", len(rs))
	}
	r1 := rs[0].Object
	if len(rs[0].Problems) != 0 || r1.ID != "r1" || r1.Attrs["kategoria"] != Powiatowa || r1.Attrs["numer"] != "1501E" {
		t.Fatalf("r1: %+v %v", r1, rs[0].Problems)
	}
	// The first position is Łask: 51.59°N 19.13°E.
	tr, _ := geo.NewTransform(geo.CRS2180, geo.CRS84)
	p := r1.Geometry.(orb.MultiLineString)[0][0]
	if lon, lat := tr.Point(p[0], p[1]); math.Abs(lon-19.13) > 1e-6 || math.Abs(lat-51.59) > 1e-6 {
		t.Fatalf("first position at %.7f, %.7f; want Łask (19.13, 51.59)", lon, lat)
	}
	if rs[1].Object.Attrs["kategoria"] != Krajowa || rs[1].Object.Attrs["numer"] != "DK12" || rs[1].Object.ID != "r2" || len(rs[1].Problems) != 0 {
		t.Fatalf("r2: %+v %v", rs[1].Object, rs[1].Problems)
	}
	want := map[int]string{2: "prywatna", 3: "Polygon", 4: "duplicate id", 5: "outside the area of EPSG:2180"}
	for i, w := range want {
		if !strings.Contains(strings.Join(rs[i].Problems, "; "), w) {
			t.Errorf("feature %d: problems %q, want one about %q", i+1, rs[i].Problems, w)
		}
	}
	if _, err := Decode([]byte(`{"type":"FeatureCollection","features":[`), "broken", time.Time{}); err == nil {
		t.Fatal("truncated JSON accepted")
	}
}

func writeFile(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestIngest(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "drogi.gpkg")
	st, err := gpkg.Create(path, "drogi", Layers)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	f := writeFile(t, "drogi.geojson", sample)
	if !IsRoadFile(f) || IsRoadFile(writeFile(t, "strefy.geojson", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"symbol":"SJ"},"geometry":{"type":"Polygon","coordinates":[]}}]}`)) {
		t.Fatal("IsRoadFile")
	}
	rep, err := Ingest(ctx, st, []string{f}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if c := rep.Layers[Layer]; c.Inserted != 2 || c.Rejected != 4 || !rep.Committed {
		t.Fatalf("counts %+v", c)
	}
	o, err := st.Get(ctx, Layer, "r2")
	if err != nil || o.Attrs["kategoria"] != Krajowa || len(o.Geometry.(orb.MultiLineString)) != 2 {
		t.Fatalf("r2 from the store: %+v %v", o, err)
	}
	// Again: nothing changes.
	rep, err = Ingest(ctx, st, []string{f}, Options{})
	if err != nil || rep.Layers[Layer].Unchanged != 2 {
		t.Fatalf("re-ingest: %+v %v", rep.Layers[Layer], err)
	}
	rev, _ := st.Revision(ctx)
	// Strict: the bad features roll everything back.
	if _, err := Ingest(ctx, st, []string{f}, Options{Strict: true}); err == nil {
		t.Fatal("strict ingest of bad features succeeded")
	}
	// A broken second file rolls back the first.
	good := writeFile(t, "new.geojson", strings.Replace(sample, `"r1"`, `"r9"`, 1))
	if _, err := Ingest(ctx, st, []string{good, writeFile(t, "broken.geojson", sample[:200])}, Options{}); err == nil {
		t.Fatal("broken file accepted")
	}
	if rev2, _ := st.Revision(ctx); rev2 != rev {
		t.Fatalf("a failed ingest changed the store: revision %d -> %d", rev, rev2)
	}
	if n, _ := st.Count(ctx, store.Query{Layer: Layer}); n != 2 {
		t.Fatalf("%d roads", n)
	}
}

func TestIngestNeedsRoadLayer(t *testing.T) {
	st, err := gpkg.Create(filepath.Join(t.TempDir(), "c.gpkg"), "c", store.EGiBLayers)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := Ingest(context.Background(), st, []string{writeFile(t, "d.geojson", sample)}, Options{}); err == nil || !strings.Contains(err.Error(), "no drogi layer") {
		t.Fatalf("got %v", err)
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(sample))
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"geometry":{"type":"LineString","coordinates":[[1]]}}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		rs, err := Decode(b, "fuzz", time.Time{})
		if err != nil {
			return
		}
		for _, r := range rs {
			if len(r.Problems) == 0 && (r.Object.ID == "" || r.Object.Geometry == nil) {
				t.Fatalf("feature without id or geometry passed: %+v", r.Object)
			}
		}
	})
}
