package routing

import (
	"strings"
	"testing"

	"github.com/paulmach/orb"
)

func square(x0, y0, x1, y1 float64) orb.MultiPolygon {
	return orb.MultiPolygon{{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}}
}

// Two gminy side by side (A: x 0–1000, B: x 1000–2000), a county road along
// y = 500 through both, a gmina road x = 300 in A, a national road y = 900.
func model() *Model {
	cat := Catalogue{
		Units: []Unit{
			{Code: "gmina-a", Name: "Gmina A", Gminy: map[string]bool{"100001": true}},
			{Code: "gmina-b", Name: "Gmina B", Gminy: map[string]bool{"100002": true}, Services: map[string]bool{"drogi": true, "inne": true}},
			{Code: "zdp", Name: "Zarząd Dróg Powiatowych", County: true, Services: map[string]bool{"drogi": true}},
			{Code: "starostwo", Name: "Starostwo", County: true},
		},
		Offices: []Office{{Code: "gddkia", Name: "GDDKiA", Phone: "42 123"}, {Code: "out", Name: "Poza powiatem"}, {Code: "wod", Name: "Wodociągi B"}},
		Services: []Service{
			{Code: "drogi", Route: "gmina", Assets: []string{"drogi"}},
			{Code: "woda", Route: "gmina", Office: "wod"},
			{Code: "kryzys", Route: "county"},
		},
		Rules: []Rule{{Name: "drogi", Layer: "drogi", Within: 10,
			Managers: map[string]string{"powiatowa": "zdp", "gminna": "gmina", "krajowa": "gddkia"},
			Features: []Feature{
				{ID: "p1", Value: "powiatowa", Label: "1501E", Geom: orb.LineString{{0, 500}, {2000, 500}}},
				{ID: "g1", Value: "gminna", Label: "ul. Polna", Geom: orb.LineString{{300, 0}, {300, 1000}}},
				{ID: "k1", Value: "krajowa", Label: "DK12", Geom: orb.MultiLineString{{{0, 900}, {2000, 900}}}},
				{ID: "x", Value: "prywatna", Label: "droga wewnętrzna", Geom: orb.LineString{{0, 100}, {2000, 100}}},
			}}},
		Outside: "out",
		Margin:  15,
	}
	return New(cat, []Area{
		{ID: "100001_1", Name: "A", Gmina: "100001", Geom: square(0, 0, 1000, 1000)},
		{ID: "100002_2", Name: "B - obszar wiejski", Gmina: "100002", Geom: square(1000, 0, 2000, 1000)},
	}, []Area{{ID: "100001_1.0001", Name: "Obręb A1", Geom: square(0, 0, 1000, 1000)}})
}

func TestDecide(t *testing.T) {
	m := model()
	for _, c := range []struct {
		name    string
		p       orb.Point
		service string
		want    string
		hosted  bool
		flagged bool
		alt     []string
	}{
		{"inside A, no road near", orb.Point{600, 700}, "drogi", "gmina-a", true, false, nil},
		{"on the county road", orb.Point{600, 504}, "drogi", "zdp", true, false, nil},
		{"on the gmina road", orb.Point{296, 700}, "drogi", "gmina-a", true, false, nil},
		{"on the national road", orb.Point{600, 902}, "drogi", "gddkia", false, false, nil},
		{"junction of gmina and county roads", orb.Point{303, 505}, "drogi", "gmina-a", true, true, []string{"zdp"}},
		{"off the county road, within the margin of its reach", orb.Point{600, 518}, "drogi", "gmina-a", true, true, []string{"zdp"}},
		{"on the county road, 20 m from the gmina road", orb.Point{320, 503}, "drogi", "zdp", true, true, []string{"gmina-a"}},
		{"on the county road, far from the gmina road", orb.Point{340, 503}, "drogi", "zdp", true, false, nil},
		{"near the gmina boundary", orb.Point{990, 700}, "drogi", "gmina-a", true, true, []string{"gmina-b"}},
		{"near the boundary, same unit across", orb.Point{990, 700}, "kryzys", "starostwo", true, false, nil},
		{"outside", orb.Point{5000, 5000}, "drogi", "out", false, false, nil},
		{"just outside, near the county edge", orb.Point{-5, 700}, "drogi", "out", false, true, []string{"gmina-a"}},
		{"a private road is no asset", orb.Point{600, 101}, "drogi", "gmina-a", true, false, nil},
		{"category the gmina does not handle: its office", orb.Point{1500, 700}, "woda", "wod", false, false, nil},
		{"unknown gmina unit for the category", orb.Point{600, 700}, "woda", "gmina-a", true, false, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := m.Decide(c.p, c.service)
			if d.Target.Code != c.want || d.Target.Hosted != c.hosted || d.Flagged != c.flagged {
				t.Fatalf("got %+v flagged=%v alts=%+v; want %s hosted=%v flagged=%v\nreason: %s", d.Target, d.Flagged, d.Alternatives, c.want, c.hosted, c.flagged, d.Reason)
			}
			var alts []string
			for _, a := range d.Alternatives {
				alts = append(alts, a.Target.Code)
				if a.Distance > 15 {
					t.Errorf("alternative %s at %.1f m, beyond the margin", a.Target.Code, a.Distance)
				}
			}
			if strings.Join(alts, ",") != strings.Join(c.alt, ",") {
				t.Fatalf("alternatives %v, want %v\nreason: %s", alts, c.alt, d.Reason)
			}
			if !strings.Contains(d.Reason, d.Target.Name) {
				t.Fatalf("reason %q does not name %s", d.Reason, d.Target.Name)
			}
		})
	}
	d := m.Decide(orb.Point{600, 504}, "drogi")
	if d.Asset == nil || d.Asset.ID != "p1" || d.Asset.Distance != 4 || d.Jednostka != "100001_1" || d.Obreb != "100001_1.0001" {
		t.Fatalf("decision details: %+v asset %+v", d, d.Asset)
	}
	if o := m.Decide(orb.Point{600, 902}, "drogi").Target; o.Contact != "tel. 42 123" {
		t.Fatalf("office contact %q", o.Contact)
	}
}

// The grid's shortcut for cells without a boundary agrees with the exact
// test everywhere.
func TestAreasAgreeWithExactTest(t *testing.T) {
	m := model()
	for x := -50.0; x < 2050; x += 7.3 {
		for y := -50.0; y < 1050; y += 11.1 {
			p := orb.Point{x, y}
			if got, want := m.jednostki.at(p), m.jednostki.scan(p); got != want {
				t.Fatalf("at %v: grid %d, exact %d", p, got, want)
			}
		}
	}
}
