package statedb

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sip-core/sip/store/postgis/postgistest"
)

func TestMain(m *testing.M) { os.Exit(postgistest.Main(m)) }

// engines opens two handles on one database of each engine, as two replicas
// (or two processes of one machine) would.
func engines(t *testing.T) map[string][2]*DB {
	t.Helper()
	ctx := context.Background()
	out := map[string][2]*DB{}
	file := filepath.Join(t.TempDir(), "state.sqlite")
	c := postgistest.Need(t)
	dsn := c.URL(c.NewSchema("state"))
	for name, d := range map[string]string{"sqlite": file, "postgres": dsn} {
		a, err := OpenDSN(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		b, err := OpenDSN(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { a.Close(); b.Close() })
		out[name] = [2]*DB{a, b}
	}
	return out
}

var counterSteps = []Migration{
	{SQL: `CREATE TABLE test_counter(id TEXT PRIMARY KEY, n BIGINT NOT NULL);
CREATE TABLE test_log(seq {{serial}}, what TEXT NOT NULL);
`},
	{SQL: `INSERT INTO test_counter(id, n) VALUES('a', 0)`},
}

// Two replicas migrating at once apply each step once; the counter they then
// increment under a row lock from many goroutines on both ends exact.
func TestMigrateAndLockRow(t *testing.T) {
	ctx := context.Background()
	for name, dbs := range engines(t) {
		t.Run(name, func(t *testing.T) {
			var wg sync.WaitGroup
			errs := make(chan error, 2)
			for _, d := range dbs {
				wg.Add(1)
				go func() { defer wg.Done(); errs <- d.Migrate(ctx, "test", counterSteps) }()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				if err != nil {
					t.Fatal(err)
				}
			}
			var applied int
			if err := dbs[0].QueryRow(ctx, `SELECT count(*) FROM sip_migrations WHERE feature = ?`, "test").Scan(&applied); err != nil || applied != 2 {
				t.Fatalf("migrations recorded: %d, %v", applied, err)
			}
			const per = 40
			for i := range 8 {
				d := dbs[i%2]
				wg.Add(1)
				go func() {
					defer wg.Done()
					for range per {
						err := d.Tx(ctx, func(tx *Txn) error {
							var n int64
							if err := tx.LockRow(ctx, `SELECT n FROM test_counter WHERE id = ?`, "a").Scan(&n); err != nil {
								return err
							}
							if _, err := tx.Exec(ctx, `UPDATE test_counter SET n = ? WHERE id = ?`, n+1, "a"); err != nil {
								return err
							}
							_, err := tx.Exec(ctx, `INSERT INTO test_log(what) VALUES(?)`, "inc")
							return err
						})
						if err != nil {
							t.Error(err)
							return
						}
					}
				}()
			}
			wg.Wait()
			var n, logged, maxSeq int64
			if err := dbs[1].QueryRow(ctx, `SELECT n FROM test_counter WHERE id = 'a'`).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if err := dbs[1].QueryRow(ctx, `SELECT count(*), max(seq) FROM test_log`).Scan(&logged, &maxSeq); err != nil {
				t.Fatal(err)
			}
			if n != 8*per || logged != 8*per || maxSeq < logged {
				t.Errorf("counter %d, log rows %d (max seq %d), want %d", n, logged, maxSeq, 8*per)
			}
			// A newer program's tables are refused, not downgraded.
			if err := dbs[0].Migrate(ctx, "test", counterSteps[:1]); err == nil {
				t.Error("a program knowing fewer steps than applied migrated anyway")
			}
		})
	}
}

func TestRebind(t *testing.T) {
	pg := &DB{dialect: Postgres}
	if got := pg.Rebind(`SELECT '?' , a FROM t WHERE b = ? AND c IN (?, ?)`); got != `SELECT '?' , a FROM t WHERE b = $1 AND c IN ($2, $3)` {
		t.Errorf("rebind: %s", got)
	}
	lite := &DB{dialect: SQLite}
	if got := lite.Rebind(`a = ?`); got != `a = ?` {
		t.Errorf("sqlite rebind: %s", got)
	}
}

func TestSchemaAndErrors(t *testing.T) {
	ctx := context.Background()
	c := postgistest.Need(t)
	if _, err := OpenDSN(ctx, c.URL("Bad-Schema")); err == nil {
		t.Error("a schema name needing quotes was accepted")
	}
	// Without schema= the tables go to sip_state, made when missing.
	d, err := OpenDSN(ctx, c.URL(""))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if err := d.Migrate(ctx, "test", counterSteps); err != nil {
		t.Fatal(err)
	}
	out, err := c.PSQL(postgistest.Database, `SELECT count(*) FROM sip_state.test_counter`)
	if err != nil || out != "1" {
		t.Fatalf("sip_state.test_counter: %q %v", out, err)
	}
	// A database that does not answer is ErrUnavailable, and the password never
	// appears in the error.
	bad := strings.Replace(c.DSN("x"), fmt.Sprintf("port=%d", c.Port), "port=1", 1)
	_, err = OpenDSN(ctx, bad)
	if !errors.Is(err, ErrUnavailable) {
		t.Fatalf("unreachable database: %v", err)
	}
	if strings.Contains(err.Error(), postgistest.Password) {
		t.Errorf("password in error: %v", err)
	}
}

// A lease is one holder's at a time on both handles of each engine: renewed
// by its holder, refused to another until it lapses or is released.
func TestLease(t *testing.T) {
	ctx := context.Background()
	for name, dbs := range engines(t) {
		t.Run(name, func(t *testing.T) {
			a, b := dbs[0], dbs[1]
			take := func(d *DB, holder string, ttl time.Duration, want bool) {
				t.Helper()
				if ok, err := d.Lease(ctx, "jobs", holder, ttl); err != nil || ok != want {
					t.Fatalf("%s taking the lease: %v %v, want %v", holder, ok, err, want)
				}
			}
			take(a, "replica-a", time.Minute, true)
			take(b, "replica-b", time.Minute, false)
			take(a, "replica-a", time.Minute, true) // renewed
			if err := a.Release(ctx, "jobs", "replica-b"); err != nil {
				t.Fatal(err)
			}
			take(b, "replica-b", time.Minute, false) // another's release leaves it
			if err := a.Release(ctx, "jobs", "replica-a"); err != nil {
				t.Fatal(err)
			}
			take(b, "replica-b", 50*time.Millisecond, true)
			take(a, "replica-a", time.Minute, false)
			time.Sleep(100 * time.Millisecond)
			take(a, "replica-a", time.Minute, true) // b stopped renewing
			// Turn: every process of one machine runs the work; replicas
			// take turns.
			if ok, err := a.Turn(ctx, "work", "replica-a", time.Minute); !ok || err != nil {
				t.Fatalf("first turn: %v %v", ok, err)
			}
			if ok, err := b.Turn(ctx, "work", "replica-b", time.Minute); ok != (name == "sqlite") || err != nil {
				t.Fatalf("second turn on %s: %v %v", name, ok, err)
			}
		})
	}
}

// A lease asked for while the database is away fails as ErrUnavailable and
// works once it is back (the leases' table is made then, not never).
func TestLeaseAfterOutage(t *testing.T) {
	ctx := context.Background()
	c := postgistest.Need(t)
	d, err := OpenDSN(ctx, c.URL(c.NewSchema("lease")))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if err := c.StopServer(); err != nil {
		t.Fatal(err)
	}
	_, err = d.Lease(ctx, "jobs", "replica-a", time.Minute)
	if serr := c.StartServer(); serr != nil {
		t.Fatal(serr)
	}
	if !errors.Is(err, ErrUnavailable) {
		t.Fatalf("a lease without the database: %v", err)
	}
	if ok, err := d.Lease(ctx, "jobs", "replica-a", time.Minute); !ok || err != nil {
		t.Fatalf("a lease after the database returned: %v %v", ok, err)
	}
}
