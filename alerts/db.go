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

// Store holds alerts, their revisions and the subscribers: DB, in the
// state database (a SQLite file of one machine, or a PostgreSQL schema
// replicas share).
type Store interface {
	// Publish stores a new alert (ID 0: an ID is assigned, Rev 1) or the
	// next revision of a.ID, which must follow the len(a.Refs) revisions
	// it references (errChanged when another revision came first); it fails
	// with errCancelled after a Cancel.
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
	// Lease takes or renews, for holder, the right to run the background
	// pass for ttl: replicas sharing the store take turns. A ttl of 0 gives
	// it up.
	Lease(ctx context.Context, holder string, ttl time.Duration) (bool, error)
	Close() error
}

var (
	errNotFound  = errors.New("alerts: no such alert")
	errCancelled = errors.New("alerts: the alert was cancelled")
	errNoSub     = errors.New("alerts: no such subscription")
	errChanged   = errors.New("alerts: the alert has a newer revision")
)

// Feature names the alerts' tables in the state database (alerts, alerts_…).
const Feature = "alerts"

// migrations are the alerts' tables. Times are unix milliseconds (BIGINT),
// box corners DOUBLE PRECISION.
var migrations = []statedb.Migration{{Func: adoptLegacy, SQL: `
CREATE TABLE IF NOT EXISTS alerts(
	id {{serial}},
	rev INTEGER NOT NULL,          -- latest revision
	cancelled INTEGER NOT NULL DEFAULT 0,
	expires BIGINT NOT NULL,
	sent BIGINT NOT NULL,
	shown INTEGER NOT NULL DEFAULT 0); -- revision in the public layer, -1 ended
CREATE TABLE IF NOT EXISTS alerts_revisions(
	alert_id BIGINT NOT NULL REFERENCES alerts(id),
	rev INTEGER NOT NULL,
	doc TEXT NOT NULL,             -- the Alert as JSON
	delivered INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY(alert_id, rev));
CREATE INDEX IF NOT EXISTS alerts_revisions_undelivered ON alerts_revisions(delivered);
-- personal data: contacts, deleted on unsubscribe
CREATE TABLE IF NOT EXISTS alerts_subscribers(
	id {{serial}},
	token TEXT NOT NULL UNIQUE,
	email TEXT NOT NULL DEFAULT '',
	phone TEXT NOT NULL DEFAULT '',
	place TEXT NOT NULL,           -- the address or parcel as stored
	geom TEXT NOT NULL,            -- its geometry (EPSG:2180) as JSON
	minx DOUBLE PRECISION NOT NULL, miny DOUBLE PRECISION NOT NULL,
	maxx DOUBLE PRECISION NOT NULL, maxy DOUBLE PRECISION NOT NULL,
	created BIGINT NOT NULL,
	confirmed BIGINT NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS alerts_recipients(
	alert_id BIGINT NOT NULL,
	subscriber_id BIGINT NOT NULL REFERENCES alerts_subscribers(id) ON DELETE CASCADE,
	key TEXT NOT NULL,
	PRIMARY KEY(alert_id, subscriber_id, key));
CREATE INDEX IF NOT EXISTS alerts_recipients_sub ON alerts_recipients(subscriber_id);
`}}

// adoptLegacy renames the tables of an alerts file written before the state
// database to the alerts_ names (alerts itself keeps its name), keeping every
// alert, revision and subscription.
var adoptLegacy = statedb.Adopt("alerts_", []string{"revisions", "subscribers", "recipients"},
	[]string{"revisions_undelivered", "recipients_sub"})

// DB is the Store in the state database (statedb): a SQLite file of one
// machine (alerts.database, default alerts.sqlite next to the first
// dataset's store) or a PostgreSQL schema every replica shares.
type DB struct{ db *statedb.DB }

var _ Store = (*DB)(nil)

// OpenDSN opens the alerts in the state database a DSN names (a SQLite
// file, created if needed, or a PostgreSQL schema), bringing their tables up
// to date; an older alerts file is adopted as it is.
func OpenDSN(ctx context.Context, dsn string) (*DB, error) {
	db, err := statedb.OpenDSN(ctx, dsn)
	if err != nil {
		return nil, fmt.Errorf("alerts database: %w", err)
	}
	if err := db.Migrate(ctx, Feature, migrations); err != nil {
		db.Close()
		return nil, fmt.Errorf("alerts database: %w", err)
	}
	return &DB{db: db}, nil
}

// Close implements Store.
func (s *DB) Close() error { return s.db.Close() }

var ms, fromMS = statedb.Millis, statedb.Time

// Ready is the readiness check of the alerts' database: a shared one
// answers.
func (s *DB) Ready(ctx context.Context) error { return s.db.Ready(ctx) }

// Lease implements Store (statedb.DB.Turn).
func (s *DB) Lease(ctx context.Context, holder string, ttl time.Duration) (bool, error) {
	return s.db.Turn(ctx, Feature, holder, ttl)
}

// Publish implements Store.
func (s *DB) Publish(ctx context.Context, a *Alert) error {
	return s.db.Tx(ctx, func(tx *statedb.Txn) error {
		if a.ID == 0 {
			if err := tx.QueryRow(ctx, `INSERT INTO alerts(rev, expires, sent) VALUES(1, ?, ?) RETURNING id`,
				ms(a.Expires()), ms(a.Sent)).Scan(&a.ID); err != nil {
				return err
			}
			a.Rev = 1
		} else {
			var rev, cancelled int
			err := tx.LockRow(ctx, `SELECT rev, cancelled FROM alerts WHERE id = ?`, a.ID).Scan(&rev, &cancelled)
			if errors.Is(err, sql.ErrNoRows) {
				return errNotFound
			} else if err != nil {
				return err
			}
			if cancelled != 0 {
				return errCancelled
			}
			if rev != len(a.Refs) {
				return errChanged // read before another replica's revision
			}
			a.Rev = rev + 1
			c := 0
			if a.MsgType == "Cancel" {
				c = 1
			}
			if _, err := tx.Exec(ctx, `UPDATE alerts SET rev = ?, cancelled = ?, expires = ?, sent = ? WHERE id = ?`,
				a.Rev, c, ms(a.Expires()), ms(a.Sent), a.ID); err != nil {
				return err
			}
		}
		doc, err := json.Marshal(a)
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `INSERT INTO alerts_revisions(alert_id, rev, doc) VALUES(?, ?, ?)`, a.ID, a.Rev, string(doc))
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
func (s *DB) Revision(ctx context.Context, id int64, rev int) (*Alert, error) {
	as, err := scanAlerts(s.db.Query(ctx, `SELECT r.doc FROM alerts_revisions r JOIN alerts a ON a.id = r.alert_id
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
func (s *DB) Latest(ctx context.Context, since time.Time) ([]*Alert, error) {
	return scanAlerts(s.db.Query(ctx, `SELECT r.doc FROM alerts a JOIN alerts_revisions r ON r.alert_id = a.id AND r.rev = a.rev
		WHERE a.sent >= ? ORDER BY a.id`, ms(since)))
}

// Layer implements Store: an alert is wanted in the layer at its latest
// revision while neither cancelled nor expired, and ended afterwards.
func (s *DB) Layer(ctx context.Context, now time.Time) ([]*Alert, error) {
	return scanAlerts(s.db.Query(ctx, `SELECT r.doc FROM alerts a JOIN alerts_revisions r ON r.alert_id = a.id AND r.rev = a.rev
		WHERE a.shown != CASE WHEN a.cancelled = 1 OR a.expires <= ? THEN -1 ELSE a.rev END ORDER BY a.id`, ms(now)))
}

// MarkShown implements Store.
func (s *DB) MarkShown(ctx context.Context, id int64, rev int) error {
	_, err := s.db.Exec(ctx, `UPDATE alerts SET shown = ? WHERE id = ?`, rev, id)
	return err
}

// Undelivered implements Store.
func (s *DB) Undelivered(ctx context.Context, n int) ([]*Alert, error) {
	return scanAlerts(s.db.Query(ctx, `SELECT doc FROM alerts_revisions WHERE delivered = 0 ORDER BY alert_id, rev LIMIT ?`, n))
}

// Delivered implements Store.
func (s *DB) Delivered(ctx context.Context, id int64, rev int, to map[int64][]string) error {
	return s.db.Tx(ctx, func(tx *statedb.Txn) error {
		for sub, keys := range to {
			for _, k := range keys {
				if _, err := tx.Exec(ctx, `INSERT INTO alerts_recipients(alert_id, subscriber_id, key)
					SELECT ?, id, ? FROM alerts_subscribers WHERE id = ? ON CONFLICT DO NOTHING`, id, k, sub); err != nil {
					return err
				}
			}
		}
		_, err := tx.Exec(ctx, `UPDATE alerts_revisions SET delivered = 1 WHERE alert_id = ? AND rev = ?`, id, rev)
		return err
	})
}

// Recipients implements Store.
func (s *DB) Recipients(ctx context.Context, id int64) ([]int64, error) {
	rows, err := s.db.Query(ctx, `SELECT DISTINCT subscriber_id FROM alerts_recipients WHERE alert_id = ?`, id)
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
