package wms_test

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"image/color"
	"io"
	"log/slog"
	"math"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/planning"
	"github.com/sip-core/sip/server"
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/gpkg"
	"github.com/sip-core/sip/wms"
)

// The planning fixture: the real APP 2.0 sample (a plan ogólny with four zones,
// ../shared/data/app2) and the project's MPZP test layer ingested with the
// planning package into a gmina GeoPackage, plus two objects put directly: a
// zone without a symbol (its class must come from its oznaczenie) and an
// obszar zabudowy śródmiejskiej over part of the SJ zone. Served by its own
// server on loopback.

const app2Dir = "../../shared/data/app2"

// The zone fills of the plan ogólny regulation (Dz.U. 2023 poz. 2758), RGB.
var regulationFill = map[string]color.NRGBA{
	"SW": {154, 124, 100, 255}, "SJ": {217, 180, 115, 255}, "SZ": {255, 230, 171, 255},
	"SU": {255, 108, 105, 255}, "SH": {255, 132, 183, 255}, "SP": {175, 136, 222, 255},
	"SR": {254, 239, 100, 255}, "SI": {204, 204, 204, 255}, "SN": {187, 245, 139, 255},
	"SC": {148, 212, 196, 255}, "SG": {252, 212, 255, 255}, "SO": {227, 255, 199, 255},
	"SK": {242, 242, 242, 255},
}

var zoneSymbols = []string{"SW", "SJ", "SZ", "SU", "SH", "SP", "SR", "SI", "SN", "SC", "SG", "SO", "SK"}

// Colours of the built-in MPZP and area styles that the tests check.
var (
	mpzpMN   = color.NRGBA{0xf4, 0xc9, 0x87, 255}
	mpzpMW   = color.NRGBA{0xc9, 0x8a, 0x4b, 255}
	mpzpKD   = color.NRGBA{0xd4, 0xd4, 0xd4, 255}
	mpzpZP   = color.NRGBA{0xa3, 0xd9, 0x8f, 255}
	ozsHatch = color.NRGBA{0xb4, 0x14, 0x1e, 255}
)

type planFixture struct {
	base  string
	store string
	err   error
	skip  string
	ozs   orb.Polygon // the added obszar zabudowy śródmiejskiej
	extra orb.Polygon // the added zone without a symbol (oznaczenie 7SN)
}

var (
	planOnce sync.Once
	planFix  planFixture
)

func planning_(t testing.TB) *planFixture {
	t.Helper()
	planOnce.Do(func() { planFix = buildPlanFixture() })
	if planFix.skip != "" {
		t.Skip(planFix.skip)
	}
	if planFix.err != nil {
		t.Fatal(planFix.err)
	}
	return &planFix
}

func buildPlanFixture() (fx planFixture) {
	files := []string{filepath.Join(app2Dir, "2_pog_AktPlanowaniaPrzestrzennego.gml"), filepath.Join(app2Dir, "2_strefy_StrefaPlanistyczna_OK.gml")}
	for _, f := range files {
		if _, err := os.Stat(f); err != nil {
			fx.skip = "real APP 2.0 samples (../shared/data/app2) not present"
			return
		}
	}
	files = append(files, "../ingest/formats/testdata/mpzp.geojson")
	dir, err := os.MkdirTemp(fixDir, "planning-")
	if err != nil {
		fx.err = err
		return
	}
	fx.store = filepath.Join(dir, "gmina.gpkg")
	st, err := gpkg.Create(fx.store, "gmina", store.PlanningLayers)
	if err != nil {
		fx.err = err
		return
	}
	ctx := context.Background()
	rep, err := planning.Ingest(ctx, st, files, planning.IngestOptions{Strict: true})
	if err != nil {
		st.Close()
		fx.err = fmt.Errorf("ingest: %v", err)
		return
	}
	if rep.Layers["strefy"].Inserted != 4 || rep.Layers["plany"].Inserted != 1 || rep.Layers["mpzp"].Inserted != 4 {
		st.Close()
		fx.err = fmt.Errorf("ingest: %s", rep.Summary())
		return
	}
	// The added objects, placed from the real zones.
	var sj, all orb.Bound
	first := true
	err = st.Query(ctx, store.Query{Layer: "strefy"}, func(r store.Row) error {
		b := r.Geometry.Bound()
		if first {
			all, first = b, false
		} else {
			all = all.Union(b)
		}
		if r.Attrs["symbol"] == "SJ" {
			sj = b
		}
		return nil
	})
	if err != nil {
		fx.err = err
		return
	}
	c := sj.Center()
	fx.ozs = orb.Polygon{{{c[0] - 300, c[1] - 300}, {c[0] + 300, c[1] - 300}, {c[0] + 300, c[1] + 300}, {c[0] - 300, c[1] + 300}, {c[0] - 300, c[1] - 300}}}
	e0, n0 := all.Max[0]+500, all.Min[1]
	fx.extra = orb.Polygon{{{e0, n0}, {e0 + 1500, n0}, {e0 + 1500, n0 + 1500}, {e0, n0 + 1500}, {e0, n0}}}
	t0 := time.Date(2025, 8, 1, 0, 0, 0, 0, time.UTC)
	tx, err := st.Begin(ctx)
	if err != nil {
		fx.err = err
		return
	}
	for _, o := range []*store.Object{
		{Layer: "strefy", ID: "test-OZS-1", Version: "1", StartObject: t0, StartVersion: t0, Geometry: orb.MultiPolygon{fx.ozs},
			Attrs: map[string]any{"klasa": "ObszarZabudowySrodmiejskiej", "oznaczenie": "OZS1"}},
		{Layer: "strefy", ID: "test-7SN", Version: "1", StartObject: t0, StartVersion: t0, Geometry: orb.MultiPolygon{fx.extra},
			Attrs: map[string]any{"klasa": "StrefaPlanistyczna", "oznaczenie": "7SN"}},
	} {
		if _, err := tx.Put(ctx, o); err != nil {
			tx.Rollback()
			fx.err = err
			return
		}
	}
	if err := tx.Commit(); err != nil {
		fx.err = err
		return
	}
	if err := st.Close(); err != nil {
		fx.err = err
		return
	}
	y := fmt.Sprintf(`
datasets:
  - name: gmina
    store: %s
    title: Gmina testowa
styles:
  - name: jednolity
    title: Jednolite wypełnienie
    fill: "#00ff00"
limits:
  rate_limit: {rate: 0, burst: 1}
  max_image_width: 2048
  max_image_height: 2048
`, fx.store)
	cfg, err := config.Parse([]byte(y), "")
	if err != nil {
		fx.err = err
		return
	}
	s, err := server.New(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), server.Options{Services: []server.Service{wms.New()}, NoRegistered: true})
	if err != nil {
		fx.err = err
		return
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fx.err = err
		return
	}
	go s.Serve(ln)
	fx.base = "http://" + ln.Addr().String() + "/wms"
	return fx
}

// url builds a request to the planning server from key/value pairs.
func (fx *planFixture) url(kv ...string) string {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Set(kv[i], kv[i+1])
	}
	return fx.base + "?" + v.Encode()
}

// planMap is a 1.3.0 EPSG:2180 GetMap of the planning server.
func (fx *planFixture) planMap(layers string, b orb.Bound, w, h int, extra ...string) string {
	kv := []string{"SERVICE", "WMS", "VERSION", "1.3.0", "REQUEST", "GetMap", "LAYERS", layers, "STYLES", "",
		"CRS", "EPSG:2180", "BBOX", bbox130(b), "WIDTH", strconv.Itoa(w), "HEIGHT", strconv.Itoa(h), "FORMAT", "image/png; mode=32bit"}
	return fx.url(override(kv, extra)...)
}

func (fx *planFixture) objects(t testing.TB, layer string) []*store.Object {
	t.Helper()
	s, err := gpkg.Open(fx.store)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var out []*store.Object
	if err := s.Query(context.Background(), store.Query{Layer: layer}, func(r store.Row) error {
		out = append(out, r.Object)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// square is a view of side metres × side metres centred on the union of the
// given objects' extents.
func square(objs []*store.Object, pad float64) orb.Bound {
	b := objs[0].Geometry.Bound()
	for _, o := range objs[1:] {
		b = b.Union(o.Geometry.Bound())
	}
	c := b.Center()
	side := math.Ceil(max(b.Max[0]-b.Min[0], b.Max[1]-b.Min[1]) + 2*pad)
	return orb.Bound{Min: orb.Point{math.Round(c[0]) - side/2, math.Round(c[1]) - side/2}, Max: orb.Point{math.Round(c[0]) + side/2, math.Round(c[1]) + side/2}}
}

// pixelOf is the pixel of point p in a w-pixel-wide map of square box b.
func pixelOf(b orb.Bound, w int, p orb.Point) (int, int) {
	res := (b.Max[0] - b.Min[0]) / float64(w)
	return int(math.Floor((p[0] - b.Min[0]) / res)), int(math.Floor((b.Max[1] - p[1]) / res))
}

// insidePoints are points of a grid over g that lie inside it at least
// clearance metres from its edges and outside every polygon of not.
func insidePoints(g orb.Geometry, clearance float64, not ...orb.Polygon) []orb.Point {
	var mp orb.MultiPolygon
	switch g := g.(type) {
	case orb.MultiPolygon:
		mp = g
	case orb.Polygon:
		mp = orb.MultiPolygon{g}
	}
	b := g.Bound()
	var out []orb.Point
	for i := 1; i < 12; i++ {
		for j := 1; j < 12; j++ {
			p := orb.Point{b.Min[0] + (b.Max[0]-b.Min[0])*float64(i)/12, b.Min[1] + (b.Max[1]-b.Min[1])*float64(j)/12}
			if !planar.MultiPolygonContains(mp, p) {
				continue
			}
			ok := true
			for _, poly := range mp {
				for _, r := range poly {
					if planar.DistanceFrom(orb.LineString(r), p) < clearance {
						ok = false
					}
				}
			}
			for _, poly := range not {
				if planar.PolygonContains(poly, p) || planar.DistanceFrom(orb.LineString(poly[0]), p) < clearance {
					ok = false
				}
			}
			if ok {
				out = append(out, p)
			}
		}
	}
	return out
}

// TestPlanningGetMap: every zone of the real sample is filled with its
// symbol's colour from the regulation, the zone without a symbol takes its
// class from its oznaczenie, the obszar zabudowy śródmiejskiej is hatched
// over the SJ fill, and the MPZP areas take their land-use class's colour.
func TestPlanningGetMap(t *testing.T) {
	fx := planning_(t)
	zones := fx.objects(t, "strefy")
	// 1:60 000 (no labels: they start at 1:50 000).
	const w = 512
	b := square(zones, 200)
	scale := (b.Max[0] - b.Min[0]) / (w * 0.00028)
	if scale < 50000 {
		b = b.Pad((50000*w*0.00028*1.2 - (b.Max[0] - b.Min[0])) / 2)
	}
	res := (b.Max[0] - b.Min[0]) / w
	resp, body := get(t, fx.planMap("strefy", b, w, w))
	if resp.StatusCode != 200 {
		t.Fatalf("GetMap: %d %s", resp.StatusCode, body)
	}
	img := decodePNG(t, body)
	checked := map[string]int{}
	for _, z := range zones {
		if z.Attrs["klasa"] != "StrefaPlanistyczna" {
			continue
		}
		sym, _ := z.Attrs["symbol"].(string)
		key := sym
		if sym == "" {
			key = "oznaczenie " + z.Attrs["oznaczenie"].(string)
			sym = strings.TrimLeft(z.Attrs["oznaczenie"].(string), "0123456789")
		}
		want, ok := regulationFill[sym]
		if !ok {
			t.Fatalf("zone %s: symbol %q", z.ID, sym)
		}
		for _, p := range insidePoints(z.Geometry, 3*res, fx.ozs) {
			x, y := pixelOf(b, w, p)
			if got := nrgba(img.At(x, y)); got != want {
				t.Errorf("zone %s (%s) at pixel %d,%d: %v, want %v", z.ID, key, x, y, got, want)
			}
			checked[key]++
		}
	}
	for _, k := range []string{"SJ", "SU", "SP", "SZ", "oznaczenie 7SN"} {
		if checked[k] < 3 {
			t.Errorf("zone %s: only %d pixels checked (%v)", k, checked[k], checked)
		}
	}
	// Zone outlines: next to every vertex a pixel is at least half inked by
	// the 1 px grey (83,83,83) boundary, well darker than the zone's fill.
	sum := func(c color.NRGBA) int { return int(c.R) + int(c.G) + int(c.B) }
	vertices := 0
	for _, z := range zones {
		if z.Attrs["klasa"] != "StrefaPlanistyczna" {
			continue
		}
		sym := strings.TrimLeft(z.Attrs["oznaczenie"].(string), "0123456789")
		for _, poly := range z.Geometry.(orb.MultiPolygon) {
			for _, v := range poly[0] {
				x, y := pixelOf(b, w, v)
				darkest := 765
				for dy := -1; dy <= 1; dy++ {
					for dx := -1; dx <= 1; dx++ {
						darkest = min(darkest, sum(nrgba(img.At(x+dx, y+dy))))
					}
				}
				if darkest > sum(regulationFill[sym])-100 {
					t.Errorf("zone %s vertex %v at pixel %d,%d: darkest neighbour %d, not the outline", z.ID, v, x, y, darkest)
				}
				vertices++
			}
		}
	}
	if vertices < 20 {
		t.Errorf("only %d vertices checked", vertices)
	}
	// The OZS hatching: at 1:60 000 the 600 m square is 30 px; rows y%8 == 0
	// are hatch lines, the others keep the SJ fill under them.
	lines, fills := 0, 0
	for _, p := range insidePoints(fx.ozs, 2*res) {
		x, y := pixelOf(b, w, p)
		for dy := -3; dy <= 4; dy++ {
			yy := y + dy
			q := orb.Point{b.Min[0] + (float64(x)+0.5)*res, b.Max[1] - (float64(yy)+0.5)*res}
			if planar.DistanceFrom(orb.LineString(fx.ozs[0]), q) < 2*res {
				continue
			}
			got := nrgba(img.At(x, yy))
			switch {
			case yy%8 == 0:
				if got != ozsHatch {
					t.Errorf("OZS hatch row %d at %d: %v, want %v", yy, x, got, ozsHatch)
				}
				lines++
			case yy%8 >= 2 && yy%8 <= 6:
				if got != regulationFill["SJ"] {
					t.Errorf("OZS between hatch lines at %d,%d: %v, want the SJ fill", x, yy, got)
				}
				fills++
			}
		}
	}
	if lines < 3 || fills < 10 {
		t.Errorf("OZS: %d hatch and %d fill pixels checked", lines, fills)
	}

	// A configured style with a fill replaces the classes with one colour.
	_, body = get(t, fx.planMap("strefy", b, w, w, "STYLES", "jednolity"))
	img2 := decodePNG(t, body)
	sjPts := 0
	for _, z := range zones {
		if z.Attrs["symbol"] == "SJ" {
			for _, p := range insidePoints(z.Geometry, 3*res, fx.ozs) {
				x, y := pixelOf(b, w, p)
				if got := nrgba(img2.At(x, y)); got != (color.NRGBA{0, 255, 0, 255}) {
					t.Errorf("style jednolity at %d,%d: %v", x, y, got)
				}
				sjPts++
			}
		}
	}
	if sjPts == 0 {
		t.Error("no SJ pixel checked with style jednolity")
	}

	// MPZP: 3 m pixels over the hand-made test layer (1:10 714, just beyond
	// the labels' 1:10 000).
	areas := fx.objects(t, "mpzp")
	mb := square(areas, 21)
	mw := int(math.Ceil((mb.Max[0] - mb.Min[0]) / 3))
	mb.Max = orb.Point{mb.Min[0] + float64(3*mw), mb.Min[1] + float64(3*mw)}
	_, body = get(t, fx.planMap("mpzp", mb, mw, mw))
	mimg := decodePNG(t, body)
	wantMPZP := map[string]color.NRGBA{"MN": mpzpMN, "MW": mpzpMW, "KDD": mpzpKD, "ZP": mpzpZP}
	for _, a := range areas {
		prz, _ := a.Attrs["przeznaczenie"].(string)
		want, ok := wantMPZP[prz]
		if !ok {
			t.Fatalf("mpzp %s: przeznaczenie %q", a.ID, prz)
		}
		n := 0
		var holes []orb.Polygon
		if prz == "MN" { // 3ZP fills its hole
			mp := a.Geometry.(orb.MultiPolygon)
			for _, h := range mp[0][1:] {
				holes = append(holes, orb.Polygon{h})
			}
		}
		for _, p := range insidePoints(a.Geometry, 6, holes...) {
			x, y := pixelOf(mb, mw, p)
			if got := nrgba(mimg.At(x, y)); got != want {
				t.Errorf("mpzp %s (%s) at %d,%d: %v, want %v", a.Attrs["oznaczenie"], prz, x, y, got, want)
			}
			n++
		}
		if n < 3 {
			t.Errorf("mpzp %s: only %d pixels checked", a.Attrs["oznaczenie"], n)
		}
	}
}

// TestPlanningLabels: oznaczenie is drawn at large scales only.
func TestPlanningLabels(t *testing.T) {
	fx := planning_(t)
	var su *store.Object
	for _, z := range fx.objects(t, "strefy") {
		if z.Attrs["symbol"] == "SU" {
			su = z
		}
	}
	b := square([]*store.Object{su}, 100)
	dark := func(extra ...string) int {
		_, body := get(t, fx.planMap("strefy", b, 400, 400, extra...))
		img := decodePNG(t, body)
		n := 0
		for y := 0; y < 400; y++ {
			for x := 0; x < 400; x++ {
				// Text is black: darker than the 83,83,83 outline.
				if c := nrgba(img.At(x, y)); c.R < 40 && c.G < 40 && c.B < 40 {
					n++
				}
			}
		}
		return n
	}
	large := dark()
	// The same zone at 1:200 000: the view is widened, no label.
	w := b.Max[0] - b.Min[0]
	small := dark("BBOX", bbox130(b.Pad((200000*400*0.00028-w)/2)))
	if scale := w / (400 * 0.00028); scale >= 50000 {
		t.Fatalf("test view at 1:%.0f is not a labelled scale", scale)
	}
	if large < 20 || small != 0 {
		t.Errorf("label pixels: %d at the zone's scale, %d at 1:200 000", large, small)
	}
}

// TestPlanningLegend decodes the GetLegendGraphic PNG of strefy: one row per
// class, the swatches of all thirteen zone symbols in the regulation's fills,
// in the code-list order, each with text to its right; capabilities announce
// the image's real size; RULE gives one swatch.
func TestPlanningLegend(t *testing.T) {
	fx := planning_(t)
	resp, body := get(t, fx.url("SERVICE", "WMS", "REQUEST", "GetLegendGraphic", "VERSION", "1.3.0", "LAYER", "strefy", "FORMAT", "image/png"))
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "image/png" {
		t.Fatalf("legend: %d %s %.200s", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
	img := decodePNG(t, body)
	bd := img.Bounds()
	if bd.Dy() < 17*20 || bd.Dx() < 200 {
		t.Fatalf("legend %v: too small for 17 rows with names", bd)
	}
	// Find each symbol's swatch: the pixels of exactly its fill.
	type box struct{ minX, minY, maxX, maxY, n int }
	boxes := map[string]*box{}
	for y := bd.Min.Y; y < bd.Max.Y; y++ {
		for x := bd.Min.X; x < bd.Max.X; x++ {
			c := nrgba(img.At(x, y))
			for _, s := range zoneSymbols {
				if c == regulationFill[s] {
					b := boxes[s]
					if b == nil {
						b = &box{x, y, x, y, 0}
						boxes[s] = b
					}
					b.minX, b.minY, b.maxX, b.maxY = min(b.minX, x), min(b.minY, y), max(b.maxX, x), max(b.maxY, y)
					b.n++
				}
			}
		}
	}
	prevY := -1
	for _, s := range zoneSymbols {
		b := boxes[s]
		if b == nil {
			t.Errorf("legend has no %s swatch (%v)", s, regulationFill[s])
			continue
		}
		w, h := b.maxX-b.minX+1, b.maxY-b.minY+1
		// A 20×20 swatch less its margin and outline: about 14×14, solid.
		if w < 10 || w > 20 || h < 10 || h > 20 || b.n < w*h*8/10 || b.minX > 10 {
			t.Errorf("%s swatch at %d,%d %dx%d (%d px)", s, b.minX, b.minY, w, h, b.n)
		}
		if b.minY <= prevY {
			t.Errorf("%s swatch at y=%d is not below the previous one (%d)", s, b.minY, prevY)
		}
		prevY = b.maxY
		// Text to the right of the swatch, on its row.
		ink := 0
		for y := b.minY; y <= b.maxY; y++ {
			for x := b.maxX + 4; x < bd.Max.X; x++ {
				if c := nrgba(img.At(x, y)); c.A > 128 && c.R < 100 {
					ink++
				}
			}
		}
		if ink < 30 {
			t.Errorf("%s: %d text pixels beside the swatch", s, ink)
		}
	}

	// Capabilities: strefy with its style and a LegendURL of the image's size.
	_, cb := get(t, fx.url("SERVICE", "WMS", "REQUEST", "GetCapabilities", "VERSION", "1.3.0"))
	var caps struct {
		Layers []struct {
			Queryable string `xml:"queryable,attr"`
			Name      string `xml:"Name"`
			Title     string `xml:"Title"`
			Styles    []struct {
				Name   string `xml:"Name"`
				Title  string `xml:"Title"`
				Legend struct {
					W      int    `xml:"width,attr"`
					H      int    `xml:"height,attr"`
					Format string `xml:"Format"`
					Href   struct {
						URL string `xml:"http://www.w3.org/1999/xlink href,attr"`
					} `xml:"OnlineResource"`
				} `xml:"LegendURL"`
			} `xml:"Style"`
		} `xml:"Capability>Layer>Layer>Layer"`
	}
	if err := xml.Unmarshal(cb, &caps); err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	found := false
	for _, l := range caps.Layers {
		names[l.Name] = true
		if l.Name != "strefy" {
			continue
		}
		found = true
		if l.Queryable != "1" || len(l.Styles) != 2 || l.Styles[0].Name != "default" || !strings.Contains(l.Styles[0].Title, "Strefy planistyczne") {
			t.Fatalf("strefy in capabilities: %+v", l)
		}
		lg := l.Styles[0].Legend
		if lg.W != bd.Dx() || lg.H != bd.Dy() || lg.Format != "image/png" {
			t.Errorf("LegendURL %dx%d %s, the legend is %dx%d", lg.W, lg.H, lg.Format, bd.Dx(), bd.Dy())
		}
		_, lb := get(t, lg.Href.URL)
		if li := decodePNG(t, lb); li.Bounds() != bd {
			t.Errorf("LegendURL %s gives %v", lg.Href.URL, li.Bounds())
		}
		// The configured single-colour style has a one-swatch legend.
		if l.Styles[1].Name != "jednolity" || l.Styles[1].Legend.W != 20 || l.Styles[1].Legend.H != 20 {
			t.Errorf("style jednolity: %+v", l.Styles[1])
		}
	}
	if !found || !names["mpzp"] || !names["plany"] {
		t.Fatalf("capabilities layers %v", names)
	}

	// RULE=SU: one 30×30 swatch in the SU fill.
	_, body = get(t, fx.url("SERVICE", "WMS", "REQUEST", "GetLegendGraphic", "LAYER", "strefy", "FORMAT", "image/png", "RULE", "SU", "WIDTH", "30", "HEIGHT", "30"))
	one := decodePNG(t, body)
	if one.Bounds().Dx() != 30 || one.Bounds().Dy() != 30 || nrgba(one.At(15, 15)) != regulationFill["SU"] {
		t.Errorf("RULE=SU: %v, centre %v", one.Bounds(), nrgba(one.At(15, 15)))
	}
	wantException(t, fx.url("SERVICE", "WMS", "REQUEST", "GetLegendGraphic", "LAYER", "strefy", "FORMAT", "image/png", "RULE", "XX"), "InvalidParameterValue")
	// WIDTH/HEIGHT size the swatches of a thematic legend.
	_, body = get(t, fx.url("SERVICE", "WMS", "REQUEST", "GetLegendGraphic", "LAYER", "strefy", "FORMAT", "image/png", "WIDTH", "40", "HEIGHT", "30"))
	big := decodePNG(t, body)
	if big.Bounds().Dx() != bd.Dx()+20 || big.Bounds().Dy() != bd.Dy()+17*10 {
		t.Errorf("40×30 swatches: legend %v, default %v", big.Bounds(), bd)
	}

	// mpzp: the MN and ZP swatches in their colours.
	_, body = get(t, fx.url("SERVICE", "WMS", "REQUEST", "GetLegendGraphic", "VERSION", "1.1.1", "LAYER", "mpzp", "FORMAT", "image/png"))
	mi := decodePNG(t, body)
	for name, c := range map[string]color.NRGBA{"MN": mpzpMN, "ZP": mpzpZP, "MW": mpzpMW} {
		if n := countColour(mi, c); n < 100 {
			t.Errorf("mpzp legend: %d pixels of the %s swatch colour %v", n, name, c)
		}
	}
}

// TestPlanningFeatureInfo: a click inside the SJ zone answers its oznaczenie,
// symbol and parameters.
func TestPlanningFeatureInfo(t *testing.T) {
	fx := planning_(t)
	var sj *store.Object
	for _, z := range fx.objects(t, "strefy") {
		if z.Attrs["symbol"] == "SJ" {
			sj = z
		}
	}
	b := square([]*store.Object{sj}, 100)
	pts := insidePoints(sj.Geometry, 50, fx.ozs)
	if len(pts) == 0 {
		t.Fatal("no point inside SJ")
	}
	x, y := pixelOf(b, 512, pts[0])
	q := func(format string) []byte {
		resp, body := get(t, fx.url("SERVICE", "WMS", "VERSION", "1.3.0", "REQUEST", "GetFeatureInfo", "LAYERS", "strefy", "QUERY_LAYERS", "strefy", "STYLES", "",
			"CRS", "EPSG:2180", "BBOX", bbox130(b), "WIDTH", "512", "HEIGHT", "512", "FORMAT", "image/png", "INFO_FORMAT", format, "I", strconv.Itoa(x), "J", strconv.Itoa(y)))
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d %s", format, resp.StatusCode, body)
		}
		return body
	}
	recs := parseKIEG(t, q("text/xml"))
	if len(recs) != 1 || recs[0]["_"] != "STREFY" || recs[0]["OZNACZENIE"] != "1SJ" || recs[0]["SYMBOL"] != "SJ" || recs[0]["MAKS_WYSOKOSC"] != "15.5" {
		t.Fatalf("feature info: %v", recs)
	}
	var fc struct {
		Features []struct {
			Properties map[string]string `json:"properties"`
		} `json:"features"`
	}
	if err := json.Unmarshal(q("application/json"), &fc); err != nil || len(fc.Features) != 1 || fc.Features[0].Properties["OZNACZENIE"] != "1SJ" {
		t.Fatalf("geojson feature info: %v %+v", err, fc)
	}
}

// TestPlanningClients: GDAL's WMS driver gets the same strefy map as we draw,
// and OWSLib reads the style and its LegendURL from the capabilities.
func TestPlanningClients(t *testing.T) {
	fx := planning_(t)
	b := square(fx.objects(t, "strefy"), 200)
	t.Run("GDAL", func(t *testing.T) {
		need(t, "gdal_translate")
		dir := t.TempDir()
		_, direct := get(t, fx.planMap("strefy", b, 1024, 1024, "FORMAT", "image/png"))
		want := decodePNG(t, direct)
		out := filepath.Join(dir, "strefy.png")
		conn := "WMS:" + fx.base + "?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=strefy&CRS=EPSG:2180&BBOX=" + bbox130(b) + "&FORMAT=image/png"
		run(t, 60*time.Second, []string{"GDAL_ENABLE_WMS_CACHE=NO", "GDAL_DEFAULT_WMS_CACHE_PATH=" + dir}, "gdal_translate", "-q", "-of", "PNG", "-outsize", "1024", "1024", conn, out)
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		got := decodePNG(t, data)
		if diff, _ := sameRGB(t, got, want, 0); diff != 0 {
			t.Fatalf("GDAL's strefy map differs from ours in %d pixels", diff)
		}
		if countColour(got, regulationFill["SJ"]) < 1000 {
			t.Fatal("GDAL's map has no SJ fill")
		}
	})
	t.Run("QGIS", func(t *testing.T) {
		if testing.Short() {
			t.Skip("QGIS start-up is slow")
		}
		needPython(t, "qgis.core")
		env := []string{"QT_QPA_PLATFORM=offscreen", "XDG_RUNTIME_DIR=" + t.TempDir()}
		lastLine := func(res []byte) []byte {
			if k := strings.LastIndexByte(strings.TrimSpace(string(res)), '\n'); k >= 0 {
				return res[k+1:]
			}
			return res
		}
		// The legend QGIS shows for the layer is our GetLegendGraphic.
		lp := filepath.Join(t.TempDir(), "legend.png")
		var lr struct {
			Valid, Null, Saved bool
			Size               []int
			Error              string
		}
		res := run(t, 120*time.Second, env, python, "testdata/clients.py", "qgis_legend", fx.base, "strefy", lp)
		if err := json.Unmarshal(lastLine(res), &lr); err != nil {
			t.Fatalf("%v: %s", err, res)
		}
		if !lr.Valid || lr.Null || !lr.Saved {
			t.Fatalf("QGIS legend: %+v", lr)
		}
		data, err := os.ReadFile(lp)
		if err != nil {
			t.Fatal(err)
		}
		got := decodePNG(t, data)
		_, direct := get(t, fx.url("SERVICE", "WMS", "REQUEST", "GetLegendGraphic", "VERSION", "1.3.0", "LAYER", "strefy", "FORMAT", "image/png"))
		want := decodePNG(t, direct)
		if got.Bounds().Size() != want.Bounds().Size() {
			t.Fatalf("QGIS legend %v, ours %v", got.Bounds(), want.Bounds())
		}
		for _, s := range zoneSymbols {
			if countColour(got, regulationFill[s]) != countColour(want, regulationFill[s]) || countColour(got, regulationFill[s]) < 100 {
				t.Errorf("QGIS legend: %s swatch has %d pixels, ours %d", s, countColour(got, regulationFill[s]), countColour(want, regulationFill[s]))
			}
		}
		// QGIS's own map of the layer matches ours.
		mp := filepath.Join(t.TempDir(), "map.png")
		if d := os.Getenv("WMS_TEST_KEEP"); d != "" {
			mp = filepath.Join(d, "qgis-strefy.png")
		}
		res = run(t, 120*time.Second, env, python, "testdata/clients.py", "qgis", fx.base,
			f(b.Min[0]), f(b.Min[1]), f(b.Max[0]), f(b.Max[1]), "512", mp, "strefy")
		var mr struct {
			Valid, Saved bool
			Errors       []string
		}
		if err := json.Unmarshal(lastLine(res), &mr); err != nil || !mr.Valid || !mr.Saved || len(mr.Errors) > 0 {
			t.Fatalf("QGIS map: %v %s", err, res)
		}
		if data, err = os.ReadFile(mp); err != nil {
			t.Fatal(err)
		}
		qm := decodePNG(t, data)
		_, direct = get(t, fx.planMap("strefy", b, 512, 512, "FORMAT", "image/png"))
		ours := decodePNG(t, direct)
		// QGIS spells the box in its own floating point: the 1 px outlines
		// may move by a fraction of a pixel, the areas may not change colour.
		// Compare the pixels whose 3×3 neighbourhood is uniform in our map.
		diff, n := 0, 0
		for y := 1; y < 511; y++ {
			for x := 1; x < 511; x++ {
				c := nrgba(ours.At(x, y))
				uniform := true
				for dy := -1; dy <= 1 && uniform; dy++ {
					for dx := -1; dx <= 1; dx++ {
						if nrgba(ours.At(x+dx, y+dy)) != c {
							uniform = false
							break
						}
					}
				}
				if !uniform {
					continue
				}
				n++
				if nrgba(qm.At(x, y)) != c {
					diff++
				}
			}
		}
		if n < 512*512*9/10 || diff > n/1000 || countColour(qm, regulationFill["SJ"]) < 1000 {
			t.Fatalf("QGIS map differs from ours in %d of %d area pixels (%d SJ pixels)", diff, n, countColour(qm, regulationFill["SJ"]))
		}
		t.Logf("QGIS vs direct GetMap: %d of %d area pixels differ", diff, n)
	})
	t.Run("OWSLib", func(t *testing.T) {
		needPython(t, "owslib.wms")
		out := run(t, 60*time.Second, nil, python, "testdata/clients.py", "owslib_legend", fx.base, "1.3.0", "strefy")
		var r struct {
			Layers []string
			Styles map[string]struct {
				Title  string
				Legend string
				Width  string `json:"legend_width"`
				Height string `json:"legend_height"`
			}
			LegendBytes int    `json:"legend_bytes"`
			LegendMagic string `json:"legend_magic"`
			LegendW     int    `json:"legend_w"`
			LegendH     int    `json:"legend_h"`
		}
		if err := json.Unmarshal(out, &r); err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		st, ok := r.Styles["default"]
		if !contains(r.Layers, "strefy") || !contains(r.Layers, "mpzp") || !ok || !strings.Contains(st.Legend, "GetLegendGraphic") {
			t.Fatalf("OWSLib: %+v", r)
		}
		if r.LegendMagic != "89504e470d0a1a0a" || strconv.Itoa(r.LegendW) != st.Width || strconv.Itoa(r.LegendH) != st.Height {
			t.Fatalf("OWSLib legend: %+v", r)
		}
	})
}
