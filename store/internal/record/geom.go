package record

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/wkb"
)

// GeoPackage binary header (GeoPackage 1.3, clause 2.1.3):
//
//	magic 'G' 'P', version 0, flags, srs_id int32, envelope (0, 4, 6 or 8 float64s), WKB.
//
// flags: bit 0 byte order of header values (1 = little endian), bits 1-3 envelope
// contents indicator (0 none, 1 [minx,maxx,miny,maxy]), bit 4 empty geometry,
// bit 5 extended GeoPackageBinary (never used here).
const (
	gpMagic0       = 'G'
	gpMagic1       = 'P'
	gpFlagLE       = 0x01
	gpFlagEnvXY    = 0x02 // envelope indicator 1 shifted into bits 1-3
	GPFlagEmpty    = 0x10
	gpFlagExtended = 0x20
)

var errBadGeom = errors.New("store: invalid GeoPackage geometry blob")

// IsEmptyGeom reports whether g has no coordinates at all.
func IsEmptyGeom(g orb.Geometry) bool {
	switch v := g.(type) {
	case nil:
		return true
	case orb.Point:
		return false
	case orb.MultiPoint:
		return len(v) == 0
	case orb.LineString:
		return len(v) == 0
	case orb.MultiLineString:
		for _, l := range v {
			if len(l) > 0 {
				return false
			}
		}
		return true
	case orb.Ring:
		return len(v) == 0
	case orb.Polygon:
		return len(v) == 0 || len(v[0]) == 0
	case orb.MultiPolygon:
		for _, p := range v {
			if len(p) > 0 && len(p[0]) > 0 {
				return false
			}
		}
		return true
	case orb.Collection:
		for _, c := range v {
			if !IsEmptyGeom(c) {
				return false
			}
		}
		return true
	case orb.Bound:
		return false
	}
	return false
}

// EncodeGeom writes g as GeoPackage binary with the given srs_id: little-endian header,
// an [minx,maxx,miny,maxy] envelope for everything but points (a point is its own
// envelope, as GDAL does it), and little-endian ISO WKB.
func EncodeGeom(g orb.Geometry, srsID int32) ([]byte, error) {
	if g == nil {
		return nil, nil
	}
	if b, ok := g.(orb.Bound); ok {
		g = b.ToPolygon()
	}
	if r, ok := g.(orb.Ring); ok {
		g = orb.Polygon{r}
	}
	body, err := wkb.Marshal(g, binary.LittleEndian)
	if err != nil {
		return nil, fmt.Errorf("store: encode WKB: %w", err)
	}
	empty := IsEmptyGeom(g)
	_, isPoint := g.(orb.Point)
	withEnv := !empty && !isPoint
	n := 8 + len(body)
	if withEnv {
		n += 32
	}
	out := make([]byte, 8, n)
	out[0], out[1], out[2] = gpMagic0, gpMagic1, 0
	flags := byte(gpFlagLE)
	if empty {
		flags |= GPFlagEmpty
	}
	if withEnv {
		flags |= gpFlagEnvXY
	}
	out[3] = flags
	binary.LittleEndian.PutUint32(out[4:8], uint32(srsID))
	if withEnv {
		b := g.Bound()
		out = binary.LittleEndian.AppendUint64(out, math.Float64bits(b.Min[0]))
		out = binary.LittleEndian.AppendUint64(out, math.Float64bits(b.Max[0]))
		out = binary.LittleEndian.AppendUint64(out, math.Float64bits(b.Min[1]))
		out = binary.LittleEndian.AppendUint64(out, math.Float64bits(b.Max[1]))
	}
	return append(out, body...), nil
}

// Header is the parsed fixed part of a GeoPackage binary blob.
type Header struct {
	Order  binary.ByteOrder
	SRSID  int32
	Empty  bool
	EnvLen int // number of float64 values in the envelope
	WKBOff int // offset of the WKB body
}

// ParseHeader parses the fixed part of a GeoPackage geometry blob.
func ParseHeader(b []byte) (Header, error) {
	var h Header
	if len(b) < 8 || b[0] != gpMagic0 || b[1] != gpMagic1 {
		return h, errBadGeom
	}
	flags := b[3]
	if flags&gpFlagExtended != 0 {
		return h, fmt.Errorf("store: extended GeoPackage geometry not supported")
	}
	if flags&gpFlagLE != 0 {
		h.Order = binary.LittleEndian
	} else {
		h.Order = binary.BigEndian
	}
	h.Empty = flags&GPFlagEmpty != 0
	switch (flags >> 1) & 7 {
	case 0:
		h.EnvLen = 0
	case 1:
		h.EnvLen = 4
	case 2, 3:
		h.EnvLen = 6
	case 4:
		h.EnvLen = 8
	default:
		return h, errBadGeom
	}
	h.SRSID = int32(h.Order.Uint32(b[4:8]))
	h.WKBOff = 8 + 8*h.EnvLen
	if len(b) < h.WKBOff+5 {
		return h, errBadGeom
	}
	return h, nil
}

// DecodeGeom parses a GeoPackage binary blob (nil for SQL NULL).
func DecodeGeom(b []byte) (orb.Geometry, error) {
	if b == nil {
		return nil, nil
	}
	h, err := ParseHeader(b)
	if err != nil {
		return nil, err
	}
	g, err := wkb.Unmarshal(b[h.WKBOff:])
	if err != nil {
		return nil, fmt.Errorf("store: decode WKB: %w", err)
	}
	return g, nil
}

// BlobBound returns the envelope of a GeoPackage geometry, from the header when it
// has one, from the WKB otherwise. ok is false for an empty or invalid geometry.
func BlobBound(b []byte) (bd orb.Bound, ok bool) {
	h, err := ParseHeader(b)
	if err != nil || h.Empty {
		return bd, false
	}
	if h.EnvLen >= 4 {
		f := func(i int) float64 { return math.Float64frombits(h.Order.Uint64(b[8+8*i:])) }
		bd = orb.Bound{Min: orb.Point{f(0), f(2)}, Max: orb.Point{f(1), f(3)}}
		return bd, true
	}
	w := b[h.WKBOff:]
	var wo binary.ByteOrder = binary.LittleEndian
	if w[0] == 0 {
		wo = binary.BigEndian
	}
	if wo.Uint32(w[1:5]) == 1 && len(w) >= 21 { // 2D point: no need to decode fully
		x := math.Float64frombits(wo.Uint64(w[5:13]))
		y := math.Float64frombits(wo.Uint64(w[13:21]))
		if math.IsNaN(x) || math.IsNaN(y) {
			return bd, false
		}
		return orb.Bound{Min: orb.Point{x, y}, Max: orb.Point{x, y}}, true
	}
	g, err := wkb.Unmarshal(w)
	if err != nil || IsEmptyGeom(g) {
		return bd, false
	}
	return g.Bound(), true
}
