package features

import (
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

func ptr[T any](v T) *T { return &v }

func orbBound(x0, y0, x1, y1 float64) orb.Bound {
	return orb.Bound{Min: orb.Point{x0, y0}, Max: orb.Point{x1, y1}}
}

func planarCentroid(g orb.Geometry) (orb.Point, float64) { return planar.CentroidArea(g) }
