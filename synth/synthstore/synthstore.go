// Package synthstore builds a dataset store from a synthetic county: the real
// store (a GeoPackage by default, or any DSN) most tests and benchmarks of the
// services start from. It runs the same path an operator does (sip gen county,
// then sip ingest).
package synthstore

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/sip-core/sip/ingest"
	"github.com/sip-core/sip/store"
	_ "github.com/sip-core/sip/store/gpkg" // the default store
	"github.com/sip-core/sip/synth"
)

// Options choose the county and how it is loaded.
type Options struct {
	Parcels int
	Seed    int64
	// Name is the dataset name (default "county"); the store is DIR/<Name>.gpkg
	// unless Store names another.
	Name string
	// Store is the DSN of the store to create (a PostGIS schema, say); its
	// backend must be registered (imported) by the caller.
	Store string
	// NoTopology skips the GEOS validity check of the ingest (faster; the
	// generator's output is valid by construction and tested so).
	NoTopology bool
}

// Build writes the county's GML into dir/gml, ingests it into a new store
// (DIR/<Name>.gpkg, or Options.Store) and closes it. It returns the store's DSN
// and the generator's counts.
func Build(ctx context.Context, dir string, o Options) (string, *synth.Stats, error) {
	if o.Name == "" {
		o.Name = "county"
	}
	stats, err := synth.County(synth.Options{Parcels: o.Parcels, Seed: o.Seed, Out: filepath.Join(dir, "gml")})
	if err != nil {
		return "", nil, fmt.Errorf("synthstore: generate: %w", err)
	}
	path := o.Store
	if path == "" {
		path = filepath.Join(dir, o.Name+".gpkg")
	}
	st, err := store.Create(ctx, path, o.Name, store.EGiBLayers)
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
