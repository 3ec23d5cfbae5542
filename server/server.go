// Package server is the HTTP core of `sip serve`: it hosts datasets (stores
// opened by DSN, GeoPackage or PostGIS, with in-memory spatial indexes), routes the URL map, and gives
// every service the same request handling: request ids, structured logs,
// Prometheus metrics, API-key auth, limits (timeouts, body size, rate), error
// formats per protocol, compression, ETags, CORS, graceful shutdown and reload.
//
// Services (WMS, WFS, OGC API, tiles, ULDK, sync, downloads) plug in through the
// Service interface, and declare their URL prefixes and error formats to the
// core (Declarer), which writes its own errors under them in those formats;
// the core itself serves /healthz, /readyz, /metrics, the
// dataset API under /api/datasets and a summary page at /.
package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/gorilla/mux"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/index"
	"github.com/sip-core/sip/server/metrics"
	"github.com/sip-core/sip/store"
)

// Opener opens a dataset store by DSN (default: store.Open, through the
// backends the program registered).
type Opener func(ctx context.Context, dsn string) (store.Store, error)

// Options adjust a server.
type Options struct {
	// Services to mount besides those Registered; nil adds none.
	Services []Service
	// NoRegistered skips the services added with Register.
	NoRegistered bool
	// Open opens stores; nil means store.Open.
	Open Opener
	// RequireStores makes New fail when a dataset's store is unreachable
	// (sip serve --check). Without it the server starts, answers 503 and
	// /readyz false, and opens the store when it can.
	RequireStores bool
	// Metrics is the registry to use; nil makes a new one.
	Metrics *metrics.Registry
}

// Server is a running (or ready to run) `sip serve`.
type Server struct {
	host    *Host
	handler http.Handler
	http    *http.Server

	reloadMu  sync.Mutex
	mu        sync.Mutex
	closed    bool
	metricsLn metricsListener // metrics.listen (ServeMetrics)
	done      chan struct{}   // closed by Shutdown: stops the retry of pending stores
}

// New opens every dataset of cfg, builds their indexes and mounts the services.
// Any failure closes what was opened and returns the error: a server either
// starts whole or not at all.
func New(cfg *config.Config, logger *slog.Logger, opts Options) (*Server, error) {
	if logger == nil {
		logger = slog.Default()
	}
	if opts.Open == nil {
		opts.Open = store.Open
	}
	reg := opts.Metrics
	if reg == nil {
		reg = metrics.NewRegistry()
	}
	h := &Host{logger: logger, metrics: reg, limiter: NewRateLimiter(), open: opts.Open}
	h.services = append(h.services, opts.Services...)
	if !opts.NoRegistered {
		h.services = append(h.services, registered()...)
	}
	fams, err := newFamilies(h.services)
	if err != nil {
		return nil, err
	}
	h.fams, h.famStats = fams, make([]famStats, len(fams.all))
	h.reqs = reg.Counter("sip_http_requests_total", "HTTP requests by service and status code.", "service", "code")
	h.latency = reg.Histogram("sip_http_request_duration_seconds", "HTTP request latency by service and layer.", nil, "service", "layer")
	h.inflight = reg.Gauge("sip_http_requests_in_flight", "Requests being served.").With()
	h.admit = newAdmission(reg)
	h.limited = reg.Counter("sip_http_rate_limited_total", "Requests refused by the per-client rate limit.", "service")
	reg.Gauge("sip_ingest_progress_ratio", "Progress of a running ingest (0..1).", "dataset")
	reg.Gauge("sip_sync_progress_ratio", "Progress of a running sync (0..1).", "dataset")
	reg.GaugeFunc("sip_dataset_revision", "Store revision reflected by the dataset's index.", func(emit func(float64, ...string)) {
		if s := h.state.Load(); s != nil {
			for _, d := range s.datasets {
				emit(float64(d.Revision()), d.Name)
			}
		}
	}, "dataset")
	reg.GaugeFunc("sip_dataset_lag_seconds", "How long the revision a dataset serves has been behind its primary's (datasets with standbys or a lag bound).", func(emit func(float64, ...string)) {
		if s := h.state.Load(); s != nil {
			now := time.Now()
			for _, d := range s.datasets {
				if d.lag != nil {
					emit(d.lag.Behind(d.Revision(), now).Seconds(), d.Name)
				}
			}
		}
	}, "dataset")
	reg.GaugeFunc("sip_index_objects", "Current objects of each layer in the spatial index (counted once per revision).", func(emit func(float64, ...string)) {
		if s := h.state.Load(); s != nil {
			for _, d := range s.datasets {
				ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
				rev := d.Revision()
				for _, l := range d.Store.Layers() {
					if n, err := d.count(ctx, rev, l.Name); err == nil {
						emit(float64(n), d.Name, l.Name)
					}
				}
				cancel()
			}
		}
	}, "dataset", "layer")
	reg.GaugeFunc("sip_index_cells_bytes", "Bytes held by the spatial index's cache of cells (cache.index).", func(emit func(float64, ...string)) {
		if s := h.state.Load(); s != nil {
			for _, d := range s.datasets {
				emit(float64(d.Index.CellStats().Bytes), d.Name)
			}
		}
	}, "dataset")

	st, err := h.load(cfg, !opts.RequireStores)
	if err != nil {
		return nil, err
	}
	h.state.Store(st)

	r := mux.NewRouter().UseEncodedPath()
	r.StrictSlash(false)
	h.mountCore(r)
	for _, s := range h.services {
		s.Mount(r, h)
	}
	h.mountFallbacks(r)
	h.ready.Store(true)

	fixed, err := fixedTable(r, h.fixed)
	if err != nil {
		st.closeNow(logger)
		return nil, err
	}
	s := &Server{host: h, handler: &coreHandler{h: h, router: r, fixed: fixed}, done: make(chan struct{})}
	if len(st.pending) > 0 {
		go s.retryPending()
	}
	l := cfg.Limits
	s.http = &http.Server{
		Addr:              cfg.Listen,
		Handler:           s.handler,
		ReadTimeout:       l.ReadTimeout.D(),
		ReadHeaderTimeout: l.ReadHeaderTimeout.D(),
		WriteTimeout:      l.WriteTimeout.D(),
		IdleTimeout:       l.IdleTimeout.D(),
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
		MaxHeaderBytes:    64 << 10,
		ConnContext:       withConn,
	}
	return s, nil
}

// load opens the datasets of cfg and builds their indexes. With allowPending, a
// dataset whose store is unreachable (store.ErrUnavailable) is left out and
// named in the state's pending list instead of failing the load.
func (h *Host) load(cfg *config.Config, allowPending bool) (_ *State, err error) {
	st := &State{Config: cfg, byName: map[string]*Dataset{}, keys: parseKeys(cfg.Auth.Keys), loaded: time.Now()}
	defer func() {
		if err != nil {
			st.closeNow(h.logger)
		}
	}()
	for _, dc := range cfg.Datasets {
		d, err := h.loadDataset(dc, cfg.Limits, index.Options{Memory: cfg.Index.Memory, Cells: int64(cfg.Cache.Index)})
		if err != nil {
			if allowPending && errors.Is(err, store.ErrUnavailable) {
				h.logger.Error("dataset store unreachable; serving 503 until it can be opened", "dataset", dc.Name, "store", store.Redact(dc.Store), "err", err)
				st.pending = append(st.pending, dc.Name)
				continue
			}
			return nil, err
		}
		st.datasets = append(st.datasets, d)
		st.byName[d.Name] = d
	}
	// Follow the stores' change logs.
	ctx, cancel := context.WithCancel(context.Background())
	st.ctx, st.cancel = ctx, cancel
	for _, d := range st.datasets {
		st.watchers.Add(1)
		go func() {
			defer st.watchers.Done()
			h.follow(ctx, d, cfg.Index.PollInterval.D())
		}()
	}
	return st, nil
}

// loadDataset opens one dataset's store, checks the configuration against its
// layers and builds its index.
func (h *Host) loadDataset(dc config.Dataset, limits config.Limits, io index.Options) (_ *Dataset, err error) {
	t0 := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), openTimeout)
	defer cancel()
	s, err := h.open(ctx, dc.Store)
	if err != nil {
		return nil, fmt.Errorf("dataset %s: opening %s: %w", dc.Name, store.Redact(dc.Store), err)
	}
	defer func() {
		if err != nil {
			s.Close()
		}
	}()
	d := &Dataset{Name: dc.Name, Title: dc.Title, Config: dc, Store: s}
	if err := h.withStandbys(ctx, d, limits); err != nil {
		return nil, fmt.Errorf("dataset %s: %w", dc.Name, err)
	}
	s = d.Store
	if d.Title == "" {
		d.Title = dc.Name
	}
	for _, l := range s.Layers() {
		lc, ok := dc.Layer(l.Name)
		if !ok {
			continue
		}
		if lc.Title != "" {
			l.Title = lc.Title
		}
		d.layers = append(d.layers, l)
	}
	for _, lc := range dc.Layers {
		l, ok := store.LayerByName(s.Layers(), lc.Name)
		if !ok {
			return nil, fmt.Errorf("dataset %s: layer %s is configured but not in %s", dc.Name, lc.Name, store.Redact(dc.Store))
		}
		for _, a := range lc.Attributes {
			if _, ok := l.Column(a); !ok {
				return nil, fmt.Errorf("dataset %s: layer %s: attribute %s is not a column of the store", dc.Name, lc.Name, a)
			}
		}
	}
	ictx := ctx
	if io.Memory {
		ictx = context.Background() // reading every object may take longer than opening
	}
	ix, err := index.Open(ictx, s, io)
	if err != nil {
		return nil, fmt.Errorf("dataset %s: %w", dc.Name, err)
	}
	d.Index = ix
	h.logger.Info("dataset loaded", "dataset", d.Name, "store", store.Redact(dc.Store), "revision", ix.Revision(), "layers", len(d.layers), "took", time.Since(t0).Round(time.Millisecond))
	return d, nil
}

// Host returns the host services see.
func (s *Server) Host() *Host { return s.host }

// Handler is the server's root handler (for tests and embedding).
func (s *Server) Handler() http.Handler { return s.handler }

// Serve serves on a listener until Shutdown; it returns nil after a shutdown.
func (s *Server) Serve(ln net.Listener) error {
	s.host.logger.Info("serving", "addr", ln.Addr().String(), "datasets", len(s.host.Current().datasets))
	d := newDeadlines()
	defer d.close()
	err := s.http.Serve(d.listen(ln))
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

// Reload swaps in a new configuration and freshly opened datasets without
// dropping connections. Requests already running finish on the old state, whose
// stores are closed after the last one ends. On error the old state stays.
// The listen address and server timeouts are fixed at start-up.
func (s *Server) Reload(cfg *config.Config) error { return s.reload(cfg, "config") }

// reload is Reload; kind "retry" is the retry of stores pending since start-up
// (not counted as a configuration reload, and quiet when it fails).
func (s *Server) reload(cfg *config.Config, kind string) error {
	s.reloadMu.Lock()
	defer s.reloadMu.Unlock()
	h := s.host
	reloads := h.metrics.Counter("sip_config_reloads_total", "Configuration reloads by result.", "result")
	if cfg.Listen != h.Current().Config.Listen {
		h.logger.Warn("listen address changes need a restart", "old", h.Current().Config.Listen, "new", cfg.Listen)
	}
	if cfg.Metrics.Listen != h.Current().Config.Metrics.Listen {
		h.logger.Warn("metrics.listen changes need a restart", "old", h.Current().Config.Metrics.Listen, "new", cfg.Metrics.Listen)
	}
	st, err := h.load(cfg, false)
	if err != nil {
		if kind == "config" {
			reloads.With("error").Inc()
		}
		return err
	}
	old := h.state.Swap(st)
	for _, svc := range h.services {
		if rl, ok := svc.(Reloader); ok {
			rl.Reload(st)
		}
	}
	if kind == "config" {
		reloads.With("ok").Inc()
		h.logger.Info("reloaded", "datasets", len(st.datasets))
	}
	go old.retire(h.logger)
	return nil
}

// ReloadConfig reloads the configuration file the server was started with (or,
// without one, reopens the same datasets).
func (s *Server) ReloadConfig() error {
	cur := s.host.Current().Config
	if cur.File == "" {
		cp := *cur
		return s.Reload(&cp)
	}
	cfg, err := config.Load(cur.File)
	if err != nil {
		return err
	}
	return s.Reload(cfg)
}

// Shutdown stops accepting connections, lets in-flight requests finish until ctx
// ends, then closes the datasets.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	close(s.done)
	s.mu.Unlock()
	s.host.ready.Store(false)
	s.metricsLn.shutdown(ctx)
	err := s.http.Shutdown(ctx)
	if err != nil {
		s.http.Close()
	}
	s.host.runShutdownHooks(ctx)
	st := s.host.state.Load()
	done := make(chan struct{})
	go func() { st.retire(s.host.logger); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
		// Handlers still running past the deadline: close the stores anyway.
		st.closeNow(s.host.logger)
	}
	return err
}

// Run serves cfg until ctx ends (then shuts down gracefully within
// limits.shutdown_timeout), reloading on SIGHUP.
func Run(ctx context.Context, cfg *config.Config, logger *slog.Logger) error {
	s, err := New(cfg, logger, Options{})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		s.host.Current().closeNow(logger)
		return err
	}
	if cfg.Metrics.Listen != "" {
		mln, err := net.Listen("tcp", cfg.Metrics.Listen)
		if err != nil {
			ln.Close()
			s.host.Current().closeNow(logger)
			return fmt.Errorf("metrics.listen: %w", err)
		}
		go func() {
			if err := s.ServeMetrics(mln); err != nil {
				logger.Error("metrics listener stopped", "err", err)
			}
		}()
	}
	return s.RunListener(ctx, ln)
}

// RunListener is Run on an open listener.
func (s *Server) RunListener(ctx context.Context, ln net.Listener) error {
	logger := s.host.logger
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	gc := startGCTuner(uint64(s.host.Current().Config.Cache.GCHeadroom))
	defer gc.stop()
	errc := make(chan error, 1)
	go func() { errc <- s.Serve(ln) }()
	for {
		select {
		case err := <-errc:
			s.Shutdown(context.Background())
			return err
		case <-hup:
			if err := s.ReloadConfig(); err != nil {
				logger.Error("reload failed; keeping the running configuration", "err", err)
			} else {
				gc.setHeadroom(uint64(s.host.Current().Config.Cache.GCHeadroom))
			}
		case <-ctx.Done():
			if err := s.drain(s.host.Current().Config.Limits.DrainDelay.D(), errc); err != nil {
				s.Shutdown(context.Background())
				return err
			}
			d := s.host.Current().Config.Limits.ShutdownTimeout.D()
			logger.Info("shutting down", "deadline", d)
			sctx, cancel := context.WithTimeout(context.Background(), d)
			err := s.Shutdown(sctx)
			cancel()
			<-errc
			if err != nil {
				return fmt.Errorf("shutdown: %w", err)
			}
			return nil
		}
	}
}

// drain turns /readyz false and keep-alive off, then keeps serving for delay,
// so that a load balancer checking /readyz stops sending new requests (and
// holds no idle connection to this server) before the listener closes. It
// returns the listener's error when it failed meanwhile.
func (s *Server) drain(delay time.Duration, errc <-chan error) error {
	if delay <= 0 {
		return nil
	}
	s.host.ready.Store(false)
	s.http.SetKeepAlivesEnabled(false)
	s.host.logger.Info("draining: /readyz answers 503 before the listener closes", "delay", delay)
	select {
	case <-time.After(delay):
		return nil
	case err := <-errc:
		if err == nil {
			err = errors.New("listener stopped while draining")
		}
		return err
	}
}

// NewLogger makes the logger a configuration asks for.
//
// Lines are written out in batches, at least every 200 ms; close writes out
// the rest and must be called before the process exits.
func NewLogger(c config.Log, w io.Writer) (logger *slog.Logger, close func()) {
	var lvl slog.Level
	_ = lvl.UnmarshalText([]byte(c.Level))
	opts := &slog.HandlerOptions{Level: lvl}
	b := newLogBuffer(w, logFlushEvery)
	close = func() { b.Close() }
	if c.Format == "json" {
		return slog.New(slog.NewJSONHandler(b, opts)), close
	}
	return slog.New(slog.NewTextHandler(b, opts)), close
}
