package features

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/sip-core/sip/features/filter"
	"github.com/sip-core/sip/geo"
	"github.com/sip-core/sip/ogcapi"
	"github.com/sip-core/sip/server"
)

// itemsParams are the query parameters /items takes besides the queryables
// (which are equality filters).
var itemsParams = []string{"f", "limit", "bbox", "bbox-crs", "datetime", "crs", "filter", "filter-lang", "filter-crs", "cursor", "offset", "properties"}

// itemsReq is an OGC API items request, parsed and checked against the
// collection: parseItems turns every fault into the API's 400 (badParam),
// so items only runs the query and encodes.
type itemsReq struct {
	c      *Collection
	qs     url.Values // the query as asked (paging links repeat it)
	q      *query
	crs    *outCRS
	sel    []int // properties: the properties written (nil: all)
	index  int   // the position of the page's first feature (cursor and offset)
	isHTML bool
}

// parseItems reads an items request to collection c.
func (a *ogcAPI) parseItems(r *http.Request, c *Collection) (*itemsReq, *server.Error) {
	qs := r.URL.Query()
	eq, e := queryableParams(c, qs)
	if e != nil {
		return nil, e
	}
	req := &itemsReq{c: c, qs: qs, q: &query{c: c, limit: defaultLimit}, crs: newOutCRS(geo.CRS84, geo.EastNorth)}
	if req.isHTML, e = ogcapi.WantHTML(r); e != nil {
		return nil, e
	}
	if v := qs.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return nil, ogcapi.BadParam("limit", "limit must be a positive integer")
		}
		req.q.limit = a.h.State(r).MaxFeatures(n)
	}
	if v := qs.Get("crs"); v != "" {
		cr, axis, e := parseCRSParam("crs", v)
		if e != nil {
			return nil, e
		}
		req.crs = newOutCRS(cr, axis)
	}
	if e := req.parseBBox(); e != nil {
		return nil, e
	}
	exprs, e := req.parseFilters()
	if e != nil {
		return nil, e
	}
	exprs = append(exprs, eq...)
	switch len(exprs) {
	case 0:
	case 1:
		req.q.expr = exprs[0]
	default:
		req.q.expr = filter.And{Args: exprs}
	}
	if e := req.parseProperties(); e != nil {
		return nil, e
	}
	if e := req.parsePage(); e != nil {
		return nil, e
	}
	if err := req.q.prepare(); err != nil {
		return nil, filterError(err)
	}
	return req, nil
}

// queryableParams reads the parameters that are not itemsParams as
// equalities on the collection's queryables (Part 1, /rec/core/fc-filters).
func queryableParams(c *Collection, qs url.Values) ([]filter.Expr, *server.Error) {
	var eq []filter.Expr
	for k, v := range qs {
		known := false
		for _, x := range itemsParams {
			if k == x {
				known = true
			}
		}
		if known {
			continue
		}
		name, t, ok := c.Lookup(k)
		if !ok || t == filter.Geometry || strings.Contains(k, ":") {
			return nil, ogcapi.BadParam(k, "unknown query parameter %q", k)
		}
		eq = append(eq, filter.Compare{Op: "=", Left: filter.Property{Name: name, Type: t}, Right: filter.Literal{Value: v[0]}})
	}
	return eq, nil
}

// parseBBox reads bbox and bbox-crs (CRS84 without one).
func (req *itemsReq) parseBBox() *server.Error {
	qs := req.qs
	v := qs.Get("bbox")
	if v == "" {
		if qs.Get("bbox-crs") != "" {
			return ogcapi.BadParam("bbox-crs", "bbox-crs without bbox")
		}
		return nil
	}
	b, err := parseBBox(v)
	if err != nil {
		return ogcapi.BadParam("bbox", "%v", err)
	}
	bc, baxis := geo.CRS84, geo.EastNorth
	if v := qs.Get("bbox-crs"); v != "" {
		var e *server.Error
		if bc, baxis, e = parseCRSParam("bbox-crs", v); e != nil {
			return e
		}
	}
	if (!bc.Geographic || baxis == geo.NorthEast) && (b.Min[0] > b.Max[0] || b.Min[1] > b.Max[1]) || b.Min[1] > b.Max[1] && bc.Geographic {
		return ogcapi.BadParam("bbox", "bbox minimum exceeds maximum")
	}
	if b.Min[0] > b.Max[0] { // CRS84 across the antimeridian: nowhere near the data
		req.q.empty = true
	} else {
		req.q.setBox(req.c.cat.bounds.toStorageBound(b, bc, baxis))
	}
	return nil
}

// parseFilters reads datetime (an instant is a version as of then; an
// interval filters on START_WERSJI) and filter (CQL2 text or JSON).
func (req *itemsReq) parseFilters() ([]filter.Expr, *server.Error) {
	qs := req.qs
	var exprs []filter.Expr
	if v := qs.Get("datetime"); v != "" {
		lo, hi, instant, err := parseDatetime(v)
		if err != nil {
			return nil, ogcapi.BadParam("datetime", "%v", err)
		}
		if instant {
			req.q.asOf = lo
		} else {
			exprs = append(exprs, filter.Temporal{Op: "intersects", Arg: filter.Property{Name: StartVersionProp, Type: filter.DateTime}, Lo: lo, Hi: hi})
		}
	}
	if v := qs.Get("filter"); v != "" {
		fe, e := parseCQL(req.c, v, qs.Get("filter-lang"), qs.Get("filter-crs"))
		if e != nil {
			return nil, e
		}
		exprs = append(exprs, fe)
	} else if qs.Get("filter-lang") != "" || qs.Get("filter-crs") != "" {
		return nil, ogcapi.BadParam("filter", "filter-lang/filter-crs without filter")
	}
	return exprs, nil
}

// parseProperties reads properties: the properties written (geometry is
// always written).
func (req *itemsReq) parseProperties() *server.Error {
	v := req.qs.Get("properties")
	if v == "" {
		return nil
	}
	c := req.c
	for _, n := range strings.Split(v, ",") {
		name, _, ok := c.Lookup(strings.TrimSpace(n))
		if !ok || name == "geometry" {
			if ok {
				continue
			}
			return ogcapi.BadParam("properties", "unknown property %q", n)
		}
		for i, p := range c.Props {
			if p.Name == name {
				req.sel = append(req.sel, i)
			}
		}
	}
	if req.sel == nil {
		req.sel = []int{}
	}
	return nil
}

// parsePage reads cursor ("<key>.<index>", from a next link) and offset.
func (req *itemsReq) parsePage() *server.Error {
	if v := req.qs.Get("cursor"); v != "" {
		k, i, ok := strings.Cut(v, ".")
		key, err1 := strconv.ParseInt(k, 10, 64)
		idx, err2 := strconv.Atoi(i)
		if !ok || err1 != nil || err2 != nil || key < 0 || idx < 0 {
			return ogcapi.BadParam("cursor", "bad cursor")
		}
		req.q.after, req.index = key, idx
	}
	if v := req.qs.Get("offset"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return ogcapi.BadParam("offset", "offset must be a non-negative integer")
		}
		req.q.offset, req.index = n, req.index+n
	}
	return nil
}
