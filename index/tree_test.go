package index

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// randBoxes makes n parcel-sized boxes over a county-sized area of EPSG:2180.
func randBoxes(rng *rand.Rand, n int) []Box {
	out := make([]Box, n)
	for i := range out {
		x := 400000 + rng.Float64()*40000
		y := 500000 + rng.Float64()*40000
		out[i] = Box{x, y, x + 5 + rng.Float64()*200, y + 5 + rng.Float64()*200}
	}
	return out
}

func randQuery(rng *rand.Rand) Box {
	x := 398000 + rng.Float64()*44000
	y := 498000 + rng.Float64()*44000
	s := rng.Float64() * 3000
	return Box{x, y, x + s, y + s*rng.Float64()}
}

func TestTreeMatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 15, 16, 17, 255, 256, 257, 5000} {
		boxes := randBoxes(rng, n)
		tr := BuildTree(boxes)
		if tr.Len() != n {
			t.Fatalf("n=%d: Len %d", n, tr.Len())
		}
		for q := 0; q < 200; q++ {
			qb := randQuery(rng)
			var got, want []int32
			tr.Search(qb, func(i int32) bool { got = append(got, i); return true })
			for i, b := range boxes {
				if b.Intersects(qb) {
					want = append(want, int32(i))
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Fatalf("n=%d query %v: got %d items, want %d", n, qb, len(got), len(want))
			}
		}
	}
}

func TestTreeEarlyStop(t *testing.T) {
	tr := BuildTree(randBoxes(rand.New(rand.NewPCG(3, 4)), 1000))
	calls := 0
	tr.Search(Box{0, 0, 1e7, 1e7}, func(int32) bool { calls++; return calls < 5 })
	if calls != 5 {
		t.Errorf("fn called %d times after returning false", calls)
	}
}

// TestLayerIncremental applies random puts, moves and deletes (enough to trigger
// several rebuilds) and compares every search with a brute-force scan.
func TestLayerIncremental(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	truth := map[string]Box{}
	var items []Item
	for i, b := range randBoxes(rng, 3000) {
		id := fmt.Sprintf("o%d", i)
		truth[id] = b
		items = append(items, Item{id, b})
	}
	l := NewLayer(items)
	next := len(items)
	check := func(step int) {
		if l.Len() != len(truth) {
			t.Fatalf("step %d: Len %d, want %d", step, l.Len(), len(truth))
		}
		for q := 0; q < 20; q++ {
			qb := randQuery(rng)
			var got, want []string
			l.Search(qb, func(id string) bool { got = append(got, id); return true })
			for id, b := range truth {
				if b.Intersects(qb) {
					want = append(want, id)
				}
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Fatalf("step %d: query %v: got %d ids, want %d", step, qb, len(got), len(want))
			}
		}
	}
	check(0)
	for step := 1; step <= 6000; step++ {
		switch op := rng.IntN(10); {
		case op < 4: // insert
			id := fmt.Sprintf("o%d", next)
			next++
			b := randBoxes(rng, 1)[0]
			truth[id] = b
			l.Put(id, b)
		case op < 7: // move an existing object
			id := fmt.Sprintf("o%d", rng.IntN(next))
			if _, ok := truth[id]; ok {
				b := randBoxes(rng, 1)[0]
				truth[id] = b
				l.Put(id, b)
			}
		default: // delete (sometimes an unknown id)
			id := fmt.Sprintf("o%d", rng.IntN(next+10))
			delete(truth, id)
			l.Delete(id)
		}
		if step%500 == 0 {
			check(step)
		}
	}
	for id, b := range truth {
		if got, ok := l.Box(id); !ok || got != b {
			t.Fatalf("Box(%s) = %v %v, want %v", id, got, ok, b)
		}
	}
}

func BenchmarkIndexBuild(b *testing.B) {
	rng := rand.New(rand.NewPCG(7, 8))
	boxes := randBoxes(rng, 100_000)
	items := make([]Item, len(boxes))
	for i, bx := range boxes {
		items[i] = Item{fmt.Sprintf("id-%d", i), bx}
	}
	b.Run("tree", func(b *testing.B) {
		for b.Loop() {
			BuildTree(boxes)
		}
	})
	b.Run("layer", func(b *testing.B) {
		for b.Loop() {
			NewLayer(items)
		}
	})
}

// BenchmarkIndexSearch queries 100k parcel-sized boxes with windows the size of a
// 256-pixel map tile at about 1 m/pixel (a few tens of hits each).
func BenchmarkIndexSearch(b *testing.B) {
	rng := rand.New(rand.NewPCG(9, 10))
	boxes := randBoxes(rng, 100_000)
	items := make([]Item, len(boxes))
	for i, bx := range boxes {
		items[i] = Item{fmt.Sprintf("id-%d", i), bx}
	}
	l := NewLayer(items)
	queries := make([]Box, 1024)
	for i := range queries {
		x := 400000 + rng.Float64()*40000
		y := 500000 + rng.Float64()*40000
		queries[i] = Box{x, y, x + 256, y + 256}
	}
	hits := 0
	i := 0
	for b.Loop() {
		l.Search(queries[i%len(queries)], func(string) bool { hits++; return true })
		i++
	}
	b.ReportMetric(float64(hits)/float64(i), "hits/op")
}
