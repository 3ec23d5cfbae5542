package server

import (
	"fmt"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"strings"

	"github.com/gorilla/mux"
)

// Fixed marks a route as having a literal path (no {variables}) and no matcher
// but its path and methods, such as /healthz or /uldk. The core finds such a
// route by one map lookup instead of running the router's regular expressions
// over the route list, which is most of what routing costs the cheapest
// requests. The router stays the one source of truth: at start-up each fixed
// route is checked to be what the router itself matches for its path and
// methods (an earlier route that would take the request disqualifies it), and
// requests the table does not answer go to the router.
//
// A route with a MatcherFunc, a query or header matcher must not be marked:
// the table would bypass that matcher.
func (h *Host) Fixed(rt *mux.Route) *mux.Route {
	h.fixed = append(h.fixed, rt)
	return rt
}

// fixedRoute is one method of a fixed route; method "" takes any method.
type fixedRoute struct {
	method  string
	handler http.Handler
}

// fixedTable builds the path → handler table of the routes marked with Fixed,
// keeping only what the router matches itself.
func fixedTable(router *mux.Router, routes []*mux.Route) (map[string][]fixedRoute, error) {
	table := map[string][]fixedRoute{}
	for _, rt := range routes {
		tpl, err := rt.GetPathTemplate()
		if err != nil || strings.ContainsAny(tpl, "{}") || !strings.HasPrefix(tpl, "/") {
			return nil, fmt.Errorf("server: route %q is marked fixed but has no literal path", tpl)
		}
		if re, _ := rt.GetPathRegexp(); re != "^"+regexp.QuoteMeta(tpl)+"$" {
			return nil, fmt.Errorf("server: route %q is marked fixed but is a path prefix", tpl)
		}
		methods, err := rt.GetMethods()
		if err != nil {
			methods = []string{""}
		}
		for _, m := range methods {
			probe := m
			if probe == "" {
				probe = http.MethodGet
			}
			req, err := http.NewRequest(probe, "http://localhost"+tpl, nil)
			if err != nil {
				return nil, fmt.Errorf("server: fixed route %q: %v", tpl, err)
			}
			var match mux.RouteMatch
			if !router.Match(req, &match) || match.Route != rt || match.Handler == nil {
				continue // another route takes it: the router decides
			}
			table[tpl] = append(table[tpl], fixedRoute{method: m, handler: match.Handler})
		}
	}
	return table, nil
}

// route finds the handler of a request as mux.Router.ServeHTTP would: an
// unclean path is redirected to its clean form (query kept), a fixed route is
// looked up in the table, a route's variables go into info, a method the route
// does not take gets the router's MethodNotAllowedHandler, anything else its
// NotFoundHandler.
func (c *coreHandler) route(r *http.Request, info *reqInfo, m *mux.RouteMatch) (next http.Handler, redirect string) {
	p := r.URL.EscapedPath() // the router matches encoded paths (ids with %2F)
	if clean := cleanPath(p); clean != p {
		u := *r.URL
		u.Path, u.RawPath = clean, ""
		if up, err := url.PathUnescape(clean); err == nil && up != clean {
			u.Path, u.RawPath = up, clean
		}
		return nil, u.String()
	}
	for _, f := range c.fixed[p] {
		if f.method == r.Method || f.method == "" {
			return f.handler, ""
		}
	}
	if c.router.Match(r, m) && m.Handler != nil {
		info.vars = m.Vars
		return m.Handler, ""
	}
	if m.MatchErr == mux.ErrMethodMismatch && c.router.MethodNotAllowedHandler != nil {
		return c.router.MethodNotAllowedHandler, ""
	}
	if c.router.NotFoundHandler != nil {
		return c.router.NotFoundHandler, ""
	}
	return http.NotFoundHandler(), ""
}

// cleanPath is path.Clean for a URL path: rooted, and a trailing slash kept.
func cleanPath(p string) string {
	if p == "" {
		return "/"
	}
	if p[0] != '/' {
		p = "/" + p
	}
	np := path.Clean(p)
	if p[len(p)-1] == '/' && np != "/" {
		np += "/"
	}
	return np
}
