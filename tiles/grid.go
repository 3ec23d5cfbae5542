// Package tiles is SIP core's vector tile engine: it renders the dataset layers
// as Mapbox Vector Tiles on two grids (web mercator and the national PL-1992
// grid in EPSG:2180), builds them into MBTiles, PMTiles and GeoPackage
// containers, serves them (XYZ, TileJSON, OGC API Tiles) pre-built or on
// the fly with a cache that the store's change log invalidates tile by tile,
// and updates built containers incrementally from that change log. Its WMTS
// serves raster tiles drawn by the WMS renderer, through the same cache.
package tiles

import (
	"fmt"
	"math"
	"strings"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/geo"
)

// Grid is a quadtree tile matrix set: zoom z has 2^z × 2^z tiles of 256 pixels
// (for scale purposes), counted from the top-left corner, rows growing south.
type Grid struct {
	ID    string // OGC API Tiles tileMatrixSetId
	Title string
	URI   string // the OGC definition URI, when the set is a registered one
	CRS   *geo.CRS
	// Origin is the top-left corner (x = E, y = N in the grid CRS) and Span the
	// width and height of the single tile of zoom 0, in CRS units.
	OriginX, OriginY float64
	Span             float64
	MaxZoom          int

	fwd, inv *geo.Transform // storage CRS (EPSG:2180) <-> grid CRS
}

// TileSize is the nominal pixel size of a tile (for resolutions and scales).
const TileSize = 256

// The two grids.
var (
	// WebMercatorQuad is the OGC 2D TMS WebMercatorQuad (EPSG:3857), the XYZ grid of
	// every web map.
	WebMercatorQuad = mustGrid(&Grid{ID: "WebMercatorQuad", Title: "Google Maps Compatible for the World",
		URI: "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad", CRS: mustCRS(3857),
		OriginX: -20037508.342789244, OriginY: 20037508.342789244, Span: 2 * 20037508.342789244, MaxZoom: 24})
	// PL1992 is SIP core's national quadtree in EPSG:2180 (PUWG 1992), identifier
	// "PL-1992": top-left corner E = 100000, N = 850000 (north-west of Poland),
	// zoom 0 one tile of 26 214 400 m, so that tiles of every zoom nest exactly and
	// the pixel size, 102400 / 2^z m for a 256-pixel tile, matches web mercator's
	// at Poland's latitude (z16: 1.5625 m against 1.47 m at 52°N): the same --maxzoom
	// means the same detail on both grids. Poland (E 140000..880000,
	// N 120000..790000) lies in the tile 5/0/0 (819.2 km), so zooms 0..5 each hold
	// one tile of the country.
	PL1992 = mustGrid(&Grid{ID: "PL-1992", Title: "PUWG 1992 (EPSG:2180) quadtree, 26214.4 km at zoom 0, web-mercator-like zoom levels",
		CRS: mustCRS(2180), OriginX: 100000, OriginY: 850000, Span: 26214400, MaxZoom: 24})
)

// Grids lists the grids by id.
var Grids = []*Grid{WebMercatorQuad, PL1992}

// GridByID finds a grid by its id (case-insensitive; "webmercator", "3857",
// "pl1992", "2180" are accepted as aliases).
func GridByID(id string) (*Grid, bool) {
	switch strings.ToLower(id) {
	case "webmercatorquad", "webmercator", "3857", "epsg:3857":
		return WebMercatorQuad, true
	case "pl-1992", "pl1992", "2180", "epsg:2180":
		return PL1992, true
	}
	return nil, false
}

func mustCRS(code int) *geo.CRS {
	c, ok := geo.Lookup(code)
	if !ok {
		panic(fmt.Sprintf("tiles: EPSG:%d missing from the CRS registry", code))
	}
	return c
}

func mustGrid(g *Grid) *Grid {
	src := mustCRS(2180)
	var err error
	if g.fwd, err = geo.NewTransform(src, g.CRS); err != nil {
		panic(err)
	}
	g.inv = g.fwd.Inverse()
	return g
}

// Project maps a storage point (EPSG:2180, x = E) into the grid CRS.
func (g *Grid) Project(x, y float64) (float64, float64) { return g.fwd.Point(x, y) }

// ToGrid maps a storage bound into the grid CRS.
func (g *Grid) ToGrid(b orb.Bound) orb.Bound { return g.fwd.Bound(b) }

// ToStorage maps a grid-CRS bound back to the storage CRS.
func (g *Grid) ToStorage(b orb.Bound) orb.Bound { return g.inv.Bound(b) }

// TileSpan is the width of a tile at zoom z in CRS units.
func (g *Grid) TileSpan(z int) float64 { return g.Span / float64(uint64(1)<<uint(z)) }

// Resolution is CRS units per pixel at zoom z.
func (g *Grid) Resolution(z int) float64 { return g.TileSpan(z) / TileSize }

// ScaleDenominator at zoom z (0.28 mm pixels, as OGC tile matrix sets define).
func (g *Grid) ScaleDenominator(z int) float64 { return g.Resolution(z) / 0.00028 }

// Bound is the whole grid's extent in its CRS.
func (g *Grid) Bound() orb.Bound {
	return orb.Bound{Min: orb.Point{g.OriginX, g.OriginY - g.Span}, Max: orb.Point{g.OriginX + g.Span, g.OriginY}}
}

// Valid reports whether z/x/y addresses a tile of the grid.
func (g *Grid) Valid(z, x, y int) bool {
	if z < 0 || z > g.MaxZoom {
		return false
	}
	n := 1 << uint(z)
	return x >= 0 && y >= 0 && x < n && y < n
}

// TileBound is the bound of tile z/x/y in the grid CRS.
func (g *Grid) TileBound(z, x, y int) orb.Bound {
	s := g.TileSpan(z)
	minX := g.OriginX + float64(x)*s
	maxY := g.OriginY - float64(y)*s
	return orb.Bound{Min: orb.Point{minX, maxY - s}, Max: orb.Point{minX + s, maxY}}
}

// TileRange is the inclusive range of tiles at zoom z whose area intersects b
// (grid CRS), clamped to the grid; ok is false when b misses the grid.
func (g *Grid) TileRange(b orb.Bound, z int) (x0, y0, x1, y1 int, ok bool) {
	if math.IsNaN(b.Min[0]) || math.IsNaN(b.Max[0]) {
		return 0, 0, -1, -1, false
	}
	s := g.TileSpan(z)
	n := 1<<uint(z) - 1
	clamp := func(v float64) int {
		if v < 0 {
			return 0
		}
		if v > float64(n) {
			return n
		}
		return int(v)
	}
	gb := g.Bound()
	if b.Max[0] < gb.Min[0] || b.Min[0] > gb.Max[0] || b.Max[1] < gb.Min[1] || b.Min[1] > gb.Max[1] {
		return 0, 0, -1, -1, false
	}
	x0 = clamp(math.Floor((b.Min[0] - g.OriginX) / s))
	x1 = clamp(math.Floor((b.Max[0] - g.OriginX) / s))
	y0 = clamp(math.Floor((g.OriginY - b.Max[1]) / s))
	y1 = clamp(math.Floor((g.OriginY - b.Min[1]) / s))
	return x0, y0, x1, y1, true
}

// LonLat maps a grid point to WGS84 longitude/latitude.
func (g *Grid) LonLat(x, y float64) (lon, lat float64) {
	t, err := geo.NewTransform(g.CRS, mustCRS(4326))
	if err != nil {
		return math.NaN(), math.NaN()
	}
	a, b := t.Point(x, y)
	// EPSG:4326 transforms return x = lon, y = lat (storage order).
	return a, b
}

func newTransformFrom4326(g *Grid) (*geo.Transform, error) {
	return geo.NewTransform(mustCRS(4326), g.CRS)
}
