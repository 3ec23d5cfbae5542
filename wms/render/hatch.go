package render

import (
	"encoding/binary"
	"image"
	"image/color"
	"image/draw"
	"math"
)

// Hatch is a pattern of parallel lines: Angle in degrees counter-clockwise from
// the x axis (0 horizontal lines, 90 vertical, 45 rising to the right), Spacing
// between line centres and Width of a line, both in pixels. Horizontal and
// vertical lines run through pixel centres, so a 1 px line is one crisp row.
type Hatch struct {
	Angle, Spacing, Width float32
}

// PaintHatch draws the accumulated coverage as hatch lines in col: the shapes
// of the pass clip the pattern (polygon areas shown by hatching, as on planning
// drawings). It releases the pass like Paint.
func (p *Pass) PaintHatch(col color.NRGBA, h Hatch) {
	if !p.empty && col.A != 0 && h.Spacing > 0 && h.Width > 0 {
		c := p.c
		if c.mask == nil {
			c.mask = image.NewAlpha(c.Img.Rect)
		}
		p.z.DrawOp = draw.Src
		p.z.Draw(c.mask, c.mask.Rect, image.Opaque, image.Point{})
		c.compositeHatch(col, h)
	}
	p.done()
}

// compositeHatch blends col through c.mask times the hatch pattern's coverage.
func (c *Canvas) compositeHatch(col color.NRGBA, h Hatch) {
	m := c.mask.Pix
	pix := c.Img.Pix
	w := c.W
	// The distance of pixel (x, y) along the lines' normal: lines sit where it
	// is a multiple of the spacing. Screen y grows downwards, so a positive
	// angle turns the normal the other way to rise to the right.
	rad := float64(h.Angle) * math.Pi / 180
	nx, ny := float32(-math.Sin(rad)), float32(-math.Cos(rad))
	sp, half := h.Spacing, h.Width/2+0.5
	ca := uint32(col.A)
	cr, cg, cb := uint32(col.R)*ca, uint32(col.G)*ca, uint32(col.B)*ca
	for i := 0; i < len(m); i++ {
		if m[i] == 0 {
			for i+8 <= len(m) && binary.LittleEndian.Uint64(m[i:]) == 0 {
				i += 8
			}
			if i >= len(m) || m[i] == 0 {
				continue
			}
		}
		x, y := i%w, i/w
		d := float32(x)*nx + float32(y)*ny
		t := d - sp*float32(math.Floor(float64(d/sp)))
		dist := min(t, sp-t)
		cov := half - dist
		if cov <= 0 {
			continue
		}
		cov = min(cov, 1)
		// Coverage in the same 16 levels as composite.
		a := uint32(float32(m[i])*cov+0.5) + 8
		a = a / 17 * 17
		if a == 0 {
			continue
		}
		j := 4 * i
		over(pix[j:j+4:j+4], col, cr, cg, cb, ca, a)
	}
}
