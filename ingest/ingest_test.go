package ingest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sip-core/sip/ingest"
	"github.com/sip-core/sip/ingest/egib"
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/gpkg"
)

const fakePESEL = "71032907788" // the invented PESEL in testdata/county_2021.gml

func newStore(t *testing.T) (*gpkg.Store, string) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "county.gpkg")
	st, err := gpkg.Create(p, "county", store.EGiBLayers)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st, p
}

func counts(t *testing.T, st store.Store) map[string]int64 {
	t.Helper()
	m := map[string]int64{}
	for _, l := range store.EGiBLayers {
		n, err := st.Count(context.Background(), store.Query{Layer: l.Name})
		if err != nil {
			t.Fatal(err)
		}
		m[l.Name] = n
	}
	return m
}

func TestRunGeoPackage(t *testing.T) {
	ctx := context.Background()
	st, path := newStore(t)
	files := []string{"testdata/county_2021.gml"}
	var progress bytes.Buffer // not a terminal: must stay silent
	rep, err := ingest.Run(ctx, st, files, ingest.Options{Progress: &progress})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Committed || rep.Total.Objects != 9 || rep.PersonalSkipped != 3 || rep.Errors != 0 {
		t.Fatalf("report %+v", rep)
	}
	if progress.Len() != 0 {
		t.Errorf("progress written to a non-terminal: %q", progress.String())
	}
	if l := rep.Layers["dzialki"]; l.Objects != 3 {
		t.Errorf("dzialki counts %+v", l)
	}
	if rep.Total.Inserted+rep.Total.Updated+rep.Total.Archived+rep.Total.Deleted != 9 || rep.Total.Unchanged != 0 {
		t.Errorf("first load totals %+v", rep.Total)
	}
	// Current objects per layer: the archived parcel version and the deleted contour
	// are history only.
	want := map[string]int64{"jednostki": 1, "obreby": 1, "dzialki": 2, "budynki": 1, "uzytki": 1, "kontury": 0, "punkty": 1}
	if got := counts(t, st); !equalCounts(got, want) {
		t.Errorf("current counts %v, want %v", got, want)
	}
	d, err := st.Get(ctx, "dzialki", "30000000-0000-4000-8000-000000000001")
	if err != nil {
		t.Fatal(err)
	}
	if d.Attrs["id_dzialki"] != "990101_1.0007.12/3" || d.Attrs["grupa_rejestrowa"] != "7.1" || d.Attrs["pole_ewidencyjne"] != 0.96 {
		t.Errorf("parcel attrs %v (grupa_rejestrowa resolved by the pre-scan)", d.Attrs)
	}
	h, err := st.History(ctx, "dzialki", "30000000-0000-4000-8000-000000000002")
	if err != nil || len(h) != 2 {
		t.Fatalf("history %v %v", h, err)
	}

	// Re-ingest: every version unchanged.
	rep2, err := ingest.Run(ctx, st, files, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep2.Total.Unchanged != 9 || rep2.Total.Objects != 9 {
		t.Errorf("re-ingest totals %+v, want 9 unchanged", rep2.Total)
	}
	rev, _ := st.Revision(ctx)

	// The report is JSON and names the files.
	b, err := json.Marshal(rep2)
	if err != nil || !strings.Contains(string(b), `"unchanged":9`) || !strings.Contains(string(b), "county_2021.gml") {
		t.Errorf("report JSON %s %v", b, err)
	}
	st.Close()

	// No personal data anywhere in the GeoPackage file (nor its WAL, if any).
	for _, p := range []string{path, path + "-wal", path + "-journal"} {
		raw, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		for _, bad := range []string{fakePESEL, "Fikcyjnowska", "Zdzis", "Nibylandia"} {
			if bytes.Contains(raw, []byte(bad)) {
				t.Errorf("%q found in %s", bad, filepath.Base(p))
			}
		}
	}
	st2, err := gpkg.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	if rev2, _ := st2.Revision(ctx); rev2 != rev {
		t.Errorf("revision %d after reopen, %d before", rev2, rev)
	}
}

func equalCounts(a, b map[string]int64) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestRunObjectErrorsLenientAndStrict(t *testing.T) {
	ctx := context.Background()
	st, _ := newStore(t)
	files := []string{"testdata/county_2021.gml", "testdata/broken/ring_not_closed.gml", "testdata/broken/self_intersection.gml"}

	// Strict: the first bad object rolls everything back.
	rep, err := ingest.Run(ctx, st, files, ingest.Options{Strict: true})
	if err == nil || rep.Committed {
		t.Fatalf("strict run succeeded: %+v", rep)
	}
	var e *egib.Error
	if !errors.As(err, &e) || e.File != "ring_not_closed.gml" || e.Line != 11 || !strings.Contains(err.Error(), "ring not closed") {
		t.Errorf("strict error %v", err)
	}
	if got := counts(t, st); !equalCounts(got, map[string]int64{"jednostki": 0, "obreby": 0, "dzialki": 0, "budynki": 0, "uzytki": 0, "kontury": 0, "punkty": 0}) {
		t.Errorf("store changed after a strict failure: %v", got)
	}
	if rev, _ := st.Revision(ctx); rev != 0 {
		t.Errorf("revision %d after rollback", rev)
	}

	// Lenient: problems reported, the rest loads.
	rep, err = ingest.Run(ctx, st, files, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Errors != 2 || rep.Total.Rejected != 2 || rep.Layers["dzialki"].Rejected != 2 || rep.Total.Objects != 11 {
		t.Errorf("lenient report errors=%d totals=%+v", rep.Errors, rep.Total)
	}
	var msgs []string
	for _, p := range rep.Problems {
		if p.Severity == "error" {
			msgs = append(msgs, p.File+":"+itoa(p.Line)+" "+p.GMLID+" "+p.Message)
		}
	}
	if len(msgs) != 2 || !strings.HasPrefix(msgs[0], "ring_not_closed.gml:11 PL.PZGiK.9901.EGiB_30000001") || !strings.HasPrefix(msgs[1], "self_intersection.gml:9 ") {
		t.Errorf("problems %q", msgs)
	}
	if rep.Files[1].Problems != 1 || rep.Files[1].Objects != 1 {
		t.Errorf("file report %+v", rep.Files[1])
	}
}

// TestRunListsProblemsUpToTheCap: with MaxProblems 1 the two bad objects are
// both counted and left out, one is listed, and the report says the list is cut.
func TestRunListsProblemsUpToTheCap(t *testing.T) {
	st, _ := newStore(t)
	files := []string{"testdata/county_2021.gml", "testdata/broken/ring_not_closed.gml", "testdata/broken/self_intersection.gml"}
	rep, err := ingest.Run(context.Background(), st, files, ingest.Options{MaxProblems: 1})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Errors != 2 || rep.Total.Rejected != 2 || len(rep.Problems) != 1 || !rep.ProblemsTruncated || rep.Problems[0].File != "ring_not_closed.gml" {
		t.Errorf("errors=%d rejected=%d truncated=%v problems %+v", rep.Errors, rep.Total.Rejected, rep.ProblemsTruncated, rep.Problems)
	}
	b, err := json.Marshal(rep)
	if err != nil || !strings.Contains(string(b), `"problems_truncated":true`) || strings.Contains(string(b), "maxProblems") {
		t.Errorf("report JSON %s (%v)", b, err)
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func TestRunFatalRollsBack(t *testing.T) {
	ctx := context.Background()
	st, _ := newStore(t)
	if _, err := ingest.Run(ctx, st, []string{"testdata/county_2021.gml"}, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	before := counts(t, st)
	rev, _ := st.Revision(ctx)
	// A valid file with changes, then a truncated one: nothing of either may land.
	rep, err := ingest.Run(ctx, st, []string{"testdata/broken/duplicate_id.gml", "testdata/broken/truncated.gml"}, ingest.Options{})
	if err == nil || rep.Committed || !egib.IsFatal(err) || !strings.Contains(err.Error(), "truncated.gml:29: malformed XML") {
		t.Fatalf("got %v", err)
	}
	if got := counts(t, st); !equalCounts(got, before) {
		t.Errorf("counts %v after rollback, want %v", got, before)
	}
	if rev2, _ := st.Revision(ctx); rev2 != rev {
		t.Errorf("revision moved %d -> %d", rev, rev2)
	}
	last := rep.Problems[len(rep.Problems)-1]
	if last.Severity != "fatal" || last.File != "truncated.gml" || last.Line != 29 {
		t.Errorf("fatal problem %+v", last)
	}
	// Missing file and cancelled context are fatal too.
	if _, err := ingest.Run(ctx, st, []string{"testdata/nope.gml"}, ingest.Options{}); err == nil {
		t.Error("missing file accepted")
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := ingest.Run(cctx, st, []string{"testdata/county_2021.gml"}, ingest.Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

// The real 2015 samples load into a GeoPackage (skipped without ../shared).
func TestRunReal2015(t *testing.T) {
	files, _ := filepath.Glob("../../shared/data/egib_2015/*.gml")
	if len(files) == 0 {
		t.Skip("../shared/data/egib_2015 not present: skipping real-data ingest")
	}
	st, _ := newStore(t)
	rep, err := ingest.Run(context.Background(), st, files, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Layers["dzialki"].Inserted != len(files) {
		t.Errorf("report %+v", rep.Layers["dzialki"])
	}
	rows := 0
	err = st.Query(context.Background(), store.Query{Layer: "dzialki", Where: map[string]any{"id_dzialki": "221101_1.0001.138/28"}}, func(r store.Row) error {
		rows++
		if r.Attrs["pole_ewidencyjne"] != 0.0255 || r.Attrs["numer_dzialki"] != "138/28" {
			t.Errorf("attrs %v", r.Attrs)
		}
		return nil
	})
	if err != nil || rows != 1 {
		t.Errorf("query: %d rows, %v", rows, err)
	}
}
