package features

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/features/filter"
	"github.com/sip-core/sip/geo"
	"github.com/sip-core/sip/store"
)

func (f *feature) Geom() orb.Geometry { return f.obj.Geometry }
func (f *feature) FeatureID() string  { return f.c.featureID(f.obj) }

// query is one feature request, protocol-neutral.
type query struct {
	c      *Collection
	bound  *orb.Bound // storage CRS prefilter (envelope intersection)
	box    *orb.Bound // a BBOX parameter: geometry intersection (see bbox.go)
	expr   filter.Expr
	prog   *filter.Program
	asOf   time.Time
	ids    []string       // public ids (ResourceId, GetFeatureById, /items/{id})
	limit  int            // features per page (>0)
	after  int64          // keyset cursor
	offset int            // matches to skip before the page (STARTINDEX without a cursor)
	empty  bool           // nothing can match (disjoint boxes, FALSE): no scan at all
	where  map[string]any // equalities pushed down to the store (bound parameters)

	freshKnown, fresh bool  // indexFresh, once asked
	storeRev          int64 // the store's revision then

	boxOut map[string]bool // index candidates whose geometry misses box
}

var errStop = errors.New("stop")

// prepare compiles the filter and derives the index prefilter.
func (q *query) prepare() error {
	if q.expr == nil {
		return nil
	}
	if ids, ok := filter.ResourceIDs(q.expr); ok {
		q.ids, q.expr = append(q.ids, ids...), nil
		return nil
	}
	if c, ok := q.expr.(filter.Const); ok {
		q.empty = q.empty || !bool(c)
		q.expr = nil
		return nil
	}
	if b, ok := filter.SpatialBound(q.expr); ok {
		if q.bound == nil {
			q.bound = &b
		} else if q.bound.Intersects(b) {
			nb := orb.Bound{Min: orb.Point{max(q.bound.Min[0], b.Min[0]), max(q.bound.Min[1], b.Min[1])},
				Max: orb.Point{min(q.bound.Max[0], b.Max[0]), min(q.bound.Max[1], b.Max[1])}}
			q.bound = &nb
		} else {
			q.empty = true
		}
	}
	q.pushDown()
	p, err := filter.Compile(q.expr)
	if err != nil {
		return err
	}
	q.prog = p
	return nil
}

// pushDown hands case-sensitive equalities on verbatim text properties (ANDed at
// the top of the filter) to the store as Where parameters, so that SQLite skips
// the rows instead of Go decoding them. The filter keeps them too: the pushdown
// only narrows what is scanned.
func (q *query) pushDown() {
	conj := []filter.Expr{q.expr}
	if a, ok := q.expr.(filter.And); ok {
		conj = a.Args
	}
	for _, x := range conj {
		c, ok := x.(filter.Compare)
		if !ok || c.Op != "=" || c.NoCase {
			continue
		}
		p, lit := c.Left, c.Right
		if _, isProp := p.(filter.Property); !isProp {
			p, lit = lit, p
		}
		prop, ok1 := p.(filter.Property)
		l, ok2 := lit.(filter.Literal)
		v, ok3 := l.Value.(string)
		if !ok1 || !ok2 || !ok3 {
			continue
		}
		col := ""
		for _, pr := range q.c.Props {
			if pr.Name == prop.Name && pr.verbatim {
				col = pr.source
			}
		}
		if col == "" {
			continue
		}
		if q.where == nil {
			q.where = map[string]any{}
		}
		if prev, dup := q.where[col]; dup && prev != v {
			q.empty = true
			return
		}
		q.where[col] = v
	}
}

func (q *query) storeQuery() store.Query {
	sq := store.Query{Layer: q.c.Layer.Name, Bound: q.bound, AsOf: q.asOf}
	if len(q.where) > 0 {
		sq.Where = make(map[string]any, len(q.where)+1)
		for k, v := range q.where {
			sq.Where[k] = v
		}
	}
	return sq
}

// scan streams the matching features after the cursor, skipping offset matches,
// until fn returns errStop. It calls fn with each match.
func (q *query) scan(ctx context.Context, after int64, fn func(*feature) error) error {
	if q.empty {
		return nil
	}
	names, err := q.c.loadNames(ctx, q.namesRevision(ctx))
	if err != nil {
		return err
	}
	match := func(row store.Row) error {
		if !q.inBox(row.Geometry) {
			return nil
		}
		f := &feature{key: row.Key, obj: row.Object, c: q.c}
		f.values = q.c.decode(ctx, row.Object, names)
		if q.prog != nil && !q.prog.Match(f) {
			return nil
		}
		return fn(f)
	}
	if len(q.ids) > 0 {
		col := q.c.idColumn()
		seen := map[int64]bool{}
		for _, id := range q.ids {
			sq := q.storeQuery()
			if col != "" {
				if prev, ok := sq.Where[col]; ok && prev != id {
					continue
				}
				if sq.Where == nil {
					sq.Where = map[string]any{}
				}
				sq.Where[col] = id
			} else {
				sq.IDs = []string{id}
			}
			err := q.c.Dataset.Store.Query(ctx, sq, func(row store.Row) error {
				if seen[row.Key] || row.Key <= after {
					return nil
				}
				seen[row.Key] = true
				return match(row)
			})
			if err != nil {
				return err
			}
		}
		return nil
	}
	sq := q.storeQuery()
	sq.After = after
	if ids, ok := q.indexCandidates(ctx); ok {
		if len(ids) == 0 {
			return nil
		}
		sq.Bound, sq.IDs = nil, ids
	}
	return q.c.Dataset.Store.Query(ctx, sq, match)
}

// maxIndexCandidates bounds the id list handed to the store for a box query:
// beyond it the store filters by its own R-tree (the id list and its sort would
// cost more than the envelope callback saves).
var maxIndexCandidates = 2000 // a variable for the tests

// indexCandidates resolves a box query on the current state through the
// in-memory R-tree: the ids whose box intersects the query box, the same set the
// store's envelope test keeps, looked up by the unique lokalnyId index instead of
// an R-tree join with a per-row envelope callback. ok is false when the store
// should filter itself (history, no box, a box holding too many objects, or an
// index that has not caught up with the store yet).
func (q *query) indexCandidates(ctx context.Context) ([]string, bool) {
	return q.boxCandidates(ctx, maxIndexCandidates, nil)
}

// boxCandidates appends to ids the index candidates of the query's box, up to
// max of them (ok false beyond, as indexCandidates).
func (q *query) boxCandidates(ctx context.Context, max int, ids []string) ([]string, bool) {
	ix := q.c.Dataset.Index
	if ix == nil || !ix.Memory() || q.bound == nil || !q.asOf.IsZero() || q.bound.Min[0] > q.bound.Max[0] || q.bound.Min[1] > q.bound.Max[1] {
		// Without the boxes in memory the store's own spatial index answers
		// the box query directly: one statement instead of two.
		return nil, false
	}
	if !q.indexFresh(ctx) {
		return nil, false
	}
	over := false
	n0 := len(ids)
	ix.Search(ctx, q.c.Layer.Name, *q.bound, func(id string) bool {
		if len(ids)-n0 == max {
			over = true
			return false
		}
		ids = append(ids, id)
		return true
	})
	if over {
		return nil, false
	}
	return ids, true
}

// indexFresh reports whether the dataset's index has applied every change the
// store holds (asked once per query). Only then may the index stand in for the
// store (box candidates, counts) and the feature cache be used: the index
// follows the store's change log by polling, and a response must never be
// older than the store it reads.
func (q *query) indexFresh(ctx context.Context) bool {
	if q.freshKnown {
		return q.fresh
	}
	q.freshKnown = true
	d := q.c.Dataset
	if d.Index == nil {
		return false
	}
	ixRev := d.Index.Revision()
	// a one-row lookup: not worth the driver's cancellation watch
	rev, err := d.Store.Revision(context.WithoutCancel(ctx))
	q.fresh = err == nil && rev == ixRev
	q.storeRev = max(rev, ixRev)
	return q.fresh
}

// namesRevision is the revision the obręb and gmina names must be read at: the
// store's, which may be ahead of the index.
func (q *query) namesRevision(ctx context.Context) int64 {
	if q.c.kind == 0 {
		return 0
	}
	q.indexFresh(ctx)
	return max(q.storeRev, q.c.Dataset.Revision())
}

// page runs the query: fn gets up to limit features; next is the cursor of the
// following page (0 when this one is the last).
func (q *query) page(ctx context.Context, fn func(*feature) error) (next int64, err error) {
	var sig string
	startIndex := -1
	if q.after == 0 && len(q.ids) == 0 {
		sig, startIndex = q.signature(), q.offset
		if q.offset > 0 {
			if k, ok := q.c.lookupCursor(sig, q.offset); ok {
				q.after, q.offset = k, 0
			}
		}
	}
	skip := q.offset
	n := 0
	var last int64
	more := false
	if q.empty {
		return 0, nil
	}
	if q.prog == nil && q.box == nil && len(q.ids) == 0 && skip > 0 {
		// cheap skip in the store: find the key before the page start
		sq := q.storeQuery()
		sq.After, sq.Offset, sq.Limit = q.after, skip-1, 1
		var k int64 = -1
		if err := q.c.Dataset.Store.Query(ctx, sq, func(row store.Row) error { k = row.Key; return nil }); err != nil {
			return 0, err
		}
		if k < 0 {
			return 0, nil
		}
		q.after, skip = k, 0
	}
	err = q.scan(ctx, q.after, func(f *feature) error {
		if skip > 0 {
			skip--
			return nil
		}
		if n == q.limit {
			more = true
			return errStop
		}
		n++
		last = f.key
		return fn(f)
	})
	if err != nil && !errors.Is(err, errStop) {
		return 0, err
	}
	if more {
		if startIndex >= 0 {
			q.c.rememberCursor(sig, startIndex+n, last)
		}
		return last, nil
	}
	return 0, nil
}

// count is numberMatched: a store count when nothing is evaluated in Go, else a
// scan (cached per revision and query).
func (q *query) count(ctx context.Context) (int64, error) {
	if q.empty {
		return 0, nil
	}
	if q.prog == nil && len(q.ids) == 0 && q.box != nil {
		// the index's candidates less those on the box's edge that miss it
		if n, ok, err := q.boxCount(ctx); ok || err != nil {
			return n, err
		}
	} else if q.prog == nil && len(q.ids) == 0 {
		// The spatial index holds the current boxes: the same envelope test the
		// store applies, without a SQL round trip and a Go callback per row.
		if ix := q.c.Dataset.Index; ix != nil && ix.Memory() && q.asOf.IsZero() && q.indexFresh(ctx) {
			if q.bound == nil {
				return int64(ix.Len(q.c.Layer.Name)), nil
			}
			if q.bound.Min[0] <= q.bound.Max[0] && q.bound.Min[1] <= q.bound.Max[1] {
				var n int64
				ix.Search(ctx, q.c.Layer.Name, *q.bound, func(string) bool { n++; return true })
				return n, nil
			}
		}
		return q.c.Dataset.Store.Count(ctx, q.storeQuery())
	}
	key := q.signature()
	if n, ok := q.c.cat.counts.get(key); ok {
		return n, nil
	}
	var n int64
	if err := q.scan(ctx, 0, func(*feature) error { n++; return nil }); err != nil {
		return 0, err
	}
	q.c.cat.counts.put(key, n)
	return n, nil
}

// output geometry: transform from storage to the output CRS, then axis order.
type outCRS struct {
	crs  *geo.CRS
	axis geo.AxisOrder
	tr   *geo.Transform
	prec float64 // rounding factor
	// digits is log10(prec): the decimals written
	digits int
}

func newOutCRS(c *geo.CRS, axis geo.AxisOrder) *outCRS {
	tr, _ := geo.NewTransform(geo.CRS2180, c)
	o := &outCRS{crs: c, axis: axis, tr: tr, prec: 1e3, digits: 3}
	if c.Geographic {
		o.prec, o.digits = 1e8, 8
	}
	return o
}

// appendCoord appends the output coordinates of p separated by sep: the
// transformed values rounded to the CRS's precision and written as
// strconv's shortest 'f' form of the rounded value would be (appendScaled),
// or the stored values unchanged when no transform applies.
func (o *outCRS) appendCoord(b []byte, p orb.Point, sep byte) []byte {
	x, y := p[0], p[1]
	if o.tr.IsIdentity() {
		if o.axis == geo.NorthEast {
			x, y = y, x
		}
		b = appendNum(b, x)
		b = append(b, sep)
		return appendNum(b, y)
	}
	x, y = o.tr.Point(x, y)
	kx, ky := math.Round(x*o.prec), math.Round(y*o.prec)
	if o.axis == geo.NorthEast {
		kx, ky = ky, kx
	}
	b = o.appendScaled(b, kx)
	b = append(b, sep)
	return o.appendScaled(b, ky)
}

var pow10 = [...]int64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8}

// appendScaled appends k/prec for an integer k (a coordinate rounded to the
// CRS's precision, times prec) in decimal, without trailing zeros: exactly
// strconv.AppendFloat(k/prec, 'f', -1, 64), since below 2^50 the double
// nearest k/prec has no shorter decimal than k's own digits (its ulp is far
// below 10^-digits). Zero (which may be negative), NaN and huge values take
// strconv's way.
func (o *outCRS) appendScaled(b []byte, k float64) []byte {
	if !(k != 0 && math.Abs(k) < 1<<50) {
		return appendNum(b, k/o.prec)
	}
	n := int64(k)
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	p := pow10[o.digits]
	b = strconv.AppendInt(b, n/p, 10)
	frac, nd := n%p, o.digits
	if frac == 0 {
		return b
	}
	for frac%10 == 0 {
		frac /= 10
		nd--
	}
	var d [8]byte
	for i := nd - 1; i >= 0; i-- {
		d[i] = byte('0' + frac%10)
		frac /= 10
	}
	b = append(b, '.')
	return append(b, d[:nd]...)
}

// bound converts a storage box (E,N) to the output CRS and order.
func (o *outCRS) bound(b orb.Bound) [4]float64 {
	tb := b
	if !o.tr.IsIdentity() {
		tb = o.tr.Bound(b)
	}
	r := func(v float64) float64 { return math.Round(v*o.prec) / o.prec }
	if o.axis == geo.NorthEast {
		return [4]float64{r(tb.Min[1]), r(tb.Min[0]), r(tb.Max[1]), r(tb.Max[0])}
	}
	return [4]float64{r(tb.Min[0]), r(tb.Min[1]), r(tb.Max[0]), r(tb.Max[1])}
}

func appendNum(b []byte, f float64) []byte { return strconv.AppendFloat(b, f, 'f', -1, 64) }

// sortKey orders features by one property.
type sortKey struct {
	idx  int
	desc bool
}

// maxSorted bounds the matches a sorted request may rank (memory: one small
// entry per match).
const maxSorted = 2_000_000

// sortedPage ranks every match by the sort keys (nulls last, ties by row key),
// then streams the requested page in that order: two scans, memory of one small
// entry per match plus the page.
func (q *query) sortedPage(ctx context.Context, keys []sortKey, fn func(*feature) error) error {
	type entry struct {
		key  int64
		vals []any
	}
	var all []entry
	err := q.scan(ctx, 0, func(f *feature) error {
		if len(all) >= maxSorted {
			return fmt.Errorf("%w: more than %d features to sort; narrow the query", errTooMany, maxSorted)
		}
		vals := make([]any, len(keys))
		for i, k := range keys {
			vals[i] = f.values[k.idx]
		}
		all = append(all, entry{f.key, vals})
		return nil
	})
	if err != nil {
		return err
	}
	sort.SliceStable(all, func(i, j int) bool {
		for n, k := range keys {
			a, b := all[i].vals[n], all[j].vals[n]
			if a == nil || b == nil {
				if (a == nil) != (b == nil) {
					return b == nil
				}
				continue
			}
			c, ok := filter.CompareValues(a, b)
			if !ok || c == 0 {
				continue
			}
			if k.desc {
				return c > 0
			}
			return c < 0
		}
		return all[i].key < all[j].key
	})
	lo := min(q.offset, len(all))
	hi := min(lo+q.limit, len(all))
	pos := make(map[int64]int, hi-lo)
	for i := lo; i < hi; i++ {
		pos[all[i].key] = i - lo
	}
	page := make([]*feature, hi-lo)
	err = q.scan(ctx, 0, func(f *feature) error {
		if i, ok := pos[f.key]; ok {
			page[i] = f
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, f := range page {
		if f == nil {
			continue // changed between the scans
		}
		if err := fn(f); err != nil {
			return err
		}
	}
	return nil
}

var errTooMany = errors.New("too many features")

// keyCache is a bounded map from a query's signature (which holds the
// dataset's revision) to a number: numberMatched of filtered queries
// (catalog.counts), and, for a query and a start index, the row key that
// precedes it (catalog.cursors), so that STARTINDEX walks (GDAL, QGIS, the OGC
// suites) resume by keyset instead of rescanning from the start: the last page
// costs what the first does. Past max entries it starts again empty.
type keyCache struct {
	mu  sync.Mutex
	m   map[string]int64
	max int
}

func (k *keyCache) get(key string) (int64, bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	v, ok := k.m[key]
	return v, ok
}

func (k *keyCache) put(key string, v int64) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.m == nil || len(k.m) > k.max {
		k.m = map[string]int64{}
	}
	k.m[key] = v
}

// signature identifies a query's matches at the dataset's current revision
// (the keys of the cursor and count caches).
func (q *query) signature() string { return q.signatureAt(q.c.Dataset.Revision()) }

func (q *query) signatureAt(rev int64) string {
	b := make([]byte, 0, 128)
	b = append(b, q.c.Dataset.Name...)
	b = append(b, '|')
	b = append(b, q.c.Layer.Name...)
	b = append(b, '|')
	b = strconv.AppendInt(b, rev, 10)
	b = append(b, '|')
	if q.bound != nil {
		for _, v := range [4]float64{q.bound.Min[0], q.bound.Min[1], q.bound.Max[0], q.bound.Max[1]} {
			b = strconv.AppendFloat(b, v, 'g', -1, 64)
			b = append(b, ',')
		}
	}
	if q.box != nil {
		b = append(b, "box"...)
	}
	b = append(b, '|')
	if !q.asOf.IsZero() {
		b = q.asOf.UTC().AppendFormat(b, time.RFC3339Nano)
	}
	b = append(b, '|')
	if q.expr != nil {
		b = append(b, filter.Format(q.expr)...)
	}
	b = append(b, '|')
	for _, id := range q.ids {
		b = strconv.AppendQuote(b, id)
	}
	return string(b)
}

func (c *Collection) rememberCursor(sig string, index int, key int64) {
	c.cat.cursors.put(sig+"@"+strconv.Itoa(index), key)
}

func (c *Collection) lookupCursor(sig string, index int) (int64, bool) {
	return c.cat.cursors.get(sig + "@" + strconv.Itoa(index))
}
