package parcels

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"os/exec"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/store"
)

type cardJSON struct {
	Type     string
	ID       string
	Geometry struct {
		Type        string
		Coordinates [][][][2]float64
	}
	Properties struct {
		Dataset    string            `json:"dataset"`
		ID         string            `json:"id_dzialki"`
		Number     string            `json:"numer_dzialki"`
		Obreb      named             `json:"obreb"`
		Gmina      named             `json:"gmina"`
		AreaEwid   *float64          `json:"pole_ewidencyjne_ha"`
		AreaGeom   float64           `json:"pole_geometryczne_m2"`
		KW         []string          `json:"numery_kw"`
		LandUse    []landUse         `json:"klasouzytki"`
		Buildings  []building        `json:"budynki"`
		Neighbours []neighbour       `json:"sasiedzi"`
		Planning   []zone            `json:"planowanie"`
		KIEG       map[string]string `json:"kieg"`
		Version    version           `json:"wersja"`
		Extra      map[string]any    `json:"-"`
	}
	Links []struct{ Rel, Href string }
}

func getCard(t *testing.T, base, id string, query ...string) (int, cardJSON, string) {
	t.Helper()
	u := base + "/api/parcels/" + url.PathEscape(id)
	if len(query) > 0 {
		u += "?" + strings.Join(query, "&")
	}
	resp, body := get(t, u)
	var c cardJSON
	if resp.StatusCode == 200 {
		if ct := resp.Header.Get("Content-Type"); ct != "application/geo+json" {
			t.Fatalf("content type %q", ct)
		}
		if err := json.Unmarshal([]byte(body), &c); err != nil {
			t.Fatalf("%v: %s", err, body)
		}
	} else if ct := resp.Header.Get("Content-Type"); ct != "application/problem+json" {
		t.Fatalf("error content type %q: %s", ct, body)
	}
	return resp.StatusCode, c, body
}

// The card's area, buildings and neighbours agree with GDAL computing them
// from the GeoPackage; the buildings include every building whose EGiB record
// links the parcel (dzialkaZabudowana).
func TestCardAgainstGDAL(t *testing.T) {
	ctx := context.Background()
	linked := map[string][]string{} // parcel lokalnyId → linked building ids
	fx.store.Query(ctx, store.Query{Layer: "budynki"}, func(r store.Row) error {
		for _, p := range strings.Split(str(r.Object, "dzialki"), ";") {
			linked[p] = append(linked[p], str(r.Object, "id_budynku"))
		}
		return nil
	})
	var ids []string
	byID := map[string]*store.Object{}
	for _, o := range currentParcels(t) {
		if len(ids) < 12 && (len(linked[o.ID]) > 0) == (len(ids)%3 != 0) {
			ids = append(ids, str(o, "id_dzialki"))
			byID[str(o, "id_dzialki")] = o
		}
	}
	js, _ := json.Marshal(ids)
	var truth []struct {
		ID         string
		Area       float64
		Neighbours map[string]float64
		Buildings  map[string]float64
	}
	if err := json.Unmarshal([]byte(python(t, pyCard, fx.gpkg, string(js))), &truth); err != nil {
		t.Fatal(err)
	}
	for _, tr := range truth {
		code, c, body := getCard(t, fx.url, tr.ID)
		if code != 200 {
			t.Fatalf("%s: %d %s", tr.ID, code, body)
		}
		p := c.Properties
		o := byID[tr.ID]
		if c.Type != "Feature" || c.ID != tr.ID || p.ID != tr.ID || p.Number != str(o, "numer_dzialki") || p.Obreb.ID != str(o, "id_obrebu") || p.Obreb.Name == "" || p.Gmina.Name == "" {
			t.Fatalf("%s: identity: %s", tr.ID, body[:300])
		}
		if p.AreaEwid == nil || *p.AreaEwid != o.Attrs["pole_ewidencyjne"].(float64) {
			t.Fatalf("%s: pole ewidencyjne %v", tr.ID, p.AreaEwid)
		}
		if math.Abs(p.AreaGeom-tr.Area) > 0.006 {
			t.Fatalf("%s: computed area %f, GDAL %f", tr.ID, p.AreaGeom, tr.Area)
		}
		if p.KIEG["ID_DZIALKI"] != tr.ID || p.KIEG["NAZWA_OBREBU"] != p.Obreb.Name {
			t.Fatalf("%s: kieg %v", tr.ID, p.KIEG)
		}
		var lu float64
		for _, u := range p.LandUse {
			lu += u.Pole
		}
		if math.Abs(lu-*p.AreaEwid) > 0.00011 {
			t.Fatalf("%s: land-use areas sum to %f ha, pole %f", tr.ID, lu, *p.AreaEwid)
		}
		got := map[string]float64{}
		for _, n := range p.Neighbours {
			got[n.ID] = n.Border
		}
		if len(got) != len(tr.Neighbours) {
			t.Fatalf("%s: neighbours %v, GDAL %v", tr.ID, got, tr.Neighbours)
		}
		for id, l := range tr.Neighbours {
			if g, ok := got[id]; !ok || math.Abs(g-l) > 0.02 {
				t.Fatalf("%s: neighbour %s border %v, GDAL %v", tr.ID, id, got[id], l)
			}
		}
		gotB := map[string]float64{}
		for _, b := range p.Buildings {
			gotB[b.ID] = b.AreaOnPlot
			if b.ShareOfBldg <= 0 || b.ShareOfBldg > 1 {
				t.Fatalf("%s: building share %v", tr.ID, b.ShareOfBldg)
			}
		}
		if len(gotB) != len(tr.Buildings) {
			t.Fatalf("%s: buildings %v, GDAL %v", tr.ID, gotB, tr.Buildings)
		}
		for id, a := range tr.Buildings {
			if math.Abs(gotB[id]-a) > 0.02 {
				t.Fatalf("%s: building %s area %v, GDAL %v", tr.ID, id, gotB[id], a)
			}
		}
		for _, b := range linked[o.ID] {
			if _, ok := gotB[b]; !ok {
				t.Fatalf("%s: linked building %s missing from %v", tr.ID, b, gotB)
			}
		}
		if p.Planning != nil {
			t.Fatalf("planning without a planning layer: %v", p.Planning)
		}
	}
}

const pyCard = `
import sys, json
from osgeo import ogr
ds = ogr.Open(sys.argv[1])
dz, bu = ds.GetLayerByName('dzialki'), ds.GetLayerByName('budynki')
out = []
for pid in json.loads(sys.argv[2]):
    dz.SetSpatialFilter(None)
    dz.SetAttributeFilter("id_dzialki = '%s'" % pid)
    feat = dz.GetNextFeature()
    g = feat.GetGeometryRef().Clone()
    dz.SetAttributeFilter(None)
    minx, maxx, miny, maxy = g.GetEnvelope()
    dz.SetSpatialFilterRect(minx-0.01, miny-0.01, maxx+0.01, maxy+0.01)
    nb = {}
    border = g.Boundary()
    for f in dz:
        nid = f.GetField('id_dzialki')
        h = f.GetGeometryRef()
        if nid == pid or h.Distance(g) > 0.01:
            continue
        hb = h.Boundary()
        buf = hb.Buffer(0.01, 2)
        nb[nid] = round(border.Intersection(buf).Length(), 2)
    bu.SetSpatialFilterRect(minx-0.01, miny-0.01, maxx+0.01, maxy+0.01)
    bs = {}
    for f in bu:
        bg = f.GetGeometryRef()
        a = bg.Intersection(g).GetArea()
        if a >= 0.01:
            bs[f.GetField('id_budynku')] = round(a, 2)
    out.append({'ID': pid, 'Area': g.GetArea(), 'Neighbours': nb, 'Buildings': bs})
print(json.dumps(out))
`

// ?date= answers from the version history.
func TestCardAsOf(t *testing.T) {
	ctx := context.Background()
	var hist []*store.Object
	for _, o := range currentParcels(t) {
		h, err := fx.store.History(ctx, "dzialki", o.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(h) >= 2 && h[0].EndVersion.In(warsaw).Format("2006-01-02") != h[0].StartVersion.In(warsaw).Format("2006-01-02") {
			hist = h
			break
		}
	}
	if hist == nil {
		t.Fatal("fixture has no parcel with an archived version")
	}
	old, cur := hist[0], hist[len(hist)-1]
	id := str(cur, "id_dzialki")
	day := old.StartVersion.In(warsaw).Format("2006-01-02")
	code, c, body := getCard(t, fx.url, id, "date="+day)
	if code != 200 || c.Properties.Version.ID != old.Version || c.Properties.Version.AsOf != day || c.Properties.Version.End == "" {
		t.Fatalf("as of %s: want version %s: %d %s", day, old.Version, code, body[:min(len(body), 400)])
	}
	code, c, _ = getCard(t, fx.url, id)
	if code != 200 || c.Properties.Version.ID != cur.Version || c.Properties.Version.End != "" {
		t.Fatalf("current: %d %+v", code, c.Properties.Version)
	}
	before := old.StartObject.In(warsaw).AddDate(0, 0, -1).Format("2006-01-02")
	if code, _, body := getCard(t, fx.url, id, "date="+before); code != 404 || !strings.Contains(body, "existed on "+before) {
		t.Fatalf("before the parcel existed: %d %s", code, body)
	}

	// A deleted parcel: gone now, there on a date when it lived.
	var deleted *store.Object
	fx.store.Query(ctx, store.Query{Layer: "dzialki", AsOf: time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)}, func(r store.Row) error {
		if deleted == nil && !r.EndObject.IsZero() && r.EndObject.Sub(r.StartVersion) > 48*time.Hour {
			deleted = r.Object
		}
		return nil
	})
	if deleted == nil {
		t.Skip("no parcel deleted after 2015 in the fixture")
	}
	did := str(deleted, "id_dzialki")
	if _, ok := currentIDs(t)[did]; ok {
		t.Skip("deleted parcel's id was reused")
	}
	if code, _, _ := getCard(t, fx.url, did); code != 404 {
		t.Fatalf("deleted parcel now: %d", code)
	}
	alive := deleted.EndObject.In(warsaw).AddDate(0, 0, -1).Format("2006-01-02")
	if code, c, body := getCard(t, fx.url, did, "date="+alive); code != 200 || c.Properties.ID != did {
		t.Fatalf("deleted parcel on %s: %d %s", alive, code, body)
	}
}

func currentIDs(t *testing.T) map[string]bool {
	m := map[string]bool{}
	for _, o := range currentParcels(t) {
		m[str(o, "id_dzialki")] = true
	}
	return m
}

func TestCardErrorsAndCRS(t *testing.T) {
	o := sample(t, 3)[1]
	id := str(o, "id_dzialki")
	for _, tc := range []struct {
		path   string
		status int
		code   string
	}{
		{"/api/parcels/not-an-id", 400, "InvalidParameterValue"},
		{"/api/parcels/100301_4.0001.12x", 400, "InvalidParameterValue"},
		{"/api/parcels/100301_4.0001.99999", 404, "NotFound"},
		{"/api/parcels/" + url.PathEscape(id) + "?date=2020-13-01", 400, "InvalidParameterValue"},
		{"/api/parcels/" + url.PathEscape(id) + "?srid=1234", 400, "InvalidCRS"},
		{"/api/parcels/" + url.PathEscape(id) + "?dataset=nope", 404, "NotFound"},
		{"/api/parcels/" + url.PathEscape(id) + "?bogus=1", 400, "InvalidParameter"},
		{"/api/parcels", 400, "MissingParameterValue"},
		{"/api/parcels?xy=1,2,3", 400, "InvalidParameterValue"},
		{"/api/parcels?xy=19.1,51.6&srid=4326x", 400, "InvalidCRS"},
		{"/api/parcels?xy=51.6,19.1&srid=4326", 400, "InvalidParameterValue"},
		{"/api/parcels?xy=10,10", 400, "InvalidParameterValue"},
		{"/api/parcels/search", 400, "MissingParameterValue"},
		{"/api/parcels/search?q=1&limit=0", 400, "InvalidParameterValue"},
		{"/api/parcels/search?q=1&limit=x", 400, "InvalidParameterValue"},
	} {
		resp, body := get(t, fx.url+tc.path)
		var p struct {
			Status int
			Code   string
			Detail string
		}
		if resp.StatusCode != tc.status || resp.Header.Get("Content-Type") != "application/problem+json" || json.Unmarshal([]byte(body), &p) != nil || p.Code != tc.code || p.Detail == "" {
			t.Errorf("%s: %d %s %s", tc.path, resp.StatusCode, resp.Header.Get("Content-Type"), body)
		}
	}
	// Either spelling of the id works: %2F and a raw slash.
	for _, p := range []string{url.PathEscape(id), id} {
		if resp, body := get(t, fx.url+"/api/parcels/"+p); resp.StatusCode != 200 {
			t.Fatalf("%s: %d %s", p, resp.StatusCode, body)
		}
	}
	// srid=4326: lon/lat coordinates, checked against PROJ's cs2cs.
	resp, body := get(t, fx.url+"/api/parcels/"+url.PathEscape(id)+"?srid=4326")
	var c cardJSON
	if err := json.Unmarshal([]byte(body), &c); err != nil || resp.Header.Get("Content-Crs") != "<http://www.opengis.net/def/crs/EPSG/0/4326>" {
		t.Fatalf("%v %q", err, resp.Header.Get("Content-Crs"))
	}
	first := asMulti(o.Geometry)[0][0][0]
	lon, lat := cs2cs(t, first)
	got := c.Geometry.Coordinates[0][0][0]
	if math.Abs(got[0]-lon) > 2e-8 || math.Abs(got[1]-lat) > 2e-8 {
		t.Fatalf("4326 vertex %v, PROJ %f,%f", got, lon, lat)
	}
}

// cs2cs converts an EPSG:2180 point (E, N) to lon, lat with PROJ.
func cs2cs(t *testing.T, p orb.Point) (lon, lat float64) {
	t.Helper()
	if _, err := exec.LookPath("cs2cs"); err != nil {
		t.Skip("cs2cs not installed (Debian proj-bin)")
	}
	cmd := exec.Command("cs2cs", "-f", "%.10f", "EPSG:2180", "OGC:CRS84")
	cmd.Stdin = strings.NewReader(fmt.Sprintf("%.4f %.4f\n", p[1], p[0])) // EPSG:2180 is N, E
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fmt.Sscan(string(out), &lon, &lat); err != nil {
		t.Fatalf("%q: %v", out, err)
	}
	return lon, lat
}

func TestPointLookup(t *testing.T) {
	for _, o := range sample(t, 15) {
		id := str(o, "id_dzialki")
		pt := interior(asMulti(o.Geometry))
		var fc struct {
			Type           string
			NumberReturned int
			Features       []struct {
				ID         string
				Properties map[string]any
				Links      []struct{ Rel, Href string }
			}
		}
		resp, body := get(t, fmt.Sprintf("%s/api/parcels?xy=%.3f,%.3f", fx.url, pt[0], pt[1]))
		if resp.StatusCode != 200 || json.Unmarshal([]byte(body), &fc) != nil || fc.NumberReturned != 1 || fc.Features[0].ID != id {
			t.Fatalf("%s at %v: %d %s", id, pt, resp.StatusCode, body[:min(300, len(body))])
		}
		if href := fc.Features[0].Links[0].Href; !strings.HasPrefix(href, "/api/parcels/"+url.PathEscape(id)) {
			t.Fatalf("card link %q", href)
		}
		lon, lat := cs2cs(t, pt)
		resp, body = get(t, fmt.Sprintf("%s/api/parcels?xy=%.10f,%.10f&srid=4326", fx.url, lon, lat))
		if resp.StatusCode != 200 || json.Unmarshal([]byte(body), &fc) != nil || fc.NumberReturned != 1 || fc.Features[0].ID != id {
			t.Fatalf("%s at %f,%f (4326): %d %s", id, lon, lat, resp.StatusCode, body[:min(300, len(body))])
		}
	}
	// Swapped E,N is refused with the reason; a point off the data is empty.
	o := sample(t, 1)[0]
	pt := interior(asMulti(o.Geometry))
	resp, body := get(t, fmt.Sprintf("%s/api/parcels?xy=%.3f,%.3f", fx.url, pt[1], pt[0]))
	if resp.StatusCode != 400 || !strings.Contains(body, "exchanged") {
		t.Fatalf("swapped: %d %s", resp.StatusCode, body)
	}
	resp, body = get(t, fx.url+"/api/parcels?xy=600000,500000")
	if resp.StatusCode != 200 || !strings.Contains(body, `"numberReturned":0`) {
		t.Fatalf("off the data: %d %s", resp.StatusCode, body)
	}
}

type searchResult struct {
	Query   string
	Results []struct {
		ID     string
		Number string `json:"numer_dzialki"`
		Obreb  named
		Label  string
		Href   string
		Adres  string
	}
}

func search(t *testing.T, q string, extra ...string) searchResult {
	t.Helper()
	u := fx.url + "/api/parcels/search?q=" + url.QueryEscape(q)
	for _, e := range extra {
		u += "&" + e
	}
	resp, body := get(t, u)
	var r searchResult
	if resp.StatusCode != 200 || json.Unmarshal([]byte(body), &r) != nil {
		t.Fatalf("%s: %d %s", u, resp.StatusCode, body)
	}
	return r
}

// naturalLess orders parcel numbers as people do: 2 < 10 < 10/1 < 10/2.
func naturalLess(a, b string) bool {
	x1, y1 := numberKey(a)
	x2, y2 := numberKey(b)
	if x1 != x2 {
		return x1 < x2
	}
	return y1 < y2
}

func TestSearch(t *testing.T) {
	ctx := context.Background()
	all := currentParcels(t)
	names := map[string]string{}
	fx.store.Query(ctx, store.Query{Layer: "obreby"}, func(r store.Row) error {
		names[str(r.Object, "id_obrebu")] = str(r.Object, "nazwa")
		return nil
	})
	o := all[len(all)/2]
	id, num, obr := str(o, "id_dzialki"), str(o, "numer_dzialki"), str(o, "id_obrebu")
	name := names[obr]

	// The full id: that parcel first.
	r := search(t, id)
	if len(r.Results) == 0 || r.Results[0].ID != id || r.Results[0].Label != name+", dz. "+num {
		t.Fatalf("full id: %+v", r)
	}
	// Obręb name + number, with and without Polish letters, any case: the
	// exact number in that obręb first, then the numbers starting with it in
	// natural order — compared with a brute-force answer from the store.
	for _, q := range []string{name + " " + num, strings.ToUpper(fold(name)) + "  " + num} {
		r = search(t, q, "limit=50")
		var want []*store.Object
		for _, p := range all {
			if names[str(p, "id_obrebu")] == name && strings.HasPrefix(str(p, "numer_dzialki"), num) {
				want = append(want, p)
			}
		}
		sort.SliceStable(want, func(i, j int) bool {
			a, b := str(want[i], "numer_dzialki"), str(want[j], "numer_dzialki")
			if (a == num) != (b == num) {
				return a == num
			}
			if str(want[i], "id_obrebu") != str(want[j], "id_obrebu") {
				return str(want[i], "id_obrebu") < str(want[j], "id_obrebu")
			}
			return naturalLess(a, b)
		})
		if len(want) > 50 {
			want = want[:50]
		}
		// Parcels at an address with these words come in between (see
		// TestSearchVillageAddressRanking); the others follow the brute force.
		var got []string
		for _, x := range r.Results {
			if x.Adres == "" {
				got = append(got, x.ID)
			} else if ok, _ := addrMatches(x.Adres, q); !ok {
				t.Fatalf("%q: %s at %q does not match", q, x.ID, x.Adres)
			}
		}
		if len(got) > len(want) || (len(r.Results) < 50 && len(got) != len(want)) {
			t.Fatalf("%q: %d parcel results, brute force %d", q, len(got), len(want))
		}
		for i := range got {
			if got[i] != str(want[i], "id_dzialki") {
				t.Fatalf("%q: result %d is %s, want %s", q, i, got[i], str(want[i], "id_dzialki"))
			}
		}
	}
	// A partial id lists that obręb's parcels whose id starts with it.
	prefix := obr + ".1"
	r = search(t, prefix, "limit=100")
	n := 0
	for _, p := range all {
		if strings.HasPrefix(str(p, "id_dzialki"), prefix) {
			n++
		}
	}
	if len(r.Results) != min(n, 100) || n == 0 {
		t.Fatalf("%q: %d results, %d parcels match", prefix, len(r.Results), n)
	}
	if r.Results[0].ID != obr+".1" {
		t.Fatalf("%q: first %s", prefix, r.Results[0].ID)
	}
	for _, x := range r.Results {
		if !strings.HasPrefix(x.ID, prefix) {
			t.Fatalf("%q: %s", prefix, x.ID)
		}
	}
	// A bare number: exact matches first; the default limit is 10.
	r = search(t, num)
	if len(r.Results) == 0 || len(r.Results) > 10 || r.Results[0].Number != num {
		t.Fatalf("number %q: %+v", num, r)
	}
	// A name prefix typed without Polish letters.
	r = search(t, fold(name)[:3])
	if len(r.Results) == 0 || !strings.HasPrefix(fold(r.Results[0].Obreb.Name), fold(name)[:3]) {
		t.Fatalf("name prefix: %+v", r)
	}
	if r := search(t, "zzzz-no-such-place 1"); len(r.Results) != 0 {
		t.Fatalf("nonsense: %+v", r)
	}
}

// A dataset publishing only some parcel columns: the card shows no more, and a
// non-public parcel layer needs a key for the card, the lookups and ULDK.
func TestCardPublicColumnsAndAuth(t *testing.T) {
	cfg, err := config.Parse([]byte(fmt.Sprintf(`
datasets:
  - name: restricted
    store: %s
    title: Powiat Łaski
    layers:
      - name: dzialki
        attributes: [id_dzialki, numer_dzialki, id_obrebu]
      - name: budynki
      - name: obreby
      - name: jednostki
  - name: private
    store: %s
    layers:
      - name: dzialki
        public: false
`, fx.gpkg, fx.gpkg)), "")
	if err != nil {
		t.Fatal(err)
	}
	base := serveConfig(t, cfg)
	o := sample(t, 2)[1]
	id := str(o, "id_dzialki")
	code, c, body := getCard(t, base, id, "dataset=restricted")
	if code != 200 {
		t.Fatalf("%d %s", code, body)
	}
	for _, hidden := range []string{"pole_ewidencyjne_ha", "numery_kw", "klasouzytki", "grupa_rejestrowa", `"POLE_EWIDENCYJNE"`, `"KW"`} {
		if strings.Contains(body, hidden) {
			t.Fatalf("%s published: %s", hidden, body)
		}
	}
	if c.Properties.Number == "" || c.Properties.AreaGeom <= 0 {
		t.Fatalf("public part missing: %s", body)
	}
	resp, body := get(t, base+"/api/parcels/"+url.PathEscape(id)+"?dataset=private")
	if resp.StatusCode != 401 {
		t.Fatalf("private card: %d %s", resp.StatusCode, body)
	}
	resp, body = get(t, base+"/uldk?request=GetParcelById&id="+id+"&dataset=private")
	if resp.StatusCode != 401 || !strings.HasPrefix(body, "-1 ") {
		t.Fatalf("private ULDK: %d %q", resp.StatusCode, body)
	}
}

// The card's entity tag follows the caller's access, not only the revision: a
// card cached under an admin's key and revalidated without one (or the other
// way round) is sent again in the caller's view, never confirmed with 304.
func TestCardETagPerAccess(t *testing.T) {
	base := serveYAML(t, fmt.Sprintf(`
datasets:
  - name: restricted
    store: %s
    layers:
      - name: dzialki
        attributes: [id_dzialki, numer_dzialki, id_obrebu]
      - name: budynki
      - name: obreby
      - name: jednostki
auth:
  keys:
    - {name: admin, hash: %s, roles: [admin]}
    - {name: sync, hash: %s, roles: [sync]}
`, fx.gpkg, config.HashKey("k-admin"), config.HashKey("k-sync")))
	var o *store.Object
	for _, p := range currentParcels(t) {
		if str(p, "numer_kw") != "" {
			o = p
			break
		}
	}
	if o == nil {
		t.Fatal("no parcel with a land register number in the fixture")
	}
	u := base + "/api/parcels/" + url.PathEscape(str(o, "id_dzialki"))
	fetch := func(key, inm string) (int, string, string) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, u, nil)
		if key != "" {
			req.Header.Set("X-API-Key", key)
		}
		if inm != "" {
			req.Header.Set("If-None-Match", inm)
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header.Get("ETag"), string(b)
	}
	kw := str(o, "numer_kw")
	code, adminTag, body := fetch("k-admin", "")
	if code != 200 || !strings.Contains(body, kw) {
		t.Fatalf("admin card: %d, land register %s shown: %v", code, kw, strings.Contains(body, kw))
	}
	if code, _, _ := fetch("k-admin", adminTag); code != 304 {
		t.Errorf("the admin's own revalidation: %d, want 304", code)
	}
	for _, who := range []struct{ name, key string }{{"anonymous", ""}, {"sync key", "k-sync"}} {
		code, tag, body := fetch(who.key, adminTag)
		if code != 200 || tag == adminTag || strings.Contains(body, kw) {
			t.Errorf("%s revalidating the admin's card: %d, same tag %v, land register shown %v", who.name, code, tag == adminTag, strings.Contains(body, kw))
		}
	}
	_, publicTag, _ := fetch("", "")
	if code, _, body := fetch("k-admin", publicTag); code != 200 || !strings.Contains(body, kw) {
		t.Errorf("admin revalidating the public card: %d, land register shown %v", code, strings.Contains(body, kw))
	}
	if code, _, _ := fetch("k-sync", publicTag); code != 304 {
		t.Errorf("the sync key shares the public view: %d, want 304", code)
	}
}
