package mvt

import (
	"encoding/binary"
	"math"
	"strings"
	"sync"
)

// Attrs is a compact, immutable attribute list for features kept in memory
// for a long time (the dynamic tiles' feature cache): one string holds every
// value, typed, with its key as an index into a shared key table, instead of
// a []Prop with a boxed value and a string allocation per attribute. Adding
// it to a layer reads the values in place (strings are substrings of it).
type Attrs struct {
	keys *Keys
	s    string
}

// Keys is a shared, interned table of attribute names (InternKeys).
type Keys struct{ names []string }

var keysTable = struct {
	sync.Mutex
	m map[string]*Keys
}{m: map[string]*Keys{}}

// InternKeys returns the one table of these names (in this order), so that
// every Attrs of a column selection shares it.
func InternKeys(names []string) *Keys {
	id := strings.Join(names, "\x00")
	keysTable.Lock()
	defer keysTable.Unlock()
	if k, ok := keysTable.m[id]; ok {
		return k
	}
	k := &Keys{names: append([]string(nil), names...)}
	keysTable.m[id] = k
	return k
}

// AttrsBuilder encodes an Attrs. Values are appended in order with the index
// of their key in the table; the zero builder is ready after Reset.
type AttrsBuilder struct {
	keys *Keys
	b    []byte
}

// Reset starts a new attribute list over a key table.
func (a *AttrsBuilder) Reset(keys *Keys) {
	a.keys = keys
	a.b = a.b[:0]
}

// String appends a string value of key number k.
func (a *AttrsBuilder) String(k int, v string) {
	a.b = binary.AppendUvarint(a.b, uint64(k))
	a.b = append(a.b, 's')
	a.b = binary.AppendUvarint(a.b, uint64(len(v)))
	a.b = append(a.b, v...)
}

// Int appends an integer value.
func (a *AttrsBuilder) Int(k int, v int64) {
	a.b = binary.AppendUvarint(a.b, uint64(k))
	a.b = append(a.b, 'i')
	a.b = binary.AppendVarint(a.b, v)
}

// Float appends a double value (NaN and infinities are left out, as Prop
// values of those are).
func (a *AttrsBuilder) Float(k int, v float64) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return
	}
	a.b = binary.AppendUvarint(a.b, uint64(k))
	a.b = append(a.b, 'd')
	a.b = binary.LittleEndian.AppendUint64(a.b, math.Float64bits(v))
}

// Bool appends a boolean value.
func (a *AttrsBuilder) Bool(k int, v bool) {
	a.b = binary.AppendUvarint(a.b, uint64(k))
	n := byte(0)
	if v {
		n = 1
	}
	a.b = append(a.b, 'b', n)
}

// Finish returns the attribute list, in one allocation with prefix in front of
// it: prefix (for instance the feature's key) is returned as a substring of
// that same allocation, so a cached feature holds one string for both.
func (a *AttrsBuilder) Finish(prefix string) (Attrs, string) {
	s := prefix + string(a.b)
	return Attrs{keys: a.keys, s: s[len(prefix):]}, s[:len(prefix)]
}

// Bytes is the size of the encoded values (the heap they take, apart from
// the shared key table).
func (a Attrs) Bytes() int { return len(a.s) }

// each calls fn for every attribute in order; it stops at a malformed entry
// (there are none in what a builder made).
func (a Attrs) each(fn func(key string, v value)) {
	s := a.s
	for len(s) > 0 {
		k, n := uvarint(s)
		if n <= 0 || len(s) < n+1 || a.keys == nil || k >= uint64(len(a.keys.names)) {
			return
		}
		kind := s[n]
		s = s[n+1:]
		var v value
		switch kind {
		case 's':
			l, m := uvarint(s)
			if m <= 0 || uint64(len(s)-m) < l {
				return
			}
			v = value{kind: 's', s: s[m : m+int(l)]}
			s = s[m+int(l):]
		case 'i':
			x, m := varint(s)
			if m <= 0 {
				return
			}
			v = value{kind: 'i', n: uint64(x)}
			s = s[m:]
		case 'd':
			if len(s) < 8 {
				return
			}
			v = value{kind: 'd', n: le64(s)}
			s = s[8:]
		case 'b':
			if len(s) < 1 {
				return
			}
			v = value{kind: 'b', n: uint64(s[0])}
			s = s[1:]
		default:
			return
		}
		fn(a.keys.names[k], v)
	}
}

// Props decodes the attributes (strings, int64s, float64s, bools).
func (a Attrs) Props() []Prop {
	var out []Prop
	a.each(func(key string, v value) { out = append(out, Prop{Key: key, Value: v.any()}) })
	return out
}

// Select is the attribute list of only the named keys (in the list's order).
func (a Attrs) Select(names ...string) Attrs {
	var b AttrsBuilder
	b.Reset(a.keys)
	a.each(func(key string, v value) {
		for _, n := range names {
			if n != key {
				continue
			}
			k := 0
			for i, kn := range a.keys.names {
				if kn == key {
					k = i
					break
				}
			}
			switch v.kind {
			case 's':
				b.String(k, v.s)
			case 'i':
				b.Int(k, int64(v.n))
			case 'd':
				b.Float(k, math.Float64frombits(v.n))
			case 'b':
				b.Bool(k, v.n != 0)
			}
		}
	})
	out, _ := b.Finish("")
	return out
}

func (v value) any() any {
	switch v.kind {
	case 's':
		return v.s
	case 'i':
		return int64(v.n)
	case 'd':
		return math.Float64frombits(v.n)
	case 'b':
		return v.n != 0
	}
	return nil
}

func le64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

func uvarint(s string) (uint64, int) {
	var x uint64
	var sh uint
	for i := 0; i < len(s) && i < binary.MaxVarintLen64; i++ {
		c := s[i]
		if c < 0x80 {
			return x | uint64(c)<<sh, i + 1
		}
		x |= uint64(c&0x7f) << sh
		sh += 7
	}
	return 0, 0
}

func varint(s string) (int64, int) {
	ux, n := uvarint(s)
	x := int64(ux >> 1)
	if ux&1 != 0 {
		x = ^x
	}
	return x, n
}

// AddPolygonAttrs is AddPolygon with an Attrs attribute list.
func (l *Layer) AddPolygonAttrs(id uint64, rings [][]P, a Attrs) {
	if l.polygonGeom(rings) {
		l.addFeatureAttrs(id, Polygon, a)
	}
}

// AddLinesAttrs is AddLines with an Attrs attribute list.
func (l *Layer) AddLinesAttrs(id uint64, lines [][]P, a Attrs) {
	if l.linesGeom(lines) {
		l.addFeatureAttrs(id, LineString, a)
	}
}

// AddPointsAttrs is AddPoints with an Attrs attribute list.
func (l *Layer) AddPointsAttrs(id uint64, pts []P, a Attrs) {
	if l.pointsGeom(pts) {
		l.addFeatureAttrs(id, Point, a)
	}
}

func (l *Layer) addFeatureAttrs(id uint64, t GeomType, a Attrs) {
	tags := l.tags[:0]
	a.each(func(key string, v value) {
		tags = append(tags, l.key(key), l.val(v))
	})
	l.tags = tags
	l.writeFeature(id, t)
}
