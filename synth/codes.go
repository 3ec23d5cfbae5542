package synth

import "strconv"

// Namespace of the county's identifiers: powiat łaski, TERYT 1003.
const (
	przestrzenNazw = "PL.PZGiK.1003.EGiB"
	srsName        = "urn:ogc:def:crs:EPSG::2177"
	hrefPrefix     = "urn:pzgik:id:" + przestrzenNazw + ":"
	// kwCourt is the land-register department code used for the county's
	// księgi wieczyste (Sąd Rejonowy w Łasku).
	kwCourt = "SR1L"
)

// Origin: Łask, 51.59°N 19.13°E, from `echo "51.59 19.13" | cs2cs EPSG:4326 EPSG:2177`
// -> 5717890.38 6578305.95 (northing, easting).
const (
	originN = 5717890.38
	originE = 6578305.95
)

type jednDef struct {
	id, name string
	town     bool
	weight   float64
	villages []string
}

// The jednostki ewidencyjne of powiat łaski (TERYT 1003). Obręb names are
// villages of the gminy or plausible Polish place names.
var gminy = []jednDef{
	{id: "100302_2", name: "Buczek", weight: 1, villages: []string{"Buczek", "Bachorza", "Bilew", "Brodnia Dolna", "Brodnia Górna", "Czestków A", "Czestków B", "Dąbrowa", "Gucin", "Grabowiec", "Herbertów", "Józefatów", "Luciejów", "Malenie", "Petronele", "Sycanów", "Strońsko", "Wola Buczkowska", "Wróblew", "Wymysłów"}},
	{id: "100301_4", name: "Łask", town: true, weight: 0.35, villages: []string{"Łask", "Łask-Kolumna", "Łask-Kolumna Las", "Łask-Anielin", "Łask-Ostrów", "Łask-Wiewiórczyn"}},
	{id: "100303_2", name: "Sędziejowice", weight: 1, villages: []string{"Sędziejowice", "Bocianicha", "Brzeski", "Dobronów", "Grabia", "Grabno", "Kamostek", "Kozuby", "Krzucz", "Marzenin", "Nowa Wieś", "Osiny", "Podule", "Pruszków", "Rososza", "Siedlce", "Wola Wężykowa", "Zagórzyce", "Żagliny"}},
	{id: "100304_2", name: "Widawa", weight: 1.3, villages: []string{"Widawa", "Brzyków", "Chociw", "Chrusty", "Dąbrowa Widawska", "Goryń", "Józefów Widawski", "Klęcz", "Kąty Łubieńskie", "Ligota", "Ochle", "Patoki", "Restarzew Środkowy", "Rogóźno", "Sarnów", "Świerczów", "Wincentów", "Zawady", "Zborów", "Ruszków"}},
	{id: "100305_2", name: "Wodzierady", weight: 0.8, villages: []string{"Wodzierady", "Alfonsów", "Dobruchów", "Kwiatkowice", "Kwiatkowice-Las", "Magdalenów", "Mogilno", "Piorunów", "Przyrownica", "Wandzin", "Włodzimierz", "Wrzesiny", "Zalew", "Kiki", "Leśnica", "Jesionna", "Czarnysz"}},
	{id: "100301_5", name: "Łask - obszar wiejski", weight: 1.1, villages: []string{"Aleksandrówek", "Bałucz", "Borszewice", "Bronisławów", "Budy Stryjewskie", "Gorczyn", "Kopyść", "Łopatki", "Mauryców", "Okup Mały", "Okup Wielki", "Orchów", "Pałki", "Remiszew", "Sięganów", "Stryje", "Teodory", "Wola Łaska", "Wrzeszczewice", "Zielęcice", "Ślądkowice"}},
}

var roman = []string{"", " II", " III", " IV", " V", " VI", " VII", " VIII", " IX", " X"}

// obrebName picks the k-th obręb name of a jednostka; past the list it adds
// colonies and numerals ("Kolonia", "II") like real registers do.
func obrebName(j *jednDef, k int) string {
	n := len(j.villages)
	base := j.villages[k%n]
	round := k / n
	switch {
	case round == 0:
		return base
	case round == 1:
		return base + "-Kolonia"
	case round-1 < len(roman):
		return base + roman[round-1]
	default:
		return base + " " + strconv.Itoa(round)
	}
}

// kwValue maps land-register characters to values for the check digit.
func kwValue(c byte) int {
	if c >= '0' && c <= '9' {
		return int(c - '0')
	}
	const letters = "XABCDEFGHIJKLMNOPRSTUWYZ"
	for i := 0; i < len(letters); i++ {
		if letters[i] == c {
			return 10 + i
		}
	}
	return 0
}

// kwCheck computes the check digit of a księga wieczysta number from its
// court code and 8-digit number: character values weighted 1,3,7,1,3,7,…
// summed modulo 10.
func kwCheck(court, num string) int {
	w := [3]int{1, 3, 7}
	s := 0
	k := 0
	for _, part := range []string{court, num} {
		for i := 0; i < len(part); i++ {
			s += kwValue(part[i]) * w[k%3]
			k++
		}
	}
	return s % 10
}

func kwNumber(n int) string {
	num := strconv.Itoa(n)
	for len(num) < 8 {
		num = "0" + num
	}
	return kwCourt + "/" + num + "/" + strconv.Itoa(kwCheck(kwCourt, num))
}

type landUse struct{ ofu, ozu, ozk string }

var (
	classesR  = []string{"IIIa", "IIIb", "IVa", "IVb", "V", "VI", "VIz"}
	weightsR  = []float64{0.05, 0.12, 0.25, 0.22, 0.22, 0.12, 0.02}
	classesLP = []string{"III", "IV", "V", "VI"}
	weightsLP = []float64{0.1, 0.4, 0.35, 0.15}
)

func (r *rng) classR() string  { return classesR[r.pick(weightsR)] }
func (r *rng) classLP() string { return classesLP[r.pick(weightsLP)] }

// Building kinds: rodzajWgKST of the 2021 schema (letter codes):
// m mieszkalne, g gospodarstw rolnych, i inne niemieszkalne, h handlowo-usługowe,
// p przemysłowe, s magazynowe/silosy, b biurowe, k oświaty/kultury/sportu,
// z szpitali/opieki, t transportu i łączności.
var lotKinds = []string{"h", "p", "s", "b", "k", "z", "t", "i"}
var lotWeights = []float64{0.3, 0.15, 0.15, 0.12, 0.08, 0.05, 0.05, 0.1}
