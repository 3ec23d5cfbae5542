package wms

import (
	"context"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/paulmach/orb"

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

// features keeps the current objects of a dataset in memory, by layer and id,
// so that GetMap reads the spatial index for ids and this cache for geometry
// and never scans the store. Entries are dropped when the index applies a
// change to them (Index.Subscribe) and fetched again by id on the next miss.
type features struct {
	d      *server.Dataset
	labels map[string][]string // layer → attributes used as labels
	mu     sync.RWMutex
	layers map[string]map[string]*feat
	epoch  atomic.Int64 // bumped by every invalidation

	warmMu sync.Mutex
	warmed map[string]bool
}

func newFeatures(d *server.Dataset, labels map[string][]string) *features {
	f := &features{d: d, labels: labels, layers: map[string]map[string]*feat{}, warmed: map[string]bool{}}
	d.Index.Subscribe(func(c store.Change) {
		f.mu.Lock()
		if m := f.layers[c.Layer]; m != nil {
			delete(m, c.ID)
		}
		f.epoch.Add(1)
		f.mu.Unlock()
	})
	return f
}

// warm loads every current object of a layer once (one sequential read at
// start-up instead of many lookups by id later).
func (f *features) warm(ctx context.Context, layer string) error {
	f.mu.RLock()
	done := f.warmed[layer]
	f.mu.RUnlock()
	if done {
		return nil
	}
	f.warmMu.Lock()
	defer f.warmMu.Unlock()
	f.mu.RLock()
	done = f.warmed[layer]
	f.mu.RUnlock()
	if done {
		return nil
	}
	ep := f.epoch.Load()
	m := map[string]*feat{}
	cols := f.labels[layer]
	err := f.d.Store.Query(ctx, store.Query{Layer: layer}, func(r store.Row) error {
		m[r.ID] = compact(layer, r.Object, cols)
		return nil
	})
	if err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.epoch.Load() != ep {
		// Changes raced with the scan: keep only what the cache already had
		// and let misses be fetched by id.
		f.warmed[layer] = true
		return nil
	}
	cur := f.layers[layer]
	for id, o := range cur {
		m[id] = o
	}
	f.layers[layer] = m
	f.warmed[layer] = true
	return nil
}

// get returns the current objects with the given ids (in order, nil for ids the
// store no longer has).
func (f *features) get(ctx context.Context, layer string, ids []string) ([]*feat, error) {
	out := make([]*feat, len(ids))
	var miss []int
	f.mu.RLock()
	m := f.layers[layer]
	for i, id := range ids {
		if o := m[id]; o != nil {
			out[i] = o
		} else {
			miss = append(miss, i)
		}
	}
	f.mu.RUnlock()
	if len(miss) == 0 {
		return out, nil
	}
	ep := f.epoch.Load()
	pos := make(map[string]int, len(miss))
	for start := 0; start < len(miss); start += 500 {
		end := min(start+500, len(miss))
		q := store.Query{Layer: layer}
		for _, i := range miss[start:end] {
			q.IDs = append(q.IDs, ids[i])
			pos[ids[i]] = i
		}
		cols := f.labels[layer]
		err := f.d.Store.Query(ctx, q, func(r store.Row) error {
			if i, ok := pos[r.ID]; ok {
				out[i] = compact(layer, r.Object, cols)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	f.mu.Lock()
	if f.epoch.Load() == ep {
		m := f.layers[layer]
		if m == nil {
			m = map[string]*feat{}
			f.layers[layer] = m
		}
		for _, i := range miss {
			if out[i] != nil {
				m[ids[i]] = out[i]
			}
		}
	}
	f.mu.Unlock()
	return out, nil
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
