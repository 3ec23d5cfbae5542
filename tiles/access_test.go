package tiles

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"testing"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/store"
)

// accessYAML is a county whose uzytki are not public and whose parcels show
// the public only their ids and numbers, with an admin and a sync key.
func accessYAML(t *testing.T) string {
	return fmt.Sprintf(`
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
`, county(t), config.HashKey("k-admin"), config.HashKey("k-sync"))
}

// serveConfig runs a server (runServer) and returns its base URL.
func serveConfig(t *testing.T, yaml string) string {
	t.Helper()
	_, _, url := runServer(t, yaml)
	return url
}

// The dynamic tile cache is kept per access (layers and columns): an admin's
// tile (with the non-public uzytki and the parcels' land register numbers)
// cached first is never served to the public or to a key without a read
// role, nor revalidated for them by its tag; and the other way round.
func TestDynamicTilesPerAccess(t *testing.T) {
	sp := county(t)
	yaml := accessYAML(t)
	serve := func(t *testing.T) string { return serveConfig(t, yaml) }
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

// WMTS raster tiles follow the WMS's rights and are cached per access: the
// public's capabilities leave out the non-public uzytki, whose tiles need a
// key with a read role; the dataset layer draws them for an admin only, and
// the admin's tile, cached first, never reaches the public.
func TestWMTSPerAccess(t *testing.T) {
	base := serveConfig(t, accessYAML(t))
	caps := func(key string) map[string]bool {
		var hdr []string
		if key != "" {
			hdr = []string{"X-API-Key", key}
		}
		_, body := get(t, base+"/tiles/wmts", hdr...)
		var c wmtsCaps
		if err := xml.Unmarshal(body, &c); err != nil {
			t.Fatal(err)
		}
		ids := map[string]bool{}
		for _, l := range c.Layers {
			ids[l.Identifier] = true
		}
		return ids
	}
	if anon, admin := caps(""), caps("k-admin"); anon["uzytki"] || !anon["dzialki"] || !admin["uzytki"] {
		t.Fatalf("layers: anonymous %v, admin %v", anon, admin)
	}
	// Zoom 17 of PL-1992 (1:2 790): uzytki are drawn from 1:5 000.
	x, y := centreTile(t, county(t), PL1992, 17)
	tile := func(layer, key string) (int, []byte) {
		var hdr []string
		if key != "" {
			hdr = []string{"X-API-Key", key}
		}
		resp, body := get(t, fmt.Sprintf("%s/tiles/wmts/%s/default/PL-1992/17/%d/%d.png", base, layer, y, x), hdr...)
		return resp.StatusCode, body
	}
	for key, want := range map[string]int{"": 401, "k-sync": 403, "k-admin": 200} {
		if status, body := tile("uzytki", key); status != want {
			t.Errorf("uzytki with key %q: %d, want %d: %s", key, status, want, body)
		}
	}
	_, adminTile := tile("county", "k-admin")
	_, anonTile := tile("county", "")
	_, syncTile := tile("county", "k-sync")
	fresh := serveConfig(t, accessYAML(t))
	resp, freshAnon := get(t, fmt.Sprintf("%s/tiles/wmts/county/default/PL-1992/17/%d/%d.png", fresh, y, x))
	if resp.StatusCode != 200 || bytes.Equal(adminTile, anonTile) || !bytes.Equal(anonTile, freshAnon) || !bytes.Equal(syncTile, freshAnon) {
		t.Fatalf("county tile: admin equals anonymous %v; anonymous after the admin equals a fresh one %v, sync key %v",
			bytes.Equal(adminTile, anonTile), bytes.Equal(anonTile, freshAnon), bytes.Equal(syncTile, freshAnon))
	}
}
