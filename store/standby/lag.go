package standby

import (
	"sync"
	"time"
)

// maxSamples bounds a Lag's record: at one poll a second, over an hour of
// revisions; a revision older than every sample is reported as lagging since
// the oldest (a lower bound).
const maxSamples = 4096

// Lag records when each newer revision of a primary was first seen, to tell
// how long a revision has been behind it. The times are this process's
// observations (at the poll interval's granularity), so no two clocks are
// compared. It is safe for concurrent use.
type Lag struct {
	mu      sync.Mutex
	samples []sample // increasing revisions
}

type sample struct {
	rev int64
	at  time.Time
}

// Saw records that the primary was at revision rev at time at.
func (l *Lag) Saw(rev int64, at time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if n := len(l.samples); n > 0 && rev <= l.samples[n-1].rev {
		return
	}
	if len(l.samples) == maxSamples {
		l.samples = append(l.samples[:0], l.samples[1:]...)
	}
	l.samples = append(l.samples, sample{rev, at})
}

// Primary is the newest revision seen (0 before the first).
func (l *Lag) Primary() int64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	if n := len(l.samples); n > 0 {
		return l.samples[n-1].rev
	}
	return 0
}

// Behind is how long revision rev has been behind the primary at now: the
// time since a newer revision was first seen, 0 when none was.
func (l *Lag) Behind(rev int64, now time.Time) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	// the first sample newer than rev (samples are sorted by revision)
	lo, hi := 0, len(l.samples)
	for lo < hi {
		mid := (lo + hi) / 2
		if l.samples[mid].rev > rev {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	if lo == len(l.samples) {
		return 0
	}
	return max(now.Sub(l.samples[lo].at), 0)
}
