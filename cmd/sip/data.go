package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime/debug"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/synth"
)

func init() {
	register(&command{name: "gen county", summary: "write a synthetic county as EGiB GML (EPSG:2177)",
		required: []string{"out"}, flags: genCountyFlags})
	register(&command{name: "ingest", summary: "load EGiB GML, planning data (APP GML, Shapefile, GeoJSON, GeoPackage) or roads (GeoJSON) into a dataset",
		args: "FILE...", argsHelp: "EGiB GML files, planning files (APP GML, .shp, .geojson, .gpkg), or road GeoJSON (lines with a kategoria); one kind at a time",
		minArgs: 1, maxArgs: -1, required: []string{"store"}, flags: ingestFlags})
}

// genCountyFlags: sip gen county --out DIR [--parcels N] [--seed S]
func genCountyFlags(fs *flag.FlagSet) func(context.Context, []string) error {
	parcels := fs.Int("parcels", 1000, "number of parcels `N`")
	seed := fs.Int64("seed", 1, "random seed `S` (same seed, same files)")
	out := fs.String("out", "", "output directory `DIR`")
	return func(ctx context.Context, _ []string) error {
		if *parcels <= 0 {
			return usageErrorf("--parcels must be > 0")
		}
		st, err := synth.County(synth.Options{Parcels: *parcels, Seed: *seed, Out: *out})
		if err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "wrote %d files to %s: %d jednostki, %d obręby, %d działki, %d budynki, %d użytki, %d kontury, %d punkty, %d archived versions, %d deleted objects\n",
			len(st.Files), *out, st.Jednostki, st.Obreby, st.Parcels, st.Buildings, st.Uzytki, st.Kontury, st.Points, st.ArchivedVersions, st.DeletedObjects)
		return nil
	}
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
