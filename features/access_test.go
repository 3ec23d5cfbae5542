package features

import (
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/server"
)

// The encoded-feature cache and the entity tags are kept per access: an
// admin's features (with the land register numbers, KW) filled in first are
// never served to the public or to a key without a read role, and the other
// way round.
func TestFeatureCachePerAccess(t *testing.T) {
	yaml := fmt.Sprintf(`
datasets:
  - name: county
    store: %s
    layers:
      - name: dzialki
        attributes: [id_dzialki, numer_dzialki]
      - name: punkty
        public: false
auth:
  keys:
    - {name: admin, hash: %s, roles: [admin]}
    - {name: sync, hash: %s, roles: [sync]}
limits:
  rate_limit: {rate: 0, burst: 1}
`, gpkgPath, config.HashKey("k-admin"), config.HashKey("k-sync"))
	serve := func(t *testing.T) string {
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
		t.Cleanup(func() { srv.Shutdown(t.Context()) })
		return "http://" + ln.Addr().String()
	}
	get := func(t *testing.T, u, key, inm string) (int, string, string) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, u, nil)
		if key != "" {
			req.Header.Set("X-API-Key", key)
		}
		if inm != "" {
			req.Header.Set("If-None-Match", inm)
		}
		resp, err := (&http.Client{Timeout: 20 * time.Second}).Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header.Get("ETag"), string(b)
	}
	const (
		items = "/ogc/collections/dzialki/items?limit=200"
		gml   = "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:dzialki&COUNT=200"
	)
	kw := map[string]string{items: `"KW"`, gml: "<ms:KW>"}
	check := func(t *testing.T, base, path, who, key string, full bool) {
		t.Helper()
		code, _, body := get(t, base+path, key, "")
		if code != 200 || strings.Contains(body, kw[path]) != full {
			t.Errorf("%s %s: %d, land register numbers shown %v, want %v", who, path, code, !full, full)
		}
	}
	callers := []struct {
		who, key string
		full     bool
	}{{"admin", "k-admin", true}, {"anonymous", "", false}, {"sync key", "k-sync", false}}
	t.Run("admin first", func(t *testing.T) {
		base := serve(t)
		for _, path := range []string{items, gml} {
			for _, c := range callers {
				check(t, base, path, c.who, c.key, c.full)
			}
		}
		// One parcel with a land register number: the admin's tag does not
		// revalidate the public's copy.
		_, _, body := get(t, base+items, "k-admin", "")
		i := strings.Index(body, `"KW"`)
		if i < 0 {
			t.Fatal("no parcel with a land register number")
		}
		j := strings.LastIndex(body[:i], `"id":"`)
		id := body[j+6 : j+6+strings.IndexByte(body[j+6:], '"')]
		code, tag, _ := get(t, base+"/ogc/collections/dzialki/items/"+id, "k-admin", "")
		if code != 200 {
			t.Fatalf("admin item %s: %d", id, code)
		}
		if code, _, body := get(t, base+"/ogc/collections/dzialki/items/"+id, "", tag); code != 200 || strings.Contains(body, `"KW"`) {
			t.Errorf("anonymous revalidation of the admin's item: %d, KW shown %v", code, strings.Contains(body, `"KW"`))
		}
	})
	t.Run("public first", func(t *testing.T) {
		base := serve(t)
		for _, path := range []string{items, gml} {
			for _, i := range []int{1, 2, 0, 1} {
				check(t, base, path, callers[i].who, callers[i].key, callers[i].full)
			}
		}
	})
}
