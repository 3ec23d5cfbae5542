package datasync_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/postgis/postgistest"
)

// TestPullBetweenBackends: a pull works from and into either backend and ends
// with equal state hashes: GeoPackage → PostGIS, PostGIS → GeoPackage and
// PostGIS → PostGIS, first load (into a county of its own, or a new store), then
// changes; a failed first pull into a new PostGIS schema leaves no schema.
func TestPullBetweenBackends(t *testing.T) {
	c := postgistest.Need(t)
	dir := t.TempDir()
	for _, p := range []struct {
		name, src, dst string
		county         bool // the copy is an existing county store
	}{
		{"gpkg-to-postgis", filepath.Join(dir, "g1.gpkg"), c.URL(c.NewSchema("county")), true},
		{"postgis-to-gpkg", c.URL(c.NewSchema("gmina")), filepath.Join(dir, "c2.gpkg"), true},
		{"postgis-to-postgis", c.URL(c.NewSchema("gmina")), c.URL(c.NewSchema("copy")), false},
	} {
		t.Run(p.name, func(t *testing.T) {
			makeGmina(t, p.src, 400)
			if p.county {
				newCounty(t, p.dst)
			}
			base, _ := serve(t, "gmina", p.src)
			if r := mustPull(t, base, p.dst); r.Kind != "snapshot" {
				t.Fatalf("first pull: %+v", r)
			}
			if got, want := stateHash(t, p.dst, planning), stateHash(t, p.src, nil); got != want {
				t.Fatalf("copy %s != source %s after the snapshot", got, want)
			}
			mutate(t, p.src, 400, 1, 2)
			if r := mustPull(t, base, p.dst); r.Kind != "changes" || r.Changes == 0 {
				t.Fatalf("second pull: %+v", r)
			}
			if got, want := stateHash(t, p.dst, planning), stateHash(t, p.src, nil); got != want {
				t.Fatalf("copy %s != source %s after the changes", got, want)
			}
			if r := mustPull(t, base, p.dst); !r.UpToDate {
				t.Fatalf("third pull: %+v", r)
			}
			// The copy's objects read back equal to the source's.
			src, dst := openSync(t, p.src), openSync(t, p.dst)
			defer src.Close()
			defer dst.Close()
			o1, err1 := src.Get(context.Background(), "mpzp", zone(7, 1).ID)
			o2, err2 := dst.Get(context.Background(), "mpzp", zone(7, 1).ID)
			if err1 != nil || err2 != nil || o1.Version != o2.Version || !o1.StartVersion.Equal(o2.StartVersion) || o1.Attrs["oznaczenie"] != o2.Attrs["oznaczenie"] {
				t.Fatalf("zone 7: %+v %v / %+v %v", o1, err1, o2, err2)
			}
		})
	}
	// A first pull that fails (a truncated changeset) leaves no new schema behind.
	src := c.URL(c.NewSchema("gmina"))
	makeGmina(t, src, 100)
	base, _ := serve(t, "gmina", src)
	fresh := c.URL(c.NewSchema("fresh"))
	broken := proxy(t, base, func(b []byte) []byte { return b[:len(b)-7] })
	if _, stderr, err := pull(t, broken, fresh); err == nil || !strings.Contains(stderr, "changeset") {
		t.Fatalf("pull of a truncated changeset: %v %s", err, stderr)
	}
	if ok, err := store.Exists(context.Background(), fresh); ok || err != nil {
		t.Fatalf("a failed first pull left the schema: %v %v", ok, err)
	}
	if strings.Contains(stateHashErr(t, fresh), postgistest.Password) {
		t.Fatal("the password shows in an error")
	}
}

// stateHashErr is the error of opening a store, "" when it opens.
func stateHashErr(t *testing.T, dsn string) string {
	st, err := store.OpenReadOnly(context.Background(), dsn)
	if err != nil {
		return err.Error()
	}
	st.Close()
	return ""
}
