package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestIngestAddressPoints: sip ingest takes a gmina's address points (PRG
// GML and CSV) into a dataset of their own; a broken file is reported with
// its file and line and leaves no store; a mix with EGiB is refused.
func TestIngestAddressPoints(t *testing.T) {
	dir := t.TempDir()
	gml := filepath.Join("..", "..", "ingest", "prg", "testdata", "PRG_PunktAdresowy_1003022.gml")
	csv := filepath.Join("..", "..", "ingest", "prg", "testdata", "punkty_adresowe_1003013.csv")
	st := filepath.Join(dir, "adresy.gpkg")
	rep := filepath.Join(dir, "report.json")
	mustSip(t, "ingest", "--store", st, "--report", rep, gml, csv)
	if r := readReport(t, rep); !r.Committed || r.Layers["punkty_adresowe"].Inserted != 236 {
		t.Fatalf("report: %+v", r)
	}
	if n := ogrCounts(t, st)["punkty_adresowe"]; n != 236 {
		t.Fatalf("GDAL counts %d points in the store", n)
	}

	b, _ := os.ReadFile(gml)
	cut := filepath.Join(dir, "cut.gml")
	os.WriteFile(cut, b[:len(b)*2/3], 0o644)
	out, err := sip(t, "ingest", "--store", filepath.Join(dir, "nowy.gpkg"), csv, cut)
	if err == nil || !strings.Contains(out, "cut.gml:") || !strings.Contains(out, "unexpected EOF") {
		t.Fatalf("a truncated register: %v\n%s", err, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "nowy.gpkg")); !os.IsNotExist(err) {
		t.Fatalf("a failed first ingest left a store: %v", err)
	}
	egib := filepath.Join("..", "..", "ingest", "testdata", "county_2021.gml")
	if out, err := sip(t, "ingest", "--store", filepath.Join(dir, "mix.gpkg"), gml, egib); err == nil || !strings.Contains(out, "cannot mix address points") {
		t.Fatalf("a mix of address points and EGiB: %v\n%s", err, out)
	}
}
