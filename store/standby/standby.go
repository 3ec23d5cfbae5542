// Package standby reads a dataset from read-only standbys of its primary
// database (PostgreSQL streaming replicas) while every write goes to the
// primary. Store wraps the primary's store and the standbys' and is itself a
// store.Store, so every service reads through it unchanged.
//
// # The rule that keeps caches coherent
//
// Every cache is keyed by a revision some reader obtained from this store
// (Revision, or the Rev of a change from Changes); the rows of a later read
// must not be older than any such key. Store keeps a floor: the highest
// revision it has handed out. A read goes to a standby only when the revision
// that standby was last seen at (a revision read on the standby itself) is at
// least the floor; otherwise it goes to the primary, which is never behind.
// Standbys only move forward, so rows read later are never older than a key
// made earlier. A commit through Begin raises the floor to the primary's
// revision after it, so this process reads its own writes.
//
// # Lag
//
// Probe (called by the server's poll) reads the primary's revision and every
// standby's, and remembers when each new primary revision was first seen
// (Lag): a revision lags by the time since the primary first showed a newer
// one. A standby is read only while it answers and, with a bound (MaxLag),
// lags by no more than it; with Stay it is read however far behind (the
// server then reports itself not ready instead of loading the primary).
package standby

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/store"
)

// Options adjust a Store.
type Options struct {
	// MaxLag is the most a standby may lag the primary and still be read;
	// 0 means no bound.
	MaxLag time.Duration
	// Stay keeps reading a standby that lags beyond MaxLag (the server reports
	// the lag on /readyz) rather than moving the reads to the primary.
	Stay bool
	// Open opens a standby's store read-only (default store.OpenReadOnly).
	Open func(ctx context.Context, dsn string) (store.Store, error)
	// ProbeTimeout bounds reading one standby's revision (default 5 s).
	ProbeTimeout time.Duration
	// Now is the clock (default time.Now).
	Now func() time.Time
}

// Store is a dataset read from standbys of its primary; see the package doc.
type Store struct {
	primary store.Store
	members []*member
	opt     Options
	floor   atomic.Int64 // the highest revision handed out
	lag     Lag          // when each primary revision was first seen
}

// member is one standby.
type member struct {
	dsn string // as configured (never printed: see name)

	mu  sync.Mutex
	st  store.Store // nil until opened
	err error       // why its last probe or read failed

	rev  atomic.Int64 // the newest revision read on it
	up   atomic.Bool  // answered its last probe and read
	near atomic.Bool  // within the lag bound at its last probe (or Stay)
}

// New wraps primary with the standbys named by DSN. Standbys are opened by the
// first Probe; until then every read goes to the primary.
func New(primary store.Store, standbys []string, opt Options) *Store {
	if opt.Open == nil {
		opt.Open = store.OpenReadOnly
	}
	if opt.ProbeTimeout <= 0 {
		opt.ProbeTimeout = 5 * time.Second
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	s := &Store{primary: primary, opt: opt}
	for _, dsn := range standbys {
		s.members = append(s.members, &member{dsn: dsn})
	}
	return s
}

var (
	_ store.Store     = (*Store)(nil)
	_ store.SyncStore = (*Store)(nil)
)

// Primary is the primary's store.
func (s *Store) Primary() store.Store { return s.primary }

// Lag is the record of the primary's revisions the probes saw.
func (s *Store) Lag() *Lag { return &s.lag }

// Floor is the highest revision the store has handed out.
func (s *Store) Floor() int64 { return s.floor.Load() }

// raise lifts the floor to rev.
func (s *Store) raise(rev int64) {
	for {
		f := s.floor.Load()
		if rev <= f || s.floor.CompareAndSwap(f, rev) {
			return
		}
	}
}

// pick is the standby reads go to now (the first fit one), or nil for the
// primary.
func (s *Store) pick() *member {
	floor := s.floor.Load()
	for _, m := range s.members {
		if m.up.Load() && m.near.Load() && m.rev.Load() >= floor {
			return m
		}
	}
	return nil
}

// holding reports whether a standby would be read but has not reached the
// floor yet: then Revision answers the floor, so that the revision served
// waits for the standby instead of running ahead with the primary.
func (s *Store) holding() bool {
	floor := s.floor.Load()
	for _, m := range s.members {
		if m.up.Load() && m.near.Load() && m.rev.Load() < floor {
			return true
		}
	}
	return false
}

func (m *member) store() store.Store {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.st
}

func (m *member) saw(rev int64) {
	for {
		r := m.rev.Load()
		if rev <= r || m.rev.CompareAndSwap(r, rev) {
			return
		}
	}
}

func (m *member) fail(err error) {
	m.up.Store(false)
	m.mu.Lock()
	m.err = err
	m.mu.Unlock()
}

// failover reports whether a standby's error should send the read to the
// primary: the standby is unreachable, or cancelled the query because of a
// conflict with recovery (SQLSTATE 40001 on a hot standby).
func failover(err error) bool {
	if errors.Is(err, store.ErrUnavailable) {
		return true
	}
	var se interface{ SQLState() string }
	return errors.As(err, &se) && se.SQLState() == "40001"
}

// read runs fn on the reader reads go to now; when a standby fails before fn
// delivered anything (*started false), it is marked down and fn runs on the
// primary.
func (s *Store) read(ctx context.Context, started *bool, fn func(r store.Reader) error) error {
	m := s.pick()
	if m == nil {
		return fn(s.primary)
	}
	st := m.store()
	err := fn(st)
	if err != nil && ctx.Err() == nil && !*started && failover(err) {
		m.fail(err)
		return fn(s.primary)
	}
	return err
}

// Name is the dataset's name.
func (s *Store) Name() string { return s.primary.Name() }

// Layers are the primary's layers.
func (s *Store) Layers() []store.Layer { return s.primary.Layers() }

// Extent reads a layer's extent.
func (s *Store) Extent(ctx context.Context, layer string) (b orb.Bound, ok bool, err error) {
	var started bool
	err = s.read(ctx, &started, func(r store.Reader) (err error) {
		b, ok, err = r.Extent(ctx, layer)
		return err
	})
	return b, ok, err
}

// Count counts a query's objects.
func (s *Store) Count(ctx context.Context, q store.Query) (n int64, err error) {
	var started bool
	err = s.read(ctx, &started, func(r store.Reader) (err error) {
		n, err = r.Count(ctx, q)
		return err
	})
	return n, err
}

// Query streams a query's rows.
func (s *Store) Query(ctx context.Context, q store.Query, fn func(store.Row) error) error {
	var started bool
	return s.read(ctx, &started, func(r store.Reader) error {
		return r.Query(ctx, q, func(row store.Row) error { started = true; return fn(row) })
	})
}

// QueryBoxes streams a query's boxes.
func (s *Store) QueryBoxes(ctx context.Context, q store.Query, fn func(key int64, id string, b orb.Bound) error) error {
	var started bool
	return s.read(ctx, &started, func(r store.Reader) error {
		return r.QueryBoxes(ctx, q, func(key int64, id string, b orb.Bound) error { started = true; return fn(key, id, b) })
	})
}

// Get reads an object's current version.
func (s *Store) Get(ctx context.Context, layer, id string) (o *store.Object, err error) {
	var started bool
	err = s.read(ctx, &started, func(r store.Reader) (err error) {
		o, err = r.Get(ctx, layer, id)
		return err
	})
	return o, err
}

// History reads an object's versions.
func (s *Store) History(ctx context.Context, layer, id string) (h []*store.Object, err error) {
	var started bool
	err = s.read(ctx, &started, func(r store.Reader) (err error) {
		h, err = r.History(ctx, layer, id)
		return err
	})
	return h, err
}

// Revision is the revision of the reader reads go to now (or the floor while
// a standby is awaited), and raises the floor to it.
func (s *Store) Revision(ctx context.Context) (int64, error) {
	if s.pick() == nil && s.holding() {
		return s.floor.Load(), nil
	}
	var rev int64
	var started bool
	err := s.read(ctx, &started, func(r store.Reader) (err error) {
		rev, err = r.Revision(ctx)
		return err
	})
	if err != nil {
		return 0, err
	}
	s.raise(rev)
	return rev, nil
}

// Changes streams the change log after since, raising the floor to each
// change's revision before fn sees it.
func (s *Store) Changes(ctx context.Context, since int64, fn func(store.Change) error) error {
	var started bool
	return s.read(ctx, &started, func(r store.Reader) error {
		return r.Changes(ctx, since, func(c store.Change) error {
			started = true
			s.raise(c.Rev)
			return fn(c)
		})
	})
}

// Begin starts a write transaction on the primary; its commit raises the floor
// to the primary's revision, so later reads see it.
func (s *Store) Begin(ctx context.Context) (store.Tx, error) {
	tx, err := s.primary.Begin(ctx)
	if err != nil {
		return nil, err
	}
	return &writeTx{Tx: tx, s: s}, nil
}

type writeTx struct {
	store.Tx
	s *Store
}

func (t *writeTx) Commit() error { return t.s.commit(t.Tx.Commit) }

// commit runs a transaction's commit, then raises the floor (committed).
func (s *Store) commit(c func() error) error {
	if err := c(); err != nil {
		return err
	}
	s.committed()
	return nil
}

// committed raises the floor to the primary's revision after a commit. When
// the primary cannot be asked, reads go to the primary until the next Probe
// finds a standby that has the commit.
func (s *Store) committed() {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	rev, err := s.primary.Revision(ctx)
	if err != nil {
		for _, m := range s.members {
			m.near.Store(false)
		}
		return
	}
	s.raise(rev)
}

// Require makes later reads see at least revision rev of the primary (or its
// newest, when it has not reached rev): a client that wrote rev reads its
// write. It returns the revision now required.
func (s *Store) Require(ctx context.Context, rev int64) (int64, error) {
	if rev <= s.floor.Load() {
		return s.floor.Load(), nil
	}
	p, err := s.primary.Revision(ctx)
	if err != nil {
		return 0, err
	}
	s.raise(min(rev, p))
	return s.floor.Load(), nil
}

// Close closes the primary and every standby.
func (s *Store) Close() error {
	err := s.primary.Close()
	for _, m := range s.members {
		if st := m.store(); st != nil {
			err = errors.Join(err, st.Close())
		}
	}
	return err
}

// StandbyStatus is what the last probe saw of one standby.
type StandbyStatus struct {
	Revision int64
	Lag      time.Duration
	Up       bool // answered
	Read     bool // fit to be read (up and within the bound)
	Err      error
}

// Status is what a probe saw.
type Status struct {
	Primary  int64 // the primary's revision
	Standbys []StandbyStatus
}

// Probe reads the primary's revision (an error means the primary cannot be
// read, which the caller reports) and every standby's, opening standbys not
// yet open, and decides which standbys may be read.
func (s *Store) Probe(ctx context.Context) (Status, error) {
	p, err := s.primary.Revision(ctx)
	if err != nil {
		return Status{}, err
	}
	now := s.opt.Now()
	s.lag.Saw(p, now)
	st := Status{Primary: p, Standbys: make([]StandbyStatus, len(s.members))}
	for i, m := range s.members {
		st.Standbys[i] = s.probe(ctx, m, now)
	}
	return st, nil
}

func (s *Store) probe(ctx context.Context, m *member, now time.Time) StandbyStatus {
	ctx, cancel := context.WithTimeout(ctx, s.opt.ProbeTimeout)
	defer cancel()
	if err := s.open(ctx, m); err != nil {
		m.fail(err)
		return StandbyStatus{Err: err}
	}
	rev, err := m.store().Revision(ctx)
	if err != nil {
		m.fail(err)
		return StandbyStatus{Revision: m.rev.Load(), Err: err}
	}
	m.saw(rev)
	lag := s.lag.Behind(m.rev.Load(), now)
	near := s.opt.Stay || s.opt.MaxLag <= 0 || lag <= s.opt.MaxLag
	m.near.Store(near)
	m.up.Store(true)
	m.mu.Lock()
	m.err = nil
	m.mu.Unlock()
	return StandbyStatus{Revision: m.rev.Load(), Lag: lag, Up: true, Read: near}
}

// open opens a standby's store once, checking it holds the primary's dataset.
func (s *Store) open(ctx context.Context, m *member) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.st != nil {
		return nil
	}
	st, err := s.opt.Open(ctx, m.dsn)
	if err != nil {
		return fmt.Errorf("standby %s: %w", store.Redact(m.dsn), err)
	}
	if st.Name() != s.primary.Name() || !sameLayers(st.Layers(), s.primary.Layers()) {
		st.Close()
		return fmt.Errorf("standby %s: holds dataset %q, not a copy of the primary's %q", store.Redact(m.dsn), st.Name(), s.primary.Name())
	}
	m.st = st
	return nil
}

func sameLayers(a, b []store.Layer) bool {
	return slices.EqualFunc(a, b, func(x, y store.Layer) bool { return x.Name == y.Name })
}

// Listen passes on the primary's announcements of commits (store.Notifier);
// it returns at once when the primary makes none.
func (s *Store) Listen(ctx context.Context, hint func()) {
	if n, ok := s.primary.(store.Notifier); ok {
		n.Listen(ctx, hint)
	}
}
