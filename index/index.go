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

	"github.com/sip-core/sip/internal/cache"
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
	l.SearchBoxes(q, func(id string, _ Box) bool { return fn(id) })
}

// SearchBoxes is Search, giving each object's indexed box too. fn must not
// modify the layer.
func (l *Layer) SearchBoxes(q Box, fn func(id string, b Box) bool) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	stopped := false
	l.tree.Search(q, func(i int32) bool {
		if l.dead[i] {
			return true
		}
		if !fn(l.ids.id(i), l.tree.boxes[i]) {
			stopped = true
			return false
		}
		return true
	})
	if stopped {
		return
	}
	for i := range l.extraBox {
		if l.extraBox[i].Intersects(q) && !fn(l.extraIDs[i], l.extraBox[i]) {
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

// Index is the spatial index of one dataset and the follower of its change
// log: it applies the store's changes in order (CatchUp, Watch), lets services
// subscribe to them (Subscribe), and publishes the revision it has applied.
//
// It answers spatial searches in one of two ways (Options.Memory):
//   - from the store (the default): the store's own spatial index (the
//     GeoPackage R-tree, PostGIS's GiST) finds the objects of a box, and the
//     boxes of small cells (CellSize) read for point lookups are kept in a
//     bounded cache, so memory does not grow with the dataset;
//   - from memory: an R-tree of every current object's box, built when the index
//     is opened by reading every object (about 90 bytes an object).
type Index struct {
	r     store.Reader // nil for New
	mem   bool
	cells *cellCache // store mode

	mu      sync.RWMutex
	layers  map[string]*Layer // memory mode
	extents map[string]extent // by layer, read from the store since its last change
	extGen  uint64            // bumped by every change, under mu
	rev     atomic.Int64

	catchUp sync.Mutex // serialises CatchUp
	subsMu  sync.Mutex
	subs    []func(store.Change)
}

// Options choose how an Index answers spatial searches.
type Options struct {
	// Memory keeps every current object's box in an in-memory R-tree, built by
	// reading every object when the index opens.
	Memory bool
	// Cells bounds the store mode's cache of cells, in bytes (0:
	// DefaultCellBudget).
	Cells int64
}

// Open makes the index of a store at its current revision. In store mode it
// reads nothing but the revision; in memory mode it reads every object's box.
func Open(ctx context.Context, r store.Reader, o Options) (*Index, error) {
	if o.Memory {
		return Build(ctx, r)
	}
	rev, err := r.Revision(ctx)
	if err != nil {
		return nil, fmt.Errorf("index: revision: %w", err)
	}
	ix := &Index{r: r, cells: newCellCache(r, o.Cells), layers: map[string]*Layer{}}
	ix.rev.Store(rev)
	return ix, nil
}

// Build indexes the current objects of every layer of a store in memory. The
// revision is read before the scan and the changes after it are then applied,
// so writes racing with the build are not lost.
func Build(ctx context.Context, r store.Reader) (*Index, error) {
	rev, err := r.Revision(ctx)
	if err != nil {
		return nil, fmt.Errorf("index: revision: %w", err)
	}
	ix := &Index{r: r, mem: true, layers: map[string]*Layer{}}
	for _, lay := range r.Layers() {
		var items []Item
		err := r.QueryBoxes(ctx, store.Query{Layer: lay.Name}, func(_ int64, id string, b orb.Bound) error {
			items = append(items, Item{id, BoxOf(b)})
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

// New returns an empty in-memory index at revision 0 (CatchUp then replays the
// whole log).
func New() *Index { return &Index{mem: true, layers: map[string]*Layer{}} }

// Memory reports whether the index keeps every box in memory.
func (ix *Index) Memory() bool { return ix.mem }

// Revision is the store revision the index reflects.
func (ix *Index) Revision() int64 { return ix.rev.Load() }

// Layer returns the in-memory index of a layer (memory mode only).
func (ix *Index) Layer(name string) (*Layer, bool) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	l, ok := ix.layers[name]
	return l, ok
}

// LayerNames lists the layers held in memory, sorted (none in store mode).
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

// errStop ends a store scan early.
var errStop = errors.New("index: stop")

// Search calls fn with the id of every current object of layer whose bounding
// box intersects b (a point is a box too), until fn returns false. Results are
// candidates: an exact geometry test is the caller's. An inverted box or a
// layer the store does not have finds nothing.
func (ix *Index) Search(ctx context.Context, layer string, b orb.Bound, fn func(id string) bool) error {
	return ix.SearchBoxes(ctx, layer, b, func(id string, _ Box) bool { return fn(id) })
}

// SearchBoxes is Search, giving each object's exact envelope too (what the
// index holds, in either mode), so a caller can decide without reading the
// object whether a whole side of it lies in a box.
func (ix *Index) SearchBoxes(ctx context.Context, layer string, b orb.Bound, fn func(id string, box Box) bool) error {
	if !(b.Min[0] <= b.Max[0] && b.Min[1] <= b.Max[1]) {
		return nil
	}
	if ix.mem {
		if l, ok := ix.Layer(layer); ok {
			l.SearchBoxes(BoxOf(b), fn)
		}
		return nil
	}
	if _, ok := store.LayerByName(ix.r.Layers(), layer); !ok {
		return nil
	}
	if b.Max[0]-b.Min[0] <= CellSize && b.Max[1]-b.Min[1] <= CellSize {
		return ix.cells.search(ctx, layer, b, fn)
	}
	err := ix.r.QueryBoxes(ctx, store.Query{Layer: layer, Bound: &b}, func(_ int64, id string, ob orb.Bound) error {
		if !fn(id, BoxOf(ob)) {
			return errStop
		}
		return nil
	})
	if errors.Is(err, errStop) {
		return nil
	}
	return err
}

// SearchIDs appends the ids found by Search to dst.
func (ix *Index) SearchIDs(ctx context.Context, layer string, b orb.Bound, dst []string) ([]string, error) {
	err := ix.Search(ctx, layer, b, func(id string) bool { dst = append(dst, id); return true })
	return dst, err
}

// Count is the number of current objects of a layer.
func (ix *Index) Count(ctx context.Context, layer string) (int64, error) {
	if ix.mem {
		return int64(ix.Len(layer)), nil
	}
	if _, ok := store.LayerByName(ix.r.Layers(), layer); !ok {
		return 0, nil
	}
	return ix.r.Count(ctx, store.Query{Layer: layer})
}

type extent struct {
	b  orb.Bound
	ok bool
}

// Extent is the bounding box of a layer's current objects (ok false when it
// has none): the store's, which stays exact after deletions, read once and
// kept until the layer changes.
func (ix *Index) Extent(ctx context.Context, layer string) (orb.Bound, bool, error) {
	if ix.r == nil {
		if l, ok := ix.Layer(layer); ok {
			b, ok := l.Bounds()
			return b.Bound(), ok, nil
		}
		return orb.Bound{}, false, nil
	}
	if _, ok := store.LayerByName(ix.r.Layers(), layer); !ok {
		return orb.Bound{}, false, nil
	}
	ix.mu.RLock()
	e, ok := ix.extents[layer]
	gen := ix.extGen
	ix.mu.RUnlock()
	if ok {
		return e.b, e.ok, nil
	}
	// A change applied during the read drops the layer's entry (apply): the
	// read is kept only if no change came in between.
	b, has, err := ix.r.Extent(ctx, layer)
	if err != nil {
		return orb.Bound{}, false, err
	}
	ix.mu.Lock()
	if ix.extGen == gen {
		if ix.extents == nil {
			ix.extents = map[string]extent{}
		}
		ix.extents[layer] = extent{b, has}
	}
	ix.mu.Unlock()
	return b, has, nil
}

// Len is the number of current objects of a layer held in memory (memory
// mode; 0 in store mode, see Count).
func (ix *Index) Len(layer string) int {
	if l, ok := ix.Layer(layer); ok {
		return l.Len()
	}
	return 0
}

// CellStats describes the store mode's cache of cells (zero in memory mode).
func (ix *Index) CellStats() cache.Stats {
	if ix.cells == nil {
		return cache.Stats{}
	}
	return ix.cells.c.Stats()
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
	if c.Op != store.OpArchive {
		ix.mu.Lock()
		delete(ix.extents, c.Layer)
		ix.extGen++
		ix.mu.Unlock()
	}
	if !ix.mem {
		if c.Op != store.OpArchive {
			ix.cells.drop(c)
		}
		return nil
	}
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
