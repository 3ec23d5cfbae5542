package wms_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	_ "image/jpeg"
	"image/png"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/sip-core/sip/synth/synthstore"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/server"
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/gpkg"
	_ "github.com/sip-core/sip/wms"
)

// The fixture: one synthetic county (1500 parcels) in a GeoPackage, served by
// a real server on loopback.
var (
	fixDir   string
	fixStore string
	baseURL  string
	srv      *server.Server
)

func TestMain(m *testing.M) {
	code := func() int {
		dir, err := os.MkdirTemp("", "wms-test-")
		if err != nil {
			panic(err)
		}
		defer os.RemoveAll(dir)
		fixDir = dir
		if err := buildFixture(dir); err != nil {
			fmt.Fprintln(os.Stderr, "fixture:", err)
			return 1
		}
		s, u, err := startServer(fixtureConfig())
		if err != nil {
			fmt.Fprintln(os.Stderr, "server:", err)
			return 1
		}
		srv, baseURL = s, u
		defer stopServer(s)
		return m.Run()
	}()
	os.Exit(code)
}

// startServer runs a real server on a loopback port.
func startServer(cfg *config.Config) (*server.Server, string, error) {
	s, err := server.New(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), server.Options{})
	if err != nil {
		return nil, "", err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		s.Shutdown(context.Background())
		return nil, "", err
	}
	go s.Serve(ln)
	return s, "http://" + ln.Addr().String(), nil
}

func stopServer(s *server.Server) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	s.Shutdown(ctx)
}

func buildFixture(dir string) error {
	var err error
	fixStore, _, err = synthstore.Build(context.Background(), dir, synthstore.Options{Parcels: 1500, Seed: 5, NoTopology: true})
	return err
}

func fixtureConfig() *config.Config {
	y := fmt.Sprintf(`
datasets:
  - name: county
    store: %s
    title: Powiat Łaski
    layers:
      - name: dzialki
      - name: budynki
      - name: obreby
      - name: jednostki
      - name: uzytki
      - name: kontury
      - name: punkty
styles:
  - name: czerwone
    title: Granice czerwone
    stroke: "#ff0000"
    width: 2
    dash: [6, 3]
limits:
  rate_limit: {rate: 0, burst: 1}
  max_image_width: 2048
  max_image_height: 2048
index:
  poll_interval: 50ms
`, fixStore)
	cfg, err := config.Parse([]byte(y), "")
	if err != nil {
		panic(err)
	}
	return cfg
}

func get(t testing.TB, u string) (*http.Response, []byte) {
	t.Helper()
	return fetch(t, u, "", "")
}

// fetch GETs a URL with an optional key and If-None-Match.
func fetch(t testing.TB, u, key, inm string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		t.Fatal(err)
	}
	if key != "" {
		req.Header.Set("X-API-Key", key)
	}
	if inm != "" {
		req.Header.Set("If-None-Match", inm)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

// wmsURL builds a request URL from key=value pairs (values are escaped).
func wmsURL(kv ...string) string {
	var b strings.Builder
	b.WriteString(baseURL + "/wms?")
	for i := 0; i+1 < len(kv); i += 2 {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(kv[i] + "=" + strings.NewReplacer(" ", "%20", "+", "%2B", ";", "%3B", "#", "%23").Replace(kv[i+1]))
	}
	return b.String()
}

func decodeImage(t testing.TB, b []byte) image.Image {
	t.Helper()
	img, _, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("decode image: %v (%d bytes: %.200q)", err, len(b), b)
	}
	return img
}

func decodePNG(t testing.TB, b []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("decode png: %v (%.300q)", err, b)
	}
	return img
}

func nrgba(c color.Color) color.NRGBA { return color.NRGBAModel.Convert(c).(color.NRGBA) }

// parcels returns current parcels of the fixture whose bound lies inside b.
func parcels(t testing.TB, b orb.Bound, n int) []*store.Object {
	t.Helper()
	s, err := gpkg.Open(fixStore)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var out []*store.Object
	err = s.Query(context.Background(), store.Query{Layer: "dzialki", Bound: &b}, func(r store.Row) error {
		gb := r.Geometry.Bound()
		if b.Contains(gb.Min) && b.Contains(gb.Max) && len(out) < n {
			out = append(out, r.Object)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func layerObjects(t testing.TB, layer string, b orb.Bound) []*store.Object {
	t.Helper()
	s, err := gpkg.Open(fixStore)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var out []*store.Object
	err = s.Query(context.Background(), store.Query{Layer: layer, Bound: &b}, func(r store.Row) error {
		out = append(out, r.Object)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// interior finds a point well inside a polygon (the centroid when inside, else a
// scan of the polygon's bound).
func interior(mp orb.MultiPolygon, clearance float64) (orb.Point, bool) {
	if len(mp) == 0 {
		return orb.Point{}, false
	}
	c, _ := planar.CentroidArea(mp[0])
	try := func(p orb.Point) bool {
		if !planar.PolygonContains(mp[0], p) {
			return false
		}
		for _, r := range mp[0] {
			if planar.DistanceFrom(orb.LineString(r), p) < clearance {
				return false
			}
		}
		return true
	}
	if try(c) {
		return c, true
	}
	b := mp[0].Bound()
	for i := 1; i < 10; i++ {
		for j := 1; j < 10; j++ {
			p := orb.Point{b.Min[0] + (b.Max[0]-b.Min[0])*float64(i)/10, b.Min[1] + (b.Max[1]-b.Min[1])*float64(j)/10}
			if try(p) {
				return p, true
			}
		}
	}
	return orb.Point{}, false
}

// datasetExtent is the dzialki extent (EPSG:2180, E,N).
func datasetExtent(t testing.TB) orb.Bound {
	t.Helper()
	s, err := gpkg.Open(fixStore)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b, ok, err := s.Extent(context.Background(), "dzialki")
	if err != nil || !ok {
		t.Fatal(err, ok)
	}
	return b
}
