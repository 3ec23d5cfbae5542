// Package statedb holds what a server must keep besides its datasets:
// extract orders, payments, notifications, download counters and the audit
// log, the outbox, resident reports, area alerts and their subscribers, and
// the leases under which replicas take turns at background work.
//
// The state database (OpenDSN) is one database named by a DSN, the same for
// every replica of a deployment:
//
//   - a SQLite file (a path, or sqlite:PATH): the single-machine default, next
//     to the first dataset's store;
//   - a PostgreSQL schema (postgres://USER@HOST/DB?schema=NAME, postgresql://…
//     or libpq keywords; the schema defaults to sip_state): shared by any
//     number of `sip serve` replicas.
//
// Each feature owns tables whose names start with its own (extracts_orders,
// outbox, …) and brings them up to date with Migrate when it opens. Queries
// are written once, in the SQL both engines speak, with ? placeholders
// (numbered for PostgreSQL by Rebind); the few differences (an identity
// column, a row lock) are spelled through the DB. A transaction that changes
// a row of a feature's own locks that row first (Txn.LockRow): on SQLite the
// database serialises every write anyway, on PostgreSQL replicas that race
// for the same order wait for each other and then see what the first one
// committed.
//
// The single-machine engine (a SQLite file) has durable commits
// (synchronous=FULL), write-ahead logging so readers never wait (DB.Reader),
// immediate write transactions so that processes sharing a file take
// turns, and secure_delete so that deleted personal data does not linger in
// free pages. Times are stored as unix milliseconds (Millis), which compare
// as numbers.
package statedb

import (
	"database/sql"
	"time"

	_ "github.com/mattn/go-sqlite3" // the state files
)

// OpenReader opens more connections to a state file, for reading only:
// with write-ahead logging they read the last commit while a write goes on,
// so reads never queue behind a writer's fsync. Writes through the DB's
// one connection are serialised in the process, never by SQLite's busy
// handler (which sleeps up to 100 ms between tries).
func OpenReader(path string, conns int) (*sql.DB, error) {
	db, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=10000&_query_only=1")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(max(conns, 1))
	return db, nil
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
