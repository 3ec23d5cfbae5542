package features

import (
	"net/http"
	"strings"

	"github.com/gorilla/mux"

	"github.com/sip-core/sip/server"
)

var sharedCatalog = &catalog{}

type service struct{}

func (service) Name() string { return "features" }

// Mount registers /wfs, /ows for SERVICE=WFS, and the OGC API – Features routes
// (exact paths and templates only, so other /ogc services can mount beside them).
func (service) Mount(r *mux.Router, h *server.Host) {
	if st := h.Current(); st != nil {
		featCache.setBudget(int64(st.Config.Cache.Features))
	}
	featCache.setMetrics(h.Metrics())
	wh := WFSHandler(h) // rate-limits its GetFeature / GetPropertyValue itself
	r.Handle("/wfs", wh).Methods(http.MethodGet, http.MethodHead, http.MethodPost)
	r.Handle("/ows", wh).Methods(http.MethodGet, http.MethodHead).MatcherFunc(IsWFSRequest)
	(&ogcAPI{h: h, cat: sharedCatalog}).mount(r)
}

// Reload implements server.Reloader: the feature cache follows cache.features
// and forgets the datasets that were replaced.
func (service) Reload(st *server.State) {
	featCache.setBudget(int64(st.Config.Cache.Features))
	featCache.retain(st)
}

// IsWFSRequest matches requests whose SERVICE parameter (any case) is WFS.
func IsWFSRequest(r *http.Request, _ *mux.RouteMatch) bool {
	for k, v := range r.URL.Query() {
		if strings.EqualFold(k, "service") && len(v) > 0 && strings.EqualFold(v[0], "WFS") {
			return true
		}
	}
	return false
}

func init() { server.Register(service{}) }
