package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/sip-core/sip/ingest"
	"github.com/sip-core/sip/ingest/prg"
	"github.com/sip-core/sip/planning"
	"github.com/sip-core/sip/roads"
	"github.com/sip-core/sip/store"
)

// loader loads the files of one ingest into an open store.
type loader func(st store.Store) (*ingest.Report, error)

// ingestFiles loads files into the store at path (a DSN), creating it when
// missing. A new GeoPackage is built under a temporary name beside its path and
// moved into place only when the ingest has committed; a new PostGIS schema is
// removed again when the ingest fails. So a failed or killed first ingest never
// leaves a store behind (the next ingest removes what a killed one left).
//
// The files are all of one kind, which decides the dataset's layers: road
// GeoJSON (roads.Layers), address points (prg.Layers), planning data (store.PlanningLayers) or EGiB GML
// (store.EGiBLayers).
func ingestFiles(ctx context.Context, path, name string, files []string, reportPath string, strict bool, maxText int) (*ingest.Report, error) {
	tuneGCForIngest()
	layers, load, err := inputKind(ctx, files, strict, maxText)
	if err != nil {
		return nil, err
	}
	return ingestInto(ctx, path, name, layers, reportPath, load)
}

// inputKind tells which kind of input files are and returns the layers of its
// dataset and its loader; a mix of kinds is an error, since each kind goes to a
// dataset of its own (county cadastre, gmina planning, roads).
func inputKind(ctx context.Context, files []string, strict bool, maxText int) ([]store.Layer, loader, error) {
	if all, err := allOrNone(files, roads.IsRoadFile,
		"cannot mix road files (GeoJSON lines with a kategoria) with other inputs in one ingest: roads are a dataset of their own"); err != nil || all {
		return roads.Layers, func(st store.Store) (*ingest.Report, error) {
			return roads.Ingest(ctx, st, files, roads.Options{Strict: strict})
		}, err
	}
	if all, err := allOrNone(files, prg.IsRegisterFile,
		"cannot mix address points (PRG GML, CSV) with other inputs in one ingest: the address-point register is a dataset of its own"); err != nil || all {
		return prg.Layers, func(st store.Store) (*ingest.Report, error) {
			return prg.Ingest(ctx, st, files, prg.IngestOptions{Strict: strict, MaxText: maxText})
		}, err
	}
	if all, err := allOrNone(files, planning.IsPlanningFile,
		"cannot mix planning data (APP GML, .shp, .geojson, .gpkg) and EGiB GML in one ingest: they belong to different datasets"); err != nil || all {
		return store.PlanningLayers, func(st store.Store) (*ingest.Report, error) {
			return planning.Ingest(ctx, st, files, planning.IngestOptions{Strict: strict})
		}, err
	}
	opts := ingest.Options{Strict: strict, MaxText: maxText}
	if fi, err := os.Stderr.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
		opts.Progress = os.Stderr
	}
	return store.EGiBLayers, func(st store.Store) (*ingest.Report, error) {
		return ingest.Run(ctx, st, files, opts)
	}, nil
}

// allOrNone tells whether every file is of the kind is tells, or none is;
// anything between is the error mix.
func allOrNone(files []string, is func(file string) bool, mix string) (bool, error) {
	n := 0
	for _, f := range files {
		if is(f) {
			n++
		}
	}
	switch n {
	case 0:
		return false, nil
	case len(files):
		return true, nil
	}
	return false, errors.New(mix)
}

// ingestInto runs load on the store at path (a DSN), creating it with layers
// when missing (openOrCreate: a new store is put in place only when its first
// load commits, so a failed or killed one leaves nothing behind), then writes
// the report (when reportPath is set) and prints its summary.
func ingestInto(ctx context.Context, path, name string, layers []store.Layer, reportPath string, load loader) (*ingest.Report, error) {
	st, target, err := openOrCreate(ctx, path, name, layers)
	if err != nil {
		return nil, err
	}
	rep, runErr := load(st)
	if closeErr := st.Close(); runErr == nil {
		runErr = closeErr
	}
	if runErr = target.finish(runErr); runErr != nil && rep != nil {
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
