package tiles

import (
	"encoding/xml"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/sip-core/sip/server"
)

// wmts answers a WMTS 1.0.0 GetCapabilities (RESTful ResourceURL templates
// pointing at the tile routes) listing every tileset on its grids.
func (s *Service) wmts(w http.ResponseWriter, r *http.Request) {
	q := map[string]string{}
	for k, v := range r.URL.Query() {
		q[strings.ToUpper(k)] = v[0]
	}
	if sv, ok := q["SERVICE"]; ok && !strings.EqualFold(sv, "WMTS") {
		server.WriteError(w, r, &server.Error{Status: http.StatusBadRequest, Code: "InvalidParameterValue", Locator: "service", Detail: "SERVICE must be WMTS"})
		return
	}
	if req, ok := q["REQUEST"]; ok && !strings.EqualFold(req, "GetCapabilities") {
		server.WriteError(w, r, &server.Error{Status: http.StatusBadRequest, Code: "OperationNotSupported", Locator: "request",
			Detail: "only GetCapabilities is offered; tiles are fetched with the ResourceURL templates"})
		return
	}
	st := s.host.State(r)
	base := baseURL(r)
	var b strings.Builder
	esc := func(v string) string {
		var sb strings.Builder
		xml.EscapeText(&sb, []byte(v))
		return sb.String()
	}
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<Capabilities xmlns="http://www.opengis.net/wmts/1.0" xmlns:ows="http://www.opengis.net/ows/1.1" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.opengis.net/wmts/1.0 http://schemas.opengis.net/wmts/1.0/wmtsGetCapabilities_response.xsd" version="1.0.0">
<ows:ServiceIdentification><ows:Title>SIP core vector tiles</ows:Title><ows:ServiceType>OGC WMTS</ows:ServiceType><ows:ServiceTypeVersion>1.0.0</ows:ServiceTypeVersion></ows:ServiceIdentification>
<ows:OperationsMetadata><ows:Operation name="GetCapabilities"><ows:DCP><ows:HTTP><ows:Get xlink:href="` + esc(base) + `/tiles/wmts?"><ows:Constraint name="GetEncoding"><ows:AllowedValues><ows:Value>KVP</ows:Value></ows:AllowedValues></ows:Constraint></ows:Get></ows:HTTP></ows:DCP></ows:Operation></ows:OperationsMetadata>
<Contents>
`)
	type entry struct {
		name string
		ts   *tileset
	}
	var entries []entry
	for _, d := range st.Datasets() {
		if ts, e := s.dynamic(r, d, nil); e == nil && len(ts.layers) > 0 {
			entries = append(entries, entry{d.Name, ts})
		}
	}
	files := s.fileTilesets(st)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if ts, err := s.openTileset(files[n]); err == nil {
			entries = append(entries, entry{n, &tileset{name: n, file: ts}})
		}
	}
	for _, e := range entries {
		m := e.ts.meta(r.Context())
		fmt.Fprintf(&b, `<Layer><ows:Title>%s</ows:Title><ows:WGS84BoundingBox><ows:LowerCorner>%g %g</ows:LowerCorner><ows:UpperCorner>%g %g</ows:UpperCorner></ows:WGS84BoundingBox><ows:Identifier>%s</ows:Identifier>`,
			esc(e.name), m.Bounds[0], m.Bounds[1], m.Bounds[2], m.Bounds[3], esc(e.name))
		b.WriteString(`<Style isDefault="true"><ows:Identifier>default</ows:Identifier></Style><Format>` + MediaType + `</Format>`)
		for _, g := range e.ts.grids() {
			b.WriteString(`<TileMatrixSetLink><TileMatrixSet>` + g.ID + `</TileMatrixSet></TileMatrixSetLink>`)
		}
		for _, g := range e.ts.grids() {
			fmt.Fprintf(&b, `<ResourceURL format="%s" resourceType="tile" template="%s/tiles/%s/%s/{TileMatrix}/{TileCol}/{TileRow}.mvt"/>`,
				MediaType, esc(base), esc(escape(e.name)), g.ID)
		}
		b.WriteString("</Layer>\n")
	}
	for _, g := range Grids {
		maxZ := min(g.MaxZoom, DynamicMaxZoom)
		fmt.Fprintf(&b, `<TileMatrixSet><ows:Title>%s</ows:Title><ows:Identifier>%s</ows:Identifier><ows:SupportedCRS>urn:ogc:def:crs:EPSG::%d</ows:SupportedCRS>`,
			esc(g.Title), g.ID, g.CRS.Code)
		if g == WebMercatorQuad {
			b.WriteString(`<WellKnownScaleSet>urn:ogc:def:wkss:OGC:1.0:GoogleMapsCompatible</WellKnownScaleSet>`)
		}
		for z := 0; z <= maxZ; z++ {
			// TopLeftCorner in the CRS's axis order: EPSG:2180 is northing first.
			corner := fmt.Sprintf("%s %s", num(g.OriginX), num(g.OriginY))
			if g == PL1992 {
				corner = fmt.Sprintf("%s %s", num(g.OriginY), num(g.OriginX))
			}
			n := 1 << uint(z)
			fmt.Fprintf(&b, `<TileMatrix><ows:Identifier>%d</ows:Identifier><ScaleDenominator>%s</ScaleDenominator><TopLeftCorner>%s</TopLeftCorner><TileWidth>256</TileWidth><TileHeight>256</TileHeight><MatrixWidth>%d</MatrixWidth><MatrixHeight>%d</MatrixHeight></TileMatrix>`,
				z, num(g.ScaleDenominator(z)), corner, n, n)
		}
		b.WriteString("</TileMatrixSet>\n")
	}
	b.WriteString("</Contents>\n</Capabilities>\n")
	body := []byte(b.String())
	if server.NotModified(w, r, server.ContentETag(body)) {
		return
	}
	w.Header().Set("Content-Type", "application/xml")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
