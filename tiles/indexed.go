package tiles

import (
	"context"
	"sync"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/index"
	"github.com/sip-core/sip/store"
)

// IndexedSource serves dynamic tiles: the dataset's in-memory R-tree finds the
// objects of a tile, and projected features are kept in a FeatureCache, so the
// store is read only for objects not seen since they last changed.
type IndexedSource struct {
	Index   *index.Index
	R       store.Reader
	Grid    *Grid
	Columns func(layer string) []store.Column
	ColsKey string // identifies the column selection (part of the cache key)
	Cache   *FeatureCache
}

// FeatureCache holds projected features by object; Drop forgets an object
// when the change log says it changed.
type FeatureCache struct {
	mu  sync.Mutex
	m   map[objKey]map[variantKey]*Feature
	n   int
	max int
	gen uint64
}

type objKey struct {
	ix    *index.Index
	layer string
	id    string
}

type variantKey struct {
	grid *Grid
	cols string
}

// NewFeatureCache makes a cache of up to max features (emptied when full).
func NewFeatureCache(max int) *FeatureCache {
	return &FeatureCache{m: map[objKey]map[variantKey]*Feature{}, max: max}
}

// Drop forgets every cached variant of an object.
func (c *FeatureCache) Drop(ix *index.Index, layer, id string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	k := objKey{ix, layer, id}
	c.n -= len(c.m[k])
	delete(c.m, k)
	c.gen++
}

func (c *FeatureCache) lookup(k objKey, v variantKey) (*Feature, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	f, ok := c.m[k][v]
	return f, ok
}

// put stores features read from the store unless a Drop happened since gen
// (the read may predate the change that dropped them).
func (c *FeatureCache) put(gen uint64, v variantKey, fs map[objKey]*Feature) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != gen {
		return
	}
	if c.n+len(fs) > c.max {
		clear(c.m)
		c.n = 0
	}
	for k, f := range fs {
		vm := c.m[k]
		if vm == nil {
			vm = map[variantKey]*Feature{}
			c.m[k] = vm
		}
		if _, ok := vm[v]; !ok {
			c.n++
		}
		vm[v] = f
	}
}

func (c *FeatureCache) generation() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gen
}

// Features implements Source.
func (s *IndexedSource) Features(ctx context.Context, layer string, b orb.Bound, fn func(*Feature) error) error {
	sb := s.Grid.ToStorage(b).Pad(1)
	ids := s.Index.SearchIDs(layer, sb, nil)
	v := variantKey{s.Grid, s.ColsKey}
	feats := make([]*Feature, 0, len(ids))
	var missing []string
	for _, id := range ids {
		if f, ok := s.Cache.lookup(objKey{s.Index, layer, id}, v); ok {
			feats = append(feats, f)
		} else {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		gen := s.Cache.generation()
		got := make(map[objKey]*Feature, len(missing))
		cols := s.Columns(layer)
		err := s.R.Query(ctx, store.Query{Layer: layer, IDs: missing}, func(row store.Row) error {
			f := NewFeature(s.Grid, row, cols)
			if f == nil {
				return nil
			}
			if layer == "dzialki" {
				f.Label() // computed before the feature is shared
			}
			got[objKey{s.Index, layer, row.ID}] = f
			feats = append(feats, f)
			return nil
		})
		if err != nil {
			return err
		}
		s.Cache.put(gen, v, got)
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
