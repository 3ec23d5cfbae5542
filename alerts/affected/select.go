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
}

// Result is the selection: counts per unit and the selected ids.
type Result struct {
	Units []Unit `json:"jednostki"`
	Total Unit   `json:"razem"`
	// ParcelIDs and BuildingIDs are the selected objects' id_dzialki and
	// id_budynku, sorted (for comparison with another engine).
	ParcelIDs, BuildingIDs []string `json:"-"`
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
		return a.prep.IntersectsXY(p[0], p[1])
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

// Select counts the parcels, buildings and addresses of r the area covers.
// names maps id_jednostki to the unit's name (may be nil).
func Select(ctx context.Context, r store.Reader, a *Area, names map[string]string) (*Result, error) {
	units := map[string]*Unit{}
	seen := map[string]bool{} // normalised address per unit
	unit := func(id string) *Unit {
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
	res := &Result{}
	addAddrs := func(u *Unit, v any) {
		s, _ := v.(string)
		for _, one := range strings.Split(s, "; ") {
			k := strings.ToLower(strings.Join(strings.Fields(one), " "))
			if k != "" && !seen[u.ID+"|"+k] {
				seen[u.ID+"|"+k] = true
				u.Addresses++
			}
		}
	}
	b := a.Bound()
	// buildings first: their addresses are the finer ones
	for _, l := range []struct{ layer, idCol string }{{"budynki", "id_budynku"}, {"dzialki", "id_dzialki"}} {
		if _, ok := store.LayerByName(r.Layers(), l.layer); !ok {
			continue
		}
		err := r.Query(ctx, store.Query{Layer: l.layer, Bound: &b}, func(row store.Row) error {
			if !a.Intersects(row.Geometry) {
				return nil
			}
			id, _ := row.Attrs[l.idCol].(string)
			if id == "" {
				id = row.ID
			}
			u := unit(id)
			if l.layer == "budynki" {
				u.Buildings++
				res.BuildingIDs = append(res.BuildingIDs, id)
			} else {
				u.Parcels++
				res.ParcelIDs = append(res.ParcelIDs, id)
			}
			addAddrs(u, row.Attrs["adresy"])
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	for _, u := range units {
		res.Units = append(res.Units, *u)
		res.Total.Parcels += u.Parcels
		res.Total.Buildings += u.Buildings
		res.Total.Addresses += u.Addresses
	}
	sort.Slice(res.Units, func(i, j int) bool { return res.Units[i].ID < res.Units[j].ID })
	sort.Strings(res.ParcelIDs)
	sort.Strings(res.BuildingIDs)
	return res, nil
}
