package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"runtime"
	"runtime/debug"
	"strconv"
	"sync"
	"time"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/server/metrics"
)

// Admission control for work that allocates in proportion to the request.
//
// A map render holds its image several times over (canvas, coverage mask,
// rasteriser accumulators, the encoded image): a 4096×4096 GetMap needs about
// 200 MB, and the rate limiter counts request starts only. Without a bound, 64
// such requests at once from one client took a server past 10 GB. Such work
// asks Admit for the bytes it will hold; the work admitted at once holds
// at most limits.render_memory. What does not fit waits its turn in a FIFO
// queue of at most limits.render_queue requests, for at most
// limits.render_wait and never past its request's deadline; then, or when the
// queue is full, it gets 503 with Retry-After in its protocol's error format.
// One request larger than the whole budget runs alone.
//
// Large work (largeWork bytes and more: a map of about 2.7 megapixels or more)
// also keeps a core for everything else: at most limits.render_threads of it
// runs at once (default: one fewer than GOMAXPROCS, at least one). A large
// render keeps a core busy for seconds; once every core has one, the
// scheduler serves a waiting /healthz or tile request only when a render is
// preempted (every 10 ms or so): with two large renders on two cores the
// median /healthz took 12 ms during a burst, with one 1.5 ms (wms/burst.sh).
// Smaller work, a tile-sized map, is not
// counted and may pass large work that waits for a thread, but never work that
// waits for memory (which would starve it).
//
// Once a burst is over (the work admitted at once held at least a quarter of
// the budget, all of it has finished and nothing new came for a second), the
// freed memory is given back to the operating system (debug.FreeOSMemory).
// Go's background scavenger alone had returned none of it ten seconds after
// a burst (resident 557 MB, against 67 MB with it; wms/burst.sh).
type admission struct {
	mu      sync.Mutex
	budget  int64 // the budget of the last request's state
	threads int   // and its limits.render_threads
	used    int64
	large   int            // large works admitted
	queue   []*admitWaiter // FIFO
	peak    int64          // most held at once since memory was last given back
	idle    *time.Timer    // gives memory back after a burst
	gen     uint64         // bumped by every admission: the idle timer's check

	held     metrics.Gauge
	waiting  metrics.Gauge
	rejected *metrics.CounterVec
	trimmed  metrics.Counter
	// trim gives memory back to the OS (debug.FreeOSMemory; tests count calls).
	trim func()
}

// CodeServerBusy is the error code of a request refused for lack of render
// memory (503 with Retry-After).
const CodeServerBusy = "ServerBusy"

type admitWaiter struct {
	n       int64
	ready   chan struct{} // closed when admitted
	granted bool
}

// trimDelay is how long the server must have been idle after a burst before
// it gives the memory back.
const trimDelay = time.Second

func newAdmission(reg *metrics.Registry) *admission {
	a := &admission{trim: debug.FreeOSMemory}
	a.held = reg.Gauge("sip_render_memory_bytes", "Memory held by admitted renders and other expensive work (limits.render_memory).").With()
	a.waiting = reg.Gauge("sip_render_queue_length", "Requests waiting for render memory.").With()
	a.rejected = reg.Counter("sip_render_rejected_total", "Requests refused for lack of render memory (503), by service.", "service")
	a.trimmed = reg.Counter("sip_render_memory_returned_total", "Times memory was given back to the operating system after a burst.").With()
	return a
}

// Admit reserves bytes of memory for expensive work of the request (a map
// render: its image's buffers) from the admission control of the server
// serving it. It returns the function that gives them back, to be called once
// the work's memory is no longer used, or a 503 *Error with Retry-After (to
// write with WriteError, in the request's error format) when the work could
// not be admitted within limits.render_wait. Outside a request of the core
// (a handler served on its own) it admits everything.
func Admit(r *http.Request, bytes int64) (release func(), e *Error) {
	info := infoFrom(r.Context())
	if info == nil {
		return func() {}, nil
	}
	return info.host.admit.acquire(r.Context(), info.state.Config.Limits, bytes, info.family.name)
}

func (a *admission) acquire(ctx context.Context, l config.Limits, n int64, service string) (func(), *Error) {
	budget := int64(l.RenderMemory)
	if budget <= 0 {
		return func() {}, nil
	}
	n = min(max(n, 1), budget)
	a.mu.Lock()
	a.budget, a.threads = budget, renderThreads(l)
	if a.mayPass(n) && a.fits(n) {
		a.take(n)
		a.mu.Unlock()
		return a.releaser(n), nil
	}
	if len(a.queue) >= l.RenderQueue {
		a.mu.Unlock()
		return nil, a.refuse(l, service, "its queue is full")
	}
	w := &admitWaiter{n: n, ready: make(chan struct{})}
	a.queue = append(a.queue, w)
	a.waiting.Set(float64(len(a.queue)))
	a.mu.Unlock()

	wait := l.RenderWait.D()
	if dl, ok := ctx.Deadline(); ok {
		wait = min(wait, time.Until(dl))
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case <-w.ready:
		return a.releaser(n), nil
	case <-t.C:
	case <-ctx.Done():
	}
	a.mu.Lock()
	if w.granted { // admitted as the wait ended
		a.mu.Unlock()
		if err := ctx.Err(); err != nil {
			a.release(n)
			return nil, endedWhileWaiting(err)
		}
		return a.releaser(n), nil
	}
	for i, q := range a.queue {
		if q == w {
			a.queue = append(a.queue[:i], a.queue[i+1:]...)
			break
		}
	}
	a.waiting.Set(float64(len(a.queue)))
	a.grant() // the head may have been the one that did not fit
	a.mu.Unlock()
	if err := ctx.Err(); err != nil {
		return nil, endedWhileWaiting(err)
	}
	return nil, a.refuse(l, service, "its turn did not come within limits.render_wait")
}

// largeWork is the size from which work counts against limits.render_threads:
// a 1920×1080 map is below it, a 2048×1536 one above.
const largeWork = 32 << 20

func isLarge(n int64) bool { return n >= largeWork }

// renderThreads is limits.render_threads, or one fewer than the Go threads
// (at least one).
func renderThreads(l config.Limits) int {
	if l.RenderThreads > 0 {
		return l.RenderThreads
	}
	return max(1, runtime.GOMAXPROCS(0)-1)
}

// memFits reports whether n more bytes fit the budget; work larger than the
// budget runs when nothing else does.
func (a *admission) memFits(n int64) bool { return a.used+n <= a.budget || a.used == 0 }

// fits reports whether work of n bytes may start now.
func (a *admission) fits(n int64) bool {
	return a.memFits(n) && (!isLarge(n) || a.large < a.threads)
}

// mayPass reports whether new work may start before the waiting work: only
// when none of it waits for memory (what waits is large work waiting for a
// thread, and n is not large).
func (a *admission) mayPass(n int64) bool {
	if len(a.queue) == 0 {
		return true
	}
	if isLarge(n) {
		return false
	}
	for _, w := range a.queue {
		if !a.memFits(w.n) {
			return false
		}
	}
	return true
}

func (a *admission) take(n int64) {
	if isLarge(n) {
		a.large++
	}
	a.used += n
	a.peak = max(a.peak, a.used)
	a.gen++
	a.held.Set(float64(a.used))
}

// grant admits waiters in order while they fit: it stops at the first that
// waits for memory and passes large ones waiting for a thread.
func (a *admission) grant() {
	kept := a.queue[:0]
	blocked := false
	for _, w := range a.queue {
		if blocked || !a.fits(w.n) {
			blocked = blocked || !a.memFits(w.n)
			kept = append(kept, w)
			continue
		}
		w.granted = true
		a.take(w.n)
		close(w.ready)
	}
	clear(a.queue[len(kept):])
	a.queue = kept
	a.waiting.Set(float64(len(a.queue)))
}

func (a *admission) releaser(n int64) func() {
	var once sync.Once
	return func() { once.Do(func() { a.release(n) }) }
}

func (a *admission) release(n int64) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if isLarge(n) {
		a.large--
	}
	a.used -= n
	a.held.Set(float64(a.used))
	a.grant()
	if a.used == 0 && a.peak >= a.budget/4 {
		a.scheduleTrim()
	}
}

// scheduleTrim gives memory back once nothing was admitted for trimDelay.
func (a *admission) scheduleTrim() {
	gen := a.gen
	if a.idle != nil {
		a.idle.Stop()
	}
	a.idle = time.AfterFunc(trimDelay, func() {
		a.mu.Lock()
		if a.gen != gen || a.used != 0 {
			a.mu.Unlock()
			return // busy again: the release ending that work schedules anew
		}
		a.peak = 0
		a.mu.Unlock()
		a.trim()
		a.trimmed.Inc()
	})
}

func (a *admission) refuse(l config.Limits, service, why string) *Error {
	a.rejected.With(service).Inc()
	retry := max(l.RenderWait.D(), time.Second)
	return &Error{Status: http.StatusServiceUnavailable, Code: CodeServerBusy, RetryAfter: retry,
		Detail: fmt.Sprintf("the server is busy: other requests hold its render memory (limits.render_memory %s) and %s; retry after %s s",
			sizeText(l.RenderMemory), why, strconv.Itoa(int((retry+time.Second-1)/time.Second)))}
}

// endedWhileWaiting is the answer to a request whose context ended in the
// queue: its deadline (503 Timeout), or the client went away.
func endedWhileWaiting(err error) *Error {
	if errors.Is(err, context.DeadlineExceeded) {
		return timeoutError()
	}
	return &Error{Status: http.StatusServiceUnavailable, Code: CodeServerBusy, Detail: "the request ended while it waited for render memory"}
}

func sizeText(b config.ByteSize) string {
	switch {
	case b >= 1<<30 && b%(1<<30) == 0:
		return strconv.FormatInt(int64(b>>30), 10) + "GB"
	case b >= 1<<20 && b%(1<<20) == 0:
		return strconv.FormatInt(int64(b>>20), 10) + "MB"
	}
	return strconv.FormatInt(int64(b), 10) + " bytes"
}
