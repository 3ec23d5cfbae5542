// Package web serves the public map viewer: a MapLibre GL JS page built from
// web/src with esbuild (`make web`) into web/dist, which is committed and embedded
// here so `go build` needs no npm. The viewer takes over / (the dataset summary
// stays at /datasets) and reads only this server's APIs: vector tiles, parcel
// search, lookup and card, and the extracts quote.
package web

import (
	"bytes"
	"compress/gzip"
	"embed"
	"encoding/json"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"sync"

	"github.com/gorilla/mux"

	"github.com/sip-core/sip/server"
)

//go:embed dist
var distFS embed.FS

func init() { server.Register(&Service{}) }

// Service is the viewer as a server.Service.
type Service struct{}

// Name implements server.Service.
func (*Service) Name() string { return "web" }

// Prefixes implements server.Declarer: the viewer's page at /.
func (*Service) Prefixes() []server.Prefix {
	return []server.Prefix{{Path: "", Label: "viewer", Errors: server.HTMLPage}}
}

// asset is one embedded file with its precomputed gzip form and tag.
type asset struct {
	body, gz []byte
	ctype    string
	etag     string
}

var (
	assetsOnce sync.Once
	assets     map[string]*asset
)

// loadAssets reads dist once and gzips the compressible files at best
// compression, so no request pays for compressing the 1.6 MB of JavaScript.
func loadAssets() map[string]*asset {
	assetsOnce.Do(func() {
		assets = map[string]*asset{}
		sub, err := fs.Sub(distFS, "dist")
		if err != nil {
			return
		}
		fs.WalkDir(sub, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(sub, p)
			if err != nil {
				return err
			}
			a := &asset{body: b, ctype: contentType(p), etag: server.ContentETag(b)}
			if compressible(a.ctype) && len(b) > 1024 {
				var buf bytes.Buffer
				zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
				zw.Write(b)
				zw.Close()
				a.gz = buf.Bytes()
			}
			assets[p] = a
			return nil
		})
	})
	return assets
}

func contentType(p string) string {
	switch path.Ext(p) {
	case ".mjs", ".js":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".html":
		return "text/html; charset=utf-8"
	case ".json":
		return "application/json"
	case ".svg":
		return "image/svg+xml"
	case ".map":
		return "application/json"
	}
	if t := mime.TypeByExtension(path.Ext(p)); t != "" {
		return t
	}
	return "application/octet-stream"
}

func compressible(ct string) bool {
	return strings.HasPrefix(ct, "text/") || strings.HasPrefix(ct, "application/json") || strings.HasPrefix(ct, "image/svg")
}

// acceptsGzip reports whether Accept-Encoding allows gzip (q > 0).
func acceptsGzip(r *http.Request) bool {
	for part := range strings.SplitSeq(r.Header.Get("Accept-Encoding"), ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), "gzip") && strings.TrimSpace(name) != "*" {
			continue
		}
		params = strings.ReplaceAll(params, " ", "")
		if params == "q=0" || params == "q=0.0" || params == "q=0.00" || params == "q=0.000" {
			return false
		}
		return true
	}
	return false
}

func serveAsset(w http.ResponseWriter, r *http.Request, a *asset, cache string) {
	h := w.Header()
	h.Set("Cache-Control", cache)
	h.Set("X-Content-Type-Options", "nosniff")
	if a.gz != nil {
		h.Add("Vary", "Accept-Encoding")
	}
	if server.NotModified(w, r, a.etag) {
		return
	}
	h.Set("Content-Type", a.ctype)
	body := a.body
	if a.gz != nil && acceptsGzip(r) {
		h.Set("Content-Encoding", "gzip")
		body = a.gz
	}
	if r.Method == http.MethodHead {
		return
	}
	w.Write(body)
}

// Mount implements server.Service.
func (s *Service) Mount(r *mux.Router, h *server.Host) {
	get := []string{http.MethodGet, http.MethodHead}
	r.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		a := loadAssets()["index.html"]
		if a == nil {
			server.WriteError(w, r, &server.Error{Status: http.StatusNotFound, Code: "NotFound", Detail: "the viewer is not built (make web)"})
			return
		}
		w.Header().Set("Content-Security-Policy", csp)
		serveAsset(w, r, a, "no-cache")
	}).Methods(get...)
	r.HandleFunc("/viewer/config.json", func(w http.ResponseWriter, r *http.Request) { viewerConfig(w, r, h) }).Methods(get...)
	r.PathPrefix("/assets/").HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/assets/")
		a := loadAssets()[name]
		if a == nil || strings.Contains(name, "..") || name == "index.html" {
			server.WriteError(w, r, &server.Error{Status: http.StatusNotFound, Code: "NotFound", Detail: "no viewer asset " + name})
			return
		}
		serveAsset(w, r, a, "no-cache")
	}).Methods(get...)
}

// csp keeps the page on this server: scripts, styles, workers, tiles and data
// from the same origin only (the configured background's origin is allowed for
// images by viewerConfig's consumers through img-src/connect-src *). blob: is
// MapLibre's worker and canvas glyph path.
const csp = "default-src 'self'; script-src 'self'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: http: https:; connect-src 'self' http: https:; font-src 'self'; base-uri 'none'; frame-ancestors 'self'"

// viewerDataset is what the page needs to know about a dataset.
type viewerDataset struct {
	Name  string `json:"name"`
	Title string `json:"title"`
	// Bounds in longitude/latitude (west, south, east, north); absent when empty.
	Bounds *[4]float64 `json:"bounds,omitempty"`
	// Layers the request may read (the page overlays a road dataset's drogi).
	Layers []string `json:"layers"`
}

func viewerConfig(w http.ResponseWriter, r *http.Request, h *server.Host) {
	st := h.State(r)
	out := struct {
		Datasets   []viewerDataset `json:"datasets"`
		Background []background    `json:"background"`
		Alerts     bool            `json:"alerts"` // /alerts.json and subscriptions are served
	}{Datasets: []viewerDataset{}, Background: backgrounds(st), Alerts: st.Config.Alerts.Enabled()}
	for _, d := range st.Datasets() {
		vd := viewerDataset{Name: d.Name, Title: d.Title, Layers: []string{}}
		for _, l := range d.Layers() {
			if _, lc, _ := d.Layer(l.Name); d.CanRead(r, lc) == nil {
				vd.Layers = append(vd.Layers, l.Name)
			}
		}
		if b, ok := datasetBounds(r, d); ok {
			vd.Bounds = &b
		}
		out.Datasets = append(out.Datasets, vd)
	}
	body, _ := json.Marshal(out)
	if server.NotModified(w, r, server.ContentETag(body)) {
		return
	}
	w.Header().Set("Content-Type", "application/json")
	// The bounds cover the layers the caller may read: a key's answer is its own.
	cc := "no-cache"
	if server.PrincipalFrom(r.Context()) != nil {
		cc = "private, no-cache"
	}
	w.Header().Set("Cache-Control", cc)
	w.Write(body)
}
