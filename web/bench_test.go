package web

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// BenchmarkAppJS serves the 1.1 MB bundle pre-gzipped (what a browser gets).
func BenchmarkAppJS(b *testing.B) {
	a := loadAssets()["app.js"]
	req := httptest.NewRequest(http.MethodGet, "/assets/app.js", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	b.ReportAllocs()
	b.SetBytes(int64(len(a.gz)))
	for b.Loop() {
		w := httptest.NewRecorder()
		serveAsset(w, req, a, "no-cache")
		if w.Code != 200 {
			b.Fatal(w.Code)
		}
	}
}
