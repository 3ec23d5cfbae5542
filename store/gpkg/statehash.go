package gpkg

// The running state hash (package lifecycle) is kept per layer in
// sip_state_hash: (layer, sum, rev), the sum valid while rev is the newest
// change-log revision. This file holds its SQLite side.

import (
	"context"
	"fmt"

	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/internal/lifecycle"
	"github.com/sip-core/sip/store/internal/record"
)

const stateHashTable = "sip_state_hash"

const stateHashDDL = `
CREATE TABLE IF NOT EXISTS sip_state_hash (id INTEGER PRIMARY KEY AUTOINCREMENT, layer TEXT NOT NULL UNIQUE,
  sum TEXT NOT NULL, rev INTEGER NOT NULL);
INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description) VALUES
  ('sip_state_hash', 'attributes', 'sip_state_hash', 'SIP sync: running state hash per layer, valid at change-log revision rev');
`

// logRev is the newest change-log revision as the querier sees it.
func logRev(ctx context.Context, q querier) (int64, error) {
	var rev int64
	err := q.QueryRowContext(ctx, `SELECT ifnull(max(rev), 0) FROM `+changesTable).Scan(&rev)
	return rev, err
}

// storedSums reads the sums valid at revision rev (the others are left out).
func storedSums(ctx context.Context, q querier, rev int64) (map[string]store.StateHash, error) {
	out := map[string]store.StateHash{}
	if ok, err := hasTable(ctx, q, stateHashTable); err != nil || !ok {
		return out, err
	}
	rows, err := q.QueryContext(ctx, `SELECT layer, sum FROM `+stateHashTable+` WHERE rev = ?`, rev)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var l, s string
		if err := rows.Scan(&l, &s); err != nil {
			return nil, err
		}
		h, err := store.ParseStateHash(s)
		if err != nil {
			continue // unreadable: recomputed like a stale one
		}
		out[l] = h
	}
	return out, rows.Err()
}

// sumsAt is the state hash of layers at revision rev: stored sums where valid,
// recomputed from the rows otherwise.
func sumsAt(ctx context.Context, q querier, s *Store, layers []string, rev int64) (store.StateHash, error) {
	for _, l := range layers {
		if _, err := s.layer(l); err != nil {
			return store.StateHash{}, err
		}
	}
	stored, err := storedSums(ctx, q, rev)
	if err != nil {
		return store.StateHash{}, err
	}
	return lifecycle.SumsAt(layers, stored, func(l string) (store.StateHash, error) { return digestRows(ctx, q, l, "") })
}

// LogRev implements lifecycle.Backend.
func (t *Tx) LogRev() (int64, error) { return logRev(context.Background(), t.tx) }

// StoredSums implements lifecycle.Backend, creating the table of a store made
// before it existed.
func (t *Tx) StoredSums(rev int64) (map[string]store.StateHash, error) {
	ctx := context.Background()
	if _, err := t.tx.ExecContext(ctx, stateHashDDL); err != nil {
		return nil, fmt.Errorf("gpkg: %s: %w", stateHashTable, err)
	}
	return storedSums(ctx, t.tx, rev)
}

// Digest implements lifecycle.Backend.
func (t *Tx) Digest(layer string) (store.StateHash, error) {
	return digestRows(context.Background(), t.tx, layer, "")
}

// WriteSum implements lifecycle.Backend.
func (t *Tx) WriteSum(layer string, h store.StateHash, rev int64) error {
	_, err := t.tx.Exec(`INSERT INTO `+stateHashTable+` (layer, sum, rev) VALUES (?, ?, ?)
  ON CONFLICT (layer) DO UPDATE SET sum = excluded.sum, rev = excluded.rev`, layer, h.String(), rev)
	return err
}

// MoveSums implements lifecycle.Backend.
func (t *Tx) MoveSums(from, to int64) error {
	_, err := t.tx.Exec(`UPDATE `+stateHashTable+` SET rev = ? WHERE rev = ?`, to, from)
	return err
}

// recomputeStateHash hashes the rows themselves (no stored sum): the reference the
// running sums are checked against.
func recomputeStateHash(ctx context.Context, q querier, s *Store, layers []string) (store.StateHash, error) {
	var h store.StateHash
	for _, l := range layers {
		if _, err := s.layer(l); err != nil {
			return h, err
		}
		d, err := digestRows(ctx, q, l, "")
		if err != nil {
			return h, err
		}
		h = h.Add(d)
	}
	return h, nil
}

// digestRows sums the digests of a layer's rows selected by where (both tables).
func digestRows(ctx context.Context, q querier, layer, where string, args ...any) (store.StateHash, error) {
	var h store.StateHash
	for _, t := range []string{layer, layer + historySuffix} {
		rows, err := q.QueryContext(ctx, `SELECT lokalny_id, wersja_id, sip_hash, ifnull(koniec_wersja, ''), ifnull(koniec_obiekt, '') FROM `+quote(t)+where, args...)
		if err != nil {
			return h, fmt.Errorf("gpkg: state hash of %s: %w", t, err)
		}
		for rows.Next() {
			var id, ver, hash, ev, eo string
			if err := rows.Scan(&id, &ver, &hash, &ev, &eo); err != nil {
				rows.Close()
				return h, err
			}
			h = h.Add(record.RowDigest(layer, id, ver, hash, ev, eo))
		}
		if err := rows.Close(); err != nil {
			return h, err
		}
		if err := rows.Err(); err != nil {
			return h, err
		}
	}
	return h, nil
}
