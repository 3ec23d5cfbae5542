package fes

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/features/filter"
)

type schema map[string]filter.Type

func (s schema) Lookup(name string) (string, filter.Type, bool) {
	t, ok := s[name]
	return name, t, ok
}

var testSchema = schema{"ID_DZIALKI": filter.String, "POLE": filter.Number, "START_WERSJI": filter.DateTime, "msGeometry": filter.Geometry}

const ns = `xmlns:fes="http://www.opengis.net/fes/2.0" xmlns:gml="http://www.opengis.net/gml/3.2"`

func TestParse(t *testing.T) {
	good := []string{
		`<fes:Filter ` + ns + `><fes:PropertyIsEqualTo matchCase="false"><fes:ValueReference>ID_DZIALKI</fes:ValueReference><fes:Literal>a/1</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>`,
		`<fes:Filter ` + ns + `><fes:ResourceId rid="a"/><fes:ResourceId rid="b"/></fes:Filter>`,
		`<fes:Filter ` + ns + `><fes:BBOX><fes:ValueReference>msGeometry</fes:ValueReference><gml:Envelope srsName="urn:ogc:def:crs:EPSG::4326"><gml:lowerCorner>51 19</gml:lowerCorner><gml:upperCorner>52 20</gml:upperCorner></gml:Envelope></fes:BBOX></fes:Filter>`,
		`<fes:Filter ` + ns + `><fes:And><fes:PropertyIsLike wildCard="*" singleChar="." escapeChar="!"><fes:ValueReference>ID_DZIALKI</fes:ValueReference><fes:Literal>*/2</fes:Literal></fes:PropertyIsLike><fes:After><fes:ValueReference>START_WERSJI</fes:ValueReference><gml:TimeInstant gml:id="t"><gml:timePosition>2021-01-01T00:00:00Z</gml:timePosition></gml:TimeInstant></fes:After></fes:And></fes:Filter>`,
	}
	for _, s := range good {
		if _, err := Parse([]byte(s), Options{Schema: testSchema}); err != nil {
			t.Errorf("%s: %v", s, err)
		}
	}
	bad := map[string]string{
		`<fes:Filter ` + ns + `><fes:PropertyIsEqualTo><fes:ValueReference>evil') OR 1=1 --</fes:ValueReference><fes:Literal>a</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>`: "property",
		`<fes:Filter ` + ns + `><fes:PropertyIsEqualTo><fes:ValueReference>POLE</fes:ValueReference><fes:Literal>x</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>`:             "type",
		`<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><Filter/>`: "syntax",
		`<Filter><Nope/></Filter>`:                                        "syntax",
	}
	for s, kind := range bad {
		_, err := Parse([]byte(s), Options{Schema: testSchema})
		fe, ok := filter.AsError(err)
		if !ok || fe.Kind != kind {
			t.Errorf("%s: got %v, want %s", s, err, kind)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add(`<Filter><PropertyIsEqualTo><ValueReference>ID_DZIALKI</ValueReference><Literal>a</Literal></PropertyIsEqualTo></Filter>`)
	f.Add(`<Filter><Intersects><ValueReference>msGeometry</ValueReference><Polygon srsName="EPSG:2180"><exterior><LinearRing><posList>1 2 3 4 5 6 1 2</posList></LinearRing></exterior></Polygon></Intersects></Filter>`)
	f.Add(`<Filter><Or><PropertyIsNull><ValueReference>POLE</ValueReference></PropertyIsNull><Not><PropertyIsBetween><ValueReference>POLE</ValueReference><LowerBoundary><Literal>1</Literal></LowerBoundary><UpperBoundary><Literal>2</Literal></UpperBoundary></PropertyIsBetween></Not></Or></Filter>`)
	f.Fuzz(func(t *testing.T, s string) {
		e, err := Parse([]byte(s), Options{Schema: testSchema})
		if err != nil {
			if _, ok := filter.AsError(err); !ok {
				t.Fatalf("untyped error %v", err)
			}
			return
		}
		if p, err := filter.Compile(e); err == nil {
			p.Match(fuzzRecord{})
		}
	})
}

type fuzzRecord struct{}

func (fuzzRecord) Value(n string) any {
	switch n {
	case "POLE":
		return 0.5
	case "START_WERSJI":
		return time.Date(2021, 5, 4, 0, 0, 0, 0, time.UTC)
	case "ID_DZIALKI":
		return "141201_1.0001.6509/2"
	}
	return nil
}
func (fuzzRecord) Geom() orb.Geometry {
	return orb.MultiPolygon{{{{500000, 400000}, {500100, 400000}, {500100, 400100}, {500000, 400000}}}}
}
func (fuzzRecord) FeatureID() string { return "141201_1.0001.6509/2" }

// TestParseBounded (issue 16, item 2): a filter at the length limit whose
// literal is split by thousands of comments parses in allocations linear in its
// length (the text was concatenated piece by piece).
func TestParseBounded(t *testing.T) {
	lit := strings.Repeat("a<!---->", 8000)
	src := `<Filter><PropertyIsEqualTo><ValueReference>ID_DZIALKI</ValueReference><Literal>` + lit + `</Literal></PropertyIsEqualTo></Filter>`
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	e, err := Parse([]byte(src), Options{Schema: testSchema, Limits: filter.Limits{MaxLen: 1 << 20}})
	runtime.ReadMemStats(&m1)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(fmt.Sprint(e), strings.Repeat("a", 8000)) {
		t.Fatalf("literal lost: %.200v", e)
	}
	if alloc := m1.TotalAlloc - m0.TotalAlloc; alloc > 16*uint64(len(src)) {
		t.Fatalf("%d KB allocated for a %d KB filter", alloc>>10, len(src)>>10)
	}
}
