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

	"github.com/sip-core/sip/ingest"
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
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *storePath == "" || fs.NArg() == 0 {
		return fmt.Errorf("usage: sip ingest --store F.gpkg [--report R.json] [--strict] FILE...")
	}
	_, err := ingestFiles(ctx, *storePath, *name, fs.Args(), *reportPath, *strict)
	return err
}

// ingestFiles loads files into the store at path, creating it when missing. A
// store this call created is removed again when the ingest fails, so a failed
// ingest leaves the disk exactly as it was.
func ingestFiles(ctx context.Context, path, name string, files []string, reportPath string, strict bool) (*ingest.Report, error) {
	tuneGCForIngest()
	if rd, err := roadInputs(files); err != nil || rd {
		if err != nil {
			return nil, err
		}
		return ingestRoads(ctx, path, name, files, reportPath, strict)
	}
	if plan, err := planningInputs(files); err != nil || plan {
		if err != nil {
			return nil, err
		}
		return ingestPlanning(ctx, path, name, files, reportPath, strict)
	}
	st, created, err := openOrCreate(path, name)
	if err != nil {
		return nil, err
	}
	var progress *os.File
	if fi, err := os.Stderr.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
		progress = os.Stderr
	}
	opts := ingest.Options{Strict: strict}
	if progress != nil {
		opts.Progress = progress
	}
	rep, runErr := ingest.Run(ctx, st, files, opts)
	closeErr := st.Close()
	if runErr == nil {
		runErr = closeErr
	}
	if rep != nil && reportPath != "" {
		if err := writeJSON(reportPath, rep); err != nil && runErr == nil {
			runErr = err
		}
	}
	if runErr != nil {
		if created {
			removeStore(path)
		}
		return rep, runErr
	}
	if rep != nil {
		fmt.Fprintln(os.Stderr, rep.Summary())
	}
	return rep, nil
}

func openOrCreate(path, name string) (store.Store, bool, error) {
	if _, err := os.Stat(path); err == nil {
		st, err := gpkg.Open(path)
		return st, false, err
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, false, err
	}
	if name == "" {
		name = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	}
	st, err := gpkg.Create(path, name, store.EGiBLayers)
	return st, true, err
}

func removeStore(path string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(path + suffix)
	}
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
// 250 MB the ingest promises for any input size. GOGC or GOMEMLIMIT in the
// environment win.
func tuneGCForIngest() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(180 << 20)
	}
}
