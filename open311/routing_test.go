package open311_test

import (
	"math"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"github.com/sip-core/sip/store"
)

// county is what the routing tests know of the fixture, read from its stores.
type county struct {
	jed   []*store.Object
	roads []*store.Object
}

func readCounty(t *testing.T, dir string) *county {
	return &county{jed: layerObjects(t, filepath.Join(dir, "county.gpkg"), "jednostki"), roads: layerObjects(t, filepath.Join(dir, "drogi.gpkg"), "drogi")}
}

// jednostkaAt is the id of the jednostka containing p ("" outside).
func (c *county) jednostkaAt(p orb.Point) string {
	for _, j := range c.jed {
		if planar.MultiPolygonContains(j.Geometry.(orb.MultiPolygon), p) {
			return j.Attrs["id_jednostki"].(string)
		}
	}
	return ""
}

// boundaryDistance is the distance from p to the nearest jednostka boundary.
func (c *county) boundaryDistance(p orb.Point) float64 {
	d := math.Inf(1)
	for _, j := range c.jed {
		for _, poly := range j.Geometry.(orb.MultiPolygon) {
			for _, ring := range poly {
				d = math.Min(d, planar.DistanceFrom(orb.LineString(ring), p))
			}
		}
	}
	return d
}

// roadDistance is the distance from p to the nearest road other than skip.
func (c *county) roadDistance(p orb.Point, skip string) float64 {
	d := math.Inf(1)
	for _, r := range c.roads {
		if r.ID != skip {
			d = math.Min(d, planar.DistanceFrom(r.Geometry, p))
		}
	}
	return d
}

// onRoad finds a point on a road of a category at least far metres from
// every other road and every jednostka boundary.
func (c *county) onRoad(t *testing.T, category string, far float64) (orb.Point, *store.Object) {
	t.Helper()
	for _, r := range c.roads {
		if r.Attrs["kategoria"] != category {
			continue
		}
		for _, ls := range r.Geometry.(orb.MultiLineString) {
			for i := 0; i+1 < len(ls); i++ {
				p := orb.Point{(ls[i][0] + ls[i+1][0]) / 2, (ls[i][1] + ls[i+1][1]) / 2}
				if c.jednostkaAt(p) != "" && c.roadDistance(p, r.ID) > far && c.boundaryDistance(p) > far {
					return p, r
				}
			}
		}
	}
	t.Fatalf("no point on a %s road %.0f m from other roads and boundaries", category, far)
	return orb.Point{}, nil
}

func report(t *testing.T, base string, p orb.Point, service string, attrs url.Values) (created, reqDoc) {
	t.Helper()
	lat, long := latLong(p)
	form := url.Values{"service_code": {service}, "lat": {lat}, "long": {long}, "description": {"test " + service}}
	for k, v := range attrs {
		form[k] = v
	}
	var c created
	if code, body := post(t, base, "/open311/v2/requests.json", form, nil, &c); code != 201 || len(c) != 1 {
		t.Fatalf("POST at %v: %d %s", p, code, body)
	}
	var docs []reqDoc
	if code, body := get(t, base, "/open311/v2/requests/"+c[0].ID+".json?extensions=true", nil, &docs); code != 200 || len(docs) != 1 {
		t.Fatalf("GET request %s: %d %s", c[0].ID, code, body)
	}
	return c, docs[0]
}

var roadAttrs = url.Values{"attribute[rodzaj]": {"ubytek"}, "attribute[zagrozenie]": {"tak"}}

// Reports on the synthetic county go to whoever the data says is
// responsible: the road's manager, the gmina, or an office named in the
// notice.
func TestRoutingOnSyntheticCounty(t *testing.T) {
	s := newSite(t, "  rate_limit: {rate: 100, burst: 100}", "")
	p := s.serve(t)
	c := readCounty(t, s.Dir)
	if len(c.jed) < 2 {
		t.Fatalf("%d jednostki in the fixture", len(c.jed))
	}
	gminaOf := func(pt orb.Point) string { return "gmina-" + c.jednostkaAt(pt)[:6] }

	t.Run("powiat road → the county road authority", func(t *testing.T) {
		pt, road := c.onRoad(t, "powiatowa", 60)
		_, d := report(t, p.Base, pt, "drogi", roadAttrs)
		if d.Ext.Code != "zarzad-drog-powiatowych" || !d.Ext.Hosted || d.Ext.Flagged || d.Ext.Asset == nil || d.Ext.Asset.Value != "powiatowa" || d.Status != "new" {
			t.Fatalf("road %v: %+v", road.Attrs["numer"], d)
		}
	})
	t.Run("gmina road → the gmina", func(t *testing.T) {
		pt, _ := c.onRoad(t, "gminna", 60)
		_, d := report(t, p.Base, pt, "drogi", roadAttrs)
		if d.Ext.Code != gminaOf(pt) || !d.Ext.Hosted || d.Ext.Flagged || d.Ext.Asset == nil || d.Ext.Asset.Value != "gminna" {
			t.Fatalf("%+v", d)
		}
	})
	t.Run("national road → GDDKiA named, not ours", func(t *testing.T) {
		pt, _ := c.onRoad(t, "krajowa", 60)
		cr, d := report(t, p.Base, pt, "drogi", roadAttrs)
		if d.Ext.Hosted || d.Ext.Code != "gddkia" || d.Status != "referred" || d.Ext.Detailed != "referred" || !strings.Contains(cr[0].Notice, "Generalna Dyrekcja Dróg Krajowych") {
			t.Fatalf("%+v\nnotice %s", d, cr[0].Notice)
		}
		var plain []reqDoc // without extensions: the standard status
		if get(t, p.Base, "/open311/v2/requests/"+cr[0].ID+".json", nil, &plain); len(plain) != 1 || plain[0].Status != "closed" {
			t.Fatalf("standard status %+v", plain)
		}
	})
	t.Run("voivodeship road → its road authority named", func(t *testing.T) {
		pt, _ := c.onRoad(t, "wojewodzka", 60)
		_, d := report(t, p.Base, pt, "drogi", roadAttrs)
		if d.Ext.Hosted || d.Ext.Code != "zdw" || !strings.Contains(d.Notice, "Zarząd dróg wojewódzkich") {
			t.Fatalf("%+v", d)
		}
	})
	t.Run("street lighting on a county road → the gmina", func(t *testing.T) {
		pt, _ := c.onRoad(t, "powiatowa", 60)
		_, d := report(t, p.Base, pt, "oswietlenie", url.Values{"attribute[objaw]": {"nie_swieci"}})
		if d.Ext.Code != gminaOf(pt) || d.Ext.Asset != nil {
			t.Fatalf("%+v", d)
		}
	})
	t.Run("a gmina without roads → that gmina", func(t *testing.T) {
		var roadless *store.Object
		for _, j := range c.jed {
			if c.roadDistance(mustInterior(t, j.Geometry), "") > 200 {
				roadless = j
			}
		}
		if roadless == nil {
			t.Fatal("the fixture has no jednostka without roads")
		}
		pt := mustInterior(t, roadless.Geometry)
		for _, r := range c.roads {
			if planar.MultiPolygonContains(roadless.Geometry.(orb.MultiPolygon), r.Geometry.(orb.MultiLineString)[0][0]) {
				t.Fatalf("road %v starts in %v", r.Attrs["numer"], roadless.Attrs["nazwa"])
			}
		}
		_, d := report(t, p.Base, pt, "drogi", roadAttrs)
		want := "gmina-" + roadless.Attrs["id_jednostki"].(string)[:6]
		if d.Ext.Code != want || d.Ext.Flagged || d.Ext.Asset != nil {
			t.Fatalf("want %s: %+v", want, d)
		}
	})
	t.Run("near the gmina boundary → flagged with the neighbour", func(t *testing.T) {
		pt := c.nearBoundary(t, 6)
		cr, d := report(t, p.Base, pt, "odpady", url.Values{"attribute[rodzaj_odpadow][]": {"opony", "budowlane"}})
		if !d.Ext.Flagged || d.Ext.Code != gminaOf(pt) || !strings.Contains(cr[0].Notice, "sprawdź lokalizację") {
			t.Fatalf("%+v\nnotice: %s", d, cr[0].Notice)
		}
	})
	t.Run("junction of a county and a gmina road → flagged", func(t *testing.T) {
		pt, ok := c.junction("powiatowa", "gminna")
		if !ok {
			t.Skip("no junction of a county and a gmina road in the fixture")
		}
		_, d := report(t, p.Base, pt, "drogi", roadAttrs)
		if !d.Ext.Flagged || !strings.Contains(d.Ext.Reason, "Uwaga") {
			t.Fatalf("%+v", d)
		}
	})
	t.Run("outside the county → a notice naming the office", func(t *testing.T) {
		cr, d := report(t, p.Base, orb.Point{640000, 486000}, "drogi", roadAttrs) // Warsaw
		if d.Ext.Hosted || d.Ext.Detailed != "referred" || !strings.Contains(cr[0].Notice, "Urząd gminy właściwy dla miejsca zdarzenia") {
			t.Fatalf("%+v\nnotice %s", d, cr[0].Notice)
		}
	})
}

func mustInterior(t *testing.T, g orb.Geometry) orb.Point {
	t.Helper()
	mp := g.(orb.MultiPolygon)
	b := mp.Bound()
	best, bd := orb.Point{}, -1.0
	for i := 1; i < 24; i++ {
		for j := 1; j < 24; j++ {
			p := orb.Point{b.Min[0] + (b.Max[0]-b.Min[0])*float64(i)/24, b.Min[1] + (b.Max[1]-b.Min[1])*float64(j)/24}
			if !planar.MultiPolygonContains(mp, p) {
				continue
			}
			d := math.Inf(1)
			for _, poly := range mp {
				for _, ring := range poly {
					d = math.Min(d, planar.DistanceFrom(orb.LineString(ring), p))
				}
			}
			if d > bd {
				best, bd = p, d
			}
		}
	}
	if bd <= 0 {
		t.Fatal("no interior point")
	}
	return best
}

// nearBoundary finds a point inside a jednostka, off metres from the
// boundary it shares with another and far from roads.
func (c *county) nearBoundary(t *testing.T, off float64) orb.Point {
	t.Helper()
	for _, a := range c.jed {
		ida := a.Attrs["id_jednostki"].(string)
		for _, ring := range a.Geometry.(orb.MultiPolygon)[0] {
			for i := 0; i+1 < len(ring); i += 7 {
				v := ring[i]
				for _, dxy := range [][2]float64{{off, 0}, {-off, 0}, {0, off}, {0, -off}} {
					p := orb.Point{v[0] + dxy[0], v[1] + dxy[1]}
					other := c.jednostkaAt(orb.Point{v[0] - 3*dxy[0], v[1] - 3*dxy[1]})
					if c.jednostkaAt(p) == ida && other != "" && other[:6] != ida[:6] && c.boundaryDistance(p) > off/2 && c.roadDistance(p, "") > 60 {
						return p
					}
				}
			}
		}
	}
	t.Fatal("no point near a boundary between two gminy")
	return orb.Point{}
}

// junction is a vertex shared by roads of two categories.
func (c *county) junction(a, b string) (orb.Point, bool) {
	for _, ra := range c.roads {
		if ra.Attrs["kategoria"] != a {
			continue
		}
		for _, rb := range c.roads {
			if rb.Attrs["kategoria"] != b {
				continue
			}
			for _, p := range ra.Geometry.(orb.MultiLineString)[0] {
				if planar.DistanceFrom(rb.Geometry, p) < 0.01 && c.jednostkaAt(p) != "" {
					return orb.Point{p[0] + 2, p[1] + 2}, true
				}
			}
		}
	}
	return orb.Point{}, false
}
