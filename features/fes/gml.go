package fes

import (
	"github.com/paulmach/orb"

	"github.com/sip-core/sip/features/filter"
	"github.com/sip-core/sip/geo"
	"github.com/sip-core/sip/internal/gmlcoord"
)

// geometry reads a GML 3.2/3.1 geometry (Envelope, Point, LineString, Polygon,
// MultiSurface/MultiPolygon, MultiPoint, MultiCurve) and returns it in storage CRS.
func (p *parser) geometry(n *node, c *geo.CRS, axis geo.AxisOrder) (orb.Geometry, error) {
	if s := n.attr("srsName"); s != "" {
		var err error
		c, axis, err = geo.Parse(s)
		if err != nil {
			return nil, filter.Errorf("crs", "unsupported srsName %q", s)
		}
	}
	g, err := p.rawGeometry(n, axis)
	if err != nil {
		return nil, err
	}
	tr, _ := geo.NewTransform(c, geo.CRS2180)
	if b, ok := g.(orb.Bound); ok {
		if p.opt.Extent != nil {
			b = p.settleAxis(b, c, axis)
		}
		return tr.Bound(b), nil
	}
	return tr.Apply(g), nil
}

// settleAxis re-reads an Envelope (read in axis, x/y now) in the other axis
// order when geo.BoxAxisOrder says its writer meant that one.
func (p *parser) settleAxis(b orb.Bound, c *geo.CRS, axis geo.AxisOrder) orb.Bound {
	swap := func(b orb.Bound) orb.Bound {
		return orb.Bound{Min: orb.Point{b.Min[1], b.Min[0]}, Max: orb.Point{b.Max[1], b.Max[0]}}
	}
	written := b
	if axis == geo.NorthEast {
		written = swap(b)
	}
	if geo.BoxAxisOrder(written, c, axis, *p.opt.Extent) != axis {
		return swap(b)
	}
	return b
}

func (p *parser) rawGeometry(n *node, axis geo.AxisOrder) (orb.Geometry, error) {
	pts := func(n *node) ([]orb.Point, error) { return readPoints(n, axis, p.opt.Limits.WithDefaults().MaxPoints) }
	switch n.name {
	case "Envelope", "Box":
		lc, uc := n.child("lowerCorner"), n.child("upperCorner")
		var ps []orb.Point
		var err error
		if lc != nil && uc != nil {
			a, err1 := pts(lc)
			b, err2 := pts(uc)
			if err1 != nil || err2 != nil || len(a) != 1 || len(b) != 1 {
				return nil, filter.Errorf("syntax", "bad Envelope corners")
			}
			ps = []orb.Point{a[0], b[0]}
		} else {
			ps, err = pts(n)
			if err != nil || len(ps) != 2 {
				return nil, filter.Errorf("syntax", "bad Envelope")
			}
		}
		if ps[0][0] > ps[1][0] || ps[0][1] > ps[1][1] {
			return nil, filter.Errorf("type", "Envelope lowerCorner exceeds upperCorner")
		}
		return orb.Bound{Min: ps[0], Max: ps[1]}, nil
	case "Point":
		ps, err := pts(n)
		if err != nil || len(ps) != 1 {
			return nil, filter.Errorf("syntax", "bad Point")
		}
		return ps[0], nil
	case "LineString":
		ps, err := pts(n)
		if err != nil || len(ps) < 2 {
			return nil, filter.Errorf("syntax", "bad LineString")
		}
		return orb.LineString(ps), nil
	case "Polygon":
		var pg orb.Polygon
		for _, k := range n.kids {
			if k.name != "exterior" && k.name != "interior" && k.name != "outerBoundaryIs" && k.name != "innerBoundaryIs" {
				continue
			}
			ring := k.child("LinearRing")
			if ring == nil {
				return nil, filter.Errorf("syntax", "Polygon boundary needs a LinearRing")
			}
			ps, err := pts(ring)
			if err != nil || len(ps) < 4 || ps[0] != ps[len(ps)-1] {
				return nil, filter.Errorf("syntax", "a LinearRing needs at least 4 points and must be closed")
			}
			pg = append(pg, orb.Ring(ps))
		}
		if len(pg) == 0 {
			return nil, filter.Errorf("syntax", "Polygon without exterior")
		}
		return pg, nil
	case "MultiSurface", "MultiPolygon":
		var mp orb.MultiPolygon
		for _, m := range n.kids {
			for _, k := range m.kids {
				if k.name == "Polygon" {
					g, err := p.rawGeometry(k, axis)
					if err != nil {
						return nil, err
					}
					mp = append(mp, g.(orb.Polygon))
				}
			}
		}
		if len(mp) == 0 {
			return nil, filter.Errorf("syntax", "empty %s", n.name)
		}
		return mp, nil
	case "MultiPoint":
		var out orb.MultiPoint
		for _, m := range n.kids {
			for _, k := range m.kids {
				if k.name == "Point" {
					g, err := p.rawGeometry(k, axis)
					if err != nil {
						return nil, err
					}
					out = append(out, g.(orb.Point))
				}
			}
		}
		if len(out) == 0 {
			return nil, filter.Errorf("syntax", "empty MultiPoint")
		}
		return out, nil
	case "MultiCurve", "MultiLineString":
		var out orb.MultiLineString
		for _, m := range n.kids {
			for _, k := range m.kids {
				if k.name == "LineString" {
					g, err := p.rawGeometry(k, axis)
					if err != nil {
						return nil, err
					}
					out = append(out, g.(orb.LineString))
				}
			}
		}
		if len(out) == 0 {
			return nil, filter.Errorf("syntax", "empty %s", n.name)
		}
		return out, nil
	}
	return nil, filter.Errorf("syntax", "unsupported geometry %s", n.name)
}

// readPoints reads pos / posList / coordinates children (or the node's own text
// for corners), returning E,N points.
func readPoints(n *node, axis geo.AxisOrder, maxPoints int) ([]orb.Point, error) {
	var out []orb.Point
	var err error
	if len(n.kids) == 0 {
		out, err = gmlcoord.PosList(n.text, 2, out)
	}
	for _, k := range n.kids {
		if err != nil {
			break
		}
		dim := 0
		if d := k.attr("srsDimension"); d == "3" || d == "2" {
			dim = int(d[0] - '0')
		}
		switch k.name {
		case "pos":
			out, err = gmlcoord.Pos(k.text, dim, out)
		case "posList":
			out, err = gmlcoord.PosList(k.text, max(dim, 2), out)
		case "coordinates":
			out, err = gmlcoord.Coordinates(k.text, k.attr("cs"), k.attr("ts"), k.attr("decimal"), out)
		}
		if len(out) > maxPoints {
			return nil, filter.Errorf("limit", "geometry has more than %d coordinates", maxPoints)
		}
	}
	if err != nil {
		return nil, filter.Errorf("syntax", "%v", err)
	}
	if len(out) == 0 {
		return nil, filter.Errorf("syntax", "geometry without coordinates")
	}
	if axis == geo.NorthEast {
		for i, p := range out {
			out[i] = orb.Point{p[1], p[0]}
		}
	}
	return out, nil
}
