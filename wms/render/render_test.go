package render

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math/rand"
	"testing"
)

var (
	white = color.NRGBA{255, 255, 255, 255}
	black = color.NRGBA{0, 0, 0, 255}
	red   = color.NRGBA{255, 0, 0, 255}
)

func at(c *Canvas, x, y int) color.NRGBA {
	return color.NRGBAModel.Convert(c.Img.At(x, y)).(color.NRGBA)
}

// A hole is a hole whatever the winding of its ring.
func TestFillHoles(t *testing.T) {
	outer := []Pt{{10, 10}, {90, 10}, {90, 90}, {10, 90}}
	for _, holeCW := range []bool{true, false} {
		hole := []Pt{{40, 40}, {60, 40}, {60, 60}, {40, 60}}
		if !holeCW {
			hole = []Pt{{40, 40}, {40, 60}, {60, 60}, {60, 40}}
		}
		c := NewCanvas(100, 100, white)
		p := c.Pass()
		p.Ring(outer, false)
		p.Ring(hole, true)
		p.Paint(red)
		if got := at(c, 20, 20); got != red {
			t.Errorf("inside: %v", got)
		}
		if got := at(c, 50, 50); got != white {
			t.Errorf("hole (cw %v): %v", holeCW, got)
		}
		if got := at(c, 5, 5); got != white {
			t.Errorf("outside: %v", got)
		}
		// Pixel (10,10) is the first inside the ring's edge at x=10: full cover.
		if got := at(c, 10, 10); got != red {
			t.Errorf("edge pixel: %v", got)
		}
		if got := at(c, 9, 10); got != white {
			t.Errorf("pixel left of the edge: %v", got)
		}
	}
}

// Overlapping shapes of one pass paint once (no double-alpha darkening).
func TestPassUnion(t *testing.T) {
	c := NewCanvas(50, 50, white)
	p := c.Pass()
	p.Ring([]Pt{{0, 0}, {30, 0}, {30, 30}, {0, 30}}, false)
	p.Ring([]Pt{{20, 20}, {50, 20}, {50, 50}, {20, 50}}, false)
	p.Paint(color.NRGBA{0, 0, 255, 128})
	if a, b := at(c, 5, 5), at(c, 25, 25); a != b {
		t.Fatalf("single %v vs overlap %v", a, b)
	}
}

func TestStrokeWidthAndDash(t *testing.T) {
	c := NewCanvas(100, 40, white)
	p := c.Pass()
	p.Line([]Pt{{0, 10.5}, {100, 10.5}}, false, 3, nil)
	p.Paint(black)
	for y, want := range map[int]bool{8: false, 9: true, 10: true, 11: true, 12: false} {
		if got := at(c, 50, y) == black; got != want {
			t.Errorf("solid width 3, row %d: black %v, want %v (%v)", y, got, want, at(c, 50, y))
		}
	}
	// Dashes 10 on, 5 off from x=0: 0–10 ink, 10–15 gap, 15–25 ink…
	p = c.Pass()
	p.Line([]Pt{{0, 30.5}, {100, 30.5}}, false, 1, []float32{10, 5})
	p.Paint(black)
	for x, want := range map[int]bool{2: true, 8: true, 12: false, 13: false, 17: true, 27: false, 32: true} {
		if got := at(c, x, 30) == black; got != want {
			t.Errorf("dash at x=%d: black %v, want %v (%v)", x, got, want, at(c, x, 30))
		}
	}
}

func TestPointSymbol(t *testing.T) {
	c := NewCanvas(20, 20, white)
	p := c.Pass()
	p.Circle(Pt{10, 10}, 3)
	p.Paint(red)
	if at(c, 10, 10) != red || at(c, 2, 2) != white {
		t.Fatalf("circle: %v %v", at(c, 10, 10), at(c, 2, 2))
	}
}

// Polish diacritics have glyphs in the embedded font, labels are drawn, and
// a colliding label is refused.
func TestLabels(t *testing.T) {
	for _, r := range "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ0123456789/" {
		g := getGlyph(11, r)
		if g.mask == nil || g.advance <= 0 {
			t.Errorf("no glyph for %q", r)
		}
		if idx, _ := goFont.GlyphIndex(nil, r); idx == 0 {
			t.Errorf("font lacks %q", r)
		}
	}
	c := NewCanvas(200, 60, white)
	if !c.Label("Łódź 12/3", Pt{100, 20}, 12, black, white, 0) {
		t.Fatal("first label refused")
	}
	ink := 0
	for y := 0; y < 60; y++ {
		for x := 0; x < 200; x++ {
			if at(c, x, y).R < 128 {
				ink++
			}
		}
	}
	if ink < 30 {
		t.Fatalf("label drew %d dark pixels", ink)
	}
	if c.Label("Żółw", Pt{105, 22}, 12, black, white, 0) {
		t.Fatal("overlapping label accepted")
	}
	if !c.Label("Żółw", Pt{100, 45}, 12, black, white, 0) {
		t.Fatal("free label refused")
	}
	if c.Label("brzeg", Pt{2, 45}, 12, black, white, 0) {
		t.Fatal("label off the image accepted")
	}
	if c.Label("123456789", Pt{150, 45}, 12, black, white, 10) {
		t.Fatal("label wider than its feature accepted")
	}
}

// TestLabelsCross: with LabelsCross a label across the image's edge is drawn
// clipped (its glyphs left of the edge land exactly where a wider image
// puts them), one wholly outside is not; NewCanvas clears the flag.
func TestLabelsCross(t *testing.T) {
	wide := NewCanvas(200, 60, white)
	if !wide.Label("brzeg", Pt{100, 30}, 12, black, white, 0) {
		t.Fatal("label refused")
	}
	c := NewCanvas(100, 60, white)
	c.LabelsCross = true
	if !c.Label("brzeg", Pt{100, 30}, 12, black, white, 0) {
		t.Fatal("label across the edge refused")
	}
	ink := 0
	for y := 0; y < 60; y++ {
		for x := 0; x < 100; x++ {
			if at(c, x, y) != at(wide, x, y) {
				t.Fatalf("pixel %d,%d: %v, the wider image has %v", x, y, at(c, x, y), at(wide, x, y))
			}
			if at(c, x, y).R < 128 {
				ink++
			}
		}
	}
	if ink < 10 {
		t.Fatalf("the clipped label drew %d dark pixels", ink)
	}
	if c.Label("daleko", Pt{160, 30}, 12, black, white, 0) {
		t.Fatal("label wholly off the image accepted")
	}
	c.Release()
	if c = NewCanvas(100, 60, white); c.LabelsCross {
		t.Fatal("a recycled canvas keeps LabelsCross")
	}
}

func TestPaletted(t *testing.T) {
	// Few colours: lossless.
	c := NewCanvas(64, 64, white)
	p := c.Pass()
	p.Line([]Pt{{0, 0}, {64, 40}}, false, 2, nil)
	p.Paint(black)
	pal := c.Paletted()
	for y := range 64 {
		for x := range 64 {
			if color.NRGBAModel.Convert(pal.At(x, y)) != at(c, x, y) {
				t.Fatalf("pixel %d,%d changed", x, y)
			}
		}
	}
	// Noise (4096 colours): at most 256 entries, each pixel close to its colour.
	rng := rand.New(rand.NewSource(1))
	c = NewCanvas(64, 64, white)
	for i := 0; i < len(c.Img.Pix); i += 4 {
		c.Img.Pix[i], c.Img.Pix[i+1], c.Img.Pix[i+2] = uint8(rng.Intn(16)*17), uint8(rng.Intn(16)*17), uint8(rng.Intn(16)*17)
	}
	pal = c.Paletted()
	if len(pal.Palette) > 256 {
		t.Fatalf("%d palette entries", len(pal.Palette))
	}
	var buf bytes.Buffer
	if err := c.PNG8(&buf); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := img.(*image.Paletted); !ok {
		t.Fatalf("PNG8 decoded as %T", img)
	}
	worst := 0
	for y := range 64 {
		for x := range 64 {
			a, b := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA), at(c, x, y)
			d := absd(a.R, b.R) + absd(a.G, b.G) + absd(a.B, b.B)
			worst = max(worst, d)
		}
	}
	if worst > 120 {
		t.Fatalf("worst colour error %d", worst)
	}
}

func absd(a, b uint8) int {
	if a > b {
		return int(a - b)
	}
	return int(b - a)
}

func BenchmarkPaint(b *testing.B) {
	rng := rand.New(rand.NewSource(1))
	var lines [][]Pt
	for range 2000 {
		x, y := rng.Float32()*512, rng.Float32()*512
		lines = append(lines, []Pt{{x, y}, {x + 20, y}, {x + 20, y + 15}, {x, y + 15}})
	}
	pool := NewPool(32 << 20) // as the WMS draws: canvases come back for reuse
	b.ReportAllocs()
	for b.Loop() {
		c := pool.Canvas(512, 512, white)
		p := c.Pass()
		for _, l := range lines {
			p.Line(l, true, 1, nil)
		}
		p.Paint(black)
		var buf bytes.Buffer
		c.PNG8(&buf)
		c.Release()
	}
}

// A dashed line that starts far off the image keeps its pattern's phase on it.
func TestDashPhaseOffImage(t *testing.T) {
	c := NewCanvas(100, 10, white)
	p := c.Pass()
	p.Line([]Pt{{-1000, 5.5}, {-200, 5.5}, {1100, 5.5}}, false, 1, []float32{10, 5})
	p.Paint(black)
	for x := range 100 {
		ph := (x + 1000) % 15 // the pixel covers [ph, ph+1) of the pattern
		if ph == 9 || ph == 14 {
			continue // straddles an on/off boundary
		}
		want := ph < 10
		if got := at(c, x, 5) == black; got != want {
			t.Errorf("x=%d (phase %d): black %v, want %v (%v)", x, ph, got, want, at(c, x, 5))
		}
	}
}

// TestPNGLossless: a canvas of few colours (transparent, anti-aliased) is
// written paletted, one of many as 32-bit; both decode to the canvas's
// pixels exactly, as PNG32 does.
func TestPNGLossless(t *testing.T) {
	few := NewCanvas(64, 64, color.NRGBA{})
	p := few.Pass()
	p.Line([]Pt{{3, 5}, {60, 50}, {10, 60}}, false, 1.5, nil)
	p.Paint(black)
	many := NewCanvas(64, 64, color.NRGBA{})
	for i := range 300 {
		p := many.Pass()
		x := float32(i % 60)
		p.Ring([]Pt{{x, float32(i / 60 * 10)}, {x + 3, float32(i/60*10) + 1}, {x + 1, float32(i/60*10) + 9}}, false)
		p.Paint(color.NRGBA{uint8(i), uint8(i * 7), uint8(i * 13), uint8(100 + i%150)})
	}
	for name, c := range map[string]*Canvas{"few": few, "many": many} {
		var lossless, full bytes.Buffer
		if err := c.PNGLossless(&lossless); err != nil {
			t.Fatal(err)
		}
		c.PNG32(&full)
		a, err := png.Decode(bytes.NewReader(lossless.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := png.Decode(bytes.NewReader(full.Bytes()))
		_, paletted := a.(*image.Paletted)
		if paletted != (name == "few") {
			t.Errorf("%s: paletted %v", name, paletted)
		}
		for y := range 64 {
			for x := range 64 {
				if ca, cb := color.NRGBAModel.Convert(a.At(x, y)), color.NRGBAModel.Convert(b.At(x, y)); ca != cb {
					t.Fatalf("%s: pixel %d,%d %v, 32-bit %v", name, x, y, ca, cb)
				}
			}
		}
		if name == "few" && lossless.Len() >= full.Len() {
			t.Errorf("paletted %d bytes, 32-bit %d", lossless.Len(), full.Len())
		}
	}
}
