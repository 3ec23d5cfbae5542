package tiles

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/mux"
	"github.com/klauspost/compress/gzip"
	"github.com/paulmach/orb"

	"github.com/sip-core/sip/blob"
	"github.com/sip-core/sip/features"
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

// ---- tilesets ----

// tileset is what a request resolved to: a dynamic view of a dataset or a file.
type tileset struct {
	name    string
	d       *server.Dataset
	file    Tileset
	layers  []string // dynamic: tile layers
	cols    map[string][]store.Column
	variant string
}

func (s *Service) envTilesets() map[string]string {
	out := map[string]string{}
	for _, part := range strings.Split(os.Getenv("SIP_TILESETS"), ",") {
		if name, path, ok := strings.Cut(strings.TrimSpace(part), "="); ok && name != "" && path != "" {
			out[name] = path
		}
	}
	return out
}

// fileTilesets lists the pre-built tilesets: name -> path (looked up on disk at
// most once a second per state).
func (s *Service) fileTilesets(st *server.State) map[string]string {
	s.mu.Lock()
	if s.listState == st && time.Since(s.listed) < time.Second {
		m := s.list
		s.mu.Unlock()
		return m
	}
	s.mu.Unlock()
	m := s.scanTilesets(st)
	s.mu.Lock()
	s.list, s.listState, s.listed = m, st, time.Now()
	s.mu.Unlock()
	return m
}

func (s *Service) scanTilesets(st *server.State) map[string]string {
	out := s.envTilesets()
	for _, t := range st.Config.Tilesets {
		out[t.Name] = t.URL
	}
	for _, d := range st.Datasets() {
		p := store.FilePath(d.Config.Store)
		if p == "" {
			continue // a database: no files beside it
		}
		base := strings.TrimSuffix(p, filepath.Ext(p))
		for suffix, file := range map[string]string{"-mbtiles": base + ".mbtiles", "-pmtiles": base + ".pmtiles", "-gpkg": base + "-tiles.gpkg"} {
			if _, err := os.Stat(file); err == nil {
				out[d.Name+suffix] = file
			}
		}
	}
	return out
}

// openTileset opens (or reuses) a pre-built file, reopening it when it was
// replaced (sip tiles build/update rename a new file over the old one), or
// an archive in object storage.
func (s *Service) openTileset(path string) (Tileset, error) {
	if blob.IsURL(path) {
		return s.remotes.open(s.host, path)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.files[path]
	now := time.Now()
	if f != nil && now.Sub(f.checked) < time.Second {
		return f.ts, f.err
	}
	fi, statErr := os.Stat(path)
	if f != nil && statErr == nil && fi.ModTime().Equal(f.mod) {
		f.checked = now
		return f.ts, f.err
	}
	if f != nil && f.ts != nil {
		old := f.ts
		// Requests may still read the old file: close it a little later.
		time.AfterFunc(30*time.Second, func() { old.Close() })
	}
	nf := &openFile{path: path, checked: now}
	if statErr != nil {
		nf.err = statErr
	} else {
		nf.mod = fi.ModTime()
		nf.ts, nf.err = OpenTileset(path)
	}
	s.files[path] = nf
	return nf.ts, nf.err
}

// resolve finds a tileset by name for a request.
func (s *Service) resolve(r *http.Request, name string) (*tileset, *server.Error) {
	st := s.host.State(r)
	if st == nil {
		return nil, &server.Error{Status: http.StatusServiceUnavailable, Detail: "no state"}
	}
	if d, ok := st.Dataset(name); ok {
		return s.dynamic(r, d, nil)
	}
	if path, ok := s.fileTilesets(st)[name]; ok {
		ts, err := s.openTileset(path)
		if e := archiveError(name, err); e != nil {
			return nil, e
		}
		if err != nil {
			server.Logger(r.Context()).Error("tileset unreadable", "tileset", name, "path", path, "err", err)
			return nil, &server.Error{Status: http.StatusInternalServerError, Code: "TilesetUnreadable",
				Detail: "tileset " + name + " cannot be read: its file is missing or corrupt"}
		}
		return &tileset{name: name, file: ts}, nil
	}
	return nil, &server.Error{Status: http.StatusNotFound, Code: "NotFound", Detail: "no tileset named " + strconv.Quote(name)}
}

// dynamic makes the on-the-fly tileset of a dataset: every published layer the
// request may read (or only the given layer), with the columns it may see.
func (s *Service) dynamic(r *http.Request, d *server.Dataset, only []string) (*tileset, *server.Error) {
	ts := &tileset{name: d.Name, d: d, cols: map[string][]store.Column{}}
	want := DefaultLayers
	if only != nil {
		want = only
	}
	var variant strings.Builder
	for _, name := range want {
		src := name
		if name == LabelLayer {
			src = "dzialki"
		}
		l, lc, ok := d.Layer(src)
		if !ok {
			if only != nil {
				return nil, &server.Error{Status: http.StatusNotFound, Code: "NotFound", Detail: "dataset " + d.Name + " publishes no layer " + src}
			}
			continue
		}
		if e := d.CanRead(r, lc); e != nil {
			if only != nil {
				return nil, e
			}
			continue
		}
		cols := LayerColumns(src, d.PublicColumns(r, l, lc))
		ts.cols[src] = cols
		ts.layers = append(ts.layers, name)
		variant.WriteString(name)
		variant.WriteByte(':')
		for _, c := range cols {
			variant.WriteString(c.Name)
			variant.WriteByte(',')
		}
		variant.WriteByte(';')
	}
	ts.variant = variant.String()
	return ts, nil
}

func (ts *tileset) grids() []*Grid {
	if ts.file != nil {
		return []*Grid{ts.file.Grid()}
	}
	return Grids
}

func (ts *tileset) zooms() (int, int) {
	if ts.file != nil {
		m := ts.file.Meta()
		return m.MinZoom, m.MaxZoom
	}
	return 0, DynamicMaxZoom
}

// ---- tiles ----

func parseInt(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || (len(s) > 1 && s[0] == '0') {
		return 0, false
	}
	return n, true
}

// ParseTile parses z/x/y path segments and checks them against a grid.
func ParseTile(g *Grid, zs, xs, ys string) (z, x, y int, e *server.Error) {
	var ok1, ok2, ok3 bool
	z, ok1 = parseInt(zs)
	x, ok2 = parseInt(xs)
	y, ok3 = parseInt(ys)
	if !ok1 || !ok2 || !ok3 {
		return 0, 0, 0, &server.Error{Status: http.StatusBadRequest, Code: "InvalidParameterValue",
			Detail: fmt.Sprintf("tile address %s/%s/%s: z, x and y must be non-negative integers", zs, xs, ys)}
	}
	if !g.Valid(z, x, y) {
		n := 0
		if z <= g.MaxZoom {
			n = 1<<uint(z) - 1
		}
		return 0, 0, 0, &server.Error{Status: http.StatusBadRequest, Code: "InvalidParameterValue",
			Detail: fmt.Sprintf("tile %d/%d/%d is outside the %s grid (zoom 0..%d, x and y 0..%d at zoom %d)", z, x, y, g.ID, g.MaxZoom, n, z)}
	}
	return z, x, y, nil
}

func (s *Service) xyz(w http.ResponseWriter, r *http.Request) {
	ts, e := s.resolve(r, server.Var(r, "tileset"))
	if e != nil {
		server.WriteError(w, r, e)
		return
	}
	g := WebMercatorQuad
	if id := server.Var(r, "tms"); id != "" {
		var ok bool
		if g, ok = GridByID(id); !ok {
			server.WriteError(w, r, &server.Error{Status: http.StatusNotFound, Code: "NotFound", Detail: "no tile matrix set " + strconv.Quote(id)})
			return
		}
	}
	s.serveTile(w, r, ts, g, server.Var(r, "z"), server.Var(r, "x"), server.Var(r, "y"))
}

func (s *Service) serveTile(w http.ResponseWriter, r *http.Request, ts *tileset, g *Grid, zs, xs, ys string) {
	z, x, y, e := ParseTile(g, zs, xs, ys)
	if e != nil {
		server.WriteError(w, r, e)
		return
	}
	if ts.file != nil && ts.file.Grid() != g {
		server.WriteError(w, r, &server.Error{Status: http.StatusNotFound, Code: "NotFound",
			Detail: fmt.Sprintf("tileset %s is built on the %s grid, not %s", ts.name, ts.file.Grid().ID, g.ID)})
		return
	}
	minZ, maxZ := ts.zooms()
	if z < minZ || z > maxZ {
		server.WriteError(w, r, &server.Error{Status: http.StatusNotFound, Code: "NotFound",
			Detail: fmt.Sprintf("tileset %s has zooms %d..%d, not %d", ts.name, minZ, maxZ, z)})
		return
	}
	var data []byte
	var etag string
	if ts.file != nil {
		b, err := readTile(r.Context(), ts.file, z, x, y)
		if e := archiveError(ts.name, err); e != nil {
			server.WriteError(w, r, e)
			return
		}
		if err != nil {
			server.WriteErr(w, r, err)
			return
		}
		data = b
		if data != nil {
			etag = contentTag(data)
		}
	} else {
		var err error
		data, etag, err = s.dynamicTile(r.Context(), ts, g, z, x, y)
		if err != nil {
			server.WriteErr(w, r, err)
			return
		}
	}
	h := w.Header()
	if h.Get("Access-Control-Allow-Origin") == "" && server.PrincipalFrom(r.Context()) == nil {
		h.Set("Access-Control-Allow-Origin", "*")
	}
	if data == nil {
		// Inside the tileset but without features: 204, cacheable like a tile.
		h.Set("Cache-Control", server.CacheScope(w, r)+", max-age=60")
		w.WriteHeader(http.StatusNoContent)
		return
	}
	if server.NotModified(w, r, etag) {
		return
	}
	h.Set("Content-Type", MediaType)
	if acceptsGzip(r) {
		h.Set("Content-Encoding", "gzip")
		h.Set("Content-Length", strconv.Itoa(len(data)))
		h.Add("Vary", "Accept-Encoding")
		if r.Method != http.MethodHead {
			w.Write(data)
		}
		return
	}
	// A client without gzip: decompress.
	zr, err := gzip.NewReader(strings.NewReader(string(data)))
	if err != nil {
		server.WriteErr(w, r, err)
		return
	}
	h.Set("Content-Encoding", "identity")
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		io.Copy(w, zr)
	}
}

// acceptsGzip reports whether Accept-Encoding admits gzip (explicitly or by
// "*") with a non-zero quality.
func acceptsGzip(r *http.Request) bool {
	q := -1.0
	for part := range strings.SplitSeq(r.Header.Get("Accept-Encoding"), ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		if name != "gzip" && name != "x-gzip" && name != "*" {
			continue
		}
		v := 1.0
		if qs, ok := strings.CutPrefix(strings.ReplaceAll(params, " ", ""), "q="); ok {
			if f, err := strconv.ParseFloat(qs, 64); err == nil {
				v = f
			}
		}
		if name != "*" || q < 0 {
			q = v
		}
	}
	return q > 0
}

var crcTable = crc32.MakeTable(crc32.Castagnoli)

func contentTag(b []byte) string {
	return `"t` + strconv.FormatUint(uint64(crc32.Checksum(b, crcTable)), 36) + "-" + strconv.FormatInt(int64(len(b)), 36) + `"`
}

// dynamicTile renders (or takes from the cache) a tile of a dataset.
func (s *Service) dynamicTile(ctx context.Context, ts *tileset, g *Grid, z, x, y int) ([]byte, string, error) {
	key := cacheKey{ds: ts.d.Index, variant: ts.variant, grid: g, TileKey: TileKey{z, x, y}}
	if e, ok := s.cache.get(key); ok {
		s.metrics.hits.Inc()
		return e.data, e.etag, nil
	}
	s.metrics.misses.Inc()
	gen := s.cache.gen(ts.d.Index)
	src := &IndexedSource{Index: ts.d.Index, R: ts.d.Store, Grid: g, Columns: func(l string) []store.Column { return ts.cols[l] }, Cache: s.feats}
	rend := &Renderer{Grid: g, Layers: ts.layers, MaxZoom: DynamicFullZoom, Fast: true}
	data, _, err := rend.Render(ctx, src, z, x, y)
	if err != nil {
		return nil, "", err
	}
	e := &cacheEntry{key: key, data: data}
	if data != nil {
		e.etag = contentTag(data)
	}
	s.cache.put(e, gen)
	return e.data, e.etag, nil
}

// ---- metadata documents ----

func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	if p := r.Header.Get("X-Forwarded-Proto"); p == "https" || p == "http" {
		scheme = p
	}
	host := r.Host
	if h := r.Header.Get("X-Forwarded-Host"); h != "" {
		host = h
	}
	return scheme + "://" + host
}

func writeJSON(w http.ResponseWriter, r *http.Request, ct string, v any) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		server.WriteErr(w, r, err)
		return
	}
	if server.NotModified(w, r, server.ContentETag(b)) {
		return
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	if r.Method != http.MethodHead {
		w.Write(b)
	}
}

// meta describes a tileset: from the file, or computed for a dynamic one.
func (ts *tileset) meta(ctx context.Context) *Meta {
	if ts.file != nil {
		return ts.file.Meta()
	}
	var b orb.Bound
	has := false
	for _, l := range ts.layers {
		src := l
		if l == LabelLayer {
			continue
		}
		if lb, ok, err := ts.d.Index.Extent(ctx, src); err == nil && ok {
			if !has {
				b, has = lb, true
			} else {
				b = b.Union(lb)
			}
		}
	}
	var gb orb.Bound
	if has {
		gb = WebMercatorQuad.ToGrid(b)
	}
	layers := make([]store.Layer, 0, len(ts.cols))
	for name, cols := range ts.cols {
		layers = append(layers, store.Layer{Name: name, Columns: cols})
	}
	rend := &Renderer{Grid: WebMercatorQuad, Layers: ts.layers, MaxZoom: DynamicFullZoom}
	return tileMeta(ts.name, WebMercatorQuad, 0, DynamicFullZoom, gb, has, ts.d.Revision(), vectorLayers(rend, 0, Fields(ts.layers, layers)))
}

func (s *Service) tileJSON(w http.ResponseWriter, r *http.Request) {
	name := server.Var(r, "tileset")
	ts, e := s.resolve(r, name)
	if e != nil {
		server.WriteError(w, r, e)
		return
	}
	if ts.file != nil && ts.file.Grid() != WebMercatorQuad {
		server.WriteError(w, r, &server.Error{Status: http.StatusNotFound, Code: "NotFound",
			Detail: "TileJSON describes web mercator tilesets; " + name + " is on the " + ts.file.Grid().ID + " grid (see /ogc/collections/" + name + "/tiles)"})
		return
	}
	m := ts.meta(r.Context())
	doc := map[string]any{
		"tilejson":      "3.0.0",
		"name":          m.Name,
		"description":   m.Description,
		"version":       "1.0.0",
		"scheme":        "xyz",
		"tiles":         []string{baseURL(r) + "/tiles/" + escape(name) + "/{z}/{x}/{y}.mvt"},
		"minzoom":       m.MinZoom,
		"maxzoom":       m.MaxZoom,
		"bounds":        m.Bounds,
		"center":        m.Center,
		"vector_layers": m.VectorLayers,
		"attribution":   "EGiB",
	}
	writeJSON(w, r, "application/json", doc)
}

func escape(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "%", "%25"), "/", "%2F")
}

// tmsDoc is an OGC 2D Tile Matrix Set 2.0 document that also carries the
// members of the TMS 1.0 JSON encoding (type, identifier, supportedCRS,
// tileMatrix with topLeftCorner): GDAL up to 3.6 (Debian 12's, which QGIS
// uses too) reads only TMS 1.0, later versions read 2.0, and the two encodings
// share no member name that means different things. See docs/ogcapi-tiles.md.
func tmsDoc(g *Grid, maxZoom int) map[string]any {
	crs := "http://www.opengis.net/def/crs/EPSG/0/" + strconv.Itoa(g.CRS.Code)
	axes := []string{"X", "Y"}
	origin := []float64{g.OriginX, g.OriginY}
	if g == PL1992 {
		// EPSG:2180 is northing first: the origin is given in CRS axis order.
		axes = []string{"N", "E"}
		origin = []float64{g.OriginY, g.OriginX}
	}
	var tms, tms1 []map[string]any
	for z := 0; z <= maxZoom; z++ {
		n := 1 << uint(z)
		tms = append(tms, map[string]any{
			"id": strconv.Itoa(z), "scaleDenominator": g.ScaleDenominator(z), "cellSize": g.Resolution(z),
			"cornerOfOrigin": "topLeft", "pointOfOrigin": origin, "tileWidth": TileSize, "tileHeight": TileSize,
			"matrixWidth": n, "matrixHeight": n,
		})
		tms1 = append(tms1, map[string]any{
			"type": "TileMatrixType", "identifier": strconv.Itoa(z), "scaleDenominator": g.ScaleDenominator(z),
			"topLeftCorner": origin, "tileWidth": TileSize, "tileHeight": TileSize, "matrixWidth": n, "matrixHeight": n,
		})
	}
	doc := map[string]any{"id": g.ID, "title": g.Title, "crs": crs, "orderedAxes": axes, "tileMatrices": tms,
		"type": "TileMatrixSetType", "identifier": g.ID, "supportedCRS": crs, "tileMatrix": tms1}
	if g.URI != "" {
		doc["uri"] = g.URI
	}
	return doc
}

func (s *Service) tileMatrixSets(w http.ResponseWriter, r *http.Request) {
	var sets []map[string]any
	for _, g := range Grids {
		link := baseURL(r) + "/ogc/tileMatrixSets/" + g.ID
		e := map[string]any{"id": g.ID, "title": g.Title, "crs": "http://www.opengis.net/def/crs/EPSG/0/" + strconv.Itoa(g.CRS.Code),
			"links": []map[string]string{{"rel": "self", "type": "application/json", "href": link}}}
		if g.URI != "" {
			e["uri"] = g.URI
		}
		sets = append(sets, e)
	}
	writeJSON(w, r, "application/json", map[string]any{
		"tileMatrixSets": sets,
		"links":          []map[string]string{{"rel": "self", "type": "application/json", "href": baseURL(r) + "/ogc/tileMatrixSets"}},
	})
}

func (s *Service) tileMatrixSet(w http.ResponseWriter, r *http.Request) {
	g, ok := GridByID(server.Var(r, "tms"))
	if !ok {
		server.WriteError(w, r, &server.Error{Status: http.StatusNotFound, Code: "NotFound", Detail: "no tile matrix set " + strconv.Quote(server.Var(r, "tms"))})
		return
	}
	writeJSON(w, r, "application/json", tmsDoc(g, min(g.MaxZoom, DynamicMaxZoom)))
}

// collection resolves an OGC API collection id as the features service does
// (features.ResolveCollectionID: a bare layer name in the first dataset,
// "<dataset>.<layer>" in the others), so /ogc/collections/{id}/tiles is the
// same collection as /ogc/collections/{id}. A dataset name (all its layers) and
// a pre-built tileset are collections of tiles too.
func (s *Service) collection(r *http.Request, id string) (*tileset, *server.Error) {
	st := s.host.State(r)
	if st == nil {
		return nil, &server.Error{Status: http.StatusServiceUnavailable}
	}
	if d, layer, ok := features.ResolveCollectionID(st, id); ok {
		ts, e := s.dynamic(r, d, []string{layer})
		if e == nil {
			ts.name = id
		}
		return ts, e
	}
	if d, ok := st.Dataset(id); ok {
		return s.dynamic(r, d, nil)
	}
	return s.resolve(r, id)
}

// ogcTarget finds the tiles an OGC API Tiles request is about: a
// collection's (/ogc/collections/{coll}/tiles…) or, without a collection, the
// dataset tiles of the first dataset (/ogc/tiles…: every layer the caller may
// read, as a collection is one of them). base is the absolute URL of the
// tilesets list.
func (s *Service) ogcTarget(r *http.Request) (id, base string, ts *tileset, e *server.Error) {
	id = server.Var(r, "coll")
	if id != "" {
		ts, e = s.collection(r, id)
		return id, baseURL(r) + "/ogc/collections/" + escape(id) + "/tiles", ts, e
	}
	st := s.host.State(r)
	if st == nil || len(st.Datasets()) == 0 {
		return "", "", nil, &server.Error{Status: http.StatusNotFound, Code: "NotFound", Detail: "this server has no dataset"}
	}
	d := st.Datasets()[0]
	ts, e = s.dynamic(r, d, nil)
	return d.Name, baseURL(r) + "/ogc/tiles", ts, e
}

func (s *Service) ogcTilesets(w http.ResponseWriter, r *http.Request) {
	id, base, ts, e := s.ogcTarget(r)
	if e != nil {
		server.WriteError(w, r, e)
		return
	}
	var list []map[string]any
	for _, g := range ts.grids() {
		list = append(list, map[string]any{
			"title": id + " (" + g.ID + ")", "dataType": "vector", "crs": "http://www.opengis.net/def/crs/EPSG/0/" + strconv.Itoa(g.CRS.Code),
			"tileMatrixSetURI": tmsURI(r, g),
			"links": []map[string]any{
				{"rel": "self", "type": "application/json", "href": base + "/" + g.ID},
				{"rel": "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme", "type": "application/json", "href": baseURL(r) + "/ogc/tileMatrixSets/" + g.ID},
				{"rel": "item", "type": MediaType, "templated": true, "href": base + "/" + g.ID + "/{tileMatrix}/{tileRow}/{tileCol}"},
			},
		})
	}
	writeJSON(w, r, "application/json", map[string]any{"tilesets": list,
		"links": []map[string]string{{"rel": "self", "type": "application/json", "href": base}}})
}

func (s *Service) ogcTileset(w http.ResponseWriter, r *http.Request) {
	id, base, ts, e := s.ogcTarget(r)
	if e != nil {
		server.WriteError(w, r, e)
		return
	}
	g, ok := GridByID(server.Var(r, "tms"))
	if !ok || (ts.file != nil && ts.file.Grid() != g) {
		server.WriteError(w, r, &server.Error{Status: http.StatusNotFound, Code: "NotFound", Detail: "collection " + id + " has no tiles on tile matrix set " + strconv.Quote(server.Var(r, "tms"))})
		return
	}
	m := ts.meta(r.Context())
	base += "/" + g.ID
	var limits []map[string]any
	for z := m.MinZoom; z <= m.MaxZoom; z++ {
		// Tile limits of the data extent (WGS84 bounds projected into the grid).
		lim := map[string]any{"tileMatrix": strconv.Itoa(z)}
		if b, ok := gridBoundOf(g, m.Bounds); ok {
			if x0, y0, x1, y1, in := g.TileRange(b, z); in {
				lim["minTileRow"], lim["maxTileRow"], lim["minTileCol"], lim["maxTileCol"] = y0, y1, x0, x1
				limits = append(limits, lim)
			}
		}
	}
	writeJSON(w, r, "application/json", map[string]any{
		"title": id, "dataType": "vector", "crs": "http://www.opengis.net/def/crs/EPSG/0/" + strconv.Itoa(g.CRS.Code),
		"tileMatrixSetURI": tmsURI(r, g), "tileMatrixSetLimits": limits,
		"layers": vectorLayersOGC(m.VectorLayers),
		"links": []map[string]any{
			{"rel": "self", "type": "application/json", "href": base},
			{"rel": "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme", "type": "application/json", "href": baseURL(r) + "/ogc/tileMatrixSets/" + g.ID},
			{"rel": "item", "type": MediaType, "templated": true, "href": base + "/{tileMatrix}/{tileRow}/{tileCol}"},
		},
	})
}

// tmsURI names a tileset's tile matrix set: its registered OGC URI, or for a
// grid of our own (PL-1992) the URL of its definition here, so a client that
// picks a set by name (GDAL's TILEMATRIXSET=PL-1992) finds it.
func tmsURI(r *http.Request, g *Grid) string {
	if g.URI != "" {
		return g.URI
	}
	return baseURL(r) + "/ogc/tileMatrixSets/" + g.ID
}

func vectorLayersOGC(vl []VectorLayer) []map[string]any {
	var out []map[string]any
	for _, l := range vl {
		props := map[string]any{}
		keys := make([]string, 0, len(l.Fields))
		for k := range l.Fields {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			t := "string"
			if l.Fields[k] == "Number" {
				t = "number"
			}
			props[k] = map[string]string{"type": t}
		}
		geom := "polygons"
		if l.ID == LabelLayer {
			geom = "points"
		}
		out = append(out, map[string]any{"id": l.ID, "dataType": "vector", "geometryDimension": map[string]int{"points": 0, "polygons": 2}[geom],
			"minTileMatrix": strconv.Itoa(l.MinZoom), "maxTileMatrix": strconv.Itoa(l.MaxZoom), "propertiesSchema": map[string]any{"type": "object", "properties": props}})
	}
	return out
}

// gridBoundOf projects WGS84 bounds into a grid.
func gridBoundOf(g *Grid, b [4]float64) (orb.Bound, bool) {
	if b[0] >= b[2] || b[1] >= b[3] {
		return orb.Bound{}, false
	}
	t, err := newTransformFrom4326(g)
	if err != nil {
		return orb.Bound{}, false
	}
	gb := t.Bound(orb.Bound{Min: orb.Point{b[0], b[1]}, Max: orb.Point{b[2], b[3]}})
	if math.IsNaN(gb.Min[0]) {
		return orb.Bound{}, false
	}
	return gb, true
}

func (s *Service) ogcTile(w http.ResponseWriter, r *http.Request) {
	_, _, ts, e := s.ogcTarget(r)
	if e != nil {
		server.WriteError(w, r, e)
		return
	}
	g, ok := GridByID(server.Var(r, "tms"))
	if !ok {
		server.WriteError(w, r, &server.Error{Status: http.StatusNotFound, Code: "NotFound", Detail: "no tile matrix set " + strconv.Quote(server.Var(r, "tms"))})
		return
	}
	// OGC order: tileMatrix/tileRow/tileCol.
	s.serveTile(w, r, ts, g, server.Var(r, "z"), server.Var(r, "col"), server.Var(r, "row"))
}
