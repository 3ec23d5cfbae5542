package tiles

import (
	"context"
	"errors"
	"math"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/index"
	"github.com/sip-core/sip/store"
)

// IndexedSource serves dynamic tiles: the dataset's in-memory R-tree finds the
// objects of a tile, and projected features are kept in a FeatureCache, so the
// store is read only for objects not seen since they last changed (or since
// the cache let them go to stay within its budget).
type IndexedSource struct {
	Index   *index.Index
	R       store.Reader
	Grid    *Grid
	Columns func(layer string) []store.Column
	Cache   *FeatureCache
}

// DefaultFeatureBudget is the feature cache's budget when none is configured
// (config cache.tile_features).
const DefaultFeatureBudget = 256 << 20

// FeatureCache holds projected features by object and variant (grid and
// column selection) within a budget of bytes: each feature's estimated heap
// size (geometry points, attributes, its share of the cache's own tables;
// Feature.MemSize) is counted, and when a new feature would pass the budget
// the least recently used ones go first, approximated by CLOCK: a lookup only
// sets a reference bit (under the read lock, so concurrent tiles do not queue
// for each other), and the eviction hand sweeps the slots, clearing set bits
// and evicting the first feature whose bit is clear. Drop forgets an object
// when the change log says it changed.
type FeatureCache struct {
	mu     sync.RWMutex
	m      map[entryKey]int32 // → slot
	slots  []cacheSlot
	refs   []uint32 // CLOCK reference bits, by slot (atomic: set under the read lock)
	free   []int32  // empty slots
	hand   int
	used   int64 // bytes accounted to the cached features
	budget int64
	gen    uint64
	// spaces interns (dataset, layer, grid, columns): entries carry its number.
	spaces    map[spaceKey]uint32
	spaceKeys []spaceKey // by number
	evicted   uint64
}

// entryKey is an object (its id) in a space.
type entryKey struct {
	id    string
	space uint32
}

type cacheSlot struct {
	f     *Feature // nil: a free slot
	space uint32
	size  uint32
}

// spaceKey is the set of features an object id is unique in: a dataset's
// layer projected into a grid with a selection of columns.
type spaceKey struct {
	ix    *index.Index
	layer string
	grid  *Grid
	cols  string
}

// NewFeatureCache makes a cache holding up to budget bytes of features
// (budget <= 0: DefaultFeatureBudget).
func NewFeatureCache(budget int64) *FeatureCache {
	if budget <= 0 {
		budget = DefaultFeatureBudget
	}
	return &FeatureCache{m: map[entryKey]int32{}, budget: budget, spaces: map[spaceKey]uint32{}}
}

// FeatureCacheStats describes a FeatureCache.
type FeatureCacheStats struct {
	Features int    // cached features
	Bytes    int64  // their accounted size
	Budget   int64  // the most Bytes may be
	Evicted  uint64 // features let go to stay within the budget
}

// Stats reports the cache's contents and accounting.
func (c *FeatureCache) Stats() FeatureCacheStats {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return FeatureCacheStats{Features: len(c.m), Bytes: c.used, Budget: c.budget, Evicted: c.evicted}
}

// SetBudget changes the budget, evicting down to a smaller one.
func (c *FeatureCache) SetBudget(budget int64) {
	if budget <= 0 {
		budget = DefaultFeatureBudget
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.budget = budget
	c.makeRoom(0)
}

// space interns a dataset's layer in a grid with a column selection.
func (c *FeatureCache) space(ix *index.Index, layer string, g *Grid, cols []store.Column) uint32 {
	var b strings.Builder
	for _, col := range cols {
		b.WriteString(col.Name)
		b.WriteByte(',')
	}
	k := spaceKey{ix, layer, g, b.String()}
	c.mu.RLock()
	v, ok := c.spaces[k]
	c.mu.RUnlock()
	if ok {
		return v
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.spaces[k]; ok {
		return v
	}
	v = uint32(len(c.spaceKeys))
	c.spaces[k] = v
	c.spaceKeys = append(c.spaceKeys, k)
	return v
}

// Drop forgets every cached variant (grid, columns) of an object.
func (c *FeatureCache) Drop(ix *index.Index, layer, id string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for v, k := range c.spaceKeys {
		if k.ix != ix || k.layer != layer {
			continue
		}
		if i, ok := c.m[entryKey{id, uint32(v)}]; ok {
			c.evict(i)
		}
	}
	c.gen++
}

// lookup appends the cached features of ids to feats (marking them used) and
// the others to missing; gen is the generation to store a read of the
// missing ones under.
func (c *FeatureCache) lookup(v uint32, ids []string, feats []*Feature, missing []string) ([]*Feature, []string, uint64) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	for _, id := range ids {
		if i, ok := c.m[entryKey{id, v}]; ok {
			feats = append(feats, c.slots[i].f)
			if atomic.LoadUint32(&c.refs[i]) == 0 {
				atomic.StoreUint32(&c.refs[i], 1)
			}
		} else {
			missing = append(missing, id)
		}
	}
	return feats, missing, c.gen
}

// has tells whether an object's variant is cached (without marking it used).
func (c *FeatureCache) has(k entryKey) bool {
	c.mu.RLock()
	defer c.mu.RUnlock()
	_, ok := c.m[k]
	return ok
}

// put stores features read from the store unless a Drop happened since gen
// (the read may predate the change that dropped them). Room is made by
// evicting, unless noEvict (the warm-up), which stores what fits in the free
// budget and reports full when something did not. A feature larger than the
// whole budget is not stored.
func (c *FeatureCache) put(gen uint64, v uint32, fs []*Feature, noEvict bool) (stored int, ok, full bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != gen {
		return 0, false, false
	}
	for _, f := range fs {
		k := entryKey{f.Key, v}
		if i, ok := c.m[k]; ok {
			c.evict(i) // replaced by the newer read
		}
		size := f.MemSize()
		if size > c.budget || size > math.MaxUint32 {
			continue
		}
		if c.used+size > c.budget {
			if noEvict {
				return stored, true, true
			}
			c.makeRoom(size)
		}
		var i int32
		if n := len(c.free); n > 0 {
			i = c.free[n-1]
			c.free = c.free[:n-1]
		} else {
			i = int32(len(c.slots))
			c.slots = append(c.slots, cacheSlot{})
			c.refs = append(c.refs, 0)
		}
		c.slots[i] = cacheSlot{f: f, space: v, size: uint32(size)}
		c.refs[i] = 0
		c.m[k] = i
		c.used += size
		stored++
	}
	return stored, true, false
}

// makeRoom evicts until need more bytes fit in the budget: the CLOCK hand
// passes over slots whose reference bit is set (clearing it) and evicts the
// first whose bit is clear. Called with the write lock held.
func (c *FeatureCache) makeRoom(need int64) {
	for c.used+need > c.budget && len(c.m) > 0 {
		if c.hand >= len(c.slots) {
			c.hand = 0
		}
		i := c.hand
		c.hand++
		if c.slots[i].f == nil {
			continue
		}
		if c.refs[i] != 0 {
			c.refs[i] = 0
			continue
		}
		c.evict(int32(i))
		c.evicted++
	}
}

// evict empties a slot. Called with the write lock held.
func (c *FeatureCache) evict(i int32) {
	s := &c.slots[i]
	delete(c.m, entryKey{s.f.Key, s.space})
	c.used -= int64(s.size)
	*s = cacheSlot{}
	c.refs[i] = 0
	c.free = append(c.free, i)
}

func (c *FeatureCache) generation() uint64 {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.gen
}

// ErrCacheFull ends a warm-up that filled the feature cache's budget.
var ErrCacheFull = errors.New("the tile feature cache is full")

// Warm reads every object of a layer into the cache (those not cached yet),
// as Features would on first touch, and returns how many it added. It evicts
// nothing: when the budget is reached it stops with ErrCacheFull. A change
// during the read voids what was read after it; the read then starts over (at
// most three times).
func (s *IndexedSource) Warm(ctx context.Context, layer string) (int, error) {
	const chunk = 1024
	cols := s.Columns(layer)
	v := s.Cache.space(s.Index, layer, s.Grid, cols)
	fm := newFeatureMaker(s.Grid, cols)
	added := 0
	for range 3 {
		gen := s.Cache.generation()
		got := make([]*Feature, 0, chunk)
		stale, full := false, false
		flush := func() error {
			n, ok, f := s.Cache.put(gen, v, got, true)
			if !ok {
				stale = true
				return errStale
			}
			added += n
			got = got[:0]
			if f {
				full = true
				return ErrCacheFull
			}
			return nil
		}
		err := s.R.Query(ctx, store.Query{Layer: layer}, func(row store.Row) error {
			if s.Cache.has(entryKey{row.ID, v}) {
				return nil
			}
			f := fm.feature(row)
			if f == nil {
				return nil
			}
			if layer == "dzialki" {
				f.Label()
			}
			got = append(got, f)
			if len(got) == chunk {
				return flush()
			}
			return nil
		})
		if err == nil && len(got) > 0 {
			err = flush()
		}
		if full {
			return added, ErrCacheFull
		}
		if err != nil && !stale {
			return added, err
		}
		if !stale {
			return added, nil
		}
	}
	return added, nil
}

var errStale = errors.New("feature cache changed")

// Features implements Source.
func (s *IndexedSource) Features(ctx context.Context, layer string, b orb.Bound, fn func(*Feature) error) error {
	sb := s.Grid.ToStorage(b).Pad(1)
	ids, err := s.Index.SearchIDs(ctx, layer, sb, nil)
	if err != nil {
		return err
	}
	if len(ids) == 0 {
		return nil
	}
	cols := s.Columns(layer)
	v := s.Cache.space(s.Index, layer, s.Grid, cols)
	feats, missing, gen := s.Cache.lookup(v, ids, make([]*Feature, 0, len(ids)), nil)
	if len(missing) > 0 {
		got := make([]*Feature, 0, len(missing))
		fm := newFeatureMaker(s.Grid, cols)
		err := s.R.Query(ctx, store.Query{Layer: layer, IDs: missing}, func(row store.Row) error {
			f := fm.feature(row)
			if f == nil {
				return nil
			}
			if layer == "dzialki" {
				f.Label() // computed before the feature is shared
			}
			got = append(got, f)
			return nil
		})
		if err != nil {
			return err
		}
		feats = append(feats, got...)
		s.Cache.put(gen, v, got, false)
	}
	for _, f := range feats {
		if f.Bound.Intersects(b) {
			if err := fn(f); err != nil {
				return err
			}
		}
	}
	return nil
}
