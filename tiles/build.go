package tiles

import (
	"context"
	"fmt"
	"io"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/store"
)

// DefaultLayers are the tile layers of a tileset, in drawing order: the
// cadastre's outlines and land use, then the planning layers (plans, zones of
// a plan ogólny, MPZP areas; store.PlanningLayers) under the parcels and
// buildings, then the parcel labels; roads (a road dataset, package roads) and
// the staff layer of resident reports (package open311, never public) and
// the areas of current alerts (package alerts) last. A store has the EGiB
// layers, the planning layers, the road layer, the reports layer or the
// alerts layer; a tileset has those it has.
var DefaultLayers = []string{"jednostki", "obreby", "uzytki", "kontury", "plany", "strefy", "mpzp", "dzialki", "budynki", LabelLayer, "drogi", "zgloszenia", "alerty"}

// TileColumns limits the attributes of a tile layer to those a map needs to
// draw, label and identify it (nil or absent: every public column). The
// planning layers leave out the documents, drawings and other-parameters JSON
// and the source file name: they can be kilobytes per object, and the viewer
// reads an object's full record from the feature services.
var TileColumns = map[string][]string{
	"plany": {"tytul", "typ_planu", "typ_planu_opis", "status", "status_opis", "obowiazuje_od", "obowiazuje_do"},
	"strefy": {"klasa", "oznaczenie", "symbol", "nazwa", "nazwa_opis", "profil_podstawowy", "profil_dodatkowy",
		"maks_intensywnosc", "maks_udzial_zabudowy", "maks_wysokosc", "min_udzial_pbc", "status", "obowiazuje_od", "obowiazuje_do", "plan"},
	"mpzp": {"oznaczenie", "przeznaczenie", "nazwa", "plan", "obowiazuje_od",
		"maks_intensywnosc", "maks_udzial_zabudowy", "maks_wysokosc", "min_udzial_pbc"},
}

// LayerColumns keeps, of a store layer's columns, those its tile layer
// carries (TileColumns), in the store's order.
func LayerColumns(layer string, cols []store.Column) []store.Column {
	keep, ok := TileColumns[layer]
	if !ok {
		return cols
	}
	out := make([]store.Column, 0, len(keep))
	for _, c := range cols {
		if slices.Contains(keep, c.Name) {
			out = append(out, c)
		}
	}
	return out
}

// BuildOptions configure a build.
type BuildOptions struct {
	Out              string
	MinZoom, MaxZoom int
	Grid             *Grid
	Layers           []string // default DefaultLayers (those the store has)
	Workers          int      // default GOMAXPROCS
	Budget           int      // default DefaultBudget
	// Progress, when set, gets a progress line (tiles done/total, rate, ETA)
	// redrawn a few times a second, and a summary at the end.
	Progress io.Writer
}

// BuildReport summarises a build.
type BuildReport struct {
	Tiles    int            // tiles written
	Empty    int            // tiles of the range without features
	Bytes    int64          // stored tile bytes
	Dropped  int            // features dropped by the size budget below the maximum zoom
	Features map[string]int // features of each layer at the maximum zoom (unique)
	Revision int64
	Took     time.Duration
	// Published says where a build to object storage went (nil for a file).
	Published *PublishReport
}

// ValidateZooms checks a zoom range for a grid.
func ValidateZooms(g *Grid, minZoom, maxZoom int) error {
	if minZoom < 0 || maxZoom < 0 {
		return fmt.Errorf("invalid zoom range %d..%d: zooms are not negative", minZoom, maxZoom)
	}
	if minZoom > maxZoom {
		return fmt.Errorf("invalid zoom range: minzoom %d is above maxzoom %d", minZoom, maxZoom)
	}
	if maxZoom > g.MaxZoom {
		return fmt.Errorf("invalid zoom range: maxzoom %d exceeds the %s grid's %d", maxZoom, g.ID, g.MaxZoom)
	}
	return nil
}

// ResolveLayers checks the requested tile layers against a store.
func ResolveLayers(r store.Reader, names []string) (tileLayers []string, storeLayers []store.Layer, err error) {
	have := r.Layers()
	explicit := len(names) > 0
	if !explicit {
		names = DefaultLayers
	}
	for _, n := range names {
		n = strings.TrimSpace(n)
		src := n
		if n == LabelLayer {
			src = "dzialki"
		}
		l, ok := store.LayerByName(have, src)
		if !ok {
			if explicit {
				return nil, nil, fmt.Errorf("the store %s has no layer %q", r.Name(), src)
			}
			continue
		}
		tileLayers = append(tileLayers, n)
		if _, dup := store.LayerByName(storeLayers, src); !dup {
			l.Columns = LayerColumns(src, l.Columns)
			storeLayers = append(storeLayers, l)
		}
	}
	if len(tileLayers) == 0 {
		return nil, nil, fmt.Errorf("the store %s has none of the tile layers", r.Name())
	}
	return tileLayers, storeLayers, nil
}

// Fields lists the attribute types of each tile layer (TileJSON vector_layers).
func Fields(tileLayers []string, layers []store.Layer) map[string]map[string]string {
	out := map[string]map[string]string{}
	for _, n := range tileLayers {
		src := n
		if n == LabelLayer {
			src = "dzialki"
		}
		l, _ := store.LayerByName(layers, src)
		m := map[string]string{}
		for _, c := range l.Columns {
			if n == LabelLayer && c.Name != "numer_dzialki" && c.Name != "id_dzialki" {
				continue
			}
			switch c.Type {
			case store.Integer, store.Real:
				m[c.Name] = "Number"
			default:
				m[c.Name] = "String"
			}
		}
		out[n] = m
	}
	return out
}

type job struct{ z, x, y int }

// Build renders the store's tiles into opts.Out. The output appears only when
// complete: an interrupted or failed build leaves the previous file intact.
func Build(ctx context.Context, r store.Reader, opts BuildOptions) (*BuildReport, error) {
	t0 := time.Now()
	g := opts.Grid
	if g == nil {
		g = WebMercatorQuad
	}
	if err := ValidateZooms(g, opts.MinZoom, opts.MaxZoom); err != nil {
		return nil, err
	}
	tileLayers, storeLayers, err := ResolveLayers(r, opts.Layers)
	if err != nil {
		return nil, err
	}
	rev, err := r.Revision(ctx)
	if err != nil {
		return nil, err
	}
	src, err := LoadMemSource(ctx, r, g, storeLayers)
	if err != nil {
		return nil, err
	}
	if slices.Contains(tileLayers, LabelLayer) {
		src.computeLabels()
	}
	rend := &Renderer{Grid: g, Layers: tileLayers, MaxZoom: opts.MaxZoom, Budget: opts.Budget}
	sink, err := NewSinkContext(ctx, opts.Out, g)
	if err != nil {
		return nil, err
	}
	ok := false
	defer func() {
		if !ok {
			sink.Abort()
		}
	}()

	bound, has := src.Bound()
	var jobs []job
	if has {
		jobs = tileJobs(g, bound, opts.MinZoom, opts.MaxZoom)
	}
	rep := &BuildReport{Features: map[string]int{}, Revision: rev}
	seen := map[string]map[uint64]bool{}
	for _, l := range tileLayers {
		seen[l] = map[uint64]bool{}
	}
	prog := newProgress(opts.Progress, len(jobs))
	err = renderInOrder(ctx, rend, src, jobs, opts.Workers, func(i int, res rendered) error {
		j := jobs[i]
		rep.Dropped += res.info.Dropped
		if res.data == nil {
			rep.Empty++
		} else {
			if err := sink.Put(j.z, j.x, j.y, res.data); err != nil {
				return err
			}
			rep.Tiles++
			rep.Bytes += int64(len(res.data))
			if j.z == opts.MaxZoom {
				countFeatures(res.data, seen)
			}
		}
		prog.tick(i + 1)
		return nil
	})
	if err != nil {
		prog.done(false)
		return nil, err
	}
	for l, ids := range seen {
		rep.Features[l] = len(ids)
	}
	meta := tileMeta(r.Name(), g, opts.MinZoom, opts.MaxZoom, bound, has, rev, vectorLayers(rend, opts.MinZoom, Fields(tileLayers, storeLayers)))
	if err := sink.Finish(meta); err != nil {
		prog.done(false)
		return nil, err
	}
	ok = true
	rep.Took = time.Since(t0)
	if rs, isRemote := sink.(*remoteSink); isRemote {
		rep.Published = rs.report
	}
	prog.done(true)
	if opts.Progress != nil {
		fmt.Fprintf(opts.Progress, "built %s: %d tiles (%d empty skipped), %.1f MB, z%d-%d, %s, revision %d\n",
			opts.Out, rep.Tiles, rep.Empty, float64(rep.Bytes)/1e6, opts.MinZoom, opts.MaxZoom, rep.Took.Round(time.Millisecond), rev)
	}
	return rep, nil
}

// computeLabels computes the label point of every parcel once, on every
// core, before the workers read them concurrently.
func (src *MemSource) computeLabels() {
	ml, ok := src.layers["dzialki"]
	if !ok {
		return
	}
	var wg sync.WaitGroup
	workers := max(1, runtime.GOMAXPROCS(0))
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(ml.feats); i += workers {
				ml.feats[i].Label()
			}
		}()
	}
	wg.Wait()
}

// tileJobs lists the tiles of zooms minZ..maxZ that cover bound (grid units),
// zoom by zoom, row by row.
func tileJobs(g *Grid, bound orb.Bound, minZ, maxZ int) []job {
	var jobs []job
	for z := minZ; z <= maxZ; z++ {
		x0, y0, x1, y1, in := g.TileRange(bound, z)
		if !in {
			continue
		}
		for y := y0; y <= y1; y++ {
			for x := x0; x <= x1; x++ {
				jobs = append(jobs, job{z, x, y})
			}
		}
	}
	return jobs
}

// rendered is a rendered tile of a build.
type rendered struct {
	data []byte
	info RenderInfo
	err  error
}

// renderInOrder renders jobs on workers (0: one per core) and hands each
// result to put in job order, so the output is the same bytes whatever the
// scheduling. A window bounds the memory held by rendered but unwritten
// tiles. It stops at the first error (a render's, put's, or ctx's).
func renderInOrder(ctx context.Context, rend *Renderer, src Source, jobs []job, workers int, put func(i int, res rendered) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	results := make([]chan rendered, len(jobs))
	for i := range results {
		results[i] = make(chan rendered, 1)
	}
	var next atomic.Int64
	cctx, cancel := context.WithCancel(ctx)
	window := make(chan struct{}, workers*64)
	var wg sync.WaitGroup
	defer func() {
		cancel() // workers waiting for the window stop
		wg.Wait()
	}()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case window <- struct{}{}:
				case <-cctx.Done():
					return
				}
				i := int(next.Add(1)) - 1
				if i >= len(jobs) {
					<-window
					return
				}
				j := jobs[i]
				data, info, err := rend.Render(cctx, src, j.z, j.x, j.y)
				results[i] <- rendered{data, info, err}
			}
		}()
	}
	for i := range jobs {
		if err := ctx.Err(); err != nil {
			return err
		}
		var res rendered
		select {
		case res = <-results[i]:
		case <-ctx.Done():
			return ctx.Err()
		}
		<-window
		if res.err != nil {
			return res.err
		}
		if err := put(i, res); err != nil {
			return err
		}
	}
	return nil
}

// countFeatures adds the feature ids of a tile to seen (per layer).
func countFeatures(gz []byte, seen map[string]map[uint64]bool) {
	t, err := DecodeTile(gz)
	if err != nil {
		return
	}
	for _, l := range t.Layers {
		m := seen[l.Name]
		if m == nil {
			continue
		}
		for _, f := range l.Features {
			m[f.ID] = true
		}
	}
}

// tileMeta describes a tileset over bound (grid CRS).
func tileMeta(name string, g *Grid, minZoom, maxZoom int, bound orb.Bound, has bool, rev int64, vl []VectorLayer) *Meta {
	m := &Meta{Name: name, Description: "SIP core vector tiles of " + name + " (" + g.ID + ")", Grid: g.ID,
		MinZoom: minZoom, MaxZoom: maxZoom, Revision: rev, Dataset: name, VectorLayers: vl}
	if has {
		w, s := g.LonLat(bound.Min[0], bound.Min[1])
		e, n := g.LonLat(bound.Max[0], bound.Max[1])
		w2, n2 := g.LonLat(bound.Min[0], bound.Max[1])
		e2, s2 := g.LonLat(bound.Max[0], bound.Min[1])
		r6 := func(v float64) float64 { return math.Round(v*1e6) / 1e6 }
		m.Bounds = [4]float64{r6(math.Min(w, w2)), r6(math.Min(s, s2)), r6(math.Max(e, e2)), r6(math.Max(n, n2))}
		m.Center = [3]float64{r6((m.Bounds[0] + m.Bounds[2]) / 2), r6((m.Bounds[1] + m.Bounds[3]) / 2), float64(min(maxZoom, max(minZoom, 12)))}
	} else {
		m.Bounds = [4]float64{-180, -85.051129, 180, 85.051129}
	}
	return m
}

// progress draws "tiles done/total, rate, ETA" on a terminal.
type progress struct {
	w     io.Writer
	total int
	start time.Time
	last  time.Time
	n     int
}

func newProgress(w io.Writer, total int) *progress {
	return &progress{w: w, total: total, start: time.Now()}
}

func (p *progress) tick(n int) {
	p.n = n
	if p.w == nil {
		return
	}
	if now := time.Now(); now.Sub(p.last) >= 200*time.Millisecond {
		p.last = now
		p.draw()
	}
}

func (p *progress) draw() {
	el := time.Since(p.start).Seconds()
	rate := float64(p.n) / math.Max(el, 1e-9)
	eta := "?"
	if rate > 0 {
		eta = (time.Duration(float64(p.total-p.n)/rate) * time.Second).Round(time.Second).String()
	}
	pct := 100.0
	if p.total > 0 {
		pct = 100 * float64(p.n) / float64(p.total)
	}
	fmt.Fprintf(p.w, "\rtiles %d/%d (%.1f%%)  %.0f tiles/s  ETA %s   ", p.n, p.total, pct, rate, eta)
}

func (p *progress) done(ok bool) {
	if p.w == nil {
		return
	}
	p.draw()
	if !ok {
		fmt.Fprint(p.w, " (failed)")
	}
	fmt.Fprintln(p.w)
}
