package egib

import (
	"github.com/paulmach/orb"
	"github.com/sip-core/sip/geo"
)

// DefaultResolver resolves srsNames with the geo package: the axis order comes from
// geo.Parse (urn:ogc:def:crs:EPSG::2177 is northing first, so the posList pairs are
// swapped), then the geometry is transformed to EPSG:2180 with x = E, y = N.
func DefaultResolver(srsName string) (Projector, error) {
	src, axis, err := geo.Parse(srsName)
	if err != nil {
		return nil, err
	}
	t, err := geo.NewTransform(src, geo.CRS2180)
	if err != nil {
		return nil, err
	}
	swap := axis == geo.NorthEast
	identity := t.IsIdentity()
	return func(g orb.Geometry) (orb.Geometry, error) {
		if swap {
			g = swapInPlace(g)
		}
		if identity {
			return g, nil
		}
		return t.Apply(g), nil
	}, nil
}

// swapInPlace exchanges x and y of a geometry the reader owns.
func swapInPlace(g orb.Geometry) orb.Geometry {
	switch v := g.(type) {
	case orb.Point:
		return orb.Point{v[1], v[0]}
	case orb.MultiPolygon:
		for _, p := range v {
			for _, r := range p {
				for i, pt := range r {
					r[i] = orb.Point{pt[1], pt[0]}
				}
			}
		}
		return v
	case orb.Polygon:
		swapInPlace(orb.MultiPolygon{v})
		return v
	}
	return geo.SwapXY(g)
}
