package tiles

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"testing"
	"time"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/server"
	"github.com/sip-core/sip/store"
)

// The dynamic tile cache is kept per access (layers and columns): an admin's
// tile (with the non-public uzytki and the parcels' land register numbers)
// cached first is never served to the public or to a key without a read
// role, nor revalidated for them by its tag; and the other way round.
func TestDynamicTilesPerAccess(t *testing.T) {
	sp := county(t)
	yaml := fmt.Sprintf(`
datasets:
  - name: county
    store: %s
    layers:
      - name: dzialki
        attributes: [id_dzialki, numer_dzialki]
      - name: budynki
      - name: uzytki
        public: false
auth:
  keys:
    - {name: admin, hash: %s, roles: [admin]}
    - {name: sync, hash: %s, roles: [sync]}
`, sp, config.HashKey("k-admin"), config.HashKey("k-sync"))
	serve := func(t *testing.T) string {
		cfg, err := config.Parse([]byte(yaml), "")
		if err != nil {
			t.Fatal(err)
		}
		s, err := server.New(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)),
			server.Options{Services: []server.Service{NewService()}, NoRegistered: true})
		if err != nil {
			t.Fatal(err)
		}
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		go s.Serve(ln)
		t.Cleanup(func() {
			ctx, cancel := context.WithTimeout(bg, 5*time.Second)
			defer cancel()
			s.Shutdown(ctx)
		})
		return "http://" + ln.Addr().String()
	}
	// A z16 tile over a parcel with a land register number.
	r := openRO(t, sp)
	var parcel *store.Object
	err := r.Query(bg, store.Query{Layer: "dzialki"}, func(row store.Row) error {
		if kw, _ := row.Attrs["numer_kw"].(string); kw != "" && parcel == nil {
			parcel = row.Object
		}
		return nil
	})
	r.Close()
	if err != nil || parcel == nil {
		t.Fatalf("no parcel with a land register number: %v", err)
	}
	k, _, _ := tileAt(WebMercatorQuad, WebMercatorQuad.ToGrid(parcel.Geometry.Bound()).Center(), 16, Extent)
	path := fmt.Sprintf("/tiles/county/%d/%d/%d.mvt", k.Z, k.X, k.Y)

	// view reads a tile as a caller gets it: whether it has uzytki and
	// parcels with numer_kw, and its tag.
	view := func(t *testing.T, base, key, inm string) (status int, uzytki, kw bool, etag string) {
		t.Helper()
		hdr := []string{"Accept-Encoding", "gzip"}
		if key != "" {
			hdr = append(hdr, "X-API-Key", key)
		}
		if inm != "" {
			hdr = append(hdr, "If-None-Match", inm)
		}
		resp, body := get(t, base+path, hdr...)
		if resp.StatusCode != 200 {
			return resp.StatusCode, false, false, resp.Header.Get("ETag")
		}
		tile, err := DecodeTile(body)
		if err != nil {
			t.Fatal(err)
		}
		if l := tile.Layer("dzialki"); l != nil {
			for _, f := range l.Features {
				if _, ok := f.Props["numer_kw"]; ok {
					kw = true
				}
			}
		}
		return 200, tile.Layer("uzytki") != nil, kw, resp.Header.Get("ETag")
	}
	callers := []struct {
		who, key string
		full     bool
	}{{"admin", "k-admin", true}, {"anonymous", "", false}, {"sync key", "k-sync", false}}
	check := func(t *testing.T, base string, order []int) {
		t.Helper()
		for _, i := range order {
			c := callers[i]
			status, uzytki, kw, _ := view(t, base, c.key, "")
			if status != 200 || uzytki != c.full || kw != c.full {
				t.Errorf("%s: %d, uzytki %v, numer_kw %v; want both %v", c.who, status, uzytki, kw, c.full)
			}
		}
	}
	t.Run("admin first", func(t *testing.T) {
		base := serve(t)
		check(t, base, []int{0, 1, 2, 0})
		_, _, _, adminTag := view(t, base, "k-admin", "")
		if status, uzytki, kw, _ := view(t, base, "", adminTag); status != 200 || uzytki || kw {
			t.Errorf("anonymous revalidation of the admin's tile: %d, uzytki %v, numer_kw %v", status, uzytki, kw)
		}
	})
	t.Run("public first", func(t *testing.T) {
		check(t, serve(t), []int{1, 2, 0, 1})
	})
}
