package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/standby"
)

// Standbys, lag and reading one's own writes (docs/replicas.md).
//
//   - A dataset that names standbys reads through a standby.Store: the poll
//     probes the primary and every standby, then brings the index up to the
//     revision of the store reads go to; every revision a cache is keyed by
//     comes from that store, never ahead of the rows it serves.
//   - The poll records when each new primary revision was first seen; the
//     revision served lags by the time since a newer one was. /readyz answers
//     503 naming the dataset while that exceeds its max_lag.
//   - A request with the header Sip-Min-Revision: DATASET=REV[, …] is served
//     from revision REV or newer of each dataset it names (the index catches
//     up from the primary first when it must): a client that wrote REV reads
//     its write whatever standby this server reads.

// MinRevisionHeader names the revisions a request must be served at least at.
const MinRevisionHeader = "Sip-Min-Revision"

// withStandbys wraps the dataset's store in a standby.Store when it names
// standbys, and gives it a lag record when it has standbys or a lag bound.
// The first probe runs before the index is made, so the index starts at the
// revision of the store reads go to.
func (h *Host) withStandbys(ctx context.Context, d *Dataset, limits config.Limits) error {
	dc := d.Config
	bound := dc.LagBound(limits)
	if len(dc.Standbys) == 0 {
		if bound > 0 {
			d.lag = &standby.Lag{}
		}
		return nil
	}
	sb := standby.New(d.Store, dc.Standbys, standby.Options{MaxLag: bound, Stay: dc.OnLag == config.OnLagUnready})
	st, err := sb.Probe(ctx)
	if err != nil {
		return err
	}
	d.Store, d.standby, d.lag = sb, sb, sb.Lag()
	d.readsOn = make([]bool, len(dc.Standbys))
	h.logStandbys(d, st)
	return nil
}

// poll brings the dataset's index up to date: after probing the standbys, or
// recording the primary's revision, when the dataset follows a lag.
func (h *Host) poll(ctx context.Context, d *Dataset) error {
	switch {
	case d.standby != nil:
		st, err := d.standby.Probe(ctx)
		if err != nil {
			return err
		}
		h.logStandbys(d, st)
	case d.lag != nil:
		rev, err := d.Store.Revision(ctx)
		if err != nil {
			return err
		}
		d.lag.Saw(rev, time.Now())
	}
	return d.Index.CatchUp(ctx, d.Store)
}

// logStandbys logs each standby that began or stopped being read.
func (h *Host) logStandbys(d *Dataset, st standby.Status) {
	for i, s := range st.Standbys {
		if s.Read == d.readsOn[i] {
			continue
		}
		d.readsOn[i] = s.Read
		dsn := store.Redact(d.Config.Standbys[i])
		switch {
		case s.Read:
			h.logger.Info("reading the dataset from a standby", "dataset", d.Name, "standby", dsn, "revision", s.Revision, "lag", s.Lag)
		case !s.Up:
			h.logger.Warn("standby unreachable; reading the primary", "dataset", d.Name, "standby", dsn, "err", s.Err)
		default:
			h.logger.Warn("standby lags beyond max_lag; reading the primary", "dataset", d.Name, "standby", dsn, "revision", s.Revision, "lag", s.Lag)
		}
	}
}

// lagging is the 503 of /readyz while the revision a dataset serves lags its
// primary's beyond the dataset's bound (nil when none does).
func (s *State) lagging(now time.Time) *Error {
	for _, d := range s.datasets {
		bound := d.Config.LagBound(s.Config.Limits)
		if d.lag == nil || bound <= 0 {
			continue
		}
		rev := d.Revision()
		if lag := d.lag.Behind(rev, now); lag > bound {
			return &Error{Status: http.StatusServiceUnavailable, Code: "NotReady", RetryAfter: retryAfter,
				Detail: fmt.Sprintf("dataset %s serves revision %d, %s behind its primary (at %d; max_lag %s)",
					d.Name, rev, lag.Round(100*time.Millisecond), d.lag.Primary(), bound)}
		}
	}
	return nil
}

// readOwnWrites brings each dataset named by a Sip-Min-Revision header up to
// the revision given (or the primary's newest, when it has not reached it).
func (s *State) readOwnWrites(ctx context.Context, v string) *Error {
	parts := strings.Split(v, ",")
	if len(parts) > len(s.datasets) {
		return badMinRevision("more datasets than the server has")
	}
	for _, p := range parts {
		name, n, ok := strings.Cut(strings.TrimSpace(p), "=")
		rev, err := strconv.ParseInt(strings.TrimSpace(n), 10, 64)
		if !ok || err != nil || rev < 0 {
			return badMinRevision(fmt.Sprintf("%q is not DATASET=REVISION", strings.TrimSpace(p)))
		}
		d, ok := s.byName[strings.TrimSpace(name)]
		if !ok {
			return badMinRevision(fmt.Sprintf("no dataset %q", strings.TrimSpace(name)))
		}
		if d.Revision() >= rev {
			continue
		}
		if err := catchUpTo(ctx, d, rev); err != nil {
			if errors.Is(err, store.ErrUnavailable) || errors.Is(err, context.DeadlineExceeded) {
				return &Error{Status: http.StatusServiceUnavailable, Code: "StoreUnavailable", RetryAfter: retryAfter,
					Detail: "the store of dataset " + d.Name + " cannot be reached; retry later"}
			}
			Logger(ctx).Error("catching up for "+MinRevisionHeader+" failed", "dataset", d.Name, "revision", rev, "err", err)
			return &Error{Status: http.StatusInternalServerError, Detail: "dataset " + d.Name + ": catching up to revision " + strconv.FormatInt(rev, 10) + " failed; see the server log"}
		}
	}
	return nil
}

// catchUpTo brings the dataset's index to revision rev or the primary's newest.
func catchUpTo(ctx context.Context, d *Dataset, rev int64) error {
	if d.standby != nil {
		if _, err := d.standby.Require(ctx, rev); err != nil {
			return err
		}
	}
	return d.Index.CatchUp(ctx, d.Store)
}

func badMinRevision(why string) *Error {
	return &Error{Status: http.StatusBadRequest, Code: "InvalidParameterValue", Detail: MinRevisionHeader + ": " + why + " (want DATASET=REVISION, …)"}
}
