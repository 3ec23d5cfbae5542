package wms

import (
	"context"
	"slices"
	"unsafe"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/internal/cache"
	"github.com/sip-core/sip/server"
	"github.com/sip-core/sip/store"
)

// feat is what drawing needs of an object: its geometry (EPSG:2180) and the
// attributes some style labels with (nil when none). Full objects, for
// GetFeatureInfo, are read from the store by id.
type feat struct {
	Geometry orb.Geometry
	Attrs    map[string]any
	// Class is the feature's class in its layer's theme (planning.go), worked
	// out once here so that drawing never parses attributes.
	Class uint8
}

// features reads a dataset's drawable objects by id through the service's
// bounded cache of them (cache.map_features), so that GetMap asks the spatial
// index for ids and reads from the store only the objects not drawn since they
// last changed (or since the cache let them go to stay within its budget).
// Entries are dropped when the index applies a change to them (Index.Subscribe).
type features struct {
	d      *server.Dataset
	labels map[string][]string // layer → attributes used as labels
	c      *featCache
}

// featCache is the service's cache of drawable objects of every dataset.
type featCache = cache.Cache[featKey, *feat]

type featKey struct {
	d         *server.Dataset
	layer, id string
}

func newFeatures(d *server.Dataset, labels map[string][]string, c *featCache) *features {
	f := &features{d: d, labels: labels, c: c}
	d.Index.Subscribe(func(ch store.Change) {
		if ch.ID == "" {
			c.RemoveFunc(func(k featKey, _ *feat) bool { return k.d == d && k.layer == ch.Layer })
			return
		}
		c.Remove(featKey{d, ch.Layer, ch.ID})
	})
	return f
}

// get returns the current objects with the given ids (in order, nil for ids the
// store no longer has).
func (f *features) get(ctx context.Context, layer string, ids []string) ([]*feat, error) {
	out := make([]*feat, len(ids))
	var miss []int
	for i, id := range ids {
		if o, ok := f.c.Get(featKey{f.d, layer, id}); ok {
			out[i] = o
		} else {
			miss = append(miss, i)
		}
	}
	if len(miss) == 0 {
		return out, nil
	}
	gen := f.c.Gen()
	pos := make(map[string]int, len(miss))
	cols := f.labels[layer]
	for start := 0; start < len(miss); start += 500 {
		end := min(start+500, len(miss))
		q := store.Query{Layer: layer}
		for _, i := range miss[start:end] {
			q.IDs = append(q.IDs, ids[i])
			pos[ids[i]] = i
		}
		err := f.d.Store.Query(ctx, q, func(r store.Row) error {
			if i, ok := pos[r.ID]; ok {
				o := compact(layer, r.Object, cols)
				out[i] = o
				f.c.Put(gen, featKey{f.d, layer, ids[i]}, o, o.memSize(ids[i]))
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// memSize estimates the heap an entry holds: the feat, its key, its geometry
// and its labels, and its share of the cache's tables.
func (f *feat) memSize(id string) int64 {
	n := int64(unsafe.Sizeof(feat{})) + int64(unsafe.Sizeof(featKey{})) + 64 + int64(len(id))
	n += cache.GeometrySize(f.Geometry)
	for k, v := range f.Attrs {
		n += 48 + int64(len(k))
		if s, ok := v.(string); ok {
			n += int64(len(s))
		}
	}
	return n
}

func compact(layer string, o *store.Object, cols []string) *feat {
	f := &feat{Geometry: o.Geometry, Class: classOf(layer, o.Attrs)}
	for _, c := range cols {
		if v, ok := o.Attrs[c]; ok {
			if f.Attrs == nil {
				f.Attrs = make(map[string]any, len(cols))
			}
			f.Attrs[c] = v
		}
	}
	return f
}

// labelColumns lists, per store layer, the attributes any style of the
// catalogue labels with.
func labelColumns(c *catalogue, d *server.Dataset) map[string][]string {
	out := map[string][]string{}
	for _, g := range c.groups {
		if g.DS != d {
			continue
		}
		for _, l := range g.Layers {
			for _, st := range l.Styles {
				if st.Label != "" && !slices.Contains(out[l.Source], st.Label) {
					out[l.Source] = append(out[l.Source], st.Label)
				}
			}
		}
	}
	return out
}
