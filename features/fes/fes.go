// Package fes parses OGC Filter Encoding filters (FES 2.0 and the FES 1.1 /
// Filter 1.1 dialect of WFS 1.1) into package filter's typed expression. Element
// names are matched by local name, so fes:, ogc: and unprefixed filters parse
// alike. Property names are checked against the schema; GML geometry literals
// are read in their srsName's axis order and transformed to the storage CRS.
package fes

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/features/filter"
	"github.com/sip-core/sip/geo"
	"github.com/sip-core/sip/internal/xmlscan"
)

// Options configure parsing.
type Options struct {
	Schema filter.Schema
	// DefaultCRS applies to geometries without srsName (the query's SRSNAME).
	DefaultCRS  *geo.CRS
	DefaultAxis geo.AxisOrder
	// Extent (EPSG:2180), when set, settles the axis order of an Envelope
	// whose declared order misses it while the other meets it
	// (geo.BoxAxisOrder): the dataset's extent.
	Extent *orb.Bound
	Limits filter.Limits
}

type node struct {
	name  string
	attrs map[string]string
	text  string
	tb    strings.Builder // text while the element is read
	kids  []*node
}

func (n *node) attr(k string) string { return n.attrs[k] }

func (n *node) child(name string) *node {
	for _, k := range n.kids {
		if k.name == name {
			return k
		}
	}
	return nil
}

// readTree reads a filter document (at most lim.MaxLen bytes, checked by the
// caller) with the bounded tokenizer: DTDs are refused, and text is collected in
// time linear in its length.
func readTree(src []byte, lim filter.Limits) (*node, error) {
	dec := xmlscan.New(bytes.NewReader(src), xmlscan.Options{NoDTD: true})
	var stack []*node
	var root *node
	count := 0
	for {
		tok, err := dec.Next()
		if err == io.EOF {
			break
		}
		var se *xml.SyntaxError
		if errors.As(err, &se) && se.Msg == "DTDs are not allowed" {
			return nil, filter.Errorf("syntax", "DTDs are not allowed in filters")
		}
		if err != nil {
			return nil, filter.Errorf("parse", "filter is not well-formed XML: %v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			count++
			if count > lim.MaxNodes*4 || len(stack) > lim.MaxDepth*2 {
				return nil, filter.Errorf("limit", "filter too large or too deep")
			}
			n := &node{name: t.Name.Local, attrs: map[string]string{}}
			for _, a := range t.Attr {
				n.attrs[a.Name.Local] = a.Value
			}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.kids = append(p.kids, n)
			} else if root == nil {
				root = n
			} else {
				return nil, filter.Errorf("syntax", "more than one root element")
			}
			stack = append(stack, n)
		case xml.EndElement:
			n := stack[len(stack)-1]
			n.text = n.tb.String()
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].tb.Write(t)
			}
		}
	}
	if root == nil {
		return nil, filter.Errorf("syntax", "empty filter")
	}
	return root, nil
}

type parser struct {
	opt Options
}

// Parse parses a <Filter> document.
func Parse(src []byte, opt Options) (filter.Expr, error) {
	lim := opt.Limits.WithDefaults()
	if len(src) > lim.MaxLen {
		return nil, filter.Errorf("limit", "filter longer than %d bytes", lim.MaxLen)
	}
	root, err := readTree(src, lim)
	if err != nil {
		return nil, err
	}
	if root.name != "Filter" {
		return nil, filter.Errorf("syntax", "root element must be Filter, not %s", root.name)
	}
	if opt.DefaultCRS == nil {
		opt.DefaultCRS, opt.DefaultAxis = geo.CRS2180, geo.NorthEast
	}
	p := &parser{opt: opt}
	// a Filter holds one predicate, or several ResourceId / FeatureId elements
	var ids []string
	var preds []*node
	for _, k := range root.kids {
		switch k.name {
		case "ResourceId", "FeatureId", "GmlObjectId":
			id := k.attr("rid")
			if id == "" {
				id = k.attr("fid")
			}
			if id == "" {
				id = k.attr("id")
			}
			if id == "" {
				return nil, filter.Errorf("syntax", "%s without an id", k.name)
			}
			ids = append(ids, id)
		default:
			preds = append(preds, k)
		}
	}
	var e filter.Expr
	switch {
	case len(ids) > 0 && len(preds) == 0:
		e = filter.IDs{IDs: ids}
	case len(ids) == 0 && len(preds) == 1:
		e, err = p.expr(preds[0])
		if err != nil {
			return nil, err
		}
	default:
		return nil, filter.Errorf("syntax", "a Filter holds exactly one predicate or a list of ResourceId")
	}
	if err := filter.Check(e, lim); err != nil {
		return nil, err
	}
	return e, nil
}

var compOps = map[string]string{"PropertyIsEqualTo": "=", "PropertyIsNotEqualTo": "<>", "PropertyIsLessThan": "<",
	"PropertyIsLessThanOrEqualTo": "<=", "PropertyIsGreaterThan": ">", "PropertyIsGreaterThanOrEqualTo": ">="}

var spatialOps = map[string]string{"BBOX": "bbox", "Intersects": "intersects", "Within": "within", "Contains": "contains",
	"Disjoint": "disjoint", "Equals": "equals", "Touches": "touches", "Crosses": "crosses", "Overlaps": "overlaps"}

var temporalOps = map[string]string{"After": "after", "Before": "before", "During": "during", "TEquals": "equals",
	"AnyInteracts": "intersects"}

func (p *parser) expr(n *node) (filter.Expr, error) {
	switch n.name {
	case "And", "Or":
		if len(n.kids) < 2 {
			return nil, filter.Errorf("syntax", "%s needs at least two operands", n.name)
		}
		var args []filter.Expr
		for _, k := range n.kids {
			e, err := p.expr(k)
			if err != nil {
				return nil, err
			}
			args = append(args, e)
		}
		if n.name == "And" {
			return filter.And{Args: args}, nil
		}
		return filter.Or{Args: args}, nil
	case "Not":
		if len(n.kids) != 1 {
			return nil, filter.Errorf("syntax", "Not needs one operand")
		}
		e, err := p.expr(n.kids[0])
		if err != nil {
			return nil, err
		}
		return filter.Not{Arg: e}, nil
	case "PropertyIsLike":
		if len(n.kids) != 2 {
			return nil, filter.Errorf("syntax", "PropertyIsLike needs a property and a literal")
		}
		prop, err := p.property(n.kids[0])
		if err != nil {
			return nil, err
		}
		pat, err := convertLike(strings.TrimSpace(n.kids[1].text), n.attr("wildCard"), n.attr("singleChar"), firstNonEmpty(n.attr("escapeChar"), n.attr("escape")))
		if err != nil {
			return nil, err
		}
		return filter.Like{Arg: prop, Pattern: pat, NoCase: n.attr("matchCase") == "false"}, nil
	case "PropertyIsNull", "PropertyIsNil":
		if len(n.kids) != 1 {
			return nil, filter.Errorf("syntax", "%s needs a property", n.name)
		}
		prop, err := p.property(n.kids[0])
		if err != nil {
			return nil, err
		}
		return filter.IsNull{Arg: prop}, nil
	case "PropertyIsBetween":
		if len(n.kids) != 3 {
			return nil, filter.Errorf("syntax", "PropertyIsBetween needs a property and two boundaries")
		}
		prop, err := p.property(n.kids[0])
		if err != nil {
			return nil, err
		}
		lo, hi := n.child("LowerBoundary"), n.child("UpperBoundary")
		if lo == nil || hi == nil || len(lo.kids) != 1 || len(hi.kids) != 1 {
			return nil, filter.Errorf("syntax", "PropertyIsBetween needs LowerBoundary and UpperBoundary literals")
		}
		l, err := p.scalar(lo.kids[0])
		if err != nil {
			return nil, err
		}
		h, err := p.scalar(hi.kids[0])
		if err != nil {
			return nil, err
		}
		return filter.Between{Arg: prop, Lo: l, Hi: h}, nil
	}
	if op, ok := compOps[n.name]; ok {
		if len(n.kids) != 2 {
			return nil, filter.Errorf("syntax", "%s needs two operands", n.name)
		}
		l, err := p.scalar(n.kids[0])
		if err != nil {
			return nil, err
		}
		r, err := p.scalar(n.kids[1])
		if err != nil {
			return nil, err
		}
		if err := typeCheck(l, r); err != nil {
			return nil, err
		}
		e := filter.Compare{Op: op, Left: l, Right: r, NoCase: n.attr("matchCase") == "false"}
		if ma := n.attr("matchAction"); ma != "" && ma != "Any" && ma != "All" && ma != "One" {
			return nil, filter.Errorf("syntax", "matchAction must be Any, All or One")
		}
		return e, nil
	}
	if op, ok := spatialOps[n.name]; ok {
		var geomNode *node
		for _, k := range n.kids {
			switch k.name {
			case "ValueReference", "PropertyName":
				_, t, ok := p.opt.Schema.Lookup(strings.TrimSpace(k.text))
				if !ok || t != filter.Geometry {
					return nil, filter.Errorf("property", "%q is not the geometry property", strings.TrimSpace(k.text))
				}
			default:
				geomNode = k
			}
		}
		if geomNode == nil {
			return nil, filter.Errorf("syntax", "%s needs a geometry", n.name)
		}
		g, err := p.geometry(geomNode, p.opt.DefaultCRS, p.opt.DefaultAxis)
		if err != nil {
			return nil, err
		}
		return filter.Spatial{Op: op, Geom: g}, nil
	}
	if op, ok := temporalOps[n.name]; ok {
		if len(n.kids) != 2 {
			return nil, filter.Errorf("syntax", "%s needs a property and a time", n.name)
		}
		prop, err := p.property(n.kids[0])
		if err != nil {
			return nil, err
		}
		if prop.Type != filter.DateTime {
			return nil, filter.Errorf("type", "%s is not a date-time property", prop.Name)
		}
		lo, hi, err := timeLiteral(n.kids[1])
		if err != nil {
			return nil, err
		}
		return filter.Temporal{Op: op, Arg: prop, Lo: lo, Hi: hi}, nil
	}
	return nil, filter.Errorf("syntax", "unsupported filter operator %s", n.name)
}

func firstNonEmpty(a ...string) string {
	for _, s := range a {
		if s != "" {
			return s
		}
	}
	return ""
}

// convertLike rewrites a FES pattern to the '%', '_', '\' form.
func convertLike(pat, wild, single, esc string) (string, error) {
	if wild == "" || single == "" || esc == "" {
		return "", filter.Errorf("syntax", "PropertyIsLike needs wildCard, singleChar and escapeChar")
	}
	if len([]rune(wild)) != 1 || len([]rune(single)) != 1 || len([]rune(esc)) != 1 {
		return "", filter.Errorf("syntax", "wildCard, singleChar and escapeChar must be single characters")
	}
	w, s, e := []rune(wild)[0], []rune(single)[0], []rune(esc)[0]
	var b strings.Builder
	rs := []rune(pat)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == e && i+1 < len(rs):
			i++
			if rs[i] == '%' || rs[i] == '_' || rs[i] == '\\' {
				b.WriteByte('\\')
			}
			b.WriteRune(rs[i])
		case r == w:
			b.WriteByte('%')
		case r == s:
			b.WriteByte('_')
		case r == '%' || r == '_' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String(), nil
}

func (p *parser) property(n *node) (filter.Property, error) {
	if n.name != "ValueReference" && n.name != "PropertyName" {
		return filter.Property{}, filter.Errorf("syntax", "expected ValueReference, found %s", n.name)
	}
	name := strings.TrimSpace(n.text)
	cn, t, ok := p.opt.Schema.Lookup(name)
	if !ok {
		return filter.Property{}, filter.Errorf("property", "unknown property %q", name)
	}
	if t == filter.Geometry {
		return filter.Property{}, filter.Errorf("type", "geometry property %q only in spatial operators", name)
	}
	return filter.Property{Name: cn, Type: t}, nil
}

func (p *parser) scalar(n *node) (filter.Scalar, error) {
	switch n.name {
	case "ValueReference", "PropertyName":
		return p.property(n)
	case "Literal":
		if len(n.kids) > 0 {
			return nil, filter.Errorf("syntax", "structured literals are not supported")
		}
		return filter.Literal{Value: n.text}, nil
	}
	return nil, filter.Errorf("syntax", "unsupported expression %s", n.name)
}

func typeCheck(l, r filter.Scalar) error {
	prop, ok1 := l.(filter.Property)
	lit, ok2 := r.(filter.Literal)
	if !ok1 || !ok2 {
		prop, ok1 = r.(filter.Property)
		lit, ok2 = l.(filter.Literal)
	}
	if !ok1 || !ok2 {
		return nil
	}
	s, _ := lit.Value.(string)
	switch prop.Type {
	case filter.Number, filter.Integer:
		if _, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err != nil {
			return filter.Errorf("type", "%s is a number, %q is not", prop.Name, s)
		}
	case filter.DateTime:
		if _, ok := filter.ParseTime(s); !ok {
			return filter.Errorf("type", "%s is a date-time, %q is not", prop.Name, s)
		}
	}
	return nil
}

func timeLiteral(n *node) (time.Time, time.Time, error) {
	switch n.name {
	case "TimeInstant":
		tp := n.child("timePosition")
		if tp == nil {
			return time.Time{}, time.Time{}, filter.Errorf("syntax", "TimeInstant needs timePosition")
		}
		t, ok := filter.ParseTime(tp.text)
		if !ok {
			return t, t, filter.Errorf("syntax", "bad timePosition %q", tp.text)
		}
		return t, t, nil
	case "TimePeriod":
		get := func(a, b string) (time.Time, error) {
			var s string
			if x := n.child(a); x != nil {
				s = x.text
			} else if x := n.child(b); x != nil {
				if ti := x.child("TimeInstant"); ti != nil {
					if tp := ti.child("timePosition"); tp != nil {
						s = tp.text
					}
				}
			}
			t, ok := filter.ParseTime(s)
			if !ok {
				return t, filter.Errorf("syntax", "bad TimePeriod bound %q", s)
			}
			return t, nil
		}
		lo, err := get("beginPosition", "begin")
		if err != nil {
			return lo, lo, err
		}
		hi, err := get("endPosition", "end")
		if err != nil {
			return lo, hi, err
		}
		if hi.Before(lo) {
			return lo, hi, filter.Errorf("type", "TimePeriod ends before it begins")
		}
		return lo, hi, nil
	}
	return time.Time{}, time.Time{}, filter.Errorf("syntax", "expected gml:TimeInstant or gml:TimePeriod, found %s", n.name)
}
