package synth

import (
	"path/filepath"
	"testing"

	"github.com/sip-core/sip/roads"
)

// The county comes with a road dataset in which every manager class occurs and
// which the road ingest reads without a problem.
func TestCountyRoads(t *testing.T) {
	dir := t.TempDir()
	st, err := County(Options{Parcels: 6000, Seed: 7, Out: dir})
	if err != nil {
		t.Fatal(err)
	}
	if st.RoadsFile != filepath.Join(dir, RoadsFile) {
		t.Fatalf("roads file %q", st.RoadsFile)
	}
	rs, err := roads.Read(st.RoadsFile)
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != st.Roads || len(rs) < 6 {
		t.Fatalf("%d roads read, %d written", len(rs), st.Roads)
	}
	cats := map[string]int{}
	for _, r := range rs {
		if len(r.Problems) > 0 {
			t.Errorf("road %s: %v", r.Object.ID, r.Problems)
		}
		cats[r.Object.Attrs["kategoria"].(string)]++
	}
	for _, c := range roads.Categories {
		if cats[c] == 0 {
			t.Errorf("no %s road", c)
		}
	}
}
