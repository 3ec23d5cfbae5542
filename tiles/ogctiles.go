package tiles

import (
	"math"
	"net/http"
	"sort"
	"strconv"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/ogcapi"
	"github.com/sip-core/sip/server"
)

// tmsDoc is an OGC 2D Tile Matrix Set 2.0 document that also carries the
// members of the TMS 1.0 JSON encoding (type, identifier, supportedCRS,
// tileMatrix with topLeftCorner): GDAL up to 3.6 (Debian 12's, which QGIS
// uses too) reads only TMS 1.0, later versions read 2.0, and the two encodings
// share no member name that means different things. See docs/ogcapi-tiles.md.
func tmsDoc(g *Grid, maxZoom int) map[string]any {
	crs := "http://www.opengis.net/def/crs/EPSG/0/" + strconv.Itoa(g.CRS.Code)
	axes := []string{"X", "Y"}
	origin := []float64{g.OriginX, g.OriginY}
	if g == PL1992 {
		// EPSG:2180 is northing first: the origin is given in CRS axis order.
		axes = []string{"N", "E"}
		origin = []float64{g.OriginY, g.OriginX}
	}
	var tms, tms1 []map[string]any
	for z := 0; z <= maxZoom; z++ {
		n := 1 << uint(z)
		tms = append(tms, map[string]any{
			"id": strconv.Itoa(z), "scaleDenominator": g.ScaleDenominator(z), "cellSize": g.Resolution(z),
			"cornerOfOrigin": "topLeft", "pointOfOrigin": origin, "tileWidth": TileSize, "tileHeight": TileSize,
			"matrixWidth": n, "matrixHeight": n,
		})
		tms1 = append(tms1, map[string]any{
			"type": "TileMatrixType", "identifier": strconv.Itoa(z), "scaleDenominator": g.ScaleDenominator(z),
			"topLeftCorner": origin, "tileWidth": TileSize, "tileHeight": TileSize, "matrixWidth": n, "matrixHeight": n,
		})
	}
	doc := map[string]any{"id": g.ID, "title": g.Title, "crs": crs, "orderedAxes": axes, "tileMatrices": tms,
		"type": "TileMatrixSetType", "identifier": g.ID, "supportedCRS": crs, "tileMatrix": tms1}
	if g.URI != "" {
		doc["uri"] = g.URI
	}
	return doc
}

func (s *Service) tileMatrixSets(w http.ResponseWriter, r *http.Request) {
	var sets []map[string]any
	for _, g := range Grids {
		link := baseURL(r) + "/ogc/tileMatrixSets/" + g.ID
		e := map[string]any{"id": g.ID, "title": g.Title, "crs": "http://www.opengis.net/def/crs/EPSG/0/" + strconv.Itoa(g.CRS.Code),
			"links": []map[string]string{{"rel": "self", "type": "application/json", "href": link}}}
		if g.URI != "" {
			e["uri"] = g.URI
		}
		sets = append(sets, e)
	}
	writeJSON(w, r, "application/json", map[string]any{
		"tileMatrixSets": sets,
		"links":          []map[string]string{{"rel": "self", "type": "application/json", "href": baseURL(r) + "/ogc/tileMatrixSets"}},
	})
}

func (s *Service) tileMatrixSet(w http.ResponseWriter, r *http.Request) {
	g, ok := GridByID(server.Var(r, "tms"))
	if !ok {
		server.WriteError(w, r, ogcapi.NotFound("no tile matrix set "+strconv.Quote(server.Var(r, "tms"))))
		return
	}
	writeJSON(w, r, "application/json", tmsDoc(g, min(g.MaxZoom, DynamicMaxZoom)))
}

// collection resolves an OGC API collection id as the features service does
// (ogcapi.ResolveCollectionID: a bare layer name in the first dataset,
// "<dataset>.<layer>" in the others), so /ogc/collections/{id}/tiles is the
// same collection as /ogc/collections/{id}. A dataset name (all its layers) and
// a pre-built tileset are collections of tiles too.
func (s *Service) collection(r *http.Request, id string) (*tileset, *server.Error) {
	st := s.host.State(r)
	if st == nil {
		return nil, &server.Error{Status: http.StatusServiceUnavailable}
	}
	if d, layer, ok := ogcapi.ResolveCollectionID(st, id); ok {
		ts, e := s.dynamic(r, d, []string{layer})
		if e == nil {
			ts.name = id
		}
		return ts, e
	}
	if d, ok := st.Dataset(id); ok {
		return s.dynamic(r, d, nil)
	}
	return s.resolve(r, id)
}

// ogcTarget finds the tiles an OGC API Tiles request is about: a
// collection's (/ogc/collections/{coll}/tiles…) or, without a collection, the
// dataset tiles of the first dataset (/ogc/tiles…: every layer the caller may
// read, as a collection is one of them). base is the absolute URL of the
// tilesets list.
func (s *Service) ogcTarget(r *http.Request) (id, base string, ts *tileset, e *server.Error) {
	id = server.Var(r, "coll")
	if id != "" {
		ts, e = s.collection(r, id)
		return id, baseURL(r) + "/ogc/collections/" + escape(id) + "/tiles", ts, e
	}
	st := s.host.State(r)
	if st == nil || len(st.Datasets()) == 0 {
		return "", "", nil, ogcapi.NotFound("this server has no dataset")
	}
	d := st.Datasets()[0]
	ts, e = s.dynamic(r, d, nil)
	return d.Name, baseURL(r) + "/ogc/tiles", ts, e
}

func (s *Service) ogcTilesets(w http.ResponseWriter, r *http.Request) {
	id, base, ts, e := s.ogcTarget(r)
	if e != nil {
		server.WriteError(w, r, e)
		return
	}
	var list []map[string]any
	for _, g := range ts.grids() {
		list = append(list, map[string]any{
			"title": id + " (" + g.ID + ")", "dataType": "vector", "crs": "http://www.opengis.net/def/crs/EPSG/0/" + strconv.Itoa(g.CRS.Code),
			"tileMatrixSetURI": tmsURI(r, g),
			"links": []map[string]any{
				{"rel": "self", "type": "application/json", "href": base + "/" + g.ID},
				{"rel": "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme", "type": "application/json", "href": baseURL(r) + "/ogc/tileMatrixSets/" + g.ID},
				{"rel": "item", "type": MediaType, "templated": true, "href": base + "/" + g.ID + "/{tileMatrix}/{tileRow}/{tileCol}"},
			},
		})
	}
	writeJSON(w, r, "application/json", map[string]any{"tilesets": list,
		"links": []map[string]string{{"rel": "self", "type": "application/json", "href": base}}})
}

func (s *Service) ogcTileset(w http.ResponseWriter, r *http.Request) {
	id, base, ts, e := s.ogcTarget(r)
	if e != nil {
		server.WriteError(w, r, e)
		return
	}
	g, ok := GridByID(server.Var(r, "tms"))
	if !ok || (ts.file != nil && ts.file.Grid() != g) {
		server.WriteError(w, r, ogcapi.NotFound("collection "+id+" has no tiles on tile matrix set "+strconv.Quote(server.Var(r, "tms"))))
		return
	}
	m := ts.meta(r.Context())
	base += "/" + g.ID
	var limits []map[string]any
	for z := m.MinZoom; z <= m.MaxZoom; z++ {
		// Tile limits of the data extent (WGS84 bounds projected into the grid).
		lim := map[string]any{"tileMatrix": strconv.Itoa(z)}
		if b, ok := gridBoundOf(g, m.Bounds); ok {
			if x0, y0, x1, y1, in := g.TileRange(b, z); in {
				lim["minTileRow"], lim["maxTileRow"], lim["minTileCol"], lim["maxTileCol"] = y0, y1, x0, x1
				limits = append(limits, lim)
			}
		}
	}
	writeJSON(w, r, "application/json", map[string]any{
		"title": id, "dataType": "vector", "crs": "http://www.opengis.net/def/crs/EPSG/0/" + strconv.Itoa(g.CRS.Code),
		"tileMatrixSetURI": tmsURI(r, g), "tileMatrixSetLimits": limits,
		"layers": vectorLayersOGC(m.VectorLayers),
		"links": []map[string]any{
			{"rel": "self", "type": "application/json", "href": base},
			{"rel": "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme", "type": "application/json", "href": baseURL(r) + "/ogc/tileMatrixSets/" + g.ID},
			{"rel": "item", "type": MediaType, "templated": true, "href": base + "/{tileMatrix}/{tileRow}/{tileCol}"},
		},
	})
}

// tmsURI names a tileset's tile matrix set: its registered OGC URI, or for a
// grid of our own (PL-1992) the URL of its definition here, so a client that
// picks a set by name (GDAL's TILEMATRIXSET=PL-1992) finds it.
func tmsURI(r *http.Request, g *Grid) string {
	if g.URI != "" {
		return g.URI
	}
	return baseURL(r) + "/ogc/tileMatrixSets/" + g.ID
}

func vectorLayersOGC(vl []VectorLayer) []map[string]any {
	var out []map[string]any
	for _, l := range vl {
		props := map[string]any{}
		keys := make([]string, 0, len(l.Fields))
		for k := range l.Fields {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			t := "string"
			if l.Fields[k] == "Number" {
				t = "number"
			}
			props[k] = map[string]string{"type": t}
		}
		geom := "polygons"
		if l.ID == LabelLayer {
			geom = "points"
		}
		out = append(out, map[string]any{"id": l.ID, "dataType": "vector", "geometryDimension": map[string]int{"points": 0, "polygons": 2}[geom],
			"minTileMatrix": strconv.Itoa(l.MinZoom), "maxTileMatrix": strconv.Itoa(l.MaxZoom), "propertiesSchema": map[string]any{"type": "object", "properties": props}})
	}
	return out
}

// gridBoundOf projects WGS84 bounds into a grid.
func gridBoundOf(g *Grid, b [4]float64) (orb.Bound, bool) {
	if b[0] >= b[2] || b[1] >= b[3] {
		return orb.Bound{}, false
	}
	t, err := newTransformFrom4326(g)
	if err != nil {
		return orb.Bound{}, false
	}
	gb := t.Bound(orb.Bound{Min: orb.Point{b[0], b[1]}, Max: orb.Point{b[2], b[3]}})
	if math.IsNaN(gb.Min[0]) {
		return orb.Bound{}, false
	}
	return gb, true
}

func (s *Service) ogcTile(w http.ResponseWriter, r *http.Request) {
	_, _, ts, e := s.ogcTarget(r)
	if e != nil {
		server.WriteError(w, r, e)
		return
	}
	g, ok := GridByID(server.Var(r, "tms"))
	if !ok {
		server.WriteError(w, r, ogcapi.NotFound("no tile matrix set "+strconv.Quote(server.Var(r, "tms"))))
		return
	}
	// OGC order: tileMatrix/tileRow/tileCol.
	s.serveTile(w, r, ts, g, server.Var(r, "z"), server.Var(r, "col"), server.Var(r, "row"))
}
