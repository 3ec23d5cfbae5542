package features

import (
	"net/http"

	"github.com/sip-core/sip/server"
)

// openapi serves a self-contained OpenAPI 3.0 document (no external $ref).
func (a *ogcAPI) openapi(w http.ResponseWriter, r *http.Request) {
	if e := checkParams(r, "f"); e != nil {
		server.WriteError(w, r, e)
		return
	}
	b := base(r)
	param := func(name, desc string, schema map[string]any) map[string]any {
		return map[string]any{"name": name, "in": "query", "required": false, "style": "form", "explode": false, "description": desc, "schema": schema}
	}
	str := map[string]any{"type": "string"}
	common := []any{
		map[string]any{"$ref": "#/components/parameters/f"},
	}
	itemsParams := []any{
		map[string]any{"$ref": "#/components/parameters/collectionId"},
		map[string]any{"$ref": "#/components/parameters/limit"},
		map[string]any{"$ref": "#/components/parameters/bbox"},
		map[string]any{"$ref": "#/components/parameters/datetime"},
		param("bbox-crs", "CRS of bbox (Part 2)", str),
		param("crs", "CRS of the response (Part 2)", str),
		param("filter", "CQL2 filter (Part 3)", str),
		param("filter-lang", "cql2-text or cql2-json", map[string]any{"type": "string", "enum": []string{"cql2-text", "cql2-json"}}),
		param("filter-crs", "CRS of filter geometries", str),
		param("cursor", "keyset paging cursor (from next links)", str),
		param("offset", "index of the first feature", map[string]any{"type": "integer", "minimum": 0}),
		param("properties", "properties to return", map[string]any{"type": "array", "items": str}),
		map[string]any{"$ref": "#/components/parameters/f"},
	}
	jsonResp := func(desc, ctype string) map[string]any {
		return map[string]any{"200": map[string]any{"description": desc, "content": map[string]any{ctype: map[string]any{"schema": map[string]any{"type": "object"}}}},
			"400": map[string]any{"$ref": "#/components/responses/error"}, "404": map[string]any{"$ref": "#/components/responses/error"}}
	}
	// A collection that is not public answers 401 without a key and 403 to
	// a key without a role that may read it.
	denied := func(resp map[string]any) map[string]any {
		resp["401"] = map[string]any{"$ref": "#/components/responses/error"}
		resp["403"] = map[string]any{"$ref": "#/components/responses/error"}
		return resp
	}
	op := func(id, summary string, params []any, resp map[string]any) map[string]any {
		return map[string]any{"get": map[string]any{"operationId": id, "summary": summary, "parameters": params, "responses": resp}}
	}
	doc := map[string]any{
		"openapi": "3.0.3",
		"info":    map[string]any{"title": "SIP – OGC API Features", "version": "1.0.0", "description": "Dane EGiB: działki, budynki, obręby, kontury"},
		"servers": []any{map[string]any{"url": b}},
		// Public layers need no key; the others an API key, sent either way
		// (server.presentedKey). {} makes the key optional.
		"security": []any{map[string]any{}, map[string]any{"bearerKey": []string{}}, map[string]any{"headerKey": []string{}}},
		"paths": map[string]any{
			"/":                                      op("getLandingPage", "Landing page", common, jsonResp("landing page", "application/json")),
			"/conformance":                           op("getConformance", "Conformance classes", common, jsonResp("conformance", "application/json")),
			"/collections":                           op("getCollections", "Collections", common, jsonResp("collections", "application/json")),
			"/collections/{collectionId}":            op("describeCollection", "Collection", []any{map[string]any{"$ref": "#/components/parameters/collectionId"}, map[string]any{"$ref": "#/components/parameters/f"}}, denied(jsonResp("collection", "application/json"))),
			"/collections/{collectionId}/queryables": op("getQueryables", "Queryables", []any{map[string]any{"$ref": "#/components/parameters/collectionId"}, map[string]any{"$ref": "#/components/parameters/f"}}, denied(jsonResp("queryables", "application/schema+json"))),
			"/collections/{collectionId}/items":      op("getFeatures", "Features", itemsParams, denied(jsonResp("features", geojsonType))),
			"/collections/{collectionId}/items/{featureId}": op("getFeature", "Feature", []any{
				map[string]any{"$ref": "#/components/parameters/collectionId"},
				map[string]any{"name": "featureId", "in": "path", "required": true, "schema": str, "description": "feature id (percent-encode '/')"},
				param("crs", "CRS of the response", str), map[string]any{"$ref": "#/components/parameters/f"}}, denied(jsonResp("feature", geojsonType))),
		},
		"components": map[string]any{
			"parameters": map[string]any{
				"f":            param("f", "response format", map[string]any{"type": "string", "enum": []string{"json", "html"}}),
				"collectionId": map[string]any{"name": "collectionId", "in": "path", "required": true, "schema": str},
				"limit":        param("limit", "features per page", map[string]any{"type": "integer", "minimum": 1, "maximum": 10000, "default": defaultLimit}),
				"bbox":         param("bbox", "bounding box (CRS84 unless bbox-crs)", map[string]any{"type": "array", "minItems": 4, "maxItems": 6, "items": map[string]any{"type": "number"}}),
				"datetime":     param("datetime", "instant (state at that time) or interval of version start", str),
			},
			"securitySchemes": map[string]any{
				"bearerKey": map[string]any{"type": "http", "scheme": "bearer", "description": "an API key as a bearer token: Authorization: Bearer KEY"},
				"headerKey": map[string]any{"type": "apiKey", "in": "header", "name": "X-API-Key", "description": "an API key in the X-API-Key header"},
			},
			"responses": map[string]any{
				"error": map[string]any{"description": "error", "content": map[string]any{"application/problem+json": map[string]any{"schema": map[string]any{"type": "object"}}}},
			},
		},
	}
	paths := doc["paths"].(map[string]any)
	for _, p := range a.parts() {
		for k, v := range p.OGCPaths() {
			paths[k] = v
		}
	}
	writeJSON(w, r, "application/vnd.oai.openapi+json;version=3.0", doc)
}
