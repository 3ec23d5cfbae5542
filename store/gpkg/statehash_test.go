package gpkg

import (
	"testing"

	"github.com/sip-core/sip/store/storetest"
)

// sumsValid reports whether every stored running sum is valid at the store's
// newest revision (so store.StateHash reads them rather than recomputing).
func sumsValid(t *testing.T, s *Store, layers ...string) {
	t.Helper()
	rev, err := logRev(ctx, s.rdb)
	if err != nil {
		t.Fatal(err)
	}
	stored, err := storedSums(ctx, s.rdb, rev)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range layers {
		if _, ok := stored[l]; !ok {
			t.Fatalf("no running sum of %s valid at revision %d", l, rev)
		}
	}
}

// TestRunningStateHashStale: a writer that changes rows and logs without keeping the
// sums (an older binary) leaves them stale; readers then recompute, and the next
// transaction touching the layer stores a right sum again.
func TestRunningStateHashStale(t *testing.T) {
	s, _ := newStore(t)
	put(t, s, parcel("a", "1", t0(2), 0), parcel("b", "1", t0(2), 100))
	sumsValid(t, s, "dzialki")
	// The old writer: a row and its log entry, no sum.
	if _, err := s.wdb.Exec(`UPDATE dzialki SET sip_hash = 'x' WHERE lokalny_id = 'a'`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.wdb.Exec(`INSERT INTO sip_changes (time, layer, lokalny_id, wersja_id, op) VALUES ('2024-01-01T00:00:00Z', 'dzialki', 'a', '1', 'update')`); err != nil {
		t.Fatal(err)
	}
	storetest.CheckSums(t, s, "after the old writer")
	put(t, s, parcel("c", "1", t0(2), 200))
	sumsValid(t, s, "dzialki")
	storetest.CheckSums(t, s, "after the repair")
}
