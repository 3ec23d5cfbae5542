package render

import (
	"image"
	"image/color"
	"sync"
)

// Pool keeps released canvases for reuse, up to a number of bytes (their
// images, coverage masks and rasterisers); the least recently released go
// first, and a canvas larger than the whole pool is never kept. Maps come in
// a few sizes, so a small pool spares most renders allocating and clearing
// their buffers, while what a burst of large maps allocated goes back to the
// garbage collector instead of staying pooled. A nil *Pool keeps nothing.
type Pool struct {
	mu   sync.Mutex
	max  int64
	held int64
	free []*Canvas // oldest first
}

// NewPool makes a pool holding at most maxBytes of idle canvases.
func NewPool(maxBytes int64) *Pool { return &Pool{max: maxBytes} }

// Held is the memory of the idle canvases the pool holds.
func (p *Pool) Held() int64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.held
}

// Canvas makes a W×H canvas filled with bg, reusing an idle one of that size
// when the pool holds one. Release gives it back.
func (p *Pool) Canvas(w, h int, bg color.NRGBA) *Canvas {
	if c := p.get(w, h); c != nil {
		c.placed = c.placed[:0]
		c.LabelsCross = false
		fill(c.Img, bg)
		return c
	}
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	fill(img, bg)
	return &Canvas{Img: img, W: w, H: h, pool: p}
}

func (p *Pool) get(w, h int) *Canvas {
	if p == nil {
		return nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	for i := len(p.free) - 1; i >= 0; i-- {
		if c := p.free[i]; c.W == w && c.H == h {
			p.free = append(p.free[:i], p.free[i+1:]...)
			p.held -= c.bytes()
			return c
		}
	}
	return nil
}

func (p *Pool) put(c *Canvas) {
	if p == nil || c.zBusy {
		return
	}
	n := c.bytes()
	if n > p.max {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	for p.held+n > p.max && len(p.free) > 0 {
		p.held -= p.free[0].bytes()
		p.free[0] = nil
		p.free = p.free[1:]
	}
	p.free = append(p.free, c)
	p.held += n
}

// bytes is the memory of the canvas's buffers.
func (c *Canvas) bytes() int64 {
	n := int64(len(c.Img.Pix))
	if c.mask != nil {
		n += int64(len(c.mask.Pix))
	}
	if c.z != nil {
		n += 4 * int64(c.W) * int64(c.H) // one 32-bit accumulator a pixel
	}
	return n
}

// MapBytes estimates the memory a W×H map holds while it is drawn and
// encoded: the canvas's image, coverage mask and rasteriser (9 bytes a
// pixel), the paletted copy of an 8-bit PNG (1) and the encoded image's
// growing buffer (2), plus the encoders' own buffers. Admission control
// (server.Admit) reserves it before a render starts.
func MapBytes(w, h int) int64 { return int64(w)*int64(h)*12 + 1<<20 }
