package features

import (
	"bytes"
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/sip-core/sip/store"
)

// encoder writes one feature of a response whose features are independent of
// each other (GeoJSON): the unit the feature cache keeps.
type encoder struct {
	// variant names everything the bytes depend on besides the object (format,
	// output CRS and axis order, properties and the caller's access); "" when
	// the encoding is not to be cached.
	variant string
	enc     func(b []byte, f *feature) []byte
}

// geojsonEncoder encodes features as appendFeature does for a collection,
// output CRS and property selection.
func geojsonEncoder(c *Collection, o *outCRS, sel []int) encoder {
	var v strings.Builder
	v.WriteString("geojson|")
	v.WriteString(crsURI(o.crs))
	v.WriteByte('|')
	v.WriteString(strconv.Itoa(int(o.axis)))
	v.WriteByte('|')
	if sel == nil {
		v.WriteByte('*')
	} else {
		for _, i := range sel {
			v.WriteString(strconv.Itoa(i))
			v.WriteByte(',')
		}
	}
	v.WriteByte('|')
	for _, p := range c.Props { // the properties the caller may see
		v.WriteString(p.Name)
		v.WriteByte(',')
	}
	return encoder{variant: v.String(), enc: func(b []byte, f *feature) []byte { return appendFeature(b, f, o, sel, nil) }}
}

// gmlEncoder encodes features as appendGMLFeature does for a WFS response.
func gmlEncoder(c *Collection, o *outCRS, srsName string, sel []int, member string) encoder {
	e := geojsonEncoder(c, o, sel)
	e.variant = "gml|" + member + "|" + c.ID + "|" + srsName + "|" + e.variant
	e.enc = func(b []byte, f *feature) []byte { return appendGMLFeature(b, f, o, srsName, sel, member, "") }
	return e
}

// dropKeys removes the keys of the ids in out (a box's candidates whose
// geometry misses it), in place.
func dropKeys(keys []keyID, out map[string]bool) []keyID {
	if len(out) == 0 {
		return keys
	}
	kept := keys[:0]
	for _, k := range keys {
		if !out[k.id] {
			kept = append(kept, k)
		}
	}
	return kept
}

// maxCachedCandidates bounds the index candidates of a box that a cached page
// ranks in Go: their keys come from the cache (after one key-only read of the
// whole box), which beats the store's R-tree join for large boxes too.
const maxCachedCandidates = 100_000

var idsPool = sync.Pool{New: func() any { return make([]string, 0, 1024) }}

// encChunk is how many features of a page are looked up (and read from the
// store when not cached) at a time: memory stays flat whatever the page size.
const encChunk = 256

// pageEncoded is page for encoded features: emit gets the bytes of each
// feature of the page, in order; next is as page's. Cached encodings are used
// when the query allows (see pageCached).
func (q *query) pageEncoded(ctx context.Context, e encoder, emit func([]byte) error) (next int64, err error) {
	if next, ok, err := q.pageCached(ctx, e, emit); ok {
		return next, err
	}
	var b []byte
	return q.page(ctx, func(f *feature) error {
		b = e.enc(b[:0], f)
		return emit(b)
	})
}

// pageCached serves a page through the feature cache: the page's row keys first
// (from the cache itself when a box's index candidates are all cached, else
// from the store's key-only query), then each feature's encoding from the cache
// or, for those missing, from one store read per chunk, which fills the cache.
// ok is false when the query does not qualify: a filter evaluated in Go, ids,
// history, or an index behind its store.
func (q *query) pageCached(ctx context.Context, e encoder, emit func([]byte) error) (next int64, ok bool, err error) {
	p, ok := q.cachedPage(ctx, e)
	if !ok {
		return 0, false, nil
	}
	// the cursor a STARTINDEX walk left, as page does
	var sig string
	startIndex := -1
	if q.after == 0 {
		sig, startIndex = q.signature(), q.offset
		if q.offset > 0 {
			if k, ok := q.c.lookupCursor(sig, q.offset); ok {
				q.after, q.offset = k, 0
			}
		}
	}
	keys, more, ok, err := p.pageKeys(ctx)
	if !ok || err != nil {
		return 0, ok, err
	}
	n := 0
	var last int64
	if len(keys) > 0 {
		last = keys[len(keys)-1].key
	}
	bufs := make([][]byte, min(encChunk, len(keys)))
	for len(keys) > 0 {
		part := keys[:min(len(keys), encChunk)]
		keys = keys[len(part):]
		k, err := p.emitChunk(ctx, part, bufs[:len(part)], emit)
		n += k
		if err != nil {
			return 0, true, err
		}
	}
	if more {
		if startIndex >= 0 {
			q.c.rememberCursor(sig, startIndex+n, last)
		}
		return last, true, nil
	}
	return 0, true, nil
}

// cachedPage is a page served through the feature cache (pageCached).
type cachedPage struct {
	q       *query
	e       encoder
	kq      keyQuerier
	dc      *dsCache
	variant string
	gen     uint64 // the cache's generation before anything was read
	layer   string
	ranged  bool // the keys are every match of q.bound in order (not index candidates)
	scratch []byte
}

// cachedPage tells whether q qualifies for the feature cache, and sets up
// its page.
func (q *query) cachedPage(ctx context.Context, e encoder) (*cachedPage, bool) {
	c := q.c
	if e.variant == "" || q.empty || q.prog != nil || len(q.ids) > 0 || !q.asOf.IsZero() || len(q.where) > 0 || q.offset > 1<<30 {
		return nil, false
	}
	kq, isKQ := c.Dataset.Store.(keyQuerier)
	if !isKQ {
		return nil, false
	}
	dc := c.cat.enc.dataset(c.Dataset)
	if dc == nil {
		return nil, false
	}
	variant := c.cat.enc.variant(e.variant)
	if variant == "" {
		return nil, false
	}
	gen := c.cat.enc.generation(dc) // before anything is read
	if !q.indexFresh(ctx) {
		return nil, false
	}
	return &cachedPage{q: q, e: e, kq: kq, dc: dc, variant: variant, gen: gen, layer: c.Layer.Name, ranged: true}, true
}

// pageKeys finds the row keys of the page (more: a next page exists). ok is
// false when a deep page with a box is the store's to skip.
func (p *cachedPage) pageKeys(ctx context.Context) (keys []keyID, more, ok bool, err error) {
	q, c, layer := p.q, p.q.c, p.layer
	skip := q.offset
	want := skip + q.limit + 1 // one more tells whether a next page exists
	collect := func(k int64, id string) error { keys = append(keys, keyID{k, id}); return nil }
	ids, out, boxed, err := q.boxMatches(ctx, maxCachedCandidates, idsPool.Get().([]string)[:0])
	if err != nil {
		return nil, false, true, err
	}
	if boxed {
		defer func() {
			if cap(ids) <= 2*maxCachedCandidates {
				clear(ids)
				idsPool.Put(ids[:0])
			}
		}()
		p.ranged = false
		if len(ids) == 0 {
			return nil, false, true, nil
		}
		var complete bool
		keys, complete = c.cat.enc.topKeys(p.dc, layer, ids, q.after, want)
		if !complete {
			// every candidate's key, cached for the next query of the area
			keys = nil
			sq := store.Query{Layer: layer, IDs: ids}
			if len(ids) > maxIndexCandidates {
				sq = store.Query{Layer: layer, Bound: q.bound} // the same set, by the store's R-tree
			}
			if err := p.kq.QueryKeys(ctx, sq, collect); err != nil {
				return nil, false, true, err
			}
			c.cat.enc.fillKeys(p.dc, p.gen, layer, keys)
			keys = dropKeys(keys, out)
			after := q.after
			i, _ := slices.BinarySearchFunc(keys, after, func(k keyID, a int64) int { return cmp.Compare(k.key, a+1) })
			keys = keys[i:min(len(keys), i+want)]
		}
	} else if q.box != nil {
		// The store's envelope matches less the box's misses (found through
		// the index's envelopes, both modes): a page needs at most as many
		// more keys as there are misses. A deep page is the store's to skip.
		if skip > maxCachedCandidates {
			return nil, false, false, nil
		}
		out, err := q.boxMissesCached(ctx)
		if err != nil {
			return nil, false, true, err
		}
		if err := p.kq.QueryKeys(ctx, store.Query{Layer: layer, Bound: q.bound, After: q.after, Limit: want + len(out)}, collect); err != nil {
			return nil, false, true, err
		}
		keys = dropKeys(keys, out)
		keys = keys[:min(len(keys), want)]
		p.ranged = len(out) == 0 // a run of keys is a run of the store's rows only without misses among them
	} else {
		// the store skips (a deep STARTINDEX costs no memory here)
		if err := p.kq.QueryKeys(ctx, store.Query{Layer: layer, Bound: q.bound, After: q.after, Offset: skip, Limit: q.limit + 1}, collect); err != nil {
			return nil, false, true, err
		}
		skip = 0
	}
	more = len(keys) > skip+q.limit
	keys = keys[min(skip, len(keys)):]
	keys = keys[:min(len(keys), q.limit)]
	return keys, more, true, nil
}

// emitChunk emits the encodings of part (bufs: as many slots), from the
// cache or read and encoded; it returns how many it emitted (the features
// deleted since the keys were read are not).
func (p *cachedPage) emitChunk(ctx context.Context, part []keyID, bufs [][]byte, emit func([]byte) error) (n int, err error) {
	p.q.c.cat.enc.lookup(p.dc, p.layer, p.variant, part, bufs)
	if err := p.readMissing(ctx, part, bufs); err != nil {
		return 0, err
	}
	for i := range part {
		if bufs[i] == nil {
			continue
		}
		if err := emit(bufs[i]); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// readMissing reads and encodes the features of part the cache did not hold
// (nil in bufs), and fills the cache with them.
func (p *cachedPage) readMissing(ctx context.Context, part []keyID, bufs [][]byte) error {
	q, c, layer := p.q, p.q.c, p.layer
	var miss []string
	first, lastMiss := -1, -1
	for i, k := range part {
		if bufs[i] == nil {
			miss = append(miss, k.id)
			if first < 0 {
				first = i
			}
			lastMiss = i
		}
	}
	if len(miss) == 0 {
		return nil
	}
	// Read what is missing: by id, or, when it is most of a run of
	// consecutive matches, as that run (a scan in key order, the
	// cheapest read there is: a first walk through a layer).
	sq := store.Query{Layer: layer, IDs: miss}
	if span := lastMiss - first + 1; p.ranged && 2*len(miss) >= span {
		sq = store.Query{Layer: layer, Bound: q.bound, After: part[first].key - 1, Limit: span}
	}
	want := make(map[string]bool, len(miss))
	for _, id := range miss {
		want[id] = true
	}
	names, err := c.loadNames(ctx, q.storeRev)
	if err != nil {
		return err
	}
	got := make(map[string][]byte, len(miss))
	items := make([]fillItem, 0, len(miss))
	err = c.Dataset.Store.Query(ctx, sq, func(row store.Row) error {
		if !want[row.ID] {
			return nil // cached already
		}
		f := &feature{key: row.Key, obj: row.Object, c: c}
		f.values = c.decode(ctx, row.Object, names)
		p.scratch = p.e.enc(p.scratch[:0], f)
		b := bytes.Clone(p.scratch)
		got[row.ID] = b
		items = append(items, fillItem{row.Key, row.ID, b})
		return nil
	})
	if err != nil {
		return err
	}
	c.cat.enc.fill(p.dc, p.gen, layer, p.variant, items)
	for i, k := range part {
		if bufs[i] == nil {
			bufs[i] = got[k.id] // nil: deleted since the keys were read
		}
	}
	return nil
}
