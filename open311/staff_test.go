package open311_test

import (
	"bytes"
	"fmt"
	"image/png"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/sip-core/sip/outbox/outboxtest"
)

// Staff read the open requests as a non-public layer with GIS clients: GDAL's
// WFS driver (what QGIS's WFS provider speaks) with the staff key sees them
// with their public fields only, WMS draws and identifies them; without a key
// they are not there. A closed request leaves the layer.
func TestStaffLayerInGISClients(t *testing.T) {
	s := newSite(t, "  rate_limit: {rate: 100, burst: 100}", "")
	p := s.serve(t)
	c := readCounty(t, s.Dir)
	pt := mustInterior(t, c.jed[0].Geometry)
	var ids []string
	for i := range 3 {
		lat, long := latLong(pt)
		lat2 := lat[:len(lat)-2] + fmt.Sprintf("%02d", 10+i*30)
		var cr created
		if code, body := post(t, p.Base, "/open311/v2/requests.json", url.Values{"service_code": {"inne"}, "lat": {lat2}, "long": {long},
			"description": {fmt.Sprintf("zgłoszenie %d", i)}, "email": {"staff.test@example.org"}, "device_id": {"dev-31337"}}, nil, &cr); code != 201 {
			t.Fatalf("POST: %d %s", code, body)
		}
		ids = append(ids, cr[0].ID)
	}
	key := http.Header{"Authorization": {"Bearer " + staffKey}}
	if code, body := post(t, p.Base, "/open311/v2/servicerequestupdates.json", url.Values{"service_request_id": {ids[2]}, "status": {"closed"}}, key, nil); code != 200 {
		t.Fatalf("closing: %d %s", code, body)
	}
	outboxtest.WaitFor(t, 20*time.Second, "two open requests in the staff layer", func() bool {
		_, b := get(t, p.Base, "/ogc/collections/zgloszenia.zgloszenia/items?f=json", key, nil)
		return strings.Contains(b, `"numberMatched":2`)
	})

	if _, err := exec.LookPath("ogrinfo"); err == nil {
		wfs := "WFS:" + p.Base + "/wfs?TYPENAME=ms:zgloszenia.zgloszenia"
		cmd := exec.Command("ogrinfo", "-ro", "-al", "-q", wfs)
		cmd.Env = append(os.Environ(), "GDAL_HTTP_HEADERS=Authorization: Bearer "+staffKey)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("ogrinfo with the staff key: %v\n%s", err, out)
		}
		o := string(out)
		for _, id := range ids[:2] {
			if !strings.Contains(o, "ID_ZGLOSZENIA (String) = "+id) {
				t.Errorf("GDAL does not read open request %s:\n%.2000s", id, o)
			}
		}
		if strings.Contains(o, "ID_ZGLOSZENIA (String) = "+ids[2]+"\n") || strings.Contains(o, "staff.test@") || strings.Contains(o, "dev-31337") {
			t.Errorf("GDAL reads a closed request or personal data:\n%.2000s", o)
		}
		anon, _ := exec.Command("ogrinfo", "-ro", "-so", "WFS:"+p.Base+"/wfs").CombinedOutput()
		if strings.Contains(string(anon), "zgloszenia") {
			t.Errorf("anonymous WFS capabilities list the staff layer:\n%s", anon)
		}
	}

	// WMS draws the requests for the key (a non-white pixel at a point) and
	// identifies them.
	lon, la := toLL.Point(pt[0], pt[1])
	bbox := fmt.Sprintf("%.6f,%.6f,%.6f,%.6f", la-0.002, lon-0.003, la+0.002, lon+0.003)
	q := "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=zgloszenia:zgloszenia&STYLES=&CRS=EPSG:4326&BBOX=" + bbox + "&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=TRUE"
	// The map is drawn from the dataset's spatial index, which follows the
	// store's change log once a second: wait for it to catch up.
	drawn := func() int {
		code, body := get(t, p.Base, q, key, nil)
		if code != 200 {
			t.Fatalf("GetMap with the key: %d %s", code, body)
		}
		img, err := png.Decode(bytes.NewReader([]byte(body)))
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for y := 0; y < 256; y++ {
			for x := 0; x < 256; x++ {
				if _, _, _, a := img.At(x, y).RGBA(); a > 0 {
					n++
				}
			}
		}
		return n
	}
	outboxtest.WaitFor(t, 20*time.Second, "GetMap draws the open requests", func() bool { return drawn() > 0 })
	if code, _ := get(t, p.Base, q, nil, nil); code == 200 {
		t.Error("GetMap of the staff layer without a key succeeded")
	}
	fi := strings.Replace(q, "GetMap", "GetFeatureInfo", 1) + "&QUERY_LAYERS=zgloszenia:zgloszenia&INFO_FORMAT=application/json&I=128&J=128&FEATURE_COUNT=10"
	code, body := get(t, p.Base, fi, key, nil)
	if code != 200 || !strings.Contains(body, `"`+ids[0]+`"`) || strings.Contains(body, "staff.test@") {
		t.Errorf("GetFeatureInfo: %d %.500s", code, body)
	}
}
