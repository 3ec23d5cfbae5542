package alerts

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/statedb"
)

// Subscriber is one resident's subscription: a contact and a place.
// Everything here is personal data: never in a public response.
type Subscriber struct {
	ID        int64
	Token     string // in the confirmation and unsubscribe links
	Email     string
	Phone     string
	Place     string           // the address or parcel as stored
	Geom      orb.MultiPolygon // the building or parcel (EPSG:2180)
	Created   time.Time
	Confirmed time.Time
}

// Subscribe implements Store.
func (s *DB) Subscribe(ctx context.Context, sub *Subscriber) error {
	g, err := json.Marshal(sub.Geom)
	if err != nil {
		return err
	}
	b := sub.Geom.Bound()
	return s.db.QueryRow(ctx, `INSERT INTO alerts_subscribers(token, email, phone, place, geom, minx, miny, maxx, maxy, created)
		VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, sub.Token, sub.Email, sub.Phone, sub.Place, string(g),
		b.Min[0], b.Min[1], b.Max[0], b.Max[1], ms(sub.Created)).Scan(&sub.ID)
}

const subColumns = `id, token, email, phone, place, geom, created, confirmed`

func scanSubs(rows *sql.Rows, err error) ([]*Subscriber, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*Subscriber
	for rows.Next() {
		var sub Subscriber
		var g []byte
		var created, confirmed int64
		if err := rows.Scan(&sub.ID, &sub.Token, &sub.Email, &sub.Phone, &sub.Place, &g, &created, &confirmed); err != nil {
			return nil, err
		}
		if err := json.Unmarshal(g, &sub.Geom); err != nil {
			return nil, err
		}
		sub.Created, sub.Confirmed = fromMS(created), fromMS(confirmed)
		out = append(out, &sub)
	}
	return out, rows.Err()
}

// Confirm implements Store.
func (s *DB) Confirm(ctx context.Context, token string, at time.Time) (*Subscriber, error) {
	if _, err := s.db.Exec(ctx, `UPDATE alerts_subscribers SET confirmed = ? WHERE token = ? AND confirmed = 0`, ms(at), token); err != nil {
		return nil, err
	}
	subs, err := scanSubs(s.db.Query(ctx, `SELECT `+subColumns+` FROM alerts_subscribers WHERE token = ?`, token))
	if err != nil {
		return nil, err
	}
	if len(subs) == 0 {
		return nil, errNoSub
	}
	return subs[0], nil
}

// Unsubscribe implements Store. On SQLite the row is overwritten on disk
// (secure_delete) and the write-ahead log folded in; on PostgreSQL the dead
// row stays in the table's pages until autovacuum reclaims them.
func (s *DB) Unsubscribe(ctx context.Context, token string) ([]string, error) {
	var keys []string
	err := s.db.Tx(ctx, func(tx *statedb.Txn) error {
		var id int64
		err := tx.LockRow(ctx, `SELECT id FROM alerts_subscribers WHERE token = ?`, token).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return errNoSub
		} else if err != nil {
			return err
		}
		rows, err := tx.Query(ctx, `SELECT key FROM alerts_recipients WHERE subscriber_id = ?`, id)
		if err != nil {
			return err
		}
		for rows.Next() {
			var k string
			rows.Scan(&k)
			keys = append(keys, k)
		}
		rows.Close()
		keys = append(keys, confirmKey(id))
		if _, err := tx.Exec(ctx, `DELETE FROM alerts_recipients WHERE subscriber_id = ?`, id); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `DELETE FROM alerts_subscribers WHERE id = ?`, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return keys, s.db.Scrub(ctx)
}

// Subscribers implements Store, in the order of their ids: replicas
// enqueueing one revision pick the same subscriber of a contact.
func (s *DB) Subscribers(ctx context.Context, b orb.Bound, ids []int64) ([]*Subscriber, error) {
	if len(ids) > 0 {
		ph := strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",")
		args := make([]any, len(ids))
		for i, v := range ids {
			args[i] = v
		}
		return scanSubs(s.db.Query(ctx, `SELECT `+subColumns+` FROM alerts_subscribers WHERE confirmed != 0 AND id IN (`+ph+`) ORDER BY id`, args...))
	}
	return scanSubs(s.db.Query(ctx, `SELECT `+subColumns+` FROM alerts_subscribers WHERE confirmed != 0
		AND maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ? ORDER BY id`, b.Min[0], b.Max[0], b.Min[1], b.Max[1]))
}

// PurgeUnconfirmed implements Store.
func (s *DB) PurgeUnconfirmed(ctx context.Context, t time.Time) (int, error) {
	res, err := s.db.Exec(ctx, `DELETE FROM alerts_subscribers WHERE confirmed = 0 AND created < ?`, ms(t))
	if err != nil {
		return 0, err
	}
	n, _ := res.RowsAffected()
	if n > 0 {
		s.db.Scrub(ctx)
	}
	return int(n), nil
}
