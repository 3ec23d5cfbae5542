package extracts

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/sip-core/sip/store/postgis/postgistest"
)

// The orders schema before the state database: one SQLite file of the
// extracts alone, tables without a prefix.
const legacySchema = `
PRAGMA journal_mode=WAL;
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS orders(
	id TEXT PRIMARY KEY,
	created TEXT NOT NULL,
	updated TEXT NOT NULL,
	state TEXT NOT NULL,
	dataset TEXT NOT NULL,
	request TEXT NOT NULL,
	quote TEXT NOT NULL,
	total INTEGER NOT NULL CHECK (total >= 0),
	currency TEXT NOT NULL,
	provider TEXT NOT NULL,
	payment_id TEXT NOT NULL DEFAULT '',
	ready_at TEXT NOT NULL DEFAULT '',
	expires_at TEXT NOT NULL DEFAULT '',
	files TEXT NOT NULL DEFAULT '[]');
CREATE INDEX IF NOT EXISTS orders_state ON orders(state);
-- one charge per order at most: the primary key makes a second one impossible
CREATE TABLE IF NOT EXISTS charges(
	order_id TEXT PRIMARY KEY REFERENCES orders(id),
	provider TEXT NOT NULL,
	payment_id TEXT NOT NULL,
	amount INTEGER NOT NULL,
	currency TEXT NOT NULL,
	time TEXT NOT NULL);
-- notifications already handled (replays are acknowledged and ignored)
CREATE TABLE IF NOT EXISTS notifications(
	provider TEXT NOT NULL,
	digest TEXT NOT NULL,
	time TEXT NOT NULL,
	order_id TEXT NOT NULL,
	status TEXT NOT NULL,
	PRIMARY KEY(provider, digest));
CREATE TABLE IF NOT EXISTS downloads(
	order_id TEXT NOT NULL,
	file TEXT NOT NULL,
	count INTEGER NOT NULL,
	PRIMARY KEY(order_id, file));
CREATE TABLE IF NOT EXISTS audit(
	seq INTEGER PRIMARY KEY AUTOINCREMENT,
	time TEXT NOT NULL,
	order_id TEXT NOT NULL,
	actor TEXT NOT NULL,
	action TEXT NOT NULL,
	amount INTEGER NOT NULL DEFAULT 0,
	detail TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS audit_order ON audit(order_id);
`

// An orders file written before the state database keeps every order,
// charge, audit entry and the signing key once opened as state.
func TestLegacyOrdersFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "orders.sqlite")
	old, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{legacySchema,
		`INSERT INTO meta VALUES('token_key', '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff')`,
		`INSERT INTO orders(id, created, updated, state, dataset, request, quote, total, currency, provider, payment_id, files)
		 VALUES('ord_old', '2025-01-02T03:04:05Z', '2025-01-02T03:04:05Z', 'paid', 'county', '{}', '{}', 14000, 'PLN', 'payu', 'P-OLD', '[]')`,
		`INSERT INTO charges VALUES('ord_old', 'payu', 'P-OLD', 14000, 'PLN', '2025-01-02T03:05:00Z')`,
		`INSERT INTO audit(time, order_id, actor, action, amount, detail) VALUES('2025-01-02T03:05:00Z', 'ord_old', 'provider:payu', 'paid', 14000, 'legacy')`,
	} {
		if _, err := old.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	old.Close()
	db, err := OpenDB(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	o, err := db.Get(ctx, "ord_old")
	if err != nil || o.State != StatePaid || o.Total != 14000 || o.PaymentID != "P-OLD" {
		t.Fatalf("legacy order: %+v %v", o, err)
	}
	if n, err := db.Charges(ctx, "ord_old"); n != 1 || err != nil {
		t.Errorf("legacy charge: %d %v", n, err)
	}
	if k, err := db.signingKey(ctx); err != nil || fmt.Sprintf("%x", k[:4]) != "00112233" {
		t.Errorf("legacy signing key: %x %v", k, err)
	}
	if err := db.Audit(ctx, "ord_old", "test", "note", 0, "after the move"); err != nil {
		t.Fatal(err)
	}
	a, err := db.AuditLog(ctx, "ord_old")
	if err != nil || len(a) != 2 || a[0].Detail != "legacy" || a[1].Seq <= a[0].Seq {
		t.Errorf("audit after the move: %+v %v", a, err)
	}
	// The generator's claim works on the adopted table.
	if ok, err := db.Claim(ctx, "ord_old", "gen-a", time.Minute); !ok || err != nil {
		t.Errorf("claim on a legacy order: %v %v", ok, err)
	}
}

// stateDBs opens two handles on one state database of each engine: two
// replicas on a shared PostgreSQL schema, two processes on one SQLite file.
func stateDBs(t *testing.T) map[string][2]*DB {
	t.Helper()
	ctx := context.Background()
	c := postgistest.Need(t)
	out := map[string][2]*DB{}
	for name, dsn := range map[string]string{"sqlite": filepath.Join(t.TempDir(), "state.sqlite"), "postgres": c.URL(c.NewSchema("orders"))} {
		a, err := OpenDB(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		b, err := OpenDB(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { a.Close(); b.Close() })
		out[name] = [2]*DB{a, b}
	}
	return out
}

func awaitingOrder(t *testing.T, db *DB) string {
	t.Helper()
	ctx := context.Background()
	o := &Order{Dataset: "county", Total: 14000, Currency: "PLN", Provider: "payu"}
	if err := db.Create(ctx, o, "test"); err != nil {
		t.Fatal(err)
	}
	if err := db.SetAwaiting(ctx, o.ID, "payu:"+o.ID, "test", "registered"); err != nil {
		t.Fatal(err)
	}
	return o.ID
}

// race runs n calls of fn at once, alternating between the two handles.
func race(n int, dbs [2]*DB, fn func(i int, db *DB) (string, error)) (map[string]int, error) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	out := map[string]int{}
	var first error
	start := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			r, err := fn(i, dbs[i%2])
			mu.Lock()
			defer mu.Unlock()
			if err != nil && first == nil {
				first = err
			}
			out[r]++
		}()
	}
	close(start)
	wg.Wait()
	return out, first
}

// Payments and downloads racing on two replicas of one state database: one
// charge per order whatever reaches which replica, the operator's repeats are
// duplicates, a second payment is flagged once, and max_downloads holds.
func TestStateAcrossReplicas(t *testing.T) {
	ctx := context.Background()
	for name, dbs := range stateDBs(t) {
		t.Run(name, func(t *testing.T) {
			// The same notification delivered 12 times to both replicas at once.
			id := awaitingOrder(t, dbs[0])
			got, err := race(12, dbs, func(_ int, db *DB) (string, error) {
				return db.RecordPayment(ctx, id, "payu", "P-1", 14000, "PLN", "provider:payu", "notification")
			})
			if err != nil || got[PaymentApplied] != 1 || got[PaymentDuplicate] != 11 {
				t.Fatalf("repeated notification: %v %v", got, err)
			}
			if n, _ := dbs[1].Charges(ctx, id); n != 1 {
				t.Errorf("%d charges, want 1", n)
			}
			// Six distinct payments of one order at once: one charge, five refunds.
			id2 := awaitingOrder(t, dbs[1])
			got, err = race(6, dbs, func(i int, db *DB) (string, error) {
				return db.RecordPayment(ctx, id2, "payu", fmt.Sprintf("P-%d", i), 14000, "PLN", "provider:payu", "notification")
			})
			if err != nil || got[PaymentApplied] != 1 || got[PaymentDouble] != 5 {
				t.Fatalf("distinct payments: %v %v", got, err)
			}
			a, _ := dbs[0].AuditLog(ctx, id2)
			if countActions(a, "paid") != 1 || countActions(a, "payment_double") != 5 {
				t.Errorf("audit of the raced payments: %+v", a)
			}
			// One generator wins the claim; the other waits for it to lapse.
			if ok, _ := dbs[0].Claim(ctx, id, "gen-a", time.Minute); !ok {
				t.Fatal("first claim refused")
			}
			if ok, _ := dbs[1].Claim(ctx, id, "gen-b", time.Minute); ok {
				t.Fatal("a second generator claimed an order claimed by another")
			}
			if ok, err := dbs[0].MarkReady(ctx, id, []string{"extract.gpkg"}, "", time.Hour, "test"); !ok || err != nil {
				t.Fatalf("ready: %v %v", ok, err)
			}
			// 20 downloads at once through both replicas, 5 allowed.
			got, err = race(20, dbs, func(_ int, db *DB) (string, error) {
				_, err := db.CountDownload(ctx, id, "extract.gpkg", 5, "client")
				if errors.Is(err, ErrDownloadLimit) {
					return "limit", nil
				}
				return "ok", err
			})
			if err != nil || got["ok"] != 5 || got["limit"] != 15 {
				t.Errorf("downloads racing: %v %v", got, err)
			}
		})
	}
}
