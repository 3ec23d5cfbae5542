package store

// What the gmina→powiat sync (package datasync) needs of a store, beyond Store.
// Every backend implements it; sync never knows which backend it talks to.
//
//   - A read snapshot (Snapshot): the change log, the objects, the state hash and
//     per-object digests all read in one read transaction, so that the revision,
//     the changes and the hash a source serves belong to one state.
//   - The state hash: an additive multiset hash over every stored version row of a
//     set of layers (current and history). Each row contributes
//     SHA-256(layer, lokalny_id, wersja_id, content hash, koniec_wersja,
//     koniec_obiekt) read as four 64-bit lanes, summed lane-wise modulo 2^64.
//     Addition makes the hash independent of row order and row keys (which differ
//     between two copies, and between backends) and lets a copy subtract the
//     objects it knowingly diverges on (county edits kept under the keep-local
//     policy) and add the source's digests of them. The same versions give the
//     same hash in every backend.
//   - An apply transaction (SyncTx): a normal Tx plus the creation of missing
//     layers, the checkpoint, the set of diverged objects and raw row resets, all
//     committed or rolled back together.

import (
	"context"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"sort"
)

// StateHash is the additive multiset hash of a set of version rows.
type StateHash [4]uint64

// Add returns h + d.
func (h StateHash) Add(d StateHash) StateHash {
	for i := range h {
		h[i] += d[i]
	}
	return h
}

// Sub returns h − d.
func (h StateHash) Sub(d StateHash) StateHash {
	for i := range h {
		h[i] -= d[i]
	}
	return h
}

// String is the hash as 64 hex digits.
func (h StateHash) String() string {
	var b [32]byte
	for i, v := range h {
		binary.BigEndian.PutUint64(b[i*8:], v)
	}
	return hex.EncodeToString(b[:])
}

// ParseStateHash parses String's output.
func ParseStateHash(s string) (StateHash, error) {
	var h StateHash
	b, err := hex.DecodeString(s)
	if err != nil || len(b) != 32 {
		return h, fmt.Errorf("store: bad state hash %q", s)
	}
	for i := range h {
		h[i] = binary.BigEndian.Uint64(b[i*8:])
	}
	return h, nil
}

// RawChange is one change-log entry (or, for snapshots, one stored version) in the
// change log's own encoding: Obj is the compact JSON of the object (lifecycle
// dates, end dates as stored, attributes in stored form), Geom plain WKB.
type RawChange struct {
	Rev                    int64
	Time                   string
	Layer, ID, Version     string
	Op                     string
	HasBounds              bool
	MinX, MinY, MaxX, MaxY float64
	Obj                    []byte
	Geom                   []byte
}

// ObjKey names one object.
type ObjKey struct{ Layer, ID string }

// SortKeys orders object keys (layer, id).
func SortKeys(k []ObjKey) {
	sort.Slice(k, func(i, j int) bool {
		if k[i].Layer != k[j].Layer {
			return k[i].Layer < k[j].Layer
		}
		return k[i].ID < k[j].ID
	})
}

// SyncCheckpoint is the state of a copy after its last applied pull from a source.
type SyncCheckpoint struct {
	Source    string `json:"source"`     // source dataset name
	URL       string `json:"url"`        // where it was pulled from
	SourceRev int64  `json:"source_rev"` // the source revision the copy equals
	Anchor    string `json:"anchor"`     // digest of the source's entry at SourceRev
	LocalRev  int64  `json:"local_rev"`  // this store's revision right after the apply
	StateHash string `json:"state_hash"` // the verified state hash of the source at SourceRev
	Time      string `json:"time"`
}

// SyncStore is a store that can be a sync source and a sync copy.
type SyncStore interface {
	Store
	// ReadSnapshot opens a consistent read view; Close it when done.
	ReadSnapshot(ctx context.Context) (Snapshot, error)
	// SyncCheckpoint reads the checkpoint of a source (ok false before the first pull).
	SyncCheckpoint(ctx context.Context, source string) (SyncCheckpoint, bool, error)
	// SyncDiverged lists the objects the copy keeps apart from a source.
	SyncDiverged(ctx context.Context, source string) ([]ObjKey, error)
	// SyncLayers returns the layers owned by a source.
	SyncLayers(ctx context.Context, source string) ([]string, error)
	// LocalEdits lists the objects of the given layers that this store's change
	// log touched after revision since.
	LocalEdits(ctx context.Context, since int64, layers []string) ([]ObjKey, error)
	// LockSync takes the store's exclusive pull lock without waiting: an error
	// says another pull holds it. The lock dies with the process.
	LockSync(ctx context.Context) (unlock func(), err error)
	// BeginSync starts the apply transaction of a pull from source.
	BeginSync(ctx context.Context, source string) (SyncTx, error)
}

// Snapshot is a consistent read view of a store.
type Snapshot interface {
	Close() error
	// Layers is the store's schema.
	Layers() []Layer
	// Revision is the newest revision in the view.
	Revision(ctx context.Context) (int64, error)
	// MinRevision is the oldest revision still in the log (0 for an empty log).
	MinRevision(ctx context.Context) (int64, error)
	// Change returns the entry at rev (ok false when the log no longer holds it).
	Change(ctx context.Context, rev int64) (RawChange, bool, error)
	// Changes streams the entries with since < rev <= upTo in order.
	Changes(ctx context.Context, since, upTo int64, fn func(RawChange) error) error
	// StateHash hashes the given layers (all of the store's when nil).
	StateHash(ctx context.Context, layers []string) (StateHash, error)
	// RecomputeStateHash is StateHash computed from every row, ignoring any
	// running sums: for verification.
	RecomputeStateHash(ctx context.Context, layers []string) (StateHash, error)
	// ObjectDigest is the state-hash contribution of one object (zero if absent).
	ObjectDigest(ctx context.Context, k ObjKey) (StateHash, error)
	// Versions streams the stored versions of one layer (every object when id is
	// ""), in the change-log encoding, ordered per object by start of version: the
	// order in which putting them into an empty layer rebuilds the same rows.
	Versions(ctx context.Context, layer, id string, fn func(RawChange) error) error
}

// SyncTx is a write transaction that applies a pull.
type SyncTx interface {
	Tx
	// Checkpoint reads the source's checkpoint inside the transaction.
	Checkpoint(ctx context.Context) (SyncCheckpoint, bool, error)
	// Diverged lists the objects kept apart from the source.
	Diverged(ctx context.Context) ([]ObjKey, error)
	// LocalEdits is SyncStore.LocalEdits inside the transaction.
	LocalEdits(ctx context.Context, since int64, layers []string) ([]ObjKey, error)
	// SetDiverged replaces the set of objects kept apart from the source.
	SetDiverged(ctx context.Context, keys []ObjKey) error
	// EnsureLayers makes the source's layers exist in the store and be owned by
	// the source: a missing layer is created inside the transaction; an existing
	// one must have the same schema and must not belong to another source or hold
	// data of this store's own.
	EnsureLayers(ctx context.Context, layers []Layer) error
	// ClearLayers empties layers before a snapshot load, logging a delete entry
	// per removed row. It must come before anything else touches those layers.
	ClearLayers(ctx context.Context, layers []string) error
	// PutRaw stores one version given in the change-log encoding, through Put.
	PutRaw(ctx context.Context, c RawChange) (PutResult, error)
	// ResetObject removes every stored version of one object, logging a delete
	// entry (no object, the removed geometry's bounds) per removed row.
	ResetObject(ctx context.Context, k ObjKey) error
	// StateHash hashes layers as the transaction sees them.
	StateHash(ctx context.Context, layers []string) (StateHash, error)
	// RecomputeStateHash is StateHash computed from every row: for verification.
	RecomputeStateHash(ctx context.Context, layers []string) (StateHash, error)
	// ObjectDigest is one object's contribution to StateHash.
	ObjectDigest(ctx context.Context, k ObjKey) (StateHash, error)
	// SetCheckpoint records the checkpoint; LocalRev is set to this store's
	// revision after everything the transaction logged.
	SetCheckpoint(ctx context.Context, cp SyncCheckpoint) (SyncCheckpoint, error)
}
