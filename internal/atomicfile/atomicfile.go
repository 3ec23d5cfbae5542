// Package atomicfile builds a file under a temporary sibling name and moves it
// into place only when it is complete, so an interrupted build never leaves a
// half-made file under the real name; and it removes the temporary siblings that
// processes killed mid-build left behind.
//
// The temporary sibling of DIR/NAME made by process PID is DIR/.NAME.tmp-PID. A
// later build of the same file removes the siblings whose process is gone (or
// whose PID now belongs to a process started after the file was last written),
// with their SQLite -journal, -wal and -shm files; a build still running keeps
// its file.
package atomicfile

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Path is this process's temporary sibling of path.
func Path(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".tmp-"+strconv.Itoa(os.Getpid()))
}

// sqliteSuffixes name the files SQLite keeps beside a database.
var sqliteSuffixes = []string{"", "-journal", "-wal", "-shm"}

// Remove deletes tmp with the files SQLite may keep beside it.
func Remove(tmp string) {
	for _, s := range sqliteSuffixes {
		os.Remove(tmp + s)
	}
}

// RemoveStale deletes the temporary siblings of path left by processes that are
// no longer running, and this process's own from an earlier process of the
// same PID; it returns the names removed.
func RemoveStale(path string) []string {
	dir, base := filepath.Dir(path), filepath.Base(path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	prefix := "." + base + ".tmp-"
	var removed []string
	seen := map[int]bool{}
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if !ok {
			continue
		}
		// .NAME.tmp-PID, or one of its -journal, -wal, -shm files
		digits, suffix, _ := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(digits)
		if err != nil || pid <= 0 || seen[pid] || suffix != "" && !slices.Contains(sqliteSuffixes, "-"+suffix) {
			continue
		}
		seen[pid] = true
		fi, err := e.Info()
		if err != nil || !ownerGone(pid, fi.ModTime()) {
			continue
		}
		tmp := filepath.Join(dir, prefix+digits)
		Remove(tmp)
		removed = append(removed, tmp)
	}
	return removed
}

// ownerGone reports whether process pid can no longer be writing a file last
// written at mtime.
func ownerGone(pid int, mtime time.Time) bool {
	if pid == os.Getpid() {
		return true // this process has not made its own yet
	}
	if err := syscall.Kill(pid, 0); errors.Is(err, syscall.ESRCH) {
		return true
	}
	start, ok := processStart(pid)
	// a process started after the last write is another one with the same PID
	// (a second of slack: the boot time is known to the second)
	return ok && start.After(mtime.Add(time.Second))
}

// processStart is when process pid started (Linux /proc); ok false elsewhere.
func processStart(pid int) (time.Time, bool) {
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return time.Time{}, false
	}
	// the fields after the command name (in parentheses, possibly with spaces):
	// state is field 3, starttime (clock ticks after boot) field 22
	i := bytes.LastIndexByte(stat, ')')
	if i < 0 {
		return time.Time{}, false
	}
	f := strings.Fields(string(stat[i+1:]))
	if len(f) < 20 {
		return time.Time{}, false
	}
	ticks, err := strconv.ParseInt(f[19], 10, 64)
	if err != nil {
		return time.Time{}, false
	}
	boot, ok := bootTime()
	if !ok {
		return time.Time{}, false
	}
	const userHZ = 100 // the unit of /proc tick counts on Linux
	return boot.Add(time.Duration(ticks) * time.Second / userHZ), true
}

func bootTime() (time.Time, bool) {
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return time.Time{}, false
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "btime "); ok {
			s, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
			return time.Unix(s, 0), err == nil
		}
	}
	return time.Time{}, false
}

// Commit flushes tmp to disk and moves it to path. With replace false it fails
// (leaving tmp) when path exists, so a file made meanwhile by someone else is
// never overwritten.
func Commit(tmp, path string, replace bool) error {
	f, err := os.OpenFile(tmp, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if replace {
		return os.Rename(tmp, path)
	}
	if err := os.Link(tmp, path); err != nil {
		if errors.Is(err, os.ErrExist) {
			return err
		}
		// no hard links on this file system: check, then rename
		if _, serr := os.Lstat(path); serr == nil {
			return &os.PathError{Op: "commit", Path: path, Err: os.ErrExist}
		}
		return os.Rename(tmp, path)
	}
	return os.Remove(tmp)
}
