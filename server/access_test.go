package server

import (
	"encoding/json"
	"fmt"
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
func accessConfig(t testing.TB) *config.Config {
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
auth:
  keys:
    - {name: admin, hash: %s, roles: [admin]}
    - {name: sync, hash: %s, roles: [sync]}
    - {name: editor-gmina, hash: %s, roles: [editor], datasets: [gmina]}
    - {name: editor-county, hash: %s, roles: [editor], datasets: [county]}
index:
  poll_interval: 50ms
`, county, gmina, config.HashKey("k-admin"), config.HashKey("k-sync"), config.HashKey("k-editor-gmina"), config.HashKey("k-editor-county")), "")
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
