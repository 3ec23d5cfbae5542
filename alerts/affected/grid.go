package affected

import (
	"math"
	"sort"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/index"
)

// Cell states of an area's grid.
const (
	outside  uint8 = 0
	inside   uint8 = 1
	boundary uint8 = 2
)

// gridCells is the number of cells along the longer side of an area's box.
const gridCells = 512

// eps widens every cell when the area's edges are marked: an edge passing
// within a millimetre of a cell makes it a boundary cell, so that rounding in
// the marking never leaves an edge out.
const eps = 1e-3

// grid classifies the cells of an area's bounding box: a boundary cell has an
// edge of the area within eps of it; every other cell lies wholly inside or
// wholly outside the area, decided once at its centre. Anything within inside
// cells only is in the area, within outside cells only is not; only what
// touches a boundary cell needs the exact test.
type grid struct {
	x0, y0, size float64
	nx, ny       int
	state        []uint8
	// Summed-area tables of inside and boundary cells, (nx+1)×(ny+1), so
	// that a box of cells is classified in constant time.
	inSum, bdSum []int32
}

type edge struct{ a, b orb.Point }

func edgesOf(mp orb.MultiPolygon) []edge {
	var out []edge
	for _, p := range mp {
		for _, r := range p {
			for i := 0; i+1 < len(r); i++ {
				if r[i] != r[i+1] {
					out = append(out, edge{r[i], r[i+1]})
				}
			}
			if n := len(r); n > 1 && r[0] != r[n-1] {
				out = append(out, edge{r[n-1], r[0]}) // an open ring closes
			}
		}
	}
	return out
}

func newGrid(mp orb.MultiPolygon) *grid {
	b := mp.Bound()
	w, h := b.Max[0]-b.Min[0], b.Max[1]-b.Min[1]
	size := math.Max(math.Max(w, h)/gridCells, 0.01)
	g := &grid{x0: b.Min[0], y0: b.Min[1], size: size,
		nx: int(w/size) + 1, ny: int(h/size) + 1}
	g.state = make([]uint8, g.nx*g.ny)
	edges := edgesOf(mp)
	for _, e := range edges {
		g.mark(e)
	}
	g.fill(edges)
	g.sums()
	return g
}

// mark makes every cell the edge passes within eps of a boundary cell: row
// by row, the stretch of x the edge covers within the row's band.
func (g *grid) mark(e edge) {
	ylo, yhi := math.Min(e.a[1], e.b[1]), math.Max(e.a[1], e.b[1])
	j0, j1 := g.row(ylo-eps), g.row(yhi+eps)
	for j := j0; j <= j1; j++ {
		bl := g.y0 + float64(j)*g.size - eps
		bh := bl + g.size + 2*eps
		lo, hi := math.Max(bl, ylo), math.Min(bh, yhi)
		if lo > hi {
			continue
		}
		xa, xb := e.a[0], e.b[0] // a horizontal edge covers its whole stretch
		if e.a[1] != e.b[1] {
			xa, xb = e.xAt(lo), e.xAt(hi)
		}
		i0, i1 := g.col(math.Min(xa, xb)-eps), g.col(math.Max(xa, xb)+eps)
		for i := i0; i <= i1; i++ {
			g.state[j*g.nx+i] = boundary
		}
	}
}

// xAt is the x where a non-horizontal edge is at height y (clamped to the
// edge).
func (e edge) xAt(y float64) float64 {
	t := (y - e.a[1]) / (e.b[1] - e.a[1])
	t = math.Max(0, math.Min(1, t))
	return e.a[0] + t*(e.b[0]-e.a[0])
}

func (g *grid) col(x float64) int {
	return max(0, min(g.nx-1, int(math.Floor((x-g.x0)/g.size))))
}

func (g *grid) row(y float64) int {
	return max(0, min(g.ny-1, int(math.Floor((y-g.y0)/g.size))))
}

// fill decides the cells no edge comes near: inside when an odd number of
// edges cross the row's centre line to the left of the cell's centre. No
// edge is near such a centre, so rounding cannot change the count.
func (g *grid) fill(edges []edge) {
	rows := make([][]float64, g.ny)
	for _, e := range edges {
		ylo, yhi := math.Min(e.a[1], e.b[1]), math.Max(e.a[1], e.b[1])
		// rows whose centre y satisfies ylo <= y < yhi (half-open: a vertex
		// on the line is counted once)
		j0 := max(0, int(math.Ceil((ylo-g.y0)/g.size-0.5)))
		for j := j0; j < g.ny; j++ {
			y := g.y0 + (float64(j)+0.5)*g.size
			if y >= yhi {
				break
			}
			if y < ylo {
				continue
			}
			rows[j] = append(rows[j], e.a[0]+(y-e.a[1])*(e.b[0]-e.a[0])/(e.b[1]-e.a[1]))
		}
	}
	for j, xs := range rows {
		sort.Float64s(xs)
		k := 0
		for i := 0; i < g.nx; i++ {
			cx := g.x0 + (float64(i)+0.5)*g.size
			for k < len(xs) && xs[k] < cx {
				k++
			}
			if c := &g.state[j*g.nx+i]; *c != boundary && k%2 == 1 {
				*c = inside
			}
		}
	}
}

func (g *grid) sums() {
	w := g.nx + 1
	g.inSum = make([]int32, w*(g.ny+1))
	g.bdSum = make([]int32, w*(g.ny+1))
	for j := 0; j < g.ny; j++ {
		for i := 0; i < g.nx; i++ {
			var in, bd int32
			switch g.state[j*g.nx+i] {
			case inside:
				in = 1
			case boundary:
				bd = 1
			}
			k := (j+1)*w + i + 1
			g.inSum[k] = in + g.inSum[k-1] + g.inSum[k-w] - g.inSum[k-w-1]
			g.bdSum[k] = bd + g.bdSum[k-1] + g.bdSum[k-w] - g.bdSum[k-w-1]
		}
	}
}

func rect(s []int32, w, i0, j0, i1, j1 int) int32 {
	return s[(j1+1)*w+i1+1] - s[j0*w+i1+1] - s[(j1+1)*w+i0] + s[j0*w+i0]
}

// Verdicts of the grid.
const (
	no    = 0
	yes   = 1
	check = 2 // the exact test decides
)

// box classifies an object by its bounding box.
func (g *grid) box(b index.Box) int {
	if b.MaxX < g.x0 || b.MaxY < g.y0 || b.MinX > g.x0+float64(g.nx)*g.size || b.MinY > g.y0+float64(g.ny)*g.size {
		return no
	}
	i0, i1, j0, j1 := g.col(b.MinX), g.col(b.MaxX), g.row(b.MinY), g.row(b.MaxY)
	w := g.nx + 1
	if rect(g.bdSum, w, i0, j0, i1, j1) > 0 {
		return check
	}
	in := rect(g.inSum, w, i0, j0, i1, j1)
	within := b.MinX >= g.x0 && b.MinY >= g.y0 && b.MaxX < g.x0+float64(g.nx)*g.size && b.MaxY < g.y0+float64(g.ny)*g.size
	switch {
	case in == 0:
		return no
	case within && int(in) == (i1-i0+1)*(j1-j0+1):
		return yes
	}
	return check
}

// point classifies a point.
func (g *grid) point(p orb.Point) int {
	fx, fy := (p[0]-g.x0)/g.size, (p[1]-g.y0)/g.size
	if fx < 0 || fy < 0 || fx >= float64(g.nx) || fy >= float64(g.ny) {
		return no
	}
	switch g.state[int(fy)*g.nx+int(fx)] {
	case inside:
		return yes
	case outside:
		return no
	}
	return check
}
