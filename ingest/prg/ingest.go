package prg

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/sip-core/sip/ingest"
	"github.com/sip-core/sip/store"
)

// IngestOptions control Ingest.
type IngestOptions struct {
	// Strict turns a bad point into a failure of the whole ingest.
	Strict  bool
	MaxText int
	// Now is when points missing from a gmina's new register end (default
	// time.Now).
	Now func() time.Time
}

// Ingest loads address-point files into st in one transaction, with the
// contract of the other ingests: a broken file or a store error rolls
// everything back; a bad point is reported and left out (unless Strict).
//
// A file is a gmina's whole register: the current points of each gmina the
// files hold that none of them has any more end (a removed address leaves
// the register; its history stays). Memory holds one point at a time, the
// components of the file being read, and the ids of the points read (about
// 100 bytes a point), to know which ended.
func Ingest(ctx context.Context, st store.Store, files []string, opts IngestOptions) (*ingest.Report, error) {
	rep := ingest.NewReport(opts.Strict, Layers, 0)
	fail := rep.Fail
	if _, ok := store.LayerByName(st.Layers(), Layer); !ok {
		return fail(nil, fmt.Errorf("the store has no %s layer: address points go into an address-point dataset (created by the first such ingest)", Layer))
	}
	now := time.Now
	if opts.Now != nil {
		now = opts.Now
	}
	tx, err := st.Begin(ctx)
	if err != nil {
		return fail(nil, err)
	}
	seen := map[string]map[string]bool{} // gmina → ids in the files
	for _, path := range files {
		fi, err := os.Stat(path)
		if err != nil {
			return fail(tx, err)
		}
		rep.Files = append(rep.Files, ingest.FileReport{File: path, Bytes: fi.Size()})
		fr := &rep.Files[len(rep.Files)-1]
		err = ReadFile(path, Options{MaxText: opts.MaxText}, func(f *Feature) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			return put(ctx, tx, rep, fr, f, opts.Strict, seen)
		})
		if err != nil {
			return fail(tx, err)
		}
	}
	if err := endMissing(ctx, st, tx, rep, seen, now()); err != nil {
		return fail(tx, err)
	}
	return rep.Commit(tx)
}

func put(ctx context.Context, tx store.Tx, rep *ingest.Report, fr *ingest.FileReport, f *Feature, strict bool, seen map[string]map[string]bool) error {
	id := ""
	if f.Object != nil {
		id = f.Object.ID
	}
	for _, w := range f.Warnings {
		rep.AddProblem(ingest.Problem{Severity: "warning", File: f.File, Line: f.Line, Class: Class, GMLID: f.GMLID, ID: id, Message: w})
	}
	if f.Problem != "" {
		fr.Problems++
		rep.Reject(Layer)
		rep.AddProblem(ingest.Problem{Severity: "error", File: f.File, Line: f.Line, Class: Class, GMLID: f.GMLID, Message: f.Problem})
		if strict {
			return &Error{File: f.File, Line: f.Line, GMLID: f.GMLID, Msg: "strict mode: " + f.Problem}
		}
		return nil
	}
	g := f.Point.Gmina
	if seen[g] == nil {
		seen[g] = map[string]bool{}
	}
	seen[g][id] = true
	res, err := tx.Put(ctx, f.Object)
	if err != nil {
		return &Error{File: f.File, Line: f.Line, GMLID: f.GMLID, ID: id, Msg: "store: " + err.Error(), Fatal: true, Err: err}
	}
	fr.Objects++
	rep.Count(Layer, res)
	return nil
}

// endMissing ends the current points of the gminy read that the files no
// longer hold.
func endMissing(ctx context.Context, st store.Store, tx store.Tx, rep *ingest.Report, seen map[string]map[string]bool, now time.Time) error {
	for g, ids := range seen {
		var gone []*store.Object
		err := st.Query(ctx, store.Query{Layer: Layer, Where: map[string]any{"teryt_gminy": g}}, func(r store.Row) error {
			if !ids[r.ID] {
				gone = append(gone, r.Object)
			}
			return nil
		})
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return err
		}
		for _, o := range gone {
			o.EndVersion, o.EndObject = now, now
			if !now.After(o.StartVersion) {
				o.EndVersion = o.StartVersion.Add(time.Millisecond)
				o.EndObject = o.EndVersion
			}
			res, err := tx.Put(ctx, o)
			if err != nil {
				return fmt.Errorf("ending point %s of gmina %s: %w", o.ID, g, err)
			}
			rep.Count(Layer, res)
		}
	}
	return nil
}
