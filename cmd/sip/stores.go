package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/sip-core/sip/internal/atomicfile"

	"github.com/sip-core/sip/store"
	_ "github.com/sip-core/sip/store/gpkg"    // GeoPackage files: bare paths and gpkg:PATH
	_ "github.com/sip-core/sip/store/postgis" // PostGIS schemas: postgres:// URLs and libpq keywords
)

// storeDSN is the DSN of --store for a dataset called name: a PostGIS DSN
// without a schema takes the dataset's name. A PostGIS dataset needs a name
// from --name or ?schema=.
func storeDSN(dsn, name string) (string, error) {
	dsn = store.WithSchema(dsn, name)
	if store.SchemeOf(dsn) == store.SchemePostgres && store.DSNParam(dsn, "schema") == "" {
		return "", fmt.Errorf("--store %s: name the dataset with --name or the DSN's schema parameter", store.Redact(dsn))
	}
	return dsn, nil
}

// openOrCreate opens the store of --store, creating it with layers when it is
// missing. The dataset name of a new store is --name, else the DSN's schema or
// the file's base name. A new GeoPackage is created under a temporary name
// beside its path (internal/atomicfile); the returned target's finish moves it
// into place, or removes it, or removes a new PostGIS schema, once the load has
// ended.
func openOrCreate(ctx context.Context, dsn, name string, layers []store.Layer) (store.Store, *newTarget, error) {
	if name == "" {
		name = store.NameFromDSN(dsn)
	}
	dsn, err := storeDSN(dsn, name)
	if err != nil {
		return nil, nil, err
	}
	t := &newTarget{dsn: dsn}
	if !store.IsPath(dsn) {
		st, created, err := store.OpenOrCreate(ctx, dsn, name, layers)
		t.created = created
		return st, t, err
	}
	path := store.FilePath(dsn)
	if _, err := os.Stat(path); err == nil {
		st, err := store.Open(ctx, dsn)
		return st, t, err
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, nil, err
	}
	atomicfile.RemoveStale(path)
	t.path, t.tmp = path, atomicfile.Path(path)
	atomicfile.Remove(t.tmp)
	st, err := store.Create(ctx, store.WithFilePath(dsn, t.tmp), name, layers)
	if err != nil {
		atomicfile.Remove(t.tmp)
		return nil, nil, err
	}
	return st, t, nil
}

// newTarget is where an ingest wrote: an existing store, a new GeoPackage under
// a temporary name, or a new PostGIS schema.
type newTarget struct {
	dsn       string
	path, tmp string // a new GeoPackage: its path and the temporary name it is built under
	created   bool   // a new PostGIS schema
}

// finish ends a load into the target (the store is closed by now): a new
// GeoPackage moves to its path when the load succeeded (runErr nil) and is
// removed otherwise; a new PostGIS schema is removed when the load failed. It
// returns runErr, or why the new store could not be put in place.
func (t *newTarget) finish(runErr error) error {
	switch {
	case t.tmp != "":
		if runErr == nil {
			if runErr = atomicfile.Commit(t.tmp, t.path, false); runErr != nil {
				runErr = fmt.Errorf("%s: %w (the ingest ran into a new store, which was dropped)", t.path, runErr)
			}
		}
		atomicfile.Remove(t.tmp)
	case t.created && runErr != nil:
		store.Remove(context.Background(), t.dsn)
	}
	return runErr
}
