package app

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"github.com/sip-core/sip/geo"
	"github.com/sip-core/sip/internal/gmlcoord"
	"github.com/sip-core/sip/internal/xmlscan"
	"golang.org/x/text/encoding/charmap"
)

// geomState carries what a GML geometry inherits from its ancestors.
type geomState struct {
	srs    string
	dim    int
	issues []Issue
	bad    bool
}

// readGeometryProperty reads a geometry property (zasiegPrzestrzenny, geometria)
// holding a gml:Polygon, gml:Surface, gml:MultiSurface or gml:MultiPolygon, and
// returns it in EPSG:2180 with x = E, y = N. ok is false when the geometry is
// unusable; the reasons are added to f.Issues.
func (r *Reader) readGeometryProperty(start xml.StartElement, f *Feature) (orb.MultiPolygon, string, bool, error) {
	st := &geomState{dim: 2}
	var mp orb.MultiPolygon
	if err := r.readPolygons(st, &mp); err != nil {
		return nil, st.srs, false, err
	}
	f.Issues = append(f.Issues, st.issues...)
	if st.bad {
		return nil, st.srs, false, nil
	}
	if len(mp) == 0 {
		f.Issues = append(f.Issues, Issue{Code: CodeNoGeometry, Msg: fmt.Sprintf("%s %s: %s holds no polygon", f.Class, f.Object.ID, start.Name.Local), Line: r.line()})
		return nil, st.srs, false, nil
	}
	if st.srs == "" {
		f.Issues = append(f.Issues, Issue{Code: CodeCRS, Msg: fmt.Sprintf("%s %s: geometry without srsName", f.Class, f.Object.ID), Line: r.line()})
		return nil, "", false, nil
	}
	p := r.projection(st.srs)
	if p.err != nil {
		f.Issues = append(f.Issues, Issue{Code: CodeCRS, Msg: fmt.Sprintf("%s %s: srsName %s: %v", f.Class, f.Object.ID, xmlscan.Quote(st.srs), p.err), Line: r.line()})
		return nil, st.srs, false, nil
	}
	for _, poly := range mp {
		for _, ring := range poly {
			for i, pt := range ring {
				x, y := pt[0], pt[1]
				if p.swap {
					x, y = y, x
				}
				x, y = p.t.Point(x, y)
				ring[i] = orb.Point{x, y}
			}
		}
	}
	return mp, st.srs, true, nil
}

func (r *Reader) projection(srs string) projection {
	if p, ok := r.projs[srs]; ok {
		return p
	}
	var p projection
	src, axis, err := geo.Parse(srs)
	if err != nil {
		p.err = err
	} else if t, err := geo.NewTransform(src, geo.CRS2180); err != nil {
		p.err = err
	} else {
		p.t, p.swap = t, axis == geo.NorthEast
	}
	r.projs[srs] = p
	return p
}

func (r *Reader) geomAttrs(se xml.StartElement, st *geomState) {
	if s, ok := attr(se, "", "srsName"); ok && s != "" && st.srs == "" {
		st.srs = s
	}
	if s, ok := attr(se, "", "srsDimension"); ok {
		if n, err := strconv.Atoi(s); err == nil && n >= 2 && n <= 3 {
			st.dim = n
		} else {
			st.issues = append(st.issues, Issue{Code: CodeGeometry, Msg: "srsDimension=" + xmlscan.Quote(s), Line: r.line()})
			st.bad = true
		}
	}
}

// readPolygons walks the content of a geometry property until its end tag and
// appends every polygon found.
func (r *Reader) readPolygons(st *geomState, mp *orb.MultiPolygon) error {
	for {
		t, err := r.tok()
		if err != nil {
			if err == io.EOF {
				return r.fatal(io.ErrUnexpectedEOF)
			}
			return err
		}
		switch t := t.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			r.geomAttrs(t, st)
			switch t.Name.Local {
			case "Polygon", "PolygonPatch":
				p, err := r.readPolygon(st)
				if err != nil {
					return err
				}
				if p != nil {
					*mp = append(*mp, p)
				}
			case "MultiSurface", "MultiPolygon", "surfaceMember", "surfaceMembers", "polygonMember", "Surface", "patches", "CompositeSurface":
				if err := r.readPolygons(st, mp); err != nil {
					return err
				}
			default:
				st.issues = append(st.issues, Issue{Code: CodeGeometry, Msg: fmt.Sprintf("unsupported geometry element %s (a surface is expected)", t.Name.Local), Line: r.line()})
				st.bad = true
				if err := r.skip(); err != nil {
					return err
				}
			}
		}
	}
}

func (r *Reader) readPolygon(st *geomState) (orb.Polygon, error) {
	var p orb.Polygon
	for {
		t, err := r.tok()
		if err != nil {
			if err == io.EOF {
				return nil, r.fatal(io.ErrUnexpectedEOF)
			}
			return nil, err
		}
		switch t := t.(type) {
		case xml.EndElement:
			return p, nil
		case xml.StartElement:
			switch t.Name.Local {
			case "exterior", "outerBoundaryIs", "interior", "innerBoundaryIs":
				outer := t.Name.Local == "exterior" || t.Name.Local == "outerBoundaryIs"
				ring, err := r.readRing(st)
				if err != nil {
					return nil, err
				}
				if ring == nil {
					continue
				}
				if outer {
					p = append(orb.Polygon{ring}, p...)
				} else {
					p = append(p, ring)
				}
			default:
				st.issues = append(st.issues, Issue{Code: CodeGeometry, Msg: "unexpected " + t.Name.Local + " in a polygon", Line: r.line()})
				st.bad = true
				if err := r.skip(); err != nil {
					return nil, err
				}
			}
		}
	}
}

// readRing reads the LinearRing inside exterior/interior up to the boundary's end.
func (r *Reader) readRing(st *geomState) (orb.Ring, error) {
	var pts []orb.Point
	depth := 0
	var line int
	for {
		t, err := r.tok()
		if err != nil {
			if err == io.EOF {
				return nil, r.fatal(io.ErrUnexpectedEOF)
			}
			return nil, err
		}
		switch t := t.(type) {
		case xml.EndElement:
			if depth == 0 {
				if st.bad {
					return nil, nil
				}
				return r.checkRing(st, pts, line), nil
			}
			depth--
		case xml.StartElement:
			r.geomAttrs(t, st)
			switch t.Name.Local {
			case "LinearRing", "Ring", "curveMember", "LineStringSegment", "segments", "Curve":
				depth++
			case "posList", "pos", "coordinates":
				dim := st.dim
				if s, ok := attr(t, "", "srsDimension"); ok {
					if n, err := strconv.Atoi(s); err == nil && n >= 2 && n <= 3 {
						dim = n
					}
				}
				line = r.line()
				cs, ts, dec := ",", " ", "."
				if t.Name.Local == "coordinates" {
					if v, ok := attr(t, "", "cs"); ok && v != "" {
						cs = v
					}
					if v, ok := attr(t, "", "ts"); ok && v != "" {
						ts = v
					}
					if v, ok := attr(t, "", "decimal"); ok && v != "" {
						dec = v
					}
				}
				text, err := r.readText()
				if err != nil {
					return nil, err
				}
				var more []orb.Point
				if t.Name.Local == "coordinates" {
					more, err = gmlcoord.Coordinates(text, cs, ts, dec, nil)
				} else {
					more, err = gmlcoord.PosList(text, dim, nil)
				}
				if err != nil {
					st.issues = append(st.issues, Issue{Code: CodeGeometry, Msg: t.Name.Local + ": " + err.Error(), Line: line})
					st.bad = true
					continue
				}
				// Segments of a gml:Ring repeat their joining point.
				if len(pts) > 0 && len(more) > 0 && pts[len(pts)-1] == more[0] {
					more = more[1:]
				}
				pts = append(pts, more...)
			default:
				st.issues = append(st.issues, Issue{Code: CodeGeometry, Msg: "unsupported ring element " + t.Name.Local, Line: r.line()})
				st.bad = true
				if err := r.skip(); err != nil {
					return nil, err
				}
			}
		}
	}
}

func fmtPt(p orb.Point) string { return fmt.Sprintf("%.2f %.2f", p[0], p[1]) }

func (r *Reader) checkRing(st *geomState, pts []orb.Point, line int) orb.Ring {
	if len(pts) > 0 && pts[0] != pts[len(pts)-1] {
		st.issues = append(st.issues, Issue{Code: CodeUnclosed, Msg: fmt.Sprintf("ring not closed: starts at %s, ends at %s (coordinates as written)", fmtPt(pts[0]), fmtPt(pts[len(pts)-1])), Line: line})
		st.bad = true
		return nil
	}
	if len(pts) < 4 {
		st.issues = append(st.issues, Issue{Code: CodeRing, Msg: fmt.Sprintf("ring with %d points (at least 4 needed)", len(pts)), Line: line})
		st.bad = true
		return nil
	}
	return orb.Ring(pts)
}

func charsetReader(charset string, input io.Reader) (io.Reader, error) {
	switch strings.ToLower(charset) {
	case "windows-1250", "cp1250", "x-cp1250":
		return charmap.Windows1250.NewDecoder().Reader(input), nil
	case "iso-8859-2", "latin2":
		return charmap.ISO8859_2.NewDecoder().Reader(input), nil
	case "utf-8", "utf8", "us-ascii", "ascii":
		return input, nil
	}
	return nil, fmt.Errorf("unsupported encoding %q", charset)
}

func compactJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
