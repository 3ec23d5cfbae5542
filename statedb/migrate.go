package statedb

import (
	"context"
	"fmt"
	"hash/fnv"
	"strings"
	"time"
)

// Migration is one step of a feature's schema, applied once and in order.
// Func, when set, runs first (adopting older tables, say); then SQL runs as
// written (statements separated by ";" at a line's end are run one by one;
// {{serial}} is replaced by DB.Serial, {{blob}} by DB.Blob), in the same
// transaction.
type Migration struct {
	SQL  string
	Func func(ctx context.Context, tx *Txn) error
}

// Migrate brings a feature's tables up to date: the steps not applied yet
// run in one transaction, recorded in sip_migrations (feature, version).
// Replicas starting together take turns (an advisory lock on PostgreSQL, the
// write lock on SQLite): the first applies, the others find it done.
func (d *DB) Migrate(ctx context.Context, feature string, steps []Migration) error {
	err := d.Tx(ctx, func(tx *Txn) error {
		if d.dialect == Postgres {
			h := fnv.New64a()
			h.Write([]byte("sip-state-migrate"))
			if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(?)`, int64(h.Sum64())); err != nil {
				return err
			}
		}
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS sip_migrations(
	feature TEXT NOT NULL,
	version INTEGER NOT NULL,
	applied TEXT NOT NULL,
	PRIMARY KEY(feature, version))`); err != nil {
			return err
		}
		var done int
		if err := tx.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM sip_migrations WHERE feature = ?`, feature).Scan(&done); err != nil {
			return err
		}
		if done > len(steps) {
			return fmt.Errorf("the %s tables are at version %d, newer than this program's %d: a newer sip wrote them", feature, done, len(steps))
		}
		for i := done; i < len(steps); i++ {
			if err := d.apply(ctx, tx, steps[i]); err != nil {
				return fmt.Errorf("%s migration %d: %w", feature, i+1, err)
			}
			if _, err := tx.Exec(ctx, `INSERT INTO sip_migrations(feature, version, applied) VALUES(?, ?, ?)`,
				feature, i+1, time.Now().UTC().Format(time.RFC3339)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("state database %s: %w", d.where, err)
	}
	return nil
}

func (d *DB) apply(ctx context.Context, tx *Txn, m Migration) error {
	if m.Func != nil {
		if err := m.Func(ctx, tx); err != nil {
			return err
		}
	}
	for _, stmt := range splitStatements(m.SQL) {
		stmt = strings.NewReplacer("{{serial}}", d.Serial(), "{{blob}}", d.Blob()).Replace(stmt)
		if _, err := tx.Exec(ctx, stmt); err != nil {
			return fmt.Errorf("%w\n%s", err, stmt)
		}
	}
	return nil
}

// splitStatements splits SQL at semicolons ending a line (the migrations'
// own layout; neither engine's driver runs several statements at once with
// arguments, and pgx's extended protocol runs one).
func splitStatements(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] != ';' || (i+1 < len(s) && s[i+1] != '\n') {
			continue
		}
		if st := strings.TrimSpace(s[start:i]); st != "" {
			out = append(out, st)
		}
		start = i + 1
	}
	if st := strings.TrimSpace(s[start:]); st != "" {
		out = append(out, st)
	}
	return out
}

// HasTable reports whether the database holds a table of that name (in the
// state schema on PostgreSQL): for a migration adopting older tables.
func (t *Txn) HasTable(ctx context.Context, name string) (bool, error) {
	q := `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?`
	if t.d.dialect == Postgres {
		q = `SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = ?`
	}
	var n int
	err := t.QueryRow(ctx, q, name).Scan(&n)
	return n > 0, err
}

// Adopt is a migration's Func that adopts the tables of a SQLite file a
// feature wrote before the state database: when the file has tables[0] and
// not prefix+tables[0], each table is renamed prefix+name, keeping every row
// (SQLite rewrites the references between them), and the old indexes are
// dropped for the step's SQL to make them under the new names. Elsewhere
// (PostgreSQL, a new file) it does nothing.
func Adopt(prefix string, tables, indexes []string) func(ctx context.Context, tx *Txn) error {
	return func(ctx context.Context, tx *Txn) error {
		if tx.Dialect() != SQLite {
			return nil
		}
		if old, err := tx.HasTable(ctx, tables[0]); err != nil || !old {
			return err
		}
		if done, err := tx.HasTable(ctx, prefix+tables[0]); err != nil || done {
			return err
		}
		for _, t := range tables {
			if _, err := tx.Exec(ctx, `ALTER TABLE `+t+` RENAME TO `+prefix+t); err != nil {
				return err
			}
		}
		for _, ix := range indexes {
			if _, err := tx.Exec(ctx, `DROP INDEX IF EXISTS `+ix); err != nil {
				return err
			}
		}
		return nil
	}
}
