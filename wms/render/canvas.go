// Package render draws map features into raster images for the WMS: anti-aliased
// polygon fills, strokes of any width with dashes, point symbols and labels with
// Polish diacritics and collision avoidance, and encodes the result as paletted
// or 32-bit PNG or as JPEG.
//
// Coordinates given to a Canvas are pixel coordinates: x to the right, y down,
// (0,0) the top-left corner of the top-left pixel, (W,H) the bottom-right corner
// of the bottom-right pixel.
package render

import (
	"encoding/binary"
	"image"
	"image/color"
	"image/draw"
	"math"

	"golang.org/x/image/vector"
)

// Pt is a point in pixel coordinates.
type Pt struct{ X, Y float32 }

// Canvas is an image being drawn. It is not safe for concurrent use.
type Canvas struct {
	Img  *image.RGBA
	W, H int
	// LabelsCross lets labels cross the image's edge (drawn clipped) instead
	// of dropping them: a tile drawn with a gutter of map around it, so that a
	// label across the border between two tiles is drawn in both halves.
	// NewCanvas clears it.
	LabelsCross bool
	// Labels already placed (collision boxes in pixels).
	placed []image.Rectangle
	// mask receives each pass's coverage before it is composited.
	mask *image.Alpha
	// z is the canvas's rasteriser (w×h accumulators), lent to one pass at a
	// time; zBusy while it is.
	z     *vector.Rasterizer
	zBusy bool
	pool  *Pool // where Release puts the canvas (nil: nowhere)
}

// NewCanvas makes a W×H canvas filled with bg, not pooled (see Pool).
func NewCanvas(w, h int, bg color.NRGBA) *Canvas {
	return (*Pool)(nil).Canvas(w, h, bg)
}

func fill(img *image.RGBA, bg color.NRGBA) {
	if bg.A == 0 {
		clear(img.Pix)
		return
	}
	a := uint32(bg.A)
	px := [4]uint8{uint8(uint32(bg.R) * a / 255), uint8(uint32(bg.G) * a / 255), uint8(uint32(bg.B) * a / 255), bg.A}
	p := img.Pix
	if len(p) < 4 {
		return
	}
	copy(p, px[:])
	for n := 4; n < len(p); n *= 2 {
		copy(p[n:], p[:n])
	}
}

// Release gives the canvas's buffers back to its pool for reuse (a canvas
// made by NewCanvas goes to the garbage collector); c must not be used after.
func (c *Canvas) Release() {
	c.pool.put(c)
}

// Pass accumulates the coverage of many shapes and paints them in one go, so
// that drawing a layer costs one sweep of the image however many features it
// has. Shapes of one pass that overlap are painted once (coverage is clamped).
type Pass struct {
	c     *Canvas
	z     *vector.Rasterizer
	empty bool
}

// Pass starts a pass. A canvas draws one pass at a time with its own
// rasteriser; a pass started while another is open gets a rasteriser of its
// own.
func (c *Canvas) Pass() *Pass {
	var z *vector.Rasterizer
	switch {
	case c.zBusy:
		z = vector.NewRasterizer(c.W, c.H)
	case c.z == nil:
		c.z = vector.NewRasterizer(c.W, c.H)
		z, c.zBusy = c.z, true
	default:
		c.z.Reset(c.W, c.H)
		z, c.zBusy = c.z, true
	}
	return &Pass{c: c, z: z, empty: true}
}

// done ends a pass: the canvas's rasteriser is free again.
func (p *Pass) done() {
	if p.z == p.c.z {
		p.c.zBusy = false
	}
	p.z = nil
}

// limit keeps far-away coordinates finite and small enough for float32 maths;
// the rasteriser clips what lies outside the image.
func limit(v float32) float32 {
	const m = 1 << 20
	if v > m {
		return m
	}
	if v < -m {
		return -m
	}
	if v != v { // NaN
		return 0
	}
	return v
}

func signedArea(pts []Pt) float64 {
	var a float64
	n := len(pts)
	for i := range n {
		p, q := pts[i], pts[(i+1)%n]
		a += float64(p.X)*float64(q.Y) - float64(q.X)*float64(p.Y)
	}
	return a / 2
}

// Ring adds a polygon ring to be filled. Exterior rings and holes are oriented
// here (holes opposite to exteriors), so the input winding does not matter.
func (p *Pass) Ring(pts []Pt, hole bool) {
	if len(pts) < 3 {
		return
	}
	rev := (signedArea(pts) < 0) != hole
	n := len(pts)
	at := func(i int) Pt {
		if rev {
			return pts[n-1-i]
		}
		return pts[i]
	}
	q := at(0)
	p.z.MoveTo(limit(q.X), limit(q.Y))
	for i := 1; i < n; i++ {
		q = at(i)
		p.z.LineTo(limit(q.X), limit(q.Y))
	}
	p.z.ClosePath()
	p.empty = false
}

// quad adds a segment of width 2*hw as a rectangle, always with the same
// orientation so that overlapping segments add up instead of cancelling.
func (p *Pass) quad(a, b Pt, hw float32) {
	dx, dy := b.X-a.X, b.Y-a.Y
	l := float32(math.Hypot(float64(dx), float64(dy)))
	if l == 0 || l != l {
		return
	}
	nx, ny := -dy/l*hw, dx/l*hw
	p.z.MoveTo(limit(a.X+nx), limit(a.Y+ny))
	p.z.LineTo(limit(b.X+nx), limit(b.Y+ny))
	p.z.LineTo(limit(b.X-nx), limit(b.Y-ny))
	p.z.LineTo(limit(a.X-nx), limit(a.Y-ny))
	p.z.ClosePath()
	p.empty = false
}

// joint adds a small octagon at a vertex so that wide lines have round-ish joins.
func (p *Pass) joint(c Pt, r float32) {
	p.octagon(c, r)
}

func (p *Pass) octagon(c Pt, r float32) {
	const k = 0.41421356 // tan(22.5°)
	s := r * k
	pts := [8]Pt{{c.X + r, c.Y - s}, {c.X + r, c.Y + s}, {c.X + s, c.Y + r}, {c.X - s, c.Y + r},
		{c.X - r, c.Y + s}, {c.X - r, c.Y - s}, {c.X - s, c.Y - r}, {c.X + s, c.Y - r}}
	p.z.MoveTo(limit(pts[0].X), limit(pts[0].Y))
	for _, q := range pts[1:] {
		p.z.LineTo(limit(q.X), limit(q.Y))
	}
	p.z.ClosePath()
	p.empty = false
}

// Circle adds a filled disc (an octagon: point symbols are a few pixels wide).
func (p *Pass) Circle(c Pt, r float32) {
	if r <= 0 {
		return
	}
	p.octagon(c, r)
}

// Line adds a polyline stroke of the given width in pixels, optionally dashed
// (dash: on, off, on, off… lengths in pixels). closed joins the last point to
// the first.
func (p *Pass) Line(pts []Pt, closed bool, width float32, dash []float32) {
	if len(pts) < 2 || width <= 0 {
		return
	}
	hw := width / 2
	n := len(pts)
	segs := n - 1
	if closed {
		segs = n
		if pts[0] == pts[n-1] {
			segs = n - 1
		}
	}
	if len(dash) == 0 {
		for i := range segs {
			p.quad(pts[i], pts[(i+1)%n], hw)
		}
		if width >= 2.5 {
			for i := range n {
				p.joint(pts[i], hw)
			}
		}
		return
	}
	// Dashes: walk the line, switching on and off at the pattern's lengths.
	// Only the part of a segment near the image is walked: the pattern's
	// phase skips the rest arithmetically, so a zoomed-in map costs no more
	// than what it shows.
	var period float32
	for _, d := range dash {
		period += max(d, 0)
	}
	if period <= 0 {
		p.Line(pts, closed, width, nil)
		return
	}
	di := 0
	left := dash[0]
	on := true
	m := width + 2
	lo := Pt{-m, -m}
	hi := Pt{float32(p.c.W) + m, float32(p.c.H) + m}
	for i := range segs {
		a, b := pts[i], pts[(i+1)%n]
		dx, dy := b.X-a.X, b.Y-a.Y
		l := float32(math.Hypot(float64(dx), float64(dy)))
		if l != l || l == 0 {
			continue
		}
		t0, t1, visible := clipSegment(a, b, lo, hi)
		pos := t0 * l
		if !visible {
			pos = l
		}
		// Advance the pattern over the skipped length pos.
		for skip := float32(math.Mod(float64(pos), float64(period))); skip > 0; {
			step := min(left, skip)
			skip -= step
			left -= step
			if left <= 0 {
				di = (di + 1) % len(dash)
				left = max(dash[di], 0.01)
				on = di%2 == 0
			}
		}
		end := l
		if visible {
			end = t1 * l
		}
		for pos < end {
			step := min(left, end-pos)
			if on && step > 0 {
				s, e := pos/l, (pos+step)/l
				p.quad(Pt{a.X + dx*s, a.Y + dy*s}, Pt{a.X + dx*e, a.Y + dy*e}, hw)
			}
			pos += step
			left -= step
			if left <= 0 {
				di = (di + 1) % len(dash)
				left = max(dash[di], 0.01)
				on = di%2 == 0
			}
		}
		// Keep the phase right for the next segment: the part after end.
		if rest := l - end; rest > 0 {
			for skip := float32(math.Mod(float64(rest), float64(period))); skip > 0; {
				step := min(left, skip)
				skip -= step
				left -= step
				if left <= 0 {
					di = (di + 1) % len(dash)
					left = max(dash[di], 0.01)
					on = di%2 == 0
				}
			}
		}
	}
}

// clipSegment returns the parameter range [t0, t1] of segment a→b inside the
// box lo–hi (Liang–Barsky), and whether any of it is inside.
func clipSegment(a, b, lo, hi Pt) (t0, t1 float32, ok bool) {
	t0, t1 = 0, 1
	dx, dy := b.X-a.X, b.Y-a.Y
	for _, e := range [4][2]float32{{-dx, a.X - lo.X}, {dx, hi.X - a.X}, {-dy, a.Y - lo.Y}, {dy, hi.Y - a.Y}} {
		p, q := e[0], e[1]
		if p == 0 {
			if q < 0 {
				return 0, 0, false
			}
			continue
		}
		r := q / p
		if p < 0 {
			if r > t1 {
				return 0, 0, false
			}
			t0 = max(t0, r)
		} else {
			if r < t0 {
				return 0, 0, false
			}
			t1 = min(t1, r)
		}
	}
	return t0, t1, t0 <= t1
}

// Paint draws the accumulated coverage in col (non-premultiplied) over the
// canvas and releases the pass. The coverage goes to an alpha mask first (the
// rasteriser's SIMD path), then only the covered pixels are blended: most of a
// map's pixels are untouched by any one layer.
func (p *Pass) Paint(col color.NRGBA) {
	if !p.empty && col.A != 0 {
		c := p.c
		if c.mask == nil {
			c.mask = image.NewAlpha(c.Img.Rect)
		}
		p.z.DrawOp = draw.Src
		p.z.Draw(c.mask, c.mask.Rect, image.Opaque, image.Point{})
		c.composite(col)
	}
	p.done()
}

// composite blends col through c.mask onto the image.
func (c *Canvas) composite(col color.NRGBA) {
	m := c.mask.Pix
	pix := c.Img.Pix
	ca := uint32(col.A)
	cr, cg, cb := uint32(col.R)*ca, uint32(col.G)*ca, uint32(col.B)*ca // premultiplied ×255
	for i := 0; i < len(m); i++ {
		// Skip runs of uncovered pixels eight at a time.
		if m[i] == 0 {
			for i+8 <= len(m) && binary.LittleEndian.Uint64(m[i:]) == 0 {
				i += 8
			}
			if i >= len(m) || m[i] == 0 {
				continue
			}
		}
		// Coverage in 16 levels: smooth to the eye, and few enough colours for
		// an exact 8-bit palette.
		a := uint32(m[i]+8) / 17 * 17
		if m[i] > 247 {
			a = 255
		}
		if a == 0 {
			continue
		}
		j := 4 * i
		over(pix[j:j+4:j+4], col, cr, cg, cb, ca, a)
	}
}

// over blends col at coverage a (0..255) over the pixel d; cr, cg, cb are its
// channels premultiplied by its alpha ca (×255).
func over(d []byte, col color.NRGBA, cr, cg, cb, ca, a uint32) {
	if a == 255 && ca == 255 {
		d[0], d[1], d[2], d[3] = col.R, col.G, col.B, 255
		return
	}
	// Source alpha = coverage × colour alpha, both /255.
	sa := a * ca // ×255²
	ia := 255*255 - sa
	d[0] = uint8((cr*a + uint32(d[0])*ia) / (255 * 255))
	d[1] = uint8((cg*a + uint32(d[1])*ia) / (255 * 255))
	d[2] = uint8((cb*a + uint32(d[2])*ia) / (255 * 255))
	d[3] = uint8((sa*255 + uint32(d[3])*ia) / (255 * 255))
}
