// Package open311test holds what the tests of resident reports share: a
// phone photo with the metadata that must not survive an upload.
package open311test

import (
	"bytes"
	"database/sql"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"testing"

	_ "github.com/mattn/go-sqlite3" // the reports database, read by StoredPhoto
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

// StoredPhoto reads the photo of a request from the reports database at
// dbPath as stored, and checks it: a JPEG of w×h pixels (the ExifJPEG turned
// upright) with none of ExifJPEG's metadata left.
func StoredPhoto(t testing.TB, dbPath, id string, w, h int) []byte {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+dbPath+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var stored []byte
	if err := db.QueryRow(`SELECT bytes FROM open311_media WHERE request_id=?`, id).Scan(&stored); err != nil {
		t.Fatalf("the photo of request %s: %v", id, err)
	}
	for _, secret := range []string{"Exif", "SN-SECRET-4711"} {
		if bytes.Contains(stored, []byte(secret)) {
			t.Errorf("the stored photo holds %q", secret)
		}
	}
	img, err := jpeg.Decode(bytes.NewReader(stored))
	if err != nil || img.Bounds().Dx() != w || img.Bounds().Dy() != h {
		t.Fatalf("stored photo: %v %v (want upright %d×%d)", img.Bounds(), err, w, h)
	}
	return stored
}
