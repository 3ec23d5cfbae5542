package outbox

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"math"
	mrand "math/rand/v2"
	"os"
	"strings"
	"sync"
	"time"
)

// Backoff spaces the attempts of a message: Min after the first failure,
// doubling up to Max, each with ±20% jitter so that messages to a unit that
// was down do not all come back at once.
type Backoff struct {
	Min, Max time.Duration
}

// After is the wait after the n-th failed attempt (n ≥ 1).
func (b Backoff) After(n int) time.Duration {
	lo, hi := b.Min, b.Max
	if lo <= 0 {
		lo = 10 * time.Second
	}
	if hi < lo {
		hi = max(lo, time.Hour)
	}
	d := float64(lo) * math.Pow(2, float64(max(n, 1)-1))
	d = math.Min(d, float64(hi))
	d *= 0.8 + 0.4*mrand.Float64()
	return time.Duration(d)
}

// Worker delivers the due messages of a Store. Start it once; Stop waits for
// the attempts under way to finish and be recorded.
type Worker struct {
	Store   Store
	Senders map[Channel]Sender
	// Owner names this worker in leases (default host:pid:random).
	Owner string
	// Lease is how long a claimed message stays this worker's (default 2m); it
	// must exceed the senders' timeouts.
	Lease time.Duration
	// Parallel is the number of attempts at once (default 4), so that one slow
	// receiver does not hold up the others.
	Parallel int
	// Poll is how often the store is asked for due messages when idle
	// (default 2s); Kick asks at once.
	Poll    time.Duration
	Backoff Backoff
	Log     *slog.Logger
	// OnResult, when set, is called after each attempt (metrics).
	OnResult func(m *Message, err error)

	once     sync.Once
	wake     chan struct{}
	stop     chan struct{}
	done     chan struct{}
	inflight sync.WaitGroup
	cancel   context.CancelFunc
	ctx      context.Context
}

func (w *Worker) init() {
	w.once.Do(func() {
		w.wake = make(chan struct{}, 1)
		w.stop = make(chan struct{})
		w.done = make(chan struct{})
		w.ctx, w.cancel = context.WithCancel(context.Background())
		if w.Owner == "" {
			host, _ := os.Hostname()
			b := make([]byte, 4)
			rand.Read(b)
			w.Owner = fmt.Sprintf("%s:%d:%s", host, os.Getpid(), hex.EncodeToString(b))
		}
		if w.Lease <= 0 {
			w.Lease = 2 * time.Minute
		}
		if w.Parallel <= 0 {
			w.Parallel = 4
		}
		if w.Poll <= 0 {
			w.Poll = 2 * time.Second
		}
		if w.Log == nil {
			w.Log = slog.Default()
		}
	})
}

// Start runs the worker in the background.
func (w *Worker) Start() {
	w.init()
	go w.run()
}

// Kick makes the worker look for due messages now (after an Enqueue).
func (w *Worker) Kick() {
	w.init()
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

// Stop ends the worker: no new attempt starts, and the ones under way finish
// and are recorded. When ctx ends first, they are cancelled (and recorded as
// failed, to be sent again); Stop then returns ctx's error.
func (w *Worker) Stop(ctx context.Context) error {
	w.init()
	select {
	case <-w.stop:
	default:
		close(w.stop)
	}
	select {
	case <-w.done:
		return nil
	case <-ctx.Done():
		w.cancel()
		<-w.done
		return ctx.Err()
	}
}

func (w *Worker) run() {
	defer close(w.done)
	defer w.inflight.Wait()
	slots := make(chan struct{}, w.Parallel)
	timer := time.NewTimer(w.Poll)
	defer timer.Stop()
	for {
		select {
		case <-w.stop:
			return
		default:
		}
		free := w.Parallel - len(slots)
		var msgs []*Message
		if free > 0 {
			var err error
			msgs, err = w.Store.Claim(w.ctx, w.Owner, free, time.Now(), w.Lease)
			if err != nil && w.ctx.Err() == nil {
				w.Log.Error("outbox: claiming messages", "err", err)
			}
		}
		for _, m := range msgs {
			slots <- struct{}{}
			w.inflight.Add(1)
			go func() {
				defer func() { <-slots; w.inflight.Done(); w.Kick() }()
				w.attempt(m)
			}()
		}
		if len(msgs) > 0 && len(msgs) == free {
			continue // maybe more are due
		}
		timer.Reset(w.Poll)
		select {
		case <-w.stop:
			return
		case <-w.wake:
			timer.Stop() // Go ≥ 1.23: no stale tick is left to drain
		case <-timer.C:
		}
	}
}

// attempt sends one claimed message and records the outcome.
func (w *Worker) attempt(m *Message) {
	log := w.Log.With("outbox_id", m.ID, "channel", string(m.Channel), "attempt", m.Attempts+1)
	s, ok := w.Senders[m.Channel]
	var receipt string
	var err error
	if !ok {
		err = fmt.Errorf("no sender configured for channel %q", m.Channel)
	} else {
		receipt, err = s.Send(w.ctx, m)
	}
	now := time.Now()
	// Recording uses its own context: a stop must not lose the outcome.
	rctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err == nil {
		if rerr := w.Store.MarkSent(rctx, m.ID, w.Owner, receipt, now); rerr != nil {
			if errors.Is(rerr, ErrLeaseLost) {
				log.Warn("outbox: delivered after the lease ended; the receiver may get it twice (it carries the key)", "key_digest", Digest([]byte(m.Key))[:12])
			} else {
				log.Error("outbox: recording a delivery failed; it will be sent again", "err", rerr)
			}
		} else {
			log.Info("outbox: delivered", "receipt", receipt)
		}
	} else {
		next := now.Add(w.Backoff.After(m.Attempts + 1))
		if rerr := w.Store.MarkFailed(rctx, m.ID, w.Owner, err.Error(), now, next); rerr != nil && !errors.Is(rerr, ErrLeaseLost) {
			log.Error("outbox: recording a failed attempt failed", "err", rerr)
		}
		log.Warn("outbox: delivery failed; will retry", "err", scrub(err.Error(), m.To), "next", next.Round(time.Second))
	}
	if w.OnResult != nil {
		w.OnResult(m, err)
	}
}

// scrub keeps recipients (subscribers' addresses are personal data) out of log
// lines: a relay's refusal often quotes the address.
func scrub(text, to string) string {
	for _, a := range strings.Split(to, ",") {
		if a = strings.TrimSpace(a); a != "" {
			text = strings.ReplaceAll(text, a, "<recipient>")
			if _, addr, ok := strings.Cut(a, "<"); ok {
				text = strings.ReplaceAll(text, strings.TrimSuffix(addr, ">"), "<recipient>")
			}
		}
	}
	return text
}
