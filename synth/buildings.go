package synth

import "math"

// placeBuildings puts buildings inside single pieces of parcels (a piece is
// convex, so a footprint whose corners are inside it with a margin is inside
// the parcel); at most one building per piece, so buildings never overlap.
func (o *obreb) placeBuildings(r *rng) {
	share := o.def.town
	for k := range o.pieces {
		p := &o.pieces[k]
		b := &o.blocks[p.block]
		var kind string
		var w, d float64
		storeys, basement := 1, 0
		deleted := false
		switch {
		case (b.zone == zVillage || b.zone == zTown) && p.off == 0:
			pr := 0.75
			if share {
				pr = 0.85
			}
			if !r.chance(pr) {
				continue
			}
			kind, w, d = "m", r.uniform(8, 12), r.uniform(9, 15)
			storeys = r.between(1, 2)
			if r.chance(0.4) {
				basement = 1
			}
			if share && r.chance(0.25) {
				kind = lotKinds[r.pick(lotWeights)]
				storeys = r.between(1, 4)
			}
		case (b.zone == zVillage || b.zone == zTown) && p.off == 1:
			switch {
			case r.chance(0.45):
				kind, w, d = "g", r.uniform(6, 10), r.uniform(8, 20)
				if share {
					kind = "i"
				}
			case r.chance(0.06):
				kind, w, d = "g", r.uniform(5, 8), r.uniform(6, 12)
				deleted = true
			default:
				continue
			}
		case b.zone == zLot && p.front:
			if !r.chance(0.8) {
				continue
			}
			kind, w, d = lotKinds[r.pick(lotWeights)], r.uniform(14, 30), r.uniform(18, 40)
			storeys = r.between(1, 4)
		case b.zone == zEnclave && p.front:
			kind, w, d = "m", r.uniform(9, 13), r.uniform(10, 16)
			storeys = r.between(1, 2)
		case b.zone == zField && p.front && r.chance(0.01):
			kind, w, d = "g", r.uniform(6, 10), r.uniform(8, 16)
		default:
			continue
		}
		lshape := kind != "g" && r.chance(0.3)
		ring, old := fitBuilding(r, p, w, d, lshape)
		if ring == nil {
			continue
		}
		bd := building{ring: ring, parcel: p.parcel, kind: kind, storeys: storeys, basement: basement, deleted: deleted}
		if !deleted && r.chance(o.archShare) {
			bd.old = old
		}
		o.buildings = append(o.buildings, bd)
	}
}

// fitBuilding returns a rotated rectangle (or L) of about w×d metres inside
// the piece with a 1 m margin, and a smaller footprint inside it standing
// for the building before its last extension; nil if it does not fit.
func fitBuilding(r *rng, p *piece, w, d float64, lshape bool) (ring, old []pt) {
	q := make([]vec, 4)
	for k, c := range p.corners {
		q[k] = c.v()
	}
	var ctr vec
	for _, v := range q {
		ctr = ctr.add(v)
	}
	ctr = ctr.mul(0.25)
	along := q[3].add(q[2]).sub(q[0].add(q[1])).mul(0.5)
	across := q[1].add(q[2]).sub(q[0].add(q[3])).mul(0.5)
	if across.len() > along.len() {
		along, across = across, along
	}
	ang := r.uniform(-0.05, 0.05)
	a := along.unit()
	a = vec{a.x*math.Cos(ang) - a.y*math.Sin(ang), a.x*math.Sin(ang) + a.y*math.Cos(ang)}
	u := vec{a.y, -a.x}
	w = math.Min(w, across.len()-3)
	d = math.Min(d, along.len()-3)
	for try := 0; try < 4; try++ {
		if w < 5 || d < 5 {
			return nil, nil
		}
		loc := func(x, y float64) vec { return ctr.add(u.mul(x)).add(a.mul(y)) }
		box := []vec{loc(-w/2, -d/2), loc(w/2, -d/2), loc(w/2, d/2), loc(-w/2, d/2)}
		ok := true
		for _, c := range box {
			if !insideConvex(q, c, 1.0) {
				ok = false
				break
			}
		}
		if !ok {
			w *= 0.8
			d *= 0.8
			continue
		}
		toPts := func(vs []vec) []pt {
			out := make([]pt, len(vs))
			for k, v := range vs {
				out[k] = v.pt()
			}
			if area2(out) < 0 {
				for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
					out[i], out[j] = out[j], out[i]
				}
			}
			return out
		}
		if lshape {
			cw, cd := w*r.uniform(0.3, 0.5), d*r.uniform(0.3, 0.5)
			ring = toPts([]vec{loc(-w/2, -d/2), loc(w/2, -d/2), loc(w/2, d/2-cd), loc(w/2-cw, d/2-cd), loc(w/2-cw, d/2), loc(-w/2, d/2)})
			old = toPts([]vec{loc(-w/2, -d/2), loc(w/2, -d/2), loc(w/2, d/2-cd), loc(-w/2, d/2-cd)})
		} else {
			ring = toPts(box)
			old = toPts([]vec{loc(-w/2, -d/2), loc(w/2, -d/2), loc(w/2, -d/2+0.7*d), loc(-w/2, -d/2+0.7*d)})
		}
		return ring, old
	}
	return nil, nil
}
