package tiles

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sip-core/sip/blob"
	"github.com/sip-core/sip/blob/blobtest"
	"github.com/sip-core/sip/tiles/pmtiles"
)

// archiveTiles reads every tile of a local PMTiles file by id.
func archiveTiles(t testing.TB, path string) map[uint64][]byte {
	t.Helper()
	r, err := pmtiles.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	out := map[uint64][]byte{}
	if err := r.All(func(id uint64, data []byte) error { out[id] = data; return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}

func sha(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// A build published to object storage is the local build byte for byte, and
// read back through the remote reader every tile is the same.
func TestPublishAndReadRemote(t *testing.T) {
	srv := blobtest.Start(t)
	local, _ := built(t, "county.pmtiles")
	url := srv.URL("tiles/county.pmtiles")
	st := openRO(t, county(t))
	rep, err := Build(bg, st, BuildOptions{Out: url, MinZoom: 10, MaxZoom: 16, Layers: cadastreLayers})
	if err != nil {
		t.Fatal(err)
	}
	m := rep.Published.Manifest
	if m.SHA256 != sha(t, local) || !strings.HasPrefix(m.Archive, "county.pmtiles.builds/") {
		t.Fatalf("manifest %+v: want the local build's SHA-256 %s", m, sha(t, local))
	}
	if ok, err := Exists(bg, url); !ok || err != nil {
		t.Fatalf("published archive does not exist: %v", err)
	}
	ts, err := OpenTileset(url)
	if err != nil {
		t.Fatal(err)
	}
	defer ts.Close()
	want := archiveTiles(t, local)
	for id, data := range want {
		z, x, y := pmtiles.IDToZXY(id)
		got, err := ts.Tile(int(z), int(x), int(y))
		if err != nil || !bytes.Equal(got, data) {
			t.Fatalf("tile %d/%d/%d: %d bytes (%v), want %d", z, x, y, len(got), err, len(data))
		}
	}
	if got, err := ts.Tile(3, 0, 0); got != nil || err != nil {
		t.Errorf("tile outside the archive: %d bytes, %v", len(got), err)
	}
	if ts.Meta().MaxZoom != 16 || ts.Meta().Dataset == "" {
		t.Errorf("metadata: %+v", ts.Meta())
	}
}

// An archive replaced in place under a reader (another tool overwriting the
// key): the reader's range request names the old ETag, gets 412, reads the
// new directories and serves the new build's tile whole, never bytes of the
// new archive at the old directory's offsets.
func TestRemoteArchiveReplacedInPlace(t *testing.T) {
	srv := blobtest.Start(t)
	dir := t.TempDir()
	st := openRO(t, county(t))
	a, b := dir+"/a.pmtiles", dir+"/b.pmtiles"
	if _, err := Build(bg, st, BuildOptions{Out: a, MinZoom: 12, MaxZoom: 15, Layers: cadastreLayers}); err != nil {
		t.Fatal(err)
	}
	// B differs in every tile's bytes and offsets: other layers.
	if _, err := Build(bg, st, BuildOptions{Out: b, MinZoom: 12, MaxZoom: 15, Layers: []string{"dzialki", LabelLayer}}); err != nil {
		t.Fatal(err)
	}
	bucket, key, err := blob.Open(bg, srv.URL("plain/county.pmtiles"))
	if err != nil {
		t.Fatal(err)
	}
	put := func(path string) {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if _, err := bucket.Put(bg, key, f, blob.PutOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	put(a)
	ra, err := openRemoteArchive(srv.URL("plain/county.pmtiles"))
	if err != nil {
		t.Fatal(err)
	}
	defer ra.Close()
	ra.Close() // no poll: only the 412 on a read can reveal the change
	before := ra.cur.Load()
	if before == nil {
		t.Fatalf("not opened: %v", *ra.lastErr.Load())
	}
	tilesA, tilesB := archiveTiles(t, a), archiveTiles(t, b)
	put(b)
	n := 0
	for id, wantB := range tilesB {
		z, x, y := pmtiles.IDToZXY(id)
		got, err := ra.TileContext(bg, int(z), int(x), int(y))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, wantB) {
			t.Fatalf("tile %d/%d/%d after the replacement: %d bytes, equal to A's: %v", z, x, y, len(got), bytes.Equal(got, tilesA[id]))
		}
		n++
	}
	if ra.cur.Load() == before || n == 0 {
		t.Errorf("the reader never reopened the archive (%d tiles read)", n)
	}
	// A read naming the replaced version is refused by the service itself.
	if _, err := bucket.ReadRange(bg, key, 0, 10, before.etag); !errors.Is(err, blob.ErrChanged) {
		t.Errorf("read of the replaced version: %v", err)
	}
}

// A second publish flips the manifest; the remote reader follows it on its
// poll, and builds beyond the newest keepBuilds are removed.
func TestPublishFlipAndCollect(t *testing.T) {
	srv := blobtest.Start(t)
	url := srv.URL("flip/county.pmtiles")
	st := openRO(t, county(t))
	layers := [][]string{cadastreLayers, {"dzialki"}, {"budynki"}, {"obreby"}, {"dzialki", "budynki"}}
	var manifests []*Manifest
	for _, ls := range layers {
		rep, err := Build(bg, st, BuildOptions{Out: url, MinZoom: 12, MaxZoom: 13, Layers: ls})
		if err != nil {
			t.Fatal(err)
		}
		manifests = append(manifests, rep.Published.Manifest)
	}
	for i := 1; i < len(manifests); i++ {
		if manifests[i].Previous != manifests[i-1].Archive || manifests[i].Archive == manifests[i-1].Archive {
			t.Errorf("manifest %d: previous %s, want %s", i, manifests[i].Previous, manifests[i-1].Archive)
		}
	}
	bucket, key, _ := blob.Open(bg, url)
	objs, err := bucket.List(bg, BuildsPrefix(key))
	if err != nil || len(objs) != keepBuilds {
		t.Fatalf("builds kept: %d (%v), want %d", len(objs), err, keepBuilds)
	}
	ts, err := OpenTileset(url)
	if err != nil {
		t.Fatal(err)
	}
	defer ts.Close()
	got := ts.Meta().VectorLayers
	if len(got) != 2 || got[0].ID != "dzialki" || got[1].ID != "budynki" {
		t.Errorf("served build's layers: %+v", got)
	}
}

// A stopped bucket: the reader reports ErrUnavailable and not ready, and
// recovers by itself once the service is back.
func TestRemoteArchiveUnreachable(t *testing.T) {
	srv := blobtest.Start(t)
	url := srv.URL("down/county.pmtiles")
	local := t.TempDir() + "/county.pmtiles"
	st := openRO(t, county(t))
	for _, out := range []string{url, local} {
		if _, err := Build(bg, st, BuildOptions{Out: out, MinZoom: 12, MaxZoom: 12, Layers: []string{"dzialki"}}); err != nil {
			t.Fatal(err)
		}
	}
	ra, err := openRemoteArchive(url)
	if err != nil {
		t.Fatal(err)
	}
	defer ra.Close()
	var id uint64
	for tid := range archiveTiles(t, local) {
		id = tid
		break
	}
	z, x, y := pmtiles.IDToZXY(id)
	if _, err := ra.TileContext(bg, int(z), int(x), int(y)); err != nil {
		t.Fatal(err)
	}
	srv.Stop()
	if _, err := ra.TileContext(bg, int(z), int(x), int(y)); !errors.Is(err, blob.ErrUnavailable) {
		t.Fatalf("tile with the bucket down: %v", err)
	}
	if e := archiveError("county", errors.Join(errors.New("x"), blob.ErrUnavailable)); e == nil || e.Status != 503 {
		t.Errorf("archive error: %+v", e)
	}
	if err := ra.check(context.Background()); err == nil {
		t.Fatal("poll with the bucket down succeeded")
	}
	if err := srv.Restart(); err != nil {
		t.Fatal(err)
	}
	if err := ra.check(context.Background()); err != nil {
		t.Fatalf("poll after the restart: %v", err)
	}
	if _, err := ra.TileContext(bg, int(z), int(x), int(y)); err != nil {
		t.Fatalf("tile after the restart: %v", err)
	}
}

// `sip tiles update` of an archive in object storage publishes the updated
// archive as a new build (the manifest flips to it, naming the one it
// replaced), tile for tile what a full rebuild gives; a second update is a
// no-op that publishes nothing.
func TestUpdateRemote(t *testing.T) {
	srv := blobtest.Start(t)
	dir := t.TempDir()
	sp := copyCounty(t, dir)
	url := srv.URL("update/county.pmtiles")
	first := build(t, sp, url, WebMercatorQuad, 12, 16).Published.Manifest
	editCounty(t, sp)
	r := openRO(t, sp)
	rep, err := Update(bg, r, url)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Changes < 2 || rep.Rendered == 0 {
		t.Errorf("update %+v: re-rendered nothing", rep)
	}
	bucket, key, _ := blob.Open(bg, url)
	m, _, ok, err := readManifest(bg, bucket, key)
	if err != nil || !ok || m.Archive == first.Archive || m.Previous != first.Archive || m.Revision <= first.Revision {
		t.Fatalf("manifest after the update: %+v (first %+v) %v", m, first, err)
	}
	fresh := filepath.Join(dir, "fresh.pmtiles")
	build(t, sp, fresh, WebMercatorQuad, 12, 16)
	got, want := allTiles(t, url), allTiles(t, fresh)
	if len(got) != len(want) {
		t.Errorf("%d tiles after the update, %d in a rebuild", len(got), len(want))
	}
	for k, w := range want {
		if !bytes.Equal(got[k], w) {
			t.Fatalf("tile %v differs from the rebuild", k)
		}
	}
	rep2, err := Update(bg, r, url)
	if err != nil || rep2.Changes != 0 || rep2.Rendered != 0 {
		t.Errorf("second update %+v %v", rep2, err)
	}
	if m2, _, _, _ := readManifest(bg, bucket, key); m2.Archive != m.Archive {
		t.Errorf("a no-op update published %s", m2.Archive)
	}
}

// An archive on a plain web server (https:// in production; net/http's file
// serving here, with the strong ETag a CDN sends): every tile read with range
// requests equals the file's, and when the file is replaced the reader sees
// the new ETag, rereads the directories and serves the new build whole.
func TestRemoteArchiveOverHTTP(t *testing.T) {
	dir := t.TempDir()
	st := openRO(t, county(t))
	a, b := dir+"/a.pmtiles", dir+"/b.pmtiles"
	if _, err := Build(bg, st, BuildOptions{Out: a, MinZoom: 12, MaxZoom: 14, Layers: cadastreLayers}); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(bg, st, BuildOptions{Out: b, MinZoom: 12, MaxZoom: 14, Layers: []string{"dzialki"}}); err != nil {
		t.Fatal(err)
	}
	var served atomic.Pointer[string]
	served.Store(&a)
	var ranges atomic.Int64
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/tiles/county.pmtiles" {
			http.NotFound(w, r) // no manifest: the archive is read as it is
			return
		}
		p := *served.Load()
		data, err := os.ReadFile(p)
		if err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		if r.Header.Get("Range") != "" {
			ranges.Add(1)
		}
		w.Header().Set("ETag", `"`+sha(t, p)[:16]+`"`)
		http.ServeContent(w, r, "", time.Unix(1700000000, 0), bytes.NewReader(data))
	}))
	defer hs.Close()
	ts, err := OpenTileset(hs.URL + "/tiles/county.pmtiles")
	if err != nil {
		t.Fatal(err)
	}
	defer ts.Close()
	for _, c := range []struct {
		path  string
		tiles map[uint64][]byte
	}{{a, archiveTiles(t, a)}, {b, archiveTiles(t, b)}} {
		served.Store(&c.path)
		for id, want := range c.tiles {
			z, x, y := pmtiles.IDToZXY(id)
			got, err := ts.Tile(int(z), int(x), int(y))
			if err != nil || !bytes.Equal(got, want) {
				t.Fatalf("%s: tile %d/%d/%d: %d bytes (%v), want %d", c.path, z, x, y, len(got), err, len(want))
			}
		}
	}
	t.Logf("%d range requests", ranges.Load())
}

// BenchmarkArchiveTile reads the tiles of one build from a local PMTiles file
// and from the same archive published to a real S3-compatible server on
// loopback (one range request per tile, directories in memory).
func BenchmarkArchiveTile(b *testing.B) {
	dir := b.TempDir()
	st := openRO(b, county(b))
	local := dir + "/county.pmtiles"
	if _, err := Build(bg, st, BuildOptions{Out: local, MinZoom: 12, MaxZoom: 16, Layers: cadastreLayers}); err != nil {
		b.Fatal(err)
	}
	var ids []uint64
	for id := range archiveTiles(b, local) {
		ids = append(ids, id)
	}
	srv := blobtest.Start(b)
	url := srv.URL("bench/county.pmtiles")
	if _, err := Build(bg, st, BuildOptions{Out: url, MinZoom: 12, MaxZoom: 16, Layers: cadastreLayers}); err != nil {
		b.Fatal(err)
	}
	for name, path := range map[string]string{"file": local, "s3": url} {
		b.Run(name, func(b *testing.B) {
			ts, err := OpenTileset(path)
			if err != nil {
				b.Fatal(err)
			}
			defer ts.Close()
			b.ReportAllocs()
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				i := 0
				for pb.Next() {
					z, x, y := pmtiles.IDToZXY(ids[i%len(ids)])
					if _, err := ts.Tile(int(z), int(x), int(y)); err != nil {
						b.Error(err)
						return
					}
					i++
				}
			})
		})
	}
}
