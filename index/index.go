package index

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/store"
)

// BoxOf converts an orb.Bound.
func BoxOf(b orb.Bound) Box { return Box{b.Min[0], b.Min[1], b.Max[0], b.Max[1]} }

// Bound converts to an orb.Bound.
func (b Box) Bound() orb.Bound {
	return orb.Bound{Min: orb.Point{b.MinX, b.MinY}, Max: orb.Point{b.MaxX, b.MaxY}}
}

// Item is one indexed object.
type Item struct {
	ID  string
	Box Box
}

// Layer indexes the current objects of one layer by id. It is safe for concurrent
// use: searches share a read lock, updates take the write lock.
type Layer struct {
	mu sync.RWMutex

	tree  *Tree
	ids   idTable // tree position ↔ id
	dead  []bool  // tree position → removed from the tree
	deadN int

	// The overlay: objects put since the tree was built.
	extraIDs []string
	extraBox []Box
	extraPos map[string]int
}

// NewLayer builds a layer index from items (ids must be unique).
func NewLayer(items []Item) *Layer {
	l := &Layer{}
	l.build(items)
	return l
}

func (l *Layer) build(items []Item) {
	boxes := make([]Box, len(items))
	for i, it := range items {
		boxes[i] = it.Box
	}
	t := BuildTree(boxes)
	// Renumber the items by their position in the tree, so that an item number
	// also addresses its box.
	ids := make([]string, len(items))
	for p := range items {
		ids[p] = items[t.ref[p]].ID
		t.ref[p] = int32(p)
	}
	l.tree = t
	l.ids = newIDTable(ids)
	l.dead = make([]bool, len(items))
	l.deadN = 0
	l.extraIDs = nil
	l.extraBox = nil
	l.extraPos = map[string]int{}
}

// Len is the number of indexed objects.
func (l *Layer) Len() int {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.treeLen() + len(l.extraIDs)
}

// treeLen is the number of live tree items.
func (l *Layer) treeLen() int { return l.ids.len() - l.deadN }

// Bounds is a box covering every indexed object. After deletions it may be
// larger than the tight extent until the next rebuild.
func (l *Layer) Bounds() (Box, bool) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	b, ok := emptyBox, false
	if l.treeLen() > 0 {
		tb, _ := l.tree.Bounds()
		b.extend(tb)
		ok = true
	}
	for _, e := range l.extraBox {
		b.extend(e)
		ok = true
	}
	return b, ok
}

// Search calls fn with the id of every object whose box intersects q, until fn
// returns false. fn must not modify the layer.
func (l *Layer) Search(q Box, fn func(id string) bool) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	stopped := false
	l.tree.Search(q, func(i int32) bool {
		if l.dead[i] {
			return true
		}
		if !fn(l.ids.id(i)) {
			stopped = true
			return false
		}
		return true
	})
	if stopped {
		return
	}
	for i := range l.extraBox {
		if l.extraBox[i].Intersects(q) && !fn(l.extraIDs[i]) {
			return
		}
	}
}

// Box returns the indexed box of an object.
func (l *Layer) Box(id string) (Box, bool) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	if i, ok := l.extraPos[id]; ok {
		return l.extraBox[i], true
	}
	if i, ok := l.treePos(id); ok {
		return l.tree.boxes[i], true
	}
	return Box{}, false
}

// Put inserts or moves an object.
func (l *Layer) Put(id string, b Box) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.removeFromTree(id)
	if i, ok := l.extraPos[id]; ok {
		l.extraBox[i] = b
		return
	}
	l.extraPos[id] = len(l.extraIDs)
	l.extraIDs = append(l.extraIDs, id)
	l.extraBox = append(l.extraBox, b)
	l.maybeRebuild()
}

// Delete removes an object (a no-op when it is not indexed).
func (l *Layer) Delete(id string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	removed := l.removeFromTree(id)
	if i, ok := l.extraPos[id]; ok {
		last := len(l.extraIDs) - 1
		l.extraIDs[i], l.extraBox[i] = l.extraIDs[last], l.extraBox[last]
		l.extraPos[l.extraIDs[i]] = i
		l.extraIDs, l.extraBox = l.extraIDs[:last], l.extraBox[:last]
		delete(l.extraPos, id)
		removed = true
	}
	if removed {
		l.maybeRebuild()
	}
}

// treePos finds a live tree item by id.
func (l *Layer) treePos(id string) (int32, bool) {
	p, ok := l.ids.find(id)
	if !ok || l.dead[p] {
		return 0, false
	}
	return p, true
}

func (l *Layer) removeFromTree(id string) bool {
	i, ok := l.treePos(id)
	if !ok {
		return false
	}
	l.dead[i] = true
	l.deadN++
	return true
}

// maybeRebuild repacks the tree when the overlay and tombstones outgrow it, so
// that searches stay logarithmic. Called with the write lock held.
func (l *Layer) maybeRebuild() {
	limit := max(1024, l.tree.Len()/8)
	if len(l.extraIDs)+l.deadN <= limit {
		return
	}
	items := make([]Item, 0, l.treeLen()+len(l.extraIDs))
	for p := 0; p < l.tree.Len(); p++ {
		if !l.dead[p] {
			// A copy: the new table must not point into the old one's bytes.
			items = append(items, Item{strings.Clone(l.ids.id(int32(p))), l.tree.boxes[p]})
		}
	}
	for i, id := range l.extraIDs {
		items = append(items, Item{id, l.extraBox[i]})
	}
	l.build(items)
}

// Index is the spatial index of one dataset: a Layer per store layer, and the
// store revision it reflects.
type Index struct {
	mu     sync.RWMutex
	layers map[string]*Layer
	rev    atomic.Int64

	catchUp sync.Mutex // serialises CatchUp
	subsMu  sync.Mutex
	subs    []func(store.Change)
}

// Build indexes the current objects of every layer of a store. The revision is
// read before the scan and the changes after it are then applied, so writes racing
// with the build are not lost.
func Build(ctx context.Context, r store.Reader) (*Index, error) {
	rev, err := r.Revision(ctx)
	if err != nil {
		return nil, fmt.Errorf("index: revision: %w", err)
	}
	ix := &Index{layers: map[string]*Layer{}}
	for _, lay := range r.Layers() {
		var items []Item
		err := r.Query(ctx, store.Query{Layer: lay.Name}, func(row store.Row) error {
			if row.Geometry == nil {
				return nil
			}
			items = append(items, Item{row.ID, BoxOf(row.Geometry.Bound())})
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("index: layer %s: %w", lay.Name, err)
		}
		ix.layers[lay.Name] = NewLayer(items)
	}
	ix.rev.Store(rev)
	if err := ix.CatchUp(ctx, r); err != nil {
		return nil, err
	}
	return ix, nil
}

// New returns an empty index at revision 0 (CatchUp then replays the whole log).
func New() *Index { return &Index{layers: map[string]*Layer{}} }

// Revision is the store revision the index reflects.
func (ix *Index) Revision() int64 { return ix.rev.Load() }

// Layer returns the index of a layer.
func (ix *Index) Layer(name string) (*Layer, bool) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	l, ok := ix.layers[name]
	return l, ok
}

// LayerNames lists the indexed layers, sorted.
func (ix *Index) LayerNames() []string {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	names := make([]string, 0, len(ix.layers))
	for n := range ix.layers {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func (ix *Index) layerForWrite(name string) *Layer {
	if l, ok := ix.Layer(name); ok {
		return l
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if l, ok := ix.layers[name]; ok {
		return l
	}
	l := NewLayer(nil)
	ix.layers[name] = l
	return l
}

// Search calls fn with the id of every current object of layer whose bounding box
// intersects b, until fn returns false. Results are candidates: an exact geometry
// test is the caller's.
func (ix *Index) Search(layer string, b orb.Bound, fn func(id string) bool) {
	if l, ok := ix.Layer(layer); ok {
		l.Search(BoxOf(b), fn)
	}
}

// SearchIDs appends the ids found by Search to dst.
func (ix *Index) SearchIDs(layer string, b orb.Bound, dst []string) []string {
	ix.Search(layer, b, func(id string) bool { dst = append(dst, id); return true })
	return dst
}

// Len is the number of current objects of a layer.
func (ix *Index) Len(layer string) int {
	if l, ok := ix.Layer(layer); ok {
		return l.Len()
	}
	return 0
}

// Subscribe registers fn to be called, in order, with every change the index
// applies (e.g. to invalidate cached tiles). fn runs on the polling goroutine.
func (ix *Index) Subscribe(fn func(store.Change)) {
	ix.subsMu.Lock()
	defer ix.subsMu.Unlock()
	ix.subs = append(ix.subs, fn)
}

// apply updates the index with one change-log entry. An insert or update whose
// entry lacks the object, or carries a version that is not current (a corrected
// historic version), is resolved by reading the current version from the store.
func (ix *Index) apply(ctx context.Context, r store.Reader, c store.Change) error {
	switch c.Op {
	case store.OpArchive:
		// A historic version: the current state is unchanged.
	case store.OpDelete:
		ix.layerForWrite(c.Layer).Delete(c.ID)
	case store.OpInsert, store.OpUpdate:
		o := c.Object
		if o == nil || !o.Current() {
			// A corrected historic version, or an entry without its object: ask
			// the store what is current now.
			cur, err := r.Get(ctx, c.Layer, c.ID)
			switch {
			case errors.Is(err, store.ErrNotFound):
				ix.layerForWrite(c.Layer).Delete(c.ID)
				return nil
			case err != nil:
				return err
			}
			o = cur
		}
		if o.Geometry == nil {
			ix.layerForWrite(c.Layer).Delete(c.ID)
			return nil
		}
		ix.layerForWrite(c.Layer).Put(c.ID, BoxOf(o.Geometry.Bound()))
	}
	return nil
}

// CatchUp applies the store's changes after the index's revision. It is cheap
// when nothing changed (one Revision call).
func (ix *Index) CatchUp(ctx context.Context, r store.Reader) error {
	ix.catchUp.Lock()
	defer ix.catchUp.Unlock()
	rev, err := r.Revision(ctx)
	if err != nil {
		return fmt.Errorf("index: revision: %w", err)
	}
	since := ix.rev.Load()
	if rev <= since {
		return nil
	}
	ix.subsMu.Lock()
	subs := ix.subs
	ix.subsMu.Unlock()
	err = r.Changes(ctx, since, func(c store.Change) error {
		if err := ix.apply(ctx, r, c); err != nil {
			return err
		}
		for _, fn := range subs {
			fn(c)
		}
		ix.rev.Store(c.Rev)
		return nil
	})
	if err != nil {
		return fmt.Errorf("index: changes since %d: %w", since, err)
	}
	return nil
}

// Watch polls the store every interval and applies its changes until ctx ends.
// Errors go to onErr (if not nil) and polling goes on.
func (ix *Index) Watch(ctx context.Context, r store.Reader, interval time.Duration, onErr func(error)) {
	if interval <= 0 {
		interval = time.Second
	}
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := ix.CatchUp(ctx, r); err != nil && ctx.Err() == nil && onErr != nil {
				onErr(err)
			}
		}
	}
}
