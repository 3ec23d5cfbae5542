package features

import (
	"context"
	"sync"
	"weak"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/features/filter"
	"github.com/sip-core/sip/index"
	"github.com/sip-core/sip/server"
	"github.com/sip-core/sip/store"
)

// A BBOX parameter (WFS KVP BBOX=, OGC API bbox=) keeps the features whose
// geometry intersects the box, as an FES <BBOX> and CQL2 S_INTERSECTS do:
// the standards mean the geometry, not its envelope. The box is also the
// query's envelope prefilter (query.bound); the exact test costs something
// only for the features whose envelope straddles the box's edge: a feature
// whose envelope lies inside the box intersects it, one whose envelope misses
// it does not, and only those in between are tested (filter.IntersectsBox).

// setBox makes b, in the storage CRS, the query's BBOX predicate.
func (q *query) setBox(b orb.Bound) {
	q.box = &b
	bound := b
	q.bound = &bound
}

// inBox reports whether g intersects the query's box (true without a box).
func (q *query) inBox(g orb.Geometry) bool {
	return q.box == nil || filter.IntersectsBox(g, *q.box)
}

// boxMatches resolves the query's box on the current state through the
// in-memory index: the ids whose geometry intersects it, appended to ids, and
// the candidates left out (envelope intersecting, geometry missing the box).
// ok is false as for boxCandidates (history, too many candidates, an index
// behind its store): the caller then reads and tests the rows itself.
func (q *query) boxMatches(ctx context.Context, max int, ids []string) (_ []string, out map[string]bool, ok bool, err error) {
	n0 := len(ids)
	ids, ok = q.boxCandidates(ctx, max, ids)
	if !ok || q.box == nil {
		return ids, nil, ok, nil
	}
	if out, err = q.boxMissesCached(ctx); err != nil {
		return nil, nil, false, err
	}
	if len(out) == 0 {
		return ids, out, true, nil
	}
	kept := ids[:n0]
	for _, id := range ids[n0:] {
		if !out[id] {
			kept = append(kept, id)
		}
	}
	return kept, out, true, nil
}

// boxCount is numberMatched of a box and nothing else, through the index:
// its candidates less its misses (every miss is a candidate). ok is false
// when the index cannot answer (see indexFresh).
func (q *query) boxCount(ctx context.Context) (n int64, ok bool, err error) {
	ix := q.c.Dataset.Index
	if ix == nil || !q.asOf.IsZero() || !q.indexFresh(ctx) {
		return 0, false, nil
	}
	if err := ix.Search(ctx, q.c.Layer.Name, *q.box, func(string) bool { n++; return true }); err != nil {
		return 0, false, err
	}
	out, err := q.boxMissesCached(ctx)
	return n - int64(len(out)), err == nil, err
}

// boxMissesCached is boxMisses, remembered for the query and, through the
// collection's cache, for the requests that repeat the box at this revision
// (the pages of one box, map clients asking again). The index must be fresh.
func (q *query) boxMissesCached(ctx context.Context) (map[string]bool, error) {
	if q.boxOut != nil {
		return q.boxOut, nil
	}
	key := boxMissKey{d: weak.Make(q.c.Dataset), layer: q.c.Layer.Name, rev: q.storeRev, box: *q.box}
	out, ok := q.c.misses.get(key)
	if !ok {
		var err error
		if out, err = q.boxMisses(ctx); err != nil {
			return nil, err
		}
		q.c.misses.put(key, out)
	}
	q.boxOut = out
	return out, nil
}

// boxMisses finds the index's candidates whose geometry misses the box. Only
// an object whose envelope crosses the box's boundary can: the index finds
// them by the boundary's four sides (a strip, whatever the box's size). Of
// those, an object with a whole side of its envelope inside the box
// intersects it: the index holds each geometry's exact envelope
// (Geometry.Bound()), and a geometry reaches every side of its envelope. What
// is left (envelopes over a corner of the box, or across it) is read from the
// store by id and tested.
func (q *query) boxMisses(ctx context.Context) (map[string]bool, error) {
	ix, layer, b := q.c.Dataset.Index, q.c.Layer.Name, *q.box
	seen := map[string]bool{}
	var uncertain []string
	for _, side := range sidesOf(b) {
		err := ix.SearchBoxes(ctx, layer, side, func(id string, e index.Box) bool {
			if !seen[id] {
				seen[id] = true
				if !sideInside(b, e.Bound()) {
					uncertain = append(uncertain, id)
				}
			}
			return true
		})
		if err != nil {
			return nil, err
		}
	}
	return q.readMisses(ctx, uncertain)
}

// sidesOf is the four sides of b, as degenerate boxes.
func sidesOf(b orb.Bound) [4]orb.Bound {
	return [4]orb.Bound{
		{Min: b.Min, Max: orb.Point{b.Min[0], b.Max[1]}}, {Min: orb.Point{b.Max[0], b.Min[1]}, Max: b.Max},
		{Min: b.Min, Max: orb.Point{b.Max[0], b.Min[1]}}, {Min: orb.Point{b.Min[0], b.Max[1]}, Max: b.Max},
	}
}

// sideInside reports whether a whole side of the envelope e lies in the box b.
func sideInside(b, e orb.Bound) bool {
	in := func(v, lo, hi float64) bool { return v >= lo && v <= hi }
	spanX := e.Min[0] >= b.Min[0] && e.Max[0] <= b.Max[0]
	spanY := e.Min[1] >= b.Min[1] && e.Max[1] <= b.Max[1]
	return spanY && (in(e.Min[0], b.Min[0], b.Max[0]) || in(e.Max[0], b.Min[0], b.Max[0])) ||
		spanX && (in(e.Min[1], b.Min[1], b.Max[1]) || in(e.Max[1], b.Min[1], b.Max[1]))
}

// readMisses reads the objects ids from the store and returns those whose
// geometry misses the query's box.
func (q *query) readMisses(ctx context.Context, edge []string) (map[string]bool, error) {
	out := map[string]bool{}
	for len(edge) > 0 {
		part := edge[:min(len(edge), maxIndexCandidates)]
		edge = edge[len(part):]
		err := q.c.Dataset.Store.Query(ctx, store.Query{Layer: q.c.Layer.Name, IDs: part}, func(row store.Row) error {
			if !q.inBox(row.Geometry) {
				out[row.ID] = true
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// boxMissCache remembers the boxes' misses (boxMisses) per dataset, layer,
// revision and box. A key holds its dataset weakly, so a dataset replaced by
// a reload is not kept alive; entries of revisions gone by are never asked
// for again and go when the cache is full. The cache is bounded by entries
// and by the ids they hold; a nil cache remembers nothing.
type boxMissCache struct {
	mu      sync.Mutex
	entries map[boxMissKey]map[string]bool
	ids     int
}

type boxMissKey struct {
	d     weak.Pointer[server.Dataset]
	layer string
	rev   int64
	box   orb.Bound
}

const (
	maxBoxMissEntries = 1024
	maxBoxMissIDs     = 100_000
)

func (c *boxMissCache) get(k boxMissKey) (map[string]bool, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	out, ok := c.entries[k]
	return out, ok
}

func (c *boxMissCache) put(k boxMissKey, out map[string]bool) {
	if c == nil || len(out) > maxBoxMissIDs {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil || len(c.entries) >= maxBoxMissEntries || c.ids+len(out) > maxBoxMissIDs {
		c.entries, c.ids = map[boxMissKey]map[string]bool{}, 0
	}
	c.entries[k] = out
	c.ids += len(out)
}
