package atomicfile

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"
)

func touch(t *testing.T, path string) {
	t.Helper()
	if err := os.WriteFile(path, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// TestRemoveStale: siblings of a running process stay, those of a process that
// is gone go (with their SQLite files), and so does one whose PID was reused by
// a process started after its last write.
func TestRemoveStale(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "county.mbtiles")
	sibling := func(pid int) string { return filepath.Join(dir, ".county.mbtiles.tmp-"+strconv.Itoa(pid)) }

	running := exec.Command("sleep", "60")
	if err := running.Start(); err != nil {
		t.Fatal(err)
	}
	defer running.Process.Kill()
	gone := exec.Command("true")
	if err := gone.Run(); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{sibling(running.Process.Pid), sibling(gone.Process.Pid), sibling(gone.Process.Pid) + "-wal",
		sibling(os.Getpid()), sibling(1), filepath.Join(dir, ".other.mbtiles.tmp-"+strconv.Itoa(gone.Process.Pid)), out} {
		touch(t, p)
	}
	// PID 1 is running, but it started long after this file was written
	reused := filepath.Join(dir, ".county.mbtiles.tmp-1")
	old := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	if err := os.Chtimes(reused, old, old); err != nil {
		t.Fatal(err)
	}

	removed := RemoveStale(out)
	slices.Sort(removed)
	want := []string{sibling(1), sibling(gone.Process.Pid), sibling(os.Getpid())}
	slices.Sort(want)
	if !slices.Equal(removed, want) {
		t.Fatalf("removed %v, want %v", removed, want)
	}
	for _, p := range want {
		if exists(p) || exists(p+"-wal") {
			t.Errorf("%s left", p)
		}
	}
	for _, p := range []string{sibling(running.Process.Pid), filepath.Join(dir, ".other.mbtiles.tmp-"+strconv.Itoa(gone.Process.Pid)), out} {
		if !exists(p) {
			t.Errorf("%s removed", p)
		}
	}
}

// TestCommit: a commit that must not replace fails when the target exists and
// keeps the temporary file; otherwise the file moves into place.
func TestCommit(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "a.gpkg")
	tmp := Path(out)
	touch(t, tmp)
	touch(t, out)
	if err := Commit(tmp, out, false); !os.IsExist(err) || !exists(tmp) {
		t.Fatalf("commit over an existing file: %v", err)
	}
	os.Remove(out)
	if err := Commit(tmp, out, false); err != nil || exists(tmp) || !exists(out) {
		t.Fatalf("commit: %v", err)
	}
	touch(t, tmp)
	if err := Commit(tmp, out, true); err != nil || exists(tmp) {
		t.Fatalf("replace: %v", err)
	}
}
