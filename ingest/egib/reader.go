// Package egib reads EGiB (ewidencja gruntów i budynków) GML exports as a stream of
// store.Objects, one published object version at a time.
//
// Both schemas in circulation are read: the 2021 regulation's
// `ewidencjaGruntowIBudynkow:1.0` (EGIB.XSD 1.10) and the older 2013/2015
// `urn:gugik:specyfikacje:gmlas:ewidencjaGruntowBudynkow:1.0` with identifiers in
// bt:BT_Identyfikator. Where attribute names differ (powierzchniaEwidencyjna /
// poleEwidencyjne, informacjaODokladnReprezentacjiPola / dokladnoscReprezentacjiPola,
// lokalizacjaDzialki2 / lokalizacjaDzialki, SPD/ISD/STB / sposobPozyskania/...), both
// are accepted.
//
// The reader is streaming: it pulls XML tokens from a scanner (package xmlscan) and
// keeps only the object being read, so memory does not depend on the file size
// (apart from a 16-byte fingerprint per object used to detect duplicate versions,
// and the register groups and property addresses met). One text value is at most
// MaxText bytes (a fatal error beyond it), and so is the text read into one object
// (an object-level error: the object is left out); skipped content is streamed
// through without being kept.
//
// Personal data. Subject classes (EGB_OsobaFizyczna, EGB_Instytucja, EGB_Malzenstwo,
// EGB_PodmiotGrupowy, EGB_WspolnotaGruntowa, EGB_AdresPodmiotu, shares linking
// subjects to units, ...) are skipped token by token without keeping any of their
// content, and only counted. Inside the published classes only the known public
// elements are read; any other child element is skipped unread, so a stray <pesel>
// never reaches a Feature, an error message or a store: an error inside skipped
// content (a bad entity reference, say) names the line and the fault but quotes
// none of the text, and values quoted elsewhere are cut to a few dozen bytes.
//
// Property addresses (EGB_AdresNieruchomosci) are public and are not objects of
// their own here: a parcel's adresDzialki and a building's adresBudynku are
// resolved to the address text, stored in their `adresy` column (address.go).
//
// Time zones. EGiB timestamps (startObiekt, wersjaId, ...) are written without a zone
// by the county systems and mean Polish civil time. A timestamp without a zone is
// therefore read as Europe/Warsaw local time (the repeated hour at the end of summer
// time resolves to the first occurrence, as time.Date does); one with a zone (Z or
// ±hh:mm) is taken as written. Every time in a store.Object is in UTC. Object.Version
// keeps the wersjaId text as written, because it is an identifier.
package egib

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"strings"

	"github.com/paulmach/orb"
	"github.com/sip-core/sip/internal/xmlscan"
	"github.com/sip-core/sip/store"
)

// Namespaces of the two EGiB schemas.
const (
	NS2021 = "ewidencjaGruntowIBudynkow:1.0"
	NS2015 = "urn:gugik:specyfikacje:gmlas:ewidencjaGruntowBudynkow:1.0"
	// NSBT2015 holds bt:BT_Identyfikator in 2015 files.
	NSBT2015 = "urn:gugik:specyfikacje:gmlas:modelPodstawowy:1.0"
)

// Feature is one object version read from a file.
type Feature struct {
	Object  *store.Object // Geometry already in EPSG:2180, x = E, y = N
	GMLID   string
	Class   string
	File    string
	Line    int    // line of the object's start tag
	SRSName string // srsName of its geometry as written
	// JRG is the lokalnyId (or '#gml:id') of the parcel's register unit (JRG2) when
	// the reader could not resolve its grupaRejestrowa; empty otherwise.
	JRG string
	// UnresolvedAddresses lists the references (lokalnyId or '#gml:id') of
	// adresDzialki / adresBudynku whose address the reader did not know: not in
	// KnownAddresses and not met earlier in the file. Its adresy column lacks them.
	UnresolvedAddresses []string
	// Warnings are non-fatal remarks about the object (e.g. an idDzialki that does
	// not follow WWPPGG_R.OOOO[.AR_N].NDZ); the object is still returned.
	Warnings []string
	// Size is the text read into the object, in bytes: about what it takes in
	// memory (its coordinates most of all), at most MaxText.
	Size int
}

// Projector maps a geometry from a source CRS, coordinates in the order they are
// written in the file, to EPSG:2180 with x = E, y = N.
type Projector func(orb.Geometry) (orb.Geometry, error)

// Resolver returns the projector for an srsName. It must apply the CRS's axis order:
// EGiB writes EPSG:2176–2180 coordinates northing first.
type Resolver func(srsName string) (Projector, error)

// Stats counts what a Reader skipped.
type Stats struct {
	Objects   int            // features returned
	Problems  int            // object-level errors returned
	Personal  int            // personal-data objects skipped unread
	Addresses int            // property addresses (EGB_AdresNieruchomosci) read
	Skipped   map[string]int // other skipped EGiB classes by name
}

// Reader streams Features out of one GML document.
type Reader struct {
	// Resolve maps srsNames to projectors; NewReader sets DefaultResolver.
	Resolve Resolver
	// Validate runs the GEOS topology check (self-intersections, ring crossings)
	// on every surface after the cheap structural checks passed. Default true.
	Validate bool
	// RegisterGroups maps a register unit's lokalnyId (and "#"+gml:id) to its
	// grupaRejestrowa, used to fill dzialki.grupa_rejestrowa. The reader adds the
	// register units it meets; ScanRegisterGroups collects them ahead for forward
	// references.
	RegisterGroups map[string]string
	// KnownAddresses maps property addresses (EGB_AdresNieruchomosci) by
	// lokalnyId, or "#"+gml:id for a gml:id without a UUID, to their text, as
	// ScanRefs collected them ahead: it resolves adresDzialki and adresBudynku
	// references to addresses written later or in another file. The reader only
	// reads it, so one map may be shared by readers running concurrently.
	// Addresses the reader meets itself resolve the references that follow them
	// even without it.
	KnownAddresses map[string]string
	// MaxText bounds one text value, and the text read into one object, in
	// bytes; 0 means xmlscan.DefaultMaxText (64 MiB). Set it before reading.
	MaxText int

	src   io.Reader
	d     *xmlscan.Scanner
	file  string
	depth int
	line  int // line of the start of the last token read
	root  bool
	fatal error
	// objText counts the text read into the current top-level object
	objText int

	docSRS string
	seed   maphash.Seed
	seen   map[[2]uint64]int
	projs  map[string]projEntry
	valid  *validator
	text   []byte
	stats  Stats

	lastSRSLine int
	scanOnly    bool // ScanRefs: skip the published classes
	// addrs are the property addresses met so far (see address.go).
	addrs map[string]addrVersion
}

// maxIDLen cuts identifiers quoted in errors and reports (a real one is a UUID or
// a short code).
const maxIDLen = 200

type projEntry struct {
	p   Projector
	err error
}

// NewReader reads the document r; file names it in errors.
func NewReader(r io.Reader, file string) *Reader {
	return &Reader{
		Resolve:        DefaultResolver,
		Validate:       true,
		RegisterGroups: map[string]string{},
		src:            r,
		file:           file,
		seed:           maphash.MakeSeed(),
		seen:           map[[2]uint64]int{},
		projs:          map[string]projEntry{},
		stats:          Stats{Skipped: map[string]int{}},
	}
}

// Stats reports what has been read and skipped so far.
func (r *Reader) Stats() Stats { return r.stats }

// InputOffset is the number of bytes of the document consumed so far.
func (r *Reader) InputOffset() int64 {
	if r.d == nil {
		return 0
	}
	return r.d.Offset()
}

// tok reads the next token, keeping the element depth and the token's start line.
func (r *Reader) tok() (xml.Token, error) {
	r.line = r.d.Line()
	t, err := r.d.Next()
	if err == nil {
		r.line = r.d.TokenLine()
	}
	if err != nil {
		if err == io.EOF {
			if r.depth > 0 {
				return nil, &fatalError{errors.New("unexpected end of file: document truncated")}
			}
			return nil, io.EOF
		}
		return nil, &fatalError{err}
	}
	switch t.(type) {
	case xml.StartElement:
		r.depth++
	case xml.EndElement:
		r.depth--
	}
	return t, nil
}

// skip consumes tokens up to and including the end of the element whose start tag
// was the last token read.
func (r *Reader) skip() error {
	return r.skipTo(r.depth)
}

// skipTo consumes the input until the element at depth level is closed, keeping
// nothing of it.
func (r *Reader) skipTo(level int) error {
	r.line = r.d.Line()
	err := r.d.Skip(level)
	r.depth = r.d.Depth()
	if err != nil {
		return &fatalError{err}
	}
	r.line = r.d.TokenLine()
	return nil
}

// Next returns the next published object, an object-level *Error (call Next again
// to continue), a fatal *Error, or io.EOF at the end of the document.
func (r *Reader) Next() (*Feature, error) {
	if r.fatal != nil {
		return nil, r.fatal
	}
	if r.d == nil {
		r.d = xmlscan.New(r.src, xmlscan.Options{MaxText: r.MaxText})
	}
	for {
		r.objText = 0
		t, err := r.tok()
		if err == io.EOF {
			if !r.root {
				return nil, r.setFatal(errors.New("no root element: empty document"))
			}
			return nil, io.EOF
		}
		if err != nil {
			return nil, r.setFatal(err)
		}
		se, ok := t.(xml.StartElement)
		if !ok {
			continue
		}
		if !r.root {
			r.root = true
			if s := attr(se, "srsName"); s != "" {
				r.docSRS = s
			}
			continue
		}
		local := se.Name.Local
		if personalClasses[local] {
			r.stats.Personal++
			if err := r.skip(); err != nil {
				return nil, r.setFatal(err)
			}
			continue
		}
		if isEGiBNamespace(se.Name.Space) {
			if layer, ok := classLayer[local]; ok && !r.scanOnly {
				f, err := r.readObject(se, layer)
				if err != nil {
					var fe *fatalError
					if errors.As(err, &fe) {
						return nil, r.setFatal(fe)
					}
					r.stats.Problems++
					return nil, err
				}
				r.stats.Objects++
				return f, nil
			}
			if local == "EGB_JednostkaRejestrowaGruntow" {
				if err := r.readRegisterUnit(se); err != nil {
					return nil, r.setFatal(err)
				}
				continue
			}
			if local == addressClass {
				if _, err := r.readAddress(se); err != nil {
					return nil, r.setFatal(err)
				}
				continue
			}
			if strings.HasPrefix(local, "EGB_") {
				r.stats.Skipped[local]++
			}
			if err := r.skip(); err != nil {
				return nil, r.setFatal(err)
			}
			continue
		}
		switch local {
		case "featureMember", "featureMembers", "member", "members", "FeatureCollection", "additionalObjects":
			// containers: descend
		case "boundedBy", "Envelope":
			if s := attr(se, "srsName"); s != "" && r.docSRS == "" && r.depth <= 4 {
				r.docSRS = s
			}
		default:
			if err := r.skip(); err != nil {
				return nil, r.setFatal(err)
			}
		}
	}
}

func (r *Reader) setFatal(err error) error {
	var fe *fatalError
	if errors.As(err, &fe) {
		err = fe.err
	}
	line := r.line
	msg := err.Error()
	var se *xml.SyntaxError
	var le *xmlscan.LimitError
	if errors.As(err, &se) {
		line, msg = se.Line, "malformed XML: "+se.Msg
	} else if errors.As(err, &le) {
		line, msg = le.Line, le.Msg
	}
	r.fatal = &Error{File: r.file, Line: line, Msg: msg, Fatal: true, Err: err}
	return r.fatal
}

// objectState accumulates one object while its children are read.
type objectState struct {
	class, gmlID      string
	obj               *store.Object
	line              int
	srs               string
	geomLine          int
	srsLine           int
	geom              orb.Geometry
	geomSeen          bool
	jrg               string
	warnings          []string
	lokalnyIDSeen     bool
	startObjSeen      bool
	startVersionSeen  bool
	klasouzytki       []klasouzytek
	lists             map[string][]string
	addrs             []string // resolved address texts, in reference order
	unresolvedAddrs   []string
	rawStartVersionID string
}

func (r *Reader) readObject(se xml.StartElement, layer string) (*Feature, error) {
	st := &objectState{
		class: se.Name.Local,
		gmlID: gmlID(se),
		line:  r.line,
		srs:   attr(se, "srsName"),
		obj:   &store.Object{Layer: layer, Attrs: map[string]any{}},
	}
	lay, _ := store.LayerByName(store.EGiBLayers, layer)
	for _, c := range lay.Columns {
		st.obj.Attrs[c.Name] = nil
	}
	level := r.depth
	err := r.readObjectBody(st, level)
	if err == nil {
		err = r.finishObject(st)
	}
	if err != nil {
		var fe *fatalError
		if errors.As(err, &fe) {
			return nil, err
		}
		// Object-level problem: consume the rest of the object, then report it.
		if serr := r.skipTo(level); serr != nil {
			return nil, serr
		}
		e := &Error{File: r.file, Line: st.line, Class: st.class, GMLID: truncate(st.gmlID, maxIDLen), ID: truncate(st.obj.ID, maxIDLen), Msg: err.Error(), Err: err}
		var p *problem
		if errors.As(err, &p) && p.line > 0 {
			e.Line = p.line
		}
		return nil, e
	}
	return &Feature{
		Object:   st.obj,
		GMLID:    st.gmlID,
		Class:    st.class,
		File:     r.file,
		Line:     st.line,
		SRSName:  st.srs,
		JRG:      st.jrg,
		Warnings: st.warnings,
		Size:     r.objText,

		UnresolvedAddresses: st.unresolvedAddrs,
	}, nil
}

func (r *Reader) readObjectBody(st *objectState, level int) error {
	for {
		t, err := r.tok()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.EndElement:
			if r.depth < level {
				return nil
			}
		case xml.StartElement:
			if err := r.readChild(st, t); err != nil {
				return err
			}
		}
	}
}

// readChild handles one direct child of an object; it consumes the child entirely.
func (r *Reader) readChild(st *objectState, se xml.StartElement) error {
	name := se.Name.Local
	switch name {
	case "idIIP":
		return r.readIdentifier(st)
	case "startObiekt", "startWersjaObiekt", "koniecWersjaObiekt", "koniecObiekt":
		s, isNil, err := r.readText(se)
		if err != nil {
			return err
		}
		if isNil || s == "" {
			if name == "startObiekt" || name == "startWersjaObiekt" {
				return r.problemf("%s is empty", name)
			}
			return nil
		}
		tm, err := parseTime(s)
		if err != nil {
			return r.problemf("%s: cannot parse date-time %s", name, xmlscan.Quote(s))
		}
		switch name {
		case "startObiekt":
			st.obj.StartObject, st.startObjSeen = tm, true
		case "startWersjaObiekt":
			st.obj.StartVersion, st.startVersionSeen = tm, true
			st.rawStartVersionID = s
		case "koniecWersjaObiekt":
			st.obj.EndVersion = tm
		case "koniecObiekt":
			st.obj.EndObject = tm
		}
		return nil
	case "geometria":
		if st.geomSeen {
			return r.problemf("more than one geometria")
		}
		st.geomSeen = true
		st.geomLine = r.line
		g, srs, err := r.readGeometryProperty(se, firstNonEmpty(st.srs, r.docSRS))
		if err != nil {
			return err
		}
		st.geom = g
		if srs != "" {
			st.srs, st.srsLine = srs, r.lastSRSLine
		} else if st.srs == "" {
			st.srs = r.docSRS
		}
		return nil
	}
	f, ok := classFields[st.class][name]
	if !ok {
		// Not a public attribute: skipped unread.
		return r.skip()
	}
	return r.readField(st, se, f)
}

// readIdentifier reads idIIP (EGB_IdentyfikatorIIP or bt:BT_Identyfikator).
func (r *Reader) readIdentifier(st *objectState) error {
	level := r.depth
	for r.depth >= level {
		t, err := r.tok()
		if err != nil {
			return err
		}
		se, ok := t.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "lokalnyId", "przestrzenNazw", "wersjaId":
			s, _, err := r.readText(se)
			if err != nil {
				return err
			}
			switch se.Name.Local {
			case "lokalnyId":
				st.obj.ID, st.lokalnyIDSeen = s, true
			case "przestrzenNazw":
				st.obj.Namespace = s
			case "wersjaId":
				st.obj.Version = s
			}
		}
	}
	return nil
}

// readText returns the trimmed character data of the element whose start tag was
// just read, skipping any nested elements, and whether it is marked xsi:nil. The
// text read into one object is bounded by MaxText: beyond it the object is a
// problem (and the rest of it is skipped unread).
func (r *Reader) readText(se xml.StartElement) (string, bool, error) {
	isNil := isNilElement(se)
	r.text = r.text[:0]
	level := r.depth
	line := r.line
	for r.depth >= level {
		t, err := r.tok()
		if err != nil {
			return "", false, err
		}
		switch t := t.(type) {
		case xml.CharData:
			if r.depth == level {
				r.text = append(r.text, t...)
				if r.objText+len(r.text) > r.d.MaxText() {
					return "", false, &problem{line: line, msg: "the object holds more than " + xmlscan.Size(r.d.MaxText()) + " of text (the limit for one object)"}
				}
			}
		}
	}
	r.objText += len(r.text)
	return string(bytes.TrimSpace(r.text)), isNil, nil
}

// finishObject validates the identity and lifecycle, derives columns and projects
// the geometry.
func (r *Reader) finishObject(st *objectState) error {
	o := st.obj
	if !st.lokalnyIDSeen || o.ID == "" {
		return &problem{line: st.line, msg: "missing idIIP/lokalnyId"}
	}
	if !st.startObjSeen {
		return &problem{line: st.line, msg: "missing startObiekt"}
	}
	if !st.startVersionSeen {
		return &problem{line: st.line, msg: "missing startWersjaObiekt"}
	}
	if o.Version == "" {
		// wersjaId is optional in the 2021 schema; the version is the start of the version.
		o.Version = st.rawStartVersionID
	}
	key := r.fingerprint(o.ID, o.Version)
	if first, dup := r.seen[key]; dup {
		return &problem{line: st.line, msg: fmt.Sprintf("duplicate object version: lokalnyId %s wersjaId %s already read at line %d", truncate(o.ID, maxIDLen), truncate(o.Version, maxIDLen), first)}
	}
	if err := r.finishAttrs(st); err != nil {
		return err
	}
	if !st.geomSeen || st.geom == nil {
		if st.geomSeen {
			return &problem{line: st.geomLine, msg: "empty geometry"}
		}
		return &problem{line: st.line, msg: "missing geometria"}
	}
	g, err := r.checkAndProject(st)
	if err != nil {
		return err
	}
	o.Geometry = g
	r.seen[key] = st.line
	return nil
}

func (r *Reader) fingerprint(id, version string) [2]uint64 {
	var h maphash.Hash
	h.SetSeed(r.seed)
	h.WriteString(id)
	h.WriteByte(0)
	h.WriteString(version)
	a := h.Sum64()
	h.WriteByte(1)
	return [2]uint64{a, h.Sum64()}
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func gmlID(se xml.StartElement) string {
	for _, a := range se.Attr {
		if a.Name.Local == "id" && (strings.Contains(a.Name.Space, "opengis.net/gml") || a.Name.Space == "gml") {
			return a.Value
		}
	}
	return ""
}

func isNilElement(se xml.StartElement) bool {
	for _, a := range se.Attr {
		if a.Name.Local == "nil" && strings.TrimSpace(a.Value) == "true" {
			return true
		}
	}
	return false
}

func isEGiBNamespace(ns string) bool {
	return ns == NS2021 || ns == NS2015 ||
		strings.HasSuffix(ns, "ewidencjaGruntowIBudynkow:1.0") ||
		strings.HasSuffix(ns, "ewidencjaGruntowBudynkow:1.0")
}

// ScanRegisterGroups reads a whole document and returns the grupaRejestrowa of every
// register unit (EGB_JednostkaRejestrowaGruntow) by lokalnyId and by "#"+gml:id. Its
// result, put into Reader.RegisterGroups before reading the same file, resolves
// parcels that reference a register unit written after them. ScanRefs collects the
// property addresses in the same pass.
func ScanRegisterGroups(rd io.Reader, file string) (map[string]string, error) {
	refs, err := ScanRefs(rd, file)
	if err != nil {
		return nil, err
	}
	return refs.RegisterGroups, nil
}
