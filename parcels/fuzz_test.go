package parcels

import (
	"context"
	"fmt"
	"maps"
	"math"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/index"
	"github.com/sip-core/sip/internal/cache"
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/gpkg"
)

var smallStreets = []string{"Kościuszki", "Łąkowa", "Polna", "Południowa"}

// smallModel is a model over a GeoPackage in a temporary directory: three
// obręby (two of the same name) with a few hundred parcels, for fuzzing and
// benchmarks of the parsers and the search.
func smallModel(tb testing.TB, n int) *model {
	var objs []*store.Object
	for i, o := range []struct{ id, name string }{{"100301_4.0001", "Łask"}, {"100301_4.0002", "Łask-Kolumna"}, {"100302_2.0001", "Łask"}} {
		objs = append(objs, testObject("obreby", fmt.Sprintf("o%d", i), 600000, 600000+float64(i)*1000, 1000,
			map[string]any{"id_obrebu": o.id, "nazwa": o.name}))
	}
	obr := []string{"100301_4.0001", "100301_4.0002", "100302_2.0001"}
	for i := range n {
		num := fmt.Sprint(i/3 + 1)
		if i%7 == 1 {
			num += "/" + fmt.Sprint(i%5+1)
		}
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
		objs = append(objs, testObject("dzialki", fmt.Sprintf("p%d", i), 500000+float64(i%50)*30, 400000+float64(i/50)*30, 30, attrs))
	}
	return storeModel(tb, objs)
}

var testStart = time.Date(2024, 1, 1, 10, 0, 0, 0, time.UTC)

// testObject is a current object of a square of side s at x, y.
func testObject(layer, id string, x, y, s float64, attrs map[string]any) *store.Object {
	return &store.Object{Layer: layer, ID: id, Namespace: "PL.PZGiK.1003.EGiB", Version: "2024-01-01T10:00:00",
		StartObject: testStart, StartVersion: testStart,
		Geometry: orb.MultiPolygon{orb.Bound{Min: orb.Point{x, y}, Max: orb.Point{x + s, y + s}}.ToPolygon()},
		Attrs:    attrs}
}

// storeModel writes objs into a new GeoPackage and returns the model over it.
func storeModel(tb testing.TB, objs []*store.Object) *model {
	ctx := context.Background()
	st, err := gpkg.Create(filepath.Join(tb.TempDir(), "m.gpkg"), "m", store.EGiBLayers)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	writeObjects(tb, st, objs...)
	ix, err := index.Open(ctx, st, index.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	m := newModel(st, ix, cache.New[geomKey, located](4<<20))
	if err := m.wait(ctx); err != nil {
		tb.Fatal(err)
	}
	return m
}

func writeObjects(tb testing.TB, st store.Store, objs ...*store.Object) {
	ctx := context.Background()
	tx, err := st.Begin(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	for _, o := range objs {
		if _, err := tx.Put(ctx, o); err != nil {
			tx.Rollback()
			tb.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		tb.Fatal(err)
	}
}

// edit writes new versions of objects into the model's store and applies the
// change log to the model.
func edit(tb testing.TB, m *model, objs ...*store.Object) {
	writeObjects(tb, m.st.(store.Store), objs...)
	if err := m.ix.CatchUp(context.Background(), m.st); err != nil {
		tb.Fatal(err)
	}
}

// nextVersion is a copy of o as a later version, ended when end is set.
func nextVersion(o *store.Object, hours int, end bool) *store.Object {
	c := *o
	c.Attrs = maps.Clone(o.Attrs)
	c.StartVersion = testStart.Add(time.Duration(hours) * time.Hour)
	c.Version = c.StartVersion.Format("2006-01-02T15:04:05")
	if end {
		c.EndVersion, c.EndObject = c.StartVersion, c.StartVersion
	}
	return &c
}

// match and find answer the search for tests; a store error fails them.
func (m *model) match(q string, limit int, addresses bool) []found {
	fs, err := m.matchText(context.Background(), q, limit, addresses)
	if err != nil {
		panic(err)
	}
	return fs
}

func (m *model) find(q string, limit int) []*parcel {
	var out []*parcel
	for _, f := range m.match(q, limit, true) {
		out = append(out, f.p)
	}
	return out
}

// numbered is parcelsByObrebNumber for tests.
func (m *model) numbered(obreb, number string) []*parcel {
	ps, err := m.parcelsByObrebNumber(context.Background(), obreb, number)
	if err != nil {
		panic(err)
	}
	return ps
}

// object reads the current object of a parcel by its id.
func object(tb testing.TB, m *model, id string) *store.Object {
	p, ok, err := m.parcelByID(context.Background(), id)
	if err != nil || !ok {
		tb.Fatalf("parcel %s: %v %v", id, ok, err)
	}
	o, err := m.st.Get(context.Background(), "dzialki", p.uuid)
	if err != nil {
		tb.Fatal(err)
	}
	return o
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
	m := smallModel(f, 300)
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
		seen := map[string]bool{}
		for _, p := range res {
			if seen[p.id] {
				t.Fatalf("%q: %s twice", s, p.id)
			}
			seen[p.id] = true
		}
		if i := strings.LastIndexByte(s, ' '); i >= 0 {
			for _, p := range m.numbered(s[:i], s[i+1:]) {
				if p.number != s[i+1:] && p.tail != s[i+1:] {
					t.Fatalf("%q: answered %s", s, p.id)
				}
			}
		}
		_ = fold(s)
	})
}

func TestSmallModelSearch(t *testing.T) {
	m := smallModel(t, 300)
	// Two obręby named Łask: "Łask 5" answers both, exact numbers first.
	ps := m.numbered("łask", "5")
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
	edit(t, m, nextVersion(object(t, m, "100301_4.0001.5"), 1, true))
	if got := ids(m.find("100301_4.0001.5", 1)); len(got) != 1 || got[0] == "100301_4.0001.5" {
		t.Fatalf("after removal: %v", got)
	}
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
