package ingest

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/sip-core/sip/ingest/egib"
	"github.com/sip-core/sip/store"
)

// Counts are per-layer (or total) results.
type Counts struct {
	Objects   int `json:"objects"` // object versions read and written
	Inserted  int `json:"inserted"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
	Archived  int `json:"archived"`
	Deleted   int `json:"deleted"`
	Rejected  int `json:"rejected"` // object versions left out because of a problem
}

// Add counts the outcome of one Put.
func (c *Counts) Add(r store.PutResult) {
	c.Objects++
	switch r {
	case store.Inserted:
		c.Inserted++
	case store.Updated:
		c.Updated++
	case store.Unchanged:
		c.Unchanged++
	case store.Archived:
		c.Archived++
	case store.Deleted:
		c.Deleted++
	}
}

// FileReport summarises one input file.
type FileReport struct {
	File     string `json:"file"`
	Bytes    int64  `json:"bytes"`
	Objects  int    `json:"objects"`
	Problems int    `json:"problems"`
	Personal int    `json:"personal_skipped"`
}

// Problem is one object-level error or warning (or the fatal error of a run).
type Problem struct {
	Severity string `json:"severity"` // "error", "warning" or "fatal"
	File     string `json:"file"`
	Line     int    `json:"line,omitempty"`
	Class    string `json:"class,omitempty"`
	GMLID    string `json:"gml_id,omitempty"`
	ID       string `json:"id,omitempty"`
	Message  string `json:"message"`
}

// Report is the JSON-serialisable outcome of Run.
type Report struct {
	Started   time.Time          `json:"started"`
	Finished  time.Time          `json:"finished"`
	Committed bool               `json:"committed"` // false: the store was left unchanged
	Strict    bool               `json:"strict"`
	Files     []FileReport       `json:"files"`
	Layers    map[string]*Counts `json:"layers"`
	Total     Counts             `json:"total"`
	// PersonalSkipped counts personal-data objects (subjects, their addresses,
	// shares) skipped unread.
	PersonalSkipped int `json:"personal_skipped"`
	// SkippedClasses counts other EGiB classes that are not published.
	SkippedClasses map[string]int `json:"skipped_classes,omitempty"`
	Errors         int            `json:"errors"`
	Warnings       int            `json:"warnings"`
	Problems       []Problem      `json:"problems"`
	// ProblemsTruncated is set when more problems occurred than are listed.
	ProblemsTruncated bool `json:"problems_truncated,omitempty"`

	maxProblems int // see NewReport
}

// NewReport starts the report of one ingest into layers: every kind of input
// (EGiB GML here, planning data in package planning, roads in package roads)
// keeps its account in it, and ends it with Fail or Commit. maxProblems caps
// the problems listed (the counts stay exact); 0 means 1000.
func NewReport(strict bool, layers []store.Layer, maxProblems int) *Report {
	rep := &Report{
		Started:     time.Now().UTC(),
		Strict:      strict,
		Layers:      map[string]*Counts{},
		Problems:    []Problem{},
		maxProblems: maxProblems,
	}
	for _, l := range layers {
		rep.Layers[l.Name] = &Counts{}
	}
	return rep
}

// AddProblem records p: errors and warnings are counted, and listed while the
// list is under its cap; a fatal problem is always listed.
func (r *Report) AddProblem(p Problem) {
	switch p.Severity {
	case "warning":
		r.Warnings++
	case "error":
		r.Errors++
	}
	max := r.maxProblems
	if max <= 0 {
		max = 1000
	}
	if len(r.Problems) >= max && p.Severity != "fatal" {
		r.ProblemsTruncated = true
		return
	}
	r.Problems = append(r.Problems, p)
}

// Reject counts an object version of layer left out because of a problem.
func (r *Report) Reject(layer string) {
	if c, ok := r.Layers[layer]; ok {
		c.Rejected++
	}
	r.Total.Rejected++
}

// Count counts the outcome of one Put into layer.
func (r *Report) Count(layer string, res store.PutResult) {
	if c, ok := r.Layers[layer]; ok {
		c.Add(res)
	}
	r.Total.Add(res)
}

// Fail ends a failed ingest: it rolls tx back (when there is one), so the store
// is exactly as before, lists err as the fatal problem and returns the report,
// not committed, with err (and the rollback's error, if any).
func (r *Report) Fail(tx store.Tx, err error) (*Report, error) {
	if tx != nil {
		if rerr := tx.Rollback(); rerr != nil {
			err = fmt.Errorf("%w (rollback: %v)", err, rerr)
		}
	}
	var e *egib.Error
	p := Problem{Severity: "fatal", Message: err.Error()}
	if errors.As(err, &e) {
		p = Problem{Severity: "fatal", File: e.File, Line: e.Line, Class: e.Class, GMLID: e.GMLID, ID: e.ID, Message: e.Msg}
	}
	r.AddProblem(p)
	r.Finished = time.Now().UTC()
	return r, err
}

// Commit ends an ingest by committing tx; a failed commit ends it as Fail does.
func (r *Report) Commit(tx store.Tx) (*Report, error) {
	if err := tx.Commit(); err != nil {
		return r.Fail(nil, fmt.Errorf("commit: %w", err))
	}
	r.Committed = true
	r.Finished = time.Now().UTC()
	return r, nil
}

// Summary is a one-paragraph human-readable account of the run, for the terminal.
func (r *Report) Summary() string {
	var b strings.Builder
	state := "committed"
	if !r.Committed {
		state = "rolled back (store unchanged)"
	}
	fmt.Fprintf(&b, "ingest %s: %d files, %d object versions in %.1fs: %d inserted, %d updated, %d unchanged, %d archived, %d deleted, %d rejected; %d personal-data objects skipped; %d errors, %d warnings",
		state, len(r.Files), r.Total.Objects, r.Finished.Sub(r.Started).Seconds(),
		r.Total.Inserted, r.Total.Updated, r.Total.Unchanged, r.Total.Archived, r.Total.Deleted, r.Total.Rejected,
		r.PersonalSkipped, r.Errors, r.Warnings)
	for i, p := range r.Problems {
		if i == 5 {
			fmt.Fprintf(&b, "\n  … %d more problems in the report", len(r.Problems)-5)
			break
		}
		fmt.Fprintf(&b, "\n  %s", p.String())
	}
	return b.String()
}

// String formats a problem as file:line: class id: message.
func (p Problem) String() string {
	loc := p.File
	if p.Line > 0 {
		loc = fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	obj := strings.TrimSpace(p.Class + " " + p.GMLID)
	if obj != "" {
		return fmt.Sprintf("%s: %s %s: %s", loc, p.Severity, obj, p.Message)
	}
	return fmt.Sprintf("%s: %s: %s", loc, p.Severity, p.Message)
}
