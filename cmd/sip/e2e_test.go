package main

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"github.com/sip-core/sip/store/postgis/postgistest"
)

// The end-to-end tests drive the real binary the way a county operator does:
// generate, ingest, check the GeoPackage with GDAL, re-ingest, fail an ingest,
// serve.

var sipBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "sip-e2e")
	if err != nil {
		panic(err)
	}
	sipBin = filepath.Join(dir, "sip")
	out, err := exec.Command("go", "build", "-o", sipBin, ".").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "building sip: %v\n%s", err, out)
		os.Exit(1)
	}
	code := postgistest.Main(m)
	os.RemoveAll(dir)
	os.Exit(code)
}

func sip(t *testing.T, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command(sipBin, args...)
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	err := cmd.Run()
	return buf.String(), err
}

func mustSip(t *testing.T, args ...string) string {
	t.Helper()
	out, err := sip(t, args...)
	if err != nil {
		t.Fatalf("sip %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

type ingestReport struct {
	Committed bool `json:"committed"`
	Layers    map[string]struct {
		Objects, Inserted, Updated, Unchanged, Archived, Deleted, Rejected int
	} `json:"layers"`
	Total struct {
		Objects, Inserted, Unchanged, Rejected int
	} `json:"total"`
}

func readReport(t *testing.T, path string) ingestReport {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var r ingestReport
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	return r
}

// fileHash hashes the logical content of a SQLite file: its schema (sorted) and
// every row of every table in rowid order. Page layout and header counters are
// left out: SQLite may place the same schema on other pages (the store's bulk
// load drops and recreates its R-tree triggers) without any row or table changing.
func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	h := sha256.New()
	rows, err := db.Query(`SELECT type, name, coalesce(sql, '') FROM sqlite_master ORDER BY type, name`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var typ, name, text string
		rows.Scan(&typ, &name, &text)
		fmt.Fprintf(h, "%s|%s|%s\n", typ, name, text)
		if typ == "table" && !strings.HasPrefix(text, "CREATE VIRTUAL") {
			tables = append(tables, name)
		}
	}
	rows.Close()
	for _, table := range tables {
		rows, err := db.Query(`SELECT * FROM "` + table + `" ORDER BY rowid`)
		if err != nil {
			rows, err = db.Query(`SELECT * FROM "` + table + `"`)
		}
		if err != nil {
			t.Fatalf("%s: %v", table, err)
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			rows.Scan(ptrs...)
			fmt.Fprintf(h, "%s:%v\n", table, vals)
		}
		rows.Close()
	}
	var sum [32]byte
	copy(sum[:], h.Sum(nil))
	return sum
}

// ogrCounts returns the feature count per layer as GDAL reads the GeoPackage.
func ogrCounts(t *testing.T, gpkgPath string) map[string]int {
	t.Helper()
	out, err := exec.Command("ogrinfo", "-ro", "-so", "-al", gpkgPath).CombinedOutput()
	if err != nil {
		t.Fatalf("ogrinfo: %v\n%s", err, out)
	}
	counts := map[string]int{}
	var layer string
	for _, line := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(line, "Layer name: "); ok {
			layer = strings.TrimSpace(v)
		}
		if v, ok := strings.CutPrefix(line, "Feature Count: "); ok {
			n, _ := strconv.Atoi(strings.TrimSpace(v))
			counts[layer] = n
		}
	}
	return counts
}

func TestGenIngestValidateServe(t *testing.T) {
	for _, tool := range []string{"ogrinfo", "/usr/bin/python3"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed (make test installs gdal-bin and python3-gdal)", tool)
		}
	}
	dir := t.TempDir()
	gml := filepath.Join(dir, "gml")
	genOut := mustSip(t, "gen", "county", "--parcels", "600", "--seed", "11", "--out", gml)
	m := regexp.MustCompile(`(\d+) działki`).FindStringSubmatch(genOut)
	if m == nil {
		t.Fatalf("gen did not report its parcels:\n%s", genOut)
	}
	n, _ := strconv.Atoi(m[1])
	files, _ := filepath.Glob(filepath.Join(gml, "*.gml"))
	if len(files) == 0 {
		t.Fatal("gen wrote no GML")
	}
	store := filepath.Join(dir, "county.gpkg")
	report := filepath.Join(dir, "report.json")
	mustSip(t, append([]string{"ingest", "--store", store, "--report", report}, files...)...)
	rep := readReport(t, report)
	if !rep.Committed || rep.Total.Inserted == 0 {
		t.Fatalf("first ingest: %+v", rep)
	}

	// GDAL's validator accepts the dataset with no warnings.
	validator := "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py"
	if _, err := os.Stat(validator); err == nil {
		if out, err := exec.Command("/usr/bin/python3", validator, "--extra", "--warning-as-error", store).CombinedOutput(); err != nil {
			t.Fatalf("validate_gpkg: %v\n%s", err, out)
		}
	}
	// GDAL sees as many current parcels as the ingest report says became current
	// (inserted minus those later closed).
	counts := ogrCounts(t, store)
	for _, layer := range []string{"dzialki", "budynki", "obreby", "jednostki", "uzytki", "kontury", "punkty"} {
		l := rep.Layers[layer]
		if counts[layer] == 0 {
			t.Errorf("GDAL reads no features in %s", layer)
		}
		if counts[layer]+counts[layer+"_history"] < l.Inserted {
			t.Errorf("%s: GDAL reads %d current + %d history, report inserted %d", layer, counts[layer], counts[layer+"_history"], l.Inserted)
		}
	}
	if counts["dzialki"] > n || counts["dzialki"] < n*9/10 {
		t.Errorf("GDAL reads %d current parcels, gen wrote %d", counts["dzialki"], n)
	}

	// Re-ingesting the same files changes nothing, not even the file's bytes.
	before := fileHash(t, store)
	mustSip(t, append([]string{"ingest", "--store", store, "--report", report}, files...)...)
	rep2 := readReport(t, report)
	if rep2.Total.Inserted != 0 || rep2.Total.Unchanged != rep.Total.Objects {
		t.Errorf("re-ingest: inserted %d unchanged %d (first run %d objects, %d rejected)", rep2.Total.Inserted, rep2.Total.Unchanged, rep.Total.Objects, rep.Total.Rejected)
	}
	if fileHash(t, store) != before {
		t.Error("re-ingesting the same files changed the store file")
	}

	// A truncated file fails the ingest and leaves the store as it was.
	data, _ := os.ReadFile(files[0])
	bad := filepath.Join(dir, "truncated.gml")
	os.WriteFile(bad, data[:len(data)/2], 0o644)
	before = fileHash(t, store)
	out, err := sip(t, "ingest", "--store", store, files[0], bad)
	if err == nil {
		t.Fatalf("ingest of a truncated file succeeded:\n%s", out)
	}
	if !strings.Contains(out, "truncated.gml") {
		t.Errorf("error does not name the file:\n%s", out)
	}
	if fileHash(t, store) != before {
		t.Error("failed ingest changed the store file")
	}
	// A failed ingest into a new store leaves no file behind.
	fresh := filepath.Join(dir, "fresh.gpkg")
	if _, err := sip(t, "ingest", "--store", fresh, bad); err == nil {
		t.Fatal("ingest of a truncated file into a new store succeeded")
	}
	if _, err := os.Stat(fresh); !os.IsNotExist(err) {
		t.Errorf("failed ingest left %s behind", fresh)
	}

	// Serve it and read it back over HTTP.
	base := serveStore(t, store)
	resp, err := http.Get(base + "/api/datasets/county")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), `"dzialki"`) {
		t.Fatalf("GET /api/datasets/county: %d\n%s", resp.StatusCode, body)
	}
	if !strings.Contains(string(body), strconv.Itoa(counts["dzialki"])) {
		t.Errorf("dataset summary does not report the %d parcels GDAL counts:\n%s", counts["dzialki"], body)
	}
	// ULDK names the county as GUGiK does (TERYT 1003: łaski), although the quick
	// start gives the dataset no title.
	resp, err = http.Get(base + "/uldk?request=GetCountyById&id=1003&result=teryt,county,voivodeship")
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(body) != "0\n1003|łaski|łódzkie\n" {
		t.Errorf("ULDK GetCountyById 1003 in the quick start: %q", body)
	}
}

// serveStore runs `sip serve --store store` on a free loopback port until the
// test ends (then it must stop on SIGINT within 15 s) and returns its base URL.
func serveStore(t *testing.T, store string) string {
	t.Helper()
	base, _, _ := startServe(t, "--store", store)
	return base
}

// startServe runs `sip serve ARGS --listen ADDR` on a free loopback port until
// it is healthy and returns the base URL and the server's output. stop (also
// called when the test ends) stops it with SIGINT, which must work within 15 s.
func startServe(t *testing.T, args ...string) (base string, logs *lockedBuffer, stop func()) {
	t.Helper()
	addr := freeAddr(t)
	srv := exec.Command(sipBin, append(append([]string{"serve"}, args...), "--listen", addr)...)
	logs = &lockedBuffer{}
	srv.Stdout, srv.Stderr = logs, logs
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	stop = func() {
		once.Do(func() {
			srv.Process.Signal(os.Interrupt)
			done := make(chan error, 1)
			go func() { done <- srv.Wait() }()
			select {
			case <-done:
			case <-time.After(15 * time.Second):
				srv.Process.Kill()
				t.Error("sip serve did not stop on SIGINT")
			}
		})
	}
	t.Cleanup(stop)
	waitHealthy(t, "http://"+addr+"/healthz", logs)
	return "http://" + addr, logs, stop
}

func freeAddr(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

func waitHealthy(t *testing.T, url string, logs fmt.Stringer) {
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if resp, err := http.Get(url); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("server not healthy at %s\n%s", url, logs.String())
}
