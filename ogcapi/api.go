package ogcapi

import (
	"net/http"

	"github.com/sip-core/sip/server"
)

// API serves the documents of /ogc every part contributes to: the landing
// page, the conformance declaration and the OpenAPI document. The service
// that owns /ogc (features) makes one per server and mounts its handlers.
type API struct {
	Host *server.Host
	// Primary is the part of the service that owns /ogc: listed first.
	Primary Part
	// Description is the landing page's description.
	Description string
	// Title and Summary are the OpenAPI document's info title and description.
	Title, Summary string
}

// Parts lists the parts of this server: Primary, then those of its other
// services.
func (a *API) Parts() []Part {
	out := []Part{a.Primary}
	for _, s := range a.Host.Services() {
		if p, ok := s.(Part); ok && p != a.Primary {
			out = append(out, p)
		}
	}
	return out
}

// CollectionLinks are the links the parts add to collection id (base: the
// absolute URL of /ogc/collections/{id}).
func (a *API) CollectionLinks(r *http.Request, id, base string) []Link {
	var out []Link
	for _, p := range a.Parts() {
		out = append(out, p.OGCCollectionLinks(r, id, base)...)
	}
	return out
}

// Landing serves /ogc: this document, the API definition, the conformance
// declaration, then each part's links. Its title is the first dataset's.
func (a *API) Landing(w http.ResponseWriter, r *http.Request) {
	if e := CheckParams(r, "f"); e != nil {
		server.WriteError(w, r, e)
		return
	}
	isHTML, e := WantHTML(r)
	if e != nil {
		server.WriteError(w, r, e)
		return
	}
	b := Base(r)
	links := []Link{
		{Href: b + "/", Rel: "self", Type: "application/json", Title: "this document"},
		{Href: b + "/?f=html", Rel: "alternate", Type: "text/html", Title: "this document as HTML"},
		{Href: b + "/api", Rel: "service-desc", Type: "application/vnd.oai.openapi+json;version=3.0", Title: "OpenAPI definition"},
		{Href: b + "/conformance", Rel: "conformance", Type: "application/json", Title: "conformance classes"},
	}
	for _, p := range a.Parts() {
		links = append(links, p.OGCLandingLinks(b)...)
	}
	title := "SIP – OGC API"
	if s := a.Host.State(r); s != nil && len(s.Datasets()) > 0 {
		title = s.Datasets()[0].Title + " – OGC API"
	}
	if isHTML {
		WriteHTML(w, HTMLPage{Title: title, Links: links})
		return
	}
	WriteJSON(w, r, "application/json", map[string]any{"title": title, "description": a.Description, "links": links})
}

// Conformance serves /ogc/conformance: the classes of every part.
func (a *API) Conformance(w http.ResponseWriter, r *http.Request) {
	if e := CheckParams(r, "f"); e != nil {
		server.WriteError(w, r, e)
		return
	}
	var all []string
	for _, p := range a.Parts() {
		all = append(all, p.OGCConformance()...)
	}
	if isHTML, _ := WantHTML(r); isHTML {
		var rows [][]string
		for _, c := range all {
			rows = append(rows, []string{c})
		}
		WriteHTML(w, HTMLPage{Title: "Conformance", Rows: rows})
		return
	}
	WriteJSON(w, r, "application/json", map[string]any{"conformsTo": all})
}
