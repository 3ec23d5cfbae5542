package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gorilla/mux"

	"github.com/sip-core/sip/store"
)

func (h *Host) mountCore(r *mux.Router) {
	h.Fixed(r.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		hdr := w.Header()
		hdr.Set("Content-Type", "text/plain; charset=utf-8")
		hdr.Set("Cache-Control", "no-store")
		hdr.Set("Content-Length", "3")
		w.Write([]byte("ok\n"))
	}).Methods(http.MethodGet, http.MethodHead))
	h.Fixed(r.HandleFunc("/readyz", func(w http.ResponseWriter, r *http.Request) {
		if !h.ready.Load() {
			WriteError(w, r, &Error{Status: http.StatusServiceUnavailable, Detail: "shutting down"})
			return
		}
		if e := h.Current().unavailable(); e != nil {
			WriteError(w, r, e)
			return
		}
		if e := h.Current().lagging(time.Now()); e != nil {
			WriteError(w, r, e)
			return
		}
		if e := h.notReady(r.Context()); e != nil {
			WriteError(w, r, e)
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Write([]byte("ready\n"))
	}).Methods(http.MethodGet, http.MethodHead))
	h.Fixed(r.HandleFunc("/metrics", h.serveMetrics).Methods(http.MethodGet))

	h.Fixed(r.HandleFunc("/api/datasets", h.listDatasets).Methods(http.MethodGet, http.MethodHead))
	r.HandleFunc("/api/datasets/{name}", h.getDataset).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc("/api/datasets/{name}/layers/{layer}/features/{id}", h.getFeature).Methods(http.MethodGet, http.MethodHead)
	h.Fixed(r.HandleFunc("/datasets", h.summaryPage).Methods(http.MethodGet, http.MethodHead))
}

// mountFallbacks answers / when no service took it, the declared prefixes no
// service mounted, unknown paths and wrong methods, each in its prefix's
// format (see Declarer).
func (h *Host) mountFallbacks(r *mux.Router) {
	// The summary page answers / unless a service (the map viewer) took it; it is
	// always at /datasets.
	r.HandleFunc("/", h.summaryPage).Methods(http.MethodGet, http.MethodHead)
	mounted := mountedPrefixes(r)
	for _, f := range h.fams.all {
		if f.core || f.prefix == "" { // the core's, the root page, paths under no prefix
			continue
		}
		name := f.prefix
		missing := func(w http.ResponseWriter, r *http.Request) {
			WriteError(w, r, &Error{Status: http.StatusNotImplemented, Code: "OperationNotSupported",
				Detail: "the " + name + " service is not available in this server"})
		}
		if !mounted[name] {
			r.PathPrefix("/" + name).HandlerFunc(missing)
		} else if f.bySvc != nil {
			// A shared prefix dispatches on SERVICE: a request no service
			// took names a service this server lacks, whatever else is
			// mounted there.
			r.Path("/" + name).HandlerFunc(missing)
		} // else an unknown path under it is the NotFoundHandler's 404
	}
	r.NotFoundHandler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		WriteError(w, r, &Error{Status: http.StatusNotFound, Code: "NotFound", Detail: "no resource at " + r.URL.Path})
	})
	r.MethodNotAllowedHandler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		WriteError(w, r, &Error{Status: http.StatusMethodNotAllowed, Code: "MethodNotAllowed", Detail: "method " + r.Method + " is not allowed on " + r.URL.Path})
	})
}

// mountedPrefixes are the first path segments of the routes mounted on r so
// far ("ogc" for /ogc/collections/{id}): a service that mounted any
// route under a prefix serves it, so a path under it that no route matches is
// unknown (404), not a service that is missing (501).
func mountedPrefixes(r *mux.Router) map[string]bool {
	out := map[string]bool{}
	r.Walk(func(rt *mux.Route, _ *mux.Router, _ []*mux.Route) error {
		tpl, err := rt.GetPathTemplate()
		if err != nil || !strings.HasPrefix(tpl, "/") {
			return nil
		}
		seg, _, _ := strings.Cut(tpl[1:], "/")
		if seg != "" && !strings.ContainsAny(seg, "{}") {
			out[seg] = true
		}
		return nil
	})
	return out
}

// ---- ETag / caching ----

// ETag makes a strong entity tag for a dataset response from the dataset name,
// its revision, the request path and query, and extra (e.g. the chosen format).
func ETag(d *Dataset, r *http.Request, extra string) string {
	hs := sha256.New()
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], uint64(d.Revision()))
	hs.Write([]byte(d.Name))
	hs.Write(b[:])
	hs.Write([]byte(r.URL.EscapedPath()))
	hs.Write([]byte{0})
	hs.Write([]byte(r.URL.RawQuery))
	hs.Write([]byte{0})
	hs.Write([]byte(extra))
	return `"` + hex.EncodeToString(hs.Sum(nil)[:12]) + `"`
}

// ContentETag makes a strong entity tag from response bytes.
func ContentETag(body []byte) string {
	s := sha256.Sum256(body)
	return `"` + hex.EncodeToString(s[:12]) + `"`
}

// CacheScope is the Cache-Control scope of a response that depends on the
// caller's rights: "private" for a request with a key; "public" otherwise,
// with Vary on the key headers, so that a shared cache never answers a key
// holder with the public copy (nor, since keyed answers are private, anyone
// with a key holder's).
func CacheScope(w http.ResponseWriter, r *http.Request) string {
	if PrincipalFrom(r.Context()) != nil {
		return "private"
	}
	w.Header().Add("Vary", "Authorization, X-API-Key")
	return "public"
}

// NotModified sets ETag and Cache-Control and, when If-None-Match matches,
// writes 304 and returns true. Responses to requests with a key are private.
func NotModified(w http.ResponseWriter, r *http.Request, etag string) bool {
	h := w.Header()
	h.Set("ETag", etag)
	maxAge := 0
	if s := StateFrom(r.Context()); s != nil {
		maxAge = int(s.Config.Cache.MaxAge.D() / time.Second)
	}
	scope := CacheScope(w, r)
	if maxAge > 0 {
		h.Set("Cache-Control", scope+", max-age="+strconv.Itoa(maxAge))
	} else {
		h.Set("Cache-Control", scope+", no-cache")
	}
	inm := r.Header.Get("If-None-Match")
	if inm == "" || (r.Method != http.MethodGet && r.Method != http.MethodHead) {
		return false
	}
	for t := range strings.SplitSeq(inm, ",") {
		t = strings.TrimSpace(t)
		if t == "*" || t == etag || strings.TrimPrefix(t, "W/") == etag {
			w.WriteHeader(http.StatusNotModified)
			return true
		}
	}
	return false
}

func writeJSON(w http.ResponseWriter, r *http.Request, contentType string, body []byte) {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	if r.Method == http.MethodHead {
		w.WriteHeader(http.StatusOK)
		return
	}
	w.Write(body)
}

// ---- dataset API ----

type link struct {
	Href  string `json:"href"`
	Rel   string `json:"rel"`
	Type  string `json:"type,omitempty"`
	Title string `json:"title,omitempty"`
}

type extentJSON struct {
	// EPSG2180 is [minE, minN, maxE, maxN] in the storage CRS.
	EPSG2180 [4]float64 `json:"epsg2180"`
	CRS      string     `json:"crs"`
}

type layerJSON struct {
	Name       string      `json:"name"`
	Title      string      `json:"title"`
	Class      string      `json:"class,omitempty"`
	Geometry   string      `json:"geometry"`
	Public     bool        `json:"public"`
	Count      int         `json:"count"`
	Extent     *extentJSON `json:"extent"`
	Attributes []string    `json:"attributes"`
}

type datasetJSON struct {
	Name     string      `json:"name"`
	Title    string      `json:"title"`
	Revision int64       `json:"revision"`
	Layers   []layerJSON `json:"layers,omitempty"`
	Links    []link      `json:"links"`
}

// WritePrivateJSON writes v as indented JSON with status, for answers no
// cache may keep (orders, alerts being authored, subscriptions).
func WritePrivateJSON(w http.ResponseWriter, status int, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, err = w.Write(append(b, '\n'))
	return err
}

// BaseURL is the configured public URL (base_url) or the one the request
// came to, without a trailing slash: what services put in their links.
func BaseURL(r *http.Request) string { return baseURL(r) }

// baseURL is the configured public URL or the one the request came to.
func baseURL(r *http.Request) string {
	if s := StateFrom(r.Context()); s != nil && s.Config.BaseURL != "" {
		return strings.TrimSuffix(s.Config.BaseURL, "/")
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

func (h *Host) listDatasets(w http.ResponseWriter, r *http.Request) {
	st := h.State(r)
	base := baseURL(r)
	out := struct {
		Datasets []datasetJSON `json:"datasets"`
		Links    []link        `json:"links"`
	}{Datasets: []datasetJSON{}, Links: []link{{Href: base + "/api/datasets", Rel: "self", Type: "application/json"}}}
	var tag strings.Builder
	for _, d := range st.Datasets() {
		out.Datasets = append(out.Datasets, datasetJSON{Name: d.Name, Title: d.Title, Revision: d.Revision(),
			Links: []link{{Href: base + "/api/datasets/" + d.Name, Rel: "item", Type: "application/json", Title: d.Title}}})
		tag.WriteString(d.Name + ":" + strconv.FormatInt(d.Revision(), 10) + ";")
	}
	body, _ := json.Marshal(out)
	if NotModified(w, r, ContentETag(append([]byte(tag.String()), base...))) {
		return
	}
	writeJSON(w, r, "application/json", append(body, '\n'))
}

// summary is the cached JSON body of /api/datasets/{name} for the current
// revision, one per access (the layers and columns the caller may read), so
// that keys with the same rights share it and no key sees another's.
func (d *Dataset) summary(r *http.Request) (body []byte, etag string, err error) {
	var buf [16]byte
	slot := d.appendAccess(buf[:0], r)
	rev := d.Revision()
	base := baseURL(r)
	d.summaryMu.Lock()
	c := d.summaries[string(slot)] // the conversion does not allocate
	d.summaryMu.Unlock()
	if c.ok && c.rev == rev && bytes.HasPrefix(c.body, []byte(base)) {
		return c.body[len(base):], c.etag, nil
	}
	out := datasetJSON{Name: d.Name, Title: d.Title, Revision: rev, Layers: []layerJSON{},
		Links: []link{{Href: base + "/api/datasets/" + d.Name, Rel: "self", Type: "application/json"}}}
	for _, l := range d.layers {
		lc, _ := d.Config.Layer(l.Name)
		if !lc.IsPublic() && d.CanRead(r, lc) != nil {
			continue
		}
		n, err := d.count(r.Context(), rev, l.Name)
		if err != nil {
			return nil, "", err
		}
		lj := layerJSON{Name: l.Name, Title: l.Title, Class: l.Class, Geometry: string(l.Geometry), Public: lc.IsPublic(),
			Count: int(n), Attributes: []string{}}
		for _, c := range d.PublicColumns(r, l, lc) {
			lj.Attributes = append(lj.Attributes, c.Name)
		}
		b, ok, err := d.Store.Extent(r.Context(), l.Name)
		if err != nil {
			return nil, "", err
		}
		if ok {
			lj.Extent = &extentJSON{EPSG2180: [4]float64{b.Min[0], b.Min[1], b.Max[0], b.Max[1]}, CRS: "http://www.opengis.net/def/crs/EPSG/0/2180"}
		}
		out.Layers = append(out.Layers, lj)
	}
	body, err = json.Marshal(out)
	if err != nil {
		return nil, "", err
	}
	body = append(body, '\n')
	etag = ContentETag(body)
	d.summaryMu.Lock()
	if _, ok := d.summaries[string(slot)]; !ok && len(d.summaries) >= maxSummaryViews {
		clear(d.summaries)
	}
	if d.summaries == nil {
		d.summaries = map[string]cachedBody{}
	}
	d.summaries[string(slot)] = cachedBody{rev: rev, ok: true, body: append([]byte(base), body...), etag: etag}
	d.summaryMu.Unlock()
	return body, etag, nil
}

// count is the number of current objects of a layer, counted once per
// revision (a count of a large PostGIS table scans it).
func (d *Dataset) count(ctx context.Context, rev int64, layer string) (int64, error) {
	d.summaryMu.Lock()
	if d.counts.rev != rev || d.counts.n == nil {
		d.counts.rev, d.counts.n = rev, map[string]int64{}
	}
	n, ok := d.counts.n[layer]
	d.summaryMu.Unlock()
	if ok {
		return n, nil
	}
	n, err := d.Index.Count(ctx, layer)
	if err != nil {
		return 0, err
	}
	d.summaryMu.Lock()
	if d.counts.rev == rev {
		d.counts.n[layer] = n
	}
	d.summaryMu.Unlock()
	return n, nil
}

func (h *Host) getDataset(w http.ResponseWriter, r *http.Request) {
	d, ok := h.Dataset(r, Var(r, "name"))
	if !ok {
		WriteError(w, r, &Error{Status: http.StatusNotFound, Code: "NotFound", Detail: "no dataset " + strconv.Quote(Var(r, "name"))})
		return
	}
	body, etag, err := d.summary(r)
	if err != nil {
		WriteErr(w, r, err)
		return
	}
	if NotModified(w, r, etag) {
		return
	}
	writeJSON(w, r, "application/json", body)
}

// identifierColumn is the layer's domain identifier (id_dzialki, id_budynku, …):
// the first text column named id_*.
func identifierColumn(l store.Layer) string {
	for _, c := range l.Columns {
		if strings.HasPrefix(c.Name, "id_") && c.Type == store.Text {
			return c.Name
		}
	}
	return ""
}

// getFeature serves the current version of one object as a GeoJSON Feature with
// EPSG:2180 (E, N) coordinates. {id} is the object's lokalnyId or the layer's
// domain identifier, e.g. a parcel id 141201_1.0001.6509/2 sent as …6509%2F2.
func (h *Host) getFeature(w http.ResponseWriter, r *http.Request) {
	name, layer, id := Var(r, "name"), Var(r, "layer"), Var(r, "id")
	d, ok := h.Dataset(r, name)
	if !ok {
		WriteError(w, r, &Error{Status: http.StatusNotFound, Code: "NotFound", Detail: "no dataset " + strconv.Quote(name)})
		return
	}
	l, lc, ok := d.Layer(layer)
	if !ok {
		WriteError(w, r, &Error{Status: http.StatusNotFound, Code: "NotFound", Detail: "no layer " + strconv.Quote(layer) + " in dataset " + name})
		return
	}
	if e := d.CanRead(r, lc); e != nil {
		WriteError(w, r, e)
		return
	}
	// Labelled once the layer is known to exist: a client's made-up names
	// would each add a latency series.
	SetLayer(r, layer)
	etag := ETag(d, r, strconv.FormatBool(d.FullAccess(r, lc)))
	if NotModified(w, r, etag) {
		return
	}
	o, err := d.Store.Get(r.Context(), layer, id)
	if errors.Is(err, store.ErrNotFound) {
		if col := identifierColumn(l); col != "" {
			err = d.Store.Query(r.Context(), store.Query{Layer: layer, Where: map[string]any{col: id}, Limit: 1}, func(row store.Row) error {
				o = row.Object
				return nil
			})
			if err == nil && o == nil {
				err = store.ErrNotFound
			}
		}
	}
	if errors.Is(err, store.ErrNotFound) {
		WriteError(w, r, &Error{Status: http.StatusNotFound, Code: "NotFound", Detail: "no current feature " + strconv.Quote(id) + " in layer " + layer})
		return
	}
	if err != nil {
		WriteErr(w, r, err)
		return
	}
	body, err := featureJSON(d, l, d.PublicColumns(r, l, lc), o, baseURL(r))
	if err != nil {
		WriteErr(w, r, err)
		return
	}
	w.Header().Set("Content-Crs", "<http://www.opengis.net/def/crs/EPSG/0/2180>")
	writeJSON(w, r, "application/geo+json", body)
}

func featureJSON(d *Dataset, l store.Layer, cols []store.Column, o *store.Object, base string) ([]byte, error) {
	props := make(map[string]any, len(cols)+4)
	for _, c := range cols {
		props[c.Name] = attrJSON(c.Type, o.Attrs[c.Name])
	}
	props["przestrzen_nazw"] = o.Namespace
	props["wersja_id"] = o.Version
	if !o.StartObject.IsZero() {
		props["start_obiekt"] = o.StartObject.UTC().Format(time.RFC3339)
	}
	if !o.StartVersion.IsZero() {
		props["start_wersja_obiekt"] = o.StartVersion.UTC().Format(time.RFC3339)
	}
	geom := json.RawMessage(appendGeoJSONGeometry(nil, o.Geometry))
	coll := base + "/api/datasets/" + d.Name + "/layers/" + l.Name
	f := struct {
		Type       string          `json:"type"`
		ID         string          `json:"id"`
		Geometry   json.RawMessage `json:"geometry"`
		Properties map[string]any  `json:"properties"`
		Links      []link          `json:"links"`
	}{"Feature", o.ID, geom, props, []link{
		{Href: coll + "/features/" + escapeSegment(o.ID), Rel: "self", Type: "application/geo+json"},
		{Href: base + "/api/datasets/" + d.Name, Rel: "collection", Type: "application/json"},
	}}
	b, err := json.Marshal(f)
	return append(b, '\n'), err
}

func escapeSegment(s string) string {
	return strings.NewReplacer("%", "%25", "/", "%2F", "?", "%3F", "#", "%23", " ", "%20").Replace(s)
}

func attrJSON(t store.ColumnType, v any) any {
	tm, ok := v.(time.Time)
	if !ok {
		return v
	}
	if t == store.Date {
		return tm.Format(time.DateOnly)
	}
	return tm.UTC().Format(time.RFC3339)
}

// ---- summary page ----

var summaryTmpl = template.Must(template.New("summary").Parse(`<!doctype html>
<html lang="pl"><head><meta charset="utf-8"><title>SIP — zbiory danych</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left}td.n{text-align:right}</style>
</head><body>
<h1>SIP — zbiory danych</h1>
{{range .}}<h2>{{.Title}} <small>({{.Name}}, rewizja {{.Revision}})</small></h2>
<table><tr><th>warstwa</th><th>nazwa</th><th>geometria</th><th>obiekty</th><th>zasięg EPSG:2180 (E min, N min, E max, N max)</th></tr>
{{range .Layers}}<tr><td><code>{{.Name}}</code></td><td>{{.Title}}</td><td>{{.Geometry}}</td><td class="n">{{.Count}}</td><td>{{with .Extent}}{{printf "%.2f, %.2f, %.2f, %.2f" (index .EPSG2180 0) (index .EPSG2180 1) (index .EPSG2180 2) (index .EPSG2180 3)}}{{else}}—{{end}}</td></tr>
{{end}}</table>
<p><a href="/api/datasets/{{.Name}}">/api/datasets/{{.Name}}</a></p>
{{end}}</body></html>
`))

func (h *Host) summaryPage(w http.ResponseWriter, r *http.Request) {
	var ds []datasetJSON
	for _, d := range h.State(r).Datasets() {
		body, _, err := d.summary(r)
		if err != nil {
			WriteErr(w, r, err)
			return
		}
		var dj datasetJSON
		if err := json.Unmarshal(body, &dj); err != nil {
			WriteErr(w, r, err)
			return
		}
		ds = append(ds, dj)
	}
	var buf bytes.Buffer
	if err := summaryTmpl.Execute(&buf, ds); err != nil {
		WriteErr(w, r, err)
		return
	}
	if NotModified(w, r, ContentETag(buf.Bytes())) {
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(buf.Bytes())
}
