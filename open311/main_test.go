package open311_test

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/geo"
	"github.com/sip-core/sip/internal/servetest"
	"github.com/sip-core/sip/outbox/outboxtest"
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/gpkg"
	"github.com/sip-core/sip/store/postgis/postgistest"
)

// The tests drive the real binary over HTTP on loopback, on a synthetic
// county (3000 parcels: the jednostki Łask, with every class of road, and
// Buczek, without roads) generated and ingested once by the sip command.

var (
	sipBin     string
	fixtureDir string
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "sip-open311")
	if err != nil {
		panic(err)
	}
	flag.Parse()
	code := func() int {
		// Fuzzing and benchmarks (-run '^$') need no server and no county.
		if r := flag.Lookup("test.run"); r != nil && r.Value.String() == "^$" {
			return postgistest.Main(m)
		}
		fixtureDir = filepath.Join(dir, "county")
		gml := ""
		if sipBin, err = servetest.Build(dir, "../cmd/sip"); err == nil {
			if gml, err = servetest.County(sipBin, fixtureDir, 3000); err == nil {
				err = servetest.Run(sipBin, "ingest", "--store", filepath.Join(fixtureDir, "drogi.gpkg"), filepath.Join(gml, "drogi.geojson"))
			}
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		return postgistest.Main(m)
	}()
	os.RemoveAll(dir)
	os.Exit(code)
}

// staffKey is the API key of the staff (role editor) in every site.
const staffKey = "staff-key-for-tests-0123456789"

// site is a configured county: copies of the fixture stores and a sip.yaml.
type site struct {
	Dir, Config, Addr string
}

// newSite writes a configuration serving the county, the roads and the
// reports dataset, with extra YAML appended inside the open311 section
// (indented by the caller) and top-level extra after it.
func newSite(t *testing.T, open311Extra, extra string) *site {
	t.Helper()
	dir := t.TempDir()
	for _, f := range []string{"county.gpkg", "drogi.gpkg"} {
		b, err := os.ReadFile(filepath.Join(fixtureDir, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s := &site{Dir: dir, Config: filepath.Join(dir, "sip.yaml"), Addr: outboxtest.FreeAddr(t)}
	yaml := fmt.Sprintf(`listen: %s
log: {level: info}
datasets:
  - name: powiat_laski
    store: county.gpkg
    title: Powiat łaski
  - name: drogi
    store: drogi.gpkg
    title: Drogi publiczne
  - name: zgloszenia
    store: zgloszenia.gpkg
    title: Zgłoszenia mieszkańców
    layers:
      - {name: zgloszenia, public: false}
auth:
  keys:
    - {name: staff, hash: "sha256:%x", roles: [editor]}
open311:
  dataset: zgloszenia
%s
%s`, s.Addr, sha(staffKey), open311Extra, extra)
	if err := os.WriteFile(s.Config, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	return s
}

// setStore makes a dataset of the site use another store.
func (s *site) setStore(t *testing.T, from, to string) { servetest.SetStore(t, s.Config, from, to) }

// process is a running sip serve.
type process = servetest.Process

// serve starts sip serve on a site and waits until it is healthy.
func (s *site) serve(t *testing.T, env ...string) *process {
	t.Helper()
	return servetest.Serve(t, sipBin, s.Config, s.Addr, env...)
}

// post sends a form to path and decodes a JSON answer into v (when not nil).
func post(t *testing.T, base, path string, form url.Values, header http.Header, v any) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, base+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for k, vs := range header {
		req.Header[k] = vs
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if v != nil && resp.StatusCode < 300 {
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatalf("POST %s: %v in %s", path, err, b)
		}
	}
	return resp.StatusCode, string(b)
}

// get fetches path and decodes JSON into v (when not nil).
func get(t *testing.T, base, path string, header http.Header, v any) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, base+path, nil)
	for k, vs := range header {
		req.Header[k] = vs
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if v != nil && resp.StatusCode == 200 {
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatalf("GET %s: %v in %.300s", path, err, b)
		}
	}
	return resp.StatusCode, string(b)
}

// created is the answer to POST requests.
type created []struct {
	ID      string `json:"service_request_id"`
	Token   string `json:"token"`
	Notice  string `json:"service_notice"`
	Account any    `json:"account_id"`
}

// reqDoc is a request as GET requests.json?extensions=true shows it.
type reqDoc struct {
	ID       string  `json:"service_request_id"`
	Status   string  `json:"status"`
	Notes    string  `json:"status_notes"`
	Agency   string  `json:"agency_responsible"`
	Notice   string  `json:"service_notice"`
	Address  string  `json:"address"`
	Lat      float64 `json:"lat"`
	Long     float64 `json:"long"`
	MediaURL string  `json:"media_url"`
	Ext      struct {
		Detailed string `json:"detailed_status"`
		Code     string `json:"agency_code"`
		Hosted   bool   `json:"agency_hosted"`
		Flagged  bool   `json:"flagged"`
		Reason   string `json:"routing_reason"`
		Asset    *struct {
			Value    string  `json:"value"`
			Distance float64 `json:"distance_m"`
		} `json:"asset"`
	} `json:"extended_attributes"`
}

func sha(s string) [32]byte { return sha256.Sum256([]byte(s)) }

// layerObjects reads the current objects of a layer of a store file.
func layerObjects(t *testing.T, path, layer string) []*store.Object {
	t.Helper()
	st, err := gpkg.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var out []*store.Object
	if err := st.Query(context.Background(), store.Query{Layer: layer}, func(r store.Row) error {
		out = append(out, r.Object)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

var toLL, _ = geo.NewTransform(geo.CRS2180, geo.CRS84)

// latLong converts an EPSG:2180 point to the form values of a report.
func latLong(p orb.Point) (string, string) {
	lon, lat := toLL.Point(p[0], p[1])
	return fmt.Sprintf("%.8f", lat), fmt.Sprintf("%.8f", lon)
}
