package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"github.com/sip-core/sip/geo"
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/gpkg"
)

// e2eFixture is what e2e/run.mjs is told about the dataset it tests.
type e2eFixture struct {
	Reference string      `json:"reference"`
	Points    []refPoint  `json:"points"`
	Search    searchCase  `json:"search"`
	Address   addrCase    `json:"address"`
	Click     clickTarget `json:"click"`
	Offline   string      `json:"offline"`
}

type refPoint struct {
	Lon float64 `json:"lon"`
	Lat float64 `json:"lat"`
	E   float64 `json:"e"`
	N   float64 `json:"n"`
}

type searchCase struct {
	Query string     `json:"query"`
	ID    string     `json:"id"`
	Obreb string     `json:"obreb"`
	BBox  [4]float64 `json:"bbox"`
}

// addrCase is a parcel found by its property address: the query is the
// address's words without Polish letters, in another order.
type addrCase struct {
	Query   string `json:"query"`
	ID      string `json:"id"`
	Address string `json:"address"`
}

type clickTarget struct {
	ID  string  `json:"id"`
	Lon float64 `json:"lon"`
	Lat float64 `json:"lat"`
	E   float64 `json:"e"`
	N   float64 `json:"n"`
}

// TestBrowser builds sip, generates and ingests a small county with the sip
// command, serves it on loopback with `sip serve`, and runs the viewer's
// end-to-end checks (e2e/run.mjs) in Debian's Chromium through playwright-core.
func TestBrowser(t *testing.T) {
	node, chromium := browserEnv(t)
	dir := t.TempDir()
	bin := buildSip(t, dir)
	run := func(args ...string) string {
		out, err := exec.Command(bin, args...).CombinedOutput()
		if err != nil {
			t.Fatalf("sip %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	gml := filepath.Join(dir, "gml")
	run("gen", "county", "--parcels", "800", "--seed", "3", "--out", gml)
	files, _ := filepath.Glob(filepath.Join(gml, "*.gml"))
	st := filepath.Join(dir, "county.gpkg")
	run(append([]string{"ingest", "--store", st}, files...)...)

	// Two backgrounds: this server's own WMS (reachable) and a closed port.
	addr := freeAddr(t)
	offlineURL := "http://" + freeAddr(t)
	cfg := filepath.Join(dir, "sip.yaml")
	yaml := fmt.Sprintf(`listen: %s
datasets:
  - name: county
    store: county.gpkg
viewer:
  background:
    - {name: "Użytki (WMS)", type: wms, url: "http://%s/wms", layers: uzytki}
    - {name: "Offline", type: wms, url: "%s/wms", layers: orto}
`, addr, addr, offlineURL)
	if err := os.WriteFile(cfg, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	base := "http://" + addr
	logs := serveSip(t, bin, cfg, base)

	fx := makeFixture(t, st, base)
	fx.Offline = offlineURL
	fxPath := filepath.Join(dir, "fixture.json")
	b, _ := json.MarshalIndent(fx, "", " ")
	if err := os.WriteFile(fxPath, b, 0o644); err != nil {
		t.Fatal(err)
	}
	// A bound on a hung browser, not a timing: the script takes about 90 s on
	// an idle two-core machine and several times that when the machine is
	// busy with the rest of the suite.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "e2e/run.mjs", base, fxPath)
	cmd.Env = append(os.Environ(), "CHROMIUM="+chromium)
	out, err := cmd.CombinedOutput()
	t.Logf("e2e/run.mjs:\n%s", out)
	if err != nil {
		t.Errorf("browser checks failed: %v (screenshots in web/e2e/artifacts)\nserver log:\n%s", err, logs.String())
	}
	t.Run("planning", func(t *testing.T) { planningBrowser(t, bin, dir, node, chromium) })
}

// planningFixture is what e2e/planning.mjs is told: the zones of the ingested
// APP 2.0 sample with a point inside each.
type planningFixture struct {
	Zones []planningZone `json:"zones"`
}

type planningZone struct {
	Oznaczenie string  `json:"oznaczenie"`
	Symbol     string  `json:"symbol"`
	Lon        float64 `json:"lon"`
	Lat        float64 `json:"lat"`
}

// planningBrowser ingests the real APP 2.0 sample with `sip ingest` into a
// planning dataset, serves it, and runs e2e/planning.mjs: the viewer draws
// each zone (strefy-fill) with its own oznaczenie and symbol and the plan's
// outline.
func planningBrowser(t *testing.T, bin, dir, node, chromium string) {
	files, _ := filepath.Glob("/work/shared/data/app2/*.gml")
	if len(files) == 0 {
		t.Skip("no APP 2.0 sample in /work/shared/data/app2")
	}
	st := filepath.Join(dir, "plan.gpkg")
	if out, err := exec.Command(bin, append([]string{"ingest", "--store", st}, files...)...).CombinedOutput(); err != nil {
		t.Fatalf("sip ingest: %v\n%s", err, out)
	}
	addr := freeAddr(t)
	cfg := filepath.Join(dir, "plan.yaml")
	if err := os.WriteFile(cfg, []byte(fmt.Sprintf("listen: %s\ndatasets:\n  - name: plan\n    store: plan.gpkg\n", addr)), 0o644); err != nil {
		t.Fatal(err)
	}
	base := "http://" + addr
	logs := serveSip(t, bin, cfg, base)

	s, err := gpkg.OpenReadOnly(st)
	if err != nil {
		t.Fatal(err)
	}
	toLL, _ := geo.NewTransform(geo.CRS2180, geo.CRS84)
	var fx planningFixture
	err = s.Query(context.Background(), store.Query{Layer: "strefy"}, func(r store.Row) error {
		p, ok := interiorPoint(r.Object.Geometry)
		if !ok {
			return fmt.Errorf("zone %s: no interior point found", r.Object.ID)
		}
		lon, lat := toLL.Point(p[0], p[1])
		fx.Zones = append(fx.Zones, planningZone{Oznaczenie: fmt.Sprint(r.Object.Attrs["oznaczenie"]), Symbol: fmt.Sprint(r.Object.Attrs["symbol"]), Lon: lon, Lat: lat})
		return nil
	})
	s.Close()
	if err != nil || len(fx.Zones) == 0 {
		t.Fatalf("zones of the sample: %d, %v", len(fx.Zones), err)
	}
	fxPath := filepath.Join(dir, "planning.json")
	b, _ := json.MarshalIndent(fx, "", " ")
	if err := os.WriteFile(fxPath, b, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "e2e/planning.mjs", base, fxPath)
	cmd.Env = append(os.Environ(), "CHROMIUM="+chromium)
	out, err := cmd.CombinedOutput()
	t.Logf("e2e/planning.mjs:\n%s", out)
	if err != nil {
		t.Fatalf("planning browser checks failed: %v\nserver log:\n%s", err, logs.String())
	}
}

// interiorPoint is a point well inside a polygon: of its centroid and a
// 32×32 grid over its bounds, the one inside farthest from the edges.
func interiorPoint(g orb.Geometry) (orb.Point, bool) {
	var best orb.Point
	bestD := -1.0
	if c, _ := planar.CentroidArea(g); contains(g, c) {
		best, bestD = c, edgeDistance(g, c)
	}
	b := g.Bound()
	for i := 1; i < 32; i++ {
		for j := 1; j < 32; j++ {
			p := orb.Point{b.Min[0] + (b.Max[0]-b.Min[0])*float64(i)/32, b.Min[1] + (b.Max[1]-b.Min[1])*float64(j)/32}
			if !contains(g, p) {
				continue
			}
			if d := edgeDistance(g, p); d > bestD {
				best, bestD = p, d
			}
		}
	}
	return best, bestD > 0
}

// edgeDistance is the distance from p to the nearest ring edge of g.
func edgeDistance(g orb.Geometry, p orb.Point) float64 {
	var polys []orb.Polygon
	switch t := g.(type) {
	case orb.Polygon:
		polys = []orb.Polygon{t}
	case orb.MultiPolygon:
		polys = t
	}
	d := math.Inf(1)
	for _, poly := range polys {
		for _, r := range poly {
			d = math.Min(d, planar.DistanceFrom(orb.LineString(r), p))
		}
	}
	return d
}

// makeFixture picks, from the store itself, a parcel to search for (one with a
// "/" in its number when there is one: its id must survive the URL), a point
// inside another parcel to click, and reference EPSG:2180 coordinates from the
// geo package, checked against PROJ's cs2cs when it is installed.
func makeFixture(t *testing.T, path, base string) e2eFixture {
	t.Helper()
	s, err := gpkg.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	obreby := map[string]string{}
	s.Query(ctx, store.Query{Layer: "obreby"}, func(r store.Row) error {
		obreby[fmt.Sprint(r.Object.Attrs["id_obrebu"])] = fmt.Sprint(r.Object.Attrs["nazwa"])
		return nil
	})
	var parcels []*store.Object
	if err := s.Query(ctx, store.Query{Layer: "dzialki", Limit: 400}, func(r store.Row) error {
		parcels = append(parcels, r.Object)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(parcels) < 10 {
		t.Fatalf("only %d parcels", len(parcels))
	}
	toLL, _ := geo.NewTransform(geo.CRS2180, geo.CRS84)
	var fx e2eFixture
	pick := parcels[len(parcels)/3]
	for _, o := range parcels[len(parcels)/3:] {
		if strings.Contains(fmt.Sprint(o.Attrs["numer_dzialki"]), "/") {
			pick = o
			break
		}
	}
	id := fmt.Sprint(pick.Attrs["id_dzialki"])
	ob := obreby[fmt.Sprint(pick.Attrs["id_obrebu"])]
	bb := pick.Geometry.Bound()
	fx.Search = searchCase{Query: ob + " " + fmt.Sprint(pick.Attrs["numer_dzialki"]), ID: id, Obreb: ob,
		BBox: [4]float64{bb.Min[0], bb.Min[1], bb.Max[0], bb.Max[1]}}
	if ob == "" || ob == "<nil>" {
		fx.Search.Query = id
	}
	// A parcel with a street address, asked for as a user types it: house
	// number first, the street without its Polish letters.
	for _, o := range parcels {
		a, _ := o.Attrs["adresy"].(string)
		a, _, _ = strings.Cut(a, "; ")
		town, street, ok := strings.Cut(a, ", ul. ")
		if !ok {
			continue
		}
		i := strings.LastIndexByte(street, ' ')
		if i < 0 {
			continue
		}
		fx.Address = addrCase{Query: street[i+1:] + " " + foldPolish(street[:i]) + " " + town, ID: fmt.Sprint(o.Attrs["id_dzialki"]), Address: a}
		break
	}
	if fx.Address.ID == "" {
		t.Fatal("no parcel of the generated county has a street address")
	}

	// A point inside another parcel, confirmed by the server's point lookup.
	for _, o := range parcels[len(parcels)/2:] {
		c, _ := planar.CentroidArea(o.Geometry)
		if !contains(o.Geometry, c) {
			continue
		}
		oid := fmt.Sprint(o.Attrs["id_dzialki"])
		var fc struct {
			Features []struct {
				ID string `json:"id"`
			} `json:"features"`
		}
		getJSON(t, fmt.Sprintf("%s/api/parcels?xy=%.3f,%.3f&srid=2180", base, c[0], c[1]), &fc)
		if len(fc.Features) != 1 || fc.Features[0].ID != oid || oid == id {
			continue
		}
		lon, lat := toLL.Point(c[0], c[1])
		fx.Click = clickTarget{ID: oid, Lon: lon, Lat: lat, E: c[0], N: c[1]}
		break
	}
	if fx.Click.ID == "" {
		t.Fatal("no parcel with its centroid inside it")
	}

	// Reference transform points over Poland and the county.
	fromLL, _ := geo.NewTransform(geo.CRS84, geo.CRS2180)
	var lls [][2]float64
	for lon := 14.2; lon <= 24.1; lon += 1.1 {
		for lat := 49.1; lat <= 54.8; lat += 0.95 {
			lls = append(lls, [2]float64{lon, lat})
		}
	}
	lls = append(lls, [2]float64{fx.Click.Lon, fx.Click.Lat}, [2]float64{19, 52})
	for _, ll := range lls {
		e, n := fromLL.Point(ll[0], ll[1])
		fx.Points = append(fx.Points, refPoint{Lon: ll[0], Lat: ll[1], E: e, N: n})
	}
	fx.Reference = "the geo package"
	if _, err := exec.LookPath("cs2cs"); err == nil {
		var in strings.Builder
		for _, p := range fx.Points {
			fmt.Fprintf(&in, "%.10f %.10f\n", p.Lat, p.Lon) // EPSG:4326: latitude first
		}
		cmd := exec.Command("cs2cs", "-f", "%.5f", "EPSG:4326", "EPSG:2180")
		cmd.Stdin = strings.NewReader(in.String())
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("cs2cs: %v", err)
		}
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")
		if len(lines) != len(fx.Points) {
			t.Fatalf("cs2cs gave %d lines for %d points", len(lines), len(fx.Points))
		}
		for i, l := range lines {
			f := strings.Fields(l)
			n, _ := strconv.ParseFloat(f[0], 64) // EPSG:2180: northing first
			e, _ := strconv.ParseFloat(f[1], 64)
			if d := max(abs(e-fx.Points[i].E), abs(n-fx.Points[i].N)); d > 0.001 {
				t.Fatalf("geo and cs2cs differ by %.4f m at %v", d, fx.Points[i])
			}
		}
		fx.Reference = "the geo package and PROJ cs2cs"
	}
	return fx
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func contains(g orb.Geometry, p orb.Point) bool {
	switch g := g.(type) {
	case orb.Polygon:
		return planar.PolygonContains(g, p)
	case orb.MultiPolygon:
		return planar.MultiPolygonContains(g, p)
	}
	return false
}

func getJSON(t *testing.T, u string, v any) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d %s", u, resp.StatusCode, b)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
}

func freeAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func waitHealthy(t *testing.T, base string, logs *bytes.Buffer) {
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if r, err := http.Get(base + "/healthz"); err == nil {
			r.Body.Close()
			if r.StatusCode == 200 {
				return
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("sip serve did not become healthy:\n%s", logs.String())
}

// foldPolish writes Polish letters as their ASCII bases, as people type them.
func foldPolish(s string) string {
	return strings.NewReplacer("ą", "a", "ć", "c", "ę", "e", "ł", "l", "ń", "n", "ó", "o", "ś", "s", "ź", "z", "ż", "z",
		"Ą", "A", "Ć", "C", "Ę", "E", "Ł", "L", "Ń", "N", "Ó", "O", "Ś", "S", "Ź", "Z", "Ż", "Z").Replace(s)
}
