package postgis

import (
	"context"
	"os"
	"testing"

	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/postgis/postgistest"
	"github.com/sip-core/sip/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(postgistest.Main(m)) }

var ctx = context.Background()

// newStore creates a dataset in a schema of its own on the package's cluster.
func newStore(t testing.TB, name string, layers []store.Layer) *Store {
	t.Helper()
	c := postgistest.Need(t)
	dsn := c.DSN(c.NewSchema("t"))
	s, err := Create(ctx, dsn, name, layers)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func dsnOf(t testing.TB, s *Store) string {
	return postgistest.Need(t).DSN(s.Schema())
}

// TestConformance runs the store contract's suite on a real PostGIS database.
func TestConformance(t *testing.T) {
	storetest.Run(t, storetest.Backend{
		New: func(t testing.TB, name string, layers []store.Layer) store.Store { return newStore(t, name, layers) },
		Reopen: func(t testing.TB, s store.Store, readOnly bool) store.Store {
			r, err := Open(ctx, dsnOf(t, s.(*Store)), readOnly)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { r.Close() })
			return r
		},
	})
}
