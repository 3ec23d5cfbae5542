package extracts

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/mux"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/server"
	"github.com/sip-core/sip/statedb"
)

func init() { server.Register(NewService()) }

// TestHookGenerateDelay names an environment variable holding a duration the
// generator sleeps after writing an extract and before releasing it; tests use it
// to kill the server in the middle of a generation.
const TestHookGenerateDelay = "SIP_EXTRACTS_TEST_GENERATE_DELAY"

// Service is the extracts protocol. One Service can be mounted on several
// servers (tests); each gets its own manager.
type Service struct {
	mu       sync.Mutex
	managers []*manager
}

// NewService makes an extracts service.
func NewService() *Service { return &Service{} }

// Name implements server.Service.
func (s *Service) Name() string { return "extracts" }

// Prefixes implements server.Declarer: /download (orders and payments are
// under the core's /api).
func (s *Service) Prefixes() []server.Prefix {
	return []server.Prefix{{Path: "download", Errors: server.ProblemJSON}}
}

// Close stops the background generators and closes the orders databases.
func (s *Service) Close() {
	s.mu.Lock()
	ms := s.managers
	s.managers = nil
	s.mu.Unlock()
	for _, m := range ms {
		m.close()
	}
}

// manager is the state of the service on one server.
type manager struct {
	h       *server.Host
	files   fileStore // where released extracts are kept (nil: extracts are off)
	dbp     atomic.Pointer[DB]
	dbErr   atomic.Pointer[error] // why the database is not open (nil once it is)
	log     *slog.Logger
	owner   string // this generator's name in the orders' claims
	wake    chan struct{}
	stop    chan struct{}
	done    chan struct{}
	keyMu   sync.Mutex
	key     []byte
	closed  sync.Once
	unready func()
}

// Generation claims: a generator claims a paid order for claimLease and
// renews the claim every claimRenew while it works; the generators of every
// replica look for paid orders every pollEvery.
const (
	claimLease = 15 * time.Second
	claimRenew = 5 * time.Second
	pollEvery  = 5 * time.Second
)

// db is the orders database, nil until it is open.
func (m *manager) db() *DB { return m.dbp.Load() }

// Mount implements server.Service.
func (s *Service) Mount(r *mux.Router, h *server.Host) {
	m := &manager{h: h, log: h.Logger().With("service", "extracts"), owner: generatorName(),
		wake: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{})}
	// The first attempt is made before the routes serve; an unreachable
	// database is retried in the background (run).
	octx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	if fs, err := openFileStore(octx, h.Current().Config.Extracts.Files); err != nil {
		m.dbErr.Store(&err)
		m.log.Error("extracts.files unusable: extracts are off", "err", err)
	} else {
		m.files = fs
		m.openOnce(octx)
	}
	cancel()
	go m.run()
	m.unready = h.AddReadiness("extracts state database", m.ready)
	s.mu.Lock()
	s.managers = append(s.managers, m)
	s.mu.Unlock()

	// Quotes and orders resolve geometry: they count against the per-client rate limit.
	r.Handle("/api/extracts/quote", h.Expensive(m.guard(m.quote))).Methods(http.MethodPost)
	r.Handle("/api/extracts/orders", h.Expensive(m.guard(m.createOrder))).Methods(http.MethodPost)
	r.HandleFunc("/api/extracts/orders/{id}", m.guard(m.getOrder)).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc("/api/extracts/orders/{id}/cancel", m.guard(m.cancel)).Methods(http.MethodPost)
	admin := h.RequireRole(config.RoleAdmin)
	r.Handle("/api/extracts/orders/{id}/confirm", admin(m.guard(m.confirm))).Methods(http.MethodPost)
	r.Handle("/api/extracts/orders/{id}/audit", admin(m.guard(m.auditLog))).Methods(http.MethodGet)
	r.Handle("/api/extracts/audit", admin(m.guard(m.auditLog))).Methods(http.MethodGet)
	r.HandleFunc("/api/payments/{provider}/notify", m.guard(m.notify)).Methods(http.MethodPost)
	r.HandleFunc("/download/{token}", m.guard(m.download)).Methods(http.MethodGet, http.MethodHead)
}

// generatorName names this process's generator in the claims of orders.
func generatorName() string {
	host, _ := os.Hostname()
	b := make([]byte, 4)
	rand.Read(b)
	return fmt.Sprintf("%s:%d:%s", host, os.Getpid(), hex.EncodeToString(b))
}

func (m *manager) close() {
	m.closed.Do(func() {
		m.unready()
		close(m.stop)
		<-m.done
		if db := m.db(); db != nil {
			db.Close()
		}
	})
}

// open opens the orders database, retrying while it cannot be reached (a
// database server starting after the replica); any other failure turns the
// extracts off, as a bad configuration does. It reports whether it opened.
func (m *manager) open(ctx context.Context) bool {
	delay := time.Second
	for {
		if m.db() != nil {
			return true
		}
		if err := *m.dbErr.Load(); !errors.Is(err, statedb.ErrUnavailable) {
			return false
		}
		select {
		case <-ctx.Done():
			return false
		case <-time.After(delay):
		}
		delay = min(2*delay, 15*time.Second)
		m.openOnce(ctx)
	}
}

// openOnce tries to open the orders database once, recording why it failed.
func (m *manager) openOnce(ctx context.Context) {
	dsn := m.h.Current().Config.Extracts.Orders
	db, err := OpenDB(ctx, dsn)
	if err == nil {
		m.dbp.Store(db)
		m.dbErr.Store(nil)
		return
	}
	m.dbErr.Store(&err)
	if errors.Is(err, statedb.ErrUnavailable) {
		m.log.Error("orders database unreachable; answering 503 until it returns", "state", statedb.Redact(dsn), "err", err)
	} else {
		m.log.Error("orders database unusable: extracts are off", "state", statedb.Redact(dsn), "err", err)
	}
}

// ready is the readiness check of the orders database: open, and for a
// shared database answering.
func (m *manager) ready(ctx context.Context) error {
	db := m.db()
	if db == nil {
		// A database that cannot be reached makes the replica unready; one that
		// cannot be used (a bad configuration) turned the extracts off, logged.
		if p := m.dbErr.Load(); p != nil && errors.Is(*p, statedb.ErrUnavailable) {
			return *p
		}
		return nil
	}
	if db.Shared() {
		return db.db.Ping(ctx)
	}
	return nil
}

func (m *manager) guard(fn func(http.ResponseWriter, *http.Request) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if m.db() == nil {
			e := &server.Error{Status: http.StatusServiceUnavailable, Code: "ExtractsUnavailable", Detail: "the orders database could not be opened; see the server log"}
			if p := m.dbErr.Load(); p == nil || errors.Is(*p, statedb.ErrUnavailable) {
				e.Code, e.Detail, e.RetryAfter = "StateUnavailable", "the orders database cannot be reached; retry later", 5*time.Second
			}
			server.WriteError(w, r, e)
			return
		}
		if err := fn(w, r); err != nil {
			var he *httpError
			switch {
			case errors.As(err, &he):
				server.WriteError(w, r, &server.Error{Status: he.status, Code: he.code, Detail: he.detail})
			case errors.Is(err, statedb.ErrUnavailable):
				m.log.Error("orders database unreachable", "err", err)
				server.WriteError(w, r, &server.Error{Status: http.StatusServiceUnavailable, Code: "StateUnavailable",
					Detail: "the orders database cannot be reached; retry later", RetryAfter: 5 * time.Second})
			default:
				server.WriteErr(w, r, err)
			}
		}
	}
}

func (m *manager) signingKey(ctx context.Context) ([]byte, error) {
	m.keyMu.Lock()
	defer m.keyMu.Unlock()
	if env := m.h.Current().Config.Extracts.TokenSecretEnv; env != "" {
		return []byte(os.Getenv(env)), nil
	}
	if m.key == nil {
		k, err := m.db().signingKey(ctx)
		if err != nil {
			return nil, err
		}
		m.key = k
	}
	return m.key, nil
}

func actorOf(r *http.Request) string {
	if p := server.PrincipalFrom(r.Context()); p != nil {
		return "key:" + p.Name
	}
	host := r.RemoteAddr
	if i := strings.LastIndexByte(host, ':'); i > 0 {
		host = host[:i]
	}
	return "client:" + host
}

// prepare parses a request body and prices it against the request's state.
func (m *manager) prepare(r *http.Request) (*Request, *Quote, error) {
	body, err := server.ReadBody(r)
	if err != nil {
		return nil, nil, err
	}
	q, err := ParseRequest(body)
	if err != nil {
		return nil, nil, err
	}
	st := server.StateFrom(r.Context())
	if st == nil || len(st.Datasets()) == 0 {
		return nil, nil, &httpError{status: http.StatusServiceUnavailable, code: "NoDataset", detail: "no dataset is loaded"}
	}
	d := st.Datasets()[0]
	if q.Dataset != "" {
		var ok bool
		if d, ok = st.Dataset(q.Dataset); !ok {
			return nil, nil, &httpError{status: http.StatusNotFound, code: "UnknownDataset", detail: fmt.Sprintf("unknown dataset %.64q", q.Dataset)}
		}
	}
	q.Dataset = d.Name
	if _, lc, ok := d.Layer("dzialki"); !ok || !lc.IsPublic() {
		return nil, nil, &httpError{status: http.StatusNotFound, code: "UnknownLayer", detail: "dataset " + d.Name + " publishes no public parcel layer"}
	}
	ec := st.Config.Extracts
	sel, err := resolve(r.Context(), d.Store, d.Index, q, selectionLimits{maxParcels: ec.MaxParcels, maxAreaHa: ec.MaxAreaHa})
	if err != nil {
		return nil, nil, err
	}
	src := &source{reader: d.Store, index: d.Index, layers: d.Layers(), config: d.Config}
	var pub []string
	for _, l := range d.Layers() {
		if _, ok := src.publicLayer(l.Name); ok {
			pub = append(pub, l.Name)
		}
	}
	var pubLayers = d.Layers()[:0:0]
	for _, l := range d.Layers() {
		if slices.Contains(pub, l.Name) {
			pubLayers = append(pubLayers, l)
		}
	}
	qt, err := price(st.Config.Fees, d.Name, pubLayers, q, sel)
	if err != nil {
		return nil, nil, err
	}
	return q, qt, nil
}

func (m *manager) quote(w http.ResponseWriter, r *http.Request) error {
	_, qt, err := m.prepare(r)
	if err != nil {
		return err
	}
	return server.WritePrivateJSON(w, http.StatusOK, qt)
}

func (m *manager) provider(st *server.State, name string) (Provider, error) {
	provs := st.Config.Extracts.Providers
	if name == "" && len(provs) > 0 {
		name = provs[0].Name
	}
	for _, p := range provs {
		if p.Name == name {
			return NewProvider(p)
		}
	}
	var names []string
	for _, p := range provs {
		names = append(names, p.Name)
	}
	return nil, &httpError{status: http.StatusNotFound, code: "UnknownProvider", detail: fmt.Sprintf("unknown payment provider %.64q (configured: %s)", name, strings.Join(names, ", "))}
}

func (m *manager) createOrder(w http.ResponseWriter, r *http.Request) error {
	q, qt, err := m.prepare(r)
	if err != nil {
		return err
	}
	st := server.StateFrom(r.Context())
	prov, err := m.provider(st, q.Provider)
	if err != nil {
		return err
	}
	q.Provider = prov.Name()
	o := &Order{Dataset: qt.Dataset, Request: *q, Quote: *qt, Total: qt.Total, Currency: qt.Currency, Provider: prov.Name()}
	ctx := r.Context()
	if err := m.db().Create(ctx, o, actorOf(r)); err != nil {
		return err
	}
	var pay *Payment
	if o.Total == 0 {
		if err := m.db().MarkFree(ctx, o.ID, "system"); err != nil {
			return err
		}
		m.kick()
	} else {
		p, err := prov.CreatePayment(ctx, o, server.BaseURL(r))
		if err != nil {
			return err
		}
		if err := m.db().SetAwaiting(ctx, o.ID, p.ID, "provider:"+prov.Name(), fmt.Sprintf("payment %s of %s registered", p.ID, o.Total)); err != nil {
			return err
		}
		pay = &p
	}
	m.log.Info("order placed", "order", o.ID, "dataset", o.Dataset, "total_grosze", int64(o.Total), "provider", o.Provider)
	o, err = m.db().Get(ctx, o.ID)
	if err != nil {
		return err
	}
	v, err := m.view(r, o)
	if err != nil {
		return err
	}
	v.Payment = pay
	w.Header().Set("Location", server.BaseURL(r)+"/api/extracts/orders/"+o.ID)
	return server.WritePrivateJSON(w, http.StatusCreated, v)
}

// orderView is the JSON form of an order.
type orderView struct {
	ID        string        `json:"id"`
	State     string        `json:"state"`
	Dataset   string        `json:"dataset"`
	Created   time.Time     `json:"created"`
	Total     config.Grosze `json:"total"`
	TotalText string        `json:"total_text"`
	Currency  string        `json:"currency"`
	Provider  string        `json:"provider"`
	Payment   *Payment      `json:"payment,omitempty"`
	Quote     Quote         `json:"quote"`
	ExpiresAt *time.Time    `json:"expires_at,omitempty"`
	Downloads []download    `json:"downloads,omitempty"`
}

type download struct {
	File string `json:"file"`
	URL  string `json:"url"`
}

func (m *manager) view(r *http.Request, o *Order) (*orderView, error) {
	v := &orderView{ID: o.ID, State: o.State, Dataset: o.Dataset, Created: o.Created, Total: o.Total, TotalText: o.Total.String(),
		Currency: o.Currency, Provider: o.Provider, Quote: o.Quote}
	if (o.State == StateReady || o.State == StateDownloaded) && time.Now().Before(o.ExpiresAt) {
		key, err := m.signingKey(r.Context())
		if err != nil {
			return nil, err
		}
		exp := o.ExpiresAt
		v.ExpiresAt = &exp
		for _, f := range o.Files {
			tok := signToken(key, token{Order: o.ID, File: f, Expires: o.ExpiresAt})
			v.Downloads = append(v.Downloads, download{File: f, URL: server.BaseURL(r) + "/download/" + tok})
		}
	}
	return v, nil
}

func (m *manager) order(r *http.Request) (*Order, error) {
	o, err := m.db().Get(r.Context(), server.Var(r, "id"))
	if errors.Is(err, ErrNoOrder) {
		return nil, &httpError{status: http.StatusNotFound, code: "UnknownOrder", detail: "no such order"}
	}
	return o, err
}

func (m *manager) getOrder(w http.ResponseWriter, r *http.Request) error {
	o, err := m.order(r)
	if err != nil {
		return err
	}
	v, err := m.view(r, o)
	if err != nil {
		return err
	}
	return server.WritePrivateJSON(w, http.StatusOK, v)
}

func (m *manager) cancel(w http.ResponseWriter, r *http.Request) error {
	o, err := m.order(r)
	if err != nil {
		return err
	}
	ok, err := m.db().Cancel(r.Context(), o.ID, actorOf(r), "cancelled through the API")
	if err != nil {
		return err
	}
	if !ok {
		return &httpError{status: http.StatusConflict, code: "InvalidState", detail: "order " + o.ID + " is " + o.State + ": only unpaid orders can be cancelled"}
	}
	return m.getOrder(w, r)
}

// confirm records a bank transfer an admin saw arrive (manual provider).
func (m *manager) confirm(w http.ResponseWriter, r *http.Request) error {
	o, err := m.order(r)
	if err != nil {
		return err
	}
	st := server.StateFrom(r.Context())
	prov, err := m.provider(st, o.Provider)
	if err != nil {
		return err
	}
	if _, ok := prov.(manual); !ok {
		return &httpError{status: http.StatusConflict, code: "InvalidProvider", detail: "order " + o.ID + " is paid through " + o.Provider + ", whose notifications confirm payments"}
	}
	body, err := server.ReadBody(r)
	if err != nil {
		return err
	}
	var c struct {
		Amount    *int64 `json:"amount"`
		Currency  string `json:"currency"`
		Reference string `json:"reference"`
	}
	dec := json.NewDecoder(strings.NewReader(string(body)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil || c.Amount == nil || c.Currency == "" || strings.TrimSpace(c.Reference) == "" {
		return badRequest("InvalidRequest", `body must be {"amount": <grosze received>, "currency": "PLN", "reference": "<bank transfer reference>"}`)
	}
	if len(c.Reference) > 200 {
		return badRequest("InvalidRequest", "reference too long")
	}
	outcome, err := m.db().RecordPayment(r.Context(), o.ID, o.Provider, "transfer:"+c.Reference, config.Grosze(*c.Amount), c.Currency, actorOf(r), "bank transfer "+c.Reference+" confirmed")
	if errors.Is(err, ErrMismatch) {
		m.log.Warn("manual payment rejected: amount or currency mismatch", "order", o.ID, "amount", *c.Amount, "currency", c.Currency, "expected", int64(o.Total))
		return &httpError{status: http.StatusConflict, code: "PaymentMismatch", detail: fmt.Sprintf("received %d %s but the order costs %d %s (grosze)", *c.Amount, c.Currency, o.Total, o.Currency)}
	}
	if err != nil {
		return err
	}
	switch outcome {
	case PaymentApplied:
		m.log.Info("order paid", "order", o.ID, "amount_grosze", *c.Amount, "by", actorOf(r))
		m.kick()
	case PaymentLate:
		return &httpError{status: http.StatusConflict, code: "InvalidState", detail: "order " + o.ID + " is " + o.State + ": the transfer must be refunded"}
	case PaymentDouble:
		m.log.Warn("second payment for an order already paid: refund it", "order", o.ID, "reference", c.Reference, "amount_grosze", *c.Amount)
		return &httpError{status: http.StatusConflict, code: "AlreadyPaid", detail: "order " + o.ID + " was already paid by another transfer: transfer " + c.Reference + " must be refunded"}
	}
	return m.getOrder(w, r)
}

func (m *manager) auditLog(w http.ResponseWriter, r *http.Request) error {
	id := server.Var(r, "id")
	if id != "" {
		if _, err := m.order(r); err != nil {
			return err
		}
	}
	entries, err := m.db().AuditLog(r.Context(), id)
	if err != nil {
		return err
	}
	if entries == nil {
		entries = []AuditEntry{}
	}
	return server.WritePrivateJSON(w, http.StatusOK, map[string]any{"entries": entries})
}

// notify handles a provider's server-to-server notification.
func (m *manager) notify(w http.ResponseWriter, r *http.Request) error {
	name := server.Var(r, "provider")
	st := server.StateFrom(r.Context())
	prov, err := m.provider(st, name)
	if err != nil || name == "" {
		return &httpError{status: http.StatusNotFound, code: "UnknownProvider", detail: fmt.Sprintf("unknown payment provider %.64q", name)}
	}
	body, err := server.ReadBody(r)
	if err != nil {
		return err
	}
	n, err := prov.Verify(r.Header, body)
	if errors.Is(err, ErrBadSignature) {
		m.log.Warn("payment notification rejected: bad or missing signature", "provider", name, "client", actorOf(r), "bytes", len(body))
		return &httpError{status: http.StatusUnauthorized, code: "InvalidSignature", detail: "missing or invalid notification signature"}
	}
	if err != nil {
		m.log.Warn("payment notification rejected", "provider", name, "err", err)
		return badRequest("InvalidNotification", err.Error())
	}
	sum := sha256.Sum256(body)
	digest := hex.EncodeToString(sum[:])
	ctx := r.Context()
	if seen, err := m.db().SeenNotification(ctx, name, digest); err != nil {
		return err
	} else if seen {
		m.log.Info("payment notification replayed: acknowledged, nothing changed", "provider", name, "order", n.OrderID)
		return server.WritePrivateJSON(w, http.StatusOK, map[string]string{"status": "duplicate"})
	}
	o, err := m.db().Get(ctx, n.OrderID)
	if errors.Is(err, ErrNoOrder) {
		m.log.Warn("payment notification for an unknown order", "provider", name, "order", n.OrderID)
		return &httpError{status: http.StatusNotFound, code: "UnknownOrder", detail: "no such order"}
	}
	if err != nil {
		return err
	}
	if o.Provider != name {
		m.log.Warn("payment notification from the wrong provider", "provider", name, "order", o.ID, "order_provider", o.Provider)
		return badRequest("InvalidNotification", "order "+o.ID+" is not paid through "+name)
	}
	actor := "provider:" + name
	result := "ignored"
	switch n.Status {
	case StatusCompleted:
		outcome, err := m.db().RecordPayment(ctx, o.ID, name, n.PaymentID, n.Amount, n.Currency, actor, "notification "+digest[:16]+", payment "+n.PaymentID)
		if errors.Is(err, ErrMismatch) {
			m.log.Warn("payment notification rejected: amount or currency mismatch", "provider", name, "order", o.ID,
				"amount", int64(n.Amount), "currency", n.Currency, "expected", int64(o.Total), "expected_currency", o.Currency)
			return &httpError{status: http.StatusBadRequest, code: "PaymentMismatch", detail: fmt.Sprintf("notified %d %s but the order costs %d %s (grosze)", n.Amount, n.Currency, o.Total, o.Currency)}
		}
		if err != nil {
			return err
		}
		result = outcome
		switch outcome {
		case PaymentApplied:
			m.log.Info("order paid", "order", o.ID, "amount_grosze", int64(n.Amount), "provider", name)
			m.kick()
		case PaymentLate:
			m.log.Warn("payment for an order that is no longer payable: refund it", "order", o.ID, "state", o.State)
		case PaymentDouble:
			m.log.Warn("second payment for an order already paid: refund it", "order", o.ID, "payment", n.PaymentID, "amount_grosze", int64(n.Amount))
		}
	case StatusCanceled:
		ok, err := m.db().Cancel(ctx, o.ID, actor, "payment cancelled by the provider")
		if err != nil {
			return err
		}
		if ok {
			result = "cancelled"
		}
	default:
		if err := m.db().Audit(ctx, o.ID, actor, "payment_status", n.Amount, "status "+n.Status); err != nil {
			return err
		}
	}
	if err := m.db().RememberNotification(ctx, name, digest, o.ID, n.Status); err != nil {
		return err
	}
	return server.WritePrivateJSON(w, http.StatusOK, map[string]string{"status": result})
}

var contentTypes = map[string]string{
	".gpkg":    "application/geopackage+sqlite3",
	".gml":     "application/gml+xml; version=3.2",
	".geojson": "application/geo+json",
	".txt":     "text/plain; charset=utf-8",
}

func (m *manager) download(w http.ResponseWriter, r *http.Request) error {
	key, err := m.signingKey(r.Context())
	if err != nil {
		return err
	}
	t, err := parseToken(key, server.Var(r, "token"))
	if err != nil {
		return &httpError{status: http.StatusForbidden, code: "InvalidToken", detail: "invalid download token"}
	}
	if time.Now().After(t.Expires) {
		return &httpError{status: http.StatusGone, code: "Expired", detail: "this download link expired at " + t.Expires.UTC().Format(time.RFC3339)}
	}
	o, err := m.db().Get(r.Context(), t.Order)
	if err != nil {
		return &httpError{status: http.StatusForbidden, code: "InvalidToken", detail: "invalid download token"}
	}
	if !slices.Contains(o.Files, t.File) || strings.ContainsAny(t.File, `/\`) {
		return &httpError{status: http.StatusNotFound, code: "UnknownFile", detail: "no such file in the order"}
	}
	if r.Method == http.MethodHead {
		if o.State != StateReady && o.State != StateDownloaded {
			return &httpError{status: http.StatusForbidden, code: "NotReleased", detail: "order " + o.ID + " is " + o.State}
		}
		w.Header().Set("Content-Type", contentTypes[filepath.Ext(t.File)])
		return nil
	}
	// The file is opened before the download is counted: a file that cannot
	// be read costs the holder no download.
	content, mod, err := m.files.open(r.Context(), o, t.File)
	if err != nil && o.State != StateReady && o.State != StateDownloaded {
		return &httpError{status: http.StatusForbidden, code: "NotReleased", detail: "order " + o.ID + " is " + o.State + ": nothing is released before payment"}
	}
	if err != nil {
		return err
	}
	defer content.Close()
	maxDl := server.StateFrom(r.Context()).Config.Extracts.MaxDownloads
	n, err := m.db().CountDownload(r.Context(), o.ID, t.File, maxDl, actorOf(r))
	switch {
	case errors.Is(err, ErrExpired):
		return &httpError{status: http.StatusGone, code: "Expired", detail: "the download period of order " + o.ID + " ended"}
	case errors.Is(err, ErrNotReleased):
		return &httpError{status: http.StatusForbidden, code: "NotReleased", detail: "order " + o.ID + " is " + o.State + ": nothing is released before payment"}
	case errors.Is(err, ErrDownloadLimit):
		return &httpError{status: http.StatusGone, code: "DownloadLimit", detail: fmt.Sprintf("%s was already downloaded %d times, the limit", t.File, maxDl)}
	case err != nil:
		return err
	}
	w.Header().Set("Content-Type", contentTypes[filepath.Ext(t.File)])
	w.Header().Set("Content-Disposition", `attachment; filename="`+url.PathEscape(o.ID+"_"+t.File)+`"`)
	w.Header().Set("Cache-Control", "private, no-store")
	w.Header().Set("X-Download-Count", fmt.Sprint(n))
	http.ServeContent(w, r, "", mod, content)
	return nil
}

func (m *manager) kick() {
	select {
	case m.wake <- struct{}{}:
	default:
	}
}

// run is the background generator: at start it resumes every paid order (a
// restart during generation loses nothing), then waits for new payments.
func (m *manager) run() {
	defer close(m.done)
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-m.stop; cancel() }()
	if m.files == nil || !m.open(ctx) {
		return
	}
	tick := time.NewTicker(pollEvery)
	defer tick.Stop()
	for {
		m.generatePaid(ctx)
		if _, err := m.db().ExpireDue(ctx, time.Now()); err != nil && ctx.Err() == nil {
			m.log.Error("expiring orders", "err", err)
		}
		select {
		case <-m.stop:
			return
		case <-m.wake:
		case <-tick.C:
		}
	}
}

func (m *manager) generatePaid(ctx context.Context) {
	ids, err := m.db().ByState(ctx, StatePaid)
	if err != nil {
		if ctx.Err() == nil {
			m.log.Error("listing paid orders", "err", err)
		}
		return
	}
	for _, id := range ids {
		if ctx.Err() != nil {
			return
		}
		if err := m.generateClaimed(ctx, id); err != nil && ctx.Err() == nil {
			m.log.Error("generating extract failed; will retry", "order", id, "err", err)
		}
	}
}

// generateClaimed generates an order when this generator can claim it,
// renewing the claim while it works; an order another replica's generator
// holds is left to it.
func (m *manager) generateClaimed(ctx context.Context, id string) error {
	db := m.db()
	ok, err := db.Claim(ctx, id, m.owner, claimLease)
	if err != nil || !ok {
		return err
	}
	gctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	go func() {
		t := time.NewTicker(claimRenew)
		defer t.Stop()
		for {
			select {
			case <-gctx.Done():
				return
			case <-t.C:
			}
			if ok, err := db.Claim(gctx, id, m.owner, claimLease); err == nil && !ok {
				cancel(errors.New("the claim on the order was lost"))
				return
			}
		}
	}()
	err = m.generateOne(gctx, id)
	if err != nil {
		if c := context.Cause(gctx); c != nil && ctx.Err() == nil {
			err = fmt.Errorf("%w (%v)", err, c)
		}
		db.Release(context.WithoutCancel(ctx), id, m.owner)
	}
	return err
}

func (m *manager) generateOne(ctx context.Context, id string) error {
	o, err := m.db().Get(ctx, id)
	if err != nil {
		return err
	}
	if o.State != StatePaid {
		return nil
	}
	cfg := m.h.Current().Config.Extracts
	lifetime := cfg.TokenLifetime.D()
	// Released files that were renamed into place just before a crash.
	if files, ok := m.files.recovered(id); ok {
		_, err = m.db().MarkReady(ctx, id, files, "", lifetime, "extract found complete after a restart")
		return err
	}
	st := m.h.Current()
	d, ok := st.Dataset(o.Dataset)
	if !ok {
		return fmt.Errorf("dataset %s is not loaded", o.Dataset)
	}
	if err := m.db().Audit(ctx, id, "generator", "generation_started", 0, fmt.Sprintf("%d parcels, formats %v, documents %v", len(o.Quote.Parcels), o.Quote.Formats, o.Quote.Documents)); err != nil {
		return err
	}
	tmp, err := m.files.scratch(id)
	if err != nil {
		return err
	}
	t0 := time.Now()
	files, err := generate(ctx, &source{reader: d.Store, index: d.Index, layers: d.Layers(), config: d.Config}, o, tmp)
	if err != nil {
		os.RemoveAll(tmp)
		return err
	}
	if v := os.Getenv(TestHookGenerateDelay); v != "" {
		if dl, err := time.ParseDuration(v); err == nil {
			m.log.Warn("test hook: pausing before releasing the extract", "order", id, "delay", dl)
			select {
			case <-time.After(dl):
			case <-ctx.Done():
				return ctx.Err()
			}
		}
	}
	loc, err := m.files.publish(ctx, id, tmp, files)
	if err != nil {
		return err
	}
	ok, err = m.db().MarkReady(ctx, id, files, loc, lifetime, fmt.Sprintf("files %s in %s", strings.Join(files, ", "), time.Since(t0).Round(time.Millisecond)))
	if err != nil || !ok {
		// Released by another generator meanwhile (or not at all): these
		// files are nobody's.
		m.files.discard(ctx, id, loc)
		return err
	}
	m.log.Info("extract ready", "order", id, "files", len(files), "took", time.Since(t0).Round(time.Millisecond))
	return nil
}
