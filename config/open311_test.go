package config

import (
	"path/filepath"
	"testing"
	"time"
)

const reportsHead = `datasets:
  - {name: county, store: c.gpkg}
  - name: zgloszenia
    store: z.gpkg
    layers: [{name: zgloszenia, public: false}]
open311:
  dataset: zgloszenia
`

// A bad open311 or outbox section stops the start with the place and the key.
func TestOpen311Errors(t *testing.T) {
	checkRefusals(t, []refusal{
		{"public staff layer", "datasets:\n  - {name: county, store: c.gpkg}\n  - {name: zgloszenia, store: z.gpkg}\nopen311:\n  dataset: zgloszenia\n", 3, "datasets[1].layers", "not public"},
		{"unknown reports dataset", "datasets: [{name: a, store: a.gpkg}]\nopen311:\n  dataset: nope\n", 3, "open311.dataset", "unknown dataset"},
		{"bad teryt", reportsHead + "  units:\n    - {code: g, name: G, gminy: [\"1003\"]}\n", 9, "open311.units[0].gminy[0]", "TERYT"},
		{"email without relay", reportsHead + "  units:\n    - {code: g, name: G, email: a@b.pl}\n", 9, "open311.units[0].email", "outbox.smtp.addr"},
		{"webhook secret in env", reportsHead + "  units:\n    - code: g\n      name: G\n      webhook: {url: \"https://x.example/\", secret_env: SIP_TEST_NO_SUCH_SECRET}\n", 11, "open311.units[0].webhook.secret_env", "at least 16 bytes"},
		{"route to nobody", reportsHead + "  services:\n    - {code: x, name: X, route: nobody}\n", 9, "open311.services[0].route", "unknown unit or office"},
		{"bad datatype", reportsHead + "  services:\n    - code: x\n      name: X\n      attributes:\n        - {code: a, datatype: boolean}\n", 12, "open311.services[0].attributes[0].datatype", "datatype"},
		{"list without values", reportsHead + "  services:\n    - code: x\n      name: X\n      attributes:\n        - {code: a, datatype: singlevaluelist}\n", 12, "open311.services[0].attributes[0].values", "values"},
		{"asset manager", reportsHead + "  assets:\n    - {name: drogi, dataset: county, layer: drogi, attribute: kategoria, managers: {krajowa: nobody}}\n", 9, "open311.assets[0].managers.krajowa", "unknown unit or office"},
		{"smtp tls", reportsHead + "outbox:\n  smtp: {addr: \"x:25\", from: a@b.pl, tls: sometimes}\n", 9, "outbox.smtp.tls", "starttls"},
	})
}

func TestOpen311Defaults(t *testing.T) {
	c, err := Parse([]byte(reportsHead), filepath.Join("/srv/sip", "sip.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	o := c.Open311
	if !o.Enabled() || o.Database != "/srv/sip/open311.sqlite" || c.Outbox.Database != "/srv/sip/outbox.sqlite" ||
		o.BoundaryDistance != 15 || o.ContactRetention.D() != 30*24*time.Hour || o.Outside != OfficeOutside || o.MaxPhoto != 8<<20 {
		t.Fatalf("defaults %+v outbox %+v", o, c.Outbox)
	}
	if c.Outbox.RetryMin.D() != 30*time.Second || c.Outbox.RetryMax.D() != time.Hour || c.Outbox.Lease.D() != 2*time.Minute {
		t.Fatalf("outbox defaults %+v", c.Outbox)
	}
	ex, err := Load(filepath.Join("..", "sip.example.yaml"))
	if err != nil || !ex.Open311.Enabled() || len(ex.Open311.Units) == 0 || ex.Outbox.SMTP.Addr == "" {
		t.Fatalf("the example's open311 section: %v", err)
	}
}
