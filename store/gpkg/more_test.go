package gpkg

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/internal/record"
)

// fillAllLayers writes current and archived versions into every EGiB layer.
func fillAllLayers(t *testing.T, s *Store) {
	var objs []*store.Object
	for _, l := range store.EGiBLayers {
		for i := 0; i < 5; i++ {
			x := 400000 + float64(i)*100
			var g orb.Geometry = orb.MultiPolygon{square(x, 300000, 50)}
			if l.Geometry == store.Point {
				g = orb.Point{x, 300000}
			}
			attrs := map[string]any{}
			for _, c := range l.Columns {
				switch c.Type {
				case store.Text:
					attrs[c.Name] = fmt.Sprintf("%s-%d", c.Name, i)
				case store.Integer:
					attrs[c.Name] = int64(i)
				case store.Real:
					attrs[c.Name] = float64(i) + 0.25
				}
			}
			id := fmt.Sprintf("%s-%d", l.Name, i)
			o := &store.Object{Layer: l.Name, ID: id, Namespace: "PL.PZGiK.1004.EGiB", Version: "2",
				StartObject: t0(1), StartVersion: t0(5), Geometry: g, Attrs: attrs}
			old := *o
			old.Version, old.StartVersion, old.EndVersion = "1", t0(1), t0(5)
			objs = append(objs, o, &old)
		}
	}
	put(t, s, objs...)
}

func TestValidateGPKG(t *testing.T) {
	script := "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py"
	if _, err := os.Stat(script); err != nil {
		t.Skipf("GDAL validator missing (%s): install python3-gdal", script)
	}
	s, p := newStore(t)
	fillAllLayers(t, s)
	d := parcel("dzialki-0", "3", t0(7), 400000)
	d.EndVersion, d.EndObject = t0(8), t0(8)
	put(t, s, d) // a deleted object
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if k := os.Getenv("SIP_GPKG_KEEP"); k != "" {
		copyFile(t, p, k)
	}
	out, err := exec.Command("/usr/bin/python3", script, "--extra", "--warning-as-error", p).CombinedOutput()
	if err != nil || len(strings.TrimSpace(string(out))) > 0 {
		t.Fatalf("validate_gpkg.py: %v\n%s", err, out)
	}
	if _, err := os.Stat(p + "-wal"); err == nil {
		t.Fatal("WAL file left behind after Close")
	}
}

func TestOgrinfo(t *testing.T) {
	if _, err := exec.LookPath("ogrinfo"); err != nil {
		t.Skip("ogrinfo missing (gdal-bin)")
	}
	s, p := newStore(t)
	fillAllLayers(t, s)
	s.Close()
	out, err := exec.Command("ogrinfo", "-ro", "-so", p, "dzialki").CombinedOutput()
	if err != nil {
		t.Fatalf("ogrinfo: %v\n%s", err, out)
	}
	txt := string(out)
	for _, want := range []string{
		"Geometry: Multi Polygon",
		"Feature Count: 5",
		"Extent: (400000.000000, 300000.000000) - (400450.000000, 300050.000000)",
		`ID["EPSG",2180]`,
	} {
		if !strings.Contains(txt, want) {
			t.Errorf("ogrinfo output lacks %q:\n%s", want, txt)
		}
	}
	if !regexp.MustCompile(`lokalny_id: String`).MatchString(txt) {
		t.Errorf("no lokalny_id field:\n%s", txt)
	}
}

func TestAsOf(t *testing.T) {
	s, _ := newStore(t)
	put(t, s,
		parcel("a", "1", t0(2), 0), parcel("a", "2", t0(5), 100), // a: v1 [2,5), v2 [5,…)
		parcel("b", "1", t0(3), 200), // b: v1 [3,…), deleted at 8
	)
	db := ended(parcel("b", "1", t0(3), 200), t0(8))
	db.EndObject = t0(8)
	put(t, s, db)
	at := func(day int) map[string]string {
		got := map[string]string{}
		err := s.Query(ctx, store.Query{Layer: "dzialki", AsOf: t0(day)}, func(r store.Row) error {
			if !r.ValidAt(t0(day)) {
				t.Errorf("day %d: %s/%s not valid", day, r.ID, r.Version)
			}
			got[r.ID] = r.Version
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		n, _ := s.Count(ctx, store.Query{Layer: "dzialki", AsOf: t0(day)})
		if int(n) != len(got) {
			t.Errorf("day %d: count %d, rows %d", day, n, len(got))
		}
		return got
	}
	for day, want := range map[int]map[string]string{
		1: {}, 2: {"a": "1"}, 4: {"a": "1", "b": "1"}, 5: {"a": "2", "b": "1"}, 8: {"a": "2"}, 20: {"a": "2"},
	} {
		if got := at(day); !reflect.DeepEqual(got, want) {
			t.Errorf("day %d: %v want %v", day, got, want)
		}
	}
	// AsOf keys follow a version into the history.
	keyAt := func() int64 {
		var k int64
		s.Query(ctx, store.Query{Layer: "dzialki", AsOf: t0(6), IDs: []string{"a"}}, func(r store.Row) error { k = r.Key; return nil })
		return k
	}
	k := keyAt()
	put(t, s, parcel("a", "3", t0(9), 0))
	if k2 := keyAt(); k2 != k {
		t.Fatalf("AsOf key changed %d -> %d", k, k2)
	}
}

func TestQueryFilters(t *testing.T) {
	s, _ := newStore(t)
	var objs []*store.Object
	for i := 0; i < 100; i++ {
		o := parcel(fmt.Sprintf("p%03d", i), "1", t0(2), float64(i)*20)
		o.Attrs["grupa_rejestrowa"] = fmt.Sprint(i % 3)
		objs = append(objs, o)
	}
	evil := parcel("evil", "1", t0(2), 5000)
	evil.Attrs["grupa_rejestrowa"] = "x' OR '1'='1"
	objs = append(objs, evil)
	put(t, s, objs...)

	count := func(q store.Query) int64 {
		q.Layer = "dzialki"
		n, err := s.Count(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		var m int64
		if err := s.Query(ctx, q, func(store.Row) error { m++; return nil }); err != nil {
			t.Fatal(err)
		}
		if m != n {
			t.Fatalf("%+v: count %d, query %d", q, n, m)
		}
		return n
	}
	if n := count(store.Query{Where: map[string]any{"grupa_rejestrowa": "1"}}); n != 33 {
		t.Fatalf("where: %d", n)
	}
	for _, inj := range []string{"1' OR '1'='1", `1" OR 1=1 --`, "1); DROP TABLE dzialki; --"} {
		if n := count(store.Query{Where: map[string]any{"grupa_rejestrowa": inj}}); n != 0 {
			t.Fatalf("injection %q matched %d", inj, n)
		}
	}
	if n := count(store.Query{Where: map[string]any{"grupa_rejestrowa": "x' OR '1'='1"}}); n != 1 {
		t.Fatalf("literal quote value: %d", n)
	}
	if _, err := s.Count(ctx, store.Query{Layer: "dzialki", Where: map[string]any{"1=1; --": "x"}}); err == nil {
		t.Fatal("unknown column accepted")
	}
	if n := count(store.Query{Where: map[string]any{"numer_kw": nil}}); n != 101 {
		t.Fatalf("IS NULL: %d", n)
	}
	if n := count(store.Query{IDs: []string{"p001", "p050", "nope", "evil"}}); n != 3 {
		t.Fatalf("ids: %d", n)
	}
	// Bound: squares of 10 m at x = 20 i; [95, 145] touches i = 5 (100–110) … 7 (140–150).
	b := orb.Bound{Min: orb.Point{95, 500000}, Max: orb.Point{145, 500005}}
	if n := count(store.Query{Bound: &b}); n != 3 {
		t.Fatalf("bound: %d", n)
	}
	// Exact refinement: a box 1 cm off an envelope edge must not match.
	b = orb.Bound{Min: orb.Point{110.01, 500000}, Max: orb.Point{119.99, 500005}}
	if n := count(store.Query{Bound: &b}); n != 0 {
		t.Fatalf("refined bound: %d", n)
	}
	pt := orb.Bound{Min: orb.Point{105, 500005}, Max: orb.Point{105, 500005}}
	if n := count(store.Query{Bound: &pt}); n != 1 {
		t.Fatalf("point bound: %d", n)
	}

	// Paging: Limit/Offset and keyset give the same stable sequence.
	var all []int64
	s.Query(ctx, store.Query{Layer: "dzialki"}, func(r store.Row) error { all = append(all, r.Key); return nil })
	var keyset, offset []int64
	var after int64
	for {
		var page []int64
		s.Query(ctx, store.Query{Layer: "dzialki", Limit: 7, After: after}, func(r store.Row) error { page = append(page, r.Key); return nil })
		if len(page) == 0 {
			break
		}
		keyset = append(keyset, page...)
		after = page[len(page)-1]
	}
	for off := 0; off < 200; off += 7 {
		s.Query(ctx, store.Query{Layer: "dzialki", Limit: 7, Offset: off}, func(r store.Row) error { offset = append(offset, r.Key); return nil })
	}
	if !reflect.DeepEqual(all, keyset) || !reflect.DeepEqual(all, offset) || len(all) != 101 {
		t.Fatalf("paging differs: %d %d %d", len(all), len(keyset), len(offset))
	}
	for i := 1; i < len(all); i++ {
		if all[i] <= all[i-1] {
			t.Fatal("keys not increasing")
		}
	}
	// Keys survive new versions and deletions of other objects.
	put(t, s, parcel("p010", "2", t0(9), 0))
	dd := ended(parcel("p011", "1", t0(2), 220), t0(9))
	put(t, s, dd)
	var again []int64
	s.Query(ctx, store.Query{Layer: "dzialki"}, func(r store.Row) error { again = append(again, r.Key); return nil })
	if len(again) != 100 || again[10] != all[10] || again[11] != all[12] {
		t.Fatalf("keys not stable")
	}
}

func TestExtent(t *testing.T) {
	s, _ := newStore(t)
	if _, ok, _ := s.Extent(ctx, "dzialki"); ok {
		t.Fatal("empty layer has an extent")
	}
	put(t, s, parcel("a", "1", t0(2), 5716123.37), parcel("b", "1", t0(2), 5716500.11))
	b, ok, _ := s.Extent(ctx, "dzialki")
	want := orb.Bound{Min: orb.Point{5716123.37, 500000}, Max: orb.Point{5716510.11, 500010}}
	if !ok || b != want {
		t.Fatalf("extent %v want %v", b, want)
	}
	dl := ended(parcel("b", "1", t0(2), 5716500.11), t0(3))
	put(t, s, dl) // shrinks
	b, _, _ = s.Extent(ctx, "dzialki")
	if want := (orb.Bound{Min: orb.Point{5716123.37, 500000}, Max: orb.Point{5716133.37, 500010}}); b != want {
		t.Fatalf("extent after delete %v want %v", b, want)
	}
	put(t, s, ended(parcel("a", "1", t0(2), 5716123.37), t0(3)))
	if _, ok, _ := s.Extent(ctx, "dzialki"); ok {
		t.Fatal("extent of an emptied layer")
	}
}

func TestConcurrentReader(t *testing.T) {
	s, p := newStore(t)
	put(t, s, parcel("a", "1", t0(2), 0))
	ro, err := OpenReadOnly(p)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := ro.Begin(ctx); err == nil {
		t.Fatal("read-only store began a write")
	}
	tx, _ := s.Begin(ctx)
	for i := 0; i < 3000; i++ {
		tx.Put(ctx, parcel(fmt.Sprint("n", i), "1", t0(2), float64(i)))
	}
	// During the write both this store's readers and another connection see the
	// committed state only, and do not block.
	var wg sync.WaitGroup
	for _, r := range []*Store{s, ro} {
		wg.Add(1)
		go func(r *Store) {
			defer wg.Done()
			done := make(chan struct{})
			go func() {
				defer close(done)
				n, err := r.Count(ctx, store.Query{Layer: "dzialki"})
				if err != nil || n != 1 {
					t.Errorf("reader during write: %d %v", n, err)
				}
				if rev, _ := r.Revision(ctx); rev != 1 {
					t.Errorf("revision during write: %d", rev)
				}
			}()
			select {
			case <-done:
			case <-time.After(5 * time.Second):
				t.Error("reader blocked by the writer")
			}
		}(r)
	}
	wg.Wait()
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	for _, r := range []*Store{s, ro} {
		if n, _ := r.Count(ctx, store.Query{Layer: "dzialki"}); n != 3001 {
			t.Fatalf("after commit: %d", n)
		}
	}
}

func TestGeometryRoundTrip(t *testing.T) {
	holed := orb.Polygon{
		{{0, 0}, {100, 0}, {100, 100}, {0, 100}, {0, 0}},
		{{10, 10}, {10, 20}, {20, 20}, {20, 10}, {10, 10}},
		{{50, 50}, {50, 60}, {60, 60}, {50, 50}},
	}
	cases := []orb.Geometry{
		orb.MultiPolygon{holed},
		orb.MultiPolygon{holed, square(500000.125, 5300000.5, 3.3)},
		orb.Point{637123.45, 486321.98},
		orb.MultiLineString{{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}, {9, 1}}},
	}
	// The SQL functions of the R-tree triggers read the blobs.
	for _, g := range cases {
		b, _ := record.EncodeGeom(g, 2180)
		if sqlMinX(b) != g.Bound().Min[0] || sqlMaxY(b) != g.Bound().Max[1] || sqlIsEmpty(b) != int64(0) {
			t.Fatalf("ST functions on %T", g)
		}
	}
	if b, _ := record.EncodeGeom(orb.MultiPolygon{}, 2180); sqlIsEmpty(b) != int64(1) || sqlMinX(b) != nil {
		t.Fatal("ST functions on an empty geometry")
	}
	// Through the store: a Polygon into a MultiPolygon layer, a point layer, holes.
	s, _ := newStore(t)
	put(t, s,
		&store.Object{Layer: "dzialki", ID: "h", Version: "1", StartVersion: t0(1), Geometry: holed},
		&store.Object{Layer: "punkty", ID: "p", Version: "1", StartVersion: t0(1), Geometry: orb.Point{1.5, 2.5}},
		&store.Object{Layer: "budynki", ID: "n", Version: "1", StartVersion: t0(1)},
	)
	if o, _ := s.Get(ctx, "dzialki", "h"); !reflect.DeepEqual(o.Geometry, orb.MultiPolygon{holed}) {
		t.Fatalf("holed polygon: %v", o.Geometry)
	}
	if o, _ := s.Get(ctx, "punkty", "p"); !reflect.DeepEqual(o.Geometry, orb.Point{1.5, 2.5}) {
		t.Fatalf("point: %v", o.Geometry)
	}
	if o, _ := s.Get(ctx, "budynki", "n"); o.Geometry != nil {
		t.Fatalf("no geometry: %v", o.Geometry)
	}
	// The R-tree triggers fired for our inserts.
	var n int
	s.rdb.QueryRow(`SELECT count(*) FROM rtree_dzialki_geom WHERE minx <= 1 AND maxx >= 99`).Scan(&n)
	if n != 1 {
		t.Fatalf("rtree rows %d", n)
	}
}

func TestDateColumns(t *testing.T) {
	layers := []store.Layer{{Name: "plany", Geometry: store.MultiPolygon, Columns: []store.Column{
		{Name: "uchwalono", Type: store.Date}, {Name: "zmiana", Type: store.DateTime}, {Name: "n", Type: store.Integer}}}}
	p := filepath.Join(t.TempDir(), "d.gpkg")
	s, err := Create(p, "d", layers)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	day := time.Date(2023, 9, 24, 0, 0, 0, 0, time.UTC)
	ts := time.Date(2023, 9, 24, 13, 14, 15, 123000000, time.UTC)
	put(t, s, &store.Object{Layer: "plany", ID: "x", Version: "1", StartVersion: t0(1), Geometry: square(0, 0, 1),
		Attrs: map[string]any{"uchwalono": day, "zmiana": ts, "n": 7}})
	o, _ := s.Get(ctx, "plany", "x")
	if !reflect.DeepEqual(o.Attrs, map[string]any{"uchwalono": day, "zmiana": ts, "n": int64(7)}) {
		t.Fatalf("attrs %v", o.Attrs)
	}
	if n, _ := s.Count(ctx, store.Query{Layer: "plany", Where: map[string]any{"uchwalono": day}}); n != 1 {
		t.Fatalf("where date: %d", n)
	}
}

func copyFile(t *testing.T, from, to string) {
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
