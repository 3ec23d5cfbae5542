package pmtiles

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestDirRoundTrip(t *testing.T) {
	es := []Entry{{TileID: 0, Offset: 0, Length: 10, RunLength: 1}, {TileID: 1, Offset: 10, Length: 5, RunLength: 3}, {TileID: 9, Offset: 0, Length: 10, RunLength: 1}}
	got, err := DecodeDir(encodeDir(es))
	if err != nil || len(got) != 3 {
		t.Fatal(got, err)
	}
	for i := range es {
		if got[i] != es[i] {
			t.Errorf("entry %d: %+v want %+v", i, got[i], es[i])
		}
	}
}

func TestWriteReadDedup(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.pmtiles")
	f, _ := os.Create(p)
	same := []byte("same tile")
	ts := []Tile{{TileID(3, 1, 1), same}, {TileID(3, 1, 2), same}, {TileID(3, 2, 2), []byte("other")}, {TileID(0, 0, 0), same}}
	if err := Write(f, ts, Header{TileType: TileTypeMVT, MinZoom: 0, MaxZoom: 3}, []byte(`{"a":1}`)); err != nil {
		t.Fatal(err)
	}
	f.Close()
	r, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if r.H.TileContents != 2 || r.H.AddressedTiles != 4 || !r.H.Clustered || string(r.Metadata()) != `{"a":1}` {
		t.Errorf("header %+v meta %s", r.H, r.Metadata())
	}
	for _, c := range []struct {
		z    uint8
		x, y uint32
		want string
	}{{3, 1, 1, "same tile"}, {3, 1, 2, "same tile"}, {3, 2, 2, "other"}, {0, 0, 0, "same tile"}, {3, 0, 0, ""}} {
		b, err := r.Tile(c.z, c.x, c.y)
		if err != nil || string(b) != c.want {
			t.Errorf("%d/%d/%d: %q %v", c.z, c.x, c.y, b, err)
		}
	}
}

// TestHeaderCodes: the compression and tile type stand at the spec's offsets
// (97 internal compression, 98 tile compression, 99 tile type) with the spec's
// codes, and read back as the same constants.
func TestHeaderCodes(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, []Tile{{TileID(0, 0, 0), []byte("png bytes")}}, Header{TileType: TileTypePNG, TileCompression: CompressionNone}, []byte(`{}`)); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	if b[97] != 2 || b[98] != 1 || b[99] != 2 {
		t.Fatalf("header bytes 97..99 = %v, want [2 1 2] (gzip, none, png)", b[97:100])
	}
	h, err := ParseHeader(b)
	if err != nil {
		t.Fatal(err)
	}
	if h.InternalCompression != CompressionGzip || h.TileCompression != CompressionNone || h.TileType != TileTypePNG {
		t.Errorf("parsed %v %v %v", h.InternalCompression, h.TileCompression, h.TileType)
	}
	if got := fmt.Sprint(h.InternalCompression, h.TileCompression, h.TileType, TileType(9)); got != "gzip none png tile type 9" {
		t.Errorf("names %q", got)
	}
}

func FuzzDecodeDir(f *testing.F) {
	f.Add(encodeDir([]Entry{{TileID: 0, Offset: 0, Length: 10, RunLength: 1}, {TileID: 5, Offset: 10, Length: 3, RunLength: 0}}))
	f.Add(gz([]byte{1, 0, 1, 1, 1}))
	f.Fuzz(func(t *testing.T, b []byte) {
		es, err := DecodeDir(b)
		if err != nil {
			return
		}
		// Entries that decode re-encode to entries that decode the same.
		back, err := DecodeDir(encodeDir(es))
		if err != nil || len(back) != len(es) {
			t.Fatalf("re-encode: %v", err)
		}
	})
}

func FuzzOpen(f *testing.F) {
	var buf bytes.Buffer
	Write(&buf, []Tile{{TileID(1, 0, 0), []byte("t")}}, Header{TileType: TileTypeMVT, MaxZoom: 1}, []byte(`{}`))
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			return
		}
		for z := uint8(0); z < 3; z++ {
			r.Tile(z, 0, 0)
		}
		if r.H.AddressedTiles < 1<<20 {
			r.All(func(uint64, []byte) error { return nil })
		}
	})
}
