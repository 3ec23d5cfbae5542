// Package wms is the Web Map Service of SIP core: WMS 1.1.1 and 1.3.0 with
// GetCapabilities, GetMap, GetFeatureInfo and GetLegendGraphic, serving the KIEG
// cadastral layers (dzialki, numery_dzialek, budynki, obreby, uzytki, kontury,
// punkty) and the planning layers (strefy, mpzp, plany, in thematic styles
// with a per-class legend) of every hosted dataset at /wms (and /ows), and of
// one dataset at /wms/{dataset}.
//
// GetMap reads feature ids from the in-memory spatial index and geometry from an
// in-memory feature cache kept current from the store's change log; it never
// scans the store. Rendering is anti-aliased (package wms/render).
// RenderTile draws the WMTS raster tiles that package tiles serves.
package wms

import (
	"bytes"
	"fmt"
	"image/color"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/mux"

	"github.com/sip-core/sip/cadastre"
	"github.com/sip-core/sip/geo"
	"github.com/sip-core/sip/internal/cache"
	"github.com/sip-core/sip/internal/xmltext"
	"github.com/sip-core/sip/server"
	"github.com/sip-core/sip/wms/render"
)

// Each server gets its own Service: its catalogue, caches and canvases are
// that server's alone.
func init() { server.RegisterNew(func() server.Service { return New() }) }

// Service is the WMS.
type Service struct {
	host *server.Host
	// canvases keeps a few idle canvases for reuse (bounded: what a burst of
	// large maps allocated goes back to the collector).
	canvases *render.Pool

	mu    sync.Mutex
	state *server.State
	cat   *catalogue
	feats map[*server.Dataset]*features
	// objs is the cache of drawable objects of every dataset (cache.map_features).
	objs *featCache
	// names are the cadastre's names per dataset, for GetFeatureInfo.
	names *namesCache
}

// New makes the service (registered in init; tests may mount their own).
func New() *Service {
	return &Service{feats: map[*server.Dataset]*features{}, canvases: render.NewPool(canvasPoolBytes),
		objs: cache.New[featKey, *feat](64 << 20), names: &namesCache{m: map[*server.Dataset]*cadastre.Names{}}}
}

// canvasPoolBytes bounds the idle canvases a service keeps: a dozen 512×512
// maps, or hundreds of 256×256 tiles.
const canvasPoolBytes = 32 << 20

// Name implements server.Service.
func (s *Service) Name() string { return "wms" }

// Prefixes implements server.Declarer: /wms, and /ows but for the requests
// another service claims by SERVICE (the WFS), answer WMS exceptions.
func (s *Service) Prefixes() []server.Prefix {
	return []server.Prefix{{Path: "wms", Errors: server.WMSException}, {Path: "ows", Errors: server.WMSException}}
}

// Mount implements server.Service.
func (s *Service) Mount(r *mux.Router, h *server.Host) {
	s.host = h
	h.Fixed(r.Handle("/wms", h.Expensive(http.HandlerFunc(s.serve))))
	r.Handle("/wms/{dataset}", h.Expensive(http.HandlerFunc(s.serve)))
	notWFS := func(r *http.Request, _ *mux.RouteMatch) bool {
		return !strings.EqualFold(param(r.URL.Query(), "SERVICE"), "WFS")
	}
	r.Handle("/ows", h.Expensive(http.HandlerFunc(s.serve))).MatcherFunc(notWFS)
	s.Reload(h.Current())
}

// Reload implements server.Reloader: a new state gets a new catalogue, and
// the objects of datasets that are gone leave the cache.
func (s *Service) Reload(st *server.State) {
	s.mu.Lock()
	s.state = st
	s.cat = buildCatalogue(st)
	s.feats = map[*server.Dataset]*features{}
	live := map[*server.Dataset]bool{}
	for _, d := range st.Datasets() {
		s.feats[d] = newFeatures(d, labelColumns(s.cat, d), s.objs)
		live[d] = true
	}
	s.mu.Unlock()
	s.objs.SetBudget(int64(st.Config.Cache.MapFeatures))
	s.objs.RemoveFunc(func(k featKey, _ *feat) bool { return !live[k.d] })
}

// forState returns the catalogue and caches of the request's state (built on
// demand if the request runs on a state the service has not seen).
func (s *Service) forState(st *server.State) (*catalogue, func(*server.Dataset) *features) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if st != s.state {
		if st == s.host.Current() {
			s.mu.Unlock()
			s.Reload(st)
			s.mu.Lock()
		} else {
			// An older state still finishing requests: a throwaway catalogue.
			cat := buildCatalogue(st)
			tmp := map[*server.Dataset]*features{}
			var mu sync.Mutex
			return cat, func(d *server.Dataset) *features {
				mu.Lock()
				defer mu.Unlock()
				if tmp[d] == nil {
					tmp[d] = newFeatures(d, labelColumns(cat, d), s.objs)
				}
				return tmp[d]
			}
		}
	}
	cat, feats := s.cat, s.feats
	return cat, func(d *server.Dataset) *features {
		s.mu.Lock()
		defer s.mu.Unlock()
		f := feats[d]
		if f == nil {
			f = newFeatures(d, labelColumns(cat, d), s.objs)
			feats[d] = f
		}
		return f
	}
}

// param reads a query parameter by case-insensitive name (values keep case).
func param(q url.Values, name string) string {
	if v, ok := q[name]; ok && len(v) > 0 {
		return v[0]
	}
	for k, v := range q {
		if strings.EqualFold(k, name) && len(v) > 0 {
			return v[0]
		}
	}
	return ""
}

func hasParam(q url.Values, name string) bool {
	for k := range q {
		if strings.EqualFold(k, name) {
			return true
		}
	}
	return false
}

// request is one parsed WMS request.
type request struct {
	s       *Service
	r       *http.Request
	q       url.Values
	version string // "1.1.1" or "1.3.0"
	cat     *catalogue
	feats   func(*server.Dataset) *features
	st      *server.State
	base    string // the endpoint URL for capabilities links
	// Exception format of this request: "xml", "inimage", "blank".
	exc string
	// for INIMAGE/BLANK answers
	width, height int
	format        string
	bg            color.NRGBA
	transparent   bool
}

func (s *Service) serve(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		if err := r.ParseForm(); err != nil {
			// A body too large or too slow keeps its own status (413, 408).
			e := server.AsError(err)
			if e.Status == http.StatusInternalServerError {
				e = &server.Error{Status: 400, Code: "InvalidParameterValue", Detail: "cannot read the form: " + err.Error()}
			}
			writeExc(w, &request{s: s, r: r, version: "1.3.0", exc: "xml"}, e)
			return
		}
	}
	q := r.URL.Query()
	if r.Method == http.MethodPost {
		for k, v := range r.PostForm {
			q[k] = v
		}
	}
	st := s.host.State(r)
	cat, feats := s.forState(st)
	req := &request{s: s, r: r, q: q, cat: cat, feats: feats, st: st, exc: "xml", version: "1.3.0"}
	req.base = baseURL(r, st)
	if name := server.Var(r, "dataset"); name != "" {
		d, ok := st.Dataset(name)
		if !ok {
			writeExc(w, req, &server.Error{Status: 404, Code: "InvalidParameterValue", Detail: "no dataset " + name})
			return
		}
		req.cat = datasetCatalogue(cat, d)
	}
	if svc := param(q, "SERVICE"); svc != "" && !strings.EqualFold(svc, "WMS") {
		writeExc(w, req, &server.Error{Status: 400, Code: "InvalidParameterValue", Locator: "SERVICE", Detail: "SERVICE must be WMS"})
		return
	}
	op := param(q, "REQUEST")
	v := param(q, "VERSION")
	if v == "" {
		v = param(q, "WMTVER")
	}
	switch {
	case strings.EqualFold(op, "GetCapabilities") || strings.EqualFold(op, "capabilities"):
		req.version = negotiate(v)
		s.getCapabilities(w, req)
		return
	case op == "":
		writeExc(w, req, &server.Error{Status: 400, Code: "MissingParameterValue", Locator: "REQUEST", Detail: "REQUEST is required (GetCapabilities, GetMap, GetFeatureInfo, GetLegendGraphic)"})
		return
	}
	switch v {
	case "1.3.0":
		req.version = "1.3.0"
	case "1.1.1", "1.1.0", "1.0.0":
		req.version = "1.1.1"
	case "":
		if !strings.EqualFold(op, "GetLegendGraphic") {
			writeExc(w, req, &server.Error{Status: 400, Code: "MissingParameterValue", Locator: "VERSION", Detail: "VERSION is required (1.3.0 or 1.1.1)"})
			return
		}
	default:
		writeExc(w, req, &server.Error{Status: 400, Code: "InvalidParameterValue", Locator: "VERSION", Detail: fmt.Sprintf("version %q is not supported (1.3.0, 1.1.1)", v)})
		return
	}
	switch {
	case strings.EqualFold(op, "GetMap") || strings.EqualFold(op, "map"):
		s.getMap(w, req)
	case strings.EqualFold(op, "GetFeatureInfo") || strings.EqualFold(op, "feature_info"):
		s.getFeatureInfo(w, req)
	case strings.EqualFold(op, "GetLegendGraphic"):
		s.getLegendGraphic(w, req)
	default:
		writeExc(w, req, &server.Error{Status: 400, Code: "OperationNotSupported", Locator: "REQUEST", Detail: fmt.Sprintf("request %q is not supported", op)})
	}
}

// datasetCatalogue narrows a catalogue to one dataset, with plain layer names.
func datasetCatalogue(c *catalogue, d *server.Dataset) *catalogue {
	out := &catalogue{byName: map[string]*mapLayer{}}
	for _, g := range c.groups {
		if g.DS != d {
			continue
		}
		ng := group{DS: d}
		for _, l := range g.Layers {
			cp := *l
			cp.Name = l.Base
			ng.Layers = append(ng.Layers, &cp)
			out.byName[cp.Name] = &cp
		}
		out.groups = append(out.groups, ng)
	}
	return out
}

func baseURL(r *http.Request, st *server.State) string {
	if st != nil && st.Config.BaseURL != "" {
		return strings.TrimSuffix(st.Config.BaseURL, "/") + r.URL.EscapedPath()
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	if p := r.Header.Get("X-Forwarded-Proto"); p == "https" || p == "http" {
		scheme = p
	}
	return scheme + "://" + r.Host + r.URL.EscapedPath()
}

// negotiate picks the capabilities version (WMS 1.3.0 §6.2.4): the requested one
// if supported; otherwise the highest lower one; below all, the lowest.
func negotiate(v string) string {
	if v == "" {
		return "1.3.0"
	}
	cmp := compareVersion(v, "1.3.0")
	if cmp >= 0 {
		return "1.3.0"
	}
	return "1.1.1"
}

func compareVersion(a, b string) int {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := range 3 {
		var x, y int
		if i < len(pa) {
			x, _ = strconv.Atoi(pa[i])
		}
		if i < len(pb) {
			y, _ = strconv.Atoi(pb[i])
		}
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	return 0
}

// writeExc answers an error in the request's exception format: a
// ServiceExceptionReport of the request's version, or an image (INIMAGE with
// the message drawn, BLANK empty).
func writeExc(w http.ResponseWriter, req *request, e *server.Error) {
	if (req.exc == "inimage" || req.exc == "blank") && req.width > 0 && req.height > 0 && req.format != "" && e.Code != server.CodeServerBusy {
		// An image costs what a map of its size does: it is admitted like one,
		// and a busy server answers in XML instead.
		release, busy := server.Admit(req.r, render.MapBytes(req.width, req.height))
		if busy != nil {
			req.exc = "xml"
			writeExc(w, req, busy)
			return
		}
		defer release()
		bg := req.bg
		if req.transparent && req.format != "image/jpeg" {
			bg.A = 0
		}
		c := req.s.canvases.Canvas(req.width, req.height, bg)
		if req.exc == "inimage" {
			msg := ogcCode(e) + ": " + e.Detail
			y := float32(14)
			for len(msg) > 0 && y < float32(req.height) {
				line := msg
				for n := len(line); n > 0; n-- {
					lw, _, _ := render.TextSize(line[:n], 11)
					if lw <= float32(req.width)-8 || n == 1 {
						line = line[:n]
						break
					}
				}
				lw, _, _ := render.TextSize(line, 11)
				c.Label(line, render.Pt{X: 4 + lw/2, Y: y}, 11, color.NRGBA{200, 0, 0, 255}, color.NRGBA{255, 255, 255, 255}, 0)
				msg = msg[len(line):]
				y += 14
			}
		}
		writeImage(w, req, c)
		return
	}
	code := ogcCode(e)
	var b strings.Builder
	if req.version == "1.1.1" {
		b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="no"?>` + "\n")
		b.WriteString(`<!DOCTYPE ServiceExceptionReport SYSTEM "http://schemas.opengis.net/wms/1.1.1/exception_1_1_1.dtd">` + "\n")
		b.WriteString(`<ServiceExceptionReport version="1.1.1">` + "\n")
	} else {
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
		b.WriteString(`<ServiceExceptionReport version="1.3.0" xmlns="http://www.opengis.net/ogc" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.opengis.net/ogc http://schemas.opengis.net/wms/1.3.0/exceptions_1_3_0.xsd">` + "\n")
	}
	fmt.Fprintf(&b, `  <ServiceException code="%s"`, xmlEsc(code))
	if e.Locator != "" {
		fmt.Fprintf(&b, ` locator="%s"`, xmlEsc(e.Locator))
	}
	fmt.Fprintf(&b, ">%s</ServiceException>\n</ServiceExceptionReport>\n", xmlEsc(e.Detail))
	h := w.Header()
	for k, v := range e.Header { // WWW-Authenticate of a 401
		h[k] = v
	}
	if req.version == "1.1.1" {
		h.Set("Content-Type", "application/vnd.ogc.se_xml; charset=utf-8")
	} else {
		h.Set("Content-Type", "text/xml; charset=utf-8")
	}
	h.Set("Cache-Control", "no-store")
	if e.RetryAfter > 0 {
		h.Set("Retry-After", strconv.Itoa(int((e.RetryAfter+time.Second-1)/time.Second)))
	}
	status := e.Status
	if status == 0 {
		status = http.StatusBadRequest
	}
	w.WriteHeader(status)
	if req.r.Method != http.MethodHead {
		w.Write([]byte(b.String()))
	}
}

func ogcCode(e *server.Error) string {
	if e.Code != "" {
		return e.Code
	}
	if e.Status >= 500 {
		return "NoApplicableCode"
	}
	return "InvalidParameterValue"
}

// xmlEsc escapes text for the XML this package writes (xmltext.Escape).
func xmlEsc(s string) string { return xmltext.Escape(s) }

// writeImage encodes a canvas in the request's format.
func writeImage(w http.ResponseWriter, req *request, c *render.Canvas) {
	body, ct, err := encodeImage(req, c)
	if err != nil {
		server.WriteErr(w, req.r, err)
		return
	}
	sendImage(w, req, body, ct)
}

// encodeImage encodes the canvas in the request's format and releases it.
func encodeImage(req *request, c *render.Canvas) (*bytes.Buffer, string, error) {
	defer c.Release()
	var buf bytes.Buffer
	var err error
	ct := "image/png"
	switch req.format {
	case "image/jpeg":
		ct = "image/jpeg"
		err = c.JPEG(&buf, 85)
	case "image/png; mode=32bit":
		err = c.PNG32(&buf)
	case "image/png; mode=8bit":
		err = c.PNG8(&buf)
	default: // image/png: paletted when opaque, 32-bit with transparency
		if req.transparent {
			err = c.PNG32(&buf)
		} else {
			err = c.PNG8(&buf)
		}
	}
	return &buf, ct, err
}

func sendImage(w http.ResponseWriter, req *request, buf *bytes.Buffer, ct string) {
	h := w.Header()
	h.Set("Content-Type", ct)
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(http.StatusOK)
	if req.r.Method != http.MethodHead {
		w.Write(buf.Bytes())
	}
}

// formats maps accepted FORMAT spellings to the canonical ones.
var formats = map[string]string{
	"image/png":             "image/png",
	"png":                   "image/png",
	"image/png8":            "image/png; mode=8bit",
	"image/png; mode=8bit":  "image/png; mode=8bit",
	"image/png;mode=8bit":   "image/png; mode=8bit",
	"image/png32":           "image/png; mode=32bit",
	"image/png; mode=32bit": "image/png; mode=32bit",
	"image/png;mode=32bit":  "image/png; mode=32bit",
	"image/jpeg":            "image/jpeg",
	"jpeg":                  "image/jpeg",
	"image/jpg":             "image/jpeg",
}

var formatList = []string{"image/png", "image/png; mode=8bit", "image/png; mode=32bit", "image/jpeg"}

// supportedCRS are the CRSs offered (WMS 1.3.0 spellings).
var supportedCRS = []string{"EPSG:2180", "EPSG:2176", "EPSG:2177", "EPSG:2178", "EPSG:2179", "EPSG:4326", "EPSG:3857", "CRS:84"}

// parseCRS resolves a CRS/SRS parameter to a supported CRS and the axis order of
// BBOX in this version: 1.3.0 follows the EPSG definition (N,E for 2180 and
// 2176–2179, lat,lon for 4326); 1.1.1 is always x=E/lon, y=N/lat.
func parseCRS(s, version string) (*geo.CRS, geo.AxisOrder, bool) {
	c, _, err := geo.Parse(s)
	if err != nil {
		return nil, 0, false
	}
	ok := false
	for _, n := range supportedCRS {
		if sc, _, _ := geo.Parse(n); sc == c {
			ok = true
		}
	}
	if !ok {
		return nil, 0, false
	}
	if c == geo.CRS84 && version == "1.1.1" && !strings.EqualFold(strings.TrimSpace(s), "CRS:84") {
		return c, geo.EastNorth, true
	}
	if version == "1.1.1" {
		return c, geo.EastNorth, true
	}
	return c, c.Axis, true
}

// parseFloat accepts decimal and exponential numbers; NaN and ±Inf are refused.
func parseFloat(s string) (float64, bool) {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}
