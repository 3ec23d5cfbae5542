// Package record holds what every store backend does the same way: an object
// version validated and normalised for storage (Record), its canonical encoding
// and content hash, the change-log encoding, the stored forms of attribute
// values and times, the GeoPackage geometry blob the content hash is taken over,
// the state-hash digest of a stored row, and the schema rules. Two backends that
// store the same versions therefore hold the same hashes, so their state hashes
// are equal and a sync between them verifies.
package record

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/wkb"

	"github.com/sip-core/sip/store"
)

// Stored time formats. DATETIME values are UTC with millisecond precision, the form
// the GeoPackage specification requires ('YYYY-MM-DDTHH:MM:SS.SSSZ'); they sort
// lexicographically in time order, which the lifecycle queries rely on.
const (
	DateTimeLayout = "2006-01-02T15:04:05.000Z"
	DateLayout     = "2006-01-02"
)

// FormatTime formats t for a DATETIME column; "" (NULL) for the zero time.
func FormatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Truncate(time.Millisecond).Format(DateTimeLayout)
}

// NormTime is t as it comes back from the store.
func NormTime(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC().Truncate(time.Millisecond)
}

func ParseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, ok := ParseStoredTime(s); ok {
		return t, nil
	}
	if t, err := time.Parse(DateTimeLayout, s); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("store: bad DATETIME %q", s)
	}
	return t.UTC(), nil
}

// ParseStoredTime reads the form FormatTime writes (YYYY-MM-DDTHH:MM:SS.SSSZ) by
// hand, as time.Parse with DateTimeLayout would, at a fraction of its cost
// (every object read has four of them); ok is false for anything else, which
// time.Parse then judges.
func ParseStoredTime(s string) (time.Time, bool) {
	if len(s) != 24 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != '.' || s[23] != 'Z' {
		return time.Time{}, false
	}
	ok := true
	num := func(i, n int) int {
		v := 0
		for _, c := range []byte(s[i : i+n]) {
			if c < '0' || c > '9' {
				ok = false
			}
			v = v*10 + int(c-'0')
		}
		return v
	}
	y, mo, d := num(0, 4), num(5, 2), num(8, 2)
	h, mi, sec, ms := num(11, 2), num(14, 2), num(17, 2), num(20, 3)
	if !ok || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || sec > 59 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(mo), d, h, mi, sec, ms*int(time.Millisecond), time.UTC)
	if t.Day() != d { // 31 April and the like: time.Parse's error
		return time.Time{}, false
	}
	return t, true
}

func NullStr(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// Record is one object version prepared for storage.
type Record struct {
	Obj      *store.Object // normalised copy: UTC ms times, MultiPolygon, storage attrs
	Geom     []byte        // GeoPackage binary (the content hash covers it); nil for no geometry
	Bound    orb.Bound
	HasBound bool
	SO, SV   string // start_obiekt, start_wersja as stored (FormatTime)
	EV, EO   string // koniec_wersja, koniec_obiekt as stored
	Attrs    []any  // storage values in column order: string, int64, float64 or nil
	Hash     string // content hash: everything but the end dates
}

// GeomBound is the envelope of the stored geometry, read from the blob the way a
// backend reads a stored one back (none for a NULL or empty geometry).
func (r *Record) GeomBound() Bnd {
	if r.Geom == nil {
		return Bnd{}
	}
	b, ok := BlobBound(r.Geom)
	return Bnd{b, ok}
}

// WKB is the plain little-endian WKB of the geometry (nil for none).
func (r *Record) WKB() []byte {
	if r.Geom == nil {
		return nil
	}
	h, err := ParseHeader(r.Geom)
	if err != nil {
		return nil // EncodeGeom wrote it: cannot happen
	}
	return r.Geom[h.WKBOff:]
}

// Bnd is an optional bounding box.
type Bnd struct {
	B  orb.Bound
	OK bool
}

// Union is the box covering a and b.
func (a Bnd) Union(b Bnd) Bnd {
	switch {
	case !a.OK:
		return b
	case !b.OK:
		return a
	}
	return Bnd{a.B.Union(b.B), true}
}

// ToStorage converts a public attribute value to the SQL value of its column.
func ToStorage(c store.Column, v any) (any, error) {
	if v == nil {
		return nil, nil
	}
	bad := func() (any, error) {
		return nil, fmt.Errorf("store: column %s (%s): unsupported value %T", c.Name, c.Type, v)
	}
	switch c.Type {
	case store.Text:
		s, ok := v.(string)
		if !ok {
			return bad()
		}
		if !utf8.ValidString(s) {
			return nil, fmt.Errorf("store: column %s: invalid UTF-8", c.Name)
		}
		return s, nil
	case store.Integer:
		switch x := v.(type) {
		case int64:
			return x, nil
		case int:
			return int64(x), nil
		case int32:
			return int64(x), nil
		case int16:
			return int64(x), nil
		case int8:
			return int64(x), nil
		case uint8:
			return int64(x), nil
		case uint16:
			return int64(x), nil
		case uint32:
			return int64(x), nil
		case uint64:
			if x > math.MaxInt64 {
				return bad()
			}
			return int64(x), nil
		case uint:
			if uint64(x) > math.MaxInt64 {
				return bad()
			}
			return int64(x), nil
		}
		return bad()
	case store.Real:
		var f float64
		switch x := v.(type) {
		case float64:
			f = x
		case float32:
			f = float64(x)
		case int64:
			f = float64(x)
		case int:
			f = float64(x)
		default:
			return bad()
		}
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, fmt.Errorf("store: column %s: non-finite number", c.Name)
		}
		return f, nil
	case store.Date:
		t, ok := v.(time.Time)
		if !ok {
			return bad()
		}
		if t.IsZero() {
			return nil, nil
		}
		return t.Format(DateLayout), nil
	case store.DateTime:
		t, ok := v.(time.Time)
		if !ok {
			return bad()
		}
		return NullStr(FormatTime(t)), nil
	}
	return bad()
}

// FromStorage converts an SQL value of a column back to its public Go type.
func FromStorage(c store.Column, v any) (any, error) {
	if b, ok := v.([]byte); ok {
		v = string(b)
	}
	if v == nil {
		return nil, nil
	}
	switch c.Type {
	case store.Text:
		switch x := v.(type) {
		case string:
			return x, nil
		case int64:
			return strconv.FormatInt(x, 10), nil
		case float64:
			return strconv.FormatFloat(x, 'g', -1, 64), nil
		}
	case store.Integer:
		switch x := v.(type) {
		case int64:
			return x, nil
		case float64:
			return int64(x), nil
		}
	case store.Real:
		switch x := v.(type) {
		case float64:
			return x, nil
		case int64:
			return float64(x), nil
		}
	case store.Date:
		switch x := v.(type) {
		case string:
			return time.Parse(DateLayout, x)
		case time.Time:
			return time.Date(x.Year(), x.Month(), x.Day(), 0, 0, 0, 0, time.UTC), nil
		}
	case store.DateTime:
		switch x := v.(type) {
		case string:
			return ParseTime(x)
		case time.Time:
			return x.UTC(), nil
		}
	}
	return nil, fmt.Errorf("store: column %s (%s): unexpected stored value %T", c.Name, c.Type, v)
}

// Prepare validates and normalises o for layer li.
func Prepare(li *Layer, o *store.Object) (*Record, error) {
	if o == nil {
		return nil, fmt.Errorf("store: nil object")
	}
	if o.ID == "" || o.Version == "" {
		return nil, fmt.Errorf("store: %s object without lokalnyId or wersjaId", li.Name)
	}
	if o.StartVersion.IsZero() {
		return nil, fmt.Errorf("store: %s/%s/%s: startWersjaObiekt missing", li.Name, o.ID, o.Version)
	}
	g := o.Geometry
	switch li.Geometry {
	case store.MultiPolygon:
		switch v := g.(type) {
		case orb.Polygon:
			g = orb.MultiPolygon{v}
		case orb.MultiPolygon, nil:
		default:
			return nil, fmt.Errorf("store: %s/%s: geometry %T, layer wants MULTIPOLYGON", li.Name, o.ID, g)
		}
	case store.Point:
		switch g.(type) {
		case orb.Point, nil:
		default:
			return nil, fmt.Errorf("store: %s/%s: geometry %T, layer wants POINT", li.Name, o.ID, g)
		}
	case store.MultiLineString:
		switch v := g.(type) {
		case orb.LineString:
			g = orb.MultiLineString{v}
		case orb.MultiLineString, nil:
		default:
			return nil, fmt.Errorf("store: %s/%s: geometry %T, layer wants MULTILINESTRING", li.Name, o.ID, g)
		}
	}
	if g != nil && IsEmptyGeom(g) {
		g = nil // stored as NULL: "no geometry"
	}
	r := &Record{}
	if g != nil {
		var err error
		if r.Geom, err = EncodeGeom(g, store.StorageSRID); err != nil {
			return nil, err
		}
		r.Bound, r.HasBound = g.Bound(), true
	}
	for k := range o.Attrs {
		if _, ok := li.index[k]; !ok {
			return nil, fmt.Errorf("store: %s/%s: attribute %q is not a public column of the layer", li.Name, o.ID, k)
		}
	}
	r.Attrs = make([]any, len(li.Columns))
	attrs := make(map[string]any, len(o.Attrs))
	for i, c := range li.Columns {
		v, err := ToStorage(c, o.Attrs[c.Name])
		if err != nil {
			return nil, fmt.Errorf("store: %s/%s: %w", li.Name, o.ID, err)
		}
		r.Attrs[i] = v
		if v != nil {
			pv, err := FromStorage(c, v)
			if err != nil {
				return nil, err
			}
			attrs[c.Name] = pv
		}
	}
	r.SO, r.SV, r.EV, r.EO = FormatTime(o.StartObject), FormatTime(o.StartVersion), FormatTime(o.EndVersion), FormatTime(o.EndObject)
	r.Obj = &store.Object{
		Layer: li.Name, ID: o.ID, Namespace: o.Namespace, Version: o.Version,
		StartObject: NormTime(o.StartObject), StartVersion: NormTime(o.StartVersion),
		EndVersion: NormTime(o.EndVersion), EndObject: NormTime(o.EndObject),
		Geometry: g, Attrs: attrs,
	}
	r.Hash = contentHash(r)
	return r, nil
}

// contentHash hashes everything of a version but its end dates (those are compared
// separately, so that closing a version does not require rehashing it).
func contentHash(r *Record) string {
	h := sha256.New()
	var buf []byte
	field := func(b []byte) {
		buf = binary.AppendUvarint(buf[:0], uint64(len(b)))
		h.Write(buf)
		h.Write(b)
	}
	field([]byte(r.Obj.ID))
	field([]byte(r.Obj.Namespace))
	field([]byte(r.Obj.Version))
	field([]byte(r.SO))
	field([]byte(r.SV))
	field(r.Geom)
	for _, v := range r.Attrs {
		switch x := v.(type) {
		case nil:
			field([]byte{0})
		case string:
			field(append([]byte{1}, x...))
		case int64:
			field(binary.LittleEndian.AppendUint64([]byte{2}, uint64(x)))
		case float64:
			field(binary.LittleEndian.AppendUint64([]byte{3}, math.Float64bits(x)))
		}
	}
	sum := h.Sum(nil)
	return hex.EncodeToString(sum[:16])
}

// Change-log encoding: the obj column holds compact JSON
//
//	{"ns":…,"so":…,"sv":…,"ev":…,"eo":…,"a":{column: stored value}}
//
// (absent keys are NULL; attribute values are in their stored form, decoded by the
// layer's column types), the geom column the plain little-endian WKB of the geometry.

func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	for _, r := range s {
		switch {
		case r == '"':
			b = append(b, '\\', '"')
		case r == '\\':
			b = append(b, '\\', '\\')
		case r < 0x20 || r == 0x2028 || r == 0x2029:
			b = append(b, fmt.Sprintf(`\u%04x`, r)...)
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return append(b, '"')
}

func EncodeChange(li *Layer, r *Record, ev, eo string) []byte {
	b := make([]byte, 0, 256)
	b = append(b, '{')
	first := true
	kv := func(k, v string) {
		if v == "" {
			return
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b = appendJSONString(b, k)
		b = append(b, ':')
		b = appendJSONString(b, v)
	}
	kv("ns", r.Obj.Namespace)
	kv("so", r.SO)
	kv("sv", r.SV)
	kv("ev", ev)
	kv("eo", eo)
	if !first {
		b = append(b, ',')
	}
	b = append(b, `"a":{`...)
	n := 0
	for i, v := range r.Attrs {
		if v == nil {
			continue
		}
		if n > 0 {
			b = append(b, ',')
		}
		n++
		b = appendJSONString(b, li.Columns[i].Name)
		b = append(b, ':')
		switch x := v.(type) {
		case string:
			b = appendJSONString(b, x)
		case int64:
			b = strconv.AppendInt(b, x, 10)
		case float64:
			b = strconv.AppendFloat(b, x, 'g', -1, 64)
		}
	}
	return append(b, '}', '}')
}

type changeJSON struct {
	NS string                     `json:"ns"`
	SO string                     `json:"so"`
	SV string                     `json:"sv"`
	EV string                     `json:"ev"`
	EO string                     `json:"eo"`
	A  map[string]json.RawMessage `json:"a"`
}

func DecodeChange(li *Layer, id, version string, obj []byte, geomWKB []byte) (*store.Object, error) {
	var cj changeJSON
	if err := json.Unmarshal(obj, &cj); err != nil {
		return nil, fmt.Errorf("store: change log: %w", err)
	}
	o := &store.Object{Layer: li.Name, ID: id, Version: version, Namespace: cj.NS, Attrs: map[string]any{}}
	var err error
	for _, p := range []struct {
		s string
		t *time.Time
	}{{cj.SO, &o.StartObject}, {cj.SV, &o.StartVersion}, {cj.EV, &o.EndVersion}, {cj.EO, &o.EndObject}} {
		if *p.t, err = ParseTime(p.s); err != nil {
			return nil, err
		}
	}
	for k, raw := range cj.A {
		i, ok := li.index[k]
		if !ok {
			continue
		}
		c := li.Columns[i]
		var v any
		d := json.NewDecoder(bytes.NewReader(raw))
		d.UseNumber()
		if err := d.Decode(&v); err != nil {
			return nil, err
		}
		if n, ok := v.(json.Number); ok {
			if c.Type == store.Integer {
				v, err = n.Int64()
			} else {
				v, err = n.Float64()
			}
			if err != nil {
				return nil, err
			}
		}
		if o.Attrs[k], err = FromStorage(c, v); err != nil {
			return nil, err
		}
	}
	if geomWKB != nil {
		if o.Geometry, err = wkb.Unmarshal(geomWKB); err != nil {
			return nil, fmt.Errorf("store: change log geometry: %w", err)
		}
	}
	return o, nil
}

// VersionChange is a stored version read back (o) in the change-log encoding of
// a snapshot: what a sync source sends for it.
func VersionChange(li *Layer, o *store.Object) (store.RawChange, error) {
	r, err := Prepare(li, o)
	if err != nil {
		return store.RawChange{}, err
	}
	c := store.RawChange{Layer: li.Name, ID: o.ID, Version: o.Version, Op: "version", Obj: EncodeChange(li, r, r.EV, r.EO)}
	if r.Geom != nil {
		c.Geom = r.WKB()
		c.HasBounds, c.MinX, c.MinY, c.MaxX, c.MaxY = true, r.Bound.Min[0], r.Bound.Min[1], r.Bound.Max[0], r.Bound.Max[1]
	}
	return c, nil
}

// DecodeRaw turns a change in the change-log encoding into the object to put;
// reset is set instead for an entry without an object that deletes (written by
// a sync reset on a store that is itself a copy: every stored version of the
// object was removed at that point).
func DecodeRaw(li *Layer, c store.RawChange) (o *store.Object, reset bool, err error) {
	if len(c.Obj) == 0 && c.Op == string(store.OpDelete) {
		return nil, true, nil
	}
	var g []byte
	if len(c.Geom) > 0 {
		g = c.Geom
	}
	o, err = DecodeChange(li, c.ID, c.Version, c.Obj, g)
	return o, false, err
}
