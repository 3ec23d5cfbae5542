package render

import (
	"image/color"
	"testing"
)

// A pool reuses a released canvas of the same size, cleared to the new
// background, keeps at most its byte bound (dropping the least recently
// released), and never keeps a canvas larger than the bound.
func TestPool(t *testing.T) {
	white, clear := color.NRGBA{255, 255, 255, 255}, color.NRGBA{}
	size := func(w, h int) int64 { return int64(w*h) * 9 } // image, mask, rasteriser
	p := NewPool(size(100, 100) + size(50, 50))

	c := p.Canvas(100, 100, white)
	ink(c)
	c.Release()
	if got := p.Held(); got != size(100, 100) {
		t.Fatalf("held %d after one release, want %d", got, size(100, 100))
	}
	again := p.Canvas(100, 100, clear)
	if again != c {
		t.Fatal("the released canvas of the same size was not reused")
	}
	for i, v := range again.Img.Pix {
		if v != 0 {
			t.Fatalf("reused canvas not cleared: byte %d is %d", i, v)
		}
	}
	if p.Held() != 0 {
		t.Errorf("held %d while the canvas is in use", p.Held())
	}
	again.Release()

	small := p.Canvas(50, 50, white)
	ink(small)
	small.Release()
	if got := p.Held(); got != size(100, 100)+size(50, 50) {
		t.Fatalf("held %d, want both canvases", got)
	}
	// A third one pushes out the least recently released (the 100×100).
	other := p.Canvas(60, 60, white)
	ink(other)
	other.Release()
	if got := p.Held(); got != size(50, 50)+size(60, 60) {
		t.Fatalf("held %d, want the two most recent", got)
	}
	if p.Canvas(100, 100, white) == c {
		t.Error("an evicted canvas came back")
	}
	// Larger than the whole pool: not kept.
	big := p.Canvas(200, 200, white)
	ink(big)
	big.Release()
	if got := p.Held(); got != size(50, 50)+size(60, 60) {
		t.Errorf("held %d after releasing a canvas larger than the pool", got)
	}
	// NewCanvas pools nothing.
	NewCanvas(10, 10, white).Release()
}

// MapBytes covers what a render of that size allocates: the canvas's own
// buffers and the paletted copy of PNG8.
func TestMapBytes(t *testing.T) {
	c := NewCanvas(512, 512, color.NRGBA{255, 255, 255, 255})
	ink(c)
	if est, have := MapBytes(512, 512), c.bytes()+512*512; est < have {
		t.Errorf("MapBytes %d < the canvas's %d bytes", est, have)
	}
}

// ink draws a triangle: the canvas gets its coverage mask and rasteriser.
func ink(c *Canvas) {
	p := c.Pass()
	p.Ring([]Pt{{1, 1}, {9, 1}, {9, 9}}, false)
	p.Paint(color.NRGBA{255, 0, 0, 255})
}
