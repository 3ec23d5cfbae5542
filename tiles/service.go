package tiles

import (
	"context"
	"errors"
	"net/http"
	"sort"
	"sync"
	"time"

	"github.com/gorilla/mux"
	"github.com/paulmach/orb"

	"github.com/sip-core/sip/index"
	"github.com/sip-core/sip/server"
	"github.com/sip-core/sip/server/metrics"
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/wms"
)

// DynamicFullZoom is the maximum zoom of a dynamic tileset: its tiles are
// those of a build with --maxzoom DynamicFullZoom (the same per-zoom rules,
// byte for byte), and it is the maxzoom its TileJSON and OGC tileset
// advertise, so clients overzoom it. For clients that cannot overzoom (WMTS)
// tiles are still served down to DynamicMaxZoom, rendered by the maximum-zoom
// rules (every feature, full extent).
const (
	DynamicMaxZoom  = 22
	DynamicFullZoom = DefaultMaxZoom
)

// MediaType of Mapbox vector tiles.
const MediaType = "application/vnd.mapbox-vector-tile"

// Each server gets its own Service: its tile and feature caches, open files
// and metrics are that server's alone.
func init() {
	server.RegisterNew(func() server.Service { return NewService() })
}

// Service serves tiles: dynamic tilesets named after the datasets, and pre-built
// files. A pre-built file is found beside the dataset's store (county.gpkg →
// county.mbtiles, county.pmtiles, county-tiles.gpkg, served as tilesets
// county-mbtiles, county-pmtiles, county-gpkg) or named in the environment
// variable SIP_TILESETS ("name=path,name=path").
type Service struct {
	mu     sync.Mutex
	cache  *tileCache
	subbed map[*index.Index]bool
	feats  *FeatureCache

	list      map[string]string // pre-built tilesets, refreshed once a second
	listState *server.State
	listed    time.Time
	files     map[string]*openFile
	remotes   remoteArchives // archives in object storage (archive.go)
	metrics   struct {
		hits, misses, invalidated metrics.Counter
	}
	host *server.Host
	// maps draws the WMTS raster tiles: the server's WMS (nil without one).
	maps *wms.Service
}

type openFile struct {
	path    string
	ts      Tileset
	mod     time.Time
	checked time.Time
	err     error
}

// NewService makes a tiles service.
func NewService() *Service {
	return &Service{subbed: map[*index.Index]bool{}, files: map[string]*openFile{}, feats: NewFeatureCache(DefaultFeatureBudget)}
}

// Name implements server.Service.
func (s *Service) Name() string { return "tiles" }

// Prefixes implements server.Declarer: /tiles and the OGC API tiles under
// /ogc answer problem details.
func (s *Service) Prefixes() []server.Prefix {
	return []server.Prefix{{Path: "tiles", Errors: server.ProblemJSON}, {Path: "ogc", Errors: server.ProblemJSON}}
}

// Mount implements server.Service.
func (s *Service) Mount(r *mux.Router, h *server.Host) {
	s.host = h
	size := int64(256 << 20)
	if st := h.Current(); st != nil && st.Config.Cache.Tiles > 0 {
		size = int64(st.Config.Cache.Tiles)
	}
	s.cache = newTileCache(size)
	reg := h.Metrics()
	c := reg.Counter("sip_tiles_cache_total", "Dynamic tile cache lookups and invalidations.", "result")
	s.metrics.hits, s.metrics.misses, s.metrics.invalidated = c.With("hit"), c.With("miss"), c.With("invalidated")
	reg.GaugeFunc("sip_tiles_feature_cache", "The dynamic tiles' projected-feature cache: features held, their estimated bytes, the budget, and features evicted to keep it.",
		func(emit func(v float64, labelValues ...string)) {
			st := s.feats.Stats()
			emit(float64(st.Features), "features")
			emit(float64(st.Bytes), "bytes")
			emit(float64(st.Budget), "budget_bytes")
			emit(float64(st.Evicted), "evicted")
		}, "value")
	if st := h.Current(); st != nil {
		s.Reload(st)
	}
	// Archives in object storage stop polling with the server.
	h.OnShutdown(func(context.Context) { s.remotes.follow(h, nil) })
	if m, ok := h.Service("wms").(*wms.Service); ok {
		s.maps = m
	}
	get := []string{http.MethodGet, http.MethodHead}
	// WMTS tiles are not rate-limited (limits.rate_limit), as vector tiles
	// are not: a map client asks for dozens at once, and most are cached.
	r.HandleFunc("/tiles/wmts", s.wmts).Methods(get...)
	r.HandleFunc("/tiles/wmts/1.0.0/WMTSCapabilities.xml", s.wmtsCapabilities).Methods(get...)
	r.HandleFunc("/tiles/wmts/{layer}/{style}/{tms}/{z}/{row}/{col}.png", s.wmtsREST).Methods(get...)
	r.HandleFunc("/tiles/{tileset}.json", s.tileJSON).Methods(get...)
	r.HandleFunc("/tiles/{tileset}/{z}/{x}/{y}.{ext:mvt|pbf}", s.xyz).Methods(get...)
	r.HandleFunc("/tiles/{tileset}/{tms}/{z}/{x}/{y}.{ext:mvt|pbf}", s.xyz).Methods(get...)
	r.HandleFunc("/ogc/tileMatrixSets", s.tileMatrixSets).Methods(get...)
	r.HandleFunc("/ogc/tileMatrixSets/{tms}", s.tileMatrixSet).Methods(get...)
	r.HandleFunc("/ogc/collections/{coll}/tiles", s.ogcTilesets).Methods(get...)
	r.HandleFunc("/ogc/collections/{coll}/tiles/{tms}", s.ogcTileset).Methods(get...)
	r.HandleFunc("/ogc/collections/{coll}/tiles/{tms}/{z}/{row}/{col}", s.ogcTile).Methods(get...)
	r.HandleFunc("/ogc/tiles", s.ogcTilesets).Methods(get...)
	r.HandleFunc("/ogc/tiles/{tms}", s.ogcTileset).Methods(get...)
	r.HandleFunc("/ogc/tiles/{tms}/{z}/{row}/{col}", s.ogcTile).Methods(get...)
}

// Reload implements server.Reloader: follow the new datasets' change logs.
func (s *Service) Reload(st *server.State) {
	s.remotes.follow(s.host, s.scanTilesets(st))
	s.mu.Lock()
	defer s.mu.Unlock()
	s.feats.SetBudget(int64(st.Config.Cache.TileFeatures))
	for _, d := range st.Datasets() {
		ix := d.Index
		if ix == nil || s.subbed[ix] {
			continue
		}
		s.subbed[ix] = true
		ix.Subscribe(func(c store.Change) { s.invalidate(ix, c) })
		// Read features in now, until cache.tile_features is full: projecting
		// them (a parcel's label point above all) is what a cold tile spends
		// its time on, and the cache is bounded whatever the dataset's size.
		st.Go(func(ctx context.Context) { s.warm(ctx, d) })
	}
}

// warm fills the feature cache with the dataset's features as anonymous
// requests see them (web mercator, public columns), in the background at
// start-up and reload: otherwise the first low-zoom tile reads and projects
// every object it covers (seconds for a county), and parcel labels are
// computed there too. Layers go in the order low zooms need them (WarmOrder:
// unit and precinct outlines first, then parcels, ...) until the cache's
// budget is full; it evicts nothing. One goroutine, so requests keep the
// other cores. It stops when ctx ends: the state it reads is being retired
// (a reload, a shutdown, the end of `sip serve --check`), and its stores are
// closed only after the warm-up has returned.
func (s *Service) warm(ctx context.Context, d *server.Dataset) {
	t0 := time.Now()
	req, err := http.NewRequest(http.MethodGet, "/", nil)
	if err != nil {
		return
	}
	ts, e := s.dynamic(req, d, nil)
	if e != nil {
		return
	}
	src := &IndexedSource{Index: d.Index, R: d.Store, Grid: WebMercatorQuad, Columns: func(l string) []store.Column { return ts.cols[l] }, Cache: s.feats}
	n := 0
	for _, layer := range WarmOrder(ts.layers) {
		k, err := src.Warm(ctx, layer)
		n += k
		if ctx.Err() != nil {
			s.host.Logger().Debug("tile feature cache warm-up stopped: the datasets are being closed", "dataset", d.Name, "layer", layer, "features", n)
			return
		}
		if errors.Is(err, ErrCacheFull) {
			st := s.feats.Stats()
			s.host.Logger().Info("tile feature cache full: warm-up stopped", "dataset", d.Name, "layer", layer, "features", n,
				"bytes", st.Bytes, "budget", st.Budget, "took", time.Since(t0).Round(time.Millisecond))
			return
		}
		if err != nil {
			s.host.Logger().Warn("tile feature cache warm-up stopped", "dataset", d.Name, "layer", layer, "err", err)
			return
		}
	}
	s.host.Logger().Info("tile feature cache warm", "dataset", d.Name, "features", n, "bytes", s.feats.Stats().Bytes, "took", time.Since(t0).Round(time.Millisecond))
}

// WarmOrder lists the store layers behind tile layers in the order a
// warm-up reads them: by the first zoom that draws them (LayerMinZoom; the
// outlines every low-zoom tile needs first), then in drawing order.
func WarmOrder(tileLayers []string) []string {
	first := map[string]int{}
	var out []string
	for _, l := range tileLayers {
		src := l
		if l == LabelLayer {
			src = "dzialki"
		}
		z := LayerMinZoom[l]
		if prev, ok := first[src]; !ok {
			first[src] = z
			out = append(out, src)
		} else if z < prev {
			first[src] = z
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return first[out[i]] < first[out[j]] })
	return out
}

// invalidate drops the cached tiles a change touches.
func (s *Service) invalidate(ix *index.Index, c store.Change) {
	if c.Op == store.OpArchive {
		return
	}
	// Features first, then tiles: a render that read the old feature is then
	// already behind the tile generation this bumps.
	s.feats.Drop(ix, c.Layer, c.ID)
	n := s.cache.invalidate(ix, changeRanges(c.Bounds))
	s.metrics.invalidated.Add(float64(n))
}

// changeRanges gives the tile ranges a changed bound (storage CRS) touches,
// projecting the bound once per grid: a vector tile's (reach 0) by its
// buffer, a raster tile's by its reach in pixels, plus one for anti-aliasing.
func changeRanges(b orb.Bound) func(g *Grid, z, reach int) (int, int, int, int, bool) {
	projected := map[*Grid]orb.Bound{}
	return func(g *Grid, z, reach int) (int, int, int, int, bool) {
		gb, ok := projected[g]
		if !ok {
			gb = g.ToGrid(b)
			projected[g] = gb
		}
		if reach > 0 {
			return g.TileRange(gb.Pad(float64(reach+1)*g.Resolution(z)), z)
		}
		return g.affectedRangeGrid(gb, z)
	}
}
