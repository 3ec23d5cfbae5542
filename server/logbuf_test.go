package server

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sip-core/sip/config"
)

// lockedBuffer is a bytes.Buffer safe to read while the flusher writes.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
	n  int // writes
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.n++
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// Log lines reach the output in batches, within the flush period, and all of
// them by close.
func TestLoggerBatches(t *testing.T) {
	var out lockedBuffer
	logger, closeLog := NewLogger(config.Log{Level: "info"}, &out)
	for i := range 100 {
		logger.Info("request", "n", i)
	}
	deadline := time.Now().Add(2 * time.Second)
	for !strings.Contains(out.String(), "n=99") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if !strings.Contains(out.String(), "n=99") {
		t.Fatalf("lines not written within the flush period: %q", out.String())
	}
	out.mu.Lock()
	writes := out.n
	out.mu.Unlock()
	if writes >= 100 {
		t.Errorf("100 lines took %d writes", writes)
	}
	logger.Warn("last words")
	closeLog()
	if !strings.Contains(out.String(), "last words") {
		t.Error("a line logged before close was lost")
	}
}
