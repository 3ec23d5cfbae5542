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
func (s *SQLite) Subscribe(ctx context.Context, sub *Subscriber) error {
	g, err := json.Marshal(sub.Geom)
	if err != nil {
		return err
	}
	b := sub.Geom.Bound()
	res, err := s.db.ExecContext(ctx, `INSERT INTO subscribers(token, email, phone, place, geom, minx, miny, maxx, maxy, created)
		VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, sub.Token, sub.Email, sub.Phone, sub.Place, g, b.Min[0], b.Min[1], b.Max[0], b.Max[1], ms(sub.Created))
	if err != nil {
		return err
	}
	sub.ID, _ = res.LastInsertId()
	return nil
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
func (s *SQLite) Confirm(ctx context.Context, token string, at time.Time) (*Subscriber, error) {
	if _, err := s.db.ExecContext(ctx, `UPDATE subscribers SET confirmed = ? WHERE token = ? AND confirmed = 0`, ms(at), token); err != nil {
		return nil, err
	}
	subs, err := scanSubs(s.db.QueryContext(ctx, `SELECT `+subColumns+` FROM subscribers WHERE token = ?`, token))
	if err != nil {
		return nil, err
	}
	if len(subs) == 0 {
		return nil, errNoSub
	}
	return subs[0], nil
}

// Unsubscribe implements Store. The row is overwritten on disk
// (secure_delete) and the write-ahead log folded in.
func (s *SQLite) Unsubscribe(ctx context.Context, token string) ([]string, error) {
	var keys []string
	err := statedb.Tx(ctx, s.db, func(tx *sql.Tx) error {
		var id int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM subscribers WHERE token = ?`, token).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return errNoSub
		} else if err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT key FROM recipients WHERE subscriber_id = ?`, id)
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
		_, err = tx.ExecContext(ctx, `DELETE FROM subscribers WHERE id = ?`, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return keys, statedb.Scrub(ctx, s.db)
}

// Subscribers implements Store.
func (s *SQLite) Subscribers(ctx context.Context, b orb.Bound, ids []int64) ([]*Subscriber, error) {
	if len(ids) > 0 {
		ph := strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",")
		args := make([]any, len(ids))
		for i, v := range ids {
			args[i] = v
		}
		return scanSubs(s.db.QueryContext(ctx, `SELECT `+subColumns+` FROM subscribers WHERE confirmed != 0 AND id IN (`+ph+`)`, args...))
	}
	return scanSubs(s.db.QueryContext(ctx, `SELECT `+subColumns+` FROM subscribers WHERE confirmed != 0
		AND maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ?`, b.Min[0], b.Max[0], b.Min[1], b.Max[1]))
}

// PurgeUnconfirmed implements Store.
func (s *SQLite) PurgeUnconfirmed(ctx context.Context, t time.Time) (int, error) {
	res, err := s.db.ExecContext(ctx, `DELETE FROM subscribers WHERE confirmed = 0 AND created < ?`, ms(t))
	if err != nil {
		return 0, err
	}
	n, _ := res.RowsAffected()
	if n > 0 {
		statedb.Scrub(ctx, s.db)
	}
	return int(n), nil
}
