package synth

import "testing"

// unitSquare is the counter-clockwise cell (x, y) of a 1 m grid.
func unitSquare(x, y int64) []pt {
	return []pt{{y * 100, x * 100}, {y * 100, (x + 1) * 100}, {(y + 1) * 100, (x + 1) * 100}, {(y + 1) * 100, x * 100}}
}

func simple(t *testing.T, rings [][]pt) {
	t.Helper()
	for _, r := range rings {
		seen := map[pt]bool{}
		for _, p := range r {
			if seen[p] {
				t.Errorf("ring %v passes %v twice", r, p)
			}
			seen[p] = true
		}
	}
}

// Two cells touching at one corner dissolve into two rings, not one ring that
// passes the shared corner twice.
func TestAssembleTwoLobes(t *testing.T) {
	var segs []seg
	segs = appendRingSegs(segs, unitSquare(0, 0))
	segs = appendRingSegs(segs, unitSquare(1, 1))
	rings := assemble(segs)
	simple(t, rings)
	polys := splitPolys(rings)
	if len(polys) != 2 || len(polys[0]) != 1 || len(polys[1]) != 1 {
		t.Fatalf("want two one-ring polygons, got %v", polys)
	}
}

// A 3×3 block without its corner cell (0,0) and its centre (1,1): the hole at
// the centre touches the notch at the corner point (1,1). That is one polygon
// with an exterior and a hole meeting at a vertex.
func TestAssembleHoleTouchingExterior(t *testing.T) {
	var segs []seg
	for x := int64(0); x < 3; x++ {
		for y := int64(0); y < 3; y++ {
			if (x == 0 && y == 0) || (x == 1 && y == 1) {
				continue
			}
			segs = appendRingSegs(segs, unitSquare(x, y))
		}
	}
	rings := assemble(segs)
	simple(t, rings)
	polys := splitPolys(rings)
	if len(polys) != 1 || len(polys[0]) != 2 {
		t.Fatalf("want one polygon with a hole, got %v", polys)
	}
	if a := polyArea2(polys[0]); a != 7*20000 {
		t.Errorf("area %v m², want 7", m2(a))
	}
}
