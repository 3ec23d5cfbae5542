package parcels

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/index"
	"github.com/sip-core/sip/internal/cache"
	"github.com/sip-core/sip/store"
)

// fixtureModel builds a model of the fixture county directly (no server).
func fixtureModel(b *testing.B) *model {
	ix, err := index.Open(context.Background(), fx.store, index.Options{})
	if err != nil {
		b.Fatal(err)
	}
	m := newModel(fx.store, ix, cache.New[geomKey, located](32<<20))
	if err := m.wait(context.Background()); err != nil {
		b.Fatal(err)
	}
	return m
}

func BenchmarkParcelsAt(b *testing.B) {
	m := fixtureModel(b)
	var pts []orb.Point
	for _, o := range sample(b, 500) {
		pts = append(pts, interior(asMulti(o.Geometry)))
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if ls, err := m.parcelsAt(context.Background(), pts[i%len(pts)]); err != nil || len(ls) == 0 {
			b.Fatal("miss")
		}
	}
}

func BenchmarkSearchPrefix(b *testing.B) {
	m := fixtureModel(b)
	var qs []string
	for _, o := range sample(b, 500) {
		id := str(o, "id_dzialki")
		qs = append(qs, id[:len(id)-1])
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		m.find(qs[i%len(qs)], 10)
	}
}

func BenchmarkULDKWKT(b *testing.B) {
	m := fixtureModel(b)
	p, _, err := m.parcelByID(context.Background(), str(sample(b, 1)[0], "id_dzialki"))
	if err != nil {
		b.Fatal(err)
	}
	ls, err := m.locate(context.Background(), []*parcel{p})
	if err != nil || len(ls) != 1 {
		b.Fatal(err, ls)
	}
	buf := make([]byte, 0, 4096)
	b.ResetTimer()
	for b.Loop() {
		buf = out2180.appendWKT(buf[:0], ls[0].geom)
	}
}

// HTTP over loopback against the fixture server, parallel clients.
func benchHTTP(b *testing.B, paths []string) {
	tr := &http.Transport{MaxIdleConnsPerHost: 64}
	c := &http.Client{Transport: tr}
	defer tr.CloseIdleConnections()
	var n atomic.Int64
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			resp, err := c.Get(fx.url + paths[int(n.Add(1))%len(paths)])
			if err != nil {
				b.Error(err)
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
	})
}

func BenchmarkHTTPGetParcelById(b *testing.B) {
	var paths []string
	for _, o := range sample(b, 500) {
		paths = append(paths, "/uldk?request=GetParcelById&result=geom_wkt,teryt,parcel,region,commune,county,voivodeship&id="+url.QueryEscape(str(o, "id_dzialki")))
	}
	benchHTTP(b, paths)
}

func BenchmarkHTTPCard(b *testing.B) {
	var paths []string
	for _, o := range sample(b, 200) {
		paths = append(paths, "/api/parcels/"+url.PathEscape(str(o, "id_dzialki")))
	}
	benchHTTP(b, paths)
}

// addressQueries are address searches as people type them, from the fixture's
// addresses: the whole address, its words reordered without Polish letters, and
// a street cut short with a number.
func addressQueries(b *testing.B) []string {
	var qs []string
	for _, o := range currentParcels(b) {
		a := str(o, "adresy")
		if a == "" {
			continue
		}
		a, _, _ = strings.Cut(a, "; ")
		w := strings.Fields(fold(strings.NewReplacer(",", "", ".", "").Replace(a)))
		qs = append(qs, a)
		slices.Reverse(w)
		qs = append(qs, strings.Join(w, " "))
		if i := strings.Index(a, "ul. "); i >= 0 && len(a) > i+7 {
			qs = append(qs, a[i+4:i+7]) // "Kośc": a street being typed
		}
	}
	if len(qs) == 0 {
		b.Fatal("no addresses in the fixture")
	}
	return qs
}

// BenchmarkSearchAddress: one address autocomplete query against the model.
func BenchmarkSearchAddress(b *testing.B) {
	m := fixtureModel(b)
	qs := addressQueries(b)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		m.match(qs[i%len(qs)], 10, true)
	}
}

func BenchmarkHTTPSearchAddress(b *testing.B) {
	var paths []string
	for _, q := range addressQueries(b) {
		paths = append(paths, "/api/parcels/search?limit=8&q="+url.QueryEscape(q))
	}
	benchHTTP(b, paths)
}

// bigModel is a model of n parcels in a GeoPackage; with addresses, 60% of
// the parcels have one (a town's share: a county has fewer), 3% two, a quarter
// of them in a town of 400 streets, the rest in villages numbered without
// streets.
func bigModel(tb testing.TB, n int, addresses bool) *model {
	const perObreb = 800
	objs := make([]*store.Object, 0, n)
	for i := range n {
		obr := fmt.Sprintf("1003%02d_2.%04d", i/perObreb%90, i/perObreb)
		num := fmt.Sprint(i%perObreb + 1)
		attrs := map[string]any{"id_dzialki": obr + "." + num, "numer_dzialki": num, "id_obrebu": obr}
		if addresses && i%5 < 3 {
			var a string
			if i%4 == 0 {
				// 400 streets of ~190 addresses, four of them with real names
				k := i / 4 % 400
				st := "Ulica" + string(rune('a'+k/26)) + string(rune('a'+k%26))
				if k < len(smallStreets) {
					st = smallStreets[k]
				}
				a = fmt.Sprintf("Łask, ul. %s %d", st, i/1600+1)
			} else {
				a = fmt.Sprintf("Wieś %d %d", i/perObreb, i%perObreb+1)
			}
			if i%33 == 0 {
				a += fmt.Sprintf("; Łask, pl. Wolności %d", i)
			}
			attrs["adresy"] = a
		}
		objs = append(objs, testObject("dzialki", fmt.Sprintf("%08x-0000-4000-8000-000000000000", i),
			400000+float64(i%500)*30, 400000+float64(i/500)*30, 30, attrs))
	}
	m := storeModel(tb, objs)
	m.ensureSorted()
	return m
}

func heapMB() float64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return float64(ms.HeapAlloc) / (1 << 20)
}

// BenchmarkAddress300k reports how much a 300k-parcel model grows with
// addresses (the model holds only them) (MB over the same model without them) and the time of address
// queries on it, from a whole address to a one-letter prefix that matches tens
// of thousands.
//
//	go test -run '^$' -bench Address300k -benchtime 2000x ./parcels
func BenchmarkAddress300k(b *testing.B) {
	const n = 300_000
	base := heapMB()
	plain := bigModel(b, n, false)
	withoutMB := heapMB() - base
	runtime.KeepAlive(plain)
	plain = nil
	base = heapMB()
	m := bigModel(b, n, true)
	withMB := heapMB() - base
	for _, q := range []struct{ name, q string }{
		{"whole", "Łask, ul. Polna 120"}, {"reordered", "polna 120 lask"}, {"village", "wies 17 5"},
		{"street_number_prefix", "Kościuszki 1"}, {"street_prefix", "lakow"}, {"one_letter", "p"},
	} {
		b.Run(q.name, func(b *testing.B) {
			for b.Loop() {
				m.match(q.q, 10, true)
			}
			b.ReportMetric(withMB-withoutMB, "MB-addresses")
			b.ReportMetric(withoutMB, "MB-model")
		})
	}
	runtime.KeepAlive(m)
}
