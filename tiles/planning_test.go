package tiles

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/ingest"
	"github.com/sip-core/sip/planning"
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/gpkg"
	"github.com/sip-core/sip/synth"
	"github.com/sip-core/sip/tiles/mvt"
)

// The real APP 2.0 sample: a plan ogólny and its zones.
const app2Dir = "/work/shared/data/app2"

func app2Files(t testing.TB) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(app2Dir, "*.gml"))
	if len(files) == 0 {
		t.Skipf("no APP 2.0 sample in %s", app2Dir)
	}
	return files
}

// planningStore ingests the APP 2.0 sample into a new store at dir/name.gpkg
// holding layers (store.PlanningLayers, maybe with the EGiB layers), as
// `sip ingest` does for planning files; egib files, when given, go in first.
func planningStore(t testing.TB, dir, name string, layers []store.Layer, egib []string) string {
	t.Helper()
	p := filepath.Join(dir, name+".gpkg")
	st, err := gpkg.Create(p, name, layers)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if len(egib) > 0 {
		if _, err := ingest.Run(bg, st, egib, ingest.Options{NoTopology: true}); err != nil {
			t.Fatal(err)
		}
	}
	rep, err := planning.Ingest(bg, st, app2Files(t), planning.IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Committed || rep.Layers["strefy"].Inserted == 0 || rep.Layers["plany"].Inserted == 0 {
		t.Fatalf("planning ingest: %s", rep.Summary())
	}
	return p
}

var (
	app2Once sync.Once
	app2Path string
)

// app2Store is the planning-only store of the sample, shared (read only).
func app2Store(t testing.TB) string {
	t.Helper()
	app2Files(t)
	county(t) // fixtureDir
	app2Once.Do(func() { app2Path = planningStore(t, fixtureDir, "plan", store.PlanningLayers, nil) })
	if app2Path == "" {
		t.Fatal("no planning store")
	}
	return app2Path
}

// zone is a stored zone of the sample with an interior point (web mercator).
type zone struct {
	id, oznaczenie, symbol, klasa string
	inner                         orb.Point
	attrs                         map[string]any
}

// zonesOf reads the zones back from the store (the test's expectations come
// from the ingested data, not from this file).
func zonesOf(t testing.TB, path string) []zone {
	t.Helper()
	r := openRO(t, path)
	var out []zone
	err := r.Query(bg, store.Query{Layer: "strefy"}, func(row store.Row) error {
		o := row.Object
		f := NewFeature(WebMercatorQuad, row, nil)
		p, ok := f.Label()
		if !ok {
			return fmt.Errorf("zone %s without an interior point", o.ID)
		}
		s := func(k string) string { v, _ := o.Attrs[k].(string); return v }
		out = append(out, zone{id: o.ID, oznaczenie: s("oznaczenie"), symbol: s("symbol"), klasa: s("klasa"), inner: p, attrs: o.Attrs})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatal("no zones in the store")
	}
	for _, z := range out {
		if z.oznaczenie == "" || z.symbol == "" {
			t.Fatalf("zone %s stored without oznaczenie/symbol: %v", z.id, z.attrs)
		}
	}
	return out
}

// tileAt is the tile of zoom z holding a point (grid CRS) and the point in
// that tile's coordinates.
func tileAt(g *Grid, p orb.Point, z, ext int) (TileKey, float64, float64) {
	x0, y0, _, _, _ := g.TileRange(orb.Bound{Min: p, Max: p}, z)
	tb := g.TileBound(z, x0, y0)
	k := float64(ext) / (tb.Max[0] - tb.Min[0])
	return TileKey{z, x0, y0}, (p[0] - tb.Min[0]) * k, (tb.Max[1] - p[1]) * k
}

// checkZoneTile asserts that a tile holding the zone's interior point has a
// strefy feature covering it with the zone's stored attributes.
func checkZoneTile(t *testing.T, what string, gz []byte, zn zone, tx, ty float64) {
	t.Helper()
	tile, err := DecodeTile(gz)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	l := tile.Layer("strefy")
	if l == nil {
		t.Fatalf("%s: no strefy layer (layers %v)", what, layerNames(tile.Layers))
	}
	var hit []string
	for _, f := range l.Features {
		if inside(f.Parts, tx, ty) {
			hit = append(hit, fmt.Sprint(f.Props["oznaczenie"]))
			if f.Props["oznaczenie"] != zn.oznaczenie || f.Props["symbol"] != zn.symbol || f.Props["klasa"] != zn.klasa {
				t.Errorf("%s: the feature over zone %s has %v", what, zn.oznaczenie, f.Props)
			}
			for _, k := range []string{"maks_wysokosc", "maks_udzial_zabudowy", "min_udzial_pbc", "maks_intensywnosc"} {
				if v, ok := zn.attrs[k]; ok && v != nil && f.Props[k] != v {
					t.Errorf("%s: zone %s %s = %v in the tile, %v in the store", what, zn.oznaczenie, k, f.Props[k], v)
				}
			}
			for _, k := range []string{"parametry", "nazwa_alternatywna", "charakter_ustalenia"} {
				if _, ok := f.Props[k]; ok {
					t.Errorf("%s: tile carries %s", what, k)
				}
			}
		}
	}
	if len(hit) != 1 {
		t.Errorf("%s: zone %s's interior point is covered by %d strefy features %v", what, zn.oznaczenie, len(hit), hit)
	}
}

func layerNames(ls []mvt.DecodedLayer) []string {
	var out []string
	for _, l := range ls {
		out = append(out, l.Name)
	}
	return out
}

// TestPlanningDynamicTiles: a planning-only dataset is a dynamic tileset of
// plany, strefy and mpzp; a tile over each zone of the real APP 2.0 sample
// carries it with its oznaczenie and symbol; layers start at their minzooms.
func TestPlanningDynamicTiles(t *testing.T) {
	sp := app2Store(t)
	zones := zonesOf(t, sp)
	ts := startServer(t, sp)

	resp, body := get(t, ts.URL+"/tiles/county.json")
	var tj struct {
		VectorLayers []VectorLayer `json:"vector_layers"`
		Bounds       []float64     `json:"bounds"`
	}
	if resp.StatusCode != 200 || json.Unmarshal(body, &tj) != nil {
		t.Fatalf("tilejson %d %s", resp.StatusCode, body)
	}
	var ids []string
	for _, vl := range tj.VectorLayers {
		ids = append(ids, vl.ID)
		if vl.MinZoom != LayerMinZoom[vl.ID] {
			t.Errorf("vector layer %s minzoom %d, want %d", vl.ID, vl.MinZoom, LayerMinZoom[vl.ID])
		}
		if vl.ID == "strefy" {
			for k, typ := range map[string]string{"oznaczenie": "String", "symbol": "String", "klasa": "String", "maks_wysokosc": "Number"} {
				if vl.Fields[k] != typ {
					t.Errorf("strefy field %s: %q, want %s (%v)", k, vl.Fields[k], typ, vl.Fields)
				}
			}
			if _, ok := vl.Fields["parametry"]; ok {
				t.Errorf("strefy fields list parametry: %v", vl.Fields)
			}
		}
	}
	if !slices.Equal(ids, []string{"plany", "strefy", "mpzp"}) {
		t.Fatalf("vector_layers %v, want plany, strefy, mpzp", ids)
	}

	for _, zn := range zones {
		for _, z := range []int{LayerMinZoom["strefy"], 14, DynamicFullZoom} {
			ext := Extent
			if z < DynamicFullZoom {
				ext = LowExtent
			}
			k, tx, ty := tileAt(WebMercatorQuad, zn.inner, z, ext)
			url := fmt.Sprintf("%s/tiles/county/%d/%d/%d.mvt", ts.URL, k.Z, k.X, k.Y)
			resp, gz := get(t, url, "Accept-Encoding", "gzip")
			if resp.StatusCode != 200 {
				t.Fatalf("%s: %d %s", url, resp.StatusCode, gz)
			}
			checkZoneTile(t, url, gz, zn, tx, ty)
			if z == LayerMinZoom["strefy"] {
				tile, _ := DecodeTile(gz)
				if tile.Layer("plany") == nil {
					t.Errorf("%s: no plany layer", url)
				} else if f := tile.Layer("plany").Features; len(f) == 0 || f[0].Props["typ_planu"] == nil || f[0].Props["dokumenty"] != nil {
					t.Errorf("%s: plany features %v", url, f)
				}
			}
		}
		// Below the zones' first zoom: the plan's outline only.
		k, _, _ := tileAt(WebMercatorQuad, zn.inner, LayerMinZoom["strefy"]-1, LowExtent)
		_, gz := get(t, fmt.Sprintf("%s/tiles/county/%d/%d/%d.mvt", ts.URL, k.Z, k.X, k.Y), "Accept-Encoding", "gzip")
		tile, err := DecodeTile(gz)
		if err != nil || tile.Layer("strefy") != nil || tile.Layer("plany") == nil {
			t.Errorf("z%d tile over zone %s: err %v, layers %v (want plany only)", k.Z, zn.oznaczenie, err, layerNames(tile.Layers))
		}
	}
}

// TestPlanningBuild: `sip tiles build` of a planning-only store (MBTiles and
// PMTiles) has the planning layers in its metadata and the zones in its tiles,
// the same bytes as the dynamic tiles.
func TestPlanningBuild(t *testing.T) {
	sp := app2Store(t)
	zones := zonesOf(t, sp)
	dir := t.TempDir()
	for _, name := range []string{"plan.mbtiles", "plan.pmtiles"} {
		out := filepath.Join(dir, name)
		rep := build(t, sp, out, WebMercatorQuad, 8, 15)
		if rep.Features["strefy"] != len(zones) {
			t.Errorf("%s: %d zones at the maximum zoom, want %d", name, rep.Features["strefy"], len(zones))
		}
		ts, err := OpenTileset(out)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, vl := range ts.Meta().VectorLayers {
			ids = append(ids, vl.ID)
			if vl.ID == "strefy" && (vl.Fields["oznaczenie"] != "String" || vl.Fields["symbol"] != "String" || vl.MinZoom != 10) {
				t.Errorf("%s: strefy vector layer %+v", name, vl)
			}
		}
		if !slices.Equal(ids, []string{"plany", "strefy", "mpzp"}) {
			t.Errorf("%s: vector_layers %v", name, ids)
		}
		for _, zn := range zones {
			for _, z := range []int{10, 15} {
				ext := LowExtent
				if z == 15 {
					ext = Extent
				}
				k, tx, ty := tileAt(WebMercatorQuad, zn.inner, z, ext)
				gz, err := ts.Tile(k.Z, k.X, k.Y)
				if err != nil || gz == nil {
					t.Fatalf("%s: tile %v: %v", name, k, err)
				}
				checkZoneTile(t, fmt.Sprintf("%s %v", name, k), gz, zn, tx, ty)
			}
		}
		ts.Close()
	}
}

// TestCountyWithPlanning: a county dataset holding the planning layers next
// to the EGiB ones has both in its tiles, planning drawn between land use and
// parcels.
func TestCountyWithPlanning(t *testing.T) {
	dir := t.TempDir()
	stats, err := synth.County(synth.Options{Parcels: 150, Seed: 5, Out: filepath.Join(dir, "gml")})
	if err != nil {
		t.Fatal(err)
	}
	layers := append(slices.Clone(store.EGiBLayers), store.PlanningLayers...)
	sp := planningStore(t, dir, "both", layers, stats.Files)
	zones := zonesOf(t, sp)
	ts := startServer(t, sp)
	resp, body := get(t, ts.URL+"/tiles/county.json")
	var tj struct {
		VectorLayers []VectorLayer `json:"vector_layers"`
	}
	if resp.StatusCode != 200 || json.Unmarshal(body, &tj) != nil {
		t.Fatalf("tilejson %d %s", resp.StatusCode, body)
	}
	var ids []string
	for _, vl := range tj.VectorLayers {
		ids = append(ids, vl.ID)
	}
	var want []string // the default layers the store has
	for _, l := range DefaultLayers {
		if _, ok := store.LayerByName(layers, l); ok || l == LabelLayer {
			want = append(want, l)
		}
	}
	if !slices.Equal(ids, want) {
		t.Fatalf("vector_layers %v, want %v", ids, want)
	}
	zn := zones[0]
	k, tx, ty := tileAt(WebMercatorQuad, zn.inner, 13, LowExtent)
	_, gz := get(t, fmt.Sprintf("%s/tiles/county/%d/%d/%d.mvt", ts.URL, k.Z, k.X, k.Y), "Accept-Encoding", "gzip")
	checkZoneTile(t, "county+planning tile", gz, zn, tx, ty)
	// The county's parcels are in tiles of the same tileset.
	r := openRO(t, sp)
	var parcel orb.Point
	r.Query(bg, store.Query{Layer: "dzialki", Limit: 1}, func(row store.Row) error {
		parcel, _ = NewFeature(WebMercatorQuad, row, nil).Label()
		return nil
	})
	k, _, _ = tileAt(WebMercatorQuad, parcel, 14, LowExtent)
	_, gz = get(t, fmt.Sprintf("%s/tiles/county/%d/%d/%d.mvt", ts.URL, k.Z, k.X, k.Y), "Accept-Encoding", "gzip")
	tile, err := DecodeTile(gz)
	if err != nil || tile.Layer("dzialki") == nil {
		t.Fatalf("parcel tile %v: %v", k, err)
	}
	// Build: the layers in DefaultLayers order.
	out := filepath.Join(dir, "both.mbtiles")
	build(t, sp, out, WebMercatorQuad, 12, 13)
	bt, err := OpenTileset(out)
	if err != nil {
		t.Fatal(err)
	}
	defer bt.Close()
	ids = ids[:0]
	for _, vl := range bt.Meta().VectorLayers {
		ids = append(ids, vl.ID)
	}
	if !slices.Equal(ids, want) {
		t.Errorf("built vector_layers %v, want %v", ids, want)
	}
	k, tx, ty = tileAt(WebMercatorQuad, zn.inner, 13, Extent)
	gz, err = bt.Tile(k.Z, k.X, k.Y)
	if err != nil {
		t.Fatal(err)
	}
	checkZoneTile(t, "county+planning build", gz, zn, tx, ty)
}
