package wms

import (
	"fmt"
	"image/color"
	"math"
	"net/http"
	"strconv"
	"strings"

	"github.com/sip-core/sip/server"
	"github.com/sip-core/sip/wms/render"
)

const legendW, legendH = 20, 20

// getLegendGraphic draws a layer's symbol: a swatch of its style (fill, stroke,
// dash, point or label sample), WIDTH×HEIGHT (default 20×20); for a thematic
// style (planning layers) one row per class, a WIDTH×HEIGHT swatch and the
// class's name, or with RULE=code the swatch of that class alone.
func (s *Service) getLegendGraphic(w http.ResponseWriter, req *request) {
	if req.version == "" {
		req.version = "1.3.0"
	}
	name := param(req.q, "LAYER")
	if name == "" {
		writeExc(w, req, &server.Error{Status: 400, Code: "MissingParameterValue", Locator: "LAYER", Detail: "LAYER is required"})
		return
	}
	l, ok := req.cat.byName[name]
	if !ok {
		writeExc(w, req, &server.Error{Status: 400, Code: "LayerNotDefined", Locator: "LAYER", Detail: fmt.Sprintf("layer %q is not defined", name)})
		return
	}
	if e := req.canRead(l); e != nil {
		writeExc(w, req, e)
		return
	}
	st, ok := l.style(param(req.q, "STYLE"))
	if !ok {
		writeExc(w, req, &server.Error{Status: 400, Code: "StyleNotDefined", Locator: "STYLE", Detail: fmt.Sprintf("style %q is not defined for layer %q", param(req.q, "STYLE"), name)})
		return
	}
	f := param(req.q, "FORMAT")
	if f == "" {
		f = "image/png"
	}
	ff, ok := formats[strings.ToLower(f)]
	if !ok {
		writeExc(w, req, &server.Error{Status: 400, Code: "InvalidFormat", Locator: "FORMAT", Detail: fmt.Sprintf("FORMAT %q is not supported", f)})
		return
	}
	req.format = ff
	width, height := legendW, legendH
	if ws := param(req.q, "WIDTH"); ws != "" {
		width, _ = strconv.Atoi(strings.TrimSpace(ws))
	}
	if hs := param(req.q, "HEIGHT"); hs != "" {
		height, _ = strconv.Atoi(strings.TrimSpace(hs))
	}
	if e := req.st.CheckImageSize(width, height); e != nil {
		writeExc(w, req, e)
		return
	}
	// A thematic style's legend is one entry per class: WIDTH and HEIGHT size
	// each entry's swatch (as GeoServer reads them), and RULE picks one class,
	// drawn as a single WIDTH×HEIGHT swatch.
	var one *themeClass
	sw, sh := width, height
	if th := st.Theme; th != nil {
		if rule := strings.TrimSpace(param(req.q, "RULE")); rule != "" {
			for i := range th.Classes {
				if cl := &th.Classes[i]; strings.EqualFold(cl.Code, rule) || strings.EqualFold(cl.Title(), rule) {
					one = cl
				}
			}
			if one == nil {
				writeExc(w, req, &server.Error{Status: 400, Code: "InvalidParameterValue", Locator: "RULE", Detail: fmt.Sprintf("style %q of layer %q has no rule %q", st.Name, name, rule)})
				return
			}
		} else {
			width, height = legendSize(st, sw, sh)
			if e := req.st.CheckImageSize(width, height); e != nil {
				writeExc(w, req, e)
				return
			}
		}
	}
	req.transparent = req.format != "image/jpeg"
	bg := color.NRGBA{255, 255, 255, 255}
	if req.transparent {
		bg.A = 0
	}
	release, e := server.Admit(req.r, render.MapBytes(width, height))
	if e != nil {
		writeExc(w, req, e)
		return
	}
	defer release()
	c := s.canvases.Canvas(width, height, bg)
	switch {
	case one != nil:
		drawSwatch(c, st, one, 0, 0, float32(width), float32(height))
	case st.Theme != nil:
		drawThemeLegend(c, st, sw, sh)
	default:
		drawLegend(c, l, st)
	}
	writeImage(w, req, c)
}

// Thematic legends: rows of a swatch and the class's title.
const (
	legendPad      = 2  // around the whole legend
	legendGap      = 6  // between a swatch and its text
	legendRowGap   = 4  // between rows
	legendTextSize = 11 // pixels
)

// legendSize is the size of a style's legend image for swatches of sw×sh
// pixels: the plain legend is the swatch itself.
func legendSize(st *style, sw, sh int) (int, int) {
	if st.Theme == nil {
		return sw, sh
	}
	var tw float32
	for i := range st.Theme.Classes {
		w, _, _ := render.TextSize(st.Theme.Classes[i].Title(), legendTextSize)
		tw = max(tw, w)
	}
	rows := len(st.Theme.Classes)
	w := 2*legendPad + sw + legendGap + int(math.Ceil(float64(tw))) + 2
	return w, 2*legendPad + rows*legendRowHeight(sh)
}

func legendRowHeight(sh int) int { return max(sh, legendTextSize+5) + legendRowGap }

// drawThemeLegend draws the rows of a thematic legend with sw×sh swatches
// into a canvas of legendSize(st, sw, sh).
func drawThemeLegend(c *render.Canvas, st *style, sw, sh int) {
	rh := legendRowHeight(sh)
	for i := range st.Theme.Classes {
		cl := &st.Theme.Classes[i]
		y0 := float32(legendPad + i*rh)
		inner := float32(rh - legendRowGap)
		drawSwatch(c, st, cl, legendPad, y0+(inner-float32(sh))/2, float32(sw), float32(sh))
		tw, _, _ := render.TextSize(cl.Title(), legendTextSize)
		x := float32(legendPad+sw+legendGap) + tw/2
		c.Label(cl.Title(), render.Pt{X: x, Y: y0 + inner/2}, legendTextSize, color.NRGBA{0, 0, 0, 255}, color.NRGBA{}, 0)
	}
}

// drawSwatch draws a class's symbol in the box at x, y of w×h pixels: its fill
// or hatching, then its outline (the style's, unless the class has its own).
func drawSwatch(c *render.Canvas, st *style, cl *themeClass, x, y, w, h float32) {
	m := min(w, h) * 0.1
	box := []render.Pt{{X: x + m, Y: y + m}, {X: x + w - m, Y: y + m}, {X: x + w - m, Y: y + h - m}, {X: x + m, Y: y + h - m}}
	switch {
	case cl.Hatch != nil:
		p := c.Pass()
		p.Ring(box, false)
		hatch := *cl.Hatch
		hatch.Spacing = min(hatch.Spacing, max(3, (h-2*m)/3))
		p.PaintHatch(cl.Stroke, hatch)
	case cl.Fill.A != 0:
		p := c.Pass()
		p.Ring(box, false)
		p.Paint(cl.Fill)
	}
	stroke, width, dash := st.Stroke, st.Width, st.Dash
	if cl.Stroke.A != 0 {
		stroke, width, dash = cl.Stroke, cl.Width, cl.Dash
	}
	if stroke.A != 0 && width > 0 {
		p := c.Pass()
		p.Line(box, true, width, dash)
		p.Paint(stroke)
	}
}

func drawLegend(c *render.Canvas, l *mapLayer, st *style) {
	W, H := float32(c.W), float32(c.H)
	m := min(W, H) * 0.15
	box := []render.Pt{{X: m, Y: m}, {X: W - m, Y: m}, {X: W - m, Y: H - m}, {X: m, Y: H - m}}
	switch {
	case st.LabelOnly:
		c.Label("12/3", render.Pt{X: W / 2, Y: H / 2}, min(st.LabelSize, H*0.7), st.LabelColor, color.NRGBA{255, 255, 255, 220}, 0)
	case l.Layer.Geometry == "POINT":
		p := c.Pass()
		p.Circle(render.Pt{X: W / 2, Y: H / 2}, min(st.PointSize, min(W, H))/2)
		col := st.Fill
		if col.A == 0 {
			col = st.Stroke
		}
		p.Paint(col)
	default:
		if st.Fill.A != 0 {
			p := c.Pass()
			p.Ring(box, false)
			p.Paint(st.Fill)
		}
		if st.Stroke.A != 0 && st.Width > 0 {
			p := c.Pass()
			p.Line(box, true, st.Width, st.Dash)
			p.Paint(st.Stroke)
		}
	}
}
