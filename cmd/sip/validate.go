package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/sip-core/sip/planning"
)

func init() {
	register(&command{name: "validate", summary: "check planning data like the national APP validator; exit status 1 when errors are found",
		args: "FILE...", argsHelp: "APP GML 1.0/2.0, Shapefile (.shp), GeoJSON or GeoPackage (.gpkg, or F.gpkg:LAYER) planning files",
		minArgs: 1, maxArgs: -1, flags: validateFlags})
}

// errFindings makes sip exit non-zero when the data have errors; the findings
// themselves are already on stdout.
var errFindings = errors.New("the data have errors")

// validateFlags: sip validate [--format text|json] [--json] [--min-area M2] FILE...
func validateFlags(fs *flag.FlagSet) func(context.Context, []string) error {
	format := fs.String("format", "text", "output format `text|json`")
	asJSON := fs.Bool("json", false, "same as --format json")
	minArea := fs.Float64("min-area", 0.01, "smallest gap, overlap or outside part reported, in `M2` (m²)")
	return func(ctx context.Context, files []string) error {
		if *asJSON {
			*format = "json"
		}
		if *format != "text" && *format != "json" {
			return usageErrorf("--format %q: text or json", *format)
		}
		return validate(files, *format, *minArea)
	}
}

func validate(files []string, format string, minArea float64) error {
	set, err := planning.Load(files)
	if err != nil {
		return err
	}
	rep := planning.Validate(set, planning.Options{MinArea: minArea})
	if format == "json" {
		err = rep.WriteJSON(os.Stdout)
	} else {
		err = rep.WriteText(os.Stdout)
	}
	if err != nil {
		return err
	}
	if rep.HasErrors() {
		return fmt.Errorf("%w: %d errors, %d warnings", errFindings, rep.Errors, rep.Warnings)
	}
	return nil
}
