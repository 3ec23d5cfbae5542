package outbox

import (
	"context"
	"sync"
	"time"
)

// Loop runs a service's background pass — the work that feeds the outbox
// (deliveries a crash left unrecorded, projections, purges) — every interval
// and whenever kicked, one pass at a time, until stopped.
type Loop struct {
	wake chan struct{}
	stop chan struct{}
	done chan struct{}
	once sync.Once
}

// StartLoop starts pass in the background: at once, then every interval and
// after each Kick. A pass's ctx ends when the loop is stopped.
func StartLoop(interval time.Duration, pass func(ctx context.Context)) *Loop {
	l := &Loop{wake: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{})}
	go l.run(interval, pass)
	return l
}

func (l *Loop) run(interval time.Duration, pass func(ctx context.Context)) {
	defer close(l.done)
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		ctx, cancel := context.WithCancel(context.Background())
		go func() {
			select {
			case <-l.stop:
				cancel()
			case <-ctx.Done():
			}
		}()
		pass(ctx)
		cancel()
		select {
		case <-l.stop:
			return
		case <-l.wake:
		case <-tick.C:
		}
	}
}

// Kick asks for a pass soon (something changed); it never blocks.
func (l *Loop) Kick() {
	select {
	case l.wake <- struct{}{}:
	default:
	}
}

// Stop ends the loop, cancelling a pass under way, and waits for it to end
// or for ctx. It may be called more than once.
func (l *Loop) Stop(ctx context.Context) {
	l.once.Do(func() { close(l.stop) })
	select {
	case <-l.done:
	case <-ctx.Done():
	}
}
