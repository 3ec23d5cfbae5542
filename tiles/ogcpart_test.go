package tiles

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/server"

	// The features service mounts /ogc (the common core, package ogcapi) and
	// its collections; the tests of the tiles part run beside it. The tiles
	// package itself no longer imports features.
	_ "github.com/sip-core/sip/features"
)

// startFullServer runs every registered service (features, tiles, WMS …) on
// a copy of the test county.
func startFullServer(t *testing.T) string {
	t.Helper()
	sp := copyCounty(t, t.TempDir())
	return fullServer(t, fmt.Sprintf("datasets:\n  - name: county\n    store: %s\n", sp))
}

// fullServer runs every registered service on a configuration, on loopback,
// until the test ends, and returns its base URL.
func fullServer(t *testing.T, yaml string) string {
	t.Helper()
	_, url := serve(t, yaml, server.Options{})
	return url
}

type ogcLink struct {
	Href, Rel, Type string
}

func linkOf(t *testing.T, links []ogcLink, rel string) string {
	t.Helper()
	for _, l := range links {
		if l.Rel == rel && (l.Type == "" || l.Type == "application/json") {
			return l.Href
		}
	}
	t.Fatalf("no %s link in %v", rel, links)
	return ""
}

// TestOGCAPITilesAgree: OGC API Tiles can be discovered as clients do
// (GDAL's OGCAPI driver): the landing page and every collection whose tiles
// the caller may read link their vector tilesets; the OpenAPI document
// describes every tiles path, each of which answers; conformance declares
// the tiles classes. Before, /ogc/api documented 7 paths and no tiles, and
// collections had no tilesets-vector link.
func TestOGCAPITilesAgree(t *testing.T) {
	base := startFullServer(t)
	getJSON := func(u string, v any) {
		t.Helper()
		resp, body := get(t, u, "Accept", "application/json")
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d %s", u, resp.StatusCode, body)
		}
		if err := json.Unmarshal(body, v); err != nil {
			t.Fatalf("%s: %v", u, err)
		}
	}
	var landing struct{ Links []ogcLink }
	getJSON(base+"/ogc", &landing)
	dsTiles := linkOf(t, landing.Links, relTilesetsVector)
	linkOf(t, landing.Links, relTilingSchemes)

	var coll struct{ Links []ogcLink }
	getJSON(base+"/ogc/collections/dzialki", &coll)
	tilesets := linkOf(t, coll.Links, relTilesetsVector)
	if tilesets != base+"/ogc/collections/dzialki/tiles" || dsTiles != base+"/ogc/tiles" {
		t.Errorf("tilesets links %s, %s", tilesets, dsTiles)
	}
	// Follow the links down to a tile, as a client does.
	for _, list := range []string{tilesets, dsTiles} {
		var ts struct {
			Tilesets []struct {
				TileMatrixSetURI string
				Links            []ogcLink
			}
		}
		getJSON(list, &ts)
		if len(ts.Tilesets) != len(Grids) {
			t.Fatalf("%s: %d tilesets", list, len(ts.Tilesets))
		}
		for _, s := range ts.Tilesets {
			var one struct {
				Links               []ogcLink
				TileMatrixSetLimits []struct {
					TileMatrix                                     string
					MinTileRow, MaxTileRow, MinTileCol, MaxTileCol int
				}
			}
			getJSON(linkOf(t, s.Links, "self"), &one)
			var tms map[string]any
			getJSON(linkOf(t, one.Links, "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme"), &tms)
			if !strings.Contains(s.TileMatrixSetURI, tms["id"].(string)) {
				t.Errorf("tileMatrixSetURI %s does not name %s", s.TileMatrixSetURI, tms["id"])
			}
			var tmpl string
			for _, l := range one.Links {
				if l.Rel == "item" && l.Type == MediaType {
					tmpl = l.Href
				}
			}
			lim := one.TileMatrixSetLimits[len(one.TileMatrixSetLimits)-1]
			u := strings.NewReplacer("{tileMatrix}", lim.TileMatrix, "{tileRow}", fmt.Sprint((lim.MinTileRow+lim.MaxTileRow)/2),
				"{tileCol}", fmt.Sprint((lim.MinTileCol+lim.MaxTileCol)/2)).Replace(tmpl)
			if resp, body := get(t, u); resp.StatusCode != 200 || resp.Header.Get("Content-Type") != MediaType {
				t.Errorf("%s: %d %s", u, resp.StatusCode, body)
			}
		}
	}

	// Every documented tiles path answers; every tiles route is documented.
	var api struct{ Paths map[string]any }
	getJSON(base+"/ogc/api", &api)
	var tilePaths []string
	for p := range api.Paths {
		if strings.Contains(p, "tile") {
			tilePaths = append(tilePaths, p)
		}
	}
	sort.Strings(tilePaths)
	want := []string{"/collections/{collectionId}/tiles", "/collections/{collectionId}/tiles/{tileMatrixSetId}",
		"/collections/{collectionId}/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}",
		"/tileMatrixSets", "/tileMatrixSets/{tileMatrixSetId}",
		"/tiles", "/tiles/{tileMatrixSetId}", "/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}"}
	if strings.Join(tilePaths, " ") != strings.Join(want, " ") {
		t.Fatalf("documented tiles paths %v, want %v", tilePaths, want)
	}
	vars := strings.NewReplacer("{collectionId}", "dzialki", "{tileMatrixSetId}", "PL-1992", "{tileMatrix}", "5", "{tileRow}", "17", "{tileCol}", "17")
	for _, p := range tilePaths {
		if resp, body := get(t, base+"/ogc"+vars.Replace(p)); resp.StatusCode != 200 && resp.StatusCode != 204 {
			t.Errorf("documented %s: %d %s", p, resp.StatusCode, body)
		}
	}
	var conf struct{ ConformsTo []string }
	getJSON(base+"/ogc/conformance", &conf)
	c := strings.Join(conf.ConformsTo, " ")
	for _, cls := range []string{"ogcapi-tiles-1/1.0/conf/core", "ogcapi-tiles-1/1.0/conf/dataset-tilesets",
		"ogcapi-tiles-1/1.0/conf/geodata-tilesets", "ogcapi-tiles-1/1.0/conf/mvt", "ogcapi-tiles-1/1.0/conf/oas30"} {
		if !strings.Contains(c, cls) {
			t.Errorf("conformance lacks %s", cls)
		}
	}
}

// TestGDALDiscoversOGCAPITiles: GDAL 3.6's OGCAPI driver, asked for the
// tiles of a collection (ogrinfo OGCAPI:…/ogc/collections/dzialki -oo
// API=TILES), finds them — before it answered "API TILES requested, but not
// available" — follows the tilesets to the tile matrix set, and GDAL's tile
// matrix set parser reads both of our sets with the origin and cell size of
// the grid (GDAL 3.6 reads only the TMS 1.0 encoding, later versions 2.0).
func TestGDALDiscoversOGCAPITiles(t *testing.T) {
	if _, err := exec.LookPath("ogrinfo"); err != nil {
		t.Skip("gdal-bin not installed")
	}
	base := startFullServer(t)
	for _, tms := range []string{"WebMercatorQuad", "PL-1992"} {
		cmd := exec.Command("ogrinfo", "-ro", "-so", "OGCAPI:"+base+"/ogc/collections/dzialki", "-oo", "API=TILES", "-oo", "TILEMATRIXSET="+tms,
			"--config", "CPL_DEBUG", "ON")
		out, _ := cmd.CombinedOutput()
		if strings.Contains(string(out), "not available") || strings.Contains(string(out), "Cannot find") ||
			!strings.Contains(string(out), "Fetch("+base+"/ogc/tileMatrixSets/"+tms+")") {
			t.Errorf("ogrinfo API=TILES, %s:\n%s", tms, firstLines(string(out), 20))
		}
	}
	if err := exec.Command("/usr/bin/python3", "-c", "from osgeo import gdal").Run(); err != nil {
		t.Skip("python3-gdal not installed")
	}
	dir := t.TempDir()
	for _, g := range Grids {
		_, body := get(t, base+"/ogc/tileMatrixSets/"+g.ID)
		f := filepath.Join(dir, g.ID+".json")
		if err := os.WriteFile(f, body, 0o644); err != nil {
			t.Fatal(err)
		}
		// GDAL tiles a one-pixel raster at the grid's zoom 5 origin on this
		// tile matrix set (the COG driver's TILING_SCHEME reads a TMS file).
		z := 5
		x0, y0 := g.OriginX+g.Resolution(z)*TileSize*3, g.OriginY-g.Resolution(z)*TileSize*3
		script := fmt.Sprintf(`
from osgeo import gdal, osr
gdal.UseExceptions()
srs = osr.SpatialReference(); srs.ImportFromEPSG(%d)
src = gdal.GetDriverByName("MEM").Create("", 1, 1)
src.SetProjection(srs.ExportToWkt())
src.SetGeoTransform([%.6f, %.9f, 0, %.6f, 0, -%.9f])
out = gdal.Translate(%q, src, format="COG", creationOptions=["TILING_SCHEME=%s", "ZOOM_LEVEL=%d"])
gt = out.GetGeoTransform()
print(gt[0], gt[1], gt[3])
`, g.CRS.Code, x0, g.Resolution(z), y0, g.Resolution(z), filepath.Join(dir, g.ID+".tif"), f, z)
		out, err := exec.Command("/usr/bin/python3", "-c", script).CombinedOutput()
		if err != nil {
			t.Fatalf("%s: GDAL cannot use our tile matrix set: %v\n%s", g.ID, err, out)
		}
		var ox, res, oy float64
		fmt.Sscan(string(out), &ox, &res, &oy)
		// The raster starts on a tile corner of zoom 5, at the grid's cell size.
		if d := res - g.Resolution(z); d*d > 1e-12 || !onTileCorner(ox-g.OriginX, g.Resolution(z)) || !onTileCorner(g.OriginY-oy, g.Resolution(z)) {
			t.Errorf("%s: GDAL tiles at %v, %v with cell %v; want a zoom-5 tile corner and cell %v", g.ID, ox, oy, res, g.Resolution(z))
		}
	}
}

func onTileCorner(d, res float64) bool {
	n := d / (res * TileSize)
	return n-float64(int64(n+0.5)) < 1e-6 && float64(int64(n+0.5))-n < 1e-6
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}

// TestOpenAPISecurity: /ogc/api declares how to send the API key that
// non-public collections need (securitySchemes: bearer and X-API-Key; a key is
// optional at the root), and Redocly's CLI accepts the whole document (the
// features and the tiles paths) under its recommended ruleset, which rejected
// it for the missing security. Both schemes open a non-public collection,
// which answers 401 without a key; its tiles are linked only for a key.
func TestOpenAPISecurity(t *testing.T) {
	sp := copyCounty(t, t.TempDir())
	yaml := fmt.Sprintf(`datasets:
  - name: county
    store: %s
    layers:
      - name: dzialki
      - name: punkty
        public: false
auth:
  keys:
    - name: editor
      hash: %s
      roles: [editor]
`, sp, config.HashKey("k-editor"))
	base := fullServer(t, yaml)
	_, body := get(t, base+"/ogc/api")
	var doc struct {
		Security   []map[string][]string
		Components struct{ SecuritySchemes map[string]map[string]string }
	}
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatal(err)
	}
	schemes := doc.Components.SecuritySchemes
	if schemes["bearerKey"]["scheme"] != "bearer" || schemes["headerKey"]["name"] != "X-API-Key" || schemes["headerKey"]["in"] != "header" ||
		len(doc.Security) != 3 || len(doc.Security[0]) != 0 {
		t.Errorf("security %v, schemes %v", doc.Security, schemes)
	}
	items := base + "/ogc/collections/punkty/items?limit=1"
	if resp, _ := get(t, items); resp.StatusCode != 401 {
		t.Errorf("no key: %d, want 401", resp.StatusCode)
	}
	for _, hdr := range [][]string{{"Authorization", "Bearer k-editor"}, {"X-API-Key", "k-editor"}} {
		if resp, b := get(t, items, hdr...); resp.StatusCode != 200 {
			t.Errorf("%s: %d %.200s", hdr[0], resp.StatusCode, b)
		}
		if _, b := get(t, base+"/ogc/collections/punkty", hdr...); !strings.Contains(string(b), relTilesetsVector) {
			t.Errorf("%s: the collection links no tiles", hdr[0])
		}
	}

	redocly, _ := filepath.Abs("../web/node_modules/.bin/redocly")
	if _, err := os.Stat(redocly); err != nil {
		t.Skip("Redocly's CLI is not installed (make web-deps installs it from web/package-lock.json)")
	}
	f := filepath.Join(t.TempDir(), "api.json")
	if err := os.WriteFile(f, body, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(redocly, "lint", "--format=json", f)
	cmd.Env = append(os.Environ(), "REDOCLY_TELEMETRY=off", "REDOCLY_SUPPRESS_UPDATE_NOTICE=true")
	out, err := cmd.Output()
	var res struct {
		Problems []struct{ RuleID, Severity, Message string }
	}
	if jerr := json.Unmarshal(out, &res); jerr != nil {
		t.Fatalf("redocly lint: %v %v\n%.2000s", err, jerr, out)
	}
	for _, p := range res.Problems {
		if p.Severity == "error" {
			t.Errorf("redocly: %s: %s", p.RuleID, p.Message)
		}
	}
	if err != nil && !t.Failed() {
		t.Errorf("redocly lint: %v", err)
	}
}
