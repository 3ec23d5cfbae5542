package routing

import (
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"
)

// BenchmarkDecide routes random points over the two-gmina model of the
// tests with a road grid of 400 roads (the 300k county: open311/bench.sh).
func BenchmarkDecide(b *testing.B) {
	m := model()
	cat := m.cat
	for i := range 200 {
		y := float64(i * 5)
		cat.Rules[0].Features = append(cat.Rules[0].Features, Feature{ID: "h", Value: "gminna", Label: "h", Geom: orb.LineString{{0, y}, {2000, y + 3}}},
			Feature{ID: "v", Value: "powiatowa", Label: "v", Geom: orb.LineString{{float64(i * 10), 0}, {float64(i*10) + 3, 1000}}})
	}
	m = New(cat, m.jednostki.list, m.obreby.list)
	rng := rand.New(rand.NewPCG(1, 2))
	pts := make([]orb.Point, 4096)
	for i := range pts {
		pts[i] = orb.Point{rng.Float64() * 2000, rng.Float64() * 1000}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Decide(pts[i&4095], "drogi")
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "decisions/s")
}
