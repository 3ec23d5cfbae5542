package ingest

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/sip-core/sip/ingest/egib"
)

// A file's parser hands its results over in batches of batchSize (one channel
// operation, and at most one goroutine wake-up, per batch rather than per
// object), holding at most streamDepth batches ahead of the writer: that bounds
// the memory of the pipeline to a few hundred objects per parser.
//
// A few very large objects (a posList can be up to the reader's MaxText) must
// not pile up either: the objects a parser holds ahead also stay within
// streamBytes (counted by the text read into them, egib.Feature.Size), except
// that one larger object may go alone.
const (
	batchSize   = 64
	streamDepth = 4
	streamBytes = 64 << 20
)

// item is one result of egib.Reader.Next, with the number of bytes of the file
// read by then (for progress) and the object's estimated size in memory.
type item struct {
	ft   *egib.Feature
	err  error
	off  int64
	size int64
}

// stream is one file being parsed on its own goroutine. Its items come out in
// the order the Reader returned them; a fatal error is the last item.
type stream struct {
	items chan []item
	batch []item        // being consumed by next
	done  chan struct{} // closed when the parser goroutine has returned
	stats egib.Stats    // valid once done is closed
	ahead budget        // bytes of the objects handed over and not yet consumed
}

// budget counts the bytes a parser holds ahead of the writer.
type budget struct {
	mu      sync.Mutex
	cond    sync.Cond
	used    int64
	stopped bool
}

// fits reports whether n more bytes fit now (anything fits when nothing is held).
func (b *budget) fits(n int64) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.used == 0 || b.used+n <= streamBytes
}

// take waits until n bytes fit and takes them; false once stop was called.
func (b *budget) take(n int64) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	for b.used > 0 && b.used+n > streamBytes && !b.stopped {
		b.cond.Wait()
	}
	b.used += n
	return !b.stopped
}

// give returns n bytes (the writer consumed an object).
func (b *budget) give(n int64) {
	b.mu.Lock()
	b.used -= n
	b.cond.Broadcast()
	b.mu.Unlock()
}

func (b *budget) stop() {
	b.mu.Lock()
	b.stopped = true
	b.cond.Broadcast()
	b.mu.Unlock()
}

// next returns the next item, ok false at the end of the file.
func (s *stream) next() (item, bool) {
	if len(s.batch) == 0 {
		b, ok := <-s.items
		if !ok {
			return item{}, false
		}
		s.batch = b
	}
	it := s.batch[0]
	s.batch[0] = item{}
	s.batch = s.batch[1:]
	s.ahead.give(it.size)
	return it, true
}

// wait waits for the parser to return and gives its Reader's stats.
func (s *stream) wait() egib.Stats {
	<-s.done
	return s.stats
}

// parseAhead starts parsing files, at most GOMAXPROCS at a time and in file order,
// each on its own goroutine; setup configures each Reader before it reads. The
// parsers stop early when ctx is cancelled. The caller drains the streams in
// order (or cancels ctx) and waits for every one.
func parseAhead(ctx context.Context, files []string, setup func(i int, rd *egib.Reader)) []*stream {
	streams := make([]*stream, len(files))
	for i := range streams {
		s := &stream{items: make(chan []item, streamDepth), done: make(chan struct{})}
		s.ahead.cond.L = &s.ahead.mu
		context.AfterFunc(ctx, s.ahead.stop)
		streams[i] = s
	}
	slots := make(chan struct{}, runtime.GOMAXPROCS(0))
	go func() {
		for i, path := range files {
			s := streams[i]
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				// Never started: finish the rest without reading.
				for _, s := range streams[i:] {
					close(s.items)
					close(s.done)
				}
				return
			}
			go func() {
				defer func() { <-slots }()
				s.parse(ctx, i, path, setup)
			}()
		}
	}()
	return streams
}

func (s *stream) parse(ctx context.Context, i int, path string, setup func(int, *egib.Reader)) {
	defer close(s.done)
	defer close(s.items)
	var batch []item
	flush := func() bool {
		if len(batch) == 0 {
			return true
		}
		select {
		case s.items <- batch:
			batch = make([]item, 0, batchSize)
			return true
		case <-ctx.Done():
			return false
		}
	}
	f, err := os.Open(path)
	if err != nil {
		batch = append(batch, item{err: err})
		flush()
		return
	}
	defer f.Close()
	cr := &countingReader{r: f}
	rd := egib.NewReader(cr, filepath.Base(path))
	setup(i, rd)
	defer func() { s.stats = rd.Stats() }()
	batch = make([]item, 0, batchSize)
	for {
		ft, err := rd.Next()
		if err == io.EOF {
			flush()
			return
		}
		it := item{ft: ft, err: err, off: cr.n}
		if ft != nil {
			it.size = int64(ft.Size)
			// Hand over what is held before waiting for the writer to consume it.
			if !s.ahead.fits(it.size) && !flush() || !s.ahead.take(it.size) {
				return
			}
		}
		batch = append(batch, it)
		if err != nil && egib.IsFatal(err) {
			flush()
			return
		}
		if len(batch) == batchSize && !flush() {
			return
		}
	}
}
