package affected

import (
	"context"
	"os"
	"testing"

	"github.com/sip-core/sip/store/gpkg"
)

// BenchmarkSelectGmina selects what a whole gmina's polygon covers in the
// county of $SIP_BENCH_STORE (a GeoPackage; alerts/bench.sh makes the 300k
// county), the gmina being $SIP_BENCH_GMINA (id_jednostki, default
// 100301_5). With $SIP_BENCH_REGISTER (an address-point dataset, a
// GeoPackage) the model holds its points too and the gminy it covers take
// their addresses from them. It reports the parcels, buildings and
// addresses selected.
func BenchmarkSelectGmina(b *testing.B) {
	path := os.Getenv("SIP_BENCH_STORE")
	if path == "" {
		b.Skip("SIP_BENCH_STORE is not set (alerts/bench.sh sets it)")
	}
	id := os.Getenv("SIP_BENCH_GMINA")
	if id == "" {
		id = "100301_5"
	}
	st, err := gpkg.OpenReadOnly(path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	mp := jednostka(b, st, "id_jednostki", id)
	model, err := Build(ctx, st)
	if err != nil {
		b.Fatal(err)
	}
	if p := os.Getenv("SIP_BENCH_REGISTER"); p != "" {
		reg, err := gpkg.OpenReadOnly(p)
		if err != nil {
			b.Fatal(err)
		}
		defer reg.Close()
		if err := model.AddRegister(ctx, reg, st); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	var res *Result
	for i := 0; i < b.N; i++ {
		a, err := Prepare(mp)
		if err != nil {
			b.Fatal(err)
		}
		if res, err = model.Select(ctx, st, a, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(res.Total.Parcels), "parcels")
	b.ReportMetric(float64(res.Total.Buildings), "buildings")
	b.ReportMetric(float64(res.Total.Addresses), "addresses")
	if out := os.Getenv("SIP_BENCH_IDS"); out != "" {
		ids := append(append([]string{}, res.ParcelIDs...), res.BuildingIDs...)
		for _, p := range res.Points {
			ids = append(ids, p.ID)
		}
		if err := os.WriteFile(out, []byte(joinLines(ids)), 0o644); err != nil {
			b.Fatal(err)
		}
	}
}

func joinLines(s []string) string {
	n := 0
	for _, v := range s {
		n += len(v) + 1
	}
	out := make([]byte, 0, n)
	for _, v := range s {
		out = append(append(out, v...), '\n')
	}
	return string(out)
}
