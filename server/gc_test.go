package server

import (
	"runtime"
	"runtime/metrics"
	"testing"
	"time"
)

func TestPercentFor(t *testing.T) {
	for _, tc := range []struct {
		live, headroom uint64
		want           int
	}{
		{50 << 20, 256 << 20, 512},  // a 20k-parcel county: collect every 256 MB, not 50
		{1 << 30, 256 << 20, 100},   // live heap above the headroom: Go's default
		{1 << 20, 256 << 20, 10000}, // capped
		{0, 256 << 20, 100},         // no collection yet
		{200 << 20, 256 << 20, 128},
	} {
		if got := percentFor(tc.live, tc.headroom); got != tc.want {
			t.Errorf("percentFor(%d MB, %d MB) = %d, want %d", tc.live>>20, tc.headroom>>20, got, tc.want)
		}
	}
}

// gogc is the collector's current GOGC, as the runtime reports it.
func gogc() uint64 {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// waitGOGC runs collections until the tuner (a cleanup after a collection) has
// set GOGC to what ok accepts.
func waitGOGC(t *testing.T, ok func(uint64) bool) uint64 {
	t.Helper()
	for range 100 {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
		if g := gogc(); ok(g) {
			return g
		}
	}
	t.Fatalf("GOGC stayed %d", gogc())
	return 0
}

// The tuner follows the live heap from collection to collection: a large GOGC
// while the live heap is small next to the headroom, Go's 100 once it is not,
// and 100 again when stopped.
func TestGCTuner(t *testing.T) {
	t.Setenv("GOGC", "") // the tuner stands aside when GOGC is set
	tuner := startGCTuner(32 << 20)
	if tuner == nil {
		t.Fatal("no tuner without GOGC")
	}
	defer tuner.stop()
	var live uint64
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	g := waitGOGC(t, func(g uint64) bool { return g > 100 })
	metrics.Read(s)
	live = s[0].Value.Uint64()
	if want := percentFor(live, 32<<20); int(g) < want*8/10 || int(g) > want*12/10 {
		t.Errorf("GOGC %d with %d MB live, want about %d", g, live>>20, want)
	}

	ballast := make([]byte, 64<<20) // live heap now above the headroom
	for i := range ballast {
		ballast[i] = byte(i)
	}
	waitGOGC(t, func(g uint64) bool { return g == 100 })
	runtime.KeepAlive(ballast)

	tuner.stop()
	if g := gogc(); g != 100 {
		t.Errorf("GOGC %d after stop", g)
	}
}

func TestGCTunerLeavesGOGCAlone(t *testing.T) {
	t.Setenv("GOGC", "200")
	if tuner := startGCTuner(256 << 20); tuner != nil {
		tuner.stop()
		t.Error("the tuner runs although GOGC is set in the environment")
	}
}
