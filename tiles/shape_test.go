package tiles

import (
	"math"
	"testing"

	"github.com/paulmach/orb"
)

// TestShape: a Shape decodes to its geometry within half a quantum, with the
// rings, parts and holes it had; a vertex shared by two objects decodes to the
// same value in both whatever their origins; a part spanning more than the
// int32 range takes a coarser quantum instead of wrapping.
func TestShape(t *testing.T) {
	ring := func(x0, y0, w float64) orb.Ring {
		return orb.Ring{{x0, y0}, {x0 + w, y0}, {x0 + w, y0 + w}, {x0, y0 + w}, {x0, y0}}
	}
	mp := orb.MultiPolygon{
		{ring(2113000.123456, 6720000.987654, 100), ring(2113010.5, 6720010.25, 10)},
		{ring(2113500.3333333, 6720500.6666666, 50)},
	}
	s := NewShape(mp, nil)
	if s.Kind() != ShapePolygons || s.Rings() != 3 || s.Points() != 12 {
		t.Fatalf("kind %d rings %d points %d", s.Kind(), s.Rings(), s.Points())
	}
	got, ok := s.Geometry().(orb.MultiPolygon)
	if !ok || len(got) != 2 || len(got[0]) != 2 || len(got[1]) != 1 {
		t.Fatalf("decoded %v", s.Geometry())
	}
	for i, p := range mp {
		for j, r := range p {
			if len(got[i][j]) != len(r) {
				t.Fatalf("ring %d/%d: %d points, want %d (closed)", i, j, len(got[i][j]), len(r))
			}
			for k, pt := range r {
				g := got[i][j][k]
				if math.Abs(g[0]-pt[0]) > 0.5/1024 || math.Abs(g[1]-pt[1]) > 0.5/1024 {
					t.Fatalf("point %v decodes to %v", pt, g)
				}
				if g[0]*1024 != math.Round(g[0]*1024) {
					t.Fatalf("decoded %v is not a multiple of the quantum", g[0])
				}
			}
		}
	}
	if b := s.Bound(); b != got.Bound() {
		t.Errorf("bound %v, decoded geometry's %v", b, got.Bound())
	}
	// A shared vertex, in shapes with different origins.
	v := orb.Point{2113777.777777777, 6720333.333333333}
	a := NewShape(orb.Polygon{orb.Ring{{2113000, 6720000}, v, {2113000, 6720400}, {2113000, 6720000}}}, nil)
	b := NewShape(orb.Polygon{orb.Ring{v, {2114500.5, 6720333}, {2114500.5, 6721999}, v}}, nil)
	if a.Point(1) != b.Point(0) {
		t.Errorf("shared vertex decodes to %v and %v", a.Point(1), b.Point(0))
	}
	// Points and a huge line.
	pts := NewShape(orb.MultiPoint{{1, 2}, {3, 4}}, nil)
	if pts.Kind() != ShapePoints || pts.Points() != 2 || pts.Point(1) != (orb.Point{3, 4}) {
		t.Errorf("points %v", pts.Geometry())
	}
	huge := NewShape(orb.LineString{{-2e7, -2e7}, {2e7, 2e7}, {0.3, 0.7}}, nil)
	hg := huge.Geometry().(orb.MultiLineString)[0]
	if huge.Kind() != ShapeLines || hg[0] != (orb.Point{-2e7, -2e7}) || hg[1] != (orb.Point{2e7, 2e7}) || math.Abs(hg[2][0]-0.3) > 0.5 {
		t.Errorf("huge line %v", hg)
	}
	if NewShape(orb.Collection{}, nil) != nil || NewShape(orb.MultiPolygon{}, nil) != nil {
		t.Error("empty or unsupported geometries make shapes")
	}
}
