package ingest

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"
)

func TestProgressOnlyOnTerminal(t *testing.T) {
	var buf bytes.Buffer
	p := newProgress(&buf, 100)
	p.update(50, 10)
	p.finish()
	if buf.Len() != 0 {
		t.Errorf("wrote to a buffer: %q", buf.String())
	}
	f, err := os.CreateTemp(t.TempDir(), "p")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if isTerminal(f) || isTerminal(nil) {
		t.Error("a regular file or nil is not a terminal")
	}
}

func TestProgressLineAndRate(t *testing.T) {
	var buf bytes.Buffer
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	p := &progress{w: &buf, total: 100e6, minGap: 200 * time.Millisecond, nowFn: func() time.Time { return now }}
	p.start = now
	now = now.Add(10 * time.Second)
	p.update(25e6, 5000)
	first := buf.String()
	if !strings.HasPrefix(first, "\ringest: 25.0 MB / 100.0 MB (25.0%)  5000 objects  500 obj/s  ETA 30s") {
		t.Errorf("line %q", first)
	}
	now = now.Add(100 * time.Millisecond) // within 200 ms: no redraw
	p.update(26e6, 5100)
	if buf.String() != first {
		t.Errorf("redrawn within 200 ms")
	}
	now = now.Add(150 * time.Millisecond)
	p.update(27e6, 5200)
	if strings.Count(buf.String(), "\r") != 2 {
		t.Errorf("not redrawn after 250 ms: %q", buf.String())
	}
	p.finish()
	if !strings.HasSuffix(buf.String(), "\n") {
		t.Error("finish must end the line")
	}
}
