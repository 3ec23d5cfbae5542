package tiles

import (
	"context"
	"fmt"
	"hash/crc32"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/klauspost/compress/gzip"

	"github.com/sip-core/sip/server"
	"github.com/sip-core/sip/store"
)

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
