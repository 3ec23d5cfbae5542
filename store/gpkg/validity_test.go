// The files the backend writes are valid GeoPackages: GDAL's validator and
// ogrinfo read them, and every geometry kind comes back as it went in.

package gpkg

import (
	"fmt"
	"os"
	"os/exec"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/internal/record"
)

// fillAllLayers writes current and archived versions into every EGiB layer.
func fillAllLayers(t *testing.T, s *Store) {
	var objs []*store.Object
	for _, l := range store.EGiBLayers {
		for i := 0; i < 5; i++ {
			x := 400000 + float64(i)*100
			var g orb.Geometry = orb.MultiPolygon{square(x, 300000, 50)}
			if l.Geometry == store.Point {
				g = orb.Point{x, 300000}
			}
			attrs := map[string]any{}
			for _, c := range l.Columns {
				switch c.Type {
				case store.Text:
					attrs[c.Name] = fmt.Sprintf("%s-%d", c.Name, i)
				case store.Integer:
					attrs[c.Name] = int64(i)
				case store.Real:
					attrs[c.Name] = float64(i) + 0.25
				}
			}
			id := fmt.Sprintf("%s-%d", l.Name, i)
			o := &store.Object{Layer: l.Name, ID: id, Namespace: "PL.PZGiK.1004.EGiB", Version: "2",
				StartObject: t0(1), StartVersion: t0(5), Geometry: g, Attrs: attrs}
			old := *o
			old.Version, old.StartVersion, old.EndVersion = "1", t0(1), t0(5)
			objs = append(objs, o, &old)
		}
	}
	put(t, s, objs...)
}

func TestValidateGPKG(t *testing.T) {
	script := "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py"
	if _, err := os.Stat(script); err != nil {
		t.Skipf("GDAL validator missing (%s): install python3-gdal", script)
	}
	s, p := newStore(t)
	fillAllLayers(t, s)
	d := parcel("dzialki-0", "3", t0(7), 400000)
	d.EndVersion, d.EndObject = t0(8), t0(8)
	put(t, s, d) // a deleted object
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if k := os.Getenv("SIP_GPKG_KEEP"); k != "" {
		copyFile(t, p, k)
	}
	out, err := exec.Command("/usr/bin/python3", script, "--extra", "--warning-as-error", p).CombinedOutput()
	if err != nil || len(strings.TrimSpace(string(out))) > 0 {
		t.Fatalf("validate_gpkg.py: %v\n%s", err, out)
	}
	if _, err := os.Stat(p + "-wal"); err == nil {
		t.Fatal("WAL file left behind after Close")
	}
}

func TestOgrinfo(t *testing.T) {
	if _, err := exec.LookPath("ogrinfo"); err != nil {
		t.Skip("ogrinfo missing (gdal-bin)")
	}
	s, p := newStore(t)
	fillAllLayers(t, s)
	s.Close()
	out, err := exec.Command("ogrinfo", "-ro", "-so", p, "dzialki").CombinedOutput()
	if err != nil {
		t.Fatalf("ogrinfo: %v\n%s", err, out)
	}
	txt := string(out)
	for _, want := range []string{
		"Geometry: Multi Polygon",
		"Feature Count: 5",
		"Extent: (400000.000000, 300000.000000) - (400450.000000, 300050.000000)",
		`ID["EPSG",2180]`,
	} {
		if !strings.Contains(txt, want) {
			t.Errorf("ogrinfo output lacks %q:\n%s", want, txt)
		}
	}
	if !regexp.MustCompile(`lokalny_id: String`).MatchString(txt) {
		t.Errorf("no lokalny_id field:\n%s", txt)
	}
}

func TestGeometryRoundTrip(t *testing.T) {
	holed := orb.Polygon{
		{{0, 0}, {100, 0}, {100, 100}, {0, 100}, {0, 0}},
		{{10, 10}, {10, 20}, {20, 20}, {20, 10}, {10, 10}},
		{{50, 50}, {50, 60}, {60, 60}, {50, 50}},
	}
	cases := []orb.Geometry{
		orb.MultiPolygon{holed},
		orb.MultiPolygon{holed, square(500000.125, 5300000.5, 3.3)},
		orb.Point{637123.45, 486321.98},
		orb.MultiLineString{{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}, {9, 1}}},
	}
	// The SQL functions of the R-tree triggers read the blobs.
	for _, g := range cases {
		b, _ := record.EncodeGeom(g, 2180)
		if sqlMinX(b) != g.Bound().Min[0] || sqlMaxY(b) != g.Bound().Max[1] || sqlIsEmpty(b) != int64(0) {
			t.Fatalf("ST functions on %T", g)
		}
	}
	if b, _ := record.EncodeGeom(orb.MultiPolygon{}, 2180); sqlIsEmpty(b) != int64(1) || sqlMinX(b) != nil {
		t.Fatal("ST functions on an empty geometry")
	}
	// Through the store: a Polygon into a MultiPolygon layer, a point layer, holes.
	s, _ := newStore(t)
	put(t, s,
		&store.Object{Layer: "dzialki", ID: "h", Version: "1", StartVersion: t0(1), Geometry: holed},
		&store.Object{Layer: "punkty", ID: "p", Version: "1", StartVersion: t0(1), Geometry: orb.Point{1.5, 2.5}},
		&store.Object{Layer: "budynki", ID: "n", Version: "1", StartVersion: t0(1)},
	)
	if o, _ := s.Get(ctx, "dzialki", "h"); !reflect.DeepEqual(o.Geometry, orb.MultiPolygon{holed}) {
		t.Fatalf("holed polygon: %v", o.Geometry)
	}
	if o, _ := s.Get(ctx, "punkty", "p"); !reflect.DeepEqual(o.Geometry, orb.Point{1.5, 2.5}) {
		t.Fatalf("point: %v", o.Geometry)
	}
	if o, _ := s.Get(ctx, "budynki", "n"); o.Geometry != nil {
		t.Fatalf("no geometry: %v", o.Geometry)
	}
	// The R-tree triggers fired for our inserts.
	var n int
	s.rdb.QueryRow(`SELECT count(*) FROM rtree_dzialki_geom WHERE minx <= 1 AND maxx >= 99`).Scan(&n)
	if n != 1 {
		t.Fatalf("rtree rows %d", n)
	}
}

func copyFile(t *testing.T, from, to string) {
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
