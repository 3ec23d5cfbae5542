package tiles

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"sort"
	"sync"

	"github.com/klauspost/compress/gzip"
	"github.com/paulmach/orb"

	"github.com/sip-core/sip/tiles/mvt"
)

// Tile constants.
const (
	Extent = 4096 // MVT tile extent at the maximum zoom
	// LowExtent is the extent below the maximum zoom: a quarter of a 256-pixel
	// screen pixel (an eighth on high-DPI screens), which snaps away detail no
	// screen shows and shrinks tiles; snapping keeps shared borders shared.
	LowExtent = 1024
	Buffer    = 64 // clip buffer around the tile, in units of a 4096 extent (4 px of 256)
	// DefaultBudget is the largest gzipped tile below the maximum zoom; above it
	// the least significant features (smallest area first) are dropped.
	DefaultBudget = 500 << 10
	// LabelLayer is the point layer of parcel-number labels (KIEG's layer name).
	LabelLayer = "numery_dzialek"
	// LabelMinZoom is the first zoom with parcel labels (lower when the tileset's
	// maximum zoom is lower).
	LabelMinZoom = 14
	// DefaultMaxZoom is the default maximum zoom of builds and of dynamic
	// tilesets: every feature is present from it on (clients overzoom it).
	DefaultMaxZoom = 16
	// minArea (tile units²) drops polygons below a sixteenth of a 256-pixel
	// screen pixel below the maximum zoom: invisible, and they only cost bytes.
	minArea = 16
)

// LayerMinZoom is the first zoom of each tile layer (as tippecanoe's per-layer
// minzoom, and as county viewers draw them): unit and precinct outlines at
// every zoom; parcels from zoom 12 (a 256-px pixel is 23 m on the ground in
// Poland; below that the parcels of strip fields merge into a hatch); land
// use, contours and buildings from zoom 13; parcel numbers from LabelMinZoom.
// Planning: plan outlines (a plan ogólny covers a gmina) from zoom 8, the
// zones of a plan ogólny (hundreds of metres and more) from zoom 10, the
// areas of local plans (MPZP, down to a plot or a road strip) from zoom 12.
// Roads (a road dataset) from zoom 8.
// Below these, a whole county's tile is its boundaries, a few kilobytes,
// instead of 100 000 polygons cut down to the 500 KB budget. A layer not
// listed starts at zoom 0; a tileset whose maximum zoom is lower has every
// layer from its maximum zoom at the latest.
var LayerMinZoom = map[string]int{
	"jednostki": 0,
	"obreby":    0,
	"dzialki":   12,
	"uzytki":    13,
	"kontury":   13,
	"budynki":   13,
	"plany":     8,
	"strefy":    10,
	"mpzp":      12,
	"drogi":     8,
	LabelLayer:  LabelMinZoom,
}

// Renderer renders tiles of one tileset.
type Renderer struct {
	Grid    *Grid
	Layers  []string // store layers in drawing order; LabelLayer adds parcel labels
	MaxZoom int      // every feature is kept at this zoom (no budget)
	Budget  int      // gzipped bytes; 0 means DefaultBudget
	// MinZooms overrides LayerMinZoom (nil: LayerMinZoom).
	MinZooms map[string]int
	// Fast picks quicker gzip (level 6) over the smallest (level 9): dynamic
	// tiles are compressed per request, built ones once.
	Fast bool
}

// RenderInfo says what happened to a tile.
type RenderInfo struct {
	Features int // features written
	Dropped  int // features dropped to keep the size budget
	RawSize  int // uncompressed MVT bytes
}

type item struct {
	layer int
	f     *Feature
	typ   mvt.GeomType
	parts [][]mvt.P
	area  float64 // tile units², the significance
	attrs mvt.Attrs
}

var (
	gzPool     = sync.Pool{New: func() any { w, _ := gzip.NewWriterLevel(nil, gzip.BestCompression); return w }}
	gzFastPool = sync.Pool{New: func() any { w, _ := gzip.NewWriterLevel(nil, gzip.DefaultCompression); return w }}
)

// Gzip compresses b at the best level (deterministically: no name, no time in
// the header).
func Gzip(b []byte) []byte { return gzipWith(&gzPool, b) }

func gzipWith(pool *sync.Pool, b []byte) []byte {
	var buf bytes.Buffer
	buf.Grow(len(b)/3 + 64)
	w := pool.Get().(*gzip.Writer)
	w.Reset(&buf)
	w.Write(b)
	w.Close()
	pool.Put(w)
	return buf.Bytes()
}

// compress gzips a tile of zoom z. The size budget is judged on the best
// compression whatever the renderer's level, so a Fast (dynamic) tile drops
// exactly the features the built tile drops: a Fast tile that may be near the
// budget (over half of it at level 6, where level 9 saves a few per cent) is
// compressed at the best level instead.
func (r *Renderer) compress(b []byte, z, budget int) []byte {
	if r.Fast {
		gz := gzipWith(&gzFastPool, b)
		if z >= r.MaxZoom || len(gz) <= budget/2 {
			return gz
		}
	}
	return Gzip(b)
}

// LayerMinZoom is the first zoom at which layer is in the tiles.
func (r *Renderer) LayerMinZoom(layer string) int {
	m := r.MinZooms
	if m == nil {
		m = LayerMinZoom
	}
	return min(m[layer], r.MaxZoom)
}

// extent is the tile extent at zoom z.
func (r *Renderer) extent(z int) int {
	if z >= r.MaxZoom {
		return Extent
	}
	return LowExtent
}

// Render renders tile z/x/y from src: MVT, gzip-compressed; nil when the tile
// has no features. It reads and clips the features of each layer the zoom
// draws (collect), then encodes them within the size budget (fit).
func (r *Renderer) Render(ctx context.Context, src Source, z, x, y int) ([]byte, RenderInfo, error) {
	var info RenderInfo
	if !r.Grid.Valid(z, x, y) {
		return nil, info, fmt.Errorf("tile %d/%d/%d outside the %s grid", z, x, y, r.Grid.ID)
	}
	fr := r.frame(z, x, y)
	items, err := r.collect(ctx, src, fr, &info)
	if err != nil || len(items) == 0 {
		return nil, info, err
	}
	gz := r.fit(items, fr, &info)
	return gz, info, nil
}

// tileFrame is where a tile lies: its bound in grid units, the query box
// (the bound with the buffer), and the transform to tile units.
type tileFrame struct {
	z, ext int
	tb, qb orb.Bound
	k      float64 // tile units per grid unit
	lo, hi float64 // the clip box in tile units (the buffer included)

	ring, tmp []fpt // scratch
}

func (r *Renderer) frame(z, x, y int) *tileFrame {
	tb := r.Grid.TileBound(z, x, y)
	span := tb.Max[0] - tb.Min[0]
	ext := r.extent(z)
	buf := float64(Buffer * ext / Extent)
	pad := span * Buffer / Extent
	return &tileFrame{z: z, ext: ext, tb: tb, k: float64(ext) / span,
		qb: orb.Bound{Min: orb.Point{tb.Min[0] - pad, tb.Min[1] - pad}, Max: orb.Point{tb.Max[0] + pad, tb.Max[1] + pad}},
		lo: -buf, hi: float64(ext) + buf}
}

func (fr *tileFrame) toTile(p orb.Point) fpt {
	return fpt{(p[0] - fr.tb.Min[0]) * fr.k, (fr.tb.Max[1] - p[1]) * fr.k}
}

// collect reads the features of each layer drawn at the frame's zoom, in id
// order, as clipped tile geometries (label points for LabelLayer).
func (r *Renderer) collect(ctx context.Context, src Source, fr *tileFrame, info *RenderInfo) ([]item, error) {
	var items []item
	for li, name := range r.Layers {
		if fr.z < r.LayerMinZoom(name) {
			continue
		}
		layerName := name
		if name == LabelLayer {
			layerName = "dzialki"
		}
		var feats []*Feature
		err := src.Features(ctx, layerName, fr.qb, func(f *Feature) error {
			feats = append(feats, f)
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.Slice(feats, func(i, j int) bool {
			if feats[i].ID != feats[j].ID {
				return feats[i].ID < feats[j].ID
			}
			return feats[i].Key < feats[j].Key
		})
		for _, f := range feats {
			var it item
			var ok bool
			if name == LabelLayer {
				it, ok = fr.label(li, f)
			} else {
				it, ok = r.shape(li, f, fr, info)
			}
			if ok {
				items = append(items, it)
			}
		}
	}
	return items, nil
}

// label is a parcel's label point, when it falls in the query box.
func (fr *tileFrame) label(li int, f *Feature) (item, bool) {
	p, ok := f.Label()
	if !ok || !p.Bound().Intersects(fr.qb) {
		return item{}, false
	}
	t := fr.toTile(p)
	return item{layer: li, f: f, typ: mvt.Point,
		parts: [][]mvt.P{{{X: int32(roundHalf(t.x)), Y: int32(roundHalf(t.y))}}}, attrs: f.Attrs.Select("numer_dzialki", "id_dzialki")}, true
}

// shape is a feature's geometry in tile units, clipped to the frame; false
// when nothing of it is left (or, below the maximum zoom, a polygon is too
// small to draw: counted in info.Dropped).
func (r *Renderer) shape(li int, f *Feature, fr *tileFrame, info *RenderInfo) (item, bool) {
	it := item{layer: li, f: f, attrs: f.Attrs}
	switch f.Shape.Kind() {
	case ShapePoints:
		it.typ, it.parts = mvt.Point, fr.points(f.Shape)
	case ShapePolygons:
		it.typ = mvt.Polygon
		qb := fr.qb
		inside := f.Bound.Min[0] >= qb.Min[0] && f.Bound.Max[0] <= qb.Max[0] && f.Bound.Min[1] >= qb.Min[1] && f.Bound.Max[1] <= qb.Max[1]
		it.parts, it.area = fr.polygons(f.Shape, inside)
		if len(it.parts) > 0 && fr.z < r.MaxZoom && it.area*float64(Extent*Extent)/float64(fr.ext*fr.ext) < minArea {
			info.Dropped++
			return it, false
		}
	case ShapeLines:
		it.typ = mvt.LineString
		it.parts, it.area = fr.lines(f.Shape)
	default:
		return it, false
	}
	return it, len(it.parts) > 0
}

// points are the shape's points inside the query box (one part).
func (fr *tileFrame) points(sh Shape) [][]mvt.P {
	qb := fr.qb
	d := sh.decoder()
	var pts []mvt.P
	for j := range sh.Points() {
		if p := d.point(j); p[0] >= qb.Min[0] && p[0] <= qb.Max[0] && p[1] >= qb.Min[1] && p[1] <= qb.Max[1] {
			t := fr.toTile(p)
			pts = append(pts, mvt.P{X: int32(roundHalf(t.x)), Y: int32(roundHalf(t.y))})
		}
	}
	if len(pts) == 0 {
		return nil
	}
	return [][]mvt.P{pts}
}

// polygons are the shape's rings clipped to the frame (unclipped when the
// feature is inside the query box), exteriors positive and holes negative
// (MVT 2.1 §4.3.4.4), with the area they cover.
func (fr *tileFrame) polygons(sh Shape, inside bool) (parts [][]mvt.P, area float64) {
	d := sh.decoder()
	nr := sh.Rings()
	for r0 := 0; r0 < nr; {
		// A polygon: its exterior r0 and holes up to the next part.
		r1 := r0 + 1
		for ; r1 < nr; r1++ {
			if _, _, start := sh.Ring(r1); start {
				break
			}
		}
		// The part must reach the query box: a feature inside it, or
		// of one part (whose bound is the feature's, which the source
		// matched against qb), need not be checked.
		ef, et, _ := sh.Ring(r0)
		if et <= ef || (!inside && (r0 > 0 || r1 < nr) && !sh.pointsBound(ef, et).Intersects(fr.qb)) {
			r0 = r1
			continue
		}
		parts, area = fr.polygon(sh, d, r0, r1, inside, parts, area)
		r0 = r1
	}
	return parts, area
}

// polygon appends the rings r0 (exterior) to r1 (holes) of sh.
func (fr *tileFrame) polygon(sh Shape, d shapeDecoder, r0, r1 int, inside bool, parts [][]mvt.P, area float64) ([][]mvt.P, float64) {
	for ri := r0; ri < r1; ri++ {
		from, to, _ := sh.Ring(ri)
		fr.ring = fr.ring[:0]
		for j := from; j < to; j++ {
			fr.ring = append(fr.ring, fr.toTile(d.point(j)))
		}
		cr := fr.ring
		if !inside {
			cr, fr.tmp = clipRing(fr.ring, fr.lo, fr.hi, fr.tmp)
		}
		q := quantize(cr, nil)
		if len(q) < 3 {
			if ri == r0 {
				break // the exterior vanished: so do its holes
			}
			continue
		}
		a := mvt.RingArea(q)
		if a == 0 {
			if ri == r0 {
				break
			}
			continue
		}
		// Exterior rings positive, holes negative (MVT 2.1 §4.3.4.4).
		if (ri == r0) != (a > 0) {
			reverse(q)
		}
		if ri == r0 {
			area += float64(abs64(a)) / 2
		} else {
			area -= float64(abs64(a)) / 2
		}
		parts = append(parts, q)
	}
	return parts, area
}

// lines are the shape's lines clipped to the frame, with their length (a
// line's significance).
func (fr *tileFrame) lines(sh Shape) (parts [][]mvt.P, length float64) {
	d := sh.decoder()
	for ri := range sh.Rings() {
		from, to, _ := sh.Ring(ri)
		fr.ring = fr.ring[:0]
		for j := from; j < to; j++ {
			fr.ring = append(fr.ring, fr.toTile(d.point(j)))
		}
		for _, part := range clipLine(fr.ring, fr.lo, fr.hi) {
			if q := quantizeLine(part); len(q) >= 2 {
				parts = append(parts, q)
				length += lineLength(q)
			}
		}
	}
	return parts, length
}

// fit encodes items as a gzip-compressed tile within the size budget: below
// the maximum zoom, the least significant features (smallest area first;
// points have none) are dropped until the tile fits.
func (r *Renderer) fit(items []item, fr *tileFrame, info *RenderInfo) []byte {
	z, ext := fr.z, fr.ext
	budget := r.Budget
	if budget <= 0 {
		budget = DefaultBudget
	}
	raw := r.encode(items, ext)
	gz := r.compress(raw, z, budget)
	if len(gz) > budget && z < r.MaxZoom {
		order := make([]int, len(items))
		for i := range order {
			order[i] = i
		}
		sort.SliceStable(order, func(a, b int) bool {
			ia, ib := items[order[a]], items[order[b]]
			if ia.area != ib.area {
				return ia.area > ib.area
			}
			return ia.f.ID < ib.f.ID
		})
		keep := len(items)
		for len(gz) > budget && keep > 1 {
			keep = int(float64(keep) * float64(budget) / float64(len(gz)) * 0.95)
			if keep < 1 {
				keep = 1
			}
			sel := make([]bool, len(items))
			for _, i := range order[:keep] {
				sel[i] = true
			}
			kept := items[:0:0]
			for i, it := range items {
				if sel[i] {
					kept = append(kept, it)
				}
			}
			raw = r.encode(kept, ext)
			gz = r.compress(raw, z, budget)
			info.Dropped += len(items) - len(kept)
			info.Features = len(kept)
		}
		if info.Features == 0 {
			info.Features = keep
		}
	} else {
		info.Features = len(items)
	}
	info.RawSize = len(raw)
	return gz
}

func abs64(a int64) int64 {
	if a < 0 {
		return -a
	}
	return a
}

func roundHalf(v float64) float64 {
	if v < 0 {
		return -float64(int64(-v + 0.5))
	}
	return float64(int64(v + 0.5))
}

// encode writes items (grouped by layer, in order) as an MVT tile.
func (r *Renderer) encode(items []item, ext int) []byte {
	var out []byte
	l := mvt.NewLayer("", uint32(ext))
	for li, name := range r.Layers {
		l.Reset(name, uint32(ext))
		for i := range items {
			it := &items[i]
			if it.layer != li {
				continue
			}
			switch it.typ {
			case mvt.Point:
				l.AddPointsAttrs(it.f.ID, it.parts[0], it.attrs)
			case mvt.Polygon:
				l.AddPolygonAttrs(it.f.ID, it.parts, it.attrs)
			case mvt.LineString:
				l.AddLinesAttrs(it.f.ID, it.parts, it.attrs)
			}
		}
		out = l.AppendTo(out)
	}
	return out
}

// DecodeTile gunzips (when compressed) and decodes a tile.
func DecodeTile(b []byte) (*mvt.Tile, error) {
	if len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			return nil, err
		}
		raw, err := io.ReadAll(io.LimitReader(zr, 64<<20))
		if err != nil {
			return nil, err
		}
		b = raw
	}
	return mvt.Decode(b)
}
