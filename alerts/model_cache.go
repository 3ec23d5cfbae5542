package alerts

import (
	"context"
	"fmt"
	"sync"

	"github.com/sip-core/sip/alerts/affected"
	"github.com/sip-core/sip/server"
	"github.com/sip-core/sip/store"
)

// models keeps the selection model and the unit names of the areas dataset
// (with the address points of the register dataset, when there is one) at
// one revision of each: rebuilt when either changes, so replicas at the same
// revisions answer the same. One model is kept (bounded by the datasets).
type models struct {
	mu    sync.Mutex
	key   string
	model *affected.Model
	names map[string]string
}

func (c *models) get(ctx context.Context, st *server.State, d *server.Dataset) (*affected.Model, map[string]string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	reg := register(st)
	key := fmt.Sprintf("%s@%d", d.Name, d.Revision())
	if reg != nil {
		key += fmt.Sprintf(" %s@%d", reg.Name, reg.Revision())
	}
	if c.key == key {
		return c.model, c.names, nil
	}
	m, err := affected.Build(ctx, d.Store)
	if err != nil {
		return nil, nil, err
	}
	if reg != nil {
		if err := m.AddRegister(ctx, reg.Store, d.Store); err != nil {
			return nil, nil, fmt.Errorf("alerts: the address points of %s: %w", reg.Name, err)
		}
	}
	names, err := unitNames(ctx, d.Store)
	if err != nil {
		return nil, nil, err
	}
	c.key, c.model, c.names = key, m, names
	return m, names, nil
}

// register is the dataset of the gminy's address points:
// alerts.address_points, or the first with a punkty_adresowe layer; nil
// when there is none.
func register(st *server.State) *server.Dataset {
	if n := st.Config.Alerts.AddressPoints; n != "" {
		if d, ok := st.Dataset(n); ok {
			return d
		}
		return nil
	}
	for _, d := range st.Datasets() {
		if _, ok := store.LayerByName(d.Store.Layers(), affected.RegisterLayer); ok {
			return d
		}
	}
	return nil
}
