package open311

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/sip-core/sip/statedb"
)

// DB is the Store in the state database (statedb): a SQLite file of one
// machine (open311.database, default open311.sqlite next to the first
// dataset's store) or a PostgreSQL schema every replica shares. Contacts live
// in a table of their own; deleted content is overwritten on disk on SQLite
// (secure_delete), and on PostgreSQL dead rows stay until autovacuum.
type DB struct {
	db  *statedb.DB // the writer: on SQLite one connection
	rdb *statedb.DB // readers

	creates    chan *createJob // to the group committer
	writerDone chan struct{}
	mu         sync.RWMutex // read-held while sending to creates
	closed     bool
}

var _ Store = (*DB)(nil)

// Feature names the reports' tables in the state database (open311_…).
const Feature = "open311"

// migrations are the reports' tables. Times are unix milliseconds (BIGINT:
// PostgreSQL's INTEGER is 32 bits), coordinates DOUBLE PRECISION (its REAL
// is 32 bits). Photos are bytes in the database: re-encoded to at most
// 2048 pixels a side they are a few hundred kilobytes, one per request.
var migrations = []statedb.Migration{{Func: adoptLegacy, SQL: `
CREATE TABLE IF NOT EXISTS open311_requests(
	id {{serial}},
	token TEXT NOT NULL UNIQUE,
	jurisdiction TEXT NOT NULL,
	service_code TEXT NOT NULL,
	service_name TEXT NOT NULL,
	description TEXT NOT NULL DEFAULT '',
	state TEXT NOT NULL,
	status_notes TEXT NOT NULL DEFAULT '',
	agency TEXT NOT NULL,
	agency_code TEXT NOT NULL,
	hosted INTEGER NOT NULL,
	notice TEXT NOT NULL DEFAULT '',
	requested BIGINT NOT NULL,
	updated BIGINT NOT NULL,
	expected BIGINT NOT NULL DEFAULT 0,
	closed BIGINT NOT NULL DEFAULT 0,
	address TEXT NOT NULL DEFAULT '',
	address_id TEXT NOT NULL DEFAULT '',
	lat DOUBLE PRECISION NOT NULL, lon DOUBLE PRECISION NOT NULL,
	x DOUBLE PRECISION NOT NULL, y DOUBLE PRECISION NOT NULL,
	media_url TEXT NOT NULL DEFAULT '',
	has_media INTEGER NOT NULL DEFAULT 0,
	attributes TEXT NOT NULL DEFAULT '{}',
	decision TEXT NOT NULL DEFAULT '{}',
	version BIGINT NOT NULL DEFAULT 1,
	staff_done BIGINT NOT NULL DEFAULT 0,
	delivery_done BIGINT NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS open311_requests_requested ON open311_requests(requested);
CREATE INDEX IF NOT EXISTS open311_requests_pending ON open311_requests(staff_done, delivery_done);
CREATE TABLE IF NOT EXISTS open311_contacts(
	request_id BIGINT PRIMARY KEY REFERENCES open311_requests(id),
	email TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT '',
	first_name TEXT NOT NULL DEFAULT '', last_name TEXT NOT NULL DEFAULT '',
	device_id TEXT NOT NULL DEFAULT '', account_id TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS open311_notes(
	request_id BIGINT NOT NULL REFERENCES open311_requests(id),
	n INTEGER NOT NULL,
	time BIGINT NOT NULL,
	state TEXT NOT NULL,
	text TEXT NOT NULL DEFAULT '',
	author TEXT NOT NULL,
	PRIMARY KEY(request_id, n));
CREATE TABLE IF NOT EXISTS open311_media(
	request_id BIGINT PRIMARY KEY REFERENCES open311_requests(id),
	content_type TEXT NOT NULL,
	bytes {{blob}} NOT NULL,
	width INTEGER NOT NULL,
	height INTEGER NOT NULL);
`}}

// adoptLegacy renames the tables of a reports file written before the state
// database to the open311_ names, keeping every request, contact, note and
// photo.
var adoptLegacy = statedb.Adopt("open311_", []string{"requests", "contacts", "notes", "media"},
	[]string{"requests_requested", "requests_pending"})

// OpenDSN opens the reports in the state database a DSN names (a SQLite
// file, created if needed, or a PostgreSQL schema), bringing their tables up
// to date; an older reports file is adopted as it is.
func OpenDSN(ctx context.Context, dsn string) (*DB, error) {
	db, err := statedb.OpenDSN(ctx, dsn)
	if err != nil {
		return nil, fmt.Errorf("reports database: %w", err)
	}
	if err := db.Migrate(ctx, Feature, migrations); err != nil {
		db.Close()
		return nil, fmt.Errorf("reports database: %w", err)
	}
	rdb, err := db.Reader(4)
	if err != nil {
		db.Close()
		return nil, err
	}
	s := &DB{db: db, rdb: rdb, creates: make(chan *createJob, maxGroup), writerDone: make(chan struct{})}
	go s.writeCreates()
	return s, nil
}

// Close waits for the Creates under way, then closes the database (on
// SQLite after folding the write-ahead log into it).
func (s *DB) Close() error {
	s.mu.Lock()
	if !s.closed {
		s.closed = true
		close(s.creates)
	}
	s.mu.Unlock()
	<-s.writerDone
	s.rdb.Close()
	return s.db.Close()
}

// Ready is the readiness check of the reports' database: a shared one
// answers.
func (s *DB) Ready(ctx context.Context) error { return s.db.Ready(ctx) }

// Lease implements Store (statedb.DB.Turn).
func (s *DB) Lease(ctx context.Context, holder string, ttl time.Duration) (bool, error) {
	return s.db.Turn(ctx, Feature, holder, ttl)
}

var ms, fromMS = statedb.Millis, statedb.Time

func (s *DB) tx(ctx context.Context, fn func(*statedb.Txn) error) error {
	return s.db.Tx(ctx, fn)
}

// b2i is a flag as stored (INTEGER on both engines).
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func newToken() string {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return hex.EncodeToString(b)
}

// createJob is a Create waiting for the group commit.
type createJob struct {
	r    *Request
	c    *Contact
	m    *Media
	done chan error
}

// maxGroup bounds the requests one commit stores.
const maxGroup = 64

// Create implements Store. Concurrent Creates share commits (a group commit:
// one fsync stores every request that arrived while the previous one ran);
// each returns when its request is durable, with its own error.
func (s *DB) Create(ctx context.Context, r *Request, c *Contact, m *Media) error {
	r.Token = newToken()
	if r.Updated.IsZero() {
		r.Updated = r.Requested
	}
	r.HasMedia = m != nil
	j := &createJob{r: r, c: c, m: m, done: make(chan error, 1)}
	s.mu.RLock()
	if s.closed {
		s.mu.RUnlock()
		return errors.New("open311: the reports database is closed")
	}
	select {
	case s.creates <- j:
	case <-ctx.Done():
		s.mu.RUnlock()
		return ctx.Err()
	}
	s.mu.RUnlock()
	return <-j.done // the job is in the writer's hands: wait for its outcome
}

// writeCreates is the group committer: it takes the waiting Creates, stores
// each under a savepoint (a failing one fails alone), and commits them at once.
func (s *DB) writeCreates() {
	defer close(s.writerDone)
	for j := range s.creates {
		batch := []*createJob{j}
	fill:
		for len(batch) < maxGroup {
			select {
			case more, ok := <-s.creates:
				if !ok {
					break fill
				}
				batch = append(batch, more)
			default:
				break fill
			}
		}
		errs := make([]error, len(batch))
		ctx := context.Background()
		err := s.tx(ctx, func(tx *statedb.Txn) error {
			for i, b := range batch {
				if _, err := tx.Exec(ctx, `SAVEPOINT one`); err != nil {
					return err
				}
				if errs[i] = insertRequest(ctx, tx, b.r, b.c, b.m); errs[i] != nil {
					if _, err := tx.Exec(ctx, `ROLLBACK TO one`); err != nil {
						return err
					}
				}
				if _, err := tx.Exec(ctx, `RELEASE one`); err != nil {
					return err
				}
			}
			return nil
		})
		for i, b := range batch {
			if err != nil {
				errs[i] = err
			}
			if errs[i] != nil {
				b.r.ID = ""
			}
			b.done <- errs[i]
		}
	}
}

// insertRequest stores a request with its contact, photo and first note.
func insertRequest(ctx context.Context, tx *statedb.Txn, r *Request, c *Contact, m *Media) error {
	attrs, _ := json.Marshal(r.Attributes)
	dec, _ := json.Marshal(r.Decision)
	var id int64
	err := tx.QueryRow(ctx, `INSERT INTO open311_requests(token, jurisdiction, service_code, service_name, description, state, status_notes,
		agency, agency_code, hosted, notice, requested, updated, closed, address, address_id, lat, lon, x, y, media_url, has_media, attributes, decision)
		VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id`,
		r.Token, r.Jurisdiction, r.ServiceCode, r.ServiceName, r.Description, r.State, r.StatusNotes,
		r.Agency, r.AgencyCode, b2i(r.Hosted), r.Notice, ms(r.Requested), ms(r.Updated), ms(r.Closed), r.Address, r.AddressID,
		r.Lat, r.Long, r.X, r.Y, r.MediaURL, b2i(r.HasMedia), string(attrs), string(dec)).Scan(&id)
	if err != nil {
		return err
	}
	r.ID = strconv.FormatInt(id, 10)
	if !c.Empty() {
		if _, err := tx.Exec(ctx, `INSERT INTO open311_contacts(request_id, email, phone, first_name, last_name, device_id, account_id) VALUES(?,?,?,?,?,?,?)`,
			id, c.Email, c.Phone, c.FirstName, c.LastName, c.DeviceID, c.AccountID); err != nil {
			return err
		}
	}
	if m != nil {
		if _, err := tx.Exec(ctx, `INSERT INTO open311_media(request_id, content_type, bytes, width, height) VALUES(?,?,?,?,?)`, id, m.ContentType, m.Bytes, m.Width, m.Height); err != nil {
			return err
		}
	}
	return addNote(ctx, tx, id, Note{Time: r.Requested, State: r.State, Text: r.StatusNotes, Author: "system"})
}

func addNote(ctx context.Context, tx *statedb.Txn, id int64, n Note) error {
	_, err := tx.Exec(ctx, `INSERT INTO open311_notes(request_id, n, time, state, text, author)
		VALUES(?, (SELECT coalesce(max(n), 0) + 1 FROM open311_notes WHERE request_id=?), ?, ?, ?, ?)`, id, id, ms(n.Time), n.State, n.Text, n.Author)
	return err
}

const requestCols = `id, token, jurisdiction, service_code, service_name, description, state, status_notes, agency, agency_code, hosted, notice,
	requested, updated, expected, closed, address, address_id, lat, lon, x, y, media_url, has_media, attributes, decision, version`

func scanRequest(row interface{ Scan(...any) error }) (*Request, int64, error) {
	var r Request
	var id, requested, updated, expected, closed, version int64
	var attrs, dec string
	if err := row.Scan(&id, &r.Token, &r.Jurisdiction, &r.ServiceCode, &r.ServiceName, &r.Description, &r.State, &r.StatusNotes,
		&r.Agency, &r.AgencyCode, &r.Hosted, &r.Notice, &requested, &updated, &expected, &closed, &r.Address, &r.AddressID,
		&r.Lat, &r.Long, &r.X, &r.Y, &r.MediaURL, &r.HasMedia, &attrs, &dec, &version); err != nil {
		return nil, 0, err
	}
	r.ID = strconv.FormatInt(id, 10)
	r.Requested, r.Updated, r.Expected, r.Closed = fromMS(requested), fromMS(updated), fromMS(expected), fromMS(closed)
	if err := json.Unmarshal([]byte(attrs), &r.Attributes); err != nil {
		return nil, 0, err
	}
	if err := json.Unmarshal([]byte(dec), &r.Decision); err != nil {
		return nil, 0, err
	}
	return &r, version, nil
}

// parseID turns a service_request_id into the row id; ok is false for
// anything that is not one of ours.
func parseID(id string) (int64, bool) {
	n, err := strconv.ParseInt(id, 10, 64)
	return n, err == nil && n > 0 && strconv.FormatInt(n, 10) == id
}

// Get implements Store.
func (s *DB) Get(ctx context.Context, id string) (*Request, error) {
	n, ok := parseID(id)
	if !ok {
		return nil, ErrNotFound
	}
	r, _, err := scanRequest(s.rdb.QueryRow(ctx, `SELECT `+requestCols+` FROM open311_requests WHERE id=?`, n))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	return r, err
}

// ByToken implements Store.
func (s *DB) ByToken(ctx context.Context, token string) (*Request, error) {
	r, _, err := scanRequest(s.rdb.QueryRow(ctx, `SELECT `+requestCols+` FROM open311_requests WHERE token=?`, token))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	return r, err
}

// List implements Store.
func (s *DB) List(ctx context.Context, f Filter) ([]*Request, int, error) {
	var where []string
	var args []any
	in := func(col string, vals []any) {
		where = append(where, col+" IN ("+strings.TrimSuffix(strings.Repeat("?,", len(vals)), ",")+")")
		args = append(args, vals...)
	}
	if len(f.IDs) > 0 {
		var ids []any
		for _, id := range f.IDs {
			if n, ok := parseID(id); ok {
				ids = append(ids, n)
			}
		}
		if len(ids) == 0 {
			return nil, 0, nil
		}
		in("id", ids)
	} else {
		if f.Jurisdiction != "" {
			where = append(where, "jurisdiction=?")
			args = append(args, f.Jurisdiction)
		}
		if len(f.Services) > 0 {
			in("service_code", anys(f.Services))
		}
		if len(f.States) > 0 {
			in("state", anys(f.States))
		}
		if !f.Start.IsZero() {
			where = append(where, "requested>=?")
			args = append(args, ms(f.Start))
		}
		if !f.End.IsZero() {
			where = append(where, "requested<=?")
			args = append(args, ms(f.End))
		}
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	var total int
	if err := s.rdb.QueryRow(ctx, `SELECT count(*) FROM open311_requests`+cond, args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 1000
	}
	rows, err := s.rdb.Query(ctx, `SELECT `+requestCols+` FROM open311_requests`+cond+` ORDER BY requested DESC, id DESC LIMIT ? OFFSET ?`,
		append(args, limit, max(f.Offset, 0))...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []*Request
	for rows.Next() {
		r, _, err := scanRequest(rows)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, r)
	}
	return out, total, rows.Err()
}

func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// Notes implements Store.
func (s *DB) Notes(ctx context.Context, id string) ([]Note, error) {
	n, ok := parseID(id)
	if !ok {
		return nil, ErrNotFound
	}
	rows, err := s.rdb.Query(ctx, `SELECT time, state, text, author FROM open311_notes WHERE request_id=? ORDER BY n`, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Note
	for rows.Next() {
		var t int64
		var nt Note
		if err := rows.Scan(&t, &nt.State, &nt.Text, &nt.Author); err != nil {
			return nil, err
		}
		nt.Time = fromMS(t)
		out = append(out, nt)
	}
	return out, rows.Err()
}

// SetState implements Store.
func (s *DB) SetState(ctx context.Context, id, state, notes, author string, at time.Time) (*Request, error) {
	n, ok := parseID(id)
	if !ok {
		return nil, ErrNotFound
	}
	var out *Request
	err := s.tx(ctx, func(tx *statedb.Txn) error {
		r, _, err := scanRequest(tx.LockRow(ctx, `SELECT `+requestCols+` FROM open311_requests WHERE id=?`, n))
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		closed := r.Closed
		switch {
		case closedStates[state] && closed.IsZero():
			closed = at
		case openStates[state]:
			closed = time.Time{} // reopened: the retention clock stops
		}
		if _, err := tx.Exec(ctx, `UPDATE open311_requests SET state=?, status_notes=?, updated=?, closed=?, version=version+1 WHERE id=?`,
			state, notes, ms(at), ms(closed), n); err != nil {
			return err
		}
		if err := addNote(ctx, tx, n, Note{Time: at, State: state, Text: notes, Author: author}); err != nil {
			return err
		}
		r.State, r.StatusNotes, r.Updated, r.Closed = state, notes, at.UTC(), closed
		out = r
		return nil
	})
	return out, err
}

// Media implements Store.
func (s *DB) Media(ctx context.Context, id string) (*Media, error) {
	n, ok := parseID(id)
	if !ok {
		return nil, ErrNotFound
	}
	var m Media
	err := s.rdb.QueryRow(ctx, `SELECT content_type, bytes, width, height FROM open311_media WHERE request_id=?`, n).Scan(&m.ContentType, &m.Bytes, &m.Width, &m.Height)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	return &m, err
}

// Contact implements Store.
func (s *DB) Contact(ctx context.Context, id string) (*Contact, error) {
	n, ok := parseID(id)
	if !ok {
		return nil, ErrNotFound
	}
	var c Contact
	err := s.rdb.QueryRow(ctx, `SELECT email, phone, first_name, last_name, device_id, account_id FROM open311_contacts WHERE request_id=?`, n).
		Scan(&c.Email, &c.Phone, &c.FirstName, &c.LastName, &c.DeviceID, &c.AccountID)
	if errors.Is(err, sql.ErrNoRows) {
		return &Contact{}, nil
	}
	return &c, err
}

var jobColumn = map[Job]string{JobDelivery: "delivery_done", JobStaff: "staff_done"}

// Pending implements Store.
func (s *DB) Pending(ctx context.Context, job Job, limit int) ([]Versioned, error) {
	col := jobColumn[job]
	q := `SELECT ` + requestCols + ` FROM open311_requests WHERE ` + col + ` < version ORDER BY id LIMIT ?`
	if job == JobDelivery {
		// A request's messages are enqueued once, when it is created.
		q = `SELECT ` + requestCols + ` FROM open311_requests WHERE delivery_done = 0 ORDER BY id LIMIT ?`
	}
	rows, err := s.rdb.Query(ctx, q, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Versioned
	for rows.Next() {
		r, v, err := scanRequest(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, Versioned{Request: r, Version: v})
	}
	return out, rows.Err()
}

// Done implements Store.
func (s *DB) Done(ctx context.Context, job Job, versions map[string]int64) error {
	col := jobColumn[job]
	return s.tx(ctx, func(tx *statedb.Txn) error {
		for id, v := range versions {
			n, ok := parseID(id)
			if !ok {
				return ErrNotFound
			}
			if _, err := tx.Exec(ctx, `UPDATE open311_requests SET `+col+`=? WHERE id=? AND `+col+` < ?`, v, n, v); err != nil {
				return err
			}
		}
		return nil
	})
}

// PurgeContacts implements Store.
func (s *DB) PurgeContacts(ctx context.Context, closedBefore time.Time) ([]string, error) {
	var ids []string
	err := s.tx(ctx, func(tx *statedb.Txn) error {
		ids = ids[:0]
		rows, err := tx.Query(ctx, `SELECT c.request_id FROM open311_contacts c JOIN open311_requests r ON r.id=c.request_id WHERE r.closed != 0 AND r.closed < ?`, ms(closedBefore))
		if err != nil {
			return err
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			ids = append(ids, strconv.FormatInt(id, 10))
		}
		rows.Close()
		for _, id := range ids {
			if _, err := tx.Exec(ctx, `DELETE FROM open311_contacts WHERE request_id=?`, id); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil && len(ids) > 0 {
		err = s.db.Scrub(ctx)
	}
	return ids, err
}
