package features

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/mux"
	"github.com/paulmach/orb"

	"github.com/sip-core/sip/features/cql2"
	"github.com/sip-core/sip/features/filter"
	"github.com/sip-core/sip/geo"
	"github.com/sip-core/sip/ogcapi"
	"github.com/sip-core/sip/server"
)

// conformance lists the classes of OGC API – Features and CQL2 served here;
// /ogc/conformance adds those of the server's other parts (ogcapi.Part).
var conformance = []string{
	"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
	"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
	"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
	"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
	"http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
	"http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
	"http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
	"http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
	"http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters",
	"http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
	"http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
	"http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
	"http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
	"http://www.opengis.net/spec/cql2/1.0/conf/case-insensitive-comparison",
	"http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
	"http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus",
	"http://www.opengis.net/spec/cql2/1.0/conf/spatial-functions",
	"http://www.opengis.net/spec/cql2/1.0/conf/temporal-functions",
}

const geojsonType = "application/geo+json"

// supported output / bbox CRSs of OGC API Part 2.
func supportedCRS() []string {
	out := []string{"http://www.opengis.net/def/crs/OGC/1.3/CRS84"}
	for _, c := range geo.All() {
		if c.Code != 0 {
			out = append(out, c.URI())
		}
	}
	return out
}

// ogcAPI serves OGC API – Features, the part of /ogc (ogcapi.Part) that owns
// it: it mounts the common documents (landing page, conformance, OpenAPI) of
// its server's ogcapi.API, which list the other parts (tiles) too.
type ogcAPI struct {
	h   *server.Host
	cat *catalog
	api *ogcapi.API
}

func newOGCAPI(h *server.Host, cat *catalog) *ogcAPI {
	a := &ogcAPI{h: h, cat: cat}
	a.api = &ogcapi.API{Host: h, Primary: a,
		Description: "Dane ewidencyjne (EGiB) jako OGC API – Features",
		Title:       "SIP – OGC API Features", Summary: "Dane EGiB: działki, budynki, obręby, kontury"}
	return a
}

func (a *ogcAPI) mount(r *mux.Router) {
	get := []string{http.MethodGet, http.MethodHead}
	r.HandleFunc("/ogc", a.api.Landing).Methods(get...)
	r.HandleFunc("/ogc/", a.api.Landing).Methods(get...)
	r.HandleFunc("/ogc/conformance", a.api.Conformance).Methods(get...)
	r.HandleFunc("/ogc/api", a.api.OpenAPI).Methods(get...)
	r.HandleFunc("/ogc/collections", a.collections).Methods(get...)
	r.HandleFunc("/ogc/collections/{id}", a.collection).Methods(get...)
	r.HandleFunc("/ogc/collections/{id}/queryables", a.queryables).Methods(get...)
	r.Handle("/ogc/collections/{id}/items", a.h.Expensive(http.HandlerFunc(a.items))).Methods(get...)
	r.HandleFunc("/ogc/collections/{id}/items/{fid}", a.item).Methods(get...)
}

type collectionDoc struct {
	ID          string         `json:"id"`
	Title       string         `json:"title"`
	Description string         `json:"description,omitempty"`
	Links       []ogcapi.Link  `json:"links"`
	Extent      map[string]any `json:"extent,omitempty"`
	ItemType    string         `json:"itemType"`
	CRS         []string       `json:"crs"`
	StorageCRS  string         `json:"storageCrs"`
}

func (a *ogcAPI) describe(r *http.Request, c *Collection) collectionDoc {
	b := ogcapi.Base(r) + "/collections/" + url.PathEscape(c.ID)
	d := collectionDoc{ID: c.ID, Title: c.Title(), Description: c.Layer.Class, ItemType: "feature",
		CRS: supportedCRS(), StorageCRS: geo.CRS2180.URI(),
		Links: []ogcapi.Link{
			{Href: b, Rel: "self", Type: "application/json", Title: c.Title()},
			{Href: b + "?f=html", Rel: "alternate", Type: "text/html", Title: c.Title()},
			{Href: b + "/items", Rel: "items", Type: geojsonType, Title: "features"},
			{Href: b + "/items?f=html", Rel: "items", Type: "text/html", Title: "features (HTML)"},
			{Href: b + "/queryables", Rel: "http://www.opengis.net/def/rel/ogc/1.0/queryables", Type: "application/schema+json", Title: "queryables"},
		}}
	d.Links = append(d.Links, a.api.CollectionLinks(r, c.ID, b)...)
	if ext, ok, err := c.Dataset.Store.Extent(r.Context(), c.Layer.Name); err == nil && ok {
		tr, _ := geo.NewTransform(geo.CRS2180, geo.CRS84)
		g := tr.Bound(ext)
		d.Extent = map[string]any{"spatial": map[string]any{
			"bbox": [][4]float64{{g.Min[0], g.Min[1], g.Max[0], g.Max[1]}},
			"crs":  "http://www.opengis.net/def/crs/OGC/1.3/CRS84",
		}}
	}
	return d
}

func (a *ogcAPI) collections(w http.ResponseWriter, r *http.Request) {
	if e := ogcapi.CheckParams(r, "f"); e != nil {
		server.WriteError(w, r, e)
		return
	}
	s := a.h.State(r)
	var docs []collectionDoc
	for _, c := range a.cat.list(r, s) {
		docs = append(docs, a.describe(r, c))
	}
	b := ogcapi.Base(r) + "/collections"
	links := []ogcapi.Link{{Href: b, Rel: "self", Type: "application/json", Title: "collections"}, {Href: b + "?f=html", Rel: "alternate", Type: "text/html", Title: "collections (HTML)"}}
	if isHTML, _ := ogcapi.WantHTML(r); isHTML {
		var rows [][]string
		for _, d := range docs {
			rows = append(rows, []string{d.ID, d.Title})
			links = append(links, ogcapi.Link{Href: b + "/" + url.PathEscape(d.ID) + "?f=html", Rel: "item", Title: d.Title})
		}
		ogcapi.WriteHTML(w, ogcapi.HTMLPage{Title: "Kolekcje", Links: links, Rows: rows})
		return
	}
	if docs == nil {
		docs = []collectionDoc{}
	}
	ogcapi.WriteJSON(w, r, "application/json", map[string]any{"links": links, "collections": docs, "crs": supportedCRS()})
}

func (a *ogcAPI) find(w http.ResponseWriter, r *http.Request) *Collection {
	id := server.Var(r, "id")
	c, e := a.cat.resolve(r, a.h.State(r), id)
	if e != nil {
		server.WriteError(w, r, e)
		return nil
	}
	if c == nil {
		server.WriteError(w, r, &server.Error{Status: http.StatusNotFound, Code: "NotFound", Detail: "no collection " + strconv.Quote(id)})
		return nil
	}
	server.SetLayer(r, c.Layer.Name)
	return c
}

func (a *ogcAPI) collection(w http.ResponseWriter, r *http.Request) {
	if e := ogcapi.CheckParams(r, "f"); e != nil {
		server.WriteError(w, r, e)
		return
	}
	c := a.find(w, r)
	if c == nil {
		return
	}
	isHTML, _ := ogcapi.WantHTML(r)
	if server.NotModified(w, r, server.ETag(c.Dataset, r, fmt.Sprintf("collection|%v|%s|%s", isHTML, accessTag(r, c), r.Host))) {
		return
	}
	d := a.describe(r, c)
	if isHTML {
		ogcapi.WriteHTML(w, ogcapi.HTMLPage{Title: d.Title, Links: d.Links})
		return
	}
	ogcapi.WriteJSON(w, r, "application/json", d)
}

func (a *ogcAPI) queryables(w http.ResponseWriter, r *http.Request) {
	if e := ogcapi.CheckParams(r, "f"); e != nil {
		server.WriteError(w, r, e)
		return
	}
	c := a.find(w, r)
	if c == nil {
		return
	}
	props := map[string]any{"geometry": map[string]any{"format": "geometry-any", "title": "Geometria", "x-ogc-role": "primary-geometry"}}
	for _, p := range c.Props {
		t := map[string]any{"title": p.Title}
		switch p.Type {
		case filter.Number:
			t["type"] = "number"
		case filter.Integer:
			t["type"] = "integer"
		case filter.DateTime:
			t["type"], t["format"] = "string", "date-time"
		default:
			t["type"] = "string"
		}
		props[p.Name] = t
	}
	ogcapi.WriteJSON(w, r, "application/schema+json", map[string]any{
		"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": ogcapi.Base(r) + "/collections/" + url.PathEscape(c.ID) + "/queryables",
		"type": "object", "title": c.Title(), "properties": props, "additionalProperties": false,
	})
}

func parseCRSParam(name, v string) (*geo.CRS, geo.AxisOrder, *server.Error) {
	c, axis, err := geo.Parse(v)
	if err != nil {
		return nil, 0, ogcapi.BadParam(name, "unsupported CRS %q", v)
	}
	return c, axis, nil
}

func parseBBox(s string) (orb.Bound, error) {
	parts := strings.Split(s, ",")
	if len(parts) != 4 && len(parts) != 6 {
		return orb.Bound{}, fmt.Errorf("bbox needs 4 or 6 numbers")
	}
	var v []float64
	for _, p := range parts {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || f != f {
			return orb.Bound{}, fmt.Errorf("bad number %q in bbox", p)
		}
		v = append(v, f)
	}
	if len(v) == 6 {
		v = []float64{v[0], v[1], v[3], v[4]}
	}
	return orb.Bound{Min: orb.Point{v[0], v[1]}, Max: orb.Point{v[2], v[3]}}, nil
}

// toStorageBound converts a box given in crs (in the given axis order) to storage.
// The box must be well-formed (min <= max); an antimeridian-crossing CRS84 box is
// the caller's to handle (it cannot touch Polish data).
func (bc *boundCache) toStorageBound(b orb.Bound, c *geo.CRS, axis geo.AxisOrder) orb.Bound {
	if axis == geo.NorthEast {
		b = orb.Bound{Min: orb.Point{b.Min[1], b.Min[0]}, Max: orb.Point{b.Max[1], b.Max[0]}}
	}
	k := boundKey{b, c}
	bc.mu.Lock()
	sb, ok := bc.m[k]
	bc.mu.Unlock()
	if ok {
		return sb
	}
	tr, _ := geo.NewTransform(c, geo.CRS2180)
	sb = tr.Bound(b)
	bc.mu.Lock()
	if bc.m == nil || len(bc.m) >= 4096 {
		bc.m = map[boundKey]orb.Bound{}
	}
	bc.m[k] = sb
	bc.mu.Unlock()
	return sb
}

// boundCache remembers converted boxes (a server's, in its catalog): a box's
// transform samples its edges (dozens of projections), and map clients ask for
// the same boxes again. The conversion depends on the CRS alone, not on data.
type boundCache struct {
	mu sync.Mutex
	m  map[boundKey]orb.Bound
}

type boundKey struct {
	b orb.Bound
	c *geo.CRS
}

// parseDatetime reads an instant or an interval (".." open).
func parseDatetime(s string) (lo, hi time.Time, instant bool, err error) {
	if a, b, ok := strings.Cut(s, "/"); ok {
		if a != ".." && a != "" {
			t, ok := filter.ParseTime(a)
			if !ok {
				return lo, hi, false, fmt.Errorf("bad datetime %q", a)
			}
			lo = t
		}
		if b != ".." && b != "" {
			t, ok := filter.ParseTime(b)
			if !ok {
				return lo, hi, false, fmt.Errorf("bad datetime %q", b)
			}
			hi = t
		}
		if !lo.IsZero() && !hi.IsZero() && hi.Before(lo) {
			return lo, hi, false, fmt.Errorf("datetime interval ends before it starts")
		}
		return lo, hi, false, nil
	}
	t, ok := filter.ParseTime(s)
	if !ok {
		return lo, hi, false, fmt.Errorf("bad datetime %q", s)
	}
	return t, t, true, nil
}

const defaultLimit = 10

func (a *ogcAPI) items(w http.ResponseWriter, r *http.Request) {
	c := a.find(w, r)
	if c == nil {
		return
	}
	req, e := a.parseItems(r, c)
	if e != nil {
		server.WriteError(w, r, e)
		return
	}
	release, e := admitPage(r, req.q.limit)
	if e != nil {
		server.WriteError(w, r, e)
		return
	}
	defer release()
	if req.isHTML {
		a.itemsHTML(w, r, c, req.q, req.crs)
		return
	}
	w.Header().Set("Content-Type", geojsonType)
	w.Header().Set("Content-Crs", "<"+crsURI(req.crs.crs)+">")
	if r.Method == http.MethodHead {
		return
	}
	req.writeGeoJSON(w, r)
}

// writeGeoJSON streams the page as a GeoJSON feature collection; the count
// and the paging links follow the features.
func (req *itemsReq) writeGeoJSON(w http.ResponseWriter, r *http.Request) {
	q := req.q
	first := q.after == 0 && q.offset == 0
	out := newBody(w)
	out.buf = append(out.buf, `{"type":"FeatureCollection","features":[`...)
	n := 0
	next, err := q.pageEncoded(r.Context(), geojsonEncoder(req.c, req.crs, req.sel), func(fb []byte) error {
		if n > 0 {
			out.buf = append(out.buf, ',')
		}
		n++
		out.buf = append(out.buf, fb...)
		return out.more()
	})
	// numberMatched comes after the features: a single, last page needs no count
	matched := int64(n)
	if err == nil && (!first || next != 0) {
		matched, err = q.count(r.Context())
	}
	if err != nil {
		server.Logger(r.Context()).Error("items stream failed", "err", err)
		if !out.flushed {
			out.discard()
			server.WriteErr(w, r, err)
			return
		}
		out.close() // a cut response: the client sees invalid JSON
		return
	}
	buf := appendCounts(out.buf, matched, n)
	buf = append(buf, `,"timeStamp":`...)
	buf = appendJSONString(buf, time.Now().UTC().Format(time.RFC3339))
	lb, _ := json.Marshal(req.links(r, next, n))
	buf = append(buf, `,"links":`...)
	buf = append(buf, lb...)
	buf = append(buf, "}\n"...)
	out.buf = buf
	out.close()
}

// links are a page's self, alternate, next and prev links (n features, next
// the keyset cursor after them, 0 on the last page).
func (req *itemsReq) links(r *http.Request, next int64, n int) []ogcapi.Link {
	qs, index := req.qs, req.index
	self := ogcapi.Base(r) + "/collections/" + url.PathEscape(req.c.ID) + "/items"
	links := []ogcapi.Link{{Href: self + "?" + r.URL.RawQuery, Rel: "self", Type: geojsonType, Title: "this page"}}
	links[0].Href = strings.TrimSuffix(links[0].Href, "?")
	links = append(links, ogcapi.Link{Href: pageURL(self, qs, "html", "", -1), Rel: "alternate", Type: "text/html", Title: "this page as HTML"})
	if next != 0 {
		links = append(links, ogcapi.Link{Href: pageURL(self, qs, "", strconv.FormatInt(next, 10)+"."+strconv.Itoa(index+n), -1), Rel: "next", Type: geojsonType, Title: "next page"})
	}
	if index > 0 {
		links = append(links, ogcapi.Link{Href: pageURL(self, qs, "", "", max(0, index-req.q.limit)), Rel: "prev", Type: geojsonType, Title: "previous page"})
	}
	return links
}

// pageURL is the items URL with the paging parameters replaced.
func pageURL(self string, qs url.Values, f, cursor string, offset int) string {
	v := url.Values{}
	for k, x := range qs {
		if k != "cursor" && k != "offset" && k != "f" {
			v[k] = x
		}
	}
	if f != "" {
		v.Set("f", f)
	}
	if cursor != "" {
		v.Set("cursor", cursor)
	}
	if offset > 0 {
		v.Set("offset", strconv.Itoa(offset))
	}
	if len(v) == 0 {
		return self
	}
	return self + "?" + v.Encode()
}

func crsURI(c *geo.CRS) string {
	if c.Code == 0 {
		return "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
	}
	return c.URI()
}

func (a *ogcAPI) itemsHTML(w http.ResponseWriter, r *http.Request, c *Collection, q *query, out *outCRS) {
	var rows [][]string
	hdr := []string{"id"}
	for _, p := range c.Props {
		hdr = append(hdr, p.Name)
	}
	rows = append(rows, hdr)
	var links []ogcapi.Link
	self := ogcapi.Base(r) + "/collections/" + url.PathEscape(c.ID) + "/items/"
	_, err := q.page(r.Context(), func(f *feature) error {
		row := []string{f.FeatureID()}
		for _, v := range f.values {
			if v == nil {
				row = append(row, "")
			} else {
				row = append(row, fmt.Sprint(v))
			}
		}
		rows = append(rows, row)
		links = append(links, ogcapi.Link{Href: self + url.PathEscape(f.FeatureID()) + "?f=html", Rel: "item", Title: f.FeatureID()})
		return nil
	})
	if err != nil {
		server.WriteErr(w, r, err)
		return
	}
	ogcapi.WriteHTML(w, ogcapi.HTMLPage{Title: c.Title(), Links: links, Rows: rows})
}

func (a *ogcAPI) item(w http.ResponseWriter, r *http.Request) {
	if e := ogcapi.CheckParams(r, "f", "crs"); e != nil {
		server.WriteError(w, r, e)
		return
	}
	c := a.find(w, r)
	if c == nil {
		return
	}
	isHTML, e := ogcapi.WantHTML(r)
	if e != nil {
		server.WriteError(w, r, e)
		return
	}
	out := newOutCRS(geo.CRS84, geo.EastNorth)
	if v := r.URL.Query().Get("crs"); v != "" {
		cr, axis, e := parseCRSParam("crs", v)
		if e != nil {
			server.WriteError(w, r, e)
			return
		}
		out = newOutCRS(cr, axis)
	}
	fid := server.Var(r, "fid")
	// an item changes only with the dataset revision: revalidation is free
	if server.NotModified(w, r, server.ETag(c.Dataset, r, fmt.Sprintf("item|%v|%s", isHTML, accessTag(r, c)))) {
		return
	}
	q := &query{c: c, ids: []string{fid}, limit: 1}
	var found *feature
	if _, err := q.page(r.Context(), func(f *feature) error { found = f; return nil }); err != nil {
		server.WriteErr(w, r, err)
		return
	}
	if found == nil {
		server.WriteError(w, r, &server.Error{Status: http.StatusNotFound, Code: "NotFound", Detail: "no feature " + strconv.Quote(fid) + " in " + c.ID})
		return
	}
	coll := ogcapi.Base(r) + "/collections/" + url.PathEscape(c.ID)
	self := coll + "/items/" + url.PathEscape(fid)
	if isHTML {
		var rows [][]string
		for i, p := range c.Props {
			if found.values[i] != nil {
				rows = append(rows, []string{p.Name, fmt.Sprint(found.values[i])})
			}
		}
		ogcapi.WriteHTML(w, ogcapi.HTMLPage{Title: fid, Links: []ogcapi.Link{{Href: coll + "?f=html", Rel: "collection", Title: c.Title()}}, Rows: rows})
		return
	}
	links, _ := json.Marshal([]ogcapi.Link{
		{Href: self, Rel: "self", Type: geojsonType, Title: "this feature"},
		{Href: self + "?f=html", Rel: "alternate", Type: "text/html", Title: "this feature as HTML"},
		{Href: coll, Rel: "collection", Type: "application/json", Title: c.Title()},
	})
	w.Header().Set("Content-Type", geojsonType)
	w.Header().Set("Content-Crs", "<"+crsURI(out.crs)+">")
	w.Write(append(appendFeature(nil, found, out, nil, links), '\n'))
}

// parseCQL parses a CQL2 filter (text or JSON).
func parseCQL(c *Collection, src, lang, fcrs string) (filter.Expr, *server.Error) {
	opt := cql2.Options{Schema: c}
	if fcrs != "" {
		cr, axis, e := parseCRSParam("filter-crs", fcrs)
		if e != nil {
			return nil, e
		}
		opt.CRS, opt.Axis = cr, axis
	}
	var fe filter.Expr
	var err error
	switch lang {
	case "", "cql2-text":
		fe, err = cql2.ParseText(src, opt)
	case "cql2-json":
		fe, err = cql2.ParseJSON([]byte(src), opt)
	default:
		return nil, ogcapi.BadParam("filter-lang", "filter-lang must be cql2-text or cql2-json")
	}
	if err != nil {
		return nil, filterError(err)
	}
	return fe, nil
}

func filterError(err error) *server.Error {
	if fe, ok := filter.AsError(err); ok {
		return &server.Error{Status: http.StatusBadRequest, Code: "InvalidParameterValue", Detail: fe.Msg, Locator: "filter"}
	}
	return &server.Error{Status: http.StatusBadRequest, Code: "InvalidParameterValue", Detail: err.Error(), Locator: "filter"}
}

// accessTag distinguishes responses that differ by the caller's rights (the
// columns a key may see).
func accessTag(r *http.Request, c *Collection) string {
	if c.Dataset.FullAccess(r, c.Config) {
		return "full"
	}
	return "public"
}
