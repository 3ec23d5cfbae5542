package datasync_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/klauspost/compress/zstd"

	"github.com/sip-core/sip/datasync"
	"github.com/sip-core/sip/store"
)

// bomb serves a well-formed snapshot of frames tiny version frames (25 bytes
// each, identical), so that a few hundred kilobytes on the wire inflate to
// frames×25 bytes, with a trailer whose counts and digest are right.
func bomb(t *testing.T, frames int) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", datasync.MediaType)
		zw, err := zstd.NewWriter(w, zstd.WithEncoderLevel(zstd.SpeedFastest))
		if err != nil {
			t.Error(err)
			return
		}
		cw, err := datasync.NewWriter(zw, datasync.Header{Dataset: "gmina", Kind: "snapshot", Rev: 1, Layers: store.PlanningLayers})
		if err != nil {
			t.Error(err)
			return
		}
		v := store.RawChange{Rev: 1, Layer: "mpzp", ID: "x", Version: "1", Op: "insert", Obj: []byte("{}")}
		for range frames {
			if err := cw.Version(v); err != nil {
				return // the client went away
			}
		}
		cw.Close(store.StateHash{}.String(), "")
		zw.Close()
	}))
}

// pullRSS runs sip sync pull and returns its stderr, error and peak RSS in MB.
func pullRSS(t *testing.T, base, county string, extra ...string) (string, error, int64) {
	t.Helper()
	args := append([]string{"sync", "pull", "--from", base, "--dataset", "gmina", "--store", county, "--key", "sync-key"}, extra...)
	cmd := exec.Command(sipBin, args...)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	err := cmd.Run()
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss >> 10
	}
	return errb.String(), err, rss
}

func spools(t *testing.T, dir string) []string {
	m, _ := filepath.Glob(filepath.Join(dir, ".*.zst"))
	return m
}

// TestPullBomb (issue 16, item 3): a changeset that inflates far past the limit
// (4 M frames, 100 MB, counted at 740 MB held against --max-size 64MB) is refused
// while it is being verified, before anything of it is kept: a clear error, the
// county store untouched, no spool left, little memory. A first pull of it
// leaves no store either (only the lock file every pull keeps beside its store).
func TestPullBomb(t *testing.T) {
	dir := t.TempDir()
	county := filepath.Join(dir, "county.gpkg")
	newCounty(t, county)
	before := stateHash(t, county, nil)
	srv := bomb(t, 4_000_000)
	defer srv.Close()

	stderr, err, rss := pullRSS(t, srv.URL, county, "--max-size", "64MB")
	t.Logf("bomb into a county store: peak RSS %d MB: %s", rss, strings.TrimSpace(stderr))
	if err == nil || !strings.Contains(stderr, "sync: changeset too large: it passes the limit of 64 MB once decompressed") {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if got := stateHash(t, county, nil); got != before {
		t.Fatal("the county store changed")
	}
	if s := spools(t, dir); len(s) > 0 {
		t.Fatalf("spool left: %v", s)
	}
	if rss > 200 {
		t.Errorf("peak RSS %d MB", rss)
	}

	fresh := filepath.Join(dir, "fresh.gpkg")
	if stderr, err, _ := pullRSS(t, srv.URL, fresh, "--max-size", "64MB"); err == nil || !strings.Contains(stderr, "too large") {
		t.Fatalf("first pull: %v\n%s", err, stderr)
	}
	for _, p := range []string{fresh, fresh + ".new"} {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("a failed first pull left %s", p)
		}
	}
	if s := spools(t, dir); len(s) > 0 {
		t.Fatalf("spool left: %v", s)
	}
}

// TestKilledPullSpool (item 3): a pull killed during the transfer leaves its
// spool file; the next pull removes it and applies the changes.
func TestKilledPullSpool(t *testing.T) {
	dir := t.TempDir()
	gmina, county := filepath.Join(dir, "gmina.gpkg"), filepath.Join(dir, "county.gpkg")
	makeGmina(t, gmina, 300)
	newCounty(t, county)
	base, _ := serve(t, "gmina", gmina)

	killAt(t, base, county, "transfer")
	left := spools(t, dir)
	if len(left) != 1 || !strings.HasPrefix(filepath.Base(left[0]), ".county.gpkg.sync-") {
		t.Fatalf("spools after a killed pull: %v", left)
	}
	// another store's spool in the same directory is not this pull's to remove,
	// nor a recent one of an earlier version (not named after its store); an
	// old one of an earlier version is
	other := filepath.Join(dir, ".other.gpkg.sync-1.zst")
	recent, stale := filepath.Join(dir, ".sip-sync-1.zst"), filepath.Join(dir, ".sip-sync-2.zst")
	for _, p := range []string{other, recent, stale} {
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	day := time.Now().Add(-24 * time.Hour)
	if err := os.Chtimes(stale, day, day); err != nil {
		t.Fatal(err)
	}
	mustPull(t, base, county)
	if s := spools(t, dir); len(s) != 2 || s[0] != other || s[1] != recent {
		t.Fatalf("spools after the next pull: %v", s)
	}
	if got, want := stateHash(t, county, planning), stateHash(t, gmina, nil); got != want {
		t.Fatal("county != gmina after the pull")
	}
}
