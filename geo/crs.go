// Package geo is the CRS registry of SIP core: the coordinate reference
// systems used for Polish county cadastre data, the parsing of CRS names as
// they are spelled by OGC services and GML files (with the axis order each
// spelling implies), and coordinate transforms between every pair.
//
// Inside this package, and in every Transform, coordinates are always in the
// traditional GIS order x = easting/longitude, y = northing/latitude. The
// authority axis order (Axis, and the order returned by Parse) matters only at
// protocol edges, where SwapXY / ToAxisOrder convert.
package geo

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
)

// AxisOrder is the order of the two horizontal coordinates in a serialisation.
type AxisOrder int

const (
	// EastNorth: x = easting / longitude first.
	EastNorth AxisOrder = iota
	// NorthEast: northing / latitude first.
	NorthEast
)

func (a AxisOrder) String() string {
	switch a {
	case EastNorth:
		return "EastNorth"
	case NorthEast:
		return "NorthEast"
	}
	return "AxisOrder(" + strconv.Itoa(int(a)) + ")"
}

type crsKind int

const (
	kindGeographic crsKind = iota
	kindTM
	kindWebMerc
)

// CRS is one coordinate reference system of the registry. CRS values are
// shared singletons: compare them by pointer or by Code.
type CRS struct {
	Code       int    // EPSG code; 0 for OGC CRS84
	Name       string // e.g. "ETRF2000-PL / CS92"
	Geographic bool
	Axis       AxisOrder // the authority's official axis order

	kind crsKind
	tm   tmParams
	// area of use in geographic degrees (west, south, east, north), as in the EPSG dataset
	useW, useS, useE, useN float64
	bounds                 orb.Bound
}

func newTM(code int, name string, lon0, k0, fe, fn float64, w, s, e, n float64) *CRS {
	return &CRS{
		Code: code, Name: name, Axis: NorthEast, kind: kindTM,
		tm:   tmParams{el: grs80, lon0: lon0, k0: k0, fe: fe, fn: fn},
		useW: w, useS: s, useE: e, useN: n,
	}
}

func newGeog(code int, name string, axis AxisOrder, w, s, e, n float64) *CRS {
	return &CRS{
		Code: code, Name: name, Geographic: true, Axis: axis, kind: kindGeographic,
		useW: w, useS: s, useE: e, useN: n,
	}
}

// The registry. Areas of use are those of the EPSG dataset (as shipped with PROJ 9).
var (
	CRS2180 = newTM(2180, "ETRF2000-PL / CS92", 19, 0.9993, 500000, -5300000, 14.14, 49.0, 24.15, 55.93)
	CRS2176 = newTM(2176, "ETRF2000-PL / CS2000/15", 15, 0.999923, 5500000, 0, 14.14, 50.26, 16.5, 55.35)
	CRS2177 = newTM(2177, "ETRF2000-PL / CS2000/18", 18, 0.999923, 6500000, 0, 16.5, 49.39, 19.5, 55.93)
	CRS2178 = newTM(2178, "ETRF2000-PL / CS2000/21", 21, 0.999923, 7500000, 0, 19.5, 49.09, 22.5, 54.55)
	CRS2179 = newTM(2179, "ETRF2000-PL / CS2000/24", 24, 0.999923, 8500000, 0, 22.5, 49.0, 24.15, 54.41)
	CRS4326 = newGeog(4326, "WGS 84", NorthEast, -180, -90, 180, 90)
	CRS4258 = newGeog(4258, "ETRS89", NorthEast, -16.1, 32.88, 40.18, 84.73)
	CRS9702 = newGeog(9702, "ETRF2000-PL", NorthEast, 14.14, 49.0, 24.15, 55.93)
	CRS3857 = &CRS{Code: 3857, Name: "WGS 84 / Pseudo-Mercator", Axis: EastNorth, kind: kindWebMerc,
		useW: -180, useS: -85.06, useE: 180, useN: 85.06}
	CRS84 = newGeog(0, "WGS 84 (CRS84)", EastNorth, -180, -90, 180, 90)
)

var registry = []*CRS{CRS2180, CRS2176, CRS2177, CRS2178, CRS2179, CRS4326, CRS4258, CRS9702, CRS3857, CRS84}

func init() {
	for _, c := range registry {
		if c.Geographic {
			c.bounds = orb.Bound{Min: orb.Point{c.useW, c.useS}, Max: orb.Point{c.useE, c.useN}}
			continue
		}
		t, err := NewTransform(CRS84, c)
		if err != nil {
			panic(err)
		}
		c.bounds = t.Bound(orb.Bound{Min: orb.Point{c.useW, c.useS}, Max: orb.Point{c.useE, c.useN}})
	}
}

// Lookup returns the registered CRS with the given EPSG code. Code 0 is not
// an EPSG code and is not found; use CRS84 for OGC CRS84.
func Lookup(code int) (*CRS, bool) {
	if code == 0 {
		return nil, false
	}
	for _, c := range registry {
		if c.Code == code {
			return c, true
		}
	}
	return nil, false
}

// All returns the registered CRSs in registry order. The slice is a copy.
func All() []*CRS {
	out := make([]*CRS, len(registry))
	copy(out, registry)
	return out
}

// String returns the short name: "EPSG:2180", or "CRS:84" for CRS84.
func (c *CRS) String() string {
	if c == nil {
		return "<nil CRS>"
	}
	if c.Code == 0 {
		return "CRS:84"
	}
	return "EPSG:" + strconv.Itoa(c.Code)
}

// URN returns the OGC URN: "urn:ogc:def:crs:EPSG::2180" or "urn:ogc:def:crs:OGC:1.3:CRS84".
func (c *CRS) URN() string {
	if c.Code == 0 {
		return "urn:ogc:def:crs:OGC:1.3:CRS84"
	}
	return "urn:ogc:def:crs:EPSG::" + strconv.Itoa(c.Code)
}

// URI returns the OGC http URI: "http://www.opengis.net/def/crs/EPSG/0/2180"
// or "http://www.opengis.net/def/crs/OGC/1.3/CRS84".
func (c *CRS) URI() string {
	if c.Code == 0 {
		return "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
	}
	return "http://www.opengis.net/def/crs/EPSG/0/" + strconv.Itoa(c.Code)
}

// Bounds returns the CRS's area of use in its own units with x = E/lon and
// y = N/lat (never in authority order). For projected CRSs it is the
// envelope of the projected geographic area of use.
func (c *CRS) Bounds() orb.Bound { return c.bounds }

// GeographicBounds returns the area of use in degrees, x = lon, y = lat.
func (c *CRS) GeographicBounds() orb.Bound {
	return orb.Bound{Min: orb.Point{c.useW, c.useS}, Max: orb.Point{c.useE, c.useN}}
}

// UnknownCRSError reports a CRS name that is malformed or names a CRS that
// is not in the registry. Protocol layers map it to InvalidCRS / InvalidSRS.
type UnknownCRSError struct {
	Input  string // the name as given
	Reason string // short explanation
}

func (e *UnknownCRSError) Error() string {
	if e.Reason == "" {
		return fmt.Sprintf("geo: unknown CRS %q", e.Input)
	}
	return fmt.Sprintf("geo: unknown CRS %q: %s", e.Input, e.Reason)
}

const maxCRSNameLen = 256

// Parse recognises the CRS spellings met in OGC services and GML files and
// returns the CRS and the axis order that spelling implies:
//
//	EPSG:2180, epsg:2180                           authority order
//	urn:ogc:def:crs:EPSG::2180                     authority order
//	urn:ogc:def:crs:EPSG:6.9:2180 (any version)    authority order
//	urn:x-ogc:def:crs:EPSG:2180 (also with version) authority order
//	http(s)://www.opengis.net/def/crs/EPSG/0/2180  authority order
//	http://www.opengis.net/gml/srs/epsg.xml#2180   EastNorth (legacy x/y)
//	CRS:84, OGC:CRS84, CRS84,
//	urn:ogc:def:crs:OGC:1.3:CRS84, urn:ogc:def:crs:OGC::CRS84,
//	http(s)://www.opengis.net/def/crs/OGC/1.3/CRS84 CRS84, EastNorth
//
// Matching is case-insensitive and ignores surrounding white space. Anything
// else, or an EPSG code outside the registry, yields an *UnknownCRSError.
func Parse(s string) (*CRS, AxisOrder, error) {
	c, legacy, reason := parse(s)
	if c == nil {
		in := s
		if len(in) > maxCRSNameLen {
			in = in[:maxCRSNameLen] + "…"
		}
		return nil, EastNorth, &UnknownCRSError{Input: in, Reason: reason}
	}
	if legacy || c.Code == 0 {
		return c, EastNorth, nil
	}
	return c, c.Axis, nil
}

// MustParse is Parse for names known to be valid; it panics on error.
func MustParse(s string) *CRS {
	c, _, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return c
}

func parse(s string) (c *CRS, legacy bool, reason string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, false, "empty name"
	}
	if len(s) > maxCRSNameLen {
		return nil, false, "name too long"
	}
	l := strings.ToLower(s)
	switch l {
	case "crs:84", "ogc:crs84", "crs84", "ogc:crs:84":
		return CRS84, false, ""
	}
	if rest, ok := strings.CutPrefix(l, "epsg:"); ok {
		c, reason = epsgCode(rest)
		return c, false, reason
	}
	if strings.HasPrefix(l, "urn:") {
		c, reason = parseURN(l)
		return c, false, reason
	}
	for _, p := range []string{"http://www.opengis.net/gml/srs/epsg.xml#", "https://www.opengis.net/gml/srs/epsg.xml#"} {
		if rest, ok := strings.CutPrefix(l, p); ok {
			c, reason = epsgCode(rest)
			return c, true, reason
		}
	}
	for _, p := range []string{"http://www.opengis.net/def/crs/", "https://www.opengis.net/def/crs/"} {
		if rest, ok := strings.CutPrefix(l, p); ok {
			c, reason = parseDefURI(rest)
			return c, false, reason
		}
	}
	return nil, false, "unrecognised CRS name syntax"
}

// epsgCode resolves a decimal EPSG code string against the registry.
func epsgCode(s string) (*CRS, string) {
	if s == "" {
		return nil, "missing EPSG code"
	}
	if len(s) > 9 {
		return nil, "EPSG code out of range"
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return nil, "EPSG code is not a number"
		}
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return nil, "EPSG code is not a number"
	}
	c, ok := Lookup(n)
	if !ok {
		return nil, "EPSG:" + strconv.Itoa(n) + " is not supported"
	}
	return c, ""
}

// validVersion accepts an empty version or a dotted decimal one ("0", "6.9", "1.3", "9.8.15").
func validVersion(v string) bool {
	if v == "" {
		return true
	}
	for _, part := range strings.Split(v, ".") {
		if part == "" {
			return false
		}
		for i := 0; i < len(part); i++ {
			if part[i] < '0' || part[i] > '9' {
				return false
			}
		}
	}
	return true
}

// parseURN handles lower-cased urn:ogc:def:crs:… and urn:x-ogc:def:crs:… names.
func parseURN(l string) (*CRS, string) {
	parts := strings.Split(l, ":")
	if len(parts) < 6 || len(parts) > 7 || parts[0] != "urn" ||
		(parts[1] != "ogc" && parts[1] != "x-ogc") || parts[2] != "def" || parts[3] != "crs" {
		return nil, "malformed OGC URN (want urn:ogc:def:crs:<authority>:<version>:<code>)"
	}
	auth, code := parts[4], parts[len(parts)-1]
	if len(parts) == 7 && !validVersion(parts[5]) {
		return nil, "malformed version in OGC URN"
	}
	return authorityCode(auth, code)
}

// parseDefURI handles the tail of http://www.opengis.net/def/crs/<authority>/<version>/<code>.
func parseDefURI(rest string) (*CRS, string) {
	parts := strings.Split(rest, "/")
	if len(parts) != 3 {
		return nil, "malformed OGC CRS URI (want …/def/crs/<authority>/<version>/<code>)"
	}
	if parts[1] == "" || !validVersion(parts[1]) {
		return nil, "malformed version in OGC CRS URI"
	}
	return authorityCode(parts[0], parts[2])
}

func authorityCode(auth, code string) (*CRS, string) {
	switch auth {
	case "epsg":
		return epsgCode(code)
	case "ogc":
		if code == "crs84" {
			return CRS84, ""
		}
		return nil, "unsupported OGC CRS " + strconv.Quote(code)
	}
	return nil, "unsupported authority " + strconv.Quote(auth)
}
