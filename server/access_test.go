package server

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/gpkg"
)

// accessConfig is a county with the audit's publication: dzialki without
// numer_kw, adresy and grupa_rejestrowa for the public, punkty and uzytki not
// public; a gmina; and keys of every kind: admin, a sync key (no read role), an
// editor of the gmina only, and an editor of the county.
func accessConfig(t testing.TB, extra ...string) *config.Config {
	t.Helper()
	dir := t.TempDir()
	county := makeStore(t, dir, "county", 50)
	s, err := gpkg.Open(county)
	if err != nil {
		t.Fatal(err)
	}
	putObjects(t, s, &store.Object{Layer: "uzytki", ID: "20000000-0000-4000-8000-000000000001", Namespace: "PL.PZGiK.1003.EGiB",
		Version: "2021-05-04T10:00:00", StartObject: time.Date(2021, 5, 4, 10, 0, 0, 0, time.UTC), StartVersion: time.Date(2021, 5, 4, 10, 0, 0, 0, time.UTC),
		Geometry: square(500000, 600000, 300), Attrs: map[string]any{"id_uzytku": "U.1", "ofu": "R"}})
	s.Close()
	gmina := makeStore(t, dir, "gmina", 5)
	cfg, err := config.Parse(fmt.Appendf(nil, `
datasets:
  - name: county
    store: %s
    layers:
      - name: dzialki
        attributes: [id_dzialki, numer_dzialki, id_obrebu, pole_ewidencyjne]
      - name: budynki
      - name: uzytki
        public: false
      - name: punkty
        public: false
  - name: gmina
    store: %s
    layers:
      - name: dzialki
      - name: budynki
auth:
  keys:
    - {name: admin, hash: %s, roles: [admin]}
    - {name: sync, hash: %s, roles: [sync]}
    - {name: editor-gmina, hash: %s, roles: [editor], datasets: [gmina]}
    - {name: editor-county, hash: %s, roles: [editor], datasets: [county]}
    - {name: prometheus, hash: %s, roles: [metrics]}
index:
  poll_interval: 50ms
%s`, county, gmina, config.HashKey("k-admin"), config.HashKey("k-sync"), config.HashKey("k-editor-gmina"), config.HashKey("k-editor-county"),
		config.HashKey("k-metrics"), strings.Join(extra, "\n")), "")
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// countyView is what /api/datasets/county showed one caller.
type countyView struct {
	layers  []string
	dzialki []string // attributes of dzialki
	extents int      // layers with an extent
}

func viewCounty(t *testing.T, url, key string) countyView {
	t.Helper()
	var hdr []string
	if key != "" {
		hdr = []string{"X-API-Key", key}
	}
	resp, body := get(t, url+"/api/datasets/county", hdr...)
	wantStatus(t, resp, body, 200, "application/json")
	var ds datasetJSON
	if err := json.Unmarshal([]byte(body), &ds); err != nil {
		t.Fatal(err)
	}
	var v countyView
	for _, l := range ds.Layers {
		v.layers = append(v.layers, l.Name)
		if l.Name == "dzialki" {
			v.dzialki = l.Attributes
		}
		if l.Extent != nil {
			v.extents++
		}
	}
	return v
}

// The dataset summary is cached per access, not per "a key is present": after
// an admin's request, a sync key and an editor of another dataset see the
// public view (no punkty, uzytki or hidden dzialki columns), and the other way
// round; callers with the same rights share one cached body.
func TestDatasetSummaryPerAccess(t *testing.T) {
	public := countyView{layers: []string{"dzialki", "budynki"}, dzialki: []string{"id_dzialki", "numer_dzialki", "id_obrebu", "pole_ewidencyjne"}, extents: 1}
	full := countyView{layers: []string{"dzialki", "budynki", "uzytki", "punkty"},
		dzialki: []string{"id_dzialki", "numer_dzialki", "numer_arkusza", "id_obrebu", "pole_ewidencyjne", "dokladnosc_pola", "numer_kw", "klasouzytki", "grupa_rejestrowa", "adresy"},
		extents: 3}
	check := func(t *testing.T, url, who, key string, want countyView) {
		t.Helper()
		got := viewCounty(t, url, key)
		if !slices.Equal(got.layers, want.layers) || !slices.Equal(got.dzialki, want.dzialki) || got.extents != want.extents {
			t.Errorf("%s sees layers %v, dzialki columns %v, %d extents; want %v, %v, %d",
				who, got.layers, got.dzialki, got.extents, want.layers, want.dzialki, want.extents)
		}
	}
	order := []struct {
		who, key string
		want     countyView
	}{
		{"admin", "k-admin", full},
		{"sync key", "k-sync", public},
		{"editor of the gmina", "k-editor-gmina", public},
		{"anonymous", "", public},
		{"editor of the county", "k-editor-county", full},
	}
	t.Run("admin first", func(t *testing.T) {
		ts := start(t, accessConfig(t))
		for _, c := range order {
			check(t, ts.URL, c.who, c.key, c.want)
		}
		// The HTML summary page shares the cache: the sync key's lists no
		// non-public layer.
		_, page := get(t, ts.URL+"/datasets", "X-API-Key", "k-sync")
		page, _, _ = strings.Cut(page, "<h2>gmina") // the gmina publishes every layer
		if strings.Contains(page, "punkty") || strings.Contains(page, "uzytki") || !strings.Contains(page, "dzialki") {
			t.Errorf("the sync key's summary page lists non-public layers:\n%s", page)
		}
		// Two accesses for five callers: one cached body each.
		d, _ := ts.Host().Current().Dataset("county")
		d.summaryMu.Lock()
		n := len(d.summaries)
		d.summaryMu.Unlock()
		if n != 2 {
			t.Errorf("%d cached summaries for two distinct accesses", n)
		}
	})
	t.Run("reverse", func(t *testing.T) {
		ts := start(t, accessConfig(t))
		// A restricted key first: the admin and the county's editor still see
		// everything, and the restricted callers again only the public view.
		for _, i := range []int{1, 2, 0, 4, 3, 1, 2} {
			check(t, ts.URL, order[i].who, order[i].key, order[i].want)
		}
	})
}

// Layer names in the metrics: each series naming a county layer, and
// whether the public may read that layer.
var metricLayers = []struct {
	series string
	public bool
}{
	{`sip_index_objects{dataset="county",layer="dzialki"} 50`, true},
	{`sip_index_objects{dataset="gmina",layer="dzialki"} 5`, true},
	{`sip_index_objects{dataset="county",layer="punkty"} 3`, false},  // not public
	{`sip_index_objects{dataset="county",layer="uzytki"} 1`, false},  // not public
	{`sip_index_objects{dataset="gmina",layer="punkty"} 3`, false},   // not published
	{`sip_index_objects{dataset="county",layer="jednostki"}`, false}, // not published
	{`sip_http_request_duration_seconds_count{service="api",layer="dzialki"}`, true},
	{`sip_http_request_duration_seconds_count{service="api",layer="punkty"}`, false},
	{`sip_dataset_revision{dataset="county"}`, true},
	{`sip_http_requests_total{service="api",code="200"}`, true},
}

func scrape(t *testing.T, url, key string) (int, http.Header, string) {
	t.Helper()
	var hdr []string
	if key != "" {
		hdr = []string{"Authorization", "Bearer " + key}
	}
	resp, body := get(t, url, hdr...)
	return resp.StatusCode, resp.Header, body
}

// readLayers makes the requests whose latency is labelled with a layer: an
// admin's read of a non-public point, a public parcel, and a made-up layer.
func readLayers(t *testing.T, base string) {
	t.Helper()
	if resp, body := get(t, base+"/api/datasets/county/layers/punkty/features/10000000-0000-4000-8000-000000000001", "X-API-Key", "k-admin"); resp.StatusCode != 200 {
		t.Fatalf("admin reading punkty: %d %s", resp.StatusCode, body)
	}
	if resp, body := get(t, base+"/api/datasets/county/layers/dzialki/features/100301_1.0001.1%2F4"); resp.StatusCode != 200 {
		t.Fatalf("public parcel: %d %s", resp.StatusCode, body)
	}
	get(t, base+"/api/datasets/county/layers/made-up-by-a-client/features/1")
}

// /metrics on the public listener needs a key with the role metrics (or admin):
// without one 401 with the Bearer challenge, with a key lacking it 403. With
// metrics.public, anyone reads it without the series naming layers the public
// cannot read; the scrape key still reads them all.
func TestMetricsAccess(t *testing.T) {
	t.Run("key", func(t *testing.T) {
		ts := start(t, accessConfig(t))
		readLayers(t, ts.URL)
		code, hdr, body := scrape(t, ts.URL+"/metrics", "")
		if code != 401 || !strings.HasPrefix(hdr.Get("WWW-Authenticate"), "Bearer") || strings.Contains(body, "sip_") {
			t.Errorf("anonymous scrape: %d %q %.200s", code, hdr.Get("WWW-Authenticate"), body)
		}
		for _, k := range []string{"k-sync", "k-editor-county"} {
			if code, _, body := scrape(t, ts.URL+"/metrics", k); code != 403 || strings.Contains(body, "sip_") {
				t.Errorf("%s scrape: %d %.200s", k, code, body)
			}
		}
		for _, k := range []string{"k-metrics", "k-admin"} {
			code, hdr, body := scrape(t, ts.URL+"/metrics", k)
			if code != 200 || !strings.HasPrefix(hdr.Get("Content-Type"), "text/plain; version=0.0.4") {
				t.Fatalf("%s scrape: %d %s", k, code, hdr.Get("Content-Type"))
			}
			for _, m := range metricLayers {
				if !strings.Contains(body, m.series) {
					t.Errorf("%s scrape lacks %s", k, m.series)
				}
			}
			if strings.Contains(body, "made-up-by-a-client") {
				t.Errorf("a client's made-up layer name became a series")
			}
		}
	})
	t.Run("public", func(t *testing.T) {
		ts := start(t, accessConfig(t, "metrics: {public: true}"))
		readLayers(t, ts.URL)
		for _, who := range []string{"", "k-sync"} {
			code, _, body := scrape(t, ts.URL+"/metrics", who)
			if code != 200 {
				t.Fatalf("public scrape (%q): %d %s", who, code, body)
			}
			for _, m := range metricLayers {
				if strings.Contains(body, m.series) != m.public {
					t.Errorf("public scrape (%q): %s shown %v, want %v", who, m.series, !m.public, m.public)
				}
			}
		}
		if _, _, body := scrape(t, ts.URL+"/metrics", "k-metrics"); !strings.Contains(body, `layer="punkty"`) {
			t.Error("the scrape key reads the public view")
		}
	})
}

// metrics.listen: a listener of its own serves every series without a key,
// and nothing else; it stops with the server.
func TestMetricsListener(t *testing.T) {
	ts := start(t, accessConfig(t, "metrics: {listen: 127.0.0.1:0}"))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- ts.ServeMetrics(ln) }()
	murl := "http://" + ln.Addr().String()
	readLayers(t, ts.URL)
	code, hdr, body := scrape(t, murl+"/metrics", "")
	if code != 200 || !strings.HasPrefix(hdr.Get("Content-Type"), "text/plain; version=0.0.4") {
		t.Fatalf("metrics listener: %d %s %.200s", code, hdr.Get("Content-Type"), body)
	}
	for _, m := range metricLayers {
		if !strings.Contains(body, m.series) {
			t.Errorf("metrics listener lacks %s", m.series)
		}
	}
	for _, p := range []string{"/api/datasets/county", "/healthz", "/"} {
		if code, _, _ := scrape(t, murl+p, ""); code != 404 {
			t.Errorf("metrics listener serves %s: %d", p, code)
		}
	}
	if code, _, _ := scrape(t, ts.URL+"/metrics", ""); code != 401 {
		t.Errorf("public listener without a key: %d", code)
	}
	ctx, cancel := contextWithTimeout(5 * time.Second)
	defer cancel()
	if err := ts.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Errorf("ServeMetrics after shutdown: %v", err)
	}
	if c, err := net.DialTimeout("tcp", ln.Addr().String(), time.Second); err == nil {
		c.Close()
		t.Error("the metrics listener accepts connections after shutdown")
	}
}
