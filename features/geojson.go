package features

import (
	"encoding/json"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/paulmach/orb"
)

// appendGeometry appends a GeoJSON geometry in the output CRS and axis order.
func (o *outCRS) appendGeometry(b []byte, g orb.Geometry) []byte {
	switch g := g.(type) {
	case orb.Point:
		b = append(b, `{"type":"Point","coordinates":`...)
		b = o.appendPt(b, g)
	case orb.MultiPoint:
		b = append(b, `{"type":"MultiPoint","coordinates":`...)
		b = o.appendPts(b, g)
	case orb.LineString:
		b = append(b, `{"type":"LineString","coordinates":`...)
		b = o.appendPts(b, g)
	case orb.MultiLineString:
		b = append(b, `{"type":"MultiLineString","coordinates":[`...)
		for i, l := range g {
			if i > 0 {
				b = append(b, ',')
			}
			b = o.appendPts(b, l)
		}
		b = append(b, ']')
	case orb.Polygon:
		b = append(b, `{"type":"Polygon","coordinates":`...)
		b = o.appendPoly(b, g)
	case orb.MultiPolygon:
		b = append(b, `{"type":"MultiPolygon","coordinates":[`...)
		for i, p := range g {
			if i > 0 {
				b = append(b, ',')
			}
			b = o.appendPoly(b, p)
		}
		b = append(b, ']')
	default:
		return append(b, "null"...)
	}
	return append(b, '}')
}

func (o *outCRS) appendPt(b []byte, p orb.Point) []byte {
	b = append(b, '[')
	b = o.appendCoord(b, p, ',')
	return append(b, ']')
}

func (o *outCRS) appendPts(b []byte, ps []orb.Point) []byte {
	b = append(b, '[')
	var first0, first1 int
	for i, p := range ps {
		if i > 0 {
			b = append(b, ',')
		}
		if i > 0 && i == len(ps)-1 && p == ps[0] {
			// a closed ring ends where it starts: the same text
			b = append(b, b[first0:first1]...)
			continue
		}
		if i == 0 {
			first0 = len(b)
		}
		b = o.appendPt(b, p)
		if i == 0 {
			first1 = len(b)
		}
	}
	return append(b, ']')
}

func (o *outCRS) appendPoly(b []byte, p orb.Polygon) []byte {
	b = append(b, '[')
	for i, r := range p {
		if i > 0 {
			b = append(b, ',')
		}
		b = o.appendPts(b, r)
	}
	return append(b, ']')
}

func appendJSONString(b []byte, s string) []byte {
	ascii := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			q, _ := json.Marshal(s) // rare: escapes, HTML-safe
			return append(b, q...)
		}
		if c >= 0x80 {
			ascii = false
		}
	}
	if !ascii && (!utf8.ValidString(s) || strings.ContainsAny(s, "\u2028\u2029")) {
		q, _ := json.Marshal(s)
		return append(b, q...)
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

func appendJSONValue(b []byte, v any) []byte {
	switch x := v.(type) {
	case nil:
		return append(b, "null"...)
	case string:
		return appendJSONString(b, x)
	case float64:
		return appendNum(b, x)
	case int64:
		return appendNum(b, float64(x))
	case time.Time:
		return appendJSONString(b, x.UTC().Format(time.RFC3339Nano))
	}
	q, _ := json.Marshal(v)
	return append(b, q...)
}

// appendFeature appends one GeoJSON Feature; sel lists the property indexes to
// write (nil = all); links are appended when not empty.
func appendFeature(b []byte, f *feature, o *outCRS, sel []int, links []byte) []byte {
	b = append(b, `{"type":"Feature","id":`...)
	b = appendJSONString(b, f.FeatureID())
	b = append(b, `,"geometry":`...)
	b = o.appendGeometry(b, f.obj.Geometry)
	b = append(b, `,"properties":{`...)
	first := true
	// absent values are written as null: clients that infer the schema from the
	// first features (GDAL, QGIS) then see every property
	write := func(i int) {
		if !first {
			b = append(b, ',')
		}
		first = false
		b = appendJSONString(b, f.c.Props[i].Name)
		b = append(b, ':')
		b = appendJSONValue(b, f.values[i])
	}
	if sel == nil {
		for i := range f.c.Props {
			write(i)
		}
	} else {
		for _, i := range sel {
			write(i)
		}
	}
	b = append(b, '}')
	if len(links) > 0 {
		b = append(b, `,"links":`...)
		b = append(b, links...)
	}
	return append(b, '}')
}
