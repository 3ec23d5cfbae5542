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
	// Stream ingests each jednostka's file as soon as it is written and then
	// removes it (one transaction per file), so that no more than one file is
	// ever on disk: the way to make a county of millions of parcels.
	Stream bool
}

// Build writes the county's GML into dir/gml, ingests it into a new store
// (DIR/<Name>.gpkg, or Options.Store) and closes it. It returns the store's DSN
// and the generator's counts.
func Build(ctx context.Context, dir string, o Options) (string, *synth.Stats, error) {
	if o.Name == "" {
		o.Name = "county"
	}
	path := o.Store
	if path == "" {
		path = filepath.Join(dir, o.Name+".gpkg")
	}
	so := synth.Options{Parcels: o.Parcels, Seed: o.Seed, Out: filepath.Join(dir, "gml")}
	var st store.Store
	defer func() {
		if st != nil {
			st.Close()
		}
	}()
	load := func(files []string) error {
		if st == nil {
			var err error
			if st, err = store.Create(ctx, path, o.Name, store.EGiBLayers); err != nil {
				return fmt.Errorf("synthstore: %w", err)
			}
		}
		if _, err := ingest.Run(ctx, st, files, ingest.Options{NoTopology: o.NoTopology}); err != nil {
			return fmt.Errorf("synthstore: ingest: %w", err)
		}
		return nil
	}
	if o.Stream {
		so.Each = func(file string) error { return load([]string{file}) }
	}
	stats, err := synth.County(so)
	if err != nil {
		return "", nil, fmt.Errorf("synthstore: generate: %w", err)
	}
	if !o.Stream {
		if err := load(stats.Files); err != nil {
			return "", nil, err
		}
	}
	err = st.Close()
	st = nil
	if err != nil {
		return "", nil, fmt.Errorf("synthstore: %w", err)
	}
	return path, stats, nil
}
