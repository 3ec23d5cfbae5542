// Package config reads and validates the YAML configuration of `sip serve`.
//
// A configuration is either loaded from a file (Load) or made for a single
// GeoPackage store (ForStore). Every problem found while reading a file is reported
// as an *Error naming the file, the line and the key, so that a bad configuration
// stops the server before it starts instead of half-starting it.
//
// The documented example is sip.example.yaml at the repository root.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/sip-core/sip/store"
)

// Config is the whole server configuration.
type Config struct {
	// Listen is the TCP address to listen on (default 127.0.0.1:8080).
	Listen string `yaml:"listen"`
	// BaseURL is the public URL of the server, used in links of capabilities and
	// APIs when the server sits behind a proxy; empty means derive it from requests.
	BaseURL string `yaml:"base_url"`

	Log      Log       `yaml:"log"`
	Datasets []Dataset `yaml:"datasets"`
	Auth     Auth      `yaml:"auth"`
	Limits   Limits    `yaml:"limits"`
	Cache    Cache     `yaml:"cache"`
	CORS     CORS      `yaml:"cors"`
	Index    Index     `yaml:"index"`
	Styles   []Style   `yaml:"styles"`
	Open311  Open311   `yaml:"open311"`
	Outbox   Outbox    `yaml:"outbox"`
	Alerts   Alerts    `yaml:"alerts"`
	Fees     Fees      `yaml:"fees"`
	Extracts Extracts  `yaml:"extracts"`
	Viewer   Viewer    `yaml:"viewer"`
	// State is the DSN of the state database: extract orders, payments,
	// notifications, download counters and the audit log, and the records of
	// later features. A SQLite file (relative to this file), or a PostgreSQL
	// schema (postgres://USER@HOST/DB?schema=NAME, default schema sip_state)
	// that every replica of a deployment names. Empty: each feature keeps a
	// SQLite file of its own next to the first dataset's store (the extracts:
	// extracts.orders, default orders.sqlite).
	State string `yaml:"state"`
	// Tilesets are pre-built tile archives served besides the datasets: a
	// file (relative to this file) or a PMTiles archive in object storage.
	Tilesets []Tileset `yaml:"tilesets"`
	Metrics  Metrics   `yaml:"metrics"`

	// File is the path the configuration was loaded from ("" for ForStore).
	File string `yaml:"-"`
}

// Log configures the structured logger.
type Log struct {
	Level  string `yaml:"level"`  // debug, info (default), warn, error
	Format string `yaml:"format"` // text (default) or json
	// Access enables one log line per request (default true).
	Access *bool `yaml:"access"`
}

// AccessLog reports whether per-request logging is on.
func (l Log) AccessLog() bool { return l.Access == nil || *l.Access }

// Dataset is one hosted dataset: a county, or a gmina of a central SIP unit.
type Dataset struct {
	// Name appears in URLs and capabilities: lower-case letters, digits, '_' and '-'.
	Name string `yaml:"name"`
	// Store is the dataset's DSN: the path of a GeoPackage (relative to the
	// config file), or a PostGIS DSN (postgres://USER@HOST/DB?schema=NAME, or
	// libpq keywords; the schema defaults to the dataset name), used as written.
	Store string `yaml:"store"`
	// Title is the human-readable name (Polish), for capabilities and the viewer.
	Title string `yaml:"title"`
	// Layers restricts and describes the published layers. Empty means every layer
	// of the store, public, with all of its columns.
	Layers []Layer `yaml:"layers"`
	// Standbys are PostGIS DSNs of read-only streaming standbys of Store's
	// database (the same schema): reads go to one while it is fit, writes and
	// reads of a client's own writes to Store (docs/replicas.md).
	Standbys []string `yaml:"standbys"`
	// MaxLag bounds how long the revision served may lag the primary's:
	// beyond it /readyz answers 503, and a standby further behind is not read
	// (unless OnLag is "unready"). Default limits.max_revision_lag.
	MaxLag Duration `yaml:"max_lag"`
	// OnLag says what happens when every standby lags beyond MaxLag:
	// "primary" (default) reads the primary; "unready" keeps reading the
	// standby and answers /readyz 503 until it is back within the bound.
	OnLag string `yaml:"on_lag"`
}

// OnLag values.
const (
	OnLagPrimary = "primary"
	OnLagUnready = "unready"
)

// LagBound is the dataset's bound on the lag of the revision it serves (0:
// none), its own max_lag or else limits.max_revision_lag.
func (d Dataset) LagBound(l Limits) time.Duration {
	if d.MaxLag > 0 {
		return d.MaxLag.D()
	}
	return l.MaxRevisionLag.D()
}

// Layer is the publication setting of one layer of a dataset.
type Layer struct {
	Name  string `yaml:"name"`
	Title string `yaml:"title"`
	// Public layers are readable without a key (default true). Non-public layers
	// are readable with a key having one of ReadRoles (default admin, editor).
	Public *bool `yaml:"public"`
	// Attributes are the columns served to anonymous clients; empty means all
	// the columns of the store's schema (which never holds personal data).
	Attributes []string `yaml:"attributes"`
	// ReadRoles are the roles that may read a non-public layer.
	ReadRoles []string `yaml:"read_roles"`
	// Style names the default style (see Styles).
	Style string `yaml:"style"`
}

// IsPublic reports whether anonymous clients may read the layer.
func (l Layer) IsPublic() bool { return l.Public == nil || *l.Public }

// Auth holds the API keys.
type Auth struct {
	Keys []Key `yaml:"keys"`
}

// Roles known to the server. Admin implies every other role.
const (
	RoleAdmin  = "admin"
	RoleSync   = "sync"
	RoleEditor = "editor"
	// RoleMetrics reads /metrics on the public listener (a Prometheus scrape key).
	RoleMetrics = "metrics"
)

// knownRoles may read layers (read_roles); a key may also hold keyRoles.
var (
	knownRoles = map[string]bool{RoleAdmin: true, RoleSync: true, RoleEditor: true}
	keyRoles   = map[string]bool{RoleAdmin: true, RoleSync: true, RoleEditor: true, RoleMetrics: true}
)

// Key is one API key, stored hashed: "sha256:" followed by 64 hex digits of the
// SHA-256 of the key. Keys are random 256-bit secrets (see NewKey), so a fast hash
// is enough: there is nothing to guess by brute force.
type Key struct {
	Name  string   `yaml:"name"`
	Hash  string   `yaml:"hash"`
	Roles []string `yaml:"roles"`
	// Datasets restricts the key to these datasets; empty means all.
	Datasets []string `yaml:"datasets"`
}

// Limits bound what one request may cost.
type Limits struct {
	ReadTimeout       Duration `yaml:"read_timeout"`        // whole request incl. body (default 30s)
	ReadHeaderTimeout Duration `yaml:"read_header_timeout"` // default 10s
	WriteTimeout      Duration `yaml:"write_timeout"`       // must exceed request_timeout (default 90s)
	IdleTimeout       Duration `yaml:"idle_timeout"`        // keep-alive (default 120s)
	RequestTimeout    Duration `yaml:"request_timeout"`     // handler deadline (default 60s)
	ShutdownTimeout   Duration `yaml:"shutdown_timeout"`    // graceful drain (default 30s)
	DrainDelay        Duration `yaml:"drain_delay"`         // SIGTERM: /readyz false this long before the listener closes (default 0)
	MaxBodyBytes      ByteSize `yaml:"max_body"`            // request body (default 10MB)
	MaxImageWidth     int      `yaml:"max_image_width"`     // WMS/exports (default 4096)
	MaxImageHeight    int      `yaml:"max_image_height"`    // default 4096
	MaxFeatures       int      `yaml:"max_features"`        // per response (default 10000)
	// RenderMemory bounds the memory held at once by work that allocates in
	// proportion to the request: map renders (WMS GetMap, legends, exception
	// images) and large feature pages (default 512MB). Work that does not fit
	// waits in a queue of RenderQueue requests (default 32) for at most
	// RenderWait (default 5s, never past the request's deadline), then gets 503
	// with Retry-After.
	RenderMemory ByteSize `yaml:"render_memory"`
	RenderQueue  int      `yaml:"render_queue"`
	RenderWait   Duration `yaml:"render_wait"`
	// RenderThreads is how many large renders (about 2.7 megapixels and
	// more) may run at once; default (0): one fewer than the CPUs, at least
	// one, so that a core stays free for every other request.
	RenderThreads int `yaml:"render_threads"`
	// RateLimit applies per client IP to routes marked expensive.
	RateLimit RateLimit `yaml:"rate_limit"`
	// MaxRevisionLag is every dataset's default max_lag: /readyz answers 503
	// while the revision a dataset serves lags its primary's by longer
	// (default 0: no bound).
	MaxRevisionLag Duration `yaml:"max_revision_lag"`
}

// RateLimit is a token bucket: Rate tokens per second, at most Burst at once.
type RateLimit struct {
	Rate  float64 `yaml:"rate"`  // 0 disables (default 50: a QGIS session paging features or panning a WMS stays under it)
	Burst int     `yaml:"burst"` // default 2×rate, at least 1
	// TrustProxy takes the client IP from X-Forwarded-For (the last hop).
	TrustProxy bool `yaml:"trust_proxy"`

	// rateGiven: the file wrote rate, so 0 means off rather than "default".
	rateGiven bool
}

// Cache sizes the in-memory caches.
type Cache struct {
	Tiles    ByteSize `yaml:"tiles"`    // vector/raster tile cache (default 256MB)
	Features ByteSize `yaml:"features"` // rendered responses (default 64MB)
	// TileFeatures bounds the dynamic tiles' cache of projected features (the
	// estimated heap of their geometry and attributes; default 256MB). The
	// least recently used features go when it is full, and the start-up
	// warm-up stops at it.
	TileFeatures ByteSize `yaml:"tile_features"`
	// MapFeatures bounds the WMS's cache of drawable objects (geometry and
	// label attributes, by object; default 64MB), least recently used first.
	MapFeatures ByteSize `yaml:"map_features"`
	// Parcels bounds the parcel service's cache of parcels, obręby and
	// jednostki read from the store (ULDK, point lookups, the card; default
	// 32MB).
	Parcels ByteSize `yaml:"parcels"`
	// Index bounds the spatial index's cache of small cells of object boxes
	// read from the store for point lookups (default 32MB; unused with
	// index.memory).
	Index ByteSize `yaml:"index"`
	// MaxAge is the Cache-Control max-age of dataset responses (default 0: clients
	// revalidate with the ETag every time).
	MaxAge Duration `yaml:"max_age"`
	// GCHeadroom is how much the heap may grow between garbage collections at
	// least (default 256MB). Go's default lets it grow by the live heap only,
	// and each collection marks the datasets' whole in-memory state again; with
	// a small live heap that is a cost on every request. GOGC in the
	// environment overrides it.
	GCHeadroom ByteSize `yaml:"gc_headroom"`
}

// CORS lets the viewer and third-party web maps call the server.
type CORS struct {
	// Origins allowed; "*" allows any. Empty disables CORS headers.
	Origins []string `yaml:"origins"`
	MaxAge  Duration `yaml:"max_age"` // preflight cache (default 10m)
}

// Index configures the in-memory spatial index.
type Index struct {
	// PollInterval is how often the store's revision is checked for changes
	// (default 1s).
	PollInterval Duration `yaml:"poll_interval"`
	// Memory keeps every current object's box in an in-memory R-tree, built
	// at start-up by reading every object (about 90 bytes an object), instead
	// of asking the store's own spatial index (the default: memory does not
	// grow with the data).
	Memory bool `yaml:"memory"`
}

// Style is a named rendering style for WMS and tiles. A layer uses it when its
// dataset layer setting names it (layers[].style); WMS clients may also ask for
// any style by name (STYLES=).
type Style struct {
	Name   string  `yaml:"name"`
	Title  string  `yaml:"title"`
	Stroke string  `yaml:"stroke"` // #rrggbb or #rrggbbaa
	Fill   string  `yaml:"fill"`
	Width  float64 `yaml:"width"` // stroke width in pixels
	// Dash is the stroke's dash pattern in pixels: on, off, on, off…
	Dash []float64 `yaml:"dash"`
	// Label is the attribute drawn as label, if any.
	Label      string  `yaml:"label"`
	LabelColor string  `yaml:"label_color"` // default #000000
	LabelSize  float64 `yaml:"label_size"`  // font size in pixels (default 11)
	// PointSize is the diameter in pixels of point symbols (default 5).
	PointSize float64 `yaml:"point_size"`
	// MinScale and MaxScale are the scale denominators between which the layer is
	// drawn (0: no limit), e.g. max_scale: 5000 draws at 1:5000 and larger scales.
	MinScale float64 `yaml:"min_scale"`
	MaxScale float64 `yaml:"max_scale"`
}

// Fees is the fee table for paid extracts (docs/domain.md, "Fees for extracts"). Rates change by notice,
// so they live here, not in code. Money is held in integer grosze.
type Fees struct {
	Currency string `yaml:"currency"` // default PLN
	Items    []Fee  `yaml:"items"`
	// Free lists the data sets released free of charge with their legal basis
	// (default: dzialki and budynki, art. 40a ust. 2 pkt 1).
	Free []FreeItem `yaml:"free"`
	// Products are the data extract formats offered: gpkg, gml, geojson (default all).
	Products []string `yaml:"products"`
}

// Fee is one document rate: fee = rate × units × factor.
type Fee struct {
	Document   string `yaml:"document"` // e.g. wypis_rejestr_gruntow
	Title      string `yaml:"title"`
	Printed    Grosze `yaml:"printed"`    // per unit: zł ("50", "40.50") or grosze ("4050 gr")
	Electronic Grosze `yaml:"electronic"` // per unit
	Unit       string `yaml:"unit"`       // jednostka_rejestrowa, dokument, pozycja
	// Factor is the correction factor (default 1).
	Factor *Factor `yaml:"factor"`
	// Basis is the legal basis printed on the fee document (e.g. "Lp. 5 załącznika do ustawy Pgik").
	Basis string `yaml:"basis"`
}

// Defaults used for zero fields.
const (
	DefaultListen = "127.0.0.1:8080"
)

// ForStore returns the configuration serving one GeoPackage with every default:
// the quick start `sip serve --store county.gpkg`. The dataset is named after the
// file unless name is given.
func ForStore(path string) *Config {
	return ForStoreNamed(path, "")
}

// ForStoreNamed is ForStore with an explicit dataset name.
func ForStoreNamed(path, name string) *Config {
	if name == "" {
		name = NameFromPath(store.NameFromDSN(path))
	}
	c := &Config{Datasets: []Dataset{{Name: name, Store: path, Title: name}}}
	c.applyDefaults()
	return c
}

// NameFromPath makes a dataset name from a store file name.
func NameFromPath(path string) string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	base = strings.ToLower(base)
	var b strings.Builder
	for _, r := range base {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '_', r == '-':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	if b.Len() == 0 {
		return "dataset"
	}
	return b.String()
}

// Error is a configuration problem at a place in the file.
type Error struct {
	File string
	Line int    // 1-based; 0 when unknown
	Key  string // dotted path, e.g. datasets[1].store
	Msg  string
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
	} else {
		b.WriteString("config")
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Key != "" {
		b.WriteString(": ")
		b.WriteString(e.Key)
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

// Load reads, validates and completes a configuration file. Store paths are made
// relative to the file's directory (DSNs are kept as written). The error, if any, is an *Error.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(data, path)
}

var yamlLineRE = regexp.MustCompile(`^yaml: (?:unmarshal errors:\n\s*)?line (\d+): (.*)$`)

// Parse decodes and validates configuration text; file names the source in errors
// and anchors relative store paths.
func Parse(data []byte, file string) (*Config, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, yamlError(err, file)
	}
	c := &Config{File: file}
	if len(root.Content) == 0 {
		return nil, &Error{File: file, Msg: "empty configuration"}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(c); err != nil && !errors.Is(err, io.EOF) {
		return nil, yamlError(err, file)
	}
	c.File = file
	v := validator{file: file, root: root.Content[0]}
	// "rate: 0" turns the rate limit off; only an absent rate takes the default.
	c.Limits.RateLimit.rateGiven = v.has("limits", "rate_limit", "rate")
	c.validate(&v)
	if v.err != nil {
		return nil, v.err
	}
	if file != "" {
		dir := filepath.Dir(file)
		for i := range c.Datasets {
			// A file path is anchored to the configuration's folder; a DSN is not.
			d := &c.Datasets[i]
			if p := store.FilePath(d.Store); p != "" && !filepath.IsAbs(p) {
				d.Store = store.WithFilePath(d.Store, filepath.Join(dir, p))
			}
		}
		c.anchorExtracts(dir)
		c.anchorTilesets(dir)
		c.anchorOpen311(dir)
		c.anchorAlerts(dir)
	}
	c.applyDefaults()
	return c, nil
}

// yamlError turns a yaml.v3 error into an *Error with its line. yaml.v3 reports
// "line N: field x not found in type config.T" for unknown keys.
func yamlError(err error, file string) error {
	var te *yaml.TypeError
	msg := err.Error()
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	e := &Error{File: file, Msg: msg}
	if m := yamlLineRE.FindStringSubmatch("yaml: " + msg); m != nil {
		e.Line, _ = strconv.Atoi(m[1])
		e.Msg = m[2]
	}
	// "field foo not found in type config.Limits" → key foo, friendlier message.
	if rest, ok := strings.CutPrefix(e.Msg, "field "); ok {
		if name, typ, ok := strings.Cut(rest, " not found in type "); ok {
			e.Key = name
			e.Msg = "unknown key (in " + strings.TrimPrefix(typ, "config.") + ")"
		}
	}
	return e
}

func (c *Config) applyDefaults() {
	if c.Listen == "" {
		c.Listen = DefaultListen
	}
	for i := range c.Datasets {
		// A PostGIS dataset's schema defaults to the dataset's name.
		c.Datasets[i].Store = store.WithSchema(c.Datasets[i].Store, c.Datasets[i].Name)
	}
	if c.Log.Level == "" {
		c.Log.Level = "info"
	}
	if c.Log.Format == "" {
		c.Log.Format = "text"
	}
	l := &c.Limits
	def := func(d *Duration, v time.Duration) {
		if *d == 0 {
			*d = Duration(v)
		}
	}
	def(&l.ReadTimeout, 30*time.Second)
	def(&l.ReadHeaderTimeout, 10*time.Second)
	def(&l.RequestTimeout, 60*time.Second)
	def(&l.WriteTimeout, l.RequestTimeout.D()+30*time.Second)
	def(&l.IdleTimeout, 120*time.Second)
	def(&l.ShutdownTimeout, 30*time.Second)
	if l.MaxBodyBytes == 0 {
		l.MaxBodyBytes = 10 << 20
	}
	if l.MaxImageWidth == 0 {
		l.MaxImageWidth = 4096
	}
	if l.MaxImageHeight == 0 {
		l.MaxImageHeight = 4096
	}
	if l.MaxFeatures == 0 {
		l.MaxFeatures = 10000
	}
	if l.RenderMemory == 0 {
		l.RenderMemory = 512 << 20
	}
	if l.RenderQueue == 0 {
		l.RenderQueue = 32
	}
	def(&l.RenderWait, 5*time.Second)
	if l.RateLimit.Rate == 0 && l.RateLimit.Burst == 0 && !l.RateLimit.rateGiven {
		l.RateLimit.Rate = 50
	}
	if l.RateLimit.Burst == 0 {
		l.RateLimit.Burst = max(1, int(2*l.RateLimit.Rate))
	}
	if c.Cache.Tiles == 0 {
		c.Cache.Tiles = 256 << 20
	}
	if c.Cache.Features == 0 {
		c.Cache.Features = 64 << 20
	}
	if c.Cache.GCHeadroom == 0 {
		c.Cache.GCHeadroom = 256 << 20
	}
	if c.Cache.TileFeatures == 0 {
		c.Cache.TileFeatures = 256 << 20
	}
	if c.Cache.MapFeatures == 0 {
		c.Cache.MapFeatures = 64 << 20
	}
	if c.Cache.Parcels == 0 {
		c.Cache.Parcels = 32 << 20
	}
	if c.Cache.Index == 0 {
		c.Cache.Index = 32 << 20
	}
	def(&c.CORS.MaxAge, 10*time.Minute)
	def(&c.Index.PollInterval, time.Second)
	c.extractsDefaults()
	c.open311Defaults()
	c.alertsDefaults()
}

// DatasetByName finds a dataset.
func (c *Config) DatasetByName(name string) (*Dataset, bool) {
	for i := range c.Datasets {
		if c.Datasets[i].Name == name {
			return &c.Datasets[i], true
		}
	}
	return nil, false
}

// Layer returns the publication setting of a layer. ok is false when the dataset
// lists layers and this one is not among them (it is then not published).
func (d *Dataset) Layer(name string) (Layer, bool) {
	if len(d.Layers) == 0 {
		return Layer{Name: name}, true
	}
	for _, l := range d.Layers {
		if l.Name == name {
			return l, true
		}
	}
	return Layer{}, false
}
