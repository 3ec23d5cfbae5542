// Package extracts sells parcel extracts: a quote itemised like a Dokument
// Obliczenia Opłaty, orders in a state machine kept in their own SQLite database,
// a thin payment-provider hook (manual bank transfer, signed webhooks shaped like
// PayU/Przelewy24), background generation of GeoPackage, GML 3.2 and GeoJSON
// extracts, signed expiring download tokens and an audit log of every step.
//
// Routes: POST /api/extracts/quote, POST /api/extracts/orders,
// GET /api/extracts/orders/{id}, POST /api/extracts/orders/{id}/confirm (admin),
// POST /api/extracts/orders/{id}/cancel, GET /api/extracts/orders/{id}/audit
// (admin), POST /api/payments/{provider}/notify, GET /download/{token}.
package extracts

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"slices"
	"strings"

	"github.com/paulmach/orb"
	"github.com/twpayne/go-geos"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/geo"
	"github.com/sip-core/sip/index"
	"github.com/sip-core/sip/store"
)

// Request is the body of a quote or an order.
type Request struct {
	// Dataset names the dataset (default: the first one).
	Dataset string `json:"dataset,omitempty"`
	// Parcels are parcel ids (id_dzialki), e.g. 141201_1.0001.6509/2.
	Parcels []string `json:"parcels,omitempty"`
	// Polygon is a GeoJSON Polygon or MultiPolygon (x = easting / longitude).
	Polygon json.RawMessage `json:"polygon,omitempty"`
	// CRS of the polygon (default CRS84, as GeoJSON).
	CRS string `json:"crs,omitempty"`
	// Products: data formats (gpkg, gml, geojson) and documents of the fee table.
	Products []string `json:"products"`
	// Layers of the data extract (default: the free items, dzialki and budynki).
	Layers []string `json:"layers,omitempty"`
	// Provider is the payment provider of an order (default: the first configured).
	Provider string `json:"provider,omitempty"`
}

// maxRequestIDs bounds the ids a request may list before any lookup.
const maxRequestIDs = 10000

// ParseRequest decodes and checks the shape of a request body.
func ParseRequest(body []byte) (*Request, error) {
	var q Request
	dec := json.NewDecoder(strings.NewReader(string(body)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&q); err != nil {
		return nil, badRequest("InvalidRequest", "the body must be a JSON object {parcels|polygon, products, …}: "+err.Error())
	}
	if dec.More() {
		return nil, badRequest("InvalidRequest", "trailing data after the JSON object")
	}
	if len(q.Parcels) == 0 && len(q.Polygon) == 0 {
		return nil, badRequest("EmptySelection", "the selection is empty: give parcel ids (parcels) or a polygon")
	}
	if len(q.Parcels) > 0 && len(q.Polygon) > 0 {
		return nil, badRequest("InvalidRequest", "give either parcels or polygon, not both")
	}
	if len(q.Parcels) > maxRequestIDs {
		return nil, badRequest("SelectionTooLarge", fmt.Sprintf("%d parcel ids listed; at most %d", len(q.Parcels), maxRequestIDs))
	}
	if len(q.Products) == 0 {
		return nil, badRequest("UnknownProduct", "no products asked for: give products, e.g. [\"gpkg\"] or [\"gml\", \"wyrys\"]")
	}
	if len(q.Products) > 32 || len(q.Layers) > 32 {
		return nil, badRequest("InvalidRequest", "too many products or layers")
	}
	for _, id := range q.Parcels {
		if strings.TrimSpace(id) == "" || len(id) > 100 {
			return nil, badRequest("InvalidParcelId", fmt.Sprintf("parcel id %.100q is empty or too long", id))
		}
	}
	return &q, nil
}

// Selection is what a request resolves to in a dataset.
type Selection struct {
	Parcels   []*store.Object // sorted by id_dzialki
	Buildings []*store.Object
	AreaHa    float64 // area of the polygon, or the sum of the parcels' areas
}

// selectionLimits are the configured bounds of a selection.
type selectionLimits struct {
	maxParcels int
	maxAreaHa  float64
}

// resolve finds the parcels and buildings of a request in a dataset: the
// parcels a polygon selects or those named, checked against the limits, and
// the buildings standing on them.
func resolve(ctx context.Context, r store.Reader, ix *index.Index, q *Request, lim selectionLimits) (*Selection, error) {
	gc := geos.NewContext()
	sel := &Selection{}
	var area *geos.Geom // the selection: polygon or union of the parcels' shapes
	var parts []*geos.Geom
	var err error
	if len(q.Polygon) > 0 {
		area, err = selectByPolygon(ctx, gc, r, ix, q, lim, sel)
	} else {
		err = selectByID(ctx, r, q, lim, sel)
	}
	if err != nil {
		return nil, err
	}
	slices.SortFunc(sel.Parcels, func(a, b *store.Object) int {
		return strings.Compare(attrString(a, "id_dzialki"), attrString(b, "id_dzialki"))
	})
	var bound orb.Bound
	for i, p := range sel.Parcels {
		mp, ok := p.Geometry.(orb.MultiPolygon)
		if !ok {
			continue
		}
		if i == 0 {
			bound = mp.Bound()
		} else {
			bound = bound.Union(mp.Bound())
		}
		parts = append(parts, toGEOS(gc, mp))
	}
	if area == nil {
		sum := 0.0
		for _, p := range parts {
			sum += p.Area()
		}
		sel.AreaHa = sum / 10000
		if sel.AreaHa > lim.maxAreaHa {
			return nil, badRequest("SelectionTooLarge", fmt.Sprintf("the parcels cover %.1f ha; at most %.0f ha may be ordered at once (extracts.max_area_ha)", sel.AreaHa, lim.maxAreaHa))
		}
	}
	if err := selectBuildings(ctx, gc, r, ix, parts, bound, sel); err != nil {
		return nil, err
	}
	slices.SortFunc(sel.Buildings, func(a, b *store.Object) int { return strings.Compare(a.ID, b.ID) })
	return sel, nil
}

// selectByPolygon selects the parcels a valid polygon overlaps (touching is
// not enough) and returns the polygon.
func selectByPolygon(ctx context.Context, gc *geos.Context, r store.Reader, ix *index.Index, q *Request, lim selectionLimits, sel *Selection) (*geos.Geom, error) {
	poly, err := parsePolygon(q.Polygon, q.CRS)
	if err != nil {
		return nil, err
	}
	g := toGEOS(gc, poly)
	if !g.IsValid() {
		return nil, badRequest("InvalidPolygon", "the polygon is not valid ("+g.IsValidReason()+"): self-intersecting or badly nested rings are refused")
	}
	sel.AreaHa = g.Area() / 10000
	if sel.AreaHa <= 0 {
		return nil, badRequest("EmptySelection", "the polygon has no area")
	}
	if sel.AreaHa > lim.maxAreaHa {
		return nil, badRequest("SelectionTooLarge", fmt.Sprintf("the polygon covers %.1f ha; at most %.0f ha may be ordered at once (extracts.max_area_ha)", sel.AreaHa, lim.maxAreaHa))
	}
	prep := g.Prepare()
	ids, err := ix.SearchIDs(ctx, "dzialki", poly.Bound(), nil)
	if err != nil {
		return nil, err
	}
	if err := queryIDs(ctx, r, "dzialki", ids, func(o *store.Object) error {
		mp, ok := o.Geometry.(orb.MultiPolygon)
		if !ok {
			return nil
		}
		pg := toGEOS(gc, mp)
		if prep.Intersects(pg) && !g.Touches(pg) {
			sel.Parcels = append(sel.Parcels, o)
			if len(sel.Parcels) > lim.maxParcels {
				return badRequest("SelectionTooLarge", fmt.Sprintf("the polygon selects more than %d parcels (extracts.max_parcels); split the order", lim.maxParcels))
			}
		}
		return nil
	}); err != nil {
		return nil, err
	}
	if len(sel.Parcels) == 0 {
		return nil, badRequest("EmptySelection", "the polygon selects no parcel of dataset "+r.Name()+" (check the coordinates and crs)")
	}
	return g, nil
}

// selectByID selects the parcels named; an unknown one is a 404.
func selectByID(ctx context.Context, r store.Reader, q *Request, lim selectionLimits, sel *Selection) error {
	seen := map[string]bool{}
	var unknown []string
	for _, id := range q.Parcels {
		id = strings.TrimSpace(id)
		if seen[id] {
			continue
		}
		seen[id] = true
		if len(seen) > lim.maxParcels {
			return badRequest("SelectionTooLarge", fmt.Sprintf("more than %d parcels (extracts.max_parcels); split the order", lim.maxParcels))
		}
		found := false
		err := r.Query(ctx, store.Query{Layer: "dzialki", Where: map[string]any{"id_dzialki": id}, Limit: 1}, func(row store.Row) error {
			sel.Parcels = append(sel.Parcels, row.Object)
			found = true
			return nil
		})
		if err != nil {
			return err
		}
		if !found {
			unknown = append(unknown, id)
		}
	}
	if len(unknown) > 0 {
		more := ""
		if len(unknown) > 10 {
			more = fmt.Sprintf(" and %d more", len(unknown)-10)
			unknown = unknown[:10]
		}
		return &httpError{status: http.StatusNotFound, code: "UnknownParcel", detail: "unknown parcels in dataset " + r.Name() + ": " + strings.Join(unknown, ", ") + more}
	}
	return nil
}

// selectBuildings adds the buildings standing on the selection: a point
// inside the building lies in a selected parcel (parts, within bound).
func selectBuildings(ctx context.Context, gc *geos.Context, r store.Reader, ix *index.Index, parts []*geos.Geom, bound orb.Bound, sel *Selection) error {
	var preps []*geos.PrepGeom
	for _, p := range parts {
		preps = append(preps, p.Prepare())
	}
	if len(parts) > 0 {
		ids, err := ix.SearchIDs(ctx, "budynki", bound, nil)
		if err != nil {
			return err
		}
		if err := queryIDs(ctx, r, "budynki", ids, func(o *store.Object) error {
			mp, ok := o.Geometry.(orb.MultiPolygon)
			if !ok {
				return nil
			}
			pt := toGEOS(gc, mp).PointOnSurface()
			for _, pp := range preps {
				if pp.Contains(pt) {
					sel.Buildings = append(sel.Buildings, o)
					break
				}
			}
			return nil
		}); err != nil {
			return err
		}
	}
	return nil
}

// queryIDs reads the current objects with the given ids in batches.
func queryIDs(ctx context.Context, r store.Reader, layer string, ids []string, fn func(*store.Object) error) error {
	for len(ids) > 0 {
		n := min(len(ids), 500)
		err := r.Query(ctx, store.Query{Layer: layer, IDs: ids[:n]}, func(row store.Row) error { return fn(row.Object) })
		if err != nil {
			return err
		}
		ids = ids[n:]
	}
	return nil
}

// parsePolygon reads a GeoJSON (Multi)Polygon in crs and returns it in EPSG:2180.
func parsePolygon(raw json.RawMessage, crs string) (orb.MultiPolygon, error) {
	var gj struct {
		Type        string          `json:"type"`
		Coordinates json.RawMessage `json:"coordinates"`
	}
	if err := json.Unmarshal(raw, &gj); err != nil {
		return nil, badRequest("InvalidPolygon", "polygon must be a GeoJSON Polygon or MultiPolygon: "+err.Error())
	}
	var mp orb.MultiPolygon
	switch gj.Type {
	case "Polygon":
		var c [][][]float64
		if err := json.Unmarshal(gj.Coordinates, &c); err != nil {
			return nil, badRequest("InvalidPolygon", "Polygon coordinates must be an array of rings of [x, y] positions")
		}
		mp = orb.MultiPolygon{polygonOf(c)}
	case "MultiPolygon":
		var c [][][][]float64
		if err := json.Unmarshal(gj.Coordinates, &c); err != nil {
			return nil, badRequest("InvalidPolygon", "MultiPolygon coordinates must be an array of polygons")
		}
		for _, p := range c {
			mp = append(mp, polygonOf(p))
		}
	default:
		return nil, badRequest("InvalidPolygon", fmt.Sprintf("polygon must be a GeoJSON Polygon or MultiPolygon, not %.40q", gj.Type))
	}
	if len(mp) == 0 {
		return nil, badRequest("InvalidPolygon", "empty MultiPolygon")
	}
	for _, p := range mp {
		for _, r := range p {
			for _, pt := range r {
				if math.IsNaN(pt[0]) {
					return nil, badRequest("InvalidPolygon", "every position needs two coordinates [x, y]")
				}
			}
		}
	}
	npts := 0
	for _, p := range mp {
		if len(p) == 0 {
			return nil, badRequest("InvalidPolygon", "a polygon without rings")
		}
		for _, r := range p {
			if len(r) < 4 {
				return nil, badRequest("InvalidPolygon", "every ring needs at least 4 positions")
			}
			if r[0] != r[len(r)-1] {
				return nil, badRequest("InvalidPolygon", "every ring must be closed (first position = last)")
			}
			for _, pt := range r {
				if math.IsNaN(pt[0]) || math.IsNaN(pt[1]) || math.IsInf(pt[0], 0) || math.IsInf(pt[1], 0) {
					return nil, badRequest("InvalidPolygon", "non-finite coordinate")
				}
			}
			npts += len(r)
		}
	}
	if npts > 100000 {
		return nil, badRequest("SelectionTooLarge", "the polygon has more than 100000 vertices")
	}
	if crs == "" {
		crs = "CRS84"
	}
	src, _, err := geo.Parse(crs)
	if err != nil {
		return nil, badRequest("InvalidCRS", err.Error())
	}
	// GeoJSON positions are always x = easting / longitude (RFC 7946), whatever
	// the CRS's authority axis order: no swap here.
	dst, _ := geo.Lookup(store.StorageSRID)
	t, err := geo.NewTransform(src, dst)
	if err != nil {
		return nil, badRequest("InvalidCRS", err.Error())
	}
	out, ok := t.Apply(mp).(orb.MultiPolygon)
	if !ok {
		return nil, badRequest("InvalidPolygon", "the polygon could not be transformed")
	}
	for _, p := range out {
		for _, r := range p {
			for _, pt := range r {
				if math.IsNaN(pt[0]) || math.IsNaN(pt[1]) || math.IsInf(pt[0], 0) || math.IsInf(pt[1], 0) {
					return nil, badRequest("InvalidPolygon", fmt.Sprintf("the polygon lies outside the area of %s (positions are [x = easting/longitude, y = northing/latitude])", src))
				}
			}
		}
	}
	return out, nil
}

// polygonOf converts GeoJSON rings; a position without two coordinates becomes
// NaN, refused by the caller.
func polygonOf(c [][][]float64) orb.Polygon {
	p := make(orb.Polygon, 0, len(c))
	for _, r := range c {
		ring := make(orb.Ring, 0, len(r))
		for _, pos := range r {
			if len(pos) < 2 {
				ring = append(ring, orb.Point{math.NaN(), math.NaN()})
				continue
			}
			ring = append(ring, orb.Point{pos[0], pos[1]})
		}
		p = append(p, ring)
	}
	return p
}

func toGEOS(c *geos.Context, mp orb.MultiPolygon) *geos.Geom {
	polys := make([]*geos.Geom, 0, len(mp))
	for _, p := range mp {
		rings := make([][][]float64, len(p))
		for i, r := range p {
			rr := make([][]float64, len(r))
			for j, pt := range r {
				rr[j] = []float64{pt[0], pt[1]}
			}
			rings[i] = rr
		}
		polys = append(polys, c.NewPolygon(rings))
	}
	return c.NewCollection(geos.TypeIDMultiPolygon, polys)
}

func attrString(o *store.Object, k string) string {
	s, _ := o.Attrs[k].(string)
	return s
}

// Item is one line of a Dokument Obliczenia Opłaty.
type Item struct {
	Lp      int           `json:"lp"`
	Product string        `json:"product"`
	Title   string        `json:"title"`
	Unit    string        `json:"unit"`
	Units   int64         `json:"units"`
	Rate    config.Grosze `json:"rate"`   // grosze per unit
	Factor  string        `json:"factor"` // correction factor, decimal
	Amount  config.Grosze `json:"amount"` // grosze
	Free    bool          `json:"free"`
	Basis   string        `json:"basis,omitempty"`
}

// Quote is an itemised fee calculation.
type Quote struct {
	Dataset   string        `json:"dataset"`
	Currency  string        `json:"currency"`
	Parcels   []string      `json:"parcels"`
	Buildings int           `json:"buildings"`
	AreaHa    float64       `json:"area_ha"`
	Layers    []string      `json:"layers"`
	Formats   []string      `json:"formats"`
	Documents []string      `json:"documents"`
	Items     []Item        `json:"items"`
	Total     config.Grosze `json:"total"` // grosze
	TotalText string        `json:"total_text"`
}

// price computes the quote of a resolved selection from the fee table.
func price(fees config.Fees, dataset string, layers []store.Layer, q *Request, sel *Selection) (*Quote, error) {
	qt := &Quote{Dataset: dataset, Currency: fees.Currency, Buildings: len(sel.Buildings), AreaHa: math.Round(sel.AreaHa*10000) / 10000}
	for _, p := range sel.Parcels {
		qt.Parcels = append(qt.Parcels, attrString(p, "id_dzialki"))
	}
	seen := map[string]bool{}
	for _, p := range q.Products {
		if seen[p] {
			return nil, badRequest("UnknownProduct", "product "+p+" is listed twice")
		}
		seen[p] = true
		switch {
		case slices.Contains(fees.Products, p):
			qt.Formats = append(qt.Formats, p)
		case feeFor(fees, p) != nil:
			qt.Documents = append(qt.Documents, p)
		default:
			var docs []string
			for _, f := range fees.Items {
				docs = append(docs, f.Document)
			}
			return nil, badRequest("UnknownProduct", fmt.Sprintf("unknown product %q: data formats %s; documents %s", p, strings.Join(fees.Products, ", "), strings.Join(docs, ", ")))
		}
	}
	lnames := q.Layers
	if len(lnames) == 0 {
		for _, f := range fees.Free {
			if _, ok := store.LayerByName(layers, f.Layer); ok {
				lnames = append(lnames, f.Layer)
			}
		}
	}
	if len(qt.Formats) > 0 {
		for _, ln := range lnames {
			if _, ok := store.LayerByName(layers, ln); !ok {
				return nil, badRequest("UnknownLayer", "layer "+ln+" is not published by dataset "+dataset)
			}
			if ln != "dzialki" && ln != "budynki" {
				return nil, badRequest("UnknownLayer", "extracts hold the layers dzialki and budynki of the selection; "+ln+" is not offered")
			}
			if slices.Contains(qt.Layers, ln) {
				return nil, badRequest("UnknownLayer", "layer "+ln+" is listed twice")
			}
			qt.Layers = append(qt.Layers, ln)
		}
	}
	add := func(it Item) {
		it.Lp = len(qt.Items) + 1
		qt.Items = append(qt.Items, it)
		qt.Total += it.Amount
	}
	for _, f := range qt.Formats {
		for _, ln := range qt.Layers {
			free := freeItem(fees, ln)
			if free == nil {
				return nil, badRequest("UnknownLayer", "no fee is configured for a data set of layer "+ln+" (fees.free)")
			}
			n := int64(len(sel.Parcels))
			if ln == "budynki" {
				n = int64(len(sel.Buildings))
			}
			title := free.Title
			if title == "" {
				title = "Zbiór danych: " + ln
			}
			add(Item{Product: f + ":" + ln, Title: title + " — " + strings.ToUpper(f), Unit: "obiekt", Units: n, Factor: "1", Free: true, Basis: free.Basis})
		}
	}
	for _, d := range qt.Documents {
		f := feeFor(fees, d)
		var units int64
		switch f.Unit {
		case "jednostka_rejestrowa":
			// The public store holds no register units (JRG); each parcel is counted
			// as its own unit, the upper bound the office then confirms.
			units = int64(len(sel.Parcels))
		case "pozycja":
			units = int64(max(1, len(sel.Buildings)))
		default:
			units = 1
		}
		factor := f.CorrectionFactor()
		title := f.Title
		if title == "" {
			title = d
		}
		add(Item{Product: d, Title: title + " (postać elektroniczna)", Unit: f.Unit, Units: units, Rate: f.Electronic,
			Factor: factor.String(), Amount: feeAmount(f.Electronic, units, factor), Basis: f.Basis})
	}
	qt.TotalText = qt.Total.String()
	return qt, nil
}

// feeAmount is rate × units × factor rounded half up to the grosz, in integers.
func feeAmount(rate config.Grosze, units int64, f config.Factor) config.Grosze {
	v := int64(rate) * units * int64(f)
	return config.Grosze((v + 500) / 1000)
}

func feeFor(fees config.Fees, doc string) *config.Fee {
	for i := range fees.Items {
		if fees.Items[i].Document == doc {
			return &fees.Items[i]
		}
	}
	return nil
}

func freeItem(fees config.Fees, layer string) *config.FreeItem {
	for i := range fees.Free {
		if fees.Free[i].Layer == layer {
			return &fees.Free[i]
		}
	}
	return nil
}

// httpError is a request failure with its status and problem code.
type httpError struct {
	status       int
	code, detail string
}

func (e *httpError) Error() string { return e.detail }

func badRequest(code, detail string) error {
	return &httpError{status: http.StatusBadRequest, code: code, detail: detail}
}
