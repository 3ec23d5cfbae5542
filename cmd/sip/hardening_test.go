package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// These tests drive the real binary with hostile or broken input and with
// processes killed mid-way (issue 16): memory stays bounded, errors name the
// file and line without quoting personal data, and nothing half-made is left.

// sipRSS runs sip and returns its output, error and peak resident memory in MB.
func sipRSS(t *testing.T, args ...string) (string, error, int64) {
	t.Helper()
	cmd := exec.Command(sipBin, args...)
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	err := cmd.Run()
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss >> 10 // KB on Linux
	}
	return buf.String(), err, rss
}

// genStore generates a small county and ingests it into dir/county.gpkg.
func genStore(t *testing.T, dir string, parcels int) (store string, files []string) {
	t.Helper()
	gml := filepath.Join(dir, "gml")
	mustSip(t, "gen", "county", "--parcels", fmt.Sprint(parcels), "--seed", "3", "--out", gml)
	files, _ = filepath.Glob(filepath.Join(gml, "*.gml"))
	store = filepath.Join(dir, "county.gpkg")
	mustSip(t, append([]string{"ingest", "--store", store}, files...)...)
	return store, files
}

const personHead = `<?xml version="1.0" encoding="UTF-8"?>
<gml:FeatureCollection xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:egb="ewidencjaGruntowIBudynkow:1.0">
  <gml:featureMember>
    <egb:EGB_OsobaFizyczna gml:id="o1">
`

const personTail = `
      <egb:pesel>83030312344</egb:pesel>
    </egb:EGB_OsobaFizyczna>
  </gml:featureMember>
</gml:FeatureCollection>
`

// writePerson writes an export holding one EGB_OsobaFizyczna whose first name
// (line 5) is n bytes long, streamed to disk.
func writePerson(t *testing.T, path string, n int64) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString(personHead + "      <egb:pierwszeImie>")
	line := []byte("Kowalski Jan Kowalski Jan Kowalski Jan Kowalski Jan Kowalski Jan Kowalski Jan Kowalski Jan Kowa\n")
	for ; n >= int64(len(line)); n -= int64(len(line)) {
		w.Write(line)
	}
	w.Write(bytes.Repeat([]byte("x"), int(n)))
	w.WriteString("</egb:pierwszeImie>" + personTail)
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestIngestBoundedMemory (issue 16, item 2): a 2 GB sparse file, a text value
// past the limit (default, or set with --max-text) and a large text inside
// skipped personal data go through in bounded memory: the first two are refused
// at once with file:line, leaving the store unchanged; the last is skipped.
func TestIngestBoundedMemory(t *testing.T) {
	dir := t.TempDir()
	store, _ := genStore(t, dir, 100)
	before := fileHash(t, store)

	sparse := filepath.Join(dir, "x.gml")
	f, err := os.Create(sparse)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(2 << 30); err != nil {
		t.Fatal(err)
	}
	f.Close()
	huge := filepath.Join(dir, "huge.gml")
	writePerson(t, huge, 80<<20)
	small := filepath.Join(dir, "small.gml")
	writePerson(t, small, 8<<20)

	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"sparse 2 GB", []string{sparse}, "sip ingest: x.gml:1: malformed XML: illegal character code U+0000"},
		{"80 MB name", []string{huge}, "sip ingest: huge.gml:5: text value longer than the limit of 64 MiB"},
		{"8 MB name, --max-text 1MB", []string{"--max-text", "1MB", small}, "sip ingest: small.gml:5: text value longer than the limit of 1 MiB"},
	} {
		rep := filepath.Join(dir, "report.json")
		out, err, rss := sipRSS(t, append([]string{"ingest", "--store", store, "--report", rep}, c.args...)...)
		t.Logf("%s: peak RSS %d MB: %s", c.name, rss, strings.TrimSpace(out))
		if err == nil || !strings.Contains(out, c.want) {
			t.Errorf("%s: %v\n%s\nwant %s", c.name, err, out, c.want)
		}
		if strings.Contains(out, "Kowalski") || strings.Contains(out, "83030312344") {
			t.Errorf("%s: the error quotes personal data:\n%s", c.name, out)
		}
		if r := readReport(t, rep); r.Committed {
			t.Errorf("%s: report says committed", c.name)
		}
		if fileHash(t, store) != before {
			t.Fatalf("%s: the store changed", c.name)
		}
		if rss > 200 {
			t.Errorf("%s: peak RSS %d MB", c.name, rss)
		}
	}

	// Within the limit, a large text in skipped personal data is streamed
	// through: the ingest commits (nothing published changes) in little memory.
	out, err, rss := sipRSS(t, "ingest", "--store", store, small)
	t.Logf("8 MB name, default limit: peak RSS %d MB", rss)
	if err != nil || !strings.Contains(out, "1 personal-data objects skipped") {
		t.Fatalf("%v\n%s", err, out)
	}
	if rss > 200 {
		t.Errorf("skipping 8 MB of personal data: peak RSS %d MB", rss)
	}

	// A first ingest of the sparse file leaves no store behind.
	fresh := filepath.Join(dir, "fresh.gpkg")
	if out, err := sip(t, "ingest", "--store", fresh, sparse); err == nil {
		t.Fatalf("sparse file ingested:\n%s", out)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "*fresh.gpkg*")); len(left) > 0 {
		t.Fatalf("a failed first ingest left %v", left)
	}
}

// TestIngestAPPBounded (item 2): planning data (APP GML, sniffed by its
// namespace) read by the same bounded tokenizer: a file whose APP header is
// followed by 2 GB of zeros is refused at once.
func TestIngestAPPBounded(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "plan.gml")
	head := `<?xml version="1.0" encoding="UTF-8"?>
<gml:FeatureCollection xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:app="https://www.gov.pl/static/zagospodarowanieprzestrzenne/schemas/app/2.0">
  <gml:featureMember>
`
	if err := os.WriteFile(p, []byte(head), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(p, 2<<30); err != nil {
		t.Fatal(err)
	}
	out, err, rss := sipRSS(t, "ingest", "--store", filepath.Join(dir, "plan.gpkg"), p)
	t.Logf("APP header + 2 GB of zeros: peak RSS %d MB: %s", rss, strings.TrimSpace(out))
	if err == nil || !strings.Contains(out, "plan.gml:4: XML: illegal character code U+0000") {
		t.Fatalf("%v\n%s", err, out)
	}
	if rss > 200 {
		t.Errorf("peak RSS %d MB", rss)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "*plan.gpkg*")); len(left) > 0 {
		t.Fatalf("a failed first ingest left %v", left)
	}
}

// TestIngestErrorsHidePersonalData (item 7): a broken entity reference inside
// a skipped EGB_OsobaFizyczna is reported with file and line, but neither the
// report nor stderr quotes the PESEL or the name.
func TestIngestErrorsHidePersonalData(t *testing.T) {
	dir := t.TempDir()
	store, _ := genStore(t, dir, 50)
	before := fileHash(t, store)
	for _, c := range []struct{ inside, secret string }{
		{"<egb:pesel>&83030312344</egb:pesel>", "83030312344"},
		{"<egb:pierwszeImie>&Jan Kowalski;</egb:pierwszeImie>", "Kowalski"},
	} {
		p := filepath.Join(dir, "export.gml")
		if err := os.WriteFile(p, []byte(personHead+"      "+c.inside+personTail), 0o644); err != nil {
			t.Fatal(err)
		}
		rep := filepath.Join(dir, "report.json")
		out, err := sip(t, "ingest", "--store", store, "--report", rep, p)
		js, _ := os.ReadFile(rep)
		if err == nil || !strings.Contains(out, "export.gml:5: malformed XML: invalid character entity in content skipped unread (not quoted)") {
			t.Fatalf("%s: %v\n%s", c.inside, err, out)
		}
		if !bytes.Contains(js, []byte(`"line": 5`)) || !bytes.Contains(js, []byte("invalid character entity")) {
			t.Fatalf("%s: report %s", c.inside, js)
		}
		for _, s := range []string{c.secret, "83030312344", "Kowalski"} {
			if strings.Contains(out, s) || bytes.Contains(js, []byte(s)) {
				t.Fatalf("%s: %q in stderr or report:\n%s\n%s", c.inside, s, out, js)
			}
		}
	}
	if fileHash(t, store) != before {
		t.Fatal("the store changed")
	}
}

// startKilled starts sip with args, waits until the file matching pattern
// exists (the work has begun), then kills the process with SIGKILL. It returns
// the paths matching pattern left behind.
func startKilled(t *testing.T, pattern string, args ...string) []string {
	t.Helper()
	cmd := exec.Command(sipBin, args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		if m, _ := filepath.Glob(pattern); len(m) > 0 {
			time.Sleep(20 * time.Millisecond) // into the work, and well before its end on a fast machine
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("no %s after 60 s:\n%s", pattern, out.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGKILL)
	err := cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Fatalf("sip %s ended before it was killed (%v): make the input larger\n%s", args[0], err, out.String())
	}
	m, _ := filepath.Glob(pattern)
	return m
}

// TestKilledFirstIngest (item 12): kill -9 during the first ingest of a county
// leaves no store under the target name, only a temporary sibling; the next
// ingest removes that and makes a complete store.
func TestKilledFirstIngest(t *testing.T) {
	dir := t.TempDir()
	gml := filepath.Join(dir, "gml")
	mustSip(t, "gen", "county", "--parcels", "3000", "--seed", "4", "--out", gml)
	files, _ := filepath.Glob(filepath.Join(gml, "*.gml"))
	store := filepath.Join(dir, "county.gpkg")
	left := startKilled(t, filepath.Join(dir, ".county.gpkg.tmp-*"), append([]string{"ingest", "--store", store}, files...)...)
	if _, err := os.Stat(store); !os.IsNotExist(err) {
		t.Fatalf("a killed first ingest left %s (%v)", store, err)
	}
	if len(left) == 0 {
		t.Fatal("no temporary store while ingesting")
	}
	t.Logf("left by the killed ingest: %v", left)

	rep := filepath.Join(dir, "report.json")
	mustSip(t, append([]string{"ingest", "--store", store, "--report", rep}, files...)...)
	for _, p := range left {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s still there after the next ingest", p)
		}
	}
	if m, _ := filepath.Glob(filepath.Join(dir, ".county.gpkg*")); len(m) > 0 {
		t.Errorf("temporary files left: %v", m)
	}
	r := readReport(t, rep)
	counts := ogrCounts(t, store)
	if !r.Committed || counts["dzialki"] != 3000 || counts["dzialki"] != r.Layers["dzialki"].Inserted {
		t.Fatalf("report %+v, GDAL counts %v", r.Total, counts)
	}
}

// tileRows hashes the tiles of an MBTiles file (what a client reads).
func tileRows(t *testing.T, path string) (int, string) {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles ORDER BY 1, 2, 3`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	h := sha256.New()
	for rows.Next() {
		var z, x, y int
		var data []byte
		rows.Scan(&z, &x, &y, &data)
		fmt.Fprintf(h, "%d/%d/%d:%x\n", z, x, y, data)
		n++
	}
	return n, fmt.Sprintf("%x", h.Sum(nil))
}

// TestKilledTileBuild (item 9): a tile build killed mid-way leaves its
// .NAME.tmp-PID file; the next build of the same output removes it and writes
// the same tiles as an uninterrupted build.
func TestKilledTileBuild(t *testing.T) {
	dir := t.TempDir()
	store, _ := genStore(t, dir, 3000)
	ref := filepath.Join(dir, "ref.mbtiles")
	mustSip(t, "tiles", "build", "--store", store, "--out", ref)

	out := filepath.Join(dir, "county.mbtiles")
	var left []string
	for range 2 { // two kills, two leftovers
		left = append(left, startKilled(t, filepath.Join(dir, ".county.mbtiles.tmp-*"), "tiles", "build", "--store", store, "--out", out)...)
	}
	if len(left) != 2 {
		t.Fatalf("left by the killed builds: %v", left)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Fatalf("a killed build made %s", out)
	}
	mustSip(t, "tiles", "build", "--store", store, "--out", out)
	if m, _ := filepath.Glob(filepath.Join(dir, ".county.mbtiles*")); len(m) > 0 {
		t.Fatalf("temporary files left after the next build: %v", m)
	}
	n, h := tileRows(t, out)
	rn, rh := tileRows(t, ref)
	if n == 0 || n != rn || h != rh {
		t.Fatalf("%d tiles (%s), uninterrupted build %d (%s)", n, h, rn, rh)
	}
	if o, err := exec.Command("ogrinfo", "-ro", "-so", out).CombinedOutput(); err != nil {
		t.Fatalf("ogrinfo: %v\n%s", err, o)
	}
}
