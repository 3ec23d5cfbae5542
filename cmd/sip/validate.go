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
	register("validate", "validate [--json] FILE…   check planning data like the national APP validator", cmdValidate)
}

// errFindings makes sip exit non-zero when the data have errors; the findings
// themselves are already on stdout.
var errFindings = errors.New("the data have errors")

// cmdValidate: sip validate [--format json|text] [--json] [--min-area M2] FILE...
func cmdValidate(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	format := fs.String("format", "text", "output format: text or json")
	asJSON := fs.Bool("json", false, "same as --format json")
	minArea := fs.Float64("min-area", 0.01, "smallest gap, overlap or outside part reported [m²]")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *asJSON {
		*format = "json"
	}
	if fs.NArg() == 0 || (*format != "text" && *format != "json") {
		return fmt.Errorf("usage: sip validate [--format json|text] [--min-area M2] FILE...")
	}
	set, err := planning.Load(fs.Args())
	if err != nil {
		return err
	}
	rep := planning.Validate(set, planning.Options{MinArea: *minArea})
	if *format == "json" {
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
