package server

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// GC headroom.
//
// Go's collector (GOGC=100) lets the heap grow by as much as was live after the
// last collection before it collects again. The live heap of this server is
// mostly its datasets' in-memory state (indexes, parcel models, caches: 50 MB
// for a 20 000-parcel county), and every collection marks all of it again. With
// a small live heap the server therefore collects often and pays for marking a
// model that never changes: on /healthz at 300 000 requests/min, one 10 ms
// collection every 16 000 requests, 0.6 µs of each request's 16 µs.
//
// gcHeadroom sets a floor under that growth: after each collection GOGC becomes
// max(100, headroom / live heap), so the heap may grow by at least headroom
// between collections. Small deployments collect several times less often for
// at most headroom more memory; large ones (live heap above headroom) keep Go's
// default. GOGC in the environment turns this off: the operator decides.

// gcTuner adjusts GOGC after every collection.
type gcTuner struct {
	mu       sync.Mutex
	headroom uint64
	percent  int // GOGC as last set
	stopped  bool
	sample   []metrics.Sample
}

// startGCTuner keeps at least headroom bytes of heap growth between
// collections until stop; nil when GOGC is set in the environment.
func startGCTuner(headroom uint64) *gcTuner {
	if os.Getenv("GOGC") != "" || headroom == 0 {
		return nil
	}
	t := &gcTuner{headroom: headroom, percent: 100, sample: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
	t.tune()
	t.arm()
	return t
}

// gcSentinel is garbage as soon as it is made: its cleanup runs after the next
// collection. (Large enough not to share a tiny-allocator block.)
type gcSentinel struct{ _ [64]byte }

func (t *gcTuner) arm() {
	runtime.AddCleanup(new(gcSentinel), func(t *gcTuner) {
		if t.tune() {
			t.arm()
		}
	}, t)
}

// percentFor is the GOGC that lets a heap of live bytes grow by headroom.
func percentFor(live, headroom uint64) int {
	if live == 0 {
		return 100
	}
	p := headroom * 100 / live
	return int(min(max(p, 100), 10000))
}

// tune sets GOGC for the live heap of the last collection; false once stopped.
func (t *gcTuner) tune() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped {
		return false
	}
	metrics.Read(t.sample)
	if t.sample[0].Value.Kind() != metrics.KindUint64 {
		return true
	}
	p := percentFor(t.sample[0].Value.Uint64(), t.headroom)
	// Within 10% of the current setting: leave it (each change recomputes the
	// collector's goal under the heap lock).
	if d := p - t.percent; d*10 > t.percent || -d*10 > t.percent {
		debug.SetGCPercent(p)
		t.percent = p
	}
	return true
}

// setHeadroom changes the floor (configuration reload); it applies from the
// next collection.
func (t *gcTuner) setHeadroom(headroom uint64) {
	if t == nil || headroom == 0 {
		return
	}
	t.mu.Lock()
	t.headroom = headroom
	t.mu.Unlock()
}

// stop ends the tuning and gives GOGC back its default.
func (t *gcTuner) stop() {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if !t.stopped {
		t.stopped = true
		debug.SetGCPercent(100)
	}
}
