package open311_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/paulmach/orb"
)

type llPoint struct {
	Lat  float64 `json:"lat"`
	Long float64 `json:"long"`
}

func ll(p orb.Point) llPoint {
	lon, lat := toLL.Point(p[0], p[1])
	return llPoint{Lat: lat, Long: lon}
}

// runClient runs the Open311 client written from the specification
// (testdata/open311_client.py, Debian's Python, standard library only)
// against a server.
func runClient(t *testing.T, base string, fixture any) {
	t.Helper()
	fx := filepath.Join(t.TempDir(), "fixture.json")
	b, _ := json.Marshal(fixture)
	if err := os.WriteFile(fx, b, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, "/usr/bin/python3", "testdata/open311_client.py", base+"/open311/v2", fx).CombinedOutput()
	t.Logf("open311_client.py:\n%s", out)
	if err != nil {
		t.Fatalf("the spec client failed: %v", err)
	}
}

// An Open311 client written from the GeoReport v2 specification works
// unchanged: discovery, services, definitions, POST with attributes, tokens,
// filters and paging, both formats, the error arrays.
func TestOpen311ClientFromSpec(t *testing.T) {
	if _, err := os.Stat("/usr/bin/python3"); err != nil {
		t.Skip("Debian's /usr/bin/python3 is missing")
	}
	s := newSite(t, "  rate_limit: {rate: 100, burst: 100}", "")
	p := s.serve(t)
	c := readCounty(t, s.Dir)
	var pts []llPoint
	for _, j := range c.jed {
		in := mustInterior(t, j.Geometry)
		for k := range 5 {
			pts = append(pts, ll(orb.Point{in[0] + float64(40*k), in[1] - float64(30*k)}))
		}
	}
	pts = append(pts, ll(orb.Point{640000, 486000})) // outside: a referred request
	runClient(t, p.Base, map[string]any{"points": pts})
}

// With several jurisdictions, jurisdiction_id is required to post and
// selects the requests listed.
func TestOpen311Jurisdictions(t *testing.T) {
	if _, err := os.Stat("/usr/bin/python3"); err != nil {
		t.Skip("Debian's /usr/bin/python3 is missing")
	}
	s := newSite(t, `  rate_limit: {rate: 100, burst: 100}
  jurisdictions:
    - {id: lask.pl, name: Gmina Łask, gminy: ["100301"]}
    - {id: buczek.pl, name: Gmina Buczek, gminy: ["100302"]}`, "")
	p := s.serve(t)
	c := readCounty(t, s.Dir)
	pts := map[string]llPoint{}
	for _, j := range c.jed {
		id := j.Attrs["id_jednostki"].(string)
		switch id[:6] {
		case "100301":
			pts["lask.pl"] = ll(mustInterior(t, j.Geometry))
		case "100302":
			pts["buczek.pl"] = ll(mustInterior(t, j.Geometry))
		}
	}
	if len(pts) != 2 {
		t.Fatalf("fixture jednostki: %v", pts)
	}
	runClient(t, p.Base, map[string]any{"jurisdictions": []string{"lask.pl", "buczek.pl"}, "jurisdiction_points": pts})
}
