package cql2

import (
	"time"

	"github.com/paulmach/orb"
	"strings"
	"testing"

	"github.com/sip-core/sip/features/filter"
)

type schema map[string]filter.Type

func (s schema) Lookup(name string) (string, filter.Type, bool) {
	t, ok := s[name]
	return name, t, ok
}

var testSchema = schema{"ID_DZIALKI": filter.String, "POLE": filter.Number, "START_WERSJI": filter.DateTime, "geometry": filter.Geometry}

func TestParseText(t *testing.T) {
	good := []string{
		"ID_DZIALKI = '141201_1.0001.6509/2'",
		"POLE BETWEEN 0.1 AND 2 AND NOT ID_DZIALKI IS NULL",
		"CASEI(ID_DZIALKI) LIKE '%/2' OR ID_DZIALKI IN ('a','b')",
		"S_INTERSECTS(geometry, BBOX(19.1,51.5,19.2,51.6))",
		"S_WITHIN(geometry, POLYGON((19 51, 20 51, 20 52, 19 52, 19 51)))",
		"T_AFTER(START_WERSJI, TIMESTAMP('2021-01-01T00:00:00Z'))",
		"T_DURING(START_WERSJI, INTERVAL('2021-01-01','..'))",
	}
	for _, s := range good {
		if _, err := ParseText(s, Options{Schema: testSchema}); err != nil {
			t.Errorf("%s: %v", s, err)
		}
	}
	bad := map[string]string{
		"nope = 1":                         "property",
		"POLE = 'abc'":                     "type",
		"ID_DZIALKI = ":                    "syntax",
		"ID_DZIALKI = 'x' AND":             "syntax",
		"S_INTERSECTS(geometry, POINT(1))": "syntax",
		strings.Repeat("(", 100) + "TRUE" + strings.Repeat(")", 100): "limit",
		"ID_DZIALKI = 'x'; DROP TABLE dzialki":                       "syntax",
	}
	for s, kind := range bad {
		_, err := ParseText(s, Options{Schema: testSchema})
		fe, ok := filter.AsError(err)
		if !ok || fe.Kind != kind {
			t.Errorf("%q: got %v, want a %s error", s, err, kind)
		}
	}
}

func FuzzParseText(f *testing.F) {
	for _, s := range []string{"ID_DZIALKI = 'a'", "POLE > 1 AND POLE < 2", "S_INTERSECTS(geometry, BBOX(1,2,3,4))",
		"T_AFTER(START_WERSJI, DATE('2020-01-01'))", "NOT (ID_DZIALKI IN ('a','b') OR ID_DZIALKI IS NULL)", "\"ID_DZIALKI\" LIKE 'x%'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e, err := ParseText(s, Options{Schema: testSchema})
		if err != nil {
			if _, ok := filter.AsError(err); !ok {
				t.Fatalf("untyped error %v", err)
			}
			return
		}
		if p, err := filter.Compile(e); err == nil {
			p.Match(fuzzRecord{}) // evaluation of any accepted filter must not panic
		}
	})
}

func FuzzParseJSON(f *testing.F) {
	for _, s := range []string{`{"op":"=","args":[{"property":"ID_DZIALKI"},"a"]}`,
		`{"op":"s_intersects","args":[{"property":"geometry"},{"type":"Polygon","coordinates":[[[19,51],[20,51],[20,52],[19,51]]]}]}`,
		`{"op":"t_after","args":[{"property":"START_WERSJI"},{"timestamp":"2021-01-01T00:00:00Z"}]}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e, err := ParseJSON([]byte(s), Options{Schema: testSchema})
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
