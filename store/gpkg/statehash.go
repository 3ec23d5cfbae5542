package gpkg

// The running state hash. The sync state hash (see sync.go) is a sum over every
// stored version row; recomputing it reads and hashes every row of a layer, which
// both sides of a pull did on every pull (0.9 s per side at 300k objects). The sum
// is instead kept per layer in sip_state_hash and maintained by every write
// transaction: each row a Tx inserts, rewrites or removes adds or subtracts its
// digest in memory (Tx.sumOf), and Commit writes the new sums with the rest, so a
// rollback drops them with the rows.
//
// A stored sum is trusted only while its rev equals the newest change-log revision.
// Every write that changes a row also appends to the change log, so a writer that
// does not maintain the sums (an older binary, a hand edit that logs) leaves them
// stale, never wrong: readers then recompute, and the next transaction that touches
// the layer recomputes it inside the transaction and stores it again.

import (
	"context"
	"fmt"
)

const stateHashTable = "sip_state_hash"

const stateHashDDL = `
CREATE TABLE IF NOT EXISTS sip_state_hash (id INTEGER PRIMARY KEY AUTOINCREMENT, layer TEXT NOT NULL UNIQUE,
  sum TEXT NOT NULL, rev INTEGER NOT NULL);
INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description) VALUES
  ('sip_state_hash', 'attributes', 'sip_state_hash', 'SIP sync: running state hash per layer, valid at change-log revision rev');
`

// layerSum is the state hash of one layer as a Tx sees it: the stored (or
// recomputed) sum at the start plus the transaction's changes.
type layerSum struct {
	sum   StateHash
	dirty bool // must be written on commit
}

// logRev is the newest change-log revision as the transaction sees it.
func logRev(ctx context.Context, q querier) (int64, error) {
	var rev int64
	err := q.QueryRowContext(ctx, `SELECT ifnull(max(rev), 0) FROM `+changesTable).Scan(&rev)
	return rev, err
}

// storedSums reads the sums valid at revision rev (the others are left out).
func storedSums(ctx context.Context, q querier, rev int64) (map[string]StateHash, error) {
	out := map[string]StateHash{}
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
		h, err := ParseStateHash(s)
		if err != nil {
			continue // unreadable: recomputed like a stale one
		}
		out[l] = h
	}
	return out, rows.Err()
}

// sumsAt is the state hash of layers at revision rev: stored sums where valid,
// recomputed from the rows otherwise.
func sumsAt(ctx context.Context, q querier, s *Store, layers []string, rev int64) (StateHash, error) {
	var h StateHash
	stored, err := storedSums(ctx, q, rev)
	if err != nil {
		return h, err
	}
	for _, l := range layers {
		if _, err := s.layer(l); err != nil {
			return h, err
		}
		d, ok := stored[l]
		if !ok {
			if d, err = digestRows(ctx, q, l, ""); err != nil {
				return h, err
			}
		}
		h.add(d)
	}
	return h, nil
}

// sumOf returns the transaction's running sum of a layer, loading it on first use:
// the stored sum if it is valid at the revision the transaction started from,
// otherwise a recomputation from the rows (then written back on commit).
func (t *Tx) sumOf(name string) (*layerSum, error) {
	if ls, ok := t.sums[name]; ok {
		return ls, nil
	}
	ctx := context.Background()
	if err := t.initSums(ctx); err != nil {
		return nil, err
	}
	ls := &layerSum{}
	if h, ok := t.stored[name]; ok {
		ls.sum = h
	} else {
		h, err := digestRows(ctx, t.tx, name, "")
		if err != nil {
			return nil, t.fail(err)
		}
		ls.sum, ls.dirty = h, true
	}
	t.sums[name] = ls
	return ls, nil
}

// initSums creates the table if needed and reads the sums valid at the start.
func (t *Tx) initSums(ctx context.Context) error {
	if t.sumsReady {
		return nil
	}
	if _, err := t.tx.ExecContext(ctx, stateHashDDL); err != nil {
		return t.fail(fmt.Errorf("gpkg: %s: %w", stateHashTable, err))
	}
	rev, err := logRev(ctx, t.tx)
	if err != nil {
		return t.fail(err)
	}
	if t.stored, err = storedSums(ctx, t.tx, rev); err != nil {
		return t.fail(err)
	}
	t.startRev, t.sumsReady = rev, true
	return nil
}

// addRow and subRow account for one stored row (the columns the state hash reads).
func (ls *layerSum) addRow(layer, id, ver, hash, ev, eo string) {
	ls.sum.add(rowDigest(layer, id, ver, hash, ev, eo))
	ls.dirty = true
}

func (ls *layerSum) subRow(layer, id, ver, hash, ev, eo string) {
	ls.sum = ls.sum.Sub(rowDigest(layer, id, ver, hash, ev, eo))
	ls.dirty = true
}

// writeSums stores the running sums at the transaction's final log revision and
// moves the sums that were valid at its start along (the transaction did not touch
// their layers). Sums already stale stay stale.
func (t *Tx) writeSums() error {
	if !t.sumsReady {
		return nil
	}
	ctx := context.Background()
	rev, err := logRev(ctx, t.tx)
	if err != nil {
		return err
	}
	for _, l := range t.s.layers { // schema order: the same input gives the same file
		ls, ok := t.sums[l.Name]
		if !ok || (!ls.dirty && rev == t.startRev) {
			continue
		}
		if _, err := t.tx.Exec(`INSERT INTO `+stateHashTable+` (layer, sum, rev) VALUES (?, ?, ?)
  ON CONFLICT (layer) DO UPDATE SET sum = excluded.sum, rev = excluded.rev`, l.Name, ls.sum.String(), rev); err != nil {
			return err
		}
	}
	if rev != t.startRev {
		if _, err := t.tx.Exec(`UPDATE `+stateHashTable+` SET rev = ? WHERE rev = ?`, rev, t.startRev); err != nil {
			return err
		}
	}
	return nil
}

// stateHash is the state hash of layers as the transaction sees them.
func (t *Tx) stateHash(layers []string) (StateHash, error) {
	var h StateHash
	for _, l := range layers {
		if _, err := t.s.layer(l); err != nil {
			return h, err
		}
		ls, err := t.sumOf(l)
		if err != nil {
			return h, err
		}
		h.add(ls.sum)
	}
	return h, nil
}

// recomputeStateHash hashes the rows themselves (no stored sum): the reference the
// running sums are checked against.
func recomputeStateHash(ctx context.Context, q querier, s *Store, layers []string) (StateHash, error) {
	var h StateHash
	for _, l := range layers {
		if _, err := s.layer(l); err != nil {
			return h, err
		}
		d, err := digestRows(ctx, q, l, "")
		if err != nil {
			return h, err
		}
		h.add(d)
	}
	return h, nil
}
