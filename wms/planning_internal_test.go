package wms

import (
	"context"
	"image/color"
	"testing"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/wms/render"
)

func TestSymbolLetters(t *testing.T) {
	for in, want := range map[string]string{
		"1SJ": "SJ", "12MN": "MN", " 3 SU ": "SU", "A.12MN/U": "MN/U", "1POG-2SW": "SW",
		"MN1": "MN", "KDD.1": "KDD", "12": "", "": "", "1ZŁ": "ZŁ",
	} {
		if got := symbolLetters(in); got != want {
			t.Errorf("symbolLetters(%q) = %q, want %q", in, got, want)
		}
	}
}

// The class comes from symbol/przeznaczenie, else from the letters of
// oznaczenie; areas of other APP classes have their own entries.
func TestClassify(t *testing.T) {
	code := func(th *theme, a map[string]any) string {
		i := th.classify(a)
		if i == th.Fallback {
			return "-"
		}
		return th.Classes[i].Code
	}
	for _, c := range []struct {
		a    map[string]any
		want string
	}{
		{map[string]any{"klasa": "StrefaPlanistyczna", "symbol": "SJ", "oznaczenie": "1SJ"}, "SJ"},
		{map[string]any{"klasa": "StrefaPlanistyczna", "symbol": "sk"}, "SK"},
		{map[string]any{"klasa": "StrefaPlanistyczna", "oznaczenie": "12SN"}, "SN"},
		{map[string]any{"symbol": "", "oznaczenie": "3SC"}, "SC"},
		{map[string]any{"symbol": "XX", "oznaczenie": "3SC"}, "-"},
		{map[string]any{"oznaczenie": "77"}, "-"},
		{map[string]any{}, "-"},
		{map[string]any{"klasa": "ObszarZabudowySrodmiejskiej", "oznaczenie": "OZS1"}, "OZS"},
		{map[string]any{"klasa": "ObszarUzupelnieniaZabudowy"}, "OUZ"},
		{map[string]any{"klasa": "ObszarStandardowDostepnosciInfrastrukturySpolecznej"}, "OSD"},
	} {
		if got := code(strefyTheme, c.a); got != c.want {
			t.Errorf("strefy %v: %s, want %s", c.a, got, c.want)
		}
	}
	for _, c := range []struct {
		a    map[string]any
		want string
	}{
		{map[string]any{"przeznaczenie": "MN"}, "MN"},
		{map[string]any{"przeznaczenie": "MN/U"}, "MN"},
		{map[string]any{"przeznaczenie": "MW"}, "MW"},
		{map[string]any{"przeznaczenie": "MWU"}, "MW"},
		{map[string]any{"przeznaczenie": "ML"}, "MN"},
		{map[string]any{"przeznaczenie": "RM"}, "RM"},
		{map[string]any{"przeznaczenie": "R"}, "R"},
		{map[string]any{"przeznaczenie": "U,P"}, "U"},
		{map[string]any{"przeznaczenie": "PU"}, "P"},
		{map[string]any{"przeznaczenie": "ZL"}, "ZL"},
		{map[string]any{"przeznaczenie": "ZP"}, "ZP"},
		{map[string]any{"przeznaczenie": "ZC"}, "ZP"},
		{map[string]any{"przeznaczenie": "KDD"}, "KD"},
		{map[string]any{"przeznaczenie": "KS"}, "KD"},
		{map[string]any{"przeznaczenie": "WS"}, "W"},
		{map[string]any{"przeznaczenie": "E"}, "E/I"},
		{map[string]any{"przeznaczenie": "IT"}, "E/I"},
		{map[string]any{"oznaczenie": "12MN"}, "MN"},
		{map[string]any{"przeznaczenie": "", "oznaczenie": "4KDL"}, "KD"},
		{map[string]any{"przeznaczenie": "XQ"}, "-"},
		{map[string]any{"oznaczenie": "5"}, "-"},
	} {
		if got := code(mpzpTheme, c.a); got != c.want {
			t.Errorf("mpzp %v: %s, want %s", c.a, got, c.want)
		}
	}
	for _, th := range []*theme{strefyTheme, mpzpTheme} {
		if len(th.Classes) > maxClasses || th.Fallback >= len(th.Classes) {
			t.Errorf("%s: %d classes, fallback %d", th.Layer, len(th.Classes), th.Fallback)
		}
	}
}

// planningFeats is an n×n grid of 10 m squares cycling through the MPZP
// classes, and a 512×512 view of the whole grid.
func planningFeats(n int) ([]*feat, *mapView) {
	var out []*feat
	side := 10.0
	for i := range n {
		for j := range n {
			x, y := float64(i)*side, float64(j)*side
			out = append(out, &feat{
				Geometry: orb.MultiPolygon{{{{x, y}, {x + side, y}, {x + side, y + side}, {x, y + side}, {x, y}}}},
				Class:    uint8((i*n + j) % len(mpzpTheme.Classes)),
			})
		}
	}
	ext := float64(n) * side
	v := &mapView{w: 512, h: 512, bbox: orb.Bound{Min: orb.Point{0, 0}, Max: orb.Point{ext, ext}}}
	v.sx, v.sy = 512/ext, 512/ext
	return out, v
}

var mpzpStyle = func() style { s, _ := planningStyle("mpzp"); return s }()

// Drawing a thematic layer allocates per class (a pass each), never per
// feature: 625 times the features may not add a hundred allocations.
func TestDrawThematicAllocations(t *testing.T) {
	allocs := func(n int) float64 {
		objs, v := planningFeats(n)
		c := render.NewCanvas(512, 512, color.NRGBA{255, 255, 255, 255})
		defer c.Release()
		st := mpzpStyle
		drawThematic(c, v, &st, objs, false, &stopper{ctx: context.Background()}) // warm the pools
		return testing.AllocsPerRun(5, func() { drawThematic(c, v, &st, objs, false, &stopper{ctx: context.Background()}) })
	}
	small, large := allocs(4), allocs(100)
	if large > small+100 {
		t.Errorf("drawThematic: %.0f allocations for 16 features, %.0f for 10 000", small, large)
	}
	t.Logf("allocations per draw: %.0f (16 features), %.0f (10 000 features)", small, large)
}

// BenchmarkDrawThematic: 10 000 MPZP areas in twelve classes, 512×512, against
// the same features drawn with one fill (BenchmarkDrawPlain).
func BenchmarkDrawThematic(b *testing.B) {
	objs, v := planningFeats(100)
	c := render.NewCanvas(512, 512, color.NRGBA{255, 255, 255, 255})
	st := mpzpStyle
	b.ReportAllocs()
	for b.Loop() {
		drawThematic(c, v, &st, objs, false, &stopper{ctx: context.Background()})
	}
}

func BenchmarkDrawPlain(b *testing.B) {
	objs, v := planningFeats(100)
	c := render.NewCanvas(512, 512, color.NRGBA{255, 255, 255, 255})
	st := mpzpStyle
	st.Theme, st.Fill = nil, rgb("#f4c987")
	b.ReportAllocs()
	for b.Loop() {
		drawFeatures(c, v, &st, objs, false, &stopper{ctx: context.Background()})
	}
}
