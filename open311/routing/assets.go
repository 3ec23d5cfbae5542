package routing

import (
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// Feature is one feature of an asset layer (a road, a park, a pipe).
type Feature struct {
	ID    string
	Value string // the value of the rule's attribute (the road's category)
	Label string // what residents call it: "1501E Droga powiatowa nr 1501E"
	// Geom is a line or a polygon geometry in EPSG:2180.
	Geom orb.Geometry
}

// assetLayer finds the features near a point.
type assetLayer struct {
	list      []Feature
	polys     []orb.MultiPolygon // per feature; nil for lines
	withPolys []int              // the features that are polygons
	g         *grid
}

func newAssetLayer(list []Feature, cell float64) *assetLayer {
	l := &assetLayer{list: list, polys: make([]orb.MultiPolygon, len(list))}
	if len(list) == 0 {
		return l
	}
	var b orb.Bound
	for k, f := range list {
		if k == 0 {
			b = f.Geom.Bound()
		} else {
			b = b.Union(f.Geom.Bound())
		}
	}
	l.g = newGrid(b.Pad(1), cell)
	addLine := func(k int, ls []orb.Point, closed bool) {
		for i := 0; i+1 < len(ls); i++ {
			l.g.add(seg{owner: int32(k), a: ls[i], b: ls[i+1]})
		}
		if n := len(ls); closed && n > 1 && ls[0] != ls[n-1] {
			l.g.add(seg{owner: int32(k), a: ls[n-1], b: ls[0]})
		}
	}
	for k, f := range list {
		switch g := f.Geom.(type) {
		case orb.LineString:
			addLine(k, g, false)
		case orb.MultiLineString:
			for _, ls := range g {
				addLine(k, ls, false)
			}
		case orb.Polygon:
			l.polys[k] = orb.MultiPolygon{g}
		case orb.MultiPolygon:
			l.polys[k] = g
		case orb.Point:
			l.g.add(seg{owner: int32(k), a: g, b: g})
		}
		if l.polys[k] != nil {
			l.withPolys = append(l.withPolys, k)
		}
		for _, poly := range l.polys[k] {
			for _, ring := range poly {
				addLine(k, ring, true)
			}
		}
	}
	return l
}

// near returns, for every feature within r of p, its distance (0 inside a
// polygon feature).
func (l *assetLayer) near(p orb.Point, r float64) map[int]float64 {
	out := map[int]float64{}
	if l.g == nil {
		return out
	}
	l.g.near(p, r, func(owner int32, d float64) {
		if d > r {
			return
		}
		if old, ok := out[int(owner)]; !ok || d < old {
			out[int(owner)] = d
		}
	})
	for _, k := range l.withPolys {
		if mp := l.polys[k]; mp.Bound().Contains(p) && planar.MultiPolygonContains(mp, p) {
			out[k] = 0
		}
	}
	return out
}

// nearest picks the closest of found (ties: the lower index), or -1.
func nearest(found map[int]float64, keep func(int) bool) (int, float64) {
	best, bd := -1, math.Inf(1)
	for k, d := range found {
		if keep != nil && !keep(k) {
			continue
		}
		if d < bd || d == bd && k < best {
			best, bd = k, d
		}
	}
	return best, bd
}
