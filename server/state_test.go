package server

import (
	"context"
	"testing"

	"github.com/gorilla/mux"

	"github.com/sip-core/sip/store"
)

// Background work of a state (State.Go) sees its context end when the state
// is retired, and the stores stay open until it has returned: a warm-up
// never reads a closed store (issue 16, item 14).
func TestStateGo(t *testing.T) {
	errc := make(chan error, 1)
	var st *State
	svc := mountFunc(func(r *mux.Router, h *Host) {
		st = h.Current()
		d := st.Datasets()[0]
		ok := st.Go(func(ctx context.Context) {
			<-ctx.Done()
			_, err := d.Store.Count(context.Background(), store.Query{Layer: "dzialki"})
			errc <- err
		})
		if !ok {
			t.Error("Go refused work on an open state")
		}
	})
	s, err := New(baseConfig(t), quietLogger(), Options{Services: []Service{svc}})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := <-errc; err != nil {
		t.Errorf("the store was closed under the state's background work: %v", err)
	}
	if st.Go(func(context.Context) { t.Error("ran on a closed state") }) {
		t.Error("Go accepted work on a closed state")
	}
}
