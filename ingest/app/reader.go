// Package app reads planning acts in the Polish APP GML application schema
// (Akt Planowania Przestrzennego, docs/domain.md "Planning data"): version 1.0 (2020) and 2.0 (plan
// ogólny, 2023), in both namespace spellings (https://www.gov.pl/static/... and the
// older http://zagospodarowanieprzestrzenne.gov.pl/...).
//
// The Reader streams a file of any size feature by feature with the tokenizer of
// package xmlscan, so memory stays bounded whatever the file holds: one text value
// is at most MaxText bytes, and so is the text of one feature; comments, skipped
// elements and the like are streamed through; junk outside the root element (a
// file of zeros, say) is refused on its first byte. Each Feature carries a store.Object in EPSG:2180 (x = E, y = N): the axis order of the
// coordinates comes from the srsName (PL-2000 zones and 2180 are northing first),
// never from a guess. Problems of one object (a missing lokalnyId, an unclosed
// ring, a number that is not a number) are Issues of that Feature; only a broken
// file (XML syntax, I/O) stops the Reader with an *Error.
package app

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/paulmach/orb"
	"github.com/sip-core/sip/geo"
	"github.com/sip-core/sip/internal/xmlscan"
	"github.com/sip-core/sip/store"
)

// Issue codes shared with the validator (package planning).
const (
	CodeMissing    = "BRAK_ATRYBUTU"          // a required attribute is missing
	CodeValue      = "WARTOSC_NIEPOPRAWNA"    // a value that does not parse (number, date)
	CodeUnclosed   = "PIERSCIEN_NIEZAMKNIETY" // a ring whose last point is not its first
	CodeRing       = "PIERSCIEN_ZA_KROTKI"    // a ring with fewer than 4 points
	CodeGeometry   = "GEOMETRIA_NIEPOPRAWNA"  // unreadable coordinates, unsupported geometry
	CodeCRS        = "UKLAD_NIEZNANY"         // srsName missing or unknown
	CodeNoGeometry = "BRAK_GEOMETRII"         // a spatial object without geometry
)

// Issue is one problem of one object.
type Issue struct {
	Code string
	Msg  string
	Line int
	// At is where the problem is, in EPSG:2180 (x = E, y = N), when known.
	At *orb.Point
}

// Ref is an xlink reference of a feature (plan → document, zone → plan, ...).
type Ref struct {
	Role string // the property name, e.g. dokumentUchwalajacy, plan
	Href string
	ID   string // the lokalnyId the href points at (its last path segment), if any
}

// Feature is one APP object read from a file.
type Feature struct {
	Class  string // AktPlanowaniaPrzestrzennego, StrefaPlanistyczna, DokumentFormalny, ...
	Layer  string // plany or strefy; "" for DokumentFormalny and RysunekAktu (no geometry)
	Schema string // "1.0" or "2.0"
	File   string
	Line   int
	GMLID  string
	// Object holds identity, lifecycle, attributes (store.PlanningLayers column names)
	// and the geometry in EPSG:2180; Geometry is nil when missing or unreadable.
	Object *store.Object
	// SRS is the srsName of the geometry as written in the file.
	SRS    string
	Refs   []Ref
	Issues []Issue
}

// Ref returns the first reference with the given role.
func (f *Feature) Ref(role string) (Ref, bool) {
	for _, r := range f.Refs {
		if r.Role == role {
			return r, true
		}
	}
	return Ref{}, false
}

// HasErrors reports whether the feature has any issue.
func (f *Feature) HasErrors() bool { return len(f.Issues) > 0 }

// Error is a fatal problem of a file: the file cannot be read further.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return e.File + ": " + e.Msg
}

// Classes maps each APP feature class read to its layer ("" = kept with its plan).
var Classes = map[string]string{
	"AktPlanowaniaPrzestrzennego":                         "plany",
	"StrefaPlanistyczna":                                  "strefy",
	"ObszarZabudowySrodmiejskiej":                         "strefy",
	"ObszarUzupelnieniaZabudowy":                          "strefy",
	"ObszarStandardowDostepnosciInfrastrukturySpolecznej": "strefy",
	"DokumentFormalny":                                    "",
	"RysunekAktuPlanowaniaPrzestrzennego":                 "",
}

// SchemaVersion returns "1.0" or "2.0" when ns is an APP namespace, else "".
func SchemaVersion(ns string) string {
	if !strings.Contains(ns, "zagospodarowanieprzestrzenne") {
		return ""
	}
	ns = strings.TrimSuffix(ns, "/")
	switch {
	case strings.HasSuffix(ns, "/schemas/app/1.0"):
		return "1.0"
	case strings.HasSuffix(ns, "/schemas/app/2.0"):
		return "2.0"
	}
	return ""
}

const (
	nsGML   = "http://www.opengis.net/gml/3.2"
	nsGML31 = "http://www.opengis.net/gml"
	nsXLink = "http://www.w3.org/1999/xlink"
)

func isGML(ns string) bool { return ns == nsGML || ns == nsGML31 }

// Reader streams the APP features of one file.
type Reader struct {
	// MaxText bounds one text value and the text of one feature, in bytes; 0
	// means xmlscan.DefaultMaxText (64 MiB). Set it before reading.
	MaxText int

	src     io.Reader
	d       *xmlscan.Scanner
	objText int // text read into the current feature
	file    string
	err     error
	projs   map[string]projection
	// Features counts the features returned so far; Skipped counts APP elements of
	// classes not read, by name.
	Features int
	Skipped  map[string]int
}

type projection struct {
	t    *geo.Transform
	swap bool
	err  error
}

// NewReader reads APP GML from r; file names the source in errors.
func NewReader(r io.Reader, file string) *Reader {
	return &Reader{src: r, file: file, projs: map[string]projection{}, Skipped: map[string]int{}}
}

// line is the line of the input read so far.
func (r *Reader) line() int { return r.d.Line() }

func (r *Reader) fatal(err error) error {
	if r.err != nil {
		return r.err
	}
	var se *xml.SyntaxError
	var le *xmlscan.LimitError
	if errors.As(err, &se) {
		r.err = &Error{File: r.file, Line: se.Line, Msg: "XML: " + se.Msg}
	} else if errors.As(err, &le) {
		r.err = &Error{File: r.file, Line: le.Line, Msg: le.Msg}
	} else if errors.Is(err, io.ErrUnexpectedEOF) {
		r.err = &Error{File: r.file, Line: r.line(), Msg: "file ends inside an element (truncated?)"}
	} else {
		r.err = &Error{File: r.file, Line: r.line(), Msg: err.Error()}
	}
	return r.err
}

func (r *Reader) tok() (xml.Token, error) {
	t, err := r.d.Next()
	if err != nil {
		if err == io.EOF {
			return nil, err
		}
		return nil, r.fatal(err)
	}
	return t, nil
}

// Next returns the next APP feature, io.EOF at the end of the file, or an *Error
// when the file is broken.
func (r *Reader) Next() (*Feature, error) {
	if r.err != nil {
		return nil, r.err
	}
	if r.d == nil {
		r.d = xmlscan.New(r.src, xmlscan.Options{MaxText: r.MaxText, Charset: charsetReader})
	}
	for {
		t, err := r.tok()
		if err == io.EOF {
			if r.Features == 0 && len(r.Skipped) == 0 {
				r.err = &Error{File: r.file, Msg: "no APP (planowaniePrzestrzenne 1.0/2.0) features in the file"}
				return nil, r.err
			}
			return nil, io.EOF
		}
		if err != nil {
			return nil, err
		}
		se, ok := t.(xml.StartElement)
		if !ok {
			continue
		}
		ver := SchemaVersion(se.Name.Space)
		if ver == "" {
			continue
		}
		layer, known := Classes[se.Name.Local]
		if !known {
			// A collection element, or a class we do not read (e.g. MapaPodkladowa
			// at the top level): walk into it, features may be inside.
			if len(se.Name.Local) > 0 && se.Name.Local[0] >= 'A' && se.Name.Local[0] <= 'Z' && !strings.HasSuffix(se.Name.Local, "Kolekcja") {
				r.Skipped[se.Name.Local]++
			}
			continue
		}
		f, err := r.readFeature(se, layer, ver)
		if err != nil {
			return nil, err
		}
		r.Features++
		return f, nil
	}
}

// value is one property occurrence.
type value struct {
	text  string
	href  string
	title string
	uom   string
	nil   bool
	line  int
}

func attr(se xml.StartElement, space, local string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == local && (space == "" || a.Name.Space == space) {
			return a.Value, true
		}
	}
	return "", false
}

func (r *Reader) readFeature(start xml.StartElement, layer, ver string) (*Feature, error) {
	f := &Feature{Class: start.Name.Local, Layer: layer, Schema: ver, File: r.file, Line: r.line()}
	r.objText = 0
	f.GMLID, _ = attr(start, "", "id")
	o := &store.Object{Layer: layer, Attrs: map[string]any{}}
	f.Object = o
	props := map[string][]value{}
	var geom orb.MultiPolygon
	haveGeom := false
	for {
		t, err := r.tok()
		if err != nil {
			if err == io.EOF {
				return nil, r.fatal(io.ErrUnexpectedEOF)
			}
			return nil, err
		}
		switch t := t.(type) {
		case xml.EndElement:
			r.finish(f, props, geom, haveGeom)
			return f, nil
		case xml.StartElement:
			name := t.Name.Local
			line := r.line()
			switch {
			case name == "idIIP":
				if err := r.readIdentifier(o); err != nil {
					return nil, err
				}
			case name == "zasiegPrzestrzenny" || name == "geometria":
				g, srs, ok, err := r.readGeometryProperty(t, f)
				if err != nil {
					return nil, err
				}
				if srs != "" {
					f.SRS = srs
				}
				if ok {
					geom = append(geom, g...)
					haveGeom = true
				} else {
					haveGeom = true // present but unusable: the issue says why
				}
			case isGML(t.Name.Space):
				// gml:identifier, gml:name, gml:boundedBy: not needed.
				if err := r.skip(); err != nil {
					return nil, err
				}
			default:
				v := value{line: line}
				v.href, _ = attr(t, nsXLink, "href")
				v.title, _ = attr(t, nsXLink, "title")
				v.uom, _ = attr(t, "", "uom")
				if n, _ := attr(t, "", "nil"); n == "true" || n == "1" {
					v.nil = true
				}
				if _, ok := attr(t, "", "nilReason"); ok {
					v.nil = true
				}
				text, err := r.readText()
				if err != nil {
					return nil, err
				}
				v.text = strings.TrimSpace(text)
				if v.href != "" {
					f.Refs = append(f.Refs, Ref{Role: name, Href: v.href, ID: refID(v.href)})
				}
				props[name] = append(props[name], v)
			}
		}
	}
}

// skip consumes the element whose start tag was just read, keeping nothing of it.
func (r *Reader) skip() error {
	if err := r.d.Skip(r.d.Depth()); err != nil {
		return r.fatal(err)
	}
	return nil
}

// readText returns the character data of the current element, skipping nested
// elements (e.g. a MapaPodkladowa block inside its property). The text of one
// feature is bounded by MaxText.
func (r *Reader) readText() (string, error) {
	var b strings.Builder
	depth := 0
	line := r.line()
	for {
		t, err := r.tok()
		if err != nil {
			if err == io.EOF {
				return "", r.fatal(io.ErrUnexpectedEOF)
			}
			return "", err
		}
		switch t := t.(type) {
		case xml.CharData:
			if depth == 0 {
				if r.objText += len(t); r.objText > r.d.MaxText() {
					return "", r.fatal(&xmlscan.LimitError{Line: line, Msg: "the feature holds more than " + xmlscan.Size(r.d.MaxText()) + " of text (the limit for one feature)"})
				}
				b.Write(t)
			}
		case xml.StartElement:
			depth++
		case xml.EndElement:
			if depth == 0 {
				return b.String(), nil
			}
			depth--
		}
	}
}

func (r *Reader) readIdentifier(o *store.Object) error {
	depth := 0
	for {
		t, err := r.tok()
		if err != nil {
			if err == io.EOF {
				return r.fatal(io.ErrUnexpectedEOF)
			}
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "przestrzenNazw", "lokalnyId", "wersjaId":
				s, err := r.readText()
				if err != nil {
					return err
				}
				s = strings.TrimSpace(s)
				switch t.Name.Local {
				case "przestrzenNazw":
					o.Namespace = s
				case "lokalnyId":
					o.ID = s
				case "wersjaId":
					o.Version = s
				}
			default:
				depth++
			}
		case xml.EndElement:
			if depth == 0 {
				return nil
			}
			depth--
		}
	}
}

// refID is the last path segment of an href (the lokalnyId in APP URIs such as
// https://.../AktPlanowaniaPrzestrzennego/PL.ZIPPZP.1234/121201-POG/1POG/20250731T135628
// is the one before the version, which callers try as well).
func refID(h string) string {
	h = strings.TrimRight(h, "/")
	if i := strings.LastIndexAny(h, "/#"); i >= 0 {
		return h[i+1:]
	}
	return h
}

// code returns the code-list value of a reference: the last segment of its URI
// (".../TypAktuPlanowaniaPrzestrzennegoKod/planOgolnyGminy" → planOgolnyGminy,
// ".../KPT#KPT-MPZP-MN" → KPT-MPZP-MN), or its text when there is no href.
func code(v value) string {
	if v.href != "" {
		return refID(v.href)
	}
	return v.text
}

func first(props map[string][]value, name string) (value, bool) {
	vs := props[name]
	for _, v := range vs {
		if !v.nil {
			return v, true
		}
	}
	return value{}, false
}

func (r *Reader) finish(f *Feature, props map[string][]value, g orb.MultiPolygon, haveGeom bool) {
	o := f.Object
	issue := func(_, line int, code, format string, args ...any) {
		f.Issues = append(f.Issues, Issue{Code: code, Msg: fmt.Sprintf(format, args...), Line: line})
	}
	if o.ID == "" {
		issue(0, f.Line, CodeMissing, "%s without idIIP/lokalnyId", f.Class)
	}
	if f.Class == "DokumentFormalny" || f.Class == "RysunekAktuPlanowaniaPrzestrzennego" {
		r.finishDocument(f, props)
		return
	}
	if o.Version == "" {
		issue(0, f.Line, CodeMissing, "%s %s without idIIP/wersjaId", f.Class, o.ID)
	}
	if len(g) > 0 {
		o.Geometry = g
	} else if !haveGeom {
		name := "geometria"
		if f.Layer == "plany" {
			name = "zasiegPrzestrzenny"
		}
		issue(0, f.Line, CodeNoGeometry, "%s %s without %s", f.Class, o.ID, name)
	}
	dateTime := func(name string) time.Time {
		v, ok := first(props, name)
		if !ok {
			return time.Time{}
		}
		t, err := parseTime(v.text)
		if err != nil {
			issue(0, v.line, CodeValue, "%s: %v", name, err)
		}
		return t
	}
	o.StartVersion = dateTime("poczatekWersjiObiektu")
	o.EndVersion = dateTime("koniecWersjiObiektu")
	if o.StartVersion.IsZero() {
		if _, ok := first(props, "poczatekWersjiObiektu"); !ok {
			issue(0, f.Line, CodeMissing, "%s %s without poczatekWersjiObiektu", f.Class, o.ID)
		}
	}
	o.StartObject = o.StartVersion
	setDate := func(col, name string) {
		if v, ok := first(props, name); ok {
			t, err := parseTime(v.text)
			if err != nil {
				issue(0, v.line, CodeValue, "%s: %v", name, err)
				return
			}
			o.Attrs[col] = t
		}
	}
	setText := func(col, name string) {
		if v, ok := first(props, name); ok && v.text != "" {
			o.Attrs[col] = v.text
		}
	}
	setCode := func(col, opis, name string) {
		if v, ok := first(props, name); ok {
			if c := code(v); c != "" {
				o.Attrs[col] = c
			}
			if opis != "" && v.title != "" {
				o.Attrs[opis] = v.title
			}
		}
	}
	setCodes := func(col, name string) {
		var cs []string
		for _, v := range props[name] {
			if c := code(v); c != "" && !v.nil {
				cs = append(cs, c)
			}
		}
		if len(cs) > 0 {
			o.Attrs[col] = strings.Join(cs, ";")
		}
	}
	setNum := func(col, name string, dst map[string]any) {
		v, ok := first(props, name)
		if !ok {
			return
		}
		x, err := parseNumber(v.text)
		if err != nil {
			issue(0, v.line, CodeValue, "%s %s: %s: %v", f.Class, o.ID, name, err)
			return
		}
		if v.uom != "" && v.uom != "m" && v.uom != "m2" && v.uom != "m²" && v.uom != "%" {
			switch v.uom {
			case "km":
				x *= 1000
			case "ha":
				x *= 10000
			default:
				issue(0, v.line, CodeValue, "%s %s: %s: unknown unit uom=%s", f.Class, o.ID, name, xmlscan.Quote(v.uom))
				return
			}
		}
		dst[col] = x
	}
	setDate("obowiazuje_od", "obowiazujeOd")
	setDate("obowiazuje_do", "obowiazujeDo")
	setCode("status", "status_opis", "status")
	switch f.Layer {
	case "plany":
		o.Attrs["wersja_app"] = f.Schema
		setText("tytul", "tytul")
		setText("tytul_alternatywny", "tytulAlternatywny")
		setCode("typ_planu", "typ_planu_opis", "typPlanu")
		setCode("poziom_hierarchii", "", "poziomHierarchii")
		setText("modyfikacja", "modyfikacja")
		if v, ok := first(props, "zmiana"); ok {
			n, err := strconv.ParseInt(v.text, 10, 64)
			if err != nil {
				issue(0, v.line, CodeValue, "zmiana: not an integer: %s", xmlscan.Quote(v.text))
			} else {
				o.Attrs["zmiana"] = n
			}
		}
		if _, ok := o.Attrs["tytul"]; !ok {
			issue(0, f.Line, CodeMissing, "%s %s without tytul", f.Class, o.ID)
		}
	case "strefy":
		delete(o.Attrs, "status_opis")
		o.Attrs["klasa"] = f.Class
		setText("oznaczenie", "oznaczenie")
		setText("symbol", "symbol")
		setCode("nazwa", "nazwa_opis", "nazwa")
		setText("nazwa_alternatywna", "nazwaAlternatywna")
		setCodes("profil_podstawowy", "profilPodstawowy")
		setCodes("profil_dodatkowy", "profilDodatkowy")
		setCode("charakter_ustalenia", "", "charakterUstalenia")
		setNum("maks_intensywnosc", "maksNadziemnaIntensywnoscZabudowy", o.Attrs)
		setNum("maks_udzial_zabudowy", "maksUdzialPowierzchniZabudowy", o.Attrs)
		setNum("maks_wysokosc", "maksWysokoscZabudowy", o.Attrs)
		setNum("min_udzial_pbc", "minUdzialPowierzchniBiologicznieCzynnej", o.Attrs)
		if r, ok := f.Ref("plan"); ok && r.ID != "" {
			o.Attrs["plan"] = planID(r.Href)
		}
		if f.Class == "ObszarStandardowDostepnosciInfrastrukturySpolecznej" {
			extra := map[string]any{}
			for name := range props {
				if strings.HasPrefix(name, "odlegloscDo") || strings.HasPrefix(name, "powierzchnia") {
					setNum(name, name, extra)
				}
			}
			if v, ok := first(props, "wylaczenieZabudowyZagrodowej"); ok {
				extra["wylaczenieZabudowyZagrodowej"] = v.text == "true" || v.text == "1"
			}
			if len(extra) > 0 {
				o.Attrs["parametry"] = compactJSON(extra)
			}
		}
		if f.Class == "StrefaPlanistyczna" {
			for _, req := range []string{"oznaczenie", "symbol"} {
				if _, ok := o.Attrs[req]; !ok {
					issue(0, f.Line, CodeMissing, "%s %s without %s", f.Class, o.ID, req)
				}
			}
		}
	}
}

// planID extracts the plan's lokalnyId from an APP URI reference, which ends in
// .../<lokalnyId>/<wersjaId> (or just the id).
func planID(h string) string {
	h = strings.TrimRight(h, "/")
	parts := strings.FieldsFunc(h, func(r rune) bool { return r == '/' || r == '#' })
	if len(parts) >= 2 && looksLikeVersion(parts[len(parts)-1]) {
		return parts[len(parts)-2]
	}
	if len(parts) > 0 {
		return parts[len(parts)-1]
	}
	return ""
}

func looksLikeVersion(s string) bool {
	if len(s) < 8 {
		return false
	}
	for _, c := range s[:8] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func (r *Reader) finishDocument(f *Feature, props map[string][]value) {
	o := f.Object
	o.Attrs["id"] = o.ID
	for name, vs := range props {
		for _, v := range vs {
			if v.nil {
				continue
			}
			s := v.text
			if v.href != "" {
				s = v.href
			}
			if s == "" {
				continue
			}
			if _, dup := o.Attrs[name]; !dup {
				o.Attrs[name] = s
			}
		}
	}
	if v, ok := first(props, "poczatekWersjiObiektu"); ok {
		if t, err := parseTime(v.text); err == nil {
			o.StartVersion = t
		}
	}
}

func parseNumber(s string) (float64, error) {
	s = strings.TrimSpace(s)
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, fmt.Errorf("not a number: %s", xmlscan.Quote(s))
	}
	return x, nil
}

var timeLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04:05.999999999", "2006-01-02", "2006-01-02Z", "20060102T150405"}

func parseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("not a date: %s", xmlscan.Quote(s))
}
