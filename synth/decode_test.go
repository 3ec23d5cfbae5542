package synth

import (
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// A small reader of the generated GML, independent of the writer's code.

type xhref struct {
	Href      string `xml:"http://www.w3.org/1999/xlink href,attr"`
	NilReason string `xml:"nilReason,attr"`
}

type xpoly struct {
	Ext string   `xml:"exterior>LinearRing>posList"`
	Int []string `xml:"interior>LinearRing>posList"`
}

type xgeom struct {
	Polygon []xpoly `xml:"Polygon"`
	Multi   []xpoly `xml:"MultiSurface>surfaceMember>Polygon"`
	Pos     string  `xml:"Point>pos"`
}

type xfeature struct {
	XMLName      xml.Name
	GmlID        string   `xml:"http://www.opengis.net/gml/3.2 id,attr"`
	LokalnyID    string   `xml:"idIIP>EGB_IdentyfikatorIIP>lokalnyId"`
	WersjaID     string   `xml:"idIIP>EGB_IdentyfikatorIIP>wersjaId"`
	Start        string   `xml:"startObiekt"`
	StartWersja  string   `xml:"startWersjaObiekt"`
	KoniecWersja string   `xml:"koniecWersjaObiekt"`
	Koniec       string   `xml:"koniecObiekt"`
	IDDzialki    string   `xml:"idDzialki"`
	IDObrebu     string   `xml:"idObrebu"`
	IDJednostki  string   `xml:"idJednostkiEwid"`
	IDBudynku    string   `xml:"idBudynku"`
	NumerKW      []string `xml:"numerKW"`
	Pole         string   `xml:"poleEwidencyjne"`
	Klas         []string `xml:"klasouzytek>EGB_Klasouzytek>powierzchnia"`
	Geom         xgeom    `xml:"geometria"`
	Zabudowana   []xhref  `xml:"dzialkaZabudowana"`
	LokDzialki   xhref    `xml:"lokalizacjaDzialki"`
	PktDzialki   []xhref  `xml:"punktGranicyDzialki"`
	PktObrebu    []xhref  `xml:"punktGranicyObrebu"`
	LokObrebu    xhref    `xml:"lokalizacjaObrebu"`
	PowZabudowy  string   `xml:"powZabudowy"`
	Rodzaj       string   `xml:"rodzajWgKST"`
	AdresDzialki []xhref  `xml:"adresDzialki"`
	AdresBud     []xhref  `xml:"adresBudynku"`
	Miejscowosc  string   `xml:"nazwaMiejscowosci"`
	SIMC         string   `xml:"idMiejscowosci"`
	Ulica        string   `xml:"nazwaUlicy"`
	ULIC         string   `xml:"idNazwyUlicy"`
	Numer        string   `xml:"numerPorzadkowy"`
}

func (f *xfeature) class() string { return f.XMLName.Local }
func (f *xfeature) current() bool { return f.KoniecWersja == "" && f.Koniec == "" }

// polys returns the feature's polygons as rings of (x=E, y=N) pairs,
// reading posLists as N E like the CRS requires.
func (f *xfeature) polys() ([][][][2]float64, error) {
	var out [][][][2]float64
	for _, p := range append(append([]xpoly{}, f.Geom.Polygon...), f.Geom.Multi...) {
		var rings [][][2]float64
		for _, s := range append([]string{p.Ext}, p.Int...) {
			r, err := parsePosList(s)
			if err != nil {
				return nil, err
			}
			rings = append(rings, r)
		}
		out = append(out, rings)
	}
	return out, nil
}

func parsePosList(s string) ([][2]float64, error) {
	fs := strings.Fields(s)
	if len(fs)%2 != 0 || len(fs) < 8 {
		return nil, fmt.Errorf("posList with %d numbers", len(fs))
	}
	r := make([][2]float64, 0, len(fs)/2)
	for k := 0; k < len(fs); k += 2 {
		n, err1 := strconv.ParseFloat(fs[k], 64)
		e, err2 := strconv.ParseFloat(fs[k+1], 64)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("bad number in %q %q", fs[k], fs[k+1])
		}
		r = append(r, [2]float64{e, n})
	}
	return r, nil
}

func readFeatures(path string) ([]*xfeature, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	dec := xml.NewDecoder(f)
	var out []*xfeature
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "featureMember" {
			continue
		}
		for {
			tok, err = dec.Token()
			if err != nil {
				return nil, err
			}
			if fe, ok := tok.(xml.StartElement); ok {
				ft := &xfeature{}
				if err := dec.DecodeElement(ft, &fe); err != nil {
					return nil, err
				}
				out = append(out, ft)
				break
			}
		}
	}
}

func refID(h string) string { return strings.TrimPrefix(h, hrefPrefix) }

// haUnitsOf parses "12.3456" into 123456 (units of 0.0001 ha).
func haUnitsOf(s string) (int64, error) {
	whole, frac, ok := strings.Cut(strings.TrimSpace(s), ".")
	if !ok || len(frac) != 4 {
		return 0, fmt.Errorf("area %q not in 4 decimals", s)
	}
	w, err1 := strconv.ParseInt(whole, 10, 64)
	f, err2 := strconv.ParseInt(frac, 10, 64)
	if err1 != nil || err2 != nil {
		return 0, fmt.Errorf("bad area %q", s)
	}
	return w*10000 + f, nil
}
