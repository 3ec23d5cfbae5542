package wms

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"github.com/sip-core/sip/cadastre"
	"github.com/sip-core/sip/geo"
	"github.com/sip-core/sip/server"
	"github.com/sip-core/sip/store"
)

// infoFormats are the GetFeatureInfo formats; text/xml is the KIEG record
// (<GETFEATUREINFO><DZIALKI><ID_DZIALKI>…).
var infoFormats = []string{"text/xml", "application/vnd.ogc.gml", "text/html", "text/plain", "application/json", "application/geo+json"}

// namesCache keeps cadastre.Names per dataset, refreshed when the dataset's
// revision moves past theirs, at most 64 datasets (a Service's).
type namesCache struct {
	mu sync.Mutex
	m  map[*server.Dataset]*cadastre.Names
}

func (c *namesCache) get(ctx context.Context, d *server.Dataset) (*cadastre.Names, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if n := c.m[d]; n != nil && n.Revision() >= d.Revision() {
		return n, nil
	}
	n, err := cadastre.LoadNames(ctx, d.Store)
	if err != nil {
		return nil, err
	}
	if len(c.m) > 64 {
		clear(c.m)
	}
	c.m[d] = n
	return n, nil
}

// hit is one feature found by GetFeatureInfo.
type hit struct {
	l      *mapLayer
	o      *store.Object
	fields []cadastre.Field
}

// infoRequest is a GetFeatureInfo request, parsed and checked: the layers to
// query, the point (storage CRS) with its tolerance, and the answer's form.
type infoRequest struct {
	view   *mapView
	qrefs  []layerRef
	format string
	pt     orb.Point // the centre of the pixel asked for, storage CRS
	tol    float64   // 3 pixels, in metres
	count  int       // features per layer
}

func (s *Service) getFeatureInfo(w http.ResponseWriter, req *request) {
	info, e := parseFeatureInfo(req)
	if e != nil {
		writeExc(w, req, e)
		return
	}
	ctx := req.r.Context()
	var hits []hit
	for _, q := range info.qrefs {
		found, err := s.query(ctx, req, q.l, info.pt, info.tol, info.count)
		if err != nil {
			server.WriteErr(w, req.r, err)
			return
		}
		hits = append(hits, found...)
	}
	writeInfo(w, info, hits)
}

// parseFeatureInfo reads LAYERS, the map view, QUERY_LAYERS (queryable, and
// among LAYERS), INFO_FORMAT, the pixel (I/J, X/Y in 1.1.1) and FEATURE_COUNT.
func parseFeatureInfo(req *request) (*infoRequest, *server.Error) {
	refs, e := parseLayers(req, "LAYERS")
	if e != nil {
		return nil, e
	}
	v, e := parseView(req)
	if e != nil {
		return nil, e
	}
	qrefs, e := parseLayers(req, "QUERY_LAYERS")
	if e != nil {
		return nil, e
	}
	for _, q := range qrefs {
		if !q.l.Queryable {
			return nil, &server.Error{Status: 400, Code: "LayerNotQueryable", Locator: "QUERY_LAYERS", Detail: fmt.Sprintf("layer %q is not queryable", q.l.Name)}
		}
		if !slices.ContainsFunc(refs, func(r layerRef) bool { return r.l == q.l }) {
			return nil, &server.Error{Status: 400, Code: "LayerNotDefined", Locator: "QUERY_LAYERS", Detail: fmt.Sprintf("query layer %q is not in LAYERS", q.l.Name)}
		}
	}
	format := param(req.q, "INFO_FORMAT")
	if format == "" {
		format = "text/xml"
	}
	format = strings.ToLower(strings.TrimSpace(format))
	if !slices.Contains(infoFormats, format) {
		return nil, &server.Error{Status: 400, Code: "InvalidFormat", Locator: "INFO_FORMAT", Detail: fmt.Sprintf("INFO_FORMAT %q is not supported (%s)", format, strings.Join(infoFormats, ", "))}
	}
	info := &infoRequest{view: v, qrefs: qrefs, format: format, count: 1}
	in, jn := "I", "J"
	if req.version == "1.1.1" {
		in, jn = "X", "Y"
	}
	i, ierr := strconv.Atoi(strings.TrimSpace(param(req.q, in)))
	j, jerr := strconv.Atoi(strings.TrimSpace(param(req.q, jn)))
	if ierr != nil || jerr != nil || i < 0 || j < 0 || i >= v.w || j >= v.h {
		return nil, &server.Error{Status: 400, Code: "InvalidPoint", Locator: in, Detail: fmt.Sprintf("%s and %s must be pixel positions inside the %dx%d map", in, jn, v.w, v.h)}
	}
	if fc := param(req.q, "FEATURE_COUNT"); fc != "" {
		n, err := strconv.Atoi(strings.TrimSpace(fc))
		if err != nil || n < 1 {
			return nil, &server.Error{Status: 400, Code: "InvalidParameterValue", Locator: "FEATURE_COUNT", Detail: "FEATURE_COUNT must be a positive integer"}
		}
		info.count = req.st.MaxFeatures(n)
	}
	info.pt, info.tol = v.pixelPoint(i, j)
	if math.IsNaN(info.pt[0]) || math.IsNaN(info.pt[1]) {
		return nil, &server.Error{Status: 400, Code: "InvalidPoint", Locator: in, Detail: "the point is outside the CRS's area of use"}
	}
	return info, nil
}

// pixelPoint is the centre of pixel i, j in the storage CRS, and 3 pixels
// there in metres.
func (v *mapView) pixelPoint(i, j int) (pt orb.Point, tol float64) {
	// The centre of the pixel, in the map CRS, then in the storage CRS.
	x := v.bbox.Min[0] + (float64(i)+0.5)/v.sx
	y := v.bbox.Max[1] - (float64(j)+0.5)/v.sy
	if v.toMap == nil {
		return orb.Point{x, y}, 3 / v.sx
	}
	inv := v.toMap.Inverse()
	a := inv.Bound(orb.Bound{Min: orb.Point{x - 3/v.sx, y - 3/v.sy}, Max: orb.Point{x + 3/v.sx, y + 3/v.sy}})
	return orb.Point{(a.Min[0] + a.Max[0]) / 2, (a.Min[1] + a.Max[1]) / 2}, max(a.Max[0]-a.Min[0], a.Max[1]-a.Min[1]) / 2
}

// writeInfo writes the features found in the format asked for.
func writeInfo(w http.ResponseWriter, info *infoRequest, hits []hit) {
	var buf bytes.Buffer
	ct := info.format
	switch info.format {
	case "text/xml":
		writeKIEG(&buf, hits)
		ct = "text/xml; charset=utf-8"
	case "application/vnd.ogc.gml":
		writeGML(&buf, hits, info.qrefs)
		ct = "application/vnd.ogc.gml; charset=utf-8"
	case "text/html":
		writeHTML(&buf, hits)
		ct = "text/html; charset=utf-8"
	case "text/plain":
		writeText(&buf, hits, info.qrefs)
		ct = "text/plain; charset=utf-8"
	default:
		writeGeoJSON(&buf, hits, info.view.crs)
	}
	w.Header().Set("Content-Type", ct)
	w.Write(buf.Bytes())
}

// query finds up to count features of a layer at a point (polygons containing
// it; points and lines within tol metres), topmost (last drawn) first.
func (s *Service) query(ctx context.Context, req *request, l *mapLayer, pt orb.Point, tol float64, count int) ([]hit, error) {
	b := orb.Bound{Min: orb.Point{pt[0] - tol, pt[1] - tol}, Max: orb.Point{pt[0] + tol, pt[1] + tol}}
	ids, err := l.DS.Index.SearchIDs(ctx, l.Source, b, nil)
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return nil, nil
	}
	slices.Sort(ids)
	objs, err := req.feats(l.DS).get(ctx, l.Source, ids)
	if err != nil {
		return nil, err
	}
	var hitIDs []string
	for i, o := range objs {
		if o != nil && touches(o.Geometry, pt, tol) {
			hitIDs = append(hitIDs, ids[i])
			if len(hitIDs) >= count {
				break
			}
		}
	}
	if len(hitIDs) == 0 {
		return nil, nil
	}
	// The records come from the store (the cache holds geometry only).
	full := map[string]*store.Object{}
	err = l.DS.Store.Query(ctx, store.Query{Layer: l.Source, IDs: hitIDs}, func(r store.Row) error {
		full[r.ID] = r.Object
		return nil
	})
	if err != nil {
		return nil, err
	}
	nm, err := s.names.get(ctx, l.DS)
	if err != nil {
		return nil, err
	}
	var out []hit
	for _, id := range hitIDs {
		if o := full[id]; o != nil {
			out = append(out, hit{l: l, o: o, fields: recordOf(req.r, nm, l, o)})
		}
	}
	return out, nil
}

func touches(g orb.Geometry, pt orb.Point, tol float64) bool {
	switch g := g.(type) {
	case orb.Polygon:
		return planar.PolygonContains(g, pt)
	case orb.MultiPolygon:
		return planar.MultiPolygonContains(g, pt)
	case orb.Point, orb.MultiPoint, orb.LineString, orb.MultiLineString:
		return planar.DistanceFrom(g, pt) <= tol
	}
	return false
}

// kiegColumn names the store column behind a KIEG field ("" for fields that
// are always public: the lifecycle date).
var kiegColumn = map[string]string{
	"ID_DZIALKI": "id_dzialki", "NUMER_DZIALKI": "numer_dzialki", "NUMER_ARKUSZA": "numer_arkusza",
	"NUMER_OBREBU": "id_obrebu", "NAZWA_OBREBU": "id_obrebu", "NAZWA_GMINY": "id_obrebu",
	"POLE_EWIDENCYJNE": "pole_ewidencyjne", "KW": "numer_kw", "GRUPA_REJESTROWA": "grupa_rejestrowa",
	"ID_BUDYNKU": "id_budynku", "RODZAJ": "rodzaj_kst", "KONDYGNACJE_NADZIEMNE": "kondygnacje_nadziemne",
	"KONDYGNACJE_PODZIEMNE": "kondygnacje_podziemne", "POWIERZCHNIA_ZABUDOWY": "pow_zabudowy",
}

// recordOf is a feature's record: the KIEG fields for parcels and buildings,
// the public columns (upper-cased) for other layers. Values of columns the
// request may not see are left empty.
func recordOf(r *http.Request, nm *cadastre.Names, l *mapLayer, o *store.Object) []cadastre.Field {
	public := map[string]bool{}
	for _, c := range l.DS.PublicColumns(r, l.Layer, l.LC) {
		public[c.Name] = true
	}
	var fs []cadastre.Field
	switch l.Source {
	case "dzialki":
		fs = nm.KIEGParcel(o)
	case "budynki":
		fs = nm.KIEGBuilding(o)
	default:
		for _, c := range l.DS.PublicColumns(r, l.Layer, l.LC) {
			fs = append(fs, cadastre.Field{Name: strings.ToUpper(c.Name), Value: store.FormatValue("", o.Attrs[c.Name])})
		}
		return fs
	}
	for i, f := range fs {
		if col, ok := kiegColumn[f.Name]; ok && !public[col] {
			fs[i].Value = ""
		}
	}
	return fs
}

func writeKIEG(b *bytes.Buffer, hits []hit) {
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n<GETFEATUREINFO>\n")
	for _, h := range hits {
		tag := strings.ToUpper(h.l.Base)
		fmt.Fprintf(b, "  <%s>", tag)
		for _, f := range h.fields {
			fmt.Fprintf(b, "<%s>%s</%s>", f.Name, xmlEsc(f.Value), f.Name)
		}
		fmt.Fprintf(b, "</%s>\n", tag)
	}
	b.WriteString("</GETFEATUREINFO>\n")
}

// writeGML writes the msGMLOutput document QGIS and GDAL read from MapServer.
func writeGML(b *bytes.Buffer, hits []hit, qrefs []layerRef) {
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<msGMLOutput xmlns:gml="http://www.opengis.net/gml" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` + "\n")
	seen := map[*mapLayer]bool{}
	for _, q := range qrefs {
		if seen[q.l] {
			continue
		}
		seen[q.l] = true
		fmt.Fprintf(b, "  <%s_layer>\n    <gml:name>%s</gml:name>\n", q.l.Base, xmlEsc(q.l.Base))
		for _, h := range hits {
			if h.l != q.l {
				continue
			}
			fmt.Fprintf(b, "    <%s_feature>\n", q.l.Base)
			if h.o.Geometry != nil {
				bb := h.o.Geometry.Bound()
				fmt.Fprintf(b, "      <gml:boundedBy><gml:Box srsName=\"EPSG:2180\"><gml:coordinates>%s,%s %s,%s</gml:coordinates></gml:Box></gml:boundedBy>\n",
					num(bb.Min[0]), num(bb.Min[1]), num(bb.Max[0]), num(bb.Max[1]))
			}
			for _, f := range h.fields {
				fmt.Fprintf(b, "      <%s>%s</%s>\n", f.Name, xmlEsc(f.Value), f.Name)
			}
			fmt.Fprintf(b, "    </%s_feature>\n", q.l.Base)
		}
		fmt.Fprintf(b, "  </%s_layer>\n", q.l.Base)
	}
	b.WriteString("</msGMLOutput>\n")
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func writeHTML(b *bytes.Buffer, hits []hit) {
	b.WriteString("<!doctype html>\n<html lang=\"pl\"><head><meta charset=\"utf-8\"><title>GetFeatureInfo</title></head><body>\n")
	if len(hits) == 0 {
		b.WriteString("<p>Brak obiektów w tym miejscu.</p>\n")
	}
	for _, h := range hits {
		fmt.Fprintf(b, "<table class=\"%s\"><caption>%s</caption>\n", html.EscapeString(h.l.Base), html.EscapeString(h.l.Title))
		for _, f := range h.fields {
			fmt.Fprintf(b, "<tr><th>%s</th><td>%s</td></tr>\n", html.EscapeString(f.Name), html.EscapeString(f.Value))
		}
		b.WriteString("</table>\n")
	}
	b.WriteString("</body></html>\n")
}

func writeText(b *bytes.Buffer, hits []hit, qrefs []layerRef) {
	b.WriteString("GetFeatureInfo results:\n")
	seen := map[*mapLayer]bool{}
	for _, q := range qrefs {
		if seen[q.l] {
			continue
		}
		seen[q.l] = true
		fmt.Fprintf(b, "\nLayer '%s'\n", q.l.Base)
		n := 0
		for _, h := range hits {
			if h.l != q.l {
				continue
			}
			n++
			fmt.Fprintf(b, "  Feature %d:\n", n)
			for _, f := range h.fields {
				fmt.Fprintf(b, "    %s = '%s'\n", f.Name, f.Value)
			}
		}
	}
}

// writeGeoJSON writes a FeatureCollection in the request's CRS c, named in a
// "crs" member (geo.AppendGeoJSONCRS: the GeoJSON 2008 form GeoServer answers
// and QGIS and GDAL read), also for CRS:84, as GeoServer does.
// Positions are x = easting/longitude, y = northing/latitude whatever the
// CRS's axis order (GeoJSON's own rule, and how QGIS and GDAL read them):
// EPSG:2180 is E,N although EPSG defines it northing first, EPSG:4326 lon,lat.
// Metres get 3 decimals (millimetres), degrees 8 (about a millimetre).
// A CRS:84 or EPSG:4326 answer is RFC 7946 GeoJSON apart from the member.
func writeGeoJSON(b *bytes.Buffer, hits []hit, c *geo.CRS) {
	var t *geo.Transform
	if c != geo.CRS2180 {
		t, _ = geo.NewTransform(geo.CRS2180, c)
	}
	prec := 3
	if c.Geographic {
		prec = 8
	}
	b.WriteString(`{"type":"FeatureCollection",`)
	b.Write(geo.AppendGeoJSONCRS(nil, c))
	b.WriteString(`,"features":[`)
	for i, h := range hits {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"type":"Feature","id":`)
		id, _ := json.Marshal(h.l.Base + "." + h.o.ID)
		b.Write(id)
		b.WriteString(`,"properties":{`)
		for k, f := range h.fields {
			if k > 0 {
				b.WriteByte(',')
			}
			kb, _ := json.Marshal(f.Name)
			vb, _ := json.Marshal(f.Value)
			b.Write(kb)
			b.WriteByte(':')
			b.Write(vb)
		}
		fmt.Fprintf(b, `,"layer":%q},"geometry":`, h.l.Base)
		g := h.o.Geometry
		if t != nil {
			g = t.Apply(g)
		}
		appendGeometry(b, g, prec)
		b.WriteByte('}')
	}
	b.WriteString("]}\n")
}

func appendGeometry(b *bytes.Buffer, g orb.Geometry, prec int) {
	pts := func(ps []orb.Point) {
		b.WriteByte('[')
		for i, p := range ps {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(b, "[%s,%s]", strconv.FormatFloat(p[0], 'f', prec, 64), strconv.FormatFloat(p[1], 'f', prec, 64))
		}
		b.WriteByte(']')
	}
	poly := func(p orb.Polygon) {
		b.WriteByte('[')
		for i, r := range p {
			if i > 0 {
				b.WriteByte(',')
			}
			pts(r)
		}
		b.WriteByte(']')
	}
	switch g := g.(type) {
	case orb.Point:
		fmt.Fprintf(b, `{"type":"Point","coordinates":[%s,%s]}`, strconv.FormatFloat(g[0], 'f', prec, 64), strconv.FormatFloat(g[1], 'f', prec, 64))
	case orb.MultiPoint:
		b.WriteString(`{"type":"MultiPoint","coordinates":`)
		pts(g)
		b.WriteByte('}')
	case orb.LineString:
		b.WriteString(`{"type":"LineString","coordinates":`)
		pts(g)
		b.WriteByte('}')
	case orb.MultiLineString:
		b.WriteString(`{"type":"MultiLineString","coordinates":[`)
		for i, l := range g {
			if i > 0 {
				b.WriteByte(',')
			}
			pts(l)
		}
		b.WriteString("]}")
	case orb.Polygon:
		b.WriteString(`{"type":"Polygon","coordinates":`)
		poly(g)
		b.WriteByte('}')
	case orb.MultiPolygon:
		b.WriteString(`{"type":"MultiPolygon","coordinates":[`)
		for i, p := range g {
			if i > 0 {
				b.WriteByte(',')
			}
			poly(p)
		}
		b.WriteString("]}")
	default:
		b.WriteString("null")
	}
}
