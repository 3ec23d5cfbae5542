package wms

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/geo"
	"github.com/sip-core/sip/server"
)

// updateSequence identifies the capabilities' generation: the sum of the
// datasets' revisions (it grows whenever any dataset changes).
func updateSequence(c *catalogue) int64 {
	var n int64
	for _, g := range c.groups {
		n += g.DS.Revision()
	}
	return n
}

func (s *Service) getCapabilities(w http.ResponseWriter, req *request) {
	seq := updateSequence(req.cat)
	if us := param(req.q, "UPDATESEQUENCE"); us != "" {
		n, err := strconv.ParseInt(strings.TrimSpace(us), 10, 64)
		switch {
		case err != nil || n > seq:
			writeExc(w, req, &server.Error{Status: 400, Code: "InvalidUpdateSequence", Locator: "UPDATESEQUENCE", Detail: fmt.Sprintf("UPDATESEQUENCE %q is not a sequence this server has issued (current %d)", us, seq)})
			return
		case n == seq:
			writeExc(w, req, &server.Error{Status: 400, Code: "CurrentUpdateSequence", Locator: "UPDATESEQUENCE", Detail: fmt.Sprintf("the capabilities are unchanged since update sequence %d", seq)})
			return
		}
	}
	var b bytes.Buffer
	if req.version == "1.1.1" {
		capabilities111(&b, req, seq)
		w.Header().Set("Content-Type", "application/vnd.ogc.wms_xml; charset=utf-8")
	} else {
		capabilities130(&b, req, seq)
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	}
	etag := server.ContentETag(b.Bytes())
	if server.NotModified(w, req.r, etag) {
		return
	}
	w.Write(b.Bytes())
}

// layerExtent is the extent of a layer in EPSG:2180 (the store's, kept exact).
func layerExtent(ctx context.Context, l *mapLayer) (orb.Bound, bool) {
	b, ok, err := l.DS.Index.Extent(ctx, l.Source)
	if err != nil {
		return orb.Bound{}, false
	}
	return b, ok
}

// extentIn transforms a storage extent to a CRS (x = E/lon order).
func extentIn(b orb.Bound, c *geo.CRS) orb.Bound {
	if c == geo.CRS2180 {
		return b
	}
	t, err := geo.NewTransform(geo.CRS2180, c)
	if err != nil {
		return orb.Bound{}
	}
	return t.Bound(b)
}

func f6(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func geoBox(b orb.Bound) (w, s, e, n float64) {
	g := extentIn(b, geo.CRS84)
	w, s, e, n = g.Min[0], g.Min[1], g.Max[0], g.Max[1]
	if e <= w {
		e = w + 1e-6
	}
	if n <= s {
		n = s + 1e-6
	}
	return
}

// unionExtent covers a set of layers.
func unionExtent(ctx context.Context, ls []*mapLayer) (orb.Bound, bool) {
	var out orb.Bound
	ok := false
	for _, l := range ls {
		if b, has := layerExtent(ctx, l); has {
			if !ok {
				out, ok = b, true
			} else {
				out = out.Union(b)
			}
		}
	}
	return out, ok
}

// defaultExtent is Poland's area (EPSG:2180) for empty layers, so that every
// named layer has a bounding box.
var defaultExtent = geo.CRS2180.Bounds()

func (req *request) legendURL(l *mapLayer, st *style) string {
	v := url.Values{}
	v.Set("SERVICE", "WMS")
	v.Set("REQUEST", "GetLegendGraphic")
	v.Set("VERSION", req.version)
	v.Set("FORMAT", "image/png")
	v.Set("LAYER", l.Name)
	if st.Name != "default" {
		v.Set("STYLE", st.Name)
	}
	return req.base + "?" + v.Encode()
}

func serviceTitle(req *request) string {
	if len(req.cat.groups) == 1 {
		return "WMS " + req.cat.groups[0].DS.Title
	}
	return "SIP WMS"
}

func capabilities130(b *bytes.Buffer, req *request, seq int64) {
	lim := req.st.Config.Limits
	on := xmlEsc(req.base)
	fmt.Fprintf(b, `<?xml version="1.0" encoding="UTF-8"?>
<WMS_Capabilities version="1.3.0" updateSequence="%d" xmlns="http://www.opengis.net/wms" xmlns:sld="http://www.opengis.net/sld" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.opengis.net/wms http://schemas.opengis.net/wms/1.3.0/capabilities_1_3_0.xsd http://www.opengis.net/sld http://schemas.opengis.net/sld/1.1.0/sld_capabilities.xsd">
<Service>
  <Name>WMS</Name>
  <Title>%s</Title>
  <Abstract>Mapa ewidencyjna: działki, numery działek, budynki, obręby, użytki, kontury klasyfikacyjne, punkty graniczne (KIEG).</Abstract>
  <KeywordList><Keyword>EGiB</Keyword><Keyword>KIEG</Keyword><Keyword>działki</Keyword></KeywordList>
  <OnlineResource xlink:type="simple" xlink:href="%s"/>
  <Fees>none</Fees>
  <AccessConstraints>none</AccessConstraints>
  <LayerLimit>64</LayerLimit>
  <MaxWidth>%d</MaxWidth>
  <MaxHeight>%d</MaxHeight>
</Service>
<Capability>
  <Request>
    <GetCapabilities><Format>text/xml</Format>%s</GetCapabilities>
    <GetMap>%s%s</GetMap>
    <GetFeatureInfo>%s%s</GetFeatureInfo>
    <sld:GetLegendGraphic><Format>image/png</Format>%s</sld:GetLegendGraphic>
  </Request>
  <Exception><Format>XML</Format><Format>INIMAGE</Format><Format>BLANK</Format></Exception>
`, seq, xmlEsc(serviceTitle(req)), on, lim.MaxImageWidth, lim.MaxImageHeight,
		dcp(on), formatsXML(formatList), dcp(on), formatsXML(infoFormats), dcp(on), dcp(on))
	groups := req.visibleGroups()
	all := allLayers(groups)
	ext, ok := unionExtent(req.r.Context(), all)
	if !ok {
		ext = defaultExtent
	}
	b.WriteString("  <Layer>\n    <Title>" + xmlEsc(serviceTitle(req)) + "</Title>\n")
	for _, c := range supportedCRS {
		b.WriteString("    <CRS>" + c + "</CRS>\n")
	}
	bbox130(b, ext, "    ")
	for _, g := range groups {
		gext, ok := unionExtent(req.r.Context(), g.Layers)
		if !ok {
			gext = defaultExtent
		}
		fmt.Fprintf(b, "    <Layer>\n      <Name>%s</Name>\n      <Title>%s</Title>\n", xmlEsc(g.DS.Name), xmlEsc(g.DS.Title))
		bbox130(b, gext, "      ")
		for _, l := range g.Layers {
			lext, ok := layerExtent(req.r.Context(), l)
			if !ok {
				lext = defaultExtent
			}
			q := 0
			if l.Queryable {
				q = 1
			}
			fmt.Fprintf(b, "      <Layer queryable=\"%d\" opaque=\"0\">\n        <Name>%s</Name>\n        <Title>%s</Title>\n", q, xmlEsc(l.Name), xmlEsc(l.Title))
			bbox130(b, lext, "        ")
			for i := range l.Styles {
				st := &l.Styles[i]
				fmt.Fprintf(b, "        <Style>\n          <Name>%s</Name>\n          <Title>%s</Title>\n          <LegendURL width=\"%d\" height=\"%d\"><Format>image/png</Format><OnlineResource xlink:type=\"simple\" xlink:href=\"%s\"/></LegendURL>\n        </Style>\n",
					xmlEsc(st.Name), xmlEsc(st.Title), st.legendW, st.legendH, xmlEsc(req.legendURL(l, st)))
			}
			st := &l.Styles[0]
			if st.MinScale > 0 {
				fmt.Fprintf(b, "        <MinScaleDenominator>%s</MinScaleDenominator>\n", f6(st.MinScale))
			}
			if st.MaxScale > 0 {
				fmt.Fprintf(b, "        <MaxScaleDenominator>%s</MaxScaleDenominator>\n", f6(st.MaxScale))
			}
			b.WriteString("      </Layer>\n")
		}
		b.WriteString("    </Layer>\n")
	}
	b.WriteString("  </Layer>\n</Capability>\n</WMS_Capabilities>\n")
}

func allLayers(groups []group) []*mapLayer {
	var out []*mapLayer
	for _, g := range groups {
		out = append(out, g.Layers...)
	}
	return out
}

func dcp(on string) string {
	return `<DCPType><HTTP><Get><OnlineResource xlink:type="simple" xlink:href="` + on + `?"/></Get><Post><OnlineResource xlink:type="simple" xlink:href="` + on + `?"/></Post></HTTP></DCPType>`
}

func formatsXML(fs []string) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString("<Format>" + xmlEsc(f) + "</Format>")
	}
	return b.String()
}

// bbox130 writes EX_GeographicBoundingBox and a BoundingBox per CRS, each in
// the CRS's EPSG axis order.
func bbox130(b *bytes.Buffer, ext orb.Bound, ind string) {
	w, s, e, n := geoBox(ext)
	fmt.Fprintf(b, "%s<EX_GeographicBoundingBox><westBoundLongitude>%s</westBoundLongitude><eastBoundLongitude>%s</eastBoundLongitude><southBoundLatitude>%s</southBoundLatitude><northBoundLatitude>%s</northBoundLatitude></EX_GeographicBoundingBox>\n",
		ind, f6(w), f6(e), f6(s), f6(n))
	for _, name := range supportedCRS {
		c, axis, _ := parseCRS(name, "1.3.0")
		x := extentIn(ext, c)
		minx, miny, maxx, maxy := x.Min[0], x.Min[1], x.Max[0], x.Max[1]
		if axis == geo.NorthEast {
			minx, miny, maxx, maxy = miny, minx, maxy, maxx
		}
		fmt.Fprintf(b, "%s<BoundingBox CRS=\"%s\" minx=\"%s\" miny=\"%s\" maxx=\"%s\" maxy=\"%s\"/>\n", ind, name, f6(minx), f6(miny), f6(maxx), f6(maxy))
	}
}

func capabilities111(b *bytes.Buffer, req *request, seq int64) {
	on := xmlEsc(req.base)
	fmt.Fprintf(b, `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE WMT_MS_Capabilities SYSTEM "http://schemas.opengis.net/wms/1.1.1/WMS_MS_Capabilities.dtd">
<WMT_MS_Capabilities version="1.1.1" updateSequence="%d">
<Service>
  <Name>OGC:WMS</Name>
  <Title>%s</Title>
  <Abstract>Mapa ewidencyjna: działki, numery działek, budynki, obręby, użytki, kontury klasyfikacyjne, punkty graniczne (KIEG).</Abstract>
  <OnlineResource xmlns:xlink="http://www.w3.org/1999/xlink" xlink:type="simple" xlink:href="%s"/>
  <Fees>none</Fees>
  <AccessConstraints>none</AccessConstraints>
</Service>
<Capability>
  <Request>
    <GetCapabilities><Format>application/vnd.ogc.wms_xml</Format>%s</GetCapabilities>
    <GetMap>%s%s</GetMap>
    <GetFeatureInfo>%s%s</GetFeatureInfo>
    <GetLegendGraphic><Format>image/png</Format>%s</GetLegendGraphic>
  </Request>
  <Exception><Format>application/vnd.ogc.se_xml</Format><Format>application/vnd.ogc.se_inimage</Format><Format>application/vnd.ogc.se_blank</Format></Exception>
`, seq, xmlEsc(serviceTitle(req)), on, dcp111(on), formatsXML(formatList), dcp111(on), formatsXML(infoFormats), dcp111(on), dcp111(on))
	groups := req.visibleGroups()
	all := allLayers(groups)
	ext, ok := unionExtent(req.r.Context(), all)
	if !ok {
		ext = defaultExtent
	}
	b.WriteString("  <Layer>\n    <Title>" + xmlEsc(serviceTitle(req)) + "</Title>\n")
	for _, c := range supportedCRS {
		if c == "CRS:84" {
			continue
		}
		b.WriteString("    <SRS>" + c + "</SRS>\n")
	}
	bbox111(b, ext, "    ")
	for _, g := range groups {
		gext, ok := unionExtent(req.r.Context(), g.Layers)
		if !ok {
			gext = defaultExtent
		}
		fmt.Fprintf(b, "    <Layer>\n      <Name>%s</Name>\n      <Title>%s</Title>\n", xmlEsc(g.DS.Name), xmlEsc(g.DS.Title))
		bbox111(b, gext, "      ")
		for _, l := range g.Layers {
			lext, ok := layerExtent(req.r.Context(), l)
			if !ok {
				lext = defaultExtent
			}
			q := 0
			if l.Queryable {
				q = 1
			}
			fmt.Fprintf(b, "      <Layer queryable=\"%d\" opaque=\"0\">\n        <Name>%s</Name>\n        <Title>%s</Title>\n", q, xmlEsc(l.Name), xmlEsc(l.Title))
			bbox111(b, lext, "        ")
			for i := range l.Styles {
				st := &l.Styles[i]
				fmt.Fprintf(b, "        <Style>\n          <Name>%s</Name>\n          <Title>%s</Title>\n          <LegendURL width=\"%d\" height=\"%d\"><Format>image/png</Format><OnlineResource xmlns:xlink=\"http://www.w3.org/1999/xlink\" xlink:type=\"simple\" xlink:href=\"%s\"/></LegendURL>\n        </Style>\n",
					xmlEsc(st.Name), xmlEsc(st.Title), st.legendW, st.legendH, xmlEsc(req.legendURL(l, st)))
			}
			st := &l.Styles[0]
			if st.MinScale > 0 || st.MaxScale > 0 {
				// ScaleHint is the ground diagonal of a pixel in metres.
				d := 0.00028 * math.Sqrt2
				maxv := "0"
				if st.MaxScale > 0 {
					maxv = f6(st.MaxScale * d)
				}
				fmt.Fprintf(b, "        <ScaleHint min=\"%s\" max=\"%s\"/>\n", f6(st.MinScale*d), maxv)
			}
			b.WriteString("      </Layer>\n")
		}
		b.WriteString("    </Layer>\n")
	}
	b.WriteString("  </Layer>\n</Capability>\n</WMT_MS_Capabilities>\n")
}

func dcp111(on string) string {
	return `<DCPType><HTTP><Get><OnlineResource xmlns:xlink="http://www.w3.org/1999/xlink" xlink:type="simple" xlink:href="` + on + `?"/></Get></HTTP></DCPType>`
}

func bbox111(b *bytes.Buffer, ext orb.Bound, ind string) {
	w, s, e, n := geoBox(ext)
	fmt.Fprintf(b, "%s<LatLonBoundingBox minx=\"%s\" miny=\"%s\" maxx=\"%s\" maxy=\"%s\"/>\n", ind, f6(w), f6(s), f6(e), f6(n))
	for _, name := range supportedCRS {
		if name == "CRS:84" {
			continue
		}
		c, _, _ := parseCRS(name, "1.1.1")
		x := extentIn(ext, c)
		fmt.Fprintf(b, "%s<BoundingBox SRS=\"%s\" minx=\"%s\" miny=\"%s\" maxx=\"%s\" maxy=\"%s\"/>\n", ind, name, f6(x.Min[0]), f6(x.Min[1]), f6(x.Max[0]), f6(x.Max[1]))
	}
}
