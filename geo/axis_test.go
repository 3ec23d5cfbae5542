package geo

import (
	"testing"

	"github.com/paulmach/orb"
)

// TestBoxAxisOrder: a box that finds nothing of the data in its declared
// order but does in the other is read in the other; any other box keeps the
// declared order.
func TestBoxAxisOrder(t *testing.T) {
	// a county around Łask, EPSG:2180 x = E
	extent := orb.Bound{Min: orb.Point{505000, 411000}, Max: orb.Point{513000, 416000}}
	crs4326, _ := Lookup(4326)
	for _, tc := range []struct {
		name        string
		box         orb.Bound
		c           *CRS
		order, want AxisOrder
	}{
		{"E,N written with EPSG:2180 (OWSLib)", orb.Bound{Min: orb.Point{508000, 413000}, Max: orb.Point{509000, 414000}}, CRS2180, NorthEast, EastNorth},
		{"N,E as declared", orb.Bound{Min: orb.Point{413000, 508000}, Max: orb.Point{414000, 509000}}, CRS2180, NorthEast, NorthEast},
		{"E,N as declared", orb.Bound{Min: orb.Point{508000, 413000}, Max: orb.Point{509000, 414000}}, CRS2180, EastNorth, EastNorth},
		{"N,E declared E,N", orb.Bound{Min: orb.Point{413000, 508000}, Max: orb.Point{414000, 509000}}, CRS2180, EastNorth, NorthEast},
		{"missing both ways", orb.Bound{Min: orb.Point{600000, 600000}, Max: orb.Point{601000, 601000}}, CRS2180, NorthEast, NorthEast},
		{"meeting both ways", orb.Bound{Min: orb.Point{400000, 400000}, Max: orb.Point{600000, 600000}}, CRS2180, NorthEast, NorthEast},
		{"lon,lat declared lat,lon", orb.Bound{Min: orb.Point{19.1, 51.57}, Max: orb.Point{19.15, 51.6}}, crs4326, NorthEast, EastNorth},
		{"lat,lon as declared", orb.Bound{Min: orb.Point{51.57, 19.1}, Max: orb.Point{51.6, 19.15}}, crs4326, NorthEast, NorthEast},
		{"lat,lon declared lon,lat", orb.Bound{Min: orb.Point{51.57, 19.1}, Max: orb.Point{51.6, 19.15}}, CRS84, EastNorth, NorthEast},
	} {
		if got := BoxAxisOrder(tc.box, tc.c, tc.order, extent); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}
