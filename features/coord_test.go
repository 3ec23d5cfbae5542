package features

import (
	"math"
	"math/rand"
	"strconv"
	"testing"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/geo"
)

// refCoord is how coordinates were written before appendCoord: round, then
// strconv's shortest form.
func refCoord(o *outCRS, p orb.Point, sep byte) []byte {
	x, y := p[0], p[1]
	if !o.tr.IsIdentity() {
		x, y = o.tr.Point(x, y)
		x, y = math.Round(x*o.prec)/o.prec, math.Round(y*o.prec)/o.prec
	}
	if o.axis == geo.NorthEast {
		x, y = y, x
	}
	b := strconv.AppendFloat(nil, x, 'f', -1, 64)
	b = append(b, sep)
	return strconv.AppendFloat(b, y, 'f', -1, 64)
}

// TestAppendCoord: the fast coordinate writer gives strconv's bytes for every
// output CRS, over Poland and far from it, on rounding boundaries and at zero.
func TestAppendCoord(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	outs := []*outCRS{newOutCRS(geo.CRS84, geo.EastNorth), newOutCRS(geo.CRS2180, geo.NorthEast)}
	for _, code := range []int{4326, 2177, 3857, 2180} {
		c, ok := geo.Lookup(code)
		if !ok {
			t.Fatalf("no EPSG:%d", code)
		}
		outs = append(outs, newOutCRS(c, geo.NorthEast), newOutCRS(c, geo.EastNorth))
	}
	pts := []orb.Point{{0, 0}, {500000, 0}, {-1e-9, 1e-9}, {1e13, -1e13}, {math.NaN(), 1}, {math.Inf(1), 5e5}}
	for i := 0; i < 20000; i++ {
		x := 150000 + rng.Float64()*750000
		y := 130000 + rng.Float64()*780000
		switch i % 4 {
		case 1: // millimetre grid, as ingested coordinates often are
			x, y = math.Round(x*1000)/1000, math.Round(y*1000)/1000
		case 2: // far away
			x, y = (rng.Float64()-0.5)*4e7, (rng.Float64()-0.5)*4e7
		case 3: // half-way values
			x, y = math.Floor(x)+0.0005, math.Floor(y)+0.5
		}
		pts = append(pts, orb.Point{x, y})
	}
	for _, o := range outs {
		for _, p := range pts {
			got, want := o.appendCoord(nil, p, ','), refCoord(o, p, ',')
			if string(got) != string(want) {
				t.Fatalf("%s %v: %s, want %s", o.crs, p, got, want)
			}
		}
	}
	// appendScaled on its own, over the whole range it handles
	for _, o := range outs[:2] {
		for i := 0; i < 200000; i++ {
			k := math.Round((rng.Float64() - 0.5) * math.Pow(2, float64(rng.Intn(52))))
			got, want := o.appendScaled(nil, k), strconv.AppendFloat(nil, k/o.prec, 'f', -1, 64)
			if string(got) != string(want) {
				t.Fatalf("prec %g, k %v: %s, want %s", o.prec, k, got, want)
			}
		}
	}
}
