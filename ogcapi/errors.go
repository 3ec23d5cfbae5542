package ogcapi

import (
	"fmt"
	"net/http"

	"github.com/sip-core/sip/server"
)

// The API's errors are server.Errors: the core writes every error of a
// request under /ogc (its own 401, 413, 429 and 503 too) as RFC 9457 problem
// details (server.ProblemJSON: type, title, status, detail, instance, code,
// request_id). These build the ones the parts answer with.

// BadParam is a 400 InvalidParameterValue about query parameter name.
func BadParam(name, format string, args ...any) *server.Error {
	return &server.Error{Status: http.StatusBadRequest, Code: "InvalidParameterValue", Detail: fmt.Sprintf(format, args...), Locator: name}
}

// NotFound is a 404 NotFound: no such collection, tileset, tile matrix set.
func NotFound(detail string) *server.Error {
	return &server.Error{Status: http.StatusNotFound, Code: "NotFound", Detail: detail}
}

// ErrorResponse is the OpenAPI response object of an error (problem details),
// also the document's #/components/responses/error.
func ErrorResponse() map[string]any {
	return map[string]any{"description": "error", "content": map[string]any{"application/problem+json": map[string]any{"schema": map[string]any{"type": "object"}}}}
}
