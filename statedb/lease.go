package statedb

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// leaseSteps are the table of named leases (Lease).
var leaseSteps = []Migration{{SQL: `CREATE TABLE IF NOT EXISTS sip_leases(
	name TEXT PRIMARY KEY,
	holder TEXT NOT NULL,
	until BIGINT NOT NULL)`}}

// Lease takes or renews the lease called name for holder until now+ttl, and
// reports whether holder has it: a lease another holder renewed within its
// ttl is refused. Replicas running the same background work (writing a staff
// layer, enqueueing deliveries) take one lease per pass, so one of them does
// it at a time, and another takes over when that one stops renewing.
func (d *DB) Lease(ctx context.Context, name, holder string, ttl time.Duration) (bool, error) {
	if err := d.leaseTable(ctx); err != nil {
		return false, err
	}
	now := time.Now()
	var got string
	err := d.QueryRow(ctx, `INSERT INTO sip_leases(name, holder, until) VALUES(?, ?, ?)
	ON CONFLICT(name) DO UPDATE SET holder = excluded.holder, until = excluded.until
	WHERE sip_leases.holder = excluded.holder OR sip_leases.until < ?
	RETURNING holder`, name, holder, Millis(now.Add(ttl)), Millis(now)).Scan(&got)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil && got == holder, err
}

// leaseTable makes the leases' table once; a failure (the database away)
// is tried again at the next call.
func (d *DB) leaseTable(ctx context.Context) error {
	d.leaseMu.Lock()
	defer d.leaseMu.Unlock()
	if d.leaseMade {
		return nil
	}
	if err := d.Migrate(ctx, "sip_leases", leaseSteps); err != nil {
		return err
	}
	d.leaseMade = true
	return nil
}

// Release gives up holder's lease called name (a server shutting down), so
// another replica takes the work at its next pass rather than after the ttl.
func (d *DB) Release(ctx context.Context, name, holder string) error {
	if err := d.leaseTable(ctx); err != nil {
		return err
	}
	_, err := d.Exec(ctx, `DELETE FROM sip_leases WHERE name = ? AND holder = ?`, name, holder)
	return err
}

// Turn is Lease for a feature's background work: on a SQLite file of one
// machine it is always granted (processes sharing a file each run the work,
// whose results they record under the writer's lock, as before the state
// database); on PostgreSQL replicas take turns. A ttl of 0 gives it up.
func (d *DB) Turn(ctx context.Context, name, holder string, ttl time.Duration) (bool, error) {
	switch {
	case !d.Shared():
		return true, nil
	case ttl <= 0:
		return false, d.Release(ctx, name, holder)
	}
	return d.Lease(ctx, name, holder, ttl)
}

// Ready is a readiness check of a shared database (it answers a ping); a
// SQLite file is always ready.
func (d *DB) Ready(ctx context.Context) error {
	if !d.Shared() {
		return nil
	}
	return d.Ping(ctx)
}
