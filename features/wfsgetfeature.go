package features

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/sip-core/sip/geo"
	"github.com/sip-core/sip/server"
)

// getFeature answers GetFeature, GetPropertyValue (valueRef) and
// GetFeatureById: parse (wfsrequest.go), count, then stream the page in the
// format asked for.
func (s *wfs) getFeature(w http.ResponseWriter, r *http.Request, params map[string]string, version, valueRef string) {
	g, e := s.parseGetFeature(r, params, version, valueRef)
	if e != nil {
		server.WriteError(w, r, e)
		return
	}
	matched, err := g.q.count(r.Context())
	if err != nil {
		server.WriteErr(w, r, err)
		return
	}
	if g.byID && matched == 0 {
		server.WriteError(w, r, owsErr(404, "NotFound", "ID", "no feature with id %q", g.ids[0]))
		return
	}
	returned := max(0, min(int64(g.count), matched-int64(g.start)))
	if len(g.sortKeys) > 0 && matched > maxSorted && !g.hits {
		server.WriteError(w, r, owsErr(400, "OperationProcessingFailed", "sortBy", "%d features match: too many to sort (limit %d); narrow the query", matched, maxSorted))
		return
	}
	if g.hits || g.count == 0 {
		g.writeHits(w, matched)
		return
	}
	release, e := admitPage(r, int(returned))
	if e != nil {
		server.WriteError(w, r, e)
		return
	}
	defer release()
	switch {
	case g.jsonOut:
		g.writeGeoJSON(w, r, matched)
	case g.valueIdx >= 0:
		g.writeValues(r.Context(), w, matched, returned)
	case g.byID && !g.v11:
		// GetFeatureById answers the feature itself, not a collection
		g.writeFeature(r.Context(), w)
	default:
		g.writeCollection(r.Context(), w, s.endpoint(r), matched, returned)
	}
}

// namespaces are the WFS and GML namespaces of the request's version.
func (g *getFeatureReq) namespaces() (wfsNS, gmlNS string) {
	if g.v11 {
		return "http://www.opengis.net/wfs", "http://www.opengis.net/gml"
	}
	return "http://www.opengis.net/wfs/2.0", "http://www.opengis.net/gml/3.2"
}

// run calls fn for each feature of the page, in SORTBY's order when given.
func (g *getFeatureReq) run(ctx context.Context, fn func(*feature) error) error {
	if len(g.sortKeys) > 0 {
		return g.q.sortedPage(ctx, g.sortKeys, fn)
	}
	_, err := g.q.page(ctx, fn)
	return err
}

// runEncoded emits each feature of the page encoded by enc (from the
// feature cache when it can).
func (g *getFeatureReq) runEncoded(ctx context.Context, enc encoder, emit func([]byte) error) error {
	if len(g.sortKeys) > 0 {
		var fb []byte
		return g.q.sortedPage(ctx, g.sortKeys, func(f *feature) error { fb = enc.enc(fb[:0], f); return emit(fb) })
	}
	_, err := g.q.pageEncoded(ctx, enc, emit)
	return err
}

// writeHits answers RESULTTYPE=hits (and COUNT=0): the count alone.
func (g *getFeatureReq) writeHits(w http.ResponseWriter, matched int64) {
	wfsNS, gmlNS := g.namespaces()
	w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	if g.v11 {
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<wfs:FeatureCollection xmlns:wfs="%s" xmlns:gml="%s" timeStamp="%s" numberOfFeatures="%d"/>
`, wfsNS, gmlNS, time.Now().UTC().Format(time.RFC3339), matched)
		return
	}
	fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<wfs:FeatureCollection xmlns:wfs="%s" xmlns:gml="%s" timeStamp="%s" numberMatched="%d" numberReturned="0"/>
`, wfsNS, gmlNS, time.Now().UTC().Format(time.RFC3339), matched)
}

// writeGeoJSON streams the page as a GeoJSON feature collection (x/y order).
func (g *getFeatureReq) writeGeoJSON(w http.ResponseWriter, r *http.Request, matched int64) {
	ctx := r.Context()
	w.Header().Set("Content-Type", "application/geo+json")
	out := newOutCRS(g.out.crs, geo.EastNorth) // GeoJSON is x/y (E,N or lon,lat)
	body := newBody(w)
	body.buf = appendGeoJSONHead(body.buf, out.crs)
	n := 0
	emit := func(fb []byte) error {
		if n > 0 {
			body.buf = append(body.buf, ',')
		}
		n++
		body.buf = append(body.buf, fb...)
		return body.more()
	}
	if err := g.runEncoded(ctx, geojsonEncoder(g.c, out, g.sel), emit); err != nil {
		server.Logger(ctx).Error("wfs stream", "err", err)
		if !body.flushed {
			body.discard()
			server.WriteErr(w, r, err)
			return
		}
	}
	buf := appendCounts(body.buf, matched, n)
	buf = append(buf, "}\n"...)
	body.buf = buf
	body.close()
}

// writeValues answers GetPropertyValue: a ValueCollection of one property.
func (g *getFeatureReq) writeValues(ctx context.Context, w http.ResponseWriter, matched, returned int64) {
	bw := bufio.NewWriterSize(w, 32<<10)
	defer bw.Flush()
	wfsNS, _ := g.namespaces()
	w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	fmt.Fprintf(bw, `<?xml version="1.0" encoding="UTF-8"?>
<wfs:ValueCollection xmlns:wfs="%s" xmlns:%s="%s" timeStamp="%s" numberMatched="%d" numberReturned="%d">
`, wfsNS, nsPrefix, nsURI, time.Now().UTC().Format(time.RFC3339), matched, returned)
	// features without the value still count as returned members (empty)
	err := g.run(ctx, func(f *feature) error {
		v := f.values[g.valueIdx]
		if v == nil {
			_, err := bw.WriteString("<wfs:member/>\n")
			return err
		}
		_, err := bw.WriteString("<wfs:member>" + xmlEsc(fmt.Sprint(gmlValue(v))) + "</wfs:member>\n")
		return err
	})
	if err != nil {
		server.Logger(ctx).Error("wfs stream", "err", err)
	}
	bw.WriteString("</wfs:ValueCollection>\n")
}

// writeFeature answers GetFeatureById (2.0): the feature's GML element alone.
func (g *getFeatureReq) writeFeature(ctx context.Context, w http.ResponseWriter) {
	bw := bufio.NewWriterSize(w, 32<<10)
	defer bw.Flush()
	_, gmlNS := g.namespaces()
	w.Header().Set("Content-Type", gmlType)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	attrs := ` xmlns:` + nsPrefix + `="` + nsURI + `" xmlns:gml="` + gmlNS + `"`
	var buf []byte
	err := g.run(ctx, func(f *feature) error {
		buf = appendGMLFeature(buf[:0], f, g.out, g.srsName, g.sel, "", attrs)
		if _, err := bw.Write(buf); err != nil {
			return err
		}
		return errStop
	})
	if err != nil && !errors.Is(err, errStop) {
		server.Logger(ctx).Error("wfs stream", "err", err)
	}
}

// writeCollection streams the page as a GML wfs:FeatureCollection (GML 3.2
// members for 2.0 with next/previous links; GML 3.1.1 featureMembers for 1.1).
func (g *getFeatureReq) writeCollection(ctx context.Context, w http.ResponseWriter, self string, matched, returned int64) {
	bw := bufio.NewWriterSize(w, 32<<10)
	defer bw.Flush()
	member := "wfs:member"
	if g.v11 {
		member = "gml:featureMember"
		w.Header().Set("Content-Type", "text/xml; subtype=gml/3.1.1; charset=utf-8")
	} else {
		w.Header().Set("Content-Type", gmlType)
	}
	g.writeCollectionHead(bw, self, matched, returned)
	emit := func(fb []byte) error {
		_, err := bw.Write(fb)
		return err
	}
	if err := g.runEncoded(ctx, gmlEncoder(g.c, g.out, g.srsName, g.sel, member), emit); err != nil {
		server.Logger(ctx).Error("wfs stream", "err", err)
	}
	bw.WriteString("</wfs:FeatureCollection>\n")
}

// writeCollectionHead writes the XML declaration and the FeatureCollection's
// start tag.
func (g *getFeatureReq) writeCollectionHead(bw *bufio.Writer, self string, matched, returned int64) {
	wfsNS, gmlNS := g.namespaces()

	if g.v11 {
		fmt.Fprintf(bw, `<?xml version="1.0" encoding="UTF-8"?>
<wfs:FeatureCollection xmlns:%s="%s" xmlns:gml="%s" xmlns:wfs="%s" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="%s %s http://www.opengis.net/wfs http://schemas.opengis.net/wfs/1.1.0/wfs.xsd" timeStamp="%s" numberOfFeatures="%d">
`, nsPrefix, nsURI, gmlNS, wfsNS, nsURI, xmlEsc(self+"?SERVICE=WFS&VERSION=1.1.0&REQUEST=DescribeFeatureType&TYPENAME="+nsPrefix+":"+g.c.ID),
			time.Now().UTC().Format(time.RFC3339), returned)
		return
	}
	fmt.Fprintf(bw, `<?xml version="1.0" encoding="UTF-8"?>
<wfs:FeatureCollection xmlns:%s="%s" xmlns:gml="%s" xmlns:wfs="%s" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="%s %s http://www.opengis.net/wfs/2.0 http://schemas.opengis.net/wfs/2.0/wfs.xsd http://www.opengis.net/gml/3.2 http://schemas.opengis.net/gml/3.2.1/gml.xsd" timeStamp="%s" numberMatched="%d" numberReturned="%d"`,
		nsPrefix, nsURI, gmlNS, wfsNS, nsURI, xmlEsc(self+"?SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType&TYPENAMES="+nsPrefix+":"+g.c.ID),
		time.Now().UTC().Format(time.RFC3339), matched, returned)
	if int64(g.start+g.count) < matched {
		fmt.Fprintf(bw, ` next="%s"`, xmlEsc(pagedURL(self, g.params, g.start+g.count)))
	}
	if g.start > 0 {
		fmt.Fprintf(bw, ` previous="%s"`, xmlEsc(pagedURL(self, g.params, max(0, g.start-g.count))))
	}
	bw.WriteString(">\n")
}
