package open311

import (
	"context"
	"errors"
	"time"

	"github.com/sip-core/sip/open311/routing"
)

// Detailed states of a request (extensions=true shows them; the standard
// status is open or closed).
const (
	StateNew        = "new"          // accepted, delivery under way
	StateAcked      = "acknowledged" // the unit confirmed it
	StateInProgress = "in_progress"
	StateResolved   = "resolved"
	StateRejected   = "rejected"  // not a problem, or cannot be done
	StateReferred   = "referred"  // another office is responsible (service_notice names it)
	StateDuplicate  = "duplicate" // of another request
)

var openStates = map[string]bool{StateNew: true, StateAcked: true, StateInProgress: true}

var closedStates = map[string]bool{StateResolved: true, StateRejected: true, StateReferred: true, StateDuplicate: true}

// Status is the GeoReport v2 status of a detailed state: open or closed.
func Status(state string) string {
	if closedStates[state] {
		return "closed"
	}
	return "open"
}

// Request is a service request: everything here is public (GeoReport v2
// fields, the routing decision) except the bookkeeping; the reporter's
// contact is a Contact, stored apart.
type Request struct {
	ID           string // service_request_id
	Token        string
	Jurisdiction string
	ServiceCode  string
	ServiceName  string
	Description  string
	State        string // detailed state; Status(State) is the standard status
	StatusNotes  string
	Agency       string // agency_responsible
	AgencyCode   string
	Hosted       bool // the agency is a unit of this server
	Notice       string
	Requested    time.Time
	Updated      time.Time
	Expected     time.Time
	Closed       time.Time // when it was closed (the retention clock); zero while open
	Address      string
	AddressID    string
	Lat, Long    float64 // WGS84
	X, Y         float64 // EPSG:2180
	MediaURL     string  // given by the client, or our copy of the uploaded photo
	HasMedia     bool    // a photo is stored with the request
	Attributes   map[string][]string
	Decision     routing.Decision
}

// Contact is the reporter's personal data: used to deliver the request to its
// unit, never published, deleted after closing plus the retention period.
type Contact struct {
	Email, Phone, FirstName, LastName, DeviceID, AccountID string
}

// Empty reports whether no contact was given.
func (c *Contact) Empty() bool {
	return c == nil || *c == Contact{}
}

// Media is a stored photo (re-encoded, without metadata).
type Media struct {
	ContentType   string
	Bytes         []byte
	Width, Height int
}

// Note is one entry of a request's history.
type Note struct {
	Time   time.Time
	State  string
	Text   string
	Author string // "system", or the name of the staff key
}

// Filter selects requests for GET requests.
type Filter struct {
	IDs          []string // when set, the other filters are ignored
	Jurisdiction string
	Services     []string
	States       []string // detailed states (empty: all)
	Start, End   time.Time
	Offset       int
	Limit        int
}

// Job names the background work kept per request.
type Job int

// Jobs.
const (
	JobDelivery Job = iota // its messages are in the outbox
	JobStaff               // the staff layer shows its current version
)

// ErrNotFound is an unknown request or token.
var ErrNotFound = errors.New("open311: no such request")

// Store keeps requests, contacts, notes and photos: DB, in the state
// database (a SQLite file of one machine, or a PostgreSQL schema replicas
// share).
type Store interface {
	// Create stores a new request with its contact and photo (either may be
	// nil) and the first note, durably, in one transaction; it assigns ID and
	// Token. Both jobs are pending afterwards.
	Create(ctx context.Context, r *Request, c *Contact, m *Media) error
	Get(ctx context.Context, id string) (*Request, error)
	ByToken(ctx context.Context, token string) (*Request, error)
	// List returns the requests matching f, newest first, and how many match
	// in all.
	List(ctx context.Context, f Filter) ([]*Request, int, error)
	Notes(ctx context.Context, id string) ([]Note, error)
	// SetState changes the state of a request and adds a note; closing starts
	// the retention clock. The staff job becomes pending.
	SetState(ctx context.Context, id, state, notes, author string, at time.Time) (*Request, error)
	Media(ctx context.Context, id string) (*Media, error)
	Contact(ctx context.Context, id string) (*Contact, error)
	// Pending lists requests whose job is not done, oldest first, with the
	// version to pass to Done.
	Pending(ctx context.Context, job Job, limit int) ([]Versioned, error)
	// Done records, in one transaction, that job was done for these versions
	// (request id → version); a newer change keeps a request pending.
	Done(ctx context.Context, job Job, versions map[string]int64) error
	// PurgeContacts deletes the contacts of requests closed before t
	// (overwriting them on disk) and returns those requests' ids.
	PurgeContacts(ctx context.Context, closedBefore time.Time) ([]string, error)
	// Lease takes or renews, for holder, the right to run the background
	// jobs for ttl: replicas sharing the store take turns. A ttl of 0
	// gives it up.
	Lease(ctx context.Context, holder string, ttl time.Duration) (bool, error)
	Close() error
}

// Versioned is a request at a version of its bookkeeping.
type Versioned struct {
	*Request
	Version int64
}
