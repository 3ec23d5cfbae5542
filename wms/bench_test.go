package wms_test

import (
	"net/http/httptest"
	"testing"

	"github.com/paulmach/orb"
)

// BenchmarkGetMap: a 512×512 GetMap of parcels and buildings at about 1:5000
// (716.8 m) over the densest part of the fixture, through the server's handler.
func BenchmarkGetMap(b *testing.B) {
	v := view(b, 716.8)
	benchMap(b, v, "dzialki,budynki")
}

// BenchmarkGetMapLabels adds parcel numbers (label placement and glyphs).
func BenchmarkGetMapLabels(b *testing.B) {
	v := view(b, 716.8)
	benchMap(b, v, "dzialki,budynki,numery_dzialek")
}

func benchMap(b *testing.B, v orb.Bound, layers string) {
	u := getMap130(v, 512, 512, "LAYERS", layers)
	h := srv.Handler()
	req := httptest.NewRequest("GET", u, nil)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != 200 {
			b.Fatalf("%d %s", w.Code, w.Body.String())
		}
	}
}
