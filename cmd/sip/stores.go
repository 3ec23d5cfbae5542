package main

import (
	"context"
	"fmt"

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
// the file's base name.
func openOrCreate(ctx context.Context, dsn, name string, layers []store.Layer) (store.Store, string, bool, error) {
	if name == "" {
		name = store.NameFromDSN(dsn)
	}
	dsn, err := storeDSN(dsn, name)
	if err != nil {
		return nil, "", false, err
	}
	st, created, err := store.OpenOrCreate(ctx, dsn, name, layers)
	return st, dsn, created, err
}
