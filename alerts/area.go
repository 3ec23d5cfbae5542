package alerts

import (
	"context"
	"fmt"
	"math"
	"regexp"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/wkb"
	"github.com/twpayne/go-geos"

	"github.com/sip-core/sip/alerts/affected"
	"github.com/sip-core/sip/alerts/cap"
	"github.com/sip-core/sip/geo"
	"github.com/sip-core/sip/store"
)

// Area is an alert's area as resolved from its spec: the geometry that
// selects what is affected (EPSG:2180) and what CAP says of it.
type Area struct {
	Desc string           `json:"desc"`
	Geom orb.MultiPolygon `json:"geom"`
	// Circle, for an area drawn as one: centre and radius as CAP writes them.
	Circle *Circle `json:"circle,omitempty"`
	// Units are the TERC codes of the gminy (jednostki) the area covers.
	Units []string `json:"units,omitempty"`
}

// Circle is a CAP circle.
type Circle struct {
	Lat, Lon, RadiusKm float64
}

// Bounds of what staff may draw: a circle or a line's buffer up to 50 km.
const (
	maxRadiusM = 50000
	maxBufferM = 5000
	// streetBufferM widens the parcels and buildings of a listed street.
	streetBufferM = 15
)

var (
	toPL    = mustTransform(geo.CRS84, geo.CRS2180)
	toWGS84 = toPL.Inverse()
	tercRE  = regexp.MustCompile(`^[0-9]{7}$`)
)

func mustTransform(a, b *geo.CRS) *geo.Transform {
	t, err := geo.NewTransform(a, b)
	if err != nil {
		panic(err)
	}
	return t
}

// resolve turns a spec into an area, reading units and streets from the
// areas dataset and streets also from the address points of reg (nil when
// there is no register).
func resolve(ctx context.Context, r, reg store.Reader, s *AreaSpec) (*Area, error) {
	kinds := 0
	for _, set := range []bool{s.Geometry != nil, len(s.Gminy) > 0, len(s.Obreby) > 0, len(s.Streets) > 0} {
		if set {
			kinds++
		}
	}
	if kinds != 1 {
		return nil, badRequest("area: give exactly one of geometry, gminy, obreby, streets")
	}
	a := &Area{Desc: strings.TrimSpace(s.Description)}
	var err error
	switch {
	case s.Geometry != nil:
		err = a.drawn(s)
	case len(s.Gminy) > 0:
		err = a.units(ctx, r, "jednostki", "id_jednostki", gminaIDs(s.Gminy), s.Gminy)
	case len(s.Obreby) > 0:
		err = a.units(ctx, r, "obreby", "id_obrebu", s.Obreby, s.Obreby)
	default:
		err = a.streets(ctx, r, reg, s.Streets)
	}
	if err != nil {
		return nil, err
	}
	if a.Desc == "" {
		return nil, badRequest("area.description is required (a short name of the area, such as \"Łask, ul. Kościuszki\")")
	}
	return a, nil
}

func (a *Area) drawn(s *AreaSpec) error {
	g, err := s.Geometry.Orb()
	if err != nil {
		return err
	}
	gc := geos.NewContext()
	switch g := g.(type) {
	case orb.Point:
		if !(s.RadiusM > 0 && s.RadiusM <= maxRadiusM) {
			return badRequest("area.radius_m: a circle's radius in metres, up to %d", maxRadiusM)
		}
		c := toPL.Apply(g).(orb.Point)
		a.Geom = orb.MultiPolygon{circle(c, s.RadiusM)}
		a.Circle = &Circle{Lat: g[1], Lon: g[0], RadiusKm: s.RadiusM / 1000}
		return nil
	case orb.LineString:
		if !(s.BufferM > 0 && s.BufferM <= maxBufferM) {
			return badRequest("area.buffer_m: the distance in metres around the line, up to %d", maxBufferM)
		}
		geom, err := fromOrb(gc, toPL.Apply(g))
		if err != nil {
			return err
		}
		return a.setGEOS(geom.Buffer(s.BufferM, 8))
	}
	geom, err := fromOrb(gc, toPL.Apply(g))
	if err != nil {
		return err
	}
	if !geom.IsValid() {
		return badRequest("area.geometry is not a valid polygon: %s", geom.IsValidReason())
	}
	return a.setGEOS(geom)
}

// circle is a circle as a polygon of 72 sides circumscribed about it, so
// that nothing within the radius is left out.
func circle(c orb.Point, r float64) orb.Polygon {
	const n = 72
	rr := r / math.Cos(math.Pi/n)
	ring := make(orb.Ring, 0, n+1)
	for i := 0; i < n; i++ {
		t := 2 * math.Pi * float64(i) / n
		ring = append(ring, orb.Point{c[0] + rr*math.Cos(t), c[1] + rr*math.Sin(t)})
	}
	return orb.Polygon{append(ring, ring[0])}
}

func fromOrb(gc *geos.Context, g orb.Geometry) (*geos.Geom, error) {
	b, err := wkb.Marshal(g)
	if err != nil {
		return nil, badRequest("area.geometry: %v", err)
	}
	geom, err := gc.NewGeomFromWKB(b)
	if err != nil {
		return nil, badRequest("area.geometry: %v", err)
	}
	return geom, nil
}

func (a *Area) setGEOS(g *geos.Geom) error {
	og, err := wkb.Unmarshal(g.ToWKB())
	if err != nil {
		return err
	}
	a.Geom = polygonsOf(og)
	if len(a.Geom) == 0 || a.Geom.Bound().IsZero() {
		return badRequest("area: the geometry covers nothing")
	}
	return nil
}

func polygonsOf(g orb.Geometry) orb.MultiPolygon {
	switch g := g.(type) {
	case orb.Polygon:
		return orb.MultiPolygon{g}
	case orb.MultiPolygon:
		return g
	case orb.Collection:
		var out orb.MultiPolygon
		for _, x := range g {
			out = append(out, polygonsOf(x)...)
		}
		return out
	}
	return nil
}

// gminaIDs accepts id_jednostki (100301_4) or TERC (1003014).
func gminaIDs(in []string) []string {
	out := make([]string, len(in))
	for i, s := range in {
		s = strings.TrimSpace(s)
		if tercRE.MatchString(s) {
			s = s[:6] + "_" + s[6:]
		}
		out[i] = s
	}
	return out
}

// units makes the area of listed jednostki or obręby, by id or by name.
func (a *Area) units(ctx context.Context, r store.Reader, layer, col string, ids, given []string) error {
	var names []string
	for i, id := range ids {
		n := 0
		for _, where := range []map[string]any{{col: id}, {"nazwa": strings.TrimSpace(given[i])}} {
			err := r.Query(ctx, store.Query{Layer: layer, Where: where}, func(row store.Row) error {
				n++
				a.Geom = append(a.Geom, polygonsOf(row.Geometry)...)
				if s, _ := row.Attrs["nazwa"].(string); s != "" {
					names = append(names, s)
				}
				return nil
			})
			if err != nil {
				return err
			}
			if n > 0 {
				break
			}
		}
		if n == 0 {
			return badRequest("area: no %s %q in the dataset %s", layer, given[i], r.Name())
		}
	}
	if a.Desc == "" {
		a.Desc = strings.Join(names, ", ")
	}
	return nil
}

// streetOf is the street part of an address: "Łask, ul. Kościuszki 12" →
// "łask, ul. kościuszki".
func streetOf(addr string) string {
	f := strings.Fields(strings.ToLower(addr))
	if len(f) > 1 && strings.ContainsAny(f[len(f)-1], "0123456789") {
		f = f[:len(f)-1]
	}
	return strings.Join(f, " ")
}

// streets makes the area of listed streets: the buildings and parcels with
// an address on them, and the register's address points on them, widened by
// streetBufferM.
func (a *Area) streets(ctx context.Context, r, reg store.Reader, streets []string) error {
	want := map[string]int{}
	for _, s := range streets {
		want[streetOf(s+" 1")] = 0
	}
	var parts []orb.Geometry
	for _, l := range []struct {
		r          store.Reader
		layer, col string
	}{{r, "budynki", "adresy"}, {r, "dzialki", "adresy"}, {reg, affected.RegisterLayer, "adres"}} {
		if l.r == nil {
			continue
		}
		if _, ok := store.LayerByName(l.r.Layers(), l.layer); !ok {
			continue
		}
		err := l.r.Query(ctx, store.Query{Layer: l.layer}, func(row store.Row) error {
			s, _ := row.Attrs[l.col].(string)
			for _, one := range strings.Split(s, "; ") {
				if _, ok := want[streetOf(one)]; ok && one != "" {
					want[streetOf(one)]++
					parts = append(parts, row.Geometry)
					break
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	for i, s := range streets {
		if want[streetOf(s+" 1")] == 0 {
			return badRequest("area.streets[%d]: no address on %q in the dataset %s (write it as stored: \"Łask, ul. Kościuszki\")", i, s, r.Name())
		}
	}
	gc := geos.NewContext()
	geom, err := fromOrb(gc, orb.Collection(parts))
	if err != nil {
		return err
	}
	if a.Desc == "" {
		a.Desc = strings.Join(streets, "; ")
	}
	return a.setGEOS(geom.Buffer(streetBufferM, 4).UnaryUnion())
}

// capArea is the CAP area block: each polygon's outer ring simplified to at
// most maxVertices positions, keeping its topology (holes are left out, as
// consumers want; the area then errs on the larger side), or the circle as
// drawn; the gminy covered as TERYT geocodes.
func (a *Area) capArea(maxVertices int) (cap.Area, error) {
	out := cap.Area{AreaDesc: a.Desc}
	for _, u := range a.Units {
		out.Geocode = append(out.Geocode, cap.Value{ValueName: "TERYT", Value: u})
	}
	if c := a.Circle; c != nil {
		s, err := cap.Circle(cap.LatLon{Lat: c.Lat, Lon: c.Lon}, c.RadiusKm)
		out.Circle = []string{s}
		return out, err
	}
	gc := geos.NewContext()
	for _, p := range a.Geom {
		ring := simplified(gc, p[0], maxVertices)
		ll := make([]cap.LatLon, len(ring))
		for i, q := range ring {
			w := toWGS84.Apply(q).(orb.Point)
			ll[i] = cap.LatLon{Lat: w[1], Lon: w[0]}
		}
		s, err := cap.Polygon(ll)
		if err != nil {
			return out, fmt.Errorf("alerts: area %q: %w", a.Desc, err)
		}
		out.Polygon = append(out.Polygon, s)
	}
	return out, nil
}

// simplified simplifies a ring until it has at most n positions, doubling
// the tolerance from one metre.
func simplified(gc *geos.Context, r orb.Ring, n int) orb.Ring {
	if len(r) <= n {
		return r
	}
	g, err := fromOrb(gc, orb.Polygon{r})
	if err != nil {
		return r
	}
	for tol := 1.0; tol < 1e6; tol *= 2 {
		s := g.TopologyPreserveSimplify(tol)
		og, err := wkb.Unmarshal(s.ToWKB())
		if err != nil {
			break
		}
		if mp := polygonsOf(og); len(mp) > 0 && len(mp[0][0]) <= n {
			return mp[0][0]
		}
	}
	b := r.Bound()
	return orb.Ring{b.Min, {b.Max[0], b.Min[1]}, b.Max, {b.Min[0], b.Max[1]}, b.Min}
}
