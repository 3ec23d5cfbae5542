package server

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gorilla/mux"
	"github.com/paulmach/orb"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/gpkg"
)

var bg = context.Background()

func square(x, y, s float64) orb.MultiPolygon {
	return orb.MultiPolygon{{{{x, y}, {x + s, y}, {x + s, y + s}, {x, y + s}, {x, y}}}}
}

// parcel i of a test county: a 20 m square on a grid, parcel id 100301_1.0001.<i>/4.
func parcel(i int) *store.Object {
	x := 500000 + float64(i%100)*25
	y := 600000 + float64(i/100)*25
	return &store.Object{
		Layer: "dzialki", ID: fmt.Sprintf("00000000-0000-4000-8000-%012d", i), Namespace: "PL.PZGiK.1003.EGiB", Version: "2021-05-04T10:00:00",
		StartObject: time.Date(2021, 5, 4, 10, 0, 0, 0, time.UTC), StartVersion: time.Date(2021, 5, 4, 10, 0, 0, 0, time.UTC),
		Geometry: square(x, y, 20),
		Attrs: map[string]any{"id_dzialki": fmt.Sprintf("100301_1.0001.%d/4", i), "numer_dzialki": fmt.Sprintf("%d/4", i),
			"id_obrebu": "100301_1.0001", "pole_ewidencyjne": 0.04, "numer_kw": "LD1M/00012345/6"},
	}
}

func point(i int) *store.Object {
	return &store.Object{
		Layer: "punkty", ID: fmt.Sprintf("10000000-0000-4000-8000-%012d", i), Namespace: "PL.PZGiK.1003.EGiB", Version: "2021-05-04T10:00:00",
		StartObject: time.Date(2021, 5, 4, 10, 0, 0, 0, time.UTC), StartVersion: time.Date(2021, 5, 4, 10, 0, 0, 0, time.UTC),
		Geometry: orb.Point{500000 + float64(i), 600000},
		Attrs:    map[string]any{"id_punktu": fmt.Sprintf("P.%d", i)},
	}
}

// makeStore creates a real GeoPackage holding n parcels and 3 boundary points.
func makeStore(t testing.TB, dir, name string, n int) string {
	t.Helper()
	p := filepath.Join(dir, name+".gpkg")
	s, err := gpkg.Create(p, name, store.EGiBLayers)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var objs []*store.Object
	for i := range n {
		objs = append(objs, parcel(i))
	}
	for i := range 3 {
		objs = append(objs, point(i))
	}
	putObjects(t, s, objs...)
	return p
}

func putObjects(t testing.TB, s store.Store, objs ...*store.Object) {
	t.Helper()
	tx, err := s.Begin(bg)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range objs {
		if _, err := tx.Put(bg, o); err != nil {
			tx.Rollback()
			t.Fatalf("put %s: %v", o.ID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

// testService mounts routes that exercise the core's policies.
type testService struct {
	release chan struct{}
	entered *atomic.Int32 // counts the slow requests that reached their handler (nil: not counted)
}

// waitEntered waits until n slow requests have reached their handler: on a
// loaded machine a fixed pause does not tell that the clients' requests are
// in flight.
func (ts testService) waitEntered(t *testing.T, n int32) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for ts.entered.Load() < n {
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d slow requests reached the server in 20 s", ts.entered.Load(), n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func (testService) Name() string { return "test" }

func (ts testService) Mount(r *mux.Router, h *Host) {
	push := r.Path("/sync/{name}/push").Subrouter()
	push.Use(h.RequireRole(config.RoleSync))
	push.Methods(http.MethodPost).HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := ReadBody(r)
		if err != nil {
			WriteErr(w, r, err)
			return
		}
		fmt.Fprintf(w, "accepted %d bytes for %s\n", len(body), Var(r, "name"))
	})
	r.Handle("/uldk/expensive", h.Expensive(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "0\nok\n")
	})))
	// A handler that ignores its context: only the core's timeout can answer.
	r.HandleFunc("/wms/stuck", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-ts.release:
		case <-time.After(5 * time.Second):
		}
		io.WriteString(w, "too late")
	})
	// One that starts its response, then hangs ignoring its context: the core
	// must cut the connection rather than leave the client waiting.
	r.HandleFunc("/wms/stuck-streaming", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		io.WriteString(w, "partial")
		http.NewResponseController(w).Flush()
		select {
		case <-ts.release:
		case <-time.After(5 * time.Second):
		}
		io.WriteString(w, "too late")
	})
	// A slow request that uses its dataset at the end (reload and shutdown tests).
	r.HandleFunc("/api/slow/{name}", func(w http.ResponseWriter, r *http.Request) {
		if ts.entered != nil {
			ts.entered.Add(1)
		}
		time.Sleep(300 * time.Millisecond)
		d, ok := h.Dataset(r, Var(r, "name"))
		if !ok {
			WriteError(w, r, Errorf(http.StatusNotFound, "no dataset"))
			return
		}
		n, err := d.Store.Count(r.Context(), store.Query{Layer: "dzialki"})
		if err != nil {
			WriteErr(w, r, err)
			return
		}
		fmt.Fprintf(w, "%d", n)
	})
	// Pre-compressed bytes (as tiles will send).
	r.HandleFunc("/tiles/pre", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/vnd.mapbox-vector-tile")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write([]byte("\x1f\x8b pretend this is gzip " + strings.Repeat("x", 2000)))
	})
}

type testServer struct {
	*Server
	URL  string
	done chan error
}

func quietLogger() *slog.Logger {
	return slog.New(slog.NewTextHandler(io.Discard, &slog.HandlerOptions{Level: slog.LevelError}))
}

// protocols stands in for the services of the sip program, which this
// package cannot import: it declares their URL prefixes and error formats
// (as wms, features, tiles, parcels, datasync, extracts and web do) and
// mounts nothing, so that the core's errors under them come in their
// formats, and a prefix no test service mounts is a service this server
// lacks (501).
type protocols struct{}

func (protocols) Name() string             { return "protocols" }
func (protocols) Mount(*mux.Router, *Host) {}
func (protocols) Prefixes() []Prefix {
	return []Prefix{
		{Path: "wms", Errors: WMSException}, {Path: "ows", Errors: WMSException},
		{Path: "wfs", Errors: OWSException}, {Path: "ows", Service: "WFS", Errors: OWSException},
		{Path: "ogc", Errors: ProblemJSON}, {Path: "tiles", Errors: ProblemJSON},
		{Path: "uldk", Errors: PlainText}, {Path: "sync", Errors: ProblemJSON},
		{Path: "download", Errors: ProblemJSON}, {Path: "", Label: "viewer", Errors: HTMLPage},
	}
}

// start runs a real server on a loopback port, with the test's services and
// the protocols' prefixes.
func start(t testing.TB, cfg *config.Config, svc ...Service) *testServer {
	t.Helper()
	return startOptions(t, cfg, Options{Services: svc})
}

// startOptions is start with options (the protocols are added).
func startOptions(t testing.TB, cfg *config.Config, opts Options) *testServer {
	t.Helper()
	opts.Services = append([]Service{protocols{}}, opts.Services...)
	s, err := New(cfg, quietLogger(), opts)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ts := &testServer{Server: s, URL: "http://" + ln.Addr().String(), done: make(chan error, 1)}
	go func() { ts.done <- s.Serve(ln) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(bg, 5*time.Second)
		defer cancel()
		s.Shutdown(ctx)
	})
	return ts
}

// baseConfig hosts a county (200 parcels) and a gmina (10 parcels).
func baseConfig(t testing.TB) *config.Config {
	t.Helper()
	dir := t.TempDir()
	county := makeStore(t, dir, "county", 200)
	gmina := makeStore(t, dir, "gmina", 10)
	yaml := fmt.Sprintf(`
datasets:
  - name: county
    store: %s
    title: Powiat Testowy
    layers:
      - name: dzialki
        attributes: [id_dzialki, numer_dzialki, pole_ewidencyjne]
      - name: budynki
      - name: punkty
        public: false
  - name: gmina
    store: %s
auth:
  keys:
    - {name: sync-gmina, hash: %s, roles: [sync], datasets: [gmina]}
    - {name: sync-all, hash: %s, roles: [sync]}
    - {name: editor, hash: %s, roles: [editor]}
    - {name: prometheus, hash: %s, roles: [metrics]}
limits:
  max_body: 1KB
  request_timeout: 1s
  write_timeout: 10s
  rate_limit: {rate: 1, burst: 2}
cors:
  origins: ["https://viewer.example"]
index:
  poll_interval: 50ms
`, county, gmina, config.HashKey("key-sync-gmina"), config.HashKey("key-sync-all"), config.HashKey("key-editor"), config.HashKey("key-metrics"))
	cfg, err := config.Parse([]byte(yaml), "")
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func get(t testing.TB, url string, hdr ...string) (*http.Response, string) {
	t.Helper()
	return do(t, http.MethodGet, url, nil, hdr...)
}

func do(t testing.TB, method, url string, body io.Reader, hdr ...string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	tr := &http.Transport{DisableCompression: true}
	defer tr.CloseIdleConnections()
	resp, err := (&http.Client{Transport: tr, Timeout: 10 * time.Second}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}

func storeQuery(layer string) store.Query { return store.Query{Layer: layer} }

func contextWithTimeout(d time.Duration) (context.Context, context.CancelFunc) {
	return context.WithTimeout(bg, d)
}
