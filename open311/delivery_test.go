package open311_test

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/outbox"
	"github.com/sip-core/sip/outbox/outboxtest"
)

const hookSecretEnv = "SIP_TEST_UNIT_HOOK_SECRET"

var hookSecret = []byte("unit-webhook-secret-0123456789abcdef")

// deliverySite configures the Łask office to get e-mail through relay and the
// Buczek office a signed webhook at hook.
func deliverySite(t *testing.T, relay, hook string) *site {
	return newSite(t, fmt.Sprintf(`  rate_limit: {rate: 100, burst: 100}
  units:
    - {code: gmina-lask, name: Urząd Miejski w Łasku, gminy: ["100301"], email: "Zgłoszenia Łask <zgloszenia@lask.example>"}
    - {code: gmina-buczek, name: Urząd Gminy Buczek, gminy: ["100302"], webhook: {url: "%s", secret_env: %s}}
    - {code: zarzad-drog-powiatowych, name: Zarząd Dróg Powiatowych w Łasku, county: true, services: [drogi, drzewo, snieg], email: "zdp@powiat.example"}`, hook, hookSecretEnv),
		fmt.Sprintf(`outbox:
  smtp: {addr: "%s", from: "SIP Powiat łaski <sip@powiat.example>", tls: none, timeout: 5s}
  retry_min: 200ms
  retry_max: 1s
  lease: 20s
`, relay))
}

// Every accepted report reaches its unit exactly once, by e-mail through a
// real SMTP server and by a signed webhook, although the relay is down at
// first and the server is stopped mid-delivery (SIGTERM) and killed (SIGKILL)
// before it comes back.
func TestDeliverySurvivesRestarts(t *testing.T) {
	smtp := outboxtest.NewSMTP(t) // down until the last restart
	rx := outboxtest.StartWebhook(t, hookSecret)
	rx.Delay = 1500 * time.Millisecond // a slow unit: a delivery is under way at the SIGTERM
	s := deliverySite(t, smtp.Addr, rx.URL)
	env := hookSecretEnv + "=" + string(hookSecret)
	p := s.serve(t, env)
	c := readCounty(t, s.Dir)

	pts := map[string]orb.Point{}
	for _, j := range c.jed {
		pts[j.Attrs["id_jednostki"].(string)[:6]] = mustInterior(t, j.Geometry)
	}
	ids := map[string]string{} // request id → gmina
	for i := range 5 {
		for g, pt := range pts {
			lat, long := latLong(orb.Point{pt[0] + float64(15*i), pt[1]})
			var cr created
			form := url.Values{"service_code": {"inne"}, "lat": {lat}, "long": {long}, "description": {fmt.Sprintf("zgłoszenie %d w %s", i, g)},
				"email": {fmt.Sprintf("mieszkaniec%d@example.org", i)}}
			if code, body := post(t, p.Base, "/open311/v2/requests.json", form, nil, &cr); code != 201 {
				t.Fatalf("POST: %d %s", code, body)
			}
			ids[cr[0].ID] = g
		}
	}
	outboxtest.WaitFor(t, 20*time.Second, "a webhook delivery under way", func() bool { return rx.Started() >= 1 })
	p.Stop(t) // SIGTERM while the unit is answering
	rx.Delay = 0
	if n, started := len(rx.Accepted()), rx.Started(); n < 1 || n != started {
		t.Fatalf("deliveries under way at SIGTERM were not finished: %d accepted of %d started", n, started)
	}

	p = s.serve(t, env)
	outboxtest.WaitFor(t, 30*time.Second, "every webhook delivery", func() bool { return len(rx.Accepted()) >= 5 })
	time.Sleep(500 * time.Millisecond)
	p.Kill() // SIGKILL while the relay is still down

	smtp.Start()
	p = s.serve(t, env)
	outboxtest.WaitFor(t, 60*time.Second, "every e-mail", func() bool { return len(smtp.Messages()) >= 5 })
	time.Sleep(1500 * time.Millisecond) // a duplicate would arrive by now

	// Webhooks: one per Buczek request, signed (the receiver checked), with the request.
	seen := map[string]int{}
	for _, d := range rx.Accepted() {
		seen[d.Key]++
		var body struct {
			Unit string `json:"unit"`
			Req  struct {
				ID string `json:"service_request_id"`
			} `json:"service_request"`
			Contact struct {
				Email string `json:"email"`
			} `json:"contact"`
		}
		if err := json.Unmarshal(d.Body, &body); err != nil {
			t.Fatalf("webhook body: %v", err)
		}
		if body.Unit != "gmina-buczek" || ids[body.Req.ID] != "100302" || !strings.HasPrefix(body.Contact.Email, "mieszkaniec") {
			t.Errorf("webhook for %+v", body)
		}
		if d.Header.Get(outbox.DeliveryHeader) == "" {
			t.Error("no delivery id header")
		}
	}
	if len(seen) != 5 || rx.BadSignatures() != 0 {
		t.Fatalf("webhooks: %d distinct of 5, %d bad signatures", len(seen), rx.BadSignatures())
	}
	for k, n := range seen {
		if n != 1 {
			t.Errorf("webhook %s delivered %d times", k, n)
		}
	}
	// E-mail: one per Łask request.
	mails := smtp.Messages()
	byID := map[string]int{}
	for _, m := range mails {
		var id string
		fmt.Sscanf(m.Subject, "Zgłoszenie nr %s", &id)
		id = strings.TrimSuffix(id, ":")
		byID[id]++
		if ids[id] != "100301" {
			t.Errorf("mail %q for a request not of Łask", m.Subject)
		}
		if !strings.Contains(m.Body, "Zgłoszenie mieszkańca nr "+id) || !strings.Contains(m.Body, "e-mail: mieszkaniec") || !strings.Contains(m.Body, "Dlaczego do Państwa") {
			t.Errorf("mail body:\n%s", m.Body)
		}
		if m.Header.Get("To") != "zgloszenia@lask.example" {
			t.Errorf("mail to %q", m.Header.Get("To"))
		}
	}
	if len(mails) != 5 || len(byID) != 5 {
		t.Fatalf("%d mails for %d requests, want 5 for 5", len(mails), len(byID))
	}
}
