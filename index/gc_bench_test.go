package index

import (
	"fmt"
	"runtime"
	"testing"
)

// BenchmarkGCWithLayer is the cost of one full garbage collection while a layer
// of a million ids is live: what the index adds to every GC cycle of a server.
func BenchmarkGCWithLayer(b *testing.B) {
	items := make([]Item, 1_000_000)
	for i := range items {
		x := float64(i % 1000)
		y := float64(i / 1000)
		items[i] = Item{fmt.Sprintf("%08x-0000-4000-8000-%012d", i, i), Box{x, y, x + 1, y + 1}}
	}
	l := NewLayer(items)
	items = nil
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ResetTimer()
	for b.Loop() {
		runtime.GC()
	}
	b.StopTimer()
	b.ReportMetric(float64(ms.HeapObjects), "heap-objects")
	b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "heap-MB")
	runtime.KeepAlive(l)
}
