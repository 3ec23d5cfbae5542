package parcels

import (
	"fmt"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/wkb"
	"github.com/twpayne/go-geos"
)

// GEOS does the exact geometry of the card and of aggregated areas. A Context
// is not safe for concurrent use: every call below makes its own (cheap next to
// the geometry work it does).

func ring(r orb.Ring) [][]float64 {
	out := make([][]float64, len(r))
	for i, p := range r {
		out[i] = []float64{p[0], p[1]}
	}
	return out
}

// toGEOS converts a multipolygon (EPSG:2180) to a GEOS geometry.
func toGEOS(c *geos.Context, mp orb.MultiPolygon) *geos.Geom {
	polys := make([]*geos.Geom, 0, len(mp))
	for _, p := range mp {
		rings := make([][][]float64, len(p))
		for i, r := range p {
			rings[i] = ring(r)
		}
		polys = append(polys, c.NewPolygon(rings))
	}
	return c.NewCollection(geos.TypeIDMultiPolygon, polys)
}

// fromGEOS converts a GEOS areal geometry back, keeping only its polygons.
func fromGEOS(g *geos.Geom) (orb.MultiPolygon, error) {
	og, err := wkb.Unmarshal(g.ToWKB())
	if err != nil {
		return nil, fmt.Errorf("parcels: reading GEOS output: %w", err)
	}
	var out orb.MultiPolygon
	var walk func(orb.Geometry)
	walk = func(x orb.Geometry) {
		switch x := x.(type) {
		case orb.Polygon:
			out = append(out, x)
		case orb.MultiPolygon:
			out = append(out, x...)
		case orb.Collection:
			for _, y := range x {
				walk(y)
			}
		}
	}
	walk(og)
	return out, nil
}

// union dissolves multipolygons into one (shared boundaries removed).
func union(parts []orb.MultiPolygon) (orb.MultiPolygon, error) {
	c := geos.NewContext()
	var polys []*geos.Geom
	for _, mp := range parts {
		for _, p := range mp {
			rings := make([][][]float64, len(p))
			for i, r := range p {
				rings[i] = ring(r)
			}
			polys = append(polys, c.NewPolygon(rings))
		}
	}
	if len(polys) == 0 {
		return nil, nil
	}
	g := c.NewCollection(geos.TypeIDMultiPolygon, polys)
	u := g.UnaryUnion()
	return fromGEOS(u)
}

// overlay holds one parcel geometry prepared for repeated exact tests.
type overlay struct {
	c      *geos.Context
	parcel *geos.Geom
	prep   *geos.PrepGeom
	border *geos.Geom
}

func newOverlay(mp orb.MultiPolygon) *overlay {
	c := geos.NewContext()
	g := toGEOS(c, mp)
	if !g.IsValid() {
		g = g.MakeValid()
	}
	return &overlay{c: c, parcel: g, prep: g.Prepare(), border: g.Boundary()}
}

// area is the parcel's computed area in m².
func (o *overlay) area() float64 { return o.parcel.Area() }

// sharedArea is the area of mp inside the parcel, in m² (0 when they only touch).
func (o *overlay) sharedArea(mp orb.MultiPolygon) float64 {
	g := toGEOS(o.c, mp)
	if !o.prep.Intersects(g) {
		return 0
	}
	if !g.IsValid() {
		g = g.MakeValid()
	}
	return o.parcel.Intersection(g).Area()
}

// sharedBorder is the length of boundary mp shares with the parcel, in m, and
// whether the two touch at all (a corner counts as touching with length 0).
// tol absorbs the rounding of coordinates of neighbouring parcels.
func (o *overlay) sharedBorder(mp orb.MultiPolygon, tol float64) (float64, bool) {
	g := toGEOS(o.c, mp)
	if !g.DistanceWithin(o.parcel, tol) {
		return 0, false
	}
	b := g.Boundary()
	return o.border.Intersection(b.Buffer(tol, 2)).Length(), true
}
