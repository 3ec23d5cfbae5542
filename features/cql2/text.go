// Package cql2 parses OGC CQL2 filters (OGC API – Features Part 3) in the text and
// JSON encodings into the typed expression of package filter. Property names are
// resolved against the collection's queryables; geometry literals are read in the
// filter CRS (default CRS84) and transformed to the storage CRS.
//
// Supported: basic comparison (=, <>, <, <=, >, >=), LIKE, IN, BETWEEN, IS [NOT]
// NULL, AND/OR/NOT, CASEI on strings, spatial S_INTERSECTS, S_WITHIN, S_CONTAINS,
// S_DISJOINT, S_EQUALS, S_TOUCHES, S_CROSSES, S_OVERLAPS with WKT or BBOX
// literals, temporal T_AFTER, T_BEFORE, T_DURING, T_EQUALS, T_INTERSECTS with
// TIMESTAMP, DATE and INTERVAL literals.
package cql2

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/features/filter"
	"github.com/sip-core/sip/geo"
)

// Options configure parsing.
type Options struct {
	Schema filter.Schema
	// CRS of geometry literals (filter-crs); nil means CRS84.
	CRS *geo.CRS
	// Axis is the axis order of the literals in CRS (EastNorth for CRS84).
	Axis   geo.AxisOrder
	Limits filter.Limits
}

type tokKind int

const (
	tEOF tokKind = iota
	tIdent
	tString
	tNumber
	tPunct
)

type token struct {
	kind tokKind
	s    string
	pos  int
}

type lexer struct {
	src  string
	toks []token
}

func lex(src string) ([]token, error) {
	var toks []token
	i := 0
	for i < len(src) {
		r, n := utf8.DecodeRuneInString(src[i:])
		if r == utf8.RuneError && n == 1 {
			return nil, filter.Errorf("syntax", "invalid UTF-8 at offset %d", i)
		}
		switch {
		case unicode.IsSpace(r):
			i += n
		case r == '\'':
			var b strings.Builder
			j := i + 1
			closed := false
			for j < len(src) {
				if src[j] == '\'' {
					if j+1 < len(src) && src[j+1] == '\'' {
						b.WriteByte('\'')
						j += 2
						continue
					}
					closed = true
					j++
					break
				}
				b.WriteByte(src[j])
				j++
			}
			if !closed {
				return nil, filter.Errorf("syntax", "unterminated string starting at offset %d", i)
			}
			toks = append(toks, token{tString, b.String(), i})
			i = j
		case r == '"':
			j := strings.IndexByte(src[i+1:], '"')
			if j < 0 {
				return nil, filter.Errorf("syntax", "unterminated quoted identifier at offset %d", i)
			}
			toks = append(toks, token{tIdent, src[i+1 : i+1+j], i})
			i += j + 2
		case r >= '0' && r <= '9' || r == '.' || ((r == '-' || r == '+') && i+1 < len(src) && (src[i+1] >= '0' && src[i+1] <= '9' || src[i+1] == '.')):
			j := i + 1
			for j < len(src) && (src[j] >= '0' && src[j] <= '9' || src[j] == '.' || src[j] == 'e' || src[j] == 'E' ||
				((src[j] == '-' || src[j] == '+') && (src[j-1] == 'e' || src[j-1] == 'E'))) {
				j++
			}
			toks = append(toks, token{tNumber, src[i:j], i})
			i = j
		case unicode.IsLetter(r) || r == '_':
			j := i + n
			for j < len(src) {
				r2, n2 := utf8.DecodeRuneInString(src[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) || r2 == '_' || r2 == '.' || r2 == ':' {
					j += n2
					continue
				}
				break
			}
			toks = append(toks, token{tIdent, src[i:j], i})
			i = j
		case strings.ContainsRune("(),", r):
			toks = append(toks, token{tPunct, string(r), i})
			i++
		case r == '=':
			toks = append(toks, token{tPunct, "=", i})
			i++
		case r == '<':
			if strings.HasPrefix(src[i:], "<>") || strings.HasPrefix(src[i:], "<=") {
				toks = append(toks, token{tPunct, src[i : i+2], i})
				i += 2
			} else {
				toks = append(toks, token{tPunct, "<", i})
				i++
			}
		case r == '>':
			if strings.HasPrefix(src[i:], ">=") {
				toks = append(toks, token{tPunct, ">=", i})
				i += 2
			} else {
				toks = append(toks, token{tPunct, ">", i})
				i++
			}
		case r == '!' && strings.HasPrefix(src[i:], "!="):
			toks = append(toks, token{tPunct, "<>", i})
			i += 2
		default:
			return nil, filter.Errorf("syntax", "unexpected character %q at offset %d", r, i)
		}
	}
	return append(toks, token{tEOF, "", len(src)}), nil
}

type parser struct {
	toks  []token
	i     int
	opt   Options
	tr    *geo.Transform
	depth int
}

// ParseText parses the CQL2 text encoding.
func ParseText(src string, opt Options) (filter.Expr, error) {
	lim := opt.Limits.WithDefaults()
	if len(src) > lim.MaxLen {
		return nil, filter.Errorf("limit", "filter longer than %d bytes", lim.MaxLen)
	}
	toks, err := lex(src)
	if err != nil {
		return nil, err
	}
	if len(toks) > lim.MaxNodes*8 {
		return nil, filter.Errorf("limit", "filter has too many tokens")
	}
	p := &parser{toks: toks, opt: opt}
	if err := p.setup(); err != nil {
		return nil, err
	}
	e, err := p.orExpr()
	if err != nil {
		return nil, err
	}
	if p.peek().kind != tEOF {
		return nil, p.errf("unexpected %q", p.peek().s)
	}
	if err := filter.Check(e, lim); err != nil {
		return nil, err
	}
	return e, nil
}

func (p *parser) setup() error {
	c := p.opt.CRS
	if c == nil {
		c = geo.CRS84
		p.opt.Axis = geo.EastNorth
	}
	tr, err := geo.NewTransform(c, geo.CRS2180)
	if err != nil {
		return err
	}
	p.tr = tr
	return nil
}

func (p *parser) peek() token { return p.toks[p.i] }
func (p *parser) next() token {
	t := p.toks[p.i]
	if t.kind != tEOF {
		p.i++
	}
	return t
}

func (p *parser) errf(format string, args ...any) error {
	return filter.Errorf("syntax", "CQL2 at offset %d: %s", p.peek().pos, fmt.Sprintf(format, args...))
}

func (p *parser) isKw(kw string) bool {
	t := p.peek()
	return t.kind == tIdent && strings.EqualFold(t.s, kw)
}

func (p *parser) acceptKw(kw string) bool {
	if p.isKw(kw) {
		p.i++
		return true
	}
	return false
}

func (p *parser) expect(s string) error {
	t := p.peek()
	if t.kind == tPunct && t.s == s {
		p.i++
		return nil
	}
	return p.errf("expected %q, found %q", s, t.s)
}

func (p *parser) enter() error {
	p.depth++
	if p.depth > p.opt.Limits.WithDefaults().MaxDepth {
		return filter.Errorf("limit", "filter nested too deeply")
	}
	return nil
}

func (p *parser) orExpr() (filter.Expr, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	e, err := p.andExpr()
	if err != nil {
		return nil, err
	}
	args := []filter.Expr{e}
	for p.acceptKw("OR") {
		e, err := p.andExpr()
		if err != nil {
			return nil, err
		}
		args = append(args, e)
	}
	if len(args) == 1 {
		return args[0], nil
	}
	return filter.Or{Args: args}, nil
}

func (p *parser) andExpr() (filter.Expr, error) {
	e, err := p.notExpr()
	if err != nil {
		return nil, err
	}
	args := []filter.Expr{e}
	for p.acceptKw("AND") {
		e, err := p.notExpr()
		if err != nil {
			return nil, err
		}
		args = append(args, e)
	}
	if len(args) == 1 {
		return args[0], nil
	}
	return filter.And{Args: args}, nil
}

func (p *parser) notExpr() (filter.Expr, error) {
	if p.acceptKw("NOT") {
		if err := p.enter(); err != nil {
			return nil, err
		}
		defer func() { p.depth-- }()
		e, err := p.notExpr()
		if err != nil {
			return nil, err
		}
		return filter.Not{Arg: e}, nil
	}
	return p.primary()
}

var spatialOps = map[string]string{"S_INTERSECTS": "intersects", "S_WITHIN": "within", "S_CONTAINS": "contains",
	"S_DISJOINT": "disjoint", "S_EQUALS": "equals", "S_TOUCHES": "touches", "S_CROSSES": "crosses", "S_OVERLAPS": "overlaps"}

var temporalOps = map[string]string{"T_AFTER": "after", "T_BEFORE": "before", "T_DURING": "during",
	"T_EQUALS": "equals", "T_INTERSECTS": "intersects"}

func (p *parser) primary() (filter.Expr, error) {
	t := p.peek()
	if t.kind == tPunct && t.s == "(" {
		// parenthesised boolean expression
		p.i++
		e, err := p.orExpr()
		if err != nil {
			return nil, err
		}
		if err := p.expect(")"); err != nil {
			return nil, err
		}
		return e, nil
	}
	if t.kind == tIdent {
		up := strings.ToUpper(t.s)
		if op, ok := spatialOps[up]; ok && p.toks[p.i+1].s == "(" {
			p.i += 2
			return p.spatial(op)
		}
		if op, ok := temporalOps[up]; ok && p.toks[p.i+1].s == "(" {
			p.i += 2
			return p.temporal(op)
		}
		if up == "TRUE" || up == "FALSE" {
			if n := p.toks[p.i+1]; n.kind == tEOF || (n.kind == tIdent && (strings.EqualFold(n.s, "AND") || strings.EqualFold(n.s, "OR"))) || n.s == ")" {
				p.i++
				return filter.Const(up == "TRUE"), nil
			}
		}
	}
	left, err := p.scalar()
	if err != nil {
		return nil, err
	}
	return p.predicate(left)
}

func (p *parser) predicate(left scalarVal) (filter.Expr, error) {
	t := p.peek()
	if t.kind == tPunct {
		switch t.s {
		case "=", "<>", "<", "<=", ">", ">=":
			p.i++
			right, err := p.scalar()
			if err != nil {
				return nil, err
			}
			return makeCompare(t.s, left, right)
		}
		return nil, p.errf("expected an operator, found %q", t.s)
	}
	not := p.acceptKw("NOT")
	var e filter.Expr
	switch {
	case p.acceptKw("LIKE"):
		pt, err := p.scalar()
		if err != nil {
			return nil, err
		}
		pat, ok := pt.s.(filter.Literal)
		ps, ok2 := pat.Value.(string)
		if !ok || !ok2 {
			return nil, filter.Errorf("type", "LIKE needs a string pattern")
		}
		e = filter.Like{Arg: left.s, Pattern: ps, NoCase: left.casei || pt.casei}
	case p.acceptKw("BETWEEN"):
		lo, err := p.scalar()
		if err != nil {
			return nil, err
		}
		if !p.acceptKw("AND") {
			return nil, p.errf("BETWEEN needs AND")
		}
		hi, err := p.scalar()
		if err != nil {
			return nil, err
		}
		if err := numericOrTime(left, lo, hi); err != nil {
			return nil, err
		}
		e = filter.Between{Arg: left.s, Lo: lo.s, Hi: hi.s}
	case p.acceptKw("IN"):
		if err := p.expect("("); err != nil {
			return nil, err
		}
		var list []filter.Scalar
		for {
			v, err := p.scalar()
			if err != nil {
				return nil, err
			}
			list = append(list, v.s)
			if len(list) > p.opt.Limits.WithDefaults().MaxNodes {
				return nil, filter.Errorf("limit", "IN list too long")
			}
			if p.peek().s == "," && p.peek().kind == tPunct {
				p.i++
				continue
			}
			break
		}
		if err := p.expect(")"); err != nil {
			return nil, err
		}
		e = filter.In{Arg: left.s, List: list}
	case p.acceptKw("IS"):
		if not {
			return nil, p.errf("NOT IS is not CQL2")
		}
		isNot := p.acceptKw("NOT")
		if !p.acceptKw("NULL") {
			return nil, p.errf("expected NULL")
		}
		e = filter.IsNull{Arg: left.s}
		if isNot {
			e = filter.Not{Arg: e}
		}
		return e, nil
	default:
		return nil, p.errf("expected a predicate, found %q", p.peek().s)
	}
	if not {
		e = filter.Not{Arg: e}
	}
	return e, nil
}

func numericOrTime(vals ...scalarVal) error {
	for _, v := range vals {
		if v.t == filter.String && v.isProp {
			return filter.Errorf("type", "BETWEEN needs numbers or times, %s is a string", v.s.(filter.Property).Name)
		}
	}
	return nil
}

func makeCompare(op string, l, r scalarVal) (filter.Expr, error) {
	if l.isProp && r.isLit() || r.isProp && l.isLit() {
		prop, lit := l, r
		if r.isProp {
			prop, lit = r, l
		}
		if err := typeCheck(prop.t, lit.s.(filter.Literal).Value); err != nil {
			return nil, err
		}
	}
	return filter.Compare{Op: op, Left: l.s, Right: r.s, NoCase: l.casei || r.casei}, nil
}

func typeCheck(t filter.Type, v any) error {
	switch t {
	case filter.Number, filter.Integer:
		switch v.(type) {
		case float64:
			return nil
		case string:
			if _, err := strconv.ParseFloat(v.(string), 64); err == nil {
				return nil
			}
		}
		return filter.Errorf("type", "cannot compare a number with %v", v)
	case filter.DateTime:
		switch x := v.(type) {
		case time.Time:
			return nil
		case string:
			if _, ok := filter.ParseTime(x); ok {
				return nil
			}
		}
		return filter.Errorf("type", "cannot compare a date-time with %v", v)
	}
	return nil
}

type scalarVal struct {
	s      filter.Scalar
	t      filter.Type
	isProp bool
	casei  bool
}

func (v scalarVal) isLit() bool { _, ok := v.s.(filter.Literal); return ok }

func (p *parser) scalar() (scalarVal, error) {
	t := p.next()
	switch t.kind {
	case tString:
		return scalarVal{s: filter.Literal{Value: t.s}, t: filter.String}, nil
	case tNumber:
		f, err := strconv.ParseFloat(t.s, 64)
		if err != nil {
			return scalarVal{}, filter.Errorf("syntax", "bad number %q", t.s)
		}
		return scalarVal{s: filter.Literal{Value: f}, t: filter.Number}, nil
	case tIdent:
		up := strings.ToUpper(t.s)
		if p.peek().s == "(" && p.peek().kind == tPunct {
			switch up {
			case "TIMESTAMP", "DATE":
				p.i++
				s := p.next()
				if s.kind != tString {
					return scalarVal{}, p.errf("%s needs a string", up)
				}
				tm, ok := filter.ParseTime(s.s)
				if !ok {
					return scalarVal{}, filter.Errorf("syntax", "bad %s %q", up, s.s)
				}
				if err := p.expect(")"); err != nil {
					return scalarVal{}, err
				}
				return scalarVal{s: filter.Literal{Value: tm}, t: filter.DateTime}, nil
			case "CASEI", "ACCENTI":
				p.i++
				v, err := p.scalar()
				if err != nil {
					return scalarVal{}, err
				}
				if err := p.expect(")"); err != nil {
					return scalarVal{}, err
				}
				v.casei = v.casei || up == "CASEI"
				return v, nil
			}
			return scalarVal{}, filter.Errorf("syntax", "unsupported function %q", t.s)
		}
		switch up {
		case "TRUE", "FALSE":
			return scalarVal{s: filter.Literal{Value: up == "TRUE"}, t: filter.String}, nil
		case "NULL":
			return scalarVal{}, filter.Errorf("syntax", "use IS NULL to test for NULL")
		}
		name, typ, ok := p.opt.Schema.Lookup(t.s)
		if !ok {
			return scalarVal{}, filter.Errorf("property", "unknown property %q (see /queryables)", t.s)
		}
		if typ == filter.Geometry {
			return scalarVal{}, filter.Errorf("type", "geometry property %q only in spatial predicates", t.s)
		}
		return scalarVal{s: filter.Property{Name: name, Type: typ}, t: typ, isProp: true}, nil
	case tEOF:
		return scalarVal{}, p.errf("unexpected end of filter")
	}
	return scalarVal{}, p.errf("unexpected %q", t.s)
}

// spatial: S_OP(geomArg, geomArg): one must be the geometry property.
func (p *parser) spatial(op string) (filter.Expr, error) {
	a, aProp, err := p.geomArg()
	if err != nil {
		return nil, err
	}
	if err := p.expect(","); err != nil {
		return nil, err
	}
	b, bProp, err := p.geomArg()
	if err != nil {
		return nil, err
	}
	if err := p.expect(")"); err != nil {
		return nil, err
	}
	return spatialExpr(op, a, aProp, b, bProp)
}

func spatialExpr(op string, a orb.Geometry, aProp bool, b orb.Geometry, bProp bool) (filter.Expr, error) {
	switch {
	case aProp && !bProp:
		return filter.Spatial{Op: op, Geom: b}, nil
	case bProp && !aProp:
		// swap the operands: within <-> contains
		switch op {
		case "within":
			op = "contains"
		case "contains":
			op = "within"
		}
		return filter.Spatial{Op: op, Geom: a}, nil
	case aProp && bProp:
		return nil, filter.Errorf("type", "a spatial predicate needs one geometry literal")
	}
	return nil, filter.Errorf("type", "a spatial predicate needs the geometry property")
}

func (p *parser) geomArg() (orb.Geometry, bool, error) {
	t := p.peek()
	if t.kind != tIdent {
		return nil, false, p.errf("expected a geometry, found %q", t.s)
	}
	up := strings.ToUpper(t.s)
	switch up {
	case "POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON", "BBOX", "ENVELOPE", "GEOMETRYCOLLECTION":
		p.i++
		g, err := p.wkt(up)
		if err != nil {
			return nil, false, err
		}
		return p.toStorage(g), false, nil
	}
	p.i++
	_, typ, ok := p.opt.Schema.Lookup(t.s)
	if !ok {
		return nil, false, filter.Errorf("property", "unknown property %q (see /queryables)", t.s)
	}
	if typ != filter.Geometry {
		return nil, false, filter.Errorf("type", "property %q is not a geometry", t.s)
	}
	return nil, true, nil
}

func (p *parser) toStorage(g orb.Geometry) orb.Geometry {
	g = geo.ToAxisOrder(g, p.opt.Axis) // read order -> E,N
	if b, ok := g.(orb.Bound); ok {
		return p.tr.Bound(b)
	}
	return p.tr.Apply(g)
}

func (p *parser) wkt(kind string) (orb.Geometry, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	if p.acceptKw("EMPTY") {
		return nil, filter.Errorf("type", "empty geometries are not supported")
	}
	if err := p.expect("("); err != nil {
		return nil, err
	}
	var g orb.Geometry
	switch kind {
	case "POINT":
		pt, err := p.coord()
		if err != nil {
			return nil, err
		}
		g = pt
	case "LINESTRING":
		ls, err := p.coords()
		if err != nil {
			return nil, err
		}
		g = orb.LineString(ls)
	case "MULTIPOINT":
		var mp orb.MultiPoint
		for {
			paren := p.peek().s == "("
			if paren {
				p.i++
			}
			pt, err := p.coord()
			if err != nil {
				return nil, err
			}
			if paren {
				if err := p.expect(")"); err != nil {
					return nil, err
				}
			}
			mp = append(mp, pt)
			if p.peek().s != "," {
				break
			}
			p.i++
		}
		g = mp
	case "POLYGON":
		pg, err := p.polygonBody()
		if err != nil {
			return nil, err
		}
		g = pg
	case "MULTILINESTRING":
		var ml orb.MultiLineString
		err := p.parenList(func() error {
			ls, err := p.coords()
			ml = append(ml, ls)
			return err
		})
		if err != nil {
			return nil, err
		}
		g = ml
	case "MULTIPOLYGON":
		var mp orb.MultiPolygon
		err := p.parenList(func() error {
			pg, err := p.polygonBody()
			mp = append(mp, pg)
			return err
		})
		if err != nil {
			return nil, err
		}
		g = mp
	case "BBOX", "ENVELOPE":
		var nums []float64
		for {
			t := p.next()
			if t.kind != tNumber {
				return nil, filter.Errorf("syntax", "BBOX needs numbers")
			}
			f, err := strconv.ParseFloat(t.s, 64)
			if err != nil {
				return nil, filter.Errorf("syntax", "bad number %q", t.s)
			}
			nums = append(nums, f)
			if p.peek().s != "," {
				break
			}
			p.i++
		}
		var b orb.Bound
		switch len(nums) {
		case 4:
			b = orb.Bound{Min: orb.Point{nums[0], nums[1]}, Max: orb.Point{nums[2], nums[3]}}
		case 6:
			b = orb.Bound{Min: orb.Point{nums[0], nums[1]}, Max: orb.Point{nums[3], nums[4]}}
		default:
			return nil, filter.Errorf("syntax", "BBOX needs 4 or 6 numbers")
		}
		if kind == "ENVELOPE" { // ENVELOPE(minx, maxx, maxy, miny)
			b = orb.Bound{Min: orb.Point{nums[0], nums[3]}, Max: orb.Point{nums[1], nums[2]}}
		}
		if b.Min[0] > b.Max[0] || b.Min[1] > b.Max[1] {
			return nil, filter.Errorf("type", "BBOX minimum exceeds maximum")
		}
		g = b
	case "GEOMETRYCOLLECTION":
		var c orb.Collection
		for {
			t := p.next()
			if t.kind != tIdent {
				return nil, p.errf("expected a geometry")
			}
			sub, err := p.wkt(strings.ToUpper(t.s))
			if err != nil {
				return nil, err
			}
			c = append(c, sub)
			if p.peek().s != "," {
				break
			}
			p.i++
		}
		g = c
	default:
		return nil, filter.Errorf("syntax", "unsupported geometry %s", kind)
	}
	if err := p.expect(")"); err != nil {
		return nil, err
	}
	return g, nil
}

func (p *parser) polygonBody() (orb.Polygon, error) {
	var pg orb.Polygon
	err := p.parenList(func() error {
		ls, err := p.coords()
		if err != nil {
			return err
		}
		if len(ls) < 4 || ls[0] != ls[len(ls)-1] {
			return filter.Errorf("type", "a polygon ring needs at least 4 points and must be closed")
		}
		pg = append(pg, orb.Ring(ls))
		return nil
	})
	if err != nil {
		return nil, err
	}
	return pg, nil
}

// parenList parses a comma-separated list of parenthesised items,
// "(" item ")" {"," "(" item ")"}, calling item for each.
func (p *parser) parenList(item func() error) error {
	for {
		if err := p.expect("("); err != nil {
			return err
		}
		if err := item(); err != nil {
			return err
		}
		if err := p.expect(")"); err != nil {
			return err
		}
		if p.peek().s != "," {
			return nil
		}
		p.i++
	}
}

func (p *parser) coords() ([]orb.Point, error) {
	var out []orb.Point
	max := p.opt.Limits.WithDefaults().MaxPoints
	for {
		pt, err := p.coord()
		if err != nil {
			return nil, err
		}
		out = append(out, pt)
		if len(out) > max {
			return nil, filter.Errorf("limit", "geometry has more than %d coordinates", max)
		}
		if p.peek().s != "," {
			break
		}
		p.i++
	}
	return out, nil
}

func (p *parser) coord() (orb.Point, error) {
	var v [3]float64
	n := 0
	for p.peek().kind == tNumber && n < 3 {
		f, err := strconv.ParseFloat(p.next().s, 64)
		if err != nil {
			return orb.Point{}, filter.Errorf("syntax", "bad coordinate")
		}
		v[n] = f
		n++
	}
	if n < 2 {
		return orb.Point{}, p.errf("a coordinate needs 2 numbers")
	}
	return orb.Point{v[0], v[1]}, nil
}

// temporal: T_OP(property, literal)
func (p *parser) temporal(op string) (filter.Expr, error) {
	t := p.next()
	if t.kind != tIdent {
		return nil, p.errf("expected a property")
	}
	name, typ, ok := p.opt.Schema.Lookup(t.s)
	if !ok {
		return nil, filter.Errorf("property", "unknown property %q (see /queryables)", t.s)
	}
	if typ != filter.DateTime {
		return nil, filter.Errorf("type", "property %q is not a date-time", t.s)
	}
	if err := p.expect(","); err != nil {
		return nil, err
	}
	lo, hi, err := p.temporalLit()
	if err != nil {
		return nil, err
	}
	if err := p.expect(")"); err != nil {
		return nil, err
	}
	return filter.Temporal{Op: op, Arg: filter.Property{Name: name, Type: typ}, Lo: lo, Hi: hi}, nil
}

func (p *parser) temporalLit() (time.Time, time.Time, error) {
	t := p.next()
	up := strings.ToUpper(t.s)
	if t.kind != tIdent || p.peek().s != "(" {
		return time.Time{}, time.Time{}, p.errf("expected TIMESTAMP, DATE or INTERVAL")
	}
	p.i++
	read := func() (time.Time, error) {
		s := p.next()
		if s.kind != tString {
			return time.Time{}, p.errf("expected a quoted time")
		}
		if s.s == ".." {
			return time.Time{}, nil
		}
		tm, ok := filter.ParseTime(s.s)
		if !ok {
			return time.Time{}, filter.Errorf("syntax", "bad time %q", s.s)
		}
		return tm, nil
	}
	switch up {
	case "TIMESTAMP", "DATE":
		tm, err := read()
		if err != nil {
			return tm, tm, err
		}
		if tm.IsZero() {
			return tm, tm, p.errf("an instant cannot be open")
		}
		return tm, tm, p.expect(")")
	case "INTERVAL":
		lo, err := read()
		if err != nil {
			return lo, lo, err
		}
		if err := p.expect(","); err != nil {
			return lo, lo, err
		}
		hi, err := read()
		if err != nil {
			return lo, hi, err
		}
		if !lo.IsZero() && !hi.IsZero() && hi.Before(lo) {
			return lo, hi, filter.Errorf("type", "interval ends before it starts")
		}
		return lo, hi, p.expect(")")
	}
	return time.Time{}, time.Time{}, p.errf("expected TIMESTAMP, DATE or INTERVAL")
}
