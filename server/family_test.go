package server

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gorilla/mux"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/store"
)

// reportErrors is an error format the core does not know: one line with
// its own media type.
type reportErrors struct{}

func (reportErrors) WriteError(w http.ResponseWriter, r *http.Request, e *Error) {
	h := w.Header()
	h.Set("Content-Type", "application/x-report-error")
	if e.RetryAfter > 0 {
		h.Set("Retry-After", strconv.Itoa(int(e.RetryAfter/time.Second)))
	}
	w.WriteHeader(e.Status)
	fmt.Fprintf(w, "report-error %d: %s\n", e.Status, e.Detail)
}

// reports is a service that declares /reports in its own format, and a
// shared prefix /kvp for SERVICE=ALPHA, where it mounts nothing.
type reports struct{ release chan struct{} }

func (reports) Name() string { return "reports" }

func (reports) Prefixes() []Prefix {
	return []Prefix{{Path: "reports", Errors: reportErrors{}, Label: "resident-reports"},
		{Path: "kvp", Service: "alpha", Errors: reportErrors{}}, {Path: "kvp", Errors: PlainText}}
}

func (s reports) Mount(r *mux.Router, h *Host) {
	r.HandleFunc("/reports/count", func(w http.ResponseWriter, r *http.Request) {
		d, _ := h.Dataset(r, "county")
		n, err := d.Store.Count(r.Context(), store.Query{Layer: "dzialki"})
		if err != nil {
			WriteErr(w, r, err)
			return
		}
		fmt.Fprintf(w, "%d\n", n)
	}).Methods(http.MethodGet)
	r.HandleFunc("/reports/post", func(w http.ResponseWriter, r *http.Request) {
		if _, err := ReadBody(r); err != nil {
			WriteErr(w, r, err)
		}
	}).Methods(http.MethodPost)
	r.Handle("/reports/expensive", h.Expensive(answer("ok")))
	r.HandleFunc("/reports/stuck", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-s.release:
		case <-time.After(5 * time.Second):
		}
	})
}

// flaky is a store whose change log stops answering while down is set, as a
// database does when it goes away: the server marks its dataset down.
type flaky struct {
	store.Store
	down *atomic.Bool
}

func (f flaky) Revision(ctx context.Context) (int64, error) {
	if f.down.Load() {
		return 0, fmt.Errorf("test: connection refused: %w", store.ErrUnavailable)
	}
	return f.Store.Revision(ctx)
}

// A service that declares a prefix and an error format gets every error
// under it in that format, the core's own included: 401, 404, 405, 408 for a
// body that stopped coming, 413, 429, the 503 of a timeout and the 503 while its dataset's store is down; a
// shared prefix picks the format by SERVICE.
func TestDeclaredPrefixErrors(t *testing.T) {
	var down atomic.Bool
	open := func(ctx context.Context, dsn string) (store.Store, error) {
		s, err := store.Open(ctx, dsn)
		if err != nil {
			return nil, err
		}
		return flaky{Store: s, down: &down}, nil
	}
	release := make(chan struct{})
	defer close(release)
	cfg := baseConfig(t)
	cfg.Limits.ReadTimeout = config.Duration(time.Second)
	cfg.Limits.RequestTimeout = config.Duration(3 * time.Second)
	ts := startOptions(t, cfg, Options{Open: open, Services: []Service{reports{release: release}}})

	resp, body := get(t, ts.URL+"/reports/count")
	wantStatus(t, resp, body, 200, "")
	if body != "200\n" {
		t.Fatalf("count: %q", body)
	}
	report := func(resp *http.Response, body string, status int, detail string) {
		t.Helper()
		wantStatus(t, resp, body, status, "application/x-report-error")
		if want := fmt.Sprintf("report-error %d: ", status); !strings.HasPrefix(body, want) || !strings.Contains(body, detail) {
			t.Errorf("%s: %q, want %q…%q", resp.Request.URL.Path, body, want, detail)
		}
	}
	resp, body = get(t, ts.URL+"/reports/nope")
	report(resp, body, 404, "no resource at /reports/nope")
	resp, body = do(t, http.MethodDelete, ts.URL+"/reports/count", nil)
	report(resp, body, 405, "method DELETE is not allowed")
	resp, body = get(t, ts.URL+"/reports/count", "X-API-Key", "forged")
	report(resp, body, 401, "not valid")
	resp, body = do(t, http.MethodPost, ts.URL+"/reports/post", strings.NewReader(strings.Repeat("x", 4096)))
	report(resp, body, 413, "exceeds the limit of 1024 bytes")
	for range 3 {
		resp, body = get(t, ts.URL+"/reports/expensive")
	}
	report(resp, body, 429, "rate limit exceeded")
	resp, body = slowPost(t, ts.URL, "/reports/post", 1000)
	report(resp, body, 408, "1 of 1000 bytes came within limits.read_timeout (1s)")
	resp, body = get(t, ts.URL+"/reports/stuck")
	report(resp, body, 503, "")
	if resp.Header.Get("Retry-After") == "" {
		t.Error("timeout without Retry-After")
	}

	// A shared prefix: the SERVICE value (any case) picks the format of the
	// declaration that claims it, the prefix's default the rest.
	resp, body = get(t, ts.URL+"/kvp?Service=Alpha")
	report(resp, body, 501, "the kvp service is not available in this server")
	resp, body = get(t, ts.URL+"/kvp?service=beta")
	wantStatus(t, resp, body, 501, "text/plain")
	if !strings.HasPrefix(body, "-1 the kvp service is not available") {
		t.Errorf("kvp default: %q", body)
	}

	// The store goes away: the service's routes answer 503 in its format,
	// another protocol's in its own, the core's cheap routes stay up.
	down.Store(true)
	waitStatus(t, ts.URL+"/reports/count", 503)
	resp, body = get(t, ts.URL+"/reports/count")
	report(resp, body, 503, "the store of dataset county cannot be reached")
	if resp.Header.Get("Retry-After") != "5" {
		t.Errorf("store down: Retry-After %q", resp.Header.Get("Retry-After"))
	}
	resp, body = get(t, ts.URL+"/wms?SERVICE=WMS&REQUEST=GetCapabilities")
	wantStatus(t, resp, body, 503, "text/xml")
	if !strings.Contains(body, `code="StoreUnavailable"`) {
		t.Errorf("wms while the store is down: %s", body)
	}
	resp, body = get(t, ts.URL+"/healthz")
	wantStatus(t, resp, body, 200, "text/plain")
	down.Store(false)
	waitStatus(t, ts.URL+"/reports/count", 200)

	// Requests under the declared prefix carry its label in the metrics.
	resp, body = get(t, ts.URL+"/metrics", "X-API-Key", "key-metrics")
	wantStatus(t, resp, body, 200, "")
	for _, series := range []string{`sip_http_requests_total{service="resident-reports",code="503"}`,
		`sip_http_rate_limited_total{service="resident-reports"}`, `sip_http_requests_total{service="kvp",code="501"} 2`} {
		if !strings.Contains(body, series) {
			t.Errorf("metrics lack %s", series)
		}
	}
}

// slowPost sends the headers of a POST with a body of n bytes, and one byte
// of it, through a raw connection.
func slowPost(t *testing.T, base, path string, n int) (*http.Response, string) {
	t.Helper()
	c, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fmt.Fprintf(c, "POST %s HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\nx", path, n)
	c.SetReadDeadline(time.Now().Add(20 * time.Second))
	req, _ := http.NewRequest(http.MethodPost, base+path, nil)
	resp, err := http.ReadResponse(bufio.NewReader(c), req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

// waitStatus polls url until it answers status (the store's state follows
// within index.poll_interval).
func waitStatus(t *testing.T, url string, status int) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		resp, body := get(t, url)
		if resp.StatusCode == status {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: %d after 20 s, want %d: %s", url, resp.StatusCode, status, body)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Declarations that disagree on a prefix's format or label stop the server
// from starting; ones that agree share the prefix.
func TestDeclarationsConflict(t *testing.T) {
	declare := func(ps ...Prefix) Service { return declaring{mountFunc(func(*mux.Router, *Host) {}), ps} }
	for name, tc := range map[string]struct {
		services []Service
		ok       bool
	}{
		"agree": {[]Service{declare(Prefix{Path: "ows", Errors: WMSException}),
			declare(Prefix{Path: "ows", Service: "WFS", Errors: OWSException}, Prefix{Path: "ows", Errors: WMSException})}, true},
		"format": {[]Service{declare(Prefix{Path: "ogc", Errors: ProblemJSON}), declare(Prefix{Path: "ogc", Errors: HTMLPage})}, false},
		"service format": {[]Service{declare(Prefix{Path: "ows", Service: "WFS", Errors: OWSException}),
			declare(Prefix{Path: "ows", Service: "wfs", Errors: WMSException})}, false},
		"label":      {[]Service{declare(Prefix{Path: "uldk", Errors: PlainText}), declare(Prefix{Path: "uldk", Label: "parcels", Errors: PlainText})}, false},
		"core":       {[]Service{declare(Prefix{Path: "api", Errors: HTMLPage})}, false},
		"no format":  {[]Service{declare(Prefix{Path: "x"})}, false},
		"two levels": {[]Service{declare(Prefix{Path: "a/b", Errors: PlainText})}, false},
	} {
		s, err := New(baseConfig(t), quietLogger(), Options{Services: tc.services})
		if err == nil {
			s.Shutdown(context.Background())
		}
		if (err == nil) != tc.ok {
			t.Errorf("%s: New: %v", name, err)
		}
	}
}

type declaring struct {
	mountFunc
	prefixes []Prefix
}

func (d declaring) Prefixes() []Prefix { return d.prefixes }
