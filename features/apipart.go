package features

import "net/http"

// APIPart is implemented by a service that serves another part of OGC API
// under /ogc (the tiles service: OGC API – Tiles). The features service owns
// the landing page, the conformance declaration, the OpenAPI document and the
// collections; each lists what the parts of its own server add, so that links,
// documented paths and conformance agree with what is served: a server without
// the tiles service declares no tiles.
type APIPart interface {
	// OGCConformance lists the part's conformance classes.
	OGCConformance() []string
	// OGCLandingLinks are the part's links on the landing page; base is the
	// absolute URL of /ogc.
	OGCLandingLinks(base string) []Link
	// OGCCollectionLinks are the part's links on collection id for this
	// request (none when the caller may not use them); base is the absolute
	// URL of /ogc/collections/{id}.
	OGCCollectionLinks(r *http.Request, id, base string) []Link
	// OGCPaths are OpenAPI 3.0 path items, keyed by path relative to /ogc,
	// self-contained (no $ref outside themselves).
	OGCPaths() map[string]any
}

// parts lists the OGC API parts of this server's other services.
func (a *ogcAPI) parts() []APIPart {
	var out []APIPart
	for _, s := range a.h.Services() {
		if p, ok := s.(APIPart); ok {
			out = append(out, p)
		}
	}
	return out
}
