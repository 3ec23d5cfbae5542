package open311

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/sip-core/sip/statedb/statedbtest"
)

// Concurrent Creates share commits, each gets its own id, and every one is
// there after reopening.
func TestGroupCommit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.sqlite")
	s, err := OpenDSN(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var wg sync.WaitGroup
	ids := make([]string, 200)
	errs := make([]error, 200)
	for i := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := &Request{ServiceCode: "inne", State: StateNew, Requested: time.Now(), Description: fmt.Sprint(i)}
			c := &Contact{Email: fmt.Sprintf("a%d@example.org", i)}
			errs[i] = s.Create(ctx, r, c, nil)
			ids[i] = r.ID
		}()
	}
	wg.Wait()
	seen := map[string]bool{}
	for i, id := range ids {
		if errs[i] != nil || id == "" || seen[id] {
			t.Fatalf("create %d: id %q err %v", i, id, errs[i])
		}
		seen[id] = true
	}
	s.Close()
	s, err = OpenDSN(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, total, err := s.List(ctx, Filter{Limit: 1000})
	if err != nil || total != 200 {
		t.Fatalf("%d stored, %v", total, err)
	}
	if err := s.Create(ctx, &Request{ServiceCode: "x", State: StateNew, Requested: time.Now()}, nil, nil); err != nil {
		t.Fatal(err)
	}
}

// A reports file written before the state database is adopted on opening:
// its request, contact, note and photo are there under the new tables, new
// requests continue its numbering, and reopening migrates nothing twice.
func TestAdoptsFileBeforeStateDatabase(t *testing.T) {
	path := statedbtest.File(t, "testdata/reports-before-state.sql", "open311.sqlite")
	ctx := context.Background()
	for round := range 2 {
		s, err := OpenDSN(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		r, err := s.Get(ctx, "7")
		if err != nil || r.Description != "dziura przed 2026" || !r.Hosted || !r.HasMedia || r.X != 431000.5 || r.Requested.UnixMilli() != 1767225600000 {
			t.Fatalf("round %d: the old request: %+v %v", round, r, err)
		}
		if c, err := s.Contact(ctx, "7"); err != nil || c.Email != "dawny.mieszkaniec@example.org" {
			t.Fatalf("the old contact: %+v %v", c, err)
		}
		if m, err := s.Media(ctx, "7"); err != nil || !bytes.Equal(m.Bytes, []byte{0xff, 0xd8, 0xff, 0xd9}) {
			t.Fatalf("the old photo: %+v %v", m, err)
		}
		if _, err := s.SetState(ctx, "7", StateResolved, "naprawione", "staff", time.Now()); err != nil {
			t.Fatal(err)
		}
		if notes, err := s.Notes(ctx, "7"); err != nil || len(notes) != 2+round || notes[1+round].Text != "naprawione" {
			t.Fatalf("notes: %+v %v", notes, err)
		}
		n := &Request{ServiceCode: "inne", State: StateNew, Requested: time.Now()}
		if err := s.Create(ctx, n, &Contact{Email: "nowy@example.org"}, nil); err != nil || n.ID != strconv.Itoa(8+round) {
			t.Fatalf("a new request after the old one: id %q %v", n.ID, err)
		}
		s.Close()
	}
}

// BenchmarkCreateParallel stores requests with a contact from many
// goroutines into a SQLite file (the group commit), as POST requests do.
func BenchmarkCreateParallel(b *testing.B) {
	s, err := OpenDSN(context.Background(), filepath.Join(b.TempDir(), "r.sqlite"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	b.SetParallelism(8)
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			r := &Request{ServiceCode: "inne", State: StateNew, Requested: time.Now(), Description: "bench"}
			if err := s.Create(ctx, r, &Contact{Email: "a@example.org"}, nil); err != nil {
				b.Error(err)
				return
			}
			if _, err := s.Get(ctx, r.ID); err != nil {
				b.Error(err)
				return
			}
		}
	})
}
