package index

import (
	"context"
	"math"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/internal/cache"
	"github.com/sip-core/sip/store"
)

// CellSize is the side of the cells whose boxes the store mode keeps, in
// metres: a search no wider and no taller than a cell (a click, a ULDK point,
// a parcel's neighbourhood) is answered from at most four cached cells, read
// from the store's spatial index once and kept until the store changes there.
// Larger searches go to the store every time.
const CellSize = 128.0

// DefaultCellBudget bounds the cells cache when no budget is configured
// (config cache.index).
const DefaultCellBudget = 32 << 20

// cellKey names one cell of one layer.
type cellKey struct {
	layer string
	x, y  int32
}

// cellItem is an object whose box meets the cell.
type cellItem struct {
	id  string
	box Box
}

// cellCache keeps the objects of recently searched cells.
type cellCache struct {
	r store.Reader
	c *cache.Cache[cellKey, []cellItem]
}

func newCellCache(r store.Reader, budget int64) *cellCache {
	if budget <= 0 {
		budget = DefaultCellBudget
	}
	return &cellCache{r: r, c: cache.New[cellKey, []cellItem](budget)}
}

func cellOf(v float64) int32 {
	return int32(max(min(math.Floor(v/CellSize), math.MaxInt32-1), math.MinInt32+1))
}

func (k cellKey) bound() orb.Bound {
	return orb.Bound{Min: orb.Point{float64(k.x) * CellSize, float64(k.y) * CellSize},
		Max: orb.Point{float64(k.x+1) * CellSize, float64(k.y+1) * CellSize}}
}

// cellItemSize is what one item costs besides its id's bytes: the item, the
// string header, the id's allocation rounding.
const cellItemSize = 64

// search calls fn with the objects of layer whose box meets b (at most 2×2 cells).
func (cc *cellCache) search(ctx context.Context, layer string, b orb.Bound, fn func(id string, box Box) bool) error {
	q := BoxOf(b)
	x0, x1, y0, y1 := cellOf(b.Min[0]), cellOf(b.Max[0]), cellOf(b.Min[1]), cellOf(b.Max[1])
	var seen map[string]bool // an object in several cells is reported once
	if x0 != x1 || y0 != y1 {
		seen = map[string]bool{}
	}
	for x := x0; x <= x1; x++ {
		for y := y0; y <= y1; y++ {
			items, err := cc.cell(ctx, cellKey{layer, x, y})
			if err != nil {
				return err
			}
			for _, it := range items {
				if !it.box.Intersects(q) || seen[it.id] {
					continue
				}
				if seen != nil {
					seen[it.id] = true
				}
				if !fn(it.id, it.box) {
					return nil
				}
			}
		}
	}
	return nil
}

// cell returns the objects of a cell, reading them from the store on a miss.
func (cc *cellCache) cell(ctx context.Context, k cellKey) ([]cellItem, error) {
	if items, ok := cc.c.Get(k); ok {
		return items, nil
	}
	gen := cc.c.Gen()
	b := k.bound()
	var items []cellItem
	size := int64(cellItemSize)
	err := cc.r.QueryBoxes(ctx, store.Query{Layer: k.layer, Bound: &b}, func(_ int64, id string, ob orb.Bound) error {
		items = append(items, cellItem{id, BoxOf(ob)})
		size += cellItemSize + int64(len(id))
		return nil
	})
	if err != nil {
		return nil, err
	}
	cc.c.Put(gen, k, items, size)
	return items, nil
}

// maxDropCells is the most cells a change drops by key; a change reaching
// more (an obręb, a jednostka) drops by a scan of the cached cells.
const maxDropCells = 64

// drop forgets the cells a change reaches: those its bounds (old and new
// geometry) meet, or every cell of its layer when it has none.
func (cc *cellCache) drop(c store.Change) {
	b := c.Bounds
	if b == (orb.Bound{}) || !(b.Min[0] <= b.Max[0] && b.Min[1] <= b.Max[1]) {
		cc.c.RemoveFunc(func(k cellKey, _ []cellItem) bool { return k.layer == c.Layer })
		return
	}
	x0, x1, y0, y1 := cellOf(b.Min[0]), cellOf(b.Max[0]), cellOf(b.Min[1]), cellOf(b.Max[1])
	if n := (int64(x1) - int64(x0) + 1) * (int64(y1) - int64(y0) + 1); n > maxDropCells {
		cc.c.RemoveFunc(func(k cellKey, _ []cellItem) bool {
			return k.layer == c.Layer && k.x >= x0 && k.x <= x1 && k.y >= y0 && k.y <= y1
		})
		return
	}
	keys := make([]cellKey, 0, (x1-x0+1)*(y1-y0+1))
	for x := x0; x <= x1; x++ {
		for y := y0; y <= y1; y++ {
			keys = append(keys, cellKey{c.Layer, x, y})
		}
	}
	cc.c.Remove(keys...)
}
