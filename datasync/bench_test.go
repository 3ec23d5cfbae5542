package datasync_test

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/sip-core/sip/store"
)

// TestBenchFixture builds the benchmark data for bench.sh when SIP_SYNC_BENCH_DIR
// is set: gmina.gpkg with N zones (SIP_SYNC_BENCH_N, default 300000) and, with
// SIP_SYNC_BENCH_MUTATE=1, 1% of them changed.
func TestBenchFixture(t *testing.T) {
	dir := os.Getenv("SIP_SYNC_BENCH_DIR")
	if dir == "" {
		t.Skip("SIP_SYNC_BENCH_DIR not set: bench.sh fixture only")
	}
	n := 300000
	if v, err := strconv.Atoi(os.Getenv("SIP_SYNC_BENCH_N")); err == nil {
		n = v
	}
	gmina := filepath.Join(dir, "gmina.gpkg")
	if os.Getenv("SIP_SYNC_BENCH_MUTATE") == "1" {
		mutate(t, gmina, n, 7, 2)
		return
	}
	makeGmina(t, gmina, n)
}

// BenchmarkStateHash measures reading the state hash of a 20k-zone dataset, as
// both sides of every pull do (the stored running sum, not a recomputation).
func BenchmarkStateHash(b *testing.B) {
	dir := b.TempDir()
	gmina := filepath.Join(dir, "gmina.gpkg")
	makeGmina(b, gmina, 20000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		stateHash(b, gmina, nil)
	}
	b.ReportMetric(20000, "objects")
	_ = store.PlanningLayers
}
