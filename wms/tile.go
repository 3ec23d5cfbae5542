package wms

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/draw"
	"math"
	"net/http"
	"net/url"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/geo"
	"github.com/sip-core/sip/server"
	"github.com/sip-core/sip/wms/render"
)

// Raster tiles for the WMTS (package tiles serves, caches and invalidates
// them): the same layers, styles, rights and drawing as GetMap.

// TileLayer is a layer a tile service may offer: a dataset's group (every
// layer of it the request may read, drawn as LAYERS=<dataset> draws them) or
// one named layer, as the WMS capabilities name them.
type TileLayer struct {
	Name, Title string
	Dataset     *server.Dataset
	// Extent is the layer's extent in EPSG:2180 (x = E); HasExtent is false
	// for an empty layer.
	Extent    orb.Bound
	HasExtent bool
	// Margin is how many pixels beyond a map's edge a feature may lie and
	// still be drawn in it (strokes and point symbols): with the gutter, how
	// far a change reaches into the neighbouring tiles.
	Margin int
}

// TileLayers lists the layers r may read, dataset by dataset: the dataset's
// group, then its layers in drawing order.
func (s *Service) TileLayers(r *http.Request) []TileLayer {
	req := s.tileRequest(r, "")
	var out []TileLayer
	for _, g := range req.visibleGroups() {
		if _, group, ok := req.cat.resolve(g.DS.Name); ok && group {
			out = append(out, tileLayer(r.Context(), g.DS.Name, g.DS.Title, g.Layers))
		}
		for _, l := range g.Layers {
			out = append(out, tileLayer(r.Context(), l.Name, l.Title, []*mapLayer{l}))
		}
	}
	return out
}

// TileLayer resolves one layer of TileLayers for r: LayerNotDefined when
// there is no such layer, 401 or 403 when r may not read it.
func (s *Service) TileLayer(r *http.Request, name string) (TileLayer, *server.Error) {
	req := s.tileRequest(r, name)
	refs, e := parseLayers(req, "LAYERS")
	if e != nil {
		return TileLayer{}, e
	}
	ls := make([]*mapLayer, len(refs))
	for i, ref := range refs {
		ls[i] = ref.l
	}
	title := ls[0].Title
	if _, group, _ := req.cat.resolve(name); group {
		title = ls[0].DS.Title
	}
	return tileLayer(r.Context(), name, title, ls), nil
}

func tileLayer(ctx context.Context, name, title string, ls []*mapLayer) TileLayer {
	t := TileLayer{Name: name, Title: title, Dataset: ls[0].DS}
	t.Extent, t.HasExtent = unionExtent(ctx, ls)
	for _, l := range ls { // RenderTile draws the default styles
		st := &l.Styles[0]
		t.Margin = max(t.Margin, int(math.Ceil(float64(max(st.Width, st.PointSize))))+2)
	}
	return t
}

// tileRequest is a GetMap-like request of r for LAYERS=layer.
func (s *Service) tileRequest(r *http.Request, layer string) *request {
	st := server.StateFrom(r.Context())
	cat, feats := s.forState(st)
	return &request{r: r, q: url.Values{"LAYERS": {layer}}, cat: cat, feats: feats, st: st, version: "1.3.0",
		exc: "xml", format: "image/png", transparent: true}
}

// Tile asks for a square raster tile.
type Tile struct {
	Layer string   // a TileLayer's name
	CRS   *geo.CRS // the tile matrix set's CRS
	Box   orb.Bound
	// Box is the tile's extent in CRS (x = E/lon), Size its side in pixels.
	Size int
	// Gutter is the map drawn around the tile, in pixels, and cut off: labels
	// across the tile's edge are drawn whole in the map and so in both tiles
	// they cross (a label wholly inside the gutter still takes its place).
	Gutter int
}

// RenderTile draws a tile as GetMap draws its box (LAYERS=Layer, STYLES=,
// TRANSPARENT=TRUE, FORMAT=image/png) and returns the PNG: paletted when the
// tile has at most 256 colours, else 32-bit, the same pixels either way.
// Within the gutter's reach of the tile's edge its pixels are GetMap's
// except for labels, which GetMap drops at the map's edge.
//
// This is the one call through which WMTS renders, so that what limits
// renders (admission, memory) can wrap it.
func (s *Service) RenderTile(r *http.Request, t Tile) ([]byte, error) {
	req := s.tileRequest(r, t.Layer)
	refs, e := parseLayers(req, "LAYERS")
	if e != nil {
		return nil, e
	}
	res := (t.Box.Max[0] - t.Box.Min[0]) / float64(t.Size)
	side := t.Size + 2*t.Gutter
	v, e := newView(t.CRS, t.Box.Pad(float64(t.Gutter)*res), side, side)
	if e != nil {
		return nil, e
	}
	// A tile takes memory as a small map does: admission control holds the
	// renders that do not fit the budget, as it holds GetMap's.
	release, e := server.Admit(r, render.MapBytes(side, side)+render.MapBytes(t.Size, t.Size))
	if e != nil {
		return nil, e
	}
	defer release()
	ctx := r.Context()
	c := s.canvases.Canvas(side, side, color.NRGBA{})
	defer c.Release()
	c.LabelsCross = true
	err := s.draw(ctx, req, c, v, refs)
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		if ctx.Err() != nil {
			return nil, &server.Error{Status: 503, Code: "NoApplicableCode", RetryAfter: 5 * time.Second,
				Detail: "the tile took longer to draw than the server's limit (limits.request_timeout)"}
		}
		return nil, err
	}
	tile := s.canvases.Canvas(t.Size, t.Size, color.NRGBA{})
	defer tile.Release()
	draw.Draw(tile.Img, tile.Img.Rect, c.Img, image.Pt(t.Gutter, t.Gutter), draw.Src)
	var buf bytes.Buffer
	if err := tile.PNGLossless(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
