package tiles

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/xmlschema"
)

// wmtsCaps is what the tests read of the WMTS capabilities.
type wmtsCaps struct {
	XMLName xml.Name
	Layers  []struct {
		Identifier string   `xml:"Identifier"`
		Formats    []string `xml:"Format"`
		Links      []string `xml:"TileMatrixSetLink>TileMatrixSet"`
		Boxes      []struct {
			CRS   string `xml:"crs,attr"`
			Lower string `xml:"LowerCorner"`
			Upper string `xml:"UpperCorner"`
		} `xml:"BoundingBox"`
		URLs []struct {
			Format   string `xml:"format,attr"`
			Type     string `xml:"resourceType,attr"`
			Template string `xml:"template,attr"`
		} `xml:"ResourceURL"`
	} `xml:"Contents>Layer"`
	Sets []struct {
		Identifier string `xml:"Identifier"`
		CRS        string `xml:"SupportedCRS"`
		Matrices   []struct {
			Identifier string  `xml:"Identifier"`
			Scale      float64 `xml:"ScaleDenominator"`
			TopLeft    string  `xml:"TopLeftCorner"`
			Width      int     `xml:"MatrixWidth"`
		} `xml:"TileMatrix"`
	} `xml:"Contents>TileMatrixSet"`
}

// owsException reads an OWS ExceptionReport's first exception.
func owsException(t *testing.T, body []byte) (code, locator string) {
	t.Helper()
	var rep struct {
		Exceptions []struct {
			Code    string `xml:"exceptionCode,attr"`
			Locator string `xml:"locator,attr"`
		} `xml:"Exception"`
	}
	if err := xml.Unmarshal(body, &rep); err != nil || len(rep.Exceptions) == 0 {
		t.Fatalf("not an OWS exception report (%v): %s", err, body)
	}
	return rep.Exceptions[0].Code, rep.Exceptions[0].Locator
}

// centreTile is the tile of grid g at zoom z under the centre of the parcels.
func centreTile(t *testing.T, sp string, g *Grid, z int) (x, y int) {
	t.Helper()
	ext, ok, err := openRO(t, sp).Extent(bg, "dzialki")
	if err != nil || !ok {
		t.Fatal(err)
	}
	x, y, _, _, _ = g.TileRange(orb2(g.ToGrid(ext).Center()), z)
	return x, y
}

// gridBox is the box of tiles x..x+n-1, y..y+n-1 of zoom z, in g's CRS.
func gridBox(g *Grid, z, x, y, n int) orb.Bound {
	return g.TileBound(z, x, y).Union(g.TileBound(z, x+n-1, y+n-1))
}

// wmsMap is a GetMap of box (grid CRS, E,N: WMS 1.1.1), transparent.
func wmsMap(t *testing.T, base, layer string, g *Grid, box orb.Bound, size int) image.Image {
	t.Helper()
	resp, body := get(t, fmt.Sprintf("%s/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=%s&STYLES=&SRS=EPSG:%d&BBOX=%s,%s,%s,%s&WIDTH=%d&HEIGHT=%d&FORMAT=image/png&TRANSPARENT=TRUE",
		base, layer, g.CRS.Code, num(box.Min[0]), num(box.Min[1]), num(box.Max[0]), num(box.Max[1]), size, size))
	if resp.StatusCode != 200 {
		t.Fatalf("GetMap %d: %s", resp.StatusCode, body)
	}
	return decodePNGImage(t, body)
}

func decodePNGImage(t *testing.T, b []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("png: %v (%.200q)", err, b)
	}
	return img
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return decodePNGImage(t, b)
}

// alphaDiff compares the coverage (alpha) of two transparent maps of one
// size: pixels that differ at all, by more than one of the renderer's 16
// coverage levels, and the pixels want inks.
func alphaDiff(t *testing.T, got, want image.Image) (diff, big, inked int) {
	t.Helper()
	if got.Bounds().Size() != want.Bounds().Size() {
		t.Fatalf("sizes %v and %v", got.Bounds(), want.Bounds())
	}
	gb, wb := got.Bounds(), want.Bounds()
	for y := 0; y < wb.Dy(); y++ {
		for x := 0; x < wb.Dx(); x++ {
			a := int(color.NRGBAModel.Convert(got.At(gb.Min.X+x, gb.Min.Y+y)).(color.NRGBA).A)
			b := int(color.NRGBAModel.Convert(want.At(wb.Min.X+x, wb.Min.Y+y)).(color.NRGBA).A)
			if a != b {
				diff++
			}
			if a-b > 17 || b-a > 17 {
				big++
			}
			if b > 0 {
				inked++
			}
		}
	}
	return
}

// overWhiteDiff compares an opaque picture with a transparent map drawn on
// white: pixels whose RGB differ by more than tol (sum), and the dark ones.
func overWhiteDiff(t *testing.T, got, want image.Image, tol int) (diff, dark int) {
	t.Helper()
	gb, wb := got.Bounds(), want.Bounds()
	if gb.Size() != wb.Size() {
		t.Fatalf("sizes %v and %v", gb, wb)
	}
	for y := 0; y < wb.Dy(); y++ {
		for x := 0; x < wb.Dx(); x++ {
			g := color.NRGBAModel.Convert(got.At(gb.Min.X+x, gb.Min.Y+y)).(color.NRGBA)
			w := color.NRGBAModel.Convert(want.At(wb.Min.X+x, wb.Min.Y+y)).(color.NRGBA)
			over := func(c uint8) int { return (int(c)*int(w.A) + 255*(255-int(w.A))) / 255 }
			d := abs(int(g.R)-over(w.R)) + abs(int(g.G)-over(w.G)) + abs(int(g.B)-over(w.B))
			if d > tol {
				diff++
			}
			if g.R < 128 {
				dark++
			}
		}
	}
	return
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// TestWMTSCapabilities: the capabilities (bare URL, KVP, QGIS's WMS probe,
// RESTful) are one valid WMTS 1.0.0 document of raster layers on both grids;
// KVP and RESTful GetTile give the same PNG; errors are OWS exceptions.
func TestWMTSCapabilities(t *testing.T) {
	sp := copyCounty(t, t.TempDir())
	ts := startServer(t, sp)
	var first []byte
	for _, u := range []string{"/tiles/wmts", "/tiles/wmts?SERVICE=WMTS&REQUEST=GetCapabilities", "/tiles/wmts?service=wmts&request=getcapabilities&version=1.0.0",
		"/tiles/wmts?SERVICE=WMS&REQUEST=GetCapabilities", "/tiles/wmts/1.0.0/WMTSCapabilities.xml"} {
		resp, body := get(t, ts.URL+u)
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/xml") {
			t.Fatalf("%s: %d %s", u, resp.StatusCode, body)
		}
		if first == nil {
			first = body
		} else if !bytes.Equal(body, first) {
			t.Errorf("%s: capabilities differ from the bare URL's", u)
		}
	}
	xmlschema.Validate(t, "testdata/schemas", "ogc/wmts/1.0/wmtsGetCapabilities_response.xsd", "{http://www.opengis.net/wmts/1.0}Capabilities", "wmts", first)
	var caps wmtsCaps
	if err := xml.Unmarshal(first, &caps); err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, l := range caps.Layers {
		ids[l.Identifier] = true
		if len(l.Formats) != 1 || l.Formats[0] != "image/png" || len(l.Links) != 2 || len(l.URLs) != 1 || l.URLs[0].Format != "image/png" ||
			!strings.HasSuffix(l.URLs[0].Template, "/tiles/wmts/"+l.Identifier+"/{Style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png") {
			t.Errorf("layer %s: formats %v, sets %v, URLs %+v", l.Identifier, l.Formats, l.Links, l.URLs)
		}
	}
	for _, want := range []string{"county", "dzialki", "budynki", "obreby", "numery_dzialek"} {
		if !ids[want] {
			t.Errorf("no layer %s in %v", want, ids)
		}
	}
	if len(caps.Sets) != 2 || caps.Sets[0].Identifier != "WebMercatorQuad" || caps.Sets[1].Identifier != "PL-1992" {
		t.Fatalf("tile matrix sets %+v", caps.Sets)
	}
	wm, pl := caps.Sets[0], caps.Sets[1]
	if wm.CRS != "urn:ogc:def:crs:EPSG::3857" || len(wm.Matrices) != 23 || wm.Matrices[0].TopLeft != "-20037508.342789244 20037508.342789244" ||
		math.Abs(wm.Matrices[0].Scale-559082264.0287178) > 1e-6 {
		t.Errorf("WebMercatorQuad %+v", wm.Matrices[0])
	}
	// PL-1992: EPSG:2180 is northing first; the matrices are the grid's from
	// zoom 5 (one tile holding Poland), its tile 16 of 1.5625 m pixels.
	if pl.CRS != "urn:ogc:def:crs:EPSG::2180" || pl.Matrices[0].Identifier != "5" || pl.Matrices[0].Width != 1 ||
		pl.Matrices[0].TopLeft != "850000 100000" || pl.Matrices[11].Identifier != "16" || pl.Matrices[11].Width != 2048 ||
		math.Abs(pl.Matrices[11].Scale-1.5625/0.00028) > 1e-6 {
		t.Errorf("PL-1992 %+v", pl.Matrices[:1])
	}
	// The layer's box in EPSG:2180 is N,E and covers the parcels.
	ext, _, _ := openRO(t, sp).Extent(bg, "dzialki")
	for _, l := range caps.Layers {
		if l.Identifier != "dzialki" {
			continue
		}
		var lo, hi [2]float64
		for _, bb := range l.Boxes {
			if bb.CRS == "urn:ogc:def:crs:EPSG::2180" {
				fmt.Sscanf(bb.Lower, "%g %g", &lo[0], &lo[1])
				fmt.Sscanf(bb.Upper, "%g %g", &hi[0], &hi[1])
			}
		}
		if lo[0] > ext.Min[1] || lo[1] > ext.Min[0] || hi[0] < ext.Max[1] || hi[1] < ext.Max[0] || hi[0]-lo[0] > ext.Max[1]-ext.Min[1]+6400 {
			t.Errorf("dzialki box in EPSG:2180 %v %v for the parcels' E,N %v", lo, hi, ext)
		}
	}

	// KVP and RESTful GetTile: the same PNG, revalidated by its tag.
	x, y := centreTile(t, sp, PL1992, 16)
	rest := fmt.Sprintf("%s/tiles/wmts/dzialki/default/PL-1992/16/%d/%d.png", ts.URL, y, x)
	kvp := fmt.Sprintf("%s/tiles/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=dzialki&STYLE=default&FORMAT=image/png&TILEMATRIXSET=PL-1992&TILEMATRIX=16&TILEROW=%d&TILECOL=%d", ts.URL, y, x)
	r1, b1 := get(t, rest)
	r2, b2 := get(t, kvp)
	if r1.StatusCode != 200 || r1.Header.Get("Content-Type") != "image/png" || !bytes.Equal(b1, b2) || r2.StatusCode != 200 {
		t.Fatalf("REST %d %s, KVP %d: %d and %d bytes", r1.StatusCode, r1.Header.Get("Content-Type"), r2.StatusCode, len(b1), len(b2))
	}
	if img := decodePNGImage(t, b1); img.Bounds().Dx() != 256 || img.Bounds().Dy() != 256 {
		t.Fatalf("tile %v", img.Bounds())
	}
	if resp, _ := get(t, rest, "If-None-Match", r1.Header.Get("ETag")); resp.StatusCode != 304 {
		t.Errorf("revalidation: %d", resp.StatusCode)
	}
	// Errors: OWS exception reports with the WMTS codes.
	for _, c := range []struct {
		query, code, locator string
		status               int
	}{
		{"SERVICE=WMTS&REQUEST=GetTile&LAYER=dzialki&TILEMATRIXSET=PL-1992&TILEMATRIX=16&TILEROW=1", "MissingParameterValue", "TILECOL", 400},
		{"SERVICE=WMTS&REQUEST=GetTile&LAYER=drogi&TILEMATRIXSET=PL-1992&TILEMATRIX=16&TILEROW=1&TILECOL=1", "InvalidParameterValue", "LAYER", 400},
		{"SERVICE=WMTS&REQUEST=GetTile&LAYER=dzialki&TILEMATRIXSET=EPSG:4326&TILEMATRIX=16&TILEROW=1&TILECOL=1", "InvalidParameterValue", "TILEMATRIXSET", 400},
		{"SERVICE=WMTS&REQUEST=GetTile&LAYER=dzialki&TILEMATRIXSET=PL-1992&TILEMATRIX=4&TILEROW=0&TILECOL=0", "InvalidParameterValue", "TILEMATRIX", 400},
		{"SERVICE=WMTS&REQUEST=GetTile&LAYER=dzialki&TILEMATRIXSET=PL-1992&TILEMATRIX=16&TILEROW=2048&TILECOL=1", "TileOutOfRange", "TILEROW", 400},
		{"SERVICE=WMTS&REQUEST=GetTile&LAYER=dzialki&TILEMATRIXSET=WebMercatorQuad&TILEMATRIX=3&TILEROW=1&TILECOL=-1", "TileOutOfRange", "TILECOL", 400},
		{"SERVICE=WMTS&REQUEST=GetTile&LAYER=dzialki&FORMAT=application/vnd.mapbox-vector-tile&TILEMATRIXSET=PL-1992&TILEMATRIX=16&TILEROW=1&TILECOL=1", "InvalidParameterValue", "FORMAT", 400},
		{"SERVICE=WMTS&REQUEST=GetTile&LAYER=dzialki&STYLE=red&TILEMATRIXSET=PL-1992&TILEMATRIX=16&TILEROW=1&TILECOL=1", "InvalidParameterValue", "STYLE", 400},
		{"SERVICE=WMTS&REQUEST=GetFeatureInfo", "OperationNotSupported", "REQUEST", 501},
		{"SERVICE=WFS&REQUEST=GetCapabilities", "InvalidParameterValue", "SERVICE", 400},
	} {
		resp, body := get(t, ts.URL+"/tiles/wmts?"+c.query)
		code, loc := owsException(t, body)
		if resp.StatusCode != c.status || code != c.code || loc != c.locator {
			t.Errorf("%s: %d %s %s, want %d %s %s", c.query, resp.StatusCode, code, loc, c.status, c.code, c.locator)
		}
	}
	if resp, body := get(t, ts.URL+"/tiles/wmts/dzialki/default/PL-1992/16/99999/1.png"); resp.StatusCode != 400 {
		t.Errorf("REST out of range: %d %s", resp.StatusCode, body)
	}

	// OWSLib reads the capabilities and fetches the tile by KVP.
	if exec.Command("/usr/bin/python3", "-c", "import owslib.wmts").Run() != nil {
		t.Log("python3-owslib not installed: OWSLib check skipped")
		return
	}
	out := filepath.Join(t.TempDir(), "owslib.png")
	res, err := exec.Command("/usr/bin/python3", "testdata/wmts_clients.py", "owslib", ts.URL+"/tiles/wmts", "dzialki", "PL-1992", "16",
		strconv.Itoa(y), strconv.Itoa(x), out).CombinedOutput()
	var ow struct {
		Layers, Sets, Formats, Templates []string
		CRS                              map[string]string
		Bytes                            int
	}
	if err != nil || json.Unmarshal(lastLine(res), &ow) != nil {
		t.Fatalf("OWSLib: %v %s", err, res)
	}
	if got, _ := os.ReadFile(out); !bytes.Equal(got, b1) || ow.CRS["PL-1992"] != "urn:ogc:def:crs:EPSG::2180" || len(ow.Templates) != 1 {
		t.Errorf("OWSLib: %+v (tile %d bytes, want %d)", ow, ow.Bytes, len(b1))
	}
}

func lastLine(b []byte) []byte {
	s := strings.TrimSpace(string(b))
	if k := strings.LastIndexByte(s, '\n'); k >= 0 {
		s = s[k+1:]
	}
	return []byte(s)
}

// wmtsCases are the grids the client tests read: PL-1992 at zoom 16 (1.5625
// m pixels) and WebMercatorQuad at 17 (1.19 m, 0.74 m on the ground).
var wmtsCases = []struct {
	g   *Grid
	z   int
	crs string
}{{PL1992, 16, "EPSG:2180"}, {WebMercatorQuad, 17, "EPSG:3857"}}

// TestWMTSGDAL: GDAL's WMTS driver opens the layer on each tile matrix set,
// builds that set's tile URLs (the {TileMatrixSet} template) and reads 2×2
// tiles whose pixels are those of a WMS GetMap of the same box.
func TestWMTSGDAL(t *testing.T) {
	if _, err := exec.LookPath("gdal_translate"); err != nil {
		t.Skip("oracle missing: gdal-bin")
	}
	sp := copyCounty(t, t.TempDir())
	ts := startServer(t, sp)
	dir := t.TempDir()
	for _, c := range wmtsCases {
		t.Run(c.g.ID, func(t *testing.T) {
			x, y := centreTile(t, sp, c.g, c.z)
			box := gridBox(c.g, c.z, x, y, 2)
			res := c.g.Resolution(c.z)
			out := filepath.Join(dir, c.g.ID+".png")
			cmd := exec.Command("gdal_translate", "-q", "-of", "PNG", "-projwin", num(box.Min[0]), num(box.Max[1]), num(box.Max[0]), num(box.Min[1]),
				"-tr", num(res), num(res), fmt.Sprintf("WMTS:%s/tiles/wmts,layer=dzialki,tilematrixset=%s", ts.URL, c.g.ID), out)
			cmd.Env = append(os.Environ(), "GDAL_ENABLE_WMS_CACHE=NO", "GDAL_DEFAULT_WMS_CACHE_PATH="+dir)
			if b, err := cmd.CombinedOutput(); err != nil || len(b) > 0 {
				t.Fatalf("gdal_translate: %v\n%s", err, b) // no warnings either
			}
			got := readPNG(t, out)
			want := wmsMap(t, ts.URL, "dzialki", c.g, box, 512)
			diff, big, inked := alphaDiff(t, got, want)
			t.Logf("%s: GDAL vs GetMap: %d of %d pixels differ by one coverage level, %d more; %d inked", c.g.ID, diff-big, 512*512, big, inked)
			if inked < 2000 || big != 0 || diff > 512*512/100 {
				t.Fatalf("GDAL's reading differs from GetMap in %d pixels (%d by more than one level; %d inked)", diff, big, inked)
			}
		})
	}
}

// TestWMTSQGIS: QGIS, given the bare /tiles/wmts URL, answers its own
// SERVICE=WMS probe with the WMTS capabilities, loads the layer on each tile
// matrix set and draws what GetMap draws; the dataset layer (every layer,
// labels) draws at the county and nothing beside it.
func TestWMTSQGIS(t *testing.T) {
	if testing.Short() {
		t.Skip("QGIS start-up is slow")
	}
	if exec.Command("/usr/bin/python3", "-c", "import qgis.core").Run() != nil {
		t.Skip("oracle missing: python3-qgis")
	}
	sp := copyCounty(t, t.TempDir())
	ts := startServer(t, sp)
	dir := t.TempDir()
	qgis := func(t *testing.T, layer string, c struct {
		g   *Grid
		z   int
		crs string
	}, box orb.Bound, name string) image.Image {
		t.Helper()
		out := filepath.Join(dir, name+".png")
		cmd := exec.Command("/usr/bin/python3", "testdata/wmts_clients.py", "qgis", ts.URL+"/tiles/wmts", layer, c.g.ID, c.crs,
			fmt.Sprintf("%s,%s,%s,%s", num(box.Min[0]), num(box.Min[1]), num(box.Max[0]), num(box.Max[1])), "512", out)
		cmd.Env = append(os.Environ(), "QT_QPA_PLATFORM=offscreen", "XDG_RUNTIME_DIR="+t.TempDir())
		b, err := cmd.Output()
		var r struct {
			Valid, Saved bool
			CRS, Error   string
			Errors       []string
		}
		if err != nil || json.Unmarshal(lastLine(b), &r) != nil || !r.Valid || !r.Saved || len(r.Errors) > 0 || r.CRS != c.crs {
			t.Fatalf("QGIS: %v %+v\n%s", err, r, b)
		}
		return readPNG(t, out)
	}
	for _, c := range wmtsCases {
		t.Run(c.g.ID, func(t *testing.T) {
			x, y := centreTile(t, sp, c.g, c.z)
			box := gridBox(c.g, c.z, x, y, 2)
			got := qgis(t, "dzialki", c, box, c.g.ID)
			diff, dark := overWhiteDiff(t, got, wmsMap(t, ts.URL, "dzialki", c.g, box, 512), 48)
			t.Logf("%s: QGIS vs GetMap: %d of %d pixels differ; %d dark", c.g.ID, diff, 512*512, dark)
			if dark < 2000 || diff > 512*512/100 {
				t.Fatalf("QGIS picture differs from GetMap in %d pixels (%d dark)", diff, dark)
			}
			// The whole dataset two zooms out, and 200 km away.
			wide := gridBox(c.g, c.z-2, x>>2, y>>2, 2)
			county := qgis(t, "county", c, wide, c.g.ID+"-county")
			_, drawn := overWhiteDiff(t, county, county, 0)
			away := wide
			away.Min[0] += 200000
			away.Max[0] += 200000
			_, beside := overWhiteDiff(t, qgis(t, "county", c, away, c.g.ID+"-away"), county, 0)
			if drawn < 2000 || beside != 0 {
				t.Fatalf("QGIS drew %d dark pixels over the county, %d beside it", drawn, beside)
			}
		})
	}
}

// TestWMTSInvalidation: a raster tile is cached, and a change to the store
// drops exactly the tiles it reaches: the changed tile is drawn again with
// the change, a far one stays cached.
func TestWMTSInvalidation(t *testing.T) {
	sp := copyCounty(t, t.TempDir())
	ts := startServer(t, sp)
	var parcels []*store.Object
	openRO(t, sp).Query(bg, store.Query{Layer: "dzialki", Limit: 400}, func(row store.Row) error { parcels = append(parcels, row.Object); return nil })
	target := parcels[100] // editCounty shrinks it by a fifth
	g, z := PL1992, 16
	x, y, _, _, _ := g.TileRange(orb2(target.Geometry.Bound().Center()), z)
	fx, fy := centreTile(t, sp, g, z-4)
	fx, fy = fx<<4, fy<<4
	if abs(fx-x) < 3 && abs(fy-y) < 3 {
		fx += 8
	}
	url := func(x, y int) string {
		return fmt.Sprintf("%s/tiles/wmts/dzialki/default/PL-1992/%d/%d/%d.png", ts.URL, z, y, x)
	}
	_, nearBefore := get(t, url(x, y))
	_, farBefore := get(t, url(fx, fy))
	cached := func(x, y int) bool {
		ts.svc.cache.mu.Lock()
		defer ts.svc.cache.mu.Unlock()
		for k := range ts.svc.cache.items {
			if k.reach > 0 && k.grid == g && k.TileKey == (TileKey{z, x, y}) {
				return true
			}
		}
		return false
	}
	if !cached(x, y) || !cached(fx, fy) {
		t.Fatal("raster tiles not cached")
	}
	hits := ts.svc.metrics.hits.Value()
	if _, again := get(t, url(x, y)); !bytes.Equal(again, nearBefore) || ts.svc.metrics.hits.Value() != hits+1 {
		t.Fatal("the second request was not answered from the cache")
	}
	ds := ts.srv.Host().Current().Datasets()[0]
	rev := ds.Revision()
	_, deleted := editCounty(t, sp)
	for deadline := time.Now().Add(10 * time.Second); ds.Revision() == rev && time.Now().Before(deadline); {
		time.Sleep(20 * time.Millisecond)
	}
	if ds.Revision() == rev {
		t.Fatal("the index did not follow the store")
	}
	if cached(x, y) || !cached(fx, fy) {
		t.Fatalf("after the change: changed tile cached %v, far tile cached %v", cached(x, y), cached(fx, fy))
	}
	_, nearAfter := get(t, url(x, y))
	diff, _, _ := alphaDiff(t, decodePNGImage(t, nearAfter), decodePNGImage(t, nearBefore))
	// The pixels that changed lie on the outlines of the changed parcels.
	tb := g.TileBound(z, x, y)
	inChange := func(qx, py int) bool {
		e := tb.Min[0] + (float64(qx)+0.5)*g.Resolution(z)
		n := tb.Max[1] - (float64(py)+0.5)*g.Resolution(z)
		for _, o := range []*store.Object{target, deleted} {
			if o.Geometry.Bound().Pad(3 * g.Resolution(z)).Contains(orb.Point{e, n}) {
				return true
			}
		}
		return false
	}
	// (The rasterizer sums coverage along the whole image, so its rounding
	// may move a pixel elsewhere by one coverage level: only more counts.)
	outside := 0
	before, after := decodePNGImage(t, nearBefore), decodePNGImage(t, nearAfter)
	for py := 0; py < 256; py++ {
		for qx := 0; qx < 256; qx++ {
			a := int(color.NRGBAModel.Convert(before.At(qx, py)).(color.NRGBA).A)
			b := int(color.NRGBAModel.Convert(after.At(qx, py)).(color.NRGBA).A)
			if abs(a-b) > 17 && !inChange(qx, py) {
				outside++
			}
		}
	}
	if diff < 50 || outside > 0 {
		t.Fatalf("the changed tile: %d pixels differ, %d outside the changed parcels' boxes", diff, outside)
	}
	if _, farAfter := get(t, url(fx, fy)); !bytes.Equal(farAfter, farBefore) {
		t.Error("an untouched tile changed")
	}
}
