package ingest_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"sort"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"github.com/sip-core/sip/ingest"
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/gpkg"
	"github.com/sip-core/sip/synth"
)

// countyFiles writes a small synthetic county (two files) into a temporary
// directory of the test.
func countyFiles(t testing.TB) []string {
	st, err := synth.County(synth.Options{Parcels: 1200, Seed: 7, Out: filepath.Join(t.TempDir(), "gml")})
	if err != nil {
		t.Fatal(err)
	}
	files := st.Files
	sort.Strings(files)
	return files
}

// tableDigests hashes every row of every table of a GeoPackage, in fid/rowid order,
// leaving out only the wall-clock columns (gpkg_contents.last_change and
// sip_changes.time).
func tableDigests(t *testing.T, path string) map[string]string {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	out := map[string]string{}
	for _, tbl := range append(tables, "rtree_dzialki_geom", "rtree_budynki_history_geom") {
		q := fmt.Sprintf(`SELECT * FROM "%s" ORDER BY rowid`, tbl)
		switch tbl {
		case "gpkg_contents":
			q = `SELECT table_name, min_x, min_y, max_x, max_y FROM gpkg_contents ORDER BY table_name`
		case "sip_changes":
			q = `SELECT rev, layer, lokalny_id, wersja_id, op, minx, miny, maxx, maxy, obj, geom FROM sip_changes ORDER BY rev`
		case "rtree_dzialki_geom", "rtree_budynki_history_geom":
			q = fmt.Sprintf(`SELECT * FROM "%s" ORDER BY id`, tbl)
		}
		r, err := db.Query(q)
		if err != nil {
			t.Fatalf("%s: %v", tbl, err)
		}
		cols, _ := r.Columns()
		h := sha256.New()
		n := 0
		for r.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := r.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(h, "%v\n", vals)
			n++
		}
		r.Close()
		out[tbl] = fmt.Sprintf("%d rows %x", n, h.Sum(nil))
	}
	return out
}

func ingestCounty(t *testing.T, files []string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "county.gpkg")
	st, err := gpkg.Create(p, "county", store.EGiBLayers)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := ingest.Run(context.Background(), st, files, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Total.Objects == 0 || rep.Total.Archived == 0 {
		t.Fatalf("report %+v", rep.Total)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestParallelParsingIsDeterministic: files parsed concurrently (or one at a time)
// produce the same rows, fids, version keys, R-trees and change log.
func TestParallelParsingIsDeterministic(t *testing.T) {
	files := countyFiles(t)
	if len(files) < 2 {
		t.Fatalf("want several files, got %d", len(files))
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	var want map[string]string
	for _, procs := range []int{1, 4} {
		runtime.GOMAXPROCS(procs)
		got := tableDigests(t, ingestCounty(t, files))
		if want == nil {
			want = got
			continue
		}
		for tbl, d := range want {
			if got[tbl] != d {
				t.Errorf("GOMAXPROCS=%d: table %s differs: %s, first run %s", procs, tbl, got[tbl], d)
			}
		}
	}
}

// TestRunCancelMidway: a run cancelled in the middle of a multi-file load rolls
// everything back and leaves no parser goroutine behind.
func TestRunCancelMidway(t *testing.T) {
	files := countyFiles(t)
	st, _ := newStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	before := runtime.NumGoroutine()
	rep, err := ingest.Run(ctx, &cancelAfter{Store: st, n: 500, cancel: cancel}, files, ingest.Options{})
	if !errors.Is(err, context.Canceled) || rep.Committed {
		t.Fatalf("cancelled run: %v", err)
	}
	if n, _ := st.Count(context.Background(), store.Query{Layer: "dzialki"}); n != 0 {
		t.Fatalf("%d parcels after a rolled-back run", n)
	}
	// The parsers have returned when Run does; their goroutines may need a moment
	// to release their slot and exit.
	for i := 0; i < 200 && runtime.NumGoroutine() > before; i++ {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines before the run, %d after", before, n)
	}
}

// cancelAfter cancels the run's context after n Puts.
type cancelAfter struct {
	*gpkg.Store
	n      int
	cancel func()
}

func (c *cancelAfter) Begin(ctx context.Context) (store.Tx, error) {
	tx, err := c.Store.Begin(ctx)
	return &cancelTx{Tx: tx, c: c}, err
}

type cancelTx struct {
	store.Tx
	c *cancelAfter
}

func (t *cancelTx) Put(ctx context.Context, o *store.Object) (store.PutResult, error) {
	if t.c.n--; t.c.n == 0 {
		t.c.cancel()
	}
	return t.Tx.Put(ctx, o)
}

// BenchmarkRun ingests the small synthetic county (two files) into a fresh store:
// go test -run '^$' -bench Run -benchtime 5x ./ingest
func BenchmarkRun(b *testing.B) {
	files := countyFiles(b)
	objs := 0
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		p := filepath.Join(b.TempDir(), "county.gpkg")
		st, err := gpkg.Create(p, "county", store.EGiBLayers)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		rep, err := ingest.Run(context.Background(), st, files, ingest.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if err := st.Close(); err != nil {
			b.Fatal(err)
		}
		objs += rep.Total.Objects
	}
	b.ReportMetric(float64(objs)/b.Elapsed().Seconds(), "objects/s")
}
