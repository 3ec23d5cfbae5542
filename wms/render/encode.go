package render

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"sort"
	"sync"
)

var pngEnc = &png.Encoder{CompressionLevel: png.BestSpeed, BufferPool: &bufPool{}}

type bufPool struct{ p sync.Pool }

func (b *bufPool) Get() *png.EncoderBuffer {
	if v, ok := b.p.Get().(*png.EncoderBuffer); ok {
		return v
	}
	return nil
}
func (b *bufPool) Put(e *png.EncoderBuffer) { b.p.Put(e) }

// PNG32 encodes the canvas as a 32-bit RGBA PNG (keeps partial transparency).
func (c *Canvas) PNG32(w *bytes.Buffer) error {
	return pngEnc.Encode(w, c.Img)
}

// PNGLossless encodes the canvas as an 8-bit paletted PNG when it has at
// most 256 colours, else as a 32-bit one: the same pixels either way, about
// half the bytes for the usual map of few style colours.
func (c *Canvas) PNGLossless(w *bytes.Buffer) error {
	if p := c.exactPaletted(); p != nil {
		return writePaletted(w, p)
	}
	return c.PNG32(w)
}

// PNG8 encodes the canvas as an 8-bit paletted PNG. Colours are binned on a
// 4-4-4-3 bit RGBA grid (5-5-5 RGB when opaque); the 256 most used bins become
// the palette (their mean colour) and every bin maps to its nearest entry.
func (c *Canvas) PNG8(w *bytes.Buffer) error {
	return writePaletted(w, c.Paletted())
}

type bin struct {
	n          uint32
	r, g, b, a uint32
	// first is the first exact colour seen in the bin and same the number of
	// pixels equal to it: a bin dominated by one colour (the background, a
	// fill) keeps it exactly instead of the bin's mean.
	first uint32
	same  uint32
}

// exactTable maps up to 256 exact colours to palette indices (open addressing).
type exactTable struct {
	keys [4096]uint32
	idx  [4096]int16
}

var exactPool = sync.Pool{New: func() any { return new(exactTable) }}

// exactPaletted builds a lossless palette when the canvas has at most 256
// distinct colours (the usual case: few style colours, 16 coverage levels).
func (c *Canvas) exactPaletted() *image.Paletted {
	t := exactPool.Get().(*exactTable)
	defer exactPool.Put(t)
	for i := range t.idx {
		t.idx[i] = -1
	}
	pix := c.Img.Pix
	out := image.NewPaletted(c.Img.Rect, make(color.Palette, 0, 256))
	prev, prevIdx := uint32(0), int16(-1)
	for i, j := 0, 0; i < len(pix); i, j = i+4, j+1 {
		v := uint32(pix[i])<<24 | uint32(pix[i+1])<<16 | uint32(pix[i+2])<<8 | uint32(pix[i+3])
		if v != prev || prevIdx < 0 {
			h := (v * 2654435761) >> 20 // 12 bits
			for {
				if t.idx[h] < 0 {
					if len(out.Palette) == 256 {
						return nil
					}
					t.keys[h], t.idx[h] = v, int16(len(out.Palette))
					out.Palette = append(out.Palette, color.RGBA{pix[i], pix[i+1], pix[i+2], pix[i+3]})
					break
				}
				if t.keys[h] == v {
					break
				}
				h = (h + 1) & 4095
			}
			prev, prevIdx = v, t.idx[h]
		}
		out.Pix[j] = uint8(prevIdx)
	}
	return out
}

// Paletted quantises the canvas to at most 256 colours: exactly when it has
// no more, else by binning.
func (c *Canvas) Paletted() *image.Paletted {
	if p := c.exactPaletted(); p != nil {
		return p
	}
	pix := c.Img.Pix
	opaque := true
	for i := 3; i < len(pix); i += 4 {
		if pix[i] != 255 {
			opaque = false
			break
		}
	}
	key := func(p []byte) uint32 {
		if opaque {
			return uint32(p[0]>>3)<<10 | uint32(p[1]>>3)<<5 | uint32(p[2]>>3)
		}
		if p[3] == 0 {
			return 0
		}
		return uint32(p[0]>>4)<<11 | uint32(p[1]>>4)<<7 | uint32(p[2]>>4)<<3 | uint32(p[3]>>5)
	}
	bins := make([]bin, 1<<15)
	used := 0
	for i := 0; i < len(pix); i += 4 {
		p := pix[i : i+4 : i+4]
		b := &bins[key(p)]
		exact := uint32(p[0])<<24 | uint32(p[1])<<16 | uint32(p[2])<<8 | uint32(p[3])
		if b.n == 0 {
			used++
			b.first = exact
		}
		if exact == b.first {
			b.same++
		}
		b.n++
		b.r += uint32(p[0])
		b.g += uint32(p[1])
		b.b += uint32(p[2])
		b.a += uint32(p[3])
	}
	type entry struct {
		k uint32
		n uint32
	}
	ents := make([]entry, 0, used)
	for k := range bins {
		if bins[k].n > 0 {
			ents = append(ents, entry{uint32(k), bins[k].n})
		}
	}
	sort.Slice(ents, func(i, j int) bool {
		if ents[i].n != ents[j].n {
			return ents[i].n > ents[j].n
		}
		return ents[i].k < ents[j].k
	})
	if len(ents) > 256 {
		ents = ents[:256]
	}
	pal := make(color.Palette, len(ents))
	prgba := make([][4]int32, len(ents))
	for i, e := range ents {
		b := bins[e.k]
		r, g, bb, a := b.r/b.n, b.g/b.n, b.b/b.n, b.a/b.n
		if 2*b.same >= b.n {
			r, g, bb, a = b.first>>24, b.first>>16&0xff, b.first>>8&0xff, b.first&0xff
		}
		// Image pixels are premultiplied; the palette is too (color.RGBA).
		pal[i] = color.RGBA{uint8(r), uint8(g), uint8(bb), uint8(a)}
		prgba[i] = [4]int32{int32(r), int32(g), int32(bb), int32(a)}
	}
	// Map every used bin to a palette index: itself if kept, else the nearest
	// kept colour (measured from the bin's mean).
	lut := make([]int16, 1<<15)
	for i := range lut {
		lut[i] = -1
	}
	for i, e := range ents {
		lut[e.k] = int16(i)
	}
	out := image.NewPaletted(c.Img.Rect, pal)
	for i, j := 0, 0; i < len(pix); i, j = i+4, j+1 {
		k := key(pix[i : i+4 : i+4])
		idx := lut[k]
		if idx < 0 {
			b := bins[k]
			r, g, bb, a := int32(b.r/b.n), int32(b.g/b.n), int32(b.b/b.n), int32(b.a/b.n)
			best, bd := 0, int32(1<<30)
			for pi, q := range prgba {
				dr, dg, db, da := r-q[0], g-q[1], bb-q[2], a-q[3]
				d := dr*dr + dg*dg + db*db + da*da
				if d < bd {
					best, bd = pi, d
				}
			}
			idx = int16(best)
			lut[k] = idx
		}
		out.Pix[j] = uint8(idx)
	}
	return out
}

// JPEG encodes the canvas as a JPEG (transparency is lost: composite over a
// background first).
func (c *Canvas) JPEG(w *bytes.Buffer, quality int) error {
	return jpeg.Encode(w, c.Img, &jpeg.Options{Quality: quality})
}
