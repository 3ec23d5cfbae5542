package parcels

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/store"
)

// BenchmarkGCWithModel is the cost of one full garbage collection while a model
// of 300 000 parcels is live: what the model adds to every GC cycle of a server.
func BenchmarkGCWithModel(b *testing.B) {
	m := &model{byUUID: map[string]*parcel{}, obreby: map[string]*area{}, obrUUID: map[string]*area{},
		jedn: map[string]*area{}, jedUUID: map[string]*area{}, search: newSearchIndex()}
	for i := range 300_000 {
		x, y := float64(i%600)*50+400000, float64(i/600)*50+500000
		ring := orb.Ring{{x, y}, {x + 50, y}, {x + 50, y + 20}, {x + 50, y + 50}, {x + 20, y + 50}, {x, y + 50}, {x, y}}
		obr := fmt.Sprintf("100301_1.%04d", i/5000)
		m.put(&store.Object{Layer: "dzialki", ID: fmt.Sprintf("%08x-0000-4000-8000-%012d", i, i), Geometry: orb.MultiPolygon{{ring}},
			Attrs: map[string]any{"id_dzialki": fmt.Sprintf("%s.%d/%d", obr, i%5000, i%7), "numer_dzialki": fmt.Sprintf("%d/%d", i%5000, i%7), "id_obrebu": obr}})
	}
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
