package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/ingest"
	"github.com/sip-core/sip/internal/atomicfile"
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/gpkg"
	"github.com/sip-core/sip/synth"
)

// cmdGen: sip gen county --parcels N --seed S --out DIR
func cmdGen(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "county" {
		return fmt.Errorf("usage: sip gen county --parcels N --seed S --out DIR")
	}
	fs := flag.NewFlagSet("gen county", flag.ContinueOnError)
	parcels := fs.Int("parcels", 1000, "number of parcels")
	seed := fs.Int64("seed", 1, "random seed (same seed, same files)")
	out := fs.String("out", "", "output directory")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if *out == "" || *parcels <= 0 {
		return fmt.Errorf("--out DIR and --parcels N > 0 are required")
	}
	st, err := synth.County(synth.Options{Parcels: *parcels, Seed: *seed, Out: *out})
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "wrote %d files to %s: %d jednostki, %d obręby, %d działki, %d budynki, %d użytki, %d kontury, %d punkty, %d archived versions, %d deleted objects\n",
		len(st.Files), *out, st.Jednostki, st.Obreby, st.Parcels, st.Buildings, st.Uzytki, st.Kontury, st.Points, st.ArchivedVersions, st.DeletedObjects)
	return nil
}

// cmdIngest: sip ingest --store county.gpkg [--report report.json] [--strict] FILE...
func cmdIngest(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	storePath := fs.String("store", "", "dataset GeoPackage (created when missing)")
	name := fs.String("name", "", "dataset name for a new store (default: the file's base name)")
	reportPath := fs.String("report", "", "write the ingest report (JSON) here")
	strict := fs.Bool("strict", false, "reject the whole ingest on any object error")
	maxText := fs.String("max-text", "64MB", "longest text value of EGiB GML (a posList), and most text in one object")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *storePath == "" || fs.NArg() == 0 {
		return fmt.Errorf("usage: sip ingest --store F.gpkg [--report R.json] [--strict] [--max-text 64MB] FILE...")
	}
	mt, err := config.ParseByteSize(*maxText)
	if err != nil || mt < 1 || mt > 1<<30 {
		return fmt.Errorf("--max-text %s: want a size from 1 byte to 1GB", *maxText)
	}
	_, err = ingestFiles(ctx, *storePath, *name, fs.Args(), *reportPath, *strict, int(mt))
	return err
}

// ingestFiles loads files into the store at path, creating it when missing. A
// new store is built under a temporary name beside path (atomicfile) and moved
// into place only when the ingest has committed, so a failed or killed first
// ingest never leaves a store at path; the next ingest removes what a killed one
// left.
func ingestFiles(ctx context.Context, path, name string, files []string, reportPath string, strict bool, maxText int) (*ingest.Report, error) {
	tuneGCForIngest()
	if plan, err := planningInputs(files); err != nil || plan {
		if err != nil {
			return nil, err
		}
		return ingestPlanning(ctx, path, name, files, reportPath, strict)
	}
	st, tmp, err := openOrCreate(path, name)
	if err != nil {
		return nil, err
	}
	var progress *os.File
	if fi, err := os.Stderr.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
		progress = os.Stderr
	}
	opts := ingest.Options{Strict: strict, MaxText: maxText}
	if progress != nil {
		opts.Progress = progress
	}
	rep, runErr := ingest.Run(ctx, st, files, opts)
	closeErr := st.Close()
	if runErr == nil {
		runErr = closeErr
	}
	if runErr = commitNew(tmp, path, runErr); runErr != nil && rep != nil {
		rep.Committed = false
	}
	if rep != nil && reportPath != "" {
		if err := writeJSON(reportPath, rep); err != nil && runErr == nil {
			runErr = err
		}
	}
	if runErr != nil {
		return rep, runErr
	}
	if rep != nil {
		fmt.Fprintln(os.Stderr, rep.Summary())
	}
	return rep, nil
}

// openOrCreate opens the store at path, or creates a new one under a temporary
// name beside it, returned as tmp (see commitNew).
func openOrCreate(path, name string) (st store.Store, tmp string, err error) {
	return openOrCreateLayers(path, name, store.EGiBLayers)
}

func openOrCreateLayers(path, name string, layers []store.Layer) (store.Store, string, error) {
	if _, err := os.Stat(path); err == nil {
		st, err := gpkg.Open(path)
		return st, "", err
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, "", err
	}
	if name == "" {
		name = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	}
	atomicfile.RemoveStale(path)
	tmp := atomicfile.Path(path)
	atomicfile.Remove(tmp)
	st, err := gpkg.Create(tmp, name, layers)
	if err != nil {
		atomicfile.Remove(tmp)
	}
	return st, tmp, err
}

// commitNew ends the ingest into a store made under the temporary name tmp
// (closed by now): it moves it to path when the ingest succeeded (runErr nil),
// removes it otherwise. With tmp empty (an existing store) it does nothing.
func commitNew(tmp, path string, runErr error) error {
	if tmp == "" {
		return runErr
	}
	if fi, err := os.Stat(tmp + "-wal"); runErr == nil && err == nil && fi.Size() > 0 {
		runErr = errors.New("the new store still has a write-ahead log after closing")
	}
	if runErr == nil {
		if runErr = atomicfile.Commit(tmp, path, false); runErr != nil {
			runErr = fmt.Errorf("%s: %w (the ingest ran into a new store, which was dropped)", path, runErr)
		}
	}
	atomicfile.Remove(tmp)
	return runErr
}

func writeJSON(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}

// tuneGCForIngest trades memory for speed during an ingest: the live heap of the
// streaming pipeline is small and bounded, so collecting at 5× it instead of 2×
// saves about a tenth of the CPU; a soft limit keeps peak RSS well under the
// 250 MB the ingest promises for real exports of any size (one object near
// --max-text takes more: about 450 MB for a 53 MB posList). GOGC or GOMEMLIMIT
// in the environment win.
func tuneGCForIngest() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(180 << 20)
	}
}
