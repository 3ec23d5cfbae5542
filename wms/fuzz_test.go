package wms_test

import (
	"bytes"
	"encoding/xml"
	"image"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// FuzzWMS sends arbitrary query strings to /wms: every answer must be an image,
// capabilities, feature info or a ServiceExceptionReport, never a 5xx, a panic
// or a hang.
func FuzzWMS(f *testing.F) {
	for _, s := range []string{
		"SERVICE=WMS&REQUEST=GetCapabilities",
		"SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.1.1&UPDATESEQUENCE=1",
		"SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=dzialki,numery_dzialek&STYLES=,&CRS=EPSG:2180&BBOX=412000,508000,412500,508500&WIDTH=64&HEIGHT=64&FORMAT=image/png",
		"SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=county&SRS=EPSG:4326&BBOX=19,51,19.2,51.7&WIDTH=32&HEIGHT=16&FORMAT=image/jpeg&EXCEPTIONS=application/vnd.ogc.se_inimage",
		"SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=budynki&CRS=EPSG:3857&BBOX=2127890,6722610,2132632,6730039&WIDTH=16&HEIGHT=16&FORMAT=image/png&TRANSPARENT=TRUE&BGCOLOR=0x102030",
		"SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=dzialki&QUERY_LAYERS=dzialki&CRS=EPSG:2180&BBOX=412000,508000,412500,508500&WIDTH=64&HEIGHT=64&I=3&J=4&INFO_FORMAT=application/json&FEATURE_COUNT=5",
		"SERVICE=WMS&REQUEST=GetLegendGraphic&LAYER=punkty&FORMAT=image/png&WIDTH=30&HEIGHT=20",
		"REQUEST=GetMap&VERSION=1.3.0&BBOX=1e400,-1e400,NaN,0x10",
	} {
		f.Add(s)
	}
	h := srv.Handler()
	f.Fuzz(func(t *testing.T, q string) {
		if _, err := url.ParseQuery(q); err != nil {
			return
		}
		// Keep images small so the fuzzer explores parameters, not pixels.
		if v, _ := url.ParseQuery(q); len(v.Get("WIDTH")) > 3 || len(v.Get("HEIGHT")) > 3 {
			return
		}
		req := httptest.NewRequest("GET", "/wms", nil)
		req.URL.RawQuery = q
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		body := w.Body.Bytes()
		if w.Code >= 500 {
			t.Fatalf("%q: %d %s", q, w.Code, body)
		}
		ct := w.Header().Get("Content-Type")
		switch {
		case strings.HasPrefix(ct, "image/"):
			if _, _, err := image.Decode(bytes.NewReader(body)); err != nil {
				t.Fatalf("%q: bad image: %v", q, err)
			}
		case strings.Contains(ct, "xml"):
			d := xml.NewDecoder(bytes.NewReader(body))
			d.Strict = false
			for {
				if _, err := d.Token(); err != nil {
					if err.Error() != "EOF" {
						t.Fatalf("%q: bad XML: %v\n%s", q, err, body)
					}
					break
				}
			}
		case w.Code == 200 || w.Code == 304:
		default:
			t.Fatalf("%q: %d %s: %.200s", q, w.Code, ct, body)
		}
	})
}
