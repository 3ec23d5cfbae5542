package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/mux"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/index"
	"github.com/sip-core/sip/server/metrics"
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/standby"
)

// Service is a protocol served by the core (WMS, WFS, OGC API, tiles, ULDK,
// sync, downloads, viewer). Mount registers its routes on the root router, whose
// paths are matched escaped (UseEncodedPath: read variables with Var). Every route
// gets the core's request ids, logging, metrics, auth, limits, compression and
// CORS; per-route policies come from Host (RequireRole, Expensive).
//
// A service that implements Declarer gets the errors under its URL prefixes,
// the core's own included, in its protocol's format.
type Service interface {
	Name() string
	Mount(r *mux.Router, h *Host)
}

// Reloader is implemented by services that keep per-dataset state (caches):
// Reload is called after the datasets or the configuration were swapped.
type Reloader interface {
	Reload(s *State)
}

var (
	registryMu sync.Mutex
	registry   []func() Service
)

// Register adds a service to every server created afterwards (call from init).
// Every server mounts the same value: a service registered so keeps its state
// per server itself (by the Host given to Mount), or uses RegisterNew.
func Register(s Service) {
	RegisterNew(func() Service { return s })
}

// RegisterNew adds a service to every server created afterwards, made by
// newService for each server (call from init): the service's state is then
// that server's alone, and Host.Service finds that server's value.
func RegisterNew(newService func() Service) {
	registryMu.Lock()
	defer registryMu.Unlock()
	registry = append(registry, newService)
}

func registered() []Service {
	registryMu.Lock()
	makers := slices.Clone(registry)
	registryMu.Unlock()
	s := make([]Service, len(makers))
	for i, f := range makers {
		s[i] = f()
	}
	return s
}

// Host is what services get from the core: the current datasets and
// configuration, auth and limit middleware, metrics and the logger.
type Host struct {
	state   atomic.Pointer[State]
	logger  *slog.Logger
	metrics *metrics.Registry
	limiter *RateLimiter
	admit   *admission
	open    Opener

	services  []Service
	fixed     []*mux.Route // see Fixed
	ready     atomic.Bool
	readiness readiness // checks of the services' own dependencies (AddReadiness)
	hooks     shutdownHooks

	reqs     *metrics.CounterVec
	latency  *metrics.HistogramVec
	inflight metrics.Gauge
	limited  *metrics.CounterVec
	fams     *families  // the URL prefixes of the core and the services
	famStats []famStats // by family.idx
}

// famStats are one route family's request series, looked up once per server
// instead of per request (label joins, map lookups under a lock). They are
// filled on first use, so /metrics lists only series that occurred.
type famStats struct {
	latency atomic.Pointer[metrics.Histogram]    // layer ""
	codes   [600]atomic.Pointer[metrics.Counter] // by status code
}

func (h *Host) countRequest(f *family, status int) {
	if status < 0 || status >= 600 {
		h.reqs.With(f.name, statusText(status)).Inc()
		return
	}
	p := &h.famStats[f.idx].codes[status]
	c := p.Load()
	if c == nil {
		v := h.reqs.With(f.name, statusText(status))
		c = &v
		p.Store(c)
	}
	c.Inc()
}

func (h *Host) observeLatency(f *family, layer string, seconds float64) {
	if layer != "" {
		h.latency.With(f.name, layer).Observe(seconds)
		return
	}
	p := &h.famStats[f.idx].latency
	l := p.Load()
	if l == nil {
		v := h.latency.With(f.name, "")
		l = &v
		p.Store(l)
	}
	l.Observe(seconds)
}

// familyOf is the family of a request: the one the core found for it.
func (h *Host) familyOf(r *http.Request) *family {
	if info := infoFrom(r.Context()); info != nil {
		return info.family
	}
	return h.fams.of(r.URL.Path)
}

// Service finds a service of this server by name (nil when it has none), for a
// service built on another: the WMTS draws its raster tiles with the WMS.
func (h *Host) Service(name string) Service {
	for _, s := range h.services {
		if s.Name() == name {
			return s
		}
	}
	return nil
}

// Services lists the services of this server, in mount order, for a service
// that describes what others add to it: the OGC API landing page, conformance
// and OpenAPI document list the parts (tiles) other services serve under /ogc.
func (h *Host) Services() []Service { return slices.Clone(h.services) }

// Logger is the server's logger (per request: server.Logger(ctx)).
func (h *Host) Logger() *slog.Logger { return h.logger }

// Metrics is the registry served at /metrics.
func (h *Host) Metrics() *metrics.Registry { return h.metrics }

// Current is the state new requests see. Handlers use State(r) instead, which is
// the one the request started with and stays open until it ends.
func (h *Host) Current() *State { return h.state.Load() }

// State is the state a request runs against (nil outside a core request).
func (h *Host) State(r *http.Request) *State { return StateFrom(r.Context()) }

// Dataset finds a dataset of the request's state.
func (h *Host) Dataset(r *http.Request, name string) (*Dataset, bool) {
	s := h.State(r)
	if s == nil {
		return nil, false
	}
	return s.Dataset(name)
}

// RequireRole is the auth middleware (see the package function).
func (h *Host) RequireRole(role string) mux.MiddlewareFunc { return RequireRole(role) }

// Expensive rate-limits a handler per client IP (limits.rate_limit); over the
// limit it answers 429 with Retry-After in the route's error format.
func (h *Host) Expensive(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s := h.State(r); s != nil {
			if wait, ok := h.limiter.Allow(s.Config.Limits.RateLimit, ClientIP(r, s.Config.Limits.RateLimit.TrustProxy), time.Now()); !ok {
				h.limited.With(h.familyOf(r).name).Inc()
				WriteError(w, r, &Error{Status: http.StatusTooManyRequests, Code: "TooManyRequests",
					Detail: "rate limit exceeded for this client; retry later", RetryAfter: wait})
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// State is one generation of configuration and open datasets. SIGHUP builds a new
// State and swaps it in; the old one is closed once its last request ended.
type State struct {
	Config   *config.Config
	datasets []*Dataset
	byName   map[string]*Dataset
	keys     []apiKey
	loaded   time.Time
	pending  []string // datasets whose store could not be reached yet (stores.go)

	mu       sync.RWMutex // read-held by every request running on this state
	closed   bool
	ctx      context.Context // ends when the state is retired
	cancel   context.CancelFunc
	watchers sync.WaitGroup // index watchers and Go's work

	bgMu     sync.Mutex
	bgClosed bool // no more background work (Go)
}

// Go runs fn in the background for as long as the state is open: its context
// ends when the state is retired (reload, shutdown, the end of `sip serve
// --check`), and the state's stores are closed only after fn has returned, so
// that background work (cache warm-ups) never reads a closed store. It
// reports false, and does not run fn, when the state is already closing.
func (s *State) Go(fn func(ctx context.Context)) bool {
	s.bgMu.Lock()
	defer s.bgMu.Unlock()
	if s.bgClosed || s.ctx == nil {
		return false
	}
	s.watchers.Add(1)
	go func() {
		defer s.watchers.Done()
		fn(s.ctx)
	}()
	return true
}

// Datasets lists the hosted datasets in configuration order.
func (s *State) Datasets() []*Dataset { return s.datasets }

// Dataset finds a dataset by name.
func (s *State) Dataset(name string) (*Dataset, bool) {
	d, ok := s.byName[name]
	return d, ok
}

// Limits are the configured limits.
func (s *State) Limits() config.Limits { return s.Config.Limits }

// CheckImageSize checks a requested image size against the limits.
func (s *State) CheckImageSize(width, height int) *Error {
	l := s.Config.Limits
	if width <= 0 || height <= 0 {
		return &Error{Status: http.StatusBadRequest, Code: "InvalidParameterValue", Detail: "image width and height must be positive"}
	}
	if width > l.MaxImageWidth || height > l.MaxImageHeight {
		return &Error{Status: http.StatusBadRequest, Code: "InvalidParameterValue",
			Detail: fmt.Sprintf("image %dx%d exceeds the maximum of %dx%d", width, height, l.MaxImageWidth, l.MaxImageHeight)}
	}
	return nil
}

// MaxFeatures clamps a requested feature count (0 = no preference) to the limit.
func (s *State) MaxFeatures(requested int) int {
	m := s.Config.Limits.MaxFeatures
	if requested <= 0 || requested > m {
		return m
	}
	return requested
}

// Dataset is one hosted dataset: its store, spatial index and publication config.
type Dataset struct {
	Name   string
	Title  string
	Config config.Dataset
	Store  store.Store
	Index  *index.Index

	layers []store.Layer // published layers
	down   atomic.Bool   // the store stopped answering (stores.go)
	// standby routes reads to standbys when the dataset names some; lag
	// records the primary's revisions when a lag bound or standbys need it
	// (lag.go). Both nil otherwise.
	standby *standby.Store
	lag     *standby.Lag
	readsOn []bool // whether each standby was read after the last poll (for the log)

	summaryMu sync.Mutex
	summaries map[string]cachedBody // by access (see Access)
	counts    struct {              // layer counts at a revision (api.go)
		rev int64
		n   map[string]int64
	}
}

// maxSummaryViews bounds the cached summaries of a dataset: one per distinct
// access, which the configured keys bound already (anonymous, plus at most one
// per key).
const maxSummaryViews = 64

// Access names what a request may see of the dataset's published layers: one
// byte per layer, '-' not readable, 'p' readable with the public attributes,
// 'f' readable with every column. Requests whatever their key share it exactly
// when they see the same layers and columns, so it keys responses that depend
// on the caller's rights.
func (d *Dataset) Access(r *http.Request) string {
	var buf [16]byte
	return string(d.appendAccess(buf[:0], r))
}

func (d *Dataset) appendAccess(b []byte, r *http.Request) []byte {
	for _, l := range d.layers {
		lc, _ := d.Config.Layer(l.Name)
		// A non-public layer is readable exactly with full access (CanRead),
		// which this asks without making CanRead's errors.
		full := d.FullAccess(r, lc)
		switch {
		case full || (lc.IsPublic() && len(lc.Attributes) == 0):
			b = append(b, 'f')
		case lc.IsPublic():
			b = append(b, 'p')
		default:
			b = append(b, '-')
		}
	}
	return b
}

type cachedBody struct {
	rev  int64
	ok   bool
	body []byte
	etag string
}

// Revision is the store revision the dataset's index reflects (it follows the
// store within index.poll_interval).
func (d *Dataset) Revision() int64 { return d.Index.Revision() }

// Layers lists the published layers.
func (d *Dataset) Layers() []store.Layer { return d.layers }

// Layer returns a published layer and its publication settings.
func (d *Dataset) Layer(name string) (store.Layer, config.Layer, bool) {
	for _, l := range d.layers {
		if l.Name == name {
			lc, _ := d.Config.Layer(name)
			return l, lc, true
		}
	}
	return store.Layer{}, config.Layer{}, false
}

// CanRead reports whether the request may read a layer; the *Error is 401/403.
func (d *Dataset) CanRead(r *http.Request, lc config.Layer) *Error {
	if lc.IsPublic() {
		return nil
	}
	roles := lc.ReadRoles
	if len(roles) == 0 {
		roles = []string{config.RoleAdmin, config.RoleEditor}
	}
	p := PrincipalFrom(r.Context())
	if p == nil {
		return unauthorized("layer "+lc.Name+" is not public: it needs an API key", false)
	}
	if !p.CanAccess(d.Name) {
		return forbidden("the key " + p.Name + " may not be used on dataset " + d.Name)
	}
	for _, role := range roles {
		if p.Has(role) {
			return nil
		}
	}
	return forbidden("the key " + p.Name + " lacks a role allowed to read layer " + lc.Name + " (" + strings.Join(roles, ", ") + ")")
}

// FullAccess reports whether the request sees every column of a layer (a key
// allowed to read the dataset with a read role), not just the public attributes.
func (d *Dataset) FullAccess(r *http.Request, lc config.Layer) bool {
	p := PrincipalFrom(r.Context())
	if p == nil || !p.CanAccess(d.Name) {
		return false
	}
	roles := lc.ReadRoles
	if len(roles) == 0 {
		roles = []string{config.RoleAdmin, config.RoleEditor}
	}
	for _, role := range roles {
		if p.Has(role) {
			return true
		}
	}
	return false
}

// PublicColumns returns the columns of a layer served to the request.
func (d *Dataset) PublicColumns(r *http.Request, l store.Layer, lc config.Layer) []store.Column {
	if len(lc.Attributes) == 0 || d.FullAccess(r, lc) {
		return l.Columns
	}
	var out []store.Column
	for _, c := range l.Columns {
		if slices.Contains(lc.Attributes, c.Name) {
			out = append(out, c)
		}
	}
	return out
}

// Var returns a route variable, percent-decoded (routes match the escaped path so
// that ids holding '/' can be sent as %2F).
func Var(r *http.Request, name string) string {
	var v string
	var ok bool
	if info := infoFrom(r.Context()); info != nil && info.vars != nil {
		v, ok = info.vars[name]
	} else {
		v, ok = mux.Vars(r)[name] // a handler served by a mux.Router of its own
	}
	if !ok {
		return ""
	}
	if u, err := url.PathUnescape(v); err == nil {
		return u
	}
	return v
}

// per-request information carried in the context.
type reqInfo struct {
	id        atomic.Pointer[string] // see ID
	family    *family
	state     *State
	principal *Principal
	layer     string
	vars      map[string]string // the route's variables (escaped)
	host      *Host
	logger    *slog.Logger
}

// ID is the request id: the client's X-Request-Id when it sent a sane one,
// else one made on first use (a request that neither fails nor is logged
// never needs one).
func (i *reqInfo) ID() string {
	if p := i.id.Load(); p != nil {
		return *p
	}
	s := newRequestID()
	if i.id.CompareAndSwap(nil, &s) {
		return s
	}
	return *i.id.Load()
}

type ctxKey struct{}

func infoFrom(ctx context.Context) *reqInfo {
	info, _ := ctx.Value(ctxKey{}).(*reqInfo)
	return info
}

// StateFrom returns the state a request runs against.
func StateFrom(ctx context.Context) *State {
	if info := infoFrom(ctx); info != nil {
		return info.state
	}
	return nil
}

// RequestID returns the request's id (also sent as X-Request-Id).
func RequestID(ctx context.Context) string {
	if info := infoFrom(ctx); info != nil {
		return info.ID()
	}
	return ""
}

// SetLayer labels the request's metrics with a layer name.
func SetLayer(r *http.Request, layer string) {
	if info := infoFrom(r.Context()); info != nil {
		info.layer = layer
	}
}

// Logger returns a logger carrying the request id.
func Logger(ctx context.Context) *slog.Logger {
	info := infoFrom(ctx)
	if info == nil {
		return slog.Default()
	}
	if info.logger == nil {
		info.logger = info.host.logger.With("request_id", info.ID())
	}
	return info.logger
}

// acquire read-locks the current state for the duration of a request.
func (h *Host) acquire() *State {
	for {
		s := h.state.Load()
		s.mu.RLock()
		if !s.closed {
			return s
		}
		s.mu.RUnlock() // retired while we waited: take the new one
	}
}

func (s *State) release() { s.mu.RUnlock() }

// retire closes a state once every request running on it has ended.
func (s *State) retire(logger *slog.Logger) {
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
	s.closeNow(logger)
}

func (s *State) closeNow(logger *slog.Logger) {
	s.bgMu.Lock()
	s.bgClosed = true
	s.bgMu.Unlock()
	if s.cancel != nil {
		s.cancel()
	}
	s.watchers.Wait()
	var errs []error
	for _, d := range s.datasets {
		if err := d.Store.Close(); err != nil {
			errs = append(errs, fmt.Errorf("dataset %s: %w", d.Name, err))
		}
	}
	if err := errors.Join(errs...); err != nil && logger != nil {
		logger.Error("closing datasets", "err", err)
	}
}
