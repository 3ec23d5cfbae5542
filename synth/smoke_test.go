package synth

import (
	"os"
	"strconv"
	"testing"
	"time"
)

// TestManual generates a county of $SYNTH_N parcels into $SYNTH_OUT; it is a
// tool for looking at output and is skipped unless both are set.
func TestManual(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("SYNTH_N"))
	dir := os.Getenv("SYNTH_OUT")
	if n == 0 || dir == "" {
		t.Skip("set SYNTH_N and SYNTH_OUT")
	}
	start := time.Now()
	st, err := County(Options{Parcels: n, Seed: 7, Out: dir})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v in %v", *st, time.Since(start))
}
