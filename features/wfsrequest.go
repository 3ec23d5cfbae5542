package features

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/sip-core/sip/features/fes"
	"github.com/sip-core/sip/features/filter"
	"github.com/sip-core/sip/geo"
	"github.com/sip-core/sip/server"
)

// getFeatureReq is a WFS GetFeature, GetPropertyValue or GetFeatureById
// request, parsed from its KVP parameters and checked against the catalog.
// parseGetFeature turns every fault into the OWS exception WFS answers with
// (owsErr), so getFeature (wfsgetfeature.go) only runs the query and encodes.
type getFeatureReq struct {
	params  map[string]string // upper-case KVP parameters (the next/previous links repeat them)
	version string
	v11     bool
	byID    bool          // the GetFeatureById stored query
	types   []*Collection // the types named (all of them for ids without a type)
	c       *Collection   // the type answered
	q       *query
	ids     []string // the ids asked for, as given

	out      *outCRS
	srsName  string // SRSNAME as asked (GML repeats it)
	jsonOut  bool
	hits     bool
	count    int // features per page (COUNT / MAXFEATURES, bounded by the server)
	start    int // STARTINDEX
	sortKeys []sortKey
	sel      []int // PROPERTYNAME: the properties written (nil: all)
	valueIdx int   // GetPropertyValue: the property's index; -1 otherwise
}

// parseGetFeature reads a GetFeature request (valueRef: GetPropertyValue's
// VALUEREFERENCE), checking parameters in the order WFS clients have seen
// their exceptions come. Ids without a type name are looked up in the types
// that may hold them, so the answer's type is known before BBOX and FILTER
// are read against its schema.
func (s *wfs) parseGetFeature(r *http.Request, params map[string]string, version, valueRef string) (*getFeatureReq, *server.Error) {
	st := s.h.State(r)
	g := &getFeatureReq{params: params, version: version, v11: version == "1.1.0", byID: params["STOREDQUERY_ID"] != "", valueIdx: -1}
	if e := s.parseTypes(r, st, g); e != nil {
		return nil, e
	}
	if e := g.parseOutput(st); e != nil {
		return nil, e
	}
	g.c = g.types[0]
	if e := g.parseSortBy(); e != nil {
		return nil, e
	}
	server.SetLayer(r, g.c.Layer.Name)
	g.q = &query{c: g.c, limit: g.count, offset: g.start}
	if len(g.ids) > 0 {
		g.resolveIDs(r.Context())
	}
	if e := g.parseFilter(r.Context()); e != nil {
		return nil, e
	}
	if e := g.parseSelection(valueRef); e != nil {
		return nil, e
	}
	if err := g.q.prepare(); err != nil {
		return nil, owsErr(400, "InvalidParameterValue", "filter", "%v", err)
	}
	return g, nil
}

// parseTypes reads the feature types and ids asked for: STOREDQUERY_ID with
// ID, TYPENAMES (TYPENAME in 1.1), RESOURCEID (FEATUREID in 1.1).
func (s *wfs) parseTypes(r *http.Request, st *server.State, g *getFeatureReq) *server.Error {
	params := g.params
	if sq := params["STOREDQUERY_ID"]; sq != "" {
		if !strings.HasSuffix(sq, "GetFeatureById") {
			return owsErr(400, "InvalidParameterValue", "storedQuery_Id", "unknown stored query %q", sq)
		}
		id := params["ID"]
		if id == "" {
			return owsErr(400, "MissingParameterValue", "ID", "ID is required")
		}
		g.types = s.cat.list(r, st)
		g.ids = []string{id}
	} else {
		tn := firstNonEmpty(params["TYPENAMES"], params["TYPENAME"])
		if tn == "" && params["RESOURCEID"] == "" && params["FEATUREID"] == "" {
			return owsErr(400, "MissingParameterValue", "typeNames", "TYPENAMES is required")
		}
		if tn != "" {
			var e *server.Error
			if g.types, e = s.typeNames(r, tn); e != nil {
				return e
			}
		} else {
			g.types = s.cat.list(r, st)
		}
	}
	if len(g.types) == 0 {
		return owsErr(400, "InvalidParameterValue", "typeNames", "no feature type")
	}
	if len(g.types) > 1 && g.ids == nil && params["RESOURCEID"] == "" && params["FEATUREID"] == "" {
		return owsErr(400, "OperationNotSupported", "typeNames", "one feature type per request")
	}
	if rid := firstNonEmpty(params["RESOURCEID"], params["FEATUREID"]); rid != "" {
		for _, id := range strings.Split(rid, ",") {
			// accept "<type>.<id>" as well as the bare id
			g.ids = append(g.ids, strings.TrimSpace(id))
		}
	}
	return nil
}

// parseOutput reads what the answer looks like: SRSNAME, OUTPUTFORMAT,
// RESULTTYPE and the page (COUNT / MAXFEATURES, STARTINDEX).
func (g *getFeatureReq) parseOutput(st *server.State) *server.Error {
	params := g.params
	g.out, g.srsName = newOutCRS(geo.CRS2180, geo.NorthEast), "urn:ogc:def:crs:EPSG::2180"
	if v := params["SRSNAME"]; v != "" {
		c, axis, err := geo.Parse(v)
		if err != nil {
			return owsErr(400, "InvalidParameterValue", "srsName", "unsupported CRS %q", v)
		}
		if g.v11 && strings.HasPrefix(strings.ToUpper(v), "EPSG:") {
			axis = geo.EastNorth // WFS 1.1 with EPSG:xxxx is x/y by GeoServer/MapServer practice
		}
		g.out, g.srsName = newOutCRS(c, axis), v
	}
	format := strings.ToLower(params["OUTPUTFORMAT"])
	g.jsonOut = strings.Contains(format, "json")
	if format != "" && !g.jsonOut && !strings.Contains(format, "gml") && !strings.Contains(format, "xml") {
		return owsErr(400, "InvalidParameterValue", "outputFormat", "unsupported outputFormat %q", params["OUTPUTFORMAT"])
	}
	g.hits = strings.EqualFold(params["RESULTTYPE"], "hits")
	if rt := params["RESULTTYPE"]; rt != "" && !g.hits && !strings.EqualFold(rt, "results") {
		return owsErr(400, "InvalidParameterValue", "resultType", "resultType must be results or hits")
	}
	g.count = st.MaxFeatures(0)
	if v := firstNonEmpty(params["COUNT"], params["MAXFEATURES"]); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return owsErr(400, "InvalidParameterValue", "count", "COUNT must be a non-negative integer")
		}
		g.count = st.MaxFeatures(n)
		if n == 0 {
			g.count = 0
		}
	}
	if v := params["STARTINDEX"]; v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return owsErr(400, "InvalidParameterValue", "startIndex", "STARTINDEX must be a non-negative integer")
		}
		g.start = n
	}
	return nil
}

// parseSortBy reads SORTBY: "NAME [ASC|DESC],…" (2.0) or "NAME+A|+D" (1.1).
func (g *getFeatureReq) parseSortBy() *server.Error {
	v := g.params["SORTBY"]
	if v == "" {
		return nil
	}
	for _, item := range strings.Split(v, ",") {
		f := strings.Fields(strings.TrimSpace(item))
		if len(f) == 0 || len(f) > 2 {
			return owsErr(400, "InvalidParameterValue", "sortBy", "bad SORTBY item %q", item)
		}
		name := f[0]
		desc := false
		if len(f) == 1 && (strings.HasSuffix(name, "+A") || strings.HasSuffix(name, "+D")) { // WFS 1.1 style
			desc = strings.HasSuffix(name, "+D")
			name = name[:len(name)-2]
		}
		if len(f) == 2 {
			switch strings.ToUpper(f[1]) {
			case "ASC", "A":
			case "DESC", "D":
				desc = true
			default:
				return owsErr(400, "InvalidParameterValue", "sortBy", "sort order must be ASC or DESC")
			}
		}
		cn, t, ok := g.c.Lookup(name)
		if !ok || t == filter.Geometry {
			return owsErr(400, "InvalidParameterValue", "sortBy", "cannot sort by %q", name)
		}
		for i, p := range g.c.Props {
			if p.Name == cn {
				g.sortKeys = append(g.sortKeys, sortKey{idx: i, desc: desc})
			}
		}
	}
	return nil
}

// resolveIDs strips type prefixes from the ids (dzialki.<id>: that type
// answers) and, for GetFeatureById, finds the type holding the id.
func (g *getFeatureReq) resolveIDs(ctx context.Context) {
	var clean []string
	for _, id := range g.ids {
		for _, cc := range g.types {
			if strings.HasPrefix(id, cc.ID+".") {
				g.c, g.q.c = cc, cc
				id = strings.TrimPrefix(id, cc.ID+".")
			}
		}
		clean = append(clean, id)
	}
	if g.byID {
		for _, cc := range g.types {
			qq := &query{c: cc, ids: clean, limit: 1}
			found := false
			qq.page(ctx, func(*feature) error { found = true; return errStop })
			if found {
				g.c, g.q.c = cc, cc
				break
			}
		}
	}
	g.q.ids = clean
}

// parseFilter reads BBOX or FILTER (FES, read against the type's schema).
func (g *getFeatureReq) parseFilter(ctx context.Context) *server.Error {
	params, c := g.params, g.c
	if v := params["BBOX"]; v != "" {
		b, e := wfsBBox(ctx, c, v, params, g.version, g.out)
		if e != nil {
			return e
		}
		g.q.setBox(b)
	}
	v := filterParam(params)
	if v == "" {
		return nil
	}
	if params["BBOX"] != "" {
		return owsErr(400, "InvalidParameterValue", "filter", "FILTER and BBOX are mutually exclusive")
	}
	fe, err := fes.Parse([]byte(v), fes.Options{Schema: c, DefaultCRS: g.out.crs, DefaultAxis: g.out.axis, Extent: c.extent(ctx)})
	if err != nil {
		code := "InvalidParameterValue"
		if f, ok := filter.AsError(err); ok && f.Kind == "parse" {
			code = "OperationParsingFailed" // OGC 09-025r2 table 3: request failed to parse
		}
		return owsErr(400, code, "filter", "%v", err)
	}
	g.q.expr = fe
	return nil
}

// parseSelection reads PROPERTYNAME and GetPropertyValue's VALUEREFERENCE.
func (g *getFeatureReq) parseSelection(valueRef string) *server.Error {
	c := g.c
	if v := g.params["PROPERTYNAME"]; v != "" {
		g.sel = []int{}
		for _, n := range strings.Split(strings.Trim(v, "()"), ",") {
			name, _, ok := c.Lookup(strings.TrimSpace(n))
			if !ok {
				return owsErr(400, "InvalidParameterValue", "propertyName", "unknown property %q", n)
			}
			for i, p := range c.Props {
				if p.Name == name {
					g.sel = append(g.sel, i)
				}
			}
		}
	}
	if valueRef == "" {
		return nil
	}
	name, _, ok := c.Lookup(valueRef)
	if !ok {
		return owsErr(400, "InvalidParameterValue", "valueReference", "unknown property %q", valueRef)
	}
	for i, p := range c.Props {
		if p.Name == name {
			g.valueIdx = i
		}
	}
	return nil
}
