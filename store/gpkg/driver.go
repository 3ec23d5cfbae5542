package gpkg

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/sip-core/sip/store"
)

// driver opens GeoPackage DSNs: a bare path or gpkg:PATH.
type driver struct{}

func init() { store.Register(store.SchemeGPKG, driver{}) }

func (driver) Open(ctx context.Context, dsn string, readOnly bool) (store.Store, error) {
	path := store.FilePath(dsn)
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("gpkg: open %s: %w", path, err)
	}
	if readOnly {
		return OpenReadOnly(path)
	}
	return Open(path)
}

func (driver) Create(ctx context.Context, dsn, name string, layers []store.Layer) (store.Store, error) {
	return Create(store.FilePath(dsn), name, layers)
}

func (driver) Exists(ctx context.Context, dsn string) (bool, error) {
	_, err := os.Stat(store.FilePath(dsn))
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, os.ErrNotExist):
		return false, nil
	}
	return false, err
}

// Remove deletes the file with its journal and lock files.
func (driver) Remove(ctx context.Context, dsn string) error {
	path := store.FilePath(dsn)
	var errs []error
	for _, suffix := range []string{"", "-wal", "-shm", "-journal", ".sync-lock"} {
		if err := os.Remove(path + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
