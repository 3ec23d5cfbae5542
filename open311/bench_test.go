package open311

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/gpkg"
)

// benchCounty loads the model of a county from SIP_BENCH_DIR (county.gpkg
// and drogi.gpkg, as open311/bench.sh makes them for the 300k county) the
// way the service does, and random points over its jednostki.
func benchCounty(b *testing.B) (*catalogue, []orb.Point) {
	dir := os.Getenv("SIP_BENCH_DIR")
	if dir == "" {
		b.Skip("SIP_BENCH_DIR is not set: open311/bench.sh runs this on the 300k county")
	}
	ctx := context.Background()
	cs, err := gpkg.OpenReadOnly(filepath.Join(dir, "county.gpkg"))
	if err != nil {
		b.Fatal(err)
	}
	defer cs.Close()
	rs, err := gpkg.OpenReadOnly(filepath.Join(dir, "drogi.gpkg"))
	if err != nil {
		b.Fatal(err)
	}
	defer rs.Close()
	o := config.Open311{BoundaryDistance: 15, Outside: config.OfficeOutside}
	rule := config.ReportAsset{Name: "drogi", Dataset: "drogi", Layer: "drogi", Attribute: "kategoria", Within: 10, Managers: DefaultRoadManagers()}
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	t0 := time.Now()
	cat, err := assemble(ctx, o, cs, "powiat_laski", "Powiat łaski", []assetSource{{rule, rs}})
	if err != nil {
		b.Fatal(err)
	}
	took := time.Since(t0)
	var after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&after)
	ext, _, _ := cs.Extent(ctx, "jednostki")
	n, _ := cs.Count(ctx, store.Query{Layer: "obreby"})
	nr, _ := rs.Count(ctx, store.Query{Layer: "drogi"})
	b.Logf("model of %d jednostki, %d obręby, %d roads built in %s, heap %.1f MB", cat.model.Areas(), n, nr, took.Round(time.Millisecond), float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/1e6)
	rng := rand.New(rand.NewPCG(7, 11))
	pts := make([]orb.Point, 1<<16)
	for i := range pts {
		pts[i] = orb.Point{ext.Min[0] + rng.Float64()*(ext.Max[0]-ext.Min[0]), ext.Min[1] + rng.Float64()*(ext.Max[1]-ext.Min[1])}
	}
	return cat, pts
}

// BenchmarkRouteCounty is one routing decision (area, road rule, flags and
// the reason) of a random point of the county, cycling through the default
// categories.
func BenchmarkRouteCounty(b *testing.B) {
	cat, pts := benchCounty(b)
	codes := make([]string, len(cat.services))
	for i, s := range cat.services {
		codes[i] = s.Code
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cat.model.Decide(pts[i&(len(pts)-1)], codes[i%len(codes)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "decisions/s")
}

// BenchmarkRouteCountyParallel is the same on every core.
func BenchmarkRouteCountyParallel(b *testing.B) {
	cat, pts := benchCounty(b)
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := rand.IntN(len(pts))
		for pb.Next() {
			cat.model.Decide(pts[i&(len(pts)-1)], cat.services[i%len(cat.services)].Code)
			i++
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "decisions/s")
}
