package gpkg

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
	dateTimeLayout = "2006-01-02T15:04:05.000Z"
	dateLayout     = "2006-01-02"
)

// fmtTime formats t for a DATETIME column; "" (NULL) for the zero time.
func fmtTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Truncate(time.Millisecond).Format(dateTimeLayout)
}

// normTime is t as it comes back from the store.
func normTime(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC().Truncate(time.Millisecond)
}

func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, ok := parseStoredTime(s); ok {
		return t, nil
	}
	if t, err := time.Parse(dateTimeLayout, s); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("gpkg: bad DATETIME %q", s)
	}
	return t.UTC(), nil
}

// parseStoredTime reads the form fmtTime writes (YYYY-MM-DDTHH:MM:SS.SSSZ) by
// hand, as time.Parse with dateTimeLayout would, at a fraction of its cost
// (every object read has four of them); ok is false for anything else, which
// time.Parse then judges.
func parseStoredTime(s string) (time.Time, bool) {
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

func nullStr(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// record is one object version prepared for storage.
type record struct {
	obj        *store.Object // normalised copy: UTC ms times, MultiPolygon, storage attrs
	geom       []byte        // GeoPackage binary; nil for no geometry
	bound      orb.Bound
	hasBound   bool
	so, sv     string // start_obiekt, start_wersja
	ev, eo     string // koniec_wersja, koniec_obiekt
	attrs      []any  // storage values in column order: string, int64, float64 or nil
	hash       string
	changeJSON []byte // change-log encoding of everything but the geometry
}

// rtreeBound is the R-tree entry of the record's geometry, as the gpkg_rtree_index
// triggers compute it (none for a NULL or empty geometry).
func (r *record) rtreeBound() bnd {
	if r.geom == nil {
		return bnd{}
	}
	b, ok := blobBound(r.geom)
	return bnd{b, ok}
}

// toStorage converts a public attribute value to the SQL value of its column.
func toStorage(c store.Column, v any) (any, error) {
	if v == nil {
		return nil, nil
	}
	bad := func() (any, error) {
		return nil, fmt.Errorf("gpkg: column %s (%s): unsupported value %T", c.Name, c.Type, v)
	}
	switch c.Type {
	case store.Text:
		s, ok := v.(string)
		if !ok {
			return bad()
		}
		if !utf8.ValidString(s) {
			return nil, fmt.Errorf("gpkg: column %s: invalid UTF-8", c.Name)
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
			return nil, fmt.Errorf("gpkg: column %s: non-finite number", c.Name)
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
		return t.Format(dateLayout), nil
	case store.DateTime:
		t, ok := v.(time.Time)
		if !ok {
			return bad()
		}
		return nullStr(fmtTime(t)), nil
	}
	return bad()
}

// fromStorage converts an SQL value of a column back to its public Go type.
func fromStorage(c store.Column, v any) (any, error) {
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
			return time.Parse(dateLayout, x)
		case time.Time:
			return time.Date(x.Year(), x.Month(), x.Day(), 0, 0, 0, 0, time.UTC), nil
		}
	case store.DateTime:
		switch x := v.(type) {
		case string:
			return parseTime(x)
		case time.Time:
			return x.UTC(), nil
		}
	}
	return nil, fmt.Errorf("gpkg: column %s (%s): unexpected stored value %T", c.Name, c.Type, v)
}

// prepare validates and normalises o for layer li.
func prepare(li *layerInfo, o *store.Object) (*record, error) {
	if o == nil {
		return nil, fmt.Errorf("gpkg: nil object")
	}
	if o.ID == "" || o.Version == "" {
		return nil, fmt.Errorf("gpkg: %s object without lokalnyId or wersjaId", li.Name)
	}
	if o.StartVersion.IsZero() {
		return nil, fmt.Errorf("gpkg: %s/%s/%s: startWersjaObiekt missing", li.Name, o.ID, o.Version)
	}
	g := o.Geometry
	switch li.Geometry {
	case store.MultiPolygon:
		switch v := g.(type) {
		case orb.Polygon:
			g = orb.MultiPolygon{v}
		case orb.MultiPolygon, nil:
		default:
			return nil, fmt.Errorf("gpkg: %s/%s: geometry %T, layer wants MULTIPOLYGON", li.Name, o.ID, g)
		}
	case store.Point:
		switch g.(type) {
		case orb.Point, nil:
		default:
			return nil, fmt.Errorf("gpkg: %s/%s: geometry %T, layer wants POINT", li.Name, o.ID, g)
		}
	case store.MultiLineString:
		switch v := g.(type) {
		case orb.LineString:
			g = orb.MultiLineString{v}
		case orb.MultiLineString, nil:
		default:
			return nil, fmt.Errorf("gpkg: %s/%s: geometry %T, layer wants MULTILINESTRING", li.Name, o.ID, g)
		}
	}
	if g != nil && isEmptyGeom(g) {
		g = nil // stored as NULL: "no geometry"
	}
	r := &record{}
	if g != nil {
		var err error
		if r.geom, err = encodeGeom(g, store.StorageSRID); err != nil {
			return nil, err
		}
		r.bound, r.hasBound = g.Bound(), true
	}
	for k := range o.Attrs {
		if _, ok := li.pubIdx[k]; !ok {
			return nil, fmt.Errorf("gpkg: %s/%s: attribute %q is not a public column of the layer", li.Name, o.ID, k)
		}
	}
	r.attrs = make([]any, len(li.Columns))
	attrs := make(map[string]any, len(o.Attrs))
	for i, c := range li.Columns {
		v, err := toStorage(c, o.Attrs[c.Name])
		if err != nil {
			return nil, fmt.Errorf("gpkg: %s/%s: %w", li.Name, o.ID, err)
		}
		r.attrs[i] = v
		if v != nil {
			pv, err := fromStorage(c, v)
			if err != nil {
				return nil, err
			}
			attrs[c.Name] = pv
		}
	}
	r.so, r.sv, r.ev, r.eo = fmtTime(o.StartObject), fmtTime(o.StartVersion), fmtTime(o.EndVersion), fmtTime(o.EndObject)
	r.obj = &store.Object{
		Layer: li.Name, ID: o.ID, Namespace: o.Namespace, Version: o.Version,
		StartObject: normTime(o.StartObject), StartVersion: normTime(o.StartVersion),
		EndVersion: normTime(o.EndVersion), EndObject: normTime(o.EndObject),
		Geometry: g, Attrs: attrs,
	}
	r.hash = contentHash(r)
	return r, nil
}

// contentHash hashes everything of a version but its end dates (those are compared
// separately, so that closing a version does not require rehashing it).
func contentHash(r *record) string {
	h := sha256.New()
	var buf []byte
	field := func(b []byte) {
		buf = binary.AppendUvarint(buf[:0], uint64(len(b)))
		h.Write(buf)
		h.Write(b)
	}
	field([]byte(r.obj.ID))
	field([]byte(r.obj.Namespace))
	field([]byte(r.obj.Version))
	field([]byte(r.so))
	field([]byte(r.sv))
	field(r.geom)
	for _, v := range r.attrs {
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

func encodeChangeJSON(li *layerInfo, r *record, ev, eo string) []byte {
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
	kv("ns", r.obj.Namespace)
	kv("so", r.so)
	kv("sv", r.sv)
	kv("ev", ev)
	kv("eo", eo)
	if !first {
		b = append(b, ',')
	}
	b = append(b, `"a":{`...)
	n := 0
	for i, v := range r.attrs {
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

func decodeChangeObject(li *layerInfo, id, version string, obj []byte, geomWKB []byte) (*store.Object, error) {
	var cj changeJSON
	if err := json.Unmarshal(obj, &cj); err != nil {
		return nil, fmt.Errorf("gpkg: change log: %w", err)
	}
	o := &store.Object{Layer: li.Name, ID: id, Version: version, Namespace: cj.NS, Attrs: map[string]any{}}
	var err error
	for _, p := range []struct {
		s string
		t *time.Time
	}{{cj.SO, &o.StartObject}, {cj.SV, &o.StartVersion}, {cj.EV, &o.EndVersion}, {cj.EO, &o.EndObject}} {
		if *p.t, err = parseTime(p.s); err != nil {
			return nil, err
		}
	}
	for k, raw := range cj.A {
		i, ok := li.pubIdx[k]
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
		if o.Attrs[k], err = fromStorage(c, v); err != nil {
			return nil, err
		}
	}
	if geomWKB != nil {
		if o.Geometry, err = wkb.Unmarshal(geomWKB); err != nil {
			return nil, fmt.Errorf("gpkg: change log geometry: %w", err)
		}
	}
	return o, nil
}
