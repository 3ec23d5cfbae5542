package alerts

import (
	"context"
	"fmt"
	"sync"

	"github.com/sip-core/sip/alerts/affected"
	"github.com/sip-core/sip/server"
)

// models keeps the selection model and the unit names of the areas dataset
// at one revision: rebuilt when the dataset changes, so replicas at the same
// revision answer the same. One model is kept (bounded by the dataset).
type models struct {
	mu    sync.Mutex
	key   string
	model *affected.Model
	names map[string]string
}

func (c *models) get(ctx context.Context, d *server.Dataset) (*affected.Model, map[string]string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	key := fmt.Sprintf("%s@%d", d.Name, d.Revision())
	if c.key == key {
		return c.model, c.names, nil
	}
	m, err := affected.Build(ctx, d.Store)
	if err != nil {
		return nil, nil, err
	}
	names, err := unitNames(ctx, d.Store)
	if err != nil {
		return nil, nil, err
	}
	c.key, c.model, c.names = key, m, names
	return m, names, nil
}
