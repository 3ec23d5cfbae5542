package gpkg

import (
	"fmt"
	"math/rand"
	"path/filepath"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/store"
)

// benchParcel is a realistic parcel: a 12-vertex ring and the dzialki attributes.
func benchParcel(i int, ver string, start time.Time) *store.Object {
	x := 400000 + float64(i%1000)*30
	y := 300000 + float64(i/1000)*30
	ring := orb.Ring{}
	for k := 0; k < 12; k++ {
		ring = append(ring, orb.Point{x + float64(k%4)*7 + 0.123, y + float64(k/4)*9 + 0.456})
	}
	ring = append(ring, ring[0])
	return &store.Object{
		Layer: "dzialki", ID: fmt.Sprintf("5d1c6f0e-0000-4000-8000-%012d", i), Namespace: "PL.PZGiK.1004.EGiB",
		Version: ver, StartObject: t0(1), StartVersion: start,
		Geometry: orb.Polygon{ring},
		Attrs: map[string]any{
			"id_dzialki": fmt.Sprintf("141201_1.0001.%d/2", i), "numer_dzialki": fmt.Sprintf("%d/2", i),
			"id_obrebu": "141201_1.0001", "pole_ewidencyjne": 0.1234, "dokladnosc_pola": "0.0001",
			"numer_kw": "WA1M/00012345/6", "klasouzytki": `[{"ofu":"R","ozu":"R","ozk":"IVa","pole":0.1234}]`,
			"grupa_rejestrowa": "1",
		},
	}
}

// BenchmarkPut measures bulk insertion of new objects, 10 000 per transaction.
func BenchmarkPut(b *testing.B) {
	s, err := Create(filepath.Join(b.TempDir(), "bench.gpkg"), "bench", store.EGiBLayers)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	objs := make([]*store.Object, b.N)
	for i := range objs {
		objs[i] = benchParcel(i, "1", t0(2))
	}
	b.ResetTimer()
	start := time.Now()
	const batch = 10000
	for i := 0; i < b.N; i += batch {
		tx, err := s.Begin(ctx)
		if err != nil {
			b.Fatal(err)
		}
		for j := i; j < i+batch && j < b.N; j++ {
			if r, err := tx.Put(ctx, objs[j]); err != nil || r != store.Inserted {
				b.Fatal(r, err)
			}
		}
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "objects/s")
}

// BenchmarkPutUnchanged measures re-importing an identical dataset (all Unchanged).
func BenchmarkPutUnchanged(b *testing.B) {
	s, err := Create(filepath.Join(b.TempDir(), "bench.gpkg"), "bench", store.EGiBLayers)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	const n = 20000
	tx, _ := s.Begin(ctx)
	for i := 0; i < n; i++ {
		tx.Put(ctx, benchParcel(i, "1", t0(2)))
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	objs := make([]*store.Object, n)
	for i := range objs {
		objs[i] = benchParcel(i, "1", t0(2))
	}
	b.ResetTimer()
	start := time.Now()
	tx, _ = s.Begin(ctx)
	for i := 0; i < b.N; i++ {
		if r, err := tx.Put(ctx, objs[i%n]); err != nil || r != store.Unchanged {
			b.Fatal(r, err)
		}
	}
	tx.Rollback()
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "objects/s")
}

// BenchmarkQueryBound queries a 300 m × 300 m window (~100 parcels) at random
// places in a layer of 100 000 parcels.
func BenchmarkQueryBound(b *testing.B) {
	s, err := Create(filepath.Join(b.TempDir(), "bench.gpkg"), "bench", store.EGiBLayers)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	const n = 100000
	tx, _ := s.Begin(ctx)
	for i := 0; i < n; i++ {
		if _, err := tx.Put(ctx, benchParcel(i, "1", t0(2))); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewSource(1))
	rows := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x := 400000 + rng.Float64()*29700
		y := 300000 + rng.Float64()*2700
		bd := orb.Bound{Min: orb.Point{x, y}, Max: orb.Point{x + 300, y + 300}}
		if err := s.Query(ctx, store.Query{Layer: "dzialki", Bound: &bd}, func(store.Row) error { rows++; return nil }); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(rows)/float64(b.N), "rows/op")
}
