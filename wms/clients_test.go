package wms_test

import (
	"context"
	"encoding/json"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"
)

// Real clients as oracles: GDAL's WMS driver, OWSLib and QGIS (headless).

func need(t *testing.T, bin string) {
	t.Helper()
	if _, err := exec.LookPath(bin); err != nil {
		t.Skipf("%s not installed (Debian gdal-bin / python3-owslib / python3-qgis; make deps-test)", bin)
	}
}

func run(t *testing.T, timeout time.Duration, env []string, name string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.Output()
	if err != nil {
		stderr := ""
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("%s %v: %v\n%s\n%s", name, args, err, out, stderr)
	}
	return out
}

// sameRGB counts pixels whose RGB differ by more than tol (sum over the
// channels) between two images of one size.
func sameRGB(t *testing.T, a, b image.Image, tol int) (diff, dark int) {
	t.Helper()
	if a.Bounds().Size() != b.Bounds().Size() {
		t.Fatalf("sizes %v and %v", a.Bounds(), b.Bounds())
	}
	ab, bb := a.Bounds(), b.Bounds()
	for y := 0; y < ab.Dy(); y++ {
		for x := 0; x < ab.Dx(); x++ {
			ca, cb := nrgba(a.At(ab.Min.X+x, ab.Min.Y+y)), nrgba(b.At(bb.Min.X+x, bb.Min.Y+y))
			if absInt(int(ca.R)-int(cb.R))+absInt(int(ca.G)-int(cb.G))+absInt(int(ca.B)-int(cb.B)) > tol {
				diff++
			}
			if ca.R < 100 {
				dark++
			}
		}
	}
	return diff, dark
}

// TestGDAL reads our GetMap through GDAL's WMS driver, in 1.3.0 (N,E box) and
// 1.1.1 (E,N box): GDAL must georeference both to the same E,N extent, and
// its pixels must equal our own 1024×1024 map of that box.
func TestGDAL(t *testing.T) {
	need(t, "gdal_translate")
	need(t, "gdalinfo")
	b := view(t, 1024)
	dir := t.TempDir()
	_, direct := get(t, getMap130(b, 1024, 1024, "LAYERS", "dzialki,budynki"))
	want := decodePNG(t, direct)
	for _, tc := range []struct{ name, conn string }{
		{"1.3.0", "WMS:" + baseURL + "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=dzialki,budynki&CRS=EPSG:2180&BBOX=" + bbox130(b) + "&FORMAT=image/png"},
		{"1.1.1", "WMS:" + baseURL + "/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=dzialki,budynki&SRS=EPSG:2180&BBOX=" + bbox111(b) + "&FORMAT=image/png"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(dir, tc.name+".png")
			run(t, 60*time.Second, []string{"GDAL_ENABLE_WMS_CACHE=NO", "GDAL_DEFAULT_WMS_CACHE_PATH=" + dir}, "gdal_translate", "-q", "-of", "PNG", "-outsize", "1024", "1024", tc.conn, out)
			info := run(t, 30*time.Second, nil, "gdalinfo", "-json", out)
			var gi struct {
				GeoTransform []float64 `json:"geoTransform"`
			}
			if err := json.Unmarshal(info, &gi); err != nil || len(gi.GeoTransform) != 6 {
				t.Fatalf("gdalinfo: %v %s", err, info)
			}
			gt := gi.GeoTransform
			if abs(gt[0]-b.Min[0]) > 1e-6 || abs(gt[3]-b.Max[1]) > 1e-6 || abs(gt[1]-1) > 1e-9 || abs(gt[5]+1) > 1e-9 {
				t.Fatalf("GDAL georeferencing %v, want origin %v,%v and 1 m pixels", gt, b.Min[0], b.Max[1])
			}
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			got := decodePNG(t, data)
			diff, dark := sameRGB(t, got, want, 0)
			if diff != 0 || dark < 1000 {
				t.Fatalf("GDAL image differs from ours in %d pixels (%d dark)", diff, dark)
			}
		})
	}
}

func absInt(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

const python = "/usr/bin/python3"

func needPython(t *testing.T, module string) {
	t.Helper()
	if _, err := os.Stat(python); err != nil {
		t.Skip("no /usr/bin/python3")
	}
	if err := exec.Command(python, "-c", "import "+module).Run(); err != nil {
		t.Skipf("python module %s missing (Debian python3-owslib / python3-qgis)", module)
	}
}

// TestOWSLib: OWSLib reads both capabilities versions, gets a map and a KIEG
// feature info record.
func TestOWSLib(t *testing.T) {
	needPython(t, "owslib.wms")
	b := view(t, 512)
	var target orb.Point
	var id string
	for _, o := range parcels(t, b.Pad(-30), 20) {
		if p, ok := interior(o.Geometry.(orb.MultiPolygon), 3); ok {
			target, id = p, o.Attrs["id_dzialki"].(string)
			break
		}
	}
	i, j := int(target[0]-b.Min[0]), int(b.Max[1]-target[1])
	for _, version := range []string{"1.3.0", "1.1.1"} {
		t.Run(version, func(t *testing.T) {
			out := run(t, 60*time.Second, nil, python, "testdata/clients.py", "owslib", baseURL+"/wms", version,
				f(b.Min[0]), f(b.Min[1]), f(b.Max[0]), f(b.Max[1]), strconv.Itoa(i), strconv.Itoa(j))
			var r struct {
				Version   string
				Layers    []string
				CRS       []string
				Queryable int
				Styles    []string
				GeoBBox   []float64 `json:"geo_bbox"`
				PNGBytes  int       `json:"png_bytes"`
				PNGMagic  string    `json:"png_magic"`
				Info      string
			}
			if err := json.Unmarshal(out, &r); err != nil {
				t.Fatalf("%v: %s", err, out)
			}
			if r.Version != version || !contains(r.Layers, "dzialki") || !contains(r.Layers, "numery_dzialek") || !contains(r.CRS, "EPSG:2180") || r.Queryable != 1 {
				t.Fatalf("capabilities as OWSLib reads them: %+v", r)
			}
			if len(r.GeoBBox) < 4 || !(r.GeoBBox[0] > 14 && r.GeoBBox[0] < r.GeoBBox[2] && r.GeoBBox[1] > 49 && r.GeoBBox[1] < r.GeoBBox[3]) {
				t.Fatalf("WGS84 box %v", r.GeoBBox)
			}
			if r.PNGMagic != "89504e470d0a1a0a" || r.PNGBytes < 1000 {
				t.Fatalf("map: %d bytes, magic %s", r.PNGBytes, r.PNGMagic)
			}
			if !strings.Contains(r.Info, "<ID_DZIALKI>"+id+"</ID_DZIALKI>") {
				t.Fatalf("feature info for %s: %s", id, r.Info)
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestQGIS renders a WMS 1.3.0 EPSG:2180 layer in headless QGIS and compares
// its picture with our own GetMap of the same extent.
func TestQGIS(t *testing.T) {
	if testing.Short() {
		t.Skip("QGIS start-up is slow")
	}
	needPython(t, "qgis.core")
	b := view(t, 512)
	out := filepath.Join(t.TempDir(), "qgis.png")
	if d := os.Getenv("WMS_TEST_KEEP"); d != "" {
		out = filepath.Join(d, "qgis.png")
	}
	res := run(t, 120*time.Second, []string{"QT_QPA_PLATFORM=offscreen", "XDG_RUNTIME_DIR=" + t.TempDir()}, python, "testdata/clients.py", "qgis", baseURL+"/wms",
		f(b.Min[0]), f(b.Min[1]), f(b.Max[0]), f(b.Max[1]), "512", out)
	var r struct {
		Valid  bool
		Error  string
		CRS    string
		Extent []float64
		Saved  bool
		Errors []string
	}
	line := res
	if k := strings.LastIndexByte(strings.TrimSpace(string(res)), '\n'); k >= 0 {
		line = res[k+1:]
	}
	if err := json.Unmarshal(line, &r); err != nil {
		t.Fatalf("%v: %s", err, res)
	}
	if !r.Valid || !r.Saved || len(r.Errors) > 0 || r.CRS != "EPSG:2180" {
		t.Fatalf("QGIS: %+v", r)
	}
	// QGIS reads the 1.3.0 N,E capabilities box as an E,N extent.
	ext := datasetExtent(t)
	if len(r.Extent) != 4 || abs(r.Extent[0]-ext.Min[0]) > 1 || abs(r.Extent[1]-ext.Min[1]) > 1 {
		t.Fatalf("QGIS layer extent %v, dataset %v", r.Extent, ext)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	got := decodePNG(t, data)
	_, direct := get(t, getMap130(b, 512, 512, "LAYERS", "dzialki"))
	want := decodePNG(t, direct)
	// QGIS asks for the box in its own floating-point spelling: anti-aliased
	// edge pixels may shift by a few levels, geometry may not move.
	diff, dark := sameRGB(t, got, want, 48)
	if dark < 500 || diff > 512*512/1000 {
		t.Fatalf("QGIS picture differs from ours in %d pixels (%d dark)", diff, dark)
	}
	t.Logf("QGIS vs direct GetMap: %d of %d pixels differ", diff, 512*512)
}
