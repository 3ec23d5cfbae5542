package store_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/store"
	_ "github.com/sip-core/sip/store/gpkg" // the GeoPackage backend, for .gpkg DSNs
)

// A dataset opened by DSN (here a new GeoPackage file; a postgres:// DSN opens
// a PostGIS schema the same way), two versions of one parcel written in one
// transaction, then read back: the current version, the history and the
// change log.
func Example() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "store-example")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	st, err := store.Create(ctx, filepath.Join(dir, "county.gpkg"), "county", store.EGiBLayers)
	if err != nil {
		panic(err)
	}
	defer st.Close()

	day := func(d int) time.Time { return time.Date(2024, 1, d, 0, 0, 0, 0, time.UTC) }
	square := orb.MultiPolygon{{{{500000, 300000}, {500100, 300000}, {500100, 300100}, {500000, 300100}, {500000, 300000}}}}
	v1 := &store.Object{Layer: "dzialki", ID: "30000000-0000-4000-8000-000000000001", Namespace: "PL.PZGiK.1003.EGiB",
		Version: "2024-01-01T00:00:00", StartObject: day(1), StartVersion: day(1), EndVersion: day(5),
		Geometry: square, Attrs: map[string]any{"id_dzialki": "100301_1.0001.12"}}
	v2 := *v1
	v2.Version, v2.StartVersion, v2.EndVersion = "2024-01-05T00:00:00", day(5), time.Time{}
	v2.Attrs = map[string]any{"id_dzialki": "100301_1.0001.12/1"}

	tx, err := st.Begin(ctx)
	if err != nil {
		panic(err)
	}
	outcome := map[store.PutResult]string{store.Inserted: "inserted", store.Updated: "updated", store.Archived: "archived", store.Unchanged: "unchanged", store.Deleted: "deleted"}
	for _, o := range []*store.Object{v1, &v2} {
		res, err := tx.Put(ctx, o)
		if err != nil {
			panic(err)
		}
		fmt.Println("put", o.Version, outcome[res])
	}
	if err := tx.Commit(); err != nil {
		panic(err)
	}

	cur, err := st.Get(ctx, "dzialki", v1.ID)
	if err != nil {
		panic(err)
	}
	fmt.Println("current:", cur.Version, cur.Attrs["id_dzialki"])
	hist, _ := st.History(ctx, "dzialki", v1.ID)
	for _, o := range hist {
		fmt.Println("version:", o.Version, o.Current())
	}
	st.Changes(ctx, 0, func(c store.Change) error {
		fmt.Println("change", c.Rev, c.Op, c.Version, c.Bounds.Min, c.Bounds.Max)
		return nil
	})
	n, _ := st.Count(ctx, store.Query{Layer: "dzialki", Bound: &orb.Bound{Min: orb.Point{500050, 300050}, Max: orb.Point{500050, 300050}}})
	fmt.Println("parcels at the point:", n)
	// Output:
	// put 2024-01-01T00:00:00 archived
	// put 2024-01-05T00:00:00 inserted
	// current: 2024-01-05T00:00:00 100301_1.0001.12/1
	// version: 2024-01-01T00:00:00 false
	// version: 2024-01-05T00:00:00 true
	// change 1 archive 2024-01-01T00:00:00 [500000 300000] [500100 300100]
	// change 2 insert 2024-01-05T00:00:00 [500000 300000] [500100 300100]
	// parcels at the point: 1
}
