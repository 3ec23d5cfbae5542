package extracts

import (
	"bufio"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/cadastre"
	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/geo"
	"github.com/sip-core/sip/index"
	"github.com/sip-core/sip/store"
	_ "github.com/sip-core/sip/store/gpkg" // extracts are GeoPackage files
)

// source is what generation reads: a dataset's store, index and publication
// settings.
type source struct {
	reader store.Reader
	index  *index.Index
	layers []store.Layer // published layers
	config config.Dataset
}

// publicLayer returns a layer with only the columns anonymous clients get, or
// false when the layer is not public.
func (s *source) publicLayer(name string) (store.Layer, bool) {
	l, ok := store.LayerByName(s.layers, name)
	if !ok {
		return store.Layer{}, false
	}
	lc, ok := s.config.Layer(name)
	if !ok || !lc.IsPublic() {
		return store.Layer{}, false
	}
	if len(lc.Attributes) > 0 {
		var cols []store.Column
		for _, c := range l.Columns {
			if slices.Contains(lc.Attributes, c.Name) {
				cols = append(cols, c)
			}
		}
		l.Columns = cols
	}
	return l, true
}

// publicCopy is o with only the columns of l.
func publicCopy(o *store.Object, l store.Layer) *store.Object {
	c := *o
	c.Attrs = map[string]any{}
	for _, col := range l.Columns {
		if v, ok := o.Attrs[col.Name]; ok {
			c.Attrs[col.Name] = v
		}
	}
	return &c
}

// generate writes the files of an order into dir (which must not exist yet)
// and returns their names.
func generate(ctx context.Context, src *source, o *Order, dir string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	// The parcels are those of the quote, fixed when the order was placed.
	sel, err := resolve(ctx, src.reader, src.index, &Request{Parcels: o.Quote.Parcels}, selectionLimits{maxParcels: math.MaxInt, maxAreaHa: math.Inf(1)})
	if err != nil {
		return nil, fmt.Errorf("resolving the order's parcels: %w", err)
	}
	var data []gmlLayer
	for _, ln := range o.Quote.Layers {
		l, ok := src.publicLayer(ln)
		if !ok {
			return nil, fmt.Errorf("layer %s is no longer public", ln)
		}
		objs := sel.Parcels
		if ln == "budynki" {
			objs = sel.Buildings
		}
		var pub []*store.Object
		for _, ob := range objs {
			pub = append(pub, publicCopy(ob, l))
		}
		data = append(data, gmlLayer{l, pub})
	}
	var files []string
	for _, f := range o.Quote.Formats {
		var name string
		switch f {
		case "gpkg":
			name = "extract.gpkg"
			var layers []store.Layer
			for _, d := range data {
				layers = append(layers, d.layer)
			}
			st, err := store.Create(ctx, "gpkg:"+filepath.Join(dir, name), "extract", layers)
			if err != nil {
				return nil, err
			}
			tx, err := st.Begin(ctx)
			if err != nil {
				st.Close()
				return nil, err
			}
			for _, d := range data {
				for _, ob := range d.objs {
					if _, err := tx.Put(ctx, ob); err != nil {
						tx.Rollback()
						st.Close()
						return nil, err
					}
				}
			}
			if err := tx.Commit(); err != nil {
				st.Close()
				return nil, err
			}
			if err := st.Close(); err != nil {
				return nil, err
			}
		case "gml":
			name = "extract.gml"
			if err := writeFile(filepath.Join(dir, name), func(w *bufio.Writer) error {
				return writeGML(w, o, data)
			}); err != nil {
				return nil, err
			}
		case "geojson":
			name = "extract.geojson"
			if err := writeFile(filepath.Join(dir, name), func(w *bufio.Writer) error {
				return writeGeoJSON(w, data)
			}); err != nil {
				return nil, err
			}
		default:
			return nil, fmt.Errorf("unknown format %s", f)
		}
		files = append(files, name)
	}
	if len(o.Quote.Documents) > 0 {
		names, err := cadastre.LoadNames(ctx, src.reader)
		if err != nil {
			return nil, err
		}
		pl, _ := src.publicLayer("dzialki")
		bl, _ := src.publicLayer("budynki")
		for _, doc := range o.Quote.Documents {
			name := doc + ".txt"
			if err := writeFile(filepath.Join(dir, name), func(w *bufio.Writer) error {
				return writeDocument(w, o, doc, names, sel, pl, bl)
			}); err != nil {
				return nil, err
			}
			files = append(files, name)
		}
	}
	if err := writeFile(filepath.Join(dir, "doo.txt"), func(w *bufio.Writer) error { return writeDOO(w, o) }); err != nil {
		return nil, err
	}
	files = append(files, "doo.txt")
	return files, nil
}

type gmlLayer struct {
	layer store.Layer
	objs  []*store.Object
}

func writeFile(path string, fn func(*bufio.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 64<<10)
	if err := fn(w); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

const extractNS = "https://sip-core.github.io/schemas/extract/1.0"

// writeGML writes a GML 3.2 feature collection in EPSG:2180 with the EPSG axis
// order (northing first), as EGiB exports do.
func writeGML(w *bufio.Writer, o *Order, layers []gmlLayer) error {
	fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<sip:FeatureCollection xmlns:sip="%s" xmlns:gml="http://www.opengis.net/gml/3.2" gml:id="%s">
`, extractNS, esc(o.ID))
	n := 0
	for _, l := range layers {
		for _, ob := range l.objs {
			n++
			fmt.Fprintf(w, "<gml:featureMember><sip:%s gml:id=\"%s.%d\">\n", l.layer.Name, l.layer.Name, n)
			fmt.Fprintf(w, "<sip:lokalny_id>%s</sip:lokalny_id><sip:przestrzen_nazw>%s</sip:przestrzen_nazw><sip:wersja_id>%s</sip:wersja_id>\n", esc(ob.ID), esc(ob.Namespace), esc(ob.Version))
			for _, c := range l.layer.Columns {
				if v, ok := ob.Attrs[c.Name]; ok {
					fmt.Fprintf(w, "<sip:%s>%s</sip:%s>", c.Name, esc(store.FormatValue(c.Type, v)), c.Name)
				}
			}
			w.WriteString("\n<sip:geometria>")
			writeGMLGeom(w, ob.Geometry, l.layer.Name, n)
			fmt.Fprintf(w, "</sip:geometria>\n</sip:%s></gml:featureMember>\n", l.layer.Name)
		}
	}
	w.WriteString("</sip:FeatureCollection>\n")
	return nil
}

func writeGMLGeom(w *bufio.Writer, g orb.Geometry, layer string, n int) {
	const srs = "urn:ogc:def:crs:EPSG::2180"
	ring := func(r orb.Ring) {
		w.WriteString("<gml:LinearRing><gml:posList>")
		for i, p := range r {
			if i > 0 {
				w.WriteByte(' ')
			}
			// EPSG:2180 axis order: northing, easting.
			w.WriteString(strconv.FormatFloat(p[1], 'f', -1, 64))
			w.WriteByte(' ')
			w.WriteString(strconv.FormatFloat(p[0], 'f', -1, 64))
		}
		w.WriteString("</gml:posList></gml:LinearRing>")
	}
	switch g := g.(type) {
	case orb.MultiPolygon:
		fmt.Fprintf(w, `<gml:MultiSurface gml:id="%s.%d.g" srsName="%s" srsDimension="2">`, layer, n, srs)
		for i, p := range g {
			fmt.Fprintf(w, `<gml:surfaceMember><gml:Polygon gml:id="%s.%d.p%d">`, layer, n, i)
			for j, r := range p {
				if j == 0 {
					w.WriteString("<gml:exterior>")
					ring(r)
					w.WriteString("</gml:exterior>")
				} else {
					w.WriteString("<gml:interior>")
					ring(r)
					w.WriteString("</gml:interior>")
				}
			}
			w.WriteString("</gml:Polygon></gml:surfaceMember>")
		}
		w.WriteString("</gml:MultiSurface>")
	case orb.Point:
		fmt.Fprintf(w, `<gml:Point gml:id="%s.%d.g" srsName="%s" srsDimension="2"><gml:pos>%s %s</gml:pos></gml:Point>`, layer, n, srs,
			strconv.FormatFloat(g[1], 'f', -1, 64), strconv.FormatFloat(g[0], 'f', -1, 64))
	}
}

// writeGeoJSON writes an RFC 7946 FeatureCollection in CRS84 (longitude,
// latitude; 8 decimals ≈ 1 mm).
func writeGeoJSON(w *bufio.Writer, layers []gmlLayer) error {
	t, err := geo.NewTransform(geo.MustParse("EPSG:2180"), geo.MustParse("CRS84"))
	if err != nil {
		return err
	}
	w.WriteString(`{"type":"FeatureCollection","features":[`)
	first := true
	for _, l := range layers {
		for _, ob := range l.objs {
			if !first {
				w.WriteByte(',')
			}
			first = false
			props := map[string]any{"layer": l.layer.Name, "lokalny_id": ob.ID, "przestrzen_nazw": ob.Namespace, "wersja_id": ob.Version}
			for _, c := range l.layer.Columns {
				v, ok := ob.Attrs[c.Name]
				switch {
				case !ok:
					props[c.Name] = nil
				case c.Type == store.Date || c.Type == store.DateTime:
					props[c.Name] = store.FormatValue(c.Type, v)
				default:
					props[c.Name] = v
				}
			}
			pj, err := json.Marshal(props)
			if err != nil {
				return err
			}
			w.WriteString(`{"type":"Feature","id":`)
			idj, _ := json.Marshal(l.layer.Name + "." + ob.ID)
			w.Write(idj)
			w.WriteString(`,"geometry":`)
			writeGeoJSONGeom(w, t.Apply(ob.Geometry))
			w.WriteString(`,"properties":`)
			w.Write(pj)
			w.WriteString("}\n")
		}
	}
	w.WriteString("]}\n")
	return nil
}

func writeGeoJSONGeom(w *bufio.Writer, g orb.Geometry) {
	pos := func(p orb.Point) {
		w.WriteByte('[')
		w.WriteString(strconv.FormatFloat(p[0], 'f', 8, 64))
		w.WriteByte(',')
		w.WriteString(strconv.FormatFloat(p[1], 'f', 8, 64))
		w.WriteByte(']')
	}
	switch g := g.(type) {
	case orb.MultiPolygon:
		w.WriteString(`{"type":"MultiPolygon","coordinates":[`)
		for i, p := range g {
			if i > 0 {
				w.WriteByte(',')
			}
			w.WriteByte('[')
			for j, r := range p {
				if j > 0 {
					w.WriteByte(',')
				}
				w.WriteByte('[')
				for k, pt := range r {
					if k > 0 {
						w.WriteByte(',')
					}
					pos(pt)
				}
				w.WriteByte(']')
			}
			w.WriteByte(']')
		}
		w.WriteString("]}")
	case orb.Point:
		w.WriteString(`{"type":"Point","coordinates":`)
		pos(g)
		w.WriteString("}")
	default:
		w.WriteString("null")
	}
}

// writeDOO writes the Dokument Obliczenia Opłaty of an order.
func writeDOO(w *bufio.Writer, o *Order) error {
	q := o.Quote
	fmt.Fprintf(w, "DOKUMENT OBLICZENIA OPŁATY\nzamówienie: %s\nzbiór danych: %s\ndata: %s\nliczba działek: %d, budynków: %d\n\n",
		o.ID, q.Dataset, o.Created.Format("2006-01-02"), len(q.Parcels), q.Buildings)
	fmt.Fprintf(w, "%-3s %-60s %-22s %8s %12s %6s %12s  %s\n", "Lp", "Pozycja", "Jednostka", "Liczba", "Stawka", "Wsp.", "Kwota", "Podstawa")
	for _, it := range q.Items {
		fmt.Fprintf(w, "%-3d %-60s %-22s %8d %12s %6s %12s  %s\n", it.Lp, it.Title, it.Unit, it.Units, it.Rate.String(), it.Factor, it.Amount.String(), it.Basis)
	}
	fmt.Fprintf(w, "\nRAZEM: %s (%d gr, %s)\n", q.Total.String(), int64(q.Total), q.Currency)
	return nil
}

// writeDocument writes an electronic document of the fee table from the public
// register data (no personal data: the store holds none).
func writeDocument(w *bufio.Writer, o *Order, doc string, names *cadastre.Names, sel *Selection, pl, bl store.Layer) error {
	title := doc
	for _, it := range o.Quote.Items {
		if it.Product == doc {
			title = it.Title
		}
	}
	fmt.Fprintf(w, "%s\nzamówienie: %s\nzbiór danych: %s\nwygenerowano: %s\n", strings.ToUpper(title), o.ID, o.Quote.Dataset, time.Now().UTC().Format(time.RFC3339))
	fmt.Fprintf(w, "Dokument nie zawiera danych osobowych.\n\n")
	for _, p := range sel.Parcels {
		w.WriteString("DZIAŁKA\n")
		for _, f := range names.KIEGParcel(publicCopy(p, pl)) {
			fmt.Fprintf(w, "  %-18s %s\n", f.Name, f.Value)
		}
	}
	if strings.Contains(doc, "budyn") {
		for _, b := range sel.Buildings {
			w.WriteString("BUDYNEK\n")
			for _, f := range names.KIEGBuilding(publicCopy(b, bl)) {
				fmt.Fprintf(w, "  %-22s %s\n", f.Name, f.Value)
			}
		}
	}
	return nil
}
