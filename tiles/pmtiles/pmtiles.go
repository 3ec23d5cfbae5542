// Package pmtiles writes and reads PMTiles v3 archives
// (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md): a 127-byte
// header, a gzip-compressed root directory within the first 16 KiB, JSON
// metadata, leaf directories and the tile data, clustered (tile data in tile-id
// order), identical tiles stored once.
package pmtiles

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/klauspost/compress/gzip"
)

// Compression is how the directories and metadata (the header's
// InternalCompression) or the tiles (TileCompression) of an archive are
// compressed, coded as the spec has it.
type Compression uint8

// The compressions of the spec. This package writes directories and metadata
// with gzip and reads only gzip there; tiles are stored as given.
const (
	CompressionUnknown Compression = 0
	CompressionNone    Compression = 1
	CompressionGzip    Compression = 2
	CompressionBrotli  Compression = 3
	CompressionZstd    Compression = 4
)

func (c Compression) String() string {
	switch c {
	case CompressionUnknown:
		return "unknown"
	case CompressionNone:
		return "none"
	case CompressionGzip:
		return "gzip"
	case CompressionBrotli:
		return "br"
	case CompressionZstd:
		return "zstd"
	}
	return fmt.Sprintf("compression %d", uint8(c))
}

// TileType is the format of the tiles of an archive, coded as the spec has it.
type TileType uint8

// The tile types of the spec; sip writes and serves TileTypeMVT.
const (
	TileTypeUnknown TileType = 0
	TileTypeMVT     TileType = 1
	TileTypePNG     TileType = 2
	TileTypeJPEG    TileType = 3
	TileTypeWebP    TileType = 4
	TileTypeAVIF    TileType = 5
)

func (t TileType) String() string {
	switch t {
	case TileTypeUnknown:
		return "unknown"
	case TileTypeMVT:
		return "mvt"
	case TileTypePNG:
		return "png"
	case TileTypeJPEG:
		return "jpeg"
	case TileTypeWebP:
		return "webp"
	case TileTypeAVIF:
		return "avif"
	}
	return fmt.Sprintf("tile type %d", uint8(t))
}

const (
	headerLen = 127
	maxDir    = 8 << 20
	rootMax   = 16384 - headerLen
)

// Header is the fixed header of an archive.
type Header struct {
	RootOffset, RootLength         uint64
	MetadataOffset, MetadataLength uint64
	LeafOffset, LeafLength         uint64
	DataOffset, DataLength         uint64
	AddressedTiles                 uint64
	TileEntries                    uint64
	TileContents                   uint64
	Clustered                      bool
	InternalCompression            Compression
	TileCompression                Compression
	TileType                       TileType
	MinZoom, MaxZoom               uint8
	MinLonE7, MinLatE7             int32
	MaxLonE7, MaxLatE7             int32
	CenterZoom                     uint8
	CenterLonE7, CenterLatE7       int32
}

func (h *Header) bytes() []byte {
	b := make([]byte, headerLen)
	copy(b, "PMTiles")
	b[7] = 3
	le := binary.LittleEndian
	for i, v := range []uint64{h.RootOffset, h.RootLength, h.MetadataOffset, h.MetadataLength, h.LeafOffset, h.LeafLength,
		h.DataOffset, h.DataLength, h.AddressedTiles, h.TileEntries, h.TileContents} {
		le.PutUint64(b[8+8*i:], v)
	}
	if h.Clustered {
		b[96] = 1
	}
	b[97], b[98], b[99], b[100], b[101] = uint8(h.InternalCompression), uint8(h.TileCompression), uint8(h.TileType), h.MinZoom, h.MaxZoom
	le.PutUint32(b[102:], uint32(h.MinLonE7))
	le.PutUint32(b[106:], uint32(h.MinLatE7))
	le.PutUint32(b[110:], uint32(h.MaxLonE7))
	le.PutUint32(b[114:], uint32(h.MaxLatE7))
	b[118] = h.CenterZoom
	le.PutUint32(b[119:], uint32(h.CenterLonE7))
	le.PutUint32(b[123:], uint32(h.CenterLatE7))
	return b
}

// ParseHeader reads a header.
func ParseHeader(b []byte) (*Header, error) {
	if len(b) < headerLen || string(b[:7]) != "PMTiles" {
		return nil, errors.New("pmtiles: not a PMTiles archive (bad magic)")
	}
	if b[7] != 3 {
		return nil, fmt.Errorf("pmtiles: spec version %d, only 3 is supported", b[7])
	}
	le := binary.LittleEndian
	var v [11]uint64
	for i := range v {
		v[i] = le.Uint64(b[8+8*i:])
	}
	h := &Header{RootOffset: v[0], RootLength: v[1], MetadataOffset: v[2], MetadataLength: v[3], LeafOffset: v[4], LeafLength: v[5],
		DataOffset: v[6], DataLength: v[7], AddressedTiles: v[8], TileEntries: v[9], TileContents: v[10],
		Clustered: b[96] == 1, InternalCompression: Compression(b[97]), TileCompression: Compression(b[98]), TileType: TileType(b[99]), MinZoom: b[100], MaxZoom: b[101],
		MinLonE7: int32(le.Uint32(b[102:])), MinLatE7: int32(le.Uint32(b[106:])), MaxLonE7: int32(le.Uint32(b[110:])), MaxLatE7: int32(le.Uint32(b[114:])),
		CenterZoom: b[118], CenterLonE7: int32(le.Uint32(b[119:])), CenterLatE7: int32(le.Uint32(b[123:]))}
	return h, nil
}

// TileID is the Hilbert tile id of z/x/y.
func TileID(z uint8, x, y uint32) uint64 {
	acc := (uint64(1)<<(2*z) - 1) / 3
	for s := uint32(1) << z >> 1; s > 0; s >>= 1 {
		var rx, ry uint32
		if x&s != 0 {
			rx = 1
		}
		if y&s != 0 {
			ry = 1
		}
		acc += uint64(s) * uint64(s) * uint64((3*rx)^ry)
		// rotate within the full square of side s*2 (only the low bits matter)
		if ry == 0 {
			if rx == 1 {
				x = s - 1 - (x & (s - 1))
				y = s - 1 - (y & (s - 1))
			}
			x, y = y, x
		}
		x &= s - 1
		y &= s - 1
	}
	return acc
}

// Entry is one directory entry.
type Entry struct {
	TileID    uint64
	Offset    uint64
	Length    uint32
	RunLength uint32
}

func encodeDir(es []Entry) []byte {
	var raw []byte
	raw = binary.AppendUvarint(raw, uint64(len(es)))
	var last uint64
	for _, e := range es {
		raw = binary.AppendUvarint(raw, e.TileID-last)
		last = e.TileID
	}
	for _, e := range es {
		raw = binary.AppendUvarint(raw, uint64(e.RunLength))
	}
	for _, e := range es {
		raw = binary.AppendUvarint(raw, uint64(e.Length))
	}
	for i, e := range es {
		if i > 0 && e.Offset == es[i-1].Offset+uint64(es[i-1].Length) {
			raw = binary.AppendUvarint(raw, 0)
		} else {
			raw = binary.AppendUvarint(raw, e.Offset+1)
		}
	}
	return gz(raw)
}

func gz(b []byte) []byte {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

// DecodeDir parses a gzip-compressed directory.
func DecodeDir(b []byte) ([]Entry, error) {
	r, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("pmtiles: directory: %w", err)
	}
	raw, err := io.ReadAll(io.LimitReader(r, maxDir+1))
	if err != nil {
		return nil, fmt.Errorf("pmtiles: directory: %w", err)
	}
	if len(raw) > maxDir {
		return nil, errors.New("pmtiles: directory larger than 8 MiB uncompressed")
	}
	p := raw
	next := func() (uint64, error) {
		v, n := binary.Uvarint(p)
		if n <= 0 {
			return 0, errors.New("pmtiles: truncated directory")
		}
		p = p[n:]
		return v, nil
	}
	n, err := next()
	if err != nil {
		return nil, err
	}
	if n > uint64(len(raw))/4 { // four varints of at least a byte per entry
		return nil, errors.New("pmtiles: directory entry count exceeds its size")
	}
	es := make([]Entry, n)
	var id uint64
	for i := range es {
		d, err := next()
		if err != nil {
			return nil, err
		}
		id += d
		es[i].TileID = id
	}
	for i := range es {
		v, err := next()
		if err != nil {
			return nil, err
		}
		es[i].RunLength = uint32(v)
	}
	for i := range es {
		v, err := next()
		if err != nil {
			return nil, err
		}
		es[i].Length = uint32(v)
	}
	for i := range es {
		v, err := next()
		if err != nil {
			return nil, err
		}
		if v == 0 {
			if i == 0 {
				return nil, errors.New("pmtiles: first entry with a relative offset")
			}
			es[i].Offset = es[i-1].Offset + uint64(es[i-1].Length)
		} else {
			es[i].Offset = v - 1
		}
	}
	return es, nil
}

// Tile is one tile to write.
type Tile struct {
	ID   uint64
	Data []byte
}

// Write writes an archive of tiles (any order; written clustered by tile id)
// with the given header fields (zooms, bounds, center, tile type and
// compression; the rest is computed) and JSON metadata.
func Write(w io.Writer, tiles []Tile, h Header, metadata []byte) error {
	sort.Slice(tiles, func(i, j int) bool { return tiles[i].ID < tiles[j].ID })
	// Tile data, deduplicated; consecutive ids with the same content share a run.
	var data bytes.Buffer
	seen := map[string]uint64{}
	var es []Entry
	for i, t := range tiles {
		if i > 0 && t.ID == tiles[i-1].ID {
			return fmt.Errorf("pmtiles: tile id %d written twice", t.ID)
		}
		off, ok := seen[string(t.Data)]
		if !ok {
			off = uint64(data.Len())
			seen[string(t.Data)] = off
			data.Write(t.Data)
		}
		if n := len(es); n > 0 && es[n-1].Offset == off && es[n-1].TileID+uint64(es[n-1].RunLength) == t.ID {
			es[n-1].RunLength++
			continue
		}
		es = append(es, Entry{TileID: t.ID, Offset: off, Length: uint32(len(t.Data)), RunLength: 1})
	}
	h.AddressedTiles = uint64(len(tiles))
	h.TileEntries = uint64(len(es))
	h.TileContents = uint64(len(seen))
	h.Clustered = true
	h.InternalCompression = CompressionGzip

	root, leaves := buildDirs(es)
	meta := gz(metadata)
	h.RootOffset = headerLen
	h.RootLength = uint64(len(root))
	h.MetadataOffset = h.RootOffset + h.RootLength
	h.MetadataLength = uint64(len(meta))
	h.LeafOffset = h.MetadataOffset + h.MetadataLength
	h.LeafLength = uint64(len(leaves))
	h.DataOffset = h.LeafOffset + h.LeafLength
	h.DataLength = uint64(data.Len())
	for _, b := range [][]byte{h.bytes(), root, meta, leaves, data.Bytes()} {
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return nil
}

// buildDirs makes the root directory, with leaf directories when the entries do
// not fit in the root's budget.
func buildDirs(es []Entry) (root, leaves []byte) {
	if r := encodeDir(es); len(r) <= rootMax {
		return r, nil
	}
	for size := 4096; ; size *= 2 {
		var rootEs []Entry
		var lb []byte
		for i := 0; i < len(es); i += size {
			chunk := es[i:min(i+size, len(es))]
			d := encodeDir(chunk)
			rootEs = append(rootEs, Entry{TileID: chunk[0].TileID, Offset: uint64(len(lb)), Length: uint32(len(d)), RunLength: 0})
			lb = append(lb, d...)
		}
		if r := encodeDir(rootEs); len(r) <= rootMax {
			return r, lb
		}
	}
}

// Reader reads tiles from an archive.
type Reader struct {
	f      io.ReaderAt
	c      io.Closer
	H      *Header
	root   []Entry
	leaves map[uint64][]Entry // leaf offset -> entries (read lazily, cached)
	meta   []byte
}

// Open opens an archive and reads its header, root directory and metadata.
func Open(path string) (*Reader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	r, err := NewReader(f, fi.Size())
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	r.c = f
	return r, nil
}

// NewReader reads an archive of the given size from f.
func NewReader(f io.ReaderAt, size int64) (*Reader, error) {
	hb := make([]byte, headerLen)
	if _, err := f.ReadAt(hb, 0); err != nil {
		return nil, errors.New("pmtiles: file too short for a header")
	}
	h, err := ParseHeader(hb)
	if err != nil {
		return nil, err
	}
	usize := uint64(size)
	for _, s := range [][2]uint64{{h.RootOffset, h.RootLength}, {h.MetadataOffset, h.MetadataLength}, {h.LeafOffset, h.LeafLength}, {h.DataOffset, h.DataLength}} {
		if s[0] > usize || s[1] > usize-s[0] {
			return nil, errors.New("pmtiles: a section lies beyond the end of the file (truncated?)")
		}
	}
	r := &Reader{f: f, H: h, leaves: map[uint64][]Entry{}}
	rb := make([]byte, h.RootLength)
	if _, err := f.ReadAt(rb, int64(h.RootOffset)); err != nil {
		return nil, err
	}
	if r.root, err = DecodeDir(rb); err != nil {
		return nil, err
	}
	mb := make([]byte, h.MetadataLength)
	if _, err := f.ReadAt(mb, int64(h.MetadataOffset)); err != nil {
		return nil, err
	}
	if len(mb) > 0 {
		zr, err := gzip.NewReader(bytes.NewReader(mb))
		if err != nil {
			return nil, fmt.Errorf("pmtiles: metadata: %w", err)
		}
		if r.meta, err = io.ReadAll(io.LimitReader(zr, 64<<20)); err != nil {
			return nil, fmt.Errorf("pmtiles: metadata: %w", err)
		}
	}
	// Read every leaf now: the reader is then safe for concurrent use. Only one
	// level of leaves exists (the writer never nests them), and the tiles the
	// directories address must not exceed the header's count: a crafted run
	// length cannot make a walk over the archive run for ever.
	var addressed uint64
	count := func(es []Entry) {
		for _, e := range es {
			addressed += uint64(e.RunLength)
		}
	}
	count(r.root)
	for _, e := range r.root {
		if e.RunLength == 0 {
			if e.Offset+uint64(e.Length) > h.LeafLength {
				return nil, errors.New("pmtiles: leaf directory out of bounds")
			}
			lb := make([]byte, e.Length)
			if _, err := f.ReadAt(lb, int64(h.LeafOffset+e.Offset)); err != nil {
				return nil, err
			}
			les, err := DecodeDir(lb)
			if err != nil {
				return nil, err
			}
			r.leaves[e.Offset] = les
			count(les)
		}
	}
	if addressed > h.AddressedTiles && addressed > 0 {
		return nil, fmt.Errorf("pmtiles: directories address %d tiles, the header %d", addressed, h.AddressedTiles)
	}
	return r, nil
}

// Metadata is the archive's JSON metadata.
func (r *Reader) Metadata() []byte { return r.meta }

// Close closes the file (a no-op for NewReader).
func (r *Reader) Close() error {
	if r.c != nil {
		return r.c.Close()
	}
	return nil
}

func find(es []Entry, id uint64) (Entry, bool) {
	i := sort.Search(len(es), func(i int) bool { return es[i].TileID > id }) - 1
	if i < 0 {
		return Entry{}, false
	}
	e := es[i]
	if e.RunLength == 0 || id < e.TileID+uint64(e.RunLength) {
		return e, true
	}
	return Entry{}, false
}

// Locate finds the data offset (absolute) and length of a tile; ok is false
// when the archive has no such tile.
func (r *Reader) Locate(z uint8, x, y uint32) (off int64, n int, ok bool) {
	id := TileID(z, x, y)
	e, ok := find(r.root, id)
	if !ok {
		return 0, 0, false
	}
	if e.RunLength == 0 {
		if e, ok = find(r.leaves[e.Offset], id); !ok || e.RunLength == 0 {
			return 0, 0, false
		}
	}
	if e.Offset+uint64(e.Length) > r.H.DataLength {
		return 0, 0, false
	}
	return int64(r.H.DataOffset + e.Offset), int(e.Length), true
}

// Tile reads a tile's bytes (as stored: gzip for MVT archives); nil when absent.
func (r *Reader) Tile(z uint8, x, y uint32) ([]byte, error) {
	off, n, ok := r.Locate(z, x, y)
	if !ok {
		return nil, nil
	}
	b := make([]byte, n)
	if _, err := r.f.ReadAt(b, off); err != nil {
		return nil, err
	}
	return b, nil
}

// All calls fn for every addressed tile id with its bytes.
func (r *Reader) All(fn func(id uint64, data []byte) error) error {
	var walk func(es []Entry, leaf bool) error
	walk = func(es []Entry, leaf bool) error {
		for _, e := range es {
			if e.RunLength == 0 {
				if leaf {
					continue // nested leaves: not written by this package, not followed
				}
				if err := walk(r.leaves[e.Offset], true); err != nil {
					return err
				}
				continue
			}
			b := make([]byte, e.Length)
			if _, err := r.f.ReadAt(b, int64(r.H.DataOffset+e.Offset)); err != nil {
				return err
			}
			for k := uint32(0); k < e.RunLength; k++ {
				if err := fn(e.TileID+uint64(k), b); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return walk(r.root, false)
}

// IDToZXY converts a Hilbert tile id back to z/x/y.
func IDToZXY(id uint64) (z uint8, x, y uint32) {
	var acc uint64
	for z = 0; z < 32; z++ {
		n := uint64(1) << (2 * z)
		if id < acc+n {
			break
		}
		acc += n
	}
	t := id - acc
	for s := uint32(1); s < uint32(1)<<z; s <<= 1 {
		rx := uint32(1 & (t >> 1))
		ry := uint32(1 & (t ^ uint64(rx)))
		if ry == 0 {
			if rx == 1 {
				x = s - 1 - x
				y = s - 1 - y
			}
			x, y = y, x
		}
		x += s * rx
		y += s * ry
		t >>= 2
	}
	return z, x, y
}
