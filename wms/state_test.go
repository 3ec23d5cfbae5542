package wms_test

import (
	"net/http"
	"testing"

	"github.com/sip-core/sip/server"
	"github.com/sip-core/sip/wms"
)

// TestServersShareNoState: two servers in one process with different
// cache.map_features budgets each get a WMS of their own: a map drawn by one
// fills its cache under its budget and leaves the other's empty, under the
// other's budget.
func TestServersShareNoState(t *testing.T) {
	const small = 1 << 20
	cfgA := fixtureConfig()
	cfgA.Cache.MapFeatures = small
	sa, a, err := startServer(cfgA)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stopServer(sa) })
	sb, b, err := startServer(fixtureConfig())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stopServer(sb) })
	wa, wb := wmsOf(t, sa), wmsOf(t, sb)
	if wa == wb {
		t.Fatal("the two servers share one WMS")
	}
	_, _, budgetB := wb.MapCacheStats()

	getMap(t, a)
	if n, used, budget := wa.MapCacheStats(); n == 0 || used == 0 || used > small || budget != small {
		t.Fatalf("the first server's cache holds %d objects, %d bytes, budget %d (configured %d)", n, used, budget, small)
	}
	if n, used, budget := wb.MapCacheStats(); n != 0 || used != 0 || budget != budgetB || budget == small {
		t.Fatalf("the second server's cache moved with the first's map: %d objects, %d bytes, budget %d (was %d)", n, used, budget, budgetB)
	}
	// the second server's map fills its own cache, not the first's
	nA, usedA, _ := wa.MapCacheStats()
	getMap(t, b)
	if n, _, _ := wb.MapCacheStats(); n == 0 {
		t.Fatal("the second server's map left its cache empty")
	}
	if n, used, _ := wa.MapCacheStats(); n != nA || used != usedA {
		t.Fatalf("the second server's map moved the first's cache: %d objects, %d bytes (was %d, %d)", n, used, nA, usedA)
	}
}

func getMap(t *testing.T, base string) {
	t.Helper()
	resp, err := http.Get(getMapURL(t, base, 256, "dzialki", ""))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("GetMap: %d", resp.StatusCode)
	}
}

func wmsOf(t *testing.T, s *server.Server) *wms.Service {
	t.Helper()
	w, ok := s.Host().Service("wms").(*wms.Service)
	if !ok {
		t.Fatal("the server has no WMS")
	}
	return w
}
