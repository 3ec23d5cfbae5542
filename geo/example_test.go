package geo_test

import (
	"fmt"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/geo"
)

// A CRS name says which axis comes first: EPSG:2180 and its URN are
// northing first, the legacy GML URL and CRS:84 are x/y.
func ExampleParse() {
	for _, name := range []string{"EPSG:2180", "urn:ogc:def:crs:EPSG::2177", "http://www.opengis.net/gml/srs/epsg.xml#2180", "CRS:84"} {
		crs, order, err := geo.Parse(name)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s: EPSG %d, %s\n", name, crs.Code, order)
	}
	_, _, err := geo.Parse("EPSG:9999")
	fmt.Println(err != nil)
	// Output:
	// EPSG:2180: EPSG 2180, NorthEast
	// urn:ogc:def:crs:EPSG::2177: EPSG 2177, NorthEast
	// http://www.opengis.net/gml/srs/epsg.xml#2180: EPSG 2180, EastNorth
	// CRS:84: EPSG 0, EastNorth
	// true
}

// A point near Łask from longitude and latitude to PL-1992 (EPSG:2180,
// easting and northing in metres; PROJ's cs2cs gives the same to the
// centimetre) and back; coordinates in and out are x/y, whatever
// the CRS's official axis order.
func ExampleTransform() {
	t, err := geo.NewTransform(geo.CRS4326, geo.CRS2180)
	if err != nil {
		panic(err)
	}
	e, n := t.Point(19.0, 51.6)
	fmt.Printf("E %.2f N %.2f\n", e, n)
	lon, lat := t.Inverse().Point(e, n)
	fmt.Printf("lon %.6f lat %.6f\n", lon, lat)
	p := t.Apply(orb.Point{19, 52}).(orb.Point)
	fmt.Printf("E %.0f N %.0f\n", p[0], p[1])
	// Output:
	// E 500000.00 N 414834.94
	// lon 19.000000 lat 51.600000
	// E 500000 N 459309
}

// Geometries travel with the CRS's own axis order only at the protocol edge.
func ExampleToAxisOrder() {
	p := orb.Point{500000, 300000} // easting, northing inside the system
	fmt.Println(geo.ToAxisOrder(p, geo.NorthEast))
	fmt.Println(geo.ToAxisOrder(p, geo.EastNorth))
	// Output:
	// [300000 500000]
	// [500000 300000]
}
