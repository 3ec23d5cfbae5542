package affected

import (
	"context"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/index"
	"github.com/sip-core/sip/store"
)

// Sources of a unit's addresses.
const (
	SourceCadastre = "egib"            // the addresses of its buildings, then parcels
	SourceRegister = "punkty_adresowe" // the gmina's address-point register
)

// RegisterLayer is the layer of address points (package ingest/prg).
const RegisterLayer = "punkty_adresowe"

// plannedStatus marks an address given ahead of its building: nobody lives
// there yet, so it is neither affected nor subscribable.
const plannedStatus = "prognozowany"

// Point is an affected address point, for the map.
type Point struct {
	ID      string
	Address string
	Unit    string // id_jednostki
	XY      orb.Point
}

// register is the address points of a model: each point's position, id,
// unit and address, an R-tree of the positions, and the units whose
// gmina's register it holds.
type register struct {
	xy      []orb.Point
	ids     []string
	units   []string
	addrs   []string
	tree    *index.Tree
	covered map[string]bool // id_jednostki
}

// AddRegister adds the address points of reg (layer punkty_adresowe) to the
// model: a jednostka of areas is covered when the register holds its
// gmina — its TERC (100302_2 ↔ 1003022) or, for the town or the rural part
// of a gmina miejsko-wiejska (rodzaj 4, 5), the whole gmina's (rodzaj 3).
// A point goes to the jednostka its TERC names, or, with a whole
// miejsko-wiejska gmina's TERC, to the part whose boundary holds it.
// Planned addresses (status prognozowany) are left out; the gmina is
// covered all the same.
func (m *Model) AddRegister(ctx context.Context, reg, areas store.Reader) error {
	if _, ok := store.LayerByName(reg.Layers(), RegisterLayer); !ok {
		return nil
	}
	parts, err := unitAreas(ctx, areas)
	if err != nil {
		return err
	}
	r := &register{covered: map[string]bool{}}
	var boxes []index.Box
	err = reg.Query(ctx, store.Query{Layer: RegisterLayer}, func(row store.Row) error {
		p, ok := row.Geometry.(orb.Point)
		terc, _ := row.Attrs["teryt_gminy"].(string)
		if !ok || len(terc) != 7 {
			return nil
		}
		units := unitsOfTERC(terc, parts)
		for _, u := range units {
			r.covered[u] = true
		}
		if st, _ := row.Attrs["status"].(string); st == plannedStatus || len(units) == 0 {
			return nil
		}
		unit := units[0]
		for _, u := range units[1:] { // the part of a miejsko-wiejska gmina holding the point
			if a := parts[u]; a != nil && a.Intersects(p) {
				unit = u
			}
		}
		addr, _ := row.Attrs["adres"].(string)
		r.xy, r.ids, r.units, r.addrs = append(r.xy, p), append(r.ids, row.ID), append(r.units, unit), append(r.addrs, addr)
		boxes = append(boxes, index.Box{MinX: p[0], MinY: p[1], MaxX: p[0], MaxY: p[1]})
		return nil
	})
	if err != nil {
		return err
	}
	r.tree = index.BuildTree(boxes)
	m.reg = r
	return nil
}

// unitAreas reads the jednostki of a dataset, prepared for the point test.
func unitAreas(ctx context.Context, r store.Reader) (map[string]*Area, error) {
	out := map[string]*Area{}
	if _, ok := store.LayerByName(r.Layers(), "jednostki"); !ok {
		return out, nil
	}
	err := r.Query(ctx, store.Query{Layer: "jednostki"}, func(row store.Row) error {
		id, _ := row.Attrs["id_jednostki"].(string)
		var mp orb.MultiPolygon
		switch g := row.Geometry.(type) {
		case orb.Polygon:
			mp = orb.MultiPolygon{g}
		case orb.MultiPolygon:
			mp = g
		}
		if id == "" || len(mp) == 0 {
			out[id] = nil
			return nil
		}
		a, err := Prepare(mp)
		if err != nil {
			return err
		}
		out[id] = a
		return nil
	})
	return out, err
}

// unitsOfTERC lists the jednostki a gmina's TERC names: itself, or the
// town and rural parts of a gmina miejsko-wiejska (rodzaj 3).
func unitsOfTERC(terc string, units map[string]*Area) []string {
	id := terc[:6] + "_" + terc[6:]
	if terc[6] != '3' {
		return []string{id}
	}
	var out []string
	for _, k := range []string{"4", "5"} {
		if _, ok := units[terc[:6]+"_"+k]; ok {
			out = append(out, terc[:6]+"_"+k)
		}
	}
	if len(out) == 0 {
		out = []string{id}
	}
	return out
}

// Covered reports whether a jednostka's addresses come from the register.
func (m *Model) Covered(unit string) bool { return m.reg != nil && m.reg.covered[unit] }

// selectPoints adds the register's points inside the area to their units.
func (m *Model) selectPoints(a *Area, unit func(id string) *Unit, res *Result) {
	r := m.reg
	if r == nil {
		return
	}
	r.tree.Search(index.BoxOf(a.Bound()), func(i int32) bool {
		if a.Intersects(r.xy[i]) {
			u := unit(r.units[i])
			u.Addresses++
			res.Points = append(res.Points, Point{ID: r.ids[i], Address: r.addrs[i], Unit: r.units[i], XY: r.xy[i]})
		}
		return true
	})
}

// LookupPoint finds the register's point of an address (case and spacing
// ignored): its id, the address as stored and its position.
func (m *Model) LookupPoint(address string) (id, label string, xy orb.Point, ok bool) {
	if m.reg == nil {
		return "", "", orb.Point{}, false
	}
	want := normAddress(address)
	for i, a := range m.reg.addrs {
		if normAddress(a) == want {
			return m.reg.ids[i], a, m.reg.xy[i], true
		}
	}
	return "", "", orb.Point{}, false
}
