package egib

import (
	"encoding/xml"
	"io"
	"slices"
	"strings"
	"time"
	"unicode"
)

// Property addresses (EGB_AdresNieruchomosci) are public: the national geoportal
// shows them on every parcel. They are not stored as objects of their own; a
// parcel's adresDzialki and a building's adresBudynku references are resolved to
// the address text and stored in the `adresy` column of dzialki and budynki
// ("Łask, ul. Kościuszki 12", several joined by "; ").
//
// Subjects' addresses (EGB_AdresPodmiotu and the 2015 EGB_AdresZameldowania,
// EGB_AdresStalegoPobytu) are personal data: they stay in personalClasses, are
// skipped unread wherever they occur, and a reference to one resolves to nothing.
//
// A reference may point to an address written before or after the object, or in
// another file. Addresses met while reading resolve the references that follow
// them; ScanRefs collects every address of a file ahead, and its result, put in
// Reader.KnownAddresses, resolves the rest.

// addressClass is the one address class whose content is read.
const addressClass = "EGB_AdresNieruchomosci"

// addrVersion is one address version met by a Reader.
type addrVersion struct {
	text    string
	start   time.Time // startWersjaObiekt (zero if unreadable)
	current bool      // no koniecWersjaObiekt / koniecObiekt
}

// newer reports whether a replaces b as the text of their object: the current
// version wins over archived ones, then the latest start.
func (a addrVersion) newer(b addrVersion) bool {
	if a.current != b.current {
		return a.current
	}
	return !a.start.Before(b.start)
}

// readAddress reads an EGB_AdresNieruchomosci element (a feature member or inline
// in adresDzialki/adresBudynku) whose start tag was the last token read, remembers
// its text by lokalnyId (and by "#"+gml:id when the gml:id holds no UUID) and
// returns the text. Only the public address elements are read; anything else is
// skipped unread. A malformed address is not an error: it stores nothing, so it
// only leaves the references to it unresolved.
func (r *Reader) readAddress(se xml.StartElement) (string, error) {
	id := gmlID(se)
	var a addressParts
	var lokalny string
	v := addrVersion{current: true}
	level := r.depth
	for r.depth >= level {
		t, err := r.tok()
		if err != nil {
			return "", err
		}
		c, ok := t.(xml.StartElement)
		if !ok {
			continue
		}
		name := c.Name.Local
		switch name {
		case "idIIP", "BT_Identyfikator", "EGB_IdentyfikatorIIP":
			continue // descend to lokalnyId
		case "lokalnyId", "startWersjaObiekt", "koniecWersjaObiekt", "koniecObiekt",
			"nazwaMiejscowosci", "miejscowosc", "nazwaUlicy", "ulica", "numerPorzadkowy", "numerLokalu", "nrLokalu":
		default:
			if err := r.skip(); err != nil {
				return "", err
			}
			continue
		}
		s, isNil, err := r.readText(c)
		if err != nil {
			return "", err
		}
		if isNil || s == "" {
			continue
		}
		switch name {
		case "lokalnyId":
			lokalny = s
		case "startWersjaObiekt":
			v.start, _ = parseTime(s)
		case "koniecWersjaObiekt", "koniecObiekt":
			v.current = false
		case "nazwaMiejscowosci", "miejscowosc":
			a.place = s
		case "nazwaUlicy", "ulica":
			a.street = s
		case "numerPorzadkowy":
			a.number = s
		case "numerLokalu", "nrLokalu":
			a.unit = s
		}
	}
	v.text = a.format()
	if v.text == "" {
		return "", nil
	}
	r.stats.Addresses++
	if r.addrs == nil {
		r.addrs = map[string]addrVersion{}
	}
	put := func(key string) {
		if old, ok := r.addrs[key]; !ok || v.newer(old) {
			r.addrs[key] = v
		}
	}
	if lokalny != "" {
		put(lokalny)
	}
	if id != "" && uuidRE.FindString(id) == "" {
		put("#" + id)
	}
	return v.text, nil
}

// address resolves a reference (xlink:href) to an address's text: the result of
// the scan ahead first (it saw every version), then the addresses met so far.
func (r *Reader) address(href string) (string, bool) {
	key := refKey(href)
	if key == "" {
		return "", false
	}
	if s, ok := r.KnownAddresses[key]; ok {
		return s, true
	}
	if v, ok := r.addrs[key]; ok {
		return v.text, true
	}
	return "", false
}

// readAddressRef reads adresDzialki / adresBudynku: an xlink:href, or an inline
// EGB_AdresNieruchomosci. Any other inline content (a subject's address put there
// by mistake, say) is skipped unread.
func (r *Reader) readAddressRef(st *objectState, se xml.StartElement) error {
	add := func(text string) {
		if text != "" && !slices.Contains(st.addrs, text) {
			st.addrs = append(st.addrs, text)
		}
	}
	if h := attr(se, "href"); h != "" {
		if err := r.skip(); err != nil {
			return err
		}
		if text, ok := r.address(h); ok {
			add(text)
		} else {
			st.unresolvedAddrs = append(st.unresolvedAddrs, refKey(h))
		}
		return nil
	}
	level := r.depth
	for r.depth >= level {
		t, err := r.tok()
		if err != nil {
			return err
		}
		c, ok := t.(xml.StartElement)
		if !ok {
			continue
		}
		if c.Name.Local == addressClass && isEGiBNamespace(c.Name.Space) {
			text, err := r.readAddress(c)
			if err != nil {
				return err
			}
			add(text)
			continue
		}
		if err := r.skip(); err != nil {
			return err
		}
	}
	return nil
}

// addressParts are the public elements of an EGB_AdresNieruchomosci.
type addressParts struct {
	place, street, number, unit string
}

// format writes an address the Polish way: "Łask, ul. Kościuszki 12",
// "Łask, al. Jana Pawła II 3/5", or for a place without streets "Kolumna 12".
// A street name without its kind (TERYT cecha) is a street ("ul."); the long forms
// ulica/aleja/plac/osiedle are abbreviated.
func (a addressParts) format() string {
	place, street := clean(a.place), streetName(clean(a.street))
	num := clean(a.number)
	if unit := clean(a.unit); num != "" && unit != "" {
		num += "/" + unit
	}
	var b strings.Builder
	switch {
	case street != "":
		if place != "" {
			b.WriteString(place)
			b.WriteString(", ")
		}
		b.WriteString(street)
	case place != "":
		b.WriteString(place)
	default:
		return ""
	}
	if num != "" {
		b.WriteByte(' ')
		b.WriteString(num)
	}
	return b.String()
}

// FormatAddress formats the parts of a property address as the adresy columns
// store it (see addressParts.format).
func FormatAddress(place, street, number, unit string) string {
	return addressParts{place, street, number, unit}.format()
}

// clean collapses white space and replaces ';', the separator of several
// addresses in one column.
func clean(s string) string {
	s = strings.ReplaceAll(s, ";", ",")
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// streetKinds maps the first word of a street name (lower case) to the
// abbreviation it is written with; a name starting with none of them is a
// street. Kinds written in full in addresses (rondo, skwer, park, rynek, …) are
// kept as they are.
var streetKinds = map[string]string{
	"ul.": "ul.", "ul": "ul.", "ulica": "ul.",
	"al.": "al.", "al": "al.", "aleja": "al.", "aleje": "al.",
	"pl.": "pl.", "pl": "pl.", "plac": "pl.",
	"os.": "os.", "os": "os.", "osiedle": "os.",
	"bulw.": "bulw.", "bulwar": "bulw.", "wyb.": "wyb.", "wybrzeże": "wyb.",
	"rondo": "", "skwer": "", "park": "", "ogród": "", "rynek": "", "droga": "",
	"szosa": "", "trakt": "", "zaułek": "", "pasaż": "", "wyspa": "", "ogrody": "",
}

func streetName(s string) string {
	if s == "" {
		return ""
	}
	first, rest, _ := strings.Cut(s, " ")
	abbr, ok := streetKinds[strings.ToLower(first)]
	switch {
	case !ok:
		return "ul. " + s
	case abbr == "":
		return s // a kind written in full: "Rynek", "Rondo Solidarności"
	case rest == "":
		return s // only the kind: nothing to abbreviate
	}
	return abbr + " " + rest
}

// Refs are the values other objects point to, collected by ScanRefs.
type Refs struct {
	// RegisterGroups maps a register unit's lokalnyId and "#"+gml:id to its
	// grupaRejestrowa (see Reader.RegisterGroups).
	RegisterGroups map[string]string
	// Addresses maps an EGB_AdresNieruchomosci's lokalnyId to its text (the
	// current version's, or the latest archived one's), and "#"+gml:id for a
	// gml:id without a UUID — such keys only mean something inside the file.
	Addresses map[string]string
}

// ScanRefs reads a whole document and collects what parcels and buildings refer
// to: register units' groups and property addresses. Put into a Reader of the same
// file (RegisterGroups, KnownAddresses) before it reads, they resolve references
// to objects written after the referring one, or in another file. Memory grows
// with the number of register units and addresses only; published objects and
// personal data are skipped unread.
func ScanRefs(rd io.Reader, file string) (*Refs, error) {
	return NewReader(rd, file).ScanRefs()
}

// ScanRefs reads the whole document in the way of the function ScanRefs, with
// the Reader's settings (MaxText); call it instead of Next.
func (r *Reader) ScanRefs() (*Refs, error) {
	r.scanOnly = true
	for {
		_, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil && IsFatal(err) {
			return nil, err
		}
	}
	refs := &Refs{RegisterGroups: r.RegisterGroups, Addresses: make(map[string]string, len(r.addrs))}
	for k, v := range r.addrs {
		refs.Addresses[k] = v.text
	}
	return refs, nil
}
