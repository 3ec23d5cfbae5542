// Package filter is the typed filter expression shared by the WFS (FES 2.0 / 1.1)
// and OGC API (CQL2) front ends. Parsers build an Expr checked against a Schema
// (every property name must be one of the collection's queryables); the feature
// engine evaluates it in Go against decoded objects. Nothing here ever becomes
// SQL text, so a hostile property name or literal cannot reach the database.
package filter

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/paulmach/orb"
)

// Type is the type of a queryable property.
type Type int

const (
	String Type = iota
	Number
	Integer
	DateTime
	Geometry
)

func (t Type) String() string {
	switch t {
	case String:
		return "string"
	case Number:
		return "number"
	case Integer:
		return "integer"
	case DateTime:
		return "date-time"
	case Geometry:
		return "geometry"
	}
	return "unknown"
}

// Schema resolves property names (as clients spell them) to canonical names and
// types. Lookup must be case-sensitive-first; it may accept aliases.
type Schema interface {
	Lookup(name string) (canonical string, t Type, ok bool)
}

// Record is what a filter is evaluated against.
type Record interface {
	// Value returns a property value: string, float64, int64, time.Time, or nil.
	Value(name string) any
	// Geom is the feature geometry in the storage CRS (x = E, y = N).
	Geom() orb.Geometry
	// FeatureID is the id ResourceId / FeatureId filters compare with.
	FeatureID() string
}

// Expr is a boolean filter expression.
type Expr interface{ isExpr() }

// Scalar is a value: a Property or a Literal.
type Scalar interface{ isScalar() }

// Property names a queryable (canonical name, resolved at parse time).
type Property struct {
	Name string
	Type Type
}

// Literal is a constant: string, float64, bool or time.Time.
type Literal struct{ Value any }

func (Property) isScalar() {}
func (Literal) isScalar()  {}

// And, Or, Not combine expressions.
type (
	And struct{ Args []Expr }
	Or  struct{ Args []Expr }
	Not struct{ Arg Expr }
	// Const is TRUE or FALSE.
	Const bool
)

// Compare is a binary comparison; Op is one of = <> < <= > >=.
type Compare struct {
	Op          string
	Left, Right Scalar
	// MatchCase false compares strings case-insensitively (FES matchCase="false", CQL2 CASEI).
	NoCase bool
}

// Like matches a string property against a pattern written with '%' for any run and
// '_' for one character ('\\' escapes), as CQL2 does; FES patterns are converted.
type Like struct {
	Arg     Scalar
	Pattern string
	NoCase  bool
}

// In tests membership of a list of literals.
type In struct {
	Arg  Scalar
	List []Scalar
}

// Between is Lo <= Arg <= Hi.
type Between struct{ Arg, Lo, Hi Scalar }

// IsNull is true when the value is absent.
type IsNull struct{ Arg Scalar }

// Spatial relates the feature geometry with a literal geometry in the storage CRS.
// Op: intersects, disjoint, within, contains, equals, touches, crosses, overlaps;
// "bbox" is intersects with an envelope.
type Spatial struct {
	Op   string
	Geom orb.Geometry
}

// Temporal relates a date-time property with an instant (Lo == Hi) or an interval.
// Op: after, before, during, equals, intersects. A zero bound is open.
type Temporal struct {
	Op     string
	Arg    Property
	Lo, Hi time.Time
}

// IDs keeps features with one of these ids.
type IDs struct{ IDs []string }

func (And) isExpr()      {}
func (Or) isExpr()       {}
func (Not) isExpr()      {}
func (Const) isExpr()    {}
func (Compare) isExpr()  {}
func (Like) isExpr()     {}
func (In) isExpr()       {}
func (Between) isExpr()  {}
func (IsNull) isExpr()   {}
func (Spatial) isExpr()  {}
func (Temporal) isExpr() {}
func (IDs) isExpr()      {}

// Limits bound the cost of a filter.
type Limits struct {
	MaxNodes   int // expression nodes, literals included (default 500)
	MaxDepth   int // nesting (default 32)
	MaxPoints  int // coordinates in geometry literals (default 10000)
	MaxLen     int // filter text length (default 64 KiB)
	MaxPattern int // LIKE pattern length (default 256)
}

// DefaultLimits are used where a zero Limits is given.
var DefaultLimits = Limits{MaxNodes: 500, MaxDepth: 32, MaxPoints: 10000, MaxLen: 64 << 10, MaxPattern: 256}

// WithDefaults fills zero fields.
func (l Limits) WithDefaults() Limits {
	d := DefaultLimits
	if l.MaxNodes > 0 {
		d.MaxNodes = l.MaxNodes
	}
	if l.MaxDepth > 0 {
		d.MaxDepth = l.MaxDepth
	}
	if l.MaxPoints > 0 {
		d.MaxPoints = l.MaxPoints
	}
	if l.MaxLen > 0 {
		d.MaxLen = l.MaxLen
	}
	if l.MaxPattern > 0 {
		d.MaxPattern = l.MaxPattern
	}
	return d
}

// Error is a filter that cannot be accepted. Kind tells the protocol which code to
// use: "parse" (not well-formed XML), "syntax", "property" (unknown property),
// "type", "limit", "crs".
type Error struct {
	Kind string
	Msg  string
}

func (e *Error) Error() string { return e.Msg }

// Errorf makes a filter error.
func Errorf(kind, format string, args ...any) *Error {
	return &Error{Kind: kind, Msg: fmt.Sprintf(format, args...)}
}

// AsError extracts a *Error.
func AsError(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

// Check verifies the structural limits of e (nodes, depth, points).
func Check(e Expr, l Limits) error {
	l = l.WithDefaults()
	nodes, points := 0, 0
	var walk func(e Expr, depth int) error
	walk = func(e Expr, depth int) error {
		nodes++
		if depth > l.MaxDepth {
			return Errorf("limit", "filter nested deeper than %d levels", l.MaxDepth)
		}
		if nodes > l.MaxNodes {
			return Errorf("limit", "filter has more than %d nodes", l.MaxNodes)
		}
		switch e := e.(type) {
		case And:
			for _, a := range e.Args {
				if err := walk(a, depth+1); err != nil {
					return err
				}
			}
		case Or:
			for _, a := range e.Args {
				if err := walk(a, depth+1); err != nil {
					return err
				}
			}
		case Not:
			return walk(e.Arg, depth+1)
		case In:
			nodes += len(e.List)
		case Spatial:
			points += countPoints(e.Geom)
			if points > l.MaxPoints {
				return Errorf("limit", "filter geometries have more than %d coordinates", l.MaxPoints)
			}
		case Like:
			if len(e.Pattern) > l.MaxPattern {
				return Errorf("limit", "LIKE pattern longer than %d bytes", l.MaxPattern)
			}
		case IDs:
			nodes += len(e.IDs)
		}
		if nodes > l.MaxNodes {
			return Errorf("limit", "filter has more than %d nodes", l.MaxNodes)
		}
		return nil
	}
	return walk(e, 0)
}

func countPoints(g orb.Geometry) int {
	switch g := g.(type) {
	case orb.Point:
		return 1
	case orb.MultiPoint:
		return len(g)
	case orb.LineString:
		return len(g)
	case orb.Ring:
		return len(g)
	case orb.Polygon:
		n := 0
		for _, r := range g {
			n += len(r)
		}
		return n
	case orb.MultiLineString:
		n := 0
		for _, r := range g {
			n += len(r)
		}
		return n
	case orb.MultiPolygon:
		n := 0
		for _, p := range g {
			n += countPoints(p)
		}
		return n
	case orb.Bound:
		return 2
	case orb.Collection:
		n := 0
		for _, x := range g {
			n += countPoints(x)
		}
		return n
	}
	return 0
}

// Format renders e for logs and tests (not a standard encoding).
func Format(e Expr) string {
	var b strings.Builder
	write(&b, e)
	return b.String()
}

func write(b *strings.Builder, e Expr) {
	switch e := e.(type) {
	case And:
		writeList(b, "AND", e.Args)
	case Or:
		writeList(b, "OR", e.Args)
	case Not:
		b.WriteString("NOT(")
		write(b, e.Arg)
		b.WriteString(")")
	case Const:
		fmt.Fprintf(b, "%v", bool(e))
	case Compare:
		fmt.Fprintf(b, "%s %s %s", scalarString(e.Left), e.Op, scalarString(e.Right))
		if e.NoCase {
			b.WriteString(" (nocase)")
		}
	case Like:
		fmt.Fprintf(b, "%s LIKE %q", scalarString(e.Arg), e.Pattern)
	case In:
		fmt.Fprintf(b, "%s IN (", scalarString(e.Arg))
		for i, s := range e.List {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString(scalarString(s))
		}
		b.WriteString(")")
	case Between:
		fmt.Fprintf(b, "%s BETWEEN %s AND %s", scalarString(e.Arg), scalarString(e.Lo), scalarString(e.Hi))
	case IsNull:
		fmt.Fprintf(b, "%s IS NULL", scalarString(e.Arg))
	case Spatial:
		fmt.Fprintf(b, "S_%s(%v)", strings.ToUpper(e.Op), e.Geom.Bound())
	case Temporal:
		fmt.Fprintf(b, "T_%s(%s,%s,%s)", strings.ToUpper(e.Op), e.Arg.Name, e.Lo.Format(time.RFC3339), e.Hi.Format(time.RFC3339))
	case IDs:
		fmt.Fprintf(b, "ID IN %q", e.IDs)
	default:
		fmt.Fprintf(b, "?%T", e)
	}
}

func writeList(b *strings.Builder, op string, args []Expr) {
	b.WriteString("(")
	for i, a := range args {
		if i > 0 {
			b.WriteString(" " + op + " ")
		}
		write(b, a)
	}
	b.WriteString(")")
}

func scalarString(s Scalar) string {
	switch s := s.(type) {
	case Property:
		return s.Name
	case Literal:
		switch v := s.Value.(type) {
		case string:
			return fmt.Sprintf("%q", v)
		case time.Time:
			return v.Format(time.RFC3339Nano)
		default:
			return fmt.Sprint(v)
		}
	}
	return "?"
}
