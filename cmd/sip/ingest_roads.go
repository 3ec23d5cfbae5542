package main

import (
	"context"
	"fmt"

	"github.com/sip-core/sip/ingest"
	"github.com/sip-core/sip/roads"
	"github.com/sip-core/sip/store"
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
	return ingestInto(ctx, path, name, roads.Layers, reportPath, func(st store.Store) (*ingest.Report, error) {
		return roads.Ingest(ctx, st, files, roads.Options{Strict: strict})
	})
}
