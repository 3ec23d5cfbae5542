package wms_test

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"github.com/sip-core/sip/geo"
	"github.com/sip-core/sip/store"
)

// jsonTarget is a parcel of the 512 m view with a point 3 m inside it.
func jsonTarget(t *testing.T) (orb.Bound, *store.Object, orb.Point) {
	t.Helper()
	b := view(t, 512)
	for _, o := range parcels(t, b.Pad(-30), 20) {
		if p, ok := interior(o.Geometry.(orb.MultiPolygon), 3); ok {
			return b, o, p
		}
	}
	t.Fatal("no parcel with an interior point")
	return orb.Bound{}, nil, orb.Point{}
}

// gfiJSON is a GetFeatureInfo in JSON for the point at of the storage box b,
// asked in crs (the box and the pixel worked out in that CRS) with the
// request's version and the BBOX axis order it implies.
func gfiJSON(t *testing.T, version, crsName string, b orb.Bound, at orb.Point) string {
	t.Helper()
	c, _, err := geo.Parse(crsName)
	if err != nil {
		t.Fatal(err)
	}
	tr, err := geo.NewTransform(geo.CRS2180, c)
	if err != nil {
		t.Fatal(err)
	}
	cb := tr.Bound(b)
	p := orb.Point{}
	p[0], p[1] = tr.Point(at[0], at[1])
	i := int((p[0] - cb.Min[0]) / (cb.Max[0] - cb.Min[0]) * 512)
	j := int((cb.Max[1] - p[1]) / (cb.Max[1] - cb.Min[1]) * 512)
	box := []float64{cb.Min[0], cb.Min[1], cb.Max[0], cb.Max[1]}
	if version == "1.3.0" && c.Axis == geo.NorthEast && !strings.EqualFold(crsName, "CRS:84") {
		box = []float64{cb.Min[1], cb.Min[0], cb.Max[1], cb.Max[0]}
	}
	var bs []string
	for _, v := range box {
		bs = append(bs, strconv.FormatFloat(v, 'f', -1, 64))
	}
	crsKey, ik, jk := "CRS", "I", "J"
	if version == "1.1.1" {
		crsKey, ik, jk = "SRS", "X", "Y"
	}
	return wmsURL("SERVICE", "WMS", "VERSION", version, "REQUEST", "GetFeatureInfo", "LAYERS", "dzialki", "QUERY_LAYERS", "dzialki",
		"STYLES", "", crsKey, crsName, "BBOX", strings.Join(bs, ","), "WIDTH", "512", "HEIGHT", "512",
		ik, strconv.Itoa(i), jk, strconv.Itoa(j), "INFO_FORMAT", "application/json")
}

// TestGetFeatureInfoJSONCRS: GetFeatureInfo as JSON answers in the request's
// CRS and names it in a "crs" member, positions E,N (lon,lat) whatever the
// CRS's axis order; GDAL, reading the answer, finds the parcel under the
// clicked point in every CRS (before, the answer was lon/lat without a CRS,
// and a client asking in EPSG:2180 drew the parcel near (19, 51)).
func TestGetFeatureInfoJSONCRS(t *testing.T) {
	b, target, at := jsonTarget(t)
	id := target.Attrs["id_dzialki"].(string)
	area := planar.Area(target.Geometry)
	first := target.Geometry.(orb.MultiPolygon)[0][0][0]
	ogr := true
	if _, err := os.Stat(python); err != nil {
		ogr = false
	}
	dir := t.TempDir()
	for _, tc := range []struct{ version, crs, gdal string }{
		{"1.3.0", "EPSG:2180", "EPSG:2180"},
		{"1.1.1", "EPSG:2180", "EPSG:2180"},
		{"1.3.0", "EPSG:4326", "EPSG:4326"},
		{"1.1.1", "EPSG:4326", "EPSG:4326"},
		{"1.3.0", "CRS:84", "EPSG:4326"}, // GDAL names CRS84 by its EPSG twin (x = lon)
		{"1.3.0", "EPSG:3857", "EPSG:3857"},
		{"1.3.0", "EPSG:2177", "EPSG:2177"},
	} {
		t.Run(tc.version+" "+tc.crs, func(t *testing.T) {
			resp, body := get(t, gfiJSON(t, tc.version, tc.crs, b, at))
			var fc struct {
				Type string
				CRS  struct {
					Type       string
					Properties struct{ Name string }
				}
				Features []struct {
					Properties map[string]string
					Geometry   struct {
						Type        string
						Coordinates [][][][2]float64
					}
				}
			}
			if err := json.Unmarshal(body, &fc); err != nil || resp.StatusCode != 200 || len(fc.Features) != 1 {
				t.Fatalf("%d %v: %s", resp.StatusCode, err, body)
			}
			c, _, _ := geo.Parse(tc.crs)
			if fc.CRS.Type != "name" || fc.CRS.Properties.Name != c.URN() {
				t.Fatalf("crs member %+v, want %s", fc.CRS, c.URN())
			}
			ft := fc.Features[0]
			if ft.Properties["ID_DZIALKI"] != id || ft.Geometry.Type != "MultiPolygon" {
				t.Fatalf("feature %v", ft.Properties)
			}
			// The first vertex, transformed here: x = E/lon, y = N/lat.
			tr, _ := geo.NewTransform(geo.CRS2180, c)
			wx, wy := tr.Point(first[0], first[1])
			got := ft.Geometry.Coordinates[0][0][0]
			tol := 0.001
			if c.Geographic {
				tol = 1e-7
			}
			if math.Abs(got[0]-wx) > tol || math.Abs(got[1]-wy) > tol {
				t.Fatalf("first vertex %v, want %v,%v (x = E/lon)", got, wx, wy)
			}
			if !ogr {
				return
			}
			p := filepath.Join(dir, strings.NewReplacer(".", "_", ":", "_", " ", "_").Replace(tc.version+tc.crs)+".json")
			if err := os.WriteFile(p, body, 0o644); err != nil {
				t.Fatal(err)
			}
			out := run(t, 60*time.Second, nil, python, "testdata/clients.py", "ogr_geojson", p, f(at[0]), f(at[1]))
			var r struct {
				CRS      string
				Features []struct {
					ID       string
					Contains bool
					Area     float64
				}
			}
			if err := json.Unmarshal(out, &r); err != nil {
				t.Fatalf("%v: %s", err, out)
			}
			if r.CRS != tc.gdal || len(r.Features) != 1 || r.Features[0].ID != id || !r.Features[0].Contains ||
				math.Abs(r.Features[0].Area-area) > area*1e-4 {
				t.Fatalf("GDAL reads %+v; want %s, parcel %s of %.2f m² containing %v", r, tc.gdal, id, area, at)
			}
		})
	}
}

// TestQGISIdentifyJSON: QGIS's identify tool on a WMS layer in EPSG:2180 and
// EPSG:4326 asks for JSON and places the identified parcel under the click.
func TestQGISIdentifyJSON(t *testing.T) {
	if testing.Short() {
		t.Skip("QGIS start-up is slow")
	}
	needPython(t, "qgis.core")
	b, target, at := jsonTarget(t)
	id := target.Attrs["id_dzialki"].(string)
	area := planar.Area(target.Geometry)
	for _, crs := range []string{"EPSG:2180", "EPSG:4326"} {
		t.Run(crs, func(t *testing.T) {
			c, _, _ := geo.Parse(crs)
			tr, _ := geo.NewTransform(geo.CRS2180, c)
			cb := tr.Bound(b)
			px, py := tr.Point(at[0], at[1])
			res := run(t, 120*time.Second, []string{"QT_QPA_PLATFORM=offscreen", "XDG_RUNTIME_DIR=" + t.TempDir()}, python, "testdata/clients.py",
				"qgis_identify", baseURL+"/wms", crs, f(cb.Min[0]), f(cb.Min[1]), f(cb.Max[0]), f(cb.Max[1]), f(px), f(py))
			line := res
			if k := strings.LastIndexByte(strings.TrimSpace(string(res)), '\n'); k >= 0 {
				line = res[k+1:]
			}
			var r struct {
				Valid    bool
				OK       bool
				CRS      string
				Error    string
				URL      string
				Features []struct {
					ID       string
					Contains bool
					Area     float64
				}
			}
			if err := json.Unmarshal(line, &r); err != nil {
				t.Fatalf("%v: %s", err, res)
			}
			if !r.Valid || !r.OK || r.CRS != crs || len(r.Features) != 1 {
				t.Fatalf("QGIS identify: %+v", r)
			}
			if u := strings.ToLower(r.URL); !strings.Contains(u, "info_format=application/json") && !strings.Contains(u, "info_format=application%2fjson") {
				t.Fatalf("QGIS did not ask for JSON: %s", r.URL)
			}
			ft := r.Features[0]
			if ft.ID != id || !ft.Contains {
				t.Fatalf("QGIS identified %+v at %v,%v; want parcel %s under the click", ft, px, py, id)
			}
			if crs == "EPSG:2180" && math.Abs(ft.Area-area) > area*1e-4 {
				t.Fatalf("QGIS parcel area %.2f m², want %.2f", ft.Area, area)
			}
		})
	}
}
