package gmlcoord

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/paulmach/orb"
)

func TestPosList(t *testing.T) {
	// Wrapped over lines as exports write it; the height of a 3D list dropped.
	got, err := PosList("5712345.25 6543210.5\n\t5712346 6543211 ", 2, nil)
	if want := []orb.Point{{5712345.25, 6543210.5}, {5712346, 6543211}}; err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("2D: %v %v", got, err)
	}
	got, err = PosList("1 2 100 3 4 101", 3, []orb.Point{{0, 0}})
	if want := []orb.Point{{0, 0}, {1, 2}, {3, 4}}; err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("3D, appended: %v %v", got, err)
	}
	for _, c := range []struct {
		s    string
		dim  int
		want string
	}{
		{"1 2 3", 2, "odd coordinate count: 3 numbers for srsDimension 2"},
		{"1 2 4870l0 4", 2, `bad number "4870l0"`},
		{"1 NaN", 2, `bad number "NaN"`},
		{"1 +Inf", 2, `bad number "+Inf"`},
		{"1 2", 4, "srsDimension 4: only 2 and 3 are read"},
		{"1 " + strings.Repeat("x", 100), 2, `bad number "` + strings.Repeat("x", 40) + `…"`},
	} {
		if _, err := PosList(c.s, c.dim, nil); err == nil || err.Error() != c.want {
			t.Errorf("%q dim %d: %v, want %s", c.s, c.dim, err, c.want)
		}
	}
}

func TestPos(t *testing.T) {
	got, err := Pos(" 10 20 30 ", 0, nil)
	if err != nil || !reflect.DeepEqual(got, []orb.Point{{10, 20}}) {
		t.Errorf("3 numbers: %v %v", got, err)
	}
	if got, err := Pos("  ", 2, nil); err != nil || got != nil {
		t.Errorf("empty: %v %v", got, err)
	}
	for s, want := range map[string]string{
		"1":       "odd coordinate count: 1 numbers in a position of srsDimension 2",
		"1 2 3 4": "more than 3 numbers in one position",
	} {
		if _, err := Pos(s, 0, nil); err == nil || err.Error() != want {
			t.Errorf("%q: %v", s, err)
		}
	}
	if _, err := Pos("1 2 3", 2, nil); err == nil {
		t.Error("3 numbers in a 2D position accepted")
	}
}

func TestCoordinates(t *testing.T) {
	got, err := Coordinates("1,2 3,4,5", "", "", "", nil)
	if want := []orb.Point{{1, 2}, {3, 4}}; err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("defaults: %v %v", got, err)
	}
	// Another tuple and value separator, decimal comma.
	got, err = Coordinates("1,5;2,25|3,75;4", ";", "|", ",", nil)
	if want := []orb.Point{{1.5, 2.25}, {3.75, 4}}; err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("cs ; ts | decimal ,: %v %v", got, err)
	}
	if _, err := Coordinates("1,2 3", "", "", "", nil); err == nil || err.Error() != `odd coordinate count: tuple "3"` {
		t.Errorf("short tuple: %v", err)
	}
}

func TestNumber(t *testing.T) {
	if v, err := Number("-0.5e3"); err != nil || v != -500 {
		t.Errorf("%v %v", v, err)
	}
	if _, err := Number("1e400"); err == nil {
		t.Error("overflow accepted")
	}
}

// FuzzPosList: any text gives points or an error, never a panic, and the
// points are whole positions of finite numbers.
func FuzzPosList(f *testing.F) {
	f.Add("1 2 3 4", 2)
	f.Add("1 2 3", 3)
	f.Add("1,2 3,4", 2)
	f.Fuzz(func(t *testing.T, s string, dim int) {
		pts, err := PosList(s, dim, nil)
		if err != nil {
			return
		}
		if n := len(strings.Fields(s)); n != len(pts)*dim {
			t.Fatalf("%d numbers, %d points of %d", n, len(pts), dim)
		}
		for _, p := range pts {
			if math.IsNaN(p[0]) || math.IsInf(p[1], 0) {
				t.Fatalf("point %v", p)
			}
		}
		Coordinates(s, ",", " ", ".", nil)
		Pos(s, 0, nil)
	})
}
