package outbox_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/sip-core/sip/outbox"
	"github.com/sip-core/sip/statedb"
	"github.com/sip-core/sip/store/postgis/postgistest"
)

func TestMain(m *testing.M) { os.Exit(postgistest.Main(m)) }

// engines opens two handles on one outbox of each engine of the state
// database: two processes sharing a SQLite file, two replicas sharing a
// PostgreSQL schema started by the test.
func engines(t *testing.T) map[string][2]*outbox.DB {
	t.Helper()
	ctx := context.Background()
	c := postgistest.Need(t)
	out := map[string][2]*outbox.DB{}
	path := filepath.Join(t.TempDir(), "o.sqlite")
	out["sqlite"] = [2]*outbox.DB{open(t, path), open(t, path)}
	dsn := c.URL(c.NewSchema("outbox"))
	var pg [2]*outbox.DB
	for i := range pg {
		db, err := statedb.OpenDSN(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		if pg[i], err = outbox.Open(ctx, db); err != nil {
			t.Fatal(err)
		}
	}
	out["postgres"] = pg
	return out
}
