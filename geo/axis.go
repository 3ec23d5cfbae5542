package geo

import (
	"math"

	"github.com/paulmach/orb"
)

// BoxAxisOrder settles the axis order of a box written in c whose writer may
// not have used the order it declared: the box, as written (Min and Max as
// they came, first coordinate in x), is read in order unless read that way it
// misses extent (EPSG:2180, x = E) entirely while read in the other order it
// meets it; then the other order is returned. Clients of WFS 2.0 write
// EPSG:2180 boxes easting first while the name says northing first (OWSLib
// with "EPSG:2180", and with its http://www.opengis.net/def/crs/EPSG/0/2180
// in POSTed filters), and 4326 boxes come both ways. A box that meets the
// extent both ways, or neither, keeps the declared order: the extent only
// decides where the declared order finds nothing at all.
func BoxAxisOrder(b orb.Bound, c *CRS, order AxisOrder, extent orb.Bound) AxisOrder {
	other := EastNorth
	if order == EastNorth {
		other = NorthEast
	}
	if boxMeets(b, c, order, extent) || !boxMeets(b, c, other, extent) {
		return order
	}
	return other
}

// boxMeets reports whether the box as written, read in order, meets extent.
func boxMeets(b orb.Bound, c *CRS, order AxisOrder, extent orb.Bound) bool {
	if order == NorthEast {
		b = orb.Bound{Min: orb.Point{b.Min[1], b.Min[0]}, Max: orb.Point{b.Max[1], b.Max[0]}}
	}
	if c.Geographic && (b.Min[1] < -90 || b.Max[1] > 90) {
		return false // not a latitude
	}
	tr, err := NewTransform(c, CRS2180)
	if err != nil {
		return false
	}
	sb := tr.Bound(b)
	return !math.IsNaN(sb.Min[0]) && sb.Intersects(extent)
}
