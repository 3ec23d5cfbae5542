// Package planning loads and validates gmina planning data: APP GML 1.0/2.0 acts
// and plan ogólny zones (package ingest/app) and municipal zone layers from
// Shapefile, GeoPackage or GeoJSON (package ingest/formats).
//
// Validate checks a loaded set the way the national APP validator does (gaps LUKA,
// overlaps NAKLADANIE, zones outside the plan's extent, duplicate lokalnyId or
// oznaczenie, symbols, invalid rings, values out of range, and the attribute rules
// of APP 2.0 listed in docs/app-validation.md); its topology checks go
// through an STR tree (index.BuildTree) and exact GEOS overlay, never all pairs.
// Ingest writes a loaded set into a dataset store in one transaction, with the
// store.PlanningLayers schema.
package planning

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/paulmach/orb"
	"github.com/sip-core/sip/ingest"
	"github.com/sip-core/sip/ingest/app"
	"github.com/sip-core/sip/ingest/formats"
	"github.com/sip-core/sip/store"
)

// Item is one object read from a planning file.
type Item struct {
	File   string
	Line   int    // line of the object in an APP GML file (0 for other formats)
	Record int    // 1-based feature number in a Shapefile/GeoPackage/GeoJSON layer
	Class  string // APP class, or formats layer name for mpzp
	GMLID  string
	Layer  string // plany, strefy, mpzp ("" for documents and drawings)
	// IDFromData is true when Object.ID came from the file (lokalnyId or an id
	// column), false when it was made up from the file and feature number.
	IDFromData bool
	Object     *store.Object
	Issues     []app.Issue // problems found while reading
	Refs       []app.Ref
}

// Where formats the item's position for messages: file:line or file#record.
func (it *Item) Where() string {
	switch {
	case it.Line > 0:
		return fmt.Sprintf("%s:%d", it.File, it.Line)
	case it.Record > 0:
		return fmt.Sprintf("%s#%d", it.File, it.Record)
	}
	return it.File
}

// Set is everything loaded from a list of files.
type Set struct {
	Files    []string
	Plans    []*Item
	Zones    []*Item // strefy and mpzp
	Docs     []*Item // DokumentFormalny
	Drawings []*Item // RysunekAktuPlanowaniaPrzestrzennego
}

// IsPlanningFile reports whether a file is planning input (APP GML, Shapefile,
// GeoJSON, GeoPackage) rather than EGiB GML.
func IsPlanningFile(path string) bool {
	p := path
	if i := strings.LastIndex(path, ".gpkg:"); i >= 0 {
		p = path[:i+5]
	}
	_, ok := formats.KindOf(p)
	return ok
}

// Load reads files. An unreadable or broken file (XML syntax, truncated Shapefile,
// unknown .prj) is an error naming the file and line or record; object-level
// problems are left in the Items' Issues.
func Load(files []string) (*Set, error) {
	s := &Set{Files: files}
	for _, f := range files {
		p := f
		if i := strings.LastIndex(f, ".gpkg:"); i >= 0 {
			p = f[:i+5]
		}
		if _, err := os.Stat(p); err != nil {
			return nil, err // "stat F: no such file or directory", not a verdict on its content
		}
		k, ok := formats.KindOf(p)
		if !ok {
			return nil, fmt.Errorf("%s: not planning data (APP GML 1.0/2.0, .shp, .geojson/.json or .gpkg expected)", f)
		}
		var err error
		if k == formats.KindAPP {
			err = s.loadAPP(f)
		} else {
			err = s.loadFormat(f)
		}
		if err != nil {
			return nil, err
		}
	}
	return s, nil
}

func (s *Set) loadAPP(path string) error {
	fh, err := os.Open(path)
	if err != nil {
		return err
	}
	defer fh.Close()
	rd := app.NewReader(fh, path)
	for {
		f, err := rd.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		it := &Item{File: path, Line: f.Line, Class: f.Class, GMLID: f.GMLID, Layer: f.Layer, Object: f.Object, Issues: f.Issues, Refs: f.Refs, IDFromData: f.Object.ID != ""}
		switch f.Class {
		case "AktPlanowaniaPrzestrzennego":
			s.Plans = append(s.Plans, it)
		case "DokumentFormalny":
			s.Docs = append(s.Docs, it)
		case "RysunekAktuPlanowaniaPrzestrzennego":
			s.Drawings = append(s.Drawings, it)
		default:
			s.Zones = append(s.Zones, it)
		}
	}
}

func (s *Set) loadFormat(path string) error {
	feats, err := formats.Read(path)
	if err != nil {
		return err
	}
	var mtime time.Time
	p := path
	if i := strings.LastIndex(path, ".gpkg:"); i >= 0 {
		p = path[:i+5]
	}
	if fi, err := os.Stat(p); err == nil {
		mtime = fi.ModTime().UTC().Truncate(time.Second)
	}
	for _, f := range feats {
		s.Zones = append(s.Zones, mpzpItem(f, mtime))
	}
	return nil
}

// fold lowers a column name and strips Polish diacritics and separators, so that
// "Przeznaczenie", "PRZEZN_", "przeznaczenie terenu" compare alike.
func fold(s string) string {
	r := strings.NewReplacer("ą", "a", "ć", "c", "ę", "e", "ł", "l", "ń", "n", "ó", "o", "ś", "s", "ź", "z", "ż", "z")
	s = r.Replace(strings.ToLower(s))
	var b strings.Builder
	for _, c := range s {
		if (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// mpzpColumns maps folded source column names to mpzp columns, most specific first.
var mpzpColumns = []struct {
	col   string
	names []string
}{
	{"id", []string{"lokalnyid", "idiip", "uuid", "id"}},
	{"oznaczenie", []string{"oznaczenie", "oznaczenieterenu", "oznacz", "ozn", "symbolterenu", "nrterenu", "teren"}},
	{"przeznaczenie", []string{"przeznaczenie", "przeznaczenieterenu", "symbolprzeznaczenia", "przeznacz", "przezn", "symbol", "funkcja", "kategoria"}},
	{"nazwa", []string{"nazwa", "nazwaprzeznaczenia", "opisprzeznaczenia", "opis"}},
	{"plan", []string{"plan", "nazwaplanu", "mpzp", "uchwala", "nruchwaly", "numeruchwaly"}},
	{"obowiazuje_od", []string{"obowiazujeod", "dataobowiazywania", "datawejscia", "datauchwalenia", "data"}},
	{"maks_intensywnosc", []string{"maksintensywnosc", "maxintensywnosc", "intensywnosc", "intensmax", "maxintens", "maksintens", "maksnadziemnaintensywnosczabudowy"}},
	{"maks_udzial_zabudowy", []string{"maksudzialzabudowy", "maksudzialpowierzchnizabudowy", "maxpowzabudowy", "maxpowzab", "udzialzabudowy", "powzabudowy", "powzabud", "udzzab"}},
	{"maks_wysokosc", []string{"makswysokosc", "maxwysokosc", "wysmax", "maxwys", "makswys", "wysokosc", "makswysokosczabudowy"}},
	{"min_udzial_pbc", []string{"minudzialpbc", "minudzialpowierzchnibiologicznieczynnej", "minpbc", "pbc", "minpbcz", "biolczynna"}},
}

func mpzpItem(f *formats.Feature, mtime time.Time) *Item {
	it := &Item{File: f.File, Record: f.Index + 1, Class: f.Layer, Layer: "mpzp", Issues: f.Issues}
	o := &store.Object{Layer: "mpzp", Attrs: map[string]any{}}
	it.Object = o
	folded := map[string]any{}
	var keys []string
	for k, v := range f.Props {
		fk := fold(k)
		if _, dup := folded[fk]; !dup {
			keys = append(keys, fk)
		}
		folded[fk] = v
	}
	sort.Strings(keys)
	used := map[string]bool{}
	for _, m := range mpzpColumns {
		for _, n := range m.names {
			v, ok := folded[n]
			if !ok || used[n] || v == nil {
				continue
			}
			used[n] = true
			col, _ := store.LayerByName(store.PlanningLayers, "mpzp")
			switch m.col {
			case "id":
				if s := strings.TrimSpace(fmt.Sprint(v)); s != "" {
					o.ID, it.IDFromData = s, true
				}
			case "obowiazuje_od":
				switch x := v.(type) {
				case time.Time:
					o.Attrs[m.col] = x
				case string:
					if t, err := time.Parse("2006-01-02", strings.TrimSpace(x)); err == nil {
						o.Attrs[m.col] = t
					} else {
						it.Issues = append(it.Issues, app.Issue{Code: app.CodeValue, Msg: fmt.Sprintf("%s: not a date: %q", m.col, x)})
					}
				}
			default:
				c, _ := col.Column(m.col)
				if c.Type == store.Real {
					switch x := v.(type) {
					case float64:
						o.Attrs[m.col] = x
					case int64:
						o.Attrs[m.col] = float64(x)
					case string:
						var y float64
						if _, err := fmt.Sscanf(strings.ReplaceAll(strings.TrimSpace(x), ",", "."), "%g", &y); err == nil {
							o.Attrs[m.col] = y
						} else {
							it.Issues = append(it.Issues, app.Issue{Code: app.CodeValue, Msg: fmt.Sprintf("%s: not a number: %q", m.col, x)})
						}
					}
				} else if s := strings.TrimSpace(fmt.Sprint(v)); s != "" {
					o.Attrs[m.col] = s
				}
			}
			break
		}
	}
	if _, ok := o.Attrs["przeznaczenie"]; !ok {
		if oz, ok := o.Attrs["oznaczenie"].(string); ok {
			if sym := symbolOf(oz); sym != "" {
				o.Attrs["przeznaczenie"] = sym
			}
		}
	}
	src := filepath.Base(f.File)
	if f.Layer != "" && !strings.HasPrefix(src, f.Layer+".") {
		src += ":" + f.Layer
	}
	o.Attrs["zrodlo"] = src
	if o.ID == "" {
		fid := f.FID
		if fid == "" {
			fid = fmt.Sprint(f.Index + 1)
		}
		o.ID = f.Layer + "." + fid
	}
	if f.Geometry != nil {
		o.Geometry = f.Geometry
	}
	o.Version = ingest.ContentVersion(o)
	o.StartVersion, o.StartObject = mtime, mtime
	if t, ok := o.Attrs["obowiazuje_od"].(time.Time); ok && mtime.IsZero() {
		o.StartVersion, o.StartObject = t, t
	}
	return it
}

var reOznaczenie = regexp.MustCompile(`^(?:[0-9A-Za-z]+[.\-])?[0-9]+[.\s]?([A-ZĄĆĘŁŃÓŚŹŻ][A-Za-zĄĆĘŁŃÓŚŹŻąćęłńóśźż/,.\-]*)$`)

// symbolOf returns the symbol part of an oznaczenie ("1SJ" → "SJ", "A.12MN/U" → "MN/U").
func symbolOf(oznaczenie string) string {
	m := reOznaczenie.FindStringSubmatch(strings.TrimSpace(oznaczenie))
	if m == nil {
		return ""
	}
	return m[1]
}

// document is the JSON form of a DokumentFormalny kept with its plan.
type document struct {
	ID       string `json:"id"`
	Tytul    string `json:"tytul,omitempty"`
	Skrot    string `json:"nazwa_skrocona,omitempty"`
	Numer    string `json:"numer,omitempty"`
	Organ    string `json:"organ,omitempty"`
	Data     string `json:"data,omitempty"`
	Wejscie  string `json:"data_wejscia,omitempty"`
	Lacze    string `json:"lacze,omitempty"`
	Rola     string `json:"rola,omitempty"`
	Dziennik string `json:"dziennik_urzedowy,omitempty"`
}

type drawing struct {
	ID      string `json:"id"`
	Tytul   string `json:"tytul,omitempty"`
	Lacze   string `json:"lacze,omitempty"`
	Legenda string `json:"legenda,omitempty"`
	Uklad   string `json:"uklad,omitempty"`
	Od      string `json:"obowiazuje_od,omitempty"`
}

func str(m map[string]any, k string) string {
	s, _ := m[k].(string)
	return s
}

// AttachDocuments stores the documents and drawings of each plan in its dokumenty
// and rysunki columns. A document belongs to a plan that references it (dokument,
// dokumentUchwalajacy, ... xlinks ending in its lokalnyId or lokalnyId/wersjaId); a
// drawing to the plan its plan xlink names. When there is a single plan, unmatched
// documents and drawings go to it.
func (s *Set) AttachDocuments() {
	byID := map[string]*Item{}
	for _, p := range s.Plans {
		byID[p.Object.ID] = p
	}
	docs := map[*Item][]document{}
	draws := map[*Item][]drawing{}
	single := (*Item)(nil)
	if len(s.Plans) == 1 {
		single = s.Plans[0]
	}
	for _, d := range s.Docs {
		a := d.Object.Attrs
		doc := document{ID: d.Object.ID, Tytul: str(a, "tytul"), Skrot: str(a, "nazwaSkrocona"), Numer: str(a, "numerIdentyfikacyjny"),
			Organ: str(a, "organUstanawiajacy"), Data: str(a, "data"), Wejscie: str(a, "dataWejsciaWZycie"), Lacze: str(a, "lacze"), Dziennik: str(a, "dziennikUrzedowy")}
		attached := false
		for _, p := range s.Plans {
			for _, r := range p.Refs {
				if strings.HasPrefix(r.Role, "dokument") && d.Object.ID != "" && (r.ID == d.Object.ID || planIDOf(r.Href) == d.Object.ID) {
					dd := doc
					dd.Rola = r.Role
					docs[p] = append(docs[p], dd)
					attached = true
				}
			}
		}
		if !attached && single != nil {
			docs[single] = append(docs[single], doc)
		}
	}
	for _, d := range s.Drawings {
		a := d.Object.Attrs
		dr := drawing{ID: d.Object.ID, Tytul: str(a, "tytul"), Lacze: str(a, "lacze"), Legenda: str(a, "legenda"), Uklad: str(a, "ukladOdniesieniaPrzestrzennego"), Od: str(a, "obowiazujeOd")}
		target := single
		for _, r := range d.Refs {
			if r.Role == "plan" {
				if p, ok := byID[planIDOf(r.Href)]; ok {
					target = p
				}
			}
		}
		if target != nil {
			draws[target] = append(draws[target], dr)
		}
	}
	for p, ds := range docs {
		b, _ := json.Marshal(ds)
		p.Object.Attrs["dokumenty"] = string(b)
	}
	for p, ds := range draws {
		b, _ := json.Marshal(ds)
		p.Object.Attrs["rysunki"] = string(b)
	}
}

// planIDOf extracts a lokalnyId from an APP URI ending in .../<lokalnyId>/<wersjaId>.
func planIDOf(h string) string {
	parts := strings.FieldsFunc(h, func(r rune) bool { return r == '/' || r == '#' })
	if len(parts) >= 2 {
		last := parts[len(parts)-1]
		if len(last) >= 8 && strings.IndexFunc(last[:8], func(r rune) bool { return r < '0' || r > '9' }) < 0 {
			return parts[len(parts)-2]
		}
	}
	if len(parts) > 0 {
		return parts[len(parts)-1]
	}
	return ""
}

// ErrNoInput is returned when no file was given.
var ErrNoInput = errors.New("no input files")

// geomOf returns an item's geometry as a MultiPolygon (nil if none).
func geomOf(it *Item) orb.MultiPolygon {
	switch g := it.Object.Geometry.(type) {
	case orb.MultiPolygon:
		return g
	case orb.Polygon:
		return orb.MultiPolygon{g}
	}
	return nil
}
