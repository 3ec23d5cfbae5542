package server

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
)

// A service's readiness check turns /readyz to 503 naming it while it fails,
// and back to 200 when it passes; removing it stops it from counting.
func TestReadinessChecks(t *testing.T) {
	ts := start(t, baseConfig(t))
	var down atomic.Bool
	remove := ts.Host().AddReadiness("tileset county", func(ctx context.Context) error {
		if down.Load() {
			return errors.New("bucket unreachable")
		}
		return nil
	})
	resp, body := get(t, ts.URL+"/readyz")
	wantStatus(t, resp, body, 200, "text/plain")
	down.Store(true)
	resp, body = get(t, ts.URL+"/readyz")
	if resp.StatusCode != 503 || !strings.Contains(body, "tileset county: bucket unreachable") || resp.Header.Get("Retry-After") == "" {
		t.Fatalf("failing check: %d %q (Retry-After %q)", resp.StatusCode, body, resp.Header.Get("Retry-After"))
	}
	down.Store(false)
	resp, body = get(t, ts.URL+"/readyz")
	wantStatus(t, resp, body, 200, "text/plain")
	down.Store(true)
	remove()
	resp, body = get(t, ts.URL+"/readyz")
	wantStatus(t, resp, body, 200, "text/plain")
}
