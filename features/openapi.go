package features

import (
	"net/http"

	"github.com/sip-core/sip/ogcapi"
)

// The features service is the OGC API – Features part of /ogc: this file
// declares what it adds to the common documents (package ogcapi).
var _ ogcapi.ParameterPart = (*ogcAPI)(nil)

// OGCConformance implements ogcapi.Part.
func (a *ogcAPI) OGCConformance() []string { return conformance }

// OGCLandingLinks implements ogcapi.Part: the collections.
func (a *ogcAPI) OGCLandingLinks(base string) []ogcapi.Link {
	return []ogcapi.Link{{Href: base + "/collections", Rel: "data", Type: "application/json", Title: "collections"}}
}

// OGCCollectionLinks implements ogcapi.Part: a collection's own links are
// written by describe.
func (a *ogcAPI) OGCCollectionLinks(*http.Request, string, string) []ogcapi.Link { return nil }

// OGCParameters implements ogcapi.ParameterPart.
func (a *ogcAPI) OGCParameters() map[string]any {
	str := map[string]any{"type": "string"}
	return map[string]any{
		"limit":    ogcapi.QueryParam("limit", "features per page", map[string]any{"type": "integer", "minimum": 1, "maximum": 10000, "default": defaultLimit}),
		"bbox":     ogcapi.QueryParam("bbox", "bounding box (CRS84 unless bbox-crs)", map[string]any{"type": "array", "minItems": 4, "maxItems": 6, "items": map[string]any{"type": "number"}}),
		"datetime": ogcapi.QueryParam("datetime", "instant (state at that time) or interval of version start", str),
	}
}

// OGCPaths implements ogcapi.Part: the collections and their features.
func (a *ogcAPI) OGCPaths() map[string]any {
	param, ref, str := ogcapi.QueryParam, ogcapi.ParamRef, map[string]any{"type": "string"}
	itemsParams := []any{
		ref("collectionId"), ref("limit"), ref("bbox"), ref("datetime"),
		param("bbox-crs", "CRS of bbox (Part 2)", str),
		param("crs", "CRS of the response (Part 2)", str),
		param("filter", "CQL2 filter (Part 3)", str),
		param("filter-lang", "cql2-text or cql2-json", map[string]any{"type": "string", "enum": []string{"cql2-text", "cql2-json"}}),
		param("filter-crs", "CRS of filter geometries", str),
		param("cursor", "keyset paging cursor (from next links)", str),
		param("offset", "index of the first feature", map[string]any{"type": "integer", "minimum": 0}),
		param("properties", "properties to return", map[string]any{"type": "array", "items": str}),
		ref("f"),
	}
	// A collection that is not public answers 401 without a key and 403 to
	// a key without a role that may read it.
	denied := func(resp map[string]any) map[string]any {
		resp["401"], resp["403"] = ogcapi.ErrorRef(), ogcapi.ErrorRef()
		return resp
	}
	op, doc := ogcapi.GetOperation, ogcapi.DocResponses
	return map[string]any{
		"/collections":                           op("getCollections", "Collections", []any{ref("f")}, doc("collections", "application/json")),
		"/collections/{collectionId}":            op("describeCollection", "Collection", []any{ref("collectionId"), ref("f")}, denied(doc("collection", "application/json"))),
		"/collections/{collectionId}/queryables": op("getQueryables", "Queryables", []any{ref("collectionId"), ref("f")}, denied(doc("queryables", "application/schema+json"))),
		"/collections/{collectionId}/items":      op("getFeatures", "Features", itemsParams, denied(doc("features", geojsonType))),
		"/collections/{collectionId}/items/{featureId}": op("getFeature", "Feature", []any{
			ref("collectionId"),
			map[string]any{"name": "featureId", "in": "path", "required": true, "schema": str, "description": "feature id (percent-encode '/')"},
			param("crs", "CRS of the response", str), ref("f")}, denied(doc("feature", geojsonType))),
	}
}
