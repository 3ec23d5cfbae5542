package cache

import (
	"fmt"
	"sync"
	"testing"
)

func TestBudgetBoundsTheEntries(t *testing.T) {
	c := New[int, string](1000)
	for i := 0; i < 500; i++ {
		if !c.Put(c.Gen(), i, fmt.Sprint(i), 30) {
			t.Fatalf("put %d refused", i)
		}
		if st := c.Stats(); st.Bytes > 1000 {
			t.Fatalf("after %d puts: %d bytes in a 1000-byte cache", i+1, st.Bytes)
		}
	}
	st := c.Stats()
	if st.Entries != 33 || st.Bytes != 990 || st.Evicted != 500-33 {
		t.Errorf("stats %+v, want 33 entries of 990 bytes, 467 evicted", st)
	}
	// What is left is the newest, each with its own value.
	for i := 500 - 33; i < 500; i++ {
		if v, ok := c.Get(i); !ok || v != fmt.Sprint(i) {
			t.Errorf("key %d: %q %v", i, v, ok)
		}
	}
	if c.Put(c.Gen(), -1, "huge", 1001) {
		t.Error("a value larger than the budget was stored")
	}
}

// Entries read since the hand last passed survive an eviction round; the ones
// nobody asked for go first.
func TestUsedEntriesOutliveUnused(t *testing.T) {
	c := New[int, int](10)
	for i := 0; i < 10; i++ {
		c.Put(c.Gen(), i, i, 1)
	}
	for i := 0; i < 10; i += 2 {
		c.Get(i)
	}
	for i := 10; i < 15; i++ {
		c.Put(c.Gen(), i, i, 1)
	}
	for i := 0; i < 10; i++ {
		_, ok := c.Get(i)
		if ok != (i%2 == 0) {
			t.Errorf("key %d cached %v; the even (used) keys should stay, the odd go", i, ok)
		}
	}
}

// A value read before an invalidation is not stored after it: Put with a
// generation taken before Remove is refused, and Remove drops what it names.
func TestGenerationRefusesStaleFills(t *testing.T) {
	c := New[string, int](100)
	g := c.Gen()
	c.Put(g, "a", 1, 1)
	c.Remove("a")
	if _, ok := c.Get("a"); ok {
		t.Error("removed entry still cached")
	}
	if c.Put(g, "a", 1, 1) {
		t.Error("a fill read before the removal was stored after it")
	}
	g = c.Gen()
	c.Put(g, "b", 2, 1)
	c.Put(g, "c", 3, 1)
	c.RemoveFunc(func(k string, v int) bool { return v == 2 })
	if _, ok := c.Get("b"); ok {
		t.Error("RemoveFunc kept b")
	}
	if v, ok := c.Get("c"); !ok || v != 3 {
		t.Error("RemoveFunc dropped c")
	}
	if c.Put(g, "d", 4, 1) {
		t.Error("RemoveFunc did not move the generation")
	}
	c.SetBudget(0)
	if c.Len() != 0 || c.Stats().Bytes != 0 {
		t.Errorf("budget 0 keeps %d entries", c.Len())
	}
}

func TestConcurrentUse(t *testing.T) {
	c := New[int, int](64)
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 5000; i++ {
				k := (i * (w + 1)) % 200
				if v, ok := c.Get(k); ok && v != k {
					t.Errorf("key %d holds %d", k, v)
					return
				}
				c.Put(c.Gen(), k, k, 1)
				if i%97 == 0 {
					c.Remove(k)
				}
			}
		}()
	}
	wg.Wait()
	if st := c.Stats(); st.Bytes > 64 || st.Entries > 64 {
		t.Errorf("over budget after concurrent use: %+v", st)
	}
}
