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

// FuzzWMTSGetTile: any GetTile parameters either name a tile inside the
// declared WMTS matrix of a grid or are refused with a 400 WMTS exception.
func FuzzWMTSGetTile(f *testing.F) {
	for _, s := range [][6]string{{"default", "image/png", "PL-1992", "16", "1090", "1023"}, {"", "", "WebMercatorQuad", "0", "0", "0"},
		{"x", "image/png", "PL-1992", "4", "0", "0"}, {"default", "image/jpeg", "2180", "22", "99999999", "1"}, {"", "", "pl1992", "5", "1", "0"}} {
		f.Add(s[0], s[1], s[2], s[3], s[4], s[5])
	}
	f.Fuzz(func(t *testing.T, style, format, tms, z, row, col string) {
		g, zz, x, y, e := wmtsTile{layer: "dzialki", style: style, format: format, tms: tms, z: z, row: row, col: col}.parse()
		if e != nil {
			if e.Status != 400 || e.Code == "" || e.Locator == "" {
				t.Fatalf("error %+v", e)
			}
			return
		}
		n := wmtsMatrixSize(g, zz)
		if zz < wmtsMinZoom(g) || zz > DynamicMaxZoom || x < 0 || y < 0 || x >= n || y >= n || !g.Valid(zz, x, y) {
			t.Fatalf("accepted %s %d/%d/%d", g.ID, zz, x, y)
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
