package alerts

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/statedb"
)

// Store holds alerts, their revisions and the subscribers. A shared
// database for replicas implements the same interface.
type Store interface {
	// Publish stores a new alert (ID 0: an ID is assigned, Rev 1) or the
	// next revision of a.ID; it fails with errCancelled after a Cancel.
	Publish(ctx context.Context, a *Alert) error
	// Revision reads one revision; rev 0 is the latest.
	Revision(ctx context.Context, id int64, rev int) (*Alert, error)
	// Latest lists the latest revision of every alert sent after since.
	Latest(ctx context.Context, since time.Time) ([]*Alert, error)
	// Layer lists the latest revisions whose state in the public layer
	// (shown revision, or ended) is not yet recorded as wanted at now.
	Layer(ctx context.Context, now time.Time) ([]*Alert, error)
	// MarkShown records the revision shown in the layer (-1: ended).
	MarkShown(ctx context.Context, id int64, rev int) error
	// Undelivered lists revisions whose messages are not yet enqueued.
	Undelivered(ctx context.Context, n int) ([]*Alert, error)
	// Delivered records a revision's messages as enqueued, with the
	// subscribers they went to and their outbox keys.
	Delivered(ctx context.Context, id int64, rev int, to map[int64][]string) error
	// Recipients lists the subscribers earlier revisions of an alert went to.
	Recipients(ctx context.Context, id int64) ([]int64, error)

	// Subscribe stores an unconfirmed subscription.
	Subscribe(ctx context.Context, s *Subscriber) error
	// Confirm confirms the subscription with the token.
	Confirm(ctx context.Context, token string, at time.Time) (*Subscriber, error)
	// Unsubscribe deletes the subscription with the token and returns the
	// outbox keys of the messages sent to it.
	Unsubscribe(ctx context.Context, token string) (keys []string, err error)
	// Subscribers lists confirmed subscribers whose place's box meets b,
	// or with the ids given.
	Subscribers(ctx context.Context, b orb.Bound, ids []int64) ([]*Subscriber, error)
	// PurgeUnconfirmed deletes subscriptions made before t and never
	// confirmed.
	PurgeUnconfirmed(ctx context.Context, t time.Time) (int, error)
	Close() error
}

var (
	errNotFound  = errors.New("alerts: no such alert")
	errCancelled = errors.New("alerts: the alert was cancelled")
	errNoSub     = errors.New("alerts: no such subscription")
)

const alertsSchema = `
CREATE TABLE IF NOT EXISTS alerts(
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	rev INTEGER NOT NULL,          -- latest revision
	cancelled INTEGER NOT NULL DEFAULT 0,
	expires INTEGER NOT NULL,      -- unix milliseconds, like every time here
	sent INTEGER NOT NULL,
	shown INTEGER NOT NULL DEFAULT 0); -- revision in the public layer, -1 ended
CREATE TABLE IF NOT EXISTS revisions(
	alert_id INTEGER NOT NULL REFERENCES alerts(id),
	rev INTEGER NOT NULL,
	doc TEXT NOT NULL,             -- the Alert as JSON
	delivered INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY(alert_id, rev));
CREATE INDEX IF NOT EXISTS revisions_undelivered ON revisions(delivered);
-- personal data: contacts, deleted on unsubscribe
CREATE TABLE IF NOT EXISTS subscribers(
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	token TEXT NOT NULL UNIQUE,
	email TEXT NOT NULL DEFAULT '',
	phone TEXT NOT NULL DEFAULT '',
	place TEXT NOT NULL,           -- the address or parcel as stored
	geom TEXT NOT NULL,            -- its geometry (EPSG:2180) as JSON
	minx REAL NOT NULL, miny REAL NOT NULL, maxx REAL NOT NULL, maxy REAL NOT NULL,
	created INTEGER NOT NULL,
	confirmed INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS recipients(
	alert_id INTEGER NOT NULL,
	subscriber_id INTEGER NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
	key TEXT NOT NULL,
	PRIMARY KEY(alert_id, subscriber_id, key));
CREATE INDEX IF NOT EXISTS recipients_sub ON recipients(subscriber_id);
`

// SQLite is the Store in one SQLite file (statedb).
type SQLite struct{ db *sql.DB }

var _ Store = (*SQLite)(nil)

// OpenSQLite opens (creating if needed) the alerts database.
func OpenSQLite(path string) (*SQLite, error) {
	db, err := statedb.Open(path, alertsSchema, 1)
	if err != nil {
		return nil, fmt.Errorf("alerts database %w", err)
	}
	return &SQLite{db: db}, nil
}

// Close implements Store.
func (s *SQLite) Close() error { return statedb.Close(s.db) }

var ms, fromMS = statedb.Millis, statedb.Time

// Publish implements Store.
func (s *SQLite) Publish(ctx context.Context, a *Alert) error {
	return statedb.Tx(ctx, s.db, func(tx *sql.Tx) error {
		if a.ID == 0 {
			res, err := tx.ExecContext(ctx, `INSERT INTO alerts(rev, expires, sent) VALUES(1, ?, ?)`, ms(a.Expires()), ms(a.Sent))
			if err != nil {
				return err
			}
			a.ID, _ = res.LastInsertId()
			a.Rev = 1
		} else {
			var rev, cancelled int
			err := tx.QueryRowContext(ctx, `SELECT rev, cancelled FROM alerts WHERE id = ?`, a.ID).Scan(&rev, &cancelled)
			if errors.Is(err, sql.ErrNoRows) {
				return errNotFound
			} else if err != nil {
				return err
			}
			if cancelled != 0 {
				return errCancelled
			}
			a.Rev = rev + 1
			c := 0
			if a.MsgType == "Cancel" {
				c = 1
			}
			if _, err := tx.ExecContext(ctx, `UPDATE alerts SET rev = ?, cancelled = ?, expires = ?, sent = ? WHERE id = ?`,
				a.Rev, c, ms(a.Expires()), ms(a.Sent), a.ID); err != nil {
				return err
			}
		}
		doc, err := json.Marshal(a)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO revisions(alert_id, rev, doc) VALUES(?, ?, ?)`, a.ID, a.Rev, doc)
		return err
	})
}

func scanAlerts(rows *sql.Rows, err error) ([]*Alert, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*Alert
	for rows.Next() {
		var doc []byte
		if err := rows.Scan(&doc); err != nil {
			return nil, err
		}
		a, err := decodeAlert(doc)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

func decodeAlert(doc []byte) (*Alert, error) {
	var a Alert
	if err := json.Unmarshal(doc, &a); err != nil {
		return nil, err
	}
	if err := a.Draft.check(time.Time{}); err != nil {
		return nil, fmt.Errorf("alerts: stored alert %d.%d: %w", a.ID, a.Rev, err)
	}
	return &a, nil
}

// Revision implements Store.
func (s *SQLite) Revision(ctx context.Context, id int64, rev int) (*Alert, error) {
	as, err := scanAlerts(s.db.QueryContext(ctx, `SELECT r.doc FROM revisions r JOIN alerts a ON a.id = r.alert_id
		WHERE r.alert_id = ? AND r.rev = CASE WHEN ? = 0 THEN a.rev ELSE ? END`, id, rev, rev))
	if err != nil {
		return nil, err
	}
	if len(as) == 0 {
		return nil, errNotFound
	}
	return as[0], nil
}

// Latest implements Store.
func (s *SQLite) Latest(ctx context.Context, since time.Time) ([]*Alert, error) {
	return scanAlerts(s.db.QueryContext(ctx, `SELECT r.doc FROM alerts a JOIN revisions r ON r.alert_id = a.id AND r.rev = a.rev
		WHERE a.sent >= ? ORDER BY a.id`, ms(since)))
}

// Layer implements Store: an alert is wanted in the layer at its latest
// revision while neither cancelled nor expired, and ended afterwards.
func (s *SQLite) Layer(ctx context.Context, now time.Time) ([]*Alert, error) {
	return scanAlerts(s.db.QueryContext(ctx, `SELECT r.doc FROM alerts a JOIN revisions r ON r.alert_id = a.id AND r.rev = a.rev
		WHERE a.shown != CASE WHEN a.cancelled = 1 OR a.expires <= ? THEN -1 ELSE a.rev END ORDER BY a.id`, ms(now)))
}

// MarkShown implements Store.
func (s *SQLite) MarkShown(ctx context.Context, id int64, rev int) error {
	_, err := s.db.ExecContext(ctx, `UPDATE alerts SET shown = ? WHERE id = ?`, rev, id)
	return err
}

// Undelivered implements Store.
func (s *SQLite) Undelivered(ctx context.Context, n int) ([]*Alert, error) {
	return scanAlerts(s.db.QueryContext(ctx, `SELECT doc FROM revisions WHERE delivered = 0 ORDER BY alert_id, rev LIMIT ?`, n))
}

// Delivered implements Store.
func (s *SQLite) Delivered(ctx context.Context, id int64, rev int, to map[int64][]string) error {
	return statedb.Tx(ctx, s.db, func(tx *sql.Tx) error {
		for sub, keys := range to {
			for _, k := range keys {
				if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO recipients(alert_id, subscriber_id, key)
					SELECT ?, id, ? FROM subscribers WHERE id = ?`, id, k, sub); err != nil {
					return err
				}
			}
		}
		_, err := tx.ExecContext(ctx, `UPDATE revisions SET delivered = 1 WHERE alert_id = ? AND rev = ?`, id, rev)
		return err
	})
}

// Recipients implements Store.
func (s *SQLite) Recipients(ctx context.Context, id int64) ([]int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT subscriber_id FROM recipients WHERE alert_id = ?`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var v int64
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
