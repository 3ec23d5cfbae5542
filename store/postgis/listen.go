package postgis

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
)

// Notifications of new revisions. Every commit of a write transaction runs
// pg_notify(notifyChannel, schema) inside the transaction, so PostgreSQL
// delivers it to listeners when, and only if, the commit succeeds. They are a
// hint to poll sooner: a notification is lost while a listener is
// disconnected, and a standby delivers none, so polling stays the signal.

// notifyChannel is the channel every dataset's commits notify on; the payload
// is the dataset's schema.
const notifyChannel = "sip_revision"

// Listen calls hint after each commit of this dataset (from any process) until
// ctx ends, on a connection of its own (not one of the pool's). After a lost
// connection it reconnects, waiting 1 s and doubling up to 30 s, and calls hint
// once connected, since commits made meanwhile were not announced.
func (s *Store) Listen(ctx context.Context, hint func()) {
	delay := time.Second
	for ctx.Err() == nil {
		if s.listen(ctx, hint) {
			delay = time.Second // it was connected: start the wait over
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(delay):
		}
		delay = min(2*delay, 30*time.Second)
	}
}

// listen listens on one connection until it fails or ctx ends; connected says
// whether it got as far as listening.
func (s *Store) listen(ctx context.Context, hint func()) (connected bool) {
	c, err := pgx.ConnectConfig(ctx, s.pool.Config().ConnConfig.Copy())
	if err != nil {
		return false
	}
	defer c.Close(context.Background())
	if _, err := c.Exec(ctx, `LISTEN `+quote(notifyChannel)); err != nil {
		return false
	}
	hint()
	for {
		n, err := c.WaitForNotification(ctx)
		if err != nil {
			return true
		}
		if n.Payload == s.schema {
			hint()
		}
	}
}
