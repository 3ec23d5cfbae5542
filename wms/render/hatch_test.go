package render

import "testing"

// Horizontal hatching of a square: 1 px lines every 8 rows inside the square,
// nothing outside it; vertical hatching the same by columns; a diagonal
// hatch covers about width/spacing of the area.
func TestPaintHatch(t *testing.T) {
	sq := []Pt{{10, 10}, {60, 10}, {60, 60}, {10, 60}}
	c := NewCanvas(70, 70, white)
	p := c.Pass()
	p.Ring(sq, false)
	p.PaintHatch(red, Hatch{Angle: 0, Spacing: 8, Width: 1})
	for y := 0; y < 70; y++ {
		for x := 0; x < 70; x++ {
			want := white
			if x >= 10 && x < 60 && y >= 10 && y < 60 && y%8 == 0 {
				want = red
			}
			if got := at(c, x, y); got != want {
				t.Fatalf("horizontal hatch: pixel %d,%d is %v, want %v", x, y, got, want)
			}
		}
	}
	c.Release()

	c = NewCanvas(70, 70, white)
	p = c.Pass()
	p.Ring(sq, false)
	p.PaintHatch(black, Hatch{Angle: 90, Spacing: 5, Width: 1})
	for _, x := range []int{10, 15, 55} {
		if got := at(c, x, 30); got != black {
			t.Errorf("vertical hatch: column %d is %v", x, got)
		}
	}
	for _, x := range []int{11, 12, 13, 14, 56} {
		if got := at(c, x, 30); got != white {
			t.Errorf("vertical hatch: column %d between the lines is %v", x, got)
		}
	}
	if got := at(c, 5, 30); got != white {
		t.Errorf("vertical hatch outside the square: %v", got)
	}
	c.Release()

	c = NewCanvas(70, 70, white)
	p = c.Pass()
	p.Ring(sq, false)
	p.PaintHatch(black, Hatch{Angle: 45, Spacing: 10, Width: 2})
	var ink float64
	for y := 10; y < 60; y++ {
		for x := 10; x < 60; x++ {
			ink += float64(255-at(c, x, y).R) / 255
		}
	}
	if share := ink / 2500; share < 0.15 || share > 0.25 {
		t.Errorf("diagonal hatch inks %.3f of the square, want about 0.2", share)
	}
	// Lines rise to the right: along a rising diagonal the ink stays the same.
	if a, b := at(c, 20, 40), at(c, 30, 30); a != b {
		t.Errorf("45° hatch is not constant along a rising diagonal: %v vs %v", a, b)
	}
	if at(c, 5, 5) != white {
		t.Error("diagonal hatch outside the square")
	}
}
