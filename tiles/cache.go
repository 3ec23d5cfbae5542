package tiles

import (
	"container/list"
	"sync"
)

// cacheKey addresses a dynamic tile: the dataset (by its index, which changes on
// reload), the tileset variant (layers, grid, columns) and the tile.
type cacheKey struct {
	ds      any
	variant string
	grid    *Grid
	TileKey
}

type cacheEntry struct {
	key  cacheKey
	data []byte // gzipped MVT; nil for an empty tile
	etag string
}

// tileCache is an LRU of rendered tiles bounded in bytes. Invalidation removes
// exactly the tiles of a dataset whose buffered area a changed bound touches.
type tileCache struct {
	mu    sync.Mutex
	max   int64
	size  int64
	ll    *list.List
	items map[cacheKey]*list.Element
	// per dataset: the zooms and grids with cached tiles, and a generation that
	// invalidation bumps (renders started before it must not be stored).
	gens map[any]uint64
}

func newTileCache(max int64) *tileCache {
	return &tileCache{max: max, ll: list.New(), items: map[cacheKey]*list.Element{}, gens: map[any]uint64{}}
}

func entrySize(e *cacheEntry) int64 { return int64(len(e.data)) + 160 + int64(len(e.key.variant)) }

func (c *tileCache) get(k cacheKey) (*cacheEntry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[k]
	if !ok {
		return nil, false
	}
	c.ll.MoveToFront(el)
	return el.Value.(*cacheEntry), true
}

func (c *tileCache) gen(ds any) uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gens[ds]
}

// put stores a tile unless the dataset was invalidated since gen was read.
func (c *tileCache) put(e *cacheEntry, gen uint64) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gens[e.key.ds] != gen || c.max <= 0 {
		return false
	}
	if el, ok := c.items[e.key]; ok {
		c.size -= entrySize(el.Value.(*cacheEntry))
		el.Value = e
		c.ll.MoveToFront(el)
	} else {
		c.items[e.key] = c.ll.PushFront(e)
	}
	c.size += entrySize(e)
	for c.size > c.max && c.ll.Len() > 0 {
		c.removeElement(c.ll.Back())
	}
	return true
}

func (c *tileCache) removeElement(el *list.Element) {
	e := el.Value.(*cacheEntry)
	c.ll.Remove(el)
	delete(c.items, e.key)
	c.size -= entrySize(e)
}

// invalidate removes the cached tiles of ds for which affected reports true and
// bumps the dataset's generation. It returns how many tiles were removed.
func (c *tileCache) invalidate(ds any, affected func(g *Grid, k TileKey) bool) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gens[ds]++
	n := 0
	for k, el := range c.items {
		if k.ds == ds && affected(k.grid, k.TileKey) {
			c.removeElement(el)
			n++
		}
	}
	return n
}

// dropDataset forgets every tile of a dataset (reload).
func (c *tileCache) dropDataset(ds any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, el := range c.items {
		if k.ds == ds {
			c.removeElement(el)
		}
	}
	delete(c.gens, ds)
}

func (c *tileCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.ll.Len()
}
