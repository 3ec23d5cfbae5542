package ingest

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"

	"github.com/sip-core/sip/ingest/egib"
)

// streamDepth is how many read results a file's parser may hold ahead of the
// writer: it bounds the memory of the pipeline (a few hundred objects per parser).
const streamDepth = 256

// item is one result of egib.Reader.Next, with the number of bytes of the file
// read by then (for progress).
type item struct {
	ft  *egib.Feature
	err error
	off int64
}

// stream is one file being parsed on its own goroutine. Its items come out in
// the order the Reader returned them; a fatal error is the last item.
type stream struct {
	items chan item
	done  chan struct{} // closed when the parser goroutine has returned
	stats egib.Stats    // valid once done is closed
}

// next returns the next item, ok false at the end of the file.
func (s *stream) next() (item, bool) {
	it, ok := <-s.items
	return it, ok
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
		streams[i] = &stream{items: make(chan item, streamDepth), done: make(chan struct{})}
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
	send := func(it item) bool {
		select {
		case s.items <- it:
			return true
		case <-ctx.Done():
			return false
		}
	}
	f, err := os.Open(path)
	if err != nil {
		send(item{err: err})
		return
	}
	defer f.Close()
	cr := &countingReader{r: f}
	rd := egib.NewReader(cr, filepath.Base(path))
	setup(i, rd)
	defer func() { s.stats = rd.Stats() }()
	for {
		ft, err := rd.Next()
		if err == io.EOF {
			return
		}
		if !send(item{ft: ft, err: err, off: cr.n}) || (err != nil && egib.IsFatal(err)) {
			return
		}
	}
}
