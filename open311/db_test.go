package open311

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// Concurrent Creates share commits, each gets its own id, and every one is
// there after reopening.
func TestGroupCommit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.sqlite")
	s, err := OpenSQLite(path)
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
	s, err = OpenSQLite(path)
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
