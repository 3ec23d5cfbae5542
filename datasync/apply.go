package datasync

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/sip-core/sip/store"
)

// apply applies a changeset to the copy in one transaction: the layers the
// source owns are created or extended, a snapshot replaces them, changes go
// in with the conflict policy, and the result is verified against the
// source's state hash before the new checkpoint commits. Any error rolls the
// whole transaction back.
func (p *puller) apply(ctx context.Context, cs *Changeset, res *Result) error {
	o, cp, st, h := p.o, p.cp, p.st, cs.Header
	tx, err := st.BeginSync(ctx, o.Dataset)
	if err != nil {
		return err
	}
	committed := false
	defer func() {
		if !committed {
			tx.Rollback()
		}
	}()
	cur, had, err := tx.Checkpoint(ctx)
	if err != nil {
		return err
	}
	if had != p.have || cur.SourceRev != cp.SourceRev || cur.Anchor != cp.Anchor {
		return errors.New("sync: the copy's checkpoint moved while this pull ran (another pull applied): nothing applied")
	}
	before := map[string]bool{}
	for _, l := range st.Layers() {
		before[l.Name] = true
	}
	if err := tx.EnsureLayers(ctx, h.Layers); err != nil {
		return err
	}
	layers := res.OwnedLayers
	for _, l := range layers {
		if !before[l] {
			res.NewLayers = append(res.NewLayers, l)
		}
	}
	var diverged []store.ObjKey
	if res.Kind == "snapshot" {
		err = applySnapshot(ctx, tx, cs, layers, res)
	} else {
		diverged, err = p.applyChanges(ctx, tx, cs, layers, res)
	}
	if err != nil {
		return err
	}
	if err := verify(ctx, tx, cs, p.want, layers, diverged); err != nil {
		return err
	}
	if err := tx.SetDiverged(ctx, diverged); err != nil {
		return err
	}
	ncp, err := tx.SetCheckpoint(ctx, store.SyncCheckpoint{URL: o.From, SourceRev: h.Rev, Anchor: cs.Trailer.NewAnchor,
		StateHash: cs.Trailer.StateHash, Time: time.Now().UTC().Format(time.RFC3339)})
	if err != nil {
		return err
	}
	pause("apply")
	if err := tx.Commit(); err != nil {
		return err
	}
	committed, p.applied = true, true
	res.LocalRev, res.Diverged = ncp.LocalRev, len(diverged)
	return nil
}

// applySnapshot replaces the owned layers with the snapshot's versions.
func applySnapshot(ctx context.Context, tx store.SyncTx, cs *Changeset, layers []string, res *Result) error {
	if err := tx.ClearLayers(ctx, layers); err != nil {
		return err
	}
	for _, v := range cs.Versions {
		r, err := tx.PutRaw(ctx, v)
		if err != nil {
			return fmt.Errorf("sync: apply %s/%s/%s: %w", v.Layer, v.ID, v.Version, err)
		}
		if r != store.Unchanged {
			res.Applied++
		}
	}
	return nil
}

// applyChanges applies the source's changes. Objects the county edited
// (recorded before, or touched by its change log since the checkpoint, re-read
// inside the transaction) must all have been probed; those the source also
// changed are conflicts, resolved by the policy. It returns the objects the
// copy keeps apart from the source.
func (p *puller) applyChanges(ctx context.Context, tx store.SyncTx, cs *Changeset, layers []string, res *Result) ([]store.ObjKey, error) {
	edited, err := p.editedHere(ctx, tx, cs, layers)
	if err != nil {
		return nil, err
	}
	touched := map[store.ObjKey][]string{}
	for _, c := range cs.Changes {
		k := store.ObjKey{Layer: c.Layer, ID: c.ID}
		touched[k] = append(touched[k], c.Version)
	}
	srcVersions := map[store.ObjKey][]store.RawChange{}
	for _, v := range cs.Versions {
		k := store.ObjKey{Layer: v.Layer, ID: v.ID}
		srcVersions[k] = append(srcVersions[k], v)
	}
	var diverged []store.ObjKey
	conflict := map[store.ObjKey]bool{}
	for _, k := range edited {
		sv, ok := touched[k]
		if !ok {
			diverged = append(diverged, k)
			continue
		}
		conflict[k] = true
		kept, err := p.resolve(ctx, tx, k, sv, srcVersions[k], res)
		if err != nil {
			return nil, err
		}
		if kept {
			diverged = append(diverged, k)
		}
	}
	for _, c := range cs.Changes {
		if conflict[store.ObjKey{Layer: c.Layer, ID: c.ID}] {
			continue
		}
		r, err := tx.PutRaw(ctx, c)
		if err != nil {
			return nil, fmt.Errorf("sync: apply change %d (%s/%s): %w", c.Rev, c.Layer, c.ID, err)
		}
		if r != store.Unchanged {
			res.Applied++
		}
	}
	return diverged, nil
}

// editedHere lists, sorted, the objects the county edited; each must have
// been sent as a probe, or it was edited while the pull ran.
func (p *puller) editedHere(ctx context.Context, tx store.SyncTx, cs *Changeset, layers []string) ([]store.ObjKey, error) {
	now, err := tx.Diverged(ctx)
	if err != nil {
		return nil, err
	}
	edits, err := tx.LocalEdits(ctx, p.cp.LocalRev, layers)
	if err != nil {
		return nil, err
	}
	set := map[store.ObjKey]bool{}
	for _, k := range append(now, edits...) {
		set[k] = true
	}
	probed := map[store.ObjKey]bool{}
	for _, pr := range cs.Probes {
		probed[pr.Key] = true
	}
	for k := range set {
		if !probed[k] {
			return nil, fmt.Errorf("sync: %s/%s was edited here while the pull ran: nothing applied, run the pull again", k.Layer, k.ID)
		}
	}
	keys := make([]store.ObjKey, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	store.SortKeys(keys)
	return keys, nil
}

// resolve settles a conflict on k (sv: the versions the source changed;
// versions: the source's versions of k) by the policy, recording it in res:
// source-wins replaces the object's history with the source's versions,
// keep-local keeps it apart (kept true).
func (p *puller) resolve(ctx context.Context, tx store.SyncTx, k store.ObjKey, sv []string, versions []store.RawChange, res *Result) (kept bool, err error) {
	hist, _ := p.st.History(ctx, k.Layer, k.ID)
	c := Conflict{Layer: k.Layer, ID: k.ID, Source: sv, Resolution: p.o.Policy}
	for _, v := range hist {
		c.Local = append(c.Local, v.Version)
	}
	if p.o.Policy == KeepLocal {
		c.Resolution = "kept-local"
		kept = true
	} else {
		if err := tx.ResetObject(ctx, k); err != nil {
			return false, err
		}
		for _, v := range versions {
			if _, err := tx.PutRaw(ctx, v); err != nil {
				return false, fmt.Errorf("sync: apply %s/%s/%s: %w", v.Layer, v.ID, v.Version, err)
			}
		}
	}
	res.Conflicts = append(res.Conflicts, c)
	return kept, nil
}

// verify checks the copy's state, with the objects it knowingly keeps apart
// replaced by the source's digests of them, against the source's state.
func verify(ctx context.Context, tx store.SyncTx, cs *Changeset, want store.StateHash, layers []string, diverged []store.ObjKey) error {
	got, err := tx.StateHash(ctx, layers)
	if err != nil {
		return err
	}
	srcDigest := map[store.ObjKey]store.StateHash{}
	for _, pr := range cs.Probes {
		srcDigest[pr.Key] = pr.Digest
	}
	for _, k := range diverged {
		d, err := tx.ObjectDigest(ctx, k)
		if err != nil {
			return err
		}
		got = got.Sub(d).Add(srcDigest[k])
	}
	if got != want {
		return fmt.Errorf("sync: state hash after apply %s differs from the source's %s at revision %d: nothing applied", got, want, cs.Header.Rev)
	}
	return nil
}
