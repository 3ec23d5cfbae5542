package tiles

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/sip-core/sip/synth/synthstore"

	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/gpkg"
)

var bg = context.Background()

// cadastreLayers are the tile layers of the EGiB fixture county: DefaultLayers
// without the planning ones.
var cadastreLayers = []string{"jednostki", "obreby", "uzytki", "kontury", "dzialki", "budynki", LabelLayer}

// fixture: one synthetic county (1500 parcels) ingested into a GeoPackage, shared
// by the package's tests. Tests that modify a store work on a copy.
var (
	fixtureOnce sync.Once
	fixtureDir  string
	fixturePath string
	fixtureErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if fixtureDir != "" {
		os.RemoveAll(fixtureDir)
	}
	os.Exit(code)
}

func county(t testing.TB) string {
	t.Helper()
	fixtureOnce.Do(func() {
		fixtureDir, fixtureErr = os.MkdirTemp("", "sip-tiles-test-")
		if fixtureErr != nil {
			return
		}
		fixturePath, _, fixtureErr = synthstore.Build(bg, fixtureDir, synthstore.Options{Parcels: 1500, Seed: 7, NoTopology: true})
	})
	if fixtureErr != nil {
		t.Fatal(fixtureErr)
	}
	return fixturePath
}

// copyCounty copies the fixture store into dir (for tests that write to it).
func copyCounty(t testing.TB, dir string) string {
	t.Helper()
	b, err := os.ReadFile(county(t))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "county.gpkg")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func openRO(t testing.TB, path string) *gpkg.Store {
	t.Helper()
	s, err := gpkg.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func count(t testing.TB, r store.Reader, layer string) int {
	t.Helper()
	n, err := r.Count(bg, store.Query{Layer: layer})
	if err != nil {
		t.Fatal(err)
	}
	return int(n)
}

// built returns a shared z10–z16 build of the fixture (name: "county.mbtiles"
// or "county.pmtiles") and its report. Tests must not modify it.
var (
	builtMu   sync.Mutex
	builtOnes = map[string]*builtFile{}
)

type builtFile struct {
	path string
	rep  *BuildReport
}

func built(t *testing.T, name string) (string, *BuildReport) {
	t.Helper()
	builtMu.Lock()
	defer builtMu.Unlock()
	if b, ok := builtOnes[name]; ok {
		return b.path, b.rep
	}
	county(t)
	p := filepath.Join(fixtureDir, name)
	rep := build(t, fixturePath, p, WebMercatorQuad, 10, 16)
	builtOnes[name] = &builtFile{p, rep}
	return p, rep
}

// rowKey is the MVT feature id of an object: its store row key.
func rowKey(t testing.TB, r store.Reader, layer, id string) uint64 {
	t.Helper()
	var key int64
	err := r.Query(bg, store.Query{Layer: layer, IDs: []string{id}}, func(row store.Row) error {
		key = row.Key
		return nil
	})
	if err != nil || key == 0 {
		t.Fatalf("row key of %s/%s: %v", layer, id, err)
	}
	return uint64(key)
}
