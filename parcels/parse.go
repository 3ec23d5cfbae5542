package parcels

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/geo"
)

// parseSRID reads an EPSG code ("2180") or any CRS spelling the registry knows
// ("EPSG:4326", "urn:ogc:def:crs:EPSG::2177").
func parseSRID(s string) (*geo.CRS, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return geo.CRS2180, nil
	}
	if n, err := strconv.Atoi(s); err == nil {
		if c, ok := geo.Lookup(n); ok {
			return c, nil
		}
		return nil, fmt.Errorf("unsupported srid %q: supported are %s", s, supportedSRIDs())
	}
	c, _, err := geo.Parse(s)
	if err != nil {
		return nil, fmt.Errorf("unsupported srid %q: supported are %s", s, supportedSRIDs())
	}
	return c, nil
}

var supportedSRIDs = sync.OnceValue(func() string {
	var codes []string
	for _, c := range geo.All() {
		if c.Code != 0 {
			codes = append(codes, strconv.Itoa(c.Code))
		}
	}
	return strings.Join(codes, ", ")
})

// outFor returns the output of c, made once per server (mount.outs: bounded by
// the CRSs parseSRID knows).
func (m *mount) outFor(c *geo.CRS) *outCRS {
	if c == geo.CRS2180 {
		return out2180
	}
	if o, ok := m.outs.Load(c); ok {
		return o.(*outCRS)
	}
	o, _ := m.outs.LoadOrStore(c, newOutCRS(c))
	return o.(*outCRS)
}

func parseFloat(s string) (float64, bool) {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

// parseXY reads "x,y" (x = easting or longitude, y = northing or latitude, as
// ULDK and GIS clients send them) plus an optional ",srid" when allowSRID.
func parseXY(s string, allowSRID bool) (x, y float64, srid string, err error) {
	parts := strings.Split(s, ",")
	if len(parts) < 2 || len(parts) > 3 || (len(parts) == 3 && !allowSRID) {
		want := "x,y"
		if allowSRID {
			want = "x,y[,srid]"
		}
		return 0, 0, "", fmt.Errorf("malformed xy %q: expected %s", s, want)
	}
	var ok1, ok2 bool
	x, ok1 = parseFloat(parts[0])
	y, ok2 = parseFloat(parts[1])
	if !ok1 || !ok2 {
		return 0, 0, "", fmt.Errorf("malformed xy %q: coordinates must be numbers", s)
	}
	if len(parts) == 3 {
		srid = strings.TrimSpace(parts[2])
	}
	return x, y, srid, nil
}

// poland is the area of use of EPSG:2180 in degrees (the whole country).
var poland = geo.CRS2180.GeographicBounds()

// toStorage converts an input point (x = E/lon) in c to EPSG:2180 and checks it
// lies in Poland; a point that would be in Poland with x and y exchanged gets an
// error saying so.
func toStorage(c *geo.CRS, x, y float64) (orb.Point, error) {
	inPoland := func(x, y float64) bool {
		tr, _ := geo.NewTransform(c, geo.CRS84)
		lon, lat := tr.Point(x, y)
		return !math.IsNaN(lon) && !math.IsNaN(lat) && poland.Contains(orb.Point{lon, lat})
	}
	if !inPoland(x, y) {
		if inPoland(y, x) {
			return orb.Point{}, fmt.Errorf("coordinates %s,%s in %s are outside Poland but would be inside with x and y exchanged: send x = easting (longitude) first, y = northing (latitude) second", fmtNum(x), fmtNum(y), c)
		}
		return orb.Point{}, fmt.Errorf("coordinates %s,%s in %s are outside Poland", fmtNum(x), fmtNum(y), c)
	}
	tr, _ := geo.NewTransform(c, geo.CRS2180)
	e, n := tr.Point(x, y)
	return orb.Point{e, n}, nil
}

func fmtNum(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// swappedError is the error for a point in Poland that misses every dataset but
// would hit one with its coordinates exchanged (EPSG:2180 clients sending N,E).
func swappedError(x, y float64, c *geo.CRS) error {
	return fmt.Errorf("coordinates %s,%s in %s are outside the hosted data, which they would hit with x and y exchanged: send x = easting (longitude) first, y = northing (latitude) second", fmtNum(x), fmtNum(y), c)
}
