package parcels

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/store"
	_ "github.com/sip-core/sip/store/postgis"
	"github.com/sip-core/sip/store/postgis/postgistest"
	"github.com/sip-core/sip/synth/synthstore"
)

// With caches far smaller than the county (a few parcels' worth of geometry
// and of index cells), ULDK still answers every parcel right, from both
// backends, and the caches stay within their budgets while letting go of
// entries: what the server holds of the parcels' geometry does not grow with
// the data.
func TestSmallCachesAnswerRight(t *testing.T) {
	t.Run("gpkg", func(t *testing.T) { smallCaches(t, fx.gpkg, fx.store) })
	t.Run("postgis", func(t *testing.T) {
		c := postgistest.Need(t)
		ctx := context.Background()
		dsn := c.DSN(c.NewSchema("parcels_small"))
		if _, _, err := synthstore.Build(ctx, t.TempDir(), synthstore.Options{Parcels: 300, Seed: 7, Store: dsn, NoTopology: true}); err != nil {
			t.Fatal(err)
		}
		st, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		smallCaches(t, dsn, st)
	})
}

const smallBudget = 8 << 10

func smallCaches(t *testing.T, dsn string, truth store.Reader) {
	cfg, err := config.Parse([]byte(fmt.Sprintf(`
datasets:
  - name: county
    store: %q
cache:
  parcels: %d
  index: %d
auth:
  keys:
    - {name: prometheus, hash: %s, roles: [metrics]}
`, dsn, smallBudget, smallBudget, config.HashKey("key-metrics"))), "")
	if err != nil {
		t.Fatal(err)
	}
	base := serveConfig(t, cfg)
	var parcels []*store.Object
	err = truth.Query(context.Background(), store.Query{Layer: "dzialki"}, func(r store.Row) error {
		parcels = append(parcels, r.Object)
		return nil
	})
	if err != nil || len(parcels) < 200 {
		t.Fatalf("%d parcels: %v", len(parcels), err)
	}
	// Twice over every parcel: the second pass finds the cache full of others.
	for pass := range 2 {
		for i, o := range parcels {
			if i%2 != pass && i%3 != 0 {
				continue
			}
			id := str(o, "id_dzialki")
			pt := interior(asMulti(o.Geometry))
			_, body := get(t, fmt.Sprintf("%s/uldk?request=GetParcelByXY&xy=%f,%f&result=teryt,geom_extent&srid=2180", base, pt[0], pt[1]))
			b := asMulti(o.Geometry).Bound()
			want := fmt.Sprintf("0\n%s|%f,%f,%f,%f\n", id, b.Min[0], b.Min[1], b.Max[0], b.Max[1])
			if got := roundExtent(body); got != roundExtent(want) {
				t.Fatalf("parcel %s at %v: got %q, want %q", id, pt, body, want)
			}
		}
	}
	req, _ := http.NewRequest(http.MethodGet, base+"/metrics", nil)
	req.Header.Set("X-API-Key", "key-metrics")
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("/metrics: %d %v", resp.StatusCode, err)
	}
	metrics := string(raw)
	held := gauge(t, metrics, `sip_parcels_geometry_cache{value="bytes"}`)
	evicted := gauge(t, metrics, `sip_parcels_geometry_cache{value="evicted"}`)
	cells := gauge(t, metrics, `sip_index_cells_bytes{dataset="county"}`)
	t.Logf("parcel geometries: %v bytes held, %v evicted; index cells: %v bytes (budgets %d)", held, evicted, cells, smallBudget)
	if held <= 0 || held > smallBudget || evicted == 0 {
		t.Errorf("parcel geometry cache: %v bytes held (budget %d), %v evicted", held, smallBudget, evicted)
	}
	if cells <= 0 || cells > smallBudget {
		t.Errorf("index cells cache: %v bytes held (budget %d)", cells, smallBudget)
	}
}

// roundExtent compares extents to the centimetre (the answer prints them in
// its own precision).
func roundExtent(s string) string {
	return regexp.MustCompile(`\d+\.\d+`).ReplaceAllStringFunc(s, func(v string) string {
		f, _ := strconv.ParseFloat(v, 64)
		return strconv.FormatFloat(f, 'f', 2, 64)
	})
}

func gauge(t *testing.T, metrics, name string) float64 {
	t.Helper()
	for line := range strings.SplitSeq(metrics, "\n") {
		if v, ok := strings.CutPrefix(line, name+" "); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				t.Fatalf("%s: %v", line, err)
			}
			return f
		}
	}
	t.Fatalf("no %s in the metrics", name)
	return 0
}
