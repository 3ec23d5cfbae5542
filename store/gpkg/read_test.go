package gpkg

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/store"
)

// TestQueryKeys: the key-only pass gives the keys and ids Query gives, for every
// kind of query, history included.
func TestQueryKeys(t *testing.T) {
	s, _ := newStore(t)
	var objs []*store.Object
	for i := 0; i < 60; i++ {
		o := parcel(fmt.Sprintf("p%03d", i), "1", t0(2), float64(i)*20)
		o.Attrs["grupa_rejestrowa"] = fmt.Sprint(i % 3)
		objs = append(objs, o)
	}
	put(t, s, objs...)
	put(t, s, parcel("p005", "2", t0(6), 5000), ended(parcel("p007", "1", t0(2), 140), t0(7)))

	b := orb.Bound{Min: orb.Point{95, 500000}, Max: orb.Point{445, 500005}}
	for _, q := range []store.Query{
		{},
		{Bound: &b},
		{Bound: &b, After: 3, Limit: 4},
		{IDs: []string{"p001", "p050", "p005", "nope"}},
		{Where: map[string]any{"grupa_rejestrowa": "1"}, Limit: 5, Offset: 2},
		{AsOf: t0(4)},
		{AsOf: t0(8), Bound: &b, Limit: 6},
	} {
		q.Layer = "dzialki"
		type ki struct {
			K  int64
			ID string
		}
		var want, got []ki
		if err := s.Query(ctx, q, func(r store.Row) error { want = append(want, ki{r.Key, r.ID}); return nil }); err != nil {
			t.Fatal(err)
		}
		if err := s.QueryKeys(ctx, q, func(k int64, id string) error { got = append(got, ki{k, id}); return nil }); err != nil {
			t.Fatal(err)
		}
		if len(want) == 0 || !reflect.DeepEqual(got, want) {
			t.Errorf("%+v: keys %v, Query %v", q, got, want)
		}
	}
}

// TestParseStoredTime: the hand parser agrees with time.Parse on valid stored
// times and leaves everything else to it.
func TestParseStoredTime(t *testing.T) {
	base := time.Date(1999, 12, 31, 23, 59, 59, 999e6, time.UTC)
	var in []string
	for i := 0; i < 3000; i++ {
		in = append(in, base.Add(time.Duration(i)*37*time.Hour+time.Duration(i)*time.Millisecond*7).Format(dateTimeLayout))
	}
	in = append(in, "2024-02-29T00:00:00.000Z", "2023-02-29T00:00:00.000Z", "2024-04-31T10:00:00.000Z",
		"2024-13-01T10:00:00.000Z", "2024-00-01T10:00:00.000Z", "2024-01-01T24:00:00.000Z", "2024-01-01T10:60:00.000Z",
		"2024-01-01T10:00:60.000Z", "2024-01-01T10:00:00.00xZ", "2024-01-01 10:00:00.000Z", "2024-01-01T10:00:00.000+",
		"0000-01-01T00:00:00.000Z", "+024-01-01T10:00:00.000Z", "2024-01-01T10:00:00Z", "2024-01-01T10:00:00.123456Z")
	for _, s := range in {
		want, werr := time.Parse(dateTimeLayout, s)
		got, ok := parseStoredTime(s)
		if ok && (werr != nil || got != want) {
			t.Errorf("%q: %v, time.Parse %v %v", s, got, want, werr)
		}
		if !ok && werr == nil && len(s) == 24 && s[0] != '+' {
			t.Errorf("%q: refused, time.Parse reads %v", s, want)
		}
		p, perr := parseTime(s)
		if werr == nil && (perr != nil || p != want) {
			t.Errorf("parseTime(%q) = %v %v, want %v", s, p, perr, want)
		}
	}
}
