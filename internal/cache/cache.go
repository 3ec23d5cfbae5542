// Package cache is the bounded cache the services keep what they read from a
// dataset's store in: values by key within a budget of bytes, the least
// recently used going first when a new value needs room (approximated by
// CLOCK: a lookup only sets a reference bit, under a read lock, so concurrent
// readers never queue for each other; the eviction hand sweeps the slots,
// clearing set bits and evicting the first value whose bit is clear).
//
// A cache stays exact while the store changes through its generation: a
// reader takes Gen before it reads the store and hands it to Put, which keeps
// the value only if no invalidation (Remove, RemoveFunc, Clear) happened in
// between. A value read before a change and put after the change was applied
// is therefore dropped instead of outliving it. The services apply every
// change-log entry to their caches before the dataset's revision moves (the
// index's subscribers), so a cache never holds a row older than the revision
// its dataset reports.
package cache

import (
	"sync"
	"sync/atomic"
)

// Cache holds values of type V by key K within a budget of bytes. It is safe
// for concurrent use.
type Cache[K comparable, V any] struct {
	mu     sync.RWMutex
	m      map[K]int32 // → slot
	slots  []slot[K, V]
	refs   []uint32 // CLOCK reference bits by slot (atomic: set under the read lock)
	free   []int32
	hand   int
	used   int64
	budget int64
	gen    uint64

	hits, misses, evicted atomic.Uint64
}

type slot[K comparable, V any] struct {
	k    K
	v    V
	size int64
	live bool
}

// New makes a cache of budget bytes (budget <= 0: the cache keeps nothing).
func New[K comparable, V any](budget int64) *Cache[K, V] {
	return &Cache[K, V]{m: map[K]int32{}, budget: budget}
}

// Stats describe a cache.
type Stats struct {
	Entries int
	Bytes   int64 // the accounted size of the entries
	Budget  int64
	Hits    uint64
	Misses  uint64
	Evicted uint64 // entries let go to stay within the budget
}

// Stats reports the cache's contents and counters.
func (c *Cache[K, V]) Stats() Stats {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return Stats{Entries: len(c.m), Bytes: c.used, Budget: c.budget,
		Hits: c.hits.Load(), Misses: c.misses.Load(), Evicted: c.evicted.Load()}
}

// Get returns the value of k, marking it used.
func (c *Cache[K, V]) Get(k K) (V, bool) {
	c.mu.RLock()
	i, ok := c.m[k]
	var v V
	if ok {
		v = c.slots[i].v
		if atomic.LoadUint32(&c.refs[i]) == 0 {
			atomic.StoreUint32(&c.refs[i], 1)
		}
	}
	c.mu.RUnlock()
	if ok {
		c.hits.Add(1)
	} else {
		c.misses.Add(1)
	}
	return v, ok
}

// Gen is the cache's generation: take it before reading what Put will store.
func (c *Cache[K, V]) Gen() uint64 {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.gen
}

// Put stores v under k, accounted as size bytes, unless the generation moved
// since gen (an invalidation may have concerned what v was read from) or v
// alone is larger than the budget. Older values make room, least recently used
// first. It reports whether v was stored.
func (c *Cache[K, V]) Put(gen uint64, k K, v V, size int64) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != gen || size > c.budget {
		return false
	}
	if i, ok := c.m[k]; ok {
		c.evict(i)
	}
	if c.used+size > c.budget {
		c.makeRoom(size)
	}
	var i int32
	if n := len(c.free); n > 0 {
		i = c.free[n-1]
		c.free = c.free[:n-1]
	} else {
		i = int32(len(c.slots))
		c.slots = append(c.slots, slot[K, V]{})
		c.refs = append(c.refs, 0)
	}
	c.slots[i] = slot[K, V]{k: k, v: v, size: size, live: true}
	c.refs[i] = 0
	c.m[k] = i
	c.used += size
	return true
}

// Remove drops the given keys and moves the generation.
func (c *Cache[K, V]) Remove(keys ...K) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	for _, k := range keys {
		if i, ok := c.m[k]; ok {
			c.evict(i)
		}
	}
}

// RemoveFunc drops every entry for which drop reports true and moves the
// generation. It visits every entry: for changes that cannot name their keys.
func (c *Cache[K, V]) RemoveFunc(drop func(K, V) bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	for i := range c.slots {
		if s := &c.slots[i]; s.live && drop(s.k, s.v) {
			c.evict(int32(i))
		}
	}
}

// Len is the number of entries.
func (c *Cache[K, V]) Len() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return len(c.m)
}

// SetBudget changes the budget, evicting down to a smaller one.
func (c *Cache[K, V]) SetBudget(budget int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.budget = max(budget, 0)
	c.makeRoom(0)
}

// makeRoom evicts until need more bytes fit in the budget (write lock held).
func (c *Cache[K, V]) makeRoom(need int64) {
	for c.used+need > c.budget && len(c.m) > 0 {
		if c.hand >= len(c.slots) {
			c.hand = 0
		}
		i := c.hand
		c.hand++
		if !c.slots[i].live {
			continue
		}
		if c.refs[i] != 0 {
			c.refs[i] = 0
			continue
		}
		c.evict(int32(i))
		c.evicted.Add(1)
	}
}

// evict empties a slot (write lock held).
func (c *Cache[K, V]) evict(i int32) {
	s := &c.slots[i]
	delete(c.m, s.k)
	c.used -= s.size
	*s = slot[K, V]{}
	c.refs[i] = 0
	c.free = append(c.free, i)
}
