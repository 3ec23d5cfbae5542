package synth

import (
	"strconv"
)

// Property addresses (EGB_AdresNieruchomosci) of built-up parcels. The town
// (every obręb of a town jednostka is one miejscowość, "Łask") and the seat
// village of each rural gmina have streets: one street runs between two bands of
// plots, odd numbers on one side, even on the other. Other villages number their
// houses without streets ("Bachorza 12"). A few corner plots get a second
// address on another street, a few numbers a letter ("12A"), and some streets
// were renamed in the 2017 decommunisation: their addresses carry an archived
// version with the old name. Addresses are written before the parcels of their
// obręb; parcels and their main buildings refer to them by xlink.

// streetNames are plausible Polish street names; the writer adds "ul." (most are
// written without their kind, as many exports do) or keeps "al."/"pl." given here.
var streetNames = []string{
	"Kościuszki", "Mickiewicza", "Słowackiego", "Sienkiewicza", "Piłsudskiego", "1 Maja", "3 Maja",
	"Polna", "Leśna", "Ogrodowa", "Kwiatowa", "Szkolna", "Kościelna", "Łąkowa", "Długa", "Krótka",
	"Spacerowa", "Słoneczna", "Lipowa", "Klonowa", "Brzozowa", "Akacjowa", "Wiejska", "Warszawska",
	"Łódzka", "Zamkowa", "Narutowicza", "Żeromskiego", "Konopnickiej", "Reymonta", "al. Jana Pawła II",
	"Armii Krajowej", "Wojska Polskiego", "Partyzantów", "Targowa", "pl. Szkolny", "Traugutta",
	"Kilińskiego", "Głowackiego", "Chopina", "Moniuszki", "Prusa", "Orzeszkowej", "Staszica",
	"Kopernika", "Batorego", "Sobieskiego", "Chrobrego", "Mieszka I", "Kolejowa", "Dworcowa",
	"Przemysłowa", "Fabryczna", "Cmentarna", "Południowa", "Północna", "Wschodnia", "Zachodnia",
	"Nadrzeczna", "Graniczna", "Sportowa", "Kasztanowa", "Jaśminowa", "Różana", "Tulipanowa",
	"Wrzosowa", "Sosnowa", "Dębowa", "Jesionowa", "Wierzbowa", "Topolowa", "Jarzębinowa", "Modrzewiowa",
	"Świerkowa", "Cisowa", "Bukowa", "Grabowa", "Wiśniowa", "Czereśniowa", "Jabłoniowa", "Malinowa",
	"Poziomkowa", "Konwaliowa", "Fiołkowa", "Storczykowa", "Makowa", "Żytnia", "Pszenna", "Miodowa",
	"Sieradzka", "Zduńska", "Pabianicka", "Kaliska", "Wieluńska", "Piotrkowska", "Szadkowska",
	"Widawska", "Buczkowska", "Sędziejowicka", "Wodzieradzka", "Kolumny", "Nowa", "Stara", "Zielona",
	"Cicha", "Wąska", "Szeroka", "Boczna", "Środkowa", "Rzeczna", "Stawowa", "Młyńska", "Parkowa",
	"Ogrodników", "Rzemieślnicza", "Spółdzielcza", "Strażacka", "Harcerska", "Pocztowa", "Lotnicza",
	"Kombatantów", "Sybiraków", "Legionów", "Powstańców Wielkopolskich", "Grunwaldzka", "Westerplatte",
	"Okrzei", "Kasprowicza", "Tuwima", "Broniewskiego", "Norwida", "Fredry", "Krasickiego", "Kochanowskiego",
	"Reja", "Skłodowskiej-Curie", "Paderewskiego", "Kasztelańska", "Rycerska", "Królewska",
}

// oldStreetNames are names removed by the 2017 decommunisation act.
var oldStreetNames = []string{
	"Świerczewskiego", "Marchlewskiego", "Armii Ludowej", "Gwardii Ludowej", "Nowotki", "22 Lipca",
	"Dzierżyńskiego", "PKWN", "Hanki Sawickiej", "Manifestu Lipcowego", "Buczka", "Bieruta",
}

// streetPool hands out distinct street names within one miejscowość.
type streetPool struct {
	next int
}

func (p *streetPool) take() string {
	n := len(streetNames)
	name := streetNames[p.next%n]
	switch round := p.next / n; {
	case round == 1:
		name = "os. " + name
	case round > 1:
		name = name + " " + strconv.Itoa(round)
	}
	p.next++
	return name
}

// street is one street of a miejscowość while its addresses are numbered.
type street struct {
	name    string
	id      string // ULIC-like street name code (synthetic)
	odd     int    // last odd number given (sides: odd / even)
	even    int
	old     string // name before the renaming, if renamed
	renamed stamp
}

func (s *street) number(r *rng, odd bool) string {
	p := &s.even
	if odd {
		p = &s.odd
	}
	if *p > 0 && r.chance(0.04) {
		return strconv.Itoa(*p) + "A" // a plot divided after the numbering
	}
	step := 2
	if r.chance(0.1) {
		step = 4 // a number kept for an empty plot
	}
	if *p == 0 {
		*p = 2
		if odd {
			*p = 1
		}
	} else {
		*p += step
	}
	return strconv.Itoa(*p)
}

// address is one EGB_AdresNieruchomosci to write.
type address struct {
	uuid           string
	place, placeID string
	street         *street // nil: a miejscowość without streets
	number         string
	start          stamp
	at             pt
}

// jednAddr is the address state of one jednostka, carried from obręb to obręb
// (the town's streets span its obręby).
type jednAddr struct {
	town streetPool
}

// simc is a synthetic 7-digit SIMC-like code of a miejscowość (not a real one).
func simc(seed uint64, place string) string { return code(seed, 0x5133c, place, 10000000, 7) }

// ulic is a synthetic 5-digit ULIC-like code of a street name.
func ulic(seed uint64, name string) string { return code(seed, 0x0171c, name, 100000, 5) }

func code(seed, salt uint64, s string, mod uint64, width int) string {
	h := seed ^ salt
	for i := 0; i < len(s); i++ {
		h = splitmix(h ^ uint64(s[i]))
	}
	v := strconv.FormatUint(h%mod, 10)
	for len(v) < width {
		v = "0" + v
	}
	return v
}

// placeAddresses decides the addresses of the obręb's built-up parcels:
// perParcel[k] lists indexes into the returned addresses.
func (c *county) placeAddresses(ob *obreb, ja *jednAddr, town bool) (addrs []address, perParcel [][]int) {
	d := ob.def
	r := newRNG(c.seed, 0xadd7, uint64(d.index))
	perParcel = make([][]int, len(ob.parcels))

	// the plots worth an address: a house or another building that is not a
	// farm building (those only sometimes have a number of their own)
	built := make([]int, len(ob.parcels)) // 0 none, 1 farm building only, 2 a house or other
	at := make([]pt, len(ob.parcels))
	for k := range ob.buildings {
		bd := &ob.buildings[k]
		if bd.deleted {
			continue
		}
		lvl := 2
		if bd.kind == "g" {
			lvl = 1
		}
		if lvl > built[bd.parcel] {
			built[bd.parcel] = lvl
			at[bd.parcel] = centroid(bd.ring)
		}
	}

	place := d.name
	if town {
		place = c.jedn[d.jedn].def.name // every obręb of the town is the town
	}
	placeID := simc(c.seed, place)
	streets := town || d.number == 1 // the town and the gmina's seat village
	local := streetPool{}
	pool := &local
	if town {
		pool = &ja.town
	}
	byKey := map[int]*street{}
	streetOf := func(band int) *street {
		key := band
		if town {
			key = band / 2 // one street between two bands
		}
		s, ok := byKey[key]
		if !ok {
			s = &street{name: pool.take()}
			s.id = ulic(c.seed, s.name)
			if r.chance(0.08) {
				s.old = oldStreetNames[r.intn(len(oldStreetNames))]
				s.renamed = r.stampIn(stamp(17*year+270*86400), stamp(18*year+200*86400))
			}
			byKey[key] = s
		}
		return s
	}
	villageNo := 0
	for k := range ob.parcels {
		if built[k] == 0 || (built[k] == 1 && !r.chance(0.25)) {
			continue
		}
		b := &ob.blocks[ob.parcels[k].block]
		a := address{uuid: r.uuid(), place: place, placeID: placeID, at: at[k]}
		a.start = r.stampIn(stamp03, stampHi-300*86400)
		if streets {
			a.street = streetOf(b.band)
			odd := !town || b.band%2 == 0
			a.number = a.street.number(r, odd)
		} else {
			villageNo += 1 + r.pick([]float64{0.7, 0.2, 0.1})
			a.number = strconv.Itoa(villageNo)
		}
		perParcel[k] = append(perParcel[k], len(addrs))
		addrs = append(addrs, a)
		// a corner plot: a second address on the next street
		if streets && r.chance(0.03) {
			s2 := streetOf(b.band + 2)
			a2 := a
			a2.uuid = r.uuid()
			a2.street = s2
			a2.number = s2.number(r, r.chance(0.5))
			perParcel[k] = append(perParcel[k], len(addrs))
			addrs = append(addrs, a2)
		}
	}
	return addrs, perParcel
}

// centroid is the mean of a ring's vertices (inside for the convex-ish
// footprints the generator makes).
func centroid(ring []pt) pt {
	var n, e int64
	for _, p := range ring {
		n += p.n
		e += p.e
	}
	k := int64(len(ring))
	return pt{n: n / k, e: e / k}
}

// writeAddress writes an address's versions: the current one and, for a renamed
// street, the archived one with the old name.
func (c *county) writeAddress(o *out, a *address, st *Stats) {
	s := a.street
	if s != nil && s.old != "" && s.renamed > a.start {
		old := life{uuid: a.uuid, start: a.start, startVer: a.start, endVer: s.renamed}
		c.writeAddressVersion(o, a, s.old, ulic(c.seed, s.old), &old)
		st.ArchivedVersions++
		cur := life{uuid: a.uuid, start: a.start, startVer: s.renamed}
		c.writeAddressVersion(o, a, s.name, s.id, &cur)
	} else {
		l := life{uuid: a.uuid, start: a.start, startVer: a.start}
		name, id := "", ""
		if s != nil {
			name, id = s.name, s.id
		}
		c.writeAddressVersion(o, a, name, id, &l)
	}
	st.Addresses++
}

func (c *county) writeAddressVersion(o *out, a *address, streetName, streetID string, l *life) {
	const class = "EGB_AdresNieruchomosci"
	fid := o.open(class, l)
	o.el("nazwaMiejscowosci", a.place)
	o.el("idMiejscowosci", a.placeID)
	if streetName != "" {
		o.el("nazwaUlicy", streetName)
		o.el("idNazwyUlicy", streetID)
	}
	o.el("numerPorzadkowy", a.number)
	if a.at != (pt{}) {
		o.s("      <egb:geometria>\n        <gml:Point gml:id=\"")
		o.s(fid)
		o.s("_G\" srsName=\"" + srsName + "\" srsDimension=\"2\">\n          <gml:pos>")
		o.cm(a.at.n)
		o.s(" ")
		o.cm(a.at.e)
		o.s("</gml:pos>\n        </gml:Point>\n      </egb:geometria>\n")
	}
	o.close(class)
}
