package index

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

func TestIDTable(t *testing.T) {
	var ids []string
	for i := range 5000 {
		ids = append(ids, fmt.Sprintf("100301_1.%04d.%d/%d", i%37, i, i%3))
	}
	ids = append(ids, "") // an empty id is an id too
	tab := newIDTable(ids)
	if tab.len() != len(ids) {
		t.Fatalf("len %d, want %d", tab.len(), len(ids))
	}
	for p, id := range ids {
		if got := tab.id(int32(p)); got != id {
			t.Fatalf("id(%d) = %q, want %q", p, got, id)
		}
		if q, ok := tab.find(id); !ok || q != int32(p) {
			t.Fatalf("find(%q) = %d %v, want %d", id, q, ok, p)
		}
	}
	for _, miss := range []string{"100301_1.0000.0/1", "x", "100301_1.0001.1/1 "} {
		if _, ok := tab.find(miss); ok {
			t.Errorf("find(%q) found an id not in the table", miss)
		}
	}
	var empty idTable
	if _, ok := empty.find("a"); ok || empty.len() != 0 {
		t.Error("the zero table is not empty")
	}
}

// The layer answers as a map would through puts, moves, deletes and the
// rebuilds they trigger.
func TestLayerAgainstMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	box := func() Box {
		x, y := rng.Float64()*1000, rng.Float64()*1000
		return Box{x, y, x + 1, y + 1}
	}
	want := map[string]Box{}
	var items []Item
	for i := range 3000 {
		id := fmt.Sprintf("id-%d", i)
		b := box()
		want[id] = b
		items = append(items, Item{id, b})
	}
	l := NewLayer(items)
	for range 20000 {
		id := fmt.Sprintf("id-%d", rng.IntN(4000))
		if rng.IntN(3) == 0 {
			l.Delete(id)
			delete(want, id)
		} else {
			b := box()
			l.Put(id, b)
			want[id] = b
		}
	}
	if l.Len() != len(want) {
		t.Fatalf("Len %d, want %d", l.Len(), len(want))
	}
	for i := range 4000 {
		id := fmt.Sprintf("id-%d", i)
		b, ok := l.Box(id)
		if wb, wok := want[id]; ok != wok || b != wb {
			t.Fatalf("Box(%s) = %v %v, want %v %v", id, b, ok, wb, wok)
		}
	}
	seen := map[string]int{}
	l.Search(Box{-1, -1, 2000, 2000}, func(id string) bool { seen[id]++; return true })
	if len(seen) != len(want) {
		t.Fatalf("search saw %d ids, want %d", len(seen), len(want))
	}
	for id, n := range seen {
		if _, ok := want[id]; !ok || n != 1 {
			t.Fatalf("search gave %s %d times (indexed %v)", id, n, ok)
		}
	}
}
