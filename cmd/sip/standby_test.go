package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/postgis/postgistest"
)

// standbyDelay is how long the test's standby waits before replaying a commit.
const standbyDelay = 4 * time.Second

// countyView is what one server shows of the county at one moment: the revision
// and parcel count of /api/datasets/county (the count is cached per
// revision) and the edited attribute of one parcel.
type countyView struct {
	rev   int64
	count int
	kw    string
}

// TestStandbyReplica: two `sip serve` on a primary and a real streaming
// standby that replays each commit 4 s late. The one with on_lag: unready
// keeps serving the standby's revision, whole (revision, cached count and
// feature agree), and answers /readyz 503 while it lags beyond max_lag, 200
// once caught up; the one with on_lag: primary reads the primary as soon as the
// standby lags beyond the bound. A request naming the revision it wrote
// (Sip-Min-Revision) reads it at once, and the revision served never goes back
// after it. With the standby stopped, reads go to the primary without an
// error.
func TestStandbyReplica(t *testing.T) {
	c := postgistest.Need(t)
	schema, dir := smallCounty(t, c, "standby", "5")
	sb, err := c.StartStandby(standbyDelay)
	if err != nil {
		t.Fatal(err)
	}
	defer sb.Close()

	ctx := context.Background()
	primary, err := store.Open(ctx, c.URL(schema))
	if err != nil {
		t.Fatal(err)
	}
	defer primary.Close()
	parcel := firstParcel(t, primary)

	serve := func(name, onLag string) string {
		cfg := fmt.Sprintf(`datasets:
  - name: county
    store: %q
    standbys: [%q]
    max_lag: 1s
    on_lag: %s
index:
  poll_interval: 200ms
metrics:
  public: true
`, c.URL(schema), sb.URL(schema), onLag)
		path := filepath.Join(dir, name+".yaml")
		if err := os.WriteFile(path, []byte(cfg), 0o600); err != nil {
			t.Fatal(err)
		}
		base, logs, _ := startServe(t, "--config", path)
		t.Cleanup(func() {
			if t.Failed() {
				t.Logf("%s log:\n%s", name, logs)
			}
		})
		return base
	}
	stay, move := serve("stay", "unready"), serve("move", "primary")

	v1 := lookCounty(t, stay, parcel, "")
	if v0 := lookCounty(t, move, parcel, ""); v0 != v1 || v1.count == 0 {
		t.Fatalf("before any write the servers show %+v and %+v", v1, v0)
	}
	want := map[int64]countyView{v1.rev: v1}
	if code, body := getReadyz(t, stay); code != 200 {
		t.Fatalf("/readyz before any write: %d %s", code, body)
	}

	// One write: a new version of a parcel and a new parcel, in one commit.
	v2 := editParcel(t, primary, parcel, "KW/STANDBY/1", true)
	v2.count = v1.count + 1
	want[v2.rev] = v2
	committed := time.Now()
	var stay503 string
	moved := false
	for time.Since(committed) < standbyDelay-500*time.Millisecond {
		if v := lookConsistent(t, stay, parcel, want); v != v1 {
			t.Fatalf("%s after the commit, the unready server shows %+v, not %+v: the standby cannot have replayed it yet", time.Since(committed), v, v1)
		}
		if v := lookConsistent(t, move, parcel, want); v.rev == v2.rev {
			moved = true
		}
		if code, body := getReadyz(t, stay); code == http.StatusServiceUnavailable && strings.Contains(body, "county") {
			stay503 = body
			if lag := lagMetric(t, stay); lag < 1 {
				t.Errorf("/readyz says %q but sip_dataset_lag_seconds is %g", body, lag)
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	if !moved {
		t.Error("the on_lag: primary server kept the standby's revision beyond max_lag")
	}
	if !strings.Contains(stay503, "behind") {
		t.Errorf("/readyz of the lagging server never answered 503 naming the lag (last: %q)", stay503)
	}
	// The standby replays the commit: the unready server serves it and is ready.
	waitUntil(t, 15*time.Second, "the unready server to catch up", func() bool {
		code, _ := getReadyz(t, stay)
		return lookConsistent(t, stay, parcel, want).rev == v2.rev && code == 200
	})

	// Read your writes: the header brings the server to the revision written,
	// before the standby has it, and what follows never goes back.
	v3 := editParcel(t, primary, parcel, "KW/STANDBY/2", false)
	v3.count = v2.count
	want[v3.rev] = v3
	got := lookCounty(t, stay, parcel, fmt.Sprintf("county=%d", v3.rev))
	if got != v3 {
		t.Fatalf("with %s: county=%d the server shows %+v, want %+v", "Sip-Min-Revision", v3.rev, got, v3)
	}
	for range 5 {
		if v := lookConsistent(t, stay, parcel, want); v.rev < v3.rev {
			t.Fatalf("after reading revision %d the server went back to %d", v3.rev, v.rev)
		}
	}
	if code, body := getMinRevision(t, stay+"/api/datasets/county", "county=x"); code != http.StatusBadRequest || !strings.Contains(body, "Sip-Min-Revision") {
		t.Errorf("a bad Sip-Min-Revision: %d %s", code, body)
	}

	// The standby stops: reads go to the primary, without an error.
	if err := sb.StopServer(); err != nil {
		t.Fatal(err)
	}
	v4 := editParcel(t, primary, parcel, "KW/STANDBY/3", false)
	v4.count = v3.count
	want[v4.rev] = v4
	waitUntil(t, 10*time.Second, "the server to read the primary", func() bool {
		return lookConsistent(t, stay, parcel, want).rev == v4.rev
	})
	if code, body := getReadyz(t, stay); code != 200 {
		t.Errorf("/readyz with the standby stopped and the primary serving: %d %s", code, body)
	}
}

// firstParcel is the id of a parcel of the dataset.
func firstParcel(t *testing.T, s store.Store) string {
	t.Helper()
	var id string
	err := s.Query(context.Background(), store.Query{Layer: "dzialki", Limit: 1}, func(r store.Row) error {
		id = r.ID
		return nil
	})
	if err != nil || id == "" {
		t.Fatalf("no parcel: %v", err)
	}
	return id
}

// editParcel commits a new version of the parcel with numer_kw set to kw (and,
// with another, a new parcel copied from it) on the primary, and returns the
// countyView it makes (count left to the caller).
func editParcel(t *testing.T, s store.Store, id, kw string, another bool) countyView {
	t.Helper()
	ctx := context.Background()
	o, err := s.Get(ctx, "dzialki", id)
	if err != nil {
		t.Fatal(err)
	}
	nv := *o
	nv.Attrs = map[string]any{}
	for k, v := range o.Attrs {
		nv.Attrs[k] = v
	}
	nv.Attrs["numer_kw"] = kw
	nv.StartVersion = time.Now().UTC().Truncate(time.Millisecond)
	nv.Version = nv.StartVersion.Format("2006-01-02T15:04:05.000")
	tx, err := s.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	objs := []*store.Object{&nv}
	if another {
		n := nv
		n.ID = id + "-copy"
		n.Attrs = map[string]any{"id_dzialki": "copy." + kw}
		objs = append(objs, &n)
	}
	for _, o := range objs {
		if _, err := tx.Put(ctx, o); err != nil {
			tx.Rollback()
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	rev, err := s.Revision(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return countyView{rev: rev, kw: kw}
}

// lookCounty reads the revision, the parcel count and the parcel's numer_kw from a
// server (header: a Sip-Min-Revision, or "").
func lookCounty(t *testing.T, base, id, header string) countyView {
	t.Helper()
	var v countyView
	code, body := getMinRevision(t, base+"/api/datasets/county", header)
	if code != 200 {
		t.Fatalf("GET /api/datasets/county: %d %s", code, body)
	}
	var ds struct {
		Revision int64 `json:"revision"`
		Layers   []struct {
			Name  string `json:"name"`
			Count int    `json:"count"`
		} `json:"layers"`
	}
	if err := json.Unmarshal([]byte(body), &ds); err != nil {
		t.Fatal(err)
	}
	v.rev = ds.Revision
	for _, l := range ds.Layers {
		if l.Name == "dzialki" {
			v.count = l.Count
		}
	}
	code, body = getMinRevision(t, base+"/api/datasets/county/layers/dzialki/features/"+id, header)
	if code != 200 {
		t.Fatalf("GET the parcel: %d %s", code, body)
	}
	var f struct {
		Properties map[string]any `json:"properties"`
	}
	if err := json.Unmarshal([]byte(body), &f); err != nil {
		t.Fatal(err)
	}
	v.kw, _ = f.Properties["numer_kw"].(string)
	return v
}

// lookConsistent reads a view and checks that no part of it is older than
// the revision it shows: the count (cached per revision) and the feature are
// those of that revision or of a later one. A revision key with older rows
// would stay in the caches until the next change; newer rows under an older
// key last until the next poll moves the key (and are what a server on the
// primary alone has always shown between polls).
func lookConsistent(t *testing.T, base, id string, want map[int64]countyView) countyView {
	t.Helper()
	v := lookCounty(t, base, id, "")
	if _, ok := want[v.rev]; !ok {
		t.Fatalf("%s shows revision %d, which no write made (known: %v)", base, v.rev, want)
	}
	countOK, kwOK := false, false
	for rev, w := range want {
		if rev >= v.rev {
			countOK = countOK || w.count == v.count
			kwOK = kwOK || w.kw == v.kw
		}
	}
	if !countOK || !kwOK {
		t.Fatalf("%s shows revision %d with %+v: rows older than the revision (known: %v)", base, v.rev, v, want)
	}
	return v
}

// lagMetric reads sip_dataset_lag_seconds of the county from /metrics.
func lagMetric(t *testing.T, base string) float64 {
	t.Helper()
	code, body := getMinRevision(t, base+"/metrics", "")
	if code != 200 {
		t.Fatalf("/metrics: %d %s", code, body)
	}
	for _, line := range strings.Split(body, "\n") {
		if v, ok := strings.CutPrefix(line, `sip_dataset_lag_seconds{dataset="county"} `); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				t.Fatalf("%q: %v", line, err)
			}
			return f
		}
	}
	t.Fatalf("no sip_dataset_lag_seconds of the county in /metrics")
	return 0
}

func getMinRevision(t *testing.T, u, minRevision string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, u, nil)
	if minRevision != "" {
		req.Header.Set("Sip-Min-Revision", minRevision)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func getReadyz(t *testing.T, base string) (int, string) { return getMinRevision(t, base+"/readyz", "") }

func waitUntil(t *testing.T, d time.Duration, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("waited %s for %s", d, what)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestServeHearsCommits: a server polling once an hour serves a commit on
// its PostGIS primary within seconds: the commit's NOTIFY makes it poll.
func TestServeHearsCommits(t *testing.T) {
	c := postgistest.Need(t)
	schema, dir := smallCounty(t, c, "notify", "6")
	path := filepath.Join(dir, "notify.yaml")
	cfg := fmt.Sprintf("datasets:\n  - name: county\n    store: %q\nindex:\n  poll_interval: 1h\n", c.URL(schema))
	if err := os.WriteFile(path, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	base, logs, _ := startServe(t, "--config", path)
	primary, err := store.Open(context.Background(), c.URL(schema))
	if err != nil {
		t.Fatal(err)
	}
	defer primary.Close()
	parcel := firstParcel(t, primary)
	v1 := lookCounty(t, base, parcel, "")
	v2 := editParcel(t, primary, parcel, "KW/NOTIFY/1", false)
	v2.count = v1.count
	deadline := time.Now().Add(10 * time.Second)
	for lookCounty(t, base, parcel, "") != v2 {
		if time.Now().After(deadline) {
			t.Fatalf("10 s after the commit the server shows %+v, want %+v\n%s", lookCounty(t, base, parcel, ""), v2, logs)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
