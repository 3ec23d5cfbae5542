package outbox

import (
	"context"
	"testing"
	"time"
)

// A loop runs a pass at once and after each kick (the interval is an hour
// here), and stopping it cancels the pass under way and waits for it.
func TestLoopKickAndStop(t *testing.T) {
	passes := make(chan struct{}, 10)
	block := make(chan struct{})
	cancelled := make(chan bool, 1)
	n := 0
	l := StartLoop(time.Hour, func(ctx context.Context) {
		n++
		passes <- struct{}{}
		if n == 2 {
			close(block)
			<-ctx.Done()
			cancelled <- true
		}
	})
	wait := func(what string) {
		t.Helper()
		select {
		case <-passes:
		case <-time.After(10 * time.Second):
			t.Fatalf("no pass %s", what)
		}
	}
	wait("at start")
	l.Kick()
	wait("after a kick")
	<-block
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	l.Stop(ctx)
	if ctx.Err() != nil {
		t.Fatal("Stop did not return when the pass ended")
	}
	select {
	case <-cancelled:
	default:
		t.Fatal("the pass under way was not cancelled")
	}
	l.Stop(ctx) // again: no panic
	l.Kick()    // after stopping: never blocks
}
