package postgis

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"syscall"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/sip-core/sip/store"
)

// unavailableError is a failure to reach the database: it matches
// store.ErrUnavailable, so servers answer 503 and retry.
type unavailableError struct{ err error }

func (e *unavailableError) Error() string   { return e.err.Error() }
func (e *unavailableError) Unwrap() []error { return []error{e.err, store.ErrUnavailable} }

// wrap prefixes err with the operation, marking connection failures as
// store.ErrUnavailable.
func wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	e := fmt.Errorf("postgis: %s: %w", op, err)
	if unreachable(err) {
		return &unavailableError{e}
	}
	return e
}

// fail is wrap for a store's own operations: after a connection failure the
// pool's idle connections are dropped too (they died with the server), so the
// first requests after the database returns do not fail on them.
func (s *Store) fail(op string, err error) error {
	err = wrap(op, err)
	if errors.Is(err, store.ErrUnavailable) {
		s.pool.Reset()
	}
	return err
}

// Unreachable reports whether err, from pgx or from a store of this package,
// says the database cannot be reached (as opposed to a bad query or a
// constraint). Other packages on PostgreSQL (state) answer 503 on it too.
func Unreachable(err error) bool { return unreachable(err) }

// unreachable is Unreachable.
func unreachable(err error) bool {
	if errors.Is(err, store.ErrUnavailable) {
		return true
	}
	var ce *pgconn.ConnectError
	if errors.As(err, &ce) {
		return true
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch {
		case len(pe.Code) == 5 && pe.Code[:2] == "08": // connection exception
			return true
		case pe.Code == "57P01", pe.Code == "57P02", pe.Code == "57P03", pe.Code == "53300":
			// admin shutdown, crash shutdown, cannot connect now, too many connections
			return true
		}
		return false
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	if pgconn.SafeToRetry(err) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) ||
		errors.Is(err, syscall.ENOENT) {
		return true
	}
	var ne net.Error
	return errors.As(err, &ne)
}
