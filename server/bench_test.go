package server

import (
	"context"
	"io"
	"net"
	"net/http"
	"testing"

	"github.com/gorilla/mux"
)

// Benchmarks go through a real loopback server with keep-alive connections, as
// wrk does; BenchmarkBaseline is a bare net/http handler for comparison. Compare
// ns/op: the core's overhead is the difference. (No timings in pass/fail tests.)

func benchGet(b *testing.B, url string) {
	tr := &http.Transport{MaxIdleConnsPerHost: 64, DisableCompression: true}
	defer tr.CloseIdleConnections()
	c := &http.Client{Transport: tr}
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			resp, err := c.Get(url)
			if err != nil {
				b.Error(err)
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				b.Errorf("status %d", resp.StatusCode)
				return
			}
		}
	})
}

func benchServer(b *testing.B) *testServer {
	cfg := baseConfig(b)
	f := false
	cfg.Log.Access = &f
	return start(b, cfg)
}

// healthzHandler is what the /healthz route does, without the core.
var healthzHandler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	hdr.Set("Content-Type", "text/plain; charset=utf-8")
	hdr.Set("Cache-Control", "no-store")
	hdr.Set("Content-Length", "3")
	w.Write([]byte("ok\n"))
})

func BenchmarkBaseline(b *testing.B) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	srv := &http.Server{Handler: healthzHandler}
	go srv.Serve(ln)
	defer srv.Close()
	benchGet(b, "http://"+ln.Addr().String()+"/healthz")
}

func BenchmarkHealthz(b *testing.B) {
	ts := benchServer(b)
	benchGet(b, ts.URL+"/healthz")
}

func BenchmarkDataset(b *testing.B) {
	ts := benchServer(b)
	benchGet(b, ts.URL+"/api/datasets/county")
}

func BenchmarkFeature(b *testing.B) {
	ts := benchServer(b)
	benchGet(b, ts.URL+"/api/datasets/county/layers/dzialki/features/100301_1.0001.123%2F4")
}

// nullWriter is a minimal ResponseWriter for in-process handler benchmarks.
type nullWriter struct{ h http.Header }

func (w *nullWriter) Header() http.Header         { return w.h }
func (w *nullWriter) Write(p []byte) (int, error) { return len(p), nil }
func (w *nullWriter) WriteHeader(int)             {}

// BenchmarkCoreHandler measures what the core adds in process, without the
// network: the healthz route through the whole core vs the bare handler.
func BenchmarkCoreHandler(b *testing.B) {
	bare := healthzHandler
	cfg := baseConfig(b)
	f := false
	cfg.Log.Access = &f
	// The bare handler again, on a route under limits.request_timeout (the
	// service routes are; /healthz is not): "timed" - "healthz" is what the
	// timeout watchdog costs.
	ts := start(b, cfg, mountFunc(func(r *mux.Router, h *Host) {
		h.Fixed(r.Handle("/api/ok", bare).Methods(http.MethodGet))
	}))
	sweeper := newDeadlines()
	defer sweeper.close()
	for _, tc := range []struct {
		name string
		h    http.Handler
		path string
	}{{"bare", bare, "/healthz"}, {"healthz", ts.Handler(), "/healthz"}, {"timed", ts.Handler(), "/api/ok"},
		{"dataset", ts.Handler(), "/api/datasets/county"},
		// A store read (dataset and feature run under the timeout watchdog).
		{"feature", ts.Handler(), "/api/datasets/county/layers/dzialki/features/100301_1.0001.123%2F4"}} {
		b.Run(tc.name, func(b *testing.B) {
			req, _ := http.NewRequest(http.MethodGet, "http://127.0.0.1"+tc.path, nil)
			// As on a connection of the server's listener (the timeout watchdog
			// is the connection sweeper there).
			req = req.WithContext(context.WithValue(req.Context(), connKey{}, &deadlineConn{d: sweeper}))
			req.RemoteAddr = "127.0.0.1:1234"
			b.ReportAllocs()
			for b.Loop() {
				w := &nullWriter{h: http.Header{}}
				tc.h.ServeHTTP(w, req)
			}
		})
	}
}
