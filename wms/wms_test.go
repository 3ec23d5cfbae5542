package wms_test

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"image"
	"image/color"
	"io"
	"log/slog"
	"math"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/geo"
	"github.com/sip-core/sip/server"
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/gpkg"
)

// view is a square map of side metres around the median building (a dense
// built-up part of the county).
func view(t testing.TB, side float64) orb.Bound {
	bs := layerObjects(t, "budynki", datasetExtent(t))
	xs, ys := make([]float64, len(bs)), make([]float64, len(bs))
	for i, o := range bs {
		c := o.Geometry.Bound().Center()
		xs[i], ys[i] = c[0], c[1]
	}
	slices.Sort(xs)
	slices.Sort(ys)
	c := orb.Point{math.Round(xs[len(xs)/2]), math.Round(ys[len(ys)/2])}
	return orb.Bound{Min: orb.Point{c[0] - side/2, c[1] - side/2}, Max: orb.Point{c[0] + side/2, c[1] + side/2}}
}

func f(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// bbox130 spells a storage box for WMS 1.3.0 EPSG:2180 (N,E).
func bbox130(b orb.Bound) string {
	return f(b.Min[1]) + "," + f(b.Min[0]) + "," + f(b.Max[1]) + "," + f(b.Max[0])
}

func bbox111(b orb.Bound) string {
	return f(b.Min[0]) + "," + f(b.Min[1]) + "," + f(b.Max[0]) + "," + f(b.Max[1])
}

type exceptionReport struct {
	Exceptions []struct {
		Code    string `xml:"code,attr"`
		Locator string `xml:"locator,attr"`
		Text    string `xml:",chardata"`
	} `xml:"ServiceException"`
}

func wantException(t *testing.T, u, code string) {
	t.Helper()
	resp, body := get(t, u)
	var rep exceptionReport
	if err := xml.Unmarshal(body, &rep); err != nil || len(rep.Exceptions) != 1 {
		t.Fatalf("%s: want exception %s, got %d %s: %.300s", u, code, resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
	if rep.Exceptions[0].Code != code {
		t.Fatalf("%s: exception code %q, want %q (%s)", u, rep.Exceptions[0].Code, code, rep.Exceptions[0].Text)
	}
	ct := resp.Header.Get("Content-Type")
	if !strings.HasPrefix(ct, "text/xml") && !strings.HasPrefix(ct, "application/vnd.ogc.se_xml") {
		t.Fatalf("%s: exception content type %q", u, ct)
	}
}

func getMap130(b orb.Bound, w, h int, extra ...string) string {
	kv := []string{"SERVICE", "WMS", "VERSION", "1.3.0", "REQUEST", "GetMap", "LAYERS", "dzialki,budynki", "STYLES", "",
		"CRS", "EPSG:2180", "BBOX", bbox130(b), "WIDTH", strconv.Itoa(w), "HEIGHT", strconv.Itoa(h), "FORMAT", "image/png"}
	return wmsURL(override(kv, extra)...)
}

// override replaces or adds key/value pairs.
func override(kv, extra []string) []string {
	out := append([]string{}, kv...)
next:
	for i := 0; i+1 < len(extra); i += 2 {
		for j := 0; j+1 < len(out); j += 2 {
			if out[j] == extra[i] {
				out[j+1] = extra[i+1]
				continue next
			}
		}
		out = append(out, extra[i], extra[i+1])
	}
	return out
}

// ---- capabilities ----

type caps130 struct {
	XMLName        xml.Name `xml:"WMS_Capabilities"`
	Version        string   `xml:"version,attr"`
	UpdateSequence string   `xml:"updateSequence,attr"`
	Capability     struct {
		Layer layer130 `xml:"Layer"`
	} `xml:"Capability"`
}

type layer130 struct {
	Queryable string   `xml:"queryable,attr"`
	Name      string   `xml:"Name"`
	Title     string   `xml:"Title"`
	CRS       []string `xml:"CRS"`
	Geo       *struct {
		W float64 `xml:"westBoundLongitude"`
		E float64 `xml:"eastBoundLongitude"`
		S float64 `xml:"southBoundLatitude"`
		N float64 `xml:"northBoundLatitude"`
	} `xml:"EX_GeographicBoundingBox"`
	BBoxes []struct {
		CRS  string  `xml:"CRS,attr"`
		MinX float64 `xml:"minx,attr"`
		MinY float64 `xml:"miny,attr"`
		MaxX float64 `xml:"maxx,attr"`
		MaxY float64 `xml:"maxy,attr"`
	} `xml:"BoundingBox"`
	Styles []struct {
		Name   string `xml:"Name"`
		Legend struct {
			Href struct {
				URL string `xml:"http://www.w3.org/1999/xlink href,attr"`
			} `xml:"OnlineResource"`
		} `xml:"LegendURL"`
	} `xml:"Style"`
	MaxScale float64    `xml:"MaxScaleDenominator"`
	Layers   []layer130 `xml:"Layer"`
}

func named(l layer130, fn func(l layer130, crs []string)) {
	var walk func(l layer130, crs []string)
	walk = func(l layer130, crs []string) {
		crs = append(append([]string{}, crs...), l.CRS...)
		if l.Name != "" {
			fn(l, crs)
		}
		for _, c := range l.Layers {
			walk(c, crs)
		}
	}
	walk(l, nil)
}

func TestCapabilities130(t *testing.T) {
	resp, body := get(t, wmsURL("SERVICE", "WMS", "REQUEST", "GetCapabilities"))
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/xml") {
		t.Fatalf("status %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	var c caps130
	if err := xml.Unmarshal(body, &c); err != nil {
		t.Fatal(err)
	}
	if c.Version != "1.3.0" {
		t.Fatalf("version %q", c.Version)
	}
	seen := map[string]layer130{}
	named(c.Capability.Layer, func(l layer130, crs []string) {
		seen[l.Name] = l
		if len(crs) == 0 {
			t.Errorf("layer %s has no CRS", l.Name)
		}
		if l.Geo == nil || !(l.Geo.W < l.Geo.E) || !(l.Geo.S < l.Geo.N) {
			t.Errorf("layer %s: EX_GeographicBoundingBox %+v", l.Name, l.Geo)
		}
		dup := map[string]bool{}
		for _, b := range l.BBoxes {
			if dup[b.CRS] {
				t.Errorf("layer %s: duplicate BoundingBox for %s", l.Name, b.CRS)
			}
			dup[b.CRS] = true
			if !(b.MinX < b.MaxX && b.MinY < b.MaxY) {
				t.Errorf("layer %s: BoundingBox %+v", l.Name, b)
			}
		}
		for _, want := range []string{"EPSG:2180", "EPSG:2176", "EPSG:2177", "EPSG:2178", "EPSG:2179", "EPSG:4326", "EPSG:3857", "CRS:84"} {
			if !dup[want] {
				t.Errorf("layer %s: no BoundingBox for %s", l.Name, want)
			}
		}
	})
	for _, n := range []string{"county", "dzialki", "numery_dzialek", "budynki", "obreby", "uzytki", "kontury", "punkty"} {
		if _, ok := seen[n]; !ok {
			t.Errorf("layer %s missing", n)
		}
	}
	if seen["dzialki"].Queryable != "1" || seen["numery_dzialek"].Queryable != "0" {
		t.Errorf("queryable flags: dzialki %q numery_dzialek %q", seen["dzialki"].Queryable, seen["numery_dzialek"].Queryable)
	}
	if seen["numery_dzialek"].MaxScale <= 0 {
		t.Errorf("numery_dzialek has no scale hint")
	}
	// 2180 bounding box in EPSG axis order: minx is a northing, miny an easting,
	// matching the store's extent.
	ext := datasetExtent(t)
	for _, b := range seen["dzialki"].BBoxes {
		if b.CRS == "EPSG:2180" && (math.Abs(b.MinX-ext.Min[1]) > 0.01 || math.Abs(b.MinY-ext.Min[0]) > 0.01) {
			t.Errorf("EPSG:2180 box %+v, extent %v", b, ext)
		}
		if b.CRS == "EPSG:4326" && !(b.MinX > 49 && b.MinX < 55 && b.MinY > 14 && b.MinY < 25) {
			t.Errorf("EPSG:4326 box not lat,lon: %+v", b)
		}
	}
	// Every style has a legend that is a PNG.
	st := seen["budynki"].Styles
	if len(st) < 2 || st[0].Name != "default" || st[1].Name != "czerwone" {
		t.Fatalf("budynki styles: %+v", st)
	}
	resp, img := get(t, st[0].Legend.Href.URL)
	if resp.StatusCode != 200 {
		t.Fatalf("legend %s: %d %s", st[0].Legend.Href.URL, resp.StatusCode, img)
	}
	lg := decodePNG(t, img)
	// The building legend holds the building fill colour.
	fill := color.NRGBA{0xf2, 0xc6, 0xa0, 255}
	if c := nrgba(lg.At(lg.Bounds().Dx()/2, lg.Bounds().Dy()/2)); c != fill {
		t.Errorf("legend centre %v, want %v", c, fill)
	}
}

func TestCapabilities111AndNegotiation(t *testing.T) {
	for _, tc := range []struct{ ask, want string }{
		{"", "1.3.0"}, {"1.3.0", "1.3.0"}, {"100.0.0", "1.3.0"}, {"1.1.1", "1.1.1"}, {"1.2.0", "1.1.1"}, {"0.0.0", "1.1.1"},
	} {
		kv := []string{"SERVICE", "WMS", "REQUEST", "GetCapabilities"}
		if tc.ask != "" {
			kv = append(kv, "VERSION", tc.ask)
		}
		_, body := get(t, wmsURL(kv...))
		var root struct {
			XMLName xml.Name
			Version string `xml:"version,attr"`
		}
		if err := xml.Unmarshal(body, &root); err != nil {
			t.Fatalf("%s: %v", tc.ask, err)
		}
		if root.Version != tc.want {
			t.Errorf("VERSION=%q: got %s, want %s", tc.ask, root.Version, tc.want)
		}
		if tc.want == "1.1.1" && root.XMLName.Local != "WMT_MS_Capabilities" {
			t.Errorf("1.1.1 root %s", root.XMLName.Local)
		}
	}
	// 1.1.1 layers carry LatLonBoundingBox and SRS boxes in E,N order.
	_, body := get(t, wmsURL("SERVICE", "WMS", "REQUEST", "GetCapabilities", "VERSION", "1.1.1"))
	s := string(body)
	ext := datasetExtent(t)
	want := fmt.Sprintf(`<BoundingBox SRS="EPSG:2180" minx="%s"`, f(ext.Min[0]))
	if !strings.Contains(s, "<LatLonBoundingBox") || !strings.Contains(s, want) || !strings.Contains(s, "<ScaleHint") {
		t.Fatalf("1.1.1 capabilities lack %s or LatLonBoundingBox or ScaleHint", want)
	}
	// UPDATESEQUENCE: current → CurrentUpdateSequence; higher → InvalidUpdateSequence.
	var c caps130
	_, body = get(t, wmsURL("SERVICE", "WMS", "REQUEST", "GetCapabilities"))
	xml.Unmarshal(body, &c)
	seq, _ := strconv.Atoi(c.UpdateSequence)
	wantException(t, wmsURL("SERVICE", "WMS", "REQUEST", "GetCapabilities", "UPDATESEQUENCE", strconv.Itoa(seq)), "CurrentUpdateSequence")
	wantException(t, wmsURL("SERVICE", "WMS", "REQUEST", "GetCapabilities", "UPDATESEQUENCE", strconv.Itoa(seq+1000)), "InvalidUpdateSequence")
	resp, _ := get(t, wmsURL("SERVICE", "WMS", "REQUEST", "GetCapabilities", "UPDATESEQUENCE", strconv.Itoa(seq-1)))
	if resp.StatusCode != 200 {
		t.Fatalf("older update sequence: %d", resp.StatusCode)
	}
	// Parameter names are case-insensitive; /ows and /wms/{dataset} serve too.
	for _, u := range []string{baseURL + "/wms?service=WMS&request=GetCapabilities", baseURL + "/ows?SERVICE=WMS&REQUEST=GetCapabilities", baseURL + "/wms/county?REQUEST=GetCapabilities"} {
		resp, body := get(t, u)
		if resp.StatusCode != 200 || !strings.Contains(string(body), "<Name>dzialki</Name>") {
			t.Errorf("%s: %d", u, resp.StatusCode)
		}
	}
}

// ---- GetMap ----

func TestGetMapErrors(t *testing.T) {
	b := view(t, 400)
	for _, tc := range []struct {
		name  string
		extra []string
		code  string
	}{
		{"inverted bbox", []string{"BBOX", bbox130(orb.Bound{Min: b.Max, Max: b.Min})}, "InvalidParameterValue"},
		{"equal bbox", []string{"BBOX", "1,1,1,2"}, "InvalidParameterValue"},
		{"NaN bbox", []string{"BBOX", "NaN,1,2,3"}, "InvalidParameterValue"},
		{"Inf bbox", []string{"BBOX", "1,1,Inf,3"}, "InvalidParameterValue"},
		{"short bbox", []string{"BBOX", "1,2,3"}, "InvalidParameterValue"},
		{"unknown CRS", []string{"CRS", "EPSG:99999"}, "InvalidCRS"},
		{"unsupported CRS", []string{"CRS", "EPSG:4258"}, "InvalidCRS"},
		{"unknown format", []string{"FORMAT", "image/gif"}, "InvalidFormat"},
		{"unknown first layer", []string{"LAYERS", "nope,dzialki"}, "LayerNotDefined"},
		{"unknown last layer", []string{"LAYERS", "dzialki,budynki,nope"}, "LayerNotDefined"},
		{"unknown style", []string{"STYLES", "default,nope"}, "StyleNotDefined"},
		{"style count", []string{"STYLES", "default"}, "StyleNotDefined"},
		{"huge size", []string{"WIDTH", "100000", "HEIGHT", "100000"}, "InvalidParameterValue"},
		{"zero size", []string{"WIDTH", "0"}, "InvalidParameterValue"},
		{"non-numeric size", []string{"WIDTH", "abc"}, "InvalidParameterValue"},
		{"bad bgcolor", []string{"BGCOLOR", "red"}, "InvalidParameterValue"},
		{"bad transparent", []string{"TRANSPARENT", "yes"}, "InvalidParameterValue"},
		{"missing version", []string{"VERSION", ""}, "MissingParameterValue"},
		{"bad version", []string{"VERSION", "9.9.9"}, "InvalidParameterValue"},
		{"bad request", []string{"REQUEST", "GetMapp"}, "OperationNotSupported"},
	} {
		t.Run(tc.name, func(t *testing.T) { wantException(t, getMap130(b, 256, 256, tc.extra...), tc.code) })
	}
	// 1.1.1 says InvalidSRS.
	wantException(t, wmsURL("SERVICE", "WMS", "VERSION", "1.1.1", "REQUEST", "GetMap", "LAYERS", "dzialki", "STYLES", "", "SRS", "EPSG:1", "BBOX", bbox111(b), "WIDTH", "8", "HEIGHT", "8", "FORMAT", "image/png"), "InvalidSRS")

	// EXCEPTIONS=INIMAGE draws the error into an image of the requested size;
	// BLANK answers the background only.
	resp, body := get(t, getMap130(b, 300, 100, "LAYERS", "nope", "EXCEPTIONS", "INIMAGE"))
	img := decodePNG(t, body)
	if resp.StatusCode != 200 || img.Bounds().Dx() != 300 || img.Bounds().Dy() != 100 {
		t.Fatalf("INIMAGE: %d %v", resp.StatusCode, img.Bounds())
	}
	if !hasColour(img, func(c color.NRGBA) bool { return c.R > 150 && c.G < 80 && c.B < 80 }) {
		t.Fatal("INIMAGE: no error text drawn")
	}
	_, body = get(t, getMap130(b, 64, 32, "LAYERS", "nope", "EXCEPTIONS", "BLANK", "BGCOLOR", "0x00FF00"))
	img = decodePNG(t, body)
	if n := countColour(img, color.NRGBA{0, 255, 0, 255}); n != 64*32 {
		t.Fatalf("BLANK: %d of %d pixels are the background", n, 64*32)
	}
}

func hasColour(img image.Image, fn func(color.NRGBA) bool) bool {
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if fn(nrgba(img.At(x, y))) {
				return true
			}
		}
	}
	return false
}

func countColour(img image.Image, c color.NRGBA) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if nrgba(img.At(x, y)) == c {
				n++
			}
		}
	}
	return n
}

func TestGetMapSizesFormatsBackground(t *testing.T) {
	b := view(t, 400)
	for _, sz := range [][2]int{{8, 5}, {1024, 768}, {1, 1}, {2048, 3}} {
		resp, body := get(t, getMap130(b, sz[0], sz[1]))
		img := decodePNG(t, body)
		if resp.StatusCode != 200 || img.Bounds().Dx() != sz[0] || img.Bounds().Dy() != sz[1] {
			t.Fatalf("%v: %d %v", sz, resp.StatusCode, img.Bounds())
		}
	}
	// A box far from the data: only the background.
	far := orb.Bound{Min: orb.Point{200000, 200000}, Max: orb.Point{201000, 201000}}
	_, body := get(t, getMap130(far, 40, 30, "BGCOLOR", "0x3366CC"))
	if n := countColour(decodePNG(t, body), color.NRGBA{0x33, 0x66, 0xcc, 255}); n != 1200 {
		t.Fatalf("empty map: %d background pixels of 1200", n)
	}
	// TRANSPARENT=TRUE: a 32-bit PNG with transparent background pixels.
	resp, body := get(t, getMap130(b, 256, 256, "TRANSPARENT", "TRUE"))
	img := decodePNG(t, body)
	if _, ok := img.(*image.NRGBA); !ok {
		if _, ok := img.(*image.RGBA); !ok {
			t.Fatalf("transparent PNG decoded as %T", img)
		}
	}
	if !hasColour(img, func(c color.NRGBA) bool { return c.A == 0 }) || !hasColour(img, func(c color.NRGBA) bool { return c.A == 255 }) {
		t.Fatal("transparent map lacks transparent or opaque pixels")
	}
	if resp.Header.Get("Content-Type") != "image/png" {
		t.Fatalf("content type %q", resp.Header.Get("Content-Type"))
	}
	// Opaque image/png is 8-bit paletted; mode=32bit is not.
	_, body = get(t, getMap130(b, 256, 256))
	if _, ok := decodePNG(t, body).(*image.Paletted); !ok {
		t.Fatal("image/png is not paletted")
	}
	_, body = get(t, getMap130(b, 256, 256, "FORMAT", "image/png; mode=32bit"))
	if _, ok := decodePNG(t, body).(*image.Paletted); ok {
		t.Fatal("mode=32bit is paletted")
	}
	resp, body = get(t, getMap130(b, 256, 200, "FORMAT", "image/jpeg"))
	if img := decodeImage(t, body); resp.Header.Get("Content-Type") != "image/jpeg" || img.Bounds().Dx() != 256 {
		t.Fatalf("jpeg: %s %v", resp.Header.Get("Content-Type"), img.Bounds())
	}
	// Revalidation: an unchanged map answers 304 to its ETag.
	resp, _ = get(t, getMap130(b, 64, 64))
	etag := resp.Header.Get("ETag")
	req, _ := http.NewRequest("GET", getMap130(b, 64, 64), nil)
	req.Header.Set("If-None-Match", etag)
	r2, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	r2.Body.Close()
	if etag == "" || r2.StatusCode != http.StatusNotModified {
		t.Fatalf("ETag %q, revalidation status %d", etag, r2.StatusCode)
	}
	// STYLES=,, and exponential BBOX numbers are accepted; unknown parameters ignored.
	bb := fmt.Sprintf("%e,%e,%e,%e", b.Min[1], b.Min[0], b.Max[1], b.Max[0])
	resp, body = get(t, getMap130(b, 64, 64, "STYLES", ",", "BBOX", bb, "FOO", "bar"))
	if resp.StatusCode != 200 {
		t.Fatalf("STYLES=, exponential bbox: %d %s", resp.StatusCode, body)
	}
}

// TestGetMapGeometry checks what is drawn where: parcel boundaries at their
// vertices' pixels, building fill inside buildings, background inside parcels.
// The pixel of a point (E, N) is ((E-minE)/res, (maxN-N)/res): the BBOX spans
// the outer edges of the pixels.
func TestGetMapGeometry(t *testing.T) {
	b := view(t, 512) // 1 m per pixel
	_, body := get(t, getMap130(b, 512, 512, "FORMAT", "image/png; mode=32bit"))
	img := decodePNG(t, body)
	pix := func(p orb.Point) (int, int) {
		return int(math.Floor(p[0] - b.Min[0])), int(math.Floor(b.Max[1] - p[1]))
	}
	checked := 0
	for _, o := range parcels(t, b.Pad(-20), 40) {
		mp := o.Geometry.(orb.MultiPolygon)
		// A vertex is on the 1 px black boundary.
		v := mp[0][0][0]
		x, y := pix(v)
		if c := nrgba(img.At(x, y)); c.R > 140 {
			t.Errorf("parcel %s vertex %v at pixel %d,%d: %v is not dark", o.Attrs["id_dzialki"], v, x, y, c)
		}
		// Well inside (3 m from edges) and not in a building: background white.
		p, ok := interior(mp, 3)
		if !ok || insideAny(layerObjects(t, "budynki", orb.Bound{Min: p, Max: p}.Pad(3)), p, 3) {
			continue
		}
		x, y = pix(p)
		if c := nrgba(img.At(x, y)); c != (color.NRGBA{255, 255, 255, 255}) {
			t.Errorf("inside parcel %s at %d,%d: %v", o.Attrs["id_dzialki"], x, y, c)
		}
		checked++
	}
	if checked < 5 {
		t.Fatalf("only %d parcels checked", checked)
	}
	fill := color.NRGBA{0xf2, 0xc6, 0xa0, 255}
	nb := 0
	for _, o := range layerObjects(t, "budynki", b.Pad(-10)) {
		p, ok := interior(o.Geometry.(orb.MultiPolygon), 1.5)
		if !ok {
			continue
		}
		x, y := pix(p)
		if c := nrgba(img.At(x, y)); c != fill {
			t.Errorf("building %s at %d,%d: %v, want fill %v", o.Attrs["id_budynku"], x, y, c, fill)
		}
		nb++
	}
	if nb < 3 {
		t.Fatalf("only %d buildings checked", nb)
	}
}

func insideAny(objs []*store.Object, p orb.Point, clearance float64) bool {
	for _, o := range objs {
		if o.Geometry.Bound().Pad(clearance).Contains(p) {
			return true
		}
	}
	return false
}

// TestAxisOrder: the same map asked with 1.3.0 CRS= (EPSG axis order) and with
// 1.1.1 SRS= (always x=E/lon) is the same image, for EPSG:2180, 2177, 4326,
// and CRS:84 against 4326.
func TestAxisOrder(t *testing.T) {
	b := view(t, 500)
	same := func(name, u1, u2 string) {
		t.Helper()
		_, b1 := get(t, u1)
		_, b2 := get(t, u2)
		i1, i2 := decodePNG(t, b1), decodePNG(t, b2)
		if i1.Bounds() != i2.Bounds() {
			t.Fatalf("%s: sizes differ", name)
		}
		diff, ink := 0, 0
		for y := 0; y < i1.Bounds().Dy(); y++ {
			for x := 0; x < i1.Bounds().Dx(); x++ {
				c1, c2 := nrgba(i1.At(x, y)), nrgba(i2.At(x, y))
				if c1 != c2 {
					diff++
				}
				if c1.R < 100 {
					ink++
				}
			}
		}
		if diff != 0 || ink < 500 {
			t.Fatalf("%s: %d pixels differ, %d dark pixels", name, diff, ink)
		}
	}
	q := func(version, crsKey, crs, bbox string) string {
		return wmsURL("SERVICE", "WMS", "VERSION", version, "REQUEST", "GetMap", "LAYERS", "dzialki", "STYLES", "", crsKey, crs,
			"BBOX", bbox, "WIDTH", "300", "HEIGHT", "300", "FORMAT", "image/png")
	}
	same("2180", q("1.3.0", "CRS", "EPSG:2180", bbox130(b)), q("1.1.1", "SRS", "EPSG:2180", bbox111(b)))
	for _, code := range []int{2177, 4326} {
		c, _ := geo.Lookup(code)
		tr, _ := geo.NewTransform(geo.CRS2180, c)
		g := tr.Bound(b)
		ne := f(g.Min[1]) + "," + f(g.Min[0]) + "," + f(g.Max[1]) + "," + f(g.Max[0])
		same(fmt.Sprint(code), q("1.3.0", "CRS", fmt.Sprintf("EPSG:%d", code), ne), q("1.1.1", "SRS", fmt.Sprintf("EPSG:%d", code), bbox111(g)))
		if code == 4326 {
			same("CRS:84", q("1.3.0", "CRS", "CRS:84", bbox111(g)), q("1.3.0", "CRS", "EPSG:4326", ne))
		}
	}
	// The wrong axis order for 1.3.0 EPSG:2180 (E,N) misses the data: blank.
	_, body := get(t, q("1.3.0", "CRS", "EPSG:2180", bbox111(b)))
	if n := countColour(decodePNG(t, body), color.NRGBA{255, 255, 255, 255}); n != 300*300 {
		t.Fatalf("E,N box under 1.3.0 EPSG:2180 drew %d non-background pixels", 300*300-n)
	}
}

// ---- GetFeatureInfo ----

type kiegInfo struct {
	Dzialki []map[string]string
}

func parseKIEG(t *testing.T, body []byte) []map[string]string {
	t.Helper()
	var doc struct {
		Items []struct {
			XMLName xml.Name
			Fields  []struct {
				XMLName xml.Name
				Value   string `xml:",chardata"`
			} `xml:",any"`
		} `xml:",any"`
	}
	if err := xml.Unmarshal(body, &doc); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
	var out []map[string]string
	for _, it := range doc.Items {
		m := map[string]string{"_": it.XMLName.Local}
		var order []string
		for _, f := range it.Fields {
			m[f.XMLName.Local] = f.Value
			order = append(order, f.XMLName.Local)
		}
		m["__order"] = strings.Join(order, ",")
		out = append(out, m)
	}
	return out
}

func TestGetFeatureInfo(t *testing.T) {
	b := view(t, 512)
	ps := parcels(t, b.Pad(-30), 20)
	var target *store.Object
	var at orb.Point
	for _, o := range ps {
		if p, ok := interior(o.Geometry.(orb.MultiPolygon), 3); ok {
			target, at = o, p
			break
		}
	}
	if target == nil {
		t.Fatal("no parcel with an interior point")
	}
	i, j := int(at[0]-b.Min[0]), int(b.Max[1]-at[1])
	gfi := func(version string, extra ...string) string {
		kv := []string{"SERVICE", "WMS", "VERSION", "1.3.0", "REQUEST", "GetFeatureInfo", "LAYERS", "dzialki,budynki", "QUERY_LAYERS", "dzialki",
			"STYLES", "", "CRS", "EPSG:2180", "BBOX", bbox130(b), "WIDTH", "512", "HEIGHT", "512", "I", strconv.Itoa(i), "J", strconv.Itoa(j), "INFO_FORMAT", "text/xml"}
		if version == "1.1.1" {
			kv = []string{"SERVICE", "WMS", "VERSION", "1.1.1", "REQUEST", "GetFeatureInfo", "LAYERS", "dzialki,budynki", "QUERY_LAYERS", "dzialki",
				"STYLES", "", "SRS", "EPSG:2180", "BBOX", bbox111(b), "WIDTH", "512", "HEIGHT", "512", "X", strconv.Itoa(i), "Y", strconv.Itoa(j), "INFO_FORMAT", "text/xml"}
		}
		return wmsURL(override(kv, extra)...)
	}
	// Obręb and gmina names from the store, independently of the service.
	s, err := gpkg.Open(fixStore)
	if err != nil {
		t.Fatal(err)
	}
	idObr := target.Attrs["id_obrebu"].(string)
	var obrName, idJedn, gmName string
	s.Query(t.Context(), store.Query{Layer: "obreby", Where: map[string]any{"id_obrebu": idObr}}, func(r store.Row) error {
		obrName, idJedn = r.Attrs["nazwa"].(string), r.Attrs["id_jednostki"].(string)
		return nil
	})
	s.Query(t.Context(), store.Query{Layer: "jednostki", Where: map[string]any{"id_jednostki": idJedn}}, func(r store.Row) error {
		gmName = r.Attrs["nazwa"].(string)
		return nil
	})
	s.Close()

	for _, version := range []string{"1.3.0", "1.1.1"} {
		resp, body := get(t, gfi(version))
		recs := parseKIEG(t, body)
		if resp.StatusCode != 200 || len(recs) != 1 {
			t.Fatalf("%s: %d records: %s", version, len(recs), body)
		}
		r := recs[0]
		if r["_"] != "DZIALKI" || r["__order"] != "ID_DZIALKI,NUMER_DZIALKI,NUMER_ARKUSZA,NUMER_OBREBU,NAZWA_OBREBU,NAZWA_GMINY,POLE_EWIDENCYJNE,KW,GRUPA_REJESTROWA,DATA" {
			t.Fatalf("record layout %q %q", r["_"], r["__order"])
		}
		if r["ID_DZIALKI"] != target.Attrs["id_dzialki"] || r["NUMER_DZIALKI"] != target.Attrs["numer_dzialki"] ||
			r["NAZWA_OBREBU"] != obrName || r["NAZWA_GMINY"] != gmName || !strings.HasSuffix(idObr, "."+r["NUMER_OBREBU"]) {
			t.Fatalf("%s: record %v for parcel %v (obręb %q, gmina %q)", version, r, target.Attrs, obrName, gmName)
		}
		if pole, _ := strconv.ParseFloat(r["POLE_EWIDENCYJNE"], 64); math.Abs(pole-target.Attrs["pole_ewidencyjne"].(float64)) > 0.00005 {
			t.Fatalf("POLE_EWIDENCYJNE %s vs %v", r["POLE_EWIDENCYJNE"], target.Attrs["pole_ewidencyjne"])
		}
	}
	id := target.Attrs["id_dzialki"].(string)
	// Other formats carry the same record.
	_, body := get(t, gfi("1.3.0", "INFO_FORMAT", "text/html"))
	if !strings.Contains(string(body), "<th>ID_DZIALKI</th><td>"+id+"</td>") {
		t.Fatalf("html: %s", body)
	}
	_, body = get(t, gfi("1.3.0", "INFO_FORMAT", "text/plain"))
	if !strings.Contains(string(body), "ID_DZIALKI = '"+id+"'") {
		t.Fatalf("text: %s", body)
	}
	resp, body := get(t, gfi("1.3.0", "INFO_FORMAT", "application/json"))
	var fc struct {
		Type     string
		Features []struct {
			Properties map[string]string
			Geometry   struct {
				Type        string
				Coordinates [][][][2]float64
			}
		}
	}
	if err := json.Unmarshal(body, &fc); err != nil || len(fc.Features) != 1 || fc.Features[0].Properties["ID_DZIALKI"] != id || fc.Features[0].Geometry.Type != "MultiPolygon" {
		t.Fatalf("json %v: %s", err, body)
	}
	// In the request's CRS, E first (featureinfo_json_test.go covers the others).
	if p, want := fc.Features[0].Geometry.Coordinates[0][0][0], target.Geometry.(orb.MultiPolygon)[0][0][0]; math.Abs(p[0]-want[0]) > 0.001 || math.Abs(p[1]-want[1]) > 0.001 {
		t.Fatalf("GeoJSON vertex %v, want the parcel's %v (EPSG:2180 E,N)", p, want)
	}
	_ = resp
	_, body = get(t, gfi("1.3.0", "INFO_FORMAT", "application/vnd.ogc.gml"))
	var gml struct {
		Layer struct {
			Features []struct {
				ID string `xml:"ID_DZIALKI"`
			} `xml:"dzialki_feature"`
		} `xml:"dzialki_layer"`
	}
	if err := xml.Unmarshal(body, &gml); err != nil || len(gml.Layer.Features) != 1 || gml.Layer.Features[0].ID != id {
		t.Fatalf("gml %v: %s", err, body)
	}
	// Errors.
	wantException(t, gfi("1.3.0", "INFO_FORMAT", "image/png"), "InvalidFormat")
	wantException(t, gfi("1.3.0", "I", "512"), "InvalidPoint")
	wantException(t, gfi("1.3.0", "J", "-1"), "InvalidPoint")
	wantException(t, gfi("1.3.0", "I", "x"), "InvalidPoint")
	wantException(t, gfi("1.3.0", "LAYERS", "numery_dzialek", "QUERY_LAYERS", "numery_dzialek"), "LayerNotQueryable")
	wantException(t, gfi("1.3.0", "QUERY_LAYERS", "nope"), "LayerNotDefined")
	// A click on empty ground answers an empty record list.
	far := orb.Bound{Min: orb.Point{200000, 200000}, Max: orb.Point{200512, 200512}}
	_, body = get(t, gfi("1.3.0", "BBOX", bbox130(far)))
	if recs := parseKIEG(t, body); len(recs) != 0 {
		t.Fatalf("empty ground: %v", recs)
	}
}

// TestLiveUpdate: a building added to the store appears on the map once the
// index follows the change log (the feature cache is not stale).
func TestLiveUpdate(t *testing.T) {
	b := view(t, 512)
	// Find an empty 8 m square inside a parcel.
	var spot orb.Point
	found := false
	for _, o := range parcels(t, b.Pad(-40), 50) {
		if p, ok := interior(o.Geometry.(orb.MultiPolygon), 6); ok && !insideAny(layerObjects(t, "budynki", orb.Bound{Min: p, Max: p}.Pad(8)), p, 8) {
			spot, found = p, true
			break
		}
	}
	if !found {
		t.Fatal("no empty spot")
	}
	fill := color.NRGBA{0xf2, 0xc6, 0xa0, 255}
	pix := func() color.NRGBA {
		_, body := get(t, getMap130(b, 512, 512, "LAYERS", "budynki"))
		img := decodePNG(t, body)
		return nrgba(img.At(int(spot[0]-b.Min[0]), int(b.Max[1]-spot[1])))
	}
	if c := pix(); c == fill {
		t.Fatal("spot already filled")
	}
	s, err := gpkg.Open(fixStore)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	tx, err := s.Begin(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC().Truncate(time.Second)
	sq := orb.MultiPolygon{{{{spot[0] - 3, spot[1] - 3}, {spot[0] + 3, spot[1] - 3}, {spot[0] + 3, spot[1] + 3}, {spot[0] - 3, spot[1] + 3}, {spot[0] - 3, spot[1] - 3}}}}
	_, err = tx.Put(t.Context(), &store.Object{Layer: "budynki", ID: "aaaaaaaa-0000-4000-8000-000000000001", Namespace: "PL.PZGiK.1003.EGiB", Version: now.Format("2006-01-02T15:04:05"),
		StartObject: now, StartVersion: now, Geometry: sq, Attrs: map[string]any{"id_budynku": "TEST_BUD"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for pix() != fill {
		if time.Now().After(deadline) {
			t.Fatal("the new building did not appear")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestMethodAndGarbage(t *testing.T) {
	// Random garbage never crashes and always gets an exception.
	for _, q := range []string{"", "REQUEST=", "REQUEST=GetMap", "REQUEST=GetMap&VERSION=1.3.0&LAYERS=,,,", "REQUEST=GetMap&VERSION=1.3.0&LAYERS=dzialki&CRS=EPSG:2180&BBOX=1e308,1e308,1.7e308,1.7e308&WIDTH=10&HEIGHT=10&FORMAT=image/png",
		"REQUEST=GetMap&VERSION=1.3.0&LAYERS=dzialki&CRS=EPSG:4326&BBOX=-90,-180,90,180&WIDTH=64&HEIGHT=64&FORMAT=image/png",
		"REQUEST=GetMap&VERSION=1.3.0&LAYERS=dzialki&CRS=EPSG:3857&BBOX=-2e7,-2e7,2e7,2e7&WIDTH=64&HEIGHT=64&FORMAT=image/png",
		"REQUEST=GetFeatureInfo&VERSION=1.3.0&LAYERS=dzialki&QUERY_LAYERS=dzialki&CRS=EPSG:4326&BBOX=-90,-180,90,180&WIDTH=64&HEIGHT=64&I=0&J=0&INFO_FORMAT=text/xml",
		"SERVICE=WFS&REQUEST=GetCapabilities", "REQUEST=GetLegendGraphic&LAYER=nope", "REQUEST=GetLegendGraphic&LAYER=dzialki&WIDTH=-5"} {
		resp, body := get(t, baseURL+"/wms?"+q)
		if resp.StatusCode >= 500 {
			t.Errorf("%s: %d %s", q, resp.StatusCode, body)
		}
		if resp.StatusCode != 200 {
			var rep exceptionReport
			if err := xml.Unmarshal(body, &rep); err != nil || len(rep.Exceptions) == 0 {
				t.Errorf("%s: %d without an exception report: %.200s", q, resp.StatusCode, body)
			}
		}
	}
	resp, _ := get(t, baseURL+"/wms?REQUEST=GetMap&VERSION=1.3.0&LAYERS=dzialki&CRS=EPSG:4326&BBOX=-90,-180,90,180&WIDTH=64&HEIGHT=64&FORMAT=image/png")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("world map: %d", resp.StatusCode)
	}
}

// TestParcelNumbers: numery_dzialek draws parcel numbers (navy) at large
// scales and nothing beyond its MaxScaleDenominator (1:10000).
func TestParcelNumbers(t *testing.T) {
	navy := func(c color.NRGBA) bool { return c.B > 100 && c.R < 60 && c.G < 60 }
	count := func(side float64) int {
		_, body := get(t, getMap130(view(t, side), 512, 512, "LAYERS", "numery_dzialek", "FORMAT", "image/png; mode=32bit"))
		img := decodePNG(t, body)
		n := 0
		for y := 0; y < 512; y++ {
			for x := 0; x < 512; x++ {
				if navy(nrgba(img.At(x, y))) {
					n++
				}
			}
		}
		return n
	}
	if n := count(300); n < 50 { // 1:2100
		t.Fatalf("1:2100: %d label pixels", n)
	}
	if n := count(3000); n != 0 { // 1:21000
		t.Fatalf("1:21000: %d label pixels beyond the scale limit", n)
	}
	// A configured style applies: czerwone draws red dashed parcel outlines.
	_, body := get(t, getMap130(view(t, 300), 256, 256, "LAYERS", "dzialki", "STYLES", "czerwone"))
	if !hasColour(decodePNG(t, body), func(c color.NRGBA) bool { return c.R == 255 && c.G == 0 && c.B == 0 }) {
		t.Fatal("style czerwone drew no red")
	}
}

// TestWithheldColumns: a layer published with restricted attributes keeps the
// others out of labels and feature info.
func TestWithheldColumns(t *testing.T) {
	y := fmt.Sprintf(`
datasets:
  - name: county
    store: %s
    layers:
      - name: dzialki
        attributes: [id_dzialki, id_obrebu]
limits:
  rate_limit: {rate: 0, burst: 1}
`, fixStore)
	cfg, err := config.Parse([]byte(y), "")
	if err != nil {
		t.Fatal(err)
	}
	s, err := server.New(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), server.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Shutdown(t.Context())
	h := s.Handler()
	b := view(t, 300)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", strings.TrimPrefix(getMap130(b, 512, 512, "LAYERS", "numery_dzialek", "FORMAT", "image/png; mode=32bit"), baseURL), nil))
	img := decodePNG(t, rec.Body.Bytes())
	if hasColour(img, func(c color.NRGBA) bool { return c.A > 0 && !(c.R == 255 && c.G == 255 && c.B == 255) }) {
		t.Fatal("parcel numbers drawn although numer_dzialki is withheld")
	}
	b = view(t, 512)
	var target *store.Object
	var at orb.Point
	for _, o := range parcels(t, b.Pad(-30), 20) {
		if p, ok := interior(o.Geometry.(orb.MultiPolygon), 3); ok {
			target, at = o, p
			break
		}
	}
	if target == nil {
		t.Fatal("no parcel in view")
	}
	u := wmsURL("SERVICE", "WMS", "VERSION", "1.3.0", "REQUEST", "GetFeatureInfo", "LAYERS", "dzialki", "QUERY_LAYERS", "dzialki", "STYLES", "",
		"CRS", "EPSG:2180", "BBOX", bbox130(b), "WIDTH", "512", "HEIGHT", "512", "I", strconv.Itoa(int(at[0]-b.Min[0])), "J", strconv.Itoa(int(b.Max[1]-at[1])), "INFO_FORMAT", "text/xml")
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", strings.TrimPrefix(u, baseURL), nil))
	recs := parseKIEG(t, rec.Body.Bytes())
	if len(recs) != 1 || recs[0]["ID_DZIALKI"] != target.Attrs["id_dzialki"] || recs[0]["KW"] != "" || recs[0]["NUMER_DZIALKI"] != "" || recs[0]["NAZWA_OBREBU"] == "" {
		t.Fatalf("withheld columns in %v (parcel %v)", recs, target.Attrs)
	}
}
