package postgis

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/paulmach/orb/planar"

	"github.com/sip-core/sip/ingest"
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/gpkg"
	"github.com/sip-core/sip/store/postgis/postgistest"
	"github.com/sip-core/sip/store/storetest"
	"github.com/sip-core/sip/synth"
)

// county writes a small synthetic county's GML and returns its files.
func county(t *testing.T, parcels int) []string {
	t.Helper()
	st, err := synth.County(synth.Options{Parcels: parcels, Seed: 3, Out: filepath.Join(t.TempDir(), "gml")})
	if err != nil {
		t.Fatal(err)
	}
	return st.Files
}

func ingestInto(t *testing.T, s store.Store, files []string) *ingest.Report {
	t.Helper()
	rep, err := ingest.Run(ctx, s, files, ingest.Options{NoTopology: true})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// TestSameIngestBothBackends: the same files ingested into a GeoPackage and into
// PostGIS give the same objects, histories, change log and state hash; a second
// ingest into PostGIS changes nothing.
func TestSameIngestBothBackends(t *testing.T) {
	files := county(t, 1500)
	g, err := gpkg.Create(filepath.Join(t.TempDir(), "c.gpkg"), "county", store.EGiBLayers)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	p := newStore(t, "county", store.EGiBLayers)
	rg, rp := ingestInto(t, g, files), ingestInto(t, p, files)
	if rg.Total != rp.Total || rp.Total.Archived == 0 {
		t.Fatalf("ingest totals: gpkg %+v, postgis %+v", rg.Total, rp.Total)
	}
	if d := storetest.Diff(t, g, p); d != "" {
		t.Fatal(d)
	}
	rev, _ := p.Revision(ctx)
	again := ingestInto(t, p, files)
	if again.Total.Unchanged != again.Total.Objects || again.Total.Objects != rp.Total.Objects {
		t.Fatalf("re-ingest: %+v", again.Total)
	}
	if r, _ := p.Revision(ctx); r != rev {
		t.Fatalf("re-ingest moved the revision %d -> %d", rev, r)
	}
	if storetest.StateHash(t, g, nil) != storetest.StateHash(t, p, nil) {
		t.Fatal("state hashes differ after the re-ingest")
	}
	// The running sums are stored valid at the revision: reading the state hash
	// costs one row per layer, not a scan.
	stored, err := storedSums(ctx, p.pool, p.q, rev)
	if err != nil || len(stored) != len(store.EGiBLayers) {
		t.Fatalf("running sums valid at %d: %v %v", rev, stored, err)
	}
}

// TestNoPersonalData: an export with owners, their addresses and a PESEL leaves
// no trace of them in any table of the schema.
func TestNoPersonalData(t *testing.T) {
	c := postgistest.Need(t)
	p := newStore(t, "county", store.EGiBLayers)
	ingestInto(t, p, []string{"../../ingest/testdata/county_2021.gml"})
	rows, err := c.PSQL(postgistest.Database, `SELECT string_agg(table_name, ' ') FROM information_schema.tables WHERE table_schema = '`+p.schema+`'`)
	if err != nil {
		t.Fatal(err)
	}
	tables := strings.Fields(rows)
	if len(tables) < 14 {
		t.Fatalf("tables of the schema: %v", tables)
	}
	for _, tb := range tables {
		dump, err := c.PSQL(postgistest.Database, fmt.Sprintf(`SELECT coalesce(string_agg(r::text, E'\n'), '') FROM %s.%s r`, quote(p.schema), quote(tb)))
		if err != nil {
			t.Fatal(err)
		}
		for _, bad := range []string{"71032907788", "Fikcyjnowska", "Zdzis", "Nibylandia"} {
			if strings.Contains(dump, bad) {
				t.Errorf("%q found in table %s", bad, tb)
			}
		}
	}
}

// TestStockTools: GDAL reads the public tables as PostGIS layers: geometry type,
// CRS, counts, extent and attributes.
func TestStockTools(t *testing.T) {
	c := postgistest.Need(t)
	if _, err := exec.LookPath("ogrinfo"); err != nil {
		t.Skip("ogrinfo missing (gdal-bin)")
	}
	p := newStore(t, "county", store.EGiBLayers)
	files := county(t, 300)
	ingestInto(t, p, files)
	n, _ := p.Count(ctx, store.Query{Layer: "dzialki"})
	ext, _, _ := p.Extent(ctx, "dzialki")
	out, err := exec.Command("ogrinfo", "-ro", "-so", c.OGR()+" schemas="+p.schema, "dzialki").CombinedOutput()
	if err != nil {
		t.Fatalf("ogrinfo: %v\n%s", err, out)
	}
	txt := string(out)
	for _, want := range []string{"Geometry: Multi Polygon", fmt.Sprintf("Feature Count: %d", n), `ID["EPSG",2180]`, "id_dzialki: String", "pole_ewidencyjne: Real",
		fmt.Sprintf("Extent: (%.6f, %.6f) - (%.6f, %.6f)", ext.Min[0], ext.Min[1], ext.Max[0], ext.Max[1])} {
		if !strings.Contains(txt, want) {
			t.Errorf("ogrinfo lacks %q:\n%s", want, txt)
		}
	}
	// Python GDAL: the first parcel's attributes and area match the store's.
	var first *store.Object
	p.Query(ctx, store.Query{Layer: "dzialki", Limit: 1}, func(r store.Row) error { first = r.Object; return nil })
	script := `import sys
from osgeo import ogr
ds = ogr.Open(sys.argv[1])
lyr = ds.GetLayerByName(sys.argv[2] + ".dzialki")
lyr.SetAttributeFilter("lokalny_id = '" + sys.argv[3] + "'")
f = lyr.GetNextFeature()
print(f.GetField("id_dzialki"), "%.3f" % f.GetGeometryRef().GetArea(), lyr.GetSpatialRef().GetAuthorityCode(None))`
	py, err := exec.Command("/usr/bin/python3", "-c", script, c.OGR(), p.schema, first.ID).CombinedOutput()
	if err != nil {
		t.Skipf("python3-gdal: %v\n%s", err, py)
	}
	want := fmt.Sprintf("%s %.3f 2180", first.Attrs["id_dzialki"], area(first))
	if strings.TrimSpace(string(py)) != want {
		t.Fatalf("GDAL Python read %q, want %q", strings.TrimSpace(string(py)), want)
	}
	qgisReads(t, c, p.schema, n)
}

// qgisReads opens the dzialki table with QGIS's PostGIS provider (headless) and
// checks what it reads: a valid layer in EPSG:2180 with every parcel.
func qgisReads(t *testing.T, c *postgistest.Cluster, schema string, n int64) {
	if err := exec.Command("/usr/bin/python3", "-c", "import qgis.core").Run(); err != nil {
		t.Logf("python3-qgis not installed: QGIS's PostGIS provider not checked")
		return
	}
	script := `import os, sys
from qgis.core import QgsApplication, QgsDataSourceUri, QgsVectorLayer, QgsWkbTypes
app = QgsApplication([], False)
app.initQgis()
uri = QgsDataSourceUri()
uri.setConnection(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], "")
uri.setDataSource(sys.argv[5], "dzialki", "geom", "", "fid")
lyr = QgsVectorLayer(uri.uri(False), "dzialki", "postgres")
n = sum(1 for f in lyr.getFeatures()) if lyr.isValid() else -1
print(lyr.isValid(), n, lyr.crs().authid(), QgsWkbTypes.displayString(lyr.wkbType()), "id_dzialki" in lyr.fields().names(), flush=True)
os._exit(0)`
	cmd := exec.Command("/usr/bin/python3", "-c", script, c.Socket, fmt.Sprint(c.Port), postgistest.Database, postgistest.Superuser, schema)
	cmd.Env = append(os.Environ(), "QT_QPA_PLATFORM=offscreen", "XDG_RUNTIME_DIR="+t.TempDir())
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("QGIS: %v\n%s", err, out)
	}
	if got, want := strings.TrimSpace(string(out)), fmt.Sprintf("True %d EPSG:2180 MultiPolygon True", n); got != want {
		t.Fatalf("QGIS's PostGIS provider reads %q, want %q", got, want)
	}
}

// TestDroppedConnectionRollsBack: a transaction whose connection the server
// terminates (mid-load, after COPYs) commits nothing, and the store serves on.
func TestDroppedConnectionRollsBack(t *testing.T) {
	c := postgistest.Need(t)
	p := newStore(t, "county", store.EGiBLayers)
	storetest.Put(t, p, storetest.Parcel("a", "1", storetest.T0(2), 0))
	h0, rev0 := storetest.StateHash(t, p, nil), mustRev(t, p)
	tx, err := p.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var putErr error
	for i := 0; i < 20000 && putErr == nil; i++ {
		if i == 10000 {
			if _, err := c.PSQL(postgistest.Database, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '`+postgistest.Role+`' AND state LIKE '%transaction%'`); err != nil {
				t.Fatal(err)
			}
		}
		_, putErr = tx.Put(ctx, storetest.Parcel(fmt.Sprint("n", i), "1", storetest.T0(2), float64(i)))
	}
	err = tx.Commit()
	if err == nil {
		t.Fatal("a transaction whose connection was terminated committed")
	}
	if !errors.Is(err, store.ErrUnavailable) {
		t.Errorf("lost connection not reported as unavailable: %v", err)
	}
	if n, err := p.Count(ctx, store.Query{Layer: "dzialki"}); err != nil || n != 1 {
		t.Fatalf("after the dropped load: %d %v", n, err)
	}
	if storetest.StateHash(t, p, nil) != h0 || mustRev(t, p) != rev0 {
		t.Fatal("the dropped load left changes")
	}
	storetest.Put(t, p, storetest.Parcel("b", "1", storetest.T0(2), 50))
}

func mustRev(t *testing.T, s store.Store) int64 {
	t.Helper()
	r, err := s.Revision(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestUnavailable: with the server stopped every read fails fast with
// store.ErrUnavailable, opening too; when it is back the same Store reads again.
func TestUnavailable(t *testing.T) {
	c := postgistest.Need(t)
	p := newStore(t, "county", store.EGiBLayers)
	storetest.Put(t, p, storetest.Parcel("a", "1", storetest.T0(2), 0))
	if err := c.StopServer(); err != nil {
		t.Fatal(err)
	}
	defer c.StartServer()
	if _, err := p.Revision(ctx); !errors.Is(err, store.ErrUnavailable) {
		t.Fatalf("Revision with the server down: %v", err)
	}
	if _, err := p.Get(ctx, "dzialki", "a"); !errors.Is(err, store.ErrUnavailable) {
		t.Fatalf("Get with the server down: %v", err)
	}
	if err := p.Query(ctx, store.Query{Layer: "dzialki"}, func(store.Row) error { return nil }); !errors.Is(err, store.ErrUnavailable) {
		t.Fatalf("Query with the server down: %v", err)
	}
	if _, err := Open(ctx, dsnOf(t, p), true); !errors.Is(err, store.ErrUnavailable) {
		t.Fatalf("Open with the server down: %v", err)
	}
	if err := c.StartServer(); err != nil {
		t.Fatal(err)
	}
	if o, err := p.Get(ctx, "dzialki", "a"); err != nil || o.Version != "1" {
		t.Fatalf("after the restart: %v %v", o, err)
	}
}

// TestPasswordNeverShown: errors about a DSN carry no password, whatever fails.
func TestPasswordNeverShown(t *testing.T) {
	c := postgistest.Need(t)
	wrong := strings.Replace(c.DSN("x"), postgistest.Password, "Wr0ng-"+postgistest.Password, 1)
	wrongURL := strings.Replace(c.URL("x"), postgistest.Password, "Wr0ng-"+postgistest.Password, 1)
	for _, dsn := range []string{wrong, wrongURL, c.DSN(""), c.URL("") + "&sslmode=bogus", "postgres://sip:" + postgistest.Password + "@[::1/x?schema=s",
		"host=/nonexistent password=" + postgistest.Password + " dbname=sip schema=s", c.DSN("nope")} {
		_, err := Open(ctx, dsn, true)
		if err == nil {
			t.Fatalf("%s opened", store.Redact(dsn))
		}
		if strings.Contains(err.Error(), postgistest.Password) {
			t.Errorf("error shows the password: %v", err)
		}
		ok, err := store.Exists(ctx, dsn)
		if err != nil && strings.Contains(err.Error(), postgistest.Password) || ok {
			t.Errorf("Exists(%s): %v %v", store.Redact(dsn), ok, err)
		}
	}
	if _, err := Create(ctx, wrong, "x", store.EGiBLayers); err == nil || strings.Contains(err.Error(), postgistest.Password) {
		t.Errorf("Create with a wrong password: %v", err)
	}
}

// TestRemove: Remove drops a dataset's tables and its schema, and leaves a schema
// that holds other things (or no SIP dataset) alone.
func TestRemove(t *testing.T) {
	c := postgistest.Need(t)
	p := newStore(t, "county", store.EGiBLayers)
	schema := p.schema
	p.Close()
	if err := store.Remove(ctx, c.DSN(schema)); err != nil {
		t.Fatal(err)
	}
	if n, _ := c.PSQL(postgistest.Database, "SELECT count(*) FROM pg_namespace WHERE nspname = '"+schema+"'"); n != "0" {
		t.Fatalf("schema left after Remove: %s", n)
	}
	// A schema made by the administrator, with a table of its own, for SIP.
	if _, err := c.PSQL(postgistest.Database, "CREATE SCHEMA adm AUTHORIZATION "+postgistest.Role+"; CREATE TABLE adm.notes (x int); GRANT ALL ON adm.notes TO "+postgistest.Role); err != nil {
		t.Fatal(err)
	}
	s, err := Create(ctx, c.DSN("adm"), "adm", store.PlanningLayers)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if ok, _ := store.Exists(ctx, c.DSN("adm")); !ok {
		t.Fatal("dataset in an existing schema not found")
	}
	if err := store.Remove(ctx, c.DSN("adm")); err != nil {
		t.Fatal(err)
	}
	if n, _ := c.PSQL(postgistest.Database, "SELECT count(*) FROM pg_tables WHERE schemaname = 'adm'"); n != "1" {
		t.Fatalf("tables left in adm: %s (want only notes)", n)
	}
}

// TestReadPlans: the read queries use the indexes on a loaded layer: the GiST
// index for a box, the primary key for keyset paging and the change log, the
// lokalny_id index for Get. The plans go to the log (the report quotes them).
func TestReadPlans(t *testing.T) {
	c := postgistest.Need(t)
	p := newStore(t, "county", store.EGiBLayers)
	files := county(t, 6000)
	ingestInto(t, p, files)
	var id string
	var mid int64
	p.Query(ctx, store.Query{Layer: "dzialki", Limit: 1, Offset: 3000}, func(r store.Row) error { id, mid = r.ID, r.Key; return nil })
	ext, _, _ := p.Extent(ctx, "dzialki")
	cx, cy := (ext.Min[0]+ext.Max[0])/2, (ext.Min[1]+ext.Max[1])/2
	bbox := fmt.Sprintf("geom && ST_MakeEnvelope(%f, %f, %f, %f, 2180) AND ST_XMin(geom) <= %f AND ST_XMax(geom) >= %f AND ST_YMin(geom) <= %f AND ST_YMax(geom) >= %f",
		cx, cy, cx+300, cy+300, cx+300, cx, cy+300, cy)
	q := quote(p.schema)
	for _, c2 := range []struct{ name, sql, want string }{
		{"bbox page", "SELECT fid, geom FROM " + q + ".dzialki WHERE " + bbox + " ORDER BY fid LIMIT 100", "dzialki_geom_idx"},
		{"bbox count", "SELECT count(*) FROM " + q + ".dzialki WHERE " + bbox, "dzialki_geom_idx"},
		{"keyset page", fmt.Sprintf("SELECT fid, geom FROM %s.dzialki WHERE fid > %d ORDER BY fid LIMIT 100", q, mid), "dzialki_pkey"},
		{"get", "SELECT geom FROM " + q + ".dzialki WHERE lokalny_id = '" + id + "'", "dzialki_lokalny_id_idx"},
		{"revision", "SELECT coalesce(max(rev), 0) FROM " + q + ".sip_changes", "sip_changes_pkey"},
		{"changes", "SELECT rev FROM " + q + ".sip_changes WHERE rev > 100 AND rev <= 200 ORDER BY rev", "sip_changes_pkey"},
		{"extent", "SELECT min_x FROM " + q + ".sip_extents WHERE table_name = 'dzialki'", "sip_extents_pkey"},
	} {
		plan, err := c.PSQL(postgistest.Database, "SET search_path = public; EXPLAIN "+c2.sql)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s:\n%s", c2.name, plan)
		if !strings.Contains(plan, c2.want) || regexp.MustCompile(`Seq Scan on (dzialki|sip_changes)\b`).MatchString(plan) {
			t.Errorf("%s does not use %s:\n%s", c2.name, c2.want, plan)
		}
	}
}

// area is the planar area of an object's geometry.
func area(o *store.Object) float64 { return planar.Area(o.Geometry) }
