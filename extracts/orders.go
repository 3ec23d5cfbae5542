package extracts

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/statedb"
)

// Order states. quoted → awaiting_payment → paid → ready → downloaded | expired;
// quoted or awaiting_payment → cancelled.
const (
	StateQuoted     = "quoted"
	StateAwaiting   = "awaiting_payment"
	StatePaid       = "paid"
	StateReady      = "ready"
	StateDownloaded = "downloaded"
	StateExpired    = "expired"
	StateCancelled  = "cancelled"
)

// Order is one stored order.
type Order struct {
	ID        string
	Created   time.Time
	State     string
	Dataset   string
	Request   Request
	Quote     Quote
	Total     config.Grosze
	Currency  string
	Provider  string
	PaymentID string
	ReadyAt   time.Time
	ExpiresAt time.Time
	Files     []string
	// Location is where the released files are kept: "" for a folder of the
	// order under extracts.files, or the object-storage prefix they were
	// uploaded under.
	Location string
}

// AuditEntry is one line of the audit log.
type AuditEntry struct {
	Seq     int64         `json:"seq"`
	Time    time.Time     `json:"time"`
	OrderID string        `json:"order"`
	Actor   string        `json:"actor"`
	Action  string        `json:"action"`
	Amount  config.Grosze `json:"amount"`
	Detail  string        `json:"detail,omitempty"`
}

// DB is the orders database: the extracts' tables of the state database (a
// SQLite file, or a PostgreSQL schema every replica shares).
type DB struct {
	db *statedb.DB
}

// Feature is the name the extracts' tables carry in the state database.
const Feature = "extracts"

// migrations are the extracts' tables, step by step.
var migrations = []statedb.Migration{
	{Func: adoptLegacy, SQL: `
CREATE TABLE IF NOT EXISTS extracts_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS extracts_orders(
	id TEXT PRIMARY KEY,
	created TEXT NOT NULL,
	updated TEXT NOT NULL,
	state TEXT NOT NULL,
	dataset TEXT NOT NULL,
	request TEXT NOT NULL,
	quote TEXT NOT NULL,
	total BIGINT NOT NULL CHECK (total >= 0),
	currency TEXT NOT NULL,
	provider TEXT NOT NULL,
	payment_id TEXT NOT NULL DEFAULT '',
	ready_at TEXT NOT NULL DEFAULT '',
	expires_at TEXT NOT NULL DEFAULT '',
	files TEXT NOT NULL DEFAULT '[]');
CREATE INDEX IF NOT EXISTS extracts_orders_state ON extracts_orders(state);
-- one charge per order at most: the primary key makes a second one impossible
CREATE TABLE IF NOT EXISTS extracts_charges(
	order_id TEXT PRIMARY KEY REFERENCES extracts_orders(id),
	provider TEXT NOT NULL,
	payment_id TEXT NOT NULL,
	amount BIGINT NOT NULL,
	currency TEXT NOT NULL,
	time TEXT NOT NULL);
-- notifications already handled (replays are acknowledged and ignored)
CREATE TABLE IF NOT EXISTS extracts_notifications(
	provider TEXT NOT NULL,
	digest TEXT NOT NULL,
	time TEXT NOT NULL,
	order_id TEXT NOT NULL,
	status TEXT NOT NULL,
	PRIMARY KEY(provider, digest));
CREATE TABLE IF NOT EXISTS extracts_downloads(
	order_id TEXT NOT NULL,
	file TEXT NOT NULL,
	count INTEGER NOT NULL,
	PRIMARY KEY(order_id, file));
CREATE TABLE IF NOT EXISTS extracts_audit(
	seq {{serial}},
	time TEXT NOT NULL,
	order_id TEXT NOT NULL,
	actor TEXT NOT NULL,
	action TEXT NOT NULL,
	amount BIGINT NOT NULL DEFAULT 0,
	detail TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS extracts_audit_order ON extracts_audit(order_id);
`},
	// The generator's lease (one replica generates an order at a time) and
	// where the released files are kept.
	{SQL: `
ALTER TABLE extracts_orders ADD COLUMN gen_owner TEXT NOT NULL DEFAULT '';
ALTER TABLE extracts_orders ADD COLUMN gen_until TEXT NOT NULL DEFAULT '';
ALTER TABLE extracts_orders ADD COLUMN location TEXT NOT NULL DEFAULT '';
`},
}

// adoptLegacy renames the tables of an orders file written before the state
// database (one SQLite file of the extracts alone) to the extracts_ names,
// keeping every order, charge and audit entry.
var adoptLegacy = statedb.Adopt("extracts_", []string{"orders", "meta", "charges", "notifications", "downloads", "audit"},
	[]string{"orders_state", "audit_order"})

// OpenDB opens the state database a DSN names (a SQLite file, created if
// needed, or a PostgreSQL schema) and brings the extracts' tables up to date.
func OpenDB(ctx context.Context, dsn string) (*DB, error) {
	db, err := statedb.OpenDSN(ctx, dsn)
	if err != nil {
		return nil, err
	}
	if err := db.Migrate(ctx, Feature, migrations); err != nil {
		db.Close()
		return nil, err
	}
	return &DB{db: db}, nil
}

// Close closes the database.
func (d *DB) Close() error { return d.db.Close() }

// Shared reports whether replicas share the database (PostgreSQL).
func (d *DB) Shared() bool { return d.db.Shared() }

// signingKey returns the download token key kept in the database, made once.
func (d *DB) signingKey(ctx context.Context) ([]byte, error) {
	var v string
	err := d.db.QueryRow(ctx, `SELECT value FROM extracts_meta WHERE key='token_key'`).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		k := make([]byte, 32)
		if _, err := rand.Read(k); err != nil {
			return nil, err
		}
		if _, err := d.db.Exec(ctx, `INSERT INTO extracts_meta(key, value) VALUES('token_key', ?) ON CONFLICT DO NOTHING`, hex.EncodeToString(k)); err != nil {
			return nil, err
		}
		return d.signingKey(ctx)
	}
	if err != nil {
		return nil, err
	}
	return hex.DecodeString(v)
}

func newOrderID() string {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return "ord_" + hex.EncodeToString(b)
}

// tsLayout has a fixed width, so that the stored times sort as text.
const tsLayout = "2006-01-02T15:04:05.000000000Z07:00"

func ts(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(tsLayout)
}

func parseTS(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}

// audit appends to the audit log inside tx.
func audit(ctx context.Context, tx *statedb.Txn, order, actor, action string, amount config.Grosze, detail string) error {
	_, err := tx.Exec(ctx, `INSERT INTO extracts_audit(time, order_id, actor, action, amount, detail) VALUES(?,?,?,?,?,?)`,
		ts(time.Now()), order, actor, action, int64(amount), detail)
	return err
}

// Audit appends one entry outside any transition.
func (d *DB) Audit(ctx context.Context, order, actor, action string, amount config.Grosze, detail string) error {
	return d.db.Tx(ctx, func(tx *statedb.Txn) error { return audit(ctx, tx, order, actor, action, amount, detail) })
}

// Create stores a new order in state quoted.
func (d *DB) Create(ctx context.Context, o *Order, actor string) error {
	o.ID = newOrderID()
	o.Created = time.Now().UTC()
	o.State = StateQuoted
	req, _ := json.Marshal(o.Request)
	qt, _ := json.Marshal(o.Quote)
	return d.db.Tx(ctx, func(tx *statedb.Txn) error {
		if _, err := tx.Exec(ctx, `INSERT INTO extracts_orders(id, created, updated, state, dataset, request, quote, total, currency, provider) VALUES(?,?,?,?,?,?,?,?,?,?)`,
			o.ID, ts(o.Created), ts(o.Created), o.State, o.Dataset, string(req), string(qt), int64(o.Total), o.Currency, o.Provider); err != nil {
			return err
		}
		return audit(ctx, tx, o.ID, actor, "quoted", o.Total, fmt.Sprintf("dataset %s, %d parcels, %d items", o.Dataset, len(o.Quote.Parcels), len(o.Quote.Items)))
	})
}

const orderCols = `id, created, state, dataset, request, quote, total, currency, provider, payment_id, ready_at, expires_at, files, location`

func scanOrder(row interface{ Scan(...any) error }) (*Order, error) {
	var o Order
	var created, req, qt, ready, exp, files string
	var total int64
	if err := row.Scan(&o.ID, &created, &o.State, &o.Dataset, &req, &qt, &total, &o.Currency, &o.Provider, &o.PaymentID, &ready, &exp, &files, &o.Location); err != nil {
		return nil, err
	}
	o.Created, o.ReadyAt, o.ExpiresAt = parseTS(created), parseTS(ready), parseTS(exp)
	o.Total = config.Grosze(total)
	if err := json.Unmarshal([]byte(req), &o.Request); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(qt), &o.Quote); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(files), &o.Files); err != nil {
		return nil, err
	}
	return &o, nil
}

// ErrNoOrder is returned for an unknown order id.
var ErrNoOrder = errors.New("no such order")

// Get reads an order.
func (d *DB) Get(ctx context.Context, id string) (*Order, error) {
	o, err := scanOrder(d.db.QueryRow(ctx, `SELECT `+orderCols+` FROM extracts_orders WHERE id=?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNoOrder
	}
	return o, err
}

// lockOrder reads an order inside tx and locks its row until tx ends: every
// transition of an order starts here, so that two replicas handling the same
// order (two notifications, two downloads) take turns, the second seeing what
// the first committed.
func lockOrder(ctx context.Context, tx *statedb.Txn, id string) (*Order, error) {
	o, err := scanOrder(tx.LockRow(ctx, `SELECT `+orderCols+` FROM extracts_orders WHERE id=?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNoOrder
	}
	return o, err
}

// ByState lists the ids of orders in a state, oldest first.
func (d *DB) ByState(ctx context.Context, state string) ([]string, error) {
	rows, err := d.db.Query(ctx, `SELECT id FROM extracts_orders WHERE state=? ORDER BY created`, state)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// transition moves an order from one of the states in from to state to, in tx;
// it reports false (and changes nothing) when the order is in another state.
func transition(ctx context.Context, tx *statedb.Txn, id string, from []string, to string, extra string, args ...any) (bool, error) {
	q := `UPDATE extracts_orders SET state=?, updated=?` + extra + ` WHERE id=? AND state IN (` + strings.TrimSuffix(strings.Repeat("?,", len(from)), ",") + `)`
	all := []any{to, ts(time.Now())}
	all = append(all, args...)
	all = append(all, id)
	for _, f := range from {
		all = append(all, f)
	}
	res, err := tx.Exec(ctx, q, all...)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// Payment outcomes of RecordPayment.
const (
	PaymentApplied   = "applied"   // the order is now paid
	PaymentDuplicate = "duplicate" // already paid (or charged): nothing changed
	PaymentLate      = "late"      // the order was cancelled or expired: nothing changed, needs a refund
	// PaymentDouble is a second, distinct payment (another payment id) for an
	// order already charged: the payer paid twice. Nothing changes; it is
	// audited as payment_double and needs a refund.
	PaymentDouble = "double"
)

// ErrMismatch is a payment whose amount or currency differs from the order.
var ErrMismatch = errors.New("payment does not match the order")

// RecordPayment charges an awaiting order once: the charge and the state change
// happen in one transaction, and the charges table admits one row per order.
func (d *DB) RecordPayment(ctx context.Context, id, provider, paymentID string, amount config.Grosze, currency, actor, detail string) (string, error) {
	var outcome string
	err := d.db.Tx(ctx, func(tx *statedb.Txn) error {
		o, err := lockOrder(ctx, tx, id)
		if err != nil {
			return err
		}
		if amount != o.Total || !strings.EqualFold(currency, o.Currency) {
			if err := audit(ctx, tx, id, actor, "payment_rejected", amount,
				fmt.Sprintf("amount %d %s does not match the order's %d %s; %s", amount, currency, o.Total, o.Currency, detail)); err != nil {
				return err
			}
			outcome = "mismatch"
			return nil
		}
		var chargedBy, chargedID string
		err = tx.QueryRow(ctx, `SELECT provider, payment_id FROM extracts_charges WHERE order_id=?`, id).Scan(&chargedBy, &chargedID)
		if err == nil {
			outcome, err = secondPayment(ctx, tx, id, provider, paymentID, chargedBy, chargedID, amount, actor, detail)
			return err
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		ok, err := transition(ctx, tx, id, []string{StateQuoted, StateAwaiting}, StatePaid, `, payment_id=?`, paymentID)
		if err != nil {
			return err
		}
		if !ok {
			outcome = PaymentLate
			return audit(ctx, tx, id, actor, "payment_late", amount, "payment received for an order in state "+o.State+"; refund it ("+detail+")")
		}
		if _, err := tx.Exec(ctx, `INSERT INTO extracts_charges(order_id, provider, payment_id, amount, currency, time) VALUES(?,?,?,?,?,?)`,
			id, provider, paymentID, int64(amount), currency, ts(time.Now())); err != nil {
			return err
		}
		outcome = PaymentApplied
		return audit(ctx, tx, id, actor, "paid", amount, detail)
	})
	if err == nil && outcome == "mismatch" {
		return "", ErrMismatch
	}
	return outcome, err
}

// secondPayment handles a payment for an order already charged. The same
// payment again (the operator's retry, a repeated confirmation) is a
// duplicate; another payment means the payer paid twice: it is audited once
// per payment as payment_double, to be refunded.
func secondPayment(ctx context.Context, tx *statedb.Txn, id, provider, paymentID, chargedBy, chargedID string, amount config.Grosze, actor, detail string) (string, error) {
	if provider == chargedBy && paymentID == chargedID {
		return PaymentDuplicate, nil
	}
	prefix := "payment " + paymentID + " received for an order already charged"
	var seen int
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM extracts_audit WHERE order_id=? AND action='payment_double' AND substr(detail, 1, ?)=?`,
		id, utf8.RuneCountInString(prefix), prefix).Scan(&seen); err != nil {
		return "", err
	}
	if seen > 0 {
		return PaymentDouble, nil // flagged before: one refund per payment
	}
	return PaymentDouble, audit(ctx, tx, id, actor, "payment_double", amount,
		prefix+" by payment "+chargedID+"; refund it ("+detail+")")
}

// SetAwaiting records the provider's payment and moves quoted → awaiting_payment.
func (d *DB) SetAwaiting(ctx context.Context, id, paymentID, actor, detail string) error {
	return d.db.Tx(ctx, func(tx *statedb.Txn) error {
		ok, err := transition(ctx, tx, id, []string{StateQuoted}, StateAwaiting, `, payment_id=?`, paymentID)
		if err != nil || !ok {
			return err
		}
		return audit(ctx, tx, id, actor, "awaiting_payment", 0, detail)
	})
}

// MarkFree moves a zero-total order to paid without a charge.
func (d *DB) MarkFree(ctx context.Context, id, actor string) error {
	return d.db.Tx(ctx, func(tx *statedb.Txn) error {
		o, err := lockOrder(ctx, tx, id)
		if err != nil {
			return err
		}
		if o.Total != 0 {
			return fmt.Errorf("order %s costs %s: it cannot be released free", id, o.Total)
		}
		ok, err := transition(ctx, tx, id, []string{StateQuoted}, StatePaid, "")
		if err != nil || !ok {
			return err
		}
		return audit(ctx, tx, id, actor, "paid", 0, "nothing to pay: every item is free by law")
	})
}

// Cancel moves an unpaid order to cancelled; false when it is not unpaid.
func (d *DB) Cancel(ctx context.Context, id, actor, detail string) (bool, error) {
	var ok bool
	err := d.db.Tx(ctx, func(tx *statedb.Txn) error {
		var err error
		ok, err = transition(ctx, tx, id, []string{StateQuoted, StateAwaiting}, StateCancelled, "")
		if err != nil || !ok {
			return err
		}
		return audit(ctx, tx, id, actor, "cancelled", 0, detail)
	})
	return ok, err
}

// Claim takes the generation of a paid order for owner (a generator of one
// replica) for lease from now, or renews owner's own claim; false when the
// order is not paid any more or another generator's claim is still live. A
// replica that dies while generating holds the order only until its claim
// runs out; another takes it over then.
func (d *DB) Claim(ctx context.Context, id, owner string, lease time.Duration) (bool, error) {
	now := time.Now()
	res, err := d.db.Exec(ctx, `UPDATE extracts_orders SET gen_owner=?, gen_until=? WHERE id=? AND state=? AND (gen_owner='' OR gen_owner=? OR gen_until<?)`,
		owner, ts(now.Add(lease)), id, StatePaid, owner, ts(now))
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// Release gives up owner's claim on an order (its generation failed), so that
// any generator may retry it at once.
func (d *DB) Release(ctx context.Context, id, owner string) error {
	_, err := d.db.Exec(ctx, `UPDATE extracts_orders SET gen_owner='', gen_until='' WHERE id=? AND gen_owner=?`, id, owner)
	return err
}

// MarkReady moves paid → ready with the generated files kept at location
// ("" for the order's folder under extracts.files); false when the order was
// not paid (nothing changes then).
func (d *DB) MarkReady(ctx context.Context, id string, files []string, location string, lifetime time.Duration, detail string) (bool, error) {
	var ok bool
	err := d.db.Tx(ctx, func(tx *statedb.Txn) error {
		var n int
		if _, err := lockOrder(ctx, tx, id); err != nil {
			return err
		}
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM extracts_orders o WHERE id=? AND (total=0 OR EXISTS (SELECT 1 FROM extracts_charges c WHERE c.order_id=o.id AND c.amount=o.total))`, id).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("order %s has no charge for its total: refusing to release it", id)
		}
		fj, _ := json.Marshal(files)
		now := time.Now()
		var err error
		ok, err = transition(ctx, tx, id, []string{StatePaid}, StateReady, `, files=?, location=?, ready_at=?, expires_at=?, gen_owner='', gen_until=''`,
			string(fj), location, ts(now), ts(now.Add(lifetime)))
		if err != nil || !ok {
			return err
		}
		return audit(ctx, tx, id, "generator", "generated", 0, detail)
	})
	return ok, err
}

// ErrDownloadLimit is returned when a file was downloaded the allowed number of times.
var ErrDownloadLimit = errors.New("download limit reached")

// ErrExpired is returned for an order past its download deadline.
var ErrExpired = errors.New("download expired")

// ErrNotReleased is returned for an order that is not ready (unpaid, cancelled…).
var ErrNotReleased = errors.New("order not released")

// CountDownload checks that a file of a ready order may be downloaded once more
// and counts it; the first download moves the order to downloaded.
func (d *DB) CountDownload(ctx context.Context, id, file string, maxDownloads int, client string) (int, error) {
	var count int
	err := d.db.Tx(ctx, func(tx *statedb.Txn) error {
		o, err := lockOrder(ctx, tx, id)
		if err != nil {
			return err
		}
		if time.Now().After(o.ExpiresAt) && (o.State == StateReady || o.State == StateDownloaded) {
			if _, err := transition(ctx, tx, id, []string{StateReady, StateDownloaded}, StateExpired, ""); err != nil {
				return err
			}
			if err := audit(ctx, tx, id, client, "expired", 0, "download attempted after "+ts(o.ExpiresAt)); err != nil {
				return err
			}
			count = -1
			return nil
		}
		if o.State != StateReady && o.State != StateDownloaded {
			count = -2
			return nil
		}
		if err := tx.QueryRow(ctx, `SELECT coalesce((SELECT count FROM extracts_downloads WHERE order_id=? AND file=?), 0)`, id, file).Scan(&count); err != nil {
			return err
		}
		if count >= maxDownloads {
			count = -3
			return nil
		}
		count++
		if _, err := tx.Exec(ctx, `INSERT INTO extracts_downloads(order_id, file, count) VALUES(?,?,1) ON CONFLICT(order_id, file) DO UPDATE SET count=extracts_downloads.count+1`, id, file); err != nil {
			return err
		}
		if _, err := transition(ctx, tx, id, []string{StateReady}, StateDownloaded, ""); err != nil {
			return err
		}
		return audit(ctx, tx, id, client, "downloaded", 0, fmt.Sprintf("%s (download %d of %d)", file, count, maxDownloads))
	})
	switch {
	case err != nil:
		return 0, err
	case count == -1:
		return 0, ErrExpired
	case count == -2:
		return 0, ErrNotReleased
	case count == -3:
		return 0, ErrDownloadLimit
	}
	return count, nil
}

// ExpireDue moves ready/downloaded orders past their deadline to expired.
func (d *DB) ExpireDue(ctx context.Context, now time.Time) (int, error) {
	rows, err := d.db.Query(ctx, `SELECT id FROM extracts_orders WHERE state IN ('ready','downloaded') AND expires_at != '' AND expires_at < ?`, ts(now))
	if err != nil {
		return 0, err
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return 0, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	n := 0
	for _, id := range ids {
		err := d.db.Tx(ctx, func(tx *statedb.Txn) error {
			ok, err := transition(ctx, tx, id, []string{StateReady, StateDownloaded}, StateExpired, "")
			if err != nil || !ok {
				return err
			}
			n++
			return audit(ctx, tx, id, "system", "expired", 0, "download period ended")
		})
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// SeenNotification reports whether a notification was handled before.
func (d *DB) SeenNotification(ctx context.Context, provider, digest string) (bool, error) {
	var n int
	err := d.db.QueryRow(ctx, `SELECT count(*) FROM extracts_notifications WHERE provider=? AND digest=?`, provider, digest).Scan(&n)
	return n > 0, err
}

// RememberNotification records a handled notification.
func (d *DB) RememberNotification(ctx context.Context, provider, digest, order, status string) error {
	_, err := d.db.Exec(ctx, `INSERT INTO extracts_notifications(provider, digest, time, order_id, status) VALUES(?,?,?,?,?) ON CONFLICT DO NOTHING`,
		provider, digest, ts(time.Now()), order, status)
	return err
}

// AuditLog lists the audit entries of an order ("" for all), oldest first.
func (d *DB) AuditLog(ctx context.Context, order string) ([]AuditEntry, error) {
	q := `SELECT seq, time, order_id, actor, action, amount, detail FROM extracts_audit`
	var args []any
	if order != "" {
		q += ` WHERE order_id=?`
		args = append(args, order)
	}
	rows, err := d.db.Query(ctx, q+` ORDER BY seq`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		var t string
		var amount int64
		if err := rows.Scan(&e.Seq, &t, &e.OrderID, &e.Actor, &e.Action, &amount, &e.Detail); err != nil {
			return nil, err
		}
		e.Time, e.Amount = parseTS(t), config.Grosze(amount)
		out = append(out, e)
	}
	return out, rows.Err()
}

// Charges counts the charges of an order (0 or 1).
func (d *DB) Charges(ctx context.Context, id string) (int, error) {
	var n int
	err := d.db.QueryRow(ctx, `SELECT count(*) FROM extracts_charges WHERE order_id=?`, id).Scan(&n)
	return n, err
}
