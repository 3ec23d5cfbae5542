package config

import (
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// Alerts configures area alerts (CAP 1.2 at /alerts, the Atom feed
// /alerts.atom, staff authoring and residents' subscriptions under
// /api/alerts; docs/alerts.md). The service is on when Dataset is set.
type Alerts struct {
	// Dataset holds the public layer of current alert areas (layer alerty),
	// written by the service; sip serve creates its store when missing.
	Dataset string `yaml:"dataset"`
	// Database holds alerts, their revisions and the subscribers: with a
	// shared state database (state: postgres://…) that one; otherwise a
	// SQLite file (default alerts.sqlite next to the first dataset's store,
	// also beside a state file, so that existing files stay in use).
	Database string `yaml:"database"`
	// Areas names the dataset whose jednostki, obreby, dzialki and budynki
	// give the areas and the affected addresses (default: the first dataset
	// with a jednostki layer).
	Areas string `yaml:"areas"`
	// AddressPoints names the dataset of the gminy's address-point registers
	// (layer punkty_adresowe, loaded by sip ingest from PRG GML or CSV): in a
	// gmina it holds, affected addresses and subscribed addresses come from
	// its points instead of the cadastre (default: the first dataset with a
	// punkty_adresowe layer, if any).
	AddressPoints string `yaml:"address_points"`
	// Sender is the CAP sender: an e-mail-like id without spaces or commas
	// (default sip@<host of base_url>, or sip@localhost).
	Sender string `yaml:"sender"`
	// SenderName is the issuing office as people read it ("Starostwo
	// Powiatowe w Łasku"); default the areas dataset's title.
	SenderName string `yaml:"sender_name"`
	// Contact is the CAP contact line (a phone or an office).
	Contact string `yaml:"contact"`
	// IdentifierPrefix starts every CAP identifier (default PL.SIP.ALERT).
	IdentifierPrefix string `yaml:"identifier_prefix"`
	// MaxVertices bounds the vertices of one CAP polygon (default 100): a more
	// detailed area is simplified, keeping its topology.
	MaxVertices int `yaml:"max_vertices"`
	// ConfirmWithin: a subscription not confirmed this long after it was made
	// is deleted (default 48h).
	ConfirmWithin Duration `yaml:"confirm_within"`
	// SMS is the SMS gateway: every SMS is POSTed to it as JSON, signed.
	SMS *Hook `yaml:"sms"`
	// Push is the mobile app's push service: each alert message is POSTed to
	// it as JSON, signed.
	Push *Hook `yaml:"push"`
}

// Hook is a signed webhook: the body is signed with HMAC-SHA256 under the
// secret held by the environment variable SecretEnv (never this file).
type Hook struct {
	URL       string `yaml:"url"`
	SecretEnv string `yaml:"secret_env"`
}

// AlertLayer is the name of the public layer of current alert areas.
const AlertLayer = "alerty"

// Enabled reports whether area alerts are on.
func (a Alerts) Enabled() bool { return a.Dataset != "" }

// capIDRE: CAP identifiers and senders hold no spaces, commas, '<' or '&'.
var capIDRE = regexp.MustCompile(`^[^\s,<&]+$`)

func (c *Config) validateAlerts(v *validator) {
	a := c.Alerts
	if !a.Enabled() {
		return
	}
	if d, ok := c.DatasetByName(a.Dataset); !ok {
		v.atf([]any{"alerts", "dataset"}, "unknown dataset %q: add a dataset for the public layer of alert areas (layer %s)", a.Dataset, AlertLayer)
	} else if l, ok := d.Layer(AlertLayer); !ok || !l.IsPublic() {
		v.atf([]any{"alerts", "dataset"}, "the alerts dataset %s must publish its layer %s to everyone (drop its layers list, or list it as public)", d.Name, AlertLayer)
	}
	if a.Areas != "" {
		if _, ok := c.DatasetByName(a.Areas); !ok {
			v.atf([]any{"alerts", "areas"}, "unknown dataset %q", a.Areas)
		}
	}
	if a.AddressPoints != "" {
		if _, ok := c.DatasetByName(a.AddressPoints); !ok {
			v.atf([]any{"alerts", "address_points"}, "unknown dataset %q", a.AddressPoints)
		}
	}
	if a.Sender != "" && !capIDRE.MatchString(a.Sender) {
		v.at("a CAP sender has no spaces, commas, '<' or '&'", "alerts", "sender")
	}
	if a.IdentifierPrefix != "" && !capIDRE.MatchString(a.IdentifierPrefix) {
		v.at("a CAP identifier has no spaces, commas, '<' or '&'", "alerts", "identifier_prefix")
	}
	if a.MaxVertices != 0 && (a.MaxVertices < 4 || a.MaxVertices > 10000) {
		v.at("must be between 4 and 10000", "alerts", "max_vertices")
	}
	if a.ConfirmWithin < 0 {
		v.at("must not be negative", "alerts", "confirm_within")
	}
	for _, h := range []struct {
		name string
		hook *Hook
	}{{"sms", a.SMS}, {"push", a.Push}} {
		if h.hook != nil {
			v.webhook(h.hook.URL, h.hook.SecretEnv, "alerts", h.name)
		}
	}
	c.validateOutbox(v)
}

// webhook checks a signed webhook's URL and secret variable.
func (v *validator) webhook(url, secretEnv string, path ...any) {
	if !strings.HasPrefix(url, "http://") && !strings.HasPrefix(url, "https://") {
		v.at("must start with http:// or https://", append(path, "url")...)
	}
	if secretEnv == "" {
		v.at("a webhook needs secret_env: the environment variable holding its HMAC secret (never the secret itself)", append(path, "secret_env")...)
	}
}

// anchorAlerts makes the database path absolute relative to dir (a
// PostgreSQL DSN is kept as written).
func (c *Config) anchorAlerts(dir string) {
	p := &c.Alerts.Database
	if *p == "" || IsSharedState(*p) {
		return
	}
	if path := strings.TrimPrefix(*p, "sqlite:"); !filepath.IsAbs(path) {
		*p = filepath.Join(dir, path)
	}
}

func (c *Config) alertsDefaults() {
	a := &c.Alerts
	if a.Database == "" {
		a.Database = c.featureDSN("alerts.sqlite")
	}
	if a.IdentifierPrefix == "" {
		a.IdentifierPrefix = "PL.SIP.ALERT"
	}
	if a.MaxVertices == 0 {
		a.MaxVertices = 100
	}
	if a.ConfirmWithin == 0 {
		a.ConfirmWithin = Duration(48 * time.Hour)
	}
}
