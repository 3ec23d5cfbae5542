package tiles

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/ogcapi"
	"github.com/sip-core/sip/server"
	"github.com/sip-core/sip/store"
)

// baseURL is the server's absolute URL as the client sees it (through a
// proxy: X-Forwarded-Proto and X-Forwarded-Host).
func baseURL(r *http.Request) string {
	scheme := ogcapi.Scheme(r)
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
