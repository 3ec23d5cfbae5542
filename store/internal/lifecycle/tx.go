package lifecycle

import (
	"context"
	"errors"
	"fmt"

	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/internal/record"
)

// ErrTxDone is returned by operations on a transaction that was committed,
// rolled back, or poisoned by a failed write.
var ErrTxDone = errors.New("store: transaction already finished")

// Lookup finds a layer of the store's schema (store.ErrNotFound when missing).
type Lookup func(name string) (*record.Layer, error)

// SetPoison sets how the transaction wraps the first backend error that poisons
// it (a backend's prefix, its connection-failure marking).
func (t *Tx) SetPoison(wrap func(error) error) { t.wrap = wrap }

// Fail poisons the transaction with a backend error: every later operation and
// the commit return it. The first error sticks.
func (t *Tx) Fail(err error) error {
	if t.err == nil {
		if t.wrap != nil {
			err = t.wrap(err)
		}
		t.err = err
	}
	return t.err
}

// Err is the error that poisoned the transaction (nil if none).
func (t *Tx) Err() error { return t.err }

// End marks the transaction finished; it reports whether it already was.
func (t *Tx) End() (already bool) {
	already, t.done = t.done, true
	return already
}

// Usable reports why the transaction takes no more writes (nil if it does).
func (t *Tx) Usable(ctx context.Context) error {
	switch {
	case t.done:
		return ErrTxDone
	case t.err != nil:
		return t.err
	}
	return ctx.Err()
}

// Open is Layer for a layer found by name: a missing layer is a validation
// error (the transaction stays usable), a backend failure poisons it.
func (t *Tx) Open(lookup Lookup, name string) (*Layer, error) {
	li, err := lookup(name)
	if err != nil {
		return nil, err
	}
	l, err := t.Layer(li)
	if err != nil {
		return nil, t.Fail(err)
	}
	return l, nil
}

// PutObject is store.Tx.Put: o is validated and normalised, then the lifecycle
// applied. Validation errors leave the transaction usable; backend errors
// poison it.
func (t *Tx) PutObject(ctx context.Context, lookup Lookup, o *store.Object) (store.PutResult, error) {
	if err := t.Usable(ctx); err != nil {
		return store.Unchanged, err
	}
	if o == nil {
		return store.Unchanged, errors.New("store: Put(nil)")
	}
	l, err := t.Open(lookup, o.Layer)
	if err != nil {
		return store.Unchanged, err
	}
	r, err := record.Prepare(l.Info, o)
	if err != nil {
		return store.Unchanged, err
	}
	res, err := t.Put(l, r)
	if err != nil {
		return store.Unchanged, t.Fail(err)
	}
	return res, nil
}

// PutRaw is store.SyncTx.PutRaw: a version in the change-log encoding goes
// through PutObject; an entry without an object that deletes resets the object
// (written by a reset on a store that is itself a copy).
func (t *Tx) PutRaw(ctx context.Context, lookup Lookup, c store.RawChange, reset func(store.ObjKey) error) (store.PutResult, error) {
	li, err := lookup(c.Layer)
	if err != nil {
		return store.Unchanged, err
	}
	o, isReset, err := record.DecodeRaw(li, c)
	switch {
	case err != nil:
		return store.Unchanged, err
	case isReset:
		if err := reset(store.ObjKey{Layer: c.Layer, ID: c.ID}); err != nil {
			return store.Unchanged, err
		}
		return store.Deleted, nil
	}
	return t.PutObject(ctx, lookup, o)
}

// CheckedStateHash is the state hash of layers as the transaction sees them, all
// of which must exist.
func (t *Tx) CheckedStateHash(lookup Lookup, layers []string) (store.StateHash, error) {
	for _, l := range layers {
		if _, err := lookup(l); err != nil {
			return store.StateHash{}, err
		}
	}
	h, err := t.StateHash(layers)
	if err != nil {
		return h, t.Fail(err)
	}
	return h, nil
}

// Owners is a backend's side of EnsureLayers: the sync tables and the schema.
type Owners interface {
	// Owner is the source that owns a layer ("" for none).
	Owner(layer string) (string, error)
	// Rows is the number of rows a layer holds (both tables).
	Rows(layer string) (int64, error)
	// CreateLayer creates a layer's tables in the transaction.
	CreateLayer(l store.Layer) error
	// Own records source as the owner of a layer.
	Own(layer, source string) error
}

// EnsureLayers is store.SyncTx.EnsureLayers over a backend: have is the
// store's schema. It returns the new schema when layers were created (nil when
// none were).
func (t *Tx) EnsureLayers(b Owners, source string, have, layers []store.Layer) ([]store.Layer, error) {
	if err := record.ValidateSchema(source, layers); err != nil {
		return nil, err
	}
	schema := append([]store.Layer(nil), have...)
	created := false
	for _, l := range layers {
		owner, err := b.Owner(l.Name)
		if err != nil {
			return nil, t.Fail(err)
		}
		existing, ok := store.LayerByName(have, l.Name)
		var n int64
		if ok && owner == "" {
			if n, err = b.Rows(l.Name); err != nil {
				return nil, t.Fail(err)
			}
		}
		var ex *store.Layer
		if ok {
			ex = &existing
		}
		if err := CheckTakeOver(source, l, ex, owner, n); err != nil {
			return nil, err
		}
		if !ok {
			if err := b.CreateLayer(l); err != nil {
				return nil, t.Fail(fmt.Errorf("create layer %s: %w", l.Name, err))
			}
			schema, created = append(schema, l), true
		}
		if owner == "" {
			if err := b.Own(l.Name, source); err != nil {
				return nil, t.Fail(err)
			}
		}
	}
	if !created {
		return nil, nil
	}
	return schema, nil
}

// OnUndo registers fn to run if the transaction does not commit (a schema the
// backend changed in memory, restored).
func (t *Tx) OnUndo(fn func()) { t.undo = append(t.undo, fn) }

// Undo runs the functions OnUndo registered, newest first, once.
func (t *Tx) Undo() {
	for i := len(t.undo) - 1; i >= 0; i-- {
		t.undo[i]()
	}
	t.undo = nil
}

// ClearLayers is store.SyncTx.ClearLayers: remove deletes every row of a layer
// (reporting them with Removed, keeping no sum); the layer's running sum and
// extents then are the empty layer's.
func (t *Tx) ClearLayers(lookup Lookup, layers []string, remove func(layer string) error) error {
	for _, l := range layers {
		if t.Touched(l) {
			return fmt.Errorf("store: ClearLayers(%s) after the layer was written", l)
		}
		if _, err := lookup(l); err != nil {
			return err
		}
		if err := remove(l); err != nil {
			return err
		}
		if err := t.ClearSum(l); err != nil { // empty: the zero sum
			return t.Fail(err)
		}
		for _, hist := range []bool{false, true} {
			if err := t.b.WriteExtent(l, hist, record.Bnd{}); err != nil {
				return t.Fail(err)
			}
		}
	}
	return nil
}
