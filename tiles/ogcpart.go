package tiles

import (
	"net/http"

	"github.com/sip-core/sip/ogcapi"
)

// The tiles service is the OGC API – Tiles part of /ogc (ogcapi.Part): the
// landing page, collections, conformance and OpenAPI document of /ogc list
// what this file declares, and only on a server that mounts the tiles
// service.
var _ ogcapi.Part = (*Service)(nil)

const (
	relTilesetsVector = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector"
	relTilingSchemes  = "http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes"
)

// OGCConformance implements ogcapi.Part.
func (s *Service) OGCConformance() []string {
	return []string{
		"http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
		"http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset",
		"http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list",
		"http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/dataset-tilesets",
		"http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets",
		"http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt",
		"http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/oas30",
	}
}

// OGCLandingLinks implements ogcapi.Part: the dataset tiles and the tile
// matrix sets.
func (s *Service) OGCLandingLinks(base string) []ogcapi.Link {
	return []ogcapi.Link{
		{Href: base + "/tiles", Rel: relTilesetsVector, Type: "application/json", Title: "vector tiles of the dataset (every layer)"},
		{Href: base + "/tileMatrixSets", Rel: relTilingSchemes, Type: "application/json", Title: "tile matrix sets (WebMercatorQuad, PL-1992)"},
	}
}

// OGCCollectionLinks implements ogcapi.Part: a collection whose tiles
// the caller may read links its tilesets.
func (s *Service) OGCCollectionLinks(r *http.Request, id, base string) []ogcapi.Link {
	if _, e := s.collection(r, id); e != nil {
		return nil
	}
	return []ogcapi.Link{{Href: base + "/tiles", Rel: relTilesetsVector, Type: "application/json", Title: "vector tiles"}}
}

// OGCPaths implements ogcapi.Part.
func (s *Service) OGCPaths() map[string]any {
	str := map[string]any{"type": "string"}
	pathParam := ogcapi.PathParam
	coll := pathParam("collectionId", "collection id (as in /collections)", str)
	tms := pathParam("tileMatrixSetId", "tile matrix set", map[string]any{"type": "string", "enum": gridIDs()})
	tile := []any{
		pathParam("tileMatrix", "zoom level", map[string]any{"type": "string", "pattern": "^[0-9]+$"}),
		pathParam("tileRow", "row, from the top", map[string]any{"type": "integer", "minimum": 0}),
		pathParam("tileCol", "column, from the left", map[string]any{"type": "integer", "minimum": 0}),
	}
	problem := ogcapi.ErrorResponse()
	jsonDoc := func(desc string) map[string]any {
		return map[string]any{
			"200": map[string]any{"description": desc, "content": map[string]any{"application/json": map[string]any{"schema": map[string]any{"type": "object"}}}},
			"404": problem,
		}
	}
	tileResp := map[string]any{
		"200": map[string]any{"description": "a Mapbox vector tile (gzip-encoded when the client accepts it)",
			"content": map[string]any{MediaType: map[string]any{"schema": map[string]any{"type": "string", "format": "binary"}}}},
		"204": map[string]any{"description": "no feature in this tile"},
		"400": problem, "404": problem,
	}
	// A collection that is not public answers 401 without a key and 403 to
	// a key without a role that may read it (the schemes are the document's).
	denied := func(resp map[string]any) map[string]any {
		out := map[string]any{"401": problem, "403": problem}
		for k, v := range resp {
			out[k] = v
		}
		return out
	}
	op := func(id, summary string, params []any, resp map[string]any) map[string]any {
		return map[string]any{"get": map[string]any{"operationId": id, "summary": summary, "tags": []string{"tiles"}, "parameters": params, "responses": resp}}
	}
	return map[string]any{
		"/tileMatrixSets":                   op("getTileMatrixSetsList", "Tile matrix sets", []any{}, jsonDoc("tile matrix sets")),
		"/tileMatrixSets/{tileMatrixSetId}": op("getTileMatrixSet", "Tile matrix set", []any{tms}, jsonDoc("tile matrix set")),
		"/tiles":                            op("getDatasetVectorTileSetsList", "Vector tilesets of the dataset", []any{}, jsonDoc("tilesets")),
		"/tiles/{tileMatrixSetId}":          op("getDatasetVectorTileSet", "Vector tileset of the dataset", []any{tms}, jsonDoc("tileset")),
		"/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}": op("getDatasetVectorTile", "Vector tile of the dataset",
			append([]any{tms}, tile...), tileResp),
		"/collections/{collectionId}/tiles":                   op("getCollectionVectorTileSetsList", "Vector tilesets of a collection", []any{coll}, denied(jsonDoc("tilesets"))),
		"/collections/{collectionId}/tiles/{tileMatrixSetId}": op("getCollectionVectorTileSet", "Vector tileset of a collection", []any{coll, tms}, denied(jsonDoc("tileset"))),
		"/collections/{collectionId}/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}": op("getCollectionVectorTile", "Vector tile of a collection",
			append([]any{coll, tms}, tile...), denied(tileResp)),
	}
}

func gridIDs() []string {
	ids := make([]string, len(Grids))
	for i, g := range Grids {
		ids[i] = g.ID
	}
	return ids
}
