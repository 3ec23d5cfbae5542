package parcels

import (
	"context"
	"fmt"

	"github.com/sip-core/sip/internal/cache"
	"github.com/sip-core/sip/store"
)

// Parcel lookups by id_dzialki read the store (the index of its id column)
// instead of a map of every parcel held in memory; the answers are kept in a
// small bounded cache keyed by the model's generation, so any change applied
// to the model retires them all and an answer never outlives the state it was
// read from.

// idCacheBudget bounds the id → lokalnyId cache of one dataset (some ten
// thousand ids).
const idCacheBudget = 1 << 20

// idKey names the answer for one id_dzialki at one model generation.
type idKey struct {
	gen uint64
	id  string
}

// idCache maps id_dzialki → lokalnyId ("" for no parcel).
type idCache = cache.Cache[idKey, string]

func newIDCache() *idCache { return cache.New[idKey, string](idCacheBudget) }

// parcelByID returns the current parcel with the given id_dzialki, with its
// geometry read into the cache.
func (m *model) parcelByID(ctx context.Context, id string) (*parcel, bool, error) {
	m.mu.RLock()
	gen := m.gen
	m.mu.RUnlock()
	k := idKey{gen, id}
	uuid, ok := m.ids.Get(k)
	if !ok {
		var err error
		if uuid, err = m.readParcelID(ctx, id); err != nil {
			return nil, false, err
		}
		m.ids.Put(m.ids.Gen(), k, uuid, int64(len(id)+len(uuid))+64)
	}
	if uuid == "" {
		return nil, false, nil
	}
	ls, err := m.locateIDs(ctx, []string{uuid})
	if err != nil || len(ls) == 0 || ls[0].id != id {
		return nil, false, err
	}
	return ls[0].parcel, true, nil
}

// readParcelID finds the lokalnyId of the current parcel with id_dzialki id in
// the store: the last in key order when ids repeat.
func (m *model) readParcelID(ctx context.Context, id string) (string, error) {
	uuid := ""
	q := store.Query{Layer: "dzialki", Where: map[string]any{"id_dzialki": id}, NoGeometry: true, Limit: 100}
	err := m.st.Query(ctx, q, func(row store.Row) error {
		uuid = row.ID
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("parcels: looking up %s: %w", id, err)
	}
	return uuid, nil
}
