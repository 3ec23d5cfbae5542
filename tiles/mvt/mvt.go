// Package mvt encodes and decodes Mapbox Vector Tiles 2.1
// (https://github.com/mapbox/vector-tile-spec/tree/master/2.1): the protobuf wire
// format written by hand, so that a tile is built with a few appends and no
// reflection. Geometry is given in tile coordinates (integers, y down, extent
// usually 4096); the caller clips, quantises and orients rings (exterior rings
// with positive area in tile coordinates, i.e. clockwise on screen).
package mvt

import (
	"encoding/binary"
	"math"
)

// GeomType is the MVT geometry type.
type GeomType uint32

const (
	Unknown    GeomType = 0
	Point      GeomType = 1
	LineString GeomType = 2
	Polygon    GeomType = 3
)

// Version is the vector tile spec version written in every layer.
const Version = 2

// P is one point in tile coordinates.
type P struct{ X, Y int32 }

// Prop is one attribute of a feature. Value must be a string, int64, float64 or
// bool; other types are skipped.
type Prop struct {
	Key   string
	Value any
}

// value is a layer's deduplicated attribute value.
type value struct {
	kind byte // 's' string, 'i' sint, 'd' double, 'b' bool
	s    string
	n    uint64 // int64 or float64 bits or bool
}

// Layer accumulates the features of one tile layer.
type Layer struct {
	Name   string
	Extent uint32

	keys   []string
	keyIdx map[string]uint32
	vals   []value
	valIdx map[value]uint32
	feats  []byte // encoded features (field 2 of Layer, each length-prefixed)
	n      int
	tags   []uint32
	geom   []uint32
}

// NewLayer starts a layer.
func NewLayer(name string, extent uint32) *Layer {
	return &Layer{Name: name, Extent: extent, keyIdx: map[string]uint32{}, valIdx: map[value]uint32{}}
}

// Len is the number of features added.
func (l *Layer) Len() int { return l.n }

// Reset empties the layer for reuse under a new name.
func (l *Layer) Reset(name string, extent uint32) {
	l.Name, l.Extent = name, extent
	l.keys, l.vals, l.feats, l.n = l.keys[:0], l.vals[:0], l.feats[:0], 0
	clear(l.keyIdx)
	clear(l.valIdx)
}

func (l *Layer) key(k string) uint32 {
	if i, ok := l.keyIdx[k]; ok {
		return i
	}
	i := uint32(len(l.keys))
	l.keys = append(l.keys, k)
	l.keyIdx[k] = i
	return i
}

func (l *Layer) val(v value) uint32 {
	if i, ok := l.valIdx[v]; ok {
		return i
	}
	i := uint32(len(l.vals))
	l.vals = append(l.vals, v)
	l.valIdx[v] = i
	return i
}

func toValue(v any) (value, bool) {
	switch x := v.(type) {
	case string:
		return value{kind: 's', s: x}, true
	case int64:
		return value{kind: 'i', n: uint64(x)}, true
	case int:
		return value{kind: 'i', n: uint64(int64(x))}, true
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return value{}, false
		}
		return value{kind: 'd', n: math.Float64bits(x)}, true
	case bool:
		if x {
			return value{kind: 'b', n: 1}, true
		}
		return value{kind: 'b'}, true
	}
	return value{}, false
}

// Geometry builders: the encoded command stream of a feature.

func cmd(id, count uint32) uint32 { return id&7 | count<<3 }
func zz(v int32) uint32           { return uint32((v << 1) ^ (v >> 31)) }

// AddPoints adds a (multi)point feature. An empty point list adds nothing.
func (l *Layer) AddPoints(id uint64, pts []P, props []Prop) {
	if l.pointsGeom(pts) {
		l.addFeature(id, Point, props)
	}
}

// pointsGeom encodes a point list into l.geom; false when it is empty.
func (l *Layer) pointsGeom(pts []P) bool {
	if len(pts) == 0 {
		return false
	}
	g := l.geom[:0]
	g = append(g, cmd(1, uint32(len(pts))))
	var cx, cy int32
	for _, p := range pts {
		g = append(g, zz(p.X-cx), zz(p.Y-cy))
		cx, cy = p.X, p.Y
	}
	l.geom = g
	return true
}

// AddLines adds a (multi)linestring feature; lines of fewer than 2 points are skipped.
func (l *Layer) AddLines(id uint64, lines [][]P, props []Prop) {
	if l.linesGeom(lines) {
		l.addFeature(id, LineString, props)
	}
}

// linesGeom encodes lines into l.geom; false when none is left.
func (l *Layer) linesGeom(lines [][]P) bool {
	g := l.geom[:0]
	var cx, cy int32
	for _, ln := range lines {
		if len(ln) < 2 {
			continue
		}
		g = append(g, cmd(1, 1), zz(ln[0].X-cx), zz(ln[0].Y-cy))
		cx, cy = ln[0].X, ln[0].Y
		g = append(g, cmd(2, uint32(len(ln)-1)))
		for _, p := range ln[1:] {
			g = append(g, zz(p.X-cx), zz(p.Y-cy))
			cx, cy = p.X, p.Y
		}
	}
	l.geom = g
	return len(g) > 0
}

// AddPolygon adds a (multi)polygon feature: rings in order, each exterior ring
// (positive area in tile coordinates) followed by its holes (negative area). Rings
// are open or closed (a repeated last point is dropped); rings of fewer than 3
// points are skipped.
func (l *Layer) AddPolygon(id uint64, rings [][]P, props []Prop) {
	if l.polygonGeom(rings) {
		l.addFeature(id, Polygon, props)
	}
}

// polygonGeom encodes rings into l.geom; false when none is left.
func (l *Layer) polygonGeom(rings [][]P) bool {
	g := l.geom[:0]
	var cx, cy int32
	for _, r := range rings {
		if len(r) > 1 && r[0] == r[len(r)-1] {
			r = r[:len(r)-1]
		}
		if len(r) < 3 {
			continue
		}
		g = append(g, cmd(1, 1), zz(r[0].X-cx), zz(r[0].Y-cy))
		cx, cy = r[0].X, r[0].Y
		g = append(g, cmd(2, uint32(len(r)-1)))
		for _, p := range r[1:] {
			g = append(g, zz(p.X-cx), zz(p.Y-cy))
			cx, cy = p.X, p.Y
		}
		g = append(g, cmd(7, 1))
	}
	l.geom = g
	return len(g) > 0
}

func (l *Layer) addFeature(id uint64, t GeomType, props []Prop) {
	tags := l.tags[:0]
	for _, p := range props {
		v, ok := toValue(p.Value)
		if !ok {
			continue
		}
		tags = append(tags, l.key(p.Key), l.val(v))
	}
	l.tags = tags
	l.writeFeature(id, t)
}

// writeFeature appends a Feature message of l.tags and l.geom.
func (l *Layer) writeFeature(id uint64, t GeomType) {
	tags := l.tags
	// Feature message.
	var size int
	if id != 0 {
		size += 1 + uvarintLen(id)
	}
	tagsLen := packedLen(tags)
	if len(tags) > 0 {
		size += 1 + uvarintLen(uint64(tagsLen)) + tagsLen
	}
	size += 2 // type
	geomLen := packedLen(l.geom)
	size += 1 + uvarintLen(uint64(geomLen)) + geomLen

	b := l.feats
	b = append(b, 2<<3|2)
	b = binary.AppendUvarint(b, uint64(size))
	if id != 0 {
		b = append(b, 1<<3|0)
		b = binary.AppendUvarint(b, id)
	}
	if len(tags) > 0 {
		b = append(b, 2<<3|2)
		b = binary.AppendUvarint(b, uint64(tagsLen))
		for _, t := range tags {
			b = binary.AppendUvarint(b, uint64(t))
		}
	}
	b = append(b, 3<<3|0, byte(t))
	b = append(b, 4<<3|2)
	b = binary.AppendUvarint(b, uint64(geomLen))
	for _, c := range l.geom {
		b = binary.AppendUvarint(b, uint64(c))
	}
	l.feats = b
	l.n++
}

func uvarintLen(v uint64) int {
	n := 1
	for v >= 0x80 {
		v >>= 7
		n++
	}
	return n
}

func packedLen(vs []uint32) int {
	n := 0
	for _, v := range vs {
		n += uvarintLen(uint64(v))
	}
	return n
}

func appendString(b []byte, field int, s string) []byte {
	b = append(b, byte(field<<3|2))
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// AppendTo appends the layer as field 3 of a Tile message. Layers without
// features are not written (the spec allows them, but they only cost bytes).
func (l *Layer) AppendTo(tile []byte) []byte {
	if l.n == 0 {
		return tile
	}
	body := make([]byte, 0, len(l.feats)+64+len(l.keys)*12+len(l.vals)*12)
	body = append(body, 15<<3|0, Version)
	body = appendString(body, 1, l.Name)
	body = append(body, l.feats...)
	for _, k := range l.keys {
		body = appendString(body, 3, k)
	}
	var vb []byte
	for _, v := range l.vals {
		vb = vb[:0]
		switch v.kind {
		case 's':
			vb = appendString(vb, 1, v.s)
		case 'd':
			vb = append(vb, 3<<3|1)
			vb = binary.LittleEndian.AppendUint64(vb, v.n)
		case 'i':
			vb = append(vb, 6<<3|0)
			x := int64(v.n)
			vb = binary.AppendUvarint(vb, uint64((x<<1)^(x>>63)))
		case 'b':
			vb = append(vb, 7<<3|0, byte(v.n))
		}
		body = append(body, 4<<3|2)
		body = binary.AppendUvarint(body, uint64(len(vb)))
		body = append(body, vb...)
	}
	body = append(body, 5<<3|0)
	body = binary.AppendUvarint(body, uint64(l.Extent))
	tile = append(tile, 3<<3|2)
	tile = binary.AppendUvarint(tile, uint64(len(body)))
	return append(tile, body...)
}
