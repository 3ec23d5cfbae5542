package config

import (
	"net/mail"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// Open311 configures resident reports (Open311 GeoReport v2 at /open311/v2;
// docs/open311.md). The service is on when Dataset is set.
//
// Everything left empty has a working default for a county dataset: one unit
// per gmina found in the data, the starostwo and the county road authority,
// the default catalogue of categories, the offices outside the county's remit
// (GDDKiA, the voivodeship road authority), and the road dataset (a dataset
// with a drogi layer) as the asset layer that overrides gmina boundaries.
type Open311 struct {
	// Dataset holds the staff layer of open requests (layer zgloszenia, never
	// public, no personal data). Setting it turns the service on; sip serve
	// creates the dataset's store when it does not exist yet.
	Dataset string `yaml:"dataset"`
	// Database holds requests, reporters' contacts, notes and photos: with a
	// shared state database (state: postgres://…) that one; otherwise a
	// SQLite file (default open311.sqlite next to the first dataset's store,
	// also beside a state file, so that existing files stay in use).
	Database string `yaml:"database"`
	// Areas names the dataset whose jednostki and obreby layers are the
	// administrative areas (default: the first dataset with a jednostki layer).
	Areas string `yaml:"areas"`
	// Jurisdictions, when several gminy are served as separate Open311
	// jurisdictions (jurisdiction_id); default one, named after Areas.
	Jurisdictions []Jurisdiction `yaml:"jurisdictions"`
	// BoundaryDistance: a point closer than this (metres, EPSG:2180) to a
	// boundary or an asset's edge, where another unit would be responsible, is
	// flagged and the client asked to confirm (default 15).
	BoundaryDistance float64 `yaml:"boundary_distance"`
	// ContactRetention: reporters' contacts and device ids are deleted this
	// long after their request was closed (default 720h, 30 days).
	ContactRetention Duration `yaml:"contact_retention"`
	// RateLimit applies to POST requests per client (default 0.2/s, burst 5).
	RateLimit RateLimit `yaml:"rate_limit"`
	// MaxPhoto bounds an uploaded photo (default 8MB); photos are re-encoded.
	MaxPhoto ByteSize `yaml:"max_photo"`
	// RequireKey makes POST requests need a valid api_key (default false:
	// residents report without one). An invalid key is refused either way.
	RequireKey bool `yaml:"require_api_key"`
	// Contact is the discovery document's contact line.
	Contact string `yaml:"contact"`
	// Outside is the office named for points outside every hosted area
	// (default poza-obszarem).
	Outside string `yaml:"outside"`

	Units    []ReportUnit    `yaml:"units"`
	Offices  []ReportOffice  `yaml:"offices"`
	Services []ReportService `yaml:"services"`
	Assets   []ReportAsset   `yaml:"assets"`
}

// Jurisdiction is one Open311 jurisdiction: the gminy it covers.
type Jurisdiction struct {
	ID    string   `yaml:"id"`
	Name  string   `yaml:"name"`
	Gminy []string `yaml:"gminy"` // TERYT gmina codes (6 digits); empty: all
}

// ReportUnit is a responsible unit hosted here: reports are delivered to it.
type ReportUnit struct {
	Code string `yaml:"code"` // agency code, kept with each request
	Name string `yaml:"name"` // agency_responsible
	// Gminy are the TERYT codes (6 digits, e.g. 100301) of the gminy whose
	// reports it receives; County units serve the whole county.
	Gminy  []string `yaml:"gminy"`
	County bool     `yaml:"county"`
	// Services lists the categories it handles (empty: every one routed to it).
	Services []string `yaml:"services"`
	// Delivery: e-mail address(es), or a signed webhook, or both; none means
	// staff follow the requests in the staff layer only.
	Email   string         `yaml:"email"`
	Webhook *ReportWebhook `yaml:"webhook"`
	Phone   string         `yaml:"phone"`
	URL     string         `yaml:"url"`
}

// ReportWebhook is a unit's ticketing system: requests are POSTed as JSON,
// signed with HMAC-SHA256 under the secret in the environment variable
// SecretEnv (never in this file).
type ReportWebhook struct {
	URL       string `yaml:"url"`
	SecretEnv string `yaml:"secret_env"`
}

// ReportOffice is an office not hosted here, named in service notices
// ("the national road is managed by GDDKiA, Oddział w Łodzi, tel. …").
type ReportOffice struct {
	Code  string `yaml:"code"`
	Name  string `yaml:"name"`
	Phone string `yaml:"phone"`
	Email string `yaml:"email"`
	URL   string `yaml:"url"`
}

// ReportService is one category (Open311 service).
type ReportService struct {
	Code        string   `yaml:"code"`
	Name        string   `yaml:"name"`
	Description string   `yaml:"description"`
	Group       string   `yaml:"group"`
	Keywords    []string `yaml:"keywords"`
	Type        string   `yaml:"type"` // realtime (default), batch, blackbox
	// Route: gmina (default: the unit of the gmina at the point), county, or
	// a unit or office code.
	Route string `yaml:"route"`
	// Assets names asset rules that decide the unit on and near their features
	// (e.g. drogi: a report on a county road goes to the county road authority).
	Assets []string `yaml:"assets"`
	// Office is named when no hosted unit handles the category at the point.
	Office     string            `yaml:"office"`
	Attributes []ReportAttribute `yaml:"attributes"`
}

// ReportAttribute is one attribute of a service definition (GeoReport v2).
type ReportAttribute struct {
	Code        string `yaml:"code"`
	Description string `yaml:"description"`
	// Datatype: string, number, datetime, text, singlevaluelist, multivaluelist.
	Datatype            string        `yaml:"datatype"`
	DatatypeDescription string        `yaml:"datatype_description"`
	Required            bool          `yaml:"required"`
	Variable            *bool         `yaml:"variable"` // default true
	Order               int           `yaml:"order"`
	Values              []ReportValue `yaml:"values"`
}

// ReportValue is one choice of a list attribute.
type ReportValue struct {
	Key  string `yaml:"key"`
	Name string `yaml:"name"`
}

// ReportAsset is an asset rule: features of Layer in Dataset within Within
// metres of a report decide its unit by the value of Attribute.
type ReportAsset struct {
	Name      string  `yaml:"name"`
	Dataset   string  `yaml:"dataset"`
	Layer     string  `yaml:"layer"`
	Attribute string  `yaml:"attribute"`
	Within    float64 `yaml:"within"` // metres from the feature (default 10)
	// Managers maps attribute values to "gmina" (the gmina's unit), a unit code
	// or an office code; features with other values are ignored.
	Managers map[string]string `yaml:"managers"`
}

// Outbox configures the delivery of messages (resident reports, alerts).
type Outbox struct {
	// Database is the outbox's database: default the state database (state:),
	// or without one outbox.sqlite next to the first dataset's store.
	Database string `yaml:"database"`
	SMTP     SMTP   `yaml:"smtp"`
	// RetryMin and RetryMax bound the backoff between attempts (default 30s, 1h).
	RetryMin Duration `yaml:"retry_min"`
	RetryMax Duration `yaml:"retry_max"`
	// Lease is how long a claimed message belongs to one worker (default 2m).
	Lease Duration `yaml:"lease"`
}

// SMTP is the mail relay. The password is read from the environment variable
// PasswordEnv, never from this file.
type SMTP struct {
	Addr        string   `yaml:"addr"` // host:port
	From        string   `yaml:"from"` // "SIP Powiat <sip@powiat.example>"
	Hello       string   `yaml:"hello"`
	Username    string   `yaml:"username"`
	PasswordEnv string   `yaml:"password_env"`
	TLS         string   `yaml:"tls"` // starttls (default), require, tls, none
	Timeout     Duration `yaml:"timeout"`
}

// Password returns the relay's password from the environment.
func (s SMTP) Password() string {
	if s.PasswordEnv == "" {
		return ""
	}
	return os.Getenv(s.PasswordEnv)
}

// Built-in codes: "gmina" routes to the unit of the gmina at the point; the
// default units (used when open311.units is empty) and offices (when
// open311.offices is empty).
const (
	RouteGmina  = "gmina"
	RouteCounty = "county"

	UnitCounty      = "powiat"
	UnitCountyRoads = "zarzad-drog-powiatowych"

	OfficeGDDKiA  = "gddkia"
	OfficeZDW     = "zdw"
	OfficeOutside = "poza-obszarem"
)

// Open311 attribute datatypes.
var reportDatatypes = map[string]bool{"string": true, "number": true, "datetime": true, "text": true, "singlevaluelist": true, "multivaluelist": true}

var (
	codeRE  = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$`)
	terytRE = regexp.MustCompile(`^[0-9]{6}$`)
)

// ReportLayer is the name of the staff layer of open requests.
const ReportLayer = "zgloszenia"

// Enabled reports whether resident reports are on.
func (o Open311) Enabled() bool { return o.Dataset != "" }

func (c *Config) validateOpen311(v *validator) {
	o := c.Open311
	if !o.Enabled() {
		return
	}
	c.validateOpen311Datasets(v)
	if o.BoundaryDistance < 0 || o.BoundaryDistance > 1000 {
		v.at("must be between 0 and 1000 metres", "open311", "boundary_distance")
	}
	if o.ContactRetention < 0 {
		v.at("must not be negative", "open311", "contact_retention")
	}
	if o.RateLimit.Rate < 0 || o.RateLimit.Burst < 0 {
		v.at("must not be negative", "open311", "rate_limit")
	}
	if o.MaxPhoto < 0 {
		v.at("must not be negative", "open311", "max_photo")
	}
	codes := c.validateOpen311Codes(v)
	for i, j := range o.Jurisdictions {
		p := []any{"open311", "jurisdictions", i}
		if !codeRE.MatchString(j.ID) {
			v.atf(append(p, "id"), "jurisdiction id %q: use letters, digits, '.', '_' or '-'", j.ID)
		}
		for k, g := range j.Gminy {
			if !terytRE.MatchString(g) {
				v.atf(append(p, "gminy", k), "%q is not a TERYT gmina code (6 digits, e.g. 100301)", g)
			}
		}
	}
	assets := map[string]bool{}
	for i, a := range o.Assets {
		p := []any{"open311", "assets", i}
		if a.Name == "" || assets[a.Name] {
			v.atf(append(p, "name"), "asset rule name %q is empty or repeated", a.Name)
		}
		assets[a.Name] = true
		if _, ok := c.DatasetByName(a.Dataset); !ok {
			v.atf(append(p, "dataset"), "unknown dataset %q", a.Dataset)
		}
		if a.Layer == "" || a.Attribute == "" {
			v.at("layer and attribute are required", p...)
		}
		if a.Within < 0 || a.Within > 1000 {
			v.at("must be between 0 and 1000 metres", append(p, "within")...)
		}
		for val, target := range a.Managers {
			if target != RouteGmina && !codes[target] {
				v.atf(append(p, "managers", val), "unknown unit or office %q", target)
			}
		}
	}
	if len(o.Assets) == 0 {
		assets["drogi"] = true // the default road rule, when a road dataset is served
	}
	c.validateOpen311Services(v, codes, assets)
	if o.Outside != "" && !codes[o.Outside] {
		v.atf([]any{"open311", "outside"}, "unknown office %q", o.Outside)
	}
	c.validateOutbox(v)
}

// validateOpen311Datasets checks that the staff layer is never public.
func (c *Config) validateOpen311Datasets(v *validator) {
	o := c.Open311
	d, ok := c.DatasetByName(o.Dataset)
	if !ok {
		v.atf([]any{"open311", "dataset"}, "unknown dataset %q: add a dataset for the staff layer of reports (layers: [{name: %s, public: false}])", o.Dataset, ReportLayer)
		return
	}
	l, ok := d.Layer(ReportLayer)
	if len(d.Layers) == 0 || !ok || l.IsPublic() {
		i := 0
		for k := range c.Datasets {
			if c.Datasets[k].Name == d.Name {
				i = k
			}
		}
		v.atf([]any{"datasets", i, "layers"}, "the reports dataset %s must list its layer %s as not public (layers: [{name: %s, public: false}]): it is the staff view", d.Name, ReportLayer, ReportLayer)
	}
	if o.Areas != "" {
		if _, ok := c.DatasetByName(o.Areas); !ok {
			v.atf([]any{"open311", "areas"}, "unknown dataset %q", o.Areas)
		}
	}
}

// validateOpen311Codes checks units and offices and returns every code a
// route may name.
func (c *Config) validateOpen311Codes(v *validator) map[string]bool {
	o := c.Open311
	codes := map[string]bool{}
	if len(o.Units) == 0 {
		codes[UnitCounty], codes[UnitCountyRoads] = true, true
	}
	if len(o.Offices) == 0 {
		codes[OfficeGDDKiA], codes[OfficeZDW], codes[OfficeOutside] = true, true, true
	}
	for i, u := range o.Units {
		p := []any{"open311", "units", i}
		if !codeRE.MatchString(u.Code) || u.Code == RouteGmina || u.Code == RouteCounty || codes[u.Code] {
			v.atf(append(p, "code"), "unit code %q is empty, reserved, repeated or has characters other than letters, digits, '.', '_', '-'", u.Code)
		}
		codes[u.Code] = true
		if strings.TrimSpace(u.Name) == "" {
			v.at("name is required", append(p, "name")...)
		}
		for k, g := range u.Gminy {
			if !terytRE.MatchString(g) {
				v.atf(append(p, "gminy", k), "%q is not a TERYT gmina code (6 digits, e.g. 100301)", g)
			}
		}
		if u.Email != "" {
			if _, err := mail.ParseAddressList(u.Email); err != nil {
				v.atf(append(p, "email"), "not an e-mail address list: %v", err)
			}
			if c.Outbox.SMTP.Addr == "" {
				v.at("units with an e-mail address need outbox.smtp.addr (the relay)", append(p, "email")...)
			}
		}
		if w := u.Webhook; w != nil {
			if !strings.HasPrefix(w.URL, "http://") && !strings.HasPrefix(w.URL, "https://") {
				v.at("must start with http:// or https://", append(p, "webhook", "url")...)
			}
			if w.SecretEnv == "" {
				v.at("a webhook needs secret_env: the environment variable holding its HMAC secret (never the secret itself)", append(p, "webhook", "secret_env")...)
			} else if len(os.Getenv(w.SecretEnv)) < 16 {
				v.atf(append(p, "webhook", "secret_env"), "environment variable %s must hold a secret of at least 16 bytes", w.SecretEnv)
			}
		}
	}
	for i, f := range o.Offices {
		p := []any{"open311", "offices", i}
		if !codeRE.MatchString(f.Code) || f.Code == RouteGmina || f.Code == RouteCounty || codes[f.Code] {
			v.atf(append(p, "code"), "office code %q is empty, reserved or repeated", f.Code)
		}
		codes[f.Code] = true
		if strings.TrimSpace(f.Name) == "" {
			v.at("name is required", append(p, "name")...)
		}
	}
	return codes
}

func (c *Config) validateOpen311Services(v *validator, codes, assets map[string]bool) {
	seen := map[string]bool{}
	for i, s := range c.Open311.Services {
		p := []any{"open311", "services", i}
		if !codeRE.MatchString(s.Code) || seen[s.Code] {
			v.atf(append(p, "code"), "service code %q is empty, repeated or has characters other than letters, digits, '.', '_', '-'", s.Code)
		}
		seen[s.Code] = true
		if strings.TrimSpace(s.Name) == "" {
			v.at("name is required", append(p, "name")...)
		}
		switch s.Type {
		case "", "realtime", "batch", "blackbox":
		default:
			v.at("must be realtime, batch or blackbox", append(p, "type")...)
		}
		if s.Route != "" && s.Route != RouteGmina && s.Route != RouteCounty && !codes[s.Route] {
			v.atf(append(p, "route"), "unknown unit or office %q (or gmina, county)", s.Route)
		}
		if s.Office != "" && !codes[s.Office] {
			v.atf(append(p, "office"), "unknown office %q", s.Office)
		}
		for k, a := range s.Assets {
			if !assets[a] {
				v.atf(append(p, "assets", k), "unknown asset rule %q", a)
			}
		}
		attrs := map[string]bool{}
		for k, a := range s.Attributes {
			ap := append(append([]any{}, p...), "attributes", k)
			if !codeRE.MatchString(a.Code) || attrs[a.Code] {
				v.atf(append(ap, "code"), "attribute code %q is empty, repeated or has characters other than letters, digits, '.', '_', '-'", a.Code)
			}
			attrs[a.Code] = true
			if !reportDatatypes[a.Datatype] {
				v.atf(append(ap, "datatype"), "datatype %q must be string, number, datetime, text, singlevaluelist or multivaluelist", a.Datatype)
			}
			if strings.HasSuffix(a.Datatype, "valuelist") && len(a.Values) == 0 {
				v.at("a list attribute needs values", append(ap, "values")...)
			}
		}
	}
}

func (c *Config) validateOutbox(v *validator) {
	s := c.Outbox.SMTP
	if s.Addr != "" {
		if _, err := mail.ParseAddress(s.From); err != nil {
			v.at("the sender address is required with a relay: "+err.Error(), "outbox", "smtp", "from")
		}
		switch s.TLS {
		case "", "starttls", "require", "tls", "none":
		default:
			v.at("must be starttls, require, tls or none", "outbox", "smtp", "tls")
		}
		if s.Username != "" && s.PasswordEnv == "" {
			v.at("a relay login needs password_env: the environment variable holding the password", "outbox", "smtp", "password_env")
		}
	}
	if c.Outbox.RetryMin < 0 || c.Outbox.RetryMax < 0 || c.Outbox.Lease < 0 {
		v.at("retry_min, retry_max and lease must not be negative", "outbox")
	}
}

// anchorOpen311 makes the databases' paths absolute relative to dir.
func (c *Config) anchorOpen311(dir string) {
	for _, p := range []*string{&c.Open311.Database, &c.Outbox.Database} {
		if *p == "" || IsSharedState(*p) {
			continue
		}
		if path := strings.TrimPrefix(*p, "sqlite:"); !filepath.IsAbs(path) {
			*p = filepath.Join(dir, path)
		}
	}
}

func (c *Config) open311Defaults() {
	o := &c.Open311
	if o.Database == "" {
		o.Database = c.featureDSN("open311.sqlite")
	}
	if c.Outbox.Database == "" && (c.State != "" || len(c.Datasets) > 0) {
		c.Outbox.Database = c.StateDSN("outbox.sqlite")
	}
	if o.BoundaryDistance == 0 {
		o.BoundaryDistance = 15
	}
	if o.ContactRetention == 0 {
		o.ContactRetention = Duration(30 * 24 * time.Hour)
	}
	if o.RateLimit.Rate == 0 && o.RateLimit.Burst == 0 {
		o.RateLimit.Rate, o.RateLimit.Burst = 0.2, 5
	}
	if o.RateLimit.Burst == 0 {
		o.RateLimit.Burst = max(1, int(2*o.RateLimit.Rate))
	}
	if o.MaxPhoto == 0 {
		o.MaxPhoto = 8 << 20
	}
	if o.Outside == "" {
		o.Outside = OfficeOutside
	}
	for i := range o.Assets {
		if o.Assets[i].Within == 0 {
			o.Assets[i].Within = 10
		}
	}
	ob := &c.Outbox
	if ob.RetryMin == 0 {
		ob.RetryMin = Duration(30 * time.Second)
	}
	if ob.RetryMax == 0 {
		ob.RetryMax = Duration(time.Hour)
	}
	if ob.Lease == 0 {
		ob.Lease = Duration(2 * time.Minute)
	}
	if ob.SMTP.Timeout == 0 {
		ob.SMTP.Timeout = Duration(30 * time.Second)
	}
}
