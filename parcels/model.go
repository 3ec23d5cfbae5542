package parcels

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/index"
	"github.com/sip-core/sip/internal/cache"
	"github.com/sip-core/sip/store"
)

// parcel is one current parcel as the lookups and the search use it, read
// from the store (parcelOf) when a request needs it: with its geometry through
// the model's bounded cache (located), or its attributes only for ranking
// search answers (bound then zero). The card reads the rest from the store.
type parcel struct {
	uuid   string // lokalnyId
	id     string // id_dzialki
	number string // numer_dzialki
	sheet  string // numer_arkusza
	obreb  string // id_obrebu
	bound  orb.Bound
	// tail is the part of id after "<obręb id>.", e.g. "AR_1.12/3" or "12/3": the
	// ULDK `parcel` field and the per-obręb search key.
	tail string
}

// parcelOf reads a parcel from a dzialki object; nil without an id.
func parcelOf(o *store.Object) *parcel {
	id := str(o, "id_dzialki")
	if id == "" {
		return nil
	}
	p := &parcel{uuid: o.ID, id: id, number: str(o, "numer_dzialki"), sheet: str(o, "numer_arkusza"), obreb: str(o, "id_obrebu")}
	if mp := asMulti(o.Geometry); mp != nil {
		p.bound = mp.Bound()
	}
	if p.obreb == "" {
		p.obreb, _ = splitParcelID(id)
	}
	p.tail = strings.TrimPrefix(id, p.obreb+".")
	if p.number == "" {
		p.number = p.tail
		if i := strings.LastIndexByte(p.tail, '.'); i >= 0 {
			p.number = p.tail[i+1:]
		}
	}
	return p
}

// size is about what a cached parcel costs besides its geometry.
func (p *parcel) size() int64 {
	return int64(len(p.uuid)+len(p.id)+len(p.number)+len(p.sheet)+len(p.obreb)) + 160
}

// area is an obręb or a jednostka ewidencyjna held in memory for the ULDK region
// and commune answers.
type area struct {
	uuid  string
	id    string // id_obrebu or id_jednostki
	name  string
	jedn  string // obręb: id_jednostki
	geom  orb.MultiPolygon
	bound orb.Bound
}

// geomCache holds parcels with their geometries of every dataset of a
// mounted service, within the budget cache.parcels.
type geomCache = cache.Cache[geomKey, located]

// geomKey names a parcel (lokalnyId) of one dataset's model.
type geomKey struct {
	m    *model
	uuid string
}

// located is a parcel with its geometry (EPSG:2180).
type located struct {
	*parcel
	geom orb.MultiPolygon
}

// model is the parcel model of one dataset, kept current from the dataset
// index's change notifications: the obręby and jednostki and the words of the
// parcels' addresses in memory; the parcels themselves are read from the store
// on demand (by box through the index, by id and id prefix through the store's
// id column index: ids_store.go, search.go) into a bounded cache
// (cache.parcels).
type model struct {
	st    store.Reader
	ix    *index.Index
	geoms *geomCache
	ids   *idCache // id_dzialki → lokalnyId, read from the store (ids_store.go)

	ready chan struct{}
	err   error

	mu      sync.RWMutex
	obreby  map[string]*area // id_obrebu → obręb
	obrUUID map[string]*area
	jedn    map[string]*area // id_jednostki → jednostka
	jedUUID map[string]*area
	search  *searchIndex
	gen     uint64 // bumped on every applied change (caches of derived answers)

	pendMu  sync.Mutex
	pending []store.Change // changes seen while the initial load ran
	loaded  bool
}

// newModel subscribes to the index and loads the current parcels, obręby and
// jednostki in the background; wait blocks until the load finished. Parcel
// geometries are read into geoms.
func newModel(st store.Reader, ix *index.Index, geoms *geomCache) *model {
	m := &model{
		st: st, ix: ix, geoms: geoms, ids: newIDCache(), ready: make(chan struct{}),
		obreby: map[string]*area{}, obrUUID: map[string]*area{},
		jedn: map[string]*area{}, jedUUID: map[string]*area{},
		search: newSearchIndex(),
	}
	ix.Subscribe(m.onChange)
	go m.load()
	return m
}

func (m *model) wait(ctx context.Context) error {
	select {
	case <-m.ready:
		return m.err
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (m *model) load() {
	defer close(m.ready)
	ctx := context.Background()
	for _, layer := range []string{"jednostki", "obreby", "dzialki"} {
		if _, ok := store.LayerByName(m.st.Layers(), layer); !ok {
			continue
		}
		// parcels: their addresses only (the search's words)
		err := m.st.Query(ctx, store.Query{Layer: layer, NoGeometry: layer == "dzialki"}, func(row store.Row) error {
			m.put(row.Object)
			return nil
		})
		if err != nil {
			m.err = fmt.Errorf("parcels: loading %s: %w", layer, err)
			return
		}
	}
	// Replay what changed while we read: each entry re-reads the current state,
	// so applying it again is harmless.
	m.pendMu.Lock()
	pend := m.pending
	m.pending = nil
	m.loaded = true
	m.pendMu.Unlock()
	for _, c := range pend {
		m.apply(ctx, c)
	}
}

// onChange is called by the index, in order, for every change it applies.
func (m *model) onChange(c store.Change) {
	switch c.Layer {
	case "dzialki", "obreby", "jednostki":
	default:
		return
	}
	m.pendMu.Lock()
	if !m.loaded {
		m.pending = append(m.pending, c)
		m.pendMu.Unlock()
		return
	}
	m.pendMu.Unlock()
	m.apply(context.Background(), c)
}

func (m *model) apply(ctx context.Context, c store.Change) {
	if c.Op == store.OpArchive {
		return
	}
	if c.Layer == "dzialki" {
		m.geoms.Remove(geomKey{m, c.ID})
	}
	switch c.Op {
	case store.OpDelete:
		m.remove(c.Layer, c.ID)
		return
	}
	o := c.Object
	if o == nil || !o.Current() {
		cur, err := m.st.Get(ctx, c.Layer, c.ID)
		if errors.Is(err, store.ErrNotFound) {
			m.remove(c.Layer, c.ID)
			return
		}
		if err != nil {
			// The index reports its own read errors; ours leaves the old state.
			return
		}
		o = cur
	}
	m.put(o)
}

func str(o *store.Object, col string) string {
	s, _ := o.Attrs[col].(string)
	return s
}

func asMulti(g orb.Geometry) orb.MultiPolygon {
	switch g := g.(type) {
	case orb.MultiPolygon:
		return g
	case orb.Polygon:
		return orb.MultiPolygon{g}
	}
	return nil
}

func (m *model) put(o *store.Object) {
	mp := asMulti(o.Geometry)
	m.mu.Lock()
	defer m.mu.Unlock()
	m.gen++
	switch o.Layer {
	case "dzialki":
		// Only its addresses are held; an address it no longer has is let
		// go when a search finds it stale (addrIndex).
		if str(o, "id_dzialki") != "" {
			m.search.addrs.add(o.ID, str(o, "adresy"))
		}
	case "obreby":
		if old, ok := m.obrUUID[o.ID]; ok {
			delete(m.obrUUID, o.ID)
			delete(m.obreby, old.id)
		}
		a := &area{uuid: o.ID, id: str(o, "id_obrebu"), name: str(o, "nazwa"), jedn: str(o, "id_jednostki"), geom: mp}
		if a.id == "" {
			return
		}
		if a.jedn == "" {
			a.jedn, _, _ = strings.Cut(a.id, ".")
		}
		if mp != nil {
			a.bound = mp.Bound()
		}
		m.obreby[a.id] = a
		m.obrUUID[o.ID] = a
		m.search.setObreb(a.id, a.name)
	case "jednostki":
		if old, ok := m.jedUUID[o.ID]; ok {
			delete(m.jedUUID, o.ID)
			delete(m.jedn, old.id)
		}
		a := &area{uuid: o.ID, id: str(o, "id_jednostki"), name: str(o, "nazwa"), geom: mp}
		if a.id == "" {
			return
		}
		if mp != nil {
			a.bound = mp.Bound()
		}
		m.jedn[a.id] = a
		m.jedUUID[o.ID] = a
	}
}

func (m *model) remove(layer, uuid string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.gen++
	switch layer {
	case "obreby":
		if old, ok := m.obrUUID[uuid]; ok {
			delete(m.obrUUID, uuid)
			delete(m.obreby, old.id)
		}
	case "jednostki":
		if old, ok := m.jedUUID[uuid]; ok {
			delete(m.jedUUID, uuid)
			delete(m.jedn, old.id)
		}
	}
}

// parcelsAt returns the current parcels containing pt (EPSG:2180), ordered by
// id. A point on a shared boundary belongs to every parcel it touches.
func (m *model) parcelsAt(ctx context.Context, pt orb.Point) ([]located, error) {
	cand, err := m.ix.SearchIDs(ctx, "dzialki", orb.Bound{Min: pt, Max: pt}, nil)
	if err != nil {
		return nil, err
	}
	ls, err := m.locateIDs(ctx, cand)
	if err != nil {
		return nil, err
	}
	out := ls[:0]
	for _, l := range ls {
		if l.bound.Contains(pt) && containsOrTouches(l.geom, pt) {
			out = append(out, l)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].id < out[j].id })
	return out, nil
}

// geomBatch is the most parcels one store query reads by id.
const geomBatch = 500

// locate adds their geometries to parcels (by their lokalnyId), from the
// cache or else from the store.
func (m *model) locate(ctx context.Context, ps []*parcel) ([]located, error) {
	uuids := make([]string, len(ps))
	for i, p := range ps {
		uuids[i] = p.uuid
	}
	return m.locateIDs(ctx, uuids)
}

// locateIDs reads parcels with their geometries by lokalnyId, from the cache
// or else from the store, in the order given. A parcel the store no longer
// has (a change not yet applied here) is left out.
func (m *model) locateIDs(ctx context.Context, uuids []string) ([]located, error) {
	out := make([]located, len(uuids))
	var pos map[string][]int // the misses
	var miss []string
	for i, uuid := range uuids {
		if l, ok := m.geoms.Get(geomKey{m, uuid}); ok {
			out[i] = l
			continue
		}
		if pos == nil {
			pos = map[string][]int{}
		}
		if pos[uuid] == nil {
			miss = append(miss, uuid)
		}
		pos[uuid] = append(pos[uuid], i)
	}
	gen := m.geoms.Gen()
	for start := 0; start < len(miss); start += geomBatch {
		q := store.Query{Layer: "dzialki", IDs: miss[start:min(start+geomBatch, len(miss))]}
		err := m.st.Query(ctx, q, func(row store.Row) error {
			p, g := parcelOf(row.Object), asMulti(row.Geometry)
			if p == nil || g == nil {
				return nil
			}
			l := located{p, g}
			for _, i := range pos[row.ID] {
				out[i] = l
			}
			m.geoms.Put(gen, geomKey{m, row.ID}, l, cache.GeometrySize(g)+p.size()+geomEntrySize)
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("parcels: reading geometries: %w", err)
		}
	}
	kept := out[:0]
	for _, l := range out {
		if l.parcel != nil {
			kept = append(kept, l)
		}
	}
	return kept, nil
}

// geomEntrySize is what a cached geometry costs besides its points: the
// entry, its key's header and the cache's tables.
const geomEntrySize = 96

// obrebAt / jednostkaAt find the area containing pt.
func (m *model) obrebAt(pt orb.Point) *area { return m.areaAt(m.obreby, pt) }

func (m *model) jednostkaAt(pt orb.Point) *area { return m.areaAt(m.jedn, pt) }

func (m *model) areaAt(set map[string]*area, pt orb.Point) *area {
	m.mu.RLock()
	defer m.mu.RUnlock()
	var best *area
	for _, a := range set {
		if a.geom == nil || !a.bound.Contains(pt) || !containsOrTouches(a.geom, pt) {
			continue
		}
		if best == nil || a.id < best.id {
			best = a
		}
	}
	return best
}

func (m *model) obrebByID(id string) (*area, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	a, ok := m.obreby[id]
	return a, ok
}

func (m *model) jednostkaByID(id string) (*area, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	a, ok := m.jedn[id]
	return a, ok
}

// jednostkiWithPrefix lists the jednostki whose id starts with prefix (a county
// WWPP or voivodeship WW TERYT code), sorted by id.
func (m *model) jednostkiWithPrefix(prefix string) []*area {
	m.mu.RLock()
	defer m.mu.RUnlock()
	var out []*area
	for id, a := range m.jedn {
		if strings.HasPrefix(id, prefix) {
			out = append(out, a)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].id < out[j].id })
	return out
}

// obrebName and jednName resolve names from the in-memory areas.
func (m *model) obrebName(id string) string {
	if a, ok := m.obrebByID(id); ok {
		return a.name
	}
	return ""
}

func (m *model) jednName(id string) string {
	if a, ok := m.jednostkaByID(id); ok {
		return a.name
	}
	return ""
}

// containsOrTouches reports whether pt lies inside mp or on its boundary (even-odd
// rule over every ring, so holes and multiple parts work; within 1 mm of an edge
// counts as on it). Callers have checked the bounding box already.
func containsOrTouches(mp orb.MultiPolygon, pt orb.Point) bool {
	for _, poly := range mp {
		inside := false
		for ri, r := range poly {
			in := false
			for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
				a, b := r[j], r[i]
				if onSegment(a, b, pt) {
					return true
				}
				if (a[1] > pt[1]) != (b[1] > pt[1]) && pt[0] < (b[0]-a[0])*(pt[1]-a[1])/(b[1]-a[1])+a[0] {
					in = !in
				}
			}
			if ri == 0 {
				if !in {
					break
				}
				inside = true
			} else if in {
				inside = false // in a hole
				break
			}
		}
		if inside {
			return true
		}
	}
	return false
}

// onSegment: pt within 1 mm of segment a-b.
func onSegment(a, b, p orb.Point) bool {
	const eps = 1e-3
	if p[0] < min(a[0], b[0])-eps || p[0] > max(a[0], b[0])+eps || p[1] < min(a[1], b[1])-eps || p[1] > max(a[1], b[1])+eps {
		return false
	}
	dx, dy := b[0]-a[0], b[1]-a[1]
	l2 := dx*dx + dy*dy
	if l2 == 0 {
		return (p[0]-a[0])*(p[0]-a[0])+(p[1]-a[1])*(p[1]-a[1]) <= eps*eps
	}
	cross := (p[0]-a[0])*dy - (p[1]-a[1])*dx
	return cross*cross <= eps*eps*l2
}
