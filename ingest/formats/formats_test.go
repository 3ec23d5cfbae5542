package formats

import (
	"encoding/json"
	"errors"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// The truth: mpzp.geojson, written by hand. The Shapefiles and the GeoPackage in
// testdata were made from it by GDAL's ogr2ogr (see testdata/README).
type srcFeature struct {
	Props    map[string]any
	Polygons [][][2]float64 // exterior ring first, as in the GeoJSON
}

func truth(t *testing.T) []srcFeature {
	t.Helper()
	b, err := os.ReadFile("testdata/mpzp.geojson")
	if err != nil {
		t.Fatal(err)
	}
	var fc struct {
		Features []struct {
			Properties map[string]any `json:"properties"`
			Geometry   struct {
				Coordinates [][][2]float64 `json:"coordinates"`
			} `json:"geometry"`
		} `json:"features"`
	}
	if err := json.Unmarshal(b, &fc); err != nil {
		t.Fatal(err)
	}
	var out []srcFeature
	for _, f := range fc.Features {
		out = append(out, srcFeature{f.Properties, f.Geometry.Coordinates})
	}
	return out
}

func area(mp orb.MultiPolygon) float64 {
	a := 0.0
	for _, p := range mp {
		a += planar.Area(p)
	}
	return a
}

// sameAsTruth checks attributes and geometry (as a point set: rings may be
// rewound by a writer) against the GeoJSON.
func sameAsTruth(t *testing.T, name string, got []*Feature, tol float64) {
	t.Helper()
	want := truth(t)
	if len(got) != len(want) {
		t.Fatalf("%s: %d features, want %d", name, len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if len(g.Issues) != 0 {
			t.Errorf("%s #%d: issues %v", name, i, g.Issues)
			continue
		}
		for k, v := range w.Props {
			gv := g.Props[k]
			if f, ok := gv.(int64); ok {
				gv = float64(f)
			}
			if v != gv {
				t.Errorf("%s #%d: %s = %#v, want %#v", name, i, k, gv, v)
			}
		}
		if len(g.Geometry) != 1 || len(g.Geometry[0]) != len(w.Polygons) {
			t.Errorf("%s #%d: geometry %v, want %d rings in one polygon", name, i, g.Geometry, len(w.Polygons))
			continue
		}
		for r, ring := range w.Polygons {
			gr := g.Geometry[0][r]
			if len(gr) != len(ring) {
				t.Errorf("%s #%d ring %d: %d points, want %d", name, i, r, len(gr), len(ring))
				continue
			}
			for _, wp := range ring {
				found := false
				for _, gp := range gr {
					if math.Hypot(gp[0]-wp[0], gp[1]-wp[1]) <= tol {
						found = true
					}
				}
				if !found {
					t.Errorf("%s #%d ring %d: point %v missing (tolerance %g m)", name, i, r, wp, tol)
				}
			}
		}
	}
	if a := area(got[0].Geometry); math.Abs(a-9600) > 0.01 {
		t.Errorf("%s: 1MN area %.3f, want 9600 (100×100 with a 20×20 hole)", name, a)
	}
}

func TestGeoJSON(t *testing.T) {
	fs, err := Read("testdata/mpzp.geojson")
	if err != nil {
		t.Fatal(err)
	}
	sameAsTruth(t, "geojson", fs, 0)
}

func TestShapefileWindows1250(t *testing.T) {
	fs, err := Read("testdata/mpzp_cp1250.shp")
	if err != nil {
		t.Fatal(err)
	}
	sameAsTruth(t, "cp1250", fs, 0)
}

func TestShapefileUTF8(t *testing.T) {
	fs, err := Read("testdata/mpzp_utf8.shp")
	if err != nil {
		t.Fatal(err)
	}
	sameAsTruth(t, "utf8", fs, 0)
}

// Without a .cpg, Windows-1250 text (not valid UTF-8) is still read right.
func TestShapefileWithoutCPG(t *testing.T) {
	dir := t.TempDir()
	for _, ext := range []string{".shp", ".shx", ".dbf", ".prj"} {
		b, err := os.ReadFile("testdata/mpzp_cp1250" + ext)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "z"+strings.ToUpper(ext)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fs, err := Read(filepath.Join(dir, "z.SHP"))
	if err != nil {
		t.Fatal(err)
	}
	sameAsTruth(t, "no-cpg", fs, 0)
}

// ogr2ogr projected the zones to PL-2000 zone 6 (EPSG:2177) with PROJ; reading
// them back to EPSG:2180 must land within a millimetre of the original.
func TestShapefilePL2000(t *testing.T) {
	fs, err := Read("testdata/mpzp_2177.shp")
	if err != nil {
		t.Fatal(err)
	}
	sameAsTruth(t, "2177", fs, 0.001)
}

func TestGeoPackage(t *testing.T) {
	fs, err := Read("testdata/mpzp.gpkg")
	if err != nil {
		t.Fatal(err)
	}
	sameAsTruth(t, "gpkg", fs, 0)
	if fs[0].Layer != "tereny" || fs[0].FID != "1" {
		t.Errorf("layer %q fid %q", fs[0].Layer, fs[0].FID)
	}
	if _, err := Read("testdata/mpzp.gpkg:nope"); err == nil {
		t.Error("an unknown table is an error")
	}
}

// A GeoPackage in EPSG:4326 (written by ogr2ogr): x = lon, y = lat.
func TestGeoPackage4326(t *testing.T) {
	if _, err := exec.LookPath("ogr2ogr"); err != nil {
		t.Skip("ogr2ogr (Debian gdal-bin) not installed")
	}
	out := filepath.Join(t.TempDir(), "wgs.gpkg")
	if b, err := exec.Command("ogr2ogr", "-f", "GPKG", "-t_srs", "EPSG:4326", out, "testdata/mpzp.geojson").CombinedOutput(); err != nil {
		t.Fatalf("ogr2ogr: %v\n%s", err, b)
	}
	fs, err := Read(out)
	if err != nil {
		t.Fatal(err)
	}
	sameAsTruth(t, "gpkg-4326", fs, 0.01)
}

func TestCRSFromPRJ(t *testing.T) {
	for prj, want := range map[string]string{
		readFile(t, "testdata/mpzp_cp1250.prj"): "EPSG:2180",
		readFile(t, "testdata/mpzp_2177.prj"):   "EPSG:2177",
		`GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]`:                                                                      "CRS:84",
		`PROJCS["x",GEOGCS["y"],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",8500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",24.0],PARAMETER["Scale_Factor",0.999923],UNIT["Meter",1.0]]`: "EPSG:2179",
	} {
		c, err := CRSFromPRJ(prj)
		if err != nil {
			t.Errorf("%.40s: %v", prj, err)
			continue
		}
		if !strings.Contains(c.String(), want) {
			t.Errorf("%.60s: %s, want %s", prj, c, want)
		}
	}
	for _, bad := range []string{"", "nonsense", `PROJCS["UTM",PROJECTION["Transverse_Mercator"],PARAMETER["Central_Meridian",21.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["False_Easting",500000.0]]`, `PROJCS["LCC",PROJECTION["Lambert_Conformal_Conic"]]`} {
		if _, err := CRSFromPRJ(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func readFile(t *testing.T, p string) string {
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestBrokenShapefiles(t *testing.T) {
	shp, _ := os.ReadFile("testdata/mpzp_utf8.shp")
	dbf, _ := os.ReadFile("testdata/mpzp_utf8.dbf")
	prj := readFile(t, "testdata/mpzp_utf8.prj")
	var se *ShapefileError
	if _, err := ReadShapefile(shp[:len(shp)-30], dbf, prj, "UTF-8", "cut.shp"); !errors.As(err, &se) || se.Record != 4 {
		t.Errorf("truncated .shp: %v, want an error at record 4", err)
	}
	if _, err := ReadShapefile(shp, dbf[:len(dbf)-200], prj, "UTF-8", "cut.shp"); !errors.As(err, &se) {
		t.Errorf("truncated .dbf: %v", err)
	}
	if _, err := ReadShapefile(shp, dbf, "", "UTF-8", "noprj.shp"); err == nil {
		t.Error("a Shapefile without .prj has no known CRS")
	}
	if _, err := ReadShapefile(shp, dbf, prj, "KOI8-R", "x.shp"); err == nil {
		t.Error("an unsupported .cpg must be an error")
	}
	if _, err := ReadShapefile(shp, dbf, prj, "", "x.shp"); err != nil {
		t.Errorf("UTF-8 text without .cpg: %v", err)
	}
	// An unclosed ring: the last point of record 2 moved.
	bad := append([]byte(nil), shp...)
	off := 100
	for rec := 1; rec < 2; rec++ {
		off += 8 + 2*int(uint32(bad[off+4])<<24|uint32(bad[off+5])<<16|uint32(bad[off+6])<<8|uint32(bad[off+7]))
	}
	clen := 2 * int(uint32(bad[off+4])<<24|uint32(bad[off+5])<<16|uint32(bad[off+6])<<8|uint32(bad[off+7]))
	last := off + 8 + clen - 16
	bad[last] ^= 0x40
	fs, err := ReadShapefile(bad, dbf, prj, "UTF-8", "x.shp")
	if err != nil {
		t.Fatal(err)
	}
	if len(fs[1].Issues) != 1 || fs[1].Issues[0].Code != "PIERSCIEN_NIEZAMKNIETY" || fs[1].Geometry != nil {
		t.Errorf("record 2: %+v", fs[1].Issues)
	}
}

func TestKindOf(t *testing.T) {
	for p, want := range map[string]Kind{"a.SHP": KindShapefile, "b.geojson": KindGeoJSON, "c.json": KindGeoJSON, "d.gpkg": KindGeoPackage,
		"../app/testdata/app1_old_2177.gml": KindAPP, "../app/testdata/app1_gov_2180.gml": KindAPP} {
		if k, ok := KindOf(p); !ok || k != want {
			t.Errorf("%s: %v %v", p, k, ok)
		}
	}
	if _, ok := KindOf("../testdata/county_2021.gml"); ok {
		t.Error("EGiB GML is not planning data")
	}
}

func FuzzShapefile(f *testing.F) {
	for _, base := range []string{"testdata/mpzp_cp1250", "testdata/mpzp_utf8"} {
		shp, err := os.ReadFile(base + ".shp")
		if err != nil {
			f.Fatal(err)
		}
		dbf, _ := os.ReadFile(base + ".dbf")
		f.Add(shp, dbf)
	}
	prj := `PROJCS["ETRF2000-PL_CS92",GEOGCS["g"],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",-5300000.0],PARAMETER["Central_Meridian",19.0],PARAMETER["Scale_Factor",0.9993],UNIT["Meter",1.0]]`
	f.Fuzz(func(t *testing.T, shp, dbf []byte) {
		fs, err := ReadShapefile(shp, dbf, prj, "", "fuzz.shp")
		if err != nil {
			return
		}
		for _, ft := range fs {
			for _, p := range ft.Geometry {
				for _, r := range p {
					if len(r) < 4 || r[0] != r[len(r)-1] {
						t.Fatalf("bad ring accepted: %v", r)
					}
				}
			}
		}
	})
}

func FuzzGeoJSON(f *testing.F) {
	b, err := os.ReadFile("testdata/mpzp.geojson")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _ = ReadGeoJSON(b, "fuzz.geojson")
	})
}
