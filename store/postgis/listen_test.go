package postgis

import (
	"context"
	"testing"
	"time"

	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/postgis/postgistest"
	"github.com/sip-core/sip/store/storetest"
)

// TestListen: a listener hears the commits of its dataset (made through
// another store of it), not those of another schema, and after the server
// restarts it reconnects by itself and hears them again.
func TestListen(t *testing.T) {
	c := postgistest.Need(t)
	p := newStore(t, "county", store.EGiBLayers)
	other := newStore(t, "county", store.EGiBLayers)
	writer, err := Open(ctx, dsnOf(t, p), false)
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()

	lctx, cancel := context.WithCancel(context.Background())
	hints := make(chan struct{}, 64)
	done := make(chan struct{})
	go func() {
		p.Listen(lctx, func() {
			select {
			case hints <- struct{}{}:
			default:
			}
		})
		close(done)
	}()
	heard := func(within time.Duration) bool {
		select {
		case <-hints:
			return true
		case <-time.After(within):
			return false
		}
	}
	if !heard(10 * time.Second) {
		t.Fatal("no hint on connecting")
	}
	storetest.Put(t, other, storetest.Parcel("x", "1", storetest.T0(2), 0))
	if heard(500 * time.Millisecond) {
		t.Error("a hint for another schema's commit")
	}
	storetest.Put(t, writer, storetest.Parcel("a", "1", storetest.T0(2), 0))
	if !heard(5 * time.Second) {
		t.Fatal("no hint for a commit")
	}

	if err := c.StopServer(); err != nil {
		t.Fatal(err)
	}
	if err := c.StartServer(); err != nil {
		t.Fatal(err)
	}
	if !heard(20 * time.Second) {
		t.Fatal("no hint after the server came back (reconnected)")
	}
	for len(hints) > 0 {
		<-hints
	}
	storetest.Put(t, writer, storetest.Parcel("b", "1", storetest.T0(3), 20))
	if !heard(5 * time.Second) {
		t.Fatal("no hint for a commit after the reconnection")
	}
	cancel()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Listen did not return when its context ended")
	}
}
