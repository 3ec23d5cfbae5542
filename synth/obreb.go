package synth

import (
	"slices"
	"strconv"
)

type edgeKey struct {
	i, j int32
	vert bool // edge from (i,j) to (i,j+1); otherwise (i,j) to (i+1,j)
}

// piece is a convex quadrilateral part of one cell (a whole cell or one strip
// of it) with every neighbour's vertex on its sides inserted.
type piece struct {
	ring    []pt
	corners [4]pt
	a2      int64
	parcel  int
	block   int
	off     int32 // position along the block's long axis, in cells
	front   bool  // first piece of the parcel along the long axis
}

type useSeg struct {
	from, to int32
	use      landUse
}

type parcel struct {
	rings  [][]pt
	a2     int64
	block  int
	strip  int
	number string
	uses   []useArea
}

type useArea struct {
	use landUse
	a2  int64
}

type building struct {
	ring     []pt
	old      []pt // geometry of the archived version, if any
	parcel   int
	kind     string
	storeys  int
	basement int
	deleted  bool
}

type contour struct {
	rings [][]pt
	use   landUse
	class bool // EGB_KonturKlasyfikacyjny; otherwise użytek
}

// obreb holds one obręb in memory while it is generated and written.
type obreb struct {
	def       *obrDef
	lat       *lattice
	archShare float64
	verts     []pt // (W+1)*(H+1) lattice vertices
	edges     map[edgeKey][]float64
	blocks    []block
	tv        [][][]float64 // strips: per block, per line, s+1 fractions
	cuts      [][]int32     // whole blocks: s+1 offsets along the long axis
	segs      [][]useSeg
	pieces    []piece
	parcels   []parcel
	buildings []building
	contours  []contour
}

func (o *obreb) at(i, j int32) pt {
	w := o.def.w + 1
	return o.verts[(j-o.def.j0)*w+(i-o.def.i0)]
}

func (o *obreb) edgeEnds(e edgeKey) (pt, pt) {
	if e.vert {
		return o.at(e.i, e.j), o.at(e.i, e.j+1)
	}
	return o.at(e.i, e.j), o.at(e.i+1, e.j)
}

func (o *obreb) ptOn(e edgeKey, t float64) pt {
	a, b := o.edgeEnds(e)
	return lerp(a, b, t)
}

// register puts a split point on an edge and returns the fraction actually
// used: a point closer than half a metre to one already there is shared.
func (o *obreb) register(e edgeKey, t float64) float64 {
	a, b := o.edgeEnds(e)
	l := b.v().sub(a.v()).len()
	tol := 0.5 / l
	ts := o.edges[e]
	k, _ := slices.BinarySearch(ts, t)
	if k < len(ts) && ts[k]-t < tol {
		return ts[k]
	}
	if k > 0 && t-ts[k-1] < tol {
		return ts[k-1]
	}
	o.edges[e] = slices.Insert(ts, k, t)
	return t
}

// side appends the registered points strictly between ta and tb on e, in
// the direction of travel.
func (o *obreb) side(ring []pt, e edgeKey, ta, tb float64) []pt {
	ts := o.edges[e]
	if len(ts) == 0 {
		return ring
	}
	if ta < tb {
		for _, t := range ts {
			if t > ta && t < tb {
				ring = append(ring, o.ptOn(e, t))
			}
		}
	} else {
		for k := len(ts) - 1; k >= 0; k-- {
			if t := ts[k]; t < ta && t > tb {
				ring = append(ring, o.ptOn(e, t))
			}
		}
	}
	return ring
}

func hEdge(i, j int32) edgeKey { return edgeKey{i, j, false} }
func vEdge(i, j int32) edgeKey { return edgeKey{i, j, true} }

// cellPiece is an undivided cell.
func (o *obreb) cellPiece(i, j int32) piece {
	p00, p10, p11, p01 := o.at(i, j), o.at(i+1, j), o.at(i+1, j+1), o.at(i, j+1)
	r := make([]pt, 0, 8)
	r = append(r, p00)
	r = o.side(r, hEdge(i, j), 0, 1)
	r = append(r, p10)
	r = o.side(r, vEdge(i+1, j), 0, 1)
	r = append(r, p11)
	r = o.side(r, hEdge(i, j+1), 1, 0)
	r = append(r, p01)
	r = o.side(r, vEdge(i, j), 1, 0)
	return piece{ring: r, corners: [4]pt{p00, p10, p11, p01}}
}

// stripPieceV is strip k of cell (i,j) in a block of strips long along j;
// tb and tt are the fractions on the cell's bottom and top edges.
func (o *obreb) stripPieceV(i, j int32, k int, tb, tt []float64) piece {
	s := len(tb) - 1
	eb, et := hEdge(i, j), hEdge(i, j+1)
	bk, bk1 := o.ptOn(eb, tb[k]), o.ptOn(eb, tb[k+1])
	tk, tk1 := o.ptOn(et, tt[k]), o.ptOn(et, tt[k+1])
	r := make([]pt, 0, 8)
	r = append(r, bk)
	r = o.side(r, eb, tb[k], tb[k+1])
	r = append(r, bk1)
	if k+1 == s {
		r = o.side(r, vEdge(i+1, j), 0, 1)
	}
	r = append(r, tk1)
	r = o.side(r, et, tt[k+1], tt[k])
	r = append(r, tk)
	if k == 0 {
		r = o.side(r, vEdge(i, j), 1, 0)
	}
	return piece{ring: r, corners: [4]pt{bk, bk1, tk1, tk}}
}

// stripPieceH is strip k of cell (i,j) in a block of strips long along i;
// tl and tr are the fractions on the cell's left and right edges.
func (o *obreb) stripPieceH(i, j int32, k int, tl, tr []float64) piece {
	s := len(tl) - 1
	el, er := vEdge(i, j), vEdge(i+1, j)
	lk, lk1 := o.ptOn(el, tl[k]), o.ptOn(el, tl[k+1])
	rk, rk1 := o.ptOn(er, tr[k]), o.ptOn(er, tr[k+1])
	r := make([]pt, 0, 8)
	r = append(r, lk)
	if k == 0 {
		r = o.side(r, hEdge(i, j), 0, 1)
	}
	r = append(r, rk)
	r = o.side(r, er, tr[k], tr[k+1])
	r = append(r, rk1)
	if k+1 == s {
		r = o.side(r, hEdge(i, j+1), 1, 0)
	}
	r = append(r, lk1)
	r = o.side(r, el, tl[k+1], tl[k])
	return piece{ring: r, corners: [4]pt{lk, rk, rk1, lk1}}
}

// fractions draws s strip widths: cumulative fractions 0..1 at both ends of
// a block, the far end slightly skewed so strips are not parallel.
func fractions(r *rng, s int) (near, far []float64) {
	near = make([]float64, s+1)
	far = make([]float64, s+1)
	w := make([]float64, s)
	sum := 0.0
	for k := range w {
		w[k] = r.uniform(0.6, 1.4)
		sum += w[k]
	}
	acc := 0.0
	for k := 0; k < s; k++ {
		near[k] = acc / sum
		acc += w[k]
	}
	near[s] = 1
	copy(far, near)
	for k := 1; k < s; k++ {
		lo := far[k-1] + 0.6*(near[k]-near[k-1])
		hi := near[k] + 0.4*(near[k+1]-near[k])
		far[k] = min(max(near[k]+r.uniform(-0.04, 0.04), lo), hi)
	}
	return near, far
}

// build generates everything inside the obręb. r is the detail generator.
func (o *obreb) build(r *rng) {
	d := o.def
	W, H := d.w, d.h
	o.verts = make([]pt, int(W+1)*int(H+1))
	for j := int32(0); j <= H; j++ {
		for i := int32(0); i <= W; i++ {
			o.verts[j*(W+1)+i] = o.lat.at(d.i0+i, d.j0+j)
		}
	}
	o.edges = make(map[edgeKey][]float64)
	nb := len(o.blocks)
	o.tv = make([][][]float64, nb)
	o.cuts = make([][]int32, nb)
	o.segs = make([][]useSeg, nb)
	// 1. split points of strip blocks, registered on the lattice edges
	for bi := range o.blocks {
		b := &o.blocks[bi]
		b.i0 += d.i0
		b.i1 += d.i0
		b.j0 += d.j0
		b.j1 += d.j0
		switch b.kind {
		case kStrips:
			L := b.long()
			near, far := fractions(r, b.s)
			lines := make([][]float64, L+1)
			for q := int32(0); q <= L; q++ {
				f := float64(q) / float64(L)
				ts := make([]float64, b.s+1)
				ts[b.s] = 1
				for k := 1; k < b.s; k++ {
					t := near[k] + (far[k]-near[k])*f
					if b.vert {
						ts[k] = o.register(hEdge(b.i0, b.j0+q), t)
					} else {
						ts[k] = o.register(vEdge(b.i0+q, b.j0), t)
					}
				}
				lines[q] = ts
			}
			o.tv[bi] = lines
		case kWhole:
			L := b.long()
			// s parts of nearly equal length, the cuts jittered by a cell
			c := []int32{0}
			for k := 1; k < b.s; k++ {
				x := int32(float64(L)*float64(k)/float64(b.s) + r.uniform(-0.45, 0.45) + 0.5)
				x = max(x, c[len(c)-1]+1)
				x = min(x, L-int32(b.s-k))
				c = append(c, x)
			}
			c = append(c, L)
			o.cuts[bi] = c
		}
		o.segs[bi] = landUses(r, b, d.town)
	}
	// 2. pieces and parcels
	for bi := range o.blocks {
		b := &o.blocks[bi]
		switch b.kind {
		case kStrips:
			for k := 0; k < b.s; k++ {
				pi := len(o.parcels)
				o.parcels = append(o.parcels, parcel{block: bi, strip: k})
				L := b.long()
				for q := int32(0); q < L; q++ {
					var p piece
					if b.vert {
						p = o.stripPieceV(b.i0, b.j0+q, k, o.tv[bi][q], o.tv[bi][q+1])
					} else {
						p = o.stripPieceH(b.i0+q, b.j0, k, o.tv[bi][q], o.tv[bi][q+1])
					}
					p.off, p.front = q, q == 0
					o.addPiece(p, pi, bi)
				}
			}
		case kWhole:
			c := o.cuts[bi]
			alongJ := b.longIsJ()
			for k := 0; k+1 < len(c); k++ {
				pi := len(o.parcels)
				o.parcels = append(o.parcels, parcel{block: bi, strip: k})
				for q := c[k]; q < c[k+1]; q++ {
					n := b.i1 - b.i0
					if !alongJ {
						n = b.j1 - b.j0
					}
					for x := int32(0); x < n; x++ {
						var p piece
						if alongJ {
							p = o.cellPiece(b.i0+x, b.j0+q)
						} else {
							p = o.cellPiece(b.i0+q, b.j0+x)
						}
						p.off, p.front = q, q == c[k] && x == 0
						o.addPiece(p, pi, bi)
					}
				}
			}
		case kEnclave:
			outer := len(o.parcels)
			o.parcels = append(o.parcels, parcel{block: bi}, parcel{block: bi, strip: 1})
			for q := int32(0); q < 3; q++ {
				for x := int32(0); x < 3; x++ {
					p := o.cellPiece(b.i0+x, b.j0+q)
					p.off = q
					if q == 1 && x == 1 {
						p.front = true
						o.addPiece(p, outer+1, bi)
					} else {
						p.front = q == 0 && x == 0
						o.addPiece(p, outer, bi)
					}
				}
			}
		}
	}
	// 3. dissolve pieces into parcel polygons, tally land uses
	start := 0
	for start < len(o.pieces) {
		end := start
		for end < len(o.pieces) && o.pieces[end].parcel == o.pieces[start].parcel {
			end++
		}
		pr := &o.parcels[o.pieces[start].parcel]
		var segs []seg
		for k := start; k < end; k++ {
			p := &o.pieces[k]
			segs = appendRingSegs(segs, p.ring)
			pr.addUse(o.useOf(p), p.a2)
		}
		pr.rings = assemble(segs)
		pr.a2 = polyArea2(pr.rings)
		start = end
	}
	o.makeContours()
}

func (o *obreb) addPiece(p piece, parcel, block int) {
	p.parcel, p.block = parcel, block
	p.a2 = area2(p.ring)
	o.pieces = append(o.pieces, p)
}

func (o *obreb) useOf(p *piece) landUse {
	for _, s := range o.segs[p.block] {
		if p.off >= s.from && p.off < s.to {
			if o.blocks[p.block].kind == kEnclave && p.front {
				break
			}
			return s.use
		}
	}
	// enclave core
	return o.segs[p.block][len(o.segs[p.block])-1].use
}

func (pr *parcel) addUse(u landUse, a2 int64) {
	for k := range pr.uses {
		if pr.uses[k].use == u {
			pr.uses[k].a2 += a2
			return
		}
	}
	pr.uses = append(pr.uses, useArea{u, a2})
}

// landUses splits a block along its long axis into land-use segments. For
// enclaves the last segment is the core's use.
func landUses(r *rng, b *block, town bool) []useSeg {
	L := b.long()
	R := func() landUse { return landUse{"R", "R", r.classR()} }
	switch b.zone {
	case zVillage, zTown:
		front := int32(1)
		var fu landUse
		if b.zone == zTown {
			fu = landUse{"B", "R", r.classR()}
			if r.chance(0.3) {
				fu.ofu = "Bi"
			}
		} else if r.chance(0.7) {
			fu = landUse{"Br", "R", r.classR()}
		} else {
			fu = landUse{"B", "R", r.classR()}
		}
		if b.zone == zTown && r.chance(0.5) {
			front = L
		}
		out := []useSeg{{0, front, fu}}
		if front < L {
			back := R()
			switch r.pick([]float64{0.6, 0.2, 0.2}) {
			case 1:
				back = landUse{"S", "R", r.classR()}
			case 2:
				back = landUse{"Ł", "Ł", r.classLP()}
			}
			out = append(out, useSeg{front, L, back})
		}
		return out
	case zForest:
		return []useSeg{{0, L, landUse{"Ls", "Ls", r.classLP()}}}
	case zLot:
		return []useSeg{{0, L, landUse{[]string{"Ba", "Bi", "Bp"}[r.intn(3)], "R", r.classR()}}}
	case zLarge:
		switch r.pick([]float64{0.6, 0.25, 0.15}) {
		case 0:
			return []useSeg{{0, L, R()}}
		case 1:
			return []useSeg{{0, L, landUse{"Ł", "Ł", r.classLP()}}}
		default:
			return []useSeg{{0, L, landUse{"Ps", "Ps", r.classLP()}}}
		}
	case zEnclave:
		return []useSeg{{0, L, R()}, {0, 0, landUse{"Br", "R", r.classR()}}}
	}
	// field strips: mostly arable, sometimes two or three segments
	out := []useSeg{{0, L, R()}}
	if L >= 2 && r.chance(0.4) {
		x := int32(1 + r.intn(int(L-1)))
		var u2 landUse
		switch r.pick([]float64{0.5, 0.25, 0.1, 0.1, 0.05}) {
		case 0:
			u2 = R()
			if u2 == out[0].use {
				u2.ozk = "VI"
			}
		case 1:
			u2 = landUse{"Ł", "Ł", r.classLP()}
		case 2:
			u2 = landUse{"Ps", "Ps", r.classLP()}
		case 3:
			u2 = landUse{"Lz", "R", r.classR()}
		default:
			u2 = landUse{"N", "N", ""}
		}
		if u2 == out[0].use {
			return out
		}
		out[0].to = x
		out = append(out, useSeg{x, L, u2})
	}
	return out
}

// makeContours dissolves the pieces of each block by land use (OFU) and by
// classification (OZU+OZK). Contours follow parcel boundaries and span all
// parcels of a block.
func (o *obreb) makeContours() {
	start := 0
	for start < len(o.pieces) {
		bi := o.pieces[start].block
		end := start
		for end < len(o.pieces) && o.pieces[end].block == bi {
			end++
		}
		for _, class := range []bool{false, true} {
			var keys []landUse
			groups := map[landUse][]seg{}
			for k := start; k < end; k++ {
				p := &o.pieces[k]
				u := o.useOf(p)
				key := landUse{ofu: u.ofu}
				if class {
					key = landUse{ozu: u.ozu, ozk: u.ozk}
				}
				if _, ok := groups[key]; !ok {
					keys = append(keys, key)
				}
				groups[key] = appendRingSegs(groups[key], p.ring)
			}
			for _, key := range keys {
				// one key may fall apart into several areas (an enclave's
				// core shares its ring's use): split by connectivity.
				for _, poly := range splitPolys(assemble(groups[key])) {
					o.contours = append(o.contours, contour{rings: poly, use: key, class: class})
				}
			}
		}
		start = end
	}
}

// splitPolys groups rings from assemble into polygons: counter-clockwise
// rings are exteriors; each clockwise ring goes to the exterior that holds it.
func splitPolys(rings [][]pt) [][][]pt {
	var polys [][][]pt
	var holes [][]pt
	for _, r := range rings {
		if area2(r) > 0 {
			polys = append(polys, [][]pt{r})
		} else {
			holes = append(holes, r)
		}
	}
	for _, h := range holes {
		best := -1
		for k, p := range polys {
			if ringContains(p[0], h[0]) && (best < 0 || area2(p[0]) < area2(polys[best][0])) {
				best = k
			}
		}
		if best < 0 {
			best = 0
		}
		polys[best] = append(polys[best], h)
	}
	return polys
}

// ringContains is an even-odd point-in-ring test.
func ringContains(r []pt, p pt) bool {
	in := false
	for i := range r {
		a, b := r[i], r[(i+1)%len(r)]
		if (a.n > p.n) != (b.n > p.n) {
			x := float64(a.e) + float64(p.n-a.n)*float64(b.e-a.e)/float64(b.n-a.n)
			if float64(p.e) < x {
				in = !in
			}
		}
	}
	return in
}

// number assigns parcel numbers in layout order: consecutive numbers, a
// share of divided parcels (123/4) per block, per-sheet numbering for AR obręby.
func (o *obreb) number(r *rng) []int {
	d := o.def
	next := 1
	sheet := 0
	var parents []int // block index of a divided block whose parent is kept as deleted
	prefix := ""
	k := 0
	for bi := range o.blocks {
		b := &o.blocks[bi]
		if d.ar {
			s := 1 + b.band/4
			if s != sheet {
				sheet, next = s, 1
				prefix = "AR_" + strconv.Itoa(sheet) + "."
			}
		}
		n := b.s
		if b.kind == kEnclave {
			n = 2
		}
		divided := n >= 2 && b.kind != kEnclave && r.chance(0.4)
		if divided {
			base := strconv.Itoa(next)
			next++
			first := 1
			if r.chance(0.3) {
				first = r.between(2, 9)
			}
			for x := 0; x < n; x++ {
				o.parcels[k+x].number = prefix + base + "/" + strconv.Itoa(first+x)
			}
			if r.chance(0.3) {
				parents = append(parents, bi)
			}
		} else {
			for x := 0; x < n; x++ {
				num := strconv.Itoa(next)
				next++
				if r.chance(0.06) {
					num += "/" + strconv.Itoa(r.between(1, 3))
				}
				o.parcels[k+x].number = prefix + num
			}
		}
		k += n
	}
	return parents
}
