package outbox

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/sip-core/sip/statedb"
)

// SQLite is the outbox in one SQLite file. Several processes may share the
// file: every write is an immediate transaction, so a claim is decided by one
// writer at a time and a lease cannot be given twice.
type SQLite struct {
	db *sql.DB
}

var _ Store = (*SQLite)(nil)

const sqliteSchema = `
CREATE TABLE IF NOT EXISTS outbox(
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	key TEXT NOT NULL UNIQUE,
	channel TEXT NOT NULL,
	recipient TEXT NOT NULL,
	subject TEXT NOT NULL DEFAULT '',
	body BLOB,
	content_type TEXT NOT NULL DEFAULT '',
	secret_env TEXT NOT NULL DEFAULT '',
	digest TEXT NOT NULL,
	created INTEGER NOT NULL,     -- unix milliseconds, like every time here
	state TEXT NOT NULL,
	attempts INTEGER NOT NULL DEFAULT 0,
	next_at INTEGER NOT NULL,
	lease_owner TEXT NOT NULL DEFAULT '',
	lease_until INTEGER NOT NULL DEFAULT 0,
	last_error TEXT NOT NULL DEFAULT '',
	sent_at INTEGER NOT NULL DEFAULT 0,
	receipt TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS outbox_due ON outbox(state, next_at);
CREATE TABLE IF NOT EXISTS outbox_attempts(
	message_id INTEGER NOT NULL REFERENCES outbox(id),
	n INTEGER NOT NULL,
	time INTEGER NOT NULL,
	owner TEXT NOT NULL,
	ok INTEGER NOT NULL,
	detail TEXT NOT NULL,
	PRIMARY KEY(message_id, n));
`

// OpenSQLite opens (creating if needed) the outbox database at path. Deleted
// content is overwritten on disk (secure_delete), so a redacted recipient or
// body does not linger in free pages.
func OpenSQLite(path string) (*SQLite, error) {
	db, err := statedb.Open(path, sqliteSchema, 1) // one connection serialises this process's writes
	if err != nil {
		return nil, fmt.Errorf("outbox database %w", err)
	}
	return &SQLite{db: db}, nil
}

// Close closes the database after folding the write-ahead log into it.
func (s *SQLite) Close() error { return statedb.Close(s.db) }

var ms, fromMS = statedb.Millis, statedb.Time

func (s *SQLite) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	return statedb.Tx(ctx, s.db, fn)
}

// Enqueue implements Store.
func (s *SQLite) Enqueue(ctx context.Context, msgs ...*Message) (int, error) {
	now := time.Now().UTC()
	added := 0
	err := s.tx(ctx, func(tx *sql.Tx) error {
		added = 0
		for _, m := range msgs {
			if m.Key == "" || m.To == "" || (m.Channel != SMTP && m.Channel != Webhook) {
				return fmt.Errorf("outbox: message %q needs a key, a recipient and a channel (smtp or webhook)", m.Key)
			}
			next := m.NextAt
			if next.IsZero() {
				next = now
			}
			digest := Digest(m.Body)
			res, err := tx.ExecContext(ctx, `INSERT INTO outbox(key, channel, recipient, subject, body, content_type, secret_env, digest, created, state, next_at)
				VALUES(?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(key) DO NOTHING`,
				m.Key, string(m.Channel), m.To, m.Subject, m.Body, m.ContentType, m.SecretEnv, digest, ms(now), string(Pending), ms(next))
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n == 1 {
				added++
				m.ID, _ = res.LastInsertId()
				m.Created, m.State, m.Digest, m.NextAt = now, Pending, digest, next
			}
		}
		return nil
	})
	return added, err
}

const msgCols = `id, key, channel, recipient, subject, body, content_type, secret_env, digest, created, state, attempts, next_at, last_error, sent_at, receipt`

func scanMessage(row interface{ Scan(...any) error }) (*Message, error) {
	var m Message
	var ch, st string
	var created, next, sent int64
	if err := row.Scan(&m.ID, &m.Key, &ch, &m.To, &m.Subject, &m.Body, &m.ContentType, &m.SecretEnv, &m.Digest,
		&created, &st, &m.Attempts, &next, &m.LastError, &sent, &m.Receipt); err != nil {
		return nil, err
	}
	m.Channel, m.State = Channel(ch), State(st)
	m.Created, m.NextAt, m.SentAt = fromMS(created), fromMS(next), fromMS(sent)
	return &m, nil
}

// Claim implements Store.
func (s *SQLite) Claim(ctx context.Context, owner string, n int, now time.Time, lease time.Duration) ([]*Message, error) {
	if owner == "" || n <= 0 {
		return nil, errors.New("outbox: Claim needs an owner and n > 0")
	}
	var out []*Message
	err := s.tx(ctx, func(tx *sql.Tx) error {
		out = out[:0]
		rows, err := tx.QueryContext(ctx, `UPDATE outbox SET lease_owner=?, lease_until=?
			WHERE id IN (SELECT id FROM outbox WHERE state='pending' AND next_at<=? AND lease_until<=? ORDER BY next_at, id LIMIT ?)
			RETURNING `+msgCols, owner, ms(now.Add(lease)), ms(now), ms(now), n)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			m, err := scanMessage(rows)
			if err != nil {
				return err
			}
			out = append(out, m)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	// RETURNING gives no order guarantee.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && (out[j].NextAt.Before(out[j-1].NextAt) || out[j].NextAt.Equal(out[j-1].NextAt) && out[j].ID < out[j-1].ID); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out, nil
}

// record finishes an attempt of a leased message in tx: the update must find
// the message still leased to owner.
func (s *SQLite) record(ctx context.Context, id int64, owner string, at time.Time, ok bool, detail, update string, args ...any) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, update+` WHERE id=? AND lease_owner=? AND state='pending'`, append(args, id, owner)...)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return ErrLeaseLost
		}
		var attempts int
		if err := tx.QueryRowContext(ctx, `SELECT attempts FROM outbox WHERE id=?`, id).Scan(&attempts); err != nil {
			return err
		}
		okv := 0
		if ok {
			okv = 1
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO outbox_attempts(message_id, n, time, owner, ok, detail) VALUES(?,?,?,?,?,?)`,
			id, attempts, ms(at), owner, okv, truncate(detail, 2000))
		return err
	})
}

// MarkSent implements Store.
func (s *SQLite) MarkSent(ctx context.Context, id int64, owner, receipt string, at time.Time) error {
	receipt = truncate(receipt, 2000)
	return s.record(ctx, id, owner, at, true, receipt,
		`UPDATE outbox SET state='sent', attempts=attempts+1, sent_at=?, receipt=?, last_error='', lease_owner='', lease_until=0`, ms(at), receipt)
}

// MarkFailed implements Store.
func (s *SQLite) MarkFailed(ctx context.Context, id int64, owner, errText string, at, next time.Time) error {
	errText = truncate(errText, 2000)
	return s.record(ctx, id, owner, at, false, errText,
		`UPDATE outbox SET attempts=attempts+1, last_error=?, next_at=?, lease_owner='', lease_until=0`, errText, ms(next))
}

// Get implements Store.
func (s *SQLite) Get(ctx context.Context, key string) (*Message, error) {
	m, err := scanMessage(s.db.QueryRowContext(ctx, `SELECT `+msgCols+` FROM outbox WHERE key=?`, key))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	return m, err
}

// Attempts implements Store.
func (s *SQLite) Attempts(ctx context.Context, id int64) ([]Attempt, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT message_id, n, time, owner, ok, detail FROM outbox_attempts WHERE message_id=? ORDER BY n`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Attempt
	for rows.Next() {
		var a Attempt
		var t int64
		var ok int
		if err := rows.Scan(&a.MessageID, &a.N, &t, &a.Owner, &ok, &a.Detail); err != nil {
			return nil, err
		}
		a.Time, a.OK = fromMS(t), ok == 1
		out = append(out, a)
	}
	return out, rows.Err()
}

// Redact implements Store.
func (s *SQLite) Redact(ctx context.Context, keys ...string) (int, error) {
	n := 0
	err := s.tx(ctx, func(tx *sql.Tx) error {
		n = 0
		for _, k := range keys {
			res, err := tx.ExecContext(ctx, `UPDATE outbox SET recipient='', subject='', body=NULL,
				state=CASE state WHEN 'pending' THEN 'cancelled' ELSE state END, lease_owner='', lease_until=0
				WHERE key=? AND (recipient != '' OR body IS NOT NULL)`, k)
			if err != nil {
				return err
			}
			c, _ := res.RowsAffected()
			n += int(c)
		}
		return nil
	})
	if err == nil && n > 0 {
		err = statedb.Scrub(ctx, s.db)
	}
	return n, err
}

// Stats implements Store.
func (s *SQLite) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	rows, err := s.db.QueryContext(ctx, `SELECT state, count(*), min(created) FROM outbox GROUP BY state`)
	if err != nil {
		return st, err
	}
	defer rows.Close()
	for rows.Next() {
		var state string
		var n int
		var oldest int64
		if err := rows.Scan(&state, &n, &oldest); err != nil {
			return st, err
		}
		switch State(state) {
		case Pending:
			st.Pending, st.OldestPending = n, fromMS(oldest)
		case Sent:
			st.Sent = n
		case Cancelled:
			st.Cancelled = n
		}
	}
	return st, rows.Err()
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.ToValidUTF8(s[:n], "") + "…"
}
