// Package index is the in-memory spatial index of a dataset: per layer, a packed
// R-tree (sort-tile-recursive bulk load) over the bounding boxes of the current
// objects, kept current while the server runs by applying the store's change log.
//
// A Tree is immutable once built. A Layer combines a Tree with a small overlay of
// objects inserted or moved since the build and tombstones for those removed from
// the Tree; when the overlay grows past a fraction of the tree, the layer is
// rebuilt. Index holds the layers of one dataset and follows the store's revision.
package index

import (
	"math"
	"slices"
)

// NodeSize is the fan-out of the packed tree.
const NodeSize = 16

// Box is an axis-aligned bounding box (EPSG:2180 metres, x = E, y = N).
type Box struct{ MinX, MinY, MaxX, MaxY float64 }

// Intersects reports whether two boxes share any point (edges count).
func (b Box) Intersects(o Box) bool {
	return b.MinX <= o.MaxX && o.MinX <= b.MaxX && b.MinY <= o.MaxY && o.MinY <= b.MaxY
}

func (b *Box) extend(o Box) {
	b.MinX = math.Min(b.MinX, o.MinX)
	b.MinY = math.Min(b.MinY, o.MinY)
	b.MaxX = math.Max(b.MaxX, o.MaxX)
	b.MaxY = math.Max(b.MaxY, o.MaxY)
}

var emptyBox = Box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}

// Tree is a static packed R-tree. Items are numbered by the order they were given
// to BuildTree; Search reports those numbers.
type Tree struct {
	// boxes holds the items (in tree order) followed by the nodes of each level,
	// the root last.
	boxes []Box
	// ref[i] is, for an item position, the item number; for a node position, the
	// position of its first child.
	ref []int32
	// levelEnd[l] is the end position of level l (level 0 = items).
	levelEnd []int
}

// BuildTree bulk-loads a tree with sort-tile-recursive packing.
func BuildTree(boxes []Box) *Tree {
	n := len(boxes)
	t := &Tree{}
	if n == 0 {
		return t
	}
	// STR: sort by x, cut into vertical slices of about sqrt(n/M) leaves each,
	// sort every slice by y. Sorting keyed copies is much faster than sorting
	// indices through closures.
	type keyed struct {
		k float64
		i int32
	}
	ks := make([]keyed, n)
	for i := range boxes {
		ks[i] = keyed{boxes[i].MinX + boxes[i].MaxX, int32(i)}
	}
	byKey := func(a, b keyed) int { return cmpf(a.k, b.k) }
	slices.SortFunc(ks, byKey)
	leaves := (n + NodeSize - 1) / NodeSize
	slicesN := int(math.Ceil(math.Sqrt(float64(leaves))))
	per := slicesN * NodeSize
	for s := 0; s < n; s += per {
		part := ks[s:min(s+per, n)]
		for j := range part {
			b := &boxes[part[j].i]
			part[j].k = b.MinY + b.MaxY
		}
		slices.SortFunc(part, byKey)
	}
	order := make([]int32, n)
	for i := range ks {
		order[i] = ks[i].i
	}
	// Count nodes to allocate once.
	total := n
	for c := n; c > 1; {
		c = (c + NodeSize - 1) / NodeSize
		total += c
	}
	t.boxes = make([]Box, n, total)
	t.ref = make([]int32, n, total)
	for i, o := range order {
		t.boxes[i] = boxes[o]
		t.ref[i] = o
	}
	t.levelEnd = append(t.levelEnd, n)
	start := 0
	for end := n; end-start > 1; {
		for p := start; p < end; p += NodeSize {
			b := emptyBox
			for c := p; c < min(p+NodeSize, end); c++ {
				b.extend(t.boxes[c])
			}
			t.boxes = append(t.boxes, b)
			t.ref = append(t.ref, int32(p))
		}
		start, end = end, len(t.boxes)
		t.levelEnd = append(t.levelEnd, end)
	}
	return t
}

func cmpf(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Len is the number of items.
func (t *Tree) Len() int {
	if len(t.levelEnd) == 0 {
		return 0
	}
	return t.levelEnd[0]
}

// Bounds is the box covering every item (ok false for an empty tree).
func (t *Tree) Bounds() (Box, bool) {
	if len(t.boxes) == 0 {
		return Box{}, false
	}
	return t.boxes[len(t.boxes)-1], true
}

// Search calls fn with the number of every item whose box intersects q, until fn
// returns false.
func (t *Tree) Search(q Box, fn func(item int32) bool) {
	if len(t.boxes) == 0 {
		return
	}
	top := len(t.levelEnd) - 1
	root := len(t.boxes) - 1
	if top == 0 { // a single item
		if t.boxes[0].Intersects(q) {
			fn(t.ref[0])
		}
		return
	}
	if !t.boxes[root].Intersects(q) {
		return
	}
	type frame struct {
		pos   int
		level int
	}
	var stackBuf [64]frame
	stack := append(stackBuf[:0], frame{root, top})
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		first := int(t.ref[f.pos])
		end := min(first+NodeSize, t.levelEnd[f.level-1])
		if f.level == 1 {
			for c := first; c < end; c++ {
				if t.boxes[c].Intersects(q) && !fn(t.ref[c]) {
					return
				}
			}
			continue
		}
		for c := first; c < end; c++ {
			if t.boxes[c].Intersects(q) {
				stack = append(stack, frame{c, f.level - 1})
			}
		}
	}
}
