package gpkg

import (
	"fmt"
	"reflect"
	"testing"

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
