package ogcapi

import (
	"encoding/json"
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"github.com/sip-core/sip/server"
)

// Scheme is the scheme the client used: https over TLS, or what a proxy
// says in X-Forwarded-Proto (http or https).
func Scheme(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	if p := r.Header.Get("X-Forwarded-Proto"); p == "https" || p == "http" {
		scheme = p
	}
	return scheme
}

// Base is the absolute URL of /ogc for this request.
func Base(r *http.Request) string {
	return Scheme(r) + "://" + r.Host + "/ogc"
}

// WantHTML decides the response format: f= wins, then Accept.
func WantHTML(r *http.Request) (bool, *server.Error) {
	switch f := r.URL.Query().Get("f"); f {
	case "html":
		return true, nil
	case "json", "geojson":
		return false, nil
	case "":
	default:
		return false, BadParam("f", "f must be json or html")
	}
	acc := r.Header.Get("Accept")
	return strings.Contains(acc, "text/html") && !strings.Contains(acc, "json"), nil
}

// CheckParams refuses a query parameter not in allowed.
func CheckParams(r *http.Request, allowed ...string) *server.Error {
	for k := range r.URL.Query() {
		ok := false
		for _, a := range allowed {
			if k == a {
				ok = true
				break
			}
		}
		if !ok {
			return BadParam(k, "unknown query parameter %s", strconv.Quote(k))
		}
	}
	return nil
}

// WriteJSON writes v as one line of JSON.
func WriteJSON(w http.ResponseWriter, r *http.Request, ctype string, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		server.WriteErr(w, r, err)
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Write(append(b, '\n'))
}

var page = template.Must(template.New("p").Parse(`<!doctype html>
<html lang="pl"><head><meta charset="utf-8"><title>{{.Title}}</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}</style></head>
<body><h1>{{.Title}}</h1>
{{range .Links}}<p><a href="{{.Href}}">{{if .Title}}{{.Title}}{{else}}{{.Rel}}{{end}}</a> <small>{{.Type}}</small></p>{{end}}
{{if .Rows}}<table>{{range .Rows}}<tr>{{range .}}<td>{{.}}</td>{{end}}</tr>{{end}}</table>{{end}}
</body></html>`))

// HTMLPage is the HTML view of a document (f=html): a title, links, a table.
type HTMLPage struct {
	Title string
	Links []Link
	Rows  [][]string
}

// WriteHTML writes p.
func WriteHTML(w http.ResponseWriter, p HTMLPage) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	page.Execute(w, p)
}
