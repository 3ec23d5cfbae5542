package filter

import (
	"testing"
	"time"

	"github.com/paulmach/orb"
)

type rec map[string]any

func (r rec) Value(n string) any { return r[n] }
func (r rec) Geom() orb.Geometry {
	return orb.MultiPolygon{{{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}}}
}
func (r rec) FeatureID() string { return "141201_1.0001.6509/2" }

func TestEval(t *testing.T) {
	r := rec{"ID": "141201_1.0001.6509/2", "POLE": 0.5, "T": time.Date(2021, 5, 4, 0, 0, 0, 0, time.UTC), "N": nil}
	p := func(n string, ty Type) Property { return Property{Name: n, Type: ty} }
	cases := []struct {
		e    Expr
		want bool
	}{
		{Compare{Op: "=", Left: p("ID", String), Right: Literal{"141201_1.0001.6509/2"}}, true},
		{Compare{Op: "=", Left: p("ID", String), Right: Literal{"141201_1.0001.6509/3"}}, false},
		{Like{Arg: p("ID", String), Pattern: "%/2"}, true},
		{Like{Arg: p("ID", String), Pattern: "141201\\_1%"}, true},
		{Like{Arg: p("ID", String), Pattern: "1412011%"}, false},
		{Between{Arg: p("POLE", Number), Lo: Literal{0.1}, Hi: Literal{"0.5"}}, true},
		{In{Arg: p("POLE", Number), List: []Scalar{Literal{1.0}, Literal{0.5}}}, true},
		{IsNull{Arg: p("N", String)}, true},
		{Not{Arg: Compare{Op: "=", Left: p("N", String), Right: Literal{"x"}}}, false}, // NULL: unknown, NOT unknown is unknown
		{Temporal{Op: "after", Arg: p("T", DateTime), Lo: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), Hi: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)}, true},
		{Temporal{Op: "during", Arg: p("T", DateTime), Lo: time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)}, false},
		{Spatial{Op: "intersects", Geom: orb.Bound{Min: orb.Point{9, 9}, Max: orb.Point{20, 20}}}, true},
		{Spatial{Op: "within", Geom: orb.Bound{Min: orb.Point{-1, -1}, Max: orb.Point{20, 20}}}, true},
		{Spatial{Op: "contains", Geom: orb.Point{5, 5}}, true},
		{Spatial{Op: "disjoint", Geom: orb.Point{50, 5}}, true},
		{Spatial{Op: "intersects", Geom: orb.LineString{{11, -1}, {11, 20}}}, false},
		{IDs{IDs: []string{"x", "141201_1.0001.6509/2"}}, true},
		{Or{Args: []Expr{Const(false), And{Args: []Expr{Const(true), Const(true)}}}}, true},
	}
	for i, c := range cases {
		prog, err := Compile(c.e)
		if err != nil {
			t.Fatalf("%d: %v", i, err)
		}
		if got := prog.Match(r); got != c.want {
			t.Errorf("%d %s: got %v, want %v", i, Format(c.e), got, c.want)
		}
	}
}

func TestLikeLongInput(t *testing.T) {
	s := ""
	for range 5000 {
		s += "a"
	}
	// a backtracking matcher would not finish this; the greedy one is linear per '%'
	if likeMatch(s, "%a%a%a%a%a%a%a%a%a%a%b") || !likeMatch(s+"b", "%a%a%a%a%a%a%a%a%a%a%b") {
		t.Fatal("wrong LIKE result")
	}
}
