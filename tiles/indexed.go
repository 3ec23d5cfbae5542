package tiles

import (
	"context"
	"errors"
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
// (the read may predate the change that dropped them); false when it did.
func (c *FeatureCache) put(gen uint64, v variantKey, fs map[objKey]*Feature) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != gen {
		return false
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
	return true
}

func (c *FeatureCache) generation() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gen
}

// Warm reads every object of a layer into the cache (those not cached yet),
// as Features would on first touch, and returns how many it added. A change
// during the read voids what was read after it; the read then starts over
// (at most three times).
func (s *IndexedSource) Warm(ctx context.Context, layer string) (int, error) {
	const chunk = 4096
	v := variantKey{s.Grid, s.ColsKey}
	cols := s.Columns(layer)
	added := 0
	for range 3 {
		gen := s.Cache.generation()
		got := make(map[objKey]*Feature, chunk)
		stale := false
		err := s.R.Query(ctx, store.Query{Layer: layer}, func(row store.Row) error {
			k := objKey{s.Index, layer, row.ID}
			if _, ok := s.Cache.lookup(k, v); ok {
				return nil
			}
			f := NewFeature(s.Grid, row, cols)
			if f == nil {
				return nil
			}
			if layer == "dzialki" {
				f.Label()
			}
			got[k] = f
			if len(got) == chunk {
				if !s.Cache.put(gen, v, got) {
					stale = true
					return errStale
				}
				added += len(got)
				got = make(map[objKey]*Feature, chunk)
			}
			return nil
		})
		if err == nil && len(got) > 0 {
			if s.Cache.put(gen, v, got) {
				added += len(got)
			} else {
				stale = true
			}
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
