package lifecycle

// The running state hash. The sync state hash (store.SyncStore) is a sum over
// every stored version row; recomputing it reads and hashes every row of a layer.
// The sum is instead kept per layer in the store and maintained by every write
// transaction: each row a transaction inserts, rewrites or removes adds or
// subtracts its digest in memory, and Finish writes the new sums with the rest,
// so a rollback drops them with the rows.
//
// A stored sum is trusted only while its rev equals the newest change-log
// revision. Every write that changes a row also appends to the change log, so a
// writer that does not maintain the sums (an older binary, a hand edit that logs)
// leaves them stale, never wrong: readers then recompute, and the next
// transaction that touches the layer recomputes it and stores it again.

import (
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/internal/record"
)

// Sum is the state hash of one layer as a transaction sees it: the stored (or
// recomputed) sum at the start plus the transaction's changes.
type Sum struct {
	sum   store.StateHash
	dirty bool // must be written on commit
}

// AddRow and SubRow account for one stored row (the columns the state hash reads).
func (s *Sum) AddRow(layer, id, ver, hash, ev, eo string) {
	s.sum = s.sum.Add(record.RowDigest(layer, id, ver, hash, ev, eo))
	s.dirty = true
}

// SubRow removes one stored row from the sum.
func (s *Sum) SubRow(layer, id, ver, hash, ev, eo string) {
	s.sum = s.sum.Sub(record.RowDigest(layer, id, ver, hash, ev, eo))
	s.dirty = true
}

// InitSums reads the sums valid at the start of the transaction (once).
func (t *Tx) InitSums() error {
	if t.sumsReady {
		return nil
	}
	rev, err := t.b.LogRev()
	if err != nil {
		return err
	}
	if t.stored, err = t.b.StoredSums(rev); err != nil {
		return err
	}
	t.startRev, t.sumsReady = rev, true
	return nil
}

// Sum returns the transaction's running sum of a layer, loading it on first use:
// the stored sum if it is valid at the revision the transaction started from,
// otherwise a recomputation from the rows (then written back on commit).
func (t *Tx) Sum(layer string) (*Sum, error) {
	if s, ok := t.sums[layer]; ok {
		return s, nil
	}
	if err := t.InitSums(); err != nil {
		return nil, err
	}
	s := &Sum{}
	if h, ok := t.stored[layer]; ok {
		s.sum = h
	} else {
		h, err := t.b.Digest(layer)
		if err != nil {
			return nil, err
		}
		s.sum, s.dirty = h, true
	}
	t.sums[layer] = s
	return s, nil
}

// ClearSum makes a layer's running sum the empty layer's (a snapshot reload
// removed every row).
func (t *Tx) ClearSum(layer string) error {
	if err := t.InitSums(); err != nil {
		return err
	}
	t.sums[layer] = &Sum{dirty: true}
	return nil
}

// StateHash is the state hash of layers as the transaction sees them.
func (t *Tx) StateHash(layers []string) (store.StateHash, error) {
	var h store.StateHash
	for _, l := range layers {
		s, err := t.Sum(l)
		if err != nil {
			return h, err
		}
		h = h.Add(s.sum)
	}
	return h, nil
}

// writeSums stores the running sums at the transaction's final log revision and
// moves the sums that were valid at its start along (the transaction did not
// touch their layers). Sums already stale stay stale.
func (t *Tx) writeSums(layers []store.Layer) error {
	if !t.sumsReady {
		return nil
	}
	rev, err := t.b.LogRev()
	if err != nil {
		return err
	}
	for _, l := range layers { // schema order: the same input gives the same file
		s, ok := t.sums[l.Name]
		if !ok || (!s.dirty && rev == t.startRev) {
			continue
		}
		if err := t.b.WriteSum(l.Name, s.sum, rev); err != nil {
			return err
		}
	}
	if rev != t.startRev {
		return t.b.MoveSums(t.startRev, rev)
	}
	return nil
}

// SumsAt is the state hash of layers at revision rev as a reader sees it: the
// stored sums valid at rev where there are, recomputed (digest) otherwise.
func SumsAt(layers []string, stored map[string]store.StateHash, digest func(layer string) (store.StateHash, error)) (store.StateHash, error) {
	var h store.StateHash
	for _, l := range layers {
		d, ok := stored[l]
		if !ok {
			var err error
			if d, err = digest(l); err != nil {
				return h, err
			}
		}
		h = h.Add(d)
	}
	return h, nil
}
