// Package synth generates a synthetic county cadastre: EGiB GML of the 2021
// schema (namespace ewidencjaGruntowIBudynkow:1.0, GML 3.2) as powiat łaski
// (TERYT 1003) would export it, in EPSG:2177 with northing-first posLists.
//
// Geometry comes from one county-wide lattice of shared vertices whose
// positions are a pure function of (seed, i, j). Jednostki are bands of
// lattice columns, obręby are rectangles of lattice cells inside them, and
// parcels are blocks of cells, optionally cut into strips whose split points
// are registered on the lattice edges so every neighbour repeats them. All
// coordinates are integer centimetres, so shared vertices are bit-identical
// and parcels tile their obręb exactly.
//
// Built-up parcels and their houses refer to property addresses
// (EGB_AdresNieruchomosci, see addresses.go): streets in the town and the gminy's
// seat villages, house numbers without streets elsewhere.
package synth

import (
	"bufio"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"sync"
)

// Options control one generated county.
type Options struct {
	Parcels       int     // current parcels in the county (exact unless tiny)
	Seed          int64   // same seed, same bytes
	Out           string  // directory; created if missing
	ArchivedShare float64 // share of parcels and buildings with an archived older version; 0 means 0.05
}

// Stats counts what was written. Jednostki … Points count current objects;
// archived versions and deleted objects are counted apart.
type Stats struct {
	Files                                                          []string
	Jednostki, Obreby, Parcels, Buildings, Uzytki, Kontury, Points int
	Addresses                                                      int // EGB_AdresNieruchomosci
	ArchivedVersions, DeletedObjects                               int
	// RoadsFile is the road dataset (GeoJSON, see roads.go) with Roads roads;
	// it is not among Files, which are the EGiB GML of the county dataset.
	RoadsFile string
	Roads     int
}

type county struct {
	opts  Options
	seed  uint64
	share float64
	lat   *lattice
	jedn  []jednPlan
	obr   []*obrDef
	neigh [][]int // for each obręb: earlier obręby touching it
}

type jednPlan struct {
	def       *jednDef
	obr       []int   // obręb indices, in order
	cols      [][]int // sub-columns of obręb indices, bottom-up
	colI      []int32 // i0 of each sub-column, plus the end
	lokalnyId string
	start     stamp
}

// County writes the county into opts.Out, one file per jednostka ewidencyjna.
func County(opts Options) (*Stats, error) {
	if opts.Parcels < 1 {
		return nil, errors.New("synth: Parcels must be at least 1")
	}
	if opts.Out == "" {
		return nil, errors.New("synth: Out directory required")
	}
	if err := os.MkdirAll(opts.Out, 0o755); err != nil {
		return nil, err
	}
	c := &county{opts: opts, seed: uint64(opts.Seed), share: opts.ArchivedShare}
	if c.share <= 0 {
		c.share = 0.05
	}
	c.plan()

	stats := make([]Stats, len(c.jedn))
	errs := make([]error, len(c.jedn))
	files := make([]string, len(c.jedn))
	workers := min(runtime.GOMAXPROCS(0), len(c.jedn))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range next {
				files[k] = filepath.Join(opts.Out, c.jedn[k].def.id+".gml")
				errs[k] = c.writeJednostka(k, files[k], &stats[k])
			}
		}()
	}
	for k := range c.jedn {
		next <- k
	}
	close(next)
	wg.Wait()
	total := &Stats{Files: files, RoadsFile: filepath.Join(opts.Out, RoadsFile)}
	n, err := c.writeRoads(total.RoadsFile)
	if err != nil {
		return nil, err
	}
	total.Roads = n
	for k := range stats {
		if errs[k] != nil {
			return nil, errs[k]
		}
		s := &stats[k]
		total.Jednostki += s.Jednostki
		total.Obreby += s.Obreby
		total.Parcels += s.Parcels
		total.Buildings += s.Buildings
		total.Uzytki += s.Uzytki
		total.Kontury += s.Kontury
		total.Points += s.Points
		total.Addresses += s.Addresses
		total.ArchivedVersions += s.ArchivedVersions
		total.DeletedObjects += s.DeletedObjects
	}
	return total, nil
}

// plan lays out jednostki, sub-columns and obręby (running each obręb's
// layout once to learn its height), all in O(number of obręby) memory.
func (c *county) plan() {
	N := c.opts.Parcels
	r := newRNG(c.seed, 0xc0)
	K := (N + 799) / 800
	if K < 4 && N >= 1200 {
		K = 4
	}
	J := min(len(gminy), max(1, (K+1)/2))
	// obręby per jednostka by weight, at least one each
	chosen := make([]int, 0, J)
	for k := 0; k < J; k++ {
		chosen = append(chosen, k)
	}
	// keep TERYT order in the output
	for a := 0; a < len(chosen); a++ {
		for b := a + 1; b < len(chosen); b++ {
			if gminy[chosen[b]].id < gminy[chosen[a]].id {
				chosen[a], chosen[b] = chosen[b], chosen[a]
			}
		}
	}
	counts := apportion(K, J, func(k int) float64 { return gminy[chosen[k]].weight * r.uniform(0.8, 1.2) }, 1)
	// parcel targets per obręb
	weights := make([]float64, K)
	for k := range weights {
		weights[k] = r.uniform(0.45, 1.55)
	}
	targets := apportion(N, K, func(k int) float64 { return weights[k] }, 0)

	// pre-pass
	o := 0
	var i0 int32
	maxH := int32(0)
	for k, g := range chosen {
		jp := jednPlan{def: &gminy[g], lokalnyId: hashUUID(c.seed, 0x1ed, uint64(k))}
		jp.start = r.stampIn(stamp03, stamp03+3*year)
		n := counts[k]
		m := max(1, int(math.Round(math.Sqrt(float64(n))*0.8)))
		per := (n + m - 1) / m
		num := 1
		for col := 0; col < m && num <= n; col++ {
			var ids []int
			avg := 0
			for x := 0; x < per && num <= n; x++ {
				avg += targets[o+num-1]
				ids = append(ids, o+num-1)
				num++
			}
			avg /= len(ids)
			dens := 0.55
			if jp.def.town {
				dens = 1.6
			}
			W := int32(math.Round(math.Sqrt(float64(avg)/dens*cellY/cellX) * r.uniform(0.85, 1.15)))
			W = max(W, 4)
			jp.colI = append(jp.colI, i0)
			var j0 int32
			for _, id := range ids {
				d := &obrDef{index: id, jedn: k, number: len(jp.obr) + 1, i0: i0, j0: j0, w: W, target: targets[id], town: jp.def.town}
				d.id = fmt.Sprintf("%s.%04d", jp.def.id, d.number)
				d.name = obrebName(jp.def, d.number-1)
				d.ar = !d.town && r.chance(0.1)
				d.lokalnyId = hashUUID(c.seed, 0x0b1, uint64(id))
				d.start = r.stampIn(stamp03, stamp03+4*year)
				_, d.h = layoutObreb(c.seed, d)
				j0 += d.h
				c.obr = append(c.obr, d)
				jp.obr = append(jp.obr, id)
			}
			maxH = max(maxH, j0)
			jp.cols = append(jp.cols, ids)
			i0 += W
		}
		jp.colI = append(jp.colI, i0)
		o += n
		c.jedn = append(c.jedn, jp)
	}
	c.lat = newLattice(c.seed, float64(i0)*cellX/2, float64(maxH)*cellY/2)
	// earlier obręby touching each obręb (closed rectangles), for the
	// ownership of shared boundary points.
	c.neigh = make([][]int, len(c.obr))
	for a, da := range c.obr {
		for b := 0; b < a; b++ {
			db := c.obr[b]
			if da.i0 <= db.i0+db.w && db.i0 <= da.i0+da.w && da.j0 <= db.j0+db.h && db.j0 <= da.j0+da.h {
				c.neigh[a] = append(c.neigh[a], b)
			}
		}
	}
}

// apportion splits total into n integer parts by weight (largest remainder),
// each at least floor.
func apportion(total, n int, weight func(int) float64, floor int) []int {
	w := make([]float64, n)
	sum := 0.0
	for k := range w {
		w[k] = weight(k)
		sum += w[k]
	}
	out := make([]int, n)
	rest := total - floor*n
	if rest < 0 {
		rest = 0
	}
	given := 0
	frac := make([]float64, n)
	for k := range w {
		x := float64(rest) * w[k] / sum
		out[k] = floor + int(x)
		given += int(x)
		frac[k] = x - math.Floor(x)
	}
	for given < rest {
		best := 0
		for k := range frac {
			if frac[k] > frac[best] {
				best = k
			}
		}
		out[best]++
		frac[best] = -1
		given++
	}
	return out
}

// outline is the jednostka boundary: the union of its sub-columns, walked
// counter-clockwise along lattice vertices.
func (c *county) outline(jp *jednPlan) []pt {
	height := func(col int) int32 {
		ids := jp.cols[col]
		d := c.obr[ids[len(ids)-1]]
		return d.j0 + d.h
	}
	var r []pt
	I0, I1 := jp.colI[0], jp.colI[len(jp.colI)-1]
	for i := I0; i < I1; i++ {
		r = append(r, c.lat.at(i, 0))
	}
	last := len(jp.cols) - 1
	for j := int32(0); j < height(last); j++ {
		r = append(r, c.lat.at(I1, j))
	}
	for col := last; col >= 0; col-- {
		h := height(col)
		for i := jp.colI[col+1]; i > jp.colI[col]; i-- {
			r = append(r, c.lat.at(i, h))
		}
		// step to the next sub-column's height along i = colI[col]
		var h2 int32
		if col > 0 {
			h2 = height(col - 1)
		}
		i := jp.colI[col]
		for j := h; j != h2; {
			r = append(r, c.lat.at(i, j))
			if h2 > j {
				j++
			} else {
				j--
			}
		}
	}
	return r
}

func (c *county) writeJednostka(k int, path string, st *Stats) error {
	jp := &c.jedn[k]
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	o := &out{w: bw, b: make([]byte, 0, 1<<17)}
	ring := c.outline(jp)
	lo, hi := ring[0], ring[0]
	for _, p := range ring {
		lo.n, lo.e = min(lo.n, p.n), min(lo.e, p.e)
		hi.n, hi.e = max(hi.n, p.n), max(hi.e, p.e)
	}
	o.header(jp.def, lo, hi)
	ja := &jednAddr{}
	for _, id := range jp.obr {
		c.writeObreb(o, c.obr[id], ja, st)
		o.flush()
	}
	// the jednostka last: its extent is known once its obręby are
	l := life{uuid: jp.lokalnyId, start: jp.start, startVer: jp.start}
	fid := o.open("EGB_JednostkaEwidencyjna", &l)
	o.multiSurfaceProp([][][]pt{{ring}}, fid)
	o.el("idJednostkiEwid", jp.def.id)
	o.el("nazwaWlasna", jp.def.name)
	for _, p := range ring {
		o.href("punktGranicyJednEwid", pointUUID(c.seed, p))
	}
	o.close("EGB_JednostkaEwidencyjna")
	st.Jednostki++
	o.footer()
	o.flush()
	if o.err != nil {
		f.Close()
		return o.err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func pointUUID(seed uint64, p pt) string {
	return hashUUID(seed, 0x9e7, uint64(p.n), uint64(p.e))
}
