package synthstore

import (
	"context"
	"testing"

	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/gpkg"
)

func TestBuildLoadsEveryGeneratedParcel(t *testing.T) {
	ctx := context.Background()
	path, stats, err := Build(ctx, t.TempDir(), Options{Parcels: 200, Seed: 1, Name: "x"})
	if err != nil {
		t.Fatal(err)
	}
	st, err := gpkg.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if st.Name() != "x" {
		t.Errorf("dataset name %q", st.Name())
	}
	n, err := st.Count(ctx, store.Query{Layer: "dzialki"})
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(stats.Parcels) {
		t.Errorf("store holds %d current parcels, generator wrote %d", n, stats.Parcels)
	}
}
