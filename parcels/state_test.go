package parcels

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/geo"
	"github.com/sip-core/sip/server"
)

// TestServersShareNoState: two servers in one process with different
// cache.parcels budgets keep their state apart: a parcel ULDK gives from one fills its
// geometry cache (under its budget) and the output CRS it asked for there, and
// moves neither in the other.
func TestServersShareNoState(t *testing.T) {
	const small = 64 << 10
	start := func(budget int) (*server.Server, string) {
		cfg, err := config.Parse([]byte(fmt.Sprintf("datasets:\n  - name: county\n    store: %s\ncache:\n  parcels: %d\n", fx.gpkg, budget)), "")
		if err != nil {
			t.Fatal(err)
		}
		return serveServer(t, cfg)
	}
	sa, a := start(small)
	sb, _ := start(4 * small)
	ma, mb := mountOf(t, sa), mountOf(t, sb)
	if ma == mb {
		t.Fatal("the two servers share one mount")
	}
	var id string
	for id = range currentIDs(t) {
		break
	}
	lines := uldkLines(t, a+"/uldk/?request=GetParcelById&result=geom_wkt&srid=4326&id="+url.QueryEscape(id))
	if len(lines) < 2 || lines[0] != "0" || !strings.Contains(lines[1], "POLYGON") {
		t.Fatalf("ULDK GetParcelById %s: %q", id, lines)
	}
	if st := ma.geoms.Stats(); st.Budget != small || st.Entries == 0 {
		t.Fatalf("the first server's geometry cache: %d entries, budget %d (configured %d)", st.Entries, st.Budget, small)
	}
	if st := mb.geoms.Stats(); st.Budget != 4*small || st.Entries != 0 {
		t.Fatalf("the second server's geometry cache moved with the first's parcel: %d entries, budget %d", st.Entries, st.Budget)
	}
	if _, ok := ma.outs.Load(mustCRS(t, "4326")); !ok {
		t.Fatal("the first server kept no output for EPSG:4326")
	}
	n := 0
	mb.outs.Range(func(any, any) bool { n++; return true })
	if n != 0 {
		t.Fatalf("the second server holds %d outputs it was never asked for", n)
	}
}

func mountOf(t *testing.T, srv *server.Server) *mount {
	t.Helper()
	h := srv.Host()
	s, ok := h.Service("parcels").(*Service)
	if !ok {
		t.Fatal("the server has no parcels service")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, m := range s.mounted {
		if m.h == h {
			return m
		}
	}
	t.Fatal("the parcels service was not mounted on the server")
	return nil
}

func mustCRS(t *testing.T, srid string) *geo.CRS {
	t.Helper()
	c, err := parseSRID(srid)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
