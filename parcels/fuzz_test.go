package parcels

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/store"
)

var smallStreets = []string{"Kościuszki", "Łąkowa", "Polna", "Południowa"}

// smallModel is a model filled without a store: three obręby (two of the same
// name) with a few hundred parcels, for fuzzing and benchmarks of the parsers
// and the search.
func smallModel(n int) *model {
	m := &model{
		byUUID: map[string]*parcel{},
		obreby: map[string]*area{}, obrUUID: map[string]*area{},
		jedn: map[string]*area{}, jedUUID: map[string]*area{},
		search: newSearchIndex(),
	}
	for i, o := range []struct{ id, name string }{{"100301_4.0001", "Łask"}, {"100301_4.0002", "Łask-Kolumna"}, {"100302_2.0001", "Łask"}} {
		m.put(&store.Object{Layer: "obreby", ID: fmt.Sprintf("o%d", i), Attrs: map[string]any{"id_obrebu": o.id, "nazwa": o.name}})
	}
	obr := []string{"100301_4.0001", "100301_4.0002", "100302_2.0001"}
	for i := range n {
		num := fmt.Sprint(i/3 + 1)
		if i%7 == 1 {
			num += "/" + fmt.Sprint(i%5+1)
		}
		x, y := 500000+float64(i%50)*30, 400000+float64(i/50)*30
		attrs := map[string]any{"id_dzialki": obr[i%3] + "." + num, "numer_dzialki": num, "id_obrebu": obr[i%3]}
		// every fourth parcel has an address: streets in the town, numbers in
		// the village; every 40th a second one
		switch {
		case i%4 == 0 && i%3 == 0:
			attrs["adresy"] = fmt.Sprintf("Łask, ul. %s %d", smallStreets[i/4%len(smallStreets)], i/12+1)
		case i%4 == 0:
			attrs["adresy"] = fmt.Sprintf("Kolumna %d", i/4+1)
		}
		if i%40 == 0 {
			attrs["adresy"] = attrs["adresy"].(string) + "; Łask, pl. Wolności " + fmt.Sprint(i/40+1)
		}
		m.put(&store.Object{Layer: "dzialki", ID: fmt.Sprintf("p%d", i),
			Geometry: orb.MultiPolygon{{{{x, y}, {x + 30, y}, {x + 30, y + 30}, {x, y + 30}, {x, y}}}},
			Attrs:    attrs})
	}
	return m
}

// FuzzRequestInput feeds one string to every parser of user input and the
// search, checking they never panic and keep their contracts.
func FuzzRequestInput(f *testing.F) {
	for _, s := range []string{"", "141201_1.0001.6509/2", "141201_1.0001.AR_3.12/4", "Łask 12/3", "lask-k 1", "12", "12/",
		"100301_4.00", "460166.4,313380.5", "21.5,52.1,4326", "1e400,5", "NaN,1", "500000,300000,EPSG:2180", " , ,", "Łask\t\t7",
		"urn:ogc:def:crs:EPSG::2177", "////", "100301_4.0001 5", strings.Repeat("9", 300),
		"Kościuszki 1", "lakowa 5 lask", "ul. Pol", "pl wolnosci 1", "kolumna 7", "ulica", ",;.", "Łask, ul. Polna 13"} {
		f.Add(s)
	}
	m := smallModel(300)
	f.Fuzz(func(t *testing.T, s string) {
		if err := checkParcelID(s); err == nil {
			if o, tail := splitParcelID(s); o == "" || tail == "" || checkObrebID(o) != nil {
				t.Fatalf("%q accepted but splits into %q %q", s, o, tail)
			}
		}
		_ = checkObrebID(s)
		_ = checkJednostkaID(s)
		_ = checkCountyID(s)
		_ = checkVoivodeshipID(s)
		if x, y, srid, err := parseXY(s, true); err == nil {
			if math.IsNaN(x) || math.IsInf(x, 0) || math.IsNaN(y) || math.IsInf(y, 0) {
				t.Fatalf("%q: non-finite %v %v", s, x, y)
			}
			if c, err := parseSRID(srid); err == nil {
				if p, err := toStorage(c, x, y); err == nil && (math.IsNaN(p[0]) || math.IsNaN(p[1])) {
					t.Fatalf("%q: NaN in storage CRS", s)
				}
			}
		}
		res := m.find(s, 7)
		if len(res) > 7 {
			t.Fatalf("%q: %d results", s, len(res))
		}
		seen := map[*parcel]bool{}
		for _, p := range res {
			if seen[p] {
				t.Fatalf("%q: %s twice", s, p.id)
			}
			seen[p] = true
		}
		if i := strings.LastIndexByte(s, ' '); i >= 0 {
			for _, p := range m.parcelsByObrebNumber(s[:i], s[i+1:]) {
				if p.number != s[i+1:] && p.tail != s[i+1:] {
					t.Fatalf("%q: answered %s", s, p.id)
				}
			}
		}
		_ = fold(s)
	})
}

func TestSmallModelSearch(t *testing.T) {
	m := smallModel(300)
	// Two obręby named Łask: "Łask 5" answers both, exact numbers first.
	ps := m.parcelsByObrebNumber("łask", "5")
	if len(ps) != 2 || ps[0].id != "100301_4.0001.5" || ps[1].id != "100302_2.0001.5" {
		t.Fatalf("%v", ids(ps))
	}
	// Then the parcels at an address with the words "Łask" and "5" (in the
	// order of the address), then the numbers starting with 5.
	got := ids(m.find("Lask 5", 6))
	want := []string{"100301_4.0001.5", "100302_2.0001.5",
		"100301_4.0002.54", // Kolumna 41; Łask, pl. Wolności 5
		"100301_4.0001.17", // Łask, ul. Kościuszki 5
		"100301_4.0001.50", "100301_4.0001.51"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("find: %v, want %v", got, want)
	}
	// A removed parcel leaves the search.
	m.remove("dzialki", heldParcel(m, "100301_4.0001.5").uuid)
	if got := ids(m.find("100301_4.0001.5", 1)); len(got) != 1 || got[0] == "100301_4.0001.5" {
		t.Fatalf("after removal: %v", got)
	}
}

// heldParcel finds a parcel of a model built without a store by its id.
func heldParcel(m *model, id string) *parcel {
	m.mu.RLock()
	defer m.mu.RUnlock()
	for _, p := range m.byUUID {
		if p.id == id {
			return p
		}
	}
	return nil
}

func ids(ps []*parcel) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.id)
	}
	return out
}

func TestContainsOrTouches(t *testing.T) {
	sq := func(x, y, s float64) orb.Ring {
		return orb.Ring{{x, y}, {x + s, y}, {x + s, y + s}, {x, y + s}, {x, y}}
	}
	mp := orb.MultiPolygon{{sq(0, 0, 10), sq(4, 4, 2)}, {sq(20, 0, 5)}}
	for _, tc := range []struct {
		p    orb.Point
		want bool
	}{
		{orb.Point{1, 1}, true}, {orb.Point{5, 5}, false}, {orb.Point{4, 5}, true}, {orb.Point{0, 5}, true},
		{orb.Point{10, 10}, true}, {orb.Point{10.0005, 5}, true}, {orb.Point{10.01, 5}, false},
		{orb.Point{22, 2}, true}, {orb.Point{15, 2}, false}, {orb.Point{-1, -1}, false},
	} {
		if got := containsOrTouches(mp, tc.p); got != tc.want {
			t.Errorf("%v: %v, want %v", tc.p, got, tc.want)
		}
	}
}
