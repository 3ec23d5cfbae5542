package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/sip-core/sip/blob"
	"github.com/sip-core/sip/blob/blobtest"
	"github.com/sip-core/sip/synth/synthstore"
	"github.com/sip-core/sip/tiles"
	"github.com/sip-core/sip/tiles/pmtiles"
)

// Tile archives in object storage, end to end: real `sip tiles build`
// processes publishing to a real S3-compatible server (SeaweedFS on
// loopback), a real `sip serve` reading them, real HTTP clients.

// tileSet is the tiles of a local PMTiles file by z/x/y.
type tileSet map[[3]int][]byte

func readArchive(t *testing.T, path string) tileSet {
	t.Helper()
	r, err := pmtiles.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	out := tileSet{}
	err = r.All(func(id uint64, data []byte) error {
		z, x, y := pmtiles.IDToZXY(id)
		out[[3]int{int(z), int(x), int(y)}] = data
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func fileSHA(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func manifestAt(t *testing.T, url string) *tiles.Manifest {
	t.Helper()
	b, key, err := blob.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	a, err := b.Attrs(context.Background(), tiles.ManifestKey(key))
	if err != nil {
		t.Fatalf("manifest of %s: %v", url, err)
	}
	data, err := b.ReadRange(context.Background(), tiles.ManifestKey(key), 0, a.Size, "")
	if err != nil {
		t.Fatal(err)
	}
	m := &tiles.Manifest{}
	if err := json.Unmarshal(data, m); err != nil {
		t.Fatal(err)
	}
	return m
}

// getTile fetches a tile as MapLibre does (gzip accepted); status and bytes.
func getTile(client *http.Client, u string) (int, []byte, http.Header, error) {
	req, _ := http.NewRequest(http.MethodGet, u, nil)
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err := client.Do(req)
	if err != nil {
		return 0, nil, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, b, resp.Header, err
}

// stallProxy forwards TCP connections to target, letting at most limit bytes
// of requests through (all connections together); then it holds them, as a
// network that stops mid-upload does. stalled is closed when it first holds.
type stallProxy struct {
	ln      net.Listener
	target  string
	limit   int64
	sent    atomic.Int64
	stalled chan struct{}
	once    sync.Once
}

func newStallProxy(t *testing.T, target string, limit int64) *stallProxy {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &stallProxy{ln: ln, target: target, limit: limit, stalled: make(chan struct{})}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go p.handle(c)
		}
	}()
	return p
}

func (p *stallProxy) handle(c net.Conn) {
	defer c.Close()
	s, err := net.Dial("tcp", p.target)
	if err != nil {
		return
	}
	defer s.Close()
	go io.Copy(c, s)
	buf := make([]byte, 16<<10)
	for {
		n, err := c.Read(buf)
		if n > 0 {
			allowed := p.limit - p.sent.Load()
			if allowed <= 0 {
				p.once.Do(func() { close(p.stalled) })
				time.Sleep(time.Hour) // held until the test ends
				return
			}
			m := min(int64(n), allowed)
			p.sent.Add(m)
			if _, err := s.Write(buf[:m]); err != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

func (p *stallProxy) endpoint() string { return "http://" + p.ln.Addr().String() }

func TestTilesObjectStorage(t *testing.T) {
	if testing.Short() {
		t.Skip("runs an S3 server, builds and a server")
	}
	weed := blobtest.Start(t)
	dir := t.TempDir()
	gpkg, _, err := synthstore.Build(context.Background(), dir, synthstore.Options{Parcels: 1500, Seed: 11, NoTopology: true})
	if err != nil {
		t.Fatal(err)
	}
	url := weed.URL("tiles/county.pmtiles")
	local := filepath.Join(dir, "a.pmtiles")
	localB := filepath.Join(dir, "b.pmtiles")
	build := []string{"tiles", "build", "--store", gpkg, "--minzoom", "10", "--maxzoom", "15"}
	mustSip(t, append(build, "--out", local)...)
	mustSip(t, append(build, "--out", localB, "--layers", "dzialki,numery_dzialek")...)
	out := mustSip(t, append(build, "--out", url)...)
	if !strings.Contains(out, "published county.pmtiles.builds/") {
		t.Errorf("build output: %s", out)
	}
	// The published archive is the local build, byte for byte.
	if m := manifestAt(t, url); m.SHA256 != fileSHA(t, local) {
		t.Fatalf("published SHA-256 %s, local build %s", m.SHA256, fileSHA(t, local))
	}
	if out, err := sip(t, append(build, "--out", url)...); err == nil || !strings.Contains(out, "exists: pass --force") {
		t.Errorf("rebuild without --force: %v %s", err, out)
	}
	tilesA, tilesB := readArchive(t, local), readArchive(t, localB)

	// The plain archive: replaced in place by another tool, not published.
	plain := weed.URL("tiles/plain.pmtiles")
	putFile(t, plain, local)
	cfg := filepath.Join(dir, "sip.yaml")
	os.WriteFile(cfg, []byte(fmt.Sprintf(`datasets:
  - {name: county, store: %q}
tilesets:
  - {name: county-s3, url: %q}
  - {name: county-plain, url: %q}
  - {name: county-local, url: %q}
limits:
  rate_limit: {rate: 0}
`, gpkg, url, plain, local)), 0o600)
	base, logs, _ := startServe(t, "--config", cfg)
	waitStatus(t, base+"/readyz", 200, 30*time.Second, logs)
	client := &http.Client{Timeout: 30 * time.Second}

	t.Run("same bytes as the local build", func(t *testing.T) {
		n := 0
		for k, want := range tilesA {
			for _, ts := range []string{"county-s3", "county-local"} {
				code, got, _, err := getTile(client, fmt.Sprintf("%s/tiles/%s/%d/%d/%d.mvt", base, ts, k[0], k[1], k[2]))
				if err != nil || code != 200 || string(got) != string(want) {
					t.Fatalf("%s %v: %d, %d bytes, %v; want %d bytes", ts, k, code, len(got), err, len(want))
				}
			}
			n++
		}
		t.Logf("%d tiles equal through s3:// and the local file", n)
	})

	// Both tilesets are read while they change to build B: every answer is
	// A's tile or B's, whole, and soon only B's.
	hammer := func(t *testing.T, tileset string, change func()) {
		var keys [][3]int
		for k := range tilesA {
			if tilesB[k] != nil {
				keys = append(keys, k)
			}
		}
		var stop atomic.Bool
		var served [3]atomic.Int64 // A, B, neither
		var wg sync.WaitGroup
		var bad atomic.Value
		for w := range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := w; !stop.Load(); i++ {
					k := keys[i%len(keys)]
					code, got, _, err := getTile(client, fmt.Sprintf("%s/tiles/%s/%d/%d/%d.mvt", base, tileset, k[0], k[1], k[2]))
					switch {
					case err == nil && code == 200 && string(got) == string(tilesA[k]):
						served[0].Add(1)
					case err == nil && code == 200 && string(got) == string(tilesB[k]):
						served[1].Add(1)
					default:
						served[2].Add(1)
						bad.Store(fmt.Sprintf("%v: status %d, %d bytes, %v", k, code, len(got), err))
					}
				}
			}()
		}
		time.Sleep(300 * time.Millisecond)
		change()
		time.Sleep(tiles.ArchivePoll + 2*time.Second)
		before := served[1].Load()
		stop.Store(true)
		wg.Wait()
		t.Logf("%s: %d answers of build A, %d of build B, %d of neither", tileset, served[0].Load(), served[1].Load(), served[2].Load())
		if served[2].Load() > 0 {
			t.Fatalf("a tile that is neither build's: %v", bad.Load())
		}
		if served[1].Load() == 0 || before == 0 {
			t.Fatal("build B was never served")
		}
		for _, k := range keys[:min(50, len(keys))] {
			if _, got, _, _ := getTile(client, fmt.Sprintf("%s/tiles/%s/%d/%d/%d.mvt", base, tileset, k[0], k[1], k[2])); string(got) != string(tilesB[k]) {
				t.Fatalf("%v after the change: not build B's tile", k)
			}
		}
	}
	t.Run("publish flips mid-read", func(t *testing.T) {
		hammer(t, "county-s3", func() {
			mustSip(t, append(build, "--out", url, "--force", "--layers", "dzialki,numery_dzialek")...)
		})
		if m := manifestAt(t, url); m.SHA256 != fileSHA(t, localB) || m.Previous == "" {
			t.Errorf("manifest after the second build: %+v", m)
		}
	})
	t.Run("archive replaced in place mid-read", func(t *testing.T) {
		hammer(t, "county-plain", func() { putFile(t, plain, localB) })
	})

	// A build killed, or interrupted, in the middle of its upload publishes
	// nothing: the manifest, the builds and the tiles served stay build B's.
	for _, sig := range []syscall.Signal{syscall.SIGKILL, syscall.SIGINT} {
		t.Run("upload stopped by "+sig.String(), func(t *testing.T) {
			before := manifestAt(t, url)
			buildsBefore := listKeys(t, url)
			proxy := newStallProxy(t, strings.TrimPrefix(weed.Endpoint, "http://"), 256<<10)
			viaProxy := strings.Replace(url, weed.Endpoint, proxy.endpoint(), 1)
			cmd := exec.Command(sipBin, append(build, "--out", viaProxy, "--force")...)
			var outb lockedBuffer
			cmd.Stdout, cmd.Stderr = &outb, &outb
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			select {
			case <-proxy.stalled:
			case <-time.After(3 * time.Minute):
				cmd.Process.Kill()
				t.Fatalf("the upload never reached the proxy's limit:\n%s", outb.String())
			}
			cmd.Process.Signal(sig)
			err := cmd.Wait()
			if err == nil {
				t.Fatalf("the stopped build succeeded:\n%s", outb.String())
			}
			if after := manifestAt(t, url); after.Archive != before.Archive || after.SHA256 != before.SHA256 {
				t.Fatalf("manifest changed by a stopped build: %+v", after)
			}
			if got := listKeys(t, url); strings.Join(got, ",") != strings.Join(buildsBefore, ",") {
				t.Errorf("builds after the stopped upload: %v, before %v", got, buildsBefore)
			}
			for _, k := range [][3]int{firstKey(tilesB)} {
				code, got, _, err := getTile(client, fmt.Sprintf("%s/tiles/county-s3/%d/%d/%d.mvt", base, k[0], k[1], k[2]))
				if err != nil || code != 200 || string(got) != string(tilesB[k]) {
					t.Fatalf("tile after the stopped build: %d %v", code, err)
				}
			}
			t.Logf("%s after %d bytes sent: %s", sig, proxy.sent.Load(), lastLine(outb.String()))
		})
	}

	t.Run("bucket unreachable", func(t *testing.T) {
		k := firstKey(tilesB)
		tileURL := fmt.Sprintf("%s/tiles/county-s3/%d/%d/%d.mvt", base, k[0], k[1], k[2])
		weed.Stop()
		code, body, hdr, err := getTile(client, tileURL)
		if err != nil || code != 503 || !strings.Contains(hdr.Get("Content-Type"), "problem+json") || hdr.Get("Retry-After") == "" ||
			!strings.Contains(string(body), "TilesetUnavailable") {
			t.Fatalf("tile with the bucket down: %d %s %q %v", code, hdr.Get("Content-Type"), body, err)
		}
		waitStatus(t, base+"/readyz", 503, 15*time.Second, logs)
		// The local tileset and the dynamic tiles do not depend on the bucket.
		if code, _, _, _ := getTile(client, fmt.Sprintf("%s/tiles/county-local/%d/%d/%d.mvt", base, k[0], k[1], k[2])); code != 200 {
			t.Errorf("local tileset with the bucket down: %d", code)
		}
		if err := weed.Restart(); err != nil {
			t.Fatal(err)
		}
		waitStatus(t, base+"/readyz", 200, 30*time.Second, logs)
		if code, got, _, err := getTile(client, tileURL); code != 200 || string(got) != string(tilesB[k]) {
			t.Fatalf("tile after the bucket returned: %d %v", code, err)
		}
	})
}

func putFile(t *testing.T, url, path string) {
	t.Helper()
	b, key, err := blob.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := b.Put(context.Background(), key, f, blob.PutOptions{}); err != nil {
		t.Fatal(err)
	}
}

func listKeys(t *testing.T, url string) []string {
	t.Helper()
	b, key, err := blob.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	objs, err := b.List(context.Background(), tiles.BuildsPrefix(key))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, o := range objs {
		out = append(out, o.Key)
	}
	return out
}

func firstKey(ts tileSet) [3]int {
	var best [3]int
	first := true
	for k := range ts {
		if first || fmt.Sprint(k) < fmt.Sprint(best) {
			best, first = k, false
		}
	}
	return best
}

func lastLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return s[i+1:]
	}
	return s
}
