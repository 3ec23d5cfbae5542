package tiles

import (
	"fmt"
	"testing"

	"github.com/sip-core/sip/server"
	"github.com/sip-core/sip/wms"
)

// TestServersShareNoState: two servers in one process, with the registered
// services and different cache.tiles budgets, each get a tiles service of their
// own: a tile served by one is cached there only, each cache has its server's
// budget, and each draws WMTS tiles with its own server's WMS.
func TestServersShareNoState(t *testing.T) {
	sp := copyCounty(t, t.TempDir())
	yaml := func(budget string) string {
		return fmt.Sprintf("datasets:\n  - name: county\n    store: %s\ncache:\n  tiles: %s\n", sp, budget)
	}
	sa, a := serve(t, yaml("8MB"), server.Options{})
	sb, _ := serve(t, yaml("16MB"), server.Options{})
	ta, tb := tilesOf(t, sa), tilesOf(t, sb)
	if ta == tb {
		t.Fatal("the two servers share one tiles service")
	}
	if ta.cache.max != 8<<20 || tb.cache.max != 16<<20 {
		t.Fatalf("tile cache budgets %d and %d, configured 8 MB and 16 MB", ta.cache.max, tb.cache.max)
	}
	if ta.maps != sa.Host().Service("wms").(*wms.Service) || tb.maps != sb.Host().Service("wms").(*wms.Service) {
		t.Fatal("a tiles service draws with another server's WMS")
	}
	if resp, body := get(t, a+"/tiles/county/10/571/344.mvt"); resp.StatusCode != 200 && resp.StatusCode != 204 {
		t.Fatalf("tile: %d %.300s", resp.StatusCode, body)
	}
	if ta.cache.len() == 0 {
		t.Fatal("the first server did not cache the tile it served")
	}
	if n := tb.cache.len(); n != 0 {
		t.Fatalf("the second server's cache holds %d tiles it never served", n)
	}
}

func tilesOf(t *testing.T, s *server.Server) *Service {
	t.Helper()
	ts, ok := s.Host().Service("tiles").(*Service)
	if !ok {
		t.Fatal("the server has no tiles service")
	}
	return ts
}
