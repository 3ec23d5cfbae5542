package parcels

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/wkb"
	"github.com/paulmach/orb/encoding/wkt"
	"github.com/paulmach/orb/planar"

	"github.com/sip-core/sip/store"
)

func uldkURL(v ...string) string {
	q := url.Values{}
	for i := 0; i+1 < len(v); i += 2 {
		q.Set(v[i], v[i+1])
	}
	return fx.url + "/uldk?" + q.Encode()
}

// sample picks n parcels spread over the county.
func sample(t testing.TB, n int) []*store.Object {
	all := currentParcels(t)
	var out []*store.Object
	for i := 0; i < n && i < len(all); i++ {
		out = append(out, all[i*len(all)/n])
	}
	return out
}

// The QGIS ULDK plugins send exactly this request and test the first byte.
func TestULDKQGISPluginRequest(t *testing.T) {
	ctx := context.Background()
	for _, o := range sample(t, 10) {
		id := str(o, "id_dzialki")
		raw := fx.url + "/uldk?request=GetParcelById&id=" + id + "&result=geom_wkt,teryt,parcel,region,commune,county,voivodeship&srid=2180"
		resp, body := get(t, raw)
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/plain; charset=utf-8" {
			t.Fatalf("%s: %d %s", raw, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		if body[0] != '0' || !strings.HasSuffix(body, "\n") || strings.Count(body, "\n") != 2 {
			t.Fatalf("framing: %q", body)
		}
		f := strings.Split(strings.TrimSuffix(strings.SplitN(body, "\n", 2)[1], "\n"), "|")
		if len(f) != 7 {
			t.Fatalf("%d fields: %q", len(f), body)
		}
		obr := str(o, "id_obrebu")
		var obrName, jedn string
		fx.store.Query(ctx, store.Query{Layer: "obreby", Where: map[string]any{"id_obrebu": obr}}, func(r store.Row) error {
			obrName, jedn = str(r.Object, "nazwa"), str(r.Object, "id_jednostki")
			return nil
		})
		var jednName string
		fx.store.Query(ctx, store.Query{Layer: "jednostki", Where: map[string]any{"id_jednostki": jedn}}, func(r store.Row) error {
			jednName = str(r.Object, "nazwa")
			return nil
		})
		want := []string{"", id, strings.TrimPrefix(id, obr+"."), obrName, jednName, "łaski", "łódzkie"}
		if !strings.HasPrefix(f[0], "SRID=2180;POLYGON((") && !strings.HasPrefix(f[0], "SRID=2180;MULTIPOLYGON(((") {
			t.Fatalf("wkt %q", f[0][:40])
		}
		for i := 1; i < 7; i++ {
			if f[i] != want[i] || want[i] == "" {
				t.Fatalf("field %d = %q, want %q (%s)", i, f[i], want[i], body)
			}
		}
		// The WKT, read by an independent parser, is the stored geometry (E N order).
		g, err := wkt.Unmarshal(strings.TrimPrefix(f[0], "SRID=2180;"))
		if err != nil {
			t.Fatal(err)
		}
		if d := math.Abs(planar.Area(g) - planar.Area(o.Geometry)); d > 1e-6 {
			t.Fatalf("%s: area differs by %g", id, d)
		}
		if !g.Bound().Equal(o.Geometry.Bound()) {
			t.Fatalf("%s: bound %v, stored %v", id, g.Bound(), o.Geometry.Bound())
		}
	}
}

// A Python client (urllib, as the PyPI ULDK clients do) reads our answers; GDAL
// reads the same parcels from the GeoPackage and PROJ (through OSR) transforms
// them, and the two must agree: WKT in 2180, hex EWKB and extent in 4326, and
// GetParcelByXY with lon,lat,4326 at a point GDAL picked inside each parcel.
func TestULDKPythonClientAgainstGDAL(t *testing.T) {
	var ids []string
	for _, o := range sample(t, 25) {
		ids = append(ids, str(o, "id_dzialki"))
	}
	js, _ := json.Marshal(ids)
	out := python(t, pyULDK, fx.url, fx.gpkg, string(js))
	var res []struct {
		ID, XYID, Status string
		SymDiff2180      float64
		MaxDeg4326       float64
		ExtentDeg        float64
		SRID             string
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if len(res) != len(ids) {
		t.Fatalf("%d results for %d ids", len(res), len(ids))
	}
	for i, r := range res {
		if r.Status != "0" || r.SRID != "SRID=2180" {
			t.Errorf("%s: status %q srid %q", ids[i], r.Status, r.SRID)
		}
		if r.SymDiff2180 > 1e-6 {
			t.Errorf("%s: WKT differs from the GeoPackage geometry by %g m²", ids[i], r.SymDiff2180)
		}
		if r.MaxDeg4326 > 2e-8 || r.ExtentDeg > 2e-8 { // ~2 mm
			t.Errorf("%s: 4326 output differs from PROJ by %g° (extent %g°)", ids[i], r.MaxDeg4326, r.ExtentDeg)
		}
		if r.XYID != ids[i] {
			t.Errorf("GetParcelByXY at a point inside %s answered %q", ids[i], r.XYID)
		}
	}
}

const pyULDK = `
import sys, json, struct, urllib.request, urllib.parse
from osgeo import ogr, osr
base, gpkg, ids = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
ds = ogr.Open(gpkg)
lyr = ds.GetLayerByName('dzialki')
s2180 = osr.SpatialReference(); s2180.ImportFromEPSG(2180); s2180.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
s4326 = osr.SpatialReference(); s4326.ImportFromEPSG(4326); s4326.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
ct = osr.CoordinateTransformation(s2180, s4326)

def uldk(**params):
    body = urllib.request.urlopen(base + '/uldk?' + urllib.parse.urlencode(params)).read().decode('utf-8')
    lines = body.split('\n')
    return lines[0], lines[1].split('|') if len(lines) > 1 else []

def ewkb_to_wkb(h):
    b = bytes.fromhex(h)
    assert b[0] == 1
    t = struct.unpack('<I', b[1:5])[0]
    assert t & 0x20000000
    return b[:1] + struct.pack('<I', t & 0xFFFF) + b[9:]

def pts(g):
    out = []
    if g.GetGeometryType() in (ogr.wkbMultiPolygon, ogr.wkbPolygon):
        if g.GetGeometryCount() and g.GetGeometryRef(0).GetGeometryType() == ogr.wkbPolygon:
            for i in range(g.GetGeometryCount()): out += pts(g.GetGeometryRef(i))
            return out
        for i in range(g.GetGeometryCount()): out += pts(g.GetGeometryRef(i))
        return out
    return [g.GetPoint_2D(i) for i in range(g.GetPointCount())]

res = []
for pid in ids:
    lyr.SetAttributeFilter("id_dzialki = '%s'" % pid)
    feat = lyr.GetNextFeature()
    g = feat.GetGeometryRef().Clone()
    r = {'ID': pid}
    status, fields = uldk(request='GetParcelById', id=pid, result='geom_wkt,teryt', srid='2180')
    r['Status'] = status
    srid, w = fields[0].split(';', 1)
    r['SRID'] = srid
    r['SymDiff2180'] = ogr.CreateGeometryFromWkt(w).SymDifference(g).GetArea()
    status, fields = uldk(request='GetParcelById', id=pid, result='geom_wkb,geom_extent', srid='4326')
    ours = ogr.CreateGeometryFromWkb(ewkb_to_wkb(fields[0]))
    g4 = g.Clone(); g4.Transform(ct)
    a, b = pts(ours), pts(g4)
    assert len(a) == len(b), (len(a), len(b))
    r['MaxDeg4326'] = max(max(abs(p[0]-q[0]), abs(p[1]-q[1])) for p, q in zip(a, b))
    env = g4.GetEnvelope()  # minx, maxx, miny, maxy
    ext = [float(x) for x in fields[1].split(',')]
    r['ExtentDeg'] = max(abs(ext[0]-env[0]), abs(ext[1]-env[2]), abs(ext[2]-env[1]), abs(ext[3]-env[3]))
    p = g.PointOnSurface(); p.Transform(ct)
    status, fields = uldk(request='GetParcelByXY', xy='%.10f,%.10f,4326' % (p.GetX(), p.GetY()), result='teryt')
    r['XYID'] = fields[0] if status == '0' else status
    res.append(r)
print(json.dumps(res))
`

func TestULDKNoResultsAndErrors(t *testing.T) {
	o := sample(t, 1)[0]
	id := str(o, "id_dzialki")
	c := o.Geometry.Bound().Center()
	for _, tc := range []struct {
		name string
		url  string
		want string // the whole body, or a prefix ending in '*'
	}{
		{"unknown parcel", uldkURL("request", "GetParcelById", "id", "100301_4.0001.99999", "result", "teryt"), "-1 brak wyników\n"},
		{"unknown obręb", uldkURL("request", "GetRegionById", "id", "100301_4.0999"), "-1 brak wyników\n"},
		{"unknown commune", uldkURL("request", "GetCommuneById", "id", "100309_2"), "-1 brak wyników\n"},
		{"unknown county", uldkURL("request", "GetCountyById", "id", "1412"), "-1 brak wyników\n"},
		{"point in Poland outside the data", uldkURL("request", "GetParcelByXY", "xy", "600000,500000"), "-1 brak wyników\n"},
		{"no request", uldkURL("id", id), "-1 brak parametru request*"},
		{"unknown request", uldkURL("request", "GetParcelByIdd", "id", id), "-1 nieznane żądanie request=GetParcelByIdd*"},
		{"no id", uldkURL("request", "GetParcelById"), "-1 brak parametru id\n"},
		{"malformed id", uldkURL("request", "GetParcelById", "id", "100301_4.01.5"), "-1 malformed parcel id*"},
		{"malformed number", uldkURL("request", "GetParcelById", "id", "100301_4.0001.5a"), "-1 malformed parcel id*"},
		{"bad unit type", uldkURL("request", "GetCommuneById", "id", "100301_7"), "-1 malformed id of a jednostka*"},
		{"bad county", uldkURL("request", "GetCountyById", "id", "9903"), "-1 malformed county id*"},
		{"bad voivodeship", uldkURL("request", "GetVoivodeshipById", "id", "11"), "-1 malformed voivodeship id*"},
		{"unknown field", uldkURL("request", "GetParcelById", "id", id, "result", "teryt,owner"), "-1 nieznane pole result: \"owner\"*"},
		{"unknown srid", uldkURL("request", "GetParcelById", "id", id, "srid", "31467"), "-1 unsupported srid \"31467\"*"},
		{"no xy", uldkURL("request", "GetParcelByXY"), "-1 brak parametru xy*"},
		{"xy not numbers", uldkURL("request", "GetParcelByXY", "xy", "a,b"), "-1 malformed xy*"},
		{"xy one number", uldkURL("request", "GetParcelByXY", "xy", "500000"), "-1 malformed xy*"},
		{"xy NaN", uldkURL("request", "GetParcelByXY", "xy", "NaN,1"), "-1 malformed xy*"},
		{"xy bad srid", uldkURL("request", "GetParcelByXY", "xy", "1,2,12345"), "-1 unsupported srid*"},
		{"outside Poland", uldkURL("request", "GetParcelByXY", "xy", "2.35,48.85,4326"), "-1 coordinates 2.35,48.85 in EPSG:4326 are outside Poland\n"},
		{"lat,lon swapped", uldkURL("request", "GetParcelByXY", "xy", "51.6,19.1,4326"), "-1 coordinates 51.6,19.1 in EPSG:4326 are outside Poland but would be inside with x and y exchanged*"},
		{"N,E swapped in 2180", uldkURL("request", "GetParcelByXY", "xy", fmt.Sprintf("%f,%f", c[1], c[0])), "-1 coordinates * are outside the hosted data, which they would hit with x and y exchanged*"},
		{"IdOrNr without number", uldkURL("request", "GetParcelByIdOrNr", "id", "Łask"), "-1 niepoprawny parametr id*"},
		{"aggregate bad id", uldkURL("request", "GetAggregateArea", "id", id+",xyz"), "-1 niepoprawny identyfikator \"xyz\"*"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := get(t, tc.url)
			if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/plain; charset=utf-8" {
				t.Fatalf("%d %s: %q", resp.StatusCode, resp.Header.Get("Content-Type"), body)
			}
			if !globMatch(tc.want, body) {
				t.Fatalf("body %q, want %q", body, tc.want)
			}
			if strings.Count(body, "\n") != 1 || !strings.HasSuffix(body, "\n") {
				t.Fatalf("not one line: %q", body)
			}
		})
	}
}

// globMatch matches with '*' standing for any run of characters.
func globMatch(pattern, s string) bool {
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(s, parts[0]) {
		return false
	}
	s = s[len(parts[0]):]
	for i := 1; i < len(parts); i++ {
		if i == len(parts)-1 {
			return strings.HasSuffix(s, parts[i])
		}
		j := strings.Index(s, parts[i])
		if j < 0 {
			return false
		}
		s = s[j+len(parts[i]):]
	}
	return s == ""
}

func uldkLines(t *testing.T, u string) []string {
	t.Helper()
	_, body := get(t, u)
	if !strings.HasSuffix(body, "\n") {
		t.Fatalf("no final newline: %q", body)
	}
	return strings.Split(strings.TrimSuffix(body, "\n"), "\n")
}

// GetParcelByIdOrNr by obręb name or id plus number, with several answers when
// two obręby share a name; an obręb and a parcel added to the store while the
// server runs are found without a restart (the model follows the change log).
func TestULDKIdOrNrAmbiguousAndLive(t *testing.T) {
	ctx := context.Background()
	var base *store.Object
	for _, o := range currentParcels(t) {
		if !strings.Contains(str(o, "numer_dzialki"), "/") {
			base = o
			break
		}
	}
	id, num, obr := str(base, "id_dzialki"), str(base, "numer_dzialki"), str(base, "id_obrebu")
	var obrObj *store.Object
	fx.store.Query(ctx, store.Query{Layer: "obreby", Where: map[string]any{"id_obrebu": obr}}, func(r store.Row) error {
		obrObj = r.Object
		return nil
	})
	name := str(obrObj, "nazwa")

	lines := uldkLines(t, uldkURL("request", "GetParcelByIdOrNr", "id", name+" "+num, "result", "teryt,parcel,region"))
	if len(lines) != 2 || lines[0] != "1" || lines[1] != id+"|"+num+"|"+name {
		t.Fatalf("by name: %q", lines)
	}
	lines = uldkLines(t, uldkURL("request", "GetParcelByIdOrNr", "id", strings.ToUpper(obr+" "+num), "result", "teryt"))
	if len(lines) != 2 || lines[1] != id {
		t.Fatalf("by obręb id: %q", lines)
	}
	lines = uldkLines(t, uldkURL("request", "GetParcelByIdOrNr", "id", id, "result", "teryt"))
	if len(lines) != 2 || lines[0] != "1" || lines[1] != id {
		t.Fatalf("by parcel id: %q", lines)
	}

	// A namesake obręb in another gmina, with a parcel of the same number.
	start := time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC)
	off := orb.Point{50000, 0} // far from the county's data
	shift := func(g orb.Geometry) orb.MultiPolygon {
		mp := asMulti(g)
		out := make(orb.MultiPolygon, len(mp))
		for i, p := range mp {
			out[i] = make(orb.Polygon, len(p))
			for j, r := range p {
				out[i][j] = make(orb.Ring, len(r))
				for k, pt := range r {
					out[i][j][k] = orb.Point{pt[0] + off[0], pt[1] + off[1]}
				}
			}
		}
		return out
	}
	newObr := "100399_2.0001"
	newID := newObr + "." + num
	tx, err := fx.store.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range []*store.Object{
		{Layer: "obreby", ID: "7e57e57e-0000-4000-8000-000000000001", Namespace: "PL.PZGiK.1003.EGiB", Version: "2024-03-01T10:00:00",
			StartObject: start, StartVersion: start, Geometry: shift(obrObj.Geometry),
			Attrs: map[string]any{"id_obrebu": newObr, "nazwa": name, "id_jednostki": "100399_2"}},
		{Layer: "dzialki", ID: "7e57e57e-0000-4000-8000-000000000002", Namespace: "PL.PZGiK.1003.EGiB", Version: "2024-03-01T10:00:00",
			StartObject: start, StartVersion: start, Geometry: shift(base.Geometry),
			Attrs: map[string]any{"id_dzialki": newID, "numer_dzialki": num, "id_obrebu": newObr, "pole_ewidencyjne": 0.1}},
	} {
		if _, err := tx.Put(ctx, o); err != nil {
			tx.Rollback()
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		lines = uldkLines(t, uldkURL("request", "GetParcelByIdOrNr", "id", name+" "+num, "result", "teryt,region"))
		if lines[0] == "2" || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if len(lines) != 3 || lines[0] != "2" || lines[1] != id+"|"+name || lines[2] != newID+"|"+name {
		t.Fatalf("ambiguous name: %q", lines)
	}
	// The new parcel answers by point too, with its region.
	c := shift(base.Geometry)
	pt, _ := planar.CentroidArea(c)
	if !planar.MultiPolygonContains(c, pt) {
		t.Skip("centroid outside the parcel")
	}
	lines = uldkLines(t, uldkURL("request", "GetParcelByXY", "xy", fmt.Sprintf("%.3f,%.3f", pt[0], pt[1]), "result", "teryt,region"))
	if len(lines) != 2 || lines[1] != newID+"|"+name {
		t.Fatalf("live parcel by xy: %q", lines)
	}

	// Deleting it takes it away again.
	end := start.Add(time.Hour)
	tx, _ = fx.store.Begin(ctx)
	o, _ := fx.store.Get(ctx, "dzialki", "7e57e57e-0000-4000-8000-000000000002")
	o.EndObject, o.EndVersion = end, end
	if _, err := tx.Put(ctx, o); err != nil {
		tx.Rollback()
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	deadline = time.Now().Add(10 * time.Second)
	for {
		lines = uldkLines(t, uldkURL("request", "GetParcelById", "id", newID))
		if lines[0] == "-1 brak wyników" || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if lines[0] != "-1 brak wyników" {
		t.Fatalf("deleted parcel still answers: %q", lines)
	}
}

// Regions, communes, counties, voivodeships and aggregates.
func TestULDKAreas(t *testing.T) {
	ctx := context.Background()
	var obreby, jedn []*store.Object
	fx.store.Query(ctx, store.Query{Layer: "obreby"}, func(r store.Row) error { obreby = append(obreby, r.Object); return nil })
	fx.store.Query(ctx, store.Query{Layer: "jednostki"}, func(r store.Row) error { jedn = append(jedn, r.Object); return nil })
	if len(obreby) < 2 || len(jedn) < 1 {
		t.Fatalf("fixture: %d obręby, %d jednostki", len(obreby), len(jedn))
	}
	extent := func(s string) orb.Bound {
		var v [4]float64
		if _, err := fmt.Sscanf(s, "%g,%g,%g,%g", &v[0], &v[1], &v[2], &v[3]); err != nil {
			t.Fatalf("extent %q: %v", s, err)
		}
		return orb.Bound{Min: orb.Point{v[0], v[1]}, Max: orb.Point{v[2], v[3]}}
	}
	near := func(a, b orb.Bound) bool {
		return math.Abs(a.Min[0]-b.Min[0]) < 1e-6 && math.Abs(a.Min[1]-b.Min[1]) < 1e-6 && math.Abs(a.Max[0]-b.Max[0]) < 1e-6 && math.Abs(a.Max[1]-b.Max[1]) < 1e-6
	}
	for _, o := range obreby {
		id := str(o, "id_obrebu")
		lines := uldkLines(t, uldkURL("request", "GetRegionById", "id", id, "result", "teryt,region,geom_extent"))
		f := strings.Split(lines[1], "|")
		if lines[0] != "0" || f[0] != id || f[1] != str(o, "nazwa") || !near(extent(f[2]), o.Geometry.Bound()) {
			t.Fatalf("region %s: %q", id, lines)
		}
		// ByXY at a point of the obręb.
		pt := interior(asMulti(o.Geometry))
		lines = uldkLines(t, uldkURL("request", "GetRegionByXY", "xy", fmt.Sprintf("%f,%f", pt[0], pt[1]), "result", "teryt"))
		if lines[1] != id {
			t.Fatalf("region by xy in %s: %q", id, lines)
		}
	}
	var countyBound orb.Bound
	var countyArea float64
	for i, o := range jedn {
		id := str(o, "id_jednostki")
		lines := uldkLines(t, uldkURL("request", "GetCommuneById", "id", id, "result", "teryt,commune,county,voivodeship,geom_extent"))
		f := strings.Split(lines[1], "|")
		if f[0] != id || f[1] != str(o, "nazwa") || f[2] != "łaski" || f[3] != "łódzkie" || !near(extent(f[4]), o.Geometry.Bound()) {
			t.Fatalf("commune %s: %q", id, lines)
		}
		if i == 0 {
			countyBound = o.Geometry.Bound()
		} else {
			countyBound = countyBound.Union(o.Geometry.Bound())
		}
		countyArea += planar.Area(o.Geometry)
	}
	county := str(jedn[0], "id_jednostki")[:4]
	for _, u := range []string{
		uldkURL("request", "GetCountyById", "id", county, "result", "teryt,county,voivodeship,geom_extent,geom_wkt"),
		uldkURL("request", "GetCountyByXY", "xy", fmt.Sprintf("%f,%f", interior(asMulti(jedn[0].Geometry))[0], interior(asMulti(jedn[0].Geometry))[1]), "result", "teryt,county,voivodeship,geom_extent,geom_wkt"),
	} {
		lines := uldkLines(t, u)
		f := strings.Split(lines[1], "|")
		if f[0] != county || f[1] != "łaski" || f[2] != "łódzkie" || !near(extent(f[3]), countyBound) {
			t.Fatalf("county: %q", lines[1][:200])
		}
		g, err := wkt.Unmarshal(strings.TrimPrefix(f[4], "SRID=2180;"))
		if err != nil {
			t.Fatal(err)
		}
		if d := math.Abs(planar.Area(g) - countyArea); d > 1 {
			t.Fatalf("county area %f, jednostki sum %f", planar.Area(g), countyArea)
		}
	}
	lines := uldkLines(t, uldkURL("request", "GetVoivodeshipById", "id", county[:2], "result", "teryt,voivodeship"))
	if lines[1] != county[:2]+"|łódzkie" {
		t.Fatalf("voivodeship: %q", lines)
	}

	// Aggregate of a parcel and a neighbour: one polygon (the shared boundary
	// dissolved) whose area is the sum.
	ps := currentParcels(t)
	a := ps[0]
	var b *store.Object
	for _, o := range ps[1:] {
		if o.Geometry.Bound().Intersects(a.Geometry.Bound()) && o != a {
			ok := false
			for _, p := range asMulti(o.Geometry)[0][0] {
				if containsOrTouches(asMulti(a.Geometry), p) {
					ok = true
				}
			}
			if ok {
				b = o
				break
			}
		}
	}
	if b == nil {
		t.Fatal("no neighbour of the first parcel")
	}
	lines = uldkLines(t, uldkURL("request", "GetAggregateArea", "id", str(a, "id_dzialki")+", "+str(b, "id_dzialki"), "result", "geom_wkb"))
	raw, err := hex.DecodeString(lines[1])
	if err != nil {
		t.Fatal(err)
	}
	g, err := wkb.Unmarshal(stripEWKB(t, raw))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := g.(orb.Polygon); !ok {
		t.Fatalf("aggregate of neighbours is %T", g)
	}
	if d := math.Abs(planar.Area(g) - planar.Area(a.Geometry) - planar.Area(b.Geometry)); d > 0.01 {
		t.Fatalf("aggregate area off by %f m²", d)
	}
	if lines := uldkLines(t, uldkURL("request", "GetAggregateArea", "id", str(a, "id_dzialki")+",100301_4.0001.99999")); lines[0] != "-1 brak wyników" {
		t.Fatalf("aggregate with a missing part: %q", lines)
	}
}

// stripEWKB turns PostGIS EWKB (little endian, SRID flag) into ISO WKB for an
// independent decoder, checking the SRID.
func stripEWKB(t *testing.T, b []byte) []byte {
	t.Helper()
	if len(b) < 9 || b[0] != 1 || b[4]&0x20 == 0 {
		t.Fatalf("not little-endian EWKB with SRID: % x", b[:min(len(b), 9)])
	}
	if srid := int(b[5]) | int(b[6])<<8 | int(b[7])<<16 | int(b[8])<<24; srid != 2180 {
		t.Fatalf("SRID %d", srid)
	}
	out := append([]byte{1, b[1], b[2], b[3], 0}, b[9:]...)
	return out
}

// interior returns a point well inside mp (found by scanning a grid).
func interior(mp orb.MultiPolygon) orb.Point {
	b := mp.Bound()
	if c, _ := planar.CentroidArea(mp); planar.MultiPolygonContains(mp, c) {
		return c
	}
	for i := 1; i < 20; i++ {
		for j := 1; j < 20; j++ {
			p := orb.Point{b.Min[0] + (b.Max[0]-b.Min[0])*float64(i)/20, b.Min[1] + (b.Max[1]-b.Min[1])*float64(j)/20}
			if planar.MultiPolygonContains(mp, p) {
				return p
			}
		}
	}
	return b.Center()
}
