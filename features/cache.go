package features

import (
	"cmp"
	"context"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/sip-core/sip/server"
	"github.com/sip-core/sip/server/metrics"
	"github.com/sip-core/sip/store"
)

// encCache keeps encoded features (the GeoJSON of one object in one output CRS,
// column selection and access level) so that a page of features that were
// served before is written without reading, decoding, projecting or formatting
// them again. It is bounded by cache.features bytes and kept exact by the
// datasets' change logs: every change drops the object's entries (a change of
// obręby or jednostki, whose names parcels carry, drops the whole dataset).
// While a store is ahead of its index (a commit the index has not applied yet)
// the cache is bypassed, so a feature is never served older than the store.
type encCache struct {
	mu      sync.Mutex
	budget  int64
	used    int64
	objects int
	sets    map[*server.Dataset]*dsCache
	lru     encEntry          // sentinel: lru.next is the most recently used
	intern  map[string]string // variant keys, shared by the entries

	hits, misses, fills, evicted, dropped atomic.Int64
	stats                                 atomic.Pointer[metrics.CacheStats]
}

// dsCache is the part of the cache of one dataset.
type dsCache struct {
	d      *server.Dataset
	gen    uint64                          // bumped by every invalidation (under encCache.mu)
	layers map[string]map[string]*encEntry // layer -> lokalnyId -> entry
}

// encEntry is one object: its row key and its encodings, one per variant.
type encEntry struct {
	ds         *dsCache
	layer, id  string
	key        int64
	variants   []encVariant
	size       int64
	prev, next *encEntry
}

type encVariant struct {
	v string
	b []byte
}

// Accounting: what an entry costs besides its id and the capacity of its
// encodings (the entry, its map slot, the variant slice headers), so that the
// budget bounds real memory.
const (
	entryOverhead   = 192
	variantOverhead = 48
	maxVariants     = 1024 // distinct variant keys interned; beyond, no caching
)

func newEncCache(budget int64) *encCache {
	c := &encCache{budget: budget, sets: map[*server.Dataset]*dsCache{}, intern: map[string]string{}}
	c.lru.next, c.lru.prev = &c.lru, &c.lru
	return c
}

// setBudget applies cache.features; shrinking evicts at once.
func (c *encCache) setBudget(n int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if n == c.budget {
		return
	}
	c.budget = n
	c.evictLocked()
}

// setMetrics reports lookups in sip_cache_requests_total{cache="features"}
// and the cache's size in sip_features_cache_bytes / _objects.
func (c *encCache) setMetrics(reg *metrics.Registry) {
	st := reg.Cache("features")
	c.stats.Store(&st)
	reg.GaugeFunc("sip_features_cache_bytes", "Bytes held by the encoded-feature cache (cache.features bounds it).",
		func(emit func(float64, ...string)) { used, _ := c.usage(); emit(float64(used)) })
	reg.GaugeFunc("sip_features_cache_objects", "Objects in the encoded-feature cache.",
		func(emit func(float64, ...string)) { _, n := c.usage(); emit(float64(n)) })
}

// dataset returns the cache of a dataset, subscribing to its change log on
// first use; nil when the cache is off.
func (c *encCache) dataset(d *server.Dataset) *dsCache {
	if d == nil || d.Index == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.budget <= 0 {
		return nil
	}
	dc := c.sets[d]
	if dc == nil {
		dc = &dsCache{d: d, layers: map[string]map[string]*encEntry{}}
		c.sets[d] = dc
		// Changes are applied to the index before its revision moves: a request
		// that finds the store and the index at the same revision finds every
		// change up to it reflected here.
		d.Index.Subscribe(func(ch store.Change) { c.invalidate(dc, ch) })
	}
	return dc
}

// generation is read before a request reads the store: what it read may be put
// in the cache only if no invalidation happened in between.
func (c *encCache) generation(dc *dsCache) uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return dc.gen
}

// invalidate applies one change-log entry.
func (c *encCache) invalidate(dc *dsCache, ch store.Change) {
	if ch.Op == store.OpArchive {
		return // a historic version: the current state is unchanged
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	dc.gen++
	if c.sets[dc.d] != dc {
		return // retired
	}
	switch {
	case ch.Layer == "obreby" || ch.Layer == "jednostki":
		// parcels carry the names of their obręb and gmina
		for _, m := range dc.layers {
			for _, e := range m {
				c.removeLocked(e)
			}
		}
	case ch.ID == "":
		for _, e := range dc.layers[ch.Layer] {
			c.removeLocked(e)
		}
	default:
		if e := dc.layers[ch.Layer][ch.ID]; e != nil {
			c.removeLocked(e)
			c.dropped.Add(1)
		}
	}
}

// retain drops the datasets that are not in st (after a reload).
func (c *encCache) retain(st *server.State) {
	keep := map[*server.Dataset]bool{}
	for _, d := range st.Datasets() {
		keep[d] = true
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for d, dc := range c.sets {
		if keep[d] {
			continue
		}
		for _, m := range dc.layers {
			for _, e := range m {
				c.removeLocked(e)
			}
		}
		dc.gen++
		delete(c.sets, d)
	}
}

// variant interns a variant key; "" when too many distinct ones exist.
func (c *encCache) variant(v string) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if s, ok := c.intern[v]; ok {
		return s
	}
	if len(c.intern) >= maxVariants {
		return ""
	}
	c.intern[v] = v
	return v
}

// topKeys ranks objects by row key from the cache: the want smallest keys
// above after, in order. complete is false when one of the objects is not
// cached (in any variant).
func (c *encCache) topKeys(dc *dsCache, layer string, ids []string, after int64, want int) (top []keyID, complete bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	m := dc.layers[layer]
	if m == nil {
		return nil, false
	}
	top = make([]keyID, 0, min(want, len(ids)))
	for _, id := range ids {
		e := m[id]
		if e == nil {
			return nil, false
		}
		if e.key <= after || len(top) == want && e.key >= top[want-1].key {
			continue
		}
		i, _ := slices.BinarySearchFunc(top, e.key, func(k keyID, key int64) int { return cmp.Compare(k.key, key) })
		if len(top) < want {
			top = append(top, keyID{})
		}
		copy(top[i+1:], top[i:len(top)-1])
		top[i] = keyID{e.key, e.id}
	}
	return top, true
}

// lookup fills out[i] with the cached encoding of ids[i] (nil when missing).
func (c *encCache) lookup(dc *dsCache, layer, variant string, ids []keyID, out [][]byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	m := dc.layers[layer]
	hit := 0
	for i, k := range ids {
		out[i] = nil
		e := m[k.id]
		if e == nil || e.key != k.key {
			continue
		}
		for _, v := range e.variants {
			if v.v == variant {
				out[i] = v.b
				hit++
				break
			}
		}
		if out[i] != nil {
			c.touchLocked(e)
		}
	}
	c.hits.Add(int64(hit))
	c.misses.Add(int64(len(ids) - hit))
	if st := c.stats.Load(); st != nil {
		for range hit {
			st.Hit()
		}
		for range len(ids) - hit {
			st.Miss()
		}
	}
}

// fillLayerLocked is the entry map a fill of layer adds to, or nil when the
// reads behind it are stale (an invalidation since generation gen, or the
// dataset replaced).
func (c *encCache) fillLayerLocked(dc *dsCache, gen uint64, layer string) map[string]*encEntry {
	if dc.gen != gen || c.sets[dc.d] != dc {
		return nil
	}
	m := dc.layers[layer]
	if m == nil {
		m = map[string]*encEntry{}
		dc.layers[layer] = m
	}
	return m
}

type fillItem struct {
	key int64
	id  string
	b   []byte
}

// fill stores encodings made from store reads that started at generation gen;
// nothing is stored when an invalidation happened since.
func (c *encCache) fill(dc *dsCache, gen uint64, layer, variant string, items []fillItem) {
	c.mu.Lock()
	defer c.mu.Unlock()
	m := c.fillLayerLocked(dc, gen, layer)
	if m == nil {
		return
	}
	for _, it := range items {
		size := int64(variantOverhead + cap(it.b))
		if size+entryOverhead+int64(len(it.id)) > c.budget/4 {
			continue // one object never takes a large share of the budget
		}
		e := m[it.id]
		if e != nil && e.key != it.key {
			c.removeLocked(e) // another row now: start over
			e = nil
		}
		if e == nil {
			e = c.addLocked(dc, m, layer, it.id, it.key)
		} else {
			c.touchLocked(e)
		}
		replaced := false
		for i := range e.variants {
			if e.variants[i].v == variant {
				c.used += int64(cap(it.b) - cap(e.variants[i].b))
				e.size += int64(cap(it.b) - cap(e.variants[i].b))
				e.variants[i].b = it.b
				replaced = true
				break
			}
		}
		if !replaced {
			e.variants = append(e.variants, encVariant{variant, it.b})
			e.size += size
			c.used += size
		}
		c.fills.Add(1)
	}
	c.evictLocked()
}

// fillKeys records the row keys of objects (without encodings), so that a box
// whose candidates are all known is resolved without the store; the same
// generation rule as fill.
func (c *encCache) fillKeys(dc *dsCache, gen uint64, layer string, keys []keyID) {
	c.mu.Lock()
	defer c.mu.Unlock()
	m := c.fillLayerLocked(dc, gen, layer)
	if m == nil {
		return
	}
	for _, k := range keys {
		e := m[k.id]
		if e != nil && e.key == k.key {
			continue
		}
		if e != nil {
			c.removeLocked(e)
		}
		c.addLocked(dc, m, layer, k.id, k.key)
	}
	c.evictLocked()
}

func (c *encCache) addLocked(dc *dsCache, m map[string]*encEntry, layer, id string, key int64) *encEntry {
	e := &encEntry{ds: dc, layer: layer, id: id, key: key, size: entryOverhead + int64(len(id))}
	m[id] = e
	c.used += e.size
	c.objects++
	c.pushFrontLocked(e)
	return e
}

// evictLocked drops the least recently used objects until the cache fits.
func (c *encCache) evictLocked() {
	for c.used > c.budget && c.lru.prev != &c.lru {
		c.removeLocked(c.lru.prev)
		c.evicted.Add(1)
	}
}

func (c *encCache) removeLocked(e *encEntry) {
	if m := e.ds.layers[e.layer]; m[e.id] == e {
		delete(m, e.id)
	}
	if e.prev != nil {
		e.prev.next, e.next.prev = e.next, e.prev
		e.prev, e.next = nil, nil
		c.used -= e.size
		c.objects--
	}
}

func (c *encCache) pushFrontLocked(e *encEntry) {
	e.prev, e.next = &c.lru, c.lru.next
	c.lru.next.prev = e
	c.lru.next = e
}

func (c *encCache) touchLocked(e *encEntry) {
	if c.lru.next == e {
		return
	}
	e.prev.next, e.next.prev = e.next, e.prev
	c.pushFrontLocked(e)
}

// usage reports the accounted bytes and the number of cached objects.
func (c *encCache) usage() (used int64, objects int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.used, c.objects
}

// keyID is one match: its row key and object id.
type keyID struct {
	key int64
	id  string
}

// keyQuerier is the store's cheap first pass (store/gpkg has it): the keys and
// ids of a query's rows without their content.
type keyQuerier interface {
	QueryKeys(ctx context.Context, q store.Query, fn func(key int64, id string) error) error
}
