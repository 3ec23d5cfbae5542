package main

import (
	"context"
	"fmt"
	"os"

	"github.com/sip-core/sip/ingest"
	"github.com/sip-core/sip/planning"
	"github.com/sip-core/sip/store"
)

// planningInputs tells whether files are planning data (APP GML, Shapefile,
// GeoJSON, GeoPackage) rather than EGiB GML; a mix of both is an error, since the
// two go to different datasets (county cadastre, gmina planning).
func planningInputs(files []string) (bool, error) {
	n := 0
	for _, f := range files {
		if planning.IsPlanningFile(f) {
			n++
		}
	}
	switch n {
	case 0:
		return false, nil
	case len(files):
		return true, nil
	}
	return false, fmt.Errorf("cannot mix planning data (APP GML, .shp, .geojson, .gpkg) and EGiB GML in one ingest: they belong to different datasets")
}

// ingestPlanning loads planning files into the store at path (a DSN), creating
// it with store.PlanningLayers when missing.
func ingestPlanning(ctx context.Context, path, name string, files []string, reportPath string, strict bool) (*ingest.Report, error) {
	return ingestInto(ctx, path, name, store.PlanningLayers, reportPath, func(st store.Store) (*ingest.Report, error) {
		return planning.Ingest(ctx, st, files, planning.IngestOptions{Strict: strict})
	})
}

// ingestInto runs load on the store at path (a DSN), creating it with layers
// when missing (openOrCreate: a new store is put in place only when its first
// load commits, so a failed or killed one leaves nothing behind), then writes
// the report (when reportPath is set) and prints its summary.
func ingestInto(ctx context.Context, path, name string, layers []store.Layer, reportPath string, load func(store.Store) (*ingest.Report, error)) (*ingest.Report, error) {
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
