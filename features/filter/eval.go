package filter

import (
	"math"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/wkb"
	geos "github.com/twpayne/go-geos"
)

// Program is a compiled filter: spatial literals prepared once (GEOS prepared
// geometries), then Match per feature. A Program is safe for concurrent use.
type Program struct {
	expr Expr
	mu   sync.Mutex
	ctx  *geos.Context
	prep map[int]*prepared
}

type prepared struct {
	geom  *geos.Geom
	pg    *geos.PrepGeom
	bound orb.Bound
	rect  bool // the literal is a box (an Envelope, a bbox)
}

// Compile prepares e for evaluation.
func Compile(e Expr) (*Program, error) {
	p := &Program{expr: e, prep: map[int]*prepared{}}
	n := 0
	var err error
	var walk func(e Expr) Expr
	walk = func(e Expr) Expr {
		switch x := e.(type) {
		case And:
			args := make([]Expr, len(x.Args))
			for i, a := range x.Args {
				args[i] = walk(a)
			}
			return And{args}
		case Or:
			args := make([]Expr, len(x.Args))
			for i, a := range x.Args {
				args[i] = walk(a)
			}
			return Or{args}
		case Not:
			return Not{walk(x.Arg)}
		case Spatial:
			if p.ctx == nil {
				p.ctx = geos.NewContext()
			}
			g, e2 := toGEOS(p.ctx, x.Geom)
			if e2 != nil {
				err = Errorf("type", "invalid geometry literal: %v", e2)
				return e
			}
			n++
			_, rect := x.Geom.(orb.Bound)
			p.prep[n] = &prepared{geom: g, pg: g.Prepare(), bound: x.Geom.Bound(), rect: rect}
			return compiledSpatial{op: x.Op, id: n}
		}
		return e
	}
	p.expr = walk(e)
	if err != nil {
		return nil, err
	}
	return p, nil
}

type compiledSpatial struct {
	op string
	id int
}

func (compiledSpatial) isExpr() {}

func toGEOS(ctx *geos.Context, g orb.Geometry) (*geos.Geom, error) {
	if b, ok := g.(orb.Bound); ok {
		return ctx.NewGeomFromBounds(b.Min[0], b.Min[1], b.Max[0], b.Max[1]), nil
	}
	data, err := wkb.Marshal(g)
	if err != nil {
		return nil, err
	}
	return ctx.NewGeomFromWKB(data)
}

// Match evaluates the program against r.
func (p *Program) Match(r Record) bool {
	if p == nil || p.expr == nil {
		return true
	}
	return p.eval(p.expr, r) == tTrue
}

// three-valued logic: a comparison with NULL is unknown.
type tri int8

const (
	tFalse tri = iota
	tTrue
	tUnknown
)

func triOf(b bool) tri {
	if b {
		return tTrue
	}
	return tFalse
}

func (p *Program) eval(e Expr, r Record) tri {
	switch e := e.(type) {
	case And:
		res := tTrue
		for _, a := range e.Args {
			switch p.eval(a, r) {
			case tFalse:
				return tFalse
			case tUnknown:
				res = tUnknown
			}
		}
		return res
	case Or:
		res := tFalse
		for _, a := range e.Args {
			switch p.eval(a, r) {
			case tTrue:
				return tTrue
			case tUnknown:
				res = tUnknown
			}
		}
		return res
	case Not:
		switch p.eval(e.Arg, r) {
		case tTrue:
			return tFalse
		case tFalse:
			return tTrue
		}
		return tUnknown
	case Const:
		return triOf(bool(e))
	case Compare:
		a, b := value(e.Left, r), value(e.Right, r)
		if a == nil || b == nil {
			return tUnknown
		}
		c, ok := compare(a, b, e.NoCase)
		if !ok {
			return tFalse
		}
		switch e.Op {
		case "=":
			return triOf(c == 0)
		case "<>":
			return triOf(c != 0)
		case "<":
			return triOf(c < 0)
		case "<=":
			return triOf(c <= 0)
		case ">":
			return triOf(c > 0)
		case ">=":
			return triOf(c >= 0)
		}
		return tFalse
	case Like:
		v := value(e.Arg, r)
		if v == nil {
			return tUnknown
		}
		s := toString(v)
		pat := e.Pattern
		if e.NoCase {
			s, pat = strings.ToLower(s), strings.ToLower(pat)
		}
		return triOf(likeMatch(s, pat))
	case In:
		v := value(e.Arg, r)
		if v == nil {
			return tUnknown
		}
		for _, l := range e.List {
			w := value(l, r)
			if w == nil {
				continue
			}
			if c, ok := compare(v, w, false); ok && c == 0 {
				return tTrue
			}
		}
		return tFalse
	case Between:
		v, lo, hi := value(e.Arg, r), value(e.Lo, r), value(e.Hi, r)
		if v == nil || lo == nil || hi == nil {
			return tUnknown
		}
		c1, ok1 := compare(v, lo, false)
		c2, ok2 := compare(v, hi, false)
		return triOf(ok1 && ok2 && c1 >= 0 && c2 <= 0)
	case IsNull:
		return triOf(value(e.Arg, r) == nil)
	case IDs:
		id := r.FeatureID()
		for _, x := range e.IDs {
			if x == id {
				return tTrue
			}
		}
		return tFalse
	case Temporal:
		v, ok := r.Value(e.Arg.Name).(time.Time)
		if !ok {
			return tUnknown
		}
		return triOf(temporal(e.Op, v, e.Lo, e.Hi))
	case compiledSpatial:
		return triOf(p.spatial(e, r.Geom()))
	case Spatial:
		// not compiled (Compile was not called): compile on the fly.
		q, err := Compile(e)
		if err != nil {
			return tFalse
		}
		return triOf(q.Match(r))
	}
	return tFalse
}

func temporal(op string, v, lo, hi time.Time) bool {
	switch op {
	case "after":
		return v.After(hi)
	case "before":
		return v.Before(lo)
	case "during":
		return (lo.IsZero() || v.After(lo)) && (hi.IsZero() || v.Before(hi))
	case "equals":
		return v.Equal(lo) && v.Equal(hi)
	case "intersects":
		return (lo.IsZero() || !v.Before(lo)) && (hi.IsZero() || !v.After(hi))
	}
	return false
}

func (p *Program) spatial(e compiledSpatial, g orb.Geometry) bool {
	if g == nil {
		return false
	}
	pr := p.prep[e.id]
	fb := g.Bound()
	overlap := fb.Min[0] <= pr.bound.Max[0] && fb.Max[0] >= pr.bound.Min[0] && fb.Min[1] <= pr.bound.Max[1] && fb.Max[1] >= pr.bound.Min[1]
	switch e.op {
	case "disjoint":
		if !overlap {
			return true
		}
	case "bbox", "intersects":
		if !overlap {
			return false
		}
		if pr.rect { // a box: plain arithmetic (IntersectsBox), no GEOS
			return IntersectsBox(g, pr.bound)
		}
	default:
		if !overlap {
			return false
		}
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	fg, err := toGEOS(p.ctx, g)
	if err != nil {
		return false
	}
	switch e.op {
	case "intersects", "bbox":
		return pr.pg.Intersects(fg)
	case "disjoint":
		return pr.pg.Disjoint(fg)
	case "within": // feature within literal
		return pr.pg.Contains(fg)
	case "contains": // feature contains literal
		return pr.pg.Within(fg)
	case "equals":
		return pr.geom.Equals(fg)
	case "touches":
		return pr.pg.Touches(fg)
	case "crosses":
		return pr.pg.Crosses(fg)
	case "overlaps":
		return pr.pg.Overlaps(fg)
	}
	return false
}

func value(s Scalar, r Record) any {
	switch s := s.(type) {
	case Property:
		return r.Value(s.Name)
	case Literal:
		return s.Value
	}
	return nil
}

func toString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case int64:
		return strconv.FormatInt(v, 10)
	case int:
		return strconv.Itoa(v)
	case bool:
		return strconv.FormatBool(v)
	case time.Time:
		return v.UTC().Format(time.RFC3339Nano)
	}
	return ""
}

func toFloat(v any) (float64, bool) {
	switch v := v.(type) {
	case float64:
		return v, true
	case int64:
		return float64(v), true
	case int:
		return float64(v), true
	case string:
		f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		return f, err == nil && !math.IsNaN(f)
	}
	return 0, false
}

func toTime(v any) (time.Time, bool) {
	switch v := v.(type) {
	case time.Time:
		return v, true
	case string:
		return ParseTime(v)
	}
	return time.Time{}, false
}

// ParseTime reads an RFC 3339 date-time or a date (midnight UTC).
func ParseTime(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04:05.999999999", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

// CompareValues orders two property values (strings, numbers, times); ok is
// false when they cannot be compared.
func CompareValues(a, b any) (int, bool) { return compare(a, b, false) }

// compare orders a and b; ok is false when they cannot be compared.
func compare(a, b any, nocase bool) (int, bool) {
	switch x := a.(type) {
	case time.Time:
		y, ok := toTime(b)
		if !ok {
			return 0, false
		}
		return x.Compare(y), true
	case float64, int64, int:
		fx, _ := toFloat(x)
		fy, ok := toFloat(b)
		if !ok {
			return 0, false
		}
		return cmpFloat(fx, fy), true
	case bool:
		y, ok := b.(bool)
		if !ok {
			return 0, false
		}
		if x == y {
			return 0, true
		}
		if !x {
			return -1, true
		}
		return 1, true
	case string:
		switch y := b.(type) {
		case string:
			if nocase {
				return strings.Compare(strings.ToLower(x), strings.ToLower(y)), true
			}
			return strings.Compare(x, y), true
		case time.Time:
			t, ok := toTime(x)
			if !ok {
				return 0, false
			}
			return t.Compare(y), true
		case float64, int64, int:
			fx, ok := toFloat(x)
			if !ok {
				return 0, false
			}
			fy, _ := toFloat(y)
			return cmpFloat(fx, fy), true
		}
	}
	return 0, false
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// likeMatch matches s against a pattern with '%', '_' and '\' escapes, iteratively
// (no backtracking blow-up: linear in len(s)*stars).
func likeMatch(s, pat string) bool {
	// tokenise the pattern
	type tok struct {
		kind byte // 'c' char, '_' one, '%' any
		r    rune
	}
	var toks []tok
	for i := 0; i < len(pat); {
		r, n := utf8.DecodeRuneInString(pat[i:])
		i += n
		switch r {
		case '\\':
			if i < len(pat) {
				r2, n2 := utf8.DecodeRuneInString(pat[i:])
				i += n2
				toks = append(toks, tok{'c', r2})
			} else {
				toks = append(toks, tok{'c', '\\'})
			}
		case '%':
			if len(toks) == 0 || toks[len(toks)-1].kind != '%' {
				toks = append(toks, tok{'%', 0})
			}
		case '_':
			toks = append(toks, tok{'_', 0})
		default:
			toks = append(toks, tok{'c', r})
		}
	}
	rs := []rune(s)
	si, ti := 0, 0
	starTi, starSi := -1, 0
	for si < len(rs) {
		if ti < len(toks) && (toks[ti].kind == '_' || (toks[ti].kind == 'c' && toks[ti].r == rs[si])) {
			si++
			ti++
		} else if ti < len(toks) && toks[ti].kind == '%' {
			starTi, starSi = ti, si
			ti++
		} else if starTi >= 0 {
			ti = starTi + 1
			starSi++
			si = starSi
		} else {
			return false
		}
	}
	for ti < len(toks) && toks[ti].kind == '%' {
		ti++
	}
	return ti == len(toks)
}

// SpatialBound returns a box that every feature matching e must intersect (for
// an index pre-filter), when e is a conjunction containing such a predicate.
func SpatialBound(e Expr) (orb.Bound, bool) {
	switch e := e.(type) {
	case Spatial:
		switch e.Op {
		case "intersects", "bbox", "within", "contains", "equals", "touches", "crosses", "overlaps":
			return e.Geom.Bound(), true
		}
	case And:
		var out orb.Bound
		found := false
		for _, a := range e.Args {
			if b, ok := SpatialBound(a); ok {
				if !found {
					out, found = b, true
				} else {
					if out.Intersects(b) {
						out = orb.Bound{Min: orb.Point{max(out.Min[0], b.Min[0]), max(out.Min[1], b.Min[1])},
							Max: orb.Point{min(out.Max[0], b.Max[0]), min(out.Max[1], b.Max[1])}}
					}
				}
			}
		}
		return out, found
	}
	return orb.Bound{}, false
}

// ResourceIDs returns the id list when e is exactly an id filter (for a Get fast path).
func ResourceIDs(e Expr) ([]string, bool) {
	if x, ok := e.(IDs); ok {
		return x.IDs, true
	}
	return nil, false
}
