package planning

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// WriteJSON writes the report as indented JSON.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// String formats a finding on one line:
// file:line: error NAKLADANIE StrefaPlanistyczna 1POG-1SJ [1SJ]: message (at E N, EPSG:2180).
func (f Finding) String() string {
	var b strings.Builder
	b.WriteString(f.File)
	if f.Line > 0 {
		fmt.Fprintf(&b, ":%d", f.Line)
	} else if f.Record > 0 {
		fmt.Fprintf(&b, "#%d", f.Record)
	}
	fmt.Fprintf(&b, ": %s %s", f.Severity, f.Code)
	if obj := strings.TrimSpace(f.Class + " " + f.ID); obj != "" {
		b.WriteString(" " + obj)
	}
	if f.Oznaczenie != "" {
		fmt.Fprintf(&b, " [%s]", f.Oznaczenie)
	}
	b.WriteString(": " + f.Message)
	if f.X != nil {
		fmt.Fprintf(&b, " (at E=%.2f N=%.2f, EPSG:2180)", *f.X, *f.Y)
	}
	return b.String()
}

// WriteText writes one line per finding and a summary line.
func (r *Report) WriteText(w io.Writer) error {
	for _, f := range r.Findings {
		if _, err := fmt.Fprintln(w, f.String()); err != nil {
			return err
		}
	}
	verdict := "OK"
	if r.Errors > 0 {
		verdict = "FAILED"
	}
	_, err := fmt.Fprintf(w, "%s: %d files, %d plans, %d zones: %d errors, %d warnings\n", verdict, len(r.Files), r.Plans, r.Zones, r.Errors, r.Warnings)
	return err
}
