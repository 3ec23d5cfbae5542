package standby_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/sip-core/sip/store"
	_ "github.com/sip-core/sip/store/gpkg"
	"github.com/sip-core/sip/store/standby"
	"github.com/sip-core/sip/store/storetest"
)

// clock is a test clock the probes read.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

// stale makes a primary GeoPackage at revision 1 and a copy of it (the
// "standby", a real store left at revision 1), then writes revision 2 to the
// primary.
func stale(t *testing.T) (primary store.Store, copyPath string) {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "county.gpkg")
	p, err := store.Create(ctx, path, "county", store.EGiBLayers)
	if err != nil {
		t.Fatal(err)
	}
	storetest.Put(t, p, storetest.Parcel("a", "1", storetest.T0(1), 0))
	p.Close()
	copyPath = filepath.Join(dir, "copy.gpkg")
	copyFile(t, path, copyPath)
	if p, err = store.Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	storetest.Put(t, p, storetest.Parcel("b", "1", storetest.T0(2), 20))
	return p, copyPath
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

func count(t *testing.T, s store.Reader) int64 {
	t.Helper()
	n, err := s.Count(context.Background(), store.Query{Layer: "dzialki"})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func revision(t *testing.T, s store.Reader) int64 {
	t.Helper()
	r, err := s.Revision(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestReadsFollowTheFloor: reads go to the standby while it is within the
// bound and at the floor; beyond the bound they move to the primary, the
// floor rises, and the standby is not read again before it reaches it. A
// commit through the store and Require raise the floor too.
func TestReadsFollowTheFloor(t *testing.T) {
	ctx := context.Background()
	primary, copyPath := stale(t)
	clk := &clock{t: time.Unix(1000, 0)}
	s := standby.New(primary, []string{copyPath}, standby.Options{MaxLag: time.Second, Now: clk.now})
	defer s.Close()
	if _, err := s.Probe(ctx); err != nil {
		t.Fatal(err)
	}
	if r, n := revision(t, s), count(t, s); r != 1 || n != 1 {
		t.Fatalf("within the bound: revision %d, %d parcels; want the standby's 1, 1", r, n)
	}
	clk.t = clk.t.Add(1500 * time.Millisecond)
	st, err := s.Probe(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if sb := st.Standbys[0]; !sb.Up || sb.Read || sb.Lag != 1500*time.Millisecond || sb.Revision != 1 || st.Primary != 2 {
		t.Fatalf("probe beyond the bound: %+v", st)
	}
	if r, n := revision(t, s), count(t, s); r != 2 || n != 2 || s.Floor() != 2 {
		t.Fatalf("beyond the bound: revision %d, %d parcels, floor %d; want the primary's 2, 2, 2", r, n, s.Floor())
	}
	// Back within the bound (the clock alone cannot make a revision newer),
	// the standby is awaited: the revision holds at the floor and rows come
	// from the primary, never from below the floor.
	s2 := standby.New(primary, []string{copyPath}, standby.Options{MaxLag: time.Hour, Now: clk.now})
	defer s2.Close()
	if _, err := s2.Require(ctx, 2); err != nil {
		t.Fatal(err)
	}
	if _, err := s2.Probe(ctx); err != nil {
		t.Fatal(err)
	}
	if r, n := revision(t, s2), count(t, s2); r != 2 || n != 2 {
		t.Fatalf("after Require(2): revision %d, %d parcels; want 2, 2", r, n)
	}
	// Without a bound the standby is read however far behind; a commit
	// through the store raises the floor to the primary's revision, so the
	// writer reads its write.
	s3 := standby.New(primary, []string{copyPath}, standby.Options{Now: clk.now})
	defer s3.Close()
	if _, err := s3.Probe(ctx); err != nil {
		t.Fatal(err)
	}
	clk.t = clk.t.Add(time.Hour)
	if _, err := s3.Probe(ctx); err != nil {
		t.Fatal(err)
	}
	if r := revision(t, s3); r != 1 {
		t.Fatalf("the standby without a bound: revision %d, want its 1", r)
	}
	storetest.Put(t, s3, storetest.Parcel("c", "1", storetest.T0(3), 40))
	if r, n := revision(t, s3), count(t, s3); r != 3 || n != 3 || s3.Floor() != 3 {
		t.Fatalf("after a commit: revision %d, %d parcels, floor %d; want 3, 3, 3", r, n, s3.Floor())
	}
}

// TestStay: with Stay a standby beyond the bound is still read.
func TestStay(t *testing.T) {
	ctx := context.Background()
	primary, copyPath := stale(t)
	clk := &clock{t: time.Unix(1000, 0)}
	s := standby.New(primary, []string{copyPath}, standby.Options{MaxLag: time.Second, Stay: true, Now: clk.now})
	defer s.Close()
	s.Probe(ctx)
	clk.t = clk.t.Add(time.Minute)
	st, err := s.Probe(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if r, n := revision(t, s), count(t, s); r != 1 || n != 1 || !st.Standbys[0].Read || st.Standbys[0].Lag != time.Minute {
		t.Fatalf("a minute behind with Stay: revision %d, %d parcels, %+v; want the standby's 1, 1", r, n, st)
	}
	if got := s.Lag().Behind(1, clk.t); got != time.Minute {
		t.Errorf("revision 1 is %s behind, want 1m", got)
	}
	if got := s.Lag().Behind(2, clk.t); got != 0 {
		t.Errorf("the primary's revision is %s behind, want 0", got)
	}
}

// TestNotACopy: a standby holding another dataset is never read.
func TestNotACopy(t *testing.T) {
	ctx := context.Background()
	primary, _ := stale(t)
	other := filepath.Join(t.TempDir(), "other.gpkg")
	o, err := store.Create(ctx, other, "roads", store.EGiBLayers[:1])
	if err != nil {
		t.Fatal(err)
	}
	o.Close()
	s := standby.New(primary, []string{other}, standby.Options{})
	defer s.Close()
	st, err := s.Probe(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if sb := st.Standbys[0]; sb.Up || sb.Err == nil {
		t.Fatalf("another dataset as a standby: %+v", sb)
	}
	if r := revision(t, s); r != 2 {
		t.Fatalf("revision %d, want the primary's 2", r)
	}
}
