package parcels

import (
	"runtime"
	"testing"
)

// BenchmarkGCWithModel is the cost of one full garbage collection while a model
// of 300 000 parcels (60% with an address) is live: what the model adds to
// every GC cycle of a server.
func BenchmarkGCWithModel(b *testing.B) {
	m := bigModel(b, 300_000, true)
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
	runtime.KeepAlive(m)
}
