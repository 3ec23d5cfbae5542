package render

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"sync"

	"github.com/klauspost/compress/zlib"
)

// The paletted PNG writer: PNG 1.2 with one IDAT, rows unfiltered (paletted
// images compress best that way, as libpng advises), deflated by klauspost's
// level-1 compressor, several times faster than compress/flate's BestSpeed.

var zPool = sync.Pool{New: func() any {
	w, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	return w
}}

func chunk(w *bytes.Buffer, typ string, data []byte) {
	var hdr [8]byte
	binary.BigEndian.PutUint32(hdr[:4], uint32(len(data)))
	copy(hdr[4:], typ)
	w.Write(hdr[:])
	w.Write(data)
	crc := crc32.NewIEEE()
	crc.Write(hdr[4:])
	crc.Write(data)
	var c [4]byte
	binary.BigEndian.PutUint32(c[:], crc.Sum32())
	w.Write(c[:])
}

// writePaletted encodes p as an 8-bit paletted PNG. Palette entries are
// premultiplied colours (color.RGBA) and are un-premultiplied here.
func writePaletted(w *bytes.Buffer, p *image.Paletted) error {
	b := p.Rect
	width, height := b.Dx(), b.Dy()
	w.WriteString("\x89PNG\r\n\x1a\n")
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(width))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(height))
	ihdr[8], ihdr[9] = 8, 3 // 8-bit, paletted
	chunk(w, "IHDR", ihdr[:])
	plte := make([]byte, 0, 3*len(p.Palette))
	trns := make([]byte, 0, len(p.Palette))
	lastOpaque := -1
	for i, c := range p.Palette {
		r, g, bb, a := c.RGBA()
		if a == 0 {
			plte = append(plte, 0, 0, 0)
		} else {
			plte = append(plte, uint8(r*0xffff/a>>8), uint8(g*0xffff/a>>8), uint8(bb*0xffff/a>>8))
		}
		trns = append(trns, uint8(a>>8))
		if a != 0xffff {
			lastOpaque = i
		}
	}
	chunk(w, "PLTE", plte)
	if lastOpaque >= 0 {
		chunk(w, "tRNS", trns[:lastOpaque+1])
	}
	var idat bytes.Buffer
	idat.Grow(width*height/4 + 1024)
	z := zPool.Get().(*zlib.Writer)
	z.Reset(&idat)
	row := make([]byte, 1+width) // filter byte 0 + pixels
	for y := range height {
		off := (y)*p.Stride + 0
		copy(row[1:], p.Pix[off:off+width])
		if _, err := z.Write(row); err != nil {
			return err
		}
	}
	if err := z.Close(); err != nil {
		return err
	}
	zPool.Put(z)
	chunk(w, "IDAT", idat.Bytes())
	chunk(w, "IEND", nil)
	return nil
}
