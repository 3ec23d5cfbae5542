package server

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/sip-core/sip/store"
)

// Error is a request failure, written in the format of the protocol the request
// belongs to (see ErrorWriter).
type Error struct {
	Status int    // HTTP status
	Code   string // protocol error code: an OGC exceptionCode or a problem type name
	Title  string // short summary; defaults to the status text
	Detail string // what went wrong with this request
	// Locator names the offending parameter (OGC exceptions).
	Locator string
	// RetryAfter, when set, is sent as the Retry-After header (429, 503).
	RetryAfter time.Duration
	// Header holds extra response headers (e.g. WWW-Authenticate, Allow).
	Header http.Header
}

func (e *Error) Error() string {
	if e.Detail != "" {
		return fmt.Sprintf("%d %s: %s", e.Status, e.title(), e.Detail)
	}
	return fmt.Sprintf("%d %s", e.Status, e.title())
}

func (e *Error) title() string {
	if e.Title != "" {
		return e.Title
	}
	return http.StatusText(e.Status)
}

// Errorf makes an *Error with a formatted detail.
func Errorf(status int, format string, args ...any) *Error {
	return &Error{Status: status, Detail: fmt.Sprintf(format, args...)}
}

// AsError converts any error into an *Error: an *Error as is, an oversized body to
// 413, a context deadline to 503, anything else to 500 (without leaking details).
func AsError(err error) *Error {
	var e *Error
	var mb *http.MaxBytesError
	switch {
	case errors.As(err, &e):
		return e
	case errors.As(err, &mb):
		return &Error{Status: http.StatusRequestEntityTooLarge, Code: "RequestTooLarge", Detail: fmt.Sprintf("request body larger than %d bytes", mb.Limit)}
	case errors.Is(err, errDeadline):
		return timeoutError()
	case errors.Is(err, store.ErrUnavailable):
		return &Error{Status: http.StatusServiceUnavailable, Code: "StoreUnavailable",
			Detail: "the dataset's store cannot be reached; retry later", RetryAfter: retryAfter}
	}
	return &Error{Status: http.StatusInternalServerError, Detail: "internal error; see the server log"}
}

// ErrorWriter writes errors in one protocol's format.
type ErrorWriter interface {
	WriteError(w http.ResponseWriter, r *http.Request, e *Error)
}

// The error formats the core knows, for services to declare (Prefix.Errors).
var (
	// ProblemJSON writes RFC 9457 problem details (application/problem+json):
	// the core's /api, and OGC API and other JSON APIs.
	ProblemJSON ErrorWriter = problemWriter{}
	// WMSException writes a WMS 1.3.0 ServiceExceptionReport (text/xml).
	WMSException ErrorWriter = wmsWriter{}
	// OWSException writes an OWS 1.1 ExceptionReport as WFS 2.0 requires
	// (application/xml).
	OWSException ErrorWriter = owsWriter{}
	// PlainText writes "-1 message" (text/plain), the ULDK framing: the
	// core's /healthz, /readyz and /metrics, and ULDK.
	PlainText ErrorWriter = textWriter{}
	// HTMLPage writes a small HTML page: paths under no declared prefix.
	HTMLPage ErrorWriter = htmlWriter{}
)

// WriteError writes e in the format of the request's prefix (see Prefix).
func WriteError(w http.ResponseWriter, r *http.Request, e *Error) {
	writerFor(r).WriteError(w, r, e)
}

// WriteErr writes any error (see AsError) in the request's format, logging
// internal errors.
func WriteErr(w http.ResponseWriter, r *http.Request, err error) {
	e := AsError(err)
	if e.Status >= 500 && e.Code == "" {
		Logger(r.Context()).Error("request failed", "err", err)
	}
	WriteError(w, r, e)
}

// writerFor is the error format of the request's prefix (HTMLPage for a
// request that did not come through a server).
func writerFor(r *http.Request) ErrorWriter {
	if info := infoFrom(r.Context()); info != nil {
		return info.family.errors(r)
	}
	return HTMLPage
}

func setErrorHeaders(w http.ResponseWriter, e *Error, contentType string) {
	h := w.Header()
	for k, v := range e.Header {
		h[k] = v
	}
	h.Set("Content-Type", contentType)
	h.Set("Cache-Control", "no-store")
	h.Del("Content-Length")
	h.Del("ETag")
	h.Del("Content-Encoding")
	if e.RetryAfter > 0 {
		h.Set("Retry-After", strconv.Itoa(int((e.RetryAfter+time.Second-1)/time.Second)))
	}
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(e.Status)
}

type problemWriter struct{}

func (problemWriter) WriteError(w http.ResponseWriter, r *http.Request, e *Error) {
	p := struct {
		Type      string `json:"type"`
		Title     string `json:"title"`
		Status    int    `json:"status"`
		Detail    string `json:"detail,omitempty"`
		Instance  string `json:"instance,omitempty"`
		Code      string `json:"code,omitempty"`
		RequestID string `json:"request_id,omitempty"`
	}{Type: "about:blank", Title: e.title(), Status: e.Status, Detail: e.Detail, Instance: r.URL.RequestURI(), Code: e.Code, RequestID: RequestID(r.Context())}
	if e.Code != "" {
		p.Type = "https://sip-core.github.io/problems/" + e.Code
	}
	b, _ := json.Marshal(p)
	setErrorHeaders(w, e, "application/problem+json")
	w.Write(append(b, '\n'))
}

// ogcCode is the OGC exceptionCode for e.
func ogcCode(e *Error) string {
	if e.Code != "" {
		return e.Code
	}
	switch e.Status {
	case http.StatusBadRequest:
		return "InvalidParameterValue"
	case http.StatusNotImplemented:
		return "OperationNotSupported"
	}
	return "NoApplicableCode"
}

func xmlText(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func xmlAttr(s string) string { return strings.ReplaceAll(xmlText(s), `"`, "&quot;") }

func (e *Error) message() string {
	if e.Detail != "" {
		return e.Detail
	}
	return e.title()
}

type wmsWriter struct{}

func (wmsWriter) WriteError(w http.ResponseWriter, r *http.Request, e *Error) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<ServiceExceptionReport version="1.3.0" xmlns="http://www.opengis.net/ogc" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.opengis.net/ogc http://schemas.opengis.net/wms/1.3.0/exceptions_1_3_0.xsd">` + "\n")
	fmt.Fprintf(&b, `  <ServiceException code="%s"`, xmlAttr(ogcCode(e)))
	if e.Locator != "" {
		fmt.Fprintf(&b, ` locator="%s"`, xmlAttr(e.Locator))
	}
	fmt.Fprintf(&b, ">%s</ServiceException>\n</ServiceExceptionReport>\n", xmlText(e.message()))
	setErrorHeaders(w, e, "text/xml; charset=utf-8")
	w.Write([]byte(b.String()))
}

type owsWriter struct{}

func (owsWriter) WriteError(w http.ResponseWriter, r *http.Request, e *Error) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/1.1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.opengis.net/ows/1.1 http://schemas.opengis.net/ows/1.1.0/owsExceptionReport.xsd" version="2.0.0" xml:lang="en">` + "\n")
	fmt.Fprintf(&b, `  <ows:Exception exceptionCode="%s"`, xmlAttr(ogcCode(e)))
	if e.Locator != "" {
		fmt.Fprintf(&b, ` locator="%s"`, xmlAttr(e.Locator))
	}
	fmt.Fprintf(&b, ">\n    <ows:ExceptionText>%s</ows:ExceptionText>\n  </ows:Exception>\n</ows:ExceptionReport>\n", xmlText(e.message()))
	setErrorHeaders(w, e, "application/xml; charset=utf-8")
	w.Write([]byte(b.String()))
}

type textWriter struct{}

func (textWriter) WriteError(w http.ResponseWriter, r *http.Request, e *Error) {
	setErrorHeaders(w, e, "text/plain; charset=utf-8")
	msg := strings.ReplaceAll(e.message(), "\n", " ")
	fmt.Fprintf(w, "-1 %s\n", msg)
}

type htmlWriter struct{}

func (htmlWriter) WriteError(w http.ResponseWriter, r *http.Request, e *Error) {
	setErrorHeaders(w, e, "text/html; charset=utf-8")
	fmt.Fprintf(w, "<!doctype html>\n<html lang=\"pl\"><head><meta charset=\"utf-8\"><title>%d %s</title></head>\n<body><h1>%d %s</h1><p>%s</p></body></html>\n",
		e.Status, html.EscapeString(e.title()), e.Status, html.EscapeString(e.title()), html.EscapeString(e.message()))
}
