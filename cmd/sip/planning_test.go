package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"image/png"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const (
	appTestdata = "../../ingest/app/testdata/"
	fmtTestdata = "../../ingest/formats/testdata/"
)

func exitCode(err error) int {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	if err != nil {
		return -1
	}
	return 0
}

func TestValidateCommand(t *testing.T) {
	out, err := sip(t, "validate", appTestdata+"app2_old_2178.gml", fmtTestdata+"mpzp_cp1250.shp")
	if err != nil || !strings.Contains(out, "OK: 2 files, 1 plans, 7 zones: 0 errors, 0 warnings") {
		t.Fatalf("clean data: %v\n%s", err, out)
	}
	// Two zones of one plan overlapping by 10 × 100 m, and a gap in the extent.
	dir := t.TempDir()
	bad := strings.NewReplacer(
		"5790000 7480400 5790500 7480400 5790500 7480000", "5790000 7480410 5790500 7480410 5790500 7480000", // 1SJ reaches 10 m into 1SU
		"5790000 7480400 5790000 7481000 5790500 7481000 5790500 7480400 5790000 7480400", "5790000 7480400 5790000 7480900 5790500 7480900 5790500 7480400 5790000 7480400", // 1SU stops 100 m short
	).Replace(readFileT(t, appTestdata+"app2_old_2178.gml"))
	p := filepath.Join(dir, "pog.gml")
	if err := os.WriteFile(p, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err = sip(t, "validate", "--json", p)
	if exitCode(err) != 1 {
		t.Fatalf("exit %d, want 1 when errors are found\n%s", exitCode(err), out)
	}
	js := out[:strings.LastIndex(out, "}")+1]
	var rep struct {
		Errors   int `json:"errors"`
		Findings []struct {
			Code string  `json:"code"`
			Area float64 `json:"area_m2"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(js), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	codes := map[string]float64{}
	for _, f := range rep.Findings {
		codes[f.Code] = f.Area
	}
	// Areas in EPSG:2180 differ from the PL-2000 ones by the scale of the two grids
	// (well under 0.1 %).
	if rep.Errors != 2 || codes["NAKLADANIE"] < 4990 || codes["NAKLADANIE"] > 5010 || codes["LUKA"] < 49900 || codes["LUKA"] > 50100 {
		t.Errorf("findings %+v", rep.Findings)
	}
	out, err = sip(t, "validate", filepath.Join(dir, "missing.gml"))
	if exitCode(err) != 1 || !strings.Contains(out, "missing.gml") {
		t.Errorf("missing file: %v %s", err, out)
	}
}

func readFileT(t *testing.T, p string) string {
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestIngestPlanningCommand(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "gmina.gpkg")
	report := filepath.Join(dir, "report.json")
	mustSip(t, "ingest", "--store", store, "--report", report, appTestdata+"app1_gov_2180.gml", appTestdata+"app2_old_2178.gml", fmtTestdata+"mpzp_utf8.shp", fmtTestdata+"mpzp.gpkg:tereny")
	rep := readReport(t, report)
	if !rep.Committed || rep.Layers["plany"].Inserted != 2 || rep.Layers["strefy"].Inserted != 3 || rep.Layers["mpzp"].Inserted != 8 {
		t.Fatalf("%+v", rep)
	}
	validator := "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py"
	if _, err := os.Stat(validator); err == nil {
		if out, err := exec.Command("/usr/bin/python3", validator, "--extra", "--warning-as-error", store).CombinedOutput(); err != nil {
			t.Fatalf("validate_gpkg: %v\n%s", err, out)
		}
	}
	if _, err := exec.LookPath("ogrinfo"); err == nil {
		c := ogrCounts(t, store)
		if c["plany"] != 2 || c["strefy"] != 3 || c["mpzp"] != 8 {
			t.Errorf("GDAL counts %v", c)
		}
	}
	// A planning file into a cadastre store, and a mix of both: refused, nothing written.
	if out, err := sip(t, "ingest", "--store", filepath.Join(dir, "mix.gpkg"), fmtTestdata+"mpzp.geojson", "../../ingest/testdata/county_2021.gml"); err == nil || !strings.Contains(out, "cannot mix") {
		t.Errorf("mixed ingest: %v\n%s", err, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "mix.gpkg")); err == nil {
		t.Error("a refused ingest left a store behind")
	}
	// A failing planning ingest into a new store removes it again.
	broken := filepath.Join(dir, "broken.gml")
	os.WriteFile(broken, []byte(readFileT(t, appTestdata+"app2_old_2178.gml")[:3000]), 0o644)
	out, err := sip(t, "ingest", "--store", filepath.Join(dir, "new.gpkg"), fmtTestdata+"mpzp.geojson", broken)
	if err == nil || !strings.Contains(out, "broken.gml:") {
		t.Errorf("broken file: %v\n%s", err, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "new.gpkg")); err == nil {
		t.Error("a failed ingest left a new store behind")
	}
}

// A gmina's planning dataset (the real APP 2.0 sample and a local plan from
// GeoJSON) through every view one server offers, read by the clients users
// have: GDAL over WFS and OGC API, and HTTP for WMS, tiles and the card.
func TestServePlanningDataset(t *testing.T) {
	app2 := "../../../shared/data/app2/"
	if _, err := os.Stat(app2); err != nil {
		t.Skip("../shared/data/app2 is not here")
	}
	if _, err := exec.LookPath("ogrinfo"); err != nil {
		t.Skip("ogrinfo (gdal-bin) missing")
	}
	dir := t.TempDir()
	store := filepath.Join(dir, "gmina.gpkg")
	mustSip(t, "ingest", "--store", store, app2+"2_pog_AktPlanowaniaPrzestrzennego.gml", app2+"2_strefy_StrefaPlanistyczna_OK.gml", fmtTestdata+"mpzp.geojson")
	counts := ogrCounts(t, store)
	if counts["strefy"] == 0 || counts["plany"] == 0 || counts["mpzp"] == 0 {
		t.Fatalf("store counts %v", counts)
	}

	base := serveStore(t, store)
	get := func(u string) (*http.Response, []byte) {
		t.Helper()
		resp, err := http.Get(base + u)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, b
	}

	// GDAL counts every zone over WFS and over OGC API Features.
	for _, src := range []string{"WFS:" + base + "/wfs", "OAPIF:" + base + "/ogc"} {
		for _, layer := range []string{"strefy", "mpzp", "plany"} {
			name := layer
			if strings.HasPrefix(src, "WFS:") {
				name = "ms:" + layer
			}
			out, err := exec.Command("ogrinfo", "-ro", "-so", src, name).CombinedOutput()
			if err != nil {
				t.Fatalf("ogrinfo %s %s: %v\n%s", src, name, err, out)
			}
			if want := fmt.Sprintf("Feature Count: %d", counts[layer]); !strings.Contains(string(out), want) {
				t.Errorf("ogrinfo %s %s: want %q in\n%s", src, name, want, out)
			}
		}
	}
	// WMS: the zones' layer with its legend, one row per class.
	resp, caps := get("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities")
	if resp.StatusCode != 200 || !strings.Contains(string(caps), "<Name>strefy</Name>") || !strings.Contains(string(caps), "LegendURL") {
		t.Fatalf("WMS capabilities lack strefy with a legend: %d", resp.StatusCode)
	}
	resp, legend := get("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&LAYER=strefy&FORMAT=image/png")
	if img, err := png.Decode(bytes.NewReader(legend)); err != nil || resp.StatusCode != 200 || img.Bounds().Dy() < 13*10 {
		t.Fatalf("legend: %d %v (an entry per zone symbol expected)", resp.StatusCode, err)
	}
	// Tiles: the TileJSON lists the planning layers.
	resp, tj := get("/tiles/gmina.json")
	var meta struct {
		VectorLayers []struct {
			ID string `json:"id"`
		} `json:"vector_layers"`
	}
	if err := json.Unmarshal(tj, &meta); err != nil || resp.StatusCode != 200 {
		t.Fatalf("tilejson: %d %v", resp.StatusCode, err)
	}
	var ids []string
	for _, l := range meta.VectorLayers {
		ids = append(ids, l.ID)
	}
	for _, want := range []string{"plany", "strefy", "mpzp"} {
		if !slices.Contains(ids, want) {
			t.Errorf("tilejson vector_layers %v lack %s", ids, want)
		}
	}
}
