package egib

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"
)

const testdata = "../testdata"

// fakePESEL is the invented PESEL of the EGB_OsobaFizyczna in county_2021.gml.
const fakePESEL = "71032907788"

func readFile(t *testing.T, name string) (*Reader, []*Feature, []error) {
	t.Helper()
	f, err := os.Open(filepath.Join(testdata, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := NewReader(f, filepath.Base(name))
	var fs []*Feature
	var errs []error
	for {
		ft, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			errs = append(errs, err)
			if IsFatal(err) {
				break
			}
			continue
		}
		fs = append(fs, ft)
	}
	return r, fs, errs
}

func byKey(fs []*Feature) map[string]*Feature {
	m := map[string]*Feature{}
	for _, f := range fs {
		m[f.Object.ID+"@"+f.Object.Version] = f
	}
	return m
}

func warsawUTC(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02T15:04:05", s, warsaw)
	if err != nil {
		panic(err)
	}
	return t.UTC()
}

func TestCounty2021(t *testing.T) {
	r, fs, errs := readFile(t, "county_2021.gml")
	if len(errs) != 0 {
		t.Fatalf("errors: %v", errs)
	}
	if len(fs) != 9 {
		t.Fatalf("%d features, want 9", len(fs))
	}
	st := r.Stats()
	if st.Personal != 3 || st.Objects != 9 || st.Problems != 0 {
		t.Errorf("stats %+v: want 3 personal-data objects skipped (person, subject address, share)", st)
	}
	m := byKey(fs)
	v21 := "2021-05-04T10:00:00"

	j := m["10000000-0000-4000-8000-000000000001@"+v21]
	if j == nil || j.Object.Layer != "jednostki" || j.Line != 9 {
		t.Fatalf("jednostka %+v", j)
	}
	wantAttrs(t, j, map[string]any{"id_jednostki": "990101_1", "nazwa": "Testowo-Miasto"})
	// posList is N E in EPSG:2180 (urn form): stored x = E.
	if got := j.Object.Geometry.(orb.MultiPolygon)[0][0][0]; got != (orb.Point{485000, 748000}) {
		t.Errorf("jednostka first vertex %v, want E 485000 N 748000", got)
	}

	o := m["20000000-0000-4000-8000-000000000001@"+v21]
	wantAttrs(t, o, map[string]any{"id_obrebu": "990101_1.0007", "nazwa": "Zielona Dolina", "id_jednostki": "990101_1"})
	if o.Object.Namespace != "PL.PZGiK.9901.EGiB" {
		t.Errorf("namespace %q", o.Object.Namespace)
	}
	// startObiekt has Z, startWersjaObiekt has a fraction and +02:00.
	if !o.Object.StartObject.Equal(time.Date(2021, 5, 4, 10, 0, 0, 0, time.UTC)) ||
		!o.Object.StartVersion.Equal(time.Date(2021, 5, 4, 8, 0, 0, 250e6, time.UTC)) {
		t.Errorf("obręb times %v %v", o.Object.StartObject, o.Object.StartVersion)
	}
	if got := o.Object.Geometry.(orb.MultiPolygon)[0][0]; len(got) != 5 || got[2] != (orb.Point{488000, 750000}) {
		t.Errorf("Surface/PolygonPatch with gml:pos: %v", got)
	}

	d := m["30000000-0000-4000-8000-000000000001@"+v21]
	wantAttrs(t, d, map[string]any{
		"id_dzialki": "990101_1.0007.12/3", "numer_dzialki": "12/3", "numer_arkusza": nil, "id_obrebu": "990101_1.0007",
		"pole_ewidencyjne": 0.96, "dokladnosc_pola": "2", "numer_kw": "TE1T/00012345/6;TE1T/00012346/3",
		"klasouzytki":      `[{"ofu":"R","ozu":"R","ozk":"IIIa","pole":0.6},{"ofu":"B","pole":0.36}]`,
		"grupa_rejestrowa": nil, // the register unit follows the parcel: see ScanRegisterGroups
	})
	if d.JRG != "40000000-0000-4000-8000-000000000001" {
		t.Errorf("unresolved JRG %q", d.JRG)
	}
	if !d.Object.StartObject.Equal(warsawUTC("2019-01-15T08:00:00")) || !d.Object.StartObject.Equal(time.Date(2019, 1, 15, 7, 0, 0, 0, time.UTC)) {
		t.Errorf("zone-less startObiekt must be Warsaw winter time: %v", d.Object.StartObject)
	}
	poly := d.Object.Geometry.(orb.MultiPolygon)
	if len(poly) != 1 || len(poly[0]) != 2 {
		t.Fatalf("parcel with a hole: %v", poly)
	}
	if poly[0][0][1] != (orb.Point{487100, 749000}) || poly[0][1][1] != (orb.Point{487040, 749060}) {
		t.Errorf("parcel rings %v", poly)
	}

	b := m["70000000-0000-4000-8000-000000000001@"+v21]
	wantAttrs(t, b, map[string]any{
		"id_budynku": "990101_1.0007.12/3.1_BUD", "rodzaj_kst": "110",
		"kondygnacje_nadziemne": int64(2), "kondygnacje_podziemne": int64(0), "pow_zabudowy": 800.0,
		"dzialki": "30000000-0000-4000-8000-000000000001;30000000-0000-4000-8000-000000000002",
	})
	if mp := b.Object.Geometry.(orb.MultiPolygon); len(mp) != 2 || mp[1][0][0] != (orb.Point{487070, 749070}) {
		t.Errorf("3D multisurface building: %v", mp)
	}

	p := m["50000000-0000-4000-8000-000000000001@"+v21]
	wantAttrs(t, p, map[string]any{"id_punktu": "990101_1.0007.P.101", "sposob_pozyskania": "1", "spelnienie_warunkow": "1", "rodzaj_stabilizacji": "3"})
	if p.Object.Geometry != (orb.Point{487000, 749000}) {
		t.Errorf("point %v", p.Object.Geometry)
	}

	arch := m["30000000-0000-4000-8000-000000000002@2020-02-01T12:00:00"]
	cur := m["30000000-0000-4000-8000-000000000002@"+v21]
	if arch == nil || cur == nil {
		t.Fatalf("archived/current versions missing")
	}
	if arch.Object.Current() || !arch.Object.EndVersion.Equal(cur.Object.StartVersion) || !cur.Object.Current() {
		t.Errorf("archived version must end when the current starts: %v %v", arch.Object.EndVersion, cur.Object.StartVersion)
	}
	if !arch.Object.StartObject.Equal(cur.Object.StartObject) {
		t.Errorf("startObiekt differs between versions")
	}
	wantAttrs(t, arch, map[string]any{"numer_arkusza": "AR_2", "numer_dzialki": "13", "pole_ewidencyjne": 1.0, "grupa_rejestrowa": "7.1"})
	wantAttrs(t, cur, map[string]any{"pole_ewidencyjne": 1.2, "numer_kw": nil, "grupa_rejestrowa": "7.1"})
	if arch.Object.Geometry.(orb.MultiPolygon)[0][0][1] != (orb.Point{487200, 749000}) {
		t.Errorf("gml:coordinates ring %v", arch.Object.Geometry)
	}

	u := m["80000000-0000-4000-8000-000000000001@"+v21]
	wantAttrs(t, u, map[string]any{"id_uzytku": "990101_1.0007.U.5", "ofu": "R", "id_obrebu": "990101_1.0007"})
	if !u.Object.Current() {
		t.Errorf("nil koniecWersjaObiekt must mean current")
	}

	k := m["90000000-0000-4000-8000-000000000001@2020-02-01T12:00:00"]
	wantAttrs(t, k, map[string]any{"id_konturu": "990101_1.0007.K.9", "ozu": "R", "ozk": "IIIb", "id_obrebu": "990101_1.0007"})
	if k.Object.EndObject.IsZero() || k.Object.Current() || k.Object.EndObject != warsawUTC(v21) {
		t.Errorf("deleted object: koniecObiekt %v", k.Object.EndObject)
	}

	// Nothing from the person or subject address is anywhere in the output.
	for _, f := range fs {
		s := fmt.Sprintf("%#v %#v", f, f.Object)
		for _, bad := range []string{fakePESEL, "Fikcyjnowska", "Zdzisława", "Nibylandia"} {
			if strings.Contains(s, bad) {
				t.Errorf("personal data %q leaked into %s", bad, f.GMLID)
			}
		}
	}
}

func wantAttrs(t *testing.T, f *Feature, want map[string]any) {
	t.Helper()
	if f == nil {
		t.Fatal("feature missing")
	}
	for k, v := range want {
		got, ok := f.Object.Attrs[k]
		if !ok || !reflect.DeepEqual(got, v) {
			t.Errorf("%s %s: %s = %#v, want %#v", f.Class, f.Object.ID, k, got, v)
		}
	}
}

func TestScanRegisterGroupsResolvesForwardReference(t *testing.T) {
	f, err := os.Open(filepath.Join(testdata, "county_2021.gml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	g, err := ScanRegisterGroups(f, "county_2021.gml")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"40000000-0000-4000-8000-000000000001": "7.1", "#JRG.G17": "7.1"}
	if !reflect.DeepEqual(g, want) {
		t.Fatalf("groups %v, want %v", g, want)
	}
	f.Seek(0, io.SeekStart)
	r := NewReader(f, "county_2021.gml")
	r.RegisterGroups = g
	for {
		ft, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if ft.Class == "EGB_DzialkaEwidencyjna" && (ft.Object.Attrs["grupa_rejestrowa"] != "7.1" || ft.JRG != "") {
			t.Errorf("%s grupa_rejestrowa %v JRG %q", ft.Object.ID, ft.Object.Attrs["grupa_rejestrowa"], ft.JRG)
		}
	}
}

// Each broken file holds one bad object then a good one (id 30000099-…): the error
// names file, line and gml:id, and the reader goes on to the good object.
func TestObjectErrors(t *testing.T) {
	const badID = "PL.PZGiK.9901.EGiB_30000001-0000-4000-8000-000000000000_2021-05-04T10-00-00"
	cases := []struct {
		file string
		line int
		msg  string
	}{
		{"unknown_crs.gml", 10, `unknown CRS "urn:ogc:def:crs:EPSG::9999"`},
		{"ring_not_closed.gml", 11, "ring not closed"},
		{"too_few_points.gml", 11, "too few points in ring: 3"},
		{"odd_coordinates.gml", 12, "odd coordinate count: 9 numbers for srsDimension 2"},
		{"self_intersection.gml", 9, "invalid geometry: Self-intersection"},
		{"duplicate_id.gml", 20, "duplicate object version: lokalnyId 30000001-0000-4000-8000-000000000000 wersjaId 2021-05-04T10:00:00 already read at line 4"},
		{"empty_geometry.gml", 10, "empty geometry"},
		{"bad_number.gml", 16, `poleEwidencyjne: not a number: "0,01x"`},
		{"bad_coordinate.gml", 12, `bad number "4870l0"`},
		{"bad_date.gml", 6, `startObiekt: cannot parse date-time "2021-13-45T10:00:00"`},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			_, fs, errs := readFile(t, filepath.Join("broken", c.file))
			if len(errs) != 1 {
				t.Fatalf("errors %v, want exactly one", errs)
			}
			var e *Error
			if !errors.As(errs[0], &e) || e.Fatal {
				t.Fatalf("want an object-level *Error, got %#v", errs[0])
			}
			prefix := fmt.Sprintf("%s:%d: EGB_DzialkaEwidencyjna %s: ", c.file, c.line, badID)
			if msg := e.Error(); !strings.HasPrefix(msg, prefix) || !strings.Contains(msg, c.msg) {
				t.Errorf("error\n  %s\nwant prefix\n  %s\nand %q", msg, prefix, c.msg)
			}
			if e.File != c.file || e.Line != c.line || e.GMLID != badID || e.Class != "EGB_DzialkaEwidencyjna" || e.ID != "30000001-0000-4000-8000-000000000000" {
				t.Errorf("fields %+v", e)
			}
			last := fs[len(fs)-1]
			if last.Object.ID != "30000099-0000-4000-8000-000000000000" {
				t.Errorf("reader did not recover: last feature %s", last.Object.ID)
			}
		})
	}
}

func TestFatalErrors(t *testing.T) {
	cases := []struct {
		file string
		line int
		msg  string
	}{
		{"syntax.gml", 21, "malformed XML: element <idIIP> closed by </idIP>"},
		{"truncated.gml", 29, "malformed XML: unexpected EOF"},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join(testdata, "broken", c.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			r := NewReader(f, c.file)
			ft, err := r.Next()
			if err != nil || ft.Object.ID != "30000001-0000-4000-8000-000000000000" {
				t.Fatalf("first object: %v %v", ft, err)
			}
			_, err = r.Next()
			var e *Error
			if !errors.As(err, &e) || !e.Fatal || !IsFatal(err) {
				t.Fatalf("want a fatal *Error, got %v", err)
			}
			if want := fmt.Sprintf("%s:%d: %s", c.file, c.line, c.msg); e.Error() != want {
				t.Errorf("error %q, want %q", e.Error(), want)
			}
			if _, err2 := r.Next(); err2 != err {
				t.Errorf("Next after a fatal error: %v", err2)
			}
		})
	}
}

func TestDocumentErrors(t *testing.T) {
	for name, doc := range map[string]string{
		"empty":      "",
		"whitespace": "  \n ",
		"notxml":     "this is not xml",
		"unclosed":   `<gml:FeatureCollection xmlns:gml="http://www.opengis.net/gml/3.2">`,
		"latin2":     `<?xml version="1.0" encoding="ISO-8859-2"?><a/>`,
	} {
		r := NewReader(strings.NewReader(doc), name+".gml")
		_, err := r.Next()
		if err == io.EOF || !IsFatal(err) || !strings.HasPrefix(err.Error(), name+".gml:") {
			t.Errorf("%s: got %v, want a fatal error naming the file", name, err)
		}
	}
}

func TestObjectLevelChecks(t *testing.T) {
	head := `<gml:FeatureCollection xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:egb="ewidencjaGruntowIBudynkow:1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` + "\n"
	obj := func(body string) string {
		return head + `<gml:featureMember><egb:EGB_Budynek gml:id="B1">` +
			`<egb:idIIP><egb:EGB_IdentyfikatorIIP><egb:lokalnyId>70000000-0000-4000-8000-000000000009</egb:lokalnyId></egb:EGB_IdentyfikatorIIP></egb:idIIP>` +
			body + `</egb:EGB_Budynek></gml:featureMember></gml:FeatureCollection>`
	}
	life := `<egb:startObiekt>2021-01-01T00:00:00</egb:startObiekt><egb:startWersjaObiekt>2021-01-01T00:00:00</egb:startWersjaObiekt>`
	sq := `<gml:Polygon srsName="EPSG:2180"><gml:exterior><gml:LinearRing><gml:posList>0 0 0 1 1 1 1 0 0 0</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>`
	cases := map[string]struct{ body, want string }{
		"missing geometry": {life, "missing geometria"},
		"nil geometry":     {life + `<egb:geometria xsi:nil="true"/>`, "empty geometry"},
		"no srsName":       {life + `<egb:geometria><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>0 0 0 1 1 1 1 0 0 0</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></egb:geometria>`, "geometry without srsName"},
		"point":            {life + `<egb:geometria><gml:Point srsName="EPSG:2180"><gml:pos>1 2</gml:pos></gml:Point></egb:geometria>`, "a point geometry where a surface is expected"},
		"line":             {life + `<egb:geometria><gml:LineString srsName="EPSG:2180"><gml:posList>1 2 3 4</gml:posList></gml:LineString></egb:geometria>`, "unsupported geometry gml:LineString"},
		"bad int":          {life + `<egb:geometria>` + sq + `</egb:geometria><egb:liczbaKondygnacjiNadziemnych>dwie</egb:liczbaKondygnacjiNadziemnych>`, `liczbaKondygnacjiNadziemnych: not an integer: "dwie"`},
		"bad uom":          {life + `<egb:geometria>` + sq + `</egb:geometria><egb:powZabudowy uom="acre">1</egb:powZabudowy>`, `unknown unit of measure uom="acre"`},
		"no start":         {`<egb:geometria>` + sq + `</egb:geometria>`, "missing startObiekt"},
		"srsDimension 4":   {life + `<egb:geometria><gml:Polygon srsName="EPSG:2180" srsDimension="4"/></egb:geometria>`, `unsupported srsDimension "4"`},
		"mixed srs":        {life + `<egb:geometria><gml:MultiSurface srsName="EPSG:2180"><gml:surfaceMember><gml:Polygon srsName="EPSG:2177"/></gml:surfaceMember></gml:MultiSurface></egb:geometria>`, "mixed srsName"},
		"nested shells":    {life + `<egb:geometria><gml:Polygon srsName="EPSG:2180"><gml:exterior><gml:LinearRing><gml:posList>0 0 0 10 10 10 10 0 0 0</gml:posList></gml:LinearRing></gml:exterior><gml:interior><gml:LinearRing><gml:posList>20 20 20 30 30 30 30 20 20 20</gml:posList></gml:LinearRing></gml:interior></gml:Polygon></egb:geometria>`, "invalid geometry: Hole lies outside shell"},
	}
	for name, c := range cases {
		r := NewReader(strings.NewReader(obj(c.body)), "x.gml")
		_, err := r.Next()
		if err == nil || IsFatal(err) || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "x.gml:2: EGB_Budynek B1: ") {
			t.Errorf("%s: got %v, want x.gml:2: EGB_Budynek B1: …%s", name, err, c.want)
		}
		if _, err := r.Next(); err != io.EOF {
			t.Errorf("%s: after the bad object: %v", name, err)
		}
	}
}

func TestParseHelpers(t *testing.T) {
	for id, want := range map[string]ParcelID{
		"221101_1.0001.138/28":     {"221101_1", "221101_1.0001", "", "138/28"},
		"141201_1.0001.6509/2":     {"141201_1", "141201_1.0001", "", "6509/2"},
		"061304_5.0012.809/1":      {"061304_5", "061304_5.0012", "", "809/1"},
		"990101_1.0007.AR_12.44/7": {"990101_1", "990101_1.0007", "AR_12", "44/7"},
	} {
		got, ok := ParseParcelID(id)
		if !ok || got != want {
			t.Errorf("ParseParcelID(%q) = %+v %v", id, got, ok)
		}
	}
	for _, bad := range []string{"", "221101.0001.1", "221101_1.001.1", "221101_1.0001.", "221101_1.0001.1/"} {
		if _, ok := ParseParcelID(bad); ok {
			t.Errorf("ParseParcelID(%q) accepted", bad)
		}
	}
	for s, want := range map[string]time.Time{
		"2011-04-04T11:31:45":           time.Date(2011, 4, 4, 9, 31, 45, 0, time.UTC),
		"2011-01-04T11:31:45.5":         time.Date(2011, 1, 4, 10, 31, 45, 5e8, time.UTC),
		"2011-04-04T11:31:45Z":          time.Date(2011, 4, 4, 11, 31, 45, 0, time.UTC),
		"2011-04-04T11:31:45.123+01:00": time.Date(2011, 4, 4, 10, 31, 45, 123e6, time.UTC),
		"2011-04-04":                    time.Date(2011, 4, 3, 22, 0, 0, 0, time.UTC),
	} {
		got, err := parseTime(s)
		if err != nil || !got.Equal(want) || got.Location() != time.UTC {
			t.Errorf("parseTime(%q) = %v %v, want %v", s, got, err, want)
		}
	}
	for s, want := range map[[2]string]float64{{"0.0255", "ha"}: 0.0255, {"255", "m2"}: 0.0255, {"2.55", "a"}: 0.0255, {"0,0255", ""}: 0.0255} {
		if got, err := parseArea(s[0], s[1], true); err != nil || got != want {
			t.Errorf("parseArea(%q,%q) = %v %v", s[0], s[1], got, err)
		}
	}
}

// An odd idDzialki is a warning, never a rejection (docs/domain.md, "Parcel identifiers").
func TestOddParcelIDIsAWarning(t *testing.T) {
	doc := `<gml:FeatureCollection xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:egb="urn:gugik:specyfikacje:gmlas:ewidencjaGruntowBudynkow:1.0" xmlns:bt="urn:gugik:specyfikacje:gmlas:modelPodstawowy:1.0">
<gml:featureMember><egb:EGB_DzialkaEwidencyjna gml:id="D1">
<egb:idIIP><bt:BT_Identyfikator><bt:lokalnyId>30000000-0000-4000-8000-0000000000aa</bt:lokalnyId><bt:wersjaId>2015-01-01T00:00:00</bt:wersjaId></bt:BT_Identyfikator></egb:idIIP>
<egb:startObiekt>2015-01-01T00:00:00</egb:startObiekt><egb:startWersjaObiekt>2015-01-01T00:00:00</egb:startWersjaObiekt>
<egb:idDzialki>działka 7</egb:idDzialki>
<egb:geometria><gml:Polygon srsName="urn:ogc:def:crs:EPSG::2180"><gml:exterior><gml:LinearRing><gml:posList>0 0 0 1 1 1 1 0 0 0</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></egb:geometria>
<egb:powierzchniaEwidencyjna uom="m2">1</egb:powierzchniaEwidencyjna>
</egb:EGB_DzialkaEwidencyjna></gml:featureMember></gml:FeatureCollection>`
	f, err := NewReader(strings.NewReader(doc), "w.gml").Next()
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Warnings) != 1 || !strings.Contains(f.Warnings[0], `idDzialki "działka 7" does not match`) {
		t.Errorf("warnings %q", f.Warnings)
	}
	wantAttrs(t, f, map[string]any{"id_dzialki": "działka 7", "numer_dzialki": nil, "id_obrebu": nil, "pole_ewidencyjne": 0.0001})
}
