package features

import (
	"net/http"
	"strconv"
	"sync"

	"github.com/sip-core/sip/server"
)

// body collects a streamed response: one that ends within bodyOneShot bytes
// goes out in a single write with its Content-Length (a 100-feature page: one
// system call instead of a dozen chunks), a longer one streams in writes of
// about that size, so memory stays flat whatever the page size. Buffers are
// pooled.
type body struct {
	w       http.ResponseWriter
	buf     []byte
	flushed bool
	err     error
}

const bodyOneShot = 256 << 10

var bodyPool = sync.Pool{New: func() any { return make([]byte, 0, bodyOneShot+32<<10) }}

func newBody(w http.ResponseWriter) *body {
	return &body{w: w, buf: bodyPool.Get().([]byte)[:0]}
}

// more writes what was collected once it passes bodyOneShot; call it after
// each appended piece. It returns the first write error.
func (b *body) more() error {
	if len(b.buf) >= bodyOneShot && b.err == nil {
		b.flushed = true
		_, b.err = b.w.Write(b.buf)
		b.buf = b.buf[:0]
	}
	return b.err
}

// close writes the rest (with a Content-Length when nothing was written yet)
// and returns the buffer to the pool.
func (b *body) close() error {
	if b.err == nil {
		if !b.flushed {
			b.w.Header().Set("Content-Length", strconv.Itoa(len(b.buf)))
		}
		_, b.err = b.w.Write(b.buf)
	}
	if cap(b.buf) <= 1<<20 { // an outsized feature's buffer is not kept
		bodyPool.Put(b.buf[:0])
	}
	b.buf = nil
	return b.err
}

// discard returns the buffer unwritten (an error response follows instead).
func (b *body) discard() {
	if cap(b.buf) <= 1<<20 {
		bodyPool.Put(b.buf[:0])
	}
	b.buf = nil
}

// featureBytes is what a page costs per feature on the uncached path (the
// object read and decoded, its encoding, and their garbage): 7 KB a parcel
// measured on a county's WFS GetFeature with SORTBY, rounded up.
const featureBytes = 8 << 10

// admitPage reserves the memory of a page of n features with the server's
// admission control (server.Admit): a burst of large pages waits its turn or
// gets 503 with Retry-After instead of growing the heap without bound.
func admitPage(r *http.Request, n int) (release func(), e *server.Error) {
	return server.Admit(r, int64(n)*featureBytes+bodyOneShot)
}
