package egib

import (
	"encoding/xml"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/wkb"
	"github.com/sip-core/sip/geo"
	"github.com/sip-core/sip/internal/gmlcoord"
	"github.com/sip-core/sip/internal/xmlscan"
	geos "github.com/twpayne/go-geos"
)

// geomCtx carries what a GML geometry inherits from its ancestors.
type geomCtx struct {
	srs     string // first srsName met inside the geometry
	srsLine int
	dim     int // srsDimension in force (0: not given)
}

// readGeometryProperty reads a geometry property (egb:geometria) whose start tag
// was just read. It returns the geometry in source coordinates, in the order they
// are written, and the srsName given inside it (if any).
func (r *Reader) readGeometryProperty(se xml.StartElement, inherited string) (orb.Geometry, string, error) {
	if isNilElement(se) {
		return nil, "", r.skip()
	}
	level := r.depth
	var g orb.Geometry
	ctx := &geomCtx{}
	for r.depth >= level {
		t, err := r.tok()
		if err != nil {
			return nil, "", err
		}
		c, ok := t.(xml.StartElement)
		if !ok {
			continue
		}
		if g != nil {
			return nil, "", r.problemf("geometria holds more than one geometry")
		}
		g, err = r.readGeometry(c, ctx, 0)
		if err != nil {
			return nil, "", err
		}
	}
	r.lastSRSLine = ctx.srsLine
	return g, ctx.srs, nil
}

func (r *Reader) geomAttrs(se xml.StartElement, ctx *geomCtx, dim int) (int, error) {
	if s := attr(se, "srsName"); s != "" {
		if ctx.srs == "" {
			ctx.srs, ctx.srsLine = s, r.line
		} else if s != ctx.srs {
			return 0, r.problemf("mixed srsName in one geometry: %s and %s", xmlscan.Quote(ctx.srs), xmlscan.Quote(s))
		}
	}
	if s := attr(se, "srsDimension"); s != "" {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || (n != 2 && n != 3) {
			return 0, r.problemf("unsupported srsDimension %s (2 or 3)", xmlscan.Quote(s))
		}
		dim = n
	}
	return dim, nil
}

// readGeometry reads one GML geometry element (start tag just read).
func (r *Reader) readGeometry(se xml.StartElement, ctx *geomCtx, dim int) (orb.Geometry, error) {
	dim, err := r.geomAttrs(se, ctx, dim)
	if err != nil {
		return nil, err
	}
	switch se.Name.Local {
	case "Point":
		return r.readPoint(ctx, dim)
	case "Polygon", "PolygonPatch":
		return r.readPolygon(ctx, dim)
	case "Surface", "MultiSurface", "MultiPolygon", "CompositeSurface":
		var mp orb.MultiPolygon
		if err := r.readSurfaces(ctx, dim, &mp); err != nil {
			return nil, err
		}
		return mp, nil
	}
	return nil, r.problemf("unsupported geometry gml:%s", se.Name.Local)
}

// readSurfaces collects the polygons of a Surface/MultiSurface/CompositeSurface.
func (r *Reader) readSurfaces(ctx *geomCtx, dim int, mp *orb.MultiPolygon) error {
	level := r.depth
	for r.depth >= level {
		t, err := r.tok()
		if err != nil {
			return err
		}
		c, ok := t.(xml.StartElement)
		if !ok {
			continue
		}
		switch c.Name.Local {
		case "patches", "surfaceMember", "surfaceMembers", "polygonMember", "polygonMembers":
			if isNilElement(c) {
				if err := r.skip(); err != nil {
					return err
				}
			}
			// descend
		case "Polygon", "PolygonPatch":
			d, err := r.geomAttrs(c, ctx, dim)
			if err != nil {
				return err
			}
			p, err := r.readPolygon(ctx, d)
			if err != nil {
				return err
			}
			*mp = append(*mp, p)
		case "Surface", "MultiSurface", "CompositeSurface":
			d, err := r.geomAttrs(c, ctx, dim)
			if err != nil {
				return err
			}
			if err := r.readSurfaces(ctx, d, mp); err != nil {
				return err
			}
		default:
			return r.problemf("unsupported surface member gml:%s", c.Name.Local)
		}
	}
	return nil
}

func (r *Reader) readPolygon(ctx *geomCtx, dim int) (orb.Polygon, error) {
	level := r.depth
	var p orb.Polygon
	for r.depth >= level {
		t, err := r.tok()
		if err != nil {
			return nil, err
		}
		c, ok := t.(xml.StartElement)
		if !ok {
			continue
		}
		switch c.Name.Local {
		case "exterior", "outerBoundaryIs", "interior", "innerBoundaryIs":
			outer := c.Name.Local == "exterior" || c.Name.Local == "outerBoundaryIs"
			if outer && len(p) > 0 {
				return nil, r.problemf("polygon has more than one exterior ring")
			}
			if !outer && len(p) == 0 {
				return nil, r.problemf("interior ring before the exterior ring")
			}
			ring, err := r.readBoundary(ctx, dim)
			if err != nil {
				return nil, err
			}
			if ring != nil {
				p = append(p, ring)
			}
		default:
			return nil, r.problemf("unexpected gml:%s in a polygon", c.Name.Local)
		}
	}
	if len(p) == 0 {
		return nil, r.problemf("empty geometry: gml:Polygon without an exterior ring")
	}
	return p, nil
}

// readBoundary reads exterior/interior: one LinearRing.
func (r *Reader) readBoundary(ctx *geomCtx, dim int) (orb.Ring, error) {
	level := r.depth
	var ring orb.Ring
	seen := false
	for r.depth >= level {
		t, err := r.tok()
		if err != nil {
			return nil, err
		}
		c, ok := t.(xml.StartElement)
		if !ok {
			continue
		}
		if c.Name.Local != "LinearRing" {
			return nil, r.problemf("unsupported ring gml:%s (only LinearRing)", c.Name.Local)
		}
		if seen {
			return nil, r.problemf("boundary holds more than one ring")
		}
		seen = true
		line := r.line
		d, err := r.geomAttrs(c, ctx, dim)
		if err != nil {
			return nil, err
		}
		pts, err := r.readCoordinates(ctx, d, false)
		if err != nil {
			return nil, err
		}
		if err := checkRing(pts); err != nil {
			return nil, &problem{line: line, msg: err.Error()}
		}
		ring = orb.Ring(pts)
	}
	if !seen {
		return nil, r.problemf("empty polygon boundary")
	}
	return ring, nil
}

func checkRing(pts []orb.Point) error {
	if len(pts) == 0 {
		return fmt.Errorf("empty ring")
	}
	if len(pts) < 4 {
		return fmt.Errorf("too few points in ring: %d (at least 4)", len(pts))
	}
	if pts[0] != pts[len(pts)-1] {
		return fmt.Errorf("ring not closed: first point %v, last point %v", fmtPt(pts[0]), fmtPt(pts[len(pts)-1]))
	}
	return nil
}

func fmtPt(p orb.Point) string {
	return strconv.FormatFloat(p[0], 'f', -1, 64) + " " + strconv.FormatFloat(p[1], 'f', -1, 64)
}

func (r *Reader) readPoint(ctx *geomCtx, dim int) (orb.Geometry, error) {
	pts, err := r.readCoordinates(ctx, dim, true)
	if err != nil {
		return nil, err
	}
	if len(pts) == 0 {
		return nil, nil
	}
	if len(pts) != 1 {
		return nil, r.problemf("gml:Point with %d positions", len(pts))
	}
	return pts[0], nil
}

// readCoordinates reads the position children (posList, pos, coordinates) of the
// element whose start tag was just read.
func (r *Reader) readCoordinates(ctx *geomCtx, dim int, point bool) ([]orb.Point, error) {
	level := r.depth
	var pts []orb.Point
	kind := ""
	for r.depth >= level {
		t, err := r.tok()
		if err != nil {
			return nil, err
		}
		c, ok := t.(xml.StartElement)
		if !ok {
			continue
		}
		name := c.Name.Local
		switch name {
		case "posList", "pos", "coordinates":
		default:
			return nil, r.problemf("unsupported gml:%s in coordinates", name)
		}
		if kind != "" && (kind != "pos" || name != "pos") {
			return nil, r.problemf("gml:%s after gml:%s", name, kind)
		}
		kind = name
		line := r.line
		d, err := r.geomAttrs(c, ctx, dim)
		if err != nil {
			return nil, err
		}
		cs, ts, dec := attr(c, "cs"), attr(c, "ts"), attr(c, "decimal")
		s, _, err := r.readText(c)
		if err != nil {
			return nil, err
		}
		var perr error
		switch name {
		case "posList":
			if d == 0 {
				d = 2
			}
			pts, perr = gmlcoord.PosList(s, d, pts)
		case "pos":
			pts, perr = gmlcoord.Pos(s, d, pts)
		case "coordinates":
			pts, perr = gmlcoord.Coordinates(s, cs, ts, dec, pts)
		}
		if perr != nil {
			return nil, &problem{line: line, msg: "gml:" + name + ": " + perr.Error()}
		}
	}
	return pts, nil
}

// truncate cuts s to at most n bytes (on a character boundary) for a message.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// checkAndProject checks the geometry against the layer, validates its topology and
// projects it to EPSG:2180.
func (r *Reader) checkAndProject(st *objectState) (orb.Geometry, error) {
	line := st.geomLine
	var g orb.Geometry
	switch v := st.geom.(type) {
	case orb.Point:
		if st.obj.Layer != "punkty" {
			return nil, &problem{line: line, msg: "a point geometry where a surface is expected"}
		}
		g = v
	case orb.Polygon:
		g = orb.MultiPolygon{v}
	case orb.MultiPolygon:
		if len(v) == 0 {
			return nil, &problem{line: line, msg: "empty geometry"}
		}
		g = v
	default:
		return nil, &problem{line: line, msg: "empty geometry"}
	}
	if st.obj.Layer == "punkty" {
		if _, ok := g.(orb.Point); !ok {
			return nil, &problem{line: line, msg: "a surface where a gml:Point is expected"}
		}
	} else if r.Validate {
		if reason, ok := r.validTopology(g); !ok {
			return nil, &problem{line: line, msg: "invalid geometry: " + reason}
		}
	}
	if st.srs == "" {
		return nil, &problem{line: line, msg: "geometry without srsName"}
	}
	proj, err := r.projector(st.srs)
	if err != nil {
		if st.srsLine > 0 {
			line = st.srsLine
		}
		return nil, &problem{line: line, msg: err.Error()}
	}
	out, err := proj(g)
	if err != nil {
		return nil, &problem{line: line, msg: "transform from " + st.srs + ": " + err.Error()}
	}
	if !finite(out) {
		return nil, &problem{line: line, msg: "coordinates outside the domain of " + st.srs}
	}
	return out, nil
}

func finite(g orb.Geometry) bool {
	ok := true
	check := func(p orb.Point) {
		if math.IsNaN(p[0]) || math.IsNaN(p[1]) || math.IsInf(p[0], 0) || math.IsInf(p[1], 0) {
			ok = false
		}
	}
	switch v := g.(type) {
	case orb.Point:
		check(v)
	case orb.MultiPolygon:
		for _, p := range v {
			for _, rg := range p {
				for _, pt := range rg {
					check(pt)
				}
			}
		}
	}
	return ok
}

func (r *Reader) projector(srs string) (Projector, error) {
	if e, ok := r.projs[srs]; ok {
		return e.p, e.err
	}
	if r.Resolve == nil {
		return nil, fmt.Errorf("no CRS resolver")
	}
	p, err := r.Resolve(srs)
	if err != nil {
		reason := err.Error()
		var ue *geo.UnknownCRSError
		if errors.As(err, &ue) && ue.Reason != "" {
			reason = ue.Reason
		}
		err = fmt.Errorf("unknown CRS %q: %s", truncate(srs, 120), reason)
	}
	r.projs[srs] = projEntry{p, err}
	return p, err
}

// validator checks surface topology with GEOS. One GEOS context per Reader.
type validator struct {
	ctx *geos.Context
}

// validTopology returns the GEOS reason when g is not a valid (Multi)Polygon.
// Structural checks (closure, point count) have already passed, so GEOS sees only
// well-formed rings and is asked about self-intersections, ring crossings, nested
// shells and the like.
func (r *Reader) validTopology(g orb.Geometry) (reason string, ok bool) {
	if r.valid == nil {
		r.valid = &validator{ctx: geos.NewContext()}
	}
	defer func() {
		if v := recover(); v != nil {
			reason, ok = fmt.Sprint("GEOS: ", v), false
		}
	}()
	b, err := wkb.Marshal(g)
	if err != nil {
		return err.Error(), false
	}
	gg, err := r.valid.ctx.NewGeomFromWKB(b)
	if err != nil {
		return err.Error(), false
	}
	if gg.IsValid() {
		return "", true
	}
	return gg.IsValidReason(), false
}
