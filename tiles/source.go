package tiles

import (
	"context"
	"hash/fnv"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/index"
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/tiles/mvt"
)

// Feature is one store object ready for tiling: geometry in the grid CRS,
// public attributes typed for MVT.
type Feature struct {
	Key string // lokalnyId
	// ID is the MVT feature id: the store's row key of the object, stable while
	// the object lives (across its versions), small and dense so that it costs
	// one to three bytes per feature and compresses well.
	ID    uint64
	Shape Shape // the geometry in the grid CRS
	Bound orb.Bound
	// Attrs are the public attributes, compactly encoded (the feature cache
	// holds hundreds of thousands of features); Attrs.Props decodes them.
	Attrs mvt.Attrs

	label    orb.Point
	hasLabel bool
}

// FeatureID is the MVT id of an object without a row key: a 53-bit hash of its
// lokalnyId (safe in JavaScript).
func FeatureID(key string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(key))
	return h.Sum64() & (1<<53 - 1)
}

// Source yields the features of a layer whose bound (grid CRS) intersects b.
type Source interface {
	Features(ctx context.Context, layer string, b orb.Bound, fn func(*Feature) error) error
}

// featureMaker turns store rows of one column selection into Features.
type featureMaker struct {
	g    *Grid
	cols []store.Column
	keys *mvt.Keys
	b    mvt.AttrsBuilder
}

func newFeatureMaker(g *Grid, cols []store.Column) *featureMaker {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.Name
	}
	return &featureMaker{g: g, cols: cols, keys: mvt.InternKeys(names)}
}

// attrs encodes an object's public attributes: strings, integers and reals
// keep their types; dates become ISO strings. Columns missing from Attrs
// (NULL) are left out. The feature's key shares the attributes' allocation.
func (m *featureMaker) attrs(o *store.Object) (mvt.Attrs, string) {
	b := &m.b
	b.Reset(m.keys)
	for i, c := range m.cols {
		v, ok := o.Attrs[c.Name]
		if !ok || v == nil {
			continue
		}
		switch x := v.(type) {
		case string:
			b.String(i, x)
		case int64:
			b.Int(i, x)
		case int:
			b.Int(i, int64(x))
		case float64:
			b.Float(i, x)
		case time.Time:
			if c.Type == store.Date {
				b.String(i, x.UTC().Format("2006-01-02"))
			} else {
				b.String(i, x.UTC().Format(time.RFC3339))
			}
		case bool:
			b.Bool(i, x)
		default:
			b.String(i, strconv.Quote(""))
		}
	}
	return b.Finish(o.ID)
}

// NewFeature projects a store row into the grid.
func NewFeature(g *Grid, row store.Row, cols []store.Column) *Feature {
	return newFeatureMaker(g, cols).feature(row)
}

// feature projects a store row into the grid.
func (m *featureMaker) feature(row store.Row) *Feature {
	o := row.Object
	sh := NewShape(o.Geometry, m.g.Project)
	if sh == nil {
		return nil
	}
	id := uint64(row.Key)
	if row.Key <= 0 {
		id = FeatureID(o.ID)
	}
	f := &Feature{ID: id, Shape: sh, Bound: sh.Bound()}
	f.Attrs, f.Key = m.attrs(o)
	return f
}

// Label is the label point of a polygon feature (pole of inaccessibility of its
// largest part, to 0.5 grid units or a fiftieth of its width).
func (f *Feature) Label() (orb.Point, bool) {
	if f.hasLabel {
		return f.label, true
	}
	p := f.Shape.largestPolygon()
	if p == nil {
		return orb.Point{}, false
	}
	f.label, f.hasLabel = polyLabel(p, 0.5), true
	return f.label, true
}

// StoreSource reads features straight from a store (dynamic tiles, updates).
type StoreSource struct {
	R       store.Reader
	Grid    *Grid
	Columns func(layer string) []store.Column // public columns of a layer
	// Labels, when set, remembers label points across tiles and requests.
	Labels *LabelCache
}

// LabelCache remembers parcel label points by object version and geometry
// bound: a label is a pure function of the geometry, and computing it is the
// dearest step of rendering a parcel.
type LabelCache struct {
	mu  sync.Mutex
	m   map[labelKey]orb.Point
	max int
}

type labelKey struct {
	grid        *Grid
	id, version string
	bound       orb.Bound
}

// NewLabelCache makes a cache of up to max labels (it is emptied when full).
func NewLabelCache(max int) *LabelCache {
	return &LabelCache{m: map[labelKey]orb.Point{}, max: max}
}

func (c *LabelCache) get(k labelKey) (orb.Point, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	p, ok := c.m[k]
	return p, ok
}

func (c *LabelCache) put(k labelKey, p orb.Point) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= c.max {
		clear(c.m)
	}
	c.m[k] = p
}

// Features implements Source.
func (s *StoreSource) Features(ctx context.Context, layer string, b orb.Bound, fn func(*Feature) error) error {
	sb := s.Grid.ToStorage(b)
	// The inverse of a densified box edge can bulge slightly: pad by a metre.
	sb = sb.Pad(1)
	fm := newFeatureMaker(s.Grid, s.Columns(layer))
	return s.R.Query(ctx, store.Query{Layer: layer, Bound: &sb}, func(row store.Row) error {
		f := fm.feature(row)
		if f == nil || !f.Bound.Intersects(b) {
			return nil
		}
		if s.Labels != nil && layer == "dzialki" {
			k := labelKey{s.Grid, row.ID, row.Version, f.Bound}
			if p, ok := s.Labels.get(k); ok {
				f.label, f.hasLabel = p, true
			} else if p, ok := f.Label(); ok {
				s.Labels.put(k, p)
			}
		}
		return fn(f)
	})
}

// MemSource holds every current feature of the tiled layers in memory with an
// R-tree per layer (the builder's source: each object is read and projected once).
type MemSource struct {
	layers map[string]*memLayer
}

type memLayer struct {
	feats []*Feature
	tree  *index.Tree
}

// LoadMemSource reads the current objects of layers from a store.
func LoadMemSource(ctx context.Context, r store.Reader, g *Grid, layers []store.Layer) (*MemSource, error) {
	m := &MemSource{layers: map[string]*memLayer{}}
	for _, l := range layers {
		ml := &memLayer{}
		fm := newFeatureMaker(g, l.Columns)
		err := r.Query(ctx, store.Query{Layer: l.Name}, func(row store.Row) error {
			if f := fm.feature(row); f != nil {
				ml.feats = append(ml.feats, f)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.Slice(ml.feats, func(i, j int) bool { return ml.feats[i].Key < ml.feats[j].Key })
		boxes := make([]index.Box, len(ml.feats))
		for i, f := range ml.feats {
			boxes[i] = index.BoxOf(f.Bound)
		}
		ml.tree = index.BuildTree(boxes)
		m.layers[l.Name] = ml
	}
	return m, nil
}

// Bound is the union of the features' bounds (grid CRS); ok is false when empty.
func (m *MemSource) Bound() (orb.Bound, bool) {
	var b orb.Bound
	ok := false
	for _, l := range m.layers {
		for _, f := range l.feats {
			if !ok {
				b, ok = f.Bound, true
			} else {
				b = b.Union(f.Bound)
			}
		}
	}
	return b, ok
}

// Count is the number of features of a layer.
func (m *MemSource) Count(layer string) int {
	if l, ok := m.layers[layer]; ok {
		return len(l.feats)
	}
	return 0
}

// Features implements Source.
func (m *MemSource) Features(ctx context.Context, layer string, b orb.Bound, fn func(*Feature) error) error {
	l, ok := m.layers[layer]
	if !ok {
		return nil
	}
	var err error
	l.tree.Search(index.BoxOf(b), func(i int32) bool {
		if f := l.feats[i]; f.Bound.Intersects(b) {
			err = fn(f)
		}
		return err == nil
	})
	return err
}
