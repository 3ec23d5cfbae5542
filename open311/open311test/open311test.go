// Package open311test holds what the tests of resident reports share: a
// phone photo with the metadata that must not survive an upload.
package open311test

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"testing"
)

// ExifJPEG makes a JPEG whose EXIF block has an orientation, a GPS position
// (51°35'N 19°08'E) and a camera serial, as phones write them. The pixels are
// a w×h image whose left half is red and right half blue.
func ExifJPEG(t testing.TB, w, h int, orientation uint16) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.RGBA{220, 20, 20, 255}
			if x >= w/2 {
				c = color.RGBA{20, 20, 220, 255}
			}
			img.Set(x, y, c)
		}
	}
	var plain bytes.Buffer
	if err := jpeg.Encode(&plain, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	// TIFF, little endian: IFD0 {Orientation, GPS IFD pointer, BodySerialNumber}, GPS IFD {lat ref, lat, lon ref, lon}.
	var tf bytes.Buffer
	le := binary.LittleEndian
	w16 := func(v uint16) { binary.Write(&tf, le, v) }
	w32 := func(v uint32) { binary.Write(&tf, le, v) }
	tf.WriteString("II")
	w16(42)
	w32(8)
	const ifd0 = 8
	const gps = ifd0 + 2 + 3*12 + 4 // 50
	const serial = gps + 2 + 4*12 + 4
	const rats = serial + 16
	w16(3)
	w16(0x0112)
	w16(3)
	w32(1)
	w16(orientation)
	w16(0)
	w16(0x8825)
	w16(4)
	w32(1)
	w32(gps)
	w16(0xA431)
	w16(2)
	w32(16)
	w32(serial)
	w32(0)
	w16(4)
	w16(1)
	w16(2)
	w32(2)
	tf.WriteString("N\x00\x00\x00")
	w16(2)
	w16(5)
	w32(3)
	w32(rats)
	w16(3)
	w16(2)
	w32(2)
	tf.WriteString("E\x00\x00\x00")
	w16(4)
	w16(5)
	w32(3)
	w32(rats + 24)
	w32(0)
	tf.WriteString("SN-SECRET-4711\x00\x00")
	for _, v := range []uint32{51, 1, 35, 1, 0, 1, 19, 1, 8, 1, 0, 1} {
		w32(v)
	}
	app1 := append([]byte("Exif\x00\x00"), tf.Bytes()...)
	seg := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(seg[2:], uint16(len(app1)+2))
	b := plain.Bytes()
	out := append([]byte{0xFF, 0xD8}, seg...)
	out = append(out, app1...)
	return append(out, b[2:]...)
}
