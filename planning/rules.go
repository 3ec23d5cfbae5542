package planning

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/sip-core/sip/ingest/app"
)

// The attribute rules of the national APP 2.0 validation (plan ogólny): required
// attributes, numeric ranges and precisions, the functional profiles of each
// zone type, identifiers and dates. docs/app-validation.md lists each rule with
// its source, its check here and its test.

// Codes of the attribute rules (besides CodeRange and app.CodeMissing).
const (
	CodePrecision  = "PRECYZJA"                  // a number given to more decimal places than allowed
	CodeProfile    = "PROFIL_NIEZGODNY"          // profilPodstawowy/profilDodatkowy not those of the zone type
	CodeDates      = "DATY_NIESPOJNE"            // lifecycle dates out of order or missing
	CodeIdentifier = "IDENTYFIKATOR_NIEPOPRAWNY" // lokalnyId, przestrzenNazw or wersjaId not in the regulation's form
	CodeNamespace  = "PRZESTRZEN_NAZW"           // more than one przestrzenNazw in a set
	CodePlanType   = "TYP_PLANU"                 // a plan ogólny set whose plan is not typPlanu planOgolnyGminy
)

// numberRule is the rule of one numeric attribute of StrefaPlanistyczna.
type numberRule struct {
	col, name string  // store column, APP attribute
	min, max  float64 // allowed range, inclusive
	decimals  int     // most decimal places
	// requiredFor lists the zone symbols that must give the attribute; when
	// empty, every symbol but those in notRequiredFor must.
	requiredFor, notRequiredFor string
}

// buildingZones are the zone types whose regulation sets the building parameters.
const buildingZones = "SW SJ SZ SU SH SP SR"

// ZoneNumbers are the numeric attributes of StrefaPlanistyczna: "to one decimal
// place" (the schema's documentation of each), the ranges and the symbols that
// must give them (the national QGIS APP tool's checks).
var ZoneNumbers = []numberRule{
	{"maks_intensywnosc", "maksNadziemnaIntensywnoscZabudowy", 0, 350, 1, buildingZones, ""},
	{"maks_udzial_zabudowy", "maksUdzialPowierzchniZabudowy", 0, 100, 1, buildingZones, ""},
	{"maks_wysokosc", "maksWysokoscZabudowy", 0, 999.9, 1, buildingZones, ""},
	{"min_udzial_pbc", "minUdzialPowierzchniBiologicznieCzynnej", 0, 150, 1, "", "SG SO SK"},
}

// ProfilPodstawowy is the basic functional profile every zone of a type has (the
// plan ogólny regulation), as KPT land-use class codes.
var ProfilPodstawowy = map[string]string{
	"SW": "MW U K ZP ZD I",
	"SJ": "MN U K ZP ZD I",
	"SZ": "RZM RZP RA K ZP ZD I",
	"SU": "U K ZP ZD I",
	"SH": "H K ZP ZD I",
	"SP": "P K ZP ZD I",
	"SR": "RZP RZW RA K ZD I",
	"SI": "I K ZD",
	"SN": "ZP ZB W K ZD I",
	"SC": "C K ZP ZD I",
	"SG": "G K ZD I",
	"SO": "RN L ZN W K ZD I",
	"SK": "KDA KDS KDR KDG KK KKL KW KL KO ZD I",
}

// ProfilDodatkowy lists the classes a zone of each type may add to its profile.
var ProfilDodatkowy = map[string]string{
	"SW": "MN H ZN L W",
	"SJ": "ML ZN L W",
	"SZ": "RZW RN PEB U ZN L W",
	"SU": "PS PEF ZN L W",
	"SH": "U PS PEF ZN L W",
	"SP": "U ZN L W",
	"SR": "RN PEB PEF PEW PEO ZP ZN L W",
	"SI": "U P ZP ZN L W",
	"SN": "US UK UHD UG UT UN UE UZ ZN L",
	"SC": "UR UHD ZN L W",
	"SG": "P UH UL UG UA UN ZP ZN L W",
	"SO": "PEW PEF PEG PEO PEB ZP",
	"SK": "KDZ UHD UG UT ZP L ZN W",
}

// Identifier forms of a plan ogólny set (przestrzenNazw PL.ZIPPZP.N/TERYT-POG).
var (
	reNamespace = regexp.MustCompile(`^PL\.ZIPPZP\.[0-9]+/[0-9]{6,7}-(POG|MPZP|PZPW|SUIKZP)$`)
	reVersionID = regexp.MustCompile(`^[0-9]{8}T[0-9]{6}$`)
	reLocalID   = map[string]*regexp.Regexp{
		"AktPlanowaniaPrzestrzennego":                         regexp.MustCompile(`^[0-9]+POG$`),
		"StrefaPlanistyczna":                                  regexp.MustCompile(`^[0-9]+POG-[0-9]+S[CGHIJKNOPRUWZ]$`),
		"ObszarUzupelnieniaZabudowy":                          regexp.MustCompile(`^[0-9]+POG-[0-9]+OUZ$`),
		"ObszarZabudowySrodmiejskiej":                         regexp.MustCompile(`^[0-9]+POG-[0-9]+OZS$`),
		"ObszarStandardowDostepnosciInfrastrukturySpolecznej": regexp.MustCompile(`^[0-9]+POG-[0-9]+OSD$`),
	}
	// classSymbol is the fixed symbol of the plan ogólny areas other than zones.
	classSymbol = map[string]string{
		"ObszarUzupelnieniaZabudowy":                          "OUZ",
		"ObszarZabudowySrodmiejskiej":                         "OZS",
		"ObszarStandardowDostepnosciInfrastrukturySpolecznej": "OSD",
	}
)

// required lists the attributes each APP 2.0 class must give (store column, APP
// name), beyond those the reader checks (idIIP, poczatekWersjiObiektu, tytul,
// geometry, oznaczenie and symbol of a zone).
var required = map[string][][2]string{
	"AktPlanowaniaPrzestrzennego":                         {{"typ_planu", "typPlanu"}, {"poziom_hierarchii", "poziomHierarchii"}, {"status", "status"}, {"obowiazuje_od", "obowiazujeOd"}},
	"StrefaPlanistyczna":                                  {{"nazwa", "nazwa"}, {"profil_podstawowy", "profilPodstawowy"}, {"status", "status"}, {"obowiazuje_od", "obowiazujeOd"}, {"charakter_ustalenia", "charakterUstalenia"}},
	"ObszarUzupelnieniaZabudowy":                          {{"symbol", "symbol"}, {"oznaczenie", "oznaczenie"}, {"status", "status"}, {"obowiazuje_od", "obowiazujeOd"}, {"charakter_ustalenia", "charakterUstalenia"}},
	"ObszarZabudowySrodmiejskiej":                         {{"symbol", "symbol"}, {"oznaczenie", "oznaczenie"}, {"status", "status"}, {"obowiazuje_od", "obowiazujeOd"}, {"charakter_ustalenia", "charakterUstalenia"}},
	"ObszarStandardowDostepnosciInfrastrukturySpolecznej": {{"symbol", "symbol"}, {"oznaczenie", "oznaczenie"}, {"status", "status"}, {"obowiazuje_od", "obowiazujeOd"}, {"charakter_ustalenia", "charakterUstalenia"}},
}

// isAPP2 reports whether an item is an APP 2.0 (plan ogólny) object, the scope
// of these rules: APP 1.0 acts and municipal layers follow older conventions.
func isAPP2(it *Item) bool {
	if it.Layer == "plany" {
		return it.Object.Attrs["wersja_app"] == "2.0"
	}
	_, ok := required[it.Class]
	return ok && it.Layer == "strefy"
}

// nationalRules checks the attribute rules of every APP 2.0 object of the set.
func (v *validator) nationalRules(s *Set) {
	first := "" // the set's przestrzenNazw: the first one given
	for _, it := range append(append([]*Item{}, s.Plans...), s.Zones...) {
		if !isAPP2(it) {
			continue
		}
		v.requiredAttrs(it)
		v.identifiers(it)
		v.dates(it)
		if it.Class == "StrefaPlanistyczna" {
			v.zoneNumbers(it)
			v.profiles(it)
		}
		if sym, ok := classSymbol[it.Class]; ok {
			if got, _ := it.Object.Attrs["symbol"].(string); got != "" && got != sym {
				v.add(v.finding(it, Error, CodeSymbolMatch, fmt.Sprintf("the symbol of %s is %s, not %q", it.Class, sym, got)))
			}
		}
		if it.Layer == "plany" && strings.HasSuffix(it.Object.Namespace, "-POG") {
			if t, _ := it.Object.Attrs["typ_planu"].(string); t != "" && t != "planOgolnyGminy" {
				v.add(v.finding(it, Error, CodePlanType, fmt.Sprintf("typPlanu %q: a plan ogólny set (przestrzenNazw …-POG) holds a planOgolnyGminy", t)))
			}
		}
		switch ns := it.Object.Namespace; {
		case ns == "":
		case first == "":
			first = ns
		case ns != first:
			v.add(v.finding(it, Error, CodeNamespace, fmt.Sprintf("przestrzenNazw %q: a set of APP data has one namespace, and it is %q", ns, first)))
		}
	}
}

func (v *validator) requiredAttrs(it *Item) {
	for _, r := range required[it.Class] {
		if x, ok := it.Object.Attrs[r[0]]; !ok || x == "" {
			v.add(v.finding(it, Error, app.CodeMissing, fmt.Sprintf("%s %s without %s", it.Class, it.Object.ID, r[1])))
		}
	}
	if it.Object.Namespace == "" {
		v.add(v.finding(it, Error, app.CodeMissing, fmt.Sprintf("%s %s without idIIP/przestrzenNazw", it.Class, it.Object.ID)))
	}
}

func (v *validator) identifiers(it *Item) {
	o := it.Object
	if o.Namespace != "" && !reNamespace.MatchString(o.Namespace) {
		v.add(v.finding(it, Error, CodeIdentifier, fmt.Sprintf("przestrzenNazw %q is not of the form PL.ZIPPZP.<number>/<TERYT>-POG", o.Namespace)))
	}
	if o.Version != "" && !reVersionID.MatchString(o.Version) {
		v.add(v.finding(it, Error, CodeIdentifier, fmt.Sprintf("wersjaId %q is not of the form YYYYMMDDThhmmss", o.Version)))
	}
	if re := reLocalID[it.Class]; re != nil && o.ID != "" && strings.HasSuffix(o.Namespace, "-POG") && !re.MatchString(o.ID) {
		v.add(v.finding(it, Error, CodeIdentifier, fmt.Sprintf("lokalnyId %q of %s does not match %s", o.ID, it.Class, re)))
	}
}

func (v *validator) dates(it *Item) {
	o := it.Object
	from, _ := o.Attrs["obowiazuje_od"].(time.Time)
	to, _ := o.Attrs["obowiazuje_do"].(time.Time)
	if !from.IsZero() && !to.IsZero() && !from.Before(to) {
		v.add(v.finding(it, Error, CodeDates, fmt.Sprintf("obowiazujeOd %s is not before obowiazujeDo %s", from.Format("2006-01-02"), to.Format("2006-01-02"))))
	}
	if !o.EndVersion.IsZero() && !o.StartVersion.IsZero() && !o.EndVersion.After(o.StartVersion) {
		v.add(v.finding(it, Error, CodeDates, fmt.Sprintf("koniecWersjiObiektu %s is not after poczatekWersjiObiektu %s", o.EndVersion.Format(time.RFC3339), o.StartVersion.Format(time.RFC3339))))
	}
	if to.IsZero() {
		if !o.EndVersion.IsZero() {
			v.add(v.finding(it, Error, CodeDates, "koniecWersjiObiektu is given, so obowiazujeDo must be too"))
		} else if o.Attrs["status"] == "obsolete" {
			v.add(v.finding(it, Error, CodeDates, "status nieaktualny (obsolete) needs obowiazujeDo"))
		}
	}
}

// decimals is the number of decimal places of x as written (trailing zeros do not
// count: 15.50 is 15.5).
func decimals(x float64) int {
	s := strconv.FormatFloat(x, 'f', -1, 64)
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return len(s) - i - 1
	}
	return 0
}

func hasWord(list, w string) bool {
	for _, f := range strings.Fields(list) {
		if f == w {
			return true
		}
	}
	return false
}

func (v *validator) zoneNumbers(z *Item) {
	sym, _ := z.Object.Attrs["symbol"].(string)
	for _, r := range ZoneNumbers {
		x, ok := z.Object.Attrs[r.col].(float64)
		if !ok {
			need := hasWord(r.requiredFor, sym) || (r.requiredFor == "" && sym != "" && !hasWord(r.notRequiredFor, sym))
			if need {
				v.add(v.finding(z, Error, app.CodeMissing, fmt.Sprintf("a %s zone must give %s", sym, r.name)))
			}
			continue
		}
		if d := decimals(x); d > r.decimals {
			v.add(v.finding(z, Error, CodePrecision, fmt.Sprintf("%s = %s: give it to %d decimal place(s)", r.name, strconv.FormatFloat(x, 'f', -1, 64), r.decimals)))
		}
	}
}

func (v *validator) profiles(z *Item) {
	sym, _ := z.Object.Attrs["symbol"].(string)
	want, ok := ProfilPodstawowy[sym]
	if !ok {
		return // an unknown symbol is reported as such
	}
	got := kptCodes(z.Object.Attrs["profil_podstawowy"])
	if len(got) > 0 && strings.Join(sortedFields(want), " ") != strings.Join(sortedUnique(got), " ") {
		v.add(v.finding(z, Error, CodeProfile, fmt.Sprintf("profilPodstawowy of a %s zone is %s, not %s", sym, want, strings.Join(got, " "))))
	}
	for _, c := range kptCodes(z.Object.Attrs["profil_dodatkowy"]) {
		if !hasWord(ProfilDodatkowy[sym], c) {
			v.add(v.finding(z, Error, CodeProfile, fmt.Sprintf("profilDodatkowy %s is not allowed in a %s zone (allowed: %s)", c, sym, ProfilDodatkowy[sym])))
		}
	}
}

// kptCodes reads a profile column ("KPT-MPZP-MN;KPT-MPZP-U") as class codes.
func kptCodes(v any) []string {
	s, _ := v.(string)
	var out []string
	for _, c := range strings.Split(s, ";") {
		if c = strings.TrimSpace(c); c != "" {
			out = append(out, strings.TrimPrefix(strings.TrimPrefix(c, "KPT-MPZP-"), "KPT-"))
		}
	}
	return out
}

func sortedFields(s string) []string {
	f := strings.Fields(s)
	sort.Strings(f)
	return f
}

func sortedUnique(in []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range in {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}
