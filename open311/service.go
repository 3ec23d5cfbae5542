// Package open311 is resident reports: Open311 GeoReport v2 at /open311/v2,
// routed by location to the responsible unit (package routing), delivered
// through the outbox (package outbox), shown to staff as a non-public layer
// of a dataset, and with the reporters' contacts kept apart and deleted after
// the retention period. docs/open311.md has the details.
package open311

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/gorilla/mux"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/outbox"
	"github.com/sip-core/sip/server"
	"github.com/sip-core/sip/server/metrics"
	"github.com/sip-core/sip/statedb"
)

func init() { server.Register(&Service{}) }

// Service is the Open311 protocol as a server.Service; each server it is
// mounted on gets a manager of its own.
type Service struct{}

// Name implements server.Service.
func (*Service) Name() string { return "open311" }

// Prefixes implements server.Declarer: every error under /open311, the
// core's included, is in the spec's format.
func (*Service) Prefixes() []server.Prefix {
	return []server.Prefix{{Path: "open311", Errors: errorWriter{}}}
}

// Prefix is where the API is mounted.
const Prefix = "/open311/v2"

// manager is the state of the service on one server.
type manager struct {
	h         *server.Host
	log       *slog.Logger
	db        Store
	ob        outbox.Store
	worker    *outbox.Worker
	cats      catalogues
	addresses addressBook
	limiter   *server.RateLimiter
	loop      *outbox.Loop
	purged    time.Time // the last purge of expired contacts (the loop's own)
	holder    string    // this server's name for the background jobs' lease
	unready   func()    // removes the readiness check
	once      sync.Once

	accepted  *metrics.CounterVec
	delivered *metrics.CounterVec
}

// Mount implements server.Service.
func (s *Service) Mount(r *mux.Router, h *server.Host) {
	cfg := h.Current().Config
	if !cfg.Open311.Enabled() {
		// Off: paths under /open311 are unknown (404 in the spec's format),
		// not a service this server lacks (501, the core's answer under a
		// declared prefix where nothing is mounted).
		r.PathPrefix(Prefix).HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			server.WriteError(w, r, &server.Error{Status: http.StatusNotFound, Code: "NotFound", Detail: "no resource at " + r.URL.Path})
		})
		return
	}
	m, err := newManager(h, cfg)
	if err != nil {
		h.Logger().Error("open311: resident reports are off", "err", err)
		if errors.Is(err, statedb.ErrUnavailable) {
			// Started while the state database was away: this replica cannot
			// serve resident reports until it is restarted, so it is not ready.
			h.Unready("open311 state database", fmt.Errorf("resident reports are off since the state database could not be reached at start (%w): restart the server", statedb.ErrUnavailable))
		}
		r.PathPrefix(Prefix).HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			server.WriteError(w, r, apiError(http.StatusServiceUnavailable, "resident reports are unavailable: see the server log"))
		})
		return
	}
	h.OnShutdown(m.close)
	f := `.{format:xml|json}`
	get := []string{http.MethodGet, http.MethodHead}
	r.HandleFunc(Prefix+"/discovery"+f, m.guard(m.discovery)).Methods(get...)
	r.HandleFunc(Prefix+"/services"+f, m.guard(m.services)).Methods(get...)
	r.HandleFunc(Prefix+"/services/{code:[^/]+}"+f, m.guard(m.definition)).Methods(get...)
	r.HandleFunc(Prefix+"/requests"+f, m.guard(m.list)).Methods(get...)
	r.HandleFunc(Prefix+"/requests"+f, m.guard(m.post)).Methods(http.MethodPost)
	r.HandleFunc(Prefix+"/requests/{id:[^/]+}"+f, m.guard(m.get)).Methods(get...)
	r.HandleFunc(Prefix+"/tokens/{token:[^/]+}"+f, m.guard(m.token)).Methods(get...)
	r.HandleFunc(Prefix+"/servicerequestupdates"+f, m.guard(m.update)).Methods(http.MethodPost)
	r.HandleFunc(Prefix+"/routing"+f, m.guard(m.preview)).Methods(get...)
	r.HandleFunc(Prefix+"/media/{id:[0-9]+}.jpg", m.guard(m.media)).Methods(get...)
}

func newManager(h *server.Host, cfg *config.Config) (*manager, error) {
	octx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	db, err := OpenDSN(octx, cfg.Open311.Database)
	if err != nil {
		return nil, err
	}
	ob, err := outbox.OpenDSN(octx, cfg.Outbox.Database)
	if err != nil {
		db.Close()
		return nil, err
	}
	m := &manager{h: h, log: h.Logger().With("service", "open311"), db: db, ob: ob, limiter: server.NewRateLimiter(), holder: newToken()}
	reg := h.Metrics()
	m.accepted = reg.Counter("sip_open311_requests_total", "Resident reports accepted, by service and whether a hosted unit is responsible.", "service", "hosted")
	m.delivered = reg.Counter("sip_outbox_attempts_total", "Outbox delivery attempts by channel and result.", "channel", "result")
	reg.GaugeFunc("sip_outbox_pending", "Messages waiting in the outbox (oldest first is retried with backoff).", func(emit func(float64, ...string)) {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		if st, err := m.ob.Stats(ctx); err == nil {
			emit(float64(st.Pending))
		}
	})
	m.worker = outbox.NewWorker(ob, cfg.Outbox, m.log)
	m.worker.OnResult = func(msg *outbox.Message, err error) {
		res := "sent"
		if err != nil {
			res = "failed"
		}
		m.delivered.With(string(msg.Channel), res).Inc()
	}
	m.worker.Start()
	m.loop = outbox.StartLoop(5*time.Second, m.pass)
	m.unready = h.AddReadiness("open311 state database", db.Ready)
	return m, nil
}

// close stops the background work (recording the attempts under way) and
// closes the databases.
func (m *manager) close(ctx context.Context) {
	m.once.Do(func() {
		m.unready()
		m.loop.Stop(ctx)
		if err := m.worker.Stop(ctx); err != nil {
			m.log.Warn("open311: outbox stopped before its attempts ended; they will be retried", "err", err)
		}
		m.db.Lease(ctx, m.holder, 0)
		m.ob.Close()
		m.db.Close()
	})
}

// kick wakes the background loop (a request was created or changed).
func (m *manager) kick() { m.loop.Kick() }

// guard runs a handler, writing its error in the spec's format.
func (m *manager) guard(fn func(http.ResponseWriter, *http.Request) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := fn(w, r); err != nil {
			var e *server.Error
			switch {
			case errors.As(err, &e):
			case errors.Is(err, statedb.ErrUnavailable):
				m.log.Error("open311: the state database cannot be reached", "err", err)
				e = &server.Error{Status: http.StatusServiceUnavailable, Code: "StateUnavailable",
					Detail: "the reports database cannot be reached; retry later", RetryAfter: 5 * time.Second}
			default:
				server.WriteErr(w, r, err)
				return
			}
			server.WriteError(w, r, e)
		}
	}
}

// catalogue is the request's catalogue.
func (m *manager) catalogue(r *http.Request) (*catalogue, error) {
	st := server.StateFrom(r.Context())
	cat, err := m.cats.get(r.Context(), st)
	if err != nil {
		m.log.Error("open311: building the routing model", "err", err)
		return nil, apiError(http.StatusServiceUnavailable, "routing is unavailable: see the server log")
	}
	return cat, nil
}

// pass is one round of the background loop: it writes changed requests
// into the staff layer, enqueues deliveries a crash left undone, and deletes
// expired contacts.
//
// Replicas sharing the state database take turns (a lease renewed every
// pass): one writes the staff layer at a time, and another takes over
// within jobLease when that one stops.
func (m *manager) pass(ctx context.Context) {
	if ok, err := m.db.Lease(ctx, m.holder, jobLease); !ok {
		if err != nil && ctx.Err() == nil {
			m.log.Error("open311: taking the background jobs' lease", "err", err)
		}
		return
	}
	m.enqueuePending(ctx)
	m.projectPending(ctx)
	if time.Since(m.purged) > m.purgeEvery() {
		m.purgeContacts(ctx)
		m.purged = time.Now()
	}
}

// jobLease is how long the background jobs stay with a replica that stopped
// renewing its lease.
const jobLease = 30 * time.Second

// purgeEvery is how often expired contacts are looked for: a tenth of the
// retention period, between a second and an hour.
func (m *manager) purgeEvery() time.Duration {
	r := m.h.Current().Config.Open311.ContactRetention.D() / 10
	return min(max(r, time.Second), time.Hour)
}
