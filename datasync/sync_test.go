package datasync_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand"
	"net"
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
	"github.com/paulmach/orb"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/datasync"
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/gpkg"
	_ "github.com/sip-core/sip/store/postgis"
	"github.com/sip-core/sip/store/postgis/postgistest"
)

var sipBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "sip-sync")
	if err != nil {
		panic(err)
	}
	sipBin = filepath.Join(dir, "sip")
	if out, err := exec.Command("go", "build", "-o", sipBin, "../cmd/sip").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building sip: %v\n%s", err, out)
		os.Exit(1)
	}
	code := postgistest.Main(m)
	os.RemoveAll(dir)
	os.Exit(code)
}

var t0 = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

func zone(i int, rev int) *store.Object {
	x, y := 500000+float64(i%100)*50, 400000+float64(i/100)*50
	sym := []string{"MN", "MW", "U", "ZL", "KDD"}[(i+rev)%5]
	return &store.Object{Layer: "mpzp", ID: fmt.Sprintf("00000000-0000-4000-8000-%012d", i), Namespace: "PL.ZIPPZP.1003",
		Version: fmt.Sprintf("v%d", rev), StartObject: t0, StartVersion: t0.Add(time.Duration(rev) * time.Hour),
		Geometry: orb.MultiPolygon{{{{x, y}, {x + 40 + float64(rev), y}, {x + 40, y + 40}, {x, y + 40}, {x, y}}}},
		Attrs:    map[string]any{"oznaczenie": fmt.Sprintf("%d%s", i, sym), "przeznaczenie": sym, "maks_wysokosc": float64(9 + rev)}}
}

// put writes objects into the store a DSN names (a GeoPackage path or PostGIS).
func put(t testing.TB, path string, objs ...*store.Object) {
	t.Helper()
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	tx, err := st.Begin(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range objs {
		if _, err := tx.Put(context.Background(), o); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

// makeGmina creates a planning dataset with n zones.
func makeGmina(t testing.TB, path string, n int) {
	t.Helper()
	st, err := store.Create(context.Background(), path, "gmina", store.PlanningLayers)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	objs := make([]*store.Object, n)
	for i := range objs {
		objs[i] = zone(i, 1)
	}
	put(t, path, objs...)
}

// mutate changes about 1% of the zones of a gmina made by makeGmina: new versions,
// deletions, and new zones.
func mutate(t testing.TB, path string, n, seed, rev int) {
	rnd := rand.New(rand.NewSource(int64(seed)))
	var objs []*store.Object
	for k := 0; k < n/100+1; k++ {
		i := rnd.Intn(n)
		switch k % 3 {
		case 0, 1:
			objs = append(objs, zone(i, rev))
		case 2:
			o := zone(i, 1)
			o.EndVersion, o.EndObject = t0.Add(time.Duration(rev)*time.Hour), t0.Add(time.Duration(rev)*time.Hour)
			objs = append(objs, o)
		}
	}
	objs = append(objs, zone(n+seed, rev)) // a new zone
	put(t, path, objs...)
}

func stateHash(t testing.TB, path string, layers []string) string {
	t.Helper()
	st := openSync(t, path)
	defer st.Close()
	sn, err := st.ReadSnapshot(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer sn.Close()
	h, err := sn.StateHash(context.Background(), layers)
	if err != nil {
		t.Fatal(err)
	}
	return h.String()
}

var planning = []string{"plany", "strefy", "mpzp"}

func freePort(t testing.TB) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	a := l.Addr().String()
	l.Close()
	return a
}

// serve starts `sip serve` on a store with a sync key and an editor key.
func serve(t testing.TB, name, storePath string) (base string, stop func()) {
	t.Helper()
	dir := t.TempDir()
	cfg := fmt.Sprintf(`datasets:
  - name: %s
    store: %q
auth:
  keys:
    - {name: county-sync, hash: %s, roles: [sync], datasets: [%s]}
    - {name: editor, hash: %s, roles: [editor]}
index:
  poll_interval: 50ms
`, name, storePath, config.HashKey("sync-key"), name, config.HashKey("editor-key"))
	cp := filepath.Join(dir, "sip.yaml")
	os.WriteFile(cp, []byte(cfg), 0o644)
	addr := freePort(t)
	cmd := exec.Command(sipBin, "serve", "--config", cp, "--listen", addr)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	base = "http://" + addr
	for i := 0; ; i++ {
		resp, err := http.Get(base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				break
			}
		}
		if i > 200 {
			cmd.Process.Kill()
			t.Fatalf("sip serve did not start:\n%s", out.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	stop = func() { cmd.Process.Signal(syscall.SIGTERM); cmd.Wait() }
	t.Cleanup(stop)
	return base, stop
}

type pullResult struct {
	Kind      string `json:"kind"`
	ToRev     int64  `json:"to_rev"`
	Changes   int    `json:"changes"`
	UpToDate  bool   `json:"up_to_date"`
	Report    string `json:"report"`
	Conflicts []struct {
		Layer, ID, Resolution string
	} `json:"conflicts"`
	NewLayers []string `json:"new_layers"`
	WireBytes int64    `json:"wire_bytes"`
}

func pull(t testing.TB, base, county string, extra ...string) (pullResult, string, error) {
	t.Helper()
	args := append([]string{"sync", "pull", "--from", base, "--dataset", "gmina", "--store", county, "--key", "sync-key"}, extra...)
	cmd := exec.Command(sipBin, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var r pullResult
	if err == nil {
		if e := json.Unmarshal(out.Bytes(), &r); e != nil {
			t.Fatalf("pull output: %v\n%s", e, out.String())
		}
	}
	return r, errb.String(), err
}

func mustPull(t testing.TB, base, county string, extra ...string) pullResult {
	t.Helper()
	r, stderr, err := pull(t, base, county, extra...)
	if err != nil {
		t.Fatalf("pull: %v\n%s", err, stderr)
	}
	return r
}

// openSync opens the store a DSN names, read-only, as a store.SyncStore.
func openSync(t testing.TB, dsn string) store.SyncStore {
	t.Helper()
	st, err := store.OpenReadOnly(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	return st.(store.SyncStore)
}

func checkpoint(t testing.TB, county string) store.SyncCheckpoint {
	st := openSync(t, county)
	defer st.Close()
	cp, _, err := st.SyncCheckpoint(context.Background(), "gmina")
	if err != nil {
		t.Fatal(err)
	}
	return cp
}

// newCounty creates an EGiB county store holding a few parcels of its own.
func newCounty(t testing.TB, path string) {
	st, err := store.Create(context.Background(), path, "county", store.EGiBLayers)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	put(t, path, &store.Object{Layer: "dzialki", ID: "p1", Version: "1", StartVersion: t0,
		Geometry: orb.MultiPolygon{{{{1, 1}, {2, 1}, {2, 2}, {1, 1}}}}, Attrs: map[string]any{"id_dzialki": "100301_1.0001.1"}})
}

func TestPullIncrementalAndServe(t *testing.T) {
	dir := t.TempDir()
	gmina, county := filepath.Join(dir, "gmina.gpkg"), filepath.Join(dir, "county.gpkg")
	makeGmina(t, gmina, 800)
	newCounty(t, county)
	base, _ := serve(t, "gmina", gmina)

	// No key, wrong key: refused by the source.
	if _, stderr, err := pull(t, base, county, "--key", "editor-key"); err == nil || !strings.Contains(stderr, "lacks the role sync") {
		t.Fatalf("pull with an editor key: err=%v %s", err, stderr)
	}
	r := mustPull(t, base, county)
	if r.Kind != "snapshot" || strings.Join(r.NewLayers, ",") != "plany,strefy,mpzp" {
		t.Fatalf("first pull: %+v", r)
	}
	if got, want := stateHash(t, county, planning), stateHash(t, gmina, nil); got != want {
		t.Fatalf("county copy %s != gmina %s", got, want)
	}
	// The county's own layers are untouched; its change log grew by the apply.
	cst, err := gpkg.OpenReadOnly(county)
	if err != nil {
		t.Fatal(err)
	}
	n, _ := cst.Count(context.Background(), store.Query{Layer: "dzialki"})
	m, _ := cst.Count(context.Background(), store.Query{Layer: "mpzp"})
	var logged int
	cst.Changes(context.Background(), 0, func(c store.Change) error {
		if c.Layer == "mpzp" {
			logged++
		}
		return nil
	})
	cst.Close()
	if n != 1 || m != 800 || logged != 800 {
		t.Fatalf("county after first pull: dzialki %d, mpzp %d, mpzp log entries %d", n, m, logged)
	}
	if r := mustPull(t, base, county); !r.UpToDate {
		t.Fatalf("second pull of an unchanged source: %+v", r)
	}

	// The county server follows the applies without a restart.
	cbase, _ := serve(t, "county", county)
	revOf := func() int64 {
		resp, err := http.Get(cbase + "/api/datasets/county")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var d struct{ Revision int64 }
		json.NewDecoder(resp.Body).Decode(&d)
		return d.Revision
	}
	rev0 := revOf()
	mutate(t, gmina, 800, 1, 2)
	r = mustPull(t, base, county)
	if r.Kind != "changes" || r.Changes < 9 || r.Changes > 20 {
		t.Fatalf("incremental pull: %+v", r)
	}
	if got, want := stateHash(t, county, planning), stateHash(t, gmina, nil); got != want {
		t.Fatalf("county copy %s != gmina %s after incremental pull", got, want)
	}
	cp := checkpoint(t, county)
	deadline := time.Now().Add(5 * time.Second)
	for revOf() != cp.LocalRev {
		if time.Now().After(deadline) {
			t.Fatalf("county server revision %d, store %d (was %d)", revOf(), cp.LocalRev, rev0)
		}
		time.Sleep(50 * time.Millisecond)
	}
	id := fmt.Sprintf("00000000-0000-4000-8000-%012d", 800+1)
	resp, err := http.Get(cbase + "/api/datasets/county/layers/mpzp/features/" + id)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), `"maks_wysokosc":11`) {
		t.Fatalf("new zone on the county server: %d %s", resp.StatusCode, body)
	}
}

// proxy serves what fn makes of the source's answer.
func proxy(t testing.TB, base string, fn func(body []byte) []byte) string {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		req, _ := http.NewRequest(r.Method, base+r.URL.RequestURI(), r.Body)
		req.Header = r.Header.Clone()
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			http.Error(w, err.Error(), 502)
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		b = fn(b)
		w.Header().Set("Content-Type", resp.Header.Get("Content-Type"))
		w.Header().Set("Content-Length", fmt.Sprint(len(b)))
		w.WriteHeader(resp.StatusCode)
		w.Write(b)
	}))
	t.Cleanup(ts.Close)
	return ts.URL
}

// dropper closes the connection after n bytes of the body.
func dropper(t testing.TB, base string, n int) string {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		req, _ := http.NewRequest(r.Method, base+r.URL.RequestURI(), r.Body)
		req.Header = r.Header.Clone()
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			http.Error(w, err.Error(), 502)
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		w.Header().Set("Content-Length", fmt.Sprint(len(b)))
		w.WriteHeader(resp.StatusCode)
		w.Write(b[:n])
		w.(http.Flusher).Flush()
		conn, _, _ := w.(http.Hijacker).Hijack()
		conn.Close()
	}))
	t.Cleanup(ts.Close)
	return ts.URL
}

// killAt runs a pull that pauses at point and SIGKILLs it there.
func killAt(t *testing.T, base, county, point string) {
	cmd := exec.Command(sipBin, "sync", "pull", "--from", base, "--dataset", "gmina", "--store", county, "--key", "sync-key")
	cmd.Env = append(os.Environ(), "SIP_SYNC_TEST_PAUSE="+point)
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stderr)
	paused := false
	for sc.Scan() {
		if strings.Contains(sc.Text(), "SIP_SYNC_PAUSED "+point) {
			paused = true
			break
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if !paused {
		t.Fatalf("the puller never reached %s", point)
	}
}

func TestFaults(t *testing.T) {
	dir := t.TempDir()
	gmina, county := filepath.Join(dir, "gmina.gpkg"), filepath.Join(dir, "county.gpkg")
	makeGmina(t, gmina, 600)
	newCounty(t, county)
	base, stopSrc := serve(t, "gmina", gmina)
	mustPull(t, base, county)
	backup := filepath.Join(dir, "backup.gpkg")
	copyFile(t, gmina, backup)

	// Record the changeset of the first mutation for a replay later.
	mutate(t, gmina, 600, 1, 2)
	var recorded []byte
	recorder := proxy(t, base, func(b []byte) []byte { recorded = append([]byte(nil), b...); return b })

	untouched := func(what string, before string, cp store.SyncCheckpoint) {
		t.Helper()
		if got := stateHash(t, county, planning); got != before {
			t.Fatalf("%s: the county copy changed", what)
		}
		if got := checkpoint(t, county); got != cp {
			t.Fatalf("%s: checkpoint moved: %+v -> %+v", what, cp, got)
		}
	}
	h0, cp0 := stateHash(t, county, planning), checkpoint(t, county)

	killAt(t, base, county, "transfer")
	untouched("killed mid-transfer", h0, cp0)
	killAt(t, base, county, "apply")
	untouched("killed mid-apply", h0, cp0)

	for _, c := range []struct {
		name string
		url  string
		want string
	}{
		{"dropped", dropper(t, base, 200), "transfer interrupted"},
		{"truncated", proxy(t, base, func(b []byte) []byte { return b[:len(b)-7] }), "changeset"},
		{"corrupted", proxy(t, base, func(b []byte) []byte { b[len(b)/2] ^= 0x40; return b }), "changeset"},
	} {
		_, stderr, err := pull(t, c.url, county)
		if err == nil || !strings.Contains(stderr, c.want) {
			t.Fatalf("%s: err=%v stderr=%s", c.name, err, stderr)
		}
		untouched(c.name, h0, cp0)
	}

	// Two pulls at once: the one paused in the apply holds the lock.
	cmd := exec.Command(sipBin, "sync", "pull", "--from", base, "--dataset", "gmina", "--store", county, "--key", "sync-key")
	cmd.Env = append(os.Environ(), "SIP_SYNC_TEST_PAUSE=apply")
	stderr, _ := cmd.StderrPipe()
	cmd.Start()
	sc := bufio.NewScanner(stderr)
	for sc.Scan() && !strings.Contains(sc.Text(), "SIP_SYNC_PAUSED") {
	}
	if _, e, err := pull(t, base, county); err == nil || !strings.Contains(e, "another sync pull is running") {
		t.Fatalf("concurrent pull: err=%v %s", err, e)
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	untouched("concurrent", h0, cp0)

	// Now a clean pull through the recorder succeeds and verifies.
	mustPull(t, recorder, county)
	if got, want := stateHash(t, county, planning), stateHash(t, gmina, nil); got != want {
		t.Fatal("county != gmina after recovery")
	}
	// Idempotent.
	h1, cp1 := stateHash(t, county, planning), checkpoint(t, county)
	if r := mustPull(t, base, county); !r.UpToDate {
		t.Fatalf("re-run: %+v", r)
	}
	untouched("re-run", h1, cp1)

	// Replay of the recorded (older) changeset after another change.
	mutate(t, gmina, 600, 2, 3)
	replay := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write(recorded) }))
	defer replay.Close()
	if _, e, err := pull(t, replay.URL, county); err == nil || !strings.Contains(e, "replayed") {
		t.Fatalf("replay: err=%v %s", err, e)
	}
	untouched("replay", h1, cp1)
	mustPull(t, base, county)
	h2, cp2 := stateHash(t, county, planning), checkpoint(t, county)

	// The source restored from the older backup: behind the checkpoint.
	stopSrc()
	old, _ := serve(t, "gmina", backup)
	if _, e, err := pull(t, old, county); err == nil || !strings.Contains(e, "older backup") {
		t.Fatalf("restored source: err=%v %s", err, e)
	}
	untouched("restored source", h2, cp2)
	// ... then edited past the checkpoint's revision: its history differs.
	for s := 10; s < 14; s++ {
		mutate(t, backup, 600, s, s)
	}
	if _, e, err := pull(t, old, county); err == nil || !strings.Contains(e, "restored from a backup or rewritten") {
		t.Fatalf("restored and edited source: err=%v %s", err, e)
	}
	untouched("restored and edited source", h2, cp2)
}

func copyFile(t testing.TB, src, dst string) {
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestConflicts(t *testing.T) {
	dir := t.TempDir()
	gmina, county := filepath.Join(dir, "gmina.gpkg"), filepath.Join(dir, "county.gpkg")
	makeGmina(t, gmina, 300)
	newCounty(t, county)
	base, _ := serve(t, "gmina", gmina)
	mustPull(t, base, county)

	// The county edits zones 5 and 6; the gmina changes zone 5 only.
	local := func(i int) *store.Object {
		o := zone(i, 1)
		o.Version, o.StartVersion = "county-1", t0.Add(90*time.Minute)
		o.Attrs["nazwa"] = "poprawka powiatu"
		return o
	}
	put(t, county, local(5), local(6))
	put(t, gmina, zone(5, 2))

	r := mustPull(t, base, county, "--policy", "keep-local")
	if len(r.Conflicts) != 1 || r.Conflicts[0].ID != zone(5, 1).ID || r.Conflicts[0].Resolution != "kept-local" {
		t.Fatalf("keep-local: %+v", r)
	}
	var rep struct {
		Conflicts []struct{ ID, Resolution string }
	}
	b, err := os.ReadFile(r.Report)
	if err != nil || json.Unmarshal(b, &rep) != nil || len(rep.Conflicts) != 1 {
		t.Fatalf("report %s: %v %s", r.Report, err, b)
	}
	get := func(i int) *store.Object {
		st, _ := gpkg.OpenReadOnly(county)
		defer st.Close()
		o, err := st.Get(context.Background(), "mpzp", zone(i, 1).ID)
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	if o := get(5); o.Version != "county-1" {
		t.Fatalf("keep-local overwrote zone 5: %s", o.Version)
	}
	// The gmina changes zone 5 again; now the source wins.
	put(t, gmina, zone(5, 3))
	r = mustPull(t, base, county, "--policy", "source-wins")
	if len(r.Conflicts) != 1 || r.Conflicts[0].Resolution != "source-wins" {
		t.Fatalf("source-wins: %+v", r)
	}
	if o := get(5); o.Version != "v3" {
		t.Fatalf("source-wins: zone 5 is %s", o.Version)
	}
	if o := get(6); o.Version != "county-1" {
		t.Fatalf("zone 6 (no conflict) lost the county's edit: %s", o.Version)
	}
	// Zone 6 still diverges: a later pull keeps verifying.
	put(t, gmina, zone(7, 2))
	if r := mustPull(t, base, county); len(r.Conflicts) != 0 {
		t.Fatalf("later pull: %+v", r)
	}
}

// TestSourceWinsLogsDeletes: a source-wins reset removes the county's version of a
// conflicting object; when the source's versions do not bring it back as current
// (the gmina ended the zone), the county's change log must still say so, with the
// bounds of the county's geometry, or its tiles and index would keep the zone.
func TestSourceWinsLogsDeletes(t *testing.T) {
	dir := t.TempDir()
	gmina, county := filepath.Join(dir, "gmina.gpkg"), filepath.Join(dir, "county.gpkg")
	makeGmina(t, gmina, 200)
	newCounty(t, county)
	base, _ := serve(t, "gmina", gmina)
	mustPull(t, base, county)

	// The county moves zone 5 far away; the gmina ends zone 5.
	local := zone(5, 1)
	local.Version, local.StartVersion = "county-1", t0.Add(90*time.Minute)
	local.Geometry = orb.MultiPolygon{{{{900000, 700000}, {900100, 700000}, {900100, 700100}, {900000, 700100}, {900000, 700000}}}}
	put(t, county, local)
	end := zone(5, 1)
	end.EndVersion, end.EndObject = t0.Add(2*time.Hour), t0.Add(2*time.Hour)
	put(t, gmina, end)

	st, err := gpkg.OpenReadOnly(county)
	if err != nil {
		t.Fatal(err)
	}
	rev0, _ := st.Revision(context.Background())
	st.Close()
	r := mustPull(t, base, county, "--policy", "source-wins")
	if len(r.Conflicts) != 1 || r.Conflicts[0].ID != local.ID {
		t.Fatalf("source-wins: %+v", r)
	}
	st, err = gpkg.OpenReadOnly(county)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Get(context.Background(), "mpzp", local.ID); err == nil {
		t.Fatal("zone 5 still current in the county")
	}
	found := false
	st.Changes(context.Background(), rev0, func(c store.Change) error {
		if c.Layer == "mpzp" && c.ID == local.ID && c.Op == store.OpDelete && c.Version == "county-1" {
			found = c.Bounds == local.Geometry.Bound()
		}
		return nil
	})
	if !found {
		t.Fatal("no delete of the county's version of zone 5 with its bounds in the county's change log")
	}
	if got, want := stateHash(t, county, planning), stateHash(t, gmina, nil); got != want {
		t.Fatalf("county %s != gmina %s", got, want)
	}
}

// TestProbeLimits: probes travel in a POST body; a GET takes only a few in its URL
// and says where the rest go.
func TestProbeLimits(t *testing.T) {
	dir := t.TempDir()
	gmina := filepath.Join(dir, "gmina.gpkg")
	makeGmina(t, gmina, 300)
	base, _ := serve(t, "gmina", gmina)
	do := func(method, u, ctype string, body io.Reader) (int, string) {
		req, _ := http.NewRequest(method, base+u, body)
		req.Header.Set("Authorization", "Bearer sync-key")
		if ctype != "" {
			req.Header.Set("Content-Type", ctype)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	var ids []string
	for i := 0; i < 150; i++ {
		ids = append(ids, "mpzp:"+zone(i, 1).ID)
	}
	if code, body := do("GET", "/sync/gmina/changes?since=1&probe="+strings.Join(ids[:101], ","), "", nil); code != 400 || !strings.Contains(body, "POST") {
		t.Fatalf("GET with 101 probes: %d %s", code, body)
	}
	if code, _ := do("GET", "/sync/gmina/changes?since=1&probe="+strings.Join(ids[:100], ","), "", nil); code != 200 {
		t.Fatalf("GET with 100 probes: %d", code)
	}
	js, _ := json.Marshal(map[string]any{"probes": ids})
	code, body := do("POST", "/sync/gmina/changes?since=1", "application/json", bytes.NewReader(js))
	if code != 200 {
		t.Fatalf("POST with 150 probes: %d %s", code, body)
	}
	zr, _ := zstd.NewReader(strings.NewReader(body))
	cs, err := datasync.Decode(zr)
	if err != nil || len(cs.Probes) != 150 {
		t.Fatalf("POST with 150 probes: %v, %d probes", err, len(cs.Probes))
	}
	for _, bad := range []string{`{"probes": ["mpzp"]}`, `{"probes": ["a:1,b:2"]}`, `{"probe": []}`, `[`} {
		if code, body := do("POST", "/sync/gmina/changes?since=1", "application/json", strings.NewReader(bad)); code != 400 {
			t.Fatalf("POST %s: %d %s", bad, code, body)
		}
	}
}
