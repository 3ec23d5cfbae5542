package render

import (
	"image"
	"image/color"
	"math"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// The label font: Go Regular covers Latin Extended-A (ą ć ę ł ń ó ś ź ż).
var goFont = func() *opentype.Font {
	f, err := opentype.Parse(goregular.TTF)
	if err != nil {
		panic(err)
	}
	return f
}()

// glyph is a rasterised glyph and its halo, cached per size and rune.
type glyph struct {
	mask, halo *image.Alpha // halo is mask dilated by the halo radius
	off        image.Point  // top-left of mask relative to the pen on the baseline
	advance    float32
}

type fontKey struct {
	size float32
	r    rune
}

// The faces and rasterised glyphs are kept for the process, not per server:
// they are immutable data derived from the embedded font alone (nothing of a
// dataset or a configuration's revision), so servers sharing them share no
// state, and they stay bounded: sizes come from the styles (and legend sizes
// below them), runes map to the font's own glyphs (all the runes it lacks to
// one .notdef entry), a few hundred per size.
var (
	glyphMu    sync.RWMutex
	glyphCache = map[fontKey]*glyph{}
	faceMu     sync.Mutex
	faces      = map[float32]font.Face{}
)

const haloRadius = 1

// notdef is the key of the glyph of the runes the font lacks.
const notdef rune = -1

func cachedGlyph(k fontKey) *glyph {
	glyphMu.RLock()
	defer glyphMu.RUnlock()
	return glyphCache[k]
}

// hasGlyph tells whether the font maps r to a glyph of its own.
func hasGlyph(r rune) bool {
	i, err := goFont.GlyphIndex(&sfnt.Buffer{}, r)
	return err == nil && i != 0
}

func faceFor(size float32) font.Face {
	faceMu.Lock()
	defer faceMu.Unlock()
	if f, ok := faces[size]; ok {
		return f
	}
	f, err := opentype.NewFace(goFont, &opentype.FaceOptions{Size: float64(size), DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		panic(err)
	}
	faces[size] = f
	return f
}

func getGlyph(size float32, r rune) *glyph {
	k := fontKey{size, r}
	if g := cachedGlyph(k); g != nil {
		return g
	}
	if !hasGlyph(r) {
		// Every rune the font lacks draws its one .notdef glyph: one entry
		// for them all, so text a client sends (an INIMAGE exception quotes
		// its parameters) cannot grow the cache past the font's glyphs.
		k.r = notdef
		if g := cachedGlyph(k); g != nil {
			return g
		}
	}
	face := faceFor(size)
	faceMu.Lock() // opentype faces reuse an internal buffer
	dr, mask, mp, adv, ok := face.Glyph(fixed.Point26_6{}, r)
	g := &glyph{advance: float32(adv) / 64}
	if ok && !dr.Empty() {
		// Copy the mask (it belongs to the face) with room for the halo.
		w, h := dr.Dx(), dr.Dy()
		m := image.NewAlpha(image.Rect(0, 0, w+2*haloRadius, h+2*haloRadius))
		for y := range h {
			for x := range w {
				_, _, _, a := mask.At(mp.X+x, mp.Y+y).RGBA()
				m.Pix[(y+haloRadius)*m.Stride+x+haloRadius] = uint8(a >> 8)
			}
		}
		halo := image.NewAlpha(m.Rect)
		for y := range m.Rect.Dy() {
			for x := range m.Rect.Dx() {
				var best uint8
				for dy := -haloRadius; dy <= haloRadius; dy++ {
					for dx := -haloRadius; dx <= haloRadius; dx++ {
						xx, yy := x+dx, y+dy
						if xx < 0 || yy < 0 || xx >= m.Rect.Dx() || yy >= m.Rect.Dy() {
							continue
						}
						best = max(best, m.Pix[yy*m.Stride+xx])
					}
				}
				halo.Pix[y*halo.Stride+x] = best
			}
		}
		g.mask, g.halo = m, halo
		g.off = image.Point{dr.Min.X - haloRadius, dr.Min.Y - haloRadius}
	}
	faceMu.Unlock()
	glyphMu.Lock()
	glyphCache[k] = g
	glyphMu.Unlock()
	return g
}

// TextSize measures a label: its advance width and the font's ascent and descent.
func TextSize(s string, size float32) (w, ascent, descent float32) {
	for _, r := range s {
		w += getGlyph(size, r).advance
	}
	m := faceFor(size).Metrics()
	return w, float32(m.Ascent) / 64, float32(m.Descent) / 64
}

// Label draws s centred on c with a halo, unless it would collide with a label
// already placed or fall off the image (or, with LabelsCross, lie wholly
// outside it); it reports whether it was drawn.
// maxWidth > 0 refuses labels wider than that (a label wider than its parcel).
func (c *Canvas) Label(s string, at Pt, size float32, col, halo color.NRGBA, maxWidth float32) bool {
	if s == "" {
		return false
	}
	w, asc, desc := TextSize(s, size)
	if maxWidth > 0 && w > maxWidth {
		return false
	}
	x0 := at.X - w/2
	base := at.Y + (asc-desc)/2
	box := image.Rect(int(math.Floor(float64(x0)))-haloRadius, int(math.Floor(float64(base-asc)))-haloRadius,
		int(math.Ceil(float64(x0+w)))+haloRadius, int(math.Ceil(float64(base+desc)))+haloRadius)
	if c.LabelsCross {
		if !box.Overlaps(c.Img.Rect) {
			return false
		}
	} else if !box.In(c.Img.Rect) {
		return false
	}
	for _, p := range c.placed {
		if p.Overlaps(box) {
			return false
		}
	}
	c.placed = append(c.placed, box)
	pen := x0
	type drawn struct {
		g *glyph
		p image.Point
	}
	var glyphs [32]drawn
	gs := glyphs[:0]
	for _, r := range s {
		g := getGlyph(size, r)
		if g.mask != nil {
			gs = append(gs, drawn{g, image.Point{int(math.Round(float64(pen))) + g.off.X, int(math.Round(float64(base))) + g.off.Y}})
		}
		pen += g.advance
	}
	if halo.A != 0 {
		for _, d := range gs {
			c.blendMask(d.g.halo, d.p, halo)
		}
	}
	for _, d := range gs {
		c.blendMask(d.g.mask, d.p, col)
	}
	return true
}

// blendMask paints col through an alpha mask placed with its top-left at p.
func (c *Canvas) blendMask(m *image.Alpha, p image.Point, col color.NRGBA) {
	r := m.Rect.Add(p).Intersect(c.Img.Rect)
	img := c.Img
	ca := uint32(col.A)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		mi := (y-p.Y)*m.Stride + (r.Min.X - p.X)
		di := img.PixOffset(r.Min.X, y)
		for x := r.Min.X; x < r.Max.X; x, mi, di = x+1, mi+1, di+4 {
			a := (uint32(m.Pix[mi]) + 8) / 17 * 17 * ca / 255 // 16 levels, as in composite
			if a == 0 {
				continue
			}
			ia := 255 - a
			px := img.Pix[di : di+4 : di+4]
			px[0] = uint8((uint32(col.R)*a + uint32(px[0])*ia) / 255)
			px[1] = uint8((uint32(col.G)*a + uint32(px[1])*ia) / 255)
			px[2] = uint8((uint32(col.B)*a + uint32(px[2])*ia) / 255)
			px[3] = uint8(a + uint32(px[3])*ia/255)
		}
	}
}
