package prg

import (
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/geo"
	"github.com/sip-core/sip/ingest"
	"github.com/sip-core/sip/store"
)

// Feature is one address point read from a file: its object, or the
// problem that leaves it out, and what is only doubtful.
type Feature struct {
	File  string
	Line  int
	GMLID string // the GML feature's gml:id (empty in CSV)
	// Object is the point as stored (nil with a Problem).
	Object   *store.Object
	Point    *Point
	Problem  string
	Warnings []string
}

// Error is a problem of a file (Fatal: unreadable, malformed, truncated) or
// of one point, with where it is.
type Error struct {
	File  string
	Line  int
	GMLID string
	ID    string
	Msg   string
	Fatal bool
	Err   error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.GMLID != "" {
		fmt.Fprintf(&b, " (gml:id %s)", e.GMLID)
	}
	if e.ID != "" {
		fmt.Fprintf(&b, " (id %s)", e.ID)
	}
	return b.String() + ": " + e.Msg
}

func (e *Error) Unwrap() error { return e.Err }

// lifecycle is a point's identity and version dates as the file gives them.
type lifecycle struct {
	id, ns, version, start, endVersion, end string
}

// pl2180 is where a position may lie: EPSG:2180's area of use, padded.
var pl2180 = geo.CRS2180.Bounds().Pad(200000)

// build makes the store object of a point.
func (f *Feature) build(p *Point, pos [2]float64, posErr error, life lifecycle) {
	f.Point = p
	problem, warnings := p.check()
	f.Warnings = append(f.Warnings, warnings...)
	switch {
	case life.id == "":
		problem = "no identifier (idIIP lokalnyId, gml:id or an id column)"
	case len(life.id) > 200:
		problem = "identifier longer than 200 characters"
	case posErr != nil:
		problem = posErr.Error()
	case math.IsNaN(pos[0]) || math.IsNaN(pos[1]) || !pl2180.Contains(orb.Point(pos)):
		problem = fmt.Sprintf("position %.2f %.2f is outside the area of EPSG:2180 (wrong CRS or axis order?)", pos[0], pos[1])
	}
	if problem != "" {
		f.Problem = problem
		return
	}
	o := &store.Object{Layer: Layer, ID: life.id, Namespace: life.ns, Version: life.version,
		Geometry: orb.Point(pos), Attrs: p.attrs()}
	if o.Namespace == "" {
		o.Namespace = Namespace
	}
	if o.Version == "" {
		o.Version = ingest.ContentVersion(o)
	}
	for _, d := range []struct {
		name, v string
		to      *time.Time
	}{{"poczatekWersjiObiektu", life.start, &o.StartVersion}, {"koniecWersjiObiektu", life.endVersion, &o.EndVersion}, {"waznyDo", life.end, &o.EndObject}} {
		if d.v == "" {
			continue
		}
		t, err := parseTime(d.v)
		if err != nil {
			f.Problem = d.name + " " + quote(d.v) + ": not a date"
			return
		}
		*d.to = t
	}
	if o.StartVersion.IsZero() {
		o.StartVersion = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	o.StartObject = o.StartVersion
	if !o.EndObject.IsZero() && o.EndVersion.IsZero() {
		o.EndVersion = o.EndObject
	}
	f.Object = o
}

func parseTime(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("bad date")
}

// Options control reading.
type Options struct {
	// MaxText bounds one text value of a GML file (xmlscan.DefaultMaxText
	// when 0).
	MaxText int
}

// ReadFile streams the address points of a file to fn: GML (two passes:
// the components the points refer to, then the points) or CSV. A broken
// file is an *Error with Fatal set; a bad point is a Feature with a
// Problem. An error from fn stops the read and is returned.
func ReadFile(path string, opts Options, fn func(*Feature) error) error {
	open := func() (io.ReadCloser, error) { return os.Open(path) }
	return Read(filepath.Base(path), strings.ToLower(filepath.Ext(path)), open, opts, fn)
}

// Read is ReadFile on any source: name labels errors, ext (".gml", ".csv")
// says the form, open opens the content again for each pass.
func Read(name, ext string, open func() (io.ReadCloser, error), opts Options, fn func(*Feature) error) error {
	if ext == ".csv" || ext == ".txt" {
		rc, err := open()
		if err != nil {
			return err
		}
		defer rc.Close()
		return readCSV(name, rc, fn)
	}
	g := &gmlFile{name: name, open: open, maxText: opts.MaxText, crs: map[string]*geo.Transform{}}
	if err := g.components(); err != nil {
		return err
	}
	return g.points(fn)
}

func itoa(i int) string { return strconv.Itoa(i) }
