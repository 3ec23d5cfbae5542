package web

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/server"
)

// FuzzAcceptEncoding: any Accept-Encoding header gets an answer without a
// panic, and gzip;q=0 is never answered with gzip.
func FuzzAcceptEncoding(f *testing.F) {
	for _, s := range []string{"", "gzip", "gzip;q=0", "br, gzip;q=0.5", "*", "identity", "GZIP ; q=1", ",,;;=", "gzip;q=0.000"} {
		f.Add(s)
	}
	a := loadAssets()["app.js"]
	f.Fuzz(func(t *testing.T, h string) {
		req := httptest.NewRequest("GET", "/assets/app.js", nil)
		req.Header.Set("Accept-Encoding", h)
		w := httptest.NewRecorder()
		serveAsset(w, req, a, "no-cache")
		if w.Code != 200 {
			t.Fatalf("%q: %d", h, w.Code)
		}
		if strings.TrimSpace(h) == "gzip;q=0" && w.Header().Get("Content-Encoding") == "gzip" {
			t.Fatalf("%q answered with gzip", h)
		}
	})
}

// FuzzBackgrounds: configured background entries never yield a template
// MapLibre cannot use (no {z}/{x}/{y} or {bbox-epsg-3857}) or a non-HTTP URL.
func FuzzBackgrounds(f *testing.F) {
	f.Add("wms", "https://example.org/wms?a=b", "orto")
	f.Add("wmts", "https://example.org/{TileMatrix}/{TileCol}/{TileRow}.jpg", "")
	f.Add("xyz", "javascript:alert(1)/{z}/{x}/{y}", "")
	f.Fuzz(func(t *testing.T, typ, u, layers string) {
		st := &server.State{Config: &config.Config{Viewer: config.Viewer{Background: []config.Background{{Type: typ, URL: u, Layers: layers}}}}}
		for _, b := range backgrounds(st) {
			if !(strings.HasPrefix(b.Tiles, "http://") || strings.HasPrefix(b.Tiles, "https://") || strings.HasPrefix(b.Tiles, "/")) {
				t.Fatalf("template %q", b.Tiles)
			}
			if !strings.Contains(b.Tiles, "{bbox-epsg-3857}") && !(strings.Contains(b.Tiles, "{z}") && strings.Contains(b.Tiles, "{x}") && strings.Contains(b.Tiles, "{y}")) {
				t.Fatalf("template %q has no tile placeholders", b.Tiles)
			}
		}
	})
}
