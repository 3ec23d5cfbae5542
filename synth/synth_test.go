package synth

import (
	"bytes"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/twpayne/go-geos"
)

// One county of ~2k parcels shared by the read-back tests.
var (
	sharedOnce  sync.Once
	sharedDir   string
	sharedStats *Stats
	sharedFeat  []*xfeature
	sharedErr   error
)

const sharedParcels = 2000

func shared(t *testing.T) (*Stats, []*xfeature) {
	t.Helper()
	sharedOnce.Do(func() {
		sharedDir, sharedErr = os.MkdirTemp("", "synth")
		if sharedErr != nil {
			return
		}
		sharedStats, sharedErr = County(Options{Parcels: sharedParcels, Seed: 42, Out: sharedDir, ArchivedShare: 0.08})
		if sharedErr != nil {
			return
		}
		for _, f := range sharedStats.Files {
			fs, err := readFeatures(f)
			if err != nil {
				sharedErr = err
				return
			}
			sharedFeat = append(sharedFeat, fs...)
		}
	})
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	return sharedStats, sharedFeat
}

func TestMain(m *testing.M) {
	code := m.Run()
	if sharedDir != "" {
		os.RemoveAll(sharedDir)
	}
	os.Exit(code)
}

func TestDeterministic(t *testing.T) {
	gen := func(seed int64) (*Stats, [][]byte) {
		st, err := County(Options{Parcels: 1500, Seed: seed, Out: t.TempDir()})
		if err != nil {
			t.Fatal(err)
		}
		var data [][]byte
		for _, f := range st.Files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			data = append(data, b)
		}
		return st, data
	}
	s1, a := gen(5)
	s2, b := gen(5)
	_, c := gen(6)
	if len(a) != len(b) || len(a) < 2 {
		t.Fatalf("files: %d vs %d", len(a), len(b))
	}
	for k := range a {
		if !bytes.Equal(a[k], b[k]) {
			t.Errorf("file %s differs between two runs with the same seed", filepath.Base(s1.Files[k]))
		}
		if filepath.Base(s1.Files[k]) != filepath.Base(s2.Files[k]) {
			t.Errorf("file names differ")
		}
	}
	same := len(a) == len(c)
	for k := 0; same && k < len(a); k++ {
		same = bytes.Equal(a[k], c[k])
	}
	if same {
		t.Error("different seeds gave identical output")
	}
}

func TestCountsAndAxisOrder(t *testing.T) {
	st, feats := shared(t)
	if st.Parcels != sharedParcels {
		t.Errorf("Stats.Parcels = %d, want exactly %d", st.Parcels, sharedParcels)
	}
	if st.Jednostki < 2 || st.Obreby < st.Jednostki || st.Buildings == 0 || st.ArchivedVersions == 0 || st.DeletedObjects == 0 {
		t.Errorf("thin county: %+v", *st)
	}
	count := map[string]int{}
	var archived, deleted int
	for _, f := range feats {
		switch {
		case f.Koniec != "":
			deleted++
		case f.KoniecWersja != "":
			archived++
		default:
			count[f.class()]++
		}
		// N first: northings of Łask are ~5.72e6, eastings in zone 6 ~6.58e6
		check := func(s string) {
			fs := strings.Fields(s)
			n, _ := strconv.ParseFloat(fs[0], 64)
			e, _ := strconv.ParseFloat(fs[1], 64)
			if n < 5.60e6 || n > 5.85e6 || e < 6.45e6 || e > 6.70e6 {
				t.Fatalf("%s %s: first pair %v %v is not (northing, easting) near Łask", f.class(), f.LokalnyID, fs[0], fs[1])
			}
			if k := strings.IndexByte(fs[0], '.'); k < 0 || len(fs[0])-k != 3 {
				t.Fatalf("coordinate %q not in cm", fs[0])
			}
		}
		if f.Geom.Pos != "" {
			check(f.Geom.Pos)
		}
		for _, p := range append(f.Geom.Polygon, f.Geom.Multi...) {
			check(p.Ext)
		}
	}
	want := map[string]int{
		"EGB_JednostkaEwidencyjna":   st.Jednostki,
		"EGB_ObrebEwidencyjny":       st.Obreby,
		"EGB_DzialkaEwidencyjna":     st.Parcels,
		"EGB_Budynek":                st.Buildings,
		"EGB_KonturUzytkuGruntowego": st.Uzytki,
		"EGB_KonturKlasyfikacyjny":   st.Kontury,
		"EGB_PunktGraniczny":         st.Points,
		"EGB_AdresNieruchomosci":     st.Addresses,
	}
	for class, n := range want {
		if count[class] != n {
			t.Errorf("%s: %d current features in the files, Stats says %d", class, count[class], n)
		}
	}
	if archived != st.ArchivedVersions || deleted != st.DeletedObjects {
		t.Errorf("archived %d deleted %d, Stats %d %d", archived, deleted, st.ArchivedVersions, st.DeletedObjects)
	}
}

// TestOgrinfo reads the files with GDAL's GML driver and compares the
// feature count of every layer with what the generator reported.
func TestOgrinfo(t *testing.T) {
	if _, err := exec.LookPath("ogrinfo"); err != nil {
		t.Skip("ogrinfo not installed")
	}
	st, _ := shared(t)
	got := map[string]int{}
	re := regexp.MustCompile(`(?m)^Layer name: (\S+)$|^Feature Count: (\d+)$|^Extent: \(([\d.]+), ([\d.]+)\)`)
	for _, f := range st.Files {
		cmd := exec.Command("ogrinfo", "-ro", "-al", "-so", f)
		cmd.Dir = t.TempDir()
		outb, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("ogrinfo %s: %v\n%s", f, err, outb)
		}
		layer := ""
		for _, m := range re.FindAllStringSubmatch(string(outb), -1) {
			switch {
			case m[1] != "":
				layer = m[1]
			case m[2] != "":
				n, _ := strconv.Atoi(m[2])
				got[layer] += n
			case m[3] != "":
				// GDAL honours EPSG:2177's axis order and reports x = easting
				x, _ := strconv.ParseFloat(m[3], 64)
				y, _ := strconv.ParseFloat(m[4], 64)
				if x < 6.45e6 || x > 6.70e6 || y < 5.60e6 || y > 5.85e6 {
					t.Errorf("%s extent starts at %v %v: axes swapped?", layer, x, y)
				}
			}
		}
	}
	want := map[string]int{
		"EGB_JednostkaEwidencyjna":   st.Jednostki,
		"EGB_ObrebEwidencyjny":       st.Obreby,
		"EGB_KonturUzytkuGruntowego": st.Uzytki,
		"EGB_KonturKlasyfikacyjny":   st.Kontury,
		"EGB_PunktGraniczny":         st.Points,
	}
	for class, n := range want {
		if got[class] != n {
			t.Errorf("ogrinfo %s: %d features, Stats %d", class, got[class], n)
		}
	}
	// parcels, buildings and addresses also carry archived versions and deleted objects
	if g, w := got["EGB_DzialkaEwidencyjna"]+got["EGB_Budynek"]+got["EGB_AdresNieruchomosci"], st.Parcels+st.Buildings+st.Addresses+st.ArchivedVersions+st.DeletedObjects; g != w {
		t.Errorf("ogrinfo parcels+buildings+addresses: %d, Stats %d", g, w)
	}
}

func toGeom(t *testing.T, f *xfeature) *geos.Geom {
	t.Helper()
	polys, err := f.polys()
	if err != nil {
		t.Fatalf("%s %s: %v", f.class(), f.LokalnyID, err)
	}
	var gs []*geos.Geom
	for _, p := range polys {
		coords := make([][][]float64, len(p))
		for k, r := range p {
			for _, c := range r {
				coords[k] = append(coords[k], []float64{c[0], c[1]})
			}
		}
		gs = append(gs, geos.NewPolygon(coords))
	}
	if len(gs) == 1 {
		return gs[0]
	}
	return geos.NewCollection(geos.TypeIDMultiPolygon, gs)
}

// TestTopology checks with GEOS that parcels tile their obręb, obręby tile
// their jednostka, jednostki do not overlap, buildings sit inside parcels.
func TestTopology(t *testing.T) {
	_, feats := shared(t)
	obreby := map[string]*geos.Geom{}
	obrebByUUID := map[string]string{}
	jedn := map[string]*geos.Geom{}
	jednByUUID := map[string]string{}
	parcels := map[string][]*geos.Geom{}
	parcelByUUID := map[string]*geos.Geom{}
	obrebOfJedn := map[string][]string{}
	for _, f := range feats {
		switch f.class() {
		case "EGB_ObrebEwidencyjny":
			obreby[f.IDObrebu] = toGeom(t, f)
			obrebByUUID[f.LokalnyID] = f.IDObrebu
			obrebOfJedn[refID(f.LokObrebu.Href)] = append(obrebOfJedn[refID(f.LokObrebu.Href)], f.IDObrebu)
		case "EGB_JednostkaEwidencyjna":
			jedn[f.IDJednostki] = toGeom(t, f)
			jednByUUID[f.LokalnyID] = f.IDJednostki
		case "EGB_DzialkaEwidencyjna":
			if !f.current() {
				continue
			}
			g := toGeom(t, f)
			if !g.IsValid() {
				t.Errorf("parcel %s invalid: %s", f.IDDzialki, g.IsValidReason())
			}
			ob := f.IDDzialki[:13]
			parcels[ob] = append(parcels[ob], g)
			parcelByUUID[f.LokalnyID] = g
			if obrebByUUID[refID(f.LokDzialki.Href)] != ob {
				t.Errorf("parcel %s: lokalizacjaDzialki does not point at obręb %s", f.IDDzialki, ob)
			}
		}
	}
	if len(obreby) < 3 {
		t.Fatalf("only %d obręby", len(obreby))
	}
	const rel = 1e-6
	for id, og := range obreby {
		ps := parcels[id]
		if len(ps) < 100 {
			t.Errorf("obręb %s has %d parcels", id, len(ps))
		}
		if !og.IsValid() {
			t.Errorf("obręb %s invalid: %s", id, og.IsValidReason())
		}
		sum := 0.0
		tree := geos.NewSTRtree(10)
		for k, p := range ps {
			sum += p.Area()
			if err := tree.Insert(p, k); err != nil {
				t.Fatal(err)
			}
		}
		oa := og.Area()
		if math.Abs(sum-oa) > rel*oa {
			t.Errorf("obręb %s: parcels sum to %.3f m², obręb is %.3f m²", id, sum, oa)
		}
		overlap := 0.0
		pairs := 0
		for k, p := range ps {
			// the tree holds the GEOS context lock during Query: collect first
			var cand []int
			tree.Query(p, func(v any) {
				if j := v.(int); j > k {
					cand = append(cand, j)
				}
			})
			for _, j := range cand {
				pairs++
				if p.Intersects(ps[j]) {
					overlap += p.Intersection(ps[j]).Area()
				}
			}
		}
		if pairs < len(ps) {
			t.Errorf("obręb %s: index gave only %d candidate pairs", id, pairs)
		}
		if overlap > 1e-6*oa {
			t.Errorf("obręb %s: parcels overlap by %.6f m²", id, overlap)
		}
		union := geos.NewCollection(geos.TypeIDMultiPolygon, ps).UnaryUnion()
		if d := union.SymDifference(og).Area(); d > rel*oa {
			t.Errorf("obręb %s: union of parcels differs from the obręb by %.6f m²", id, d)
		}
	}
	var jsum float64
	var all []*geos.Geom
	for uuid, obs := range obrebOfJedn {
		id := jednByUUID[uuid]
		jg := jedn[id]
		if jg == nil {
			t.Fatalf("obręb points at unknown jednostka %s", uuid)
		}
		var gs []*geos.Geom
		sum := 0.0
		for _, o := range obs {
			if !strings.HasPrefix(o, id+".") {
				t.Errorf("obręb %s in jednostka %s", o, id)
			}
			gs = append(gs, obreby[o])
			sum += obreby[o].Area()
		}
		u := geos.NewCollection(geos.TypeIDMultiPolygon, gs).UnaryUnion()
		ja := jg.Area()
		if math.Abs(sum-ja) > rel*ja || u.SymDifference(jg).Area() > rel*ja {
			t.Errorf("jednostka %s: obręby sum %.2f, union differs by %.6f, jednostka %.2f", id, sum, u.SymDifference(jg).Area(), ja)
		}
		jsum += ja
		all = append(all, jg)
	}
	cu := geos.NewCollection(geos.TypeIDMultiPolygon, all).UnaryUnion()
	if math.Abs(cu.Area()-jsum) > rel*jsum {
		t.Errorf("jednostki overlap: union %.2f vs sum %.2f", cu.Area(), jsum)
	}
	nb := 0
	for _, f := range feats {
		if f.class() != "EGB_Budynek" {
			continue
		}
		nb++
		g := toGeom(t, f)
		if !g.IsValid() {
			t.Errorf("building %s invalid", f.IDBudynku)
		}
		if len(f.Zabudowana) != 1 {
			t.Fatalf("building %s: %d dzialkaZabudowana", f.IDBudynku, len(f.Zabudowana))
		}
		p := parcelByUUID[refID(f.Zabudowana[0].Href)]
		if p == nil {
			t.Fatalf("building %s points at no current parcel", f.IDBudynku)
		}
		if !g.Within(p) {
			t.Errorf("building %s (%s) not within its parcel", f.IDBudynku, f.LokalnyID)
		}
		pz, _ := strconv.Atoi(f.PowZabudowy)
		if math.Abs(float64(pz)-g.Area()) > 1 {
			t.Errorf("building %s: powZabudowy %d, area %.2f", f.IDBudynku, pz, g.Area())
		}
	}
	if nb == 0 {
		t.Error("no buildings")
	}
}

var idDzialkiRE = regexp.MustCompile(`^1003\d{2}_[1-59]\.\d{4}\.(AR_\d+\.)?[1-9]\d*(/[1-9]\d*)?$`)
var kwRE = regexp.MustCompile(`^[A-Z]{2}\d[A-Z]/\d{8}/\d$`)

func TestAttributes(t *testing.T) {
	_, feats := shared(t)
	ids := map[string]int{}
	points := map[string]bool{}
	versions := map[string][]*xfeature{}
	for _, f := range feats {
		versions[f.LokalnyID] = append(versions[f.LokalnyID], f)
		if f.class() == "EGB_PunktGraniczny" {
			if points[f.LokalnyID] {
				t.Errorf("point %s written twice", f.LokalnyID)
			}
			points[f.LokalnyID] = true
		}
		// gml:id = <przestrzenNazw>_<lokalnyId>_<wersjaId with ':'→'-'>
		if want := przestrzenNazw + "_" + f.LokalnyID + "_" + strings.ReplaceAll(f.WersjaID, ":", "-"); f.GmlID != want {
			t.Fatalf("gml:id %q, want %q", f.GmlID, want)
		}
		if f.WersjaID != f.StartWersja || f.Start > f.StartWersja {
			t.Errorf("%s: wersjaId %s startObiekt %s startWersjaObiekt %s", f.LokalnyID, f.WersjaID, f.Start, f.StartWersja)
		}
	}
	var withKW, current, arch int
	for _, f := range feats {
		if f.class() != "EGB_DzialkaEwidencyjna" {
			continue
		}
		if !idDzialkiRE.MatchString(f.IDDzialki) {
			t.Errorf("idDzialki %q", f.IDDzialki)
		}
		if f.KoniecWersja == "" {
			ids[f.IDDzialki]++ // current and deleted objects: each id once
		}
		pole, err := haUnitsOf(f.Pole)
		if err != nil {
			t.Fatal(err)
		}
		var sum int64
		for _, k := range f.Klas {
			u, err := haUnitsOf(k)
			if err != nil {
				t.Fatal(err)
			}
			sum += u
		}
		if sum != pole || len(f.Klas) == 0 {
			t.Errorf("%s: klasoużytki sum to %d, poleEwidencyjne %d (0.0001 ha)", f.IDDzialki, sum, pole)
		}
		for _, kw := range f.NumerKW {
			if !kwRE.MatchString(kw) {
				t.Errorf("numerKW %q", kw)
			}
			court, rest, _ := strings.Cut(kw, "/")
			num, check, _ := strings.Cut(rest, "/")
			if strconv.Itoa(kwCheck(court, num)) != check {
				t.Errorf("numerKW %q: bad check digit", kw)
			}
		}
		if !f.current() {
			arch++
			continue
		}
		current++
		if len(f.NumerKW) > 0 {
			withKW++
		}
		g := toGeom(t, f)
		if d := math.Abs(float64(pole) - g.Area()); d > 1.0 {
			t.Errorf("%s: poleEwidencyjne %s ha, geometry %.1f m²", f.IDDzialki, f.Pole, g.Area())
		}
		if ha := float64(pole) / 1e4; ha < 0.03 || ha > 4 {
			t.Errorf("%s: %v ha out of the realistic range", f.IDDzialki, ha)
		}
		if len(f.PktDzialki) < 3 {
			t.Errorf("%s: %d boundary points", f.IDDzialki, len(f.PktDzialki))
		}
		for _, h := range f.PktDzialki {
			if !points[refID(h.Href)] {
				t.Fatalf("%s: punktGranicyDzialki %s is not written anywhere", f.IDDzialki, h.Href)
			}
		}
	}
	for id, n := range ids {
		if n > 1 {
			t.Errorf("idDzialki %s used by %d objects", id, n)
		}
	}
	if withKW < current*7/10 {
		t.Errorf("only %d of %d parcels have a numerKW", withKW, current)
	}
	// version chains: one open version at most, each archived version ends
	// when the next starts, startObiekt constant
	for id, vs := range versions {
		if len(vs) == 1 {
			continue
		}
		sort.Slice(vs, func(a, b int) bool { return vs[a].StartWersja < vs[b].StartWersja })
		for k := range vs {
			if vs[k].Start != vs[0].Start {
				t.Errorf("%s: startObiekt changes between versions", id)
			}
			if k+1 < len(vs) && vs[k].KoniecWersja != vs[k+1].StartWersja {
				t.Errorf("%s: version %d ends %q, next starts %q", id, k, vs[k].KoniecWersja, vs[k+1].StartWersja)
			}
		}
		if vs[len(vs)-1].KoniecWersja != "" {
			t.Errorf("%s: no current version", id)
		}
	}
	if arch == 0 {
		t.Error("no archived or deleted parcels")
	}
}

func TestSizesMixed(t *testing.T) {
	_, feats := shared(t)
	var small, mid, large, narrow int
	for _, f := range feats {
		if f.class() != "EGB_DzialkaEwidencyjna" || !f.current() {
			continue
		}
		g := toGeom(t, f)
		a := g.Area() / 1e4
		switch {
		case a < 0.3:
			small++
		case a < 1.5:
			mid++
		default:
			large++
		}
		// long narrow strips: area small relative to the bounding box diagonal²
		b := g.Bounds()
		if diag2 := (b.MaxX-b.MinX)*(b.MaxX-b.MinX) + (b.MaxY-b.MinY)*(b.MaxY-b.MinY); g.Area() < diag2/8 {
			narrow++
		}
	}
	t.Logf("parcels <0.3 ha: %d, 0.3–1.5 ha: %d, >1.5 ha: %d, narrow: %d", small, mid, large, narrow)
	if small == 0 || mid == 0 || large == 0 || narrow < 50 {
		t.Error("parcel sizes are not mixed")
	}
}

func TestKWCheckDigit(t *testing.T) {
	// worked by hand: S=28 R=27 1 L=22 0 0 0 1 2 3 4 5 with weights 1 3 7 …
	// 28+81+7+22+0+0+0+3+14+3+12+35 = 205 -> 5
	if got := kwCheck("SR1L", "00012345"); got != 5 {
		t.Errorf("kwCheck = %d, want 5", got)
	}
	if kwNumber(12345) != "SR1L/00012345/5" {
		t.Error(kwNumber(12345))
	}
}

func BenchmarkCounty1k(b *testing.B) {
	dir := b.TempDir()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := County(Options{Parcels: 1000, Seed: 1, Out: dir}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)*1000/b.Elapsed().Seconds(), "parcels/s")
}

// Land-use and classification contours are dissolved from parcel pieces; where
// a dissolved area touches itself at a point (two lobes, or a hole meeting the
// exterior) every ring must still be simple, or GEOS and the ingest reject it.
func TestContoursValid(t *testing.T) {
	_, feats := shared(t)
	n := 0
	for _, f := range feats {
		switch f.class() {
		case "EGB_KonturUzytkuGruntowego", "EGB_KonturKlasyfikacyjny":
		default:
			continue
		}
		n++
		if g := toGeom(t, f); !g.IsValid() {
			t.Errorf("%s %s invalid: %s", f.class(), f.LokalnyID, g.IsValidReason())
		}
	}
	if n == 0 {
		t.Fatal("no contours generated")
	}
}
