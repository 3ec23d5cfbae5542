package geo

import (
	"errors"
	"math"

	"github.com/paulmach/orb"
)

// Transform converts coordinates from one registered CRS to another.
//
// All coordinates passed to and returned from a Transform are in the
// traditional GIS order x = easting/longitude, y = northing/latitude, in the
// CRS's units (metres, or degrees for geographic CRSs), never swapped to the
// authority axis order.
//
// Datum handling follows PROJ: WGS 84, ETRS89 and ETRF2000-PL are connected
// by null transformations (EPSG "ETRF2000-PL to WGS 84 (1)", "ETRS89 to WGS
// 84 (1)", accuracy 1 m), so latitude/longitude pass through unchanged and all
// geographic CRSs are numerically identical.
//
// Latitudes beyond ±90° and NaN input come out as NaN. Longitudes are normalised to [-180°, 180°] like PROJ
// does. Far from a Transverse Mercator central meridian the results are as
// meaningless (but as deterministic) as PROJ's. A Transform is immutable and
// safe for concurrent use.
type Transform struct {
	src, dst *CRS
	identity bool
}

// NewTransform returns the transform from src to dst.
func NewTransform(src, dst *CRS) (*Transform, error) {
	if src == nil || dst == nil {
		return nil, errors.New("geo: NewTransform with nil CRS")
	}
	id := src == dst || (src.kind == dst.kind && src.kind == kindGeographic)
	if !id && src.kind == kindTM && dst.kind == kindTM && src.tm == dst.tm {
		id = true
	}
	return &Transform{src: src, dst: dst, identity: id}, nil
}

// Src returns the source CRS.
func (t *Transform) Src() *CRS { return t.src }

// Dst returns the destination CRS.
func (t *Transform) Dst() *CRS { return t.dst }

// Inverse returns the transform from Dst to Src.
func (t *Transform) Inverse() *Transform {
	return &Transform{src: t.dst, dst: t.src, identity: t.identity}
}

// IsIdentity reports whether the transform leaves coordinates unchanged
// (same CRS, or between geographic CRSs, which PROJ relates by null
// transformations).
func (t *Transform) IsIdentity() bool { return t.identity }

// Point transforms one coordinate pair (x = E/lon, y = N/lat).
func (t *Transform) Point(x, y float64) (float64, float64) {
	if t.identity {
		return x, y
	}
	// source -> geographic lon/lat
	switch t.src.kind {
	case kindTM:
		x, y = t.src.tm.inverse(x, y)
	case kindWebMerc:
		x, y = webMercInverse(x, y)
	}
	// geographic -> destination
	switch t.dst.kind {
	case kindTM:
		return t.dst.tm.forward(x, y)
	case kindWebMerc:
		return webMercForward(x, y)
	}
	return x, y
}

func (t *Transform) pt(p orb.Point) orb.Point {
	x, y := t.Point(p[0], p[1])
	return orb.Point{x, y}
}

func (t *Transform) pts(ps []orb.Point) []orb.Point {
	if ps == nil {
		return nil
	}
	out := make([]orb.Point, len(ps))
	for i, p := range ps {
		out[i] = t.pt(p)
	}
	return out
}

// Apply returns a transformed deep copy of g. All orb geometry types are
// supported; an orb.Bound is transformed with Bound (densified envelope).
// A nil geometry gives nil.
func (t *Transform) Apply(g orb.Geometry) orb.Geometry {
	switch g := g.(type) {
	case nil:
		return nil
	case orb.Point:
		return t.pt(g)
	case orb.MultiPoint:
		return orb.MultiPoint(t.pts(g))
	case orb.LineString:
		return orb.LineString(t.pts(g))
	case orb.Ring:
		return orb.Ring(t.pts(g))
	case orb.MultiLineString:
		if g == nil {
			return g
		}
		out := make(orb.MultiLineString, len(g))
		for i, ls := range g {
			out[i] = t.pts(ls)
		}
		return out
	case orb.Polygon:
		return t.polygon(g)
	case orb.MultiPolygon:
		if g == nil {
			return g
		}
		out := make(orb.MultiPolygon, len(g))
		for i, p := range g {
			out[i] = t.polygon(p)
		}
		return out
	case orb.Collection:
		if g == nil {
			return g
		}
		out := make(orb.Collection, len(g))
		for i, gg := range g {
			out[i] = t.Apply(gg)
		}
		return out
	case orb.Bound:
		return t.Bound(g)
	}
	// Other implementations of orb.Geometry cannot be transformed: only an
	// identity transform can return them (as a clone); otherwise nil.
	if t.identity {
		return orb.Clone(g)
	}
	return nil
}

func (t *Transform) polygon(p orb.Polygon) orb.Polygon {
	if p == nil {
		return nil
	}
	out := make(orb.Polygon, len(p))
	for i, r := range p {
		out[i] = t.pts(r)
	}
	return out
}

// densifyN is the number of segments each bound edge is split into.
const densifyN = 16

// Bound transforms a bounding box: each edge is densified into 16 segments,
// the 64 boundary points are transformed and their envelope returned.
// Points that transform to NaN/Inf are ignored; if none survives, the result
// has NaN corners. An identity transform returns b unchanged.
func (t *Transform) Bound(b orb.Bound) orb.Bound {
	if t.identity {
		return b
	}
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	add := func(x, y float64) {
		x, y = t.Point(x, y)
		if math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) {
			return
		}
		minX, maxX = math.Min(minX, x), math.Max(maxX, x)
		minY, maxY = math.Min(minY, y), math.Max(maxY, y)
	}
	x0, y0, x1, y1 := b.Min[0], b.Min[1], b.Max[0], b.Max[1]
	for i := 0; i < densifyN; i++ {
		f := float64(i) / densifyN
		add(x0+(x1-x0)*f, y0) // bottom, west -> east
		add(x1, y0+(y1-y0)*f) // right, south -> north
		add(x1-(x1-x0)*f, y1) // top, east -> west
		add(x0, y1-(y1-y0)*f) // left, north -> south
	}
	if minX > maxX || minY > maxY {
		nan := math.NaN()
		return orb.Bound{Min: orb.Point{nan, nan}, Max: orb.Point{nan, nan}}
	}
	return orb.Bound{Min: orb.Point{minX, minY}, Max: orb.Point{maxX, maxY}}
}

// SwapXY returns a deep copy of g with x and y exchanged in every point.
// For an orb.Bound the corners are swapped (Min stays the minimum).
func SwapXY(g orb.Geometry) orb.Geometry {
	sw := func(ps []orb.Point) []orb.Point {
		if ps == nil {
			return nil
		}
		out := make([]orb.Point, len(ps))
		for i, p := range ps {
			out[i] = orb.Point{p[1], p[0]}
		}
		return out
	}
	poly := func(p orb.Polygon) orb.Polygon {
		if p == nil {
			return nil
		}
		out := make(orb.Polygon, len(p))
		for i, r := range p {
			out[i] = sw(r)
		}
		return out
	}
	switch g := g.(type) {
	case nil:
		return nil
	case orb.Point:
		return orb.Point{g[1], g[0]}
	case orb.MultiPoint:
		return orb.MultiPoint(sw(g))
	case orb.LineString:
		return orb.LineString(sw(g))
	case orb.Ring:
		return orb.Ring(sw(g))
	case orb.MultiLineString:
		if g == nil {
			return g
		}
		out := make(orb.MultiLineString, len(g))
		for i, ls := range g {
			out[i] = sw(ls)
		}
		return out
	case orb.Polygon:
		return poly(g)
	case orb.MultiPolygon:
		if g == nil {
			return g
		}
		out := make(orb.MultiPolygon, len(g))
		for i, p := range g {
			out[i] = poly(p)
		}
		return out
	case orb.Collection:
		if g == nil {
			return g
		}
		out := make(orb.Collection, len(g))
		for i, gg := range g {
			out[i] = SwapXY(gg)
		}
		return out
	case orb.Bound:
		return orb.Bound{Min: orb.Point{g.Min[1], g.Min[0]}, Max: orb.Point{g.Max[1], g.Max[0]}}
	}
	return nil
}

// ToAxisOrder converts g from the internal x = E/lon order to the given
// serialisation order (a deep copy is swapped for NorthEast; g itself is
// returned for EastNorth). Because swapping is its own inverse, the same
// call converts a geometry read in that order back to E/N.
func ToAxisOrder(g orb.Geometry, order AxisOrder) orb.Geometry {
	if order == NorthEast {
		return SwapXY(g)
	}
	return g
}
