package mvt

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// Tile is a decoded vector tile.
type Tile struct{ Layers []DecodedLayer }

// DecodedLayer is one decoded layer.
type DecodedLayer struct {
	Name     string
	Version  uint32
	Extent   uint32
	Features []Feature
}

// Feature is one decoded feature: its geometry as parts of points (a point list,
// lines, or rings) in tile coordinates.
type Feature struct {
	ID    uint64
	Type  GeomType
	Props map[string]any
	Parts [][]P
}

// Layer finds a decoded layer by name.
func (t *Tile) Layer(name string) *DecodedLayer {
	for i := range t.Layers {
		if t.Layers[i].Name == name {
			return &t.Layers[i]
		}
	}
	return nil
}

var errTrunc = errors.New("mvt: truncated message")

type pbuf struct {
	b []byte
	i int
}

func (p *pbuf) varint() (uint64, error) {
	v, n := binary.Uvarint(p.b[p.i:])
	if n <= 0 {
		return 0, errTrunc
	}
	p.i += n
	return v, nil
}

func (p *pbuf) bytes() ([]byte, error) {
	n, err := p.varint()
	if err != nil {
		return nil, err
	}
	if n > uint64(len(p.b)-p.i) {
		return nil, errTrunc
	}
	s := p.b[p.i : p.i+int(n)]
	p.i += int(n)
	return s, nil
}

// skip skips a field of the given wire type.
func (p *pbuf) skip(wt uint64) error {
	switch wt {
	case 0:
		_, err := p.varint()
		return err
	case 1:
		if len(p.b)-p.i < 8 {
			return errTrunc
		}
		p.i += 8
	case 2:
		_, err := p.bytes()
		return err
	case 5:
		if len(p.b)-p.i < 4 {
			return errTrunc
		}
		p.i += 4
	default:
		return fmt.Errorf("mvt: unsupported wire type %d", wt)
	}
	return nil
}

func (p *pbuf) fixed64() (uint64, error) {
	if len(p.b)-p.i < 8 {
		return 0, errTrunc
	}
	v := binary.LittleEndian.Uint64(p.b[p.i:])
	p.i += 8
	return v, nil
}

func (p *pbuf) fixed32() (uint32, error) {
	if len(p.b)-p.i < 4 {
		return 0, errTrunc
	}
	v := binary.LittleEndian.Uint32(p.b[p.i:])
	p.i += 4
	return v, nil
}

func packed(b []byte) ([]uint32, error) {
	p := &pbuf{b: b}
	var out []uint32
	for p.i < len(b) {
		v, err := p.varint()
		if err != nil {
			return nil, err
		}
		if v > math.MaxUint32 {
			return nil, errors.New("mvt: packed value out of range")
		}
		out = append(out, uint32(v))
	}
	return out, nil
}

// Decode parses an uncompressed tile. It validates what a renderer relies on:
// tag indexes in range, command counts matching the geometry stream.
func Decode(b []byte) (*Tile, error) {
	t := &Tile{}
	p := &pbuf{b: b}
	for p.i < len(b) {
		tag, err := p.varint()
		if err != nil {
			return nil, err
		}
		if tag>>3 == 3 && tag&7 == 2 {
			lb, err := p.bytes()
			if err != nil {
				return nil, err
			}
			l, err := decodeLayer(lb)
			if err != nil {
				return nil, err
			}
			t.Layers = append(t.Layers, *l)
			continue
		}
		if err := p.skip(tag & 7); err != nil {
			return nil, err
		}
	}
	return t, nil
}

type rawFeature struct {
	id   uint64
	typ  GeomType
	tags []uint32
	geom []uint32
}

func decodeLayer(b []byte) (*DecodedLayer, error) {
	l := &DecodedLayer{Extent: 4096, Version: 1}
	var keys []string
	var vals []any
	var raws []rawFeature
	p := &pbuf{b: b}
	for p.i < len(b) {
		tag, err := p.varint()
		if err != nil {
			return nil, err
		}
		field, wt := tag>>3, tag&7
		switch {
		case field == 15 && wt == 0:
			v, err := p.varint()
			if err != nil {
				return nil, err
			}
			l.Version = uint32(v)
		case field == 1 && wt == 2:
			s, err := p.bytes()
			if err != nil {
				return nil, err
			}
			l.Name = string(s)
		case field == 3 && wt == 2:
			s, err := p.bytes()
			if err != nil {
				return nil, err
			}
			keys = append(keys, string(s))
		case field == 4 && wt == 2:
			s, err := p.bytes()
			if err != nil {
				return nil, err
			}
			v, err := decodeValue(s)
			if err != nil {
				return nil, err
			}
			vals = append(vals, v)
		case field == 5 && wt == 0:
			v, err := p.varint()
			if err != nil {
				return nil, err
			}
			if v == 0 || v > math.MaxUint32 {
				return nil, fmt.Errorf("mvt: layer extent %d out of range", v)
			}
			l.Extent = uint32(v)
		case field == 2 && wt == 2:
			s, err := p.bytes()
			if err != nil {
				return nil, err
			}
			f, err := decodeFeature(s)
			if err != nil {
				return nil, err
			}
			raws = append(raws, f)
		default:
			if err := p.skip(wt); err != nil {
				return nil, err
			}
		}
	}
	if l.Name == "" {
		return nil, errors.New("mvt: layer without a name")
	}
	for _, r := range raws {
		if len(r.tags)%2 != 0 {
			return nil, errors.New("mvt: odd number of feature tags")
		}
		f := Feature{ID: r.id, Type: r.typ, Props: map[string]any{}}
		for i := 0; i < len(r.tags); i += 2 {
			if int(r.tags[i]) >= len(keys) || int(r.tags[i+1]) >= len(vals) {
				return nil, errors.New("mvt: feature tag index out of range")
			}
			f.Props[keys[r.tags[i]]] = vals[r.tags[i+1]]
		}
		parts, err := decodeGeometry(r.typ, r.geom)
		if err != nil {
			return nil, err
		}
		f.Parts = parts
		l.Features = append(l.Features, f)
	}
	return l, nil
}

func decodeValue(b []byte) (any, error) {
	p := &pbuf{b: b}
	var v any
	for p.i < len(b) {
		tag, err := p.varint()
		if err != nil {
			return nil, err
		}
		switch tag {
		case 1<<3 | 2:
			s, err := p.bytes()
			if err != nil {
				return nil, err
			}
			v = string(s)
		case 2<<3 | 5:
			x, err := p.fixed32()
			if err != nil {
				return nil, err
			}
			v = float64(math.Float32frombits(x))
		case 3<<3 | 1:
			x, err := p.fixed64()
			if err != nil {
				return nil, err
			}
			v = math.Float64frombits(x)
		case 4<<3 | 0:
			x, err := p.varint()
			if err != nil {
				return nil, err
			}
			v = int64(x)
		case 5<<3 | 0:
			x, err := p.varint()
			if err != nil {
				return nil, err
			}
			v = int64(x)
		case 6<<3 | 0:
			x, err := p.varint()
			if err != nil {
				return nil, err
			}
			v = int64(x>>1) ^ -int64(x&1)
		case 7<<3 | 0:
			x, err := p.varint()
			if err != nil {
				return nil, err
			}
			v = x != 0
		default:
			if err := p.skip(tag & 7); err != nil {
				return nil, err
			}
		}
	}
	if v == nil {
		return nil, errors.New("mvt: empty value")
	}
	return v, nil
}

func decodeFeature(b []byte) (rawFeature, error) {
	var f rawFeature
	p := &pbuf{b: b}
	for p.i < len(b) {
		tag, err := p.varint()
		if err != nil {
			return f, err
		}
		switch tag {
		case 1<<3 | 0:
			if f.id, err = p.varint(); err != nil {
				return f, err
			}
		case 2<<3 | 2:
			s, err := p.bytes()
			if err != nil {
				return f, err
			}
			if f.tags, err = packed(s); err != nil {
				return f, err
			}
		case 3<<3 | 0:
			v, err := p.varint()
			if err != nil {
				return f, err
			}
			if v > 3 {
				return f, fmt.Errorf("mvt: geometry type %d", v)
			}
			f.typ = GeomType(v)
		case 4<<3 | 2:
			s, err := p.bytes()
			if err != nil {
				return f, err
			}
			if f.geom, err = packed(s); err != nil {
				return f, err
			}
		default:
			if err := p.skip(tag & 7); err != nil {
				return f, err
			}
		}
	}
	return f, nil
}

func unzz(v uint32) int32 { return int32(v>>1) ^ -int32(v&1) }

func decodeGeometry(t GeomType, g []uint32) ([][]P, error) {
	var parts [][]P
	var cur []P
	var x, y int32
	for i := 0; i < len(g); {
		id, count := g[i]&7, g[i]>>3
		i++
		switch id {
		case 1, 2:
			if uint64(count)*2 > uint64(len(g)-i) {
				return nil, errors.New("mvt: geometry command overruns the stream")
			}
			if id == 1 && t != Point {
				if count != 1 {
					return nil, errors.New("mvt: MoveTo with count != 1 in a line or polygon")
				}
				if cur != nil {
					parts = append(parts, cur)
				}
				cur = nil
			}
			if id == 2 && cur == nil {
				return nil, errors.New("mvt: LineTo before MoveTo")
			}
			for k := uint32(0); k < count; k++ {
				x += unzz(g[i])
				y += unzz(g[i+1])
				i += 2
				cur = append(cur, P{x, y})
			}
		case 7:
			if t != Polygon || count != 1 || len(cur) < 3 {
				return nil, errors.New("mvt: misplaced ClosePath")
			}
			parts = append(parts, cur)
			cur = nil
		default:
			return nil, fmt.Errorf("mvt: unknown command %d", id)
		}
	}
	if cur != nil {
		if t == Polygon {
			return nil, errors.New("mvt: polygon ring without ClosePath")
		}
		parts = append(parts, cur)
	}
	return parts, nil
}

// RingArea is twice the signed area of a ring in tile coordinates (positive for
// an exterior ring as MVT 2.1 orients it: clockwise with y pointing down).
func RingArea(r []P) int64 {
	var a int64
	for i := range r {
		j := (i + 1) % len(r)
		a += int64(r[i].X)*int64(r[j].Y) - int64(r[j].X)*int64(r[i].Y)
	}
	return a
}
