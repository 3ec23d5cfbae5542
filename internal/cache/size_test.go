package cache

import (
	"runtime"
	"testing"

	"github.com/paulmach/orb"
)

// The estimate is what the heap really grows by when the geometries are made,
// within a margin (allocation size classes round up).
func TestGeometrySizeMatchesHeap(t *testing.T) {
	const n = 20000
	keep := make([]orb.Geometry, n)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var est int64
	for i := range keep {
		ring := make(orb.Ring, 0, 7+i%5)
		for j := 0; j < cap(ring); j++ {
			ring = append(ring, orb.Point{float64(i), float64(j)})
		}
		g := orb.MultiPolygon{orb.Polygon{ring}}
		keep[i] = g
		est += GeometrySize(g)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	got := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	if ratio := float64(est) / float64(got); ratio < 0.7 || ratio > 1.3 {
		t.Errorf("estimated %d bytes for %d geometries, the heap grew by %d (ratio %.2f)", est, n, got, ratio)
	}
	runtime.KeepAlive(keep)
}
