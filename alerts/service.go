// Package alerts is area alerts: staff draw or list an area and write the
// alert (CAP 1.2 fields), preview what it covers, publish, update and
// cancel it; each revision is a CAP document at a stable URL, the current
// ones are in the Atom feed /alerts.atom and in the public layer alerty of
// the alerts dataset (so in WMS, the features API and the tiles); residents
// subscribe an address or parcel and get each alert covering it once,
// through the outbox. docs/alerts.md has the details.
package alerts

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/mux"

	"github.com/sip-core/sip/alerts/affected"
	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/outbox"
	"github.com/sip-core/sip/server"
	"github.com/sip-core/sip/statedb"
	"github.com/sip-core/sip/store"
)

func init() { server.Register(&Service{}) }

// Service is area alerts as a server.Service.
type Service struct{}

// Name implements server.Service.
func (*Service) Name() string { return "alerts" }

// manager is the state of the service on one server.
type manager struct {
	h       *server.Host
	log     *slog.Logger
	db      Store
	ob      outbox.Store
	worker  *outbox.Worker
	mu      sync.Mutex // serialises publishing (revisions of one alert in order)
	loop    *outbox.Loop
	once    sync.Once
	now     func() time.Time
	models  models
	holder  string // this server's name for the background pass's lease
	unready func() // removes the readiness check
}

// Mount implements server.Service.
func (s *Service) Mount(r *mux.Router, h *server.Host) {
	cfg := h.Current().Config
	if !cfg.Alerts.Enabled() {
		return
	}
	m, err := newManager(h, cfg)
	if err != nil {
		h.Logger().Error("alerts: area alerts are off", "err", err)
		if errors.Is(err, statedb.ErrUnavailable) {
			// Started while the state database was away: this replica cannot
			// serve area alerts until it is restarted, so it is not ready.
			h.Unready("alerts state database", fmt.Errorf("area alerts are off since the state database could not be reached at start (%w): restart the server", statedb.ErrUnavailable))
		}
		r.PathPrefix("/api/alerts").HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			server.WriteError(w, r, server.Errorf(http.StatusServiceUnavailable, "area alerts are unavailable: see the server log"))
		})
		return
	}
	h.OnShutdown(m.close)
	get := []string{http.MethodGet, http.MethodHead}
	staff := server.RequireRole(config.RoleEditor)
	r.Handle("/api/alerts/preview", staff(h.Expensive(m.guard(m.preview)))).Methods(http.MethodPost)
	r.Handle("/api/alerts", staff(m.guard(m.publish))).Methods(http.MethodPost)
	r.Handle("/api/alerts/{id:[0-9]+}", staff(m.guard(m.update))).Methods(http.MethodPut)
	r.Handle("/api/alerts/{id:[0-9]+}", staff(m.guard(m.cancel))).Methods(http.MethodDelete)
	r.HandleFunc("/alerts.atom", m.guard(m.feed)).Methods(get...)
	r.HandleFunc("/alerts.json", m.guard(m.current)).Methods(get...)
	r.HandleFunc("/alerts/{id:[0-9]+}.xml", m.guard(m.document)).Methods(get...)
	r.HandleFunc("/alerts/{id:[0-9]+}/{rev:[0-9]+}.xml", m.guard(m.document)).Methods(get...)
	r.Handle("/api/alerts/subscriptions", h.Expensive(m.guard(m.subscribe))).Methods(http.MethodPost)
	r.HandleFunc("/api/alerts/subscriptions/confirm", m.guard(m.confirm)).Methods(get...)
	r.HandleFunc("/api/alerts/subscriptions/unsubscribe", m.guard(m.unsubscribe)).Methods(http.MethodGet, http.MethodPost)
}

func newManager(h *server.Host, cfg *config.Config) (*manager, error) {
	octx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	db, err := OpenDSN(octx, cfg.Alerts.Database)
	if err != nil {
		return nil, err
	}
	ob, err := outbox.OpenDSN(octx, cfg.Outbox.Database)
	if err != nil {
		db.Close()
		return nil, err
	}
	m := &manager{h: h, log: h.Logger().With("service", "alerts"), db: db, ob: ob, now: time.Now, holder: newToken()}
	m.worker = outbox.NewWorker(ob, cfg.Outbox, m.log)
	m.worker.Start()
	m.loop = outbox.StartLoop(2*time.Second, m.pass)
	m.unready = h.AddReadiness("alerts state database", db.Ready)
	// the selection model is built ahead of the first preview
	st := h.Current()
	st.Go(func(ctx context.Context) {
		if d, err := areas(st); err == nil {
			if _, _, err := m.models.get(ctx, st, d); err != nil && ctx.Err() == nil {
				m.log.Warn("alerts: building the selection model", "err", err)
			}
		}
	})
	return m, nil
}

func (m *manager) close(ctx context.Context) {
	m.once.Do(func() {
		m.unready()
		m.loop.Stop(ctx)
		if err := m.worker.Stop(ctx); err != nil {
			m.log.Warn("alerts: outbox stopped before its attempts ended; they will be retried", "err", err)
		}
		m.db.Lease(ctx, m.holder, 0)
		m.ob.Close()
		m.db.Close()
	})
}

func (m *manager) kick() { m.loop.Kick() }

func (m *manager) guard(fn func(http.ResponseWriter, *http.Request) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := fn(w, r); err != nil {
			var e *server.Error
			switch {
			case errors.As(err, &e):
			case errors.Is(err, errNotFound):
				e = server.Errorf(http.StatusNotFound, "no such alert")
			case errors.Is(err, statedb.ErrUnavailable):
				m.log.Error("alerts: the state database cannot be reached", "err", err)
				e = &server.Error{Status: http.StatusServiceUnavailable, Code: "StateUnavailable",
					Detail: "the alerts database cannot be reached; retry later", RetryAfter: 5 * time.Second}
			case errors.Is(err, errChanged):
				e = server.Errorf(http.StatusConflict, "the alert was changed meanwhile (perhaps through another server); read it and try again")
			case errors.Is(err, errCancelled):
				e = server.Errorf(http.StatusConflict, "the alert was cancelled; publish a new one")
			case errors.Is(err, errNoSub):
				e = server.Errorf(http.StatusNotFound, "no such subscription (already unsubscribed, or never confirmed in time)")
			default:
				m.log.Error("alerts: request failed", "path", r.URL.Path, "err", err)
				e = server.Errorf(http.StatusInternalServerError, "internal error: see the server log")
			}
			server.WriteError(w, r, e)
		}
	}
}

// areas is the dataset whose cadastre gives areas and affected objects:
// alerts.areas, or the first with a jednostki layer.
func areas(st *server.State) (*server.Dataset, error) {
	if n := st.Config.Alerts.Areas; n != "" {
		if d, ok := st.Dataset(n); ok {
			return d, nil
		}
	}
	for _, d := range st.Datasets() {
		if _, ok := store.LayerByName(d.Store.Layers(), "jednostki"); ok {
			return d, nil
		}
	}
	return nil, server.Errorf(http.StatusServiceUnavailable, "no dataset with a cadastre (layer jednostki) to take areas from: set alerts.areas")
}

// unitNames maps id_jednostki to the unit's name.
func unitNames(ctx context.Context, r store.Reader) (map[string]string, error) {
	names := map[string]string{}
	err := r.Query(ctx, store.Query{Layer: "jednostki"}, func(row store.Row) error {
		id, _ := row.Attrs["id_jednostki"].(string)
		n, _ := row.Attrs["nazwa"].(string)
		names[id] = n
		return nil
	})
	return names, err
}

// prepared is a draft with its area resolved and what it covers.
type prepared struct {
	draft *Draft
	area  *Area
	cover *affected.Result
}

// prepare reads a draft and resolves its area from the request's state.
func (m *manager) prepare(r *http.Request) (*prepared, error) {
	d, err := parseDraft(http.MaxBytesReader(nil, r.Body, maxDraft), m.now())
	if err != nil {
		return nil, err
	}
	st := server.StateFrom(r.Context())
	ds, err := areas(st)
	if err != nil {
		return nil, err
	}
	var reg store.Reader
	if rd := register(st); rd != nil {
		reg = rd.Store
	}
	a, err := resolve(r.Context(), ds.Store, reg, &d.Area)
	if err != nil {
		return nil, err
	}
	sel, err := affected.Prepare(a.Geom)
	if err != nil {
		return nil, badRequest("area: %v", err)
	}
	model, names, err := m.models.get(r.Context(), server.StateFrom(r.Context()), ds)
	if err != nil {
		return nil, err
	}
	res, err := model.Select(r.Context(), ds.Store, sel, names)
	if err != nil {
		return nil, err
	}
	for _, u := range res.Units {
		a.Units = append(a.Units, u.TERYT)
	}
	return &prepared{draft: d, area: a, cover: res}, nil
}

// preview answers what a draft's area covers, the area itself and the
// affected address points of the gminy with a register (GeoJSON, WGS84) to
// show on the map; nothing is stored.
func (m *manager) preview(w http.ResponseWriter, r *http.Request) error {
	p, err := m.prepare(r)
	if err != nil {
		return err
	}
	pts, cut := pointsJSON(p.cover.Points)
	return server.WritePrivateJSON(w, http.StatusOK, map[string]any{"area": p.area.Desc, "geometry": geoJSON(p.area.Geom),
		"affected": p.cover, "punkty_adresowe": pts, "punkty_adresowe_obciete": cut})
}

func author(r *http.Request) string {
	if p := server.PrincipalFrom(r.Context()); p != nil {
		return p.Name
	}
	return ""
}

// publish stores a new alert.
func (m *manager) publish(w http.ResponseWriter, r *http.Request) error {
	p, err := m.prepare(r)
	if err != nil {
		return err
	}
	a := &Alert{MsgType: "Alert", Author: author(r), Draft: p.draft, Area: p.area}
	return m.store(w, r, a, p.cover)
}

// store publishes a revision and answers with its URLs.
func (m *manager) store(w http.ResponseWriter, r *http.Request, a *Alert, cover *affected.Result) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if a.ID != 0 {
		prev, err := m.db.Revision(r.Context(), a.ID, 0)
		if err != nil {
			return err
		}
		a.Refs = append(append([]time.Time(nil), prev.Refs...), prev.Sent)
	}
	a.Sent = m.now().Truncate(time.Second)
	// a CAP message's references name earlier messages, sent strictly before
	if n := len(a.Refs); n > 0 && !a.Sent.After(a.Refs[n-1]) {
		a.Sent = a.Refs[n-1].Add(time.Second)
	}
	// a revision that cannot be written as CAP is refused before it is stored
	if _, err := m.capDocument(server.StateFrom(r.Context()), a); err != nil {
		return badRequest("%v", err)
	}
	if err := m.db.Publish(r.Context(), a); err != nil {
		return err
	}
	m.kick()
	base := server.BaseURL(r)
	status := http.StatusCreated
	if a.Rev > 1 {
		status = http.StatusOK
	}
	return server.WritePrivateJSON(w, status, map[string]any{"id": a.ID, "rev": a.Rev, "msg_type": a.MsgType,
		"identifier": Identifier(server.StateFrom(r.Context()).Config.Alerts.IdentifierPrefix, a.ID, a.Rev),
		"cap":        docURL(base, a.ID, a.Rev), "feed": base + "/alerts.atom", "affected": cover})
}

func alertID(r *http.Request) int64 {
	var id int64
	for _, c := range server.Var(r, "id") {
		id = id*10 + int64(c-'0')
		if id > 1<<40 {
			return 0
		}
	}
	return id
}

// update publishes a new revision of an alert (CAP Update).
func (m *manager) update(w http.ResponseWriter, r *http.Request) error {
	id := alertID(r)
	if _, err := m.db.Revision(r.Context(), id, 0); err != nil {
		return err
	}
	p, err := m.prepare(r)
	if err != nil {
		return err
	}
	a := &Alert{ID: id, MsgType: "Update", Author: author(r), Draft: p.draft, Area: p.area}
	return m.store(w, r, a, p.cover)
}

// cancel publishes the Cancel of an alert: its last wording and area, with
// an optional note ({"note": "…"}).
func (m *manager) cancel(w http.ResponseWriter, r *http.Request) error {
	prev, err := m.db.Revision(r.Context(), alertID(r), 0)
	if err != nil {
		return err
	}
	var body struct {
		Note string `json:"note"`
	}
	if r.ContentLength != 0 {
		if err := json.NewDecoder(http.MaxBytesReader(nil, r.Body, 1<<16)).Decode(&body); err != nil {
			return badRequest("the body is not valid JSON: %v", err)
		}
	}
	d := *prev.Draft
	d.Note = strings.TrimSpace(body.Note)
	a := &Alert{ID: prev.ID, MsgType: "Cancel", Author: author(r), Draft: &d, Area: prev.Area}
	return m.store(w, r, a, nil)
}

// baseOf is the configured base URL, for what is made outside a request.
func baseOf(st *server.State) string {
	if b := strings.TrimSuffix(st.Config.BaseURL, "/"); b != "" {
		return b
	}
	return "http://" + st.Config.Listen
}
