package prg

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/store"
	_ "github.com/sip-core/sip/store/gpkg"
)

const (
	sampleGML = "testdata/PRG_PunktAdresowy_1003022.gml"
	sampleCSV = "testdata/punkty_adresowe_1003013.csv"
)

func readAll(t *testing.T, path string) []*Feature {
	t.Helper()
	var out []*Feature
	if err := ReadFile(path, Options{}, func(f *Feature) error { out = append(out, f); return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}

// gdalPoints reads a file's points with GDAL (python3-gdal): id, the fields
// named and the position, easting first.
func gdalPoints(t *testing.T, path, layer, id string, fields []string, open ...string) map[string][]string {
	t.Helper()
	if err := exec.Command("/usr/bin/python3", "-c", "from osgeo import ogr").Run(); err != nil {
		t.Skip("python3-gdal is not installed (make test installs it)")
	}
	script := `import sys, json
from osgeo import gdal, ogr
ds = gdal.OpenEx(sys.argv[1], gdal.OF_VECTOR, open_options=json.loads(sys.argv[5]) or [])
l = ds.GetLayerByName(sys.argv[2]) if sys.argv[2] else ds.GetLayer(0)
out = {}
for f in l:
    g = f.GetGeometryRef()
    out[f.GetField(sys.argv[3])] = [f.GetField(k) or "" for k in json.loads(sys.argv[4])] + ["%.2f" % g.GetX(), "%.2f" % g.GetY()]
print(json.dumps(out))`
	// GDAL writes a .gfs beside a GML it reads: give it a copy
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(t.TempDir(), filepath.Base(path))
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	fb, _ := json.Marshal(fields)
	ob, _ := json.Marshal(open)
	out, err := exec.Command("/usr/bin/python3", "-c", script, path, layer, id, string(fb), string(ob)).Output()
	if err != nil {
		t.Fatalf("gdal: %v\n%s", err, out)
	}
	var m map[string][]string
	if err := json.Unmarshal(out, &m); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	return m
}

func ours(f *Feature) []string {
	p, pt := f.Point, f.Object.Geometry.(orb.Point)
	return []string{p.Place, p.Street, p.Number, p.Postcode, p.Status, ftoa(pt[0]), ftoa(pt[1])}
}

func ftoa(v float64) string { b, _ := json.Marshal(float64(int64(v*100+0.5)) / 100); return string(b) }

func TestGMLMatchesGDAL(t *testing.T) {
	got := readAll(t, sampleGML)
	want := gdalPoints(t, sampleGML, "PRG_PunktAdresowy", "lokalnyId",
		[]string{"miejscowosc", "ulica", "numerPorzadkowy", "kodPocztowy", "status"})
	if len(got) != len(want) || len(got) < 200 {
		t.Fatalf("%d points, GDAL reads %d", len(got), len(want))
	}
	for _, f := range got {
		if f.Problem != "" {
			t.Fatalf("%s:%d: %s", f.File, f.Line, f.Problem)
		}
		w := want[f.Object.ID]
		for i := 5; i < 7; i++ { // GDAL's positions with two decimals
			w[i] = strings.TrimRight(strings.TrimRight(w[i], "0"), ".")
		}
		if g := ours(f); strings.Join(g, "|") != strings.Join(w, "|") {
			t.Fatalf("point %s: ours %q, GDAL %q", f.Object.ID, g, w)
		}
		a := f.Object.Attrs
		if a["teryt_gminy"] != "1003022" || a["gmina"] != "Buczek" || len(a["simc"].(string)) != 7 {
			t.Fatalf("point %s: components not resolved: %v", f.Object.ID, a)
		}
		if s, _ := a["ulica"].(string); s != "" && len(a["ulic"].(string)) != 5 {
			t.Fatalf("point %s: no ULIC of its street: %v", f.Object.ID, a)
		}
		if !strings.HasPrefix(a["adres"].(string), f.Point.Place) || !strings.HasSuffix(a["adres"].(string), " "+f.Point.Number) {
			t.Fatalf("adres %q of %v", a["adres"], a)
		}
	}
}

func TestCSVMatchesGDAL(t *testing.T) {
	got := readAll(t, sampleCSV)
	want := gdalPoints(t, sampleCSV, "", "id", []string{"miejscowosc", "ulica", "numer", "kod_pocztowy", "status"},
		"X_POSSIBLE_NAMES=x", "Y_POSSIBLE_NAMES=y")
	if len(got) != len(want) || len(got) != 6 {
		t.Fatalf("%d points, GDAL reads %d", len(got), len(want))
	}
	for _, f := range got {
		w := want[f.Object.ID]
		for i := 5; i < 7; i++ {
			w[i] = strings.TrimRight(strings.TrimRight(w[i], "0"), ".")
		}
		if g := ours(f); strings.Join(g, "|") != strings.Join(w, "|") {
			t.Fatalf("point %s: ours %q, GDAL %q", f.Object.ID, g, w)
		}
		if f.Object.Attrs["adres"] != "Łask, "+w[1]+" "+w[2] {
			t.Fatalf("adres %q", f.Object.Attrs["adres"])
		}
	}
}

// TestBadInput: a broken file is a fatal error naming file and line; a bad
// point is a problem naming its line and id, and the rest is read.
func TestBadInput(t *testing.T) {
	gml, _ := os.ReadFile(sampleGML)
	cut := gml[:len(gml)/2]
	noNumber := strings.Replace(string(gml), "<prg-ad:numerPorzadkowy>1</prg-ad:numerPorzadkowy>", "", 1)
	farAway := strings.Replace(string(gml), "<gml:pos>412135.94 509926.38</gml:pos>", "<gml:pos>509926.38 9412135.94</gml:pos>", 1)
	csvBad := "id;teryt_gminy;miejscowosc;ulica;numer;x;y\n" +
		"a;1003013;Łask;Kościuszki;1;508290.38;411437.91\n" +
		"b;1003013;Łask;Kościuszki;2;abc;411437.91\n" +
		"c;13;Łask;Kościuszki;3;508290.38;411437.91\n" +
		"d;1003013;Łask;Kościuszki;4;508290.38\n"
	for _, c := range []struct {
		name, ext, data string
		fatal           string // the fatal error's text, or
		problems        []string
		ok              int
	}{
		{name: "cut.gml", ext: ".gml", data: string(cut), fatal: "cut.gml:"},
		{name: "nonum.gml", ext: ".gml", data: noNumber, problems: []string{"nonum.gml:5 (gml:id PL.PZGIK.200.6513270e-269e-4d37-b2a7-4de452e6b438): no numer porządkowy"}, ok: 229},
		{name: "far.gml", ext: ".gml", data: farAway, problems: []string{"far.gml:5 (gml:id PL.PZGIK.200.6513270e-269e-4d37-b2a7-4de452e6b438): position 9412135.94 509926.38 is outside the area of EPSG:2180 (wrong CRS or axis order?)"}, ok: 229},
		{name: "empty.gml", ext: ".gml", data: `<a xmlns="x"/>`, fatal: "empty.gml: no PRG_PunktAdresowy features in the file"},
		{name: "head.csv", ext: ".csv", data: "id;x;y\n1;2;3\n", fatal: "head.csv:1: the header lacks teryt, miejscowosc, numer"},
		{name: "bad.csv", ext: ".csv", data: csvBad, ok: 1, problems: []string{
			"bad.csv:3: x \"abc\": not a number", "bad.csv:4: gmina TERYT \"13\" is not a 7-digit TERC code", "bad.csv:5: 6 fields where the header has 7"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var problems []string
			ok := 0
			open := func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(c.data)), nil }
			err := Read(c.name, c.ext, open, Options{}, func(f *Feature) error {
				if f.Problem != "" {
					problems = append(problems, (&Error{File: f.File, Line: f.Line, GMLID: f.GMLID, Msg: f.Problem}).Error())
				} else {
					ok++
				}
				return nil
			})
			if c.fatal != "" {
				var e *Error
				if !errors.As(err, &e) || !e.Fatal || !strings.HasPrefix(err.Error(), c.fatal) {
					t.Fatalf("error %v, want fatal %q", err, c.fatal)
				}
				if c.ext == ".gml" && c.name == "cut.gml" && e.Line < 100 {
					t.Fatalf("truncation reported on line %d", e.Line)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(problems, "\n") != strings.Join(c.problems, "\n") || ok != c.ok {
				t.Fatalf("%d read, problems:\n%s\nwant %d and\n%s", ok, strings.Join(problems, "\n"), c.ok, strings.Join(c.problems, "\n"))
			}
		})
	}
}

// TestIngestReplaces: a gmina's new register ends the points it no longer
// has; their history stays, and other gminy are untouched.
func TestIngestReplaces(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st, err := store.Create(ctx, filepath.Join(dir, "adresy.gpkg"), "adresy", Layers)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	rep, err := Ingest(ctx, st, []string{sampleGML, sampleCSV}, IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := st.Count(ctx, store.Query{Layer: Layer}); n != 230+6 || rep.Total.Objects != 236 {
		t.Fatalf("%d points stored, report %+v", n, rep.Total)
	}
	// the next register of gmina 1003022 lacks its first point
	gml, _ := os.ReadFile(sampleGML)
	s := string(gml)
	i := strings.Index(s, "<prg-ad:PRG_PunktAdresowy ")
	j := strings.Index(s, "</prg-ad:PRG_PunktAdresowy>") + len("</prg-ad:PRG_PunktAdresowy>")
	next := filepath.Join(dir, "next.gml")
	os.WriteFile(next, []byte(s[:i]+s[j:]), 0o644)
	at := time.Date(2025, 5, 1, 12, 0, 0, 0, time.UTC)
	if _, err := Ingest(ctx, st, []string{next}, IngestOptions{Now: func() time.Time { return at }}); err != nil {
		t.Fatal(err)
	}
	gone := "6513270e-269e-4d37-b2a7-4de452e6b438"
	if n, _ := st.Count(ctx, store.Query{Layer: Layer}); n != 229+6 {
		t.Fatalf("%d current points after the new register, want %d", n, 229+6)
	}
	if _, err := st.Get(ctx, Layer, gone); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("removed point still current: %v", err)
	}
	h, err := st.History(ctx, Layer, gone)
	if err != nil || len(h) != 1 || !h[0].EndObject.Equal(at) {
		t.Fatalf("history of the removed point: %v %+v", err, h)
	}
}
