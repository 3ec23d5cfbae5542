package alerts_test

import (
	"encoding/json"
	"math"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/sip-core/sip/alerts/sms"
	"github.com/sip-core/sip/outbox/outboxtest"
)

type previewed struct {
	Geometry struct {
		Coordinates [][][][2]float64 `json:"coordinates"`
	} `json:"geometry"`
	Affected struct {
		Total struct {
			Parcels   int `json:"dzialki"`
			Buildings int `json:"budynki"`
			Addresses int `json:"adresy"`
		} `json:"razem"`
	} `json:"affected"`
}

func centre(p previewed) (lon, lat float64) {
	minx, miny, maxx, maxy := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, poly := range p.Geometry.Coordinates {
		for _, q := range poly[0] {
			minx, maxx = math.Min(minx, q[0]), math.Max(maxx, q[0])
			miny, maxy = math.Min(miny, q[1]), math.Max(maxy, q[1])
		}
	}
	return (minx + maxx) / 2, (miny + maxy) / 2
}

// TestAreaKinds previews and publishes every kind of area: the counts
// follow the area, a CAP document is valid for each, polygons keep within
// the vertex budget, a self-intersecting drawing is refused.
func TestAreaKinds(t *testing.T) {
	smtp := outboxtest.StartSMTP(t)
	s := newSite(t, smtp.Addr, "  max_vertices: 24\n")
	p := s.serve(t)
	var gmina previewed
	if code, b := call(t, "POST", p.Base+"/api/alerts/preview", staffKey, draft(map[string]any{"gminy": []string{"Łask"}}, "x"), &gmina); code != 200 {
		t.Fatalf("preview: %d %s", code, b)
	}
	lon, lat := centre(gmina)
	d := 0.004 // about 300 m
	square := [][][2]float64{{{lon - d, lat - d}, {lon + d, lat - d}, {lon + d, lat + d}, {lon - d, lat + d}, {lon - d, lat - d}}}
	street := strings.TrimRightFunc(address(t, "100301_4"), func(r rune) bool { return r != ' ' })
	kinds := map[string]map[string]any{
		"polygon": {"description": "Centrum", "geometry": map[string]any{"type": "Polygon", "coordinates": square}},
		"circle":  {"description": "Okolice ujęcia wody", "geometry": map[string]any{"type": "Point", "coordinates": [2]float64{lon, lat}}, "radius_m": 400},
		"pipe":    {"description": "Magistrala", "geometry": map[string]any{"type": "LineString", "coordinates": [][2]float64{{lon - d, lat}, {lon + d, lat}}}, "buffer_m": 40},
		"obreby":  {"obreby": []string{"100301_4.0001"}},
		"streets": {"streets": []string{strings.TrimSpace(street)}},
		"gmina":   {"gminy": []string{"100301_4"}},
	}
	total := gmina.Affected.Total.Parcels
	for name, area := range kinds {
		var pv previewed
		if code, b := call(t, "POST", p.Base+"/api/alerts/preview", staffKey, draft(area, "x"), &pv); code != 200 {
			t.Fatalf("%s: preview %d %s", name, code, b)
		}
		if n := pv.Affected.Total.Parcels; n == 0 || (name != "gmina" && name != "obreby" && n >= total) || n > total {
			t.Errorf("%s: %d parcels of the gmina's %d", name, n, total)
		}
		var pub published
		if code, b := call(t, "POST", p.Base+"/api/alerts", staffKey, draft(area, "Alert "+name), &pub); code != 201 {
			t.Fatalf("%s: publish %d %s", name, code, b)
		}
		doc := validCAP(t, pub.CAP)
		if name == "circle" && !strings.Contains(doc, "<circle>") {
			t.Errorf("circle: no circle element:\n%s", doc)
		}
		for _, m := range regexp.MustCompile(`<polygon>([^<]*)</polygon>`).FindAllStringSubmatch(doc, -1) {
			pairs := strings.Fields(m[1])
			if len(pairs) < 4 || len(pairs) > 24 || pairs[0] != pairs[len(pairs)-1] {
				t.Errorf("%s: a polygon of %d pairs (budget 24, closed): %.80s", name, len(pairs), m[1])
			}
		}
	}
	bowtie := [][][2]float64{{{lon - d, lat - d}, {lon + d, lat + d}, {lon + d, lat - d}, {lon - d, lat + d}, {lon - d, lat - d}}}
	code, b := call(t, "POST", p.Base+"/api/alerts/preview", staffKey, draft(map[string]any{"description": "x", "geometry": map[string]any{"type": "Polygon", "coordinates": bowtie}}, "x"), nil)
	if code != 400 || !strings.Contains(string(b), "not a valid polygon") {
		t.Errorf("a self-intersecting polygon: %d %s", code, b)
	}
	bad := draft(kinds["gmina"], "x")
	bad["expires"] = "2020-01-01T00:00:00+01:00"
	if code, b := call(t, "POST", p.Base+"/api/alerts", staffKey, bad, nil); code != 400 || !strings.Contains(string(b), "expires") {
		t.Errorf("an expired alert: %d %s", code, b)
	}
	if links := atom(t, p.Base); len(links) != len(kinds) {
		t.Errorf("%d alerts in the feed, want %d", len(links), len(kinds))
	}
}

// TestSMSAndPush: an SMS subscriber confirms through the gateway hook and
// gets the alert as GSM-7 text of at most 306 characters; the push service
// gets each revision once, without contacts; every hook call is signed.
func TestSMSAndPush(t *testing.T) {
	smsSecret, pushSecret := []byte("sms-secret-0123456789abcdef"), []byte("push-secret-0123456789abcdef")
	gw, push := outboxtest.StartWebhook(t, smsSecret), outboxtest.StartWebhook(t, pushSecret)
	smtp := outboxtest.StartSMTP(t)
	s := newSite(t, smtp.Addr, "  sms: {url: \""+gw.URL+"\", secret_env: SIP_TEST_SMS}\n  push: {url: \""+push.URL+"\", secret_env: SIP_TEST_PUSH}\n")
	p := s.serve(t, "SIP_TEST_SMS="+string(smsSecret), "SIP_TEST_PUSH="+string(pushSecret))
	if code, b := call(t, "POST", p.Base+"/api/alerts/subscriptions", "", map[string]string{"phone": "+48 600 100 200", "address": address(t, "100301_4")}, nil); code != 202 {
		t.Fatalf("subscribe: %d %s", code, b)
	}
	outboxtest.WaitFor(t, 20*time.Second, "the confirmation SMS", func() bool { return len(gw.Accepted()) == 1 })
	var confirm struct{ To, Text string }
	json.Unmarshal(gw.Accepted()[0].Body, &confirm)
	if confirm.To != "+48600100200" || !sms.IsBasic(confirm.Text) || sms.Len(confirm.Text) > 306 {
		t.Fatalf("confirmation SMS: %+v", confirm)
	}
	if code, b := call(t, "GET", link(t, confirm.Text, "/confirm?token="), "", nil, nil); code != 200 {
		t.Fatalf("confirm: %d %s", code, b)
	}
	long := draft(map[string]any{"gminy": []string{"Łask"}}, "Przerwa w dostawie wody: ulice Kościuszki, Żeromskiego, Łąkowa i Źródlana")
	long["pl"].(map[string]string)["instruction"] = strings.Repeat("Prosimy o zrobienie zapasu wody pitnej. ", 12)
	var pub published
	if code, b := call(t, "POST", p.Base+"/api/alerts", staffKey, long, &pub); code != 201 {
		t.Fatalf("publish: %d %s", code, b)
	}
	outboxtest.WaitFor(t, 20*time.Second, "the alert SMS and push", func() bool { return len(gw.Accepted()) == 2 && len(push.Accepted()) == 1 })
	var alert struct{ To, Text string }
	json.Unmarshal(gw.Accepted()[1].Body, &alert)
	if !sms.IsBasic(alert.Text) || sms.Len(alert.Text) > 306 || !strings.Contains(alert.Text, "Przerwa w dostawie wody") || !strings.Contains(alert.Text, "/unsubscribe?token=") {
		t.Errorf("alert SMS (%d characters): %q", sms.Len(alert.Text), alert.Text)
	}
	if body := string(push.Accepted()[0].Body); strings.Contains(body, "600100200") || !strings.Contains(body, pub.CAP) {
		t.Errorf("push body: %.300s", body)
	}
	if gw.BadSignatures()+push.BadSignatures() != 0 {
		t.Errorf("bad signatures")
	}
	time.Sleep(3 * time.Second)
	if len(gw.Accepted()) != 2 || len(push.Accepted()) != 1 {
		t.Errorf("deliveries repeated: %d SMS, %d push", len(gw.Accepted()), len(push.Accepted()))
	}
}
