package synth

import (
	"math"
	"slices"
)

// pt is a vertex in EPSG:2177 in integer centimetres, northing first like
// the CRS's axis order. Every coordinate is rounded once, when it is made, so
// neighbours that share a vertex share it bit for bit and areas are exact.
type pt struct{ n, e int64 }

func cmpPt(a, b pt) int {
	if a.n != b.n {
		if a.n < b.n {
			return -1
		}
		return 1
	}
	if a.e != b.e {
		if a.e < b.e {
			return -1
		}
		return 1
	}
	return 0
}

func round(v float64) int64 { return int64(math.Floor(v + 0.5)) }

// lerp returns the point at fraction t from a to b, rounded to the cm grid.
// t==0 and t==1 return the end points exactly.
func lerp(a, b pt, t float64) pt {
	if t == 0 {
		return a
	}
	if t == 1 {
		return b
	}
	return pt{a.n + round(t*float64(b.n-a.n)), a.e + round(t*float64(b.e-a.e))}
}

// area2 returns twice the signed area (cm²) of an open ring, counter-clockwise
// positive in the (E, N) plane. Integer arithmetic: exact.
func area2(r []pt) int64 {
	if len(r) < 3 {
		return 0
	}
	o := r[0]
	var s int64
	for i := 1; i+1 < len(r); i++ {
		x1, y1 := r[i].e-o.e, r[i].n-o.n
		x2, y2 := r[i+1].e-o.e, r[i+1].n-o.n
		s += x1*y2 - x2*y1
	}
	return s
}

// m2 converts a doubled cm² area to square metres.
func m2(a2 int64) float64 { return float64(a2) / 20000 }

type seg struct{ a, b pt }

func cmpSeg(x, y seg) int {
	if c := cmpPt(x.a, y.a); c != 0 {
		return c
	}
	return cmpPt(x.b, y.b)
}

// appendRingSegs adds the directed edges of an open ring.
func appendRingSegs(dst []seg, r []pt) []seg {
	for i := range r {
		j := i + 1
		if j == len(r) {
			j = 0
		}
		dst = append(dst, seg{r[i], r[j]})
	}
	return dst
}

// assemble dissolves a set of counter-clockwise pieces that share exact
// edges: an edge present in both directions is interior and cancels; what
// remains chains into rings. The exterior ring (largest area) comes first,
// counter-clockwise; holes follow, clockwise.
func assemble(segs []seg) [][]pt {
	slices.SortFunc(segs, cmpSeg)
	keep := segs[:0:0]
	for _, s := range segs {
		if _, found := slices.BinarySearchFunc(segs, seg{s.b, s.a}, cmpSeg); !found {
			keep = append(keep, s)
		}
	}
	used := make([]bool, len(keep))
	var rings [][]pt
	for start := range keep {
		if used[start] {
			continue
		}
		var ring []pt
		cur := start
		for !used[cur] {
			used[cur] = true
			ring = append(ring, keep[cur].a)
			nxt, found := slices.BinarySearchFunc(keep, seg{keep[cur].b, pt{math.MinInt64, math.MinInt64}}, cmpSeg)
			if !found && (nxt >= len(keep) || keep[nxt].a != keep[cur].b) {
				break
			}
			// Several edges leave one vertex only where rings touch. Taking
			// any unused one could walk both lobes as one ring that passes
			// the vertex twice (invalid: a ring self-intersection), so take
			// the sharpest left turn, the first edge clockwise from the way
			// back: that closes the lobe the walk is in.
			cur = nextEdge(keep, used, nxt, keep[cur])
		}
		rings = append(rings, splitPinches(ring)...)
	}
	// exterior first
	best := 0
	for i := range rings {
		if abs64(area2(rings[i])) > abs64(area2(rings[best])) {
			best = i
		}
	}
	rings[0], rings[best] = rings[best], rings[0]
	return rings
}

// splitPinches cuts a ring that passes one vertex twice into simple rings at
// that vertex. Where a hole touches its exterior at one point, the walk in
// assemble goes round both as one "inverted" ring; OGC validity wants an
// exterior and a hole touching at a vertex instead, and the cut gives exactly
// that (the cut-off loop keeps its clockwise orientation, so it is a hole).
func splitPinches(ring []pt) [][]pt {
	var out [][]pt
	stack := make([]pt, 0, len(ring))
	at := make(map[pt]int, len(ring))
	for _, p := range ring {
		if i, ok := at[p]; ok {
			loop := append([]pt(nil), stack[i:]...)
			for _, q := range stack[i+1:] {
				delete(at, q)
			}
			stack = stack[:i+1]
			out = append(out, loop)
			continue
		}
		at[p] = len(stack)
		stack = append(stack, p)
	}
	return append(out, stack)
}

// nextEdge chooses, among the unused edges keep[first…] leaving in.b, the first
// one clockwise from the reversed incoming edge. It returns an index whose edge
// may already be used when none is left, which ends the walk.
func nextEdge(keep []seg, used []bool, first int, in seg) int {
	back := in.a.v().sub(in.b.v())
	best, bestAngle := first, math.Inf(1)
	for k := first; k < len(keep) && keep[k].a == in.b; k++ {
		if used[k] {
			continue
		}
		out := keep[k].b.v().sub(in.b.v())
		// clockwise angle from back to out, in (0, 2π]
		a := -math.Atan2(back.cross(out), back.x*out.x+back.y*out.y)
		if a <= 0 {
			a += 2 * math.Pi
		}
		if a < bestAngle {
			best, bestAngle = k, a
		}
	}
	return best
}

func abs64(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// polyArea2 is the doubled area of a polygon (exterior minus holes).
func polyArea2(rings [][]pt) int64 {
	var a int64
	for i, r := range rings {
		if i == 0 {
			a += abs64(area2(r))
		} else {
			a -= abs64(area2(r))
		}
	}
	return a
}

// vec helpers in metres, (x=E, y=N)
type vec struct{ x, y float64 }

func (p pt) v() vec               { return vec{float64(p.e) / 100, float64(p.n) / 100} }
func (a vec) add(b vec) vec       { return vec{a.x + b.x, a.y + b.y} }
func (a vec) sub(b vec) vec       { return vec{a.x - b.x, a.y - b.y} }
func (a vec) mul(k float64) vec   { return vec{a.x * k, a.y * k} }
func (a vec) cross(b vec) float64 { return a.x*b.y - a.y*b.x }
func (a vec) len() float64        { return math.Hypot(a.x, a.y) }
func (a vec) pt() pt              { return pt{round(a.y * 100), round(a.x * 100)} }
func (a vec) unit() vec {
	l := a.len()
	if l == 0 {
		return vec{1, 0}
	}
	return a.mul(1 / l)
}

// insideConvex reports whether p lies inside the counter-clockwise convex
// polygon q at least margin metres from each of its edges.
func insideConvex(q []vec, p vec, margin float64) bool {
	for i := range q {
		a, b := q[i], q[(i+1)%len(q)]
		e := b.sub(a)
		l := e.len()
		if l == 0 {
			continue
		}
		if e.cross(p.sub(a))/l < margin {
			return false
		}
	}
	return true
}
