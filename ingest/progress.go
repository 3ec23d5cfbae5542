package ingest

import (
	"fmt"
	"io"
	"os"
	"time"
)

// progress redraws one status line on a terminal, at most every 200 ms.
type progress struct {
	w      io.Writer // nil: quiet
	total  int64
	start  time.Time
	last   time.Time
	drawn  bool
	nowFn  func() time.Time
	minGap time.Duration

	lastBytes   int64
	lastObjects int
}

// isTerminal reports whether w is a character device (a TTY).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || f == nil {
		return false
	}
	fi, err := f.Stat()
	if err != nil {
		return false
	}
	return fi.Mode()&os.ModeCharDevice != 0
}

func newProgress(w io.Writer, total int64) *progress {
	p := &progress{total: total, nowFn: time.Now, minGap: 200 * time.Millisecond}
	if w != nil && isTerminal(w) {
		p.w = w
	}
	p.start = p.nowFn()
	return p
}

func (p *progress) update(bytesRead int64, objects int) {
	if p.w == nil {
		return
	}
	p.lastBytes, p.lastObjects = bytesRead, objects
	now := p.nowFn()
	if p.drawn && now.Sub(p.last) < p.minGap {
		return
	}
	p.last, p.drawn = now, true
	fmt.Fprint(p.w, "\r"+p.line(now, bytesRead, objects)+"\x1b[K")
}

func (p *progress) line(now time.Time, bytesRead int64, objects int) string {
	el := now.Sub(p.start).Seconds()
	rate := 0.0
	if el > 0 {
		rate = float64(objects) / el
	}
	pct := 100.0
	if p.total > 0 {
		pct = 100 * float64(bytesRead) / float64(p.total)
	}
	eta := "--"
	if bytesRead > 0 && el > 0 && p.total > bytesRead {
		left := time.Duration(float64(p.total-bytesRead) / (float64(bytesRead) / el) * float64(time.Second))
		eta = left.Round(time.Second).String()
	} else if p.total > 0 && bytesRead >= p.total {
		eta = "0s"
	}
	return fmt.Sprintf("ingest: %s / %s (%.1f%%)  %d objects  %.0f obj/s  ETA %s",
		mb(bytesRead), mb(p.total), pct, objects, rate, eta)
}

func mb(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) }

// finish draws the final state and ends the line.
func (p *progress) finish() {
	if p.w != nil && p.drawn {
		fmt.Fprint(p.w, "\r"+p.line(p.nowFn(), p.lastBytes, p.lastObjects)+"\x1b[K\n")
	}
}
