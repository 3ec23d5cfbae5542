package config

import (
	"path/filepath"
	"testing"
	"time"
)

const alertsHead = `datasets:
  - {name: county, store: c.gpkg}
  - {name: ostrzezenia, store: o.gpkg}
alerts:
  dataset: ostrzezenia
`

// A bad alerts section stops the start with the place and the key.
func TestAlertsErrors(t *testing.T) {
	checkRefusals(t, []refusal{
		{"unknown dataset", "datasets: [{name: a, store: a.gpkg}]\nalerts:\n  dataset: nope\n", 3, "alerts.dataset", "unknown dataset"},
		{"private layer", "datasets:\n  - name: o\n    store: o.gpkg\n    layers: [{name: alerty, public: false}]\nalerts:\n  dataset: o\n", 6, "alerts.dataset", "publish its layer alerty"},
		{"address points", alertsHead + "  address_points: adresy\n", 6, "alerts.address_points", "unknown dataset"},
		{"sender with a space", alertsHead + "  sender: \"sip powiat\"\n", 6, "alerts.sender", "no spaces"},
		{"vertex budget", alertsHead + "  max_vertices: 3\n", 6, "alerts.max_vertices", "between 4"},
		{"sms without secret", alertsHead + "  sms: {url: \"https://sms.example/\"}\n", 6, "alerts.sms.secret_env", "secret_env"},
		{"push url", alertsHead + "  push: {url: \"ftp://x\", secret_env: X}\n", 6, "alerts.push.url", "http"},
	})
}

func TestAlertsDefaults(t *testing.T) {
	c, err := Parse([]byte(alertsHead), filepath.Join("/srv/sip", "sip.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	a := c.Alerts
	if !a.Enabled() || a.Database != "/srv/sip/alerts.sqlite" || a.IdentifierPrefix != "PL.SIP.ALERT" || a.MaxVertices != 100 || a.ConfirmWithin.D() != 48*time.Hour {
		t.Fatalf("defaults %+v", a)
	}
	ex, err := Load(filepath.Join("..", "sip.example.yaml"))
	if err != nil || !ex.Alerts.Enabled() || ex.Alerts.Sender == "" {
		t.Fatalf("the example's alerts section: %v", err)
	}
}
