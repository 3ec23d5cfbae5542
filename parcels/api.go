package parcels

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/sip-core/sip/server"
)

func badRequest(code, locator, format string, args ...any) *server.Error {
	e := server.Errorf(http.StatusBadRequest, format, args...)
	e.Code = code
	e.Locator = locator
	return e
}

// checkParams refuses parameters an endpoint does not know: a typo must not
// silently change the answer.
func checkParams(r *http.Request, known ...string) *server.Error {
	for k := range r.URL.Query() {
		ok := false
		for _, n := range known {
			if strings.EqualFold(k, n) {
				ok = true
				break
			}
		}
		if !ok {
			return badRequest("InvalidParameter", k, "unknown parameter %q (this endpoint takes %s)", k, strings.Join(known, ", "))
		}
	}
	return nil
}

func (m *mount) outParam(q queryParams) (*outCRS, *server.Error) {
	c, err := parseSRID(q["srid"])
	if err != nil {
		return nil, badRequest("InvalidCRS", "srid", "%s", err)
	}
	return m.outFor(c), nil
}

func writeJSON(w http.ResponseWriter, r *http.Request, ctype string, oc *outCRS, body []byte) {
	h := w.Header()
	h.Set("Content-Type", ctype)
	if oc != nil {
		h.Set("Content-Crs", "<"+oc.crs.URI()+">")
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	if r.Method == http.MethodHead {
		w.WriteHeader(http.StatusOK)
		return
	}
	w.Write(body)
}

func cardHref(r *http.Request, d *server.Dataset, id string) string {
	return "/api/parcels/" + url.PathEscape(id) + "?dataset=" + url.QueryEscape(d.Name)
}

// lookup answers /api/parcels?xy=E,N[&srid=…][&dataset=…]: the parcels at a point.
func (m *mount) lookup(w http.ResponseWriter, r *http.Request) {
	if e := checkParams(r, "xy", "srid", "dataset"); e != nil {
		server.WriteError(w, r, e)
		return
	}
	q := params(r)
	if strings.TrimSpace(q["xy"]) == "" {
		server.WriteError(w, r, badRequest("MissingParameterValue", "xy", "parameter xy=E,N is required (x = easting or longitude first; srid= names the CRS, default 2180)"))
		return
	}
	x, y, _, err := parseXY(q["xy"], false)
	if err != nil {
		server.WriteError(w, r, badRequest("InvalidParameterValue", "xy", "%s", err))
		return
	}
	in, err := parseSRID(q["srid"])
	if err != nil {
		server.WriteError(w, r, badRequest("InvalidCRS", "srid", "%s", err))
		return
	}
	pt, err := toStorage(in, x, y)
	if err != nil {
		server.WriteError(w, r, badRequest("InvalidParameterValue", "xy", "%s", err))
		return
	}
	srcs, err := m.sources(r, q["dataset"])
	if err != nil {
		server.WriteErr(w, r, err)
		return
	}
	oc := m.outFor(in)
	type hitAt struct {
		s source
		p located
	}
	var hits []hitAt
	for _, s := range srcs {
		ls, err := s.s.m.parcelsAt(r.Context(), pt)
		if err != nil {
			server.WriteErr(w, r, err)
			return
		}
		for _, p := range ls {
			hits = append(hits, hitAt{s, p})
		}
	}
	if len(hits) == 0 {
		if sw, err := toStorage(in, y, x); err == nil {
			for _, s := range srcs {
				if ls, err := s.s.m.parcelsAt(r.Context(), sw); err == nil && len(ls) > 0 {
					server.WriteError(w, r, badRequest("InvalidParameterValue", "xy", "%s", swappedError(x, y, in)))
					return
				}
			}
		}
	}
	b := make([]byte, 0, 1024)
	b = append(b, `{"type":"FeatureCollection","numberReturned":`...)
	b = strconv.AppendInt(b, int64(len(hits)), 10)
	b = append(b, `,"features":[`...)
	for i, h := range hits {
		if i > 0 {
			b = append(b, ',')
		}
		b = h.s.appendSummary(b, r, h.p, oc)
	}
	b = append(b, "]}\n"...)
	writeJSON(w, r, "application/geo+json", oc, b)
}

func appendJSONString(b []byte, s string) []byte {
	j, _ := json.Marshal(s)
	return append(b, j...)
}

// appendSummary writes the short GeoJSON feature of a parcel (point lookup).
func (s source) appendSummary(b []byte, r *http.Request, p located, oc *outCRS) []byte {
	m := s.s.m
	jedn, _, _ := strings.Cut(p.obreb, ".")
	if a, ok := m.obrebByID(p.obreb); ok && a.jedn != "" {
		jedn = a.jedn
	}
	b = append(b, `{"type":"Feature","id":`...)
	b = appendJSONString(b, p.id)
	b = append(b, `,"geometry":`...)
	b = oc.appendGeoJSON(b, p.geom)
	b = append(b, `,"properties":{"dataset":`...)
	b = appendJSONString(b, s.d.Name)
	b = append(b, `,"id_dzialki":`...)
	b = appendJSONString(b, p.id)
	b = append(b, `,"numer_dzialki":`...)
	b = appendJSONString(b, p.number)
	b = append(b, `,"obreb":{"id":`...)
	b = appendJSONString(b, p.obreb)
	b = append(b, `,"nazwa":`...)
	b = appendJSONString(b, m.obrebName(p.obreb))
	b = append(b, `},"gmina":{"id":`...)
	b = appendJSONString(b, jedn)
	b = append(b, `,"nazwa":`...)
	b = appendJSONString(b, m.jednName(jedn))
	b = append(b, `}},"links":[{"rel":"describedby","type":"application/geo+json","href":`...)
	b = appendJSONString(b, cardHref(r, s.d, p.id))
	return append(b, `}]}`...)
}

// search answers /api/parcels/search?q=…[&limit=n][&dataset=…].
func (m *mount) search(w http.ResponseWriter, r *http.Request) {
	if e := checkParams(r, "q", "limit", "dataset"); e != nil {
		server.WriteError(w, r, e)
		return
	}
	q := params(r)
	text := strings.TrimSpace(q["q"])
	if text == "" {
		server.WriteError(w, r, badRequest("MissingParameterValue", "q", "parameter q is required: a parcel id or its start, an obręb name with a parcel number (\"Łask 12/3\") or an address (\"Kościuszki 12\")"))
		return
	}
	if len(text) > 200 {
		server.WriteError(w, r, badRequest("InvalidParameterValue", "q", "q is longer than 200 bytes"))
		return
	}
	limit := 10
	if v, ok := q["limit"]; ok {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 100 {
			server.WriteError(w, r, badRequest("InvalidParameterValue", "limit", "limit must be an integer from 1 to 100, not %q", v))
			return
		}
		limit = n
	}
	srcs, err := m.sources(r, q["dataset"])
	if err != nil {
		server.WriteErr(w, r, err)
		return
	}
	type result struct {
		Dataset string     `json:"dataset"`
		ID      string     `json:"id"`
		Number  string     `json:"numer_dzialki"`
		Sheet   string     `json:"numer_arkusza,omitempty"`
		Obreb   named      `json:"obreb"`
		Gmina   named      `json:"gmina"`
		Address string     `json:"adres,omitempty"` // the address the query matched
		Label   string     `json:"label"`
		BBox    [4]float64 `json:"bbox"`
		Href    string     `json:"href"`
	}
	out := struct {
		Query   string   `json:"query"`
		Results []result `json:"results"`
	}{Query: text, Results: []result{}}
	seen := map[string]bool{}
	for _, s := range srcs {
		// addresses only where the request may read the parcels' adresy column
		cols, _ := s.publicCols(r, "dzialki")
		fs, err := s.s.m.matchText(r.Context(), text, limit, cols["adresy"])
		if err != nil {
			server.WriteErr(w, r, err)
			return
		}
		for _, f := range fs {
			p := f.p
			if seen[p.id] || len(out.Results) >= limit {
				continue
			}
			seen[p.id] = true
			jedn, _, _ := strings.Cut(p.obreb, ".")
			if a, ok := s.s.m.obrebByID(p.obreb); ok && a.jedn != "" {
				jedn = a.jedn
			}
			on := s.s.m.obrebName(p.obreb)
			label := p.id
			if on != "" {
				label = on + ", dz. " + p.number
				if p.sheet != "" {
					label = on + ", ark. " + p.sheet + ", dz. " + p.number
				}
			}
			if f.addr != "" {
				label = f.addr + ", dz. " + p.number
			}
			out.Results = append(out.Results, result{
				Dataset: s.d.Name, ID: p.id, Number: p.number, Sheet: p.sheet, Address: f.addr,
				Obreb: named{p.obreb, on}, Gmina: named{jedn, s.s.m.jednName(jedn)},
				Label: label, BBox: [4]float64{p.bound.Min[0], p.bound.Min[1], p.bound.Max[0], p.bound.Max[1]},
				Href: cardHref(r, s.d, p.id),
			})
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.Encode(out)
	w.Header().Set("Cache-Control", "no-cache")
	writeJSON(w, r, "application/json", nil, buf.Bytes())
}

type named struct {
	ID   string `json:"id"`
	Name string `json:"nazwa"`
}
