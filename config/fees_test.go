package config

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestParseGrosze(t *testing.T) {
	good := map[string]Grosze{"50": 5000, "40.5": 4050, "24,50": 2450, "0.01": 1, "0.1": 10, "140 zł": 14000,
		"2450 gr": 2450, "0": 0, "0gr": 0, "105 PLN": 10500, "19.99": 1999, "1000000": 100000000}
	for s, want := range good {
		got, err := ParseGrosze(s)
		if err != nil || got != want {
			t.Errorf("%q: got %d %v, want %d", s, got, err, want)
		}
	}
	// 0.29 as a float64 is 0.28999…: parsing must not go through floats.
	if g, _ := ParseGrosze("0.29"); g != 29 {
		t.Errorf("0.29 -> %d", g)
	}
	for _, s := range []string{"", "-5", "1.234", "1e3", "abc", "12.5 gr", "1.", ".5", "5 złotych", "99999999999"} {
		if g, err := ParseGrosze(s); err == nil {
			t.Errorf("%q accepted as %d", s, g)
		}
	}
	if s := Grosze(12345).String(); s != "123,45 zł" {
		t.Errorf("String %q", s)
	}
	if s := Grosze(5).Decimal(); s != "0.05" {
		t.Errorf("Decimal %q", s)
	}
}

func TestParseFactor(t *testing.T) {
	for s, want := range map[string]Factor{"1": 1000, "0.5": 500, "1.25": 1250, "0,125": 125, "0": 0} {
		got, err := ParseFactor(s)
		if err != nil || got != want {
			t.Errorf("%q: %d %v", s, got, err)
		}
	}
	for _, s := range []string{"-1", "0.1234", "x", "101"} {
		if _, err := ParseFactor(s); err == nil {
			t.Errorf("%q accepted", s)
		}
	}
	if Factor(1250).String() != "1.25" || FactorOne.String() != "1" {
		t.Errorf("factor strings %s %s", Factor(1250), FactorOne)
	}
}

func TestExampleFees(t *testing.T) {
	c, err := Load(filepath.Join("..", "sip.example.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range c.Fees.Items {
		if f.Document == "wypis_wyrys" {
			found = true
			if f.Electronic != 14000 || f.Printed != 15000 || f.CorrectionFactor() != FactorOne {
				t.Errorf("wypis_wyrys %+v", f)
			}
		}
	}
	if !found {
		t.Fatal("example has no wypis_wyrys fee")
	}
	if len(c.Fees.Free) != 2 || c.Fees.Free[0].Basis != LegalBasisFreeGeometry {
		t.Errorf("default free items %+v", c.Fees.Free)
	}
	e := c.Extracts
	if filepath.Dir(e.Orders) != filepath.Dir(c.Datasets[0].Store) || filepath.Base(e.Orders) != "orders.sqlite" {
		t.Errorf("orders db %q next to %q", e.Orders, c.Datasets[0].Store)
	}
	if e.MaxDownloads != 5 || e.TokenLifetime.D().Hours() != 72 || len(e.Providers) != 1 || e.Providers[0].Type != ProviderManual {
		t.Errorf("extracts defaults %+v", e)
	}
}

func TestFeesConfig(t *testing.T) {
	t.Setenv("SIP_TEST_PAY_SECRET", "0123456789abcdef0123")
	c, err := Parse([]byte(`datasets: [{name: a, store: data/a.gpkg}]
fees:
  items:
    - {document: wyrys, electronic: "105.50", printed: 11000 gr, unit: dokument, factor: 0.5, basis: "Lp. 5"}
  free:
    - {layer: dzialki, basis: art. 40a}
  products: [gpkg]
extracts:
  orders: db/orders.sqlite
  max_downloads: 2
  providers:
    - {name: manual, type: manual}
    - {name: payu, type: webhook, secret_env: SIP_TEST_PAY_SECRET, pay_url: "https://pay.example/{order}"}
`), "/etc/sip/sip.yaml")
	if err != nil {
		t.Fatal(err)
	}
	f := c.Fees.Items[0]
	if f.Electronic != 10550 || f.Printed != 11000 || f.CorrectionFactor() != 500 {
		t.Errorf("fee %+v", f)
	}
	if c.Extracts.Orders != "/etc/sip/db/orders.sqlite" || c.Extracts.Files != "/etc/sip/db/extracts" {
		t.Errorf("paths %q %q", c.Extracts.Orders, c.Extracts.Files)
	}
	if string(c.Extracts.Providers[1].Secret()) != "0123456789abcdef0123" || c.Extracts.Providers[1].SignatureHeader != "X-Signature" {
		t.Errorf("provider %+v", c.Extracts.Providers[1])
	}
}

func TestFeesErrors(t *testing.T) {
	t.Setenv("SIP_TEST_SHORT", "short")
	head := "datasets: [{name: a, store: a.gpkg}]\n"
	errs := checkRefusals(t, []refusal{
		{"rate places", head + "fees:\n  items:\n    - document: wyrys\n      electronic: 105.555\n      unit: dokument\n", 5, "", "two decimal places"},
		{"rate negative", head + "fees:\n  items:\n    - document: wyrys\n      electronic: -1\n      unit: dokument\n", 5, "", "not an amount"},
		{"factor", head + "fees:\n  items:\n    - document: wyrys\n      electronic: 1\n      unit: dokument\n      factor: lots\n", 7, "", "correction factor"},
		{"free basis", head + "fees:\n  free:\n    - layer: dzialki\n", 4, "fees.free[0].basis", "legal basis"},
		{"product", head + "fees:\n  products: [gpkg, shp]\n", 3, "fees.products[1]", "must be one of"},
		{"provider type", head + "extracts:\n  providers:\n    - name: x\n      type: paypal\n", 5, "extracts.providers[0].type", "manual or webhook"},
		{"webhook secret", head + "extracts:\n  providers:\n    - name: payu\n      type: webhook\n", 4, "extracts.providers[0].secret_env", "environment variable"},
		{"webhook short secret", head + "extracts:\n  providers:\n    - name: payu\n      type: webhook\n      secret_env: SIP_TEST_SHORT\n", 6, "extracts.providers[0].secret_env", "at least 16"},
		{"dup provider", head + "extracts:\n  providers:\n    - {name: m, type: manual}\n    - {name: m, type: manual}\n", 5, "extracts.providers[1].name", "duplicate"},
		{"downloads", head + "extracts:\n  max_downloads: -1\n", 3, "extracts.max_downloads", "negative"},
	})
	if err := errs["webhook short secret"]; err != nil && strings.Contains(err.Error(), "short") {
		t.Errorf("secret value leaked into the error: %v", err)
	}
}

// FuzzParseGrosze: accepted amounts are non-negative and survive a round trip
// through their decimal form.
func FuzzParseGrosze(f *testing.F) {
	for _, s := range []string{"50", "40.5", "24,50", "2450 gr", "0.29", "1e3", "-1", "140 zł"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		g, err := ParseGrosze(s)
		if err != nil {
			return
		}
		if g < 0 || g > maxGrosze {
			t.Fatalf("%q -> %d", s, g)
		}
		back, err := ParseGrosze(g.Decimal())
		if err != nil || back != g {
			t.Fatalf("%q -> %d -> %q -> %d %v", s, g, g.Decimal(), back, err)
		}
	})
}

// The state database: the outbox lives in it by default; shared by replicas
// it refuses what would stay on one replica's disk.
func TestStateDatabase(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "sip.yaml")
	t.Setenv("SIP_TOKEN", "a-signing-key-every-replica-shares")
	c, err := Parse([]byte("datasets:\n  - {name: county, store: county.gpkg}\nstate: state.sqlite\n"), file)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "state.sqlite"); c.State != want || c.Outbox.Database != want || c.Extracts.Orders != want {
		t.Errorf("state %q, outbox %q, orders %q: want both in %s", c.State, c.Outbox.Database, c.Extracts.Orders, want)
	}
	c, err = Parse([]byte("datasets:\n  - {name: county, store: county.gpkg}\n"), file)
	if err != nil || c.Outbox.Database != filepath.Join(dir, "outbox.sqlite") {
		t.Errorf("without state: outbox %q %v", c.Outbox.Database, err)
	}
	shared := "datasets:\n  - {name: county, store: county.gpkg}\nstate: postgres://sip@db/sip?schema=sip_state\n"
	ok := shared + "extracts: {files: \"s3://b/extracts/?endpoint=http://127.0.0.1:9\", token_secret_env: SIP_TOKEN}\n"
	for extra, want := range map[string]string{
		"": "token_secret_env",
		"extracts: {token_secret_env: SIP_TOKEN}\n": "extracts.files",
		"outbox: {database: outbox.sqlite}\n":       "outbox.database",
		"open311: {database: r.sqlite}\n":           "open311.database",
		"alerts: {database: a.sqlite}\n":            "alerts.database",
	} {
		base := ok
		if strings.HasPrefix(extra, "extracts") || extra == "" {
			base = shared
		}
		if _, err := Parse([]byte(base+extra), file); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("shared state with %q: error %v does not name %s", extra, err, want)
		}
	}
	c, err = Parse([]byte(ok), file)
	if err != nil {
		t.Fatal(err)
	}
	if c.Outbox.Database != c.State {
		t.Errorf("shared state: outbox %q", c.Outbox.Database)
	}
	services := "open311: {dataset: reports}\nalerts: {dataset: warn}\n"
	datasets := "datasets:\n  - {name: county, store: county.gpkg}\n  - {name: reports, store: r.gpkg, layers: [{name: zgloszenia, public: false}]}\n  - {name: warn, store: w.gpkg}\n"
	// Resident reports and alerts go to the shared state database; beside a
	// state file they keep their own files, as before it.
	c, err = Parse([]byte(strings.Replace(ok, "datasets:\n  - {name: county, store: county.gpkg}\n", datasets, 1)+services), file)
	if err != nil {
		t.Fatal(err)
	}
	if c.Open311.Database != c.State || c.Alerts.Database != c.State {
		t.Errorf("shared state: open311 %q, alerts %q, %v", c.Open311.Database, c.Alerts.Database, err)
	}
	c, err = Parse([]byte(datasets+"state: state.sqlite\n"+strings.Replace(services, "warn}", "warn, database: sqlite:a.sqlite}", 1)), file)
	if err != nil || c.Open311.Database != filepath.Join(dir, "open311.sqlite") || c.Alerts.Database != filepath.Join(dir, "a.sqlite") {
		t.Errorf("state file: open311 %q, alerts %q, %v", c.Open311.Database, c.Alerts.Database, err)
	}
}
