package features

import (
	"strconv"
	"strings"
	"testing"

	"github.com/sip-core/sip/config"
)

// TestServersShareNoState: two servers in one process, on copies of one store
// with different cache.features budgets, keep their caches apart: a page served
// twice by one is a hit there and moves nothing in the other, the STARTINDEX
// cursor a page of one leaves is not in the other, and reloading one with a new
// budget leaves the other's as it was.
func TestServersShareNoState(t *testing.T) {
	const small = 512 << 10
	a, _, _ := writableServer(t, "statea", func(c *config.Config) { c.Cache.Features = small })
	b, _, _ := writableServer(t, "stateb")
	ca, cb := catalogAt(a), catalogAt(b)
	if ca == nil || cb == nil || ca == cb || ca.enc == cb.enc {
		t.Fatal("the two servers do not have catalogs of their own")
	}
	if ca.enc.budget != small || cb.enc.budget != 64<<20 {
		t.Fatalf("budgets %d and %d, configured %d and the default", ca.enc.budget, cb.enc.budget, small)
	}

	page := "/ogc/collections/dzialki/items?limit=50"
	getFC(t, a+page)
	getFC(t, a+page)
	if ca.enc.hits.Load() == 0 {
		t.Fatal("the second identical request to the first server was not served from its cache")
	}
	if used, n := cb.enc.usage(); cb.enc.hits.Load() != 0 || cb.enc.misses.Load() != 0 || used != 0 || n != 0 {
		t.Fatalf("the second server's cache moved with the first's: %d hits, %d misses, %d bytes in %d objects",
			cb.enc.hits.Load(), cb.enc.misses.Load(), used, n)
	}
	getFC(t, b+page)
	if cb.enc.hits.Load() != 0 {
		t.Fatal("the second server's first request hit a cache it never filled")
	}

	// a WFS page leaves the cursor of the next one, in its own server only
	wfsPage := "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:budynki&COUNT=10&STARTINDEX=0&OUTPUTFORMAT=application/json"
	if resp, body := fetch(t, a+wfsPage); resp.StatusCode != 200 {
		t.Fatalf("%d: %.300s", resp.StatusCode, body)
	}
	if !hasCursor(ca, "|budynki|", 10) {
		t.Fatal("the first server kept no cursor for STARTINDEX=10 after the first page")
	}
	if hasCursor(cb, "|budynki|", 10) {
		t.Fatal("the second server holds the cursor of a page the first served")
	}

	// reloading the first server with another budget leaves the second's
	cfg := *serverAt(a).Host().Current().Config
	cfg.Cache.Features = 2 * small
	if err := serverAt(a).Reload(&cfg); err != nil {
		t.Fatal(err)
	}
	if ca.enc.budget != 2*small || cb.enc.budget != 64<<20 {
		t.Fatalf("after reloading the first server: budgets %d and %d, want %d and the default", ca.enc.budget, cb.enc.budget, 2*small)
	}
}

// hasCursor tells whether cat remembers the row key before start index i of a
// query on layer (a "|layer|" part of its signature).
func hasCursor(cat *catalog, layer string, i int) bool {
	cat.cursors.mu.Lock()
	defer cat.cursors.mu.Unlock()
	for k := range cat.cursors.m {
		if strings.Contains(k, layer) && strings.HasSuffix(k, "@"+strconv.Itoa(i)) {
			return true
		}
	}
	return false
}
