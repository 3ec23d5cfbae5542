package planning

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// appSampleDir finds the real APP 2.0 sample set (plan extent and four zones that
// pass the national validation) in the shared data beside the repository. It is
// GPL-3.0, so it is read where it lies and never copied into the project; the
// test is skipped where it is absent.
func appSampleDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for ; ; dir = filepath.Dir(dir) {
		p := filepath.Join(dir, "shared", "data", "app2")
		if _, err := os.Stat(filepath.Join(p, "2_strefy_StrefaPlanistyczna_OK.gml")); err == nil {
			return p
		}
		if dir == filepath.Dir(dir) {
			t.Skip("the real APP 2.0 samples (shared/data/app2) are not beside the repository")
		}
	}
}

const (
	samplePlan  = "2_pog_AktPlanowaniaPrzestrzennego.gml"
	sampleZones = "2_strefy_StrefaPlanistyczna_OK.gml"
	kpt         = `https://www.gov.pl/static/zagospodarowanieprzestrzenne/ontology/KPT#KPT-MPZP-`
)

// variant is one rule of docs/app-validation.md broken in the real sample.
type variant struct {
	rule  string // the rule's number in docs/app-validation.md
	file  string // samplePlan or sampleZones: the file changed
	edit  func(string) string
	codes []string // the finding codes the variant must give, and no others
	id    string   // an object a finding names
}

// once replaces the first occurrence of old (which must be there) by new.
func once(old, new string) func(string) string {
	return func(s string) string {
		if !strings.Contains(s, old) {
			panic("the sample has no " + old)
		}
		return strings.Replace(s, old, new, 1)
	}
}

// dropLastMember removes the last wfs:member of a file (the 1SZ zone).
func dropLastMember(s string) string {
	return s[:strings.LastIndex(s, "<wfs:member>")] + "</wfs:FeatureCollection>\n"
}

// copyFirstZone adds a copy of the first zone (1SJ) as 2SJ, with the further
// replacements given (old, new, …) made in the copy.
func copyFirstZone(more ...string) func(string) string {
	return func(s string) string {
		i, j := strings.Index(s, "<wfs:member>"), strings.Index(s, "</wfs:member>")+len("</wfs:member>")
		m := strings.NewReplacer(append([]string{"1POG-1SJ", "1POG-2SJ", ">1SJ<", ">2SJ<"}, more...)...).Replace(s[i:j])
		return s[:j] + "\n    " + m + s[j:]
	}
}

var sjNumbers = struct{ intens, udzial, wys, pbc string }{
	"<app:maksNadziemnaIntensywnoscZabudowy>0.9</app:maksNadziemnaIntensywnoscZabudowy>",
	"<app:maksUdzialPowierzchniZabudowy>30.1</app:maksUdzialPowierzchniZabudowy>",
	`<app:maksWysokoscZabudowy uom="m">15.5</app:maksWysokoscZabudowy>`,
	"<app:minUdzialPowierzchniBiologicznieCzynnej>30.1</app:minUdzialPowierzchniBiologicznieCzynnej>",
}

var nationalVariants = []variant{
	// Numbers of StrefaPlanistyczna: precision, range, required for the symbol.
	{"N1", sampleZones, once(sjNumbers.intens, strings.Replace(sjNumbers.intens, "0.9", "0.95", 1)), []string{CodePrecision}, "1POG-1SJ"},
	{"N2", sampleZones, once(sjNumbers.intens, strings.Replace(sjNumbers.intens, "0.9", "350.5", 1)), []string{CodeRange}, "1POG-1SJ"},
	{"N3", sampleZones, once(sjNumbers.intens, ""), []string{"BRAK_ATRYBUTU"}, "1POG-1SJ"},
	{"N4", sampleZones, once(sjNumbers.udzial, strings.Replace(sjNumbers.udzial, "30.1", "30.15", 1)), []string{CodePrecision}, "1POG-1SJ"},
	{"N5", sampleZones, once(sjNumbers.udzial, strings.Replace(sjNumbers.udzial, "30.1", "100.5", 1)), []string{CodeRange}, "1POG-1SJ"},
	{"N6", sampleZones, once(sjNumbers.udzial, ""), []string{"BRAK_ATRYBUTU"}, "1POG-1SJ"},
	{"N7", sampleZones, once(sjNumbers.wys, strings.Replace(sjNumbers.wys, "15.5", "15.55", 1)), []string{CodePrecision}, "1POG-1SJ"},
	{"N8", sampleZones, once(sjNumbers.wys, strings.Replace(sjNumbers.wys, "15.5", "1000", 1)), []string{CodeRange}, "1POG-1SJ"},
	{"N9", sampleZones, once(sjNumbers.wys, ""), []string{"BRAK_ATRYBUTU"}, "1POG-1SJ"},
	{"N10", sampleZones, once(sjNumbers.pbc, strings.Replace(sjNumbers.pbc, "30.1", "30.15", 1)), []string{CodePrecision}, "1POG-1SJ"},
	{"N11", sampleZones, once(sjNumbers.pbc, strings.Replace(sjNumbers.pbc, "30.1", "150.5", 1)), []string{CodeRange}, "1POG-1SJ"},
	{"N12", sampleZones, once(sjNumbers.pbc, ""), []string{"BRAK_ATRYBUTU"}, "1POG-1SJ"},
	// Profiles.
	{"P1", sampleZones, once(`<app:profilPodstawowy xlink:href="`+kpt+`ZD" xlink:title="teren ogrodów działkowych" />`, ""), []string{CodeProfile}, "1POG-1SJ"},
	{"P2", sampleZones, once(sjNumbers.intens, `<app:profilDodatkowy xlink:href="`+kpt+`P" xlink:title="teren produkcji" />`+sjNumbers.intens), []string{CodeProfile}, "1POG-1SJ"},
	// Symbol, oznaczenie, nazwa.
	{"S1", sampleZones, once("<app:symbol>SJ</app:symbol>", "<app:symbol>SX</app:symbol>"), []string{CodeSymbol}, "1POG-1SJ"},
	{"S2", sampleZones, once("<app:oznaczenie>1SJ</app:oznaczenie>", "<app:oznaczenie>2SW</app:oznaczenie>"), []string{CodeSymbolMatch}, "1POG-1SJ"},
	{"S3", sampleZones, once("RodzajStrefyPlanistycznejKod/strefaWielofunkcyjnaZZabudowaMieszkaniowaJednorodzinna", "RodzajStrefyPlanistycznejKod/strefaUslugowa"), []string{CodeSymbolMatch}, "1POG-1SJ"},
	// Identifiers: unique, in the regulation's form, one namespace.
	{"I1", sampleZones, once("<app:lokalnyId>1POG-1SU</app:lokalnyId>", "<app:lokalnyId>1POG-1SJ</app:lokalnyId>"), []string{CodeDuplicateID}, "1POG-1SJ"},
	{"I2", sampleZones, once("<app:oznaczenie>1SU</app:oznaczenie>", "<app:oznaczenie>1SJ</app:oznaczenie>"), []string{CodeDuplicateOzn, CodeSymbolMatch}, "1POG-1SU"},
	{"I3", sampleZones, once("<app:lokalnyId>1POG-1SJ</app:lokalnyId>", "<app:lokalnyId>1POG-SJ1</app:lokalnyId>"), []string{CodeIdentifier}, "1POG-SJ1"},
	{"I4", sampleZones, once("<app:wersjaId>20250731T131916</app:wersjaId>", "<app:wersjaId>2025-07-31</app:wersjaId>"), []string{CodeIdentifier}, "1POG-1SJ"},
	{"I5", samplePlan, once("<app:przestrzenNazw>PL.ZIPPZP.1234/121201-POG</app:przestrzenNazw>", "<app:przestrzenNazw>PL.ZIPPZP.1234-121201</app:przestrzenNazw>"), []string{CodeIdentifier, CodeNamespace}, "1POG"},
	{"I6", sampleZones, once("<app:przestrzenNazw>PL.ZIPPZP.1234/121201-POG</app:przestrzenNazw>", "<app:przestrzenNazw>PL.ZIPPZP.1235/121201-POG</app:przestrzenNazw>"), []string{CodeNamespace}, "1POG-1SJ"},
	// Required attributes.
	{"R1", sampleZones, once(`<app:charakterUstalenia xlink:href="https://inspire.ec.europa.eu/codelist/RegulationNatureValue/generallyBinding" xlink:title="ogólnie wiążące" />`, ""), []string{"BRAK_ATRYBUTU"}, "1POG-1SJ"},
	{"R2", sampleZones, once(`<app:status xlink:href="http://inspire.ec.europa.eu/codelist/ProcessStepGeneralValue/elaboration" xlink:title="w opracowaniu" />`, ""), []string{"BRAK_ATRYBUTU"}, "1POG-1SJ"},
	{"R3", sampleZones, once("<app:obowiazujeOd>2025-08-15</app:obowiazujeOd>", ""), []string{"BRAK_ATRYBUTU"}, "1POG-1SJ"},
	{"R4", sampleZones, func(s string) string {
		i := strings.Index(s, "<app:nazwa ")
		return s[:i] + s[i+strings.Index(s[i:], "/>")+2:]
	}, []string{"BRAK_ATRYBUTU"}, "1POG-1SJ"},
	{"R5", sampleZones, func(s string) string {
		end := strings.Index(s, sjNumbers.intens)
		start := strings.Index(s, "<app:profilPodstawowy")
		return s[:start] + s[end:]
	}, []string{"BRAK_ATRYBUTU"}, "1POG-1SJ"},
	{"R6", samplePlan, once(`<app:poziomHierarchii xlink:href="http://inspire.ec.europa.eu/codelist/LevelOfSpatialPlanValue/local" xlink:title="lokalny" />`, ""), []string{"BRAK_ATRYBUTU"}, "1POG"},
	{"R7", samplePlan, once(`<app:status xlink:href="http://inspire.ec.europa.eu/codelist/ProcessStepGeneralValue/elaboration" xlink:title="w opracowaniu" />`, ""), []string{"BRAK_ATRYBUTU"}, "1POG"},
	{"R8", samplePlan, once("<app:obowiazujeOd>2025-08-15</app:obowiazujeOd>", ""), []string{"BRAK_ATRYBUTU"}, "1POG"},
	{"R9", samplePlan, once("<app:tytul>Plan ogólny gminy Testowej</app:tytul>", ""), []string{"BRAK_ATRYBUTU"}, "1POG"},
	{"R10", samplePlan, func(s string) string {
		i := strings.Index(s, "<app:typPlanu ")
		return s[:i] + s[i+strings.Index(s[i:], "/>")+2:]
	}, []string{"BRAK_ATRYBUTU"}, "1POG"},
	{"T1", samplePlan, once("TypAktuPlanowaniaPrzestrzennegoKod/planOgolnyGminy", "TypAktuPlanowaniaPrzestrzennegoKod/miejscowyPlanZagospodarowaniaPrzestrzennego"), []string{CodePlanType}, "1POG"},
	// Dates. (An ended plan version leaves the zones without an extent to check.)
	{"D1", sampleZones, once("<app:obowiazujeOd>2025-08-15</app:obowiazujeOd>", "<app:obowiazujeOd>2025-08-15</app:obowiazujeOd><app:obowiazujeDo>2025-08-01</app:obowiazujeDo>"), []string{CodeDates}, "1POG-1SJ"},
	{"D2", samplePlan, once("<app:obowiazujeOd>2025-08-15</app:obowiazujeOd>", "<app:koniecWersjiObiektu>2025-07-30T00:00:00Z</app:koniecWersjiObiektu><app:obowiazujeOd>2025-08-15</app:obowiazujeOd><app:obowiazujeDo>2025-09-01</app:obowiazujeDo>"), []string{CodeDates}, "1POG"},
	{"D3", samplePlan, once("<app:obowiazujeOd>2025-08-15</app:obowiazujeOd>", "<app:koniecWersjiObiektu>2025-08-30T00:00:00Z</app:koniecWersjiObiektu><app:obowiazujeOd>2025-08-15</app:obowiazujeOd>"), []string{CodeDates}, "1POG"},
	{"D4", sampleZones, once("ProcessStepGeneralValue/elaboration", "ProcessStepGeneralValue/obsolete"), []string{CodeDates}, "1POG-1SJ"},
	// Topology and geometry.
	{"G1", sampleZones, dropLastMember, []string{CodeGap}, "1POG"},
	{"G2", sampleZones, copyFirstZone(), []string{CodeOverlap}, "1POG-1SJ"},
	{"G4", sampleZones, copyFirstZone(" 557", " 567", ">557", ">567"), []string{CodeOutside}, "1POG-2SJ"}, // 100 km north
	{"G5", sampleZones, once(" 5575861.66378577 7381788.28260304</gml:posList>", "</gml:posList>"), []string{"PIERSCIEN_NIEZAMKNIETY", CodeGap}, "1POG-1SJ"},
	{"G3", sampleZones, once("5575861.66378577 7381788.28260304 5573857.30631329 7385054.435987 5572605.04823811 7384984.04551393", "5575861.66378577 7381788.28260304 5572605.04823811 7384984.04551393 5573857.30631329 7385054.435987"), []string{CodeSelfInter, CodeGap}, "1POG-1SJ"},
}

// Each rule of docs/app-validation.md, broken alone in the real sample, gives its
// finding and nothing else; the untouched sample gives none.
func TestNationalRulesOnTheRealSample(t *testing.T) {
	dir := appSampleDir(t)
	orig := map[string]string{}
	for _, f := range []string{samplePlan, sampleZones} {
		orig[f] = readText(t, filepath.Join(dir, f))
	}
	write := func(t *testing.T, changed, text string) []string {
		tmp := t.TempDir()
		var files []string
		for _, f := range []string{samplePlan, sampleZones} {
			s := orig[f]
			if f == changed {
				s = text
			}
			p := filepath.Join(tmp, f)
			if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
				t.Fatal(err)
			}
			files = append(files, p)
		}
		return files
	}
	if rep := validateFiles(t, write(t, "", "")...); rep.Errors+rep.Warnings != 0 || rep.Zones != 4 || rep.Plans != 1 {
		t.Fatalf("the untouched sample: %+v", rep)
	}
	seen := map[string]bool{}
	for _, v := range nationalVariants {
		if seen[v.rule] {
			t.Fatalf("rule %s tested twice", v.rule)
		}
		seen[v.rule] = true
		t.Run(v.rule, func(t *testing.T) {
			text := v.edit(orig[v.file])
			if text == orig[v.file] {
				t.Fatal("the variant changes nothing")
			}
			rep := validateFiles(t, write(t, v.file, text)...)
			var codes []string
			for _, f := range rep.Findings {
				codes = append(codes, f.Code)
			}
			got, want := sortedUnique(codes), sortedUnique(v.codes)
			named := false
			for _, f := range rep.Findings {
				named = named || f.ID == v.id
			}
			if strings.Join(got, " ") != strings.Join(want, " ") || !named {
				for _, f := range rep.Findings {
					t.Log(f)
				}
				t.Errorf("codes %v, want %v on %s", got, want, v.id)
			}
		})
	}
	sort.Strings(docRules)
	for _, r := range docRules {
		if !seen[r] {
			t.Errorf("rule %s of docs/app-validation.md has no variant here", r)
		}
	}
}

// docRules are the rule numbers docs/app-validation.md lists as checked.
var docRules = func() []string {
	b, err := os.ReadFile("../docs/app-validation.md")
	if err != nil {
		return []string{"docs/app-validation.md missing"}
	}
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		// | N1 | … | checked … |
		f := strings.Split(line, "|")
		if len(f) > 2 && strings.HasPrefix(strings.TrimSpace(f[len(f)-2]), "`Test") {
			out = append(out, strings.TrimSpace(f[1]))
		}
	}
	return out
}()

func readText(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
