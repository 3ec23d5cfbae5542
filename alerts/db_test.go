package alerts

import (
	"context"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/statedb/statedbtest"
)

// An alerts file written before the state database is adopted on opening:
// its confirmed subscriber is there under the new tables, new subscribers
// continue its numbering, and unsubscribing deletes the old row.
func TestAdoptsFileBeforeStateDatabase(t *testing.T) {
	path := statedbtest.File(t, "testdata/alerts-before-state.sql", "alerts.sqlite")
	ctx := context.Background()
	s, err := OpenDSN(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	box := orb.Bound{Min: orb.Point{1, 1}, Max: orb.Point{2, 2}}
	subs, err := s.Subscribers(ctx, box, nil)
	if err != nil || len(subs) != 1 || subs[0].ID != 3 || subs[0].Email != "dawny.subskrybent@example.org" || len(subs[0].Geom) != 1 {
		t.Fatalf("the old subscriber: %+v %v", subs, err)
	}
	sq := orb.MultiPolygon{{{{0, 0}, {5, 0}, {5, 5}, {0, 5}, {0, 0}}}}
	n := &Subscriber{Token: newToken(), Email: "nowy@example.org", Place: "działka 1", Geom: sq, Created: time.Now()}
	if err := s.Subscribe(ctx, n); err != nil || n.ID != 4 {
		t.Fatalf("a new subscriber after the old one: id %d %v", n.ID, err)
	}
	s.Close()
	if s, err = OpenDSN(context.Background(), path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Confirm(ctx, n.Token, time.Now()); err != nil {
		t.Fatal(err)
	}
	if keys, err := s.Unsubscribe(ctx, "legacy-subscriber-token"); err != nil || len(keys) != 1 || keys[0] != confirmKey(3) {
		t.Fatalf("unsubscribing the old subscriber: %v %v", keys, err)
	}
	if subs, err := s.Subscribers(ctx, box, nil); err != nil || len(subs) != 1 || subs[0].ID != 4 {
		t.Fatalf("after unsubscribing: %+v %v", subs, err)
	}
}
