package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/geo"
	"github.com/sip-core/sip/open311/open311test"
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/gpkg"
)

type llPt struct {
	Lat float64 `json:"lat"`
	Lon float64 `json:"lon"`
}

// reportFixture is what e2e/report.mjs is told.
type reportFixture struct {
	Road       llPt   `json:"road"`
	RoadAgency string `json:"roadAgency"`
	Here       llPt   `json:"here"`
	HereAgency string `json:"hereAgency"`
	Photo      string `json:"photo"`
	Email      string `json:"email"`
}

// routingAt asks the server who receives a report of service at p.
func routingAt(t *testing.T, base string, p llPt, service string) (agency, code string, flagged bool, asset bool) {
	t.Helper()
	var r struct {
		Agency  string `json:"agency_responsible"`
		Code    string `json:"agency_code"`
		Flagged bool   `json:"flagged"`
		Asset   any    `json:"asset"`
	}
	getJSON(t, fmt.Sprintf("%s/open311/v2/routing.json?lat=%.8f&long=%.8f&service_code=%s", base, p.Lat, p.Lon, service), &r)
	return r.Agency, r.Code, r.Flagged, r.Asset != nil
}

// TestBrowserReport drives the viewer's "Zgłoś problem" in Chromium on a
// phone-sized screen, in Polish (a click on a county road, a photo with EXIF)
// and in English (the device's location), then checks what the server
// stored: the unit the data names, the photo without metadata.
func TestBrowserReport(t *testing.T) {
	node, chromium := browserEnv(t)
	dir := t.TempDir()
	bin := buildSip(t, dir)
	run := func(args ...string) {
		if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
			t.Fatalf("sip %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	gml := filepath.Join(dir, "gml")
	run("gen", "county", "--parcels", "800", "--seed", "3", "--out", gml)
	files, _ := filepath.Glob(filepath.Join(gml, "*.gml"))
	run(append([]string{"ingest", "--store", filepath.Join(dir, "county.gpkg")}, files...)...)
	run("ingest", "--store", filepath.Join(dir, "drogi.gpkg"), filepath.Join(gml, "drogi.geojson"))
	addr := freeAddr(t)
	cfg := filepath.Join(dir, "sip.yaml")
	if err := os.WriteFile(cfg, []byte(fmt.Sprintf(`listen: %s
datasets:
  - {name: county, store: county.gpkg, title: Powiat łaski}
  - {name: drogi, store: drogi.gpkg, title: Drogi publiczne}
  - name: zgloszenia
    store: zgloszenia.gpkg
    layers: [{name: zgloszenia, public: false}]
open311:
  dataset: zgloszenia
`, addr)), 0o644); err != nil {
		t.Fatal(err)
	}
	base := "http://" + addr
	logs := serveSip(t, bin, cfg, base)

	fx := reportFixture{Email: "e2e.reporter.5521@example.org", Photo: filepath.Join(dir, "IMG_0001.jpg")}
	if err := os.WriteFile(fx.Photo, open311test.ExifJPEG(t, 800, 600, 6), 0o644); err != nil {
		t.Fatal(err)
	}
	fx.Road, fx.RoadAgency = pointOnRoad(t, base, filepath.Join(dir, "drogi.gpkg"), "powiatowa")
	fx.Here, fx.HereAgency = pointOffRoads(t, base, filepath.Join(dir, "county.gpkg"))
	fxPath := filepath.Join(dir, "report.json")
	b, _ := json.MarshalIndent(fx, "", " ")
	os.WriteFile(fxPath, b, 0o644)

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "e2e/report.mjs", base, fxPath)
	cmd.Env = append(os.Environ(), "CHROMIUM="+chromium)
	out, err := cmd.CombinedOutput()
	t.Logf("e2e/report.mjs:\n%s", out)
	if err != nil {
		t.Fatalf("report flow failed: %v (screenshots in web/e2e/artifacts)\nserver log:\n%s", err, logs.String())
	}
	var res struct{ PL, EN string }
	if m := regexp.MustCompile(`RESULT (\{.*\})`).FindSubmatch(out); m == nil || json.Unmarshal(m[1], &res) != nil || res.PL == "" || res.EN == "" {
		t.Fatalf("no RESULT line")
	}
	checkStoredReport(t, base, filepath.Join(dir, "open311.sqlite"), res.PL, fx)
	var docs []struct {
		Agency string `json:"agency_responsible"`
		Code   string `json:"service_code"`
	}
	getJSON(t, base+"/open311/v2/requests/"+res.EN+".json", &docs)
	if len(docs) != 1 || docs[0].Agency != fx.HereAgency || docs[0].Code != "oswietlenie" {
		t.Fatalf("the English report: %+v", docs)
	}
}

// checkStoredReport checks the Polish report: its unit, and its photo as
// stored, upright and without EXIF; the contact nowhere in the API.
func checkStoredReport(t *testing.T, base, dbPath, id string, fx reportFixture) {
	t.Helper()
	resp, err := http.Get(base + "/open311/v2/requests/" + id + ".json")
	if err != nil {
		t.Fatal(err)
	}
	var body bytes.Buffer
	body.ReadFrom(resp.Body)
	resp.Body.Close()
	if strings.Contains(body.String(), "e2e.reporter") {
		t.Fatal("the reporter's e-mail is in the public request")
	}
	var docs []struct {
		Agency   string `json:"agency_responsible"`
		MediaURL string `json:"media_url"`
	}
	json.Unmarshal(body.Bytes(), &docs)
	if len(docs) != 1 || docs[0].Agency != fx.RoadAgency || !strings.HasSuffix(docs[0].MediaURL, "/media/"+id+".jpg") {
		t.Fatalf("the Polish report: %s", body.String())
	}
	open311test.StoredPhoto(t, dbPath, id, 600, 800)
}

// pointOnRoad finds, on a road of a category, a point the server routes to
// that road's manager without a flag.
func pointOnRoad(t *testing.T, base, roadsPath, category string) (llPt, string) {
	t.Helper()
	s, err := gpkg.OpenReadOnly(roadsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	toLL, _ := geo.NewTransform(geo.CRS2180, geo.CRS84)
	var cands []llPt
	s.Query(context.Background(), store.Query{Layer: "drogi", Where: map[string]any{"kategoria": category}}, func(r store.Row) error {
		for _, ls := range r.Geometry.(orb.MultiLineString) {
			for i := 0; i+1 < len(ls); i++ {
				lon, lat := toLL.Point((ls[i][0]+ls[i+1][0])/2, (ls[i][1]+ls[i+1][1])/2)
				cands = append(cands, llPt{Lat: lat, Lon: lon})
			}
		}
		return nil
	})
	for _, c := range cands {
		if agency, code, flagged, asset := routingAt(t, base, c, "drogi"); asset && !flagged && code == "zarzad-drog-powiatowych" {
			return c, agency
		}
	}
	t.Fatalf("no unflagged point on a %s road among %d", category, len(cands))
	return llPt{}, ""
}

// pointOffRoads finds a point of the county whose street-lighting report goes
// to its gmina without a flag.
func pointOffRoads(t *testing.T, base, countyPath string) (llPt, string) {
	t.Helper()
	s, err := gpkg.OpenReadOnly(countyPath)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b, _, _ := s.Extent(context.Background(), "jednostki")
	toLL, _ := geo.NewTransform(geo.CRS2180, geo.CRS84)
	for i := 1; i < 10; i++ {
		for j := 1; j < 10; j++ {
			lon, lat := toLL.Point(b.Min[0]+(b.Max[0]-b.Min[0])*float64(i)/10, b.Min[1]+(b.Max[1]-b.Min[1])*float64(j)/10)
			p := llPt{Lat: lat, Lon: lon}
			if agency, code, flagged, _ := routingAt(t, base, p, "oswietlenie"); !flagged && strings.HasPrefix(code, "gmina-") {
				return p, agency
			}
		}
	}
	t.Fatal("no point of the county routed to a gmina")
	return llPt{}, ""
}
