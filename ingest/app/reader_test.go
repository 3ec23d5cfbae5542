package app

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"
)

func readAll(t testing.TB, path string) []*Feature {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return readAllFrom(t, f, path)
}

func readAllFrom(t testing.TB, r io.Reader, name string) []*Feature {
	t.Helper()
	rd := NewReader(r, name)
	var out []*Feature
	for {
		f, err := rd.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out = append(out, f)
	}
}

// cs2cs transforms "northing easting" pairs (EPSG axis order) from src to EPSG:2180
// with PROJ and returns them as x = E, y = N.
func cs2cs(t *testing.T, src string, pts []orb.Point) []orb.Point {
	t.Helper()
	if _, err := exec.LookPath("cs2cs"); err != nil {
		t.Skip("cs2cs (Debian proj-bin) not installed: cannot check the transform against PROJ")
	}
	var in bytes.Buffer
	for _, p := range pts {
		fmt.Fprintf(&in, "%.6f %.6f\n", p[0], p[1])
	}
	cmd := exec.Command("cs2cs", "-f", "%.6f", src, "EPSG:2180")
	cmd.Stdin = &in
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("cs2cs: %v", err)
	}
	var res []orb.Point
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		n, _ := strconv.ParseFloat(f[0], 64)
		e, _ := strconv.ParseFloat(f[1], 64)
		res = append(res, orb.Point{e, n})
	}
	return res
}

// posLists returns the posList pairs of a GML file as written (N E).
func posLists(t *testing.T, path string) [][]orb.Point {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out [][]orb.Point
	s := string(b)
	for {
		i := strings.Index(s, "<gml:posList>")
		if i < 0 {
			return out
		}
		s = s[i+len("<gml:posList>"):]
		j := strings.Index(s, "</gml:posList>")
		fs := strings.Fields(s[:j])
		var ring []orb.Point
		for k := 0; k+1 < len(fs); k += 2 {
			a, _ := strconv.ParseFloat(fs[k], 64)
			b, _ := strconv.ParseFloat(fs[k+1], 64)
			ring = append(ring, orb.Point{a, b})
		}
		out = append(out, ring)
		s = s[j:]
	}
}

func rings(g orb.Geometry) []orb.Ring {
	var out []orb.Ring
	for _, p := range g.(orb.MultiPolygon) {
		out = append(out, p...)
	}
	return out
}

// checkAgainstPROJ compares every ring of the features, in file order, with the
// file's posLists transformed by PROJ: within a millimetre.
func checkAgainstPROJ(t *testing.T, path, srcCRS string, feats []*Feature) {
	t.Helper()
	want := posLists(t, path)
	var got []orb.Ring
	for _, f := range feats {
		if f.Object.Geometry != nil {
			got = append(got, rings(f.Object.Geometry)...)
		}
	}
	if len(got) != len(want) {
		t.Fatalf("%s: %d rings read, %d posLists in the file", path, len(got), len(want))
	}
	for i := range want {
		exp := cs2cs(t, srcCRS, want[i])
		if len(exp) != len(got[i]) {
			t.Fatalf("ring %d: %d points, want %d", i, len(got[i]), len(exp))
		}
		for k := range exp {
			if d := math.Hypot(exp[k][0]-got[i][k][0], exp[k][1]-got[i][k][1]); d > 0.001 {
				t.Errorf("ring %d point %d: got %v, PROJ says %v (%.4f m off)", i, k, got[i][k], exp[k], d)
			}
		}
	}
}

func TestAPP10GovNamespaceEPSG2180(t *testing.T) {
	fs := readAll(t, "testdata/app1_gov_2180.gml")
	if len(fs) != 3 {
		t.Fatalf("%d features, want plan, document, drawing", len(fs))
	}
	p, d, r := fs[0], fs[1], fs[2]
	if p.Class != "AktPlanowaniaPrzestrzennego" || p.Layer != "plany" || p.Schema != "1.0" || len(p.Issues) != 0 {
		t.Fatalf("plan: %+v issues %v", p, p.Issues)
	}
	o := p.Object
	if o.ID != "12MPZP" || o.Namespace != "PL.ZIPPZP.2401/246601-MPZP" || o.Version != "20210301T120000" {
		t.Errorf("identity %q %q %q", o.ID, o.Namespace, o.Version)
	}
	if !o.StartVersion.Equal(time.Date(2021, 3, 1, 12, 0, 0, 0, time.UTC)) || !o.EndVersion.IsZero() {
		t.Errorf("lifecycle %v %v", o.StartVersion, o.EndVersion)
	}
	want := map[string]any{
		"tytul":             "Miejscowy plan zagospodarowania przestrzennego „Łąki Źródlane” w Żółkiewce",
		"typ_planu":         "miejscowyPlanZagospodarowaniaPrzestrzennego",
		"typ_planu_opis":    "miejscowy plan zagospodarowania przestrzennego",
		"status":            "adopted",
		"status_opis":       "prawnie wiążący",
		"poziom_hierarchii": "local",
		"zmiana":            int64(0),
		"obowiazuje_od":     time.Date(2019, 6, 1, 0, 0, 0, 0, time.UTC),
		"wersja_app":        "1.0",
	}
	for k, v := range want {
		if got := o.Attrs[k]; got != v {
			t.Errorf("%s = %#v, want %#v", k, got, v)
		}
	}
	// posList is N E in EPSG:2180: the store holds x = E.
	mp := o.Geometry.(orb.MultiPolygon)
	if len(mp) != 1 || len(mp[0]) != 2 {
		t.Fatalf("extent: %d polygons, %d rings; want 1 polygon with a hole", len(mp), len(mp[0]))
	}
	if mp[0][0][0] != (orb.Point{500000, 300000}) || mp[0][0][1] != (orb.Point{500250.5, 300000}) {
		t.Errorf("axis order: first points %v %v", mp[0][0][0], mp[0][0][1])
	}
	if r, ok := p.Ref("dokumentUchwalajacy"); !ok || r.ID != "20210301T120000" {
		t.Errorf("dokumentUchwalajacy ref %+v", r)
	}
	if d.Class != "DokumentFormalny" || d.Layer != "" || d.Object.ID != "UCHWALA-XII-34-2019" || d.Object.Attrs["organUstanawiajacy"] != "Rada Gminy Żółkiewka" || d.Object.Attrs["data"] != "2019-04-25" {
		t.Errorf("document %+v", d.Object)
	}
	if r.Class != "RysunekAktuPlanowaniaPrzestrzennego" || r.Object.Attrs["legenda"] != "https://bip.example.gov.pl/uchwaly/XII-34-2019-legenda.png" {
		t.Errorf("drawing %+v", r.Object)
	}
	if len(d.Issues)+len(r.Issues) != 0 {
		t.Errorf("issues: %v %v", d.Issues, r.Issues)
	}
}

func TestAPP10OldNamespacePL2000Zone6(t *testing.T) {
	fs := readAll(t, "testdata/app1_old_2177.gml")
	if len(fs) != 2 {
		t.Fatalf("%d features", len(fs))
	}
	for _, f := range fs {
		if f.Schema != "1.0" || f.Object.ID != "7MPZP" || len(f.Issues) != 0 {
			t.Fatalf("%+v %v", f, f.Issues)
		}
	}
	if fs[0].Object.EndVersion.IsZero() || !fs[1].Object.EndVersion.IsZero() {
		t.Errorf("the first version is archived (koniecWersjiObiektu), the second current")
	}
	if fs[0].SRS != "http://www.opengis.net/def/crs/EPSG/0/2177" || fs[1].SRS != "urn:ogc:def:crs:EPSG::2177" {
		t.Errorf("srs %q %q", fs[0].SRS, fs[1].SRS)
	}
	if fs[1].Object.Attrs["zmiana"] != int64(1) {
		t.Errorf("zmiana %v", fs[1].Object.Attrs["zmiana"])
	}
	checkAgainstPROJ(t, "testdata/app1_old_2177.gml", "EPSG:2177", fs)
}

func TestAPP20OldNamespacePL2000Zone7(t *testing.T) {
	fs := readAll(t, "testdata/app2_old_2178.gml")
	if len(fs) != 4 {
		t.Fatalf("%d features", len(fs))
	}
	z := fs[1].Object
	if fs[1].Schema != "2.0" || fs[1].Layer != "strefy" || z.Attrs["oznaczenie"] != "1SJ" || z.Attrs["symbol"] != "SJ" ||
		z.Attrs["nazwa"] != "strefaWielofunkcyjnaZZabudowaMieszkaniowaJednorodzinna" || z.Attrs["profil_podstawowy"] != "KPT-MPZP-MN;KPT-MPZP-U;KPT-MPZP-K;KPT-MPZP-ZP;KPT-MPZP-ZD;KPT-MPZP-I" ||
		z.Attrs["maks_intensywnosc"] != 0.8 || z.Attrs["maks_udzial_zabudowy"] != 35.0 || z.Attrs["maks_wysokosc"] != 12.0 || z.Attrs["min_udzial_pbc"] != 40.0 ||
		z.Attrs["plan"] != "1POG" || z.Attrs["klasa"] != "StrefaPlanistyczna" {
		t.Errorf("zone attrs %v", z.Attrs)
	}
	if fs[3].Class != "ObszarZabudowySrodmiejskiej" || fs[3].Object.Attrs["klasa"] != "ObszarZabudowySrodmiejskiej" || len(fs[3].Issues) != 0 {
		t.Errorf("obszar %+v %v", fs[3].Object, fs[3].Issues)
	}
	checkAgainstPROJ(t, "testdata/app2_old_2178.gml", "EPSG:2178", fs)
}

// The GPL-3.0 APP 2.0 test set of the QGIS APP plugin, read where it lies (never copied).
func TestRealAPP20Samples(t *testing.T) {
	dir := "../../../shared/data/app2"
	if _, err := os.Stat(dir); err != nil {
		t.Skip("real APP 2.0 samples (../shared/data/app2) not present")
	}
	plan := readAll(t, filepath.Join(dir, "2_pog_AktPlanowaniaPrzestrzennego.gml"))
	zones := readAll(t, filepath.Join(dir, "2_strefy_StrefaPlanistyczna_OK.gml"))
	if len(plan) != 1 || len(zones) != 4 {
		t.Fatalf("%d plans, %d zones", len(plan), len(zones))
	}
	if a := plan[0].Object.Attrs; a["typ_planu"] != "planOgolnyGminy" || a["tytul"] != "Plan ogólny gminy Testowej" || a["status"] != "elaboration" {
		t.Errorf("plan attrs %v", a)
	}
	syms := ""
	for _, z := range zones {
		if len(z.Issues) != 0 {
			t.Errorf("%s: %v", z.Object.ID, z.Issues)
		}
		syms += z.Object.Attrs["symbol"].(string) + " "
	}
	if syms != "SJ SU SP SZ " {
		t.Errorf("symbols %q", syms)
	}
	checkAgainstPROJ(t, filepath.Join(dir, "2_pog_AktPlanowaniaPrzestrzennego.gml"), "EPSG:2178", plan)
	checkAgainstPROJ(t, filepath.Join(dir, "2_strefy_StrefaPlanistyczna_OK.gml"), "EPSG:2178", zones)
}

const head = `<?xml version="1.0"?>
<c xmlns:app="https://www.gov.pl/static/zagospodarowanieprzestrzenne/schemas/app/2.0" xmlns:gml="http://www.opengis.net/gml/3.2">
`

func zone(id, geom string, extra string) string {
	return `<app:StrefaPlanistyczna gml:id="x` + id + `">
<app:idIIP><app:Identyfikator><app:przestrzenNazw>PL.T</app:przestrzenNazw><app:lokalnyId>` + id + `</app:lokalnyId><app:wersjaId>1</app:wersjaId></app:Identyfikator></app:idIIP>
<app:oznaczenie>1SJ</app:oznaczenie><app:symbol>SJ</app:symbol>
<app:poczatekWersjiObiektu>2025-01-01T00:00:00Z</app:poczatekWersjiObiektu>` + extra + `
<app:geometria>` + geom + `</app:geometria>
</app:StrefaPlanistyczna>
`
}

const square = `<gml:Polygon srsName="urn:ogc:def:crs:EPSG::2180"><gml:exterior><gml:LinearRing><gml:posList>0 0 0 10 10 10 10 0 0 0</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>`

func TestObjectIssues(t *testing.T) {
	doc := head +
		zone("ok", square, "") +
		zone("unclosed", `<gml:Polygon srsName="urn:ogc:def:crs:EPSG::2180"><gml:exterior><gml:LinearRing>
<gml:posList>0 0 0 10 10 10 10 0</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>`, "") +
		zone("short", `<gml:Polygon srsName="urn:ogc:def:crs:EPSG::2180"><gml:exterior><gml:LinearRing><gml:posList>0 0 0 10 0 0</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>`, "") +
		zone("nosrs", `<gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>0 0 0 10 10 10 10 0 0 0</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>`, "") +
		zone("badsrs", `<gml:Polygon srsName="EPSG:99999"><gml:exterior><gml:LinearRing><gml:posList>0 0 0 10 10 10 10 0 0 0</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>`, "") +
		zone("nan", `<gml:Polygon srsName="urn:ogc:def:crs:EPSG::2180"><gml:exterior><gml:LinearRing><gml:posList>0 0 0 x 10 10 10 0 0 0</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>`, "") +
		zone("badnum", square, "<app:maksWysokoscZabudowy uom=\"m\">dwanaście</app:maksWysokoscZabudowy>") +
		zone("line", `<gml:LineString srsName="urn:ogc:def:crs:EPSG::2180"><gml:posList>0 0 1 1</gml:posList></gml:LineString>`, "") +
		`</c>`
	fs := readAllFrom(t, strings.NewReader(doc), "mem.gml")
	want := map[string]string{"ok": "", "unclosed": CodeUnclosed, "short": CodeRing, "nosrs": CodeCRS, "badsrs": CodeCRS, "nan": CodeGeometry, "badnum": CodeValue, "line": CodeGeometry}
	if len(fs) != len(want) {
		t.Fatalf("%d features", len(fs))
	}
	for _, f := range fs {
		w := want[f.Object.ID]
		if w == "" {
			if len(f.Issues) != 0 {
				t.Errorf("%s: unexpected %v", f.Object.ID, f.Issues)
			}
			continue
		}
		if len(f.Issues) != 1 || f.Issues[0].Code != w || f.Issues[0].Line == 0 {
			t.Errorf("%s: issues %+v, want one %s with a line", f.Object.ID, f.Issues, w)
		}
	}
	// The unclosed ring is reported at its posList line.
	for _, f := range fs {
		if f.Object.ID == "unclosed" && f.Issues[0].Line != strings.Count(doc[:strings.Index(doc, "0 0 0 10 10 10 10 0<")], "\n")+1 {
			t.Errorf("unclosed ring reported at line %d", f.Issues[0].Line)
		}
	}
}

func TestBrokenFiles(t *testing.T) {
	for name, doc := range map[string]string{
		"truncated": head + zone("a", square, "")[:200],
		"syntax":    head + "<app:StrefaPlanistyczna><a></b></app:StrefaPlanistyczna></c>",
		"noapp":     `<?xml version="1.0"?><x xmlns="urn:other"><y/></x>`,
		"empty":     ``,
	} {
		rd := NewReader(strings.NewReader(doc), name+".gml")
		var err error
		for err == nil {
			_, err = rd.Next()
		}
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%s: %v, want *app.Error", name, err)
			continue
		}
		if e.File != name+".gml" || (name != "noapp" && name != "empty" && e.Line == 0) {
			t.Errorf("%s: %+v", name, e)
		}
	}
}

func FuzzReader(f *testing.F) {
	for _, p := range []string{"testdata/app1_gov_2180.gml", "testdata/app1_old_2177.gml", "testdata/app2_old_2178.gml"} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(head + zone("a", square, "") + "</c>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		rd := NewReader(bytes.NewReader(b), "fuzz.gml")
		for i := 0; i < 10000; i++ {
			ft, err := rd.Next()
			if err != nil {
				return
			}
			if ft.Object == nil {
				t.Fatal("feature without object")
			}
			if g, ok := ft.Object.Geometry.(orb.MultiPolygon); ok {
				for _, p := range g {
					for _, r := range p {
						if len(r) < 4 || r[0] != r[len(r)-1] && len(ft.Issues) == 0 {
							t.Fatalf("bad ring accepted without an issue: %v", r)
						}
					}
				}
			}
		}
	})
}
