package filter

import (
	"math"
	"math/rand"
	"testing"

	"github.com/paulmach/orb"
	geos "github.com/twpayne/go-geos"
)

// TestIntersectsBoxAgainstGEOS: IntersectsBox answers what GEOS's intersects
// answers, for polygons with holes, multipolygons, lines and points against
// boxes that miss, straddle, contain, touch or lie inside them or their holes.
func TestIntersectsBoxAgainstGEOS(t *testing.T) {
	ctx := geos.NewContext()
	rng := rand.New(rand.NewSource(1))
	star := func(cx, cy, r float64, n int, cw bool) orb.Ring {
		ring := make(orb.Ring, 0, n+1)
		for i := range n {
			a := 2 * math.Pi * float64(i) / float64(n)
			if cw {
				a = -a
			}
			rr := r * (0.5 + rng.Float64()/2)
			ring = append(ring, orb.Point{math.Round(cx + rr*math.Cos(a)), math.Round(cy + rr*math.Sin(a))})
		}
		return append(ring, ring[0])
	}
	var geoms []orb.Geometry
	for range 200 {
		cx, cy := rng.Float64()*100, rng.Float64()*100
		outer := star(cx, cy, 30, 3+rng.Intn(12), false)
		hole := star(cx, cy, 8, 3+rng.Intn(6), true)
		geoms = append(geoms, orb.Polygon{outer}, orb.Polygon{outer, hole},
			orb.MultiPolygon{{outer, hole}, {star(cx+70, cy, 10, 5, false)}},
			orb.LineString(outer[:len(outer)/2+1]), orb.Point{math.Round(cx), math.Round(cy)},
			orb.MultiLineString{orb.LineString(hole)})
	}
	n, hits := 0, 0
	for _, g := range geoms {
		fg, err := toGEOS(ctx, g)
		if err != nil {
			t.Fatal(err)
		}
		for range 60 {
			// integer corners, so that boxes touch vertices and run along edges
			x0, y0 := math.Round(rng.Float64()*120-10), math.Round(rng.Float64()*120-10)
			w, h := math.Round(rng.Float64()*40), math.Round(rng.Float64()*40)
			if rng.Intn(8) == 0 {
				w = 0 // a box of no width: a segment (or a point) in GEOS's terms
			}
			b := orb.Bound{Min: orb.Point{x0, y0}, Max: orb.Point{x0 + w, y0 + h}}
			want := boxGEOS(ctx, b).Intersects(fg)
			if got := IntersectsBox(g, b); got != want {
				t.Fatalf("%T %v and box %v: %v, GEOS says %v", g, g, b, got, want)
			}
			n++
			if want {
				hits++
			}
		}
	}
	if hits < n/10 || hits > n*9/10 {
		t.Errorf("%d of %d pairs intersect: the cases are lopsided", hits, n)
	}
	t.Logf("%d pairs, %d intersecting", n, hits)
}

// boxGEOS is the closed box as GEOS sees it: a polygon, or the segment or
// point a degenerate box is.
func boxGEOS(ctx *geos.Context, b orb.Bound) *geos.Geom {
	switch {
	case b.Min == b.Max:
		return ctx.NewPoint([]float64{b.Min[0], b.Min[1]})
	case b.Min[0] == b.Max[0] || b.Min[1] == b.Max[1]:
		return ctx.NewLineString([][]float64{{b.Min[0], b.Min[1]}, {b.Max[0], b.Max[1]}})
	}
	return ctx.NewGeomFromBounds(b.Min[0], b.Min[1], b.Max[0], b.Max[1])
}
