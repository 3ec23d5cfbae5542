package open311

import (
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/server"
)

// specURL names the specification in the discovery document.
const specURL = "http://wiki.open311.org/GeoReport_v2"

// started is the changeset of the discovery document: the configuration of a
// server changes only with a reload, which reads it again.
var started = time.Now()

func (m *manager) discovery(w http.ResponseWriter, r *http.Request) error {
	o := server.StateFrom(r.Context()).Config.Open311
	contact := o.Contact
	if contact == "" {
		contact = "Zgłoszenia mieszkańców: " + server.BaseURL(r) + "/"
	}
	ep := obj{{"specification", specURL}, {"url", server.BaseURL(r) + Prefix}, {"changeset", started}, {"type", "production"},
		{"formats", list{item: "format", elems: []any{"text/xml", "application/json"}}}}
	keyNote := "POST requests needs no api_key"
	if o.RequireKey {
		keyNote = "POST requests needs an api_key from the server's operator"
	}
	write(w, http.StatusOK, formatOf(r), "discovery", obj{{"changeset", started}, {"contact", contact}, {"key_service", keyNote},
		{"endpoints", list{item: "endpoint", elems: []any{ep}}}})
	return nil
}

// checkJurisdiction validates jurisdiction_id: unknown is a 404; with several
// jurisdictions a POST must name one.
func checkJurisdiction(cat *catalogue, id string, required bool) (config.Jurisdiction, error) {
	if id == "" {
		if required && len(cat.jurisdictions) > 1 {
			return config.Jurisdiction{}, apiError(http.StatusBadRequest, "jurisdiction_id is required: this server hosts %d jurisdictions", len(cat.jurisdictions))
		}
		return cat.jurisdictions[0], nil
	}
	j, ok := cat.jurisdiction(id)
	if !ok {
		return j, apiError(http.StatusNotFound, "unknown jurisdiction_id %.64q", id)
	}
	return j, nil
}

func (m *manager) services(w http.ResponseWriter, r *http.Request) error {
	cat, err := m.catalogue(r)
	if err != nil {
		return err
	}
	if _, err := checkJurisdiction(cat, r.URL.Query().Get("jurisdiction_id"), false); err != nil {
		return err
	}
	var elems []any
	for _, s := range cat.services {
		typ := s.Type
		if typ == "" {
			typ = "realtime"
		}
		elems = append(elems, obj{{"service_code", s.Code}, {"service_name", s.Name}, {"description", s.Description},
			{"metadata", len(s.Attributes) > 0}, {"type", typ}, {"keywords", strings.Join(s.Keywords, ", ")}, {"group", s.Group}})
	}
	write(w, http.StatusOK, formatOf(r), "services", list{item: "service", elems: elems})
	return nil
}

func (m *manager) definition(w http.ResponseWriter, r *http.Request) error {
	cat, err := m.catalogue(r)
	if err != nil {
		return err
	}
	if _, err := checkJurisdiction(cat, r.URL.Query().Get("jurisdiction_id"), false); err != nil {
		return err
	}
	s, ok := cat.byCode[server.Var(r, "code")]
	if !ok {
		return apiError(http.StatusNotFound, "unknown service_code %.64q", server.Var(r, "code"))
	}
	var attrs []any
	for i, a := range s.Attributes {
		order := a.Order
		if order == 0 {
			order = i + 1
		}
		var vals []any
		for _, v := range a.Values {
			vals = append(vals, obj{{"key", v.Key}, {"name", v.Name}})
		}
		attrs = append(attrs, obj{{"variable", attributeVariable(a)}, {"code", a.Code}, {"datatype", a.Datatype}, {"required", a.Required},
			{"datatype_description", a.DatatypeDescription}, {"order", order}, {"description", a.Description}, {"values", list{item: "value", elems: vals}}})
	}
	write(w, http.StatusOK, formatOf(r), "service_definition", obj{{"service_code", s.Code}, {"attributes", list{item: "attribute", elems: attrs}}})
	return nil
}

// requestDoc is a request as GET requests shows it. With extensions it adds
// the detailed state, the routing decision and the history (notes).
func requestDoc(req *Request, base string, ext bool, notes []Note) obj {
	status := Status(req.State)
	if ext {
		status = req.State
	}
	media := req.MediaURL
	if req.HasMedia {
		media = base + Prefix + "/media/" + req.ID + ".jpg"
	}
	o := obj{{"service_request_id", req.ID}, {"status", status}, {"status_notes", req.StatusNotes}, {"service_name", req.ServiceName},
		{"service_code", req.ServiceCode}, {"description", req.Description}, {"agency_responsible", req.Agency},
		{"service_notice", req.Notice}, {"requested_datetime", req.Requested}, {"updated_datetime", req.Updated},
		{"expected_datetime", req.Expected}, {"address", req.Address}, {"address_id", req.AddressID}, {"zipcode", ""},
		{"lat", req.Lat}, {"long", req.Long}, {"media_url", media}}
	if !ext {
		return o
	}
	d := req.Decision
	var alts []any
	for _, a := range d.Alternatives {
		alts = append(alts, obj{{"agency", a.Target.Name}, {"distance_m", a.Distance}, {"why", a.Why}})
	}
	var attrs []any
	for _, code := range sortedKeys(req.Attributes) {
		attrs = append(attrs, obj{{"code", code}, {"values", list{item: "value", elems: anys(req.Attributes[code])}}})
	}
	ea := obj{{"detailed_status", req.State}, {"jurisdiction_id", req.Jurisdiction}, {"agency_code", req.AgencyCode},
		{"agency_hosted", req.Hosted}, {"flagged", d.Flagged}, {"routing_reason", d.Reason}, {"jednostka", d.Jednostka},
		{"obreb", d.Obreb}, {"alternatives", list{item: "alternative", elems: alts}}, {"attributes", list{item: "attribute", elems: attrs}}}
	if d.Asset != nil {
		ea = append(ea, field{"asset", obj{{"layer", d.Asset.Layer}, {"id", d.Asset.ID}, {"value", d.Asset.Value}, {"label", d.Asset.Label}, {"distance_m", d.Asset.Distance}}})
	}
	var ns []any
	for _, n := range notes {
		author := "staff"
		if n.Author == "system" {
			author = "system"
		}
		ns = append(ns, obj{{"datetime", n.Time}, {"status", n.State}, {"description", n.Text}, {"author", author}})
	}
	return append(o, field{"extended_attributes", ea}, field{"notes", list{item: "note", elems: ns}})
}

func sortedKeys(m map[string][]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func (m *manager) list(w http.ResponseWriter, r *http.Request) error {
	q, err := parseQuery(r.URL.Query(), time.Now())
	if err != nil {
		return err
	}
	cat, err := m.catalogue(r)
	if err != nil {
		return err
	}
	if q.Jurisdiction != "" {
		if _, err := checkJurisdiction(cat, q.Jurisdiction, false); err != nil {
			return err
		}
		if len(cat.jurisdictions) > 1 {
			q.Filter.Jurisdiction = q.Jurisdiction
		}
	}
	reqs, total, err := m.db.List(r.Context(), q.Filter)
	if err != nil {
		return err
	}
	base := server.BaseURL(r)
	elems := make([]any, 0, len(reqs))
	for _, req := range reqs {
		var notes []Note
		if q.Extensions {
			if notes, err = m.db.Notes(r.Context(), req.ID); err != nil {
				return err
			}
		}
		elems = append(elems, requestDoc(req, base, q.Extensions, notes))
	}
	w.Header().Set("X-Total-Count", strconv.Itoa(total))
	w.Header().Set("Cache-Control", "no-cache")
	write(w, http.StatusOK, formatOf(r), "service_requests", list{item: "request", elems: elems})
	return nil
}

func (m *manager) get(w http.ResponseWriter, r *http.Request) error {
	req, err := m.db.Get(r.Context(), server.Var(r, "id"))
	if errors.Is(err, ErrNotFound) {
		return apiError(http.StatusNotFound, "no service request %.64q", server.Var(r, "id"))
	}
	if err != nil {
		return err
	}
	ext := r.URL.Query().Get("extensions") == "true" || r.URL.Query().Get("extensions") == "1"
	var notes []Note
	if ext {
		if notes, err = m.db.Notes(r.Context(), req.ID); err != nil {
			return err
		}
	}
	w.Header().Set("Cache-Control", "no-cache")
	write(w, http.StatusOK, formatOf(r), "service_requests", list{item: "request", elems: []any{requestDoc(req, server.BaseURL(r), ext, notes)}})
	return nil
}

func (m *manager) token(w http.ResponseWriter, r *http.Request) error {
	req, err := m.db.ByToken(r.Context(), server.Var(r, "token"))
	if errors.Is(err, ErrNotFound) {
		return apiError(http.StatusNotFound, "unknown token")
	}
	if err != nil {
		return err
	}
	write(w, http.StatusOK, formatOf(r), "service_requests", list{item: "request", elems: []any{obj{{"service_request_id", req.ID}, {"token", req.Token}}}})
	return nil
}

func (m *manager) media(w http.ResponseWriter, r *http.Request) error {
	md, err := m.db.Media(r.Context(), server.Var(r, "id"))
	if errors.Is(err, ErrNotFound) {
		return apiError(http.StatusNotFound, "no photo for request %.64q", server.Var(r, "id"))
	}
	if err != nil {
		return err
	}
	etag := server.ContentETag(md.Bytes)
	w.Header().Set("Cache-Control", "public, max-age=86400")
	if server.NotModified(w, r, etag) {
		return nil
	}
	w.Header().Set("Content-Type", md.ContentType)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Length", strconv.Itoa(len(md.Bytes)))
	if r.Method != http.MethodHead {
		w.Write(md.Bytes)
	}
	return nil
}

// keyHolder authenticates a request's api_key parameter (or the key the core
// already checked in its headers) against the configured keys in constant
// time. present is false when no key was given at all.
func keyHolder(r *http.Request, param string) (p *server.Principal, present bool) {
	if p := server.PrincipalFrom(r.Context()); p != nil {
		return p, true
	}
	if param == "" {
		return nil, false
	}
	sum := sha256.Sum256([]byte(param))
	want := "sha256:" + fmt.Sprintf("%x", sum)
	var found *server.Principal
	for _, k := range server.StateFrom(r.Context()).Config.Auth.Keys {
		if subtle.ConstantTimeCompare([]byte(want), []byte(k.Hash)) == 1 {
			found = &server.Principal{Name: k.Name, Roles: k.Roles, Datasets: k.Datasets}
		}
	}
	return found, true
}
