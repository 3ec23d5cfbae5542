package config

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/sip-core/sip/store"
)

// Grosze is an amount of money in integer grosze (1 zł = 100 gr). In YAML it is
// written either in złoty as a decimal with at most two places ("50", "40.5",
// "24,50", "140 zł") or in grosze with a "gr" suffix ("2450 gr"). The text is
// parsed exactly: no binary floating point touches money.
type Grosze int64

// String formats the amount as "1234,50 zł".
func (g Grosze) String() string {
	sign := ""
	v := int64(g)
	if v < 0 {
		sign, v = "-", -v
	}
	return fmt.Sprintf("%s%d,%02d zł", sign, v/100, v%100)
}

// Decimal formats the amount as "1234.50" (zł, a dot, two places).
func (g Grosze) Decimal() string {
	sign := ""
	v := int64(g)
	if v < 0 {
		sign, v = "-", -v
	}
	return fmt.Sprintf("%s%d.%02d", sign, v/100, v%100)
}

// maxGrosze bounds configured rates (10 million zł) so that rate × units × factor
// cannot overflow int64 for any selection the limits allow.
const maxGrosze = 1_000_000_000

// ParseGrosze parses a money amount (see Grosze).
func ParseGrosze(s string) (Grosze, error) {
	t := strings.TrimSpace(s)
	if v, ok := strings.CutSuffix(t, "gr"); ok {
		v = strings.TrimSpace(v)
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 0 || !isDigits(v) {
			return 0, fmt.Errorf("%q is not a whole number of grosze", s)
		}
		if n > maxGrosze {
			return 0, fmt.Errorf("%q is too large", s)
		}
		return Grosze(n), nil
	}
	for _, suf := range []string{"zł", "zl", "PLN"} {
		if v, ok := strings.CutSuffix(t, suf); ok {
			t = strings.TrimSpace(v)
			break
		}
	}
	n, err := parseFixed(t, 2)
	if err != nil {
		return 0, fmt.Errorf("%q is not an amount in zł with at most two decimal places (e.g. 40, 40.50) or in grosze (e.g. 4050 gr)", s)
	}
	if n > maxGrosze {
		return 0, fmt.Errorf("%q is too large", s)
	}
	return Grosze(n), nil
}

// UnmarshalYAML implements yaml.Unmarshaler.
func (g *Grosze) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: expected an amount such as 40.50 (zł) or 4050 gr", n.Line)}}
	}
	v, err := ParseGrosze(n.Value)
	if err != nil {
		return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: %v", n.Line, err)}}
	}
	*g = v
	return nil
}

// Factor is a correction factor in thousandths (1000 = ×1), written as a decimal
// with at most three places ("1", "0.5", "1.25").
type Factor int64

// FactorOne is the neutral factor.
const FactorOne Factor = 1000

// String formats the factor as "1.25".
func (f Factor) String() string {
	s := fmt.Sprintf("%d.%03d", int64(f)/1000, int64(f)%1000)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// ParseFactor parses a correction factor (see Factor).
func ParseFactor(s string) (Factor, error) {
	n, err := parseFixed(strings.TrimSpace(s), 3)
	if err != nil || n > 100_000 {
		return 0, fmt.Errorf("%q is not a factor between 0 and 100 with at most three decimal places", s)
	}
	return Factor(n), nil
}

// UnmarshalYAML implements yaml.Unmarshaler.
func (f *Factor) UnmarshalYAML(n *yaml.Node) error {
	v, err := ParseFactor(n.Value)
	if n.Kind != yaml.ScalarNode || err != nil {
		return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: %q is not a correction factor (e.g. 1, 0.5, 1.25)", n.Line, n.Value)}}
	}
	*f = v
	return nil
}

// parseFixed parses a non-negative decimal "123", "123.4", "123,45" into an
// integer scaled by 10^places, refusing more places than that.
func parseFixed(s string, places int) (int64, error) {
	s = strings.Replace(s, ",", ".", 1)
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" || !isDigits(whole) || (frac != "" && !isDigits(frac)) || len(frac) > places || len(whole) > 15 {
		return 0, fmt.Errorf("bad decimal %q", s)
	}
	if strings.HasSuffix(s, ".") {
		return 0, fmt.Errorf("bad decimal %q", s)
	}
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return 0, err
	}
	frac += strings.Repeat("0", places-len(frac))
	var f int64
	if frac != "" {
		if f, err = strconv.ParseInt(frac, 10, 64); err != nil {
			return 0, err
		}
	}
	scale := int64(math.Pow10(places))
	return w*scale + f, nil
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// CorrectionFactor is the fee's correction factor (×1 when not configured).
func (f Fee) CorrectionFactor() Factor {
	if f.Factor == nil {
		return FactorOne
	}
	return *f.Factor
}

// FreeItem is a data set released free of charge, with the legal basis printed
// on the Dokument Obliczenia Opłaty.
type FreeItem struct {
	Layer string `yaml:"layer"` // dataset layer, e.g. dzialki
	Title string `yaml:"title"`
	Basis string `yaml:"basis"`
}

// LegalBasisFreeGeometry is the basis for free parcel and building geometry data
// sets (docs/domain.md, "Fees for extracts").
const LegalBasisFreeGeometry = "art. 40a ust. 2 pkt 1 ustawy z dnia 17 maja 1989 r. Prawo geodezyjne i kartograficzne"

// DefaultFreeItems are used when fees.free is not configured.
var DefaultFreeItems = []FreeItem{
	{Layer: "dzialki", Title: "Zbiór danych: działki ewidencyjne (geometria i atrybuty publiczne)", Basis: LegalBasisFreeGeometry},
	{Layer: "budynki", Title: "Zbiór danych: budynki (geometria i atrybuty publiczne)", Basis: LegalBasisFreeGeometry},
}

// DataFormats are the data extract products a server can make.
var DataFormats = []string{"gpkg", "gml", "geojson"}

// Extracts configures paid extracts: the orders database, downloads, limits and
// payment providers.
type Extracts struct {
	// Orders is the SQLite file of orders and the audit log when the
	// configuration names no state database (default orders.sqlite next to the
	// first dataset's store); relative to the config file. Once the
	// configuration is loaded it holds the DSN the extracts use: the state
	// database's when there is one.
	Orders string `yaml:"orders"`
	// Files is where generated extracts are kept: a folder (default: extracts/
	// next to Orders), or object storage every replica reads
	// (s3://BUCKET/PREFIX?endpoint=…&region=…), which a shared state database
	// requires.
	Files string `yaml:"files"`
	// TokenLifetime is how long a download link works (default 72h).
	TokenLifetime Duration `yaml:"token_lifetime"`
	// MaxDownloads is the number of downloads per file (default 5).
	MaxDownloads int `yaml:"max_downloads"`
	// MaxParcels bounds a selection (default 1000).
	MaxParcels int `yaml:"max_parcels"`
	// MaxAreaHa bounds a selection polygon's area in hectares (default 1000).
	MaxAreaHa float64 `yaml:"max_area_ha"`
	// TokenSecretEnv names an environment variable holding the download token
	// signing key; empty means a random key kept in the orders database.
	TokenSecretEnv string `yaml:"token_secret_env"`
	// Providers are the payment providers (default: manual only).
	Providers []PaymentProvider `yaml:"providers"`
}

// Payment provider types.
const (
	ProviderManual  = "manual"
	ProviderWebhook = "webhook"
)

// PaymentProvider is one payment operator. Secrets never sit in the file: the
// webhook's shared secret is read from the environment variable SecretEnv.
type PaymentProvider struct {
	Name string `yaml:"name"` // in URLs: /api/payments/{name}/notify
	Type string `yaml:"type"` // manual or webhook
	// SecretEnv names the environment variable holding the shared HMAC secret.
	SecretEnv string `yaml:"secret_env"`
	// SignatureHeader carries hex HMAC-SHA256 of the raw body (default X-Signature).
	SignatureHeader string `yaml:"signature_header"`
	// PayURL is where the payer is sent; {order} and {amount} (grosze) are replaced.
	PayURL string `yaml:"pay_url"`
}

// Secret returns the provider's shared secret from the environment.
func (p PaymentProvider) Secret() []byte { return []byte(os.Getenv(p.SecretEnv)) }

func (c *Config) validateFees(v *validator) {
	docs := map[string]bool{}
	for i, f := range c.Fees.Items {
		p := []any{"fees", "items", i}
		if f.Document == "" {
			v.at("document is required", append(p, "document")...)
		}
		if docs[f.Document] {
			v.atf(append(p, "document"), "duplicate fee for %q", f.Document)
		}
		docs[f.Document] = true
		if f.Printed < 0 {
			v.at("must not be negative", append(p, "printed")...)
		}
		if f.Electronic < 0 {
			v.at("must not be negative", append(p, "electronic")...)
		}
		if f.Factor != nil && *f.Factor < 0 {
			v.at("must not be negative", append(p, "factor")...)
		}
		switch f.Unit {
		case "jednostka_rejestrowa", "dokument", "pozycja":
		default:
			v.atf(append(p, "unit"), "unit %q must be jednostka_rejestrowa, dokument or pozycja", f.Unit)
		}
	}
	layers := map[string]bool{}
	for i, f := range c.Fees.Free {
		p := []any{"fees", "free", i}
		if f.Layer == "" {
			v.at("layer is required", append(p, "layer")...)
		}
		if layers[f.Layer] {
			v.atf(append(p, "layer"), "duplicate free item %q", f.Layer)
		}
		layers[f.Layer] = true
		if f.Basis == "" {
			v.at("basis (the legal basis printed on the fee document) is required", append(p, "basis")...)
		}
	}
	for i, pr := range c.Fees.Products {
		ok := false
		for _, f := range DataFormats {
			ok = ok || pr == f
		}
		if !ok {
			v.atf([]any{"fees", "products", i}, "product %q must be one of %s", pr, strings.Join(DataFormats, ", "))
		}
	}
	e := c.Extracts
	if e.TokenLifetime < 0 {
		v.at("must not be negative", "extracts", "token_lifetime")
	}
	if e.MaxDownloads < 0 {
		v.at("must not be negative", "extracts", "max_downloads")
	}
	if e.MaxParcels < 0 {
		v.at("must not be negative", "extracts", "max_parcels")
	}
	if e.MaxAreaHa < 0 || math.IsNaN(e.MaxAreaHa) {
		v.at("must not be negative", "extracts", "max_area_ha")
	}
	names := map[string]bool{}
	for i, p := range e.Providers {
		pp := []any{"extracts", "providers", i}
		if !nameRE.MatchString(p.Name) {
			v.atf(append(pp, "name"), "provider name %q: use 1-64 lower-case letters, digits, '_' or '-'", p.Name)
		}
		if names[p.Name] {
			v.atf(append(pp, "name"), "duplicate provider %q", p.Name)
		}
		names[p.Name] = true
		switch p.Type {
		case ProviderManual:
		case ProviderWebhook:
			if p.SecretEnv == "" {
				v.at("a webhook provider needs secret_env: the environment variable holding its shared secret (never the secret itself)", append(pp, "secret_env")...)
			} else if len(p.Secret()) < 16 {
				v.atf(append(pp, "secret_env"), "environment variable %s must hold a shared secret of at least 16 bytes", p.SecretEnv)
			}
			if p.PayURL != "" && !strings.HasPrefix(p.PayURL, "https://") && !strings.HasPrefix(p.PayURL, "http://") {
				v.at("must start with http:// or https://", append(pp, "pay_url")...)
			}
		default:
			v.atf(append(pp, "type"), "provider type %q must be manual or webhook", p.Type)
		}
	}
	if e.TokenSecretEnv != "" && len(os.Getenv(e.TokenSecretEnv)) < 16 {
		v.atf([]any{"extracts", "token_secret_env"}, "environment variable %s must hold a secret of at least 16 bytes", e.TokenSecretEnv)
	}
	c.validateState(v)
}

// validateState checks the state database against the features keeping
// state: one place for the orders, and with replicas sharing it, nothing of
// the extracts, the outbox, resident reports or alerts on a replica's disk.
func (c *Config) validateState(v *validator) {
	if c.State == "" {
		return
	}
	e := c.Extracts
	if e.Orders != "" {
		v.at("the orders live in the state database (state:): remove extracts.orders", "extracts", "orders")
		return
	}
	if !IsSharedState(c.State) {
		return
	}
	if e.TokenSecretEnv == "" {
		v.at("with a shared state database every replica must sign download links with one key: set token_secret_env to an environment variable holding it", "extracts", "token_secret_env")
	}
	if !IsObjectURL(e.Files) {
		v.at("with a shared state database generated extracts must be in object storage every replica reads (s3://BUCKET/PREFIX?endpoint=…), not on a replica's disk", "extracts", "files")
	}
	if c.Outbox.Database != "" && !IsSharedState(c.Outbox.Database) {
		v.at("with a shared state database the outbox is in it too: remove outbox.database (or name a PostgreSQL schema)", "outbox", "database")
	}
	if c.Open311.Database != "" && !IsSharedState(c.Open311.Database) {
		v.at("with a shared state database the resident reports are in it too: remove open311.database (or name a PostgreSQL schema)", "open311", "database")
	}
	if c.Alerts.Database != "" && !IsSharedState(c.Alerts.Database) {
		v.at("with a shared state database the alerts and their subscribers are in it too: remove alerts.database (or name a PostgreSQL schema)", "alerts", "database")
	}
}

// IsSharedState reports whether a state DSN names a database replicas can
// share (PostgreSQL) rather than a SQLite file.
func IsSharedState(dsn string) bool { return dsn != "" && store.SchemeOf(dsn) == store.SchemePostgres }

// IsObjectURL reports whether a location is in object storage (s3://, or
// https:// for reading) rather than a local path.
func IsObjectURL(s string) bool {
	return strings.HasPrefix(s, "s3://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")
}

// StateDSN is the state database a feature uses: the configured state:, or
// without one the SQLite file named file next to the first dataset's store
// (the single-machine default).
func (c *Config) StateDSN(file string) string {
	if c.State != "" {
		return c.State
	}
	if len(c.Datasets) == 0 {
		return file
	}
	return filepath.Join(c.dataDir(), file)
}

// featureDSN is the database of a feature that kept a SQLite file of its own
// before the state database (resident reports, alerts): a shared state
// database when there is one, otherwise file next to the first dataset's
// store ("" without datasets).
func (c *Config) featureDSN(file string) string {
	if IsSharedState(c.State) {
		return c.State
	}
	if len(c.Datasets) == 0 {
		return ""
	}
	return filepath.Join(c.dataDir(), file)
}

// anchorExtracts makes the extracts paths and a state file absolute
// relative to dir (DSNs and URLs are kept as written).
func (c *Config) anchorExtracts(dir string) {
	for _, p := range []*string{&c.Extracts.Orders, &c.Extracts.Files, &c.State} {
		if *p == "" || IsObjectURL(*p) || (p == &c.State && IsSharedState(*p)) {
			continue
		}
		if path := strings.TrimPrefix(*p, "sqlite:"); !filepath.IsAbs(path) {
			*p = filepath.Join(dir, path)
		}
	}
}

func (c *Config) extractsDefaults() {
	if c.Fees.Currency == "" {
		c.Fees.Currency = "PLN"
	}
	if c.Fees.Free == nil {
		c.Fees.Free = DefaultFreeItems
	}
	if len(c.Fees.Products) == 0 {
		c.Fees.Products = DataFormats
	}
	e := &c.Extracts
	if e.Orders == "" && len(c.Datasets) > 0 {
		e.Orders = c.StateDSN("orders.sqlite")
	}
	if e.Files == "" && e.Orders != "" {
		dir := c.dataDir()
		if p := strings.TrimPrefix(e.Orders, "sqlite:"); !IsSharedState(e.Orders) {
			dir = filepath.Dir(p)
		}
		e.Files = filepath.Join(dir, "extracts")
	}
	if e.TokenLifetime == 0 {
		e.TokenLifetime = Duration(72 * time.Hour)
	}
	if e.MaxDownloads == 0 {
		e.MaxDownloads = 5
	}
	if e.MaxParcels == 0 {
		e.MaxParcels = 1000
	}
	if e.MaxAreaHa == 0 {
		e.MaxAreaHa = 1000
	}
	if len(e.Providers) == 0 {
		e.Providers = []PaymentProvider{{Name: ProviderManual, Type: ProviderManual}}
	}
	for i := range e.Providers {
		if e.Providers[i].SignatureHeader == "" {
			e.Providers[i].SignatureHeader = "X-Signature"
		}
	}
}

// dataDir is the folder of the first dataset's GeoPackage, or for a dataset in
// a database the configuration's folder (the working folder without one).
func (c *Config) dataDir() string {
	if p := store.FilePath(c.Datasets[0].Store); p != "" {
		return filepath.Dir(p)
	}
	if c.File != "" {
		return filepath.Dir(c.File)
	}
	return "."
}
