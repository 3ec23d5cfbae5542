package parcels

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"sync/atomic"
	"testing"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/index"
)

// fixtureModel builds a model of the fixture county directly (no server).
func fixtureModel(b *testing.B) *model {
	ix, err := index.Build(context.Background(), fx.store)
	if err != nil {
		b.Fatal(err)
	}
	m := newModel(fx.store, ix)
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
		if len(m.parcelsAt(pts[i%len(pts)])) == 0 {
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
	p, _ := m.parcelByID(str(sample(b, 1)[0], "id_dzialki"))
	buf := make([]byte, 0, 4096)
	b.ResetTimer()
	for b.Loop() {
		buf = out2180.appendWKT(buf[:0], p.geom)
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
