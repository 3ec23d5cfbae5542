package ogcapi

import (
	"net/http"

	"github.com/sip-core/sip/server"
)

// QueryParam is an OpenAPI 3.0 optional query parameter (form style).
func QueryParam(name, desc string, schema map[string]any) map[string]any {
	return map[string]any{"name": name, "in": "query", "required": false, "style": "form", "explode": false, "description": desc, "schema": schema}
}

// PathParam is an OpenAPI 3.0 path parameter.
func PathParam(name, desc string, schema map[string]any) map[string]any {
	return map[string]any{"name": name, "in": "path", "required": true, "description": desc, "schema": schema}
}

// ParamRef refers to the document's parameter name (#/components/parameters).
func ParamRef(name string) map[string]any {
	return map[string]any{"$ref": "#/components/parameters/" + name}
}

// ErrorRef refers to the document's error response.
func ErrorRef() map[string]any { return map[string]any{"$ref": "#/components/responses/error"} }

// DocResponses are the responses of a GET of a JSON document: 200 with a
// ctype object, 400 and 404 errors.
func DocResponses(desc, ctype string) map[string]any {
	return map[string]any{"200": map[string]any{"description": desc, "content": map[string]any{ctype: map[string]any{"schema": map[string]any{"type": "object"}}}},
		"400": ErrorRef(), "404": ErrorRef()}
}

// GetOperation is a path item with one GET operation.
func GetOperation(id, summary string, params []any, resp map[string]any) map[string]any {
	return map[string]any{"get": map[string]any{"operationId": id, "summary": summary, "parameters": params, "responses": resp}}
}

// OpenAPI serves /ogc/api: one self-contained OpenAPI 3.0 document (no
// external $ref) with the paths and parameters of every part, the API key
// as security schemes (optional at the root: public collections need none)
// and the error response.
func (a *API) OpenAPI(w http.ResponseWriter, r *http.Request) {
	if e := CheckParams(r, "f"); e != nil {
		server.WriteError(w, r, e)
		return
	}
	str := map[string]any{"type": "string"}
	paths := map[string]any{
		"/":            GetOperation("getLandingPage", "Landing page", []any{ParamRef("f")}, DocResponses("landing page", "application/json")),
		"/conformance": GetOperation("getConformance", "Conformance classes", []any{ParamRef("f")}, DocResponses("conformance", "application/json")),
	}
	params := map[string]any{
		"f":            QueryParam("f", "response format", map[string]any{"type": "string", "enum": []string{"json", "html"}}),
		"collectionId": map[string]any{"name": "collectionId", "in": "path", "required": true, "schema": str},
	}
	for _, p := range a.Parts() {
		for k, v := range p.OGCPaths() {
			paths[k] = v
		}
		if pp, ok := p.(ParameterPart); ok {
			for k, v := range pp.OGCParameters() {
				params[k] = v
			}
		}
	}
	doc := map[string]any{
		"openapi": "3.0.3",
		"info":    map[string]any{"title": a.Title, "version": "1.0.0", "description": a.Summary},
		"servers": []any{map[string]any{"url": Base(r)}},
		// Public layers need no key; the others an API key, sent either way
		// (server.presentedKey). {} makes the key optional.
		"security": []any{map[string]any{}, map[string]any{"bearerKey": []string{}}, map[string]any{"headerKey": []string{}}},
		"paths":    paths,
		"components": map[string]any{
			"parameters": params,
			"securitySchemes": map[string]any{
				"bearerKey": map[string]any{"type": "http", "scheme": "bearer", "description": "an API key as a bearer token: Authorization: Bearer KEY"},
				"headerKey": map[string]any{"type": "apiKey", "in": "header", "name": "X-API-Key", "description": "an API key in the X-API-Key header"},
			},
			"responses": map[string]any{"error": ErrorResponse()},
		},
	}
	WriteJSON(w, r, "application/vnd.oai.openapi+json;version=3.0", doc)
}
