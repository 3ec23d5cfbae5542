// Package affected selects what an alert's area covers: the parcels,
// buildings and property addresses of the cadastre (layers dzialki and
// budynki of a store) whose geometry intersects the area, counted per
// jednostka ewidencyjna. An object touching the area's edge counts, as
// PostGIS ST_Intersects would count it.
//
// A grid over the area's box (grid.go) decides most objects from their
// bounding box alone; only those near the edge take the exact GEOS test.
package affected

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/wkb"
	"github.com/twpayne/go-geos"

	"github.com/sip-core/sip/index"
	"github.com/sip-core/sip/store"
)

// Unit is what an area covers in one jednostka ewidencyjna.
type Unit struct {
	ID        string `json:"id_jednostki"` // 100301_4
	TERYT     string `json:"teryt"`        // 1003014 (TERC of the gmina)
	Name      string `json:"nazwa,omitempty"`
	Parcels   int    `json:"dzialki"`
	Buildings int    `json:"budynki"`
	Addresses int    `json:"adresy"`
	// Source says where the addresses come from: SourceRegister (the
	// gmina's address points) or SourceCadastre.
	Source string `json:"zrodlo_adresow,omitempty"`
}

// Result is the selection: counts per unit and the selected ids.
type Result struct {
	Units []Unit `json:"jednostki"`
	Total Unit   `json:"razem"`
	// ParcelIDs and BuildingIDs are the selected objects' id_dzialki and
	// id_budynku, sorted (for comparison with another engine).
	ParcelIDs, BuildingIDs []string `json:"-"`
	// Points are the affected address points of the units whose addresses
	// come from the register, by id.
	Points []Point `json:"-"`
}

// Area is an area prepared for selection (EPSG:2180). It is not safe for
// concurrent use.
type Area struct {
	mp   orb.MultiPolygon
	g    *grid
	ctx  *geos.Context
	prep *geos.PrepGeom
}

// Prepare prepares an area.
func Prepare(mp orb.MultiPolygon) (*Area, error) {
	if len(mp) == 0 {
		return nil, fmt.Errorf("affected: empty area")
	}
	ctx := geos.NewContext()
	b, err := wkb.Marshal(mp)
	if err != nil {
		return nil, err
	}
	g, err := ctx.NewGeomFromWKB(b)
	if err != nil {
		return nil, fmt.Errorf("affected: area: %w", err)
	}
	return &Area{mp: mp, g: newGrid(mp), ctx: ctx, prep: g.Prepare()}, nil
}

// Intersects reports whether a geometry (EPSG:2180) intersects the area.
func (a *Area) Intersects(geom orb.Geometry) bool {
	if geom == nil {
		return false
	}
	if p, ok := geom.(orb.Point); ok {
		switch a.g.point(p) {
		case yes:
			return true
		case no:
			return false
		}
		// not prep.IntersectsXY: go-geos answers false for every point
		// when built on a GEOS older than 3.12 (Debian 12 has 3.11)
		return a.prep.Intersects(a.ctx.NewPointFromXY(p[0], p[1]))
	}
	switch a.g.box(index.BoxOf(geom.Bound())) {
	case yes:
		return true
	case no:
		return false
	}
	b, err := wkb.Marshal(geom)
	if err != nil {
		return false
	}
	g, err := a.ctx.NewGeomFromWKB(b)
	if err != nil {
		return false
	}
	return a.prep.Intersects(g)
}

// Bound is the area's box.
func (a *Area) Bound() orb.Bound { return a.mp.Bound() }

// Model is what selection needs of a dataset's parcels and buildings, in
// memory: each object's box, id, lokalnyId and addresses, and an R-tree of
// the boxes. Geometries stay in the store: only objects whose box meets the
// area's edge are read back for the exact test. Build it once per revision
// of the dataset (about 150 bytes an object).
type Model struct {
	layers []modelLayer
	reg    *register // the address points, when a register is added
}

type modelLayer struct {
	name  string
	tree  *index.Tree
	boxes []index.Box
	lids  []string // lokalnyId, to read the geometry back
	ids   []string // id_dzialki, id_budynku
	addrs []string
}

// selected layers: buildings first, their addresses are the finer ones.
var selected = []struct{ layer, idCol string }{{"budynki", "id_budynku"}, {"dzialki", "id_dzialki"}}

// Build reads the model of a dataset.
func Build(ctx context.Context, r store.Reader) (*Model, error) {
	m := &Model{}
	for _, l := range selected {
		if _, ok := store.LayerByName(r.Layers(), l.layer); !ok {
			continue
		}
		ml := modelLayer{name: l.layer}
		err := r.Query(ctx, store.Query{Layer: l.layer}, func(row store.Row) error {
			if row.Geometry == nil {
				return nil
			}
			id, _ := row.Attrs[l.idCol].(string)
			if id == "" {
				id = row.ID
			}
			a, _ := row.Attrs["adresy"].(string)
			ml.boxes = append(ml.boxes, index.BoxOf(row.Geometry.Bound()))
			ml.lids, ml.ids, ml.addrs = append(ml.lids, row.ID), append(ml.ids, id), append(ml.addrs, a)
			return nil
		})
		if err != nil {
			return nil, err
		}
		ml.tree = index.BuildTree(ml.boxes)
		m.layers = append(m.layers, ml)
	}
	return m, nil
}

// Select counts the parcels, buildings and addresses of the model the area
// covers, reading from r the geometries of objects near the area's edge.
// names maps id_jednostki to the unit's name (may be nil).
func (m *Model) Select(ctx context.Context, r store.Reader, a *Area, names map[string]string) (*Result, error) {
	units := map[string]*Unit{}
	seen := map[string]bool{} // normalised address per unit
	res := &Result{}
	unit := func(id string) *Unit { return unitOf(units, id, names) }
	for li := range m.layers {
		l := &m.layers[li]
		var hits, near []int32
		l.tree.Search(index.BoxOf(a.Bound()), func(i int32) bool {
			switch a.g.box(l.boxes[i]) {
			case yes:
				hits = append(hits, i)
			case check:
				near = append(near, i)
			}
			return true
		})
		exact, err := l.exact(ctx, r, a, near)
		if err != nil {
			return nil, err
		}
		for _, i := range append(hits, exact...) {
			u := unit(l.ids[i])
			if l.name == "budynki" {
				u.Buildings++
				res.BuildingIDs = append(res.BuildingIDs, l.ids[i])
			} else {
				u.Parcels++
				res.ParcelIDs = append(res.ParcelIDs, l.ids[i])
			}
			if !m.Covered(u.ID) {
				countAddresses(u, l.addrs[i], seen)
			}
		}
	}
	m.selectPoints(a, unit, res)
	for _, u := range units {
		u.Source = SourceCadastre
		if m.Covered(u.ID) {
			u.Source = SourceRegister
		}
		res.Units = append(res.Units, *u)
		res.Total.Parcels += u.Parcels
		res.Total.Buildings += u.Buildings
		res.Total.Addresses += u.Addresses
	}
	sort.Slice(res.Units, func(i, j int) bool { return res.Units[i].ID < res.Units[j].ID })
	sort.Strings(res.ParcelIDs)
	sort.Strings(res.BuildingIDs)
	sort.Slice(res.Points, func(i, j int) bool { return res.Points[i].ID < res.Points[j].ID })
	return res, nil
}

// exact reads the geometries of the items to check, in batches, and keeps
// those that intersect the area.
func (l *modelLayer) exact(ctx context.Context, r store.Reader, a *Area, items []int32) ([]int32, error) {
	const batch = 500
	var out []int32
	pos := make(map[string]int32, min(len(items), batch))
	for start := 0; start < len(items); start += batch {
		part := items[start:min(start+batch, len(items))]
		clear(pos)
		lids := make([]string, len(part))
		for k, i := range part {
			lids[k], pos[l.lids[i]] = l.lids[i], i
		}
		err := r.Query(ctx, store.Query{Layer: l.name, IDs: lids}, func(row store.Row) error {
			if i, ok := pos[row.ID]; ok && a.Intersects(row.Geometry) {
				out = append(out, i)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// unitOf is the unit of an object id: the jednostka ewidencyjna it begins
// with (100301_4 of 100301_4.0001.12).
func unitOf(units map[string]*Unit, id string, names map[string]string) *Unit {
	j := id
	if i := strings.IndexByte(j, '.'); i > 0 {
		j = j[:i]
	}
	u := units[j]
	if u == nil {
		u = &Unit{ID: j, TERYT: strings.ReplaceAll(j, "_", ""), Name: names[j]}
		units[j] = u
	}
	return u
}

// countAddresses counts the addresses ("; "-separated) a unit has not seen.
func countAddresses(u *Unit, s string, seen map[string]bool) {
	if s == "" {
		return
	}
	for _, one := range strings.Split(s, "; ") {
		k := u.ID + "|" + normAddress(one)
		if one != "" && !seen[k] {
			seen[k] = true
			u.Addresses++
		}
	}
}

// Lookup finds an object of the model: the building (else the parcel) with
// an address (case and spacing ignored), or, with parcel set, the parcel
// with that id_dzialki. It returns the layer, the object's lokalnyId and the
// address as stored.
func (m *Model) Lookup(address, parcel string) (layer, lokalnyID, label string, ok bool) {
	want := normAddress(address)
	for li := range m.layers {
		l := &m.layers[li]
		for i := range l.ids {
			if parcel != "" {
				if l.name == "dzialki" && l.ids[i] == parcel {
					return l.name, l.lids[i], parcel, true
				}
				continue
			}
			if l.addrs[i] == "" || !strings.Contains(normAddress(l.addrs[i]), want) {
				continue
			}
			for _, one := range strings.Split(l.addrs[i], "; ") {
				if normAddress(one) == want {
					return l.name, l.lids[i], one, true
				}
			}
		}
	}
	return "", "", "", false
}

func normAddress(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
