package extracts

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/geo"
)

func itemOf(t *testing.T, q Quote, product string) Item {
	t.Helper()
	for _, it := range q.Items {
		if it.Product == product {
			return it
		}
	}
	t.Fatalf("no item %s in %+v", product, q.Items)
	return Item{}
}

func TestQuoteItemised(t *testing.T) {
	ps := currentParcels(t)
	chosen := ps[10:13]
	r := post(t, "/api/extracts/quote", Request{Parcels: parcelIDs(chosen), Products: []string{"gpkg", "wypis_wyrys", "wypis_rejestr_gruntow_bez_danych_osobowych", "wyrys"}})
	if r.status != 200 {
		t.Fatalf("%d %s", r.status, r.body)
	}
	var q Quote
	r.json(t, &q)
	if !slices.Equal(q.Parcels, parcelIDs(chosen)) {
		t.Errorf("parcels %v, want %v", q.Parcels, parcelIDs(chosen))
	}
	if want := buildingsOn(t, chosen); q.Buildings != want {
		t.Errorf("buildings %d, store links %d to these parcels", q.Buildings, want)
	}
	// Geometry data sets are free by law, itemised at 0 with the legal basis.
	for _, l := range []string{"dzialki", "budynki"} {
		it := itemOf(t, q, "gpkg:"+l)
		if !it.Free || it.Amount != 0 || !strings.Contains(it.Basis, "art. 40a ust. 2 pkt 1") {
			t.Errorf("data item %+v", it)
		}
	}
	if it := itemOf(t, q, "gpkg:dzialki"); it.Units != 3 {
		t.Errorf("parcel units %d", it.Units)
	}
	// Documents from the fee table: rate × units × factor, in grosze.
	ww := itemOf(t, q, "wypis_wyrys")
	wy := itemOf(t, q, "wypis_rejestr_gruntow_bez_danych_osobowych")
	wr := itemOf(t, q, "wyrys")
	if ww.Amount != 14000 || ww.Units != 1 || ww.Rate != 14000 || ww.Basis != "Lp. 3" {
		t.Errorf("wypis_wyrys %+v", ww)
	}
	if wy.Amount != 3*2400 || wy.Units != 3 || wy.Unit != "jednostka_rejestrowa" {
		t.Errorf("wypis %+v", wy)
	}
	if wr.Amount != 5250 || wr.Factor != "0.5" || wr.Rate != 10500 {
		t.Errorf("wyrys with factor 0.5: %+v", wr)
	}
	if q.Total != 14000+7200+5250 || q.TotalText != "264,50 zł" || q.Currency != "PLN" {
		t.Errorf("total %d %q %s", q.Total, q.TotalText, q.Currency)
	}
	for i, it := range q.Items {
		if it.Lp != i+1 {
			t.Errorf("item %d has lp %d", i, it.Lp)
		}
	}
}

func TestFeeAmountRounding(t *testing.T) {
	for _, c := range []struct {
		rate  config.Grosze
		units int64
		f     config.Factor
		want  config.Grosze
	}{{10500, 1, 500, 5250}, {2400, 3, 1000, 7200}, {1, 1, 500, 1}, {1, 1, 499, 0}, {333, 1, 1500, 500}, {0, 10, 1000, 0}} {
		if got := feeAmount(c.rate, c.units, c.f); got != c.want {
			t.Errorf("%d × %d × %d‰ = %d, want %d", c.rate, c.units, c.f, got, c.want)
		}
	}
}

// square is a closed ring around a box, in x,y order.
func boxRing(b orb.Bound) [][]float64 {
	return [][]float64{{b.Min[0], b.Min[1]}, {b.Max[0], b.Min[1]}, {b.Max[0], b.Max[1]}, {b.Min[0], b.Max[1]}, {b.Min[0], b.Min[1]}}
}

func polygonJSON(rings ...[][]float64) string {
	b := &strings.Builder{}
	b.WriteString(`{"type":"Polygon","coordinates":[`)
	for i, r := range rings {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('[')
		for j, p := range r {
			if j > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(b, "[%.10f,%.10f]", p[0], p[1])
		}
		b.WriteByte(']')
	}
	b.WriteString("]}")
	return b.String()
}

func TestQuotePolygonCRS(t *testing.T) {
	ps := currentParcels(t)
	target := ps[50]
	bd := target.Geometry.Bound()
	c := bd.Center()
	// a 2 m box at the centre of the parcel's envelope, inside the parcel or not:
	// whichever parcels it hits must be the same in every CRS.
	small := orb.Bound{Min: orb.Point{c[0] - 1, c[1] - 1}, Max: orb.Point{c[0] + 1, c[1] + 1}}
	big := orb.Bound{Min: orb.Point{bd.Min[0] - 30, bd.Min[1] - 30}, Max: orb.Point{bd.Max[0] + 30, bd.Max[1] + 30}}
	for _, b := range []orb.Bound{small, big} {
		var prev []string
		for _, crs := range []string{"EPSG:2180", "CRS84", "EPSG:4326", "EPSG:2177", "EPSG:3857"} {
			dst := geo.MustParse(crs)
			tr, err := geo.NewTransform(geo.MustParse("EPSG:2180"), dst)
			if err != nil {
				t.Fatal(err)
			}
			// Densify the box edges so the transformed ring covers the same ground.
			var ring [][]float64
			corners := boxRing(b)
			for i := 0; i+1 < len(corners); i++ {
				for k := 0; k < 10; k++ {
					f := float64(k) / 10
					x := corners[i][0] + f*(corners[i+1][0]-corners[i][0])
					y := corners[i][1] + f*(corners[i+1][1]-corners[i][1])
					X, Y := tr.Point(x, y)
					ring = append(ring, []float64{X, Y})
				}
			}
			ring = append(ring, ring[0])
			body := fmt.Sprintf(`{"polygon": %s, "crs": %q, "products": ["geojson"]}`, polygonJSON(ring), crs)
			r := post(t, "/api/extracts/quote", body)
			if r.status != 200 {
				t.Fatalf("%s: %d %s", crs, r.status, r.body)
			}
			var q Quote
			r.json(t, &q)
			if len(q.Parcels) == 0 {
				t.Fatalf("%s: nothing selected", crs)
			}
			if prev != nil && !slices.Equal(prev, q.Parcels) {
				t.Errorf("%s selects %v, EPSG:2180 selects %v", crs, q.Parcels, prev)
			}
			prev = q.Parcels
			if b == big && !slices.Contains(q.Parcels, str(target, "id_dzialki")) {
				t.Errorf("%s: the box around %s does not select it", crs, str(target, "id_dzialki"))
			}
			// Every selected parcel's envelope meets the box.
			for _, p := range ps {
				if slices.Contains(q.Parcels, str(p, "id_dzialki")) && !p.Geometry.Bound().Intersects(b) {
					t.Errorf("%s: parcel %s lies away from the box", crs, str(p, "id_dzialki"))
				}
			}
		}
	}
}

func TestQuoteBadInput(t *testing.T) {
	ps := currentParcels(t)
	bd := ps[0].Geometry.Bound()
	bowtie := polygonJSON([][]float64{{bd.Min[0], bd.Min[1]}, {bd.Max[0], bd.Max[1]}, {bd.Max[0], bd.Min[1]}, {bd.Min[0], bd.Max[1]}, {bd.Min[0], bd.Min[1]}})
	// ~50 km square: far over max_area_ha 2000.
	huge := polygonJSON(boxRing(orb.Bound{Min: orb.Point{bd.Min[0] - 25000, bd.Min[1] - 25000}, Max: orb.Point{bd.Min[0] + 25000, bd.Min[1] + 25000}}))
	// the whole county at a legal area but with more than max_parcels (300) parcels.
	var all orb.Bound
	for i, p := range ps {
		if i == 0 {
			all = p.Geometry.Bound()
		}
		all = all.Union(p.Geometry.Bound())
	}
	area := (all.Max[0] - all.Min[0]) * (all.Max[1] - all.Min[1]) / 10000
	many := polygonJSON(boxRing(all))
	ids := make([]string, 301)
	for i := range ids {
		ids[i] = fmt.Sprintf("000000_0.0000.%d", i)
	}
	idsB, _ := json.Marshal(ids)
	idsJSON := string(idsB)
	cases := []struct {
		name, body string
		status     int
		code, msg  string
	}{
		{"not json", `{"parcels": [`, 400, "InvalidRequest", "JSON"},
		{"unknown field", `{"parcel": ["x"], "products": ["gpkg"]}`, 400, "InvalidRequest", "unknown field"},
		{"empty", `{"products": ["gpkg"]}`, 400, "EmptySelection", "empty"},
		{"empty list", `{"parcels": [], "products": ["gpkg"]}`, 400, "EmptySelection", "empty"},
		{"both", `{"parcels": ["a"], "polygon": ` + bowtie + `, "products": ["gpkg"]}`, 400, "InvalidRequest", "either"},
		{"no products", `{"parcels": ["` + str(ps[0], "id_dzialki") + `"]}`, 400, "UnknownProduct", "no products"},
		{"unknown product", `{"parcels": ["` + str(ps[0], "id_dzialki") + `"], "products": ["shapefile"]}`, 400, "UnknownProduct", "shapefile"},
		{"duplicate product", `{"parcels": ["` + str(ps[0], "id_dzialki") + `"], "products": ["gpkg", "gpkg"]}`, 400, "UnknownProduct", "twice"},
		{"unknown layer", `{"parcels": ["` + str(ps[0], "id_dzialki") + `"], "products": ["gpkg"], "layers": ["punkty"]}`, 400, "UnknownLayer", "punkty"},
		{"unknown parcels", `{"parcels": ["` + str(ps[0], "id_dzialki") + `", "999999_9.9999.1/1", "999999_9.9999.2"], "products": ["gpkg"]}`, 404, "UnknownParcel", "999999_9.9999.1/1, 999999_9.9999.2"},
		{"too many ids", `{"parcels": ` + idsJSON + `, "products": ["gpkg"]}`, 400, "SelectionTooLarge", "max_parcels"},
		{"self-intersecting", `{"polygon": ` + bowtie + `, "crs": "EPSG:2180", "products": ["gpkg"]}`, 400, "InvalidPolygon", "Self-intersection"},
		{"open ring", `{"polygon": {"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}, "products": ["gpkg"]}`, 400, "InvalidPolygon", "closed"},
		{"point", `{"polygon": {"type":"Point","coordinates":[19,52]}, "products": ["gpkg"]}`, 400, "InvalidPolygon", "Point"},
		{"short position", `{"polygon": {"type":"Polygon","coordinates":[[[19,52],[19.1],[19.1,52.1],[19,52]]]}, "products": ["gpkg"]}`, 400, "InvalidPolygon", "two coordinates"},
		{"huge area", `{"polygon": ` + huge + `, "crs": "EPSG:2180", "products": ["gpkg"]}`, 400, "SelectionTooLarge", "max_area_ha"},
		{"too many parcels", `{"polygon": ` + many + `, "crs": "EPSG:2180", "products": ["gpkg"]}`, 400, "SelectionTooLarge", "max_parcels"},
		{"nothing there", `{"polygon": {"type":"Polygon","coordinates":[[[14.1,49.1],[14.11,49.1],[14.11,49.11],[14.1,49.1]]]}, "products": ["gpkg"]}`, 400, "EmptySelection", "no parcel"},
		{"unknown crs", `{"polygon": ` + bowtie + `, "crs": "EPSG:9999999", "products": ["gpkg"]}`, 400, "InvalidCRS", "9999999"},
		{"unknown dataset", `{"dataset": "gmina", "parcels": ["x"], "products": ["gpkg"]}`, 404, "UnknownDataset", "gmina"},
	}
	if area > 2000 {
		t.Fatalf("fixture county covers %.0f ha: the max_parcels case needs less than max_area_ha", area)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, path := range []string{"/api/extracts/quote", "/api/extracts/orders"} {
				d := post(t, path, c.body).problem(t, c.status, c.code)
				if !strings.Contains(d, c.msg) {
					t.Errorf("%s: detail %q lacks %q", path, d, c.msg)
				}
			}
		})
	}
	// Nothing of that was stored as an order.
	ids2, err := fx.svc.managers[0].db().AuditLog(t.Context(), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ids2 {
		if strings.Contains(e.Detail, "999999_9") {
			t.Errorf("bad request reached the audit log: %+v", e)
		}
	}
	// Wrong method.
	if r := do(t, http.MethodGet, fx.url+"/api/extracts/quote", nil); r.status != http.StatusMethodNotAllowed {
		t.Errorf("GET quote: %d", r.status)
	}
}
