package tiles

import (
	"math"

	"github.com/paulmach/orb"
)

// Shape is a projected geometry held compactly, the form every Feature keeps
// (the dynamic tiles' cache holds hundreds of thousands): one []int32 with
// coordinates quantized to 1/1024 of a grid unit (under a millimetre in web
// mercator and PL-1992; a z22 tile unit is 2.3 mm) as offsets from a whole
// grid unit origin, and rings without their repeated closing point. A
// coordinate decodes to round(v·1024)/1024 whatever the feature, so objects
// sharing a vertex still share it exactly after quantization (their borders
// stay shared in the tiles), and a build and a dynamic tile, both made from
// Shapes, stay byte for byte equal. 8 bytes a point instead of 16, and one
// allocation instead of one per ring and part.
//
// Layout: [kind | shift<<8, originX, originY, rings, ringEnd…, x, y, …]; a
// ring end is the cumulative point count, with ringStart set on each ring that
// begins a new part (polygon exterior, line or point group). shift is 0
// unless a part spans more than 2^31 quanta (2097 km): then the quantum is
// coarser (1024>>shift per unit).
type Shape []int32

// Shape kinds.
const (
	ShapePoints   = 1
	ShapeLines    = 2
	ShapePolygons = 3
)

const (
	quantumBits = 10
	ringStart   = 1 << 31
	shapeHeader = 4
)

// Kind is the shape's kind (0 for an empty shape).
func (s Shape) Kind() int {
	if len(s) < shapeHeader {
		return 0
	}
	return int(s[0] & 0xff)
}

// Rings is the number of rings (lines, point groups).
func (s Shape) Rings() int {
	if len(s) < shapeHeader {
		return 0
	}
	return int(s[3])
}

// Ring returns ring i's points range [from, to) and whether it starts a part.
func (s Shape) Ring(i int) (from, to int, start bool) {
	if i > 0 {
		from = int(uint32(s[shapeHeader+i-1]) &^ ringStart)
	}
	e := uint32(s[shapeHeader+i])
	return from, int(e &^ ringStart), e&ringStart != 0
}

// Point decodes point j.
func (s Shape) Point(j int) orb.Point { return s.decoder().point(j) }

// shapeDecoder decodes the points of a shape.
type shapeDecoder struct {
	xy     []int32 // the coordinates
	inv    float64 // grid units per quantum
	ox, oy float64
}

func (s Shape) decoder() shapeDecoder {
	return shapeDecoder{xy: s[shapeHeader+int(s[3]):], inv: 1 / float64(int64(1)<<(quantumBits-uint(s[0]>>8))),
		ox: float64(s[1]), oy: float64(s[2])}
}

func (d shapeDecoder) point(j int) orb.Point {
	return orb.Point{float64(d.xy[2*j])*d.inv + d.ox, float64(d.xy[2*j+1])*d.inv + d.oy}
}

// Points is the number of points.
func (s Shape) Points() int {
	if len(s) < shapeHeader {
		return 0
	}
	return (len(s) - shapeHeader - int(s[3])) / 2
}

// Bound is the bound of the decoded points; of a polygon shape, the union of
// its exteriors' bounds (as orb's).
func (s Shape) Bound() orb.Bound {
	if s.Kind() != ShapePolygons {
		return s.pointsBound(0, s.Points())
	}
	var b orb.Bound
	has := false
	for i := range s.Rings() {
		from, to, start := s.Ring(i)
		if !start || to <= from {
			continue
		}
		if rb := s.pointsBound(from, to); !has {
			b, has = rb, true
		} else {
			b = b.Union(rb)
		}
	}
	return b
}

// pointsBound is the bound of points [from, to) (empty when there are none).
func (s Shape) pointsBound(from, to int) orb.Bound {
	if to <= from {
		return orb.Bound{Min: orb.Point{1, 1}, Max: orb.Point{-1, -1}}
	}
	d := s.decoder()
	b := orb.Bound{Min: d.point(from), Max: d.point(from)}
	for j := from + 1; j < to; j++ {
		b = b.Extend(d.point(j))
	}
	return b
}

// Polygon decodes the polygon starting at ring i (its exterior) with its
// holes, rings closed; next is the ring after it.
func (s Shape) Polygon(i int) (p orb.Polygon, next int) {
	for r := i; r < s.Rings(); r++ {
		from, to, start := s.Ring(r)
		if start && r > i {
			return p, r
		}
		ring := make(orb.Ring, 0, to-from+1)
		d := s.decoder()
		for j := from; j < to; j++ {
			ring = append(ring, d.point(j))
		}
		if len(ring) > 0 {
			ring = append(ring, ring[0])
		}
		p = append(p, ring)
	}
	return p, s.Rings()
}

// Geometry decodes the shape (polygon rings closed).
func (s Shape) Geometry() orb.Geometry {
	switch s.Kind() {
	case ShapePoints:
		var mp orb.MultiPoint
		for j := range s.Points() {
			mp = append(mp, s.Point(j))
		}
		if len(mp) == 1 {
			return mp[0]
		}
		return mp
	case ShapeLines:
		var ml orb.MultiLineString
		for i := range s.Rings() {
			from, to, _ := s.Ring(i)
			var l orb.LineString
			for j := from; j < to; j++ {
				l = append(l, s.Point(j))
			}
			ml = append(ml, l)
		}
		return ml
	case ShapePolygons:
		var mp orb.MultiPolygon
		for i := 0; i < s.Rings(); {
			var p orb.Polygon
			p, i = s.Polygon(i)
			mp = append(mp, p)
		}
		return mp
	}
	return nil
}

// shapeWriter builds a Shape from projected points.
type shapeWriter struct {
	kind    int
	ends    []uint32
	pts     []orb.Point
	project func(x, y float64) (float64, float64)
}

// ring adds a ring (line, point group), projected; closed rings lose their
// repeated last point.
func (w *shapeWriter) ring(r []orb.Point, start, closed bool) {
	if closed && len(r) > 1 && r[len(r)-1] == r[0] {
		r = r[:len(r)-1]
	}
	for _, p := range r {
		x, y := w.project(p[0], p[1])
		w.pts = append(w.pts, orb.Point{x, y})
	}
	e := uint32(len(w.pts))
	if start {
		e |= ringStart
	}
	w.ends = append(w.ends, e)
}

// finish quantizes the points into a Shape; nil when there are none.
func (w *shapeWriter) finish() Shape {
	if len(w.pts) == 0 {
		return nil
	}
	b := orb.Bound{Min: w.pts[0], Max: w.pts[0]}
	for _, p := range w.pts[1:] {
		b = b.Extend(p)
	}
	if math.IsNaN(b.Min[0]) || math.IsNaN(b.Min[1]) || math.IsNaN(b.Max[0]) || math.IsNaN(b.Max[1]) ||
		math.Abs(b.Min[0]) > 1<<30 || math.Abs(b.Min[1]) > 1<<30 || math.Abs(b.Max[0]) > 1<<30 || math.Abs(b.Max[1]) > 1<<30 {
		return nil // outside any grid
	}
	ox, oy := math.Floor(b.Min[0]), math.Floor(b.Min[1])
	shift := 0
	for ; shift < quantumBits; shift++ {
		q := float64(int64(1) << (quantumBits - shift))
		if (b.Max[0]-ox+1)*q < math.MaxInt32 && (b.Max[1]-oy+1)*q < math.MaxInt32 {
			break
		}
	}
	q := float64(int64(1) << (quantumBits - shift))
	s := make(Shape, shapeHeader+len(w.ends)+2*len(w.pts))
	s[0], s[1], s[2], s[3] = int32(w.kind|shift<<8), int32(ox), int32(oy), int32(len(w.ends))
	for i, e := range w.ends {
		s[shapeHeader+i] = int32(e)
	}
	off := shapeHeader + len(w.ends)
	for i, p := range w.pts {
		// round(v·q) − origin·q: the decoded value is round(v·q)/q exactly.
		s[off+2*i] = int32(int64(math.Round(p[0]*q)) - int64(ox)*int64(q))
		s[off+2*i+1] = int32(int64(math.Round(p[1]*q)) - int64(oy)*int64(q))
	}
	return s
}

// NewShape makes the Shape of a geometry, each point passed through project
// (nil: as it is); nil for an empty or unsupported geometry.
func NewShape(geom orb.Geometry, project func(x, y float64) (float64, float64)) Shape {
	if project == nil {
		project = func(x, y float64) (float64, float64) { return x, y }
	}
	w := shapeWriter{project: project}
	poly := func(p orb.Polygon) {
		for i, r := range p {
			w.ring(r, i == 0, true)
		}
	}
	switch t := geom.(type) {
	case orb.Point:
		w.kind = ShapePoints
		w.ring([]orb.Point{t}, true, false)
	case orb.MultiPoint:
		w.kind = ShapePoints
		w.ring(t, true, false)
	case orb.LineString:
		w.kind = ShapeLines
		w.ring(t, true, false)
	case orb.MultiLineString:
		w.kind = ShapeLines
		for _, l := range t {
			w.ring(l, true, false)
		}
	case orb.Polygon:
		w.kind = ShapePolygons
		poly(t)
	case orb.MultiPolygon:
		w.kind = ShapePolygons
		for _, p := range t {
			poly(p)
		}
	default:
		return nil
	}
	return w.finish()
}
