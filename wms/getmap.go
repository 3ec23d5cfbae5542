package wms

import (
	"context"
	"errors"
	"fmt"
	"image/color"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/geo"
	"github.com/sip-core/sip/server"
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/wms/render"
)

// mapView is the geometry of a map request: CRS, box in x=E/lon,y=N/lat order,
// image size, and the box in the storage CRS used to search the index.
type mapView struct {
	crs    *geo.CRS
	bbox   orb.Bound // in crs, x = E/lon
	w, h   int
	toMap  *geo.Transform // EPSG:2180 → crs (nil: identity)
	search orb.Bound      // EPSG:2180
	scale  float64        // scale denominator
	sx, sy float64
}

// px converts a storage point to pixel coordinates.
func (v *mapView) px(p orb.Point) render.Pt {
	x, y := p[0], p[1]
	if v.toMap != nil {
		x, y = v.toMap.Point(x, y)
	}
	return render.Pt{X: float32((x - v.bbox.Min[0]) * v.sx), Y: float32((v.bbox.Max[1] - y) * v.sy)}
}

// parseView reads CRS/SRS, BBOX, WIDTH and HEIGHT.
func parseView(req *request) (*mapView, *server.Error) {
	crsName := "CRS"
	if req.version == "1.1.1" {
		crsName = "SRS"
	}
	cs := param(req.q, crsName)
	if cs == "" {
		// Lenient: a 1.1.1 client sending CRS or a 1.3.0 one sending SRS.
		if req.version == "1.1.1" {
			cs = param(req.q, "CRS")
		} else {
			cs = param(req.q, "SRS")
		}
	}
	if cs == "" {
		return nil, &server.Error{Status: 400, Code: "MissingParameterValue", Locator: crsName, Detail: crsName + " is required"}
	}
	c, axis, ok := parseCRS(cs, req.version)
	if !ok {
		code := "InvalidCRS"
		if req.version == "1.1.1" {
			code = "InvalidSRS"
		}
		return nil, &server.Error{Status: 400, Code: code, Locator: crsName, Detail: fmt.Sprintf("%s %q is not supported (%s)", crsName, cs, strings.Join(supportedCRS, ", "))}
	}
	bs := param(req.q, "BBOX")
	parts := strings.Split(bs, ",")
	if len(parts) != 4 {
		return nil, &server.Error{Status: 400, Code: "InvalidParameterValue", Locator: "BBOX", Detail: "BBOX must be four numbers minx,miny,maxx,maxy"}
	}
	var f [4]float64
	for i, p := range parts {
		v, ok := parseFloat(p)
		if !ok {
			return nil, &server.Error{Status: 400, Code: "InvalidParameterValue", Locator: "BBOX", Detail: fmt.Sprintf("BBOX value %q is not a finite number", p)}
		}
		f[i] = v
	}
	if f[0] >= f[2] || f[1] >= f[3] {
		return nil, &server.Error{Status: 400, Code: "InvalidParameterValue", Locator: "BBOX", Detail: "BBOX minimum must be smaller than its maximum on both axes"}
	}
	if axis == geo.NorthEast {
		f[0], f[1], f[2], f[3] = f[1], f[0], f[3], f[2]
	}
	w, werr := strconv.Atoi(strings.TrimSpace(param(req.q, "WIDTH")))
	h, herr := strconv.Atoi(strings.TrimSpace(param(req.q, "HEIGHT")))
	if werr != nil || herr != nil {
		return nil, &server.Error{Status: 400, Code: "InvalidParameterValue", Locator: "WIDTH", Detail: "WIDTH and HEIGHT must be positive integers"}
	}
	if e := req.st.CheckImageSize(w, h); e != nil {
		e.Locator = "WIDTH"
		return nil, e
	}
	return newView(c, orb.Bound{Min: orb.Point{f[0], f[1]}, Max: orb.Point{f[2], f[3]}}, w, h)
}

// newView is the view of a w×h map of bbox (x = E/lon) in CRS c.
func newView(c *geo.CRS, bbox orb.Bound, w, h int) (*mapView, *server.Error) {
	v := &mapView{crs: c, w: w, h: h, bbox: bbox}
	v.sx = float64(w) / (bbox.Max[0] - bbox.Min[0])
	v.sy = float64(h) / (bbox.Max[1] - bbox.Min[1])
	if math.IsInf(v.sx, 0) || math.IsInf(v.sy, 0) || v.sx == 0 || v.sy == 0 {
		return nil, &server.Error{Status: 400, Code: "InvalidParameterValue", Locator: "BBOX", Detail: "BBOX is degenerate"}
	}
	if c != geo.CRS2180 {
		t, err := geo.NewTransform(geo.CRS2180, c)
		if err != nil {
			return nil, &server.Error{Status: 400, Code: "InvalidCRS", Locator: "CRS", Detail: err.Error()}
		}
		v.toMap = t
		// Only the part of the box inside the CRS's area of use can hold data.
		b := v.bbox
		if cb := c.Bounds(); !cb.IsEmpty() {
			if !b.Intersects(cb) {
				v.search = orb.Bound{Min: orb.Point{1, 1}, Max: orb.Point{0, 0}} // nothing
				v.scale = 0
				return v, nil
			}
			b = intersect(b, cb)
		}
		v.search = t.Inverse().Bound(b)
	} else {
		v.search = v.bbox
	}
	// Scale denominator (OGC: 0.28 mm pixels), measured in the storage CRS.
	sw := v.search.Max[0] - v.search.Min[0]
	if c != geo.CRS2180 {
		// The share of the box inside the area of use covers that share of pixels.
		cb := v.bbox
		if ib := c.Bounds(); !ib.IsEmpty() {
			cb = intersect(cb, ib)
		}
		frac := (cb.Max[0] - cb.Min[0]) / (v.bbox.Max[0] - v.bbox.Min[0])
		if frac > 0 {
			sw /= frac
		}
	}
	v.scale = sw / (float64(w) * 0.00028)
	if math.IsNaN(v.scale) || math.IsInf(v.scale, 0) {
		v.scale = 0
	}
	return v, nil
}

func emptyBound(b orb.Bound) bool { return b.Min[0] > b.Max[0] || b.Min[1] > b.Max[1] }

// parseImageParams reads FORMAT, TRANSPARENT, BGCOLOR and EXCEPTIONS so that
// later errors can be drawn in the image when asked to.
func parseImageParams(req *request) *server.Error {
	switch e := strings.ToLower(param(req.q, "EXCEPTIONS")); e {
	case "", "xml", "application/vnd.ogc.se_xml", "text/xml":
	case "inimage", "application/vnd.ogc.se_inimage":
		req.exc = "inimage"
	case "blank", "application/vnd.ogc.se_blank":
		req.exc = "blank"
	default:
		return &server.Error{Status: 400, Code: "InvalidParameterValue", Locator: "EXCEPTIONS", Detail: fmt.Sprintf("EXCEPTIONS %q is not supported (XML, INIMAGE, BLANK)", e)}
	}
	req.bg = color.NRGBA{255, 255, 255, 255}
	if b := param(req.q, "BGCOLOR"); b != "" {
		c, ok := parseColor(b)
		if !ok || !strings.HasPrefix(strings.ToLower(b), "0x") || len(b) != 8 {
			return &server.Error{Status: 400, Code: "InvalidParameterValue", Locator: "BGCOLOR", Detail: "BGCOLOR must be 0xRRGGBB"}
		}
		req.bg = c
	}
	switch t := strings.ToUpper(param(req.q, "TRANSPARENT")); t {
	case "", "FALSE":
	case "TRUE":
		req.transparent = true
	default:
		return &server.Error{Status: 400, Code: "InvalidParameterValue", Locator: "TRANSPARENT", Detail: "TRANSPARENT must be TRUE or FALSE"}
	}
	fs := param(req.q, "FORMAT")
	f, ok := formats[strings.ToLower(strings.TrimSpace(fs))]
	if !ok {
		if fs == "" {
			return &server.Error{Status: 400, Code: "MissingParameterValue", Locator: "FORMAT", Detail: "FORMAT is required (" + strings.Join(formatList, ", ") + ")"}
		}
		return &server.Error{Status: 400, Code: "InvalidFormat", Locator: "FORMAT", Detail: fmt.Sprintf("FORMAT %q is not supported (%s)", fs, strings.Join(formatList, ", "))}
	}
	req.format = f
	// Sizes for an exception image, if they are sane.
	w, _ := strconv.Atoi(param(req.q, "WIDTH"))
	h, _ := strconv.Atoi(param(req.q, "HEIGHT"))
	if req.st.CheckImageSize(w, h) == nil {
		req.width, req.height = w, h
	}
	return nil
}

// layerRef is a layer of a request with its style.
type layerRef struct {
	l  *mapLayer
	st *style
}

// parseLayers reads LAYERS and STYLES (LayerNotDefined, StyleNotDefined).
func parseLayers(req *request, name string) ([]layerRef, *server.Error) {
	ls := param(req.q, name)
	if strings.TrimSpace(ls) == "" {
		return nil, &server.Error{Status: 400, Code: "MissingParameterValue", Locator: name, Detail: name + " is required"}
	}
	names := strings.Split(ls, ",")
	if len(names) > 64 {
		return nil, &server.Error{Status: 400, Code: "InvalidParameterValue", Locator: name, Detail: "at most 64 layers per request"}
	}
	var styles []string
	if name == "LAYERS" {
		if s := param(req.q, "STYLES"); strings.Trim(s, ", ") != "" {
			styles = strings.Split(s, ",")
			if len(styles) != len(names) {
				return nil, &server.Error{Status: 400, Code: "StyleNotDefined", Locator: "STYLES", Detail: fmt.Sprintf("STYLES lists %d styles for %d layers", len(styles), len(names))}
			}
		}
	}
	var out []layerRef
	for i, n := range names {
		n = strings.TrimSpace(n)
		ls, group, ok := req.cat.resolve(n)
		if !ok {
			return nil, &server.Error{Status: 400, Code: "LayerNotDefined", Locator: name, Detail: fmt.Sprintf("layer %q is not defined", n)}
		}
		if group {
			// A dataset group draws the layers the request may read, as the
			// capabilities list it.
			all := ls
			ls = nil
			for _, l := range all {
				if req.canRead(l) == nil {
					ls = append(ls, l)
				}
			}
			if len(ls) == 0 && len(all) > 0 {
				return nil, req.canRead(all[0])
			}
		}
		sn := ""
		if styles != nil {
			sn = strings.TrimSpace(styles[i])
		}
		for _, l := range ls {
			st, ok := l.style(sn)
			if !ok {
				if len(ls) > 1 {
					st = &l.Styles[0] // a group: the named style applies where it exists
				} else {
					return nil, &server.Error{Status: 400, Code: "StyleNotDefined", Locator: "STYLES", Detail: fmt.Sprintf("style %q is not defined for layer %q", sn, n)}
				}
			}
			if e := req.canRead(l); e != nil {
				return nil, e
			}
			out = append(out, layerRef{l, st})
		}
	}
	return out, nil
}

func (s *Service) getMap(w http.ResponseWriter, req *request) {
	if e := parseImageParams(req); e != nil {
		writeExc(w, req, e)
		return
	}
	refs, e := parseLayers(req, "LAYERS")
	if e != nil {
		writeExc(w, req, e)
		return
	}
	v, e := parseView(req)
	if e != nil {
		writeExc(w, req, e)
		return
	}
	if len(refs) == 1 {
		server.SetLayer(req.r, refs[0].l.Base)
	}
	// The map depends on the query, the revisions of the datasets drawn and
	// what the caller may read of them (labels of non-public columns): a
	// client revalidating an unchanged map gets 304 without rendering, never
	// one drawn for other rights.
	tag := []byte(req.r.URL.RawQuery)
	seen := map[*server.Dataset]bool{}
	for _, ref := range refs {
		if !seen[ref.l.DS] {
			seen[ref.l.DS] = true
			tag = fmt.Appendf(tag, "\x00%s@%d:%s", ref.l.DS.Name, ref.l.DS.Revision(), ref.l.DS.Access(req.r))
		}
	}
	if server.NotModified(w, req.r, server.ContentETag(tag)) {
		return
	}
	bg := req.bg
	if req.transparent && req.format != "image/jpeg" {
		bg.A = 0
	}
	// The canvas and the encoded image take memory in proportion to the
	// map: admission control holds the renders that do not fit the budget.
	release, e := server.Admit(req.r, render.MapBytes(v.w, v.h))
	if e != nil {
		writeExc(w, req, e)
		return
	}
	defer release()
	ctx := req.r.Context()
	c := s.canvases.Canvas(v.w, v.h, bg)
	err := s.draw(ctx, req, c, v, refs)
	if err == nil {
		err = ctx.Err() // the deadline may have passed in the last layer
	}
	if err != nil {
		c.Release()
		if ctx.Err() != nil {
			writeExc(w, req, &server.Error{Status: 503, Code: "NoApplicableCode", RetryAfter: 5 * time.Second,
				Detail: "the map took longer to draw than the server's limit (limits.request_timeout)"})
			return
		}
		server.Logger(ctx).Error("wms: rendering failed", "err", err)
		if errors.Is(err, store.ErrUnavailable) {
			// The database went away before the server's poll marked the
			// store down: 503 with Retry-After, as every request gets after.
			writeExc(w, req, server.AsError(err))
			return
		}
		writeExc(w, req, &server.Error{Status: 500, Code: "NoApplicableCode", Detail: "rendering failed; see the server log"})
		return
	}
	body, ct, err := encodeImage(req, c)
	release() // the canvas is back; what is left is the encoded image
	if err != nil {
		server.WriteErr(w, req.r, err)
		return
	}
	sendImage(w, req, body, ct)
}

// stopper tells the drawing loops when the request's deadline has passed. It
// looks at the context once every stopEvery features (a context's Err takes a
// lock): a few milliseconds of drawing at most, so that a timed-out render
// stops and gives its memory back promptly.
type stopper struct {
	ctx context.Context
	n   int
	err error
}

const stopEvery = 8

func (s *stopper) stop() bool {
	if s.err != nil {
		return true
	}
	if s.n++; s.n%stopEvery != 0 {
		return false
	}
	s.err = s.ctx.Err()
	return s.err != nil
}

// now looks at the context at once (between passes: a pass over a large
// canvas costs as much as many features).
func (s *stopper) now() bool {
	if s.err == nil {
		s.err = s.ctx.Err()
	}
	return s.err != nil
}

// draw renders the layers in order: polygons and lines first, labels of all the
// layers last so that they stay on top and avoid each other.
func (s *Service) draw(ctx context.Context, req *request, c *render.Canvas, v *mapView, refs []layerRef) error {
	type labelJob struct {
		st    *style
		objs  []*feat
		point bool
	}
	var labels []labelJob
	if emptyBound(v.search) {
		return nil
	}
	stop := &stopper{ctx: ctx}
	// Margin for strokes, symbols and labels crossing the edge, in metres.
	mpp := (v.search.Max[0] - v.search.Min[0]) / float64(v.w)
	for _, ref := range refs {
		st := ref.st
		if !st.visible(v.scale) {
			continue
		}
		margin := mpp * float64(max(st.Width, st.PointSize)+2)
		sb := v.search.Pad(margin)
		ids, err := ref.l.DS.Index.SearchIDs(ctx, ref.l.Source, sb, nil)
		if err != nil {
			return err
		}
		if len(ids) == 0 {
			continue
		}
		if stop.now() {
			return stop.err
		}
		objs, err := req.feats(ref.l.DS).get(ctx, ref.l.Source, ids)
		if err != nil {
			return err
		}
		point := ref.l.Layer.Geometry == store.Point
		switch {
		case st.LabelOnly:
		case st.Theme != nil && !point:
			drawThematic(c, v, st, objs, !themeAllowed(req, ref.l, st.Theme), stop)
		default:
			drawFeatures(c, v, st, objs, point, stop)
		}
		if stop.now() {
			return stop.err
		}
		if st.Label != "" && (st.LabelMaxScale == 0 || v.scale < st.LabelMaxScale) && labelAllowed(req, ref.l, st.Label) {
			labels = append(labels, labelJob{st, objs, point})
		}
	}
	halo := color.NRGBA{255, 255, 255, 220}
	for _, j := range labels {
		for _, o := range j.objs {
			if stop.stop() {
				return stop.err
			}
			if o == nil {
				continue
			}
			text := store.FormatValue("", o.Attrs[j.st.Label])
			if text == "" {
				continue
			}
			at, width, ok := labelPoint(v, o.Geometry)
			if !ok {
				continue
			}
			maxW := float32(0)
			if !j.point && (j.st.LabelOnly || j.st.LabelFit) {
				maxW = width // parcel numbers (and zone symbols) must fit their polygon
			}
			c.Label(text, at, j.st.LabelSize, j.st.LabelColor, halo, maxW)
		}
	}
	return nil
}

// drawFeatures draws one layer's features: a fill pass, then a stroke pass.
// It stops early when stop says so.
func drawFeatures(c *render.Canvas, v *mapView, st *style, objs []*feat, point bool, stop *stopper) {
	if point {
		if st.Fill.A == 0 && st.Stroke.A == 0 {
			return
		}
		p := c.Pass()
		for _, o := range objs {
			if stop.stop() {
				break
			}
			if o == nil {
				continue
			}
			forPoints(o.Geometry, func(q orb.Point) { p.Circle(v.px(q), st.PointSize/2) })
		}
		col := st.Fill
		if col.A == 0 {
			col = st.Stroke
		}
		p.Paint(col)
		return
	}
	rg := ringer{v: v, buf: make([]render.Pt, 0, 256), stop: stop}
	if st.Fill.A != 0 {
		p := c.Pass()
		rg.fill(p, objs)
		p.Paint(st.Fill)
	}
	if st.Stroke.A != 0 && st.Width > 0 && !stop.now() {
		p := c.Pass()
		rg.stroke(p, objs, st.Width, st.Dash)
		p.Paint(st.Stroke)
	}
}

// ringer converts rings to pixels into one reused buffer.
type ringer struct {
	v    *mapView
	buf  []render.Pt
	stop *stopper
}

func (rg *ringer) ring(r orb.Ring) []render.Pt {
	buf := rg.buf[:0]
	for i, q := range r {
		pt := rg.v.px(q)
		// Drop vertices closer than a third of a pixel to the previous one.
		if i > 0 && i < len(r)-1 && len(buf) > 0 {
			l := buf[len(buf)-1]
			if dx, dy := pt.X-l.X, pt.Y-l.Y; dx*dx+dy*dy < 0.11 {
				continue
			}
		}
		buf = append(buf, pt)
	}
	rg.buf = buf
	return buf
}

// fill adds the polygons of objs to a pass.
func (rg *ringer) fill(p *render.Pass, objs []*feat) {
	for _, o := range objs {
		if rg.stop.stop() {
			return
		}
		if o == nil {
			continue
		}
		forPolygons(o.Geometry, func(poly orb.Polygon) {
			for i, r := range poly {
				p.Ring(rg.ring(r), i > 0)
			}
		})
	}
}

// stroke adds the outlines of objs' polygons and their lines to a pass.
func (rg *ringer) stroke(p *render.Pass, objs []*feat, width float32, dash []float32) {
	for _, o := range objs {
		if rg.stop.stop() {
			return
		}
		if o == nil {
			continue
		}
		forPolygons(o.Geometry, func(poly orb.Polygon) {
			for _, r := range poly {
				p.Line(rg.ring(r), true, width, dash)
			}
		})
		forLines(o.Geometry, func(l orb.LineString) {
			p.Line(rg.ring(orb.Ring(l)), false, width, dash)
		})
	}
}

// byClass recycles the per-layer buffers that order features by class.
var byClass = sync.Pool{New: func() any { return new([]*feat) }}

// drawThematic draws a layer whose features take their colours from their
// class (feat.Class): the features are bucketed by class (a counting sort into
// one pooled slice, no per-feature allocation), then each class present is
// one fill or hatch pass, and the outlines are one pass for all the classes
// that use the style's stroke plus one per class with its own. plain draws
// every feature in the fallback class (the request may not see the columns
// the classes come from).
func drawThematic(c *render.Canvas, v *mapView, st *style, objs []*feat, plain bool, stop *stopper) {
	th := st.Theme
	n := len(th.Classes)
	classOf := func(o *feat) int {
		if plain || int(o.Class) >= n {
			return th.Fallback
		}
		return int(o.Class)
	}
	var start [maxClasses + 1]int
	total := 0
	for _, o := range objs {
		if o != nil {
			start[classOf(o)+1]++
			total++
		}
	}
	if total == 0 {
		return
	}
	for k := 1; k <= n; k++ {
		start[k] += start[k-1]
	}
	bp := byClass.Get().(*[]*feat)
	order := slices.Grow((*bp)[:0], total)[:total]
	next := start
	for _, o := range objs {
		if o != nil {
			k := classOf(o)
			order[next[k]] = o
			next[k]++
		}
	}
	rg := ringer{v: v, buf: make([]render.Pt, 0, 256), stop: stop}
	for k := range n {
		group := order[start[k]:start[k+1]]
		if len(group) == 0 || stop.now() {
			continue
		}
		cl := &th.Classes[k]
		switch {
		case cl.Hatch != nil:
			p := c.Pass()
			rg.fill(p, group)
			p.PaintHatch(cl.Stroke, *cl.Hatch)
		case cl.Fill.A != 0:
			p := c.Pass()
			rg.fill(p, group)
			p.Paint(cl.Fill)
		}
	}
	// Outlines after all the fills, so that a neighbour's fill never covers them.
	if st.Stroke.A != 0 && st.Width > 0 && !stop.now() {
		p := c.Pass()
		for k := range n {
			if th.Classes[k].Stroke.A == 0 {
				rg.stroke(p, order[start[k]:start[k+1]], st.Width, st.Dash)
			}
		}
		p.Paint(st.Stroke)
	}
	for k := range n {
		cl := &th.Classes[k]
		if group := order[start[k]:start[k+1]]; len(group) > 0 && cl.Stroke.A != 0 && cl.Width > 0 && !stop.now() {
			p := c.Pass()
			rg.stroke(p, group, cl.Width, cl.Dash)
			p.Paint(cl.Stroke)
		}
	}
	clear(order)
	*bp = order[:0]
	byClass.Put(bp)
}

// themeAllowed reports whether the request may see every column a theme
// classifies by.
func themeAllowed(req *request, l *mapLayer, th *theme) bool {
	for _, c := range th.Columns {
		if _, ok := l.Layer.Column(c); ok && !labelAllowed(req, l, c) {
			return false
		}
	}
	return true
}

func forPolygons(g orb.Geometry, fn func(orb.Polygon)) {
	switch g := g.(type) {
	case orb.Polygon:
		fn(g)
	case orb.MultiPolygon:
		for _, p := range g {
			fn(p)
		}
	case orb.Collection:
		for _, x := range g {
			forPolygons(x, fn)
		}
	}
}

func forLines(g orb.Geometry, fn func(orb.LineString)) {
	switch g := g.(type) {
	case orb.LineString:
		fn(g)
	case orb.MultiLineString:
		for _, l := range g {
			fn(l)
		}
	case orb.Collection:
		for _, x := range g {
			forLines(x, fn)
		}
	}
}

func forPoints(g orb.Geometry, fn func(orb.Point)) {
	switch g := g.(type) {
	case orb.Point:
		fn(g)
	case orb.MultiPoint:
		for _, p := range g {
			fn(p)
		}
	case orb.Collection:
		for _, x := range g {
			forPoints(x, fn)
		}
	}
}

// labelPoint finds where to put a feature's label, in pixels, and the width of
// the feature's interior along the label's row: the middle of the widest span of
// the largest polygon on the horizontal line through its centre.
func labelPoint(v *mapView, g orb.Geometry) (render.Pt, float32, bool) {
	switch g := g.(type) {
	case orb.Point:
		p := v.px(g)
		return render.Pt{X: p.X, Y: p.Y - 8}, 0, true
	case orb.MultiPoint:
		if len(g) > 0 {
			return labelPoint(v, g[0])
		}
		return render.Pt{}, 0, false
	}
	var best orb.Polygon
	bestA := -1.0
	forPolygons(g, func(p orb.Polygon) {
		if len(p) == 0 {
			return
		}
		b := p[0].Bound()
		if a := (b.Max[0] - b.Min[0]) * (b.Max[1] - b.Min[1]); a > bestA {
			best, bestA = p, a
		}
	})
	if best == nil {
		return render.Pt{}, 0, false
	}
	// Work in pixels.
	rings := make([][]render.Pt, len(best))
	minY, maxY := float32(math.Inf(1)), float32(math.Inf(-1))
	for i, r := range best {
		rings[i] = make([]render.Pt, len(r))
		for j, q := range r {
			p := v.px(q)
			rings[i][j] = p
			if i == 0 {
				minY, maxY = min(minY, p.Y), max(maxY, p.Y)
			}
		}
	}
	y := (minY + maxY) / 2
	var xs []float32
	for _, r := range rings {
		for j := range r {
			a, b := r[j], r[(j+1)%len(r)]
			if (a.Y <= y) != (b.Y <= y) {
				xs = append(xs, a.X+(y-a.Y)/(b.Y-a.Y)*(b.X-a.X))
			}
		}
	}
	if len(xs) < 2 {
		return render.Pt{}, 0, false
	}
	sortFloat32(xs)
	var bx, bw float32 = 0, -1
	for i := 0; i+1 < len(xs); i += 2 {
		if w := xs[i+1] - xs[i]; w > bw {
			bx, bw = (xs[i]+xs[i+1])/2, w
		}
	}
	return render.Pt{X: bx, Y: y}, bw, bw > 0
}

func sortFloat32(a []float32) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

func intersect(a, b orb.Bound) orb.Bound {
	return orb.Bound{Min: orb.Point{max(a.Min[0], b.Min[0]), max(a.Min[1], b.Min[1])}, Max: orb.Point{min(a.Max[0], b.Max[0]), min(a.Max[1], b.Max[1])}}
}

// labelAllowed reports whether a label attribute is a column the request may
// see (a style cannot publish what the layer's configuration withholds).
func labelAllowed(req *request, l *mapLayer, col string) bool {
	for _, c := range l.DS.PublicColumns(req.r, l.Layer, l.LC) {
		if c.Name == col {
			return true
		}
	}
	return false
}
