// Package features serves the vector features of the datasets over WFS 2.0.0 /
// 1.1.0 (/wfs, and /ows for SERVICE=WFS) and OGC API – Features Parts 1, 2 and 3
// (/ogc). Both are thin views over the same engine: a collection (dataset layer)
// with a typed schema of county/KIEG attribute names, filters parsed into
// package filter's typed expressions (FES in features/fes, CQL2 in
// features/cql2), keyset paging over the store, and streaming GeoJSON / GML 3.2
// writers.
package features

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/sip-core/sip/cadastre"
	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/features/filter"
	"github.com/sip-core/sip/ogcapi"
	"github.com/sip-core/sip/server"
	"github.com/sip-core/sip/store"
)

// Prop is one published attribute of a collection.
type Prop struct {
	Name   string      // as served: ID_DZIALKI, RODZAJ, ...
	Type   filter.Type // String, Number, Integer, DateTime
	Title  string
	source string // store column it derives from ("" = lifecycle, always public)
	kieg   int    // index in the cadastre record, -1 when read from a column
	// verbatim: the served text is the column's stored text, so equality can be
	// pushed down to the store as a bound Where parameter
	verbatim bool
}

// StartVersionProp is the date-time of the version start, on every collection,
// for temporal filters (FES After/Before/During, CQL2 T_*).
const StartVersionProp = "START_WERSJI"

// Collection is one dataset layer as the feature services see it.
type Collection struct {
	ID      string // collection id / WFS type local name
	Dataset *server.Dataset
	Layer   store.Layer
	Config  config.Layer
	Props   []Prop // those the request may see
	names   *cadastre.NamesCache
	misses  *boxMissCache // the catalog's (see bbox.go)
	cat     *catalog      // the server's catalog, holding its caches
	kind    int           // 0 columns, 1 parcel (KIEG), 2 building (KIEG)
}

// Title is the human-readable title.
func (c *Collection) Title() string {
	if c.Config.Title != "" {
		return c.Config.Title
	}
	return c.Layer.Title
}

// Lookup implements filter.Schema: names are matched exactly, then
// case-insensitively; the geometry is "geometry" (CQL2) or "geom"/"msGeometry".
func (c *Collection) Lookup(name string) (string, filter.Type, bool) {
	if i := strings.LastIndexByte(name, ':'); i >= 0 { // ms:ID_DZIALKI, sip:ID
		name = name[i+1:]
	}
	name = strings.TrimPrefix(name, "@")
	for _, p := range c.Props {
		if p.Name == name {
			return p.Name, p.Type, true
		}
	}
	for _, p := range c.Props {
		if strings.EqualFold(p.Name, name) {
			return p.Name, p.Type, true
		}
	}
	switch strings.ToLower(name) {
	case "geometry", "geom", "msgeometry", "geometria", "the_geom", "shape":
		return "geometry", filter.Geometry, true
	}
	return "", 0, false
}

var kiegParcel = []Prop{
	{Name: "ID_DZIALKI", Type: filter.String, Title: "Identyfikator działki", source: "id_dzialki", verbatim: true},
	{Name: "NUMER_DZIALKI", Type: filter.String, Title: "Numer działki", source: "numer_dzialki", verbatim: true},
	{Name: "NUMER_ARKUSZA", Type: filter.String, Title: "Numer arkusza mapy", source: "numer_arkusza", verbatim: true},
	{Name: "NUMER_OBREBU", Type: filter.String, Title: "Numer obrębu", source: "id_obrebu"},
	{Name: "NAZWA_OBREBU", Type: filter.String, Title: "Nazwa obrębu", source: "id_obrebu"},
	{Name: "NAZWA_GMINY", Type: filter.String, Title: "Nazwa gminy", source: "id_obrebu"},
	{Name: "POLE_EWIDENCYJNE", Type: filter.Number, Title: "Pole ewidencyjne [ha]", source: "pole_ewidencyjne"},
	{Name: "KW", Type: filter.String, Title: "Numery ksiąg wieczystych", source: "numer_kw", verbatim: true},
	{Name: "GRUPA_REJESTROWA", Type: filter.String, Title: "Grupa rejestrowa", source: "grupa_rejestrowa", verbatim: true},
	{Name: "DATA", Type: filter.String, Title: "Data początku wersji (RRRR-MM-DD)", source: ""},
}

var kiegBuilding = []Prop{
	{Name: "ID_BUDYNKU", Type: filter.String, Title: "Identyfikator budynku", source: "id_budynku", verbatim: true},
	{Name: "RODZAJ", Type: filter.String, Title: "Rodzaj budynku wg KŚT", source: "rodzaj_kst", verbatim: true},
	{Name: "KONDYGNACJE_NADZIEMNE", Type: filter.Integer, Title: "Liczba kondygnacji nadziemnych", source: "kondygnacje_nadziemne"},
	{Name: "KONDYGNACJE_PODZIEMNE", Type: filter.Integer, Title: "Liczba kondygnacji podziemnych", source: "kondygnacje_podziemne"},
	{Name: "POWIERZCHNIA_ZABUDOWY", Type: filter.Number, Title: "Powierzchnia zabudowy [m²]", source: "pow_zabudowy"},
	{Name: "DATA", Type: filter.String, Title: "Data początku wersji (RRRR-MM-DD)", source: ""},
}

func typeOf(t store.ColumnType) filter.Type {
	switch t {
	case store.Integer:
		return filter.Integer
	case store.Real:
		return filter.Number
	case store.Date, store.DateTime:
		return filter.DateTime
	}
	return filter.String
}

// catalog resolves and describes collections, per dataset name, and holds the
// state of one server's features service: its caches, shared by its WFS and
// OGC API and by no other server in the process (the service makes one per
// Mount). Every cache is bounded and keyed by the dataset's revision or kept
// exact by its change log.
type catalog struct {
	mu     sync.Mutex
	names  map[string]*cadastre.NamesCache // by dataset name
	misses boxMissCache

	enc     *encCache  // encoded features (cache.features)
	counts  keyCache   // numberMatched of filtered queries, by query signature
	cursors keyCache   // STARTINDEX cursors: signature@index -> preceding row key
	bounds  boundCache // boxes converted to storage
}

// newCatalog makes a server's catalog with a feature cache of budget bytes.
func newCatalog(budget int64) *catalog {
	return &catalog{enc: newEncCache(budget), counts: keyCache{max: 1000}, cursors: keyCache{max: 10000}}
}

func (cat *catalog) namesFor(ds string) *cadastre.NamesCache {
	cat.mu.Lock()
	defer cat.mu.Unlock()
	if cat.names == nil {
		cat.names = map[string]*cadastre.NamesCache{}
	}
	n := cat.names[ds]
	if n == nil {
		n = &cadastre.NamesCache{}
		cat.names[ds] = n
	}
	return n
}

// Collections lists the collections a request may read, in dataset and layer order.
func (cat *catalog) list(r *http.Request, s *server.State) []*Collection {
	var out []*Collection
	for _, d := range s.Datasets() {
		for _, l := range d.Layers() {
			if c := cat.make(r, s, d, l.Name); c != nil {
				out = append(out, c)
			}
		}
	}
	return out
}

// resolve finds a collection by id; err is 401/403 when it exists but may not be read.
func (cat *catalog) resolve(r *http.Request, s *server.State, id string) (*Collection, *server.Error) {
	d, layer, ok := ogcapi.ResolveCollectionID(s, id)
	if !ok {
		return nil, nil
	}
	_, lc, _ := d.Layer(layer)
	if e := d.CanRead(r, lc); e != nil {
		return nil, e
	}
	return cat.make(r, s, d, layer), nil
}

func (cat *catalog) make(r *http.Request, s *server.State, d *server.Dataset, layer string) *Collection {
	l, lc, ok := d.Layer(layer)
	if !ok || d.CanRead(r, lc) != nil {
		return nil
	}
	c := &Collection{ID: ogcapi.CollectionID(s, d, layer), Dataset: d, Layer: l, Config: lc, cat: cat, misses: &cat.misses}
	cols := d.PublicColumns(r, l, lc)
	public := map[string]bool{}
	for _, col := range cols {
		public[col.Name] = true
	}
	var base []Prop
	switch layer {
	case "dzialki":
		c.kind, base = 1, kiegParcel
	case "budynki":
		c.kind, base = 2, kiegBuilding
	}
	if c.kind != 0 {
		c.names = cat.namesFor(d.Name)
		for i, p := range base {
			if p.source == "" || public[p.source] {
				p.kieg = i
				c.Props = append(c.Props, p)
			}
		}
	} else {
		for _, col := range cols {
			c.Props = append(c.Props, Prop{Name: strings.ToUpper(col.Name), Type: typeOf(col.Type), Title: col.Title, source: col.Name, kieg: -1,
				verbatim: col.Type == store.Text})
		}
	}
	c.Props = append(c.Props, Prop{Name: StartVersionProp, Type: filter.DateTime, Title: "Początek wersji obiektu (startWersjaObiekt)", kieg: -1})
	return c
}

// feature is one object as served: its values in Props order (nil = absent).
type feature struct {
	key    int64
	obj    *store.Object
	values []any
	c      *Collection
}

func (f *feature) Value(name string) any {
	for i, p := range f.c.Props {
		if p.Name == name {
			return f.values[i]
		}
	}
	return nil
}

// FeatureID is the public id: the EGiB identifier (ID_DZIALKI, ...) when the layer
// has one, else the object's lokalnyId.
func (c *Collection) featureID(o *store.Object) string {
	if len(c.Layer.Columns) > 0 {
		if v, ok := o.Attrs[c.Layer.Columns[0].Name].(string); ok && v != "" && strings.HasPrefix(c.Layer.Columns[0].Name, "id_") {
			return v
		}
	}
	return o.ID
}

// idColumn is the column holding the public id ("" when ids are lokalnyId).
func (c *Collection) idColumn() string {
	if len(c.Layer.Columns) > 0 && strings.HasPrefix(c.Layer.Columns[0].Name, "id_") {
		return c.Layer.Columns[0].Name
	}
	return ""
}

// decode builds the served values of o.
func (c *Collection) decode(ctx context.Context, o *store.Object, names *cadastre.Names) []any {
	vals := make([]any, len(c.Props))
	var rec []cadastre.Field
	switch c.kind {
	case 1:
		rec = names.KIEGParcel(o)
	case 2:
		rec = names.KIEGBuilding(o)
	}
	for i, p := range c.Props {
		if p.Name == StartVersionProp {
			if !o.StartVersion.IsZero() {
				vals[i] = o.StartVersion.UTC()
			}
			continue
		}
		if p.kieg >= 0 && p.kieg < len(rec) {
			s := rec[p.kieg].Value
			if s == "" {
				continue
			}
			switch p.Type {
			case filter.Number:
				if f, err := strconv.ParseFloat(s, 64); err == nil {
					vals[i] = f
					continue
				}
			case filter.Integer:
				if n, err := strconv.ParseInt(s, 10, 64); err == nil {
					vals[i] = n
					continue
				}
			}
			vals[i] = s
			continue
		}
		v, ok := o.Attrs[p.source]
		if !ok {
			continue
		}
		if t, ok := v.(time.Time); ok {
			v = t.UTC()
		}
		vals[i] = v
	}
	return vals
}

// loadNames returns the obręb and gmina names parcels carry, no older than
// revision rev of the store.
func (c *Collection) loadNames(ctx context.Context, rev int64) (*cadastre.Names, error) {
	if c.kind == 0 {
		return nil, nil
	}
	return c.names.Get(ctx, c.Dataset.Store, rev)
}
