// The state database named by a DSN (OpenDSN): see the package doc.

package statedb

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	_ "github.com/mattn/go-sqlite3" // the single-machine engine

	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/postgis"
)

// Dialect is the engine behind a DB.
type Dialect int

// Engines.
const (
	SQLite Dialect = iota
	Postgres
)

func (d Dialect) String() string {
	if d == Postgres {
		return "postgresql"
	}
	return "sqlite"
}

// DefaultSchema is the PostgreSQL schema of a DSN that names none.
const DefaultSchema = "sip_state"

// ErrUnavailable is a state database that cannot be reached: services answer
// 503 and retry, as for a dataset's store.
var ErrUnavailable = errors.New("the state database cannot be reached")

// DB is an open state database. It is safe for concurrent use.
type DB struct {
	db       *sql.DB
	dialect  Dialect
	where    string // the file, or the redacted DSN: for errors and logs
	borrowed bool   // a Reader sharing its DB's pool: Close leaves it open

	leaseMu   sync.Mutex // guards leaseMade
	leaseMade bool       // the leases' table exists (Lease)
}

// IsPostgres reports whether a DSN names a PostgreSQL database.
func IsPostgres(dsn string) bool { return store.SchemeOf(dsn) == store.SchemePostgres }

// FilePath is the SQLite file a DSN names, "" for PostgreSQL.
func FilePath(dsn string) string {
	if IsPostgres(dsn) {
		return ""
	}
	return strings.TrimPrefix(strings.TrimPrefix(dsn, "gpkg:"), "sqlite:")
}

// Redact is the DSN without its password.
func Redact(dsn string) string { return store.Redact(dsn) }

// OpenDSN opens (creating when missing) the state database a DSN names.
func OpenDSN(ctx context.Context, dsn string) (*DB, error) {
	if strings.TrimSpace(dsn) == "" {
		return nil, errors.New("state: empty DSN (a SQLite file or a postgres:// URL)")
	}
	if IsPostgres(dsn) {
		return openPostgres(ctx, dsn)
	}
	return openSQLite(ctx, FilePath(dsn))
}

func openSQLite(ctx context.Context, path string) (*DB, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	// Writers take the lock when they begin (_txlock=immediate), so a
	// transaction never fails half-way on a lock it could not upgrade.
	db, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=10000&_txlock=immediate&_synchronous=FULL&_foreign_keys=1&_journal_mode=WAL&_secure_delete=on")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1) // one writer at a time anyway; one connection serialises every transition
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("state database %s: %w", path, err)
	}
	return &DB{db: db, dialect: SQLite, where: path}, nil
}

func openPostgres(ctx context.Context, dsn string) (*DB, error) {
	schema := store.DSNParam(dsn, "schema")
	if schema == "" {
		schema = DefaultSchema
	}
	if !validSchema(schema) {
		return nil, fmt.Errorf("state: %s: schema %q: use lower-case letters, digits and '_', starting with a letter", Redact(dsn), schema)
	}
	conn, err := postgis.WithoutParam(dsn, "schema")
	if err != nil {
		return nil, err
	}
	cfg, err := pgx.ParseConfig(conn)
	if err != nil {
		// pgx's parse errors may quote the connection string: keep them out.
		return nil, fmt.Errorf("state: cannot parse the DSN %s", Redact(dsn))
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = 10 * time.Second
	}
	if _, ok := cfg.RuntimeParams["application_name"]; !ok {
		cfg.RuntimeParams["application_name"] = "sip-state"
	}
	cfg.RuntimeParams["search_path"] = schema
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(16)
	db.SetMaxIdleConns(4)
	db.SetConnMaxIdleTime(5 * time.Minute)
	d := &DB{db: db, dialect: Postgres, where: Redact(dsn)}
	if err := d.ensureSchema(ctx, schema); err != nil {
		db.Close()
		return nil, err
	}
	return d, nil
}

func validSchema(s string) bool {
	if s == "" || len(s) > 63 || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '_' {
			return false
		}
	}
	return true
}

// ensureSchema makes the schema when it is missing (a role that may not
// create schemas can use one made for it).
func (d *DB) ensureSchema(ctx context.Context, schema string) error {
	var ok bool
	if err := d.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)`, schema).Scan(&ok); err != nil {
		return d.wrap("connect", err)
	}
	if ok {
		return nil
	}
	if _, err := d.db.ExecContext(ctx, `CREATE SCHEMA IF NOT EXISTS `+schema); err != nil {
		return d.wrap("create schema "+schema, err)
	}
	return nil
}

// Reader is a handle for reading only. On SQLite it is conns more
// connections to the file (query-only, write-ahead logging): reads see the
// last commit and never queue behind the one writer's fsync. On PostgreSQL
// the pool serves both, and the Reader is the DB itself (closing it leaves
// the DB open).
func (d *DB) Reader(conns int) (*DB, error) {
	if d.dialect != SQLite {
		return &DB{db: d.db, dialect: d.dialect, where: d.where, borrowed: true}, nil
	}
	db, err := OpenReader(d.where, conns)
	if err != nil {
		return nil, err
	}
	return &DB{db: db, dialect: SQLite, where: d.where}, nil
}

// Dialect is the database's engine.
func (d *DB) Dialect() Dialect { return d.dialect }

// Shared reports whether replicas can share the database (PostgreSQL).
func (d *DB) Shared() bool { return d.dialect == Postgres }

// String names the database (a file, or the DSN without its password).
func (d *DB) String() string { return d.where }

// Close closes the database (on SQLite after folding the write-ahead log
// into the file).
func (d *DB) Close() error {
	if d.borrowed {
		return nil
	}
	if d.dialect == SQLite {
		d.db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
	}
	return d.db.Close()
}

// Scrub makes deleted rows leave the disk: on SQLite it folds the
// write-ahead log into the file, whose freed pages secure_delete overwrote
// (see the function Scrub); on PostgreSQL dead rows stay until the table is
// vacuumed, which autovacuum does.
func (d *DB) Scrub(ctx context.Context) error {
	if d.dialect != SQLite {
		return nil
	}
	_, err := d.db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
	return err
}

// Ping checks that the database answers (readiness).
func (d *DB) Ping(ctx context.Context) error { return d.wrap("ping", d.db.PingContext(ctx)) }

// Serial is the column type of an ascending row number the database assigns
// (an audit sequence).
func (d *DB) Serial() string {
	if d.dialect == Postgres {
		return "bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
	}
	return "INTEGER PRIMARY KEY AUTOINCREMENT"
}

// Blob is the column type of bytes.
func (d *DB) Blob() string {
	if d.dialect == Postgres {
		return "bytea"
	}
	return "BLOB"
}

// Rebind numbers the ? placeholders of a query for PostgreSQL ($1, $2, …);
// question marks inside quoted strings stay.
func (d *DB) Rebind(q string) string {
	if d.dialect != Postgres || !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	n, quoted := 0, false
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == '\'':
			quoted = !quoted
		case c == '?' && !quoted:
			n++
			fmt.Fprintf(&b, "$%d", n)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// wrap prefixes err with the database and the operation, marking connection
// failures as ErrUnavailable.
func (d *DB) wrap(op string, err error) error {
	if err == nil || errors.Is(err, sql.ErrNoRows) || errors.Is(err, sql.ErrTxDone) {
		return err
	}
	if errors.Is(err, ErrUnavailable) {
		return err
	}
	if d.dialect == Postgres && (postgis.Unreachable(err) || errors.Is(err, driver.ErrBadConn)) {
		return &unavailableError{fmt.Errorf("state database %s: %s: %w", d.where, op, err)}
	}
	return err
}

type unavailableError struct{ err error }

func (e *unavailableError) Error() string   { return e.err.Error() }
func (e *unavailableError) Unwrap() []error { return []error{e.err, ErrUnavailable} }

// Exec runs a statement outside a transaction.
func (d *DB) Exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	r, err := d.db.ExecContext(ctx, d.Rebind(q), args...)
	return r, d.wrap("exec", err)
}

// QueryRow runs a query returning one row outside a transaction; its Scan
// reports unreachable databases as ErrUnavailable.
func (d *DB) QueryRow(ctx context.Context, q string, args ...any) Row {
	return Row{d: d, r: d.db.QueryRowContext(ctx, d.Rebind(q), args...)}
}

// Query runs a query outside a transaction.
func (d *DB) Query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	rows, err := d.db.QueryContext(ctx, d.Rebind(q), args...)
	return rows, d.wrap("query", err)
}

// Row is one row of QueryRow.
type Row struct {
	d *DB
	r *sql.Row
}

// Scan copies the row's columns (sql.ErrNoRows when there is none).
func (r Row) Scan(dst ...any) error { return r.d.wrap("query", r.r.Scan(dst...)) }

// Txn is a transaction of a DB.
type Txn struct {
	d  *DB
	tx *sql.Tx
}

// Tx runs fn in a transaction, committed when fn returns nil and rolled back
// otherwise.
func (d *DB) Tx(ctx context.Context, fn func(*Txn) error) error {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return d.wrap("begin", err)
	}
	if err := fn(&Txn{d: d, tx: tx}); err != nil {
		tx.Rollback()
		return d.wrap("transaction", err)
	}
	return d.wrap("commit", tx.Commit())
}

// Exec runs a statement in the transaction.
func (t *Txn) Exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return t.tx.ExecContext(ctx, t.d.Rebind(q), args...)
}

// QueryRow runs a query returning one row in the transaction.
func (t *Txn) QueryRow(ctx context.Context, q string, args ...any) Row {
	return Row{d: t.d, r: t.tx.QueryRowContext(ctx, t.d.Rebind(q), args...)}
}

// Query runs a query in the transaction.
func (t *Txn) Query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return t.tx.QueryContext(ctx, t.d.Rebind(q), args...)
}

// LockRow runs a query selecting one row, locking that row until the
// transaction ends (FOR UPDATE on PostgreSQL; SQLite's writer holds the whole
// database already). A concurrent transaction locking the same row waits, then
// reads what this one committed.
func (t *Txn) LockRow(ctx context.Context, q string, args ...any) Row {
	if t.d.dialect == Postgres {
		q += " FOR UPDATE"
	}
	return t.QueryRow(ctx, q, args...)
}

// Dialect is the transaction's engine.
func (t *Txn) Dialect() Dialect { return t.d.dialect }
