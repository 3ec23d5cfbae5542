package parcels

import (
	"fmt"
	"strings"
)

// Identifier syntax (docs/domain.md, "Parcel identifiers"): WWPPGG_R.OOOO[.AR_N].NDZ, NDZ a number or
// number/number. Validation here is for requests: a malformed id gets a clear
// message, never a search.

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// checkJednostkaID validates WWPPGG_R.
func checkJednostkaID(s string) error {
	if len(s) != 8 || !isDigits(s[:6]) || s[6] != '_' || !strings.ContainsRune("1234589", rune(s[7])) {
		return fmt.Errorf("malformed id of a jednostka ewidencyjna %q: expected WWPPGG_R (TERYT, e.g. 141201_1)", s)
	}
	return nil
}

// checkObrebID validates WWPPGG_R.OOOO.
func checkObrebID(s string) error {
	j, o, ok := strings.Cut(s, ".")
	if !ok || checkJednostkaID(j) != nil || len(o) != 4 || !isDigits(o) {
		return fmt.Errorf("malformed id of an obręb %q: expected WWPPGG_R.OOOO (e.g. 141201_1.0001)", s)
	}
	return nil
}

// checkNumber validates a parcel number NDZ: digits, or digits/digits.
func checkNumber(s string) bool {
	a, b, slash := strings.Cut(s, "/")
	return isDigits(a) && (!slash || isDigits(b))
}

// splitParcelID splits a parcel id into its obręb id and the rest, validating it.
func splitParcelID(s string) (obreb, tail string) {
	parts := strings.SplitN(s, ".", 3)
	if len(parts) != 3 {
		return "", ""
	}
	return parts[0] + "." + parts[1], parts[2]
}

// checkParcelID validates a full parcel id.
func checkParcelID(s string) error {
	bad := func() error {
		return fmt.Errorf("malformed parcel id %q: expected WWPPGG_R.OOOO.NDZ or WWPPGG_R.OOOO.AR_N.NDZ (e.g. 141201_1.0001.6509/2)", s)
	}
	obr, tail := splitParcelID(s)
	if obr == "" || checkObrebID(obr) != nil {
		return bad()
	}
	if sheet, num, ok := strings.Cut(tail, "."); ok {
		if !strings.HasPrefix(sheet, "AR_") || !isDigits(sheet[3:]) || !checkNumber(num) {
			return bad()
		}
		return nil
	}
	if !checkNumber(tail) {
		return bad()
	}
	return nil
}

// voivodeships are the 16 voivodeships by TERYT code (GUS TERC register).
var voivodeships = map[string]string{
	"02": "dolnośląskie", "04": "kujawsko-pomorskie", "06": "lubelskie", "08": "lubuskie",
	"10": "łódzkie", "12": "małopolskie", "14": "mazowieckie", "16": "opolskie",
	"18": "podkarpackie", "20": "podlaskie", "22": "pomorskie", "24": "śląskie",
	"26": "świętokrzyskie", "28": "warmińsko-mazurskie", "30": "wielkopolskie", "32": "zachodniopomorskie",
}

func checkCountyID(s string) error {
	if len(s) != 4 || !isDigits(s) {
		return fmt.Errorf("malformed county id %q: expected the 4-digit TERYT code WWPP (e.g. 1412)", s)
	}
	if _, ok := voivodeships[s[:2]]; !ok {
		return fmt.Errorf("malformed county id %q: %s is not a voivodeship code", s, s[:2])
	}
	return nil
}

func checkVoivodeshipID(s string) error {
	if _, ok := voivodeships[s]; !ok {
		return fmt.Errorf("malformed voivodeship id %q: expected a 2-digit TERYT code (02, 04, … 32)", s)
	}
	return nil
}
