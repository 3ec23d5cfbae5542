package features

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/features/filter"
	"github.com/sip-core/sip/geo"
	"github.com/sip-core/sip/internal/xmltext"
	"github.com/sip-core/sip/server"
)

const (
	nsPrefix = "ms"
	nsURI    = "http://mapserver.gis.umn.edu/mapserver"
	gmlType  = "application/gml+xml; version=3.2"
)

type wfs struct {
	h   *server.Host
	cat *catalog
}

// WFSHandler serves WFS 2.0.0 / 1.1.0 requests (KVP and XML) with a catalog
// of its own; the features service mounts its own on /wfs and /ows.
func WFSHandler(h *server.Host) http.Handler { return &wfs{h: h, cat: &catalog{}} }

func owsErr(status int, code, locator, format string, args ...any) *server.Error {
	return &server.Error{Status: status, Code: code, Locator: locator, Detail: fmt.Sprintf(format, args...)}
}

func (s *wfs) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodPost {
		s.servePOST(w, r)
		return
	}
	params := map[string]string{}
	for k, v := range r.URL.Query() {
		params[strings.ToUpper(k)] = v[0]
	}
	s.serve(w, r, params)
}

// serve answers a request given as upper-case KVP parameter names.
func (s *wfs) serve(w http.ResponseWriter, r *http.Request, params map[string]string) {
	if svc := params["SERVICE"]; svc != "" && !strings.EqualFold(svc, "WFS") {
		server.WriteError(w, r, owsErr(400, "InvalidParameterValue", "service", "SERVICE must be WFS"))
		return
	}
	req := params["REQUEST"]
	if req == "" {
		server.WriteError(w, r, owsErr(400, "MissingParameterValue", "request", "REQUEST is required"))
		return
	}
	version := params["VERSION"]
	if version == "" {
		version = "2.0.0"
		if av := params["ACCEPTVERSIONS"]; av != "" {
			ok := false
			for _, v := range strings.Split(av, ",") {
				if v == "2.0.0" || v == "1.1.0" {
					version, ok = v, true
					break
				}
			}
			if !ok {
				server.WriteError(w, r, owsErr(400, "VersionNegotiationFailed", "AcceptVersions", "supported versions: 2.0.0, 1.1.0"))
				return
			}
		}
	} else if version != "2.0.0" && version != "1.1.0" && !strings.EqualFold(req, "GetCapabilities") {
		server.WriteError(w, r, owsErr(400, "InvalidParameterValue", "version", "supported versions: 2.0.0, 1.1.0"))
		return
	}
	switch strings.ToLower(req) {
	case "getcapabilities":
		if version != "1.1.0" {
			version = "2.0.0"
		}
		s.capabilities(w, r, version)
	case "describefeaturetype":
		s.describe(w, r, params, version)
	case "getfeature":
		// only the data requests count against the per-client rate limit
		s.h.Expensive(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			s.getFeature(w, r, params, version, "")
		})).ServeHTTP(w, r)
	case "getpropertyvalue":
		vr := params["VALUEREFERENCE"]
		if vr == "" {
			server.WriteError(w, r, owsErr(400, "MissingParameterValue", "valueReference", "VALUEREFERENCE is required"))
			return
		}
		s.h.Expensive(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			s.getFeature(w, r, params, version, vr)
		})).ServeHTTP(w, r)
	case "liststoredqueries":
		w.Header().Set("Content-Type", "application/xml; charset=utf-8")
		var b strings.Builder
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<wfs:ListStoredQueriesResponse xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:` + nsPrefix + `="` + nsURI + `">` + "\n")
		b.WriteString(`<wfs:StoredQuery id="urn:ogc:def:query:OGC-WFS::GetFeatureById"><wfs:Title>Get feature by identifier</wfs:Title>`)
		for _, c := range s.cat.list(r, s.h.State(r)) {
			fmt.Fprintf(&b, `<wfs:ReturnFeatureType>%s:%s</wfs:ReturnFeatureType>`, nsPrefix, xmlEsc(c.ID))
		}
		b.WriteString("</wfs:StoredQuery>\n</wfs:ListStoredQueriesResponse>\n")
		w.Write([]byte(b.String()))
	case "describestoredqueries":
		w.Header().Set("Content-Type", "application/xml; charset=utf-8")
		var b strings.Builder
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<wfs:DescribeStoredQueriesResponse xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:` + nsPrefix + `="` + nsURI + `">` + "\n")
		b.WriteString(`<wfs:StoredQueryDescription id="urn:ogc:def:query:OGC-WFS::GetFeatureById"><wfs:Title>Get feature by identifier</wfs:Title>` +
			`<wfs:Parameter name="ID" type="xsd:string"/><wfs:QueryExpressionText isPrivate="true" language="urn:ogc:def:queryLanguage:OGC-WFS::WFSQueryExpression" returnFeatureTypes=""/>` +
			"</wfs:StoredQueryDescription>\n</wfs:DescribeStoredQueriesResponse>\n")
		w.Write([]byte(b.String()))
	case "getfeaturebyid":
		params["STOREDQUERY_ID"] = "urn:ogc:def:query:OGC-WFS::GetFeatureById"
		s.getFeature(w, r, params, version, "")
	default:
		server.WriteError(w, r, owsErr(400, "OperationNotSupported", "request", "unsupported request %q", req))
	}
}

// xmlEsc escapes text for the XML this package writes (xmltext.Escape).
func xmlEsc(s string) string { return xmltext.Escape(s) }

func (s *wfs) endpoint(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host + r.URL.Path
}

func (s *wfs) capabilities(w http.ResponseWriter, r *http.Request, version string) {
	xmlEncoding := r.URL.Path == "/wfs" // POST is served on /wfs (the shared /ows dispatches on the query string)
	var b strings.Builder
	v11 := version == "1.1.0"
	ows := "http://www.opengis.net/ows/1.1"
	if v11 {
		ows = "http://www.opengis.net/ows"
		fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>
<wfs:WFS_Capabilities version="1.1.0" xmlns:wfs="http://www.opengis.net/wfs" xmlns:ows="%s" xmlns:ogc="http://www.opengis.net/ogc" xmlns:gml="http://www.opengis.net/gml" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:%s="%s">
`, ows, nsPrefix, nsURI)
	} else {
		fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>
<wfs:WFS_Capabilities version="2.0.0" xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:ows="%s" xmlns:fes="http://www.opengis.net/fes/2.0" xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:%s="%s" xsi:schemaLocation="http://www.opengis.net/wfs/2.0 http://schemas.opengis.net/wfs/2.0/wfs.xsd">
`, ows, nsPrefix, nsURI)
	}
	title := "SIP WFS"
	if st := s.h.State(r); len(st.Datasets()) > 0 {
		title = st.Datasets()[0].Title
	}
	fmt.Fprintf(&b, `<ows:ServiceIdentification><ows:Title>%s</ows:Title><ows:ServiceType>WFS</ows:ServiceType><ows:ServiceTypeVersion>2.0.0</ows:ServiceTypeVersion><ows:ServiceTypeVersion>1.1.0</ows:ServiceTypeVersion><ows:Fees>NONE</ows:Fees><ows:AccessConstraints>NONE</ows:AccessConstraints></ows:ServiceIdentification>
<ows:ServiceProvider><ows:ProviderName>SIP core</ows:ProviderName><ows:ServiceContact/></ows:ServiceProvider>
<ows:OperationsMetadata>
`, xmlEsc(title))
	s.writeOperations(&b, r, v11, xmlEncoding)
	b.WriteString("</ows:OperationsMetadata>\n<wfs:FeatureTypeList>\n")
	s.writeFeatureTypes(&b, r, v11)
	b.WriteString("</wfs:FeatureTypeList>\n")
	writeFilterCapabilities(&b, v11)
	b.WriteString("\n</wfs:WFS_Capabilities>\n")
	w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	w.Write([]byte(b.String()))
}

// writeOperations writes the operations of OperationsMetadata and, in 2.0,
// the constraints of the conformance classes served.
func (s *wfs) writeOperations(b *strings.Builder, r *http.Request, v11, xmlEncoding bool) {
	ep := xmlEsc(s.endpoint(r)) + "?"
	for _, op := range []string{"GetCapabilities", "DescribeFeatureType", "GetFeature", "GetPropertyValue", "ListStoredQueries", "DescribeStoredQueries"} {
		post := ""
		if xmlEncoding {
			post = `<ows:Post xlink:href="` + xmlEsc(s.endpoint(r)) + `"/>`
		}
		fmt.Fprintf(b, `<ows:Operation name="%s"><ows:DCP><ows:HTTP><ows:Get xlink:href="%s"/>%s</ows:HTTP></ows:DCP>`, op, ep, post)
		if op == "GetFeature" {
			b.WriteString(`<ows:Parameter name="outputFormat"><ows:AllowedValues><ows:Value>application/gml+xml; version=3.2</ows:Value><ows:Value>text/xml; subtype=gml/3.1.1</ows:Value><ows:Value>application/json</ows:Value><ows:Value>application/geo+json</ows:Value></ows:AllowedValues></ows:Parameter>`)
			b.WriteString(`<ows:Parameter name="resultType"><ows:AllowedValues><ows:Value>results</ows:Value><ows:Value>hits</ows:Value></ows:AllowedValues></ows:Parameter>`)
		}
		b.WriteString("</ows:Operation>\n")
	}
	if !v11 {
		enc := []string{"ImplementsBasicWFS", "KVPEncoding", "ImplementsResultPaging"}
		if xmlEncoding {
			enc = append(enc, "XMLEncoding")
		}
		for _, c := range enc {
			fmt.Fprintf(b, `<ows:Constraint name="%s"><ows:NoValues/><ows:DefaultValue>TRUE</ows:DefaultValue></ows:Constraint>`, c)
		}
		for _, c := range []string{"ImplementsSimpleWFS"} {
			fmt.Fprintf(b, `<ows:Constraint name="%s"><ows:NoValues/><ows:DefaultValue>TRUE</ows:DefaultValue></ows:Constraint>`, c)
		}
		for _, c := range []string{"ImplementsTransactionalWFS", "ImplementsLockingWFS", "SOAPEncoding", "ImplementsInheritance", "ImplementsRemoteResolve", "ImplementsSharedBBOXes", "ImplementsStandardJoins", "ImplementsSpatialJoins", "ImplementsTemporalJoins", "ImplementsFeatureVersioning", "ManageStoredQueries"} {
			fmt.Fprintf(b, `<ows:Constraint name="%s"><ows:NoValues/><ows:DefaultValue>FALSE</ows:DefaultValue></ows:Constraint>`, c)
		}
		fmt.Fprintf(b, `<ows:Constraint name="CountDefault"><ows:NoValues/><ows:DefaultValue>%d</ows:DefaultValue></ows:Constraint>`, s.h.State(r).MaxFeatures(0))
	}
}

// writeFeatureTypes writes the FeatureTypeList's members: the collections
// the caller may read, their CRSs, formats and WGS84 extent.
func (s *wfs) writeFeatureTypes(b *strings.Builder, r *http.Request, v11 bool) {
	geoTr, _ := geo.NewTransform(geo.CRS2180, geo.CRS84)
	for _, c := range s.cat.list(r, s.h.State(r)) {
		fmt.Fprintf(b, `<wfs:FeatureType><wfs:Name>%s:%s</wfs:Name><wfs:Title>%s</wfs:Title>`, nsPrefix, xmlEsc(c.ID), xmlEsc(c.Title()))
		if v11 {
			b.WriteString(`<wfs:DefaultSRS>urn:ogc:def:crs:EPSG::2180</wfs:DefaultSRS>`)
		} else {
			b.WriteString(`<wfs:DefaultCRS>urn:ogc:def:crs:EPSG::2180</wfs:DefaultCRS>`)
		}
		for _, cr := range geo.All() {
			if cr.Code == 0 || cr.Code == 2180 {
				continue
			}
			if v11 {
				fmt.Fprintf(b, `<wfs:OtherSRS>%s</wfs:OtherSRS>`, cr.URN())
			} else {
				fmt.Fprintf(b, `<wfs:OtherCRS>%s</wfs:OtherCRS>`, cr.URN())
			}
		}
		b.WriteString(`<wfs:OutputFormats><wfs:Format>application/gml+xml; version=3.2</wfs:Format><wfs:Format>application/json</wfs:Format></wfs:OutputFormats>`)
		if ext, ok, err := c.Dataset.Store.Extent(r.Context(), c.Layer.Name); err == nil && ok {
			g := geoTr.Bound(ext)
			fmt.Fprintf(b, `<ows:WGS84BoundingBox><ows:LowerCorner>%s %s</ows:LowerCorner><ows:UpperCorner>%s %s</ows:UpperCorner></ows:WGS84BoundingBox>`,
				fnum(g.Min[0]), fnum(g.Min[1]), fnum(g.Max[0]), fnum(g.Max[1]))
		}
		b.WriteString("</wfs:FeatureType>\n")
	}
}

// writeFilterCapabilities writes the Filter_Capabilities of FES 2.0 (WFS
// 2.0) or Filter 1.1 (WFS 1.1).
func writeFilterCapabilities(b *strings.Builder, v11 bool) {
	if v11 {
		b.WriteString(`<ogc:Filter_Capabilities><ogc:Spatial_Capabilities><ogc:GeometryOperands><ogc:GeometryOperand>gml:Envelope</ogc:GeometryOperand><ogc:GeometryOperand>gml:Polygon</ogc:GeometryOperand></ogc:GeometryOperands><ogc:SpatialOperators><ogc:SpatialOperator name="BBOX"/><ogc:SpatialOperator name="Intersects"/><ogc:SpatialOperator name="Within"/><ogc:SpatialOperator name="Contains"/></ogc:SpatialOperators></ogc:Spatial_Capabilities><ogc:Scalar_Capabilities><ogc:LogicalOperators/><ogc:ComparisonOperators><ogc:ComparisonOperator>EqualTo</ogc:ComparisonOperator><ogc:ComparisonOperator>NotEqualTo</ogc:ComparisonOperator><ogc:ComparisonOperator>LessThan</ogc:ComparisonOperator><ogc:ComparisonOperator>GreaterThan</ogc:ComparisonOperator><ogc:ComparisonOperator>LessThanEqualTo</ogc:ComparisonOperator><ogc:ComparisonOperator>GreaterThanEqualTo</ogc:ComparisonOperator><ogc:ComparisonOperator>Like</ogc:ComparisonOperator><ogc:ComparisonOperator>Between</ogc:ComparisonOperator><ogc:ComparisonOperator>NullCheck</ogc:ComparisonOperator></ogc:ComparisonOperators></ogc:Scalar_Capabilities><ogc:Id_Capabilities><ogc:FID/></ogc:Id_Capabilities></ogc:Filter_Capabilities>`)
	} else {
		b.WriteString(`<fes:Filter_Capabilities><fes:Conformance>`)
		for _, c := range []string{"ImplementsQuery", "ImplementsAdHocQuery", "ImplementsFunctions", "ImplementsResourceId", "ImplementsMinStandardFilter", "ImplementsStandardFilter", "ImplementsMinSpatialFilter", "ImplementsSpatialFilter", "ImplementsMinTemporalFilter", "ImplementsTemporalFilter", "ImplementsSorting", "ImplementsMinimumXPath"} {
			val := "TRUE"
			if c == "ImplementsFunctions" {
				val = "FALSE"
			}
			fmt.Fprintf(b, `<fes:Constraint name="%s"><ows:NoValues/><ows:DefaultValue>%s</ows:DefaultValue></fes:Constraint>`, c, val)
		}
		b.WriteString(`</fes:Conformance><fes:Id_Capabilities><fes:ResourceIdentifier name="fes:ResourceId"/></fes:Id_Capabilities><fes:Scalar_Capabilities><fes:LogicalOperators/><fes:ComparisonOperators>`)
		for _, op := range []string{"PropertyIsEqualTo", "PropertyIsNotEqualTo", "PropertyIsLessThan", "PropertyIsGreaterThan", "PropertyIsLessThanOrEqualTo", "PropertyIsGreaterThanOrEqualTo", "PropertyIsLike", "PropertyIsNull", "PropertyIsNil", "PropertyIsBetween"} {
			fmt.Fprintf(b, `<fes:ComparisonOperator name="%s"/>`, op)
		}
		b.WriteString(`</fes:ComparisonOperators></fes:Scalar_Capabilities><fes:Spatial_Capabilities><fes:GeometryOperands><fes:GeometryOperand name="gml:Envelope"/><fes:GeometryOperand name="gml:Point"/><fes:GeometryOperand name="gml:LineString"/><fes:GeometryOperand name="gml:Polygon"/><fes:GeometryOperand name="gml:MultiSurface"/></fes:GeometryOperands><fes:SpatialOperators>`)
		for _, op := range []string{"BBOX", "Intersects", "Within", "Contains", "Disjoint", "Equals", "Touches", "Crosses", "Overlaps"} {
			fmt.Fprintf(b, `<fes:SpatialOperator name="%s"/>`, op)
		}
		b.WriteString(`</fes:SpatialOperators></fes:Spatial_Capabilities><fes:Temporal_Capabilities><fes:TemporalOperands><fes:TemporalOperand name="gml:TimeInstant"/><fes:TemporalOperand name="gml:TimePeriod"/></fes:TemporalOperands><fes:TemporalOperators><fes:TemporalOperator name="After"/><fes:TemporalOperator name="Before"/><fes:TemporalOperator name="During"/><fes:TemporalOperator name="TEquals"/></fes:TemporalOperators></fes:Temporal_Capabilities></fes:Filter_Capabilities>`)
	}
}

func fnum(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// typeNames resolves a TYPENAME(S) list.
func (s *wfs) typeNames(r *http.Request, v string) ([]*Collection, *server.Error) {
	var out []*Collection
	for _, n := range strings.Split(v, ",") {
		n = strings.TrimSpace(strings.Trim(strings.TrimSpace(n), "()"))
		if n == "" {
			continue
		}
		local := n
		if i := strings.LastIndexByte(n, ':'); i >= 0 {
			local = n[i+1:]
		}
		c, e := s.cat.resolve(r, s.h.State(r), local)
		if e != nil {
			return nil, e
		}
		if c == nil {
			return nil, owsErr(400, "InvalidParameterValue", "typeName", "unknown feature type %q", n)
		}
		out = append(out, c)
	}
	return out, nil
}

func (s *wfs) describe(w http.ResponseWriter, r *http.Request, params map[string]string, version string) {
	tn := params["TYPENAMES"]
	if tn == "" {
		tn = params["TYPENAME"]
	}
	var cs []*Collection
	if tn == "" {
		cs = s.cat.list(r, s.h.State(r))
	} else {
		var e *server.Error
		if cs, e = s.typeNames(r, tn); e != nil {
			server.WriteError(w, r, e)
			return
		}
	}
	var b strings.Builder
	gmlNS, gmlXSD, subst, ctype := "http://www.opengis.net/gml/3.2", "http://schemas.opengis.net/gml/3.2.1/gml.xsd", "gml:AbstractFeature", "application/gml+xml; version=3.2; subtype=schema"
	if version == "1.1.0" {
		gmlNS, gmlXSD, subst, ctype = "http://www.opengis.net/gml", "http://schemas.opengis.net/gml/3.1.1/base/gml.xsd", "gml:_Feature", "text/xml; subtype=gml/3.1.1"
	}
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>
<schema targetNamespace="%s" xmlns:%s="%s" xmlns="http://www.w3.org/2001/XMLSchema" xmlns:gml="%s" elementFormDefault="qualified" version="0.1">
<import namespace="%s" schemaLocation="%s"/>
`, nsURI, nsPrefix, nsURI, gmlNS, gmlNS, gmlXSD)
	for _, c := range cs {
		geomType := "gml:MultiSurfacePropertyType"
		switch c.Layer.Geometry {
		case "POINT":
			geomType = "gml:PointPropertyType"
		case "MULTILINESTRING":
			geomType = "gml:MultiCurvePropertyType"
		}
		fmt.Fprintf(&b, `<element name="%s" type="%s:%sType" substitutionGroup="`+subst+`"/>
<complexType name="%sType"><complexContent><extension base="gml:AbstractFeatureType"><sequence>
<element name="msGeometry" type="%s" minOccurs="0" maxOccurs="1"/>
`, xmlEsc(c.ID), nsPrefix, xmlEsc(c.ID), xmlEsc(c.ID), geomType)
		for _, p := range c.Props {
			t := "string"
			switch p.Type {
			case filter.Number:
				t = "double"
			case filter.Integer:
				t = "long"
			case filter.DateTime:
				t = "dateTime"
			}
			fmt.Fprintf(&b, `<element name="%s" type="%s" minOccurs="0" maxOccurs="1"/>`+"\n", p.Name, t)
		}
		b.WriteString("</sequence></extension></complexContent></complexType>\n")
	}
	b.WriteString("</schema>\n")
	w.Header().Set("Content-Type", ctype)
	w.Write([]byte(b.String()))
}

// wfsBBox reads a KVP BBOX (x0,y0,x1,y1[,crs]) into the storage CRS. Without
// a CRS it is in SRSNAME's, else EPSG:2180 northing first. The axis order is
// the CRS name's (EPSG:2180 and its URN northing first), unless the box read
// that way misses the layer entirely while read the other way it meets it
// (geo.BoxAxisOrder): OWSLib writes BBOX=508000,413000,509000,414000,EPSG:2180
// easting first.
func wfsBBox(ctx context.Context, c *Collection, v string, params map[string]string, version string, out *outCRS) (orb.Bound, *server.Error) {
	parts := strings.Split(v, ",")
	bc, baxis := geo.CRS2180, geo.NorthEast
	if len(parts) == 5 {
		var err error
		if bc, baxis, err = geo.Parse(parts[4]); err != nil {
			return orb.Bound{}, owsErr(400, "InvalidParameterValue", "bbox", "unsupported CRS %q in BBOX", parts[4])
		}
		parts = parts[:4]
	} else if params["SRSNAME"] != "" {
		bc, baxis = out.crs, out.axis
	}
	if version == "1.1.0" && len(parts) == 4 && params["SRSNAME"] == "" {
		baxis = geo.NorthEast
	}
	b, err := parseBBox(strings.Join(parts, ","))
	if err != nil {
		return orb.Bound{}, owsErr(400, "InvalidParameterValue", "bbox", "%v", err)
	}
	if b.Min[0] > b.Max[0] || b.Min[1] > b.Max[1] {
		return orb.Bound{}, owsErr(400, "InvalidParameterValue", "bbox", "BBOX minimum exceeds maximum")
	}
	if ext := c.extent(ctx); ext != nil {
		baxis = geo.BoxAxisOrder(b, bc, baxis, *ext)
	}
	return c.cat.bounds.toStorageBound(b, bc, baxis), nil
}

// extent is the layer's extent (EPSG:2180), nil when it is empty or cannot be
// read: what an ambiguous axis order is checked against.
func (c *Collection) extent(ctx context.Context) *orb.Bound {
	ext, ok, err := c.Dataset.Store.Extent(ctx, c.Layer.Name)
	if err != nil || !ok {
		return nil
	}
	return &ext
}

// filterParam is the request's FES filter: FILTER, or a QUERY parameter that
// holds a filter document, as OWSLib 0.27 sends it (query=<fes:Filter…>);
// WFS 2.0 has no QUERY parameter, so nothing else can be meant by one.
func filterParam(params map[string]string) string {
	if v := params["FILTER"]; v != "" {
		return v
	}
	if v := strings.TrimSpace(params["QUERY"]); isFilterDocument(v) {
		return v
	}
	return ""
}

// isFilterDocument reports whether s is XML whose root element is a Filter
// (any namespace prefix).
func isFilterDocument(s string) bool {
	if strings.HasPrefix(s, "<?xml") {
		if _, rest, ok := strings.Cut(s, "?>"); ok {
			s = strings.TrimSpace(rest)
		}
	}
	if !strings.HasPrefix(s, "<") {
		return false
	}
	name := s[1:]
	if i := strings.IndexAny(name, " \t\r\n/>"); i >= 0 {
		name = name[:i]
	}
	if i := strings.IndexByte(name, ':'); i >= 0 {
		name = name[i+1:]
	}
	return name == "Filter"
}

// appendGeoJSONHead opens a WFS GeoJSON FeatureCollection whose positions are
// x/y in c: a CRS other than WGS 84 lon/lat is named in a "crs" member (as
// GeoServer does), or GDAL and QGIS take EPSG:2180 metres for degrees.
func appendGeoJSONHead(b []byte, c *geo.CRS) []byte {
	b = append(b, `{"type":"FeatureCollection",`...)
	if !geo.IsRFC7946(c) {
		b = geo.AppendGeoJSONCRS(b, c)
		b = append(b, ',')
	}
	return append(b, `"features":[`...)
}

// appendCounts closes a feature collection's features array and writes its
// numberMatched and numberReturned members.
func appendCounts(b []byte, matched int64, returned int) []byte {
	b = append(b, `],"numberMatched":`...)
	b = strconv.AppendInt(b, matched, 10)
	b = append(b, `,"numberReturned":`...)
	return strconv.AppendInt(b, int64(returned), 10)
}

// pagedURL is the KVP GET request of another page (also for POST requests).
func pagedURL(self string, params map[string]string, start int) string {
	v := url.Values{}
	for k, x := range params {
		if k != "STARTINDEX" {
			v.Set(k, x)
		}
	}
	v.Set("STARTINDEX", strconv.Itoa(start))
	return self + "?" + v.Encode()
}

func gmlValue(v any) any {
	if t, ok := v.(time.Time); ok {
		return t.UTC().Format(time.RFC3339)
	}
	return v
}

// appendGMLFeature writes one feature inside member ("wfs:member",
// "gml:featureMember", or "" for a bare feature carrying the rootAttrs).
func appendGMLFeature(b []byte, f *feature, o *outCRS, srsName string, sel []int, member, rootAttrs string) []byte {
	id := f.FeatureID()
	gid := gmlID(f.c.ID + "." + id)
	if member != "" {
		b = append(b, "<"+member+">\n"...)
	}
	b = append(b, "<"+nsPrefix+":"...)
	b = append(b, f.c.ID...)
	b = append(b, rootAttrs...)
	b = append(b, ` gml:id="`...)
	b = append(b, gid...)
	b = append(b, `">`...)
	bb := o.bound(f.obj.Geometry.Bound())
	b = append(b, `<gml:boundedBy><gml:Envelope srsName="`...)
	b = append(b, xmlEsc(srsName)...)
	b = append(b, `"><gml:lowerCorner>`...)
	b = appendNum(b, bb[0])
	b = append(b, ' ')
	b = appendNum(b, bb[1])
	b = append(b, `</gml:lowerCorner><gml:upperCorner>`...)
	b = appendNum(b, bb[2])
	b = append(b, ' ')
	b = appendNum(b, bb[3])
	b = append(b, "</gml:upperCorner></gml:Envelope></gml:boundedBy>\n<"+nsPrefix+":msGeometry>"...)
	b = o.appendGML(b, f.obj.Geometry, srsName, gid)
	b = append(b, "</"+nsPrefix+":msGeometry>\n"...)
	write := func(i int) {
		v := f.values[i]
		if v == nil {
			return
		}
		name := f.c.Props[i].Name
		b = append(b, "<"+nsPrefix+":"+name+">"...)
		b = append(b, xmlEsc(fmt.Sprint(gmlValue(v)))...)
		b = append(b, "</"+nsPrefix+":"+name+">\n"...)
	}
	if sel == nil {
		for i := range f.c.Props {
			write(i)
		}
	} else {
		for _, i := range sel {
			write(i)
		}
	}
	b = append(b, "</"+nsPrefix+":"...)
	b = append(b, f.c.ID...)
	if member == "" {
		return append(b, ">\n"...)
	}
	return append(b, ">\n</"+member+">\n"...)
}

// gmlID makes an xsd:ID from a feature id ('/' and other characters become '_').
func gmlID(s string) string {
	var b strings.Builder
	for i, r := range s {
		ok := r == '_' || r == '-' || r == '.' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (i > 0 && r >= '0' && r <= '9')
		if ok {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	return b.String()
}

func (o *outCRS) appendGML(b []byte, g orb.Geometry, srs, gid string) []byte {
	attr := func(kind, suffix string) {
		b = append(b, "<gml:"+kind+` gml:id="`+gid+suffix+`" srsName="`+xmlEsc(srs)+`">`...)
	}
	posList := func(ps []orb.Point) {
		b = append(b, `<gml:posList srsDimension="2">`...)
		for i, p := range ps {
			if i > 0 {
				b = append(b, ' ')
			}
			b = o.appendCoord(b, p, ' ')
		}
		b = append(b, "</gml:posList>"...)
	}
	poly := func(p orb.Polygon) {
		for i, r := range p {
			if i == 0 {
				b = append(b, "<gml:exterior><gml:LinearRing>"...)
			} else {
				b = append(b, "<gml:interior><gml:LinearRing>"...)
			}
			posList(r)
			if i == 0 {
				b = append(b, "</gml:LinearRing></gml:exterior>"...)
			} else {
				b = append(b, "</gml:LinearRing></gml:interior>"...)
			}
		}
	}
	switch g := g.(type) {
	case orb.Point:
		attr("Point", ".g")
		b = append(b, "<gml:pos>"...)
		b = o.appendCoord(b, g, ' ')
		b = append(b, "</gml:pos></gml:Point>"...)
	case orb.Polygon:
		attr("Polygon", ".g")
		poly(g)
		b = append(b, "</gml:Polygon>"...)
	case orb.MultiPolygon:
		attr("MultiSurface", ".g")
		for i, p := range g {
			b = append(b, `<gml:surfaceMember><gml:Polygon gml:id="`+gid+".p"+strconv.Itoa(i)+`">`...)
			poly(p)
			b = append(b, "</gml:Polygon></gml:surfaceMember>"...)
		}
		b = append(b, "</gml:MultiSurface>"...)
	case orb.LineString:
		attr("LineString", ".g")
		posList(g)
		b = append(b, "</gml:LineString>"...)
	case orb.MultiLineString:
		attr("MultiCurve", ".g")
		for i, l := range g {
			b = append(b, `<gml:curveMember><gml:LineString gml:id="`+gid+".l"+strconv.Itoa(i)+`">`...)
			posList(l)
			b = append(b, "</gml:LineString></gml:curveMember>"...)
		}
		b = append(b, "</gml:MultiCurve>"...)
	}
	return b
}

func firstNonEmpty(a ...string) string {
	for _, s := range a {
		if s != "" {
			return s
		}
	}
	return ""
}
