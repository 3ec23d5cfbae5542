package synth

import (
	"math"
)

// Cell size of the base lattice before jitter, metres along i and j.
const (
	cellX = 60.0
	cellY = 45.0
)

// lattice is the county-wide grid of shared vertices. A vertex position is a
// pure function of (seed, i, j): jitter from a hash, a slow warp so lattice
// lines curve, one rotation. Any obręb can compute its own boundary and get
// exactly what its neighbour computes, without shared state.
type lattice struct {
	seed           uint64
	c, s           float64
	cx, cy         float64
	wa, wl, wp     float64
	wb, wm, wq     float64
	jitterX, jittY float64
}

func newLattice(seed uint64, cx, cy float64) *lattice {
	r := newRNG(seed, 0x1a77)
	ang := r.uniform(-25, 25) * math.Pi / 180
	return &lattice{
		seed: seed, c: math.Cos(ang), s: math.Sin(ang), cx: cx, cy: cy,
		wa: r.uniform(8, 22), wl: r.uniform(250, 450), wp: r.uniform(0, 6.28),
		wb: r.uniform(8, 22), wm: r.uniform(250, 450), wq: r.uniform(0, 6.28),
		jitterX: 0.14 * cellX, jittY: 0.14 * cellY,
	}
}

func (l *lattice) at(i, j int32) pt {
	h := mix(l.seed, 0x7e57, uint64(uint32(i)), uint64(uint32(j)))
	jx := (float64(h>>11)/(1<<53)*2 - 1) * l.jitterX
	h2 := splitmix(h)
	jy := (float64(h2>>11)/(1<<53)*2 - 1) * l.jittY
	x := float64(i)*cellX + jx
	y := float64(j)*cellY + jy
	x += l.wa * math.Sin(y/l.wl+l.wp)
	y += l.wb * math.Sin(x/l.wm+l.wq)
	x -= l.cx
	y -= l.cy
	e := l.c*x - l.s*y
	n := l.s*x + l.c*y
	return pt{round((originN + n) * 100), round((originE + e) * 100)}
}

type blockKind uint8

const (
	kStrips blockKind = iota
	kWhole
	kEnclave
)

type zone uint8

const (
	zField zone = iota
	zVillage
	zForest
	zLarge
	zTown
	zLot
	zEnclave
)

// block is a rectangle of lattice cells that becomes one or more parcels.
type block struct {
	i0, j0, i1, j1 int32 // cells, relative to the obręb until placed
	kind           blockKind
	vert           bool // strips long along j (split points on j-lines)
	zone           zone
	s, smin, smax  int
	band           int
	top            bool // in the last band (its far end is the obręb edge)
}

// long reports the length of the block along its long axis in cells.
func (b *block) long() int32 {
	if b.kind == kStrips {
		if b.vert {
			return b.j1 - b.j0
		}
		return b.i1 - b.i0
	}
	if b.j1-b.j0 >= b.i1-b.i0 {
		return b.j1 - b.j0
	}
	return b.i1 - b.i0
}

func (b *block) longIsJ() bool {
	if b.kind == kStrips {
		return b.vert
	}
	return b.j1-b.j0 >= b.i1-b.i0
}

// obrDef is what the county pre-pass knows about an obręb.
type obrDef struct {
	index, jedn int
	number      int // 1-based within the jednostka
	id, name    string
	i0, j0      int32
	w, h        int32
	target      int
	town        bool
	ar          bool
	lokalnyId   string
	start       stamp
}

func maxRestricted(b *block, w int32) int {
	switch b.kind {
	case kWhole:
		return min(b.smax, int(b.long()))
	case kStrips:
		if b.vert && (b.j0 == 0 || b.top) {
			return 1
		}
		if !b.vert && (b.i0 == 0 || b.i1 == w) {
			return 1
		}
	}
	return b.smax
}

// layoutObreb decides the blocks of an obręb W cells wide, growing band by
// band until the blocks can hold exactly target parcels, then fixes each
// block's parcel count so the total is the target. It is a pure function of
// its arguments, so the county pre-pass and the writer get the same answer.
func layoutObreb(seed uint64, d *obrDef) ([]block, int32) {
	r := newRNG(seed, 0x1a70, uint64(d.index))
	W := d.w
	T := d.target
	dens := 0.55
	if d.town {
		dens = 1.6
	}
	estH := int32(math.Max(4, float64(T)/(float64(W)*dens)))
	var villageRows []int32
	if !d.town {
		villageRows = append(villageRows, int32(float64(estH)*r.uniform(0.2, 0.55)))
		if estH > 28 && r.chance(0.6) {
			villageRows = append(villageRows, int32(float64(estH)*r.uniform(0.7, 0.9)))
		}
	}
	forest := !d.town && r.chance(0.55)
	fu0 := W - int32(float64(W)*r.uniform(0.15, 0.35))
	fv0 := int32(float64(estH) * r.uniform(0, 0.5))
	fv1 := fv0 + int32(float64(estH)*r.uniform(0.2, 0.5))
	vertical := r.chance(0.7)

	var blocks []block
	add := func(b block) {
		if b.kind == kWhole {
			// keep parcels under ~3 ha: at most 11 cells (0.27 ha each) per parcel
			cells := int((b.i1 - b.i0) * (b.j1 - b.j0))
			b.smin = max(b.smin, (cells+10)/11)
			b.smax = max(b.smax, b.smin)
		}
		blocks = append(blocks, b)
	}
	var v int32
	band := 0
	maxCum := 0 // sum over bands already closed (not top)
	for {
		first := len(blocks)
		village := d.town
		if len(villageRows) > 0 && v >= villageRows[0] {
			village = true
			villageRows = villageRows[1:]
		}
		var hb int32
		switch {
		case village:
			hb = int32(r.between(2, 3))
			for u := int32(0); u < W; u++ {
				if d.town && u+2 <= W && r.chance(0.12) {
					add(block{i0: u, j0: v, i1: u + 2, j1: v + hb, kind: kWhole, zone: zLot, smin: 1, smax: 2})
					u++
					continue
				}
				smax := 3
				if d.town {
					smax = 4
				}
				z := zVillage
				if d.town {
					z = zTown
				}
				add(block{i0: u, j0: v, i1: u + 1, j1: v + hb, kind: kStrips, vert: true, zone: z, smin: 1, smax: smax})
			}
		case vertical:
			hb = int32(r.between(3, 8))
			for u := int32(0); u < W; {
				inForest := forest && u >= fu0 && v >= fv0 && v < fv1
				switch {
				case inForest:
					w := min(int32(r.between(2, 3)), W-u)
					add(block{i0: u, j0: v, i1: u + w, j1: v + hb, kind: kWhole, zone: zForest, smin: 1, smax: min(3, int(hb))})
					u += w
				case hb == 3 && u+3 <= W && r.chance(0.03):
					add(block{i0: u, j0: v, i1: u + 3, j1: v + 3, kind: kEnclave, zone: zEnclave, s: 2, smin: 2, smax: 2})
					u += 3
				case u+2 <= W && r.chance(0.08):
					w := min(int32(r.between(2, 3)), W-u)
					add(block{i0: u, j0: v, i1: u + w, j1: v + hb, kind: kWhole, zone: zLarge, smin: 1, smax: 2})
					u += w
				default:
					add(block{i0: u, j0: v, i1: u + 1, j1: v + hb, kind: kStrips, vert: true, zone: zField, smin: 1, smax: 5})
					u++
				}
			}
		default:
			hb = int32(r.between(1, 3))
			for u := int32(0); u < W; {
				k := min(int32(r.between(3, 8)), W-u)
				inForest := forest && u >= fu0 && v >= fv0 && v < fv1
				switch {
				case inForest || r.chance(0.08):
					z := zLarge
					if inForest {
						z = zForest
					}
					w := min(k, 3)
					add(block{i0: u, j0: v, i1: u + w, j1: v + hb, kind: kWhole, zone: z, smin: 1, smax: 2})
					u += w
				default:
					for row := int32(0); row < hb; row++ {
						add(block{i0: u, j0: v + row, i1: u + k, j1: v + row + 1, kind: kStrips, vert: false, zone: zField, smin: 1, smax: 4})
					}
					u += k
				}
			}
		}
		v += hb
		// the band just laid is provisionally the last one
		bandMaxTop, bandMax := 0, 0
		for i := first; i < len(blocks); i++ {
			b := &blocks[i]
			b.band = band
			if b.kind == kEnclave {
				b.s = 2
			}
			b.top = false
			bandMax += maxRestricted(b, W)
			b.top = true
			bandMaxTop += maxRestricted(b, W)
		}
		if maxCum+bandMaxTop >= T || v > 1<<20 {
			break
		}
		for i := first; i < len(blocks); i++ {
			blocks[i].top = false
		}
		maxCum += bandMax
		band++
	}
	// final per-block ranges and an initial draw
	total := 0
	for i := range blocks {
		b := &blocks[i]
		b.smax = maxRestricted(b, W)
		if b.kind == kEnclave {
			b.s = 2
		} else {
			switch b.zone {
			case zField:
				b.s = min(b.smax, r.between(1, 4))
			case zVillage, zTown:
				b.s = min(b.smax, r.between(1, 3))
			default:
				b.s = min(b.smax, r.between(1, 2))
			}
		}
		b.s = max(b.s, b.smin)
		total += b.s
	}
	// walk the blocks in a shuffled order, one step at a time, until the
	// count matches the target (or nothing can move).
	perm := make([]int, len(blocks))
	for i := range perm {
		perm[i] = i
	}
	for i := len(perm) - 1; i > 0; i-- {
		j := r.intn(i + 1)
		perm[i], perm[j] = perm[j], perm[i]
	}
	for total != T {
		moved := false
		for _, k := range perm {
			b := &blocks[k]
			if total < T && b.s < b.smax {
				b.s++
				total++
				moved = true
			} else if total > T && b.s > b.smin {
				b.s--
				total--
				moved = true
			}
			if total == T {
				break
			}
		}
		if !moved {
			break
		}
	}
	return blocks, v
}
