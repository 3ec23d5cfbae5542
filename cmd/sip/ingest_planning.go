package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/sip-core/sip/ingest"
	"github.com/sip-core/sip/planning"
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/gpkg"
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

// ingestPlanning loads planning files into the store at path, creating it with
// store.PlanningLayers when missing (and removing it again if the load fails).
func ingestPlanning(ctx context.Context, path, name string, files []string, reportPath string, strict bool) (*ingest.Report, error) {
	return ingestInto(path, name, store.PlanningLayers, reportPath, func(st store.Store) (*ingest.Report, error) {
		return planning.Ingest(ctx, st, files, planning.IngestOptions{Strict: strict})
	})
}

// ingestInto runs load on the store at path, creating it with layers when
// missing and removing it again when that first load fails, then writes the
// report (when reportPath is set) and prints its summary.
func ingestInto(path, name string, layers []store.Layer, reportPath string, load func(store.Store) (*ingest.Report, error)) (*ingest.Report, error) {
	var st store.Store
	created := false
	if _, err := os.Stat(path); err == nil {
		s, err := gpkg.Open(path)
		if err != nil {
			return nil, err
		}
		st = s
	} else if errors.Is(err, os.ErrNotExist) {
		if name == "" {
			name = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
		}
		s, err := gpkg.Create(path, name, layers)
		if err != nil {
			return nil, err
		}
		st, created = s, true
	} else {
		return nil, err
	}
	rep, runErr := load(st)
	if closeErr := st.Close(); runErr == nil {
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
	fmt.Fprintln(os.Stderr, rep.Summary())
	return rep, nil
}
