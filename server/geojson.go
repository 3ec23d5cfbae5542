package server

import (
	"strconv"

	"github.com/paulmach/orb"
)

// appendGeoJSONGeometry appends the RFC 7946 geometry object of g (coordinates as
// stored: EPSG:2180 E, N). orb/geojson is not used: it drags in a BSON driver.
func appendGeoJSONGeometry(b []byte, g orb.Geometry) []byte {
	switch g := g.(type) {
	case nil:
		return append(b, "null"...)
	case orb.Point:
		b = append(b, `{"type":"Point","coordinates":`...)
		b = appendPoint(b, g)
	case orb.MultiPoint:
		b = append(b, `{"type":"MultiPoint","coordinates":`...)
		b = appendPoints(b, g)
	case orb.LineString:
		b = append(b, `{"type":"LineString","coordinates":`...)
		b = appendPoints(b, g)
	case orb.MultiLineString:
		b = append(b, `{"type":"MultiLineString","coordinates":[`...)
		for i, l := range g {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendPoints(b, l)
		}
		b = append(b, ']')
	case orb.Ring:
		return appendGeoJSONGeometry(b, orb.Polygon{g})
	case orb.Polygon:
		b = append(b, `{"type":"Polygon","coordinates":`...)
		b = appendPolygon(b, g)
	case orb.MultiPolygon:
		b = append(b, `{"type":"MultiPolygon","coordinates":[`...)
		for i, p := range g {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendPolygon(b, p)
		}
		b = append(b, ']')
	case orb.Collection:
		b = append(b, `{"type":"GeometryCollection","geometries":[`...)
		for i, x := range g {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendGeoJSONGeometry(b, x)
		}
		b = append(b, ']')
	case orb.Bound:
		return appendGeoJSONGeometry(b, g.ToPolygon())
	default:
		return append(b, "null"...)
	}
	return append(b, '}')
}

func appendPoint(b []byte, p orb.Point) []byte {
	b = append(b, '[')
	b = strconv.AppendFloat(b, p[0], 'f', -1, 64)
	b = append(b, ',')
	b = strconv.AppendFloat(b, p[1], 'f', -1, 64)
	return append(b, ']')
}

func appendPoints[S ~[]orb.Point](b []byte, ps S) []byte {
	b = append(b, '[')
	for i, p := range ps {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendPoint(b, p)
	}
	return append(b, ']')
}

func appendPolygon(b []byte, p orb.Polygon) []byte {
	b = append(b, '[')
	for i, r := range p {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendPoints(b, r)
	}
	return append(b, ']')
}
