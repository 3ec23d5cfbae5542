package gpkg

import (
	"github.com/paulmach/orb"

	"github.com/sip-core/sip/store/internal/record"
)

// SQL functions required by the gpkg_rtree_index triggers. They take a GeoPackage
// geometry blob and return NULL for NULL, empty or unparsable input.

func sqlIsEmpty(b []byte) any {
	if b == nil {
		return nil
	}
	h, err := record.ParseHeader(b)
	if err != nil {
		return nil
	}
	if h.Empty {
		return int64(1)
	}
	if _, ok := record.BlobBound(b); !ok {
		return int64(1)
	}
	return int64(0)
}

func boundFunc(pick func(orb.Bound) float64) func([]byte) any {
	return func(b []byte) any {
		if b == nil {
			return nil
		}
		bd, ok := record.BlobBound(b)
		if !ok {
			return nil
		}
		return pick(bd)
	}
}

var (
	sqlMinX = boundFunc(func(b orb.Bound) float64 { return b.Min[0] })
	sqlMaxX = boundFunc(func(b orb.Bound) float64 { return b.Max[0] })
	sqlMinY = boundFunc(func(b orb.Bound) float64 { return b.Min[1] })
	sqlMaxY = boundFunc(func(b orb.Bound) float64 { return b.Max[1] })
)

// sqlIntersects is sip_bbox_intersects(geom, minx, miny, maxx, maxy): whether the
// exact envelope of geom intersects the box. Used to refine R-tree candidates, whose
// float32 boxes are rounded outwards.
func sqlIntersects(b []byte, minx, miny, maxx, maxy float64) int64 {
	bd, ok := record.BlobBound(b)
	if !ok {
		return 0
	}
	if bd.Min[0] > maxx || bd.Max[0] < minx || bd.Min[1] > maxy || bd.Max[1] < miny {
		return 0
	}
	return 1
}
