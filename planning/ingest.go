package planning

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/paulmach/orb/encoding/wkb"
	"github.com/sip-core/sip/ingest"
	"github.com/sip-core/sip/store"
	geos "github.com/twpayne/go-geos"
)

// IngestOptions control Ingest.
type IngestOptions struct {
	// Strict turns every object-level problem into a failure of the whole run.
	Strict bool
	// MaxProblems caps the problems listed in the Report (counts stay exact); 0 = 1000.
	MaxProblems int
}

// Ingest loads planning files into st in one transaction, with the same contract
// as the EGiB ingest (package ingest): a broken file or a store error rolls
// everything back and returns the error; an object with a problem (missing
// lokalnyId, unclosed or self-intersecting ring, unknown CRS, bad number) is
// reported and left out, unless Strict. The store must have the planning layers
// (store.PlanningLayers).
func Ingest(ctx context.Context, st store.Store, files []string, opts IngestOptions) (*ingest.Report, error) {
	rep := ingest.NewReport(opts.Strict, store.PlanningLayers, opts.MaxProblems)
	fail := rep.Fail
	if len(files) == 0 {
		return fail(nil, ErrNoInput)
	}
	have := map[string]bool{}
	for _, l := range st.Layers() {
		have[l.Name] = true
	}
	for _, l := range store.PlanningLayers {
		if !have[l.Name] {
			return fail(nil, fmt.Errorf("the store has no %s layer: planning data go into a gmina dataset created with the planning layers (plany, strefy, mpzp)", l.Name))
		}
	}
	for _, f := range files {
		p := f
		if j := indexGPKG(f); j >= 0 {
			p = f[:j]
		}
		fi, err := os.Stat(p)
		if err != nil {
			return fail(nil, err)
		}
		rep.Files = append(rep.Files, ingest.FileReport{File: f, Bytes: fi.Size()})
	}
	set, err := Load(files)
	if err != nil {
		return fail(nil, err)
	}
	set.AttachDocuments()
	fileIdx := map[string]int{}
	for i, f := range files {
		fileIdx[f] = i
	}
	gctx := geos.NewContext()
	tx, err := st.Begin(ctx)
	if err != nil {
		return fail(nil, err)
	}
	items := append(append([]*Item{}, set.Plans...), set.Zones...)
	for _, it := range items {
		if err := ctx.Err(); err != nil {
			return fail(tx, err)
		}
		fr := fileReport(rep, it.File)
		if fr != nil {
			fr.Objects++
		}
		msgs := problemsOf(it, gctx)
		if len(msgs) > 0 {
			rep.Reject(it.Layer)
			for _, m := range msgs {
				p := ingest.Problem{Severity: "error", File: it.File, Line: it.Line, Class: it.Class, GMLID: it.GMLID, ID: it.Object.ID, Message: m}
				if it.Line == 0 && it.Record > 0 {
					p.Message = fmt.Sprintf("feature %d: %s", it.Record, m)
				}
				if fr != nil {
					fr.Problems++
				}
				rep.AddProblem(p)
				if opts.Strict {
					return fail(tx, fmt.Errorf("strict mode: %s: %s %s: %s", it.Where(), it.Class, it.Object.ID, m))
				}
			}
			continue
		}
		res, err := tx.Put(ctx, it.Object)
		if err != nil {
			return fail(tx, fmt.Errorf("%s: %s %s: %w", it.Where(), it.Class, it.Object.ID, err))
		}
		rep.Count(it.Layer, res)
	}
	return rep.Commit(tx)
}

func indexGPKG(f string) int {
	for i := 0; i+6 <= len(f); i++ {
		if f[i:i+6] == ".gpkg:" {
			return i + 5
		}
	}
	return -1
}

func fileReport(rep *ingest.Report, file string) *ingest.FileReport {
	for i := range rep.Files {
		if rep.Files[i].File == file {
			return &rep.Files[i]
		}
	}
	return nil
}

// problemsOf lists what keeps an object out of the store: reading issues, a
// missing identity or start date, and invalid geometry (GEOS).
func problemsOf(it *Item, gctx *geos.Context) []string {
	var out []string
	for _, is := range it.Issues {
		out = append(out, is.Code+": "+is.Msg)
	}
	if len(out) > 0 {
		return out
	}
	o := it.Object
	if o.ID == "" || o.Version == "" {
		out = append(out, "object without lokalnyId/wersjaId")
	}
	if o.StartVersion.IsZero() {
		out = append(out, "object without a version start date (poczatekWersjiObiektu)")
	}
	if g := geomOf(it); g != nil {
		b, err := wkb.Marshal(g)
		if err == nil {
			var gg *geos.Geom
			gg, err = gctx.NewGeomFromWKB(b)
			if err == nil && !gg.IsValid() {
				err = errors.New(CodeSelfInter + ": invalid geometry: " + gg.IsValidReason())
			}
		}
		if err != nil {
			out = append(out, err.Error())
		}
	} else {
		out = append(out, "object without geometry")
	}
	return out
}
