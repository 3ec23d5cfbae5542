package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// `sip serve --check` on a valid configuration says OK and nothing worse than
// INFO: the background tile warm-up is stopped before the stores close, not
// left to fail on a closed database (issue 16, item 14). The warm-up of a
// 3000-parcel county was still running when the check closed the store about
// one time in three, so the check runs several times.
func TestServeCheckQuiet(t *testing.T) {
	dir := t.TempDir()
	gml := filepath.Join(dir, "gml")
	mustSip(t, "gen", "county", "--parcels", "3000", "--seed", "1", "--out", gml)
	files, _ := filepath.Glob(filepath.Join(gml, "*.gml"))
	store := filepath.Join(dir, "county.gpkg")
	mustSip(t, append([]string{"ingest", "--store", store}, files...)...)
	cfg := filepath.Join(dir, "sip.yaml")
	if err := os.WriteFile(cfg, []byte("datasets:\n  - name: county\n    store: county.gpkg\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for i := range 8 {
		out := mustSip(t, "serve", "--config", cfg, "--check")
		if !strings.Contains(out, "configuration OK: 1 dataset(s)") {
			t.Fatalf("run %d: no OK:\n%s", i, out)
		}
		for _, bad := range []string{"level=WARN", "level=ERROR", "database is closed"} {
			if strings.Contains(out, bad) {
				t.Fatalf("run %d: %q in the output of a valid check:\n%s", i, bad, out)
			}
		}
	}
}
