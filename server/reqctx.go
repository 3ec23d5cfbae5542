package server

import (
	"context"
	"sync"
	"time"
)

// reqCtx is a request's context: the server's context for the request plus
// the request info under ctxKey and, on routes under limits.request_timeout,
// the deadline. It is what context.WithValue and context.WithTimeout would
// make, without their allocations: it lives in the per-request allocation, the
// deadline fires from the timeout watchdog's timer (one timer per request, not
// two), and a Done channel is made only when a handler asks for one.
type reqCtx struct {
	context.Context // the server's context for the request
	info            *reqInfo
	deadline        time.Time // zero: none (then Done and Err are the parent's)

	mu         sync.Mutex
	done       chan struct{} // made by the first Done
	err        error         // set once: DeadlineExceeded, or the parent's error
	stopParent func() bool   // ends the parent's AfterFunc that Done set up
}

func (c *reqCtx) init(parent context.Context, info *reqInfo) {
	c.Context, c.info = parent, info
}

func (c *reqCtx) Value(key any) any {
	if key == (ctxKey{}) {
		return c.info
	}
	return c.Context.Value(key)
}

func (c *reqCtx) Deadline() (time.Time, bool) {
	d, ok := c.Context.Deadline()
	if c.deadline.IsZero() || ok && d.Before(c.deadline) {
		return d, ok
	}
	return c.deadline, true
}

func (c *reqCtx) Done() <-chan struct{} {
	if c.deadline.IsZero() {
		return c.Context.Done()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.done == nil {
		c.done = make(chan struct{})
		if c.err != nil {
			close(c.done)
		} else {
			parent := c.Context
			c.stopParent = context.AfterFunc(parent, func() { c.cancel(parent.Err()) })
		}
	}
	return c.done
}

func (c *reqCtx) Err() error {
	if c.deadline.IsZero() {
		return c.Context.Err()
	}
	c.mu.Lock()
	err := c.err
	c.mu.Unlock()
	if err != nil {
		return err
	}
	if err := c.Context.Err(); err != nil {
		c.cancel(err)
		return err
	}
	return nil
}

// cancel ends the context with err unless it has ended already; it reports
// whether it was this call that ended it.
func (c *reqCtx) cancel(err error) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err != nil {
		return false
	}
	c.err = err
	if c.done != nil {
		close(c.done)
	}
	return true
}

// expire ends the context at its deadline (the watchdog's timer); false when the
// parent had ended first (the client went away, or the handler returned).
func (c *reqCtx) expire() bool {
	if err := c.Context.Err(); err != nil {
		c.cancel(err)
		return false
	}
	return c.cancel(context.DeadlineExceeded)
}

// end is called when the handler has returned: the context ends (Canceled, as
// a context.WithTimeout's cancel would) and lets go of the parent.
func (c *reqCtx) end() {
	c.cancel(context.Canceled)
	c.mu.Lock()
	stop := c.stopParent
	c.mu.Unlock()
	if stop != nil {
		stop()
	}
}
