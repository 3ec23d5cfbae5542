package standby

import (
	"context"
	"fmt"

	"github.com/sip-core/sip/store"
)

// The sync protocol (serving snapshots and change logs to pulls, applying
// pulls) runs on the primary: it reads the log and writes checkpoints in one
// place. A pull applied through BeginSync raises the floor like Begin.

func (s *Store) syncStore() (store.SyncStore, error) {
	ss, ok := s.primary.(store.SyncStore)
	if !ok {
		return nil, fmt.Errorf("standby: the store of %s cannot sync", s.primary.Name())
	}
	return ss, nil
}

// ReadSnapshot opens a consistent snapshot of the primary.
func (s *Store) ReadSnapshot(ctx context.Context) (store.Snapshot, error) {
	ss, err := s.syncStore()
	if err != nil {
		return nil, err
	}
	return ss.ReadSnapshot(ctx)
}

// SyncCheckpoint reads a source's checkpoint on the primary.
func (s *Store) SyncCheckpoint(ctx context.Context, source string) (store.SyncCheckpoint, bool, error) {
	ss, err := s.syncStore()
	if err != nil {
		return store.SyncCheckpoint{}, false, err
	}
	return ss.SyncCheckpoint(ctx, source)
}

// SyncDiverged reads a source's diverged objects on the primary.
func (s *Store) SyncDiverged(ctx context.Context, source string) ([]store.ObjKey, error) {
	ss, err := s.syncStore()
	if err != nil {
		return nil, err
	}
	return ss.SyncDiverged(ctx, source)
}

// SyncLayers reads a source's layers on the primary.
func (s *Store) SyncLayers(ctx context.Context, source string) ([]string, error) {
	ss, err := s.syncStore()
	if err != nil {
		return nil, err
	}
	return ss.SyncLayers(ctx, source)
}

// LocalEdits reads the primary's local edits.
func (s *Store) LocalEdits(ctx context.Context, since int64, layers []string) ([]store.ObjKey, error) {
	ss, err := s.syncStore()
	if err != nil {
		return nil, err
	}
	return ss.LocalEdits(ctx, since, layers)
}

// LockSync takes the primary's sync lock.
func (s *Store) LockSync(ctx context.Context) (func(), error) {
	ss, err := s.syncStore()
	if err != nil {
		return nil, err
	}
	return ss.LockSync(ctx)
}

// BeginSync starts applying a pull on the primary.
func (s *Store) BeginSync(ctx context.Context, source string) (store.SyncTx, error) {
	ss, err := s.syncStore()
	if err != nil {
		return nil, err
	}
	tx, err := ss.BeginSync(ctx, source)
	if err != nil {
		return nil, err
	}
	return &syncTx{SyncTx: tx, s: s}, nil
}

type syncTx struct {
	store.SyncTx
	s *Store
}

func (t *syncTx) Commit() error { return t.s.commit(t.SyncTx.Commit) }
