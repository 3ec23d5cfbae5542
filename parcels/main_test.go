package parcels

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/sip-core/sip/synth/synthstore"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/server"
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/gpkg"
	"github.com/sip-core/sip/store/postgis/postgistest"
)

// The package fixture: a synthetic county of fixtureParcels parcels generated and
// ingested once into a real GeoPackage, served by a real server on loopback.
const fixtureParcels = 1500

var fx struct {
	dir   string
	gpkg  string
	url   string
	srv   *server.Server
	store store.Store // a second handle on the GeoPackage, for reading truth and for live edits
}

func TestMain(m *testing.M) {
	code, err := runMain(m)
	if err != nil {
		fmt.Fprintln(os.Stderr, "parcels fixture:", err)
		os.Exit(1)
	}
	os.Exit(code)
}

func runMain(m *testing.M) (int, error) {
	dir, err := os.MkdirTemp("", "parcels-test-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(dir)
	fx.dir = dir
	fx.gpkg, _, err = synthstore.Build(context.Background(), dir, synthstore.Options{Parcels: fixtureParcels, Seed: 5})
	if err != nil {
		return 0, err
	}
	cfg, err := config.Parse([]byte(fmt.Sprintf(`
datasets:
  - name: county
    store: %s
    title: Powiat Łaski
index:
  poll_interval: 20ms
`, fx.gpkg)), "")
	if err != nil {
		return 0, err
	}
	srv, url, err := startServer(cfg)
	if err != nil {
		return 0, err
	}
	fx.srv, fx.url = srv, url
	defer func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	}()
	if fx.store, err = gpkg.Open(fx.gpkg); err != nil {
		return 0, err
	}
	defer fx.store.Close()
	return postgistest.Main(m), nil
}

func startServer(cfg *config.Config) (*server.Server, string, error) {
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv, err := server.New(cfg, logger, server.Options{})
	if err != nil {
		return nil, "", err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, "", err
	}
	go srv.Serve(ln)
	return srv, "http://" + ln.Addr().String(), nil
}

// serveYAML starts a real server on a configuration until the test ends.
func serveYAML(t *testing.T, yaml string) string {
	t.Helper()
	cfg, err := config.Parse([]byte(yaml), "")
	if err != nil {
		t.Fatal(err)
	}
	return serveConfig(t, cfg)
}

// serveConfig starts a second server on cfg for one test and returns its URL;
// it is shut down when the test ends.
func serveConfig(t testing.TB, cfg *config.Config) string {
	t.Helper()
	_, base := serveServer(t, cfg)
	return base
}

// serveServer is serveConfig returning the server too.
func serveServer(t testing.TB, cfg *config.Config) (*server.Server, string) {
	t.Helper()
	srv, base, err := startServer(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	})
	return srv, base
}

var client = &http.Client{Timeout: 20 * time.Second}

func get(t testing.TB, url string) (*http.Response, string) {
	t.Helper()
	resp, err := client.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}

// currentParcels reads every current parcel from the store (the truth the
// service must agree with), sorted by id.
func currentParcels(t testing.TB) []*store.Object {
	t.Helper()
	var out []*store.Object
	err := fx.store.Query(context.Background(), store.Query{Layer: "dzialki"}, func(r store.Row) error {
		out = append(out, r.Object)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(out, func(i, j int) bool { return str(out[i], "id_dzialki") < str(out[j], "id_dzialki") })
	return out
}

// python runs a script with the Debian python3 (GDAL bindings), skipping when
// it or osgeo is missing.
func python(t testing.TB, script string, args ...string) string {
	t.Helper()
	const py = "/usr/bin/python3"
	if _, err := os.Stat(py); err != nil {
		t.Skip("/usr/bin/python3 not installed (Debian python3)")
	}
	if needsGDAL := strings.Contains(script, "osgeo"); needsGDAL {
		if err := exec.Command(py, "-c", "import osgeo.ogr").Run(); err != nil {
			t.Skip("python3-gdal not installed: make deps-test installs it")
		}
	}
	cmd := exec.Command(py, append([]string{"-c", script}, args...)...)
	out, err := cmd.Output()
	if err != nil {
		var stderr string
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("python: %v\n%s", err, stderr)
	}
	return string(out)
}
