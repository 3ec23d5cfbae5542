// Package parcels answers the question investors, officials and other systems
// ask all day: which parcel is this, and what is on it.
//
//   - /uldk: a drop-in for GUGiK's ULDK parcel locator (docs/domain.md, "ULDK") over the
//     hosted datasets, with ULDK's plain-text framing byte for byte.
//   - /api/parcels/{id}: the parcel card (GeoJSON Feature), also as of a date.
//   - /api/parcels?xy=E,N[&srid=…]: point lookup.
//   - /api/parcels/search?q=…: autocomplete by id, obręb name + number, address.
//
// Id and point lookups run from a per-dataset parcel model (ids, boxes and
// search keys of the parcels, the obręby and jednostki) kept current from the
// dataset index's change notifications: the index finds candidates, the
// parcels' geometries come from the store through a bounded cache
// (cache.parcels) shared by the datasets, and exact point-in-polygon tests
// follow.
package parcels

import (
	"context"
	"net/http"
	"strings"
	"sync"

	"github.com/gorilla/mux"

	"github.com/sip-core/sip/cadastre"
	"github.com/sip-core/sip/internal/cache"
	"github.com/sip-core/sip/server"
)

func init() { server.Register(&Service{}) }

// Service is the parcels service. One value may be mounted on several servers
// (tests start many); each Mount keeps its own per-dataset state.
type Service struct {
	mu      sync.Mutex
	mounted []*mount
}

// Name implements server.Service.
func (*Service) Name() string { return "parcels" }

// Prefixes implements server.Declarer: ULDK answers "-1 message" (its cards
// and lookups are under the core's /api).
func (*Service) Prefixes() []server.Prefix {
	return []server.Prefix{{Path: "uldk", Errors: server.PlainText}}
}

// mount is the service on one server.
type mount struct {
	h *server.Host

	mu     sync.RWMutex
	models map[*server.Dataset]*dsState
	geoms  *geomCache // parcel geometries of every dataset (cache.parcels)
	outs   sync.Map   // *geo.CRS → *outCRS: the transforms of the output CRSs asked for
}

// dsState is what the service keeps per dataset.
type dsState struct {
	m     *model
	names cadastre.NamesCache
	aggMu sync.Mutex
	aggs  map[string]aggEntry // county/voivodeship unions by TERYT prefix
}

type aggEntry struct {
	gen  uint64
	geom aggGeom
}

// Mount implements server.Service.
func (s *Service) Mount(r *mux.Router, h *server.Host) {
	m := &mount{h: h, models: map[*server.Dataset]*dsState{}, geoms: cache.New[geomKey, located](geomBudget(h.Current()))}
	s.mu.Lock()
	s.mounted = append(s.mounted, m)
	s.mu.Unlock()
	h.Metrics().GaugeFunc("sip_parcels_geometry_cache", "The parcels (attributes and geometry) read from the store for ULDK, the card, the point lookup and the search (cache.parcels): bytes held, the budget, entries let go to keep it.",
		func(emit func(v float64, labelValues ...string)) {
			st := m.geoms.Stats()
			emit(float64(st.Bytes), "bytes")
			emit(float64(st.Budget), "budget_bytes")
			emit(float64(st.Evicted), "evicted")
		}, "value")

	h.Fixed(r.HandleFunc("/uldk", m.uldk).Methods(http.MethodGet, http.MethodHead))
	r.HandleFunc("/uldk/", m.uldk).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc("/api/parcels", m.lookup).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc("/api/parcels/search", m.search).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc("/api/parcels/{id:.+}", m.card).Methods(http.MethodGet, http.MethodHead)

	// Start loading the parcel models now, so the first request does not wait.
	if st := h.Current(); st != nil {
		for _, d := range st.Datasets() {
			m.state(d)
		}
	}
}

// Reload implements server.Reloader: state of datasets that are gone is dropped
// and the new datasets start loading.
func (s *Service) Reload(st *server.State) {
	s.mu.Lock()
	mounted := append([]*mount(nil), s.mounted...)
	s.mu.Unlock()
	for _, m := range mounted {
		if m.h.Current() != st {
			continue
		}
		live := map[*server.Dataset]bool{}
		for _, d := range st.Datasets() {
			live[d] = true
		}
		m.mu.Lock()
		gone := map[*model]bool{}
		for d, s := range m.models {
			if !live[d] {
				gone[s.m] = true
				delete(m.models, d)
			}
		}
		m.mu.Unlock()
		m.geoms.SetBudget(geomBudget(st))
		m.geoms.RemoveFunc(func(k geomKey, _ located) bool { return gone[k.m] })
		for _, d := range st.Datasets() {
			m.state(d)
		}
	}
}

// state returns (creating) the service state of a dataset with a parcel layer;
// nil for datasets without one.
func (m *mount) state(d *server.Dataset) *dsState {
	m.mu.RLock()
	s, ok := m.models[d]
	m.mu.RUnlock()
	if ok {
		return s
	}
	if !hasLayer(d, "dzialki") {
		return nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if s, ok := m.models[d]; ok {
		return s
	}
	s = &dsState{m: newModel(d.Store, d.Index, m.geoms), aggs: map[string]aggEntry{}}
	m.models[d] = s
	return s
}

// geomBudget is the size of the cache of parcel geometries: cache.parcels.
func geomBudget(st *server.State) int64 {
	if st == nil || st.Config == nil || st.Config.Cache.Parcels <= 0 {
		return 32 << 20
	}
	return int64(st.Config.Cache.Parcels)
}

func hasLayer(d *server.Dataset, layer string) bool {
	_, _, ok := d.Layer(layer)
	return ok
}

// source is one dataset a request may read parcels from.
type source struct {
	d *server.Dataset
	s *dsState
}

// sources lists the datasets whose parcel layer the request may read, in
// configuration order, waiting for their models to be loaded. The error is the
// first refusal (401/403) when no dataset is readable, or a load failure.
func (m *mount) sources(r *http.Request, only string) ([]source, error) {
	st := m.h.State(r)
	if st == nil {
		return nil, server.Errorf(http.StatusServiceUnavailable, "no datasets")
	}
	var out []source
	var refusal *server.Error
	for _, d := range st.Datasets() {
		if only != "" && d.Name != only {
			continue
		}
		_, lc, ok := d.Layer("dzialki")
		if !ok {
			continue
		}
		if e := d.CanRead(r, lc); e != nil {
			if refusal == nil {
				refusal = e
			}
			continue
		}
		s := m.state(d)
		if s == nil {
			continue
		}
		if err := s.m.wait(r.Context()); err != nil {
			return nil, err
		}
		out = append(out, source{d, s})
	}
	if len(out) == 0 {
		if refusal != nil {
			return nil, refusal
		}
		if only != "" {
			return nil, &server.Error{Status: http.StatusNotFound, Code: "NotFound", Detail: "no dataset " + only + " with a parcel layer"}
		}
	}
	return out, nil
}

// queryParams are request parameters with case-insensitive names (ULDK and OGC
// clients differ in spelling); the first value of a name wins.
type queryParams map[string]string

func params(r *http.Request) queryParams {
	q := queryParams{}
	for k, v := range r.URL.Query() {
		k = strings.ToLower(k)
		if _, ok := q[k]; !ok && len(v) > 0 {
			q[k] = v[0]
		}
	}
	return q
}

func (q queryParams) has(k string) bool { _, ok := q[k]; return ok }

var bg = context.Background()
