package synth

import (
	"math"
	"strconv"
)

// obrebRing walks the obręb rectangle counter-clockwise through every
// lattice vertex on it.
func (c *county) obrebRing(d *obrDef) []pt {
	var r []pt
	i1, j1 := d.i0+d.w, d.j0+d.h
	for i := d.i0; i < i1; i++ {
		r = append(r, c.lat.at(i, d.j0))
	}
	for j := d.j0; j < j1; j++ {
		r = append(r, c.lat.at(i1, j))
	}
	for i := i1; i > d.i0; i-- {
		r = append(r, c.lat.at(i, j1))
	}
	for j := j1; j > d.j0; j-- {
		r = append(r, c.lat.at(d.i0, j))
	}
	return r
}

// foreign lists boundary vertices that an earlier obręb owns (and writes).
func (c *county) foreign(d *obrDef) map[pt]bool {
	skip := map[pt]bool{}
	if len(c.neigh[d.index]) == 0 {
		return skip
	}
	check := func(i, j int32) {
		for _, b := range c.neigh[d.index] {
			e := c.obr[b]
			if i >= e.i0 && i <= e.i0+e.w && j >= e.j0 && j <= e.j0+e.h {
				skip[c.lat.at(i, j)] = true
				return
			}
		}
	}
	i1, j1 := d.i0+d.w, d.j0+d.h
	for i := d.i0; i <= i1; i++ {
		check(i, d.j0)
		check(i, j1)
	}
	for j := d.j0 + 1; j < j1; j++ {
		check(d.i0, j)
		check(i1, j)
	}
	return skip
}

func (c *county) writeObreb(o *out, d *obrDef, ja *jednAddr, st *Stats) {
	ob := &obreb{def: d, lat: c.lat, archShare: c.share}
	ob.blocks, _ = layoutObreb(c.seed, d)
	r := newRNG(c.seed, 0xde7a, uint64(d.index))
	ob.build(r)
	parents := ob.number(r)
	ob.placeBuildings(r)
	jp := &c.jedn[d.jedn]

	o.s("  <!-- obręb " + d.id + " " + d.name + " -->\n")
	ring := c.obrebRing(d)
	l := life{uuid: d.lokalnyId, start: d.start, startVer: d.start}
	fid := o.open("EGB_ObrebEwidencyjny", &l)
	o.multiSurfaceProp([][][]pt{{ring}}, fid)
	o.el("idObrebu", d.id)
	o.el("nazwaWlasna", d.name)
	for _, p := range ring {
		o.href("punktGranicyObrebu", pointUUID(c.seed, p))
	}
	o.href("lokalizacjaObrebu", jp.lokalnyId)
	o.close("EGB_ObrebEwidencyjny")
	st.Obreby++

	// property addresses of the built-up parcels, before the parcels and
	// buildings that refer to them
	addrs, perParcel := c.placeAddresses(ob, ja, jp.def.town)
	for k := range addrs {
		c.writeAddress(o, &addrs[k], st)
	}
	addrRefs := func(k int) []string {
		var out []string
		for _, a := range perParcel[k] {
			out = append(out, addrs[a].uuid)
		}
		return out
	}

	// parcels
	uuids := make([]string, len(ob.parcels))
	starts := make([]stamp, len(ob.parcels))
	kw := 0
	jrg := ""
	for k := range ob.parcels {
		p := &ob.parcels[k]
		uuids[k] = r.uuid()
		b := &ob.blocks[p.block]
		first := k == 0 || ob.parcels[k-1].block != p.block
		if first {
			// parcels of a block usually share an owner: one KW, one JRG
			kw = 0
			if r.chance(0.86) {
				kw = r.between(1200, 99999)
			}
			jrg = r.uuid()
		}
		divided := len(p.number) > 0 && containsByte(p.number, '/')
		if divided && p.strip > 0 && ob.parcels[k-1].block == p.block {
			starts[k] = starts[k-1]
		} else if divided {
			starts[k] = r.stampIn(stamp03+5*year, stampHi-200*86400)
		} else {
			starts[k] = r.stampIn(stamp03, stamp03+9*year)
		}
		cur := life{uuid: uuids[k], start: starts[k], startVer: starts[k]}
		archived := r.chance(c.share)
		if archived {
			cur.startVer = r.stampIn(cur.start+86400, stampHi)
		}
		c.writeParcel(o, ob, p, &cur, kw, jrg, addrRefs(k), b, r, false)
		st.Parcels++
		if archived {
			old := life{uuid: uuids[k], start: cur.start, startVer: cur.start, endVer: cur.startVer}
			c.writeParcel(o, ob, p, &old, 0, jrg, addrRefs(k), b, r, true)
			st.ArchivedVersions++
		}
	}
	// parents of divided blocks: deleted objects, ended when the children began
	for _, bi := range parents {
		var segs []seg
		var uses []useArea
		var child int
		for k := range ob.parcels {
			if ob.parcels[k].block == bi {
				child = k
				for _, ring := range ob.parcels[k].rings {
					segs = appendRingSegs(segs, ring)
				}
				for _, u := range ob.parcels[k].uses {
					pu := parcel{uses: uses}
					pu.addUse(u.use, u.a2)
					uses = pu.uses
				}
			}
		}
		num := ob.parcels[child].number
		for x := 0; x < len(num); x++ {
			if num[x] == '/' {
				num = num[:x]
				break
			}
		}
		pp := parcel{rings: assemble(segs), block: bi, number: num, uses: uses}
		pp.a2 = polyArea2(pp.rings)
		end := starts[child]
		l := life{uuid: r.uuid(), start: r.stampIn(stamp03, end-30*86400), end: end, endVer: end}
		l.startVer = l.start
		c.writeParcel(o, ob, &pp, &l, r.between(1200, 99999), r.uuid(), nil, &ob.blocks[bi], r, false)
		st.DeletedObjects++
	}

	// buildings; the first house (or other building that is not a farm
	// building) of a parcel with an address carries it
	bcount := map[int]int{}
	addressed := map[int]bool{}
	for k := range ob.buildings {
		bd := &ob.buildings[k]
		bcount[bd.parcel]++
		var badr []string
		if !bd.deleted && bd.kind != "g" && !addressed[bd.parcel] {
			addressed[bd.parcel] = true
			badr = addrRefs(bd.parcel)
		}
		id := d.id + "." + ob.parcels[bd.parcel].number + "." + strconv.Itoa(bcount[bd.parcel]) + "_BUD"
		uuid := r.uuid()
		start := r.stampIn(stamp03+year, stampHi-400*86400)
		cur := life{uuid: uuid, start: start, startVer: start}
		if bd.deleted {
			cur.end = r.stampIn(start+300*86400, stampHi)
			cur.endVer = cur.end
			c.writeBuilding(o, bd, bd.ring, &cur, id, uuids[bd.parcel], nil, bd.storeys)
			st.DeletedObjects++
			continue
		}
		archived := bd.old != nil
		if archived {
			cur.startVer = r.stampIn(start+86400, stampHi)
		}
		c.writeBuilding(o, bd, bd.ring, &cur, id, uuids[bd.parcel], badr, bd.storeys)
		st.Buildings++
		if archived {
			old := life{uuid: uuid, start: start, startVer: start, endVer: cur.startVer}
			c.writeBuilding(o, bd, bd.old, &old, id, uuids[bd.parcel], badr, max(1, bd.storeys-1))
			st.ArchivedVersions++
		}
	}

	// contours
	nu, nk := 0, 0
	for k := range ob.contours {
		ct := &ob.contours[k]
		start := r.stampIn(d.start, d.start+6*year)
		l := life{uuid: r.uuid(), start: start, startVer: start}
		if ct.class {
			nk++
			fid := o.open("EGB_KonturKlasyfikacyjny", &l)
			o.surfaceProp(ct.rings, fid)
			o.el("idKonturu", d.id+"."+strconv.Itoa(nk))
			o.el("OZU", ct.use.ozu)
			if ct.use.ozk != "" {
				o.el("OZK", ct.use.ozk)
			}
			o.href("lokalizacjaKonturu", d.lokalnyId)
			o.close("EGB_KonturKlasyfikacyjny")
			st.Kontury++
		} else {
			nu++
			fid := o.open("EGB_KonturUzytkuGruntowego", &l)
			o.surfaceProp(ct.rings, fid)
			o.el("idUzytku", d.id+"."+strconv.Itoa(nu))
			o.el("OFU", ct.use.ofu)
			o.href("lokalizacjaUzytku", d.lokalnyId)
			o.close("EGB_KonturUzytkuGruntowego")
			st.Uzytki++
		}
	}

	// boundary points: every distinct parcel vertex once; vertices on the
	// obręb edge belong to the first obręb that touches them.
	skip := c.foreign(d)
	seen := map[pt]bool{}
	np := 0
	for k := range ob.parcels {
		for _, ring := range ob.parcels[k].rings {
			for _, p := range ring {
				if seen[p] || skip[p] {
					continue
				}
				seen[p] = true
				np++
				c.writePoint(o, d, p, np)
				st.Points++
			}
		}
	}
}

func containsByte(s string, b byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == b {
			return true
		}
	}
	return false
}

func (c *county) writeParcel(o *out, ob *obreb, p *parcel, l *life, kw int, jrg string, addrs []string, b *block, r *rng, old bool) {
	const class = "EGB_DzialkaEwidencyjna"
	fid := o.open(class, l)
	o.el("idDzialki", ob.def.id+"."+p.number)
	o.surfaceProp(p.rings, fid)
	if kw > 0 {
		o.el("numerKW", kwNumber(kw))
	}
	total := haUnits(p.a2)
	if old {
		// the archived version: area from the old analogue survey, one
		// klasoużytek, precision of 0.01 ha
		oldHa := int64(math.Round(float64(total)*(1+r.uniform(-0.02, 0.02))/100)) * 100
		if oldHa <= 0 {
			oldHa = 100
		}
		o.s("      <egb:poleEwidencyjne uom=\"ha\">")
		o.haUnits(oldHa)
		o.s("</egb:poleEwidencyjne>\n")
		o.el("dokladnoscReprezentacjiPola", "2")
		big := 0
		for k := range p.uses {
			if p.uses[k].a2 > p.uses[big].a2 {
				big = k
			}
		}
		o.klasouzytek(p.uses[big].use, oldHa)
	} else {
		o.s("      <egb:poleEwidencyjne uom=\"ha\">")
		o.haUnits(total)
		o.s("</egb:poleEwidencyjne>\n")
		o.el("dokladnoscReprezentacjiPola", "1")
		// entries rounded to 0.0001 ha; the largest takes the remainder so
		// they add up to poleEwidencyjne exactly
		units := make([]int64, len(p.uses))
		big := 0
		var sum int64
		for k := range p.uses {
			units[k] = haUnits(p.uses[k].a2)
			sum += units[k]
			if p.uses[k].a2 > p.uses[big].a2 {
				big = k
			}
		}
		units[big] += total - sum
		for k := range p.uses {
			if units[k] > 0 {
				o.klasouzytek(p.uses[k].use, units[k])
			}
		}
	}
	if r.chance(0.03) {
		o.s("      <egb:dodatkoweInformacje xsi:nil=\"true\" nilReason=\"unknown\"/>\n")
	}
	if r.chance(0.03) {
		o.s("      <egb:JRG2 nilReason=\"withheld\"/>\n")
	} else {
		o.href("JRG2", jrg)
	}
	for _, a := range addrs {
		o.href("adresDzialki", a)
	}
	for _, ring := range p.rings {
		for _, v := range ring {
			o.href("punktGranicyDzialki", pointUUID(c.seed, v))
		}
	}
	o.href("lokalizacjaDzialki", ob.def.lokalnyId)
	o.close(class)
}

func (o *out) klasouzytek(u landUse, units int64) {
	o.s("      <egb:klasouzytek>\n        <egb:EGB_Klasouzytek>\n          <egb:OFU>")
	o.s(u.ofu)
	o.s("</egb:OFU>\n")
	if u.ozu != "" {
		o.s("          <egb:OZU>")
		o.s(u.ozu)
		o.s("</egb:OZU>\n")
	}
	if u.ozk != "" {
		o.s("          <egb:OZK>")
		o.s(u.ozk)
		o.s("</egb:OZK>\n")
	}
	o.s("          <egb:powierzchnia uom=\"ha\">")
	o.haUnits(units)
	o.s("</egb:powierzchnia>\n        </egb:EGB_Klasouzytek>\n      </egb:klasouzytek>\n")
}

func (c *county) writeBuilding(o *out, bd *building, ring []pt, l *life, id, parcelUUID string, addrs []string, storeys int) {
	const class = "EGB_Budynek"
	fid := o.open(class, l)
	o.el("idBudynku", id)
	o.multiSurfaceProp([][][]pt{{ring}}, fid)
	o.el("rodzajWgKST", bd.kind)
	o.el("liczbaKondygnacjiNadziemnych", strconv.Itoa(storeys))
	o.el("liczbaKondygnacjiPodziemnych", strconv.Itoa(bd.basement))
	o.s("      <egb:powZabudowy uom=\"m2\">")
	o.i(int(math.Round(m2(abs64(area2(ring))))))
	o.s("</egb:powZabudowy>\n")
	o.href("dzialkaZabudowana", parcelUUID)
	for _, a := range addrs {
		o.href("adresBudynku", a)
	}
	o.close(class)
}

func (c *county) writePoint(o *out, d *obrDef, p pt, n int) {
	const class = "EGB_PunktGraniczny"
	h := newRNG(c.seed, 0x9e7, uint64(p.n), uint64(p.e))
	start := h.stampIn(stamp03, stamp03+17*year)
	l := life{uuid: pointUUID(c.seed, p), start: start, startVer: start}
	fid := o.open(class, &l)
	o.s("      <egb:geometria>\n        <gml:Point gml:id=\"")
	o.s(fid)
	o.s("_G\" srsName=\"" + srsName + "\" srsDimension=\"2\">\n          <gml:pos>")
	o.cm(p.n)
	o.s(" ")
	o.cm(p.e)
	o.s("</gml:pos>\n        </gml:Point>\n      </egb:geometria>\n")
	o.el("idPunktu", d.id+"."+strconv.Itoa(n))
	precise := h.chance(0.7)
	if precise {
		o.el("sposobPozyskania", "1")
		o.el("spelnienieWarunkowDokl", "1")
	} else {
		o.el("sposobPozyskania", "2")
		o.el("spelnienieWarunkowDokl", "2")
	}
	o.el("rodzajStabilizacji", strconv.Itoa(1+h.pick([]float64{0.35, 0.1, 0.05, 0.05, 0.05, 0.4})))
	switch {
	case h.chance(0.04):
		o.s("      <egb:oznWMaterialeZrodlowym xsi:nil=\"true\" nilReason=\"unknown\"/>\n")
	case precise:
		o.el("numerOperatuTechnicznego", "P.1003."+strconv.Itoa(2004+h.intn(21))+"."+strconv.Itoa(1+h.intn(2400)))
	}
	o.close(class)
}
