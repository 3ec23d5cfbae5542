package wms

import (
	"fmt"
	"image/color"
	"strconv"
	"strings"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/server"
	"github.com/sip-core/sip/store"
)

// style is a resolved rendering style.
type style struct {
	Name, Title string
	Fill        color.NRGBA // A == 0: no fill
	Stroke      color.NRGBA // A == 0: no stroke
	Width       float32
	Dash        []float32
	Label       string // attribute drawn as label ("" none)
	LabelColor  color.NRGBA
	LabelSize   float32
	PointSize   float32
	MinScale    float64 // scale denominators; 0 = unbounded
	MaxScale    float64
	LabelOnly   bool // numery_dzialek: labels, no geometry
	// LabelMaxScale limits labels to scales larger than 1:LabelMaxScale (0: any).
	LabelMaxScale float64
	// LabelFit drops a polygon's label when it is wider than the polygon.
	LabelFit bool
	// Theme colours features by class (planning layers); nil: one Fill for all.
	Theme *theme
	// legendW, legendH: the size of the default GetLegendGraphic image.
	legendW, legendH int
}

func (s *style) visible(scale float64) bool {
	if s.MinScale > 0 && scale < s.MinScale {
		return false
	}
	if s.MaxScale > 0 && scale >= s.MaxScale {
		return false
	}
	return true
}

func rgb(s string) color.NRGBA {
	c, _ := parseColor(s)
	return c
}

// parseColor reads #rrggbb, #rrggbbaa or 0xRRGGBB.
func parseColor(s string) (color.NRGBA, bool) {
	s = strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(s, "#"), "0x"), "0X")
	if len(s) != 6 && len(s) != 8 {
		return color.NRGBA{}, false
	}
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		return color.NRGBA{}, false
	}
	if len(s) == 6 {
		return color.NRGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 255}, true
	}
	return color.NRGBA{uint8(v >> 24), uint8(v >> 16), uint8(v >> 8), uint8(v)}, true
}

// builtin styles of the KIEG layers (the county map's usual look) and of the
// planning layers (planning.go).
func builtinStyle(layer string) style {
	if s, ok := planningStyle(layer); ok {
		return s
	}
	s := style{Name: "default", Title: "Domyślny", LabelColor: rgb("#000000"), LabelSize: 11, PointSize: 5}
	switch layer {
	case "jednostki":
		s.Stroke, s.Width = rgb("#000000"), 3
		s.Label, s.LabelSize = "nazwa", 14
	case "obreby":
		s.Stroke, s.Width, s.Dash = rgb("#8b008b"), 2, []float32{10, 4}
		s.Label, s.LabelSize, s.LabelColor = "nazwa", 13, rgb("#8b008b")
	case "dzialki":
		s.Stroke, s.Width = rgb("#000000"), 1
	case "numery_dzialek":
		s.Label, s.LabelColor, s.LabelSize, s.MaxScale, s.LabelOnly = "numer_dzialki", rgb("#00007f"), 11, 10000, true
	case "budynki":
		s.Fill, s.Stroke, s.Width = rgb("#f2c6a0"), rgb("#a0522d"), 1
	case "uzytki":
		s.Stroke, s.Width, s.Dash = rgb("#2e8b57"), 1, []float32{4, 3}
		s.Label, s.LabelColor, s.LabelSize, s.MaxScale = "ofu", rgb("#2e8b57"), 10, 5000
	case "kontury":
		s.Stroke, s.Width, s.Dash = rgb("#8b6914"), 1, []float32{2, 2}
		s.Label, s.LabelColor, s.LabelSize, s.MaxScale = "ozk", rgb("#8b6914"), 10, 5000
	case "punkty":
		s.Fill, s.PointSize, s.MaxScale = rgb("#d00000"), 5, 5000
	case "drogi": // a road dataset (package roads)
		s.Stroke, s.Width = rgb("#e67e22"), 3
		s.Label, s.LabelColor, s.LabelSize, s.MaxScale = "numer", rgb("#5d2e00"), 11, 25000
	case "zgloszenia": // the staff layer of resident reports (package open311)
		s.Fill, s.Stroke, s.Width, s.PointSize = rgb("#e53935"), rgb("#ffffff"), 1, 10
	case "alerty": // the areas of current alerts (package alerts)
		s.Fill, s.Stroke, s.Width = rgb("#d32f2f33"), rgb("#d32f2f"), 2
		s.Label, s.LabelColor, s.LabelSize = "naglowek", rgb("#7f0000"), 12
	default:
		s.Stroke, s.Width = rgb("#404040"), 1
	}
	return s
}

// fromConfig makes a style from configuration, over a layer's built-in one for
// what the configuration leaves out.
func fromConfig(c config.Style, base style) style {
	s := base
	s.Name, s.Title = c.Name, c.Title
	if s.Title == "" {
		s.Title = c.Name
	}
	if c.Fill != "" {
		// One configured colour replaces a thematic style's classes.
		s.Fill, s.Theme = rgb(c.Fill), nil
	}
	if c.Stroke != "" {
		s.Stroke = rgb(c.Stroke)
	}
	if c.Width > 0 {
		s.Width = float32(c.Width)
	}
	if c.Dash != nil {
		s.Dash = nil
		for _, d := range c.Dash {
			s.Dash = append(s.Dash, float32(d))
		}
	}
	if c.Label != "" {
		s.Label = c.Label
	}
	if c.LabelColor != "" {
		s.LabelColor = rgb(c.LabelColor)
	}
	if c.LabelSize > 0 {
		s.LabelSize = float32(c.LabelSize)
	}
	if c.PointSize > 0 {
		s.PointSize = float32(c.PointSize)
	}
	if c.MinScale > 0 || c.MaxScale > 0 {
		s.MinScale, s.MaxScale = c.MinScale, c.MaxScale
	}
	return s
}

// mapLayer is one named WMS layer: a dataset layer drawn with a style.
type mapLayer struct {
	Name   string // KIEG name (qualified "dataset:name" when several datasets)
	Base   string // unqualified name
	Title  string
	Source string // store layer
	Layer  store.Layer
	LC     config.Layer
	DS     *server.Dataset
	// Queryable by GetFeatureInfo.
	Queryable bool
	Styles    []style // Styles[0] is the default
}

func (l *mapLayer) style(name string) (*style, bool) {
	if name == "" || strings.EqualFold(name, "default") {
		return &l.Styles[0], true
	}
	for i := range l.Styles {
		if l.Styles[i].Name == name {
			return &l.Styles[i], true
		}
	}
	return nil, false
}

// kiegOrder is the order of layers in capabilities (bottom to top drawing order
// of a group request).
var kiegOrder = []string{"jednostki", "obreby", "uzytki", "kontury", "dzialki", "budynki", "punkty", "numery_dzialek"}

// layerOrder puts the planning layers (filled zones) under the cadastral ones
// when a dataset holds both; roads, the staff layer of resident reports and
// the areas of current alerts (datasets of their own) on top.
var layerOrder = append(append([]string{"strefy", "mpzp", "plany"}, kiegOrder...), "drogi", "zgloszenia", "alerty")

var kiegTitles = map[string]string{
	"numery_dzialek": "Numery działek",
}

// catalogue lists the named layers of a state's datasets.
type catalogue struct {
	groups []group
	byName map[string]*mapLayer
}

type group struct {
	DS     *server.Dataset
	Layers []*mapLayer
}

func buildCatalogue(st *server.State) *catalogue {
	c := &catalogue{byName: map[string]*mapLayer{}}
	multi := len(st.Datasets()) > 1
	styles := st.Config.Styles
	for di, d := range st.Datasets() {
		g := group{DS: d}
		for _, name := range layerOrder {
			src := name
			if name == "numery_dzialek" {
				src = "dzialki"
			}
			sl, lc, ok := d.Layer(src)
			if !ok {
				continue
			}
			ml := &mapLayer{Name: name, Base: name, Title: sl.Title, Source: src, Layer: sl, LC: lc, DS: d, Queryable: name != "numery_dzialek"}
			if t, ok := kiegTitles[name]; ok {
				ml.Title = t
			}
			if multi {
				ml.Name = d.Name + ":" + name
			}
			base := builtinStyle(name)
			def := base
			if lc.Style != "" && name != "numery_dzialek" {
				for _, cs := range styles {
					if cs.Name == lc.Style {
						def = fromConfig(cs, base)
						def.Name, def.Title = "default", cs.Title
						if def.Title == "" {
							def.Title = cs.Name
						}
					}
				}
			}
			ml.Styles = []style{def}
			for _, cs := range styles {
				ml.Styles = append(ml.Styles, fromConfig(cs, base))
			}
			for i := range ml.Styles {
				ml.Styles[i].legendW, ml.Styles[i].legendH = legendSize(&ml.Styles[i], legendW, legendH)
			}
			g.Layers = append(g.Layers, ml)
			c.byName[ml.Name] = ml
			if multi && di == 0 {
				// The first dataset (the county) also answers to the plain KIEG names.
				c.byName[name] = ml
			}
		}
		c.groups = append(c.groups, g)
	}
	return c
}

// resolve finds the layers a LAYERS item names: a named layer, or a dataset
// group (all of its layers; group is true).
func (c *catalogue) resolve(name string) (ls []*mapLayer, group, ok bool) {
	if l, ok := c.byName[name]; ok {
		return []*mapLayer{l}, false, true
	}
	for _, g := range c.groups {
		if g.DS.Name == name {
			return g.Layers, true, true
		}
	}
	return nil, false, false
}

// canRead reports whether the request may read a layer; the *server.Error is
// 401 (no key) or 403, as WFS and OGC API answer for a collection.
func (req *request) canRead(l *mapLayer) *server.Error { return l.DS.CanRead(req.r, l.LC) }

// visibleGroups are the catalogue's groups as the request may see them: only
// the layers it may read (WFS and OGC API list only readable collections too),
// and no group left empty.
func (req *request) visibleGroups() []group {
	out := make([]group, 0, len(req.cat.groups))
	for _, g := range req.cat.groups {
		ng := group{DS: g.DS}
		for _, l := range g.Layers {
			if req.canRead(l) == nil {
				ng.Layers = append(ng.Layers, l)
			}
		}
		if len(ng.Layers) > 0 {
			out = append(out, ng)
		}
	}
	return out
}

func (l *mapLayer) String() string { return fmt.Sprintf("%s(%s)", l.Name, l.DS.Name) }
