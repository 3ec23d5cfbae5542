// Package ingest loads EGiB GML exports into a dataset store.
//
// Run reads every file with the streaming egib.Reader and writes each published
// object version through one store transaction:
//
//   - a fatal problem (malformed or truncated XML, unreadable file, store error,
//     cancelled context) rolls the whole transaction back: the store is exactly as
//     before and Run returns the error;
//   - an object-level problem (bad geometry, unknown CRS, duplicate version,
//     unparseable number or date, ...) is recorded in the Report and the object is
//     left out, the rest loads — unless Options.Strict, where the first one rolls
//     everything back as well.
//
// Files are parsed ahead on their own goroutines (several files at once, up to
// GOMAXPROCS), each feeding a short bounded queue, while this goroutine writes; the
// writes happen in file order, then object order, exactly as a sequential read
// would do them, so the result does not depend on scheduling.
//
// Personal data is never read into memory (see package egib); the Report only
// counts the skipped objects.
package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/sip-core/sip/ingest/egib"
	"github.com/sip-core/sip/store"
)

// Options control Run.
type Options struct {
	// Strict turns every object-level problem into a failure of the whole run.
	Strict bool
	// Progress, when it is a terminal, receives a live progress line (bytes,
	// objects, objects/s, ETA) redrawn at most 5 times a second. Nil or a non-TTY
	// writer: nothing is written.
	Progress io.Writer
	// NoTopology skips the GEOS validity check of surfaces (self-intersections);
	// the structural checks (closed rings, point counts) always run.
	NoTopology bool
	// Resolve overrides the srsName resolver (default egib.DefaultResolver). Files
	// are parsed concurrently: it must be safe to call from several goroutines.
	Resolve egib.Resolver
	// MaxProblems caps the problems listed in the Report (the counts stay exact).
	// 0 means 1000.
	MaxProblems int
	// MaxText bounds one text value of a file, and the text of one object, in
	// bytes (see egib.Reader.MaxText); 0 means 64 MiB.
	MaxText int
}

// Run loads files into st in one transaction. The Report is returned in every case
// (with Committed false on failure) so that a caller can write it out.
func Run(ctx context.Context, st store.Store, files []string, opts Options) (*Report, error) {
	rep := NewReport(opts.Strict, store.EGiBLayers, opts.MaxProblems)
	rep.SkippedClasses = map[string]int{}
	fail := rep.Fail

	var total int64
	for _, f := range files {
		fi, err := os.Stat(f)
		if err != nil {
			return fail(nil, err)
		}
		rep.Files = append(rep.Files, FileReport{File: f, Bytes: fi.Size()})
		total += fi.Size()
	}

	// Register units (for dzialki.grupa_rejestrowa) may follow the parcels that
	// reference them, or sit in another file: collect them first, reading only
	// the files that contain any.
	if err := ctx.Err(); err != nil {
		return fail(nil, err)
	}
	groups, local, err := scanAllGroups(files, opts.MaxText)
	if err != nil {
		return fail(nil, err)
	}

	// Property addresses the parser cannot resolve (written after the parcel, or
	// in another file) are looked up in a scan of the files, made on the first
	// such reference only: exports that write addresses first pay nothing.
	late := &lateAddresses{files: files, maxText: opts.MaxText}

	tx, err := st.Begin(ctx)
	if err != nil {
		return fail(nil, err)
	}
	prog := newProgress(opts.Progress, total)
	defer prog.finish()
	pctx, stop := context.WithCancel(ctx)
	streams := parseAhead(pctx, files, func(i int, rd *egib.Reader) {
		if opts.Resolve != nil {
			rd.Resolve = opts.Resolve
		}
		rd.Validate = !opts.NoTopology
		rd.MaxText = opts.MaxText
		for k, v := range groups {
			rd.RegisterGroups[k] = v
		}
		for k, v := range local[i] {
			rd.RegisterGroups[k] = v
		}
	})
	defer func() {
		stop()
		for _, s := range streams {
			s.wait()
		}
	}()
	var done int64
	for i, s := range streams {
		fr := &rep.Files[i]
		err := loadFile(ctx, tx, s, rep, fr, opts.Strict, late.forFile(i), func(off int64) {
			prog.update(done+off, rep.Total.Objects)
		})
		if err != nil {
			// Stop the parsers; the report counts what this file's parser had read.
			stop()
		}
		stats := s.wait()
		fr.Personal = stats.Personal
		rep.PersonalSkipped += stats.Personal
		for k, v := range stats.Skipped {
			rep.SkippedClasses[k] += v
		}
		if err != nil {
			return fail(tx, err)
		}
		done += fr.Bytes
		prog.update(done, rep.Total.Objects)
	}
	return rep.Commit(tx)
}

// errStrict wraps the object error that ended a strict run.
type errStrict struct{ err error }

func (e *errStrict) Error() string { return "strict mode: " + e.err.Error() }
func (e *errStrict) Unwrap() error { return e.err }

func loadFile(ctx context.Context, tx store.Tx, s *stream, rep *Report, fr *FileReport, strict bool, late fileAddresses, tick func(off int64)) error {
	for n := 0; ; n++ {
		if n%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		it, ok := s.next()
		if !ok {
			// The end of the file, or its parser stopped because ctx was cancelled.
			return ctx.Err()
		}
		if n%256 == 0 {
			tick(it.off)
		}
		ft, err := it.ft, it.err
		if err != nil {
			var e *egib.Error
			if !errors.As(err, &e) || e.Fatal {
				return err
			}
			fr.Problems++
			rep.Reject(layerOfClass(e.Class))
			rep.AddProblem(Problem{Severity: "error", File: e.File, Line: e.Line, Class: e.Class, GMLID: e.GMLID, ID: e.ID, Message: e.Msg})
			if strict {
				return &errStrict{err}
			}
			continue
		}
		for _, w := range ft.Warnings {
			rep.AddProblem(Problem{Severity: "warning", File: ft.File, Line: ft.Line, Class: ft.Class, GMLID: ft.GMLID, ID: ft.Object.ID, Message: w})
		}
		if len(ft.UnresolvedAddresses) > 0 {
			missing, err := late.resolve(ft)
			if err != nil {
				return err
			}
			for _, k := range missing {
				rep.AddProblem(Problem{Severity: "warning", File: ft.File, Line: ft.Line, Class: ft.Class, GMLID: ft.GMLID, ID: ft.Object.ID,
					Message: "property address " + k + " is in none of the files: adresy lacks it"})
			}
		}
		res, err := tx.Put(ctx, ft.Object)
		if err != nil {
			return &egib.Error{File: ft.File, Line: ft.Line, Class: ft.Class, GMLID: ft.GMLID, ID: ft.Object.ID, Msg: "store: " + err.Error(), Fatal: true, Err: err}
		}
		fr.Objects++
		rep.Count(ft.Object.Layer, res)
	}
}

func layerOfClass(class string) string {
	for _, l := range store.EGiBLayers {
		if l.Class == class {
			return l.Name
		}
	}
	return ""
}

// scanAllGroups collects the register groups of every file that has register
// units, scanning such files concurrently: groups by lokalnyId over all files,
// and local[i] by "#gml:id" for file i (a gml:id is only meaningful inside its
// file). Later files win, as in a sequential scan.
func scanAllGroups(files []string, maxText int) (groups map[string]string, local []map[string]string, err error) {
	found := make([]map[string]string, len(files))
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			has, err := fileContains(f, []byte("JednostkaRejestrowaGruntow"))
			if err == nil && has {
				var refs *egib.Refs
				if refs, err = scanRefs(f, maxText); err == nil {
					found[i] = refs.RegisterGroups
				}
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	groups, local = map[string]string{}, make([]map[string]string, len(files))
	for i, g := range found {
		if errs[i] != nil {
			return nil, nil, errs[i]
		}
		if g == nil {
			continue
		}
		local[i] = map[string]string{}
		for k, v := range g {
			if len(k) > 0 && k[0] == '#' {
				local[i][k] = v
			} else {
				groups[k] = v
			}
		}
	}
	return groups, local, nil
}

// lateAddresses resolves the property addresses the parsers met after the
// references to them: on the first such reference it scans every file that
// holds addresses (egib.ScanRefs, concurrently), once.
type lateAddresses struct {
	files   []string
	maxText int
	once    sync.Once
	global  map[string]string   // by lokalnyId, over all files (later files win)
	local   []map[string]string // per file: by "#gml:id", meaningful inside that file only
	err     error
}

// fileAddresses is lateAddresses seen from one file.
type fileAddresses struct {
	l *lateAddresses
	i int
}

func (l *lateAddresses) forFile(i int) fileAddresses { return fileAddresses{l, i} }

func (l *lateAddresses) scan() {
	found := make([]*egib.Refs, len(l.files))
	errs := make([]error, len(l.files))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, f := range l.files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			has, err := fileContains(f, []byte("AdresNieruchomosci"))
			if err == nil && has {
				found[i], err = scanRefs(f, l.maxText)
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	l.global, l.local = map[string]string{}, make([]map[string]string, len(l.files))
	for i, r := range found {
		if errs[i] != nil {
			l.err = errs[i]
			return
		}
		if r == nil {
			continue
		}
		for k, v := range r.Addresses {
			if len(k) > 0 && k[0] == '#' {
				if l.local[i] == nil {
					l.local[i] = map[string]string{}
				}
				l.local[i][k] = v
			} else {
				l.global[k] = v
			}
		}
	}
}

// resolve adds the addresses of ft's unresolved references to its adresy (in
// the order of the references, after those resolved while parsing) and returns
// the references found in no file.
func (fa fileAddresses) resolve(ft *egib.Feature) (missing []string, err error) {
	l := fa.l
	l.once.Do(l.scan)
	if l.err != nil {
		return nil, l.err
	}
	var texts []string
	if s, _ := ft.Object.Attrs["adresy"].(string); s != "" {
		texts = strings.Split(s, "; ")
	}
	for _, k := range ft.UnresolvedAddresses {
		text, ok := l.local[fa.i][k]
		if !ok {
			text, ok = l.global[k]
		}
		if !ok {
			missing = append(missing, k)
			continue
		}
		if !slices.Contains(texts, text) {
			texts = append(texts, text)
		}
	}
	if len(texts) > 0 {
		if ft.Object.Attrs == nil {
			ft.Object.Attrs = map[string]any{}
		}
		ft.Object.Attrs["adresy"] = strings.Join(texts, "; ")
	}
	return missing, nil
}

func scanRefs(path string, maxText int) (*egib.Refs, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rd := egib.NewReader(f, filepath.Base(path))
	rd.MaxText = maxText
	return rd.ScanRefs()
}

// fileContains reports whether the file holds needle, reading it in chunks. A
// file that does not start as XML does ('<' after white space or a byte order
// mark) is not searched: its parse fails on the first byte and says why.
func fileContains(path string, needle []byte) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<16)
	buf := make([]byte, 0, 1<<17)
	chunk := make([]byte, 1<<16)
	for first := true; ; first = false {
		n, err := br.Read(chunk)
		if first {
			head := bytes.TrimLeft(bytes.TrimPrefix(chunk[:n], []byte("\xEF\xBB\xBF")), " \t\r\n")
			if len(head) > 0 && head[0] != '<' {
				return false, nil
			}
		}
		buf = append(buf, chunk[:n]...)
		if bytes.Contains(buf, needle) {
			return true, nil
		}
		if keep := len(needle) - 1; len(buf) > keep {
			buf = append(buf[:0], buf[len(buf)-keep:]...)
		}
		if err == io.EOF {
			return false, nil
		}
		if err != nil {
			return false, err
		}
	}
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
