package main

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sip-core/sip/config"
)

// `sip serve --config` with metrics.listen: Prometheus scrapes the listener of
// its own without a key, or the public listener with a metrics key; the public
// listener refuses anyone else, so no non-public layer is named to them.
func TestServeMetricsListener(t *testing.T) {
	dir := t.TempDir()
	gml := filepath.Join(dir, "gml")
	mustSip(t, "gen", "county", "--parcels", "150", "--seed", "3", "--out", gml)
	files, _ := filepath.Glob(filepath.Join(gml, "*.gml"))
	store := filepath.Join(dir, "county.gpkg")
	mustSip(t, append([]string{"ingest", "--store", store}, files...)...)

	maddr := freeAddr(t)
	cfgPath := filepath.Join(dir, "sip.yaml")
	cfg := fmt.Sprintf(`datasets:
  - name: powiat
    store: county.gpkg
    layers:
      - name: dzialki
      - name: budynki
      - name: punkty
        public: false
auth:
  keys:
    - {name: prometheus, hash: %s, roles: [metrics]}
metrics:
  listen: %s
`, config.HashKey("scrape-key"), maddr)
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	base, logs, stop := startServe(t, "--config", cfgPath)

	scrape := func(u, key string) (int, string) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, u, nil)
		if key != "" {
			req.Header.Set("Authorization", "Bearer "+key)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	const hidden = `sip_index_objects{dataset="powiat",layer="punkty"}`
	if code, body := scrape("http://"+maddr+"/metrics", ""); code != 200 || !strings.Contains(body, hidden) {
		t.Errorf("metrics listener: %d, series of punkty %v", code, strings.Contains(body, hidden))
	}
	if code, body := scrape(base+"/metrics", "scrape-key"); code != 200 || !strings.Contains(body, hidden) {
		t.Errorf("public listener with the scrape key: %d, series of punkty %v", code, strings.Contains(body, hidden))
	}
	if code, body := scrape(base+"/metrics", ""); code != 401 || strings.Contains(body, "punkty") {
		t.Errorf("public listener without a key: %d %.200s", code, body)
	}
	if code, _ := scrape("http://"+maddr+"/api/datasets/powiat", ""); code != 404 {
		t.Errorf("the metrics listener serves the API: %d", code)
	}
	stop()
	if !strings.Contains(logs.String(), "serving metrics") {
		t.Errorf("no log line for the metrics listener:\n%s", logs.String())
	}
	if _, err := http.Get("http://" + maddr + "/metrics"); err == nil {
		t.Error("the metrics listener outlives the server")
	}
}
