package cache

import "github.com/paulmach/orb"

// GeometrySize estimates the heap an orb geometry holds: its points and its
// slice headers (what a cache entry holding it should be charged).
func GeometrySize(g orb.Geometry) int64 {
	const hdr = 24
	switch g := g.(type) {
	case orb.Point:
		return 16
	case orb.MultiPoint:
		return hdr + 16*int64(cap(g))
	case orb.LineString:
		return hdr + 16*int64(cap(g))
	case orb.Ring:
		return hdr + 16*int64(cap(g))
	case orb.MultiLineString:
		n := hdr + hdr*int64(cap(g))
		for _, l := range g {
			n += 16 * int64(cap(l))
		}
		return n
	case orb.Polygon:
		n := hdr + hdr*int64(cap(g))
		for _, r := range g {
			n += 16 * int64(cap(r))
		}
		return n
	case orb.MultiPolygon:
		n := hdr + hdr*int64(cap(g))
		for _, p := range g {
			n += GeometrySize(p)
		}
		return n
	case orb.Collection:
		n := hdr + 16*int64(cap(g))
		for _, x := range g {
			n += GeometrySize(x)
		}
		return n
	}
	return 64
}
