package routing

import (
	"math"
	"sort"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// seg is one segment of a feature's boundary or line, owned by a feature.
type seg struct {
	owner int32
	a, b  orb.Point
}

// grid buckets segments by square cells, for "which segments lie within r of
// p" in time proportional to the segments nearby.
type grid struct {
	x0, y0, cell float64
	nx, ny       int
	cells        [][]seg
}

// newGrid covers b with cells of about size metres (at most 1024 on a side).
func newGrid(b orb.Bound, size float64) *grid {
	w, h := b.Max[0]-b.Min[0], b.Max[1]-b.Min[1]
	size = math.Max(size, math.Max(w, h)/1024)
	if size <= 0 || math.IsNaN(size) {
		size = 1
	}
	g := &grid{x0: b.Min[0], y0: b.Min[1], cell: size}
	g.nx = int(w/size) + 1
	g.ny = int(h/size) + 1
	g.cells = make([][]seg, g.nx*g.ny)
	return g
}

func (g *grid) clampX(x float64) int {
	return min(max(int((x-g.x0)/g.cell), 0), g.nx-1)
}

func (g *grid) clampY(y float64) int {
	return min(max(int((y-g.y0)/g.cell), 0), g.ny-1)
}

// add puts a segment into every cell its bounding box touches.
func (g *grid) add(s seg) {
	i0, i1 := g.clampX(math.Min(s.a[0], s.b[0])), g.clampX(math.Max(s.a[0], s.b[0]))
	j0, j1 := g.clampY(math.Min(s.a[1], s.b[1])), g.clampY(math.Max(s.a[1], s.b[1]))
	for j := j0; j <= j1; j++ {
		for i := i0; i <= i1; i++ {
			g.cells[j*g.nx+i] = append(g.cells[j*g.nx+i], s)
		}
	}
}

// near calls fn with the distance from p of every segment in the cells
// within r of p (a segment may come more than once).
func (g *grid) near(p orb.Point, r float64, fn func(owner int32, d float64)) {
	i0, i1 := g.clampX(p[0]-r), g.clampX(p[0]+r)
	j0, j1 := g.clampY(p[1]-r), g.clampY(p[1]+r)
	for j := j0; j <= j1; j++ {
		for i := i0; i <= i1; i++ {
			for _, s := range g.cells[j*g.nx+i] {
				fn(s.owner, planar.DistanceFromSegment(s.a, s.b, p))
			}
		}
	}
}

// cellOf returns the index of p's cell, or -1 outside the grid.
func (g *grid) cellOf(p orb.Point) int {
	i, j := int(math.Floor((p[0]-g.x0)/g.cell)), int(math.Floor((p[1]-g.y0)/g.cell))
	if i < 0 || j < 0 || i >= g.nx || j >= g.ny {
		return -1
	}
	return j*g.nx + i
}

// Area is an administrative area: a jednostka ewidencyjna (or an obręb).
type Area struct {
	ID    string // id_jednostki (TERYT WWPPGG_R) or id_obrebu
	Name  string
	Gmina string // TERYT of the gmina: the first 6 digits of the id
	Geom  orb.MultiPolygon
}

// areas answers point-in-polygon and distance-to-boundary questions over a
// set of areas that do not overlap (a tiling, as jednostki and obręby are).
type areas struct {
	list   []Area
	bounds []orb.Bound
	g      *grid
	// pure[c] is the area covering the whole of cell c (no boundary crosses
	// it), -1 for none, -2 for a cell a boundary crosses.
	pure []int32
}

func newAreas(list []Area, cell float64) *areas {
	a := &areas{list: list}
	if len(list) == 0 {
		return a
	}
	b := list[0].Geom.Bound()
	for _, ar := range list {
		ab := ar.Geom.Bound()
		a.bounds = append(a.bounds, ab)
		b = b.Union(ab)
	}
	a.g = newGrid(b, cell)
	for k, ar := range list {
		for _, poly := range ar.Geom {
			for _, ring := range poly {
				for i := 0; i+1 < len(ring); i++ {
					a.g.add(seg{owner: int32(k), a: ring[i], b: ring[i+1]})
				}
				if n := len(ring); n > 1 && ring[0] != ring[n-1] {
					a.g.add(seg{owner: int32(k), a: ring[n-1], b: ring[0]})
				}
			}
		}
	}
	a.classify()
	return a
}

// classify fills pure: a cell no boundary crosses lies wholly in one area
// (or none), found for every row at once by sweeping the row's centre line
// across the boundaries (even-odd crossings per area), instead of a
// point-in-polygon test per cell.
func (a *areas) classify() {
	g := a.g
	a.pure = make([]int32, len(g.cells))
	type crossing struct {
		x     float64
		owner int32
	}
	rows := make([][]crossing, g.ny)
	yc := func(j int) float64 { return g.y0 + (float64(j)+0.5)*g.cell }
	for k, ar := range a.list {
		for _, poly := range ar.Geom {
			for _, ring := range poly {
				n := len(ring)
				for i := 0; i < n; i++ {
					p, q := ring[i], ring[(i+1)%n]
					if p == q {
						continue
					}
					lo, hi := math.Min(p[1], q[1]), math.Max(p[1], q[1])
					j0 := max(int(math.Ceil((lo-g.y0)/g.cell-0.5)), 0)
					j1 := min(int(math.Floor((hi-g.y0)/g.cell-0.5)), g.ny-1)
					for j := j0; j <= j1; j++ {
						y := yc(j)
						if (p[1] <= y) == (q[1] <= y) { // half-open: a vertex on the line counts once
							continue
						}
						rows[j] = append(rows[j], crossing{p[0] + (y-p[1])*(q[0]-p[0])/(q[1]-p[1]), int32(k)})
					}
				}
			}
		}
	}
	inside := make([]bool, len(a.list))
	for j := 0; j < g.ny; j++ {
		cs := rows[j]
		sort.Slice(cs, func(u, v int) bool { return cs[u].x < cs[v].x })
		clear(inside)
		open, c := 0, 0
		for i := 0; i < g.nx; i++ {
			xc := g.x0 + (float64(i)+0.5)*g.cell
			for ; c < len(cs) && cs[c].x <= xc; c++ {
				o := cs[c].owner
				inside[o] = !inside[o]
				if inside[o] {
					open++
				} else {
					open--
				}
			}
			cell := j*g.nx + i
			switch {
			case len(g.cells[cell]) > 0:
				a.pure[cell] = -2
			case open == 0:
				a.pure[cell] = -1
			default:
				a.pure[cell] = -1
				for o, in := range inside {
					if in {
						a.pure[cell] = int32(o)
						break
					}
				}
			}
		}
	}
}

// scan finds the area containing p by testing every candidate exactly.
func (a *areas) scan(p orb.Point) int {
	for k := range a.list {
		if a.bounds[k].Contains(p) && planar.MultiPolygonContains(a.list[k].Geom, p) {
			return k
		}
	}
	return -1
}

// at returns the index of the area containing p, or -1.
func (a *areas) at(p orb.Point) int {
	if a.g == nil {
		return -1
	}
	c := a.g.cellOf(p)
	if c < 0 {
		return -1
	}
	if k := a.pure[c]; k != -2 {
		return int(k)
	}
	// A boundary crosses the cell: in a tiling, the area holding p has its
	// boundary here too (else the whole cell would be inside it, and no
	// other boundary could cross it), so only those areas are tested.
	var last int32 = -1
	for _, sg := range a.g.cells[c] {
		if k := sg.owner; k != last {
			last = k
			if a.bounds[k].Contains(p) && planar.MultiPolygonContains(a.list[k].Geom, p) {
				return int(k)
			}
		}
	}
	return a.scan(p) // areas that overlap or leave gaps: test them all
}

// near returns, for every area whose boundary lies within r of p, the
// distance from p to that boundary.
func (a *areas) near(p orb.Point, r float64) map[int]float64 {
	out := map[int]float64{}
	if a.g == nil {
		return out
	}
	a.g.near(p, r, func(owner int32, d float64) {
		if d > r {
			return
		}
		if old, ok := out[int(owner)]; !ok || d < old {
			out[int(owner)] = d
		}
	})
	return out
}
