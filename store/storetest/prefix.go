package storetest

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/sip-core/sip/store"
)

// testQueryPrefix checks Query.Prefix: exactly the objects whose column starts
// with the prefix, byte for byte (no LIKE wildcards, no case folding, Polish
// letters and quotes as they are), alone and with the other filters.
func testQueryPrefix(t *testing.T, b Backend) {
	s := newEGiB(t, b)
	nums := []string{"1", "1/2", "10", "10/1", "12", "2", "100", "%1", "_1", "Ł1", "ł1", "x'1", "A1", "a1"}
	var objs []*store.Object
	for i, n := range nums {
		o := Parcel(fmt.Sprintf("p%02d", i), "1", T0(2), float64(i)*20)
		o.Attrs["id_dzialki"] = "141201_1.0001." + n
		o.Attrs["numer_dzialki"] = n
		o.Attrs["grupa_rejestrowa"] = fmt.Sprint(i % 2)
		objs = append(objs, o)
	}
	other := Parcel("q", "1", T0(2), 2000)
	other.Attrs["id_dzialki"] = "141201_1.0002.1"
	objs = append(objs, other)
	Put(t, s, objs...)
	ended := Ended(objs[0], T0(5)) // 141201_1.0001.1 leaves the current state
	Put(t, s, ended)

	ids := func(q store.Query) []string {
		t.Helper()
		q.Layer = "dzialki"
		var out []string
		err := s.Query(ctx, q, func(r store.Row) error {
			out = append(out, r.Attrs["id_dzialki"].(string))
			return nil
		})
		if err != nil {
			t.Fatalf("%+v: %v", q, err)
		}
		if n, err := s.Count(ctx, q); q.Limit == 0 && (err != nil || n != int64(len(out))) {
			t.Fatalf("%+v: count %d (%v), query %d", q, n, err, len(out))
		}
		slices.Sort(out)
		return out
	}
	want := func(col, p string, asOf bool) []string {
		var out []string
		for i, o := range objs {
			if i == 0 && !asOf {
				continue
			}
			if v, _ := o.Attrs[col].(string); strings.HasPrefix(v, p) {
				out = append(out, o.Attrs["id_dzialki"].(string))
			}
		}
		slices.Sort(out)
		return out
	}
	for _, c := range []struct{ col, p string }{
		{"id_dzialki", "141201_1.0001.1"}, {"id_dzialki", "141201_1.0001."}, {"id_dzialki", "141201_1.000"},
		{"id_dzialki", "141201_1.0002"}, {"id_dzialki", "141201_1.0003"}, {"id_dzialki", ""},
		{"numer_dzialki", "1"}, {"numer_dzialki", "10"}, {"numer_dzialki", "1/"}, {"numer_dzialki", "%"},
		{"numer_dzialki", "_"}, {"numer_dzialki", "Ł"}, {"numer_dzialki", "ł"}, {"numer_dzialki", "x'"},
		{"numer_dzialki", "A"}, {"numer_dzialki", "a"}, {"numer_dzialki", "\xff"},
	} {
		got := ids(store.Query{Prefix: map[string]string{c.col: c.p}})
		if w := want(c.col, c.p, false); !slices.Equal(got, w) {
			t.Errorf("prefix %s %q: got %q, want %q", c.col, c.p, got, w)
		}
	}
	// with the other filters: Where, Limit, AsOf (the ended version counts then)
	got := ids(store.Query{Prefix: map[string]string{"numer_dzialki": "1"}, Where: map[string]any{"grupa_rejestrowa": "1"}})
	if !slices.Equal(got, []string{"141201_1.0001.1/2", "141201_1.0001.10/1"}) {
		t.Errorf("prefix and where: %q", got)
	}
	if got := ids(store.Query{Prefix: map[string]string{"id_dzialki": "141201_1.0001.1"}, Limit: 2}); len(got) != 2 {
		t.Errorf("prefix with limit 2: %q", got)
	}
	if got, w := ids(store.Query{Prefix: map[string]string{"id_dzialki": "141201_1.0001.1"}, AsOf: T0(3)}), want("id_dzialki", "141201_1.0001.1", true); !slices.Equal(got, w) {
		t.Errorf("prefix as of: got %q, want %q", got, w)
	}
	for _, bad := range []map[string]string{{"nope": "1"}, {"pole_ewidencyjne": "1"}, {"1=1; --": "x"}} {
		if err := s.Query(ctx, store.Query{Layer: "dzialki", Prefix: bad}, func(store.Row) error { return nil }); err == nil {
			t.Errorf("prefix %v: no error", bad)
		}
	}
}
