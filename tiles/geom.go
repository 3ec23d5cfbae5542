package tiles

import (
	"container/heap"
	"math"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/tiles/mvt"
)

// fpt is a point in fractional tile coordinates (y down).
type fpt struct{ x, y float64 }

// clipRing clips a closed ring (first point not repeated) to the square
// [lo, hi]² with Sutherland–Hodgman. Intersections are computed from the edge's
// endpoints in a canonical order, so two polygons sharing an edge (traversed in
// opposite directions) get bit-identical cut points: shared borders stay shared.
func clipRing(in []fpt, lo, hi float64, tmp []fpt) ([]fpt, []fpt) {
	out := tmp[:0]
	cur := in
	for edge := 0; edge < 4 && len(cur) > 0; edge++ {
		out = out[:0]
		inside := func(p fpt) bool {
			switch edge {
			case 0:
				return p.x >= lo
			case 1:
				return p.x <= hi
			case 2:
				return p.y >= lo
			}
			return p.y <= hi
		}
		cut := func(a, b fpt) fpt {
			if b.x < a.x || (b.x == a.x && b.y < a.y) {
				a, b = b, a
			}
			switch edge {
			case 0, 1:
				c := lo
				if edge == 1 {
					c = hi
				}
				t := (c - a.x) / (b.x - a.x)
				return fpt{c, a.y + t*(b.y-a.y)}
			}
			c := lo
			if edge == 3 {
				c = hi
			}
			t := (c - a.y) / (b.y - a.y)
			return fpt{a.x + t*(b.x-a.x), c}
		}
		prev := cur[len(cur)-1]
		pin := inside(prev)
		for _, p := range cur {
			in := inside(p)
			if in {
				if !pin {
					out = append(out, cut(prev, p))
				}
				out = append(out, p)
			} else if pin {
				out = append(out, cut(prev, p))
			}
			prev, pin = p, in
		}
		// swap buffers: the next pass reads out and writes into a fresh slice
		next := make([]fpt, len(out))
		copy(next, out)
		cur = next
	}
	return cur, out
}

// quantize rounds a ring to integer tile coordinates, dropping repeated and
// collinear points (exactly on the line of their neighbours, so no shape
// changes and no gap opens along a border another polygon keeps a vertex of).
func quantize(r []fpt, dst []mvt.P) []mvt.P {
	dst = dst[:0]
	for _, p := range r {
		q := mvt.P{X: int32(math.Round(p.x)), Y: int32(math.Round(p.y))}
		if n := len(dst); n > 0 && dst[n-1] == q {
			continue
		}
		dst = append(dst, q)
	}
	for len(dst) > 1 && dst[0] == dst[len(dst)-1] {
		dst = dst[:len(dst)-1]
	}
	// Remove collinear points until stable (a ring can collapse entirely).
	for changed := true; changed && len(dst) >= 3; {
		changed = false
		out := dst[:0]
		n := len(dst)
		for i := 0; i < n; i++ {
			a := dst[(i+n-1)%n]
			if len(out) > 0 {
				a = out[len(out)-1]
			}
			b, c := dst[i], dst[(i+1)%n]
			if cross(a, b, c) == 0 {
				changed = true
				continue
			}
			out = append(out, b)
		}
		dst = out
	}
	if len(dst) < 3 {
		return dst[:0]
	}
	return dst
}

// clipLine cuts a polyline to the square [lo, hi]² (Liang–Barsky per
// segment): the parts inside, each a polyline of its own.
func clipLine(in []fpt, lo, hi float64) [][]fpt {
	var out [][]fpt
	var cur []fpt
	for i := 0; i+1 < len(in); i++ {
		a, b := in[i], in[i+1]
		t0, t1 := 0.0, 1.0
		dx, dy := b.x-a.x, b.y-a.y
		ok := true
		for _, e := range [4][2]float64{{-dx, a.x - lo}, {dx, hi - a.x}, {-dy, a.y - lo}, {dy, hi - a.y}} {
			p, q := e[0], e[1]
			if p == 0 {
				if q < 0 {
					ok = false
					break
				}
				continue
			}
			t := q / p
			if p < 0 {
				t0 = math.Max(t0, t)
			} else {
				t1 = math.Min(t1, t)
			}
		}
		if !ok || t0 > t1 {
			if len(cur) > 0 {
				out, cur = append(out, cur), nil
			}
			continue
		}
		ca := fpt{a.x + t0*dx, a.y + t0*dy}
		cb := fpt{a.x + t1*dx, a.y + t1*dy}
		if len(cur) == 0 || cur[len(cur)-1] != ca {
			if len(cur) > 0 {
				out = append(out, cur)
			}
			cur = []fpt{ca}
		}
		cur = append(cur, cb)
		if t1 < 1 {
			out, cur = append(out, cur), nil
		}
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// quantizeLine rounds a polyline to integer tile coordinates, dropping
// repeated points.
func quantizeLine(l []fpt) []mvt.P {
	var dst []mvt.P
	for _, p := range l {
		q := mvt.P{X: int32(math.Round(p.x)), Y: int32(math.Round(p.y))}
		if n := len(dst); n > 0 && dst[n-1] == q {
			continue
		}
		dst = append(dst, q)
	}
	return dst
}

func lineLength(l []mvt.P) float64 {
	s := 0.0
	for i := 0; i+1 < len(l); i++ {
		s += math.Hypot(float64(l[i+1].X-l[i].X), float64(l[i+1].Y-l[i].Y))
	}
	return s
}

func cross(a, b, c mvt.P) int64 {
	return int64(b.X-a.X)*int64(c.Y-a.Y) - int64(b.Y-a.Y)*int64(c.X-a.X)
}

func reverse(r []mvt.P) {
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
}

// polyLabel finds the pole of inaccessibility of a polygon (the interior point
// farthest from its boundary) to within precision, by subdividing cells in order
// of the best distance they could still hold. Unlike a centroid it always lies
// inside, also for L-shaped or curved parcels.
func polyLabel(p orb.Polygon, precision float64) orb.Point {
	if len(p) == 0 || len(p[0]) == 0 {
		return orb.Point{}
	}
	b := p[0].Bound()
	w, h := b.Max[0]-b.Min[0], b.Max[1]-b.Min[1]
	size := math.Min(w, h)
	if size <= 0 {
		return b.Min
	}
	// Labels need to be inside and well clear of the boundary, not exact: a
	// fiftieth of the parcel's width is plenty and bounds the work on strips.
	precision = math.Max(precision, size/50)
	half := size / 2
	q := &cellQueue{}
	for x := b.Min[0]; x < b.Max[0]; x += size {
		for y := b.Min[1]; y < b.Max[1]; y += size {
			heap.Push(q, newCell(x+half, y+half, half, p))
		}
	}
	// Seed with the centroid of the exterior ring's vertices when it is inside.
	best := newCell(b.Center()[0], b.Center()[1], 0, p)
	if c := ringCentroid(p[0]); true {
		if cc := newCell(c[0], c[1], 0, p); cc.d > best.d {
			best = cc
		}
	}
	for n := 0; q.Len() > 0 && n < 4000; n++ {
		c := heap.Pop(q).(cell)
		if c.d > best.d {
			best = c
		}
		if c.max-best.d <= precision {
			continue
		}
		h := c.h / 2
		heap.Push(q, newCell(c.x-h, c.y-h, h, p))
		heap.Push(q, newCell(c.x+h, c.y-h, h, p))
		heap.Push(q, newCell(c.x-h, c.y+h, h, p))
		heap.Push(q, newCell(c.x+h, c.y+h, h, p))
	}
	return orb.Point{best.x, best.y}
}

func ringCentroid(r orb.Ring) orb.Point {
	var a, cx, cy float64
	for i := 0; i+1 < len(r); i++ {
		f := r[i][0]*r[i+1][1] - r[i+1][0]*r[i][1]
		a += f
		cx += (r[i][0] + r[i+1][0]) * f
		cy += (r[i][1] + r[i+1][1]) * f
	}
	if a == 0 {
		return r[0]
	}
	return orb.Point{cx / (3 * a), cy / (3 * a)}
}

type cell struct{ x, y, h, d, max float64 }

func newCell(x, y, h float64, p orb.Polygon) cell {
	d := signedDist(x, y, p)
	return cell{x, y, h, d, d + h*math.Sqrt2}
}

// signedDist is the distance from (x,y) to the polygon's boundary, negative outside.
func signedDist(x, y float64, p orb.Polygon) float64 {
	inside := false
	minD := math.Inf(1)
	for _, r := range p {
		n := len(r)
		for i, j := 0, n-1; i < n; j, i = i, i+1 {
			a, b := r[i], r[j]
			if (a[1] > y) != (b[1] > y) && x < (b[0]-a[0])*(y-a[1])/(b[1]-a[1])+a[0] {
				inside = !inside
			}
			if d := segDist2(x, y, a, b); d < minD {
				minD = d
			}
		}
	}
	d := math.Sqrt(minD)
	if !inside {
		return -d
	}
	return d
}

func segDist2(px, py float64, a, b orb.Point) float64 {
	x, y := a[0], a[1]
	dx, dy := b[0]-x, b[1]-y
	if dx != 0 || dy != 0 {
		t := ((px-x)*dx + (py-y)*dy) / (dx*dx + dy*dy)
		if t > 1 {
			x, y = b[0], b[1]
		} else if t > 0 {
			x += dx * t
			y += dy * t
		}
	}
	dx, dy = px-x, py-y
	return dx*dx + dy*dy
}

type cellQueue []cell

func (q cellQueue) Len() int           { return len(q) }
func (q cellQueue) Less(i, j int) bool { return q[i].max > q[j].max }
func (q cellQueue) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *cellQueue) Push(x any)        { *q = append(*q, x.(cell)) }
func (q *cellQueue) Pop() any {
	old := *q
	c := old[len(old)-1]
	*q = old[:len(old)-1]
	return c
}

// largestPolygon is the part of a polygon shape with the largest exterior
// area, decoded (rings closed); nil for other shapes.
func (s Shape) largestPolygon() orb.Polygon {
	if s.Kind() != ShapePolygons {
		return nil
	}
	var best orb.Polygon
	ba := -1.0
	for i := 0; i < s.Rings(); {
		var p orb.Polygon
		p, i = s.Polygon(i)
		if len(p) == 0 {
			continue
		}
		if a := math.Abs(ringArea(p[0])); a > ba {
			best, ba = p, a
		}
	}
	return best
}

func ringArea(r orb.Ring) float64 {
	var a float64
	for i := 0; i+1 < len(r); i++ {
		a += r[i][0]*r[i+1][1] - r[i+1][0]*r[i][1]
	}
	return a / 2
}
