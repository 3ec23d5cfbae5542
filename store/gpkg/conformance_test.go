package gpkg

import (
	"math/rand"
	"path/filepath"
	"testing"

	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/storetest"
)

// TestConformance runs the store contract's suite on GeoPackage files, with the
// bulk mode switched on and off at random in the randomised tests.
func TestConformance(t *testing.T) {
	defer func(b int) { bulkAfter = b }(bulkAfter)
	storetest.Run(t, storetest.Backend{
		New: func(t testing.TB, name string, layers []store.Layer) store.Store {
			s, err := Create(filepath.Join(t.TempDir(), name+".gpkg"), name, layers)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			return s
		},
		Reopen: func(t testing.TB, s store.Store, readOnly bool) store.Store {
			open := Open
			if readOnly {
				open = OpenReadOnly
			}
			r, err := open(s.(*Store).Path())
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { r.Close() })
			return r
		},
		Vary: func(rnd *rand.Rand) { bulkAfter = []int{512, 3}[rnd.Intn(2)] },
	})
}
