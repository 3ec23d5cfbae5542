package postgis

// Sync support: the store.SyncStore side of a PostGIS dataset (see
// store/sync.go for the contract). A read snapshot is one REPEATABLE READ, READ
// ONLY transaction; the apply transaction is a normal Tx plus the sync tables.
// The pull lock is a session advisory lock held on a connection of its own: the
// database drops it when the process (or its connection) dies.

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/paulmach/orb"

	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/internal/lifecycle"
	"github.com/sip-core/sip/store/internal/record"
)

// Snapshot is a consistent read view of a store.
type Snapshot struct {
	s  *Store
	tx pgx.Tx
	m  *meta
}

// ReadSnapshot opens a read view; Close it when done.
func (s *Store) ReadSnapshot(ctx context.Context) (store.Snapshot, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return nil, s.fail("snapshot", err)
	}
	sn := &Snapshot{s: s, tx: tx, m: s.meta.Load()}
	// The first read fixes the snapshot: do it now.
	if _, err := sn.Revision(ctx); err != nil {
		tx.Rollback(context.Background())
		return nil, err
	}
	return sn, nil
}

// Close ends the read view.
func (sn *Snapshot) Close() error { return sn.tx.Rollback(context.Background()) }

// Layers is the store's schema.
func (sn *Snapshot) Layers() []store.Layer { return append([]store.Layer(nil), sn.m.layers...) }

// Revision is the newest revision in the view.
func (sn *Snapshot) Revision(ctx context.Context) (int64, error) {
	rev, err := logRev(ctx, sn.tx, sn.s.q)
	return rev, sn.s.fail("snapshot", err)
}

// MinRevision is the oldest revision still in the log (0 for an empty log).
func (sn *Snapshot) MinRevision(ctx context.Context) (int64, error) {
	var rev int64
	err := sn.tx.QueryRow(ctx, `SELECT coalesce(min(rev), 0) FROM `+sn.s.q+`.`+changesTable).Scan(&rev)
	return rev, sn.s.fail("snapshot", err)
}

// Change returns the entry at rev (ok false when the log no longer holds it).
func (sn *Snapshot) Change(ctx context.Context, rev int64) (store.RawChange, bool, error) {
	var c store.RawChange
	ok := false
	err := sn.Changes(ctx, rev-1, rev, func(rc store.RawChange) error { c, ok = rc, true; return nil })
	return c, ok, err
}

// Changes streams the entries with since < rev <= upTo in order.
func (sn *Snapshot) Changes(ctx context.Context, since, upTo int64, fn func(store.RawChange) error) error {
	return sn.s.changes(ctx, sn.tx, since, upTo, fn)
}

func (sn *Snapshot) layer(name string) (*layerInfo, error) {
	li, ok := sn.m.byName[name]
	if !ok {
		return nil, fmt.Errorf("postgis: layer %q: %w", name, store.ErrNotFound)
	}
	return li, nil
}

func (sn *Snapshot) orAll(layers []string) []string {
	if layers == nil {
		for _, l := range sn.m.layers {
			layers = append(layers, l.Name)
		}
	}
	return layers
}

// StateHash hashes the given layers (all of the store's when nil), from the
// running sums where they are valid at the view's revision.
func (sn *Snapshot) StateHash(ctx context.Context, layers []string) (store.StateHash, error) {
	layers = sn.orAll(layers)
	rev, err := sn.Revision(ctx)
	if err != nil {
		return store.StateHash{}, err
	}
	stored, err := storedSums(ctx, sn.tx, sn.s.q, rev)
	if err != nil {
		return store.StateHash{}, sn.s.fail("state hash", err)
	}
	return sn.sums(ctx, layers, stored)
}

// RecomputeStateHash is StateHash computed from every row: for verification.
func (sn *Snapshot) RecomputeStateHash(ctx context.Context, layers []string) (store.StateHash, error) {
	return sn.sums(ctx, sn.orAll(layers), nil)
}

func (sn *Snapshot) sums(ctx context.Context, layers []string, stored map[string]store.StateHash) (store.StateHash, error) {
	for _, l := range layers {
		if _, err := sn.layer(l); err != nil {
			return store.StateHash{}, err
		}
	}
	h, err := lifecycle.SumsAt(layers, stored, func(l string) (store.StateHash, error) {
		return digestRows(ctx, sn.tx, sn.m.byName[l], "")
	})
	return h, sn.s.fail("state hash", err)
}

// ObjectDigest is the state-hash contribution of one object (zero if absent).
func (sn *Snapshot) ObjectDigest(ctx context.Context, k store.ObjKey) (store.StateHash, error) {
	li, err := sn.layer(k.Layer)
	if err != nil {
		return store.StateHash{}, nil
	}
	h, err := digestRows(ctx, sn.tx, li, ` WHERE lokalny_id = $1`, k.ID)
	return h, sn.s.fail("state hash", err)
}

// Versions streams the stored versions of one layer (every object when id is
// ""), in the change-log encoding, ordered per object by start of version.
func (sn *Snapshot) Versions(ctx context.Context, layer, id string, fn func(store.RawChange) error) error {
	li, err := sn.layer(layer)
	if err != nil {
		return nil // unknown layer: no versions
	}
	where, args := "", []any(nil)
	if id != "" {
		where, args = " WHERE lokalny_id = $1", []any{id}
	}
	var ferr error
	err = eachVersion(ctx, sn.tx, li, where, args, func(o *store.Object) error {
		c, err := record.VersionChange(li.rec, o)
		if err == nil {
			err = fn(c)
		}
		ferr = err
		return err
	})
	if err != nil && err == ferr {
		return err
	}
	return sn.s.fail("versions of "+layer, err)
}

// SyncCheckpoint reads the checkpoint of a source (ok false before the first pull).
func (s *Store) SyncCheckpoint(ctx context.Context, source string) (store.SyncCheckpoint, bool, error) {
	cp, ok, err := readCheckpoint(ctx, s.pool, s.q, source)
	return cp, ok, s.fail("sync checkpoint", err)
}

func readCheckpoint(ctx context.Context, q querier, schema, source string) (store.SyncCheckpoint, bool, error) {
	cp := store.SyncCheckpoint{Source: source}
	var url, anchor *string
	err := q.QueryRow(ctx, `SELECT url, source_rev, anchor, local_rev, state_hash, time FROM `+schema+`.sip_sync_state WHERE source = $1`, source).
		Scan(&url, &cp.SourceRev, &anchor, &cp.LocalRev, &cp.StateHash, &cp.Time)
	if errors.Is(err, pgx.ErrNoRows) {
		return cp, false, nil
	}
	if url != nil {
		cp.URL = *url
	}
	if anchor != nil {
		cp.Anchor = *anchor
	}
	return cp, err == nil, err
}

// keys runs a query of (layer, lokalny_id) pairs.
func keys(ctx context.Context, q querier, sql string, args ...any) ([]store.ObjKey, error) {
	rows, err := q.Query(ctx, sql, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (store.ObjKey, error) {
		var k store.ObjKey
		err := r.Scan(&k.Layer, &k.ID)
		return k, err
	})
}

// SyncDiverged lists the objects the copy keeps apart from a source.
func (s *Store) SyncDiverged(ctx context.Context, source string) ([]store.ObjKey, error) {
	k, err := diverged(ctx, s.pool, s.q, source)
	return k, s.fail("sync", err)
}

func diverged(ctx context.Context, q querier, schema, source string) ([]store.ObjKey, error) {
	k, err := keys(ctx, q, `SELECT layer, lokalny_id FROM `+schema+`.sip_sync_diverged WHERE source = $1`, source)
	store.SortKeys(k)
	return k, err
}

// SyncLayers returns the layers owned by a source.
func (s *Store) SyncLayers(ctx context.Context, source string) ([]string, error) {
	rows, err := s.pool.Query(ctx, `SELECT layer FROM `+s.q+`.sip_sync_layers WHERE source = $1 ORDER BY layer COLLATE "C"`, source)
	if err != nil {
		return nil, s.fail("sync", err)
	}
	l, err := pgx.CollectRows(rows, pgx.RowTo[string])
	return l, s.fail("sync", err)
}

// LocalEdits lists the objects of the given layers that this store's change log
// touched after revision since.
func (s *Store) LocalEdits(ctx context.Context, since int64, layers []string) ([]store.ObjKey, error) {
	k, err := localEdits(ctx, s.pool, s.q, since, layers)
	return k, s.fail("sync", err)
}

func localEdits(ctx context.Context, q querier, schema string, since int64, layers []string) ([]store.ObjKey, error) {
	if len(layers) == 0 {
		return nil, nil
	}
	k, err := keys(ctx, q, `SELECT DISTINCT layer, lokalny_id FROM `+schema+`.`+changesTable+` WHERE rev > $1 AND layer = ANY($2)`, since, layers)
	store.SortKeys(k)
	return k, err
}

// LockSync takes the dataset's pull lock: a session advisory lock on a
// connection kept until unlock (or until the process dies).
func (s *Store) LockSync(ctx context.Context) (func(), error) {
	c, err := s.pool.Acquire(ctx)
	if err != nil {
		return nil, s.fail("sync lock", err)
	}
	var ok bool
	key := "sip-sync:" + s.schema
	if err := c.QueryRow(ctx, `SELECT pg_try_advisory_lock(hashtextextended($1, 0))`, key).Scan(&ok); err != nil {
		c.Release()
		return nil, s.fail("sync lock", err)
	}
	if !ok {
		c.Release()
		return nil, fmt.Errorf("postgis: another sync pull is running on schema %s", s.schema)
	}
	return func() { unlockSync(c, key) }, nil
}

func unlockSync(c *pgxpool.Conn, key string) {
	if _, err := c.Exec(context.Background(), `SELECT pg_advisory_unlock(hashtextextended($1, 0))`, key); err != nil {
		c.Conn().Close(context.Background()) // the lock dies with the session
	}
	c.Release()
}

// SyncTx is a write transaction that applies a pull.
type SyncTx struct {
	*Tx
	source string
}

// BeginSync starts the apply transaction of a pull from source.
func (s *Store) BeginSync(ctx context.Context, source string) (store.SyncTx, error) {
	return s.beginSync(ctx, source)
}

func (s *Store) beginSync(ctx context.Context, source string) (*SyncTx, error) {
	t, err := s.beginTx(ctx)
	if err != nil {
		return nil, err
	}
	return &SyncTx{Tx: t, source: source}, nil
}

// at makes ctx the context of the transaction's row operations.
func (a *SyncTx) at(ctx context.Context) { a.ctx = ctx }

// Checkpoint reads the source's checkpoint inside the transaction.
func (a *SyncTx) Checkpoint(ctx context.Context) (store.SyncCheckpoint, bool, error) {
	cp, ok, err := readCheckpoint(ctx, a.tx, a.s.q, a.source)
	if err != nil {
		return cp, false, a.fail(err)
	}
	return cp, ok, nil
}

// Diverged lists the objects kept apart from the source.
func (a *SyncTx) Diverged(ctx context.Context) ([]store.ObjKey, error) {
	k, err := diverged(ctx, a.tx, a.s.q, a.source)
	if err != nil {
		return nil, a.fail(err)
	}
	return k, nil
}

// LocalEdits is Store.LocalEdits inside the transaction.
func (a *SyncTx) LocalEdits(ctx context.Context, since int64, layers []string) ([]store.ObjKey, error) {
	a.at(ctx)
	if err := a.flushLog(); err != nil {
		return nil, a.fail(err)
	}
	k, err := localEdits(ctx, a.tx, a.s.q, since, layers)
	if err != nil {
		return nil, a.fail(err)
	}
	return k, nil
}

// SetDiverged replaces the set of objects kept apart from the source.
func (a *SyncTx) SetDiverged(ctx context.Context, keys []store.ObjKey) error {
	if _, err := a.tx.Exec(ctx, `DELETE FROM `+a.s.q+`.sip_sync_diverged WHERE source = $1`, a.source); err != nil {
		return a.fail(err)
	}
	for _, k := range keys {
		if _, err := a.tx.Exec(ctx, `INSERT INTO `+a.s.q+`.sip_sync_diverged (layer, lokalny_id, source) VALUES ($1, $2, $3)
  ON CONFLICT (layer, lokalny_id) DO UPDATE SET source = excluded.source`, k.Layer, k.ID, a.source); err != nil {
			return a.fail(err)
		}
	}
	return nil
}

// EnsureLayers makes the source's layers exist in the store and be owned by the
// source (see store.SyncTx).
func (a *SyncTx) EnsureLayers(ctx context.Context, layers []store.Layer) error {
	a.at(ctx)
	if err := a.flushAll(); err != nil {
		return a.fail(err)
	}
	m := a.s.meta.Load()
	newLayers, err := a.lc.EnsureLayers(owners{a, ctx}, a.source, m.layers, layers)
	if err != nil || newLayers == nil {
		return err
	}
	js, err := json.Marshal(newLayers)
	if err != nil {
		return err
	}
	if _, err := a.tx.Exec(ctx, `UPDATE `+a.s.q+`.`+datasetTable+` SET value = $1 WHERE key = 'layers'`, string(js)); err != nil {
		return a.fail(err)
	}
	// The store's schema follows the transaction: restored unless it commits.
	a.lc.OnUndo(func() { a.s.meta.Store(m) })
	a.s.meta.Store(newMeta(a.s.q, m.name, newLayers))
	return nil
}

// owners is the PostgreSQL side of EnsureLayers.
type owners struct {
	a   *SyncTx
	ctx context.Context
}

func (o owners) Owner(layer string) (string, error) {
	var owner string
	err := o.a.tx.QueryRow(o.ctx, `SELECT source FROM `+o.a.s.q+`.sip_sync_layers WHERE layer = $1`, layer).Scan(&owner)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", nil
	}
	return owner, err
}

func (o owners) Rows(layer string) (int64, error) {
	li, err := o.a.s.layer(layer)
	if err != nil {
		return 0, err
	}
	var n int64
	err = o.a.tx.QueryRow(o.ctx, `SELECT (SELECT count(*) FROM `+li.cur+`) + (SELECT count(*) FROM `+li.hist+`)`).Scan(&n)
	return n, err
}

func (o owners) CreateLayer(l store.Layer) error {
	_, err := o.a.tx.Exec(o.ctx, strings.Join(layerDDL(o.a.s.q, l), ";\n"))
	return err
}

func (o owners) Own(layer, source string) error {
	_, err := o.a.tx.Exec(o.ctx, `INSERT INTO `+o.a.s.q+`.sip_sync_layers (layer, source) VALUES ($1, $2)`, layer, source)
	return err
}

// PutRaw stores one version given in the change-log encoding (through Put).
func (a *SyncTx) PutRaw(ctx context.Context, c store.RawChange) (store.PutResult, error) {
	a.at(ctx)
	return a.lc.PutRaw(ctx, a.s.lookup, c, func(k store.ObjKey) error { return a.ResetObject(ctx, k) })
}

// ResetObject removes every stored version of one object (both tables), logging
// a delete entry without an object per removed row.
func (a *SyncTx) ResetObject(ctx context.Context, k store.ObjKey) error {
	a.at(ctx)
	if _, err := a.lc.Open(a.s.lookup, k.Layer); err != nil {
		return err
	}
	if err := a.tables[k.Layer].flush(); err != nil {
		return a.fail(err)
	}
	if err := a.tables[k.Layer].lookupIndexes(); err != nil {
		return a.fail(err)
	}
	li, _ := a.s.layer(k.Layer)
	return a.removeRows(ctx, li, false, ` WHERE lokalny_id = $1`, k.ID)
}

// ClearLayers empties layers (both tables) before a snapshot load, logging a
// delete entry per removed row like ResetObject.
func (a *SyncTx) ClearLayers(ctx context.Context, layers []string) error {
	a.at(ctx)
	return a.lc.ClearLayers(a.s.lookup, layers, func(l string) error {
		li, _ := a.s.layer(l)
		return a.removeRows(ctx, li, true, "")
	})
}

// removeRows deletes the rows of the layer's two tables selected by where and
// reports them to the lifecycle (a delete entry each; the running sum unless
// cleared, when the caller resets it).
func (a *SyncTx) removeRows(ctx context.Context, li *layerInfo, cleared bool, where string, args ...any) error {
	if tb, ok := a.tables[li.Name]; ok {
		tb.dropAhead()
	}
	for i, t := range []string{li.cur, li.hist} {
		rows, err := a.tx.Query(ctx, `DELETE FROM `+t+where+` RETURNING fid, lokalny_id, wersja_id, sip_hash, koniec_wersja, koniec_obiekt,
  ST_XMin(geom), ST_YMin(geom), ST_XMax(geom), ST_YMax(geom)`, args...)
		if err != nil {
			return a.fail(err)
		}
		type gone struct {
			fid int64
			lifecycle.RemovedRow
		}
		list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (gone, error) {
			var g gone
			var ev, eo pgtype.Timestamptz
			var minx, miny, maxx, maxy pgtype.Float8
			err := r.Scan(&g.fid, &g.ID, &g.Version, &g.Hash, &ev, &eo, &minx, &miny, &maxx, &maxy)
			g.EV, g.EO = record.FormatTime(tstz(ev)), record.FormatTime(tstz(eo))
			if minx.Valid {
				g.Bound = record.Bnd{B: orb.Bound{Min: orb.Point{minx.Float64, miny.Float64}, Max: orb.Point{maxx.Float64, maxy.Float64}}, OK: true}
			}
			return g, err
		})
		if err != nil {
			return a.fail(err)
		}
		slices.SortFunc(list, func(x, y gone) int { return cmp.Compare(x.fid, y.fid) }) // the log in row order
		removed := make([]lifecycle.RemovedRow, len(list))
		for j, g := range list {
			removed[j] = g.RemovedRow
		}
		if err := a.lc.Removed(li.Name, i == 1, removed, cleared); err != nil {
			return a.fail(err)
		}
	}
	return nil
}

// StateHash hashes layers as the transaction sees them (running sums).
func (a *SyncTx) StateHash(ctx context.Context, layers []string) (store.StateHash, error) {
	a.at(ctx)
	return a.lc.CheckedStateHash(a.s.lookup, layers)
}

// RecomputeStateHash is StateHash computed from every row: for verification.
func (a *SyncTx) RecomputeStateHash(ctx context.Context, layers []string) (store.StateHash, error) {
	a.at(ctx)
	if err := a.flushAll(); err != nil {
		return store.StateHash{}, a.fail(err)
	}
	var h store.StateHash
	for _, l := range layers {
		li, err := a.s.layer(l)
		if err != nil {
			return h, err
		}
		d, err := digestRows(ctx, a.tx, li, "")
		if err != nil {
			return h, a.fail(err)
		}
		h = h.Add(d)
	}
	return h, nil
}

// ObjectDigest is one object's contribution to StateHash.
func (a *SyncTx) ObjectDigest(ctx context.Context, k store.ObjKey) (store.StateHash, error) {
	a.at(ctx)
	li, err := a.s.layer(k.Layer)
	if err != nil {
		return store.StateHash{}, nil
	}
	if tb, ok := a.tables[k.Layer]; ok {
		if err := tb.flush(); err != nil {
			return store.StateHash{}, a.fail(err)
		}
		if err := tb.lookupIndexes(); err != nil {
			return store.StateHash{}, a.fail(err)
		}
	}
	h, err := digestRows(ctx, a.tx, li, ` WHERE lokalny_id = $1`, k.ID)
	if err != nil {
		return h, a.fail(err)
	}
	return h, nil
}

// SetCheckpoint records the checkpoint; LocalRev is this store's revision after
// everything the transaction logged.
func (a *SyncTx) SetCheckpoint(ctx context.Context, cp store.SyncCheckpoint) (store.SyncCheckpoint, error) {
	cp.LocalRev, cp.Source = a.rev, a.source
	_, err := a.tx.Exec(ctx, `INSERT INTO `+a.s.q+`.sip_sync_state (source, url, source_rev, anchor, local_rev, state_hash, time)
  VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (source) DO UPDATE SET url = excluded.url, source_rev = excluded.source_rev,
  anchor = excluded.anchor, local_rev = excluded.local_rev, state_hash = excluded.state_hash, time = excluded.time`,
		cp.Source, cp.URL, cp.SourceRev, cp.Anchor, cp.LocalRev, cp.StateHash, cp.Time)
	if err != nil {
		return cp, a.fail(err)
	}
	return cp, nil
}

var (
	_ store.SyncStore = (*Store)(nil)
	_ store.Snapshot  = (*Snapshot)(nil)
	_ store.SyncTx    = (*SyncTx)(nil)
)
