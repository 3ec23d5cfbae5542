package egib_test

import (
	"bytes"
	"context"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sip-core/sip/ingest"
	"github.com/sip-core/sip/ingest/egib"
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/gpkg"
)

// load writes files into a new GeoPackage the way an ingest with the scan ahead
// does: ScanRefs over every file first, then each file read with the addresses
// it found.
func load(t *testing.T, files ...string) string {
	t.Helper()
	ctx := context.Background()
	known := map[string]string{}
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		refs, err := egib.ScanRefs(f, filepath.Base(name))
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		maps.Copy(known, refs.Addresses)
	}
	path := filepath.Join(t.TempDir(), "addr.gpkg")
	st, err := gpkg.Create(path, "addr", store.EGiBLayers)
	if err != nil {
		t.Fatal(err)
	}
	tx, err := st.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		r := egib.NewReader(f, filepath.Base(name))
		r.KnownAddresses = known
		for {
			ft, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			if _, err := tx.Put(ctx, ft.Object); err != nil {
				t.Fatal(err)
			}
		}
		f.Close()
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// ogrRows lists "id|adresy" of a layer with GDAL reading the GeoPackage.
func ogrRows(t *testing.T, path, layer, idCol string) []string {
	t.Helper()
	if _, err := exec.LookPath("ogrinfo"); err != nil {
		t.Skip("ogrinfo (gdal-bin) not installed")
	}
	out, err := exec.Command("ogrinfo", "-ro", "-q", "-sql",
		"SELECT "+idCol+" || '|' || COALESCE(adresy, '-') AS r FROM "+layer+" ORDER BY "+idCol, path).CombinedOutput()
	if err != nil {
		t.Fatalf("ogrinfo: %v\n%s", err, out)
	}
	var rows []string
	for _, line := range strings.Split(string(out), "\n") {
		if _, v, ok := strings.Cut(line, " r (String) = "); ok {
			rows = append(rows, v)
		}
	}
	return rows
}

// subjects' data in the sample files: none of it may be in the store file.
var personal = []string{"Nibylandia", "Sekretna", "Fikcyjnowska", "Zdzisława", "71032907788", "99-999"}

func noPersonalIn(t *testing.T, path string) {
	t.Helper()
	for _, p := range []string{path, path + "-wal"} {
		b, err := os.ReadFile(p)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, bad := range personal {
			if bytes.Contains(b, []byte(bad)) {
				t.Errorf("%s holds personal data %q", filepath.Base(p), bad)
			}
		}
	}
}

func TestAddressesStored(t *testing.T) {
	path := load(t, "testdata/addresses_2021.gml", "testdata/addresses_2015.gml", "testdata/addresses_2015_extra.gml")
	want := []string{
		"221101_1.0001.138/28|Słupsk, ul. Szczecińska 21b",
		"221101_1.0001.138/29|Słupsk, pl. Zwycięstwa 1; Słupsk, ul. Szczecińska 23",
		"221101_1.0001.140|-", // refers to a subject's permanent address only
		"990201_1.0001.5/1|Łask, ul. Kościuszki 12; Łask, al. Jana Pawła II 3",
		"990201_1.0001.6|Kolumna 7A",
		"990201_1.0001.7|Kolumna 9",
	}
	if got := ogrRows(t, path, "dzialki", "id_dzialki"); !slices.Equal(got, want) {
		t.Errorf("dzialki.adresy read by GDAL:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got, want := ogrRows(t, path, "budynki", "id_budynku"), []string{"990201_1.0001.5/1.1_BUD|Łask, ul. Kościuszki 12; Łask, Rynek 1"}; !slices.Equal(got, want) {
		t.Errorf("budynki.adresy %v, want %v", got, want)
	}
	noPersonalIn(t, path)
}

// ingest.Run (the `sip ingest` path) stores the addresses it can resolve and
// never a subject's, whatever the order of the objects in the files.
func TestAddressesIngestRun(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "run.gpkg")
	st, err := gpkg.Create(path, "run", store.EGiBLayers)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := ingest.Run(ctx, st, []string{"testdata/addresses_2021.gml", "testdata/addresses_2015.gml", "testdata/addresses_2015_extra.gml"}, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Committed || rep.Errors != 0 || rep.PersonalSkipped != 4 {
		t.Fatalf("report %+v", rep)
	}
	check := func(layer, id, want string) {
		o, err := st.Get(ctx, layer, id)
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := o.Attrs["adresy"].(string); !strings.Contains(got, want) {
			t.Errorf("%s %s: adresy %q, want it to hold %q", layer, id, got, want)
		}
	}
	check("dzialki", "31000000-0000-4000-8000-000000000001", "Łask, ul. Kościuszki 12")
	check("dzialki", "31000000-0000-4000-8000-000000000003", "Kolumna 9")
	check("budynki", "71000000-0000-4000-8000-000000000001", "Łask, ul. Kościuszki 12")
	// Forward references: an address after its parcel in the same file, and two
	// in a file read after it (ingest.Run scans for them first).
	check("dzialki", "e2000000-0000-4000-8000-000000000001", "Słupsk, ul. Szczecińska 21b")
	check("dzialki", "e2000000-0000-4000-8000-000000000002", "Słupsk, pl. Zwycięstwa 1; Słupsk, ul. Szczecińska 23")
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	noPersonalIn(t, path)
}

// A store made before the adresy column existed gets it when opened for
// writing (store/gpkg adds the columns a built-in layer gained), and then takes
// the addresses; opened read-only it serves as it is.
func TestIngestIntoStoreWithoutAdresy(t *testing.T) {
	ctx := context.Background()
	var old []store.Layer
	for _, l := range store.EGiBLayers {
		l.Columns = slices.DeleteFunc(slices.Clone(l.Columns), func(c store.Column) bool { return c.Name == "adresy" })
		old = append(old, l)
	}
	path := filepath.Join(t.TempDir(), "old.gpkg")
	st, err := gpkg.Create(path, "old", old)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	ro, err := gpkg.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	if l, _ := store.LayerByName(ro.Layers(), "dzialki"); hasColumn(l, "adresy") {
		t.Fatal("a read-only open changed the schema")
	}
	ro.Close()

	st, err = gpkg.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, name := range []string{"dzialki", "budynki"} {
		if l, _ := store.LayerByName(st.Layers(), name); !hasColumn(l, "adresy") {
			t.Fatalf("%s of the reopened store lacks adresy: %v", name, l.Columns)
		}
	}
	rep, err := ingest.Run(ctx, st, []string{"testdata/addresses_2021.gml"}, ingest.Options{})
	if err != nil || !rep.Committed {
		t.Fatalf("ingest into a migrated store: %v (%+v)", err, rep)
	}
	o, err := st.Get(ctx, "dzialki", "31000000-0000-4000-8000-000000000001")
	if err != nil || !strings.Contains(o.Attrs["adresy"].(string), "Kościuszki 12") {
		t.Fatalf("a migrated store lacks the address: %v %v", o, err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	// GDAL reads the added column too.
	if got := ogrRows(t, path, "dzialki", "id_dzialki"); !slices.Contains(got, "990201_1.0001.6|Kolumna 7A") {
		t.Errorf("GDAL reads %v", got)
	}
}

func hasColumn(l store.Layer, name string) bool {
	return slices.ContainsFunc(l.Columns, func(c store.Column) bool { return c.Name == name })
}
