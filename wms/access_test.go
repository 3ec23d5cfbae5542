package wms_test

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sip-core/sip/config"
)

// restrictedWMS serves the fixture county as the audit found it published:
// uzytki and punkty not public, dzialki with public attributes and a style
// labelling the land register number (numer_kw, not public); keys: admin and a
// sync key (no read role).
func restrictedWMS(t *testing.T) string {
	t.Helper()
	cfg, err := config.Parse(fmt.Appendf(nil, `
datasets:
  - name: county
    store: %s
    title: Powiat Łaski
    layers:
      - name: dzialki
        attributes: [id_dzialki, numer_dzialki]
        style: kw
      - name: budynki
      - name: obreby
      - name: uzytki
        public: false
      - name: punkty
        public: false
styles:
  - name: kw
    title: Księgi wieczyste
    stroke: "#000000"
    label: numer_kw
    label_size: 11
auth:
  keys:
    - {name: admin, hash: %s, roles: [admin]}
    - {name: sync, hash: %s, roles: [sync]}
limits:
  rate_limit: {rate: 0, burst: 1}
index:
  poll_interval: 50ms
`, fixStore, config.HashKey("k-admin"), config.HashKey("k-sync")), "")
	if err != nil {
		t.Fatal(err)
	}
	s, u, err := startServer(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stopServer(s) })
	return u
}

// capsLayer is a Layer of either capabilities version, as far as this test
// reads it.
type capsLayer struct {
	Name   string      `xml:"Name"`
	Title  string      `xml:"Title"`
	Layers []capsLayer `xml:"Layer"`
	Styles []struct {
		Legend struct {
			Resource struct {
				Href string `xml:"http://www.w3.org/1999/xlink href,attr"`
			} `xml:"OnlineResource"`
		} `xml:"LegendURL"`
	} `xml:"Style"`
}

// readCaps parses the capabilities a caller gets: every named layer, and every
// legend URL.
func readCaps(t *testing.T, base, version, key string) (names, legends []string) {
	t.Helper()
	resp, body := fetch(t, base+"/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION="+version, key, "")
	if resp.StatusCode != 200 {
		t.Fatalf("capabilities %s: %d %s", version, resp.StatusCode, body)
	}
	var doc struct {
		Capability struct {
			Layer capsLayer `xml:"Layer"`
		} `xml:"Capability"`
	}
	if err := xml.Unmarshal(body, &doc); err != nil {
		t.Fatalf("capabilities %s: %v", version, err)
	}
	var walk func(l capsLayer)
	walk = func(l capsLayer) {
		if l.Name != "" {
			names = append(names, l.Name)
		}
		for _, s := range l.Styles {
			legends = append(legends, s.Legend.Resource.Href)
		}
		for _, c := range l.Layers {
			walk(c)
		}
	}
	walk(doc.Capability.Layer)
	slices.Sort(names)
	return names, legends
}

var (
	publicLayers = []string{"budynki", "county", "dzialki", "numery_dzialek", "obreby"}
	allLayers    = []string{"budynki", "county", "dzialki", "numery_dzialek", "obreby", "punkty", "uzytki"}
)

// Anonymous capabilities (and those of a key without a read role) list only
// the public layers, with no title, box or legend of the others; a key with a
// read role sees every layer.
func TestCapabilitiesHideNonPublicLayers(t *testing.T) {
	base := restrictedWMS(t)
	for _, version := range []string{"1.1.1", "1.3.0"} {
		for _, c := range []struct {
			who, key string
			want     []string
		}{{"anonymous", "", publicLayers}, {"sync key", "k-sync", publicLayers}, {"admin", "k-admin", allLayers}} {
			names, legends := readCaps(t, base, version, c.key)
			if !slices.Equal(names, c.want) {
				t.Errorf("%s %s: layers %v, want %v", version, c.who, names, c.want)
			}
			hidden := 0
			for _, u := range legends {
				if strings.Contains(u, "LAYER=punkty") || strings.Contains(u, "LAYER=uzytki") {
					hidden++
				}
			}
			if hidden > 0 && c.key != "k-admin" {
				t.Errorf("%s %s: %d legend URLs of non-public layers", version, c.who, hidden)
			}
			if c.key == "k-admin" && hidden == 0 {
				t.Errorf("%s admin: no legend of punkty or uzytki", version)
			}
		}
	}
}

// OWSLib, a real client, reads the same: the public layers without a key, all
// of them with the admin's key.
func TestCapabilitiesHideNonPublicLayersOWSLib(t *testing.T) {
	needPython(t, "owslib.wms")
	base := restrictedWMS(t)
	for _, version := range []string{"1.3.0", "1.1.1"} {
		for _, c := range []struct {
			who, key string
			want     []string
		}{{"anonymous", "", publicLayers}, {"admin", "k-admin", allLayers}} {
			out := run(t, 60*time.Second, nil, python, "testdata/clients.py", "owslib_layers", base+"/wms", version, c.key)
			var r struct {
				Version string
				Layers  []string
				Titles  []string
				Legends []string
			}
			if err := json.Unmarshal(out, &r); err != nil {
				t.Fatalf("%v: %s", err, out)
			}
			if r.Version != version || !slices.Equal(r.Layers, c.want) {
				t.Errorf("OWSLib %s %s: layers %v, want %v", version, c.who, r.Layers, c.want)
			}
			if c.key == "" && (slices.Contains(r.Titles, "Punkty graniczne") || slices.ContainsFunc(r.Legends, func(u string) bool { return strings.Contains(u, "punkty") })) {
				t.Errorf("OWSLib %s anonymous reads punkty: titles %v, legends %v", version, r.Titles, r.Legends)
			}
		}
	}
}

// GetLegendGraphic, GetMap and GetFeatureInfo refuse a non-public layer
// without a key (401 with a Bearer challenge, as WFS and OGC API answer) and
// with a key lacking a read role (403); a dataset group draws what the caller
// may read.
func TestNonPublicLayerRequests(t *testing.T) {
	base := restrictedWMS(t)
	b := view(t, 400)
	at := func(u string) string { return strings.Replace(u, baseURL, base, 1) }
	legend := base + "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER="
	info := at(getMap130(b, 256, 256, "REQUEST", "GetFeatureInfo", "LAYERS", "uzytki", "QUERY_LAYERS", "uzytki", "I", "128", "J", "128", "INFO_FORMAT", "text/xml"))
	for _, c := range []struct{ what, url string }{
		{"GetLegendGraphic punkty", legend + "punkty"},
		{"GetLegendGraphic uzytki", legend + "uzytki"},
		{"GetMap punkty", at(getMap130(b, 256, 256, "LAYERS", "dzialki,punkty"))},
		{"GetFeatureInfo uzytki", info},
	} {
		resp, body := fetch(t, c.url, "", "")
		var rep exceptionReport
		if resp.StatusCode != 401 || xml.Unmarshal(body, &rep) != nil || len(rep.Exceptions) != 1 || !strings.HasPrefix(resp.Header.Get("WWW-Authenticate"), "Bearer") {
			t.Errorf("anonymous %s: %d %q %.200s", c.what, resp.StatusCode, resp.Header.Get("WWW-Authenticate"), body)
		}
		if resp, body := fetch(t, c.url, "k-sync", ""); resp.StatusCode != 403 {
			t.Errorf("sync key %s: %d %.200s", c.what, resp.StatusCode, body)
		}
		if resp, body := fetch(t, c.url, "k-admin", ""); resp.StatusCode != 200 {
			t.Errorf("admin %s: %d %.200s", c.what, resp.StatusCode, body)
		}
	}
	// The group draws the public layers for the public, every layer for the admin.
	groupURL := at(getMap130(b, 400, 400, "LAYERS", "county"))
	_, group := fetch(t, groupURL, "", "")
	_, public := fetch(t, at(getMap130(b, 400, 400, "LAYERS", "obreby,dzialki,budynki,numery_dzialek")), "", "")
	if diff, dark := sameRGB(t, decodePNG(t, group), decodePNG(t, public), 0); diff != 0 || dark < 500 {
		t.Errorf("anonymous group map differs from its public layers in %d pixels (%d dark)", diff, dark)
	}
	_, adminGroup := fetch(t, groupURL, "k-admin", "")
	if diff, _ := sameRGB(t, decodePNG(t, adminGroup), decodePNG(t, public), 0); diff == 0 {
		t.Error("the admin's group map lacks the non-public layers")
	}
}

// A map's entity tag follows the caller's rights: the admin's map (labelled
// with land register numbers) revalidated without a key is drawn anew for the
// public, never confirmed with 304.
func TestGetMapETagPerAccess(t *testing.T) {
	base := restrictedWMS(t)
	u := strings.Replace(getMap130(view(t, 150), 512, 512, "LAYERS", "dzialki"), baseURL, base, 1)
	resp, admin := fetch(t, u, "k-admin", "")
	adminTag := resp.Header.Get("ETag")
	if resp.StatusCode != 200 || adminTag == "" {
		t.Fatalf("admin map: %d %q", resp.StatusCode, adminTag)
	}
	if resp, _ := fetch(t, u, "k-admin", adminTag); resp.StatusCode != 304 {
		t.Errorf("the admin's own revalidation: %d, want 304", resp.StatusCode)
	}
	resp, public := fetch(t, u, "", adminTag)
	if resp.StatusCode != 200 || resp.Header.Get("ETag") == adminTag {
		t.Fatalf("anonymous revalidation of the admin's map: %d, same tag %v", resp.StatusCode, resp.Header.Get("ETag") == adminTag)
	}
	if diff, _ := sameRGB(t, decodePNG(t, admin), decodePNG(t, public), 0); diff == 0 {
		t.Error("the admin's map shows no land register labels, the test proves nothing")
	}
}
