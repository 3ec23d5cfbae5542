package open311

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

func TestReencodeStripsMetadataAndKeepsOrientation(t *testing.T) {
	src := ExifJPEG(t, 400, 300, 6) // stored landscape, shown rotated 90° clockwise
	if exifOrientation(src) != 6 {
		t.Fatalf("the test image's orientation reads %d", exifOrientation(src))
	}
	m, err := reencode(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{"Exif", "SN-SECRET-4711", "II*"} {
		if bytes.Contains(m.Bytes, []byte(secret)) {
			t.Errorf("the stored photo still holds %q", secret)
		}
	}
	if bytes.Contains(m.Bytes, []byte{0xFF, 0xE1}) {
		t.Error("the stored photo has an APP1 (EXIF/XMP) segment")
	}
	img, err := jpeg.Decode(bytes.NewReader(m.Bytes))
	if err != nil {
		t.Fatal(err)
	}
	// Upright: 300 wide, 400 high, the red half on top (rotated clockwise).
	if b := img.Bounds(); b.Dx() != 300 || b.Dy() != 400 || m.Width != 300 || m.Height != 400 {
		t.Fatalf("size %v (%d×%d)", img.Bounds(), m.Width, m.Height)
	}
	top, bottom := img.At(150, 50), img.At(150, 350)
	if r, _, b, _ := top.RGBA(); r < b {
		t.Errorf("top is not red: %v", top)
	}
	if r, _, b, _ := bottom.RGBA(); b < r {
		t.Errorf("bottom is not blue: %v", bottom)
	}
}

func TestReencodeRefusesNonImagesAndBombs(t *testing.T) {
	if _, err := reencode([]byte("%PDF-1.4 not a photo")); err == nil {
		t.Fatal("a PDF was accepted as a photo")
	}
	// A header claiming 60000×60000 pixels.
	var b bytes.Buffer
	jpeg.Encode(&b, image.NewGray(image.Rect(0, 0, 8, 8)), nil)
	bomb := b.Bytes()
	for i := 0; i+8 < len(bomb); i++ {
		if bomb[i] == 0xFF && bomb[i+1] == 0xC0 { // SOF0: height, width at +5
			binary.BigEndian.PutUint16(bomb[i+5:], 60000)
			binary.BigEndian.PutUint16(bomb[i+7:], 60000)
		}
	}
	if _, err := reencode(bomb); err == nil {
		t.Fatal("a 3.6-gigapixel header was decoded")
	}
}

func FuzzExifOrientation(f *testing.F) {
	f.Add(ExifJPEG(f, 8, 8, 6))
	f.Add([]byte{0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x10, 'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0xFF, 0xFF, 0xFF, 0xFF})
	f.Fuzz(func(t *testing.T, b []byte) {
		if o := exifOrientation(b); o < 1 || o > 8 {
			t.Fatalf("orientation %d", o)
		}
	})
}
