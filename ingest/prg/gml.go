package prg

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/sip-core/sip/geo"
	"github.com/sip-core/sip/internal/gmlcoord"
	"github.com/sip-core/sip/internal/xmlscan"
)

// maxObjectText bounds the text of one address point (its names, codes and
// position are a few hundred bytes); maxKomponent the references it holds.
const (
	maxObjectText = 64 << 10
	maxKomponent  = 32
)

// component is a PRG_JednostkaAdministracyjnaNazwa, PRG_MiejscowoscNazwa or
// PRG_UlicaNazwa: what a point's komponent refers to.
type component struct {
	kind  string // jednostka, miejscowosc, ulica
	level string // 1poziom … 4poziom of a jednostka (4poziom: gmina)
	teryt string // TERC, SIMC or ULIC
	name  string
}

var componentKinds = map[string]string{
	"PRG_JednostkaAdministracyjnaNazwa": "jednostka", "PRG_MiejscowoscNazwa": "miejscowosc", "PRG_UlicaNazwa": "ulica",
}

// element is one feature's leaf elements by local name (a repeated element
// keeps every value), its gml:id, the srsName of its position and its
// komponent references.
type element struct {
	line     int
	gmlID    string
	values   map[string][]string
	srsName  string
	refs     []string
	text     int
	tooLarge bool
}

func (e *element) first(names ...string) string {
	for _, n := range names {
		if v := e.values[n]; len(v) > 0 {
			return strings.TrimSpace(v[0])
		}
	}
	return ""
}

// gmlFile reads one GML file: newScanner opens it again for each pass.
type gmlFile struct {
	name    string
	open    func() (io.ReadCloser, error)
	maxText int
	comps   map[string]*component
	crs     map[string]*geo.Transform
}

func (g *gmlFile) scan(fn func(sc *xmlscan.Scanner, se xml.StartElement) error) error {
	rc, err := g.open()
	if err != nil {
		return err
	}
	defer rc.Close()
	sc := xmlscan.New(rc, xmlscan.Options{MaxText: g.maxText})
	for {
		t, err := sc.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return g.fatal(sc.Line(), err)
		}
		if se, ok := t.(xml.StartElement); ok {
			if err := fn(sc, se); err != nil {
				return err
			}
		}
	}
}

func (g *gmlFile) fatal(line int, err error) error {
	var se *xml.SyntaxError
	var le *xmlscan.LimitError
	switch {
	case errors.As(err, &se):
		line = se.Line
	case errors.As(err, &le):
		line = le.Line
	case errors.Is(err, io.ErrUnexpectedEOF):
		err = errors.New("file ends inside an element (truncated?)")
	}
	var pe *Error
	if errors.As(err, &pe) {
		return err
	}
	return &Error{File: g.name, Line: line, Msg: err.Error(), Fatal: true, Err: err}
}

// readElement reads a feature's subtree after its start tag.
func (g *gmlFile) readElement(sc *xmlscan.Scanner, se xml.StartElement) (*element, error) {
	e := &element{line: sc.TokenLine(), values: map[string][]string{}}
	e.gmlID = attr(se, "id")
	depth, leaf := 1, ""
	var text strings.Builder
	for depth > 0 {
		t, err := sc.Next()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return nil, g.fatal(sc.Line(), err)
		}
		switch t := t.(type) {
		case xml.StartElement:
			depth++
			leaf = t.Name.Local
			text.Reset()
			switch leaf {
			case "komponent":
				if len(e.refs) == maxKomponent {
					e.tooLarge = true
				} else if h := attr(t, "href"); h != "" {
					e.refs = append(e.refs, h)
				}
			case "Point", "pos":
				if s := attr(t, "srsName"); s != "" {
					e.srsName = s
				}
			}
		case xml.CharData:
			if leaf != "" && !e.tooLarge {
				if e.text += len(t); e.text > maxObjectText {
					e.tooLarge = true
				} else {
					text.Write(t)
				}
			}
		case xml.EndElement:
			depth--
			if leaf != "" && leaf == t.Name.Local && !e.tooLarge {
				e.values[leaf] = append(e.values[leaf], text.String())
			}
			leaf = ""
			text.Reset()
		}
	}
	return e, nil
}

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

// components reads the first pass: every component by gml:id. The file's
// points may come before or after them.
func (g *gmlFile) components() error {
	g.comps = map[string]*component{}
	return g.scan(func(sc *xmlscan.Scanner, se xml.StartElement) error {
		kind, ok := componentKinds[se.Name.Local]
		if !ok {
			return nil
		}
		e, err := g.readElement(sc, se)
		if err != nil {
			return err
		}
		c := &component{kind: kind, level: e.first("poziom"), teryt: e.first("idTERYT"), name: e.first("nazwa")}
		if c.name == "" && kind == "ulica" {
			var parts []string
			for _, k := range []string{"przedrostek1Czesc", "przedrostek2Czesc", "nazwaCzesc", "nazwaGlownaCzesc"} {
				if v := e.first(k); v != "" {
					parts = append(parts, v)
				}
			}
			c.name = strings.Join(parts, " ")
		}
		if e.gmlID != "" {
			g.comps[e.gmlID] = c
		}
		return nil
	})
}

// resolve finds a komponent reference: a URL or "#id" ending in the
// component's gml:id.
func (g *gmlFile) resolve(href string) *component {
	if i := strings.LastIndexAny(href, "#/"); i >= 0 {
		href = href[i+1:]
	}
	return g.comps[href]
}

// points reads the second pass: each PRG_PunktAdresowy to fn.
func (g *gmlFile) points(fn func(*Feature) error) error {
	n := 0
	err := g.scan(func(sc *xmlscan.Scanner, se xml.StartElement) error {
		if se.Name.Local != Class {
			return nil
		}
		e, err := g.readElement(sc, se)
		if err != nil {
			return err
		}
		n++
		return fn(g.feature(e))
	})
	if err == nil && n == 0 {
		err = &Error{File: g.name, Msg: "no PRG_PunktAdresowy features in the file", Fatal: true}
	}
	return err
}

// feature turns a point's elements into a store object, or a problem.
func (g *gmlFile) feature(e *element) *Feature {
	f := &Feature{File: g.name, Line: e.line, GMLID: e.gmlID}
	if e.tooLarge {
		f.Problem = fmt.Sprintf("more than %d bytes of text or %d komponent references in one point", maxObjectText, maxKomponent)
		return f
	}
	admin := e.values["jednostkaAdmnistracyjna"] // sic, the schema's spelling
	if len(admin) == 0 {
		admin = e.values["jednostkaAdministracyjna"]
	}
	p := &Point{Place: e.first("miejscowosc"), PlacePart: e.first("czescMiejscowosci"), Street: e.first("ulica"),
		Number: e.first("numerPorzadkowy"), Postcode: e.first("kodPocztowy"), Status: e.first("status")}
	if len(admin) >= 4 {
		p.GminaName = strings.TrimSpace(admin[3])
	}
	for _, h := range e.refs {
		c := g.resolve(h)
		switch {
		case c == nil:
			f.Warnings = append(f.Warnings, "komponent "+quote(h)+" is not in the file")
		case c.kind == "jednostka" && c.level == "4poziom":
			p.Gmina = c.teryt
			if p.GminaName == "" {
				p.GminaName = c.name
			}
		case c.kind == "miejscowosc":
			p.SIMC = c.teryt
			if p.Place == "" {
				p.Place = c.name
			}
		case c.kind == "ulica":
			p.ULIC = c.teryt
			if p.Street == "" {
				p.Street = c.name
			}
		}
	}
	pos, err := g.position(e)
	life := lifecycle{id: e.first("lokalnyId"), ns: e.first("przestrzenNazw"), version: e.first("wersjaId"),
		start: e.first("poczatekWersjiObiektu", "waznyOd"), endVersion: e.first("koniecWersjiObiektu"), end: e.first("waznyDo")}
	if life.id == "" {
		life.id = e.gmlID
	}
	f.build(p, pos, err, life)
	return f
}

// position reads the point's gml:pos in its srsName (default EPSG:2180,
// northing first as the PRG writes it) and converts it to EPSG:2180 x/y.
func (g *gmlFile) position(e *element) ([2]float64, error) {
	s := e.first("pos")
	if s == "" {
		return [2]float64{}, errors.New("no position (pozycja gml:Point gml:pos)")
	}
	name := e.srsName
	if name == "" {
		name = "urn:ogc:def:crs:EPSG::2180"
	}
	c, order, err := geo.Parse(name)
	if err != nil {
		return [2]float64{}, err
	}
	pts, err := gmlcoord.Pos(s, 0, nil)
	if err != nil {
		return [2]float64{}, fmt.Errorf("gml:pos: %v", err)
	}
	if len(pts) != 1 {
		return [2]float64{}, errors.New("gml:pos: not one position")
	}
	a, b := pts[0][0], pts[0][1]
	if order == geo.NorthEast {
		a, b = b, a
	}
	tr := g.crs[name]
	if tr == nil {
		if tr, err = geo.NewTransform(c, geo.CRS2180); err != nil {
			return [2]float64{}, err
		}
		g.crs[name] = tr
	}
	x, y := tr.Point(a, b)
	return [2]float64{x, y}, nil
}
