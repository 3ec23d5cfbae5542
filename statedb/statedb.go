// Package statedb opens the SQLite files that hold the state of services on
// a single machine (resident reports, the outbox): durable commits
// (synchronous=FULL), write-ahead logging so readers never wait, immediate
// write transactions so that processes sharing a file take turns, and
// secure_delete so that deleted personal data does not linger in free pages.
// Times are stored as unix milliseconds (Millis), which compare as numbers.
// A shared database for replicas replaces these files behind each service's
// storage interface.
package statedb

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"time"

	_ "github.com/mattn/go-sqlite3" // the state files
)

// Open opens (creating it and its directory if needed) the SQLite file at
// path and runs schema, which must be idempotent (CREATE … IF NOT EXISTS).
// conns bounds the open connections (1 serialises every statement).
func Open(path, schema string, conns int) (*sql.DB, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=10000&_txlock=immediate&_synchronous=FULL&_journal_mode=WAL&_secure_delete=on&_foreign_keys=1")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(max(conns, 1))
	if _, err := db.Exec(schema); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return db, nil
}

// OpenReader opens more connections to a file Open made, for reading only:
// with write-ahead logging they read the last commit while a write goes on,
// so reads never queue behind a writer's fsync. Writes through Open's handle
// with one connection are serialised in the process, never by SQLite's busy
// handler (which sleeps up to 100 ms between tries).
func OpenReader(path string, conns int) (*sql.DB, error) {
	db, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=10000&_query_only=1")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(max(conns, 1))
	return db, nil
}

// Close folds the write-ahead log into the file and closes it.
func Close(db *sql.DB) error {
	db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
	return db.Close()
}

// Scrub folds the write-ahead log into the file after a deletion: the log
// still holds the deleted rows' old pages, the file's freed pages were
// overwritten by secure_delete.
func Scrub(ctx context.Context, db *sql.DB) error {
	_, err := db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
	return err
}

// Tx runs fn in a write transaction, committed when fn returns nil.
func Tx(ctx context.Context, db *sql.DB, fn func(*sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// Millis is a time as stored: unix milliseconds, 0 for the zero time.
func Millis(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

// Time reads a stored time (UTC).
func Time(v int64) time.Time {
	if v == 0 {
		return time.Time{}
	}
	return time.UnixMilli(v).UTC()
}
