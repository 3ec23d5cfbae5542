// Package lifecycle is the write transaction every store backend shares: the
// EGiB lifecycle a Put applies to the stored versions of an object, the running
// state hash of each layer, and the layer extents, over a small set of row
// operations (Tables, Backend) that each backend implements in its own SQL.
//
// The rules of Put (see store.Tx):
//
//   - a version without an end whose (lokalnyId, wersjaId) is the current one:
//     Unchanged when its content hash is equal, otherwise updated in place (Updated);
//   - a version without an end newer (by startWersja, then wersjaId) than the
//     current one: the current row moves to the history, its koniecWersja set to the
//     new startWersja if unset, and the new version takes over the current row (same
//     row key) (Updated); with no current row it is inserted (Inserted) unless the
//     history already holds a newer version;
//   - a version without an end that is older than the current or a historic version
//     never becomes current: it is archived with koniecWersja = the start of the
//     next newer version (Archived);
//   - an ended version equal to, or newer than, the current version closes the
//     current row: the current row leaves the current table and the ended version is
//     stored in the history (Deleted: the object is no longer in the current state);
//   - any other ended version goes to the history only (Archived; Unchanged if it is
//     stored identically, Updated if its content or end dates differ).
//
// Every result but Unchanged appends one entry to the change log.
package lifecycle

import (
	"encoding/json"
	"fmt"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/internal/record"
)

// Row is what the lifecycle knows of one stored version row.
type Row struct {
	Key        int64 // the backend's row id in its table
	ID         string
	Version    string
	SV, EV, EO string // start_wersja, koniec_wersja, koniec_obiekt as stored ("" for NULL)
	Hash       string
	VKey       int64 // the per-layer version serial (sip_vkey)
}

// Tables is one layer's current and history tables inside a backend's write
// transaction. Every method sees the writes made before it in the transaction.
type Tables interface {
	// Current returns the current row of an object (ok false: none).
	Current(id string) (Row, bool, error)
	// History returns the history rows of an object.
	History(id string) ([]Row, error)
	// Bound is the envelope of a stored row's geometry (hist: a history row).
	Bound(row Row, hist bool) (record.Bnd, error)
	InsertCurrent(r *record.Record, vkey int64) error
	// UpdateCurrent rewrites a current row in place, keeping its row key.
	UpdateCurrent(row Row, r *record.Record, vkey int64) error
	DeleteCurrent(row Row) error
	// MoveToHistory copies a current row into the history, its koniec_wersja set
	// to end when it has none; b is the row's geometry bound.
	MoveToHistory(row Row, end string, b record.Bnd) error
	InsertHistory(r *record.Record, ev, eo string, vkey int64) error
	// UpdateHistory rewrites a history row in place, keeping its version key.
	UpdateHistory(row Row, r *record.Record, ev, eo string) error
	DeleteHistory(row Row) error
}

// LayerStart is what a backend reads when a transaction first touches a layer.
type LayerStart struct {
	MaxVKey int64         // the largest version key in either table (0: none)
	Extent  [2]record.Bnd // the stored extents of the current and history tables
}

// Backend is the store-wide side of a backend's write transaction.
type Backend interface {
	// OpenLayer prepares a layer's tables for the transaction.
	OpenLayer(li *record.Layer) (Tables, LayerStart, error)
	// Log appends a change-log entry; obj and wkb are nil for an entry without
	// an object (a row removed by a sync reset).
	Log(layer, id, version string, op store.Op, obj, wkb []byte, b record.Bnd) error
	// LogRev is the newest change-log revision as the transaction sees it.
	LogRev() (int64, error)
	// StoredSums reads the running sums stored valid at revision rev.
	StoredSums(rev int64) (map[string]store.StateHash, error)
	// Digest recomputes a layer's state hash from its rows.
	Digest(layer string) (store.StateHash, error)
	// WriteSum stores a layer's running sum, valid at rev.
	WriteSum(layer string, h store.StateHash, rev int64) error
	// MoveSums marks the sums valid at from as valid at to.
	MoveSums(from, to int64) error
	// ExactExtent computes the extent of a layer's table from its rows.
	ExactExtent(layer string, hist bool) (record.Bnd, error)
	// WriteExtent stores the extent of a layer's table.
	WriteExtent(layer string, hist bool, b record.Bnd) error
}

// Tx is the backend-independent state of one write transaction.
type Tx struct {
	b      Backend
	layers map[string]*Layer

	// Running state hash: the sums of the layers the transaction touched, the sums
	// valid when it started, and the log revision it started at.
	sums      map[string]*Sum
	stored    map[string]store.StateHash
	startRev  int64
	sumsReady bool

	done bool
	err  error             // the backend error that poisoned the transaction
	wrap func(error) error // how Fail wraps it
	undo []func()          // see OnUndo
}

// New starts the shared state of a transaction on b.
func New(b Backend) *Tx {
	return &Tx{b: b, layers: map[string]*Layer{}, sums: map[string]*Sum{}}
}

// Layer is one layer in a transaction.
type Layer struct {
	Info   *record.Layer
	Tables Tables
	sum    *Sum
	next   int64     // the next version key
	ext    [2]Extent // 0 current, 1 history
}

// Touched reports whether the transaction has opened a layer.
func (t *Tx) Touched(name string) bool { _, ok := t.layers[name]; return ok }

// Layer opens a layer for the transaction on first use.
func (t *Tx) Layer(li *record.Layer) (*Layer, error) {
	if l, ok := t.layers[li.Name]; ok {
		return l, nil
	}
	sum, err := t.Sum(li.Name)
	if err != nil {
		return nil, err
	}
	tb, st, err := t.b.OpenLayer(li)
	if err != nil {
		return nil, err
	}
	l := &Layer{Info: li, Tables: tb, sum: sum, next: st.MaxVKey + 1}
	for i, e := range st.Extent {
		l.ext[i] = Extent{b: e.B, has: e.OK}
	}
	t.layers[li.Name] = l
	return l, nil
}

// NextVKey hands out the next version key of the layer.
func (l *Layer) NextVKey() int64 {
	vk := l.next
	l.next++
	return vk
}

// newer orders versions by start_wersja, then by wersja_id as a tie-break.
func newer(aSV, aVer, bSV, bVer string) bool {
	if aSV != bSV {
		return aSV > bSV
	}
	return aVer > bVer
}

// Put applies the lifecycle to a prepared version (see the package doc).
func (t *Tx) Put(l *Layer, r *record.Record) (store.PutResult, error) {
	tb := l.Tables
	id, ver := r.Obj.ID, r.Obj.Version
	isCurrent := r.EV == "" && r.EO == ""
	cur, found, err := tb.Current(id)
	if err != nil {
		return 0, err
	}
	if isCurrent && found && cur.Version == ver {
		if cur.Hash == r.Hash {
			return store.Unchanged, nil
		}
		return t.replaceCurrent(l, cur, r, cur.VKey, false)
	}
	hist, err := tb.History(id)
	if err != nil {
		return 0, err
	}
	var same *Row // the stored history row of this very version, if any
	for i := range hist {
		if hist[i].Version == ver {
			same = &hist[i]
		}
	}
	if isCurrent {
		// The start of the next newer version, if any: then r can never be current.
		next := ""
		if found && !newer(r.SV, ver, cur.SV, cur.Version) {
			next = cur.SV
		}
		for _, h := range hist {
			if h.Version != ver && newer(h.SV, h.Version, r.SV, ver) && (next == "" || h.SV < next) {
				next = h.SV
			}
		}
		if next != "" {
			return t.archive(l, r, same, next, "")
		}
		vkey, err := t.dropHist(l, same)
		if err != nil {
			return 0, err
		}
		if !found {
			return t.insertCurrent(l, r, vkey)
		}
		// r is newer than the current version: close that one into the history and
		// let r take over the current row (the row key stays).
		return t.replaceCurrent(l, cur, r, vkey, true)
	}
	// An ended version.
	if found && (cur.Version == ver || newer(r.SV, ver, cur.SV, cur.Version)) {
		return t.closeCurrent(l, cur, r, same)
	}
	return t.archive(l, r, same, r.EV, r.EO)
}

// replaceCurrent rewrites the current row cur as r (moving cur to the history
// first when move is set).
func (t *Tx) replaceCurrent(l *Layer, cur Row, r *record.Record, vkey int64, move bool) (store.PutResult, error) {
	old, err := l.Tables.Bound(cur, false)
	if err != nil {
		return 0, err
	}
	if move {
		if err := t.moveToHist(l, r, cur, old); err != nil {
			return 0, err
		}
	}
	if err := l.Tables.UpdateCurrent(cur, r, vkey); err != nil {
		return 0, err
	}
	l.sum.SubRow(l.Info.Name, cur.ID, cur.Version, cur.Hash, cur.EV, cur.EO)
	l.sum.AddRow(l.Info.Name, cur.ID, r.Obj.Version, r.Hash, "", "")
	if old.OK {
		l.ext[0].Remove(old.B)
	}
	l.addCur(r)
	return store.Updated, t.log(l, r, store.OpUpdate, "", "", old)
}

// closeCurrent ends the current row cur with the ended version r.
func (t *Tx) closeCurrent(l *Layer, cur Row, r *record.Record, same *Row) (store.PutResult, error) {
	old, err := l.Tables.Bound(cur, false)
	if err != nil {
		return 0, err
	}
	vkey := cur.VKey
	if cur.Version != r.Obj.Version {
		if err := t.moveToHist(l, r, cur, old); err != nil {
			return 0, err
		}
		vkey = 0
	}
	if err := l.Tables.DeleteCurrent(cur); err != nil {
		return 0, err
	}
	l.sum.SubRow(l.Info.Name, cur.ID, cur.Version, cur.Hash, cur.EV, cur.EO)
	if old.OK {
		l.ext[0].Remove(old.B)
	}
	hb, err := t.storeHist(l, r, same, r.EV, r.EO, vkey)
	if err != nil {
		return 0, err
	}
	return store.Deleted, t.log(l, r, store.OpDelete, r.EV, r.EO, old.Union(hb))
}

// insertCurrent inserts r as a new current row.
func (t *Tx) insertCurrent(l *Layer, r *record.Record, vkey int64) (store.PutResult, error) {
	if err := l.Tables.InsertCurrent(r, vkey); err != nil {
		return 0, err
	}
	l.sum.AddRow(l.Info.Name, r.Obj.ID, r.Obj.Version, r.Hash, "", "")
	l.addCur(r)
	return store.Inserted, t.log(l, r, store.OpInsert, "", "", record.Bnd{})
}

// moveToHist copies the current row cur, whose geometry has the bound old, into
// the history, closing it at the start of r if it has no end.
func (t *Tx) moveToHist(l *Layer, r *record.Record, cur Row, old record.Bnd) error {
	if err := l.Tables.MoveToHistory(cur, r.SV, old); err != nil {
		return err
	}
	ev := cur.EV
	if ev == "" {
		ev = r.SV
	}
	l.sum.AddRow(l.Info.Name, cur.ID, cur.Version, cur.Hash, ev, cur.EO)
	if old.OK {
		l.ext[1].Add(old.B)
	}
	return nil
}

// dropHist removes a history row of a version that becomes current again and
// returns the version key to use for it.
func (t *Tx) dropHist(l *Layer, h *Row) (int64, error) {
	if h == nil {
		return l.NextVKey(), nil
	}
	old, err := l.Tables.Bound(*h, true)
	if err != nil {
		return 0, err
	}
	if err := l.Tables.DeleteHistory(*h); err != nil {
		return 0, err
	}
	l.sum.SubRow(l.Info.Name, h.ID, h.Version, h.Hash, h.EV, h.EO)
	if old.OK {
		l.ext[1].Remove(old.B)
	}
	return h.VKey, nil
}

// storeHist inserts r into the history, or overwrites the stored row of the same
// version. It returns the bound of the overwritten geometry.
func (t *Tx) storeHist(l *Layer, r *record.Record, same *Row, ev, eo string, vkey int64) (record.Bnd, error) {
	var old record.Bnd
	if same != nil {
		var err error
		if old, err = l.Tables.Bound(*same, true); err != nil {
			return old, err
		}
		if err := l.Tables.UpdateHistory(*same, r, ev, eo); err != nil {
			return old, err
		}
		l.sum.SubRow(l.Info.Name, same.ID, same.Version, same.Hash, same.EV, same.EO)
		if old.OK {
			l.ext[1].Remove(old.B)
		}
	} else {
		if vkey == 0 {
			vkey = l.NextVKey()
		}
		if err := l.Tables.InsertHistory(r, ev, eo, vkey); err != nil {
			return old, err
		}
	}
	l.sum.AddRow(l.Info.Name, r.Obj.ID, r.Obj.Version, r.Hash, ev, eo)
	if r.HasBound {
		l.ext[1].Add(r.Bound)
	}
	return old, nil
}

// archive stores r in the history only; the current state is unchanged.
func (t *Tx) archive(l *Layer, r *record.Record, same *Row, ev, eo string) (store.PutResult, error) {
	if same != nil && same.Hash == r.Hash && same.EV == ev && same.EO == eo {
		return store.Unchanged, nil
	}
	old, err := t.storeHist(l, r, same, ev, eo, 0)
	if err != nil {
		return 0, err
	}
	res := store.Archived
	if same != nil {
		res = store.Updated
	}
	return res, t.log(l, r, store.OpArchive, ev, eo, old)
}

// log appends one change-log entry for r as stored (with end dates ev, eo); old is
// the bound of the geometry the change replaced.
func (t *Tx) log(l *Layer, r *record.Record, op store.Op, ev, eo string, old record.Bnd) error {
	b := old.Union(record.Bnd{B: r.Bound, OK: r.HasBound})
	return t.b.Log(l.Info.Name, r.Obj.ID, r.Obj.Version, op, record.EncodeChange(l.Info, r, ev, eo), r.WKB(), b)
}

func (l *Layer) addCur(r *record.Record) {
	if r.HasBound {
		l.ext[0].Add(r.Bound)
	}
}

// Removed accounts for stored rows a backend deleted outside Put (a sync reset):
// one change-log delete entry without an object per row, bounded by its
// geometry, the row subtracted from the layer's running sum unless keepSum (the
// caller resets the sum), and the extent of the table recomputed on commit.
func (t *Tx) Removed(layer string, hist bool, rows []RemovedRow, keepSum bool) error {
	if len(rows) == 0 {
		return nil
	}
	var sum *Sum
	if !keepSum {
		var err error
		if sum, err = t.Sum(layer); err != nil {
			return err
		}
	}
	for _, r := range rows {
		if err := t.b.Log(layer, r.ID, r.Version, store.OpDelete, nil, nil, r.Bound); err != nil {
			return err
		}
		if sum != nil {
			sum.SubRow(layer, r.ID, r.Version, r.Hash, r.EV, r.EO)
		}
	}
	if l, ok := t.layers[layer]; ok {
		i := 0
		if hist {
			i = 1
		}
		l.ext[i].dirty, l.ext[i].recompute = true, true
	}
	return nil
}

// RemovedRow is a stored row deleted by a sync reset.
type RemovedRow struct {
	ID, Version, Hash, EV, EO string
	Bound                     record.Bnd
}

// Finish writes back what the transaction changed besides the rows: the extents
// of the tables it touched (recomputed where a removal may have shrunk them) and
// the running sums. layers is the schema, in order.
func (t *Tx) Finish(layers []store.Layer) error {
	for _, sl := range layers {
		l, ok := t.layers[sl.Name]
		if !ok {
			continue
		}
		for i := range l.ext {
			e := &l.ext[i]
			if !e.dirty {
				continue
			}
			b := record.Bnd{B: e.b, OK: e.has}
			if e.recompute {
				var err error
				if b, err = t.b.ExactExtent(sl.Name, i == 1); err != nil {
					return err
				}
			}
			if err := t.b.WriteExtent(sl.Name, i == 1, b); err != nil {
				return err
			}
		}
	}
	return t.writeSums(layers)
}

// Extent tracks the stored extent of one table during a transaction.
type Extent struct {
	b         orb.Bound
	has       bool
	dirty     bool // must be written back
	recompute bool // a removed geometry touched the edge: compute exactly on commit
}

// Add widens the extent by a new geometry's bound.
func (e *Extent) Add(b orb.Bound) {
	if e.has {
		e.b = e.b.Union(b)
	} else {
		e.b, e.has = b, true
	}
	e.dirty = true
}

// Remove accounts for a removed geometry: the extent is recomputed on commit
// when the geometry reached its edge.
func (e *Extent) Remove(b orb.Bound) {
	e.dirty = true
	if !e.has || b.Min[0] <= e.b.Min[0] || b.Min[1] <= e.b.Min[1] || b.Max[0] >= e.b.Max[0] || b.Max[1] >= e.b.Max[1] {
		e.recompute = true
	}
}

// Cleared marks a table emptied outside Put (a snapshot reload).
func (l *Layer) Cleared() {
	for i := range l.ext {
		l.ext[i] = Extent{dirty: true}
	}
}

// CheckTakeOver decides whether a sync source may own layer l of a store (see
// store.SyncTx.EnsureLayers): existing is the store's layer of that name (nil
// when it has none), owner the source that owns it ("" for none) and rows the
// number of rows it holds.
func CheckTakeOver(source string, l store.Layer, existing *store.Layer, owner string, rows int64) error {
	if owner != "" && owner != source {
		return fmt.Errorf("store: layer %s is already synced from dataset %s", l.Name, owner)
	}
	if existing == nil {
		return nil
	}
	mine, _ := json.Marshal(*existing)
	theirs, _ := json.Marshal(l)
	if string(mine) != string(theirs) {
		return fmt.Errorf("store: layer %s exists here with a different schema than the source's", l.Name)
	}
	if owner == "" && rows > 0 {
		return fmt.Errorf("store: layer %s holds %d rows of this store's own: refusing to let dataset %s take it over", l.Name, rows, source)
	}
	return nil
}
