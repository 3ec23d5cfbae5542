package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestParseExample(t *testing.T) {
	c, err := Load(filepath.Join("..", "sip.example.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Datasets) < 2 {
		t.Fatalf("example should host several datasets, got %d", len(c.Datasets))
	}
	if !filepath.IsAbs(c.Datasets[0].Store) && !strings.HasPrefix(c.Datasets[0].Store, "..") {
		t.Errorf("store path not anchored at the config file: %q", c.Datasets[0].Store)
	}
	if c.Limits.WriteTimeout <= c.Limits.RequestTimeout {
		t.Errorf("write timeout %v <= request timeout %v", c.Limits.WriteTimeout, c.Limits.RequestTimeout)
	}
	if c.Cache.TileFeatures != 256<<20 {
		t.Errorf("cache.tile_features %d", c.Cache.TileFeatures)
	}
	if c.Cache.MapFeatures != 64<<20 || c.Cache.Parcels != 32<<20 || c.Cache.Index != 32<<20 || c.Index.Memory {
		t.Errorf("the example's memory settings: cache %+v, index %+v", c.Cache, c.Index)
	}
	if c.Metrics.Listen != "127.0.0.1:9181" || c.Metrics.Public {
		t.Errorf("metrics %+v", c.Metrics)
	}
}

func TestDefaults(t *testing.T) {
	c := ForStore("/data/Powiat Testowy.gpkg")
	if c.Listen != "127.0.0.1:8080" {
		t.Errorf("listen %q", c.Listen)
	}
	if c.Datasets[0].Name != "powiat_testowy" {
		t.Errorf("name %q", c.Datasets[0].Name)
	}
	if c.Limits.RequestTimeout.D() != time.Minute || c.Limits.MaxBodyBytes != 10<<20 || c.Index.PollInterval.D() != time.Second {
		t.Errorf("defaults: %+v %+v", c.Limits, c.Index)
	}
	if c.Cache.TileFeatures != 256<<20 || c.Cache.Tiles != 256<<20 {
		t.Errorf("cache defaults: %+v", c.Cache)
	}
}

func TestErrors(t *testing.T) {
	good := HashKey("k1")
	cases := []refusal{
		{"unknown top key", "listen: 127.0.0.1:1\nlisen: x\n", 2, "lisen", "unknown key"},
		{"unknown nested key", "datasets:\n  - name: a\n    store: a.gpkg\n    titel: x\n", 4, "titel", "unknown key"},
		{"bad duration", "datasets: [{name: a, store: a.gpkg}]\nlimits:\n  request_timeout: soon\n", 3, "", "not a duration"},
		{"bad size", "datasets: [{name: a, store: a.gpkg}]\nlimits:\n  max_body: lots\n", 3, "", "not a size"},
		{"no datasets", "listen: 127.0.0.1:1\n", 1, "datasets", "at least one"},
		{"bad name", "datasets:\n  - name: Powiat\n    store: a.gpkg\n", 2, "datasets[0].name", "lower-case"},
		{"dup name", "datasets:\n  - name: a\n    store: a.gpkg\n  - name: a\n    store: b.gpkg\n", 4, "datasets[1].name", "duplicate"},
		{"no store", "datasets:\n  - name: a\n    title: A\n", 2, "datasets[0].store", "required"},
		{"bad hash", "datasets: [{name: a, store: a.gpkg}]\nauth:\n  keys:\n    - name: k\n      hash: abc\n      roles: [admin]\n", 5, "auth.keys[0].hash", "sha256"},
		{"bad role", "datasets: [{name: a, store: a.gpkg}]\nauth:\n  keys:\n    - name: k\n      hash: " + good + "\n      roles: [admin, root]\n", 6, "auth.keys[0].roles[1]", "unknown role"},
		{"key dataset", "datasets: [{name: a, store: a.gpkg}]\nauth:\n  keys:\n    - name: k\n      hash: " + good + "\n      roles: [sync]\n      datasets:\n        - b\n", 8, "auth.keys[0].datasets[0]", "unknown dataset"},
		{"write<request", "datasets: [{name: a, store: a.gpkg}]\nlimits:\n  request_timeout: 30s\n  write_timeout: 10s\n", 4, "limits.write_timeout", "longer"},
		{"cors", "datasets: [{name: a, store: a.gpkg}]\ncors:\n  origins:\n    - https://ok.example\n    - example.com\n", 5, "cors.origins[1]", "origin"},
		{"style colour", "datasets: [{name: a, store: a.gpkg}]\nstyles:\n  - name: s\n    stroke: red\n", 4, "styles[0].stroke", "colour"},
		{"layer style", "datasets:\n  - name: a\n    store: a.gpkg\n    layers:\n      - name: dzialki\n        style: nope\n", 6, "datasets[0].layers[0].style", "unknown style"},
		{"fee unit", "datasets: [{name: a, store: a.gpkg}]\nfees:\n  items:\n    - document: wyrys\n      electronic: 105\n      unit: sztuka\n", 6, "fees.items[0].unit", "unit"},
		{"listen", "listen: localhost\ndatasets: [{name: a, store: a.gpkg}]\n", 1, "listen", "host:port"},
		{"metrics listen", "datasets: [{name: a, store: a.gpkg}]\nmetrics:\n  listen: 9090\n", 3, "metrics.listen", "host:port"},
		{"metrics on listen", "listen: 127.0.0.1:8080\ndatasets: [{name: a, store: a.gpkg}]\nmetrics:\n  listen: 127.0.0.1:8080\n", 4, "metrics.listen", "must differ"},
		{"metrics read role", "datasets:\n  - name: a\n    store: a.gpkg\n    layers:\n      - name: punkty\n        public: false\n        read_roles: [metrics]\n", 7, "datasets[0].layers[0].read_roles[0]", "unknown role"},
		{"tile features", "datasets: [{name: a, store: a.gpkg}]\ncache:\n  tile_features: 64KB\n", 3, "cache.tile_features", "at least 1MB"},
		{"standby on gpkg", "datasets:\n  - name: a\n    store: a.gpkg\n    standbys: [b.gpkg]\n", 4, "datasets[0].standbys[0]", "PostGIS DSN"},
		{"standbys of gpkg", "datasets:\n  - name: a\n    store: a.gpkg\n    standbys: [\"postgres://h/sip?schema=a\"]\n", 4, "datasets[0].standbys", "need a PostGIS store"},
		{"on_lag", "datasets:\n  - name: a\n    store: postgres://h/sip\n    on_lag: wait\n", 4, "datasets[0].on_lag", "unready"},
		{"max_lag", "datasets:\n  - name: a\n    store: postgres://h/sip\n    max_lag: -1s\n", 4, "datasets[0].max_lag", "negative"},
		{"syntax", "datasets:\n  - name: a\n   store: x\n", -1, "", ""}, // yaml.v3 reports the line where the broken block starts
	}
	checkRefusals(t, cases)
}

func TestRelativeStore(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "sip.yaml")
	if err := os.WriteFile(p, []byte("datasets:\n  - name: a\n    store: data/a.gpkg\n  - name: b\n    store: /abs/b.gpkg\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if c.Datasets[0].Store != filepath.Join(dir, "data/a.gpkg") || c.Datasets[1].Store != "/abs/b.gpkg" {
		t.Errorf("stores %q %q", c.Datasets[0].Store, c.Datasets[1].Store)
	}
}

func TestHashKey(t *testing.T) {
	k := NewKey()
	if !strings.HasPrefix(k, "sip_") || len(k) < 40 {
		t.Errorf("key %q", k)
	}
	if h := HashKey("abc"); h != "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" {
		t.Errorf("hash %s", h)
	}
}

func TestByteSize(t *testing.T) {
	for s, want := range map[string]ByteSize{"10MB": 10 << 20, "512 kb": 512 << 10, "1GiB": 1 << 30, "100": 100, "1.5K": 1536} {
		got, err := ParseByteSize(s)
		if err != nil || got != want {
			t.Errorf("%q: %d %v", s, got, err)
		}
	}
}

// The documented "rate: 0 disables" works without a burst (issue 16 item 11),
// an absent rate takes the default, and a burst alone keeps the default rate.
func TestRateLimitZeroDisables(t *testing.T) {
	for _, tc := range []struct {
		yaml  string
		rate  float64
		burst int
	}{
		{"limits:\n  rate_limit: {rate: 0}\n", 0, 1},
		{"limits:\n  rate_limit:\n    rate: 0\n    trust_proxy: true\n", 0, 1},
		{"limits:\n  rate_limit: {trust_proxy: true}\n", 50, 100},
		{"limits:\n  max_body: 1MB\n", 50, 100},
		{"limits:\n  rate_limit: {burst: 7}\n", 0, 7}, // as before: a burst alone does not bring back the default rate
		{"limits:\n  rate_limit: {rate: 5}\n", 5, 10},
	} {
		c, err := Parse([]byte("datasets: [{name: a, store: a.gpkg}]\n"+tc.yaml), "sip.yaml")
		if err != nil {
			t.Fatalf("%q: %v", tc.yaml, err)
		}
		if rl := c.Limits.RateLimit; rl.Rate != tc.rate || rl.Burst != tc.burst {
			t.Errorf("%q: rate %v burst %d, want %v and %d", tc.yaml, rl.Rate, rl.Burst, tc.rate, tc.burst)
		}
	}
}

func TestRenderLimits(t *testing.T) {
	c := ForStore("a.gpkg")
	if l := c.Limits; l.RenderMemory != 512<<20 || l.RenderQueue != 32 || l.RenderWait.D() != 5*time.Second {
		t.Errorf("render defaults: %v %v %v", l.RenderMemory, l.RenderQueue, l.RenderWait)
	}
	c, err := Parse([]byte("datasets: [{name: a, store: a.gpkg}]\nlimits:\n  render_memory: 64MB\n  render_queue: 4\n  render_wait: 1500ms\n"), "sip.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if l := c.Limits; l.RenderMemory != 64<<20 || l.RenderQueue != 4 || l.RenderWait.D() != 1500*time.Millisecond {
		t.Errorf("render limits: %v %v %v", l.RenderMemory, l.RenderQueue, l.RenderWait)
	}
	_, err = Parse([]byte("datasets: [{name: a, store: a.gpkg}]\nlimits:\n  render_memory: 100KB\n"), "sip.yaml")
	if err == nil || !strings.Contains(err.Error(), "sip.yaml:3: limits.render_memory: must be at least 1MB") {
		t.Errorf("small render_memory: %v", err)
	}
}

// refusal is a configuration Parse must refuse at a place: the error's line
// (-1: any), its key and a part of its message.
type refusal struct {
	name, yaml string
	line       int
	key, msg   string
}

// checkRefusals parses each case as sip.yaml and checks that it is refused
// at its place with an error naming the file; it returns the errors by case.
func checkRefusals(t *testing.T, cases []refusal) map[string]error {
	t.Helper()
	errs := map[string]error{}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.yaml), "sip.yaml")
			errs[tc.name] = err
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("want *Error, got %T %v", err, err)
			}
			if (tc.line >= 0 && ce.Line != tc.line) || ce.Key != tc.key || !strings.Contains(ce.Msg, tc.msg) {
				t.Errorf("got line %d key %q msg %q (%v); want line %d key %q msg ~%q", ce.Line, ce.Key, ce.Msg, err, tc.line, tc.key, tc.msg)
			}
			if !strings.HasPrefix(err.Error(), "sip.yaml:") {
				t.Errorf("error does not name the file: %v", err)
			}
		})
	}
	return errs
}

// TestLagBound: a dataset's max_lag, else limits.max_revision_lag.
func TestLagBound(t *testing.T) {
	c, err := Parse([]byte("datasets:\n  - {name: a, store: \"postgres://h/sip\", standbys: [\"postgres://s/sip\"], max_lag: 5s}\n  - {name: b, store: b.gpkg}\nlimits:\n  max_revision_lag: 1m\n"), "sip.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if a, b := c.Datasets[0].LagBound(c.Limits), c.Datasets[1].LagBound(c.Limits); a != 5*time.Second || b != time.Minute {
		t.Errorf("bounds %s and %s, want 5s and 1m", a, b)
	}
	if c.Datasets[0].Standbys[0] != "postgres://s/sip" || c.Datasets[0].OnLag != "" {
		t.Errorf("dataset a: %+v", c.Datasets[0])
	}
}
