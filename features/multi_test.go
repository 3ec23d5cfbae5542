package features

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"strings"
	"testing"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/ogcapi"
	"github.com/sip-core/sip/server"
)

// TestDatasetsAndAccess: a second dataset's layers are "<dataset>.<layer>"
// collections and WFS types; a non-public layer is neither listed nor readable
// without a key; unpublished columns never reach a response.
func TestDatasetsAndAccess(t *testing.T) {
	path := gpkgPath
	yaml := fmt.Sprintf(`
datasets:
  - name: county
    store: %s
    layers:
      - name: dzialki
        attributes: [id_dzialki, numer_dzialki]
      - name: budynki
      - name: punkty
        public: false
  - name: gmina
    store: %s
limits:
  rate_limit: {rate: 0, burst: 1}
`, path, path)
	cfg, err := config.Parse([]byte(yaml), "")
	if err != nil {
		t.Fatal(err)
	}
	srv, err := server.New(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), server.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	defer srv.Shutdown(context.Background())
	base := "http://" + ln.Addr().String()

	_, b := fetch(t, base+"/ogc/collections")
	var cs struct{ Collections []struct{ ID string } }
	json.Unmarshal(b, &cs)
	var ids []string
	for _, c := range cs.Collections {
		ids = append(ids, c.ID)
	}
	got := strings.Join(ids, ",")
	if !strings.Contains(got, "dzialki,budynki") || !strings.Contains(got, "gmina.dzialki") || strings.Contains(got, ",punkty") || !strings.Contains(got, "gmina.punkty") {
		t.Fatalf("collections %s", got)
	}
	if resp, _ := fetch(t, base+"/ogc/collections/punkty/items"); resp.StatusCode != 401 {
		t.Fatalf("non-public layer: %d", resp.StatusCode)
	}
	if resp, b := fetch(t, base+"/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:punkty"); resp.StatusCode != 401 || !strings.Contains(string(b), "ExceptionReport") {
		t.Fatalf("non-public WFS type: %d %s", resp.StatusCode, b)
	}
	// county dzialki publishes id_dzialki and numer_dzialki only: KIEG fields from
	// other columns are absent from data and schema
	_, b = fetch(t, base+"/ogc/collections/dzialki/items?limit=5")
	if strings.Contains(string(b), "POLE_EWIDENCYJNE") || strings.Contains(string(b), `"KW"`) || !strings.Contains(string(b), "NUMER_DZIALKI") {
		t.Fatalf("unpublished attributes leaked: %.400s", b)
	}
	_, b = fetch(t, base+"/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType&TYPENAMES=ms:dzialki")
	if strings.Contains(string(b), "POLE_EWIDENCYJNE") {
		t.Fatalf("schema lists an unpublished attribute")
	}
	if resp, _ := fetch(t, base+"/ogc/collections/dzialki/items?filter=KW%20IS%20NULL"); resp.StatusCode != 400 {
		t.Fatalf("filter on an unpublished attribute: %d", resp.StatusCode)
	}
	// the gmina dataset's full parcels
	ids2, matched := walk(t, base+"/ogc/collections/gmina.dzialki/items?limit=250")
	if int64(len(ids2)) != storeCount(t, "dzialki") || matched != int64(len(ids2)) {
		t.Fatalf("gmina.dzialki: %d, matched %d", len(ids2), matched)
	}
	c := getGML(t, base+"/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:gmina.dzialki&RESULTTYPE=hits")
	if c.Matched != fmt.Sprint(len(ids2)) {
		t.Fatalf("WFS gmina.dzialki hits %s", c.Matched)
	}
	d, layer, ok := ogcapi.ResolveCollectionID(srv.Host().Current(), "gmina.budynki")
	if !ok || d.Name != "gmina" || layer != "budynki" || ogcapi.CollectionID(srv.Host().Current(), d, layer) != "gmina.budynki" {
		t.Fatalf("ResolveCollectionID: %v %q %v", d, layer, ok)
	}
}
