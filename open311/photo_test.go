package open311

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/jpeg"
	"testing"

	"github.com/sip-core/sip/open311/open311test"
)

func TestReencodeStripsMetadataAndKeepsOrientation(t *testing.T) {
	src := open311test.ExifJPEG(t, 400, 300, 6) // stored landscape, shown rotated 90° clockwise
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
	f.Add(open311test.ExifJPEG(f, 8, 8, 6))
	f.Add([]byte{0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x10, 'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0xFF, 0xFF, 0xFF, 0xFF})
	f.Fuzz(func(t *testing.T, b []byte) {
		if o := exifOrientation(b); o < 1 || o > 8 {
			t.Fatalf("orientation %d", o)
		}
	})
}
