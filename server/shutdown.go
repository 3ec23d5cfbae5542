package server

import (
	"context"
	"sync"
)

// shutdownHooks are the functions services registered with OnShutdown.
type shutdownHooks struct {
	mu  sync.Mutex
	fns []func(context.Context)
}

// OnShutdown registers fn to run when the server shuts down, after the last
// request ended (or the shutdown deadline passed) and before the datasets are
// closed: background workers of a service (an outbox, a generator) stop there
// and record what they were doing. fn must return by ctx's deadline.
func (h *Host) OnShutdown(fn func(ctx context.Context)) {
	h.hooks.mu.Lock()
	defer h.hooks.mu.Unlock()
	h.hooks.fns = append(h.hooks.fns, fn)
}

func (h *Host) runShutdownHooks(ctx context.Context) {
	h.hooks.mu.Lock()
	fns := h.hooks.fns
	h.hooks.fns = nil
	h.hooks.mu.Unlock()
	for _, fn := range fns {
		fn(ctx)
	}
}
