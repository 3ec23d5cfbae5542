package tiles

import (
	"container/list"
	"sync"
)

// cacheKey addresses a dynamic tile: the dataset (by its index, which changes on
// reload), the tileset variant (layers, grid, columns) and the tile. reach is
// how far, in pixels beyond its edge, a change still alters the tile: 0 for a
// vector tile (its buffer), the gutter and stroke margin of a raster tile.
type cacheKey struct {
	ds      any
	variant string
	grid    *Grid
	reach   int
	TileKey
}

type cacheEntry struct {
	key  cacheKey
	data []byte // gzipped MVT; nil for an empty tile
	etag string
}

// zoomSlot groups the cached tiles of one dataset, grid, zoom and reach.
type zoomSlot struct {
	ds    any
	grid  *Grid
	reach int
	z     int
}

// tileCache is an LRU of rendered tiles bounded in bytes. Tiles are also
// indexed by dataset, grid, zoom and x/y, so that invalidating a change costs
// the tiles it touches (or the cached tiles of a zoom, whichever is fewer),
// not a scan of the whole cache.
type tileCache struct {
	mu     sync.Mutex
	max    int64
	size   int64
	ll     *list.List
	items  map[cacheKey]*list.Element
	byZoom map[zoomSlot]map[[2]int][]*list.Element
	// gens: per dataset, bumped by every invalidation; a render that started
	// before it must not be stored.
	gens map[any]uint64
}

func newTileCache(max int64) *tileCache {
	return &tileCache{max: max, ll: list.New(), items: map[cacheKey]*list.Element{},
		byZoom: map[zoomSlot]map[[2]int][]*list.Element{}, gens: map[any]uint64{}}
}

func entrySize(e *cacheEntry) int64 { return int64(len(e.data)) + 200 + int64(len(e.key.variant)) }

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
		el := c.ll.PushFront(e)
		c.items[e.key] = el
		zs := zoomSlot{e.key.ds, e.key.grid, e.key.reach, e.key.Z}
		m := c.byZoom[zs]
		if m == nil {
			m = map[[2]int][]*list.Element{}
			c.byZoom[zs] = m
		}
		xy := [2]int{e.key.X, e.key.Y}
		m[xy] = append(m[xy], el)
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
	zs := zoomSlot{e.key.ds, e.key.grid, e.key.reach, e.key.Z}
	xy := [2]int{e.key.X, e.key.Y}
	m := c.byZoom[zs]
	els := m[xy]
	for i, x := range els {
		if x == el {
			els = append(els[:i], els[i+1:]...)
			break
		}
	}
	if len(els) == 0 {
		delete(m, xy)
		if len(m) == 0 {
			delete(c.byZoom, zs)
		}
	} else {
		m[xy] = els
	}
}

// invalidate removes the cached tiles of ds inside the ranges that affected
// gives per grid, zoom and reach (ok false: none), and bumps the dataset's
// generation. It returns how many tiles were removed.
func (c *tileCache) invalidate(ds any, affected func(g *Grid, z, reach int) (x0, y0, x1, y1 int, ok bool)) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gens[ds]++
	n := 0
	var doomed []*list.Element
	for zs, m := range c.byZoom {
		if zs.ds != ds {
			continue
		}
		x0, y0, x1, y1, ok := affected(zs.grid, zs.z, zs.reach)
		if !ok {
			continue
		}
		if area := (x1 - x0 + 1) * (y1 - y0 + 1); area <= len(m) {
			for y := y0; y <= y1; y++ {
				for x := x0; x <= x1; x++ {
					doomed = append(doomed, m[[2]int{x, y}]...)
				}
			}
		} else {
			for xy, els := range m {
				if xy[0] >= x0 && xy[0] <= x1 && xy[1] >= y0 && xy[1] <= y1 {
					doomed = append(doomed, els...)
				}
			}
		}
	}
	for _, el := range doomed {
		c.removeElement(el)
		n++
	}
	return n
}

func (c *tileCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.ll.Len()
}
