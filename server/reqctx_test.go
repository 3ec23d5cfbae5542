package server

import (
	"context"
	"errors"
	"testing"
	"time"
)

func closed(ch <-chan struct{}) bool {
	select {
	case <-ch:
		return true
	case <-time.After(time.Second):
		return false
	}
}

// reqCtx behaves as context.WithTimeout over context.WithValue would.
func TestReqCtx(t *testing.T) {
	info := &reqInfo{}
	timed := func(parent context.Context) *reqCtx {
		c := &reqCtx{}
		c.init(parent, info)
		c.deadline = time.Now().Add(time.Minute)
		return c
	}

	t.Run("untimed is its parent plus the info", func(t *testing.T) {
		parent, cancel := context.WithCancel(context.Background())
		c := &reqCtx{}
		c.init(parent, info)
		if infoFrom(c) != info {
			t.Error("info not found under ctxKey")
		}
		if _, ok := c.Deadline(); ok || c.Done() != parent.Done() {
			t.Error("an untimed request context has a deadline or a Done of its own")
		}
		cancel()
		if !errors.Is(c.Err(), context.Canceled) {
			t.Errorf("Err after the parent ended: %v", c.Err())
		}
	})

	t.Run("deadline, Done asked before it passes", func(t *testing.T) {
		c := timed(context.Background())
		if d, ok := c.Deadline(); !ok || !d.Equal(c.deadline) {
			t.Errorf("Deadline %v %v", d, ok)
		}
		done := c.Done()
		child, stop := context.WithCancel(c) // derived contexts end with it
		defer stop()
		if c.Err() != nil {
			t.Fatal("ended before its deadline")
		}
		if !c.expire() {
			t.Fatal("expire did not end a live context")
		}
		if !closed(done) || !errors.Is(c.Err(), context.DeadlineExceeded) {
			t.Errorf("after the deadline: Err %v", c.Err())
		}
		if !closed(child.Done()) || !errors.Is(child.Err(), context.DeadlineExceeded) {
			t.Errorf("derived context after the deadline: %v", child.Err())
		}
		c.end()
		if !errors.Is(c.Err(), context.DeadlineExceeded) {
			t.Errorf("end changed the error to %v", c.Err())
		}
	})

	t.Run("Done asked after the deadline passed", func(t *testing.T) {
		c := timed(context.Background())
		c.expire()
		if !closed(c.Done()) {
			t.Error("Done of an expired context is open")
		}
	})

	t.Run("the client goes away first", func(t *testing.T) {
		parent, cancel := context.WithCancel(context.Background())
		c := timed(parent)
		done := c.Done()
		cancel()
		if !closed(done) || !errors.Is(c.Err(), context.Canceled) {
			t.Errorf("after the parent ended: Err %v", c.Err())
		}
		if c.expire() {
			t.Error("the watchdog would answer for a request whose client went away")
		}
	})

	t.Run("the parent ends with Done never asked", func(t *testing.T) {
		parent, cancel := context.WithCancel(context.Background())
		c := timed(parent)
		cancel()
		if !errors.Is(c.Err(), context.Canceled) || c.expire() {
			t.Errorf("Err %v", c.Err())
		}
	})

	t.Run("the handler returns", func(t *testing.T) {
		c := timed(context.Background())
		done := c.Done()
		c.end()
		if !closed(done) || !errors.Is(c.Err(), context.Canceled) || c.expire() {
			t.Errorf("after end: Err %v", c.Err())
		}
	})
}
