package postgis

import (
	"fmt"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/storetest"
)

// benchParcel is a parcel with a 12-point ring and the attributes of a real one.
func benchParcel(i int, ver string, start time.Time) *store.Object {
	x, y := float64(400000+(i%1000)*30), float64(500000+(i/1000)*30)
	ring := orb.Ring{}
	for k := 0; k < 12; k++ {
		dx, dy := []float64{0, 10, 20, 25, 25, 25, 20, 10, 0, 0, 0, 0}[k], []float64{0, 0, 0, 0, 10, 20, 25, 25, 25, 20, 10, 0}[k]
		ring = append(ring, orb.Point{x + dx, y + dy})
	}
	ring = append(ring, ring[0])
	return &store.Object{
		Layer: "dzialki", ID: fmt.Sprintf("6f1c2d3e-%08d", i), Namespace: "PL.PZGiK.1004.EGiB", Version: ver,
		StartObject: storetest.T0(1), StartVersion: start, Geometry: orb.Polygon{ring},
		Attrs: map[string]any{
			"id_dzialki": fmt.Sprintf("141201_1.0001.%d", i), "numer_dzialki": fmt.Sprint(i), "id_obrebu": "141201_1.0001",
			"pole_ewidencyjne": 0.1234, "dokladnosc_pola": "0.0001", "numer_kw": "WA1M/00012345/6",
			"klasouzytki": `[{"ofu":"R","ozu":"R","ozk":"IVa","pole":0.1234}]`, "grupa_rejestrowa": "1",
		},
	}
}

// BenchmarkPut measures a first load of new objects in one transaction (COPY).
func BenchmarkPut(b *testing.B) {
	s := newStore(b, "bench", store.EGiBLayers)
	objs := make([]*store.Object, b.N)
	for i := range objs {
		objs[i] = benchParcel(i, "1", storetest.T0(2))
	}
	b.ResetTimer()
	start := time.Now()
	tx, err := s.Begin(ctx)
	if err != nil {
		b.Fatal(err)
	}
	for _, o := range objs {
		if r, err := tx.Put(ctx, o); err != nil || r != store.Inserted {
			b.Fatal(r, err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "objects/s")
}

// BenchmarkPutUnchanged measures re-importing identical objects (all Unchanged).
func BenchmarkPutUnchanged(b *testing.B) {
	s := newStore(b, "bench", store.EGiBLayers)
	const n = 20000
	objs := make([]*store.Object, n)
	for i := range objs {
		objs[i] = benchParcel(i, "1", storetest.T0(2))
	}
	storetest.Put(b, s, objs...)
	b.ResetTimer()
	start := time.Now()
	tx, _ := s.Begin(ctx)
	for i := 0; i < b.N; i++ {
		if r, err := tx.Put(ctx, objs[i%n]); err != nil || r != store.Unchanged {
			b.Fatal(r, err)
		}
	}
	tx.Rollback()
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "objects/s")
}
