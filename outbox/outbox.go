// Package outbox delivers messages that must not be lost: e-mail over SMTP and
// signed webhooks (an SMS gateway, a push service, a unit's ticketing system).
//
// A producer (resident reports, area alerts) persists a Message with Enqueue
// before it tells its own client that something was accepted. A Worker then
// claims due messages, sends each through the Sender of its channel and records
// the outcome. A failed attempt (a refused connection, an SMTP 4xx/5xx, a
// webhook answering anything but 2xx, a timeout) is recorded and retried later
// with exponential backoff; nothing is ever dropped because a receiver is down.
//
// Exactly once:
//   - Enqueue is idempotent on Message.Key: enqueueing the same key again (a
//     retried request, a producer replaying after a crash) adds nothing.
//   - Claim leases a message to one owner until the lease ends; a second worker
//     (another goroutine, another process sharing the database, another replica)
//     cannot claim it meanwhile, and Sent/Retry by anyone but the lease holder
//     change nothing. A worker that dies mid-send loses its lease, and the
//     message is sent again after the lease ends.
//   - That one window (the receiver accepted, the worker died before recording
//     it) cannot be closed from the sender's side, so every delivery carries
//     the key for the receiver to drop repeats: the webhook's Idempotency-Key
//     header, the e-mail's Message-ID (derived from the key) and X-SIP-Outbox-Key.
//
// Secrets never enter the outbox: a webhook message names the environment
// variable holding its HMAC key (SecretEnv), read at send time.
//
// Storage is behind the Store interface; OpenSQLite is the single-machine
// implementation (one SQLite file, next to the first dataset's store by
// default). A shared database for replicas implements the same interface.
package outbox

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"time"
)

// Channel is how a message travels.
type Channel string

// Channels.
const (
	// SMTP sends Body as the text of an e-mail to the addresses in To
	// (comma-separated), with Subject.
	SMTP Channel = "smtp"
	// Webhook POSTs Body to the URL in To, signed with HMAC-SHA256 (see Sign).
	Webhook Channel = "webhook"
)

// State of a message.
type State string

// States: pending until sent; cancelled by Redact before it was sent.
const (
	Pending   State = "pending"
	Sent      State = "sent"
	Cancelled State = "cancelled"
)

// Message is one message to deliver once.
type Message struct {
	ID  int64
	Key string // idempotency key, unique in the outbox, e.g. "open311:req:123:unit:gmina-lask"
	// Channel and its recipient: e-mail addresses (comma-separated) or a URL.
	Channel Channel
	To      string
	Subject string // e-mail subject (SMTP)
	Body    []byte
	// ContentType of Body; default text/plain; charset=utf-8 (SMTP) or
	// application/json (webhook).
	ContentType string
	// SecretEnv names the environment variable holding the webhook's HMAC key.
	SecretEnv string

	Created   time.Time
	State     State
	Attempts  int
	NextAt    time.Time // when the next attempt is due (pending)
	LastError string    // of the last failed attempt
	SentAt    time.Time
	Receipt   string // the receiver's answer to the successful attempt
	// Digest is the hex SHA-256 of Body as enqueued; it stays when Redact drops
	// the body, as the record of what was sent.
	Digest string
}

// Attempt is one recorded delivery attempt.
type Attempt struct {
	MessageID int64     `json:"message_id"`
	N         int       `json:"n"`
	Time      time.Time `json:"time"`
	Owner     string    `json:"owner"`
	OK        bool      `json:"ok"`
	Detail    string    `json:"detail"` // receipt or error
}

// Stats summarises the outbox.
type Stats struct {
	Pending, Sent, Cancelled int
	// OldestPending is the creation time of the oldest pending message.
	OldestPending time.Time
}

// Errors.
var (
	// ErrNotFound: no message has that key.
	ErrNotFound = errors.New("outbox: no such message")
	// ErrLeaseLost: the message is no longer leased to the caller (the lease
	// ended and someone else claimed it, or it was redacted); nothing changed.
	ErrLeaseLost = errors.New("outbox: lease lost")
)

// Store is where messages live. Every method is safe for concurrent use, also
// by several processes sharing the same database.
type Store interface {
	// Enqueue persists messages durably, each in state pending and due now
	// (or at NextAt when set). A message whose Key is already in the outbox is
	// left untouched. It returns how many were new. ID, Created, State and
	// Digest of the given messages are filled in.
	Enqueue(ctx context.Context, msgs ...*Message) (added int, err error)
	// Claim leases up to n pending messages that are due at now and not leased
	// (or whose lease ended) to owner until now+lease, oldest due first.
	Claim(ctx context.Context, owner string, n int, now time.Time, lease time.Duration) ([]*Message, error)
	// MarkSent records the successful attempt of a message leased to owner.
	MarkSent(ctx context.Context, id int64, owner, receipt string, at time.Time) error
	// MarkFailed records a failed attempt of a message leased to owner and
	// makes it due again at next.
	MarkFailed(ctx context.Context, id int64, owner, errText string, at, next time.Time) error
	// Get reads a message by key.
	Get(ctx context.Context, key string) (*Message, error)
	// Attempts lists the attempts of a message, oldest first.
	Attempts(ctx context.Context, id int64) ([]Attempt, error)
	// Redact forgets the recipient and body of the messages with these keys
	// (overwriting them on disk), keeping Digest, times and receipts; pending
	// ones become cancelled. It returns how many messages it changed.
	Redact(ctx context.Context, keys ...string) (int, error)
	// Stats counts messages by state.
	Stats(ctx context.Context) (Stats, error)
	Close() error
}

// Digest is the hex SHA-256 of a body.
func Digest(body []byte) string {
	s := sha256.Sum256(body)
	return hex.EncodeToString(s[:])
}
