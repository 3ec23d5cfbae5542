package tiles

import (
	"math"
	"testing"

	"github.com/sip-core/sip/tiles/mvt"
)

func FuzzParseTile(f *testing.F) {
	for _, s := range [][3]string{{"14", "9062", "5442"}, {"0", "0", "0"}, {"-1", "0", "0"}, {"99999999999", "1", "1"}, {"01", "0", "0"}, {"3", "8", "0"}} {
		f.Add(s[0], s[1], s[2])
	}
	f.Fuzz(func(t *testing.T, z, x, y string) {
		for _, g := range Grids {
			zz, xx, yy, e := ParseTile(g, z, x, y)
			if e == nil && !g.Valid(zz, xx, yy) {
				t.Fatalf("accepted invalid %d/%d/%d", zz, xx, yy)
			}
			if e != nil && e.Status != 400 {
				t.Fatalf("status %d", e.Status)
			}
		}
	})
}

// FuzzClip: any ring clips and quantises to points inside the buffered square,
// without panics, and never to a degenerate ring.
func FuzzClip(f *testing.F) {
	f.Add(-100.0, -100.0, 5000.0, 10.0, 2000.0, 6000.0, 10.0, 10.0)
	f.Add(0.0, 0.0, 4096.0, 0.0, 4096.0, 4096.0, 0.0, 4096.0)
	f.Fuzz(func(t *testing.T, a, b, c, d, e, g, h, i float64) {
		in := []fpt{{a, b}, {c, d}, {e, g}, {h, i}}
		for _, p := range in {
			if math.IsNaN(p.x) || math.IsNaN(p.y) || math.Abs(p.x) > 1e9 || math.Abs(p.y) > 1e9 {
				return
			}
		}
		out, _ := clipRing(in, -Buffer, Extent+Buffer, nil)
		q := quantize(out, nil)
		if len(q) != 0 && len(q) < 3 {
			t.Fatalf("degenerate ring %v", q)
		}
		for _, p := range q {
			if p.X < -Buffer-1 || p.Y < -Buffer-1 || p.X > Extent+Buffer+1 || p.Y > Extent+Buffer+1 {
				t.Fatalf("point %v outside the buffer", p)
			}
		}
		if len(q) >= 3 {
			_ = mvt.RingArea(q)
		}
	})
}
