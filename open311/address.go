package open311

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"github.com/sip-core/sip/index"
	"github.com/sip-core/sip/server"
	"github.com/sip-core/sip/store"
)

// addressBook finds property addresses (the adresy of budynki and dzialki)
// of the areas dataset. It is built on the first address_string of a
// revision and kept until the dataset changes.
type addressBook struct {
	mu    sync.Mutex
	key   string
	index map[string]orb.Point // normalised address → a point inside its building or parcel
	label map[string]string
}

// normAddress folds an address as people type it: lower case, without Polish
// letters, "ul." and punctuation, words in any order.
func normAddress(s string) string {
	s = strings.ToLower(foldPolish(s))
	words := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '/' })
	out := words[:0]
	for _, w := range words {
		if w != "ul" && w != "al" && w != "pl" && w != "os" {
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

func foldPolish(s string) string {
	return strings.NewReplacer("ą", "a", "ć", "c", "ę", "e", "ł", "l", "ń", "n", "ó", "o", "ś", "s", "ź", "z", "ż", "z",
		"Ą", "A", "Ć", "C", "Ę", "E", "Ł", "L", "Ń", "N", "Ó", "O", "Ś", "S", "Ź", "Z", "Ż", "Z").Replace(s)
}

// lookup finds an address; the label is the address as stored.
func (b *addressBook) lookup(ctx context.Context, d *server.Dataset, text string) (orb.Point, string, bool, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	key := fmt.Sprintf("%s@%d", d.Name, d.Revision())
	if b.key != key {
		b.index, b.label = map[string]orb.Point{}, map[string]string{}
		for _, layer := range []string{"budynki", "dzialki"} {
			if _, ok := store.LayerByName(d.Store.Layers(), layer); !ok {
				continue
			}
			err := d.Store.Query(ctx, store.Query{Layer: layer}, func(r store.Row) error {
				a, _ := r.Attrs["adresy"].(string)
				if a == "" {
					return nil
				}
				for _, one := range strings.Split(a, "; ") {
					k := normAddress(one)
					if _, seen := b.index[k]; seen || k == "" {
						continue
					}
					if p, ok := interiorPoint(r.Geometry); ok {
						b.index[k], b.label[k] = p, one
					}
				}
				return nil
			})
			if err != nil {
				b.key = ""
				return orb.Point{}, "", false, err
			}
		}
		b.key = key
	}
	k := normAddress(text)
	p, ok := b.index[k]
	return p, b.label[k], ok, nil
}

// byID finds a parcel (id_dzialki) or a building (id_budynku): the address_id
// of a report. The label says what was found.
func byID(ctx context.Context, d *server.Dataset, id string) (orb.Point, string, bool, error) {
	for _, c := range []struct{ layer, col, what string }{{"dzialki", "id_dzialki", "działka"}, {"budynki", "id_budynku", "budynek"}} {
		if _, ok := store.LayerByName(d.Store.Layers(), c.layer); !ok {
			continue
		}
		var found *store.Object
		err := d.Store.Query(ctx, store.Query{Layer: c.layer, Where: map[string]any{c.col: id}, Limit: 1}, func(r store.Row) error {
			found = r.Object
			return nil
		})
		if err != nil {
			return orb.Point{}, "", false, err
		}
		if found != nil {
			if p, ok := interiorPoint(found.Geometry); ok {
				label := c.what + " " + id
				if a, _ := found.Attrs["adresy"].(string); a != "" {
					label = a + " (" + label + ")"
				}
				return p, label, true, nil
			}
		}
	}
	return orb.Point{}, "", false, nil
}

// describe says where p is for the request's address: the property address
// and number of the parcel under it, and its obręb.
func describe(ctx context.Context, d *server.Dataset, p orb.Point, obreb string) string {
	parts := []string{}
	if ix, ok := d.Index.Layer("dzialki"); ok {
		var ids []string
		ix.Search(index.BoxOf(orb.Bound{Min: p, Max: p}), func(id string) bool { ids = append(ids, id); return len(ids) < 16 })
		for _, id := range ids {
			o, err := d.Store.Get(ctx, "dzialki", id)
			if err != nil || !contains(o.Geometry, p) {
				continue
			}
			if a, _ := o.Attrs["adresy"].(string); a != "" {
				a, _, _ = strings.Cut(a, "; ")
				parts = append(parts, a)
			}
			parts = append(parts, fmt.Sprintf("dz. %v", o.Attrs["numer_dzialki"]))
			break
		}
	}
	if obreb != "" {
		parts = append(parts, "obręb "+obreb)
	}
	return strings.Join(parts, ", ")
}

func contains(g orb.Geometry, p orb.Point) bool {
	switch g := g.(type) {
	case orb.Polygon:
		return planar.PolygonContains(g, p)
	case orb.MultiPolygon:
		return planar.MultiPolygonContains(g, p)
	}
	return false
}

// interiorPoint is a point inside a polygon (its centroid when that is
// inside, else the middle of the widest stretch inside along the centroid's
// row); a point's own position; the middle vertex of a line.
func interiorPoint(g orb.Geometry) (orb.Point, bool) {
	switch g := g.(type) {
	case orb.Point:
		return g, true
	case orb.LineString:
		if len(g) > 0 {
			return g[len(g)/2], true
		}
	case orb.MultiLineString:
		if len(g) > 0 {
			return interiorPoint(g[0])
		}
	case orb.Polygon:
		return interiorPoint(orb.MultiPolygon{g})
	case orb.MultiPolygon:
		c, _ := planar.CentroidArea(g)
		if planar.MultiPolygonContains(g, c) {
			return c, true
		}
		var xs []float64
		y := c[1]
		for _, poly := range g {
			for _, ring := range poly {
				for i := 0; i+1 < len(ring); i++ {
					a, b := ring[i], ring[i+1]
					if (a[1] <= y) != (b[1] <= y) {
						xs = append(xs, a[0]+(y-a[1])*(b[0]-a[0])/(b[1]-a[1]))
					}
				}
			}
		}
		sort.Float64s(xs)
		best, bw := orb.Point{}, -1.0
		for i := 0; i+1 < len(xs); i += 2 {
			if w := xs[i+1] - xs[i]; w > bw {
				best, bw = orb.Point{(xs[i] + xs[i+1]) / 2, y}, w
			}
		}
		return best, bw > 0 && !math.IsNaN(best[0])
	}
	return orb.Point{}, false
}
