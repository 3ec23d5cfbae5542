package gpkg

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/storetest"
)

var ctx = context.Background()

func t0(day int) time.Time { return time.Date(2020, 1, day, 10, 0, 0, 0, time.UTC) }

func square(x, y, s float64) orb.Polygon {
	return orb.Polygon{{{x, y}, {x + s, y}, {x + s, y + s}, {x, y + s}, {x, y}}}
}

func parcel(id, ver string, start time.Time, x float64) *store.Object {
	return &store.Object{
		Layer: "dzialki", ID: id, Namespace: "PL.PZGiK.1004.EGiB", Version: ver,
		StartObject: t0(1), StartVersion: start,
		Geometry: square(x, 500000, 10),
		Attrs:    map[string]any{"id_dzialki": "141201_1.0001." + id, "numer_dzialki": id, "pole_ewidencyjne": 0.01},
	}
}

func newStore(t testing.TB) (*Store, string) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "test.gpkg")
	s, err := Create(p, "test", store.EGiBLayers)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, p
}

func put(t *testing.T, s *Store, objs ...*store.Object) []store.PutResult {
	t.Helper()
	return storetest.Put(t, s, objs...)
}

func ended(o *store.Object, end time.Time) *store.Object {
	c := *o
	c.EndVersion = end
	return &c
}

func TestCreateOpen(t *testing.T) {
	s, p := newStore(t)
	put(t, s, parcel("a", "1", t0(2), 0))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if s2.Name() != "test" || !reflect.DeepEqual(s2.Layers(), store.EGiBLayers) {
		t.Fatalf("name %q layers %v", s2.Name(), s2.Layers())
	}
	if _, err := Create(p, "x", store.EGiBLayers); err == nil {
		t.Fatal("Create over an existing file succeeded")
	}
	// A GeoPackage that is not a SIP dataset is refused.
	other := filepath.Join(t.TempDir(), "other.gpkg")
	if out, err := exec.Command("ogr2ogr", "-f", "GPKG", other, p, "dzialki").CombinedOutput(); err == nil {
		if _, err := Open(other); err == nil || !strings.Contains(err.Error(), "not a SIP dataset") {
			t.Fatalf("foreign GeoPackage: %v", err)
		}
	} else {
		t.Logf("ogr2ogr unavailable: %s", out)
	}
	junk := filepath.Join(t.TempDir(), "junk.gpkg")
	os.WriteFile(junk, []byte("hello"), 0o644)
	if _, err := Open(junk); err == nil {
		t.Fatal("junk file opened")
	}
}

func fileSum(t *testing.T, p string) [32]byte {
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	h := sha256.New()
	io.Copy(h, f)
	var s [32]byte
	copy(s[:], h.Sum(nil))
	return s
}

// TestRollbackFileBytes: a rolled-back transaction leaves the file byte for byte
// as it was (the contract's rollback is in store/storetest).
func TestRollbackFileBytes(t *testing.T) {
	s, p := newStore(t)
	put(t, s, parcel("a", "1", t0(2), 0))
	s.wdb.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	before := fileSum(t, p)
	tx, _ := s.Begin(ctx)
	for i := 0; i < 2000; i++ { // enough to spill pages
		if _, err := tx.Put(ctx, parcel(fmt.Sprint("n", i), "1", t0(2), float64(i*20))); err != nil {
			t.Fatal(err)
		}
	}
	tx.Put(ctx, parcel("a", "2", t0(3), 5))
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	s.wdb.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	if fileSum(t, p) != before {
		t.Fatal("file changed by a rolled-back transaction")
	}
}

// Lookups by a public id (a parcel id from ULDK, WFS ResourceId, the card) use an
// index instead of scanning the table.
func TestIDColumnsIndexed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.gpkg")
	st, err := Create(path, "c", store.EGiBLayers)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, q := range []struct{ table, col string }{{"dzialki", "id_dzialki"}, {"budynki", "id_budynku"}, {"punkty", "id_punktu"}} {
		var plan, detail string
		var id, parent, notused int
		row := st.rdb.QueryRow(`EXPLAIN QUERY PLAN SELECT fid FROM "` + q.table + `" WHERE "` + q.col + `" = 'x'`)
		if err := row.Scan(&id, &parent, &notused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = detail
		if !strings.Contains(plan, "USING INDEX") && !strings.Contains(plan, "USING COVERING INDEX") {
			t.Errorf("%s by %s: query plan %q scans the table", q.table, q.col, plan)
		}
	}
}

// A fresh store takes its first load in rollback-journal mode (pages written
// once) and serves readers from WAL mode afterwards.
func TestFreshStoreEntersWALAfterFirstCommit(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	mode := func() string {
		var m string
		if err := s.wdb.QueryRow("PRAGMA journal_mode").Scan(&m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	if m := mode(); m != "delete" {
		t.Fatalf("fresh store in %q mode", m)
	}
	put(t, s, parcel("a", "v1", t0(2), 0))
	if m := mode(); m != "wal" {
		t.Fatalf("after the first commit: %q mode", m)
	}
	// Reopened, a store is in WAL mode from the start.
	path := s.Path()
	s.Close()
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	var m string
	s2.wdb.QueryRow("PRAGMA journal_mode").Scan(&m)
	if m != "wal" {
		t.Fatalf("reopened store in %q mode", m)
	}
	if n, _ := s2.Count(ctx, store.Query{Layer: "dzialki"}); n != 1 {
		t.Fatalf("count %d", n)
	}
}
