package server

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/gorilla/mux"
)

// mountFunc is a Service made of one Mount function.
type mountFunc func(r *mux.Router, h *Host)

func (mountFunc) Name() string                   { return "routes" }
func (f mountFunc) Mount(r *mux.Router, h *Host) { f(r, h) }

func answer(s string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte(s))
	}
}

// TestFixedRoutes: the fixed-route table answers exactly what the router would,
// and an earlier route keeps the methods it takes.
func TestFixedRoutes(t *testing.T) {
	ts := start(t, baseConfig(t), mountFunc(func(r *mux.Router, h *Host) {
		r.HandleFunc("/first", answer("earlier GET")).Methods(http.MethodGet)
		h.Fixed(r.HandleFunc("/first", answer("fixed")).Methods(http.MethodGet, http.MethodPost))
		h.Fixed(r.Handle("/any", answer("any method")))
	}))

	table := ts.handler.(*coreHandler).fixed
	methods := func(p string) string {
		var m []string
		for _, f := range table[p] {
			m = append(m, f.method)
		}
		return strings.Join(m, ",")
	}
	for p, want := range map[string]string{"/healthz": "GET,HEAD", "/first": "POST", "/any": "", "/metrics": "GET"} {
		if _, ok := table[p]; !ok {
			t.Errorf("%s is not in the fixed table", p)
		} else if got := methods(p); got != want {
			t.Errorf("%s: fixed methods %q, want %q", p, got, want)
		}
	}
	if _, ok := table["/api/datasets/{name}"]; ok {
		t.Error("a route with variables is in the fixed table")
	}

	for _, tc := range []struct{ method, path, want string }{
		{http.MethodGet, "/first", "earlier GET"}, // the router's earlier route
		{http.MethodPost, "/first", "fixed"},
		{http.MethodPut, "/any", "any method"},
		{http.MethodGet, "/healthz", "ok\n"},
	} {
		resp, body := do(t, tc.method, ts.URL+tc.path, nil)
		if resp.StatusCode != 200 || body != tc.want {
			t.Errorf("%s %s: %d %q, want %q", tc.method, tc.path, resp.StatusCode, body, tc.want)
		}
	}
	// A method the fixed route does not take goes to the router: 405.
	resp, body := do(t, http.MethodDelete, ts.URL+"/healthz", nil)
	wantStatus(t, resp, body, http.StatusMethodNotAllowed, "text/plain")
}

// TestFixedRouteMustBeLiteral: marking a prefix or a templated route fixed is a
// programming error that stops the server from starting.
func TestFixedRouteMustBeLiteral(t *testing.T) {
	for name, mount := range map[string]mountFunc{
		"prefix":   func(r *mux.Router, h *Host) { h.Fixed(r.PathPrefix("/pre").Handler(answer("x"))) },
		"template": func(r *mux.Router, h *Host) { h.Fixed(r.Handle("/t/{id}", answer("x"))) },
	} {
		s, err := New(baseConfig(t), quietLogger(), Options{Services: []Service{mount}})
		if err == nil {
			s.Shutdown(context.Background())
			t.Errorf("%s: New accepted a non-literal fixed route", name)
		}
	}
}
