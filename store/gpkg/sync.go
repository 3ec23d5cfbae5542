package gpkg

// Sync support: the store.SyncStore side of a GeoPackage (see store/sync.go for
// the contract). A read snapshot is one SQLite read transaction; the apply
// transaction is a normal Tx plus the tables sip_sync_state (one checkpoint per
// source dataset), sip_sync_layers (which source owns which layer) and
// sip_sync_diverged (objects the county edited and keeps apart from the source).
// The pull lock is an flock on STORE.sync-lock.

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"syscall"

	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/internal/lifecycle"
	"github.com/sip-core/sip/store/internal/record"
)

// querier is what both a read snapshot and a write transaction can run queries on.
type querier interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
}

// Snapshot is a consistent read view of a store (one SQLite read transaction).
type Snapshot struct {
	s  *Store
	tx *sql.Tx
}

// ReadSnapshot opens a read view; Close it when done.
func (s *Store) ReadSnapshot(ctx context.Context) (store.Snapshot, error) {
	if s.closed.Load() {
		return nil, errors.New("gpkg: store is closed")
	}
	tx, err := s.rdb.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("gpkg: snapshot: %w", err)
	}
	sn := &Snapshot{s: s, tx: tx}
	// The first read fixes the snapshot (WAL): do it now.
	if _, err := sn.Revision(ctx); err != nil {
		tx.Rollback()
		return nil, err
	}
	return sn, nil
}

// Close ends the read view.
func (sn *Snapshot) Close() error { return sn.tx.Rollback() }

// Layers is the store's schema.
func (sn *Snapshot) Layers() []store.Layer { return sn.s.Layers() }

// Revision is the newest revision in the view.
func (sn *Snapshot) Revision(ctx context.Context) (int64, error) {
	var rev int64
	err := sn.tx.QueryRowContext(ctx, `SELECT ifnull(max(rev), 0) FROM `+changesTable).Scan(&rev)
	return rev, err
}

// MinRevision is the oldest revision still in the log (0 for an empty log).
func (sn *Snapshot) MinRevision(ctx context.Context) (int64, error) {
	var rev int64
	err := sn.tx.QueryRowContext(ctx, `SELECT ifnull(min(rev), 0) FROM `+changesTable).Scan(&rev)
	return rev, err
}

const rawChangeCols = `rev, ifnull(time, ''), layer, lokalny_id, ifnull(wersja_id, ''), op, minx, miny, maxx, maxy, ifnull(obj, ''), geom`

func scanRaw(rows *sql.Rows) (store.RawChange, error) {
	var (
		c                      store.RawChange
		minx, miny, maxx, maxy sql.NullFloat64
		obj                    string
	)
	if err := rows.Scan(&c.Rev, &c.Time, &c.Layer, &c.ID, &c.Version, &c.Op, &minx, &miny, &maxx, &maxy, &obj, &c.Geom); err != nil {
		return c, err
	}
	if minx.Valid && miny.Valid && maxx.Valid && maxy.Valid {
		c.HasBounds, c.MinX, c.MinY, c.MaxX, c.MaxY = true, minx.Float64, miny.Float64, maxx.Float64, maxy.Float64
	}
	c.Obj = []byte(obj)
	return c, nil
}

// Change returns the entry at rev (ok false when the log no longer holds it).
func (sn *Snapshot) Change(ctx context.Context, rev int64) (c store.RawChange, ok bool, err error) {
	rows, err := sn.tx.QueryContext(ctx, `SELECT `+rawChangeCols+` FROM `+changesTable+` WHERE rev = ?`, rev)
	if err != nil {
		return c, false, err
	}
	defer rows.Close()
	if !rows.Next() {
		return c, false, rows.Err()
	}
	c, err = scanRaw(rows)
	return c, err == nil, err
}

// Changes streams the entries with since < rev <= upTo in order.
func (sn *Snapshot) Changes(ctx context.Context, since, upTo int64, fn func(store.RawChange) error) error {
	rows, err := sn.tx.QueryContext(ctx, `SELECT `+rawChangeCols+` FROM `+changesTable+` WHERE rev > ? AND rev <= ? ORDER BY rev`, since, upTo)
	if err != nil {
		return fmt.Errorf("gpkg: changes: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		c, err := scanRaw(rows)
		if err != nil {
			return err
		}
		if err := fn(c); err != nil {
			return err
		}
	}
	return rows.Err()
}

// StateHash hashes the given layers (all of the store's when nil), from the running
// sums where they are valid at the view's revision (see statehash.go).
func (sn *Snapshot) StateHash(ctx context.Context, layers []string) (store.StateHash, error) {
	layers = sn.orAll(layers)
	rev, err := sn.Revision(ctx)
	if err != nil {
		return store.StateHash{}, err
	}
	return sumsAt(ctx, sn.tx, sn.s, layers, rev)
}

// RecomputeStateHash is StateHash computed from every row, ignoring the running
// sums: for verification.
func (sn *Snapshot) RecomputeStateHash(ctx context.Context, layers []string) (store.StateHash, error) {
	return recomputeStateHash(ctx, sn.tx, sn.s, sn.orAll(layers))
}

func (sn *Snapshot) orAll(layers []string) []string {
	if layers == nil {
		for _, l := range sn.s.layers {
			layers = append(layers, l.Name)
		}
	}
	return layers
}

// ObjectDigest is the state-hash contribution of one object (zero if absent).
func (sn *Snapshot) ObjectDigest(ctx context.Context, k store.ObjKey) (store.StateHash, error) {
	if _, err := sn.s.layer(k.Layer); err != nil {
		return store.StateHash{}, nil
	}
	return digestRows(ctx, sn.tx, k.Layer, ` WHERE lokalny_id = ?`, k.ID)
}

// Versions streams the stored versions of one layer (every object when id is ""),
// in the change-log encoding, ordered per object by start of version: the order in
// which putting them into an empty layer rebuilds the same rows.
func (sn *Snapshot) Versions(ctx context.Context, layer, id string, fn func(store.RawChange) error) error {
	li, err := sn.s.layer(layer)
	if err != nil {
		return nil // unknown layer: no versions
	}
	where := ""
	var args []any
	if id != "" {
		where, args = " WHERE lokalny_id = ?", []any{id}
	}
	q := fmt.Sprintf(`SELECT %[1]s FROM %[2]s%[4]s UNION ALL SELECT %[1]s FROM %[3]s%[4]s ORDER BY 2, 6, 4`,
		li.selectList(), li.hist, li.cur, where)
	rows, err := sn.tx.QueryContext(ctx, q, append(args, args...)...)
	if err != nil {
		return fmt.Errorf("gpkg: versions of %s: %w", layer, err)
	}
	defer rows.Close()
	for rows.Next() {
		o, err := li.scanObject(rows)
		if err != nil {
			return err
		}
		c, err := record.VersionChange(li.rec, o)
		if err != nil {
			return err
		}
		if err := fn(c); err != nil {
			return err
		}
	}
	return rows.Err()
}

const syncDDL = `
CREATE TABLE IF NOT EXISTS sip_sync_state (source TEXT PRIMARY KEY, url TEXT, source_rev INTEGER NOT NULL,
  anchor TEXT, local_rev INTEGER NOT NULL, state_hash TEXT NOT NULL, time TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sip_sync_layers (layer TEXT PRIMARY KEY, source TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sip_sync_diverged (layer TEXT NOT NULL, lokalny_id TEXT NOT NULL, source TEXT NOT NULL,
  PRIMARY KEY (layer, lokalny_id));
INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description) VALUES
  ('sip_sync_state', 'attributes', 'sip_sync_state', 'SIP sync checkpoints'),
  ('sip_sync_layers', 'attributes', 'sip_sync_layers', 'SIP sync: layers owned by a source dataset'),
  ('sip_sync_diverged', 'attributes', 'sip_sync_diverged', 'SIP sync: objects the copy keeps apart from the source');
`

func hasTable(ctx context.Context, q querier, name string) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?`, name).Scan(&n)
	return n > 0, err
}

func readCheckpoint(ctx context.Context, q querier, source string) (store.SyncCheckpoint, bool, error) {
	cp := store.SyncCheckpoint{Source: source}
	if ok, err := hasTable(ctx, q, "sip_sync_state"); err != nil || !ok {
		return cp, false, err
	}
	var url, anchor sql.NullString
	err := q.QueryRowContext(ctx, `SELECT url, source_rev, anchor, local_rev, state_hash, time FROM sip_sync_state WHERE source = ?`, source).
		Scan(&url, &cp.SourceRev, &anchor, &cp.LocalRev, &cp.StateHash, &cp.Time)
	if err == sql.ErrNoRows {
		return cp, false, nil
	}
	cp.URL, cp.Anchor = url.String, anchor.String
	return cp, err == nil, err
}

// SyncCheckpoint reads the checkpoint of a source (ok false before the first pull).
func (s *Store) SyncCheckpoint(ctx context.Context, source string) (store.SyncCheckpoint, bool, error) {
	return readCheckpoint(ctx, s.rdb, source)
}

// SyncDiverged lists the objects the copy keeps apart from a source.
func (s *Store) SyncDiverged(ctx context.Context, source string) ([]store.ObjKey, error) {
	return diverged(ctx, s.rdb, source)
}

func diverged(ctx context.Context, q querier, source string) ([]store.ObjKey, error) {
	if ok, err := hasTable(ctx, q, "sip_sync_diverged"); err != nil || !ok {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, `SELECT layer, lokalny_id FROM sip_sync_diverged WHERE source = ? ORDER BY 1, 2`, source)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.ObjKey
	for rows.Next() {
		var k store.ObjKey
		if err := rows.Scan(&k.Layer, &k.ID); err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// SyncLayers returns the layers owned by a source.
func (s *Store) SyncLayers(ctx context.Context, source string) ([]string, error) {
	return ownedLayers(ctx, s.rdb, source)
}

func ownedLayers(ctx context.Context, q querier, source string) ([]string, error) {
	if ok, err := hasTable(ctx, q, "sip_sync_layers"); err != nil || !ok {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, `SELECT layer FROM sip_sync_layers WHERE source = ? ORDER BY 1`, source)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var l string
		if err := rows.Scan(&l); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// LocalEdits lists the objects of the given layers that this store's change log
// touched after revision since.
func (s *Store) LocalEdits(ctx context.Context, since int64, layers []string) ([]store.ObjKey, error) {
	return localEdits(ctx, s.rdb, since, layers)
}

func localEdits(ctx context.Context, q querier, since int64, layers []string) ([]store.ObjKey, error) {
	if len(layers) == 0 {
		return nil, nil
	}
	ph := strings.TrimSuffix(strings.Repeat("?,", len(layers)), ",")
	args := []any{since}
	for _, l := range layers {
		args = append(args, l)
	}
	rows, err := q.QueryContext(ctx, `SELECT DISTINCT layer, lokalny_id FROM `+changesTable+` WHERE rev > ? AND layer IN (`+ph+`) ORDER BY 1, 2`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.ObjKey
	for rows.Next() {
		var k store.ObjKey
		if err := rows.Scan(&k.Layer, &k.ID); err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, rows.Err()
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
	t, err := s.BeginTx(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := t.tx.ExecContext(ctx, syncDDL); err != nil {
		t.Rollback()
		return nil, fmt.Errorf("gpkg: sync tables: %w", err)
	}
	return &SyncTx{Tx: t, source: source}, nil
}

// Checkpoint reads the source's checkpoint inside the transaction.
func (a *SyncTx) Checkpoint(ctx context.Context) (store.SyncCheckpoint, bool, error) {
	return readCheckpoint(ctx, a.tx, a.source)
}

// Diverged lists the objects kept apart from the source.
func (a *SyncTx) Diverged(ctx context.Context) ([]store.ObjKey, error) {
	return diverged(ctx, a.tx, a.source)
}

// LocalEdits is Store.LocalEdits inside the transaction.
func (a *SyncTx) LocalEdits(ctx context.Context, since int64, layers []string) ([]store.ObjKey, error) {
	return localEdits(ctx, a.tx, since, layers)
}

// SetDiverged replaces the set of objects kept apart from the source.
func (a *SyncTx) SetDiverged(ctx context.Context, keys []store.ObjKey) error {
	if _, err := a.tx.ExecContext(ctx, `DELETE FROM sip_sync_diverged WHERE source = ?`, a.source); err != nil {
		return a.fail(err)
	}
	for _, k := range keys {
		if _, err := a.tx.ExecContext(ctx, `INSERT OR REPLACE INTO sip_sync_diverged (layer, lokalny_id, source) VALUES (?, ?, ?)`,
			k.Layer, k.ID, a.source); err != nil {
			return a.fail(err)
		}
	}
	return nil
}

// EnsureLayers makes the source's layers exist in the store and be owned by the
// source: a missing layer is created (tables, R-trees, schema entry) inside the
// transaction; an existing one must have the same schema and must not belong to
// another source or hold data of this store's own.
func (a *SyncTx) EnsureLayers(ctx context.Context, layers []store.Layer) error {
	s := a.s
	newLayers, err := a.lc.EnsureLayers(owners{a, ctx}, a.source, s.layers, layers)
	if err != nil || newLayers == nil {
		return err
	}
	js, err := json.Marshal(newLayers)
	if err != nil {
		return err
	}
	if _, err := a.tx.ExecContext(ctx, `UPDATE `+datasetTable+` SET value = ? WHERE key = 'layers'`, string(js)); err != nil {
		return a.fail(err)
	}
	// The store's schema follows the transaction: restored unless it commits.
	// The maps are replaced, never modified, so readers holding the old ones
	// stay valid.
	newByName := make(map[string]*layerInfo, len(newLayers))
	for _, l := range newLayers {
		if li, ok := s.byName[l.Name]; ok {
			newByName[l.Name] = li
		} else {
			newByName[l.Name] = newLayerInfo(l)
		}
	}
	prevLayers, prevByName := s.layers, s.byName
	a.lc.OnUndo(func() { s.layers, s.byName = prevLayers, prevByName })
	s.layers, s.byName = newLayers, newByName
	return nil
}

// owners is the SQLite side of EnsureLayers.
type owners struct {
	a   *SyncTx
	ctx context.Context
}

func (o owners) Owner(layer string) (string, error) {
	var owner string
	err := o.a.tx.QueryRowContext(o.ctx, `SELECT source FROM sip_sync_layers WHERE layer = ?`, layer).Scan(&owner)
	if err == sql.ErrNoRows {
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
	err = o.a.tx.QueryRowContext(o.ctx, fmt.Sprintf(`SELECT (SELECT count(*) FROM %s) + (SELECT count(*) FROM %s)`, li.cur, li.hist)).Scan(&n)
	return n, err
}

func (o owners) CreateLayer(l store.Layer) error { return createLayer(o.ctx, o.a.tx, l) }

func (o owners) Own(layer, source string) error {
	_, err := o.a.tx.ExecContext(o.ctx, `INSERT INTO sip_sync_layers (layer, source) VALUES (?, ?)`, layer, source)
	return err
}

func createLayer(ctx context.Context, tx *sql.Tx, l store.Layer) error {
	stmts, args := layerDDL(l)
	for i, q := range stmts {
		if _, err := tx.ExecContext(ctx, q, args[i]...); err != nil {
			return fmt.Errorf("gpkg: create layer %s: %w", l.Name, err)
		}
	}
	return nil
}

// PutRaw stores one version given in the change-log encoding (through Put, so the
// lifecycle, the R-trees, the extents and this store's change log are maintained).
func (a *SyncTx) PutRaw(ctx context.Context, c store.RawChange) (store.PutResult, error) {
	return a.lc.PutRaw(ctx, a.s.lookup, c, func(k store.ObjKey) error { return a.ResetObject(ctx, k) })
}

// ResetObject removes every stored version of one object (both tables), so that
// the source's versions can be put in their place. Each removed row is logged as a
// delete entry without an object, bounded by the removed geometry, so the index
// and the tile caches drop what the Puts that follow do not bring back.
func (a *SyncTx) ResetObject(ctx context.Context, k store.ObjKey) error {
	l, err := a.lc.Open(a.s.lookup, k.Layer)
	if err != nil {
		return err
	}
	return a.removeRows(ctx, a.tables[l.Info.Name].li, false, ` WHERE lokalny_id = ?`, k.ID)
}

// ClearLayers empties layers (both tables) before a snapshot load, logging a delete
// entry per removed row like ResetObject. It must be called before anything else
// touches those layers in the transaction.
func (a *SyncTx) ClearLayers(ctx context.Context, layers []string) error {
	return a.lc.ClearLayers(a.s.lookup, layers, func(l string) error {
		li, _ := a.s.layer(l)
		return a.removeRows(ctx, li, true, "")
	})
}

// removeRows deletes the rows of the layer's two tables selected by where and
// reports them to the lifecycle (a delete entry each, the running sum unless
// cleared: the caller then resets it).
func (a *SyncTx) removeRows(ctx context.Context, li *layerInfo, cleared bool, where string, args ...any) error {
	for i, t := range []string{li.cur, li.hist} {
		rows, err := a.tx.QueryContext(ctx, `SELECT lokalny_id, wersja_id, sip_hash, ifnull(koniec_wersja, ''), ifnull(koniec_obiekt, ''), geom FROM `+
			t+where+` ORDER BY fid`, args...)
		if err != nil {
			return a.fail(err)
		}
		var gone []lifecycle.RemovedRow
		for rows.Next() {
			var (
				r lifecycle.RemovedRow
				g []byte
			)
			if err := rows.Scan(&r.ID, &r.Version, &r.Hash, &r.EV, &r.EO, &g); err != nil {
				rows.Close()
				return a.fail(err)
			}
			r.Bound.B, r.Bound.OK = record.BlobBound(g)
			gone = append(gone, r)
		}
		if err := rows.Close(); err != nil {
			return a.fail(err)
		}
		if err := rows.Err(); err != nil {
			return a.fail(err)
		}
		if len(gone) == 0 {
			continue
		}
		if _, err := a.tx.ExecContext(ctx, `DELETE FROM `+t+where, args...); err != nil {
			return a.fail(err)
		}
		if err := a.lc.Removed(li.Name, i == 1, gone, cleared); err != nil {
			return a.fail(err)
		}
	}
	return nil
}

// StateHash hashes layers as the transaction sees them (running sums).
func (a *SyncTx) StateHash(ctx context.Context, layers []string) (store.StateHash, error) {
	return a.lc.CheckedStateHash(a.s.lookup, layers)
}

// RecomputeStateHash is StateHash computed from every row: for verification.
func (a *SyncTx) RecomputeStateHash(ctx context.Context, layers []string) (store.StateHash, error) {
	return recomputeStateHash(ctx, a.tx, a.s, layers)
}

// ObjectDigest is one object's contribution to StateHash.
func (a *SyncTx) ObjectDigest(ctx context.Context, k store.ObjKey) (store.StateHash, error) {
	if _, err := a.s.layer(k.Layer); err != nil {
		return store.StateHash{}, nil
	}
	return digestRows(ctx, a.tx, k.Layer, ` WHERE lokalny_id = ?`, k.ID)
}

// SetCheckpoint records the checkpoint; LocalRev is this store's revision after
// everything the transaction logged.
func (a *SyncTx) SetCheckpoint(ctx context.Context, cp store.SyncCheckpoint) (store.SyncCheckpoint, error) {
	if err := a.tx.QueryRowContext(ctx, `SELECT ifnull(max(rev), 0) FROM `+changesTable).Scan(&cp.LocalRev); err != nil {
		return cp, a.fail(err)
	}
	cp.Source = a.source
	_, err := a.tx.ExecContext(ctx, `INSERT OR REPLACE INTO sip_sync_state (source, url, source_rev, anchor, local_rev, state_hash, time) VALUES (?,?,?,?,?,?,?)`,
		cp.Source, cp.URL, cp.SourceRev, cp.Anchor, cp.LocalRev, cp.StateHash, cp.Time)
	if err != nil {
		return cp, a.fail(err)
	}
	return cp, nil
}

// LockSync takes an exclusive, non-blocking flock on STORE.sync-lock; the kernel
// drops it when the process dies, so a killed pull never leaves a stale lock.
func (s *Store) LockSync(ctx context.Context) (func(), error) {
	f, err := os.OpenFile(s.path+".sync-lock", os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		return nil, fmt.Errorf("gpkg: another sync pull is running on %s (lock %s held)", s.path, f.Name())
	}
	return func() { syscall.Flock(int(f.Fd()), syscall.LOCK_UN); f.Close() }, nil
}

var (
	_ store.SyncStore = (*Store)(nil)
	_ store.Snapshot  = (*Snapshot)(nil)
	_ store.SyncTx    = (*SyncTx)(nil)
)
