package open311_test

import (
	"bytes"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sip-core/sip/outbox/outboxtest"
)

// The reporter's contact and device id, distinctive enough to find in any
// bytes.
var personal = map[string]string{
	"email":      "ala.kotowska.4711@example.org",
	"phone":      "+48 600 471 199",
	"first_name": "Alicja-Prywatna",
	"last_name":  "Kotowska-Tajna",
	"device_id":  "device-7f3a9c55e1",
	"account_id": "acct-99173",
}

func leaks(b []byte) []string {
	var out []string
	for k, v := range personal {
		if bytes.Contains(b, []byte(v)) || (k == "email" && bytes.Contains(b, []byte("4711@example"))) {
			out = append(out, k)
		}
	}
	return out
}

// tileOf is the web-mercator tile holding lon/lat at zoom z.
func tileOf(lon, lat float64, z int) (int, int) {
	n := math.Exp2(float64(z))
	x := int((lon + 180) / 360 * n)
	r := lat * math.Pi / 180
	y := int((1 - math.Log(math.Tan(r)+1/math.Cos(r))/math.Pi) / 2 * n)
	return x, y
}

// A reporter's contact and device id reach the responsible unit and nothing
// public: not the API in either format, not the staff layer through WFS, OGC
// API or tiles, not a log line, not an error. After the request is closed
// and the retention period passed, they are gone from the disk too.
func TestContactsStayPrivateAndAreDeleted(t *testing.T) {
	smtp := outboxtest.StartSMTP(t)
	s := newSite(t, `  rate_limit: {rate: 100, burst: 100}
  contact_retention: 2s
  units:
    - {code: gmina-lask, name: Urząd Miejski w Łasku, gminy: ["100301"], email: "zgloszenia@lask.example"}
    - {code: gmina-buczek, name: Urząd Gminy Buczek, gminy: ["100302"], email: "zgloszenia@buczek.example"}`,
		fmt.Sprintf("outbox:\n  smtp: {addr: %q, from: \"sip@powiat.example\", tls: none}\n  retry_min: 200ms\n", smtp.Addr))
	p := s.serve(t)
	c := readCounty(t, s.Dir)
	pt := mustInterior(t, c.jed[0].Geometry)
	lat, long := latLong(pt)
	form := url.Values{"service_code": {"oswietlenie"}, "lat": {lat}, "long": {long}, "attribute[objaw]": {"miga"}, "description": {"Latarnia miga"}}
	for k, v := range personal {
		form.Set(k, v)
	}
	var cr created
	if code, body := post(t, p.Base, "/open311/v2/requests.json", form, nil, &cr); code != 201 {
		t.Fatalf("POST: %d %s", code, body)
	}
	id := cr[0].ID
	if cr[0].Account != personal["account_id"] {
		t.Fatalf("the poster's own account_id is not echoed to it: %v", cr[0].Account)
	}
	// The unit gets the contact.
	outboxtest.WaitFor(t, 20*time.Second, "the mail to the unit", func() bool { return len(smtp.Messages()) == 1 })
	if m := smtp.Messages()[0]; !strings.Contains(m.Body, personal["email"]) || !strings.Contains(m.Body, personal["phone"]) {
		t.Fatalf("the unit's mail lacks the contact:\n%s", m.Body)
	}
	// A bad contact is refused without being echoed.
	bad := url.Values{"service_code": {"inne"}, "lat": {lat}, "long": {long}, "email": {"ala.kotowska.4711@@example.org"}}
	if code, body := post(t, p.Base, "/open311/v2/requests.json", bad, nil, nil); code != 400 || len(leaks([]byte(body))) > 0 {
		t.Fatalf("bad e-mail: %d %s", code, body)
	}

	key := http.Header{"Authorization": {"Bearer " + staffKey}}
	outboxtest.WaitFor(t, 20*time.Second, "the staff layer", func() bool {
		_, b := get(t, p.Base, "/ogc/collections/zgloszenia.zgloszenia/items?f=json", key, nil)
		return strings.Contains(b, `"ID_ZGLOSZENIA":"`+id+`"`)
	})
	lon, la := toLL.Point(pt[0], pt[1])
	tx, ty := tileOf(lon, la, 14)
	tile := fmt.Sprintf("/tiles/zgloszenia/14/%d/%d.mvt", tx, ty)
	outboxtest.WaitFor(t, 20*time.Second, "the staff layer's tile", func() bool { code, _ := get(t, p.Base, tile, key, nil); return code == 200 })
	for _, path := range []string{
		"/open311/v2/requests.json?extensions=true", "/open311/v2/requests.xml?extensions=true",
		"/open311/v2/requests/" + id + ".json?extensions=true", "/open311/v2/requests/" + id + ".xml",
		"/open311/v2/tokens/" + cr[0].Token + ".json",
		"/ogc/collections/zgloszenia.zgloszenia/items?f=json", "/ogc/collections/zgloszenia.zgloszenia/items?f=html",
		"/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:zgloszenia.zgloszenia",
		tile,
	} {
		code, body := get(t, p.Base, path, key, nil)
		if code != 200 {
			t.Fatalf("GET %s: %d %.300s", path, code, body)
		}
		if l := leaks([]byte(body)); len(l) > 0 {
			t.Errorf("GET %s shows the reporter's %v", path, l)
		}
		if strings.HasSuffix(path, ".mvt") && !strings.Contains(body, "Latarnia miga") {
			t.Errorf("tile %s does not hold the request (%d bytes)", path, len(body))
		}
	}
	// Anonymous clients do not see the staff layer at all.
	if code, _ := get(t, p.Base, "/ogc/collections/zgloszenia.zgloszenia/items?f=json", nil, nil); code != 401 && code != 404 {
		t.Errorf("anonymous staff layer: %d", code)
	}

	// Close it; after the retention period the contact is gone from the disk.
	var upd []reqDoc
	if code, body := post(t, p.Base, "/open311/v2/servicerequestupdates.json", url.Values{"service_request_id": {id}, "status": {"closed"}, "description": {"Naprawiono"}, "api_key": {staffKey}}, nil, &upd); code != 200 {
		t.Fatalf("staff update: %d %s", code, body)
	}
	files := []string{"open311.sqlite", "open311.sqlite-wal", "outbox.sqlite", "outbox.sqlite-wal"}
	onDisk := func() []string {
		var out []string
		for _, f := range files {
			b, err := os.ReadFile(filepath.Join(s.Dir, f))
			if err == nil && len(leaks(b)) > 0 {
				out = append(out, f+fmt.Sprint(leaks(b)))
			}
		}
		return out
	}
	if len(onDisk()) == 0 {
		t.Fatal("the contact is not on disk before the retention period: the check would prove nothing")
	}
	outboxtest.WaitFor(t, 30*time.Second, "the contact to be deleted", func() bool { return len(onDisk()) == 0 })
	if l := leaks([]byte(p.Logs.String())); len(l) > 0 {
		t.Errorf("the server log holds the reporter's %v", l)
	}
	// The request itself stays, closed.
	var docs []reqDoc
	get(t, p.Base, "/open311/v2/requests/"+id+".json", nil, &docs)
	if len(docs) != 1 || docs[0].Status != "closed" || docs[0].Notes != "Naprawiono" {
		t.Fatalf("after the purge: %+v", docs)
	}
}
