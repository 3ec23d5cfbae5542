package open311

import (
	"math"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/sip-core/sip/config"
)

// limiter is a token bucket per client for POSTed reports: a client over its
// rate is answered 429 at once, so a flood from one client never queues in
// front of the others. Idle clients are forgotten, and at most maxClients are
// tracked (past that the oldest buckets go), so memory stays bounded whatever
// clients send.
type limiter struct {
	mu      sync.Mutex
	buckets map[string]*bucket
	sweep   time.Time
}

type bucket struct {
	tokens float64
	last   time.Time
}

const maxClients = 100000

func newLimiter() *limiter { return &limiter{buckets: map[string]*bucket{}} }

// allow takes a token for client; when none is left it says how long to wait.
func (l *limiter) allow(rl config.RateLimit, client string, now time.Time) (time.Duration, bool) {
	if rl.Rate <= 0 {
		return 0, true
	}
	burst := float64(max(rl.Burst, 1))
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.sweep) > time.Minute || len(l.buckets) >= maxClients {
		for k, b := range l.buckets {
			if now.Sub(b.last).Seconds()*rl.Rate >= burst || len(l.buckets) >= maxClients {
				delete(l.buckets, k)
			}
		}
		l.sweep = now
	}
	b, ok := l.buckets[client]
	if !ok {
		b = &bucket{tokens: burst, last: now}
		l.buckets[client] = b
	}
	b.tokens = math.Min(burst, b.tokens+now.Sub(b.last).Seconds()*rl.Rate)
	b.last = now
	if b.tokens >= 1 {
		b.tokens--
		return 0, true
	}
	return time.Duration((1 - b.tokens) / rl.Rate * float64(time.Second)), false
}

// clientOf is the client's address: the last X-Forwarded-For hop behind a
// trusted proxy (limits.rate_limit.trust_proxy), else the peer's IP.
func clientOf(r *http.Request, trustProxy bool) string {
	if trustProxy {
		if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
			parts := strings.Split(xff, ",")
			return strings.TrimSpace(parts[len(parts)-1])
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
