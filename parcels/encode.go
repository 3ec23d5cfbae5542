package parcels

import (
	"encoding/binary"
	"math"
	"strconv"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/geo"
)

// Output geometry of ULDK and the card: coordinates always x = E/lon, y = N/lat
// (ULDK writes `SRID=2180;POLYGON((E N,…))`, PostGIS style), whatever the EPSG
// axis order of the CRS.

// outCRS is an output CRS with its transform from storage and the rounding of
// transformed coordinates (1 mm, or about 0.1 mm in degrees).
type outCRS struct {
	crs  *geo.CRS
	srid int
	tr   *geo.Transform
	prec int // decimals kept after a real transform; -1 keeps shortest exact
}

func newOutCRS(c *geo.CRS) *outCRS {
	tr, _ := geo.NewTransform(geo.CRS2180, c)
	o := &outCRS{crs: c, srid: c.Code, tr: tr, prec: -1}
	if !tr.IsIdentity() {
		o.prec = 3
		if c.Geographic {
			o.prec = 9
		}
	}
	if c == geo.CRS84 {
		o.srid = 4326
	}
	return o
}

var out2180 = newOutCRS(geo.CRS2180)

func (o *outCRS) pt(p orb.Point) orb.Point {
	if o.tr.IsIdentity() {
		return p
	}
	x, y := o.tr.Point(p[0], p[1])
	return orb.Point{round(x, o.prec), round(y, o.prec)}
}

func round(v float64, prec int) float64 {
	if prec < 0 {
		return v
	}
	s := math.Pow10(prec)
	return math.Round(v*s) / s
}

func appendNum(b []byte, v float64) []byte {
	if v == 0 {
		return append(b, '0') // never "-0"
	}
	return strconv.AppendFloat(b, v, 'f', -1, 64)
}

// appendWKT appends `SRID=n;POLYGON((x y,…))` (or MULTIPOLYGON when the
// geometry has several parts).
func (o *outCRS) appendWKT(b []byte, mp orb.MultiPolygon) []byte {
	b = append(b, "SRID="...)
	b = strconv.AppendInt(b, int64(o.srid), 10)
	b = append(b, ';')
	if len(mp) == 1 {
		b = append(b, "POLYGON"...)
		return o.appendPolygonText(b, mp[0])
	}
	b = append(b, "MULTIPOLYGON("...)
	for i, p := range mp {
		if i > 0 {
			b = append(b, ',')
		}
		b = o.appendPolygonText(b, p)
	}
	return append(b, ')')
}

func (o *outCRS) appendPolygonText(b []byte, p orb.Polygon) []byte {
	b = append(b, '(')
	for i, r := range p {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '(')
		for j, pt := range r {
			if j > 0 {
				b = append(b, ',')
			}
			q := o.pt(pt)
			b = appendNum(b, q[0])
			b = append(b, ' ')
			b = appendNum(b, q[1])
		}
		b = append(b, ')')
	}
	return append(b, ')')
}

const hexDigits = "0123456789ABCDEF"

// appendEWKBHex appends the PostGIS hex EWKB (little endian, with SRID) of mp:
// a Polygon for one part, else a MultiPolygon.
func (o *outCRS) appendEWKBHex(b []byte, mp orb.MultiPolygon) []byte {
	var buf []byte
	if len(mp) == 1 {
		buf = o.wkbPolygon(buf, mp[0], true)
	} else {
		buf = append(buf, 1)
		buf = binary.LittleEndian.AppendUint32(buf, 6|0x20000000)
		buf = binary.LittleEndian.AppendUint32(buf, uint32(o.srid))
		buf = binary.LittleEndian.AppendUint32(buf, uint32(len(mp)))
		for _, p := range mp {
			buf = o.wkbPolygon(buf, p, false)
		}
	}
	for _, c := range buf {
		b = append(b, hexDigits[c>>4], hexDigits[c&15])
	}
	return b
}

func (o *outCRS) wkbPolygon(buf []byte, p orb.Polygon, srid bool) []byte {
	buf = append(buf, 1)
	if srid {
		buf = binary.LittleEndian.AppendUint32(buf, 3|0x20000000)
		buf = binary.LittleEndian.AppendUint32(buf, uint32(o.srid))
	} else {
		buf = binary.LittleEndian.AppendUint32(buf, 3)
	}
	buf = binary.LittleEndian.AppendUint32(buf, uint32(len(p)))
	for _, r := range p {
		buf = binary.LittleEndian.AppendUint32(buf, uint32(len(r)))
		for _, pt := range r {
			q := o.pt(pt)
			buf = binary.LittleEndian.AppendUint64(buf, math.Float64bits(q[0]))
			buf = binary.LittleEndian.AppendUint64(buf, math.Float64bits(q[1]))
		}
	}
	return buf
}

// appendExtent appends "xmin,ymin,xmax,ymax" of mp in the output CRS.
func (o *outCRS) appendExtent(b []byte, mp orb.MultiPolygon) []byte {
	var bb orb.Bound
	first := true
	for _, p := range mp {
		for _, r := range p {
			for _, pt := range r {
				q := o.pt(pt)
				if first {
					bb = orb.Bound{Min: q, Max: q}
					first = false
				} else {
					bb = bb.Extend(q)
				}
			}
		}
	}
	b = appendNum(b, bb.Min[0])
	b = append(b, ',')
	b = appendNum(b, bb.Min[1])
	b = append(b, ',')
	b = appendNum(b, bb.Max[0])
	b = append(b, ',')
	return appendNum(b, bb.Max[1])
}

// appendGeoJSON appends an RFC 7946 geometry of mp in the output CRS (x = E/lon).
func (o *outCRS) appendGeoJSON(b []byte, mp orb.MultiPolygon) []byte {
	b = append(b, `{"type":"MultiPolygon","coordinates":[`...)
	for i, p := range mp {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		for j, r := range p {
			if j > 0 {
				b = append(b, ',')
			}
			b = append(b, '[')
			for k, pt := range r {
				if k > 0 {
					b = append(b, ',')
				}
				q := o.pt(pt)
				b = append(b, '[')
				b = appendNum(b, q[0])
				b = append(b, ',')
				b = appendNum(b, q[1])
				b = append(b, ']')
			}
			b = append(b, ']')
		}
		b = append(b, ']')
	}
	return append(b, "]}"...)
}
