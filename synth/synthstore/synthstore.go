// Package synthstore builds a dataset store from a synthetic county: the real
// GeoPackage most tests and benchmarks of the services start from. It runs the
// same path an operator does (sip gen county, then sip ingest).
package synthstore

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/sip-core/sip/ingest"
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/gpkg"
	"github.com/sip-core/sip/synth"
)

// Options choose the county and how it is loaded.
type Options struct {
	Parcels int
	Seed    int64
	// Name is the dataset name (default "county"); the store is DIR/<Name>.gpkg.
	Name string
	// NoTopology skips the GEOS validity check of the ingest (faster; the
	// generator's output is valid by construction and tested so).
	NoTopology bool
}

// Build writes the county's GML into dir/gml, ingests it into a new GeoPackage
// in dir and closes it. It returns the store's path and the generator's counts.
func Build(ctx context.Context, dir string, o Options) (string, *synth.Stats, error) {
	if o.Name == "" {
		o.Name = "county"
	}
	stats, err := synth.County(synth.Options{Parcels: o.Parcels, Seed: o.Seed, Out: filepath.Join(dir, "gml")})
	if err != nil {
		return "", nil, fmt.Errorf("synthstore: generate: %w", err)
	}
	path := filepath.Join(dir, o.Name+".gpkg")
	st, err := gpkg.Create(path, o.Name, store.EGiBLayers)
	if err != nil {
		return "", nil, fmt.Errorf("synthstore: %w", err)
	}
	if _, err := ingest.Run(ctx, st, stats.Files, ingest.Options{NoTopology: o.NoTopology}); err != nil {
		st.Close()
		return "", nil, fmt.Errorf("synthstore: ingest: %w", err)
	}
	if err := st.Close(); err != nil {
		return "", nil, fmt.Errorf("synthstore: %w", err)
	}
	return path, stats, nil
}
