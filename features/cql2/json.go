package cql2

import (
	"bytes"
	"encoding/json"
	"strings"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/features/filter"
)

// ParseJSON parses the CQL2 JSON encoding.
func ParseJSON(src []byte, opt Options) (filter.Expr, error) {
	lim := opt.Limits.WithDefaults()
	if len(src) > lim.MaxLen {
		return nil, filter.Errorf("limit", "filter longer than %d bytes", lim.MaxLen)
	}
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, filter.Errorf("syntax", "CQL2 JSON: %v", err)
	}
	p := &parser{opt: opt}
	if err := p.setup(); err != nil {
		return nil, err
	}
	e, err := p.jsonExpr(v, 0)
	if err != nil {
		return nil, err
	}
	if err := filter.Check(e, lim); err != nil {
		return nil, err
	}
	return e, nil
}

func (p *parser) jsonExpr(v any, depth int) (filter.Expr, error) {
	if depth > p.opt.Limits.WithDefaults().MaxDepth {
		return nil, filter.Errorf("limit", "filter nested too deeply")
	}
	if b, ok := v.(bool); ok {
		return filter.Const(b), nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, filter.Errorf("syntax", "CQL2 JSON: expected an object with op and args")
	}
	op, _ := m["op"].(string)
	args, _ := m["args"].([]any)
	switch strings.ToLower(op) {
	case "and", "or":
		if len(args) < 2 {
			return nil, filter.Errorf("syntax", "%s needs at least 2 args", op)
		}
		var out []filter.Expr
		for _, a := range args {
			e, err := p.jsonExpr(a, depth+1)
			if err != nil {
				return nil, err
			}
			out = append(out, e)
		}
		if strings.ToLower(op) == "and" {
			return filter.And{Args: out}, nil
		}
		return filter.Or{Args: out}, nil
	case "not":
		if len(args) != 1 {
			return nil, filter.Errorf("syntax", "not needs 1 arg")
		}
		e, err := p.jsonExpr(args[0], depth+1)
		if err != nil {
			return nil, err
		}
		return filter.Not{Arg: e}, nil
	case "=", "<>", "<", "<=", ">", ">=":
		if len(args) != 2 {
			return nil, filter.Errorf("syntax", "%s needs 2 args", op)
		}
		l, err := p.jsonScalar(args[0], depth)
		if err != nil {
			return nil, err
		}
		r, err := p.jsonScalar(args[1], depth)
		if err != nil {
			return nil, err
		}
		return makeCompare(op, l, r)
	case "like":
		if len(args) != 2 {
			return nil, filter.Errorf("syntax", "like needs 2 args")
		}
		l, err := p.jsonScalar(args[0], depth)
		if err != nil {
			return nil, err
		}
		pt, err := p.jsonScalar(args[1], depth)
		if err != nil {
			return nil, err
		}
		lit, ok := pt.s.(filter.Literal)
		s, ok2 := lit.Value.(string)
		if !ok || !ok2 {
			return nil, filter.Errorf("type", "like needs a string pattern")
		}
		return filter.Like{Arg: l.s, Pattern: s, NoCase: l.casei || pt.casei}, nil
	case "between":
		if len(args) != 3 {
			return nil, filter.Errorf("syntax", "between needs 3 args")
		}
		var s [3]scalarVal
		for i := range 3 {
			x, err := p.jsonScalar(args[i], depth)
			if err != nil {
				return nil, err
			}
			s[i] = x
		}
		if err := numericOrTime(s[:]...); err != nil {
			return nil, err
		}
		return filter.Between{Arg: s[0].s, Lo: s[1].s, Hi: s[2].s}, nil
	case "in":
		if len(args) != 2 {
			return nil, filter.Errorf("syntax", "in needs 2 args")
		}
		l, err := p.jsonScalar(args[0], depth)
		if err != nil {
			return nil, err
		}
		list, ok := args[1].([]any)
		if !ok {
			return nil, filter.Errorf("syntax", "in needs a list")
		}
		var out []filter.Scalar
		for _, x := range list {
			s, err := p.jsonScalar(x, depth)
			if err != nil {
				return nil, err
			}
			out = append(out, s.s)
		}
		return filter.In{Arg: l.s, List: out}, nil
	case "isnull":
		if len(args) != 1 {
			return nil, filter.Errorf("syntax", "isNull needs 1 arg")
		}
		l, err := p.jsonScalar(args[0], depth)
		if err != nil {
			return nil, err
		}
		return filter.IsNull{Arg: l.s}, nil
	}
	lop := strings.ToLower(op)
	if sop, ok := spatialOps[strings.ToUpper(lop)]; ok {
		if len(args) != 2 {
			return nil, filter.Errorf("syntax", "%s needs 2 args", op)
		}
		a, ap, err := p.jsonGeom(args[0])
		if err != nil {
			return nil, err
		}
		b, bp, err := p.jsonGeom(args[1])
		if err != nil {
			return nil, err
		}
		return spatialExpr(sop, a, ap, b, bp)
	}
	if top, ok := temporalOps[strings.ToUpper(lop)]; ok {
		if len(args) != 2 {
			return nil, filter.Errorf("syntax", "%s needs 2 args", op)
		}
		pm, _ := args[0].(map[string]any)
		name, _ := pm["property"].(string)
		cn, typ, ok := p.opt.Schema.Lookup(name)
		if !ok || typ != filter.DateTime {
			return nil, filter.Errorf("property", "%s needs a date-time property", op)
		}
		lm, _ := args[1].(map[string]any)
		var lo, hi filter.Literal
		switch {
		case lm["timestamp"] != nil || lm["date"] != nil:
			s, _ := lm["timestamp"].(string)
			if s == "" {
				s, _ = lm["date"].(string)
			}
			t, ok := filter.ParseTime(s)
			if !ok {
				return nil, filter.Errorf("syntax", "bad time %q", s)
			}
			lo, hi = filter.Literal{Value: t}, filter.Literal{Value: t}
		case lm["interval"] != nil:
			iv, _ := lm["interval"].([]any)
			if len(iv) != 2 {
				return nil, filter.Errorf("syntax", "interval needs 2 items")
			}
			for i, x := range iv {
				s, _ := x.(string)
				if xm, ok := x.(map[string]any); ok {
					s, _ = xm["timestamp"].(string)
					if s == "" {
						s, _ = xm["date"].(string)
					}
				}
				if s == ".." {
					continue
				}
				t, ok := filter.ParseTime(s)
				if !ok {
					return nil, filter.Errorf("syntax", "bad time %q", s)
				}
				if i == 0 {
					lo = filter.Literal{Value: t}
				} else {
					hi = filter.Literal{Value: t}
				}
			}
		default:
			return nil, filter.Errorf("syntax", "%s needs a timestamp, date or interval", op)
		}
		e := filter.Temporal{Op: top, Arg: filter.Property{Name: cn, Type: typ}}
		if t, ok := lo.Value.(interface{ IsZero() bool }); ok && !t.IsZero() {
			e.Lo = lo.Value.(timeT)
		}
		if t, ok := hi.Value.(interface{ IsZero() bool }); ok && !t.IsZero() {
			e.Hi = hi.Value.(timeT)
		}
		return e, nil
	}
	return nil, filter.Errorf("syntax", "CQL2 JSON: unsupported op %q", op)
}

func (p *parser) jsonScalar(v any, depth int) (scalarVal, error) {
	switch x := v.(type) {
	case string:
		return scalarVal{s: filter.Literal{Value: x}, t: filter.String}, nil
	case json.Number:
		f, err := x.Float64()
		if err != nil {
			return scalarVal{}, filter.Errorf("syntax", "bad number %s", x)
		}
		return scalarVal{s: filter.Literal{Value: f}, t: filter.Number}, nil
	case bool:
		return scalarVal{s: filter.Literal{Value: x}}, nil
	case map[string]any:
		if name, ok := x["property"].(string); ok {
			cn, typ, ok := p.opt.Schema.Lookup(name)
			if !ok {
				return scalarVal{}, filter.Errorf("property", "unknown property %q (see /queryables)", name)
			}
			if typ == filter.Geometry {
				return scalarVal{}, filter.Errorf("type", "geometry property %q only in spatial predicates", name)
			}
			return scalarVal{s: filter.Property{Name: cn, Type: typ}, t: typ, isProp: true}, nil
		}
		for _, k := range []string{"timestamp", "date"} {
			if s, ok := x[k].(string); ok {
				t, ok := filter.ParseTime(s)
				if !ok {
					return scalarVal{}, filter.Errorf("syntax", "bad %s %q", k, s)
				}
				return scalarVal{s: filter.Literal{Value: t}, t: filter.DateTime}, nil
			}
		}
		if op, _ := x["op"].(string); strings.EqualFold(op, "casei") || strings.EqualFold(op, "accenti") {
			args, _ := x["args"].([]any)
			if len(args) != 1 || depth > 16 {
				return scalarVal{}, filter.Errorf("syntax", "casei needs 1 arg")
			}
			s, err := p.jsonScalar(args[0], depth+1)
			s.casei = s.casei || strings.EqualFold(op, "casei")
			return s, err
		}
	}
	return scalarVal{}, filter.Errorf("syntax", "CQL2 JSON: unsupported operand")
}

// jsonGeom reads a GeoJSON geometry, a {"bbox":[...]} or the geometry property.
func (p *parser) jsonGeom(v any) (orb.Geometry, bool, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, false, filter.Errorf("syntax", "expected a geometry")
	}
	if name, ok := m["property"].(string); ok {
		_, typ, ok := p.opt.Schema.Lookup(name)
		if !ok || typ != filter.Geometry {
			return nil, false, filter.Errorf("property", "%q is not the geometry property", name)
		}
		return nil, true, nil
	}
	if bb, ok := m["bbox"].([]any); ok {
		var nums []string
		for _, x := range bb {
			n, ok := x.(json.Number)
			if !ok {
				return nil, false, filter.Errorf("syntax", "bbox needs numbers")
			}
			nums = append(nums, n.String())
		}
		return p.textGeom("BBOX(" + strings.Join(nums, ",") + ")")
	}
	typ, _ := m["type"].(string)
	coords, err := json.Marshal(m["coordinates"])
	if err != nil {
		return nil, false, filter.Errorf("syntax", "bad coordinates")
	}
	// re-use the WKT reader: GeoJSON arrays map onto WKT parentheses
	w := strings.NewReplacer("[", "(", "]", ")").Replace(string(coords))
	w = pairRE(w)
	switch strings.ToUpper(typ) {
	case "POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON":
		if strings.ToUpper(typ) == "POINT" {
			w = "(" + w + ")"
		}
		return p.textGeom(strings.ToUpper(typ) + w)
	}
	return nil, false, filter.Errorf("syntax", "unsupported geometry type %q", typ)
}

// pairRE turns "(x,y)" coordinate pairs into "x y".
func pairRE(s string) string {
	var b strings.Builder
	// a pair is "(" number "," number [ "," number ] ")" with no nested "("
	i := 0
	for i < len(s) {
		if s[i] == '(' {
			j := strings.IndexAny(s[i+1:], "()")
			if j >= 0 && s[i+1+j] == ')' {
				inner := s[i+1 : i+1+j]
				b.WriteString(strings.ReplaceAll(inner, ",", " "))
				i += j + 2
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

func (p *parser) textGeom(src string) (orb.Geometry, bool, error) {
	toks, err := lex(src)
	if err != nil {
		return nil, false, err
	}
	q := &parser{toks: toks, opt: p.opt, tr: p.tr}
	g, isProp, err := q.geomArg()
	if err != nil {
		return nil, false, err
	}
	if q.peek().kind != tEOF {
		return nil, false, filter.Errorf("syntax", "bad geometry")
	}
	return g, isProp, nil
}

type timeT = time.Time
