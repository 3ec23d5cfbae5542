package features

import (
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"net/http"
	"strings"
	"sync"

	"github.com/gorilla/mux"

	"github.com/sip-core/sip/server"
)

// service is the features protocol (WFS and OGC API – Features). One service
// is registered for every server; each Mount makes that server's catalog, which
// holds its caches, so two servers in one process (tests, reloads) share none.
type service struct {
	mu      sync.Mutex
	mounted map[*server.Host]*catalog
}

func (*service) Name() string { return "features" }

// Prefixes implements server.Declarer: WFS answers OWS exceptions at /wfs and
// at /ows with SERVICE=WFS, OGC API – Features problem details under /ogc.
// /ows is the WMS's too: what names no service there is answered as the WMS
// answers it, whether or not this server has one.
func (*service) Prefixes() []server.Prefix {
	return []server.Prefix{{Path: "wfs", Errors: server.OWSException},
		{Path: "ows", Service: "WFS", Errors: server.OWSException}, {Path: "ows", Errors: server.WMSException},
		{Path: "ogc", Errors: server.ProblemJSON}}
}

// catalogOf returns the catalog made when the service was mounted on h.
func (s *service) catalogOf(h *server.Host) *catalog {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.mounted[h]
}

// Mount registers /wfs, /ows for SERVICE=WFS, and the OGC API – Features routes
// (exact paths and templates only, so other /ogc services can mount beside them).
func (s *service) Mount(r *mux.Router, h *server.Host) {
	var budget int64 = 64 << 20
	if st := h.Current(); st != nil {
		budget = int64(st.Config.Cache.Features)
	}
	cat := newCatalog(budget) // this server's, shared by its WFS and OGC API
	cat.enc.setMetrics(h.Metrics())
	s.mu.Lock()
	if s.mounted == nil {
		s.mounted = map[*server.Host]*catalog{}
	}
	s.mounted[h] = cat
	s.mu.Unlock()
	h.OnShutdown(func(context.Context) { // the server's caches go with it
		s.mu.Lock()
		delete(s.mounted, h)
		s.mu.Unlock()
	})
	wh := &wfs{h: h, cat: cat} // rate-limits its GetFeature / GetPropertyValue itself
	h.Fixed(r.Handle("/wfs", wh).Methods(http.MethodGet, http.MethodHead, http.MethodPost))
	r.Handle("/ows", wh).Methods(http.MethodGet, http.MethodHead).MatcherFunc(IsWFSRequest)
	r.Handle("/ows", wh).Methods(http.MethodPost).MatcherFunc(IsWFSPost)
	newOGCAPI(h, cat).mount(r)
}

// Reload implements server.Reloader: the feature cache follows cache.features
// and forgets the datasets that were replaced.
func (s *service) Reload(st *server.State) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for h, cat := range s.mounted {
		if h.Current() != st {
			continue // another server's
		}
		cat.enc.setBudget(int64(st.Config.Cache.Features))
		cat.enc.retain(st)
	}
}

// IsWFSRequest matches requests whose SERVICE parameter (any case) is WFS.
func IsWFSRequest(r *http.Request, _ *mux.RouteMatch) bool {
	for k, v := range r.URL.Query() {
		if strings.EqualFold(k, "service") && len(v) > 0 && strings.EqualFold(v[0], "WFS") {
			return true
		}
	}
	return false
}

// IsWFSPost matches a POST whose SERVICE parameter is WFS or whose body is a
// WFS request document (its root element in a WFS namespace, or with
// service="WFS"): /ows takes the XML encoding of WFS too. It reads the start of
// the body (at most 8 KiB, within the server's body limit) and puts it back.
func IsWFSPost(r *http.Request, m *mux.RouteMatch) bool {
	if IsWFSRequest(r, m) {
		return true
	}
	if r.Body == nil || r.Body == http.NoBody {
		return false
	}
	head := make([]byte, 8<<10)
	n, err := io.ReadFull(r.Body, head)
	head = head[:n]
	r.Body = struct {
		io.Reader
		io.Closer
	}{io.MultiReader(bytes.NewReader(head), r.Body), r.Body}
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		// A body that stopped coming (408) or is too large (413): WFS reads
		// it again and answers the error in its format; anything else is not
		// a WFS document.
		e := server.AsError(err)
		return e.Status == http.StatusRequestTimeout || e.Status == http.StatusRequestEntityTooLarge
	}
	dec := xml.NewDecoder(bytes.NewReader(head))
	for {
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		if se, ok := tok.(xml.StartElement); ok {
			if strings.HasPrefix(se.Name.Space, "http://www.opengis.net/wfs") {
				return true
			}
			for _, a := range se.Attr {
				if a.Name.Local == "service" && strings.EqualFold(a.Value, "WFS") {
					return true
				}
			}
			return false
		}
	}
}

func init() { server.Register(&service{}) }
