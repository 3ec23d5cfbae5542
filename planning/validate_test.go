package planning

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

func writeTemp(t testing.TB, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func validateFiles(t testing.TB, files ...string) *Report {
	t.Helper()
	s, err := Load(files)
	if err != nil {
		t.Fatal(err)
	}
	return Validate(s, Options{})
}

// Every injected defect of a jittered 30×20 plan ogólny is found, with its area,
// and nothing else is.
func TestInjectedDefectsFoundExactly(t *testing.T) {
	g := &genPlan{nx: 30, ny: 20, cell: 100, seed: 7,
		gaps:      []int{31, 95, 340, 0},
		overlaps:  []int{64, 250, 455},
		outside:   []int{29, 329},
		dupOzn:    [][2]int{{100, 101}},
		dupID:     [][2]int{{200, 210}},
		badSymbol: []int{300},
		mismatch:  []int{400},
		tooHigh:   []int{500},
		shares:    []int{510},
	}
	p := writeTemp(t, "pog.gml", g.gml())
	rep := validateFiles(t, p)
	var got []expectation
	for _, f := range rep.Findings {
		id := f.ID
		other := f.Other
		switch f.Code {
		case CodeSymbol, CodeSymbolMatch, CodeRange:
			other = ""
		case CodeGap:
			other = ""
		}
		got = append(got, expectation{code: f.Code, id: id, other: other, area: f.Area})
		if f.Severity != Error {
			t.Errorf("%s: severity %s", f, f.Severity)
		}
		if f.File != p || f.Line == 0 {
			t.Errorf("%s: no file/line", f)
		}
		if (f.Code == CodeGap || f.Code == CodeOverlap || f.Code == CodeOutside) && f.X == nil {
			t.Errorf("%s: no location", f)
		}
	}
	sort.Slice(got, func(i, j int) bool { return got[i].less(got[j]) })
	if len(got) != len(g.expect) {
		t.Errorf("%d findings, want %d", len(got), len(g.expect))
	}
	for i := 0; i < len(got) || i < len(g.expect); i++ {
		var a, b expectation
		if i < len(got) {
			a = got[i]
		}
		if i < len(g.expect) {
			b = g.expect[i]
		}
		if a.key() != b.key() || (b.area > 0 && math.Abs(a.area-b.area) > 0.01) {
			t.Errorf("finding %d: got %+v, want %+v", i, a, b)
		}
	}
	if rep.Errors != len(g.expect) || rep.Zones != 30*20-len(g.gaps) || rep.Plans != 1 {
		t.Errorf("report: %d errors, %d zones, %d plans", rep.Errors, rep.Zones, rep.Plans)
	}
	if !t.Failed() {
		return
	}
	for _, f := range rep.Findings {
		t.Log(f)
	}
}

// Gaps are located inside the missing zone.
func TestGapLocation(t *testing.T) {
	g := &genPlan{nx: 5, ny: 5, cell: 50, seed: 1, gaps: []int{12}}
	rep := validateFiles(t, writeTemp(t, "p.gml", g.gml()))
	if len(rep.Findings) != 1 || rep.Findings[0].Code != CodeGap {
		t.Fatalf("%v", rep.Findings)
	}
	f := rep.Findings[0]
	i, j := 12%5, 12/5
	minx := math.Min(g.vertex(i, j)[0], g.vertex(i, j+1)[0])
	maxx := math.Max(g.vertex(i+1, j)[0], g.vertex(i+1, j+1)[0])
	if *f.X < minx || *f.X > maxx {
		t.Errorf("gap located at x=%.2f, the missing zone spans %.2f..%.2f", *f.X, minx, maxx)
	}
}

func TestRealAPPSampleIsClean(t *testing.T) {
	dir := appSampleDir(t)
	rep := validateFiles(t, filepath.Join(dir, "2_pog_AktPlanowaniaPrzestrzennego.gml"), filepath.Join(dir, "2_strefy_StrefaPlanistyczna_OK.gml"))
	if rep.Errors+rep.Warnings != 0 || rep.Zones != 4 {
		t.Errorf("the national validator's OK set: %+v", rep)
	}
	// Without its extent the zones alone have nothing to be checked against.
	rep = validateFiles(t, filepath.Join(dir, "2_strefy_StrefaPlanistyczna_OK.gml"))
	if rep.Errors != 0 {
		t.Errorf("zones alone: %+v", rep.Findings)
	}
}

func TestOriginalSamplesAreClean(t *testing.T) {
	rep := validateFiles(t, "../ingest/app/testdata/app1_gov_2180.gml", "../ingest/app/testdata/app1_old_2177.gml", "../ingest/app/testdata/app2_old_2178.gml")
	if len(rep.Findings) != 0 {
		t.Errorf("%v", rep.Findings)
	}
	for _, f := range []string{"mpzp.geojson", "mpzp_cp1250.shp", "mpzp_utf8.shp", "mpzp_2177.shp", "mpzp.gpkg"} {
		rep := validateFiles(t, "../ingest/formats/testdata/"+f)
		if len(rep.Findings) != 0 || rep.Zones != 4 {
			t.Errorf("%s: %v", f, rep.Findings)
		}
	}
}

const zhead = `<?xml version="1.0"?>
<c xmlns:app="https://www.gov.pl/static/zagospodarowanieprzestrzenne/schemas/app/2.0" xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:xlink="http://www.w3.org/1999/xlink">
`

func zoneXML(id, ozn, sym, posList string) string {
	return `<app:StrefaPlanistyczna gml:id="x` + id + `">
<app:idIIP><app:Identyfikator><app:przestrzenNazw>PL.ZIPPZP.9999/146501-POG</app:przestrzenNazw><app:lokalnyId>` + id + `</app:lokalnyId><app:wersjaId>20250101T000000</app:wersjaId></app:Identyfikator></app:idIIP>
<app:oznaczenie>` + ozn + `</app:oznaczenie><app:symbol>` + sym + `</app:symbol>
<app:poczatekWersjiObiektu>2025-01-01T00:00:00Z</app:poczatekWersjiObiektu>
` + zoneAttrs(sym) + `<app:maksNadziemnaIntensywnoscZabudowy>0.9</app:maksNadziemnaIntensywnoscZabudowy>
<app:maksUdzialPowierzchniZabudowy>30</app:maksUdzialPowierzchniZabudowy><app:maksWysokoscZabudowy uom="m">12</app:maksWysokoscZabudowy>
<app:minUdzialPowierzchniBiologicznieCzynnej>40</app:minUdzialPowierzchniBiologicznieCzynnej>
<app:geometria><gml:Polygon srsName="urn:ogc:def:crs:EPSG::2180"><gml:exterior><gml:LinearRing>
<gml:posList>` + posList + `</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></app:geometria>
</app:StrefaPlanistyczna>
`
}

func TestRingDefects(t *testing.T) {
	doc := zhead +
		zoneXML("1POG-1SJ", "1SJ", "SJ", "300000 500000 300000 500010 300010 500010 300010 500000 300000 500000") +
		// a bow tie: its edges cross at E=500015 N=300005
		zoneXML("1POG-2SJ", "2SJ", "SJ", "300000 500010 300010 500020 300000 500020 300010 500010 300000 500010") +
		zoneXML("1POG-3SJ", "3SJ", "SJ", "300000 500020 300010 500020 300010 500030 300000 500030") +
		"</c>"
	p := writeTemp(t, "rings.gml", doc)
	rep := validateFiles(t, p)
	codes := map[string]Finding{}
	for _, f := range rep.Findings {
		codes[f.ID] = f
	}
	if len(rep.Findings) != 2 {
		t.Fatalf("%v", rep.Findings)
	}
	bt := codes["1POG-2SJ"]
	if bt.Code != CodeSelfInter || bt.X == nil || math.Abs(*bt.X-500015) > 0.01 || math.Abs(*bt.Y-300005) > 0.01 {
		t.Errorf("bow tie: %s", bt)
	}
	op := codes["1POG-3SJ"]
	wantLine := strings.Count(doc[:strings.Index(doc, "300000 500020 300010 500020")], "\n") + 1
	if op.Code != "PIERSCIEN_NIEZAMKNIETY" || op.Line != wantLine {
		t.Errorf("open ring: %s (want line %d)", op, wantLine)
	}
}

func TestMPZPSymbols(t *testing.T) {
	b, err := os.ReadFile("../ingest/formats/testdata/mpzp.geojson")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(b), `"PRZEZN": "MW"`, `"PRZEZN": "MN"`, 1) // 2MW declared MN
	s = strings.Replace(s, `"OZNACZENIE": "1KDD", "PRZEZN": "KDD"`, `"OZNACZENIE": "1QQ", "PRZEZN": "QQ"`, 1)
	s = strings.Replace(s, `"PBC": 90.0`, `"PBC": 190.0`, 1)
	rep := validateFiles(t, writeTemp(t, "m.geojson", s))
	var got []string
	for _, f := range rep.Findings {
		got = append(got, f.Severity+" "+f.Code+" "+f.Oznaczenie)
	}
	sort.Strings(got)
	want := []string{"error SYMBOL_NIEZGODNY 2MW", "error WARTOSC_POZA_ZAKRESEM 3ZP", "warning SYMBOL_NIEZNANY 1QQ"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestDuplicateAcrossFilesAndJSON(t *testing.T) {
	a := zhead + zoneXML("1POG-1SJ", "1SJ", "SJ", "300000 500000 300000 500010 300010 500010 300010 500000 300000 500000") + "</c>"
	b := zhead + zoneXML("1POG-1SJ", "1SJ", "SJ", "300000 500010 300000 500020 300010 500020 300010 500010 300000 500010") + "</c>"
	rep := validateFiles(t, writeTemp(t, "a.gml", a), writeTemp(t, "b.gml", b))
	var buf strings.Builder
	if err := rep.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal([]byte(buf.String()), &back); err != nil {
		t.Fatal(err)
	}
	codes := []string{}
	for _, f := range back.Findings {
		codes = append(codes, f.Code)
		if !strings.HasSuffix(f.File, "b.gml") || f.Line != 3 {
			t.Errorf("%s: should point at b.gml line 3", f)
		}
	}
	sort.Strings(codes)
	if strings.Join(codes, ",") != "DUPLIKAT_LOKALNYID,DUPLIKAT_OZNACZENIA" || back.Errors != 2 {
		t.Errorf("%v", back.Findings)
	}
	var txt strings.Builder
	rep.WriteText(&txt)
	if !strings.Contains(txt.String(), "b.gml:3: error DUPLIKAT_LOKALNYID StrefaPlanistyczna 1POG-1SJ [1SJ]") || !strings.Contains(txt.String(), "FAILED: 2 files, 0 plans, 2 zones: 2 errors") {
		t.Errorf("text output:\n%s", txt.String())
	}
}

func TestLoadErrors(t *testing.T) {
	for name, content := range map[string]string{
		"trunc.gml": zhead + zoneXML("a", "1SJ", "SJ", "0 0 0 1 1 1 0 0")[:150],
		"x.txt":     "hello",
		"bad.json":  "{",
	} {
		if _, err := Load([]string{writeTemp(t, name, content)}); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// BenchmarkValidate measures a large city's plan ogólny: 60×50 = 3,000 zones (with a
// few defects) and 120×100 = 12,000 zones; reported per 1,000 zones.
func BenchmarkValidate(b *testing.B) {
	for _, size := range []struct{ nx, ny int }{{60, 50}, {120, 100}} {
		g := &genPlan{nx: size.nx, ny: size.ny, cell: 100, seed: 3, gaps: []int{70, 900}, overlaps: []int{200, 1500}}
		p := writeTemp(b, "pog.gml", g.gml())
		s, err := Load([]string{p})
		if err != nil {
			b.Fatal(err)
		}
		n := size.nx * size.ny
		b.Run(strings.ReplaceAll(strings.TrimSpace(strings.Repeat(" ", 0)+itoa(n)), " ", "")+"zones", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				rep := Validate(s, Options{})
				if rep.Errors != len(g.expect) {
					b.Fatalf("%d errors, want %d", rep.Errors, len(g.expect))
				}
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N)/float64(n)*1000, "ms/1000zones")
		})
		b.Run(itoa(n)+"zones-load+validate", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				s, err := Load([]string{p})
				if err != nil {
					b.Fatal(err)
				}
				Validate(s, Options{})
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N)/float64(n)*1000, "ms/1000zones")
		})
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// The plan ogólny areas other than zones: fixed symbol, required attributes and
// lokalnyId form, on the project's own APP 2.0 sample (its ObszarZabudowySrodmiejskiej).
func TestOtherAreasRules(t *testing.T) {
	orig, err := os.ReadFile("../ingest/app/testdata/app2_old_2178.gml")
	if err != nil {
		t.Fatal(err)
	}
	if rep := validateFiles(t, writeTemp(t, "pog.gml", string(orig))); len(rep.Findings) != 0 {
		t.Fatalf("the sample: %v", rep.Findings)
	}
	for _, c := range []struct{ old, new, code, id string }{
		{"<app:symbol>OZS</app:symbol>", "<app:symbol>OUZ</app:symbol>", CodeSymbolMatch, "1POG-1OZS"},
		// (the last charakterUstalenia of the file is the area's)
		{`<app:charakterUstalenia xlink:href="https://inspire.ec.europa.eu/codelist/RegulationNatureValue/generallyBinding"/>`, "", "BRAK_ATRYBUTU", "1POG-1OZS"},
		{"<app:lokalnyId>1POG-1OZS</app:lokalnyId>", "<app:lokalnyId>1POG-OZS1</app:lokalnyId>", CodeIdentifier, "1POG-OZS1"},
	} {
		s := string(orig)
		if !strings.Contains(s, c.old) {
			t.Fatalf("the sample has no %s", c.old)
		}
		i := strings.LastIndex(s, c.old)
		rep := validateFiles(t, writeTemp(t, "pog.gml", s[:i]+c.new+s[i+len(c.old):]))
		if len(rep.Findings) != 1 || rep.Findings[0].Code != c.code || rep.Findings[0].ID != c.id {
			t.Errorf("%s → %s: %v", c.old, c.new, rep.Findings)
		}
	}
}
