package server

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"time"

	"github.com/sip-core/sip/store"
)

// Stores that go away. A dataset's store may be a database (PostGIS) that is
// unreachable when the server starts or stops answering while it serves. Then
// /readyz answers 503, every service route answers 503 in its protocol's error
// format (with Retry-After), and nothing panics or hangs: the server recovers by
// itself when the database returns.
//
//   - At start-up a dataset whose store cannot be reached is left out of the
//     state and named pending; the server retries opening every pending store
//     (with the whole configuration, as a reload) until they all open.
//   - While serving, the goroutine that follows a dataset's change log (follow)
//     marks the dataset down when the store reports store.ErrUnavailable and up
//     again on its next successful poll.

// openTimeout bounds opening one store (connecting, reading its schema).
const openTimeout = 30 * time.Second

// retryAfter is the Retry-After of answers given while a store is unreachable.
const retryAfter = 5 * time.Second

// unavailable is the 503 every service answers while a dataset of the state
// is pending or down (nil when all are up).
func (s *State) unavailable() *Error {
	name := ""
	if len(s.pending) > 0 {
		name = s.pending[0]
	} else {
		for _, d := range s.datasets {
			if d.down.Load() {
				name = d.Name
				break
			}
		}
	}
	if name == "" {
		return nil
	}
	return &Error{Status: http.StatusServiceUnavailable, Code: "StoreUnavailable",
		Detail: "the store of dataset " + name + " cannot be reached; retry later", RetryAfter: retryAfter}
}

// follow applies the dataset's change log to its index every interval, and
// tracks whether its store is reachable, until ctx ends.
func (h *Host) follow(ctx context.Context, d *Dataset, interval time.Duration) {
	if interval <= 0 {
		interval = time.Second
	}
	timeout := max(10*interval, 10*time.Second)
	t := time.NewTicker(interval)
	defer t.Stop()
	hints, listening := listen(ctx, d)
	defer listening.Wait() // the listener ends with ctx, before the store closes
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-hints:
		}
		cctx, cancel := context.WithTimeout(ctx, timeout)
		err := h.poll(cctx, d)
		cancel()
		switch {
		case ctx.Err() != nil:
			return
		case err == nil:
			if d.down.Swap(false) {
				h.logger.Info("dataset store reachable again", "dataset", d.Name, "revision", d.Index.Revision())
			}
		case errors.Is(err, store.ErrUnavailable), errors.Is(err, context.DeadlineExceeded):
			if !d.down.Swap(true) {
				h.logger.Error("dataset store unreachable; serving 503 until it returns", "dataset", d.Name, "err", err)
			}
		default:
			h.logger.Error("index update failed", "dataset", d.Name, "err", err)
		}
	}
}

// listen starts listening for the commits a dataset's store announces
// (store.Notifier: PostgreSQL's NOTIFY) until ctx ends; each makes follow poll
// at once, several close together once. Polling stays the signal: the
// channel of a store that announces nothing never delivers.
func listen(ctx context.Context, d *Dataset) (<-chan struct{}, *sync.WaitGroup) {
	hints := make(chan struct{}, 1)
	var wg sync.WaitGroup
	if n, ok := d.Store.(store.Notifier); ok {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n.Listen(ctx, func() {
				select {
				case hints <- struct{}{}:
				default:
				}
			})
		}()
	}
	return hints, &wg
}

// retryPending reopens the configuration until every store of it opens, then
// swaps it in like a reload. It stops when the server shuts down.
func (s *Server) retryPending() {
	delay := time.Second
	for {
		select {
		case <-s.done:
			return
		case <-time.After(delay):
		}
		delay = min(2*delay, 15*time.Second)
		cur := s.host.Current()
		if len(cur.pending) == 0 {
			return
		}
		if err := s.reload(cur.Config, "retry"); err == nil {
			s.host.logger.Info("every dataset store is reachable; serving")
			return
		}
	}
}
