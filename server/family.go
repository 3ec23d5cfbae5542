package server

import (
	"fmt"
	"net/http"
	"reflect"
	"strings"
)

// Prefix is a URL prefix a service declares to the core (see Declarer): the
// paths it answers and the format of their errors. The core writes every
// error of a request under the prefix in that format, its own included: 401,
// 408 for a body that stopped coming, 413, 429 over the rate limit, 503 while
// a dataset's store is down or the admission queue is full, 503 on a timeout,
// and 404, 405 or 501 for a path no route takes.
type Prefix struct {
	// Path is the first segment of the paths under the prefix, without
	// slashes: "wms" is /wms and /wms/…; "" is the root page / alone.
	Path string
	// Service is set on a prefix that key-value-pair services share (/ows,
	// dispatched on the SERVICE parameter): the SERVICE value (any case)
	// whose requests this declaration answers. The declaration without one
	// answers the others.
	Service string
	// Errors writes the errors of requests under the prefix.
	Errors ErrorWriter
	// Label names the prefix's requests in metrics and the access log
	// (label service); "" is Path.
	Label string
}

// Declarer is a Service that declares the URL prefixes it answers. A
// declared prefix under which the service mounts no route answers 501 (the
// service is not available in this server); an unknown path under a prefix
// it mounts answers 404; a request at a shared prefix (one with Service
// declarations) that no route takes names a service this server lacks (501).
// Several services may declare one prefix (the WMS and the WFS share /ows,
// features and tiles /ogc) when they agree on its label and formats.
type Declarer interface {
	Prefixes() []Prefix
}

// corePrefixes are the core's own routes (api.go): the cheap ones answer
// while a store is down and never time out.
var corePrefixes = []struct {
	Prefix
	noTimeout bool
}{
	{Prefix{Path: "healthz", Errors: PlainText}, true},
	{Prefix{Path: "readyz", Errors: PlainText}, true},
	{Prefix{Path: "metrics", Errors: PlainText}, true},
	{Prefix{Path: "api", Errors: ProblemJSON}, false},
}

// family is the requests under one prefix: their metrics label and error
// format.
type family struct {
	name   string // metrics label
	prefix string
	writer ErrorWriter
	// bySvc holds the writers of a shared prefix by SERVICE value (upper
	// case); nil on others.
	bySvc map[string]ErrorWriter
	// idx indexes Host.famStats (metric series resolved once per server).
	idx int
	// noTimeout: cheap core routes that never get limits.request_timeout, and
	// that answer while a store is down (/healthz, /readyz, /metrics).
	noTimeout  bool
	core       bool // a core prefix (api.go mounts its routes)
	hasDefault bool // writer comes from a declaration without Service
}

func (f *family) errors(r *http.Request) ErrorWriter {
	if f.bySvc != nil {
		for k, v := range r.URL.Query() {
			if strings.EqualFold(k, "service") && len(v) > 0 {
				if w, ok := f.bySvc[strings.ToUpper(v[0])]; ok {
					return w
				}
			}
		}
	}
	return f.writer
}

// families are a server's prefixes: the core's and its services'.
type families struct {
	all      []*family // by idx
	byPrefix map[string]*family
	other    *family // paths under no prefix
}

// newFamilies builds the prefix table of a server from its services'
// declarations; declarations that disagree are an error.
func newFamilies(services []Service) (*families, error) {
	fs := &families{byPrefix: map[string]*family{}}
	fs.other = fs.add("", "other", HTMLPage)
	for _, c := range corePrefixes {
		f := fs.add(c.Path, c.Path, c.Errors)
		fs.byPrefix[c.Path] = f
		f.noTimeout, f.core, f.hasDefault = c.noTimeout, true, true
	}
	for _, s := range services {
		d, ok := s.(Declarer)
		if !ok {
			continue
		}
		for _, p := range d.Prefixes() {
			if err := fs.declare(p); err != nil {
				return nil, fmt.Errorf("server: service %s: %w", s.Name(), err)
			}
		}
	}
	return fs, nil
}

func (fs *families) add(prefix, name string, w ErrorWriter) *family {
	f := &family{name: name, prefix: prefix, writer: w, idx: len(fs.all)}
	fs.all = append(fs.all, f)
	return f
}

func (fs *families) declare(p Prefix) error {
	if p.Errors == nil || strings.Contains(p.Path, "/") {
		return fmt.Errorf("prefix %q: a path segment and an error format are needed", p.Path)
	}
	label := p.Label
	if label == "" {
		label = p.Path
	}
	f, ok := fs.byPrefix[p.Path]
	if !ok {
		f = fs.add(p.Path, label, p.Errors)
		fs.byPrefix[p.Path] = f
	} else if f.name != label {
		return fmt.Errorf("prefix /%s is labelled %s elsewhere, not %s", p.Path, f.name, label)
	}
	if p.Service == "" {
		if f.hasDefault && !sameWriter(f.writer, p.Errors) {
			return fmt.Errorf("prefix /%s has another error format", p.Path)
		}
		f.writer, f.hasDefault = p.Errors, true
		return nil
	}
	svc := strings.ToUpper(p.Service)
	if w, dup := f.bySvc[svc]; dup && !sameWriter(w, p.Errors) {
		return fmt.Errorf("prefix /%s, SERVICE=%s has another error format", p.Path, p.Service)
	}
	if f.bySvc == nil {
		f.bySvc = map[string]ErrorWriter{}
	}
	f.bySvc[svc] = p.Errors
	return nil
}

// sameWriter reports whether two declarations name the same error format.
func sameWriter(a, b ErrorWriter) bool {
	ta, tb := reflect.TypeOf(a), reflect.TypeOf(b)
	return ta == tb && ta.Comparable() && a == b
}

// of finds the family of a request path by its first segment.
func (fs *families) of(path string) *family {
	p := strings.TrimPrefix(path, "/")
	if i := strings.IndexByte(p, '/'); i >= 0 {
		p = p[:i]
	}
	if f, ok := fs.byPrefix[p]; ok {
		return f
	}
	return fs.other
}
