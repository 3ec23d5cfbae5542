package server

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/server/metrics"
)

// serveMetrics answers /metrics on the public listener: every series to a key
// with the role metrics (or admin); to anyone else, when metrics.public allows,
// the series that name no layer hidden from the public; else 401 or 403.
func (h *Host) serveMetrics(w http.ResponseWriter, r *http.Request) {
	st := h.State(r)
	full := PrincipalFrom(r.Context()).Has(config.RoleMetrics)
	if !full && !st.Config.Metrics.Public {
		WriteError(w, r, Authorize(r, config.RoleMetrics, ""))
		return
	}
	w.Header().Set("Content-Type", metrics.ContentType)
	w.Header().Set("Cache-Control", "no-store")
	if full {
		h.metrics.WriteText(w)
		return
	}
	h.metrics.WriteTextFunc(w, publicSeries(st))
}

// publicSeries keeps a series unless it names, in a "layer" label, a layer the
// public cannot read: a series labelled with a dataset too must name a public
// layer of that dataset; one without, a public layer of any dataset. Series of
// layers that are not published, not public, or not layers at all (WMS's
// numery_dzialek) are left out.
func publicSeries(st *State) func(labels, values []string) bool {
	inDataset := map[[2]string]bool{}
	anywhere := map[string]bool{}
	for _, d := range st.Datasets() {
		for _, l := range d.Layers() {
			if lc, _ := d.Config.Layer(l.Name); lc.IsPublic() {
				inDataset[[2]string{d.Name, l.Name}] = true
				anywhere[l.Name] = true
			}
		}
	}
	return func(labels, values []string) bool {
		dataset, layer := -1, -1
		for i, l := range labels {
			switch l {
			case "dataset":
				dataset = i
			case "layer":
				layer = i
			}
		}
		switch {
		case layer < 0 || values[layer] == "":
			return true
		case dataset >= 0:
			return inDataset[[2]string{values[dataset], values[layer]}]
		default:
			return anywhere[values[layer]]
		}
	}
}

// metricsListener serves /metrics alone on metrics.listen: every series,
// without a key, for a Prometheus on the host or the internal network.
type metricsListener struct {
	mu  sync.Mutex
	srv *http.Server
}

func (h *Host) metricsHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /metrics", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", metrics.ContentType)
		w.Header().Set("Cache-Control", "no-store")
		h.metrics.WriteText(w)
	})
	return mux
}

// ServeMetrics serves the metrics listener on ln until Shutdown; it returns
// nil after a shutdown.
func (s *Server) ServeMetrics(ln net.Listener) error {
	srv := &http.Server{Handler: s.host.metricsHandler(), ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout: 30 * time.Second, WriteTimeout: 30 * time.Second, IdleTimeout: 2 * time.Minute,
		ErrorLog: slog.NewLogLogger(s.host.logger.Handler(), slog.LevelWarn)}
	s.metricsLn.mu.Lock()
	s.mu.Lock()
	closed := s.closed
	s.mu.Unlock()
	if closed {
		s.metricsLn.mu.Unlock()
		return nil
	}
	s.metricsLn.srv = srv
	s.metricsLn.mu.Unlock()
	s.host.logger.Info("serving metrics", "url", "http://"+ln.Addr().String()+"/metrics")
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func (m *metricsListener) shutdown(ctx context.Context) {
	m.mu.Lock()
	srv := m.srv
	m.mu.Unlock()
	if srv != nil && srv.Shutdown(ctx) != nil {
		srv.Close()
	}
}
