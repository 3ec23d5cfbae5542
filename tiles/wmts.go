package tiles

import (
	"encoding/xml"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/geo"
	"github.com/sip-core/sip/server"
	"github.com/sip-core/sip/wms"
)

// WMTS 1.0.0 at /tiles/wmts: raster tiles (PNG) drawn by the WMS renderer on
// both grids, fetched by KVP (SERVICE=WMTS&REQUEST=GetTile) or by the RESTful
// ResourceURL template, cached and invalidated with the dynamic vector tiles.
// Vector tiles stay on their own routes (XYZ, OGC API Tiles).

const (
	// RasterGutter is the map drawn around a raster tile and cut off, in
	// pixels: a label across a tile's edge (parcel numbers, land-use symbols:
	// up to about 60 px wide) is drawn in both tiles it crosses.
	RasterGutter = 32
	// RasterFormat is the WMTS tile format.
	RasterFormat = "image/png"
	// wmtsStyle is the one style a WMTS layer offers: the layer's default.
	wmtsStyle = "default"
)

// wmtsError answers an OWS 1.1 ExceptionReport, as WMTS 1.0.0 §7.1.1 has it.
func wmtsError(w http.ResponseWriter, r *http.Request, e *server.Error) {
	server.OWSException.WriteError(w, r, e)
}

// wmts answers the KVP requests at /tiles/wmts: GetCapabilities (also for a
// bare URL and for QGIS's first probe of any URL, SERVICE=WMS&
// REQUEST=GetCapabilities: QGIS reads WMTS capabilities whatever it asked)
// and GetTile.
func (s *Service) wmts(w http.ResponseWriter, r *http.Request) {
	q := map[string]string{}
	for k, v := range r.URL.Query() {
		q[strings.ToUpper(k)] = v[0]
	}
	svc, op := q["SERVICE"], q["REQUEST"]
	switch {
	case op == "" || strings.EqualFold(op, "GetCapabilities"):
		if svc != "" && !strings.EqualFold(svc, "WMTS") && !strings.EqualFold(svc, "WMS") {
			wmtsError(w, r, &server.Error{Status: http.StatusBadRequest, Code: "InvalidParameterValue", Locator: "SERVICE", Detail: "SERVICE must be WMTS"})
			return
		}
		s.wmtsCapabilities(w, r)
	case svc != "" && !strings.EqualFold(svc, "WMTS"):
		wmtsError(w, r, &server.Error{Status: http.StatusBadRequest, Code: "InvalidParameterValue", Locator: "SERVICE", Detail: "SERVICE must be WMTS"})
	case strings.EqualFold(op, "GetTile"):
		for _, p := range []string{"LAYER", "TILEMATRIXSET", "TILEMATRIX", "TILEROW", "TILECOL"} {
			if q[p] == "" {
				wmtsError(w, r, &server.Error{Status: http.StatusBadRequest, Code: "MissingParameterValue", Locator: p, Detail: p + " is required"})
				return
			}
		}
		if v, ok := q["VERSION"]; ok && v != "1.0.0" {
			wmtsError(w, r, &server.Error{Status: http.StatusBadRequest, Code: "InvalidParameterValue", Locator: "VERSION", Detail: "VERSION must be 1.0.0"})
			return
		}
		s.getTile(w, r, wmtsTile{layer: q["LAYER"], style: q["STYLE"], format: q["FORMAT"], tms: q["TILEMATRIXSET"],
			z: q["TILEMATRIX"], row: q["TILEROW"], col: q["TILECOL"]})
	default:
		wmtsError(w, r, &server.Error{Status: http.StatusNotImplemented, Code: "OperationNotSupported", Locator: "REQUEST",
			Detail: fmt.Sprintf("request %q is not supported (GetCapabilities, GetTile)", op)})
	}
}

// wmtsREST answers the ResourceURL template
// /tiles/wmts/{layer}/{style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png.
func (s *Service) wmtsREST(w http.ResponseWriter, r *http.Request) {
	s.getTile(w, r, wmtsTile{layer: server.Var(r, "layer"), style: server.Var(r, "style"), format: RasterFormat,
		tms: server.Var(r, "tms"), z: server.Var(r, "z"), row: server.Var(r, "row"), col: server.Var(r, "col")})
}

// wmtsTile is a GetTile request as sent.
type wmtsTile struct {
	layer, style, format, tms, z, row, col string
}

// parse checks a GetTile request: the grid and tile, or the WMTS exception.
func (t wmtsTile) parse() (g *Grid, z, x, y int, e *server.Error) {
	if t.style != "" && !strings.EqualFold(t.style, wmtsStyle) {
		return nil, 0, 0, 0, &server.Error{Status: http.StatusBadRequest, Code: "InvalidParameterValue", Locator: "STYLE", Detail: "STYLE must be " + wmtsStyle}
	}
	if t.format != "" && t.format != RasterFormat {
		return nil, 0, 0, 0, &server.Error{Status: http.StatusBadRequest, Code: "InvalidParameterValue", Locator: "FORMAT", Detail: "FORMAT must be " + RasterFormat}
	}
	g, ok := GridByID(t.tms)
	if !ok {
		return nil, 0, 0, 0, &server.Error{Status: http.StatusBadRequest, Code: "InvalidParameterValue", Locator: "TILEMATRIXSET",
			Detail: fmt.Sprintf("no tile matrix set %q (WebMercatorQuad, PL-1992)", t.tms)}
	}
	minZ := wmtsMinZoom(g)
	z, ok = parseInt(t.z)
	if !ok || z < minZ || z > DynamicMaxZoom {
		return nil, 0, 0, 0, &server.Error{Status: http.StatusBadRequest, Code: "InvalidParameterValue", Locator: "TILEMATRIX",
			Detail: fmt.Sprintf("no tile matrix %q in %s (%d..%d)", t.z, g.ID, minZ, DynamicMaxZoom)}
	}
	n := wmtsMatrixSize(g, z)
	if y, ok = parseInt(t.row); !ok || y >= n {
		return nil, 0, 0, 0, &server.Error{Status: http.StatusBadRequest, Code: "TileOutOfRange", Locator: "TILEROW",
			Detail: fmt.Sprintf("tile row %q is outside tile matrix %d (0..%d)", t.row, z, n-1)}
	}
	if x, ok = parseInt(t.col); !ok || x >= n {
		return nil, 0, 0, 0, &server.Error{Status: http.StatusBadRequest, Code: "TileOutOfRange", Locator: "TILECOL",
			Detail: fmt.Sprintf("tile column %q is outside tile matrix %d (0..%d)", t.col, z, n-1)}
	}
	return g, z, x, y, nil
}

func (s *Service) getTile(w http.ResponseWriter, r *http.Request, t wmtsTile) {
	if s.maps == nil {
		wmtsError(w, r, &server.Error{Status: http.StatusNotImplemented, Code: "OperationNotSupported", Detail: "raster tiles are drawn by the WMS, which this server does not run"})
		return
	}
	g, z, x, y, e := t.parse()
	if e != nil {
		wmtsError(w, r, e)
		return
	}
	l, e := s.maps.TileLayer(r, t.layer)
	if e != nil {
		if e.Code == "LayerNotDefined" {
			e = &server.Error{Status: http.StatusBadRequest, Code: "InvalidParameterValue", Locator: "LAYER", Detail: fmt.Sprintf("no layer %q", t.layer)}
		}
		wmtsError(w, r, e)
		return
	}
	server.SetLayer(r, l.Name)
	data, etag, err := s.rasterTile(r, l, g, z, x, y)
	if err != nil {
		e := server.AsError(err)
		if e.Status >= 500 && e.Code == "" {
			server.Logger(r.Context()).Error("wmts: rendering failed", "layer", l.Name, "err", err)
		}
		wmtsError(w, r, e)
		return
	}
	h := w.Header()
	if h.Get("Access-Control-Allow-Origin") == "" && server.PrincipalFrom(r.Context()) == nil {
		h.Set("Access-Control-Allow-Origin", "*")
	}
	if server.NotModified(w, r, etag) {
		return
	}
	h.Set("Content-Type", RasterFormat)
	h.Set("Content-Length", strconv.Itoa(len(data)))
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

// rasterTile renders (or takes from the tile cache) a raster tile. It shares
// the vector tiles' cache: keyed by the dataset's index, the layer and what
// the caller may read of the dataset, dropped by the same change-log
// subscription within the tile's reach (gutter and stroke margin).
func (s *Service) rasterTile(r *http.Request, l wms.TileLayer, g *Grid, z, x, y int) ([]byte, string, error) {
	key := cacheKey{ds: l.Dataset.Index, variant: "png\x00" + l.Name + "\x00" + l.Dataset.Access(r), grid: g,
		reach: RasterGutter + l.Margin, TileKey: TileKey{z, x, y}}
	if e, ok := s.cache.get(key); ok {
		s.metrics.hits.Inc()
		return e.data, e.etag, nil
	}
	s.metrics.misses.Inc()
	gen := s.cache.gen(key.ds)
	data, err := s.maps.RenderTile(r, wms.Tile{Layer: l.Name, CRS: g.CRS, Box: g.TileBound(z, x, y), Size: TileSize, Gutter: RasterGutter})
	if err != nil {
		return nil, "", err
	}
	e := &cacheEntry{key: key, data: data, etag: contentTag(data)}
	s.cache.put(e, gen)
	return e.data, e.etag, nil
}

// wmtsCapabilities answers the WMTS 1.0.0 capabilities: every layer the
// caller may read (as the WMS lists them) on both tile matrix sets, with
// tile limits from the layer's extent, a KVP GetTile and a RESTful
// ResourceURL template with {TileMatrixSet}.
func (s *Service) wmtsCapabilities(w http.ResponseWriter, r *http.Request) {
	base := baseURL(r)
	var layers []wms.TileLayer
	if s.maps != nil {
		layers = s.maps.TileLayers(r)
	}
	var b strings.Builder
	kvp := func(op string) string {
		return `<ows:Operation name="` + op + `"><ows:DCP><ows:HTTP><ows:Get xlink:href="` + esc(base) + `/tiles/wmts?"><ows:Constraint name="GetEncoding"><ows:AllowedValues><ows:Value>KVP</ows:Value></ows:AllowedValues></ows:Constraint></ows:Get></ows:HTTP></ows:DCP></ows:Operation>`
	}
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<Capabilities xmlns="http://www.opengis.net/wmts/1.0" xmlns:ows="http://www.opengis.net/ows/1.1" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.opengis.net/wmts/1.0 http://schemas.opengis.net/wmts/1.0/wmtsGetCapabilities_response.xsd" version="1.0.0">
<ows:ServiceIdentification><ows:Title>SIP core WMTS</ows:Title><ows:ServiceType>OGC WMTS</ows:ServiceType><ows:ServiceTypeVersion>1.0.0</ows:ServiceTypeVersion></ows:ServiceIdentification>
<ows:OperationsMetadata>` + kvp("GetCapabilities") + kvp("GetTile") + `</ows:OperationsMetadata>
<Contents>
`)
	for _, l := range layers {
		s.wmtsLayer(&b, base, l)
	}
	for _, g := range Grids {
		wmtsMatrixSet(&b, g)
	}
	b.WriteString("</Contents>\n<ServiceMetadataURL xlink:href=\"" + esc(base) + "/tiles/wmts/1.0.0/WMTSCapabilities.xml\"/>\n</Capabilities>\n")
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

// wmtsLayer writes a layer: its WGS84 box (Poland's for an empty layer) and
// its box in each grid's CRS (axis order of the CRS, snapped outwards, see
// wmtsSnap), the default style, PNG, both grids and the RESTful template. No
// TileMatrixSetLimits: the official schema wants MaxTileRow and MaxTileCol
// positive, which a zoom whose whole extent is in row or column 0 cannot
// say; every tile of the matrices is served (transparent beyond the data).
func (s *Service) wmtsLayer(b *strings.Builder, base string, l wms.TileLayer) {
	ext := geo.CRS2180.Bounds()
	if l.HasExtent {
		ext = l.Extent
	}
	t, _ := geo.NewTransform(geo.CRS2180, geo.CRS84)
	wgs := t.Bound(ext)
	fmt.Fprintf(b, `<Layer><ows:Title>%s</ows:Title><ows:WGS84BoundingBox><ows:LowerCorner>%s %s</ows:LowerCorner><ows:UpperCorner>%s %s</ows:UpperCorner></ows:WGS84BoundingBox><ows:Identifier>%s</ows:Identifier>`,
		esc(l.Title), num(wgs.Min[0]), num(wgs.Min[1]), num(wgs.Max[0]), num(wgs.Max[1]), esc(l.Name))
	for _, g := range Grids {
		gb := wmtsSnap(g, g.ToGrid(ext))
		lo, hi := num(gb.Min[0])+" "+num(gb.Min[1]), num(gb.Max[0])+" "+num(gb.Max[1])
		if g.CRS.Axis == geo.NorthEast {
			lo, hi = num(gb.Min[1])+" "+num(gb.Min[0]), num(gb.Max[1])+" "+num(gb.Max[0])
		}
		fmt.Fprintf(b, `<ows:BoundingBox crs="%s"><ows:LowerCorner>%s</ows:LowerCorner><ows:UpperCorner>%s</ows:UpperCorner></ows:BoundingBox>`, g.CRS.URN(), lo, hi)
	}
	b.WriteString(`<Style isDefault="true"><ows:Identifier>` + wmtsStyle + `</ows:Identifier></Style><Format>` + RasterFormat + `</Format>`)
	for _, g := range Grids {
		b.WriteString(`<TileMatrixSetLink><TileMatrixSet>` + g.ID + `</TileMatrixSet></TileMatrixSetLink>`)
	}
	fmt.Fprintf(b, `<ResourceURL format="%s" resourceType="tile" template="%s/tiles/wmts/%s/{Style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png"/>`,
		RasterFormat, esc(base), esc(url.PathEscape(l.Name)))
	b.WriteString("</Layer>\n")
}

// wmtsMinZoom is the first tile matrix the WMTS declares of a grid: 0 for
// WebMercatorQuad; 5 for PL-1992, whose tile 5/0/0 (E 100 000–919 200,
// N 30 800–850 000) holds Poland. Below it a PL-1992 matrix spans 26 214 km
// at zoom 0, far beyond where the Transverse Mercator of EPSG:2180 is
// defined, and GDAL reprojecting such an extent prints errors.
func wmtsMinZoom(g *Grid) int {
	if g == PL1992 {
		return 5
	}
	return 0
}

// wmtsMatrixSize is how many tiles a side the WMTS tile matrix z of a grid
// has: all of WebMercatorQuad's, PL-1992's within its tile 5/0/0. Tile
// indices are the grid's own (the same tiles as /ogc/tileMatrixSets).
func wmtsMatrixSize(g *Grid, z int) int {
	return 1 << uint(z-wmtsMinZoom(g))
}

// wmtsSnap grows a box of grid g outwards to whole pixels of its zoom 5
// (PL-1992 3 200 m, WebMercatorQuad 4 892 m). GDAL takes a WMTS layer's
// extent from its box and places every overview's pixels from the box's
// corner: on such a box the pixels of every zoom from 5 to 22 are the tiles'
// own pixels, so GDAL reads tiles without resampling them (off the grid its
// pixels shift by up to one).
func wmtsSnap(g *Grid, b orb.Bound) orb.Bound {
	step := g.Resolution(5)
	lo := func(v, o float64) float64 { return o + math.Floor((v-o)/step)*step }
	hi := func(v, o float64) float64 { return o + math.Ceil((v-o)/step)*step }
	return orb.Bound{Min: orb.Point{lo(b.Min[0], g.OriginX), lo(b.Min[1], g.OriginY)},
		Max: orb.Point{hi(b.Max[0], g.OriginX), hi(b.Max[1], g.OriginY)}}
}

// wmtsMatrixSet writes a tile matrix set, zooms wmtsMinZoom..DynamicMaxZoom.
// The TopLeftCorner is in the CRS's axis order: PL-1992's EPSG:2180 is
// northing first (N 850000, E 100000), EPSG:3857 easting first.
func wmtsMatrixSet(b *strings.Builder, g *Grid) {
	fmt.Fprintf(b, `<TileMatrixSet><ows:Title>%s</ows:Title><ows:Identifier>%s</ows:Identifier><ows:SupportedCRS>%s</ows:SupportedCRS>`,
		esc(g.Title), g.ID, g.CRS.URN())
	if g == WebMercatorQuad {
		b.WriteString(`<WellKnownScaleSet>urn:ogc:def:wkss:OGC:1.0:GoogleMapsCompatible</WellKnownScaleSet>`)
	}
	corner := num(g.OriginX) + " " + num(g.OriginY)
	if g.CRS.Axis == geo.NorthEast {
		corner = num(g.OriginY) + " " + num(g.OriginX)
	}
	for z := wmtsMinZoom(g); z <= DynamicMaxZoom; z++ {
		n := wmtsMatrixSize(g, z)
		fmt.Fprintf(b, `<TileMatrix><ows:Identifier>%d</ows:Identifier><ScaleDenominator>%s</ScaleDenominator><TopLeftCorner>%s</TopLeftCorner><TileWidth>%d</TileWidth><TileHeight>%d</TileHeight><MatrixWidth>%d</MatrixWidth><MatrixHeight>%d</MatrixHeight></TileMatrix>`,
			z, num(g.ScaleDenominator(z)), corner, TileSize, TileSize, n, n)
	}
	b.WriteString("</TileMatrixSet>\n")
}

// esc escapes text and attribute values.
func esc(v string) string {
	var sb strings.Builder
	xml.EscapeText(&sb, []byte(v))
	return sb.String()
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
