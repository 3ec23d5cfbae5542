package open311

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/sip-core/sip/server"
)

// GeoReport v2 documents are written from one ordered model, so that the XML
// and the JSON form always carry the same fields in the same order.

// field is one member of an object.
type field struct {
	k string
	v any // string, bool, int, float64, time.Time, nil, obj, list
}

// obj is an ordered object (JSON) or element with children (XML).
type obj []field

// list is an array (JSON) or a wrapper element whose children are named item (XML).
type list struct {
	item  string
	elems []any
}

// warsaw is the zone of the times the API writes (with their offset, as the
// spec asks).
var warsaw = func() *time.Location {
	if l, err := time.LoadLocation("Europe/Warsaw"); err == nil {
		return l
	}
	return time.UTC
}()

// timeText writes a time in ISO 8601 with its offset.
func timeText(t time.Time) string { return t.In(warsaw).Format("2006-01-02T15:04:05-07:00") }

func writeJSONValue(b *bytes.Buffer, v any) {
	switch v := v.(type) {
	case nil:
		b.WriteString("null")
	case obj:
		b.WriteByte('{')
		for i, f := range v {
			if i > 0 {
				b.WriteByte(',')
			}
			k, _ := json.Marshal(f.k)
			b.Write(k)
			b.WriteByte(':')
			writeJSONValue(b, f.v)
		}
		b.WriteByte('}')
	case list:
		b.WriteByte('[')
		for i, e := range v.elems {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSONValue(b, e)
		}
		b.WriteByte(']')
	case time.Time:
		if v.IsZero() {
			b.WriteString("null")
			return
		}
		s, _ := json.Marshal(timeText(v))
		b.Write(s)
	case float64:
		b.WriteString(strconv.FormatFloat(v, 'f', -1, 64))
	default:
		s, _ := json.Marshal(v)
		b.Write(s)
	}
}

func xmlEscape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func writeXMLValue(b *bytes.Buffer, name string, v any) {
	switch v := v.(type) {
	case nil:
		b.WriteString("<" + name + "/>")
		return
	case time.Time:
		if v.IsZero() {
			b.WriteString("<" + name + "/>")
			return
		}
	}
	b.WriteString("<" + name + ">")
	switch v := v.(type) {
	case obj:
		for _, f := range v {
			writeXMLValue(b, f.k, f.v)
		}
	case list:
		for _, e := range v.elems {
			writeXMLValue(b, v.item, e)
		}
	case time.Time:
		b.WriteString(timeText(v))
	case string:
		b.WriteString(xmlEscape(v))
	case float64:
		b.WriteString(strconv.FormatFloat(v, 'f', -1, 64))
	case bool:
		b.WriteString(strconv.FormatBool(v))
	case int:
		b.WriteString(strconv.Itoa(v))
	default:
		s, _ := json.Marshal(v)
		b.WriteString(xmlEscape(string(s)))
	}
	b.WriteString("</" + name + ">")
}

// Formats.
const (
	formatXML  = "xml"
	formatJSON = "json"
)

// encode writes doc (an obj, or a list as the document's root) in format,
// with root as the XML root element's name.
func encode(format, root string, doc any) []byte {
	var b bytes.Buffer
	if format == formatJSON {
		writeJSONValue(&b, doc)
		b.WriteByte('\n')
		return b.Bytes()
	}
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?>` + "\n")
	writeXMLValue(&b, root, doc)
	b.WriteByte('\n')
	return b.Bytes()
}

func contentType(format string) string {
	if format == formatJSON {
		return "application/json; charset=utf-8"
	}
	return "text/xml; charset=utf-8"
}

// write sends a document with status.
func write(w http.ResponseWriter, status int, format, root string, doc any) {
	body := encode(format, root, doc)
	w.Header().Set("Content-Type", contentType(format))
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	w.Write(body)
}

// formatOf is the format a request asks for by its path's suffix; XML when
// there is none (the spec's default).
func formatOf(r *http.Request) string {
	if strings.HasSuffix(r.URL.Path, ".json") {
		return formatJSON
	}
	return formatXML
}

// errorWriter writes every error under /open311 as the spec's error array,
// in the format of the request's suffix: [{"code": 400, "description": "…"}]
// or <errors><error><code>400</code><description>…</description></error></errors>.
type errorWriter struct{}

func (errorWriter) WriteError(w http.ResponseWriter, r *http.Request, e *server.Error) {
	msg := e.Detail
	if msg == "" {
		msg = http.StatusText(e.Status)
	}
	h := w.Header()
	for k, v := range e.Header {
		h[k] = v
	}
	h.Set("Cache-Control", "no-store")
	h.Del("ETag")
	h.Del("Content-Encoding")
	if e.RetryAfter > 0 {
		h.Set("Retry-After", strconv.Itoa(int((e.RetryAfter+time.Second-1)/time.Second)))
	}
	doc := list{item: "error", elems: []any{obj{{"code", e.Status}, {"description", msg}}}}
	write(w, e.Status, formatOf(r), "errors", doc)
}

// apiError is an error answered in the spec's format with status.
func apiError(status int, format string, args ...any) *server.Error {
	msg := format
	if len(args) > 0 {
		msg = fmt.Sprintf(format, args...)
	}
	return &server.Error{Status: status, Detail: msg}
}
