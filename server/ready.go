package server

import (
	"context"
	"net/http"
	"slices"
	"sync"
	"time"
)

// Readiness checks. Besides the datasets' stores, /readyz asks every check a
// service added with AddReadiness: the state database it keeps orders in, the
// bucket its tile archives live in. A check answers quickly (it reports the
// state its service last saw, or asks with the context's deadline of a
// second) and returns nil when its dependency is usable, or the reason it is
// not; /readyz answers 503 with the first reason, naming the check, and 200
// again as soon as every check passes.

// readyTimeout bounds one readiness check.
const readyTimeout = time.Second

// ReadyCheck reports whether a dependency of a service is usable.
type ReadyCheck func(ctx context.Context) error

type readiness struct {
	mu     sync.Mutex
	next   int
	checks []namedCheck
}

type namedCheck struct {
	id   int
	name string
	fn   ReadyCheck
}

// Unready keeps /readyz at 503 with reason, naming name, until the server
// shuts down: for a service that could not start and will not try again by
// itself, so that a load balancer sends its clients to other replicas.
func (h *Host) Unready(name string, reason error) {
	remove := h.AddReadiness(name, func(context.Context) error { return reason })
	h.OnShutdown(func(context.Context) { remove() })
}

// AddReadiness adds a check /readyz runs; name says what it checks ("extracts
// state database", "tileset county"). It returns a function removing it.
func (h *Host) AddReadiness(name string, fn ReadyCheck) (remove func()) {
	rd := &h.readiness
	rd.mu.Lock()
	defer rd.mu.Unlock()
	rd.next++
	id := rd.next
	rd.checks = append(rd.checks, namedCheck{id: id, name: name, fn: fn})
	return func() {
		rd.mu.Lock()
		defer rd.mu.Unlock()
		rd.checks = slices.DeleteFunc(rd.checks, func(c namedCheck) bool { return c.id == id })
	}
}

// notReady runs the readiness checks; nil when all pass.
func (h *Host) notReady(ctx context.Context) *Error {
	h.readiness.mu.Lock()
	checks := append([]namedCheck(nil), h.readiness.checks...)
	h.readiness.mu.Unlock()
	for _, c := range checks {
		cctx, cancel := context.WithTimeout(ctx, readyTimeout)
		err := c.fn(cctx)
		cancel()
		if err != nil {
			return &Error{Status: http.StatusServiceUnavailable, Code: "NotReady", Detail: c.name + ": " + err.Error(), RetryAfter: retryAfter}
		}
	}
	return nil
}
