// Package ogcapi is the common core of the OGC API under /ogc (OGC API –
// Common, as the parts served here use it): the landing page, the
// conformance declaration, the assembled OpenAPI document, collection ids,
// links, and the API's errors (RFC 9457 problem details, written by
// server.ProblemJSON for every request under /ogc).
//
// The services that serve a part of the API plug into it: the features
// service (OGC API – Features, which owns /ogc and its collections) and the
// tiles service (OGC API – Tiles) implement Part, and the documents list what
// the parts of the same server declare, so that links, documented paths and
// conformance agree with what is served: a server without the tiles service
// declares no tiles.
package ogcapi

import "net/http"

// Link is an OGC API link.
type Link struct {
	Href  string `json:"href"`
	Rel   string `json:"rel"`
	Type  string `json:"type,omitempty"`
	Title string `json:"title,omitempty"`
}

// Part is one part of the API, served by one service.
type Part interface {
	// OGCConformance lists the part's conformance classes.
	OGCConformance() []string
	// OGCLandingLinks are the part's links on the landing page; base is the
	// absolute URL of /ogc.
	OGCLandingLinks(base string) []Link
	// OGCCollectionLinks are the part's links on collection id for this
	// request (none when the caller may not use them); base is the absolute
	// URL of /ogc/collections/{id}.
	OGCCollectionLinks(r *http.Request, id, base string) []Link
	// OGCPaths are OpenAPI 3.0 path items, keyed by path relative to /ogc.
	// They may refer to the document's components (#/components/parameters/f
	// and collectionId, #/components/responses/error) and to the parameters
	// the part declares (ParameterPart).
	OGCPaths() map[string]any
}

// ParameterPart is a Part whose paths refer to OpenAPI parameters of its own,
// which go into the document's components.
type ParameterPart interface {
	Part
	OGCParameters() map[string]any
}
