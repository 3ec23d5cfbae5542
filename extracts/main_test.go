package extracts

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/sip-core/sip/synth/synthstore"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/server"
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/gpkg"
	"github.com/sip-core/sip/store/postgis/postgistest"
)

// The package fixture: a synthetic county ingested once into a real GeoPackage,
// served with the extracts service by a real server on loopback.
const fixtureParcels = 400

const (
	adminKey      = "sip_test_admin_key_for_extracts_0123456789"
	webhookSecret = "whsec_0123456789abcdef0123456789abcdef"
	webhookEnv    = "SIP_EXTRACTS_TEST_PAYU_SECRET"
)

var fx struct {
	dir    string
	gpkg   string
	url    string
	srv    *server.Server
	svc    *Service
	store  store.Store
	config string // YAML of the fixture server (dataset store, fees, extracts)
}

func TestMain(m *testing.M) {
	code, err := runMain(m)
	if err != nil {
		fmt.Fprintln(os.Stderr, "extracts fixture:", err)
		os.Exit(1)
	}
	os.Exit(code)
}

func fixtureConfig(gpkgPath, ordersPath string, maxParcels int) string {
	return fmt.Sprintf(`
datasets:
  - name: county
    store: %s
    title: Powiat Testowy
index:
  poll_interval: 20ms
limits:
  rate_limit: {rate: 0, burst: 1}
auth:
  keys:
    - {name: office, hash: %s, roles: [admin]}
fees:
  currency: PLN
  items:
    - {document: wypis_rejestr_gruntow_bez_danych_osobowych, printed: 30, electronic: 24, unit: jednostka_rejestrowa, basis: "Lp. 2 tabeli załącznika do ustawy Pgik"}
    - {document: wypis_wyrys, printed: 150, electronic: "140.00", unit: dokument, basis: "Lp. 3"}
    - {document: wyrys, printed: 110, electronic: 10500 gr, unit: dokument, factor: 0.5, basis: "Lp. 4"}
    - {document: wypis_kartoteka_budynkow, printed: 20, electronic: 15, unit: pozycja}
extracts:
  orders: %s
  max_downloads: 2
  max_parcels: %d
  max_area_ha: 2000
  providers:
    - {name: manual, type: manual}
    - {name: payu, type: webhook, secret_env: %s, signature_header: OpenPayu-Signature, pay_url: "https://pay.example/checkout/{order}?amount={amount}"}
`, gpkgPath, config.HashKey(adminKey), ordersPath, maxParcels, webhookEnv)
}

func runMain(m *testing.M) (int, error) {
	os.Setenv(webhookEnv, webhookSecret)
	dir, err := os.MkdirTemp("", "extracts-test-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(dir)
	fx.dir = dir
	fx.gpkg, _, err = synthstore.Build(context.Background(), dir, synthstore.Options{Parcels: fixtureParcels, Seed: 9})
	if err != nil {
		return 0, err
	}
	fx.config = fixtureConfig(fx.gpkg, filepath.Join(dir, "orders", "orders.sqlite"), 300)
	cfg, err := config.Parse([]byte(fx.config), "")
	if err != nil {
		return 0, err
	}
	fx.svc = NewService()
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	if os.Getenv("SIP_TEST_LOG") != "" {
		logger = slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	srv, err := server.New(cfg, logger, server.Options{Services: []server.Service{fx.svc}, NoRegistered: true})
	if err != nil {
		return 0, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	go srv.Serve(ln)
	fx.srv, fx.url = srv, "http://"+ln.Addr().String()
	defer func() {
		fx.svc.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	}()
	if fx.store, err = gpkg.Open(fx.gpkg); err != nil {
		return 0, err
	}
	defer fx.store.Close()
	return postgistest.Main(m), nil
}

var client = &http.Client{Timeout: 30 * time.Second}

type response struct {
	status int
	header http.Header
	body   []byte
}

func (r response) json(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("status %d: not JSON: %v\n%s", r.status, err, r.body)
	}
}

// problem decodes an RFC 9457 problem and checks its status and code.
func (r response) problem(t testing.TB, status int, code string) string {
	t.Helper()
	if r.status != status {
		t.Fatalf("status %d, want %d: %s", r.status, status, r.body)
	}
	if ct := r.header.Get("Content-Type"); ct != "application/problem+json" {
		t.Fatalf("content type %q: %s", ct, r.body)
	}
	var p struct {
		Code, Detail string
	}
	r.json(t, &p)
	if p.Code != code {
		t.Fatalf("code %q, want %q (%s)", p.Code, code, p.Detail)
	}
	return p.Detail
}

func do(t testing.TB, method, url string, body []byte, hdr ...string) response {
	t.Helper()
	req, err := http.NewRequest(method, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{resp.StatusCode, resp.Header, b}
}

func post(t testing.TB, path string, v any, hdr ...string) response {
	t.Helper()
	var b []byte
	switch v := v.(type) {
	case string:
		b = []byte(v)
	case []byte:
		b = v
	default:
		var err error
		if b, err = json.Marshal(v); err != nil {
			t.Fatal(err)
		}
	}
	return do(t, http.MethodPost, fx.url+path, b, hdr...)
}

func str(o *store.Object, k string) string {
	s, _ := o.Attrs[k].(string)
	return s
}

// currentParcels reads every current parcel from the store, sorted by id.
func currentParcels(t testing.TB) []*store.Object {
	t.Helper()
	var out []*store.Object
	err := fx.store.Query(context.Background(), store.Query{Layer: "dzialki"}, func(r store.Row) error {
		out = append(out, r.Object)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(out, func(i, j int) bool { return str(out[i], "id_dzialki") < str(out[j], "id_dzialki") })
	return out
}

// buildingsOn counts the current buildings that the store links to one of the
// parcels (budynki.dzialki holds the lokalnyId of the parcels built on).
func buildingsOn(t testing.TB, parcels []*store.Object) int {
	t.Helper()
	ids := map[string]bool{}
	for _, p := range parcels {
		ids[p.ID] = true
	}
	n := 0
	err := fx.store.Query(context.Background(), store.Query{Layer: "budynki"}, func(r store.Row) error {
		for _, id := range strings.Split(str(r.Object, "dzialki"), ";") {
			if ids[id] {
				n++
				break
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func parcelIDs(ps []*store.Object) []string {
	var out []string
	for _, p := range ps {
		out = append(out, str(p, "id_dzialki"))
	}
	return out
}

// order reads an order's JSON view.
func fetchOrder(t testing.TB, id string) orderView {
	t.Helper()
	r := do(t, http.MethodGet, fx.url+"/api/extracts/orders/"+id, nil)
	if r.status != 200 {
		t.Fatalf("order %s: %d %s", id, r.status, r.body)
	}
	var v orderView
	r.json(t, &v)
	return v
}

// waitState polls an order until it reaches state.
func waitState(t testing.TB, id, state string) orderView {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		v := fetchOrder(t, id)
		if v.State == state {
			return v
		}
		if time.Now().After(deadline) {
			t.Fatalf("order %s stayed %s, want %s", id, v.State, state)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func auditOf(t testing.TB, base, id string) []AuditEntry {
	t.Helper()
	r := do(t, http.MethodGet, base+"/api/extracts/orders/"+id+"/audit", nil, "Authorization", "Bearer "+adminKey)
	if r.status != 200 {
		t.Fatalf("audit: %d %s", r.status, r.body)
	}
	var a struct{ Entries []AuditEntry }
	r.json(t, &a)
	return a.Entries
}

func countActions(entries []AuditEntry, action string) int {
	n := 0
	for _, e := range entries {
		if e.Action == action {
			n++
		}
	}
	return n
}
