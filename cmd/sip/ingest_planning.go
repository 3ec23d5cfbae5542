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
// it with store.PlanningLayers when missing (a new store is made as ingestFiles
// makes one: nothing is left behind by a failed load).
func ingestPlanning(ctx context.Context, path, name string, files []string, reportPath string, strict bool) (*ingest.Report, error) {
	st, target, err := openOrCreate(ctx, path, name, store.PlanningLayers)
	if err != nil {
		return nil, err
	}
	rep, runErr := planning.Ingest(ctx, st, files, planning.IngestOptions{Strict: strict})
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
	fmt.Fprintln(os.Stderr, rep.Summary())
	return rep, nil
}
