package filter

import "github.com/paulmach/orb"

// IntersectsBox reports whether g shares at least one point with the closed
// box b (its boundary included, as GEOS's intersects counts touching), in
// plain arithmetic: a feature whose envelope lies inside the box intersects
// it; otherwise a part of g intersects the box when one of its segments (or
// points) meets the box, or, for a polygon, when a corner of the box lies in
// its area (the box then lies inside the polygon, outside its holes).
func IntersectsBox(g orb.Geometry, b orb.Bound) bool {
	if g == nil {
		return false
	}
	e := g.Bound()
	if e.Max[0] < b.Min[0] || e.Min[0] > b.Max[0] || e.Max[1] < b.Min[1] || e.Min[1] > b.Max[1] {
		return false
	}
	if e.Min[0] >= b.Min[0] && e.Max[0] <= b.Max[0] && e.Min[1] >= b.Min[1] && e.Max[1] <= b.Max[1] {
		return !isEmpty(g)
	}
	switch g := g.(type) {
	case orb.Point:
		return b.Contains(g)
	case orb.MultiPoint:
		for _, p := range g {
			if b.Contains(p) {
				return true
			}
		}
	case orb.LineString:
		return pathMeetsBox(g, b)
	case orb.MultiLineString:
		for _, l := range g {
			if pathMeetsBox(l, b) {
				return true
			}
		}
	case orb.Ring:
		return polygonMeetsBox(orb.Polygon{g}, b)
	case orb.Polygon:
		return polygonMeetsBox(g, b)
	case orb.MultiPolygon:
		for _, p := range g {
			if polygonMeetsBox(p, b) {
				return true
			}
		}
	case orb.Collection:
		for _, x := range g {
			if IntersectsBox(x, b) {
				return true
			}
		}
	case orb.Bound:
		return true // two boxes whose envelopes overlap
	}
	return false
}

func isEmpty(g orb.Geometry) bool {
	switch g := g.(type) {
	case orb.MultiPoint:
		return len(g) == 0
	case orb.LineString:
		return len(g) == 0
	case orb.MultiLineString:
		return len(g) == 0
	case orb.Ring:
		return len(g) == 0
	case orb.Polygon:
		return len(g) == 0 || len(g[0]) == 0
	case orb.MultiPolygon:
		return len(g) == 0
	case orb.Collection:
		return len(g) == 0
	}
	return false
}

// polygonMeetsBox: a ring's segment meets the box, or the box's corner lies
// in the polygon's area (inside the exterior, outside every hole).
func polygonMeetsBox(p orb.Polygon, b orb.Bound) bool {
	for _, r := range p {
		if pathMeetsBox(r, b) {
			return true
		}
	}
	if len(p) == 0 || !inRing(b.Min, p[0]) {
		return false
	}
	for _, hole := range p[1:] {
		if inRing(b.Min, hole) {
			return false
		}
	}
	return true
}

// pathMeetsBox reports whether a point or a segment of the path lies in the
// closed box.
func pathMeetsBox(ps []orb.Point, b orb.Bound) bool {
	if len(ps) == 1 {
		return b.Contains(ps[0])
	}
	for i := 1; i < len(ps); i++ {
		if segmentMeetsBox(ps[i-1], ps[i], b) {
			return true
		}
	}
	return false
}

// segmentMeetsBox clips the segment a–b to the closed box (Liang–Barsky).
func segmentMeetsBox(a, c orb.Point, b orb.Bound) bool {
	t0, t1 := 0.0, 1.0
	dx, dy := c[0]-a[0], c[1]-a[1]
	for _, e := range [4][2]float64{{-dx, a[0] - b.Min[0]}, {dx, b.Max[0] - a[0]}, {-dy, a[1] - b.Min[1]}, {dy, b.Max[1] - a[1]}} {
		p, q := e[0], e[1]
		if p == 0 {
			if q < 0 {
				return false // parallel to this edge and outside it
			}
			continue
		}
		t := q / p
		if p < 0 {
			if t > t1 {
				return false
			}
			t0 = max(t0, t)
		} else {
			if t < t0 {
				return false
			}
			t1 = min(t1, t)
		}
	}
	return t0 <= t1
}

// inRing reports whether p lies inside the ring (even–odd rule; a point on
// the ring is the segment test's to find).
func inRing(p orb.Point, r orb.Ring) bool {
	in := false
	for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
		a, c := r[i], r[j]
		if (a[1] > p[1]) != (c[1] > p[1]) && p[0] < (c[0]-a[0])*(p[1]-a[1])/(c[1]-a[1])+a[0] {
			in = !in
		}
	}
	return in
}
