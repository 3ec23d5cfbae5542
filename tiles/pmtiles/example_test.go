package pmtiles_test

import (
	"bytes"
	"fmt"

	"github.com/sip-core/sip/tiles/pmtiles"
)

// An archive of three tiles, two of them the same bytes (stored once), written
// to memory and read back.
func Example() {
	tiles := []pmtiles.Tile{
		{ID: pmtiles.TileID(0, 0, 0), Data: []byte("world")},
		{ID: pmtiles.TileID(1, 1, 0), Data: []byte("sea")},
		{ID: pmtiles.TileID(1, 0, 1), Data: []byte("sea")},
	}
	var buf bytes.Buffer
	h := pmtiles.Header{TileType: pmtiles.TileTypeMVT, TileCompression: pmtiles.CompressionNone, MinZoom: 0, MaxZoom: 1}
	if err := pmtiles.Write(&buf, tiles, h, []byte(`{"name":"demo"}`)); err != nil {
		panic(err)
	}

	r, err := pmtiles.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		panic(err)
	}
	fmt.Println(r.H.TileType, r.H.TileCompression, r.H.InternalCompression, r.H.AddressedTiles, r.H.TileContents, string(r.Metadata()))
	for _, zxy := range [][3]uint32{{0, 0, 0}, {1, 0, 1}, {1, 1, 1}} {
		b, _ := r.Tile(uint8(zxy[0]), zxy[1], zxy[2])
		fmt.Printf("%d/%d/%d %q\n", zxy[0], zxy[1], zxy[2], b)
	}
	// Output:
	// mvt none gzip 3 2 {"name":"demo"}
	// 0/0/0 "world"
	// 1/0/1 "sea"
	// 1/1/1 ""
}

// Tile ids run along a Hilbert curve, zoom by zoom (the spec's own examples:
// 1/0/0 is 1, 1/1/0 is 4, 2/0/0 is 5).
func ExampleTileID() {
	for _, zxy := range [][3]uint32{{0, 0, 0}, {1, 0, 0}, {1, 0, 1}, {1, 1, 1}, {1, 1, 0}, {2, 0, 0}} {
		id := pmtiles.TileID(uint8(zxy[0]), zxy[1], zxy[2])
		z, x, y := pmtiles.IDToZXY(id)
		fmt.Println(zxy, id, z, x, y)
	}
	// Output:
	// [0 0 0] 0 0 0 0
	// [1 0 0] 1 1 0 0
	// [1 0 1] 2 1 0 1
	// [1 1 1] 3 1 1 1
	// [1 1 0] 4 1 1 0
	// [2 0 0] 5 2 0 0
}
