package alerts

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
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

// An update that read an alert before another server stored a revision is
// refused rather than numbered twice.
func TestStaleRevisionRefused(t *testing.T) {
	ctx := context.Background()
	s, err := OpenDSN(ctx, filepath.Join(t.TempDir(), "alerts.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	now := time.Now().Truncate(time.Second)
	d, err := parseDraft(strings.NewReader(`{"category": ["Infra"], "urgency": "Immediate", "severity": "Moderate", "certainty": "Observed",
		"expires": "`+now.Add(time.Hour).Format(time.RFC3339)+`", "pl": {"event": "Awaria", "headline": "Brak wody"}, "area": {"gminy": ["1003014"]}}`), now)
	if err != nil {
		t.Fatal(err)
	}
	first := &Alert{MsgType: "Alert", Draft: d, Sent: now}
	if err := s.Publish(ctx, first); err != nil || first.Rev != 1 {
		t.Fatalf("publish: rev %d %v", first.Rev, err)
	}
	read := []time.Time{first.Sent} // both servers read revision 1
	mine := &Alert{ID: first.ID, MsgType: "Update", Draft: d, Sent: now.Add(time.Second), Refs: read}
	theirs := &Alert{ID: first.ID, MsgType: "Update", Draft: d, Sent: now.Add(2 * time.Second), Refs: read}
	if err := s.Publish(ctx, mine); err != nil || mine.Rev != 2 {
		t.Fatalf("update: rev %d %v", mine.Rev, err)
	}
	if err := s.Publish(ctx, theirs); !errors.Is(err, errChanged) {
		t.Fatalf("a stale update: %v, want errChanged", err)
	}
	if latest, err := s.Revision(ctx, first.ID, 0); err != nil || latest.Rev != 2 || !latest.Sent.Equal(mine.Sent) {
		t.Fatalf("latest revision: %+v %v", latest, err)
	}
}
