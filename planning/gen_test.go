package planning

import (
	"fmt"
	"math"
	"math/rand"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/paulmach/orb"
)

// A synthetic plan ogólny for tests and benchmarks: an nx × ny grid of zones whose
// interior vertices are jittered (shared by the neighbours, so the zones tile the
// extent exactly), with deliberate defects whose findings are known in advance.
type genPlan struct {
	nx, ny int
	cell   float64
	seed   int64
	// Defects, by cell number k = j*nx + i.
	gaps      []int    // zone left out: a LUKA of exactly its area
	overlaps  []int    // right edge bulges into the next cell: NAKLADANIE
	outside   []int    // (i = nx-1) right edge bulges out of the extent: POZA_ZASIEGIEM
	dupOzn    [][2]int // [a, b]: b takes a's oznaczenie (and symbol)
	dupID     [][2]int // [a, b]: b takes a's lokalnyId
	badSymbol []int    // symbol SX: SYMBOL_NIEZNANY
	mismatch  []int    // oznaczenie nSJ with symbol SU: SYMBOL_NIEZGODNY
	tooHigh   []int    // maksWysokoscZabudowy 1000 m: WARTOSC_POZA_ZAKRESEM
	shares    []int    // 160 % biologically active: WARTOSC_POZA_ZAKRESEM
	expect    []expectation
	verts     [][]orb.Point
}

type expectation struct {
	code  string
	id    string
	other string
	area  float64 // 0: not checked
}

const e0, n0 = 520000.0, 310000.0

var genSymbols = []string{"SW", "SJ", "SZ", "SU", "SH", "SP", "SR", "SI", "SN", "SC", "SG", "SO", "SK"}

func (g *genPlan) vertex(i, j int) orb.Point { return g.verts[i][j] }

// zoneID is the lokalnyId of cell k, of the form <plan>POG-<number><symbol>.
func zoneID(k int) string { return fmt.Sprintf("1POG-%d%s", k+1, genSymbols[k%len(genSymbols)]) }

// zoneAttrs are the attributes a plan ogólny zone of a symbol must give besides
// its identity, geometry and numbers: dates, status, nature, name and profile.
func zoneAttrs(sym string) string {
	name, ok := StrefaSymbols[sym]
	prof := ProfilPodstawowy[sym]
	if !ok { // an unknown symbol: the name and profile of SJ, so that only the symbol is wrong
		name, prof = StrefaSymbols["SJ"], ProfilPodstawowy["SJ"]
	}
	var b strings.Builder
	b.WriteString(`<app:obowiazujeOd>2025-03-01</app:obowiazujeOd>
<app:status xlink:href="http://inspire.ec.europa.eu/codelist/ProcessStepGeneralValue/adopted"/>
<app:charakterUstalenia xlink:href="https://inspire.ec.europa.eu/codelist/RegulationNatureValue/generallyBinding"/>
<app:nazwa xlink:href="https://www.gov.pl/static/zagospodarowanieprzestrzenne/codelist/RodzajStrefyPlanistycznejKod/` + name + `"/>
`)
	for _, c := range strings.Fields(prof) {
		b.WriteString(`<app:profilPodstawowy xlink:href="https://www.gov.pl/static/zagospodarowanieprzestrzenne/ontology/KPT#KPT-MPZP-` + c + `"/>
`)
	}
	return b.String()
}

func contains(s []int, k int) bool {
	for _, x := range s {
		if x == k {
			return true
		}
	}
	return false
}

func ringArea(r orb.Ring) float64 {
	a := 0.0
	for i := 0; i+1 < len(r); i++ {
		a += r[i][0]*r[i+1][1] - r[i+1][0]*r[i][1]
	}
	return math.Abs(a / 2)
}

func lerp(a, b orb.Point, t float64) orb.Point {
	return orb.Point{a[0] + (b[0]-a[0])*t, a[1] + (b[1]-a[1])*t}
}

func round2(p orb.Point) orb.Point {
	return orb.Point{math.Round(p[0]*100) / 100, math.Round(p[1]*100) / 100}
}

// bump returns the base points of cell k's bulge on its right edge, rounded to the
// centimetre the file is written with, so that both neighbours share them exactly.
func (g *genPlan) bump(k int) (orb.Point, orb.Point) {
	i, j := k%g.nx, k/g.nx
	bb, c := g.vertex(i+1, j), g.vertex(i+1, j+1)
	return round2(lerp(bb, c, 0.25)), round2(lerp(bb, c, 0.75))
}

// gml renders the plan and its zones as one APP 2.0 file (EPSG:2180, N E order) and
// fills g.expect.
func (g *genPlan) gml() string {
	rnd := rand.New(rand.NewSource(g.seed))
	g.verts = make([][]orb.Point, g.nx+1)
	for i := 0; i <= g.nx; i++ {
		g.verts[i] = make([]orb.Point, g.ny+1)
		for j := 0; j <= g.ny; j++ {
			p := orb.Point{e0 + float64(i)*g.cell, n0 + float64(j)*g.cell}
			if i > 0 && i < g.nx && j > 0 && j < g.ny {
				p[0] += math.Round((rnd.Float64()-0.5)*0.4*g.cell*100) / 100
				p[1] += math.Round((rnd.Float64()-0.5)*0.4*g.cell*100) / 100
			}
			g.verts[i][j] = p
		}
	}
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:app="https://www.gov.pl/static/zagospodarowanieprzestrzenne/schemas/app/2.0" xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:xlink="http://www.w3.org/1999/xlink">
`)
	ext := orb.Ring{g.vertex(0, 0), g.vertex(g.nx, 0), g.vertex(g.nx, g.ny), g.vertex(0, g.ny), g.vertex(0, 0)}
	fmt.Fprintf(&b, `<wfs:member><app:AktPlanowaniaPrzestrzennego gml:id="plan">
<app:idIIP><app:Identyfikator><app:przestrzenNazw>PL.ZIPPZP.9999/146501-POG</app:przestrzenNazw><app:lokalnyId>1POG</app:lokalnyId><app:wersjaId>20250101T000000</app:wersjaId></app:Identyfikator></app:idIIP>
<app:poczatekWersjiObiektu>2025-01-01T00:00:00Z</app:poczatekWersjiObiektu>
<app:tytul>Plan ogólny miasta testowego</app:tytul>
<app:typPlanu xlink:href="https://www.gov.pl/static/zagospodarowanieprzestrzenne/codelist/TypAktuPlanowaniaPrzestrzennegoKod/planOgolnyGminy"/>
<app:poziomHierarchii xlink:href="http://inspire.ec.europa.eu/codelist/LevelOfSpatialPlanValue/local"/>
<app:obowiazujeOd>2025-03-01</app:obowiazujeOd>
<app:status xlink:href="http://inspire.ec.europa.eu/codelist/ProcessStepGeneralValue/adopted"/>
<app:zasiegPrzestrzenny><gml:MultiSurface srsName="urn:ogc:def:crs:EPSG::2180"><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>%s</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface></app:zasiegPrzestrzenny>
</app:AktPlanowaniaPrzestrzennego></wfs:member>
`, posList(ext))
	ozn := map[int]string{}
	sym := map[int]string{}
	ids := map[int]string{}
	for k := 0; k < g.nx*g.ny; k++ {
		s := genSymbols[k%len(genSymbols)]
		sym[k], ozn[k], ids[k] = s, fmt.Sprintf("%d%s", k+1, s), zoneID(k)
	}
	for _, d := range g.dupOzn {
		sym[d[1]], ozn[d[1]] = sym[d[0]], ozn[d[0]]
		g.expect = append(g.expect, expectation{code: CodeDuplicateOzn, id: ids[d[1]], other: ids[d[0]]})
	}
	for _, d := range g.dupID {
		ids[d[1]] = ids[d[0]]
		g.expect = append(g.expect, expectation{code: CodeDuplicateID, id: ids[d[0]], other: ids[d[0]]})
	}
	for _, k := range g.badSymbol {
		sym[k], ozn[k] = "SX", fmt.Sprintf("%dSX", k+1)
		g.expect = append(g.expect, expectation{code: CodeSymbol, id: ids[k]})
	}
	for _, k := range g.mismatch {
		sym[k], ozn[k] = "SU", fmt.Sprintf("%dSJ", k+1)
		g.expect = append(g.expect, expectation{code: CodeSymbolMatch, id: ids[k]})
	}
	for k := 0; k < g.nx*g.ny; k++ {
		i, j := k%g.nx, k/g.nx
		a, bb, c, d := g.vertex(i, j), g.vertex(i+1, j), g.vertex(i+1, j+1), g.vertex(i, j+1)
		ring := orb.Ring{a, bb, c, d, a}
		if contains(g.gaps, k) {
			g.expect = append(g.expect, expectation{code: CodeGap, id: "1POG", area: ringArea(ring)})
			continue
		}
		if i > 0 && contains(g.overlaps, k-1) {
			// The left neighbour bulges into this zone: share its bump's base points.
			p, q := g.bump(k - 1)
			ring = orb.Ring{a, bb, c, d, q, p, a}
		}
		if contains(g.overlaps, k) || contains(g.outside, k) {
			dx := math.Round(0.1*g.cell*100) / 100
			p, q := g.bump(k)
			ring = orb.Ring{a, bb, p, {p[0] + dx, p[1]}, {q[0] + dx, q[1]}, q, c, d, a}
			area := ringArea(orb.Ring{p, {p[0] + dx, p[1]}, {q[0] + dx, q[1]}, q, p})
			if contains(g.overlaps, k) {
				g.expect = append(g.expect, expectation{code: CodeOverlap, id: ids[k], other: ids[k+1], area: area})
			} else {
				g.expect = append(g.expect, expectation{code: CodeOutside, id: ids[k], other: "1POG", area: area})
			}
		}
		extra := ""
		if contains(g.tooHigh, k) {
			extra += "<app:maksWysokoscZabudowy uom=\"m\">1000</app:maksWysokoscZabudowy>"
			g.expect = append(g.expect, expectation{code: CodeRange, id: ids[k]})
		} else {
			extra += "<app:maksWysokoscZabudowy uom=\"m\">12.5</app:maksWysokoscZabudowy>"
		}
		if contains(g.shares, k) {
			extra += "<app:maksUdzialPowierzchniZabudowy>40</app:maksUdzialPowierzchniZabudowy><app:minUdzialPowierzchniBiologicznieCzynnej>160</app:minUdzialPowierzchniBiologicznieCzynnej>"
			g.expect = append(g.expect, expectation{code: CodeRange, id: ids[k]})
		} else {
			extra += "<app:maksUdzialPowierzchniZabudowy>40</app:maksUdzialPowierzchniZabudowy><app:minUdzialPowierzchniBiologicznieCzynnej>30</app:minUdzialPowierzchniBiologicznieCzynnej>"
		}
		nazwa := zoneAttrs(sym[k])
		fmt.Fprintf(&b, `<wfs:member><app:StrefaPlanistyczna gml:id="z%d">
<app:idIIP><app:Identyfikator><app:przestrzenNazw>PL.ZIPPZP.9999/146501-POG</app:przestrzenNazw><app:lokalnyId>%s</app:lokalnyId><app:wersjaId>20250101T000000</app:wersjaId></app:Identyfikator></app:idIIP>
<app:oznaczenie>%s</app:oznaczenie><app:symbol>%s</app:symbol>
<app:poczatekWersjiObiektu>2025-01-01T00:00:00Z</app:poczatekWersjiObiektu>
<app:geometria><gml:Polygon srsName="urn:ogc:def:crs:EPSG::2180"><gml:exterior><gml:LinearRing><gml:posList>%s</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></app:geometria>
<app:plan xlink:href="https://www.gov.pl/zagospodarowanieprzestrzenne/app/AktPlanowaniaPrzestrzennego/PL.ZIPPZP.9999/146501-POG/1POG/20250101T000000"/>
%s<app:maksNadziemnaIntensywnoscZabudowy>1.2</app:maksNadziemnaIntensywnoscZabudowy>%s
</app:StrefaPlanistyczna></wfs:member>
`, k, ids[k], ozn[k], sym[k], posList(ring), nazwa, extra)
	}
	b.WriteString("</wfs:FeatureCollection>\n")
	sort.Slice(g.expect, func(i, j int) bool { return g.expect[i].less(g.expect[j]) })
	return b.String()
}

func (e expectation) key() string { return e.code + " " + e.id + " " + e.other }

// less orders expectations by key, then area (several gaps of one plan).
func (e expectation) less(o expectation) bool {
	if e.key() != o.key() {
		return e.key() < o.key()
	}
	return e.area < o.area
}

// posList writes a ring in EPSG:2180 axis order (N E).
func posList(r orb.Ring) string {
	var b strings.Builder
	for i, p := range r {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%.2f %.2f", p[1], p[0])
	}
	return b.String()
}

// TestWriteBenchPlan writes the benchmark's plan ogólny for planning/bench.sh when
// SIP_BENCH_PLAN names the output file (SIP_BENCH_GRID = NXxNY, default 120x100).
func TestWriteBenchPlan(t *testing.T) {
	out := os.Getenv("SIP_BENCH_PLAN")
	if out == "" {
		t.Skip("SIP_BENCH_PLAN not set: only planning/bench.sh needs this file")
	}
	nx, ny := 120, 100
	if g := os.Getenv("SIP_BENCH_GRID"); g != "" {
		if _, err := fmt.Sscanf(g, "%dx%d", &nx, &ny); err != nil {
			t.Fatalf("SIP_BENCH_GRID=%q: %v", g, err)
		}
	}
	g := &genPlan{nx: nx, ny: ny, cell: 100, seed: 3, gaps: []int{70, 900}, overlaps: []int{200, 1500}}
	if err := os.WriteFile(out, []byte(g.gml()), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %d zones, %d injected defects", out, nx*ny-len(g.gaps), len(g.expect))
}
