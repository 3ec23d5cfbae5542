package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/sip-core/sip/ingest"
	"github.com/sip-core/sip/roads"
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/gpkg"
)

// roadInputs tells whether files are road GeoJSON (roads.IsRoadFile); a mix of
// roads and other inputs is an error, since roads are a dataset of their own.
func roadInputs(files []string) (bool, error) {
	n := 0
	for _, f := range files {
		if roads.IsRoadFile(f) {
			n++
		}
	}
	switch n {
	case 0:
		return false, nil
	case len(files):
		return true, nil
	}
	return false, fmt.Errorf("cannot mix road files (GeoJSON lines with a kategoria) with other inputs in one ingest: roads are a dataset of their own")
}

// ingestRoads loads road files into the store at path, creating it with
// roads.Layers when missing (and removing it again if the load fails).
func ingestRoads(ctx context.Context, path, name string, files []string, reportPath string, strict bool) (*ingest.Report, error) {
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
		s, err := gpkg.Create(path, name, roads.Layers)
		if err != nil {
			return nil, err
		}
		st, created = s, true
	} else {
		return nil, err
	}
	rep, runErr := roads.Ingest(ctx, st, files, roads.Options{Strict: strict})
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
