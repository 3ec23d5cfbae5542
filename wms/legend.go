package wms

import (
	"fmt"
	"image/color"
	"net/http"
	"strconv"
	"strings"

	"github.com/sip-core/sip/server"
	"github.com/sip-core/sip/wms/render"
)

const legendW, legendH = 20, 20

// getLegendGraphic draws a layer's symbol: a swatch of its style (fill, stroke,
// dash, point or label sample), WIDTH×HEIGHT (default 20×20).
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
		width, _ = strconv.Atoi(ws)
	}
	if hs := param(req.q, "HEIGHT"); hs != "" {
		height, _ = strconv.Atoi(hs)
	}
	if e := req.st.CheckImageSize(width, height); e != nil {
		writeExc(w, req, e)
		return
	}
	req.transparent = req.format != "image/jpeg"
	bg := color.NRGBA{255, 255, 255, 255}
	if req.transparent {
		bg.A = 0
	}
	c := render.NewCanvas(width, height, bg)
	drawLegend(c, l, st)
	writeImage(w, req, c)
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
