package egib

import (
	"encoding/json"
	"encoding/xml"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // Europe/Warsaw even on hosts without zoneinfo

	"github.com/sip-core/sip/internal/xmlscan"
)

// classLayer maps a published EGiB class to its store layer.
var classLayer = map[string]string{
	"EGB_JednostkaEwidencyjna":   "jednostki",
	"EGB_ObrebEwidencyjny":       "obreby",
	"EGB_DzialkaEwidencyjna":     "dzialki",
	"EGB_Budynek":                "budynki",
	"EGB_KonturUzytkuGruntowego": "uzytki",
	"EGB_KonturKlasyfikacyjny":   "kontury",
	"EGB_PunktGraniczny":         "punkty",
}

// personalClasses are skipped unread in any namespace: subjects, their addresses
// and the shares that link them to register units. Property addresses
// (EGB_AdresNieruchomosci) are public and read in address.go; the subjects'
// address classes must stay here.
var personalClasses = map[string]bool{
	"EGB_OsobaFizyczna":      true,
	"EGB_Instytucja":         true,
	"EGB_Malzenstwo":         true,
	"EGB_PodmiotGrupowy":     true,
	"EGB_WspolnotaGruntowa":  true,
	"EGB_Podmiot":            true,
	"EGB_AdresPodmiotu":      true,
	"EGB_AdresZameldowania":  true,
	"EGB_AdresStalegoPobytu": true,
	"EGB_UdzialWeWlasnosci":  true,
	"EGB_UdzialWeWladaniu":   true,
	"EGB_InnyPodmiot":        true,
	"EGB_Zarzad":             true,
	"EGB_Wladajacy":          true,
}

type fieldKind int

const (
	kText        fieldKind = iota
	kList                  // 0..n values joined with ';'
	kInt                   // integer
	kAreaHa                // gml:AreaType stored in hectares
	kAreaM2                // gml:AreaType stored in square metres
	kRefList               // xlink:href list stored as lokalnyId joined with ';'
	kKlasouzytek           // inline EGB_Klasouzytek -> JSON
	kJRG                   // register unit reference (grupa_rejestrowa)
	kAddress               // EGB_AdresNieruchomosci reference or inline: the text, joined with "; "
)

type field struct {
	col  string
	kind fieldKind
}

// classFields maps source element names (2021 and 2015 spellings) to columns.
var classFields = map[string]map[string]field{
	"EGB_JednostkaEwidencyjna": {
		"idJednostkiEwid": {"id_jednostki", kText},
		"nazwaWlasna":     {"nazwa", kText},
	},
	"EGB_ObrebEwidencyjny": {
		"idObrebu":    {"id_obrebu", kText},
		"nazwaWlasna": {"nazwa", kText},
	},
	"EGB_DzialkaEwidencyjna": {
		"idDzialki":                           {"id_dzialki", kText},
		"numerKW":                             {"numer_kw", kList},
		"poleEwidencyjne":                     {"pole_ewidencyjne", kAreaHa},
		"powierzchniaEwidencyjna":             {"pole_ewidencyjne", kAreaHa},
		"dokladnoscReprezentacjiPola":         {"dokladnosc_pola", kText},
		"informacjaODokladnReprezentacjiPola": {"dokladnosc_pola", kText},
		"klasouzytek":                         {"klasouzytki", kKlasouzytek},
		"klasouzytekWGranicachDzialki":        {"klasouzytki", kKlasouzytek},
		"JRG2":                                {"grupa_rejestrowa", kJRG},
		"JRG":                                 {"grupa_rejestrowa", kJRG},
		"adresDzialki":                        {"adresy", kAddress},
	},
	"EGB_Budynek": {
		"idBudynku":                    {"id_budynku", kText},
		"rodzajWgKST":                  {"rodzaj_kst", kText},
		"liczbaKondygnacjiNadziemnych": {"kondygnacje_nadziemne", kInt},
		"liczbaKondygnacjiPodziemnych": {"kondygnacje_podziemne", kInt},
		"powZabudowy":                  {"pow_zabudowy", kAreaM2},
		"dzialkaZabudowana":            {"dzialki", kRefList},
		"adresBudynku":                 {"adresy", kAddress},
	},
	"EGB_KonturUzytkuGruntowego": {
		"idUzytku": {"id_uzytku", kText},
		"OFU":      {"ofu", kText},
	},
	"EGB_KonturKlasyfikacyjny": {
		"idKonturu": {"id_konturu", kText},
		"OZU":       {"ozu", kText},
		"OZK":       {"ozk", kText},
	},
	"EGB_PunktGraniczny": {
		"idPunktu":               {"id_punktu", kText},
		"sposobPozyskania":       {"sposob_pozyskania", kText},
		"SPD":                    {"sposob_pozyskania", kText},
		"spelnienieWarunkowDokl": {"spelnienie_warunkow", kText},
		"ISD":                    {"spelnienie_warunkow", kText},
		"rodzajStabilizacji":     {"rodzaj_stabilizacji", kText},
		"STB":                    {"rodzaj_stabilizacji", kText},
	},
}

type klasouzytek struct {
	OFU  string   `json:"ofu"`
	OZU  string   `json:"ozu,omitempty"`
	OZK  string   `json:"ozk,omitempty"`
	Pole *float64 `json:"pole,omitempty"` // hectares
}

func (r *Reader) readField(st *objectState, se xml.StartElement, f field) error {
	name := se.Name.Local
	switch f.kind {
	case kRefList:
		if h := attr(se, "href"); h != "" {
			if st.lists == nil {
				st.lists = map[string][]string{}
			}
			st.lists[f.col] = append(st.lists[f.col], refID(h))
		}
		return r.skip()
	case kJRG:
		h := attr(se, "href")
		if err := r.skip(); err != nil {
			return err
		}
		if h != "" {
			key := refKey(h)
			if g, ok := r.RegisterGroups[key]; ok {
				st.obj.Attrs[f.col] = g
			} else {
				st.jrg = key
			}
		}
		return nil
	case kKlasouzytek:
		return r.readKlasouzytek(st, f)
	case kAddress:
		return r.readAddressRef(st, se)
	}
	uom := attr(se, "uom")
	s, isNil, err := r.readText(se)
	if err != nil {
		return err
	}
	if isNil || s == "" {
		return nil
	}
	switch f.kind {
	case kText:
		st.obj.Attrs[f.col] = s
	case kList:
		if st.lists == nil {
			st.lists = map[string][]string{}
		}
		st.lists[f.col] = append(st.lists[f.col], s)
	case kInt:
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return r.problemf("%s: not an integer: %s", name, xmlscan.Quote(s))
		}
		st.obj.Attrs[f.col] = n
	case kAreaHa, kAreaM2:
		v, err := parseArea(s, uom, f.kind == kAreaHa)
		if err != nil {
			return r.problemf("%s: %v", name, err)
		}
		st.obj.Attrs[f.col] = v
	}
	return nil
}

// readKlasouzytek reads a klasouzytek property: inline EGB_Klasouzytek (2021); a
// bare xlink:href (2015 exports reference separate objects) carries nothing to store.
func (r *Reader) readKlasouzytek(st *objectState, f field) error {
	level := r.depth
	var k klasouzytek
	found := false
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
		case "OFU", "OZU", "OZK", "powierzchnia":
			uom := attr(se, "uom")
			s, isNil, err := r.readText(se)
			if err != nil {
				return err
			}
			if isNil || s == "" {
				continue
			}
			found = true
			switch se.Name.Local {
			case "OFU":
				k.OFU = s
			case "OZU":
				k.OZU = s
			case "OZK":
				k.OZK = s
			case "powierzchnia":
				v, err := parseArea(s, uom, true)
				if err != nil {
					return r.problemf("klasouzytek/powierzchnia: %v", err)
				}
				k.Pole = &v
			}
		}
	}
	if found {
		st.klasouzytki = append(st.klasouzytki, k)
	}
	return nil
}

// finishAttrs joins multi-valued columns and derives identifiers.
func (r *Reader) finishAttrs(st *objectState) error {
	a := st.obj.Attrs
	for col, vs := range st.lists {
		a[col] = strings.Join(vs, ";")
	}
	if len(st.addrs) > 0 {
		a["adresy"] = strings.Join(st.addrs, "; ")
	}
	if len(st.klasouzytki) > 0 {
		b, err := json.Marshal(st.klasouzytki)
		if err != nil {
			return r.problemf("klasouzytek: %v", err)
		}
		a["klasouzytki"] = string(b)
	}
	switch st.class {
	case "EGB_DzialkaEwidencyjna":
		id, _ := a["id_dzialki"].(string)
		if id == "" {
			st.warnings = append(st.warnings, "missing idDzialki")
			break
		}
		p, ok := ParseParcelID(id)
		if !ok {
			st.warnings = append(st.warnings, "idDzialki "+strconv.Quote(id)+" does not match WWPPGG_R.OOOO[.AR_N].NDZ")
			break
		}
		a["numer_dzialki"] = p.Number
		a["id_obrebu"] = p.Obreb
		if p.Sheet != "" {
			a["numer_arkusza"] = p.Sheet
		}
	case "EGB_ObrebEwidencyjny":
		if id, _ := a["id_obrebu"].(string); id != "" {
			if m := obrebRE.FindStringSubmatch(id); m != nil {
				a["id_jednostki"] = m[1]
			} else {
				st.warnings = append(st.warnings, "idObrebu "+strconv.Quote(id)+" does not match WWPPGG_R.OOOO")
			}
		}
	case "EGB_KonturUzytkuGruntowego", "EGB_KonturKlasyfikacyjny":
		col := "id_uzytku"
		if st.class == "EGB_KonturKlasyfikacyjny" {
			col = "id_konturu"
		}
		if id, _ := a[col].(string); id != "" {
			if m := obrebPrefixRE.FindString(id); m != "" {
				a["id_obrebu"] = m
			}
		}
	}
	return nil
}

// ParcelID is an idDzialki split into its parts (docs/domain.md, "Parcel identifiers").
type ParcelID struct {
	Unit   string // WWPPGG_R
	Obreb  string // WWPPGG_R.OOOO
	Sheet  string // AR_N, when parcels are numbered per map sheet
	Number string // NDZ: a number or number/number
}

var (
	parcelRE      = regexp.MustCompile(`^(\d{6}_\d)\.(\d{4})\.(?:(AR_\d+)\.)?(\d+(?:/\d+)?)$`)
	obrebRE       = regexp.MustCompile(`^(\d{6}_\d)\.\d{4}$`)
	obrebPrefixRE = regexp.MustCompile(`^\d{6}_\d\.\d{4}`)
	uuidRE        = regexp.MustCompile(`[0-9A-Za-z]{8}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{12}`)
)

// ParseParcelID splits WWPPGG_R.OOOO[.AR_N].NDZ.
func ParseParcelID(id string) (ParcelID, bool) {
	m := parcelRE.FindStringSubmatch(id)
	if m == nil {
		return ParcelID{}, false
	}
	return ParcelID{Unit: m[1], Obreb: m[1] + "." + m[2], Sheet: m[3], Number: m[4]}, true
}

// refID extracts the referenced object's lokalnyId from an xlink:href such as
// urn:pzgik:id:PL.PZGiK.1385.EGiB:<uuid>[:version] or #<gml:id>; an href without
// a UUID is kept as written.
func refID(h string) string {
	if m := uuidRE.FindString(h); m != "" {
		return m
	}
	return strings.TrimSpace(h)
}

// refKey is the RegisterGroups key of a reference: its lokalnyId, or "#gml:id"
// for a local reference without a UUID.
func refKey(h string) string {
	h = strings.TrimSpace(h)
	if m := uuidRE.FindString(h); m != "" {
		return m
	}
	return h
}

// parseArea parses a gml:AreaType value to hectares (toHa) or square metres.
func parseArea(s, uom string, toHa bool) (float64, error) {
	v, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, &numError{s}
	}
	var m2 float64
	switch strings.ToLower(strings.TrimSpace(uom)) {
	case "":
		return v, nil // the column's unit
	case "ha", "hectare", "hektar":
		m2 = v * 10000
		if toHa {
			return v, nil
		}
	case "m2", "m^2", "m²", "sq m", "sqm", "square metre", "square meter", "urn:ogc:def:uom:epsg::9002":
		m2 = v
		if !toHa {
			return v, nil
		}
	case "a", "ar":
		m2 = v * 100
	default:
		return 0, &uomError{uom}
	}
	if toHa {
		// round to 1 m² = 0.0001 ha precision noise-free
		return math.Round(m2) / 10000, nil
	}
	return m2, nil
}

type numError struct{ s string }

func (e *numError) Error() string { return "not a number: " + xmlscan.Quote(e.s) }

type uomError struct{ uom string }

func (e *uomError) Error() string { return "unknown unit of measure uom=" + xmlscan.Quote(e.uom) }

var warsaw = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Warsaw")
	if err != nil {
		panic(err) // time/tzdata is embedded
	}
	return loc
}()

// parseTime parses an xs:dateTime (or xs:date). Without a zone it is Polish civil
// time (Europe/Warsaw); the result is in UTC.
func parseTime(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t.UTC(), nil
	}
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, s, warsaw); err == nil {
			return t.UTC(), nil
		}
	}
	// xs:date with a zone, e.g. 2011-04-04Z or 2011-04-04+02:00
	if len(s) > 10 {
		if t, err := time.Parse("2006-01-02Z07:00", s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, &numError{s}
}

// readRegisterUnit remembers a register unit's grupaRejestrowa (a public code).
func (r *Reader) readRegisterUnit(se xml.StartElement) error {
	id := gmlID(se)
	var lokalny, grupa string
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
		switch c.Name.Local {
		case "lokalnyId", "grupaRejestrowa":
			s, _, err := r.readText(c)
			if err != nil {
				return err
			}
			if c.Name.Local == "lokalnyId" {
				lokalny = s
			} else {
				grupa = s
			}
		case "idIIP", "BT_Identyfikator", "EGB_IdentyfikatorIIP":
			// descend
		default:
			if err := r.skip(); err != nil {
				return err
			}
		}
	}
	if grupa != "" {
		if lokalny != "" {
			r.RegisterGroups[lokalny] = grupa
		}
		if id != "" {
			r.RegisterGroups["#"+id] = grupa
		}
	}
	return nil
}
