package alerts_test

import (
	"bytes"
	"fmt"
	"image/png"
	"net/http"
	"testing"
	"time"

	"github.com/sip-core/sip/outbox/outboxtest"
)

// TestExpiryAndWMS: WMS draws a current alert's area for anyone; when the
// alert expires it leaves the feed, the layer and the map by itself.
func TestExpiryAndWMS(t *testing.T) {
	smtp := outboxtest.StartSMTP(t)
	s := newSite(t, smtp.Addr, "")
	p := s.serve(t)
	var pv previewed
	area := map[string]any{"gminy": []string{"100301_4"}}
	if code, b := call(t, "POST", p.Base+"/api/alerts/preview", staffKey, draft(area, "x"), &pv); code != 200 {
		t.Fatalf("preview: %d %s", code, b)
	}
	lon, lat := centre(pv)
	d := draft(area, "Krótkie ostrzeżenie")
	d["expires"] = time.Now().Add(8 * time.Second).Format(time.RFC3339)
	var pub published
	if code, b := call(t, "POST", p.Base+"/api/alerts", staffKey, d, &pub); code != 201 {
		t.Fatalf("publish: %d %s", code, b)
	}
	bbox := fmt.Sprintf("%.6f,%.6f,%.6f,%.6f", lat-0.002, lon-0.003, lat+0.002, lon+0.003)
	q := p.Base + "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=ostrzezenia:alerty&STYLES=&CRS=EPSG:4326&BBOX=" + bbox + "&WIDTH=64&HEIGHT=64&FORMAT=image/png&TRANSPARENT=TRUE"
	drawn := func() int {
		code, body := call(t, "GET", q, "", nil, nil)
		if code != http.StatusOK {
			t.Fatalf("GetMap: %d %s", code, body)
		}
		img, err := png.Decode(bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for y := 0; y < 64; y++ {
			for x := 0; x < 64; x++ {
				if _, _, _, a := img.At(x, y).RGBA(); a > 0 {
					n++
				}
			}
		}
		return n
	}
	outboxtest.WaitFor(t, 8*time.Second, "WMS draws the alert's area", func() bool { return drawn() > 0 })
	if links := atom(t, p.Base); len(links) != 1 {
		t.Fatalf("feed before expiry: %v", links)
	}
	outboxtest.WaitFor(t, 20*time.Second, "the expired alert leaves the feed", func() bool { return len(atom(t, p.Base)) == 0 })
	layerHas(t, p.Base, pub.ID, false)
	outboxtest.WaitFor(t, 10*time.Second, "WMS no longer draws it", func() bool { return drawn() == 0 })
	validCAP(t, pub.CAP) // its document stays at its URL
}
