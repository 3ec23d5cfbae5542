package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime/debug"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/synth"
	"github.com/sip-core/sip/synth/synthstore"
)

func init() {
	register(&command{name: "gen county", summary: "write a synthetic county as EGiB GML (EPSG:2177), or straight into a store",
		flags: genCountyFlags})
	register(&command{name: "ingest", summary: "load EGiB GML, planning data (APP GML, Shapefile, GeoJSON, GeoPackage), roads (GeoJSON) or address points (PRG GML, CSV) into a dataset",
		args: "FILE...", argsHelp: "EGiB GML files, planning files (APP GML, .shp, .geojson, .gpkg), road GeoJSON (lines with a kategoria), or a gmina's address points (PRG GML with PRG_PunktAdresowy, CSV with x/y in EPSG:2180); one kind at a time",
		minArgs: 1, maxArgs: -1, required: []string{"store"}, flags: ingestFlags})
}

// genCountyFlags: sip gen county --out DIR | --store DSN [--name N] [--parcels N] [--seed S]
func genCountyFlags(fs *flag.FlagSet) func(context.Context, []string) error {
	parcels := fs.Int("parcels", 1000, "number of parcels `N`")
	seed := fs.Int64("seed", 1, "random seed `S` (same seed, same files)")
	out := fs.String("out", "", "output directory `DIR` (this or --store)")
	dsn := fs.String("store", "", "instead of files, a new dataset `DSN` to load the county into, one jednostka's file at a time (a temporary folder holds one file)")
	name := fs.String("name", "", "dataset `NAME` of --store (default: from the DSN)")
	return func(ctx context.Context, _ []string) error {
		if *parcels <= 0 {
			return usageErrorf("--parcels must be > 0")
		}
		if (*out == "") == (*dsn == "") {
			return usageErrorf("give one of --out and --store")
		}
		var st *synth.Stats
		var err error
		where := *out
		if *dsn != "" {
			where = store.Redact(*dsn)
			st, err = genIntoStore(ctx, *dsn, *name, *parcels, *seed)
		} else {
			st, err = synth.County(synth.Options{Parcels: *parcels, Seed: *seed, Out: *out})
		}
		if err != nil {
			return err
		}
		what := fmt.Sprintf("wrote %d files to %s", len(st.Files), where)
		if *dsn != "" {
			what = "loaded the county into " + where
		}
		fmt.Fprintf(os.Stderr, "%s: %d jednostki, %d obręby, %d działki, %d budynki, %d użytki, %d kontury, %d punkty, %d archived versions, %d deleted objects\n",
			what, st.Jednostki, st.Obreby, st.Parcels, st.Buildings, st.Uzytki, st.Kontury, st.Points, st.ArchivedVersions, st.DeletedObjects)
		return nil
	}
}

// genIntoStore generates a county into a new store, ingesting each jednostka's
// file as it is written (one transaction each). A failure removes the store.
func genIntoStore(ctx context.Context, dsn, name string, parcels int, seed int64) (*synth.Stats, error) {
	if ok, err := store.Exists(ctx, dsn); err != nil {
		return nil, err
	} else if ok {
		return nil, fmt.Errorf("%s exists already", store.Redact(dsn))
	}
	if name == "" {
		name = store.NameFromDSN(dsn)
	}
	tmp, err := os.MkdirTemp("", "sip-gen-*")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	_, st, err := synthstore.Build(ctx, tmp, synthstore.Options{Parcels: parcels, Seed: seed, Name: name, Store: dsn, Stream: true})
	if err != nil {
		if rerr := store.Remove(context.WithoutCancel(ctx), dsn); rerr != nil {
			return nil, fmt.Errorf("%w (and removing the partial store: %v)", err, rerr)
		}
		return nil, err
	}
	return st, nil
}

// ingestFlags: sip ingest --store county.gpkg [--name N] [--report report.json] [--strict] FILE...
func ingestFlags(fs *flag.FlagSet) func(context.Context, []string) error {
	storePath := fs.String("store", "", "dataset store `F.gpkg|DSN`: a GeoPackage path or a PostGIS DSN (created when missing)")
	name := fs.String("name", "", "dataset name `N` for a new store (default: the file's base name, or the DSN's schema)")
	reportPath := fs.String("report", "", "write the ingest report (JSON) to `R.json`")
	strict := fs.Bool("strict", false, "reject the whole ingest on any object error")
	maxText := fs.String("max-text", "64MB", "longest text value `SIZE` of EGiB GML (a posList), and most text in one object")
	return func(ctx context.Context, files []string) error {
		mt, err := config.ParseByteSize(*maxText)
		if err != nil || mt < 1 || mt > 1<<30 {
			return usageErrorf("--max-text %s: want a size from 1 byte to 1GB", *maxText)
		}
		_, err = ingestFiles(ctx, *storePath, *name, files, *reportPath, *strict, int(mt))
		return err
	}
}

func writeJSON(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}

// tuneGCForIngest trades memory for speed during an ingest: the live heap of the
// streaming pipeline is small and bounded, so collecting at 5× it instead of 2×
// saves about a tenth of the CPU; a soft limit keeps peak RSS well under the
// 250 MB the ingest promises for real exports of any size (one object near
// --max-text takes more: about 450 MB for a 53 MB posList). GOGC or GOMEMLIMIT
// in the environment win.
func tuneGCForIngest() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(180 << 20)
	}
}
