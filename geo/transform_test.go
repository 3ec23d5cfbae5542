package geo

import (
	"math"
	"testing"

	"github.com/paulmach/orb"
)

func mustT(t testing.TB, src, dst *CRS) *Transform {
	t.Helper()
	tr, err := NewTransform(src, dst)
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func near(a, b orb.Point, tol float64) bool {
	return math.Abs(a[0]-b[0]) <= tol && math.Abs(a[1]-b[1]) <= tol
}

// Reference point from PROJ 9.1.1: echo "52.1 21.0" | cs2cs -f %.6f EPSG:4326 EPSG:2180
// -> 472314.638523 636947.024471 (N E).
func TestPointKnownValue(t *testing.T) {
	x, y := mustT(t, CRS4326, CRS2180).Point(21.0, 52.1)
	if !near(orb.Point{x, y}, orb.Point{636947.024471, 472314.638523}, 1e-6) {
		t.Fatalf("4326->2180 (21.0E 52.1N) = (%.6f, %.6f)", x, y)
	}
	// the central meridian maps to the false easting
	x, _ = mustT(t, CRS4326, CRS2178).Point(21, 50)
	if math.Abs(x-7500000) > 1e-9 {
		t.Errorf("2178 easting on the central meridian = %.9f", x)
	}
}

func TestIdentity(t *testing.T) {
	for _, pair := range [][2]*CRS{{CRS2180, CRS2180}, {CRS4326, CRS84}, {CRS84, CRS4258}, {CRS9702, CRS4326}, {CRS3857, CRS3857}} {
		tr := mustT(t, pair[0], pair[1])
		if !tr.IsIdentity() {
			t.Errorf("%v->%v not identity", pair[0], pair[1])
		}
		if x, y := tr.Point(19.5, 51.25); x != 19.5 || y != 51.25 {
			t.Errorf("%v->%v moved a point", pair[0], pair[1])
		}
	}
	for _, pair := range [][2]*CRS{{CRS2180, CRS2177}, {CRS4326, CRS2180}, {CRS3857, CRS4326}, {CRS2176, CRS2177}} {
		if mustT(t, pair[0], pair[1]).IsIdentity() {
			t.Errorf("%v->%v claims identity", pair[0], pair[1])
		}
	}
	if _, err := NewTransform(nil, CRS2180); err == nil {
		t.Error("NewTransform(nil, …) succeeded")
	}
}

func TestInverseAndAccessors(t *testing.T) {
	tr := mustT(t, CRS2177, CRS2180)
	if tr.Src() != CRS2177 || tr.Dst() != CRS2180 {
		t.Fatal("Src/Dst")
	}
	inv := tr.Inverse()
	x, y := tr.Point(6500123.4, 5800456.7)
	x2, y2 := inv.Point(x, y)
	if !near(orb.Point{x2, y2}, orb.Point{6500123.4, 5800456.7}, 1e-6) {
		t.Errorf("inverse gave (%v, %v)", x2, y2)
	}
}

func TestOutOfDomain(t *testing.T) {
	tr := mustT(t, CRS4326, CRS2180)
	for _, p := range [][2]float64{{19, 91}, {19, -90.5}, {math.NaN(), 50}, {19, math.Inf(1)}} {
		x, y := tr.Point(p[0], p[1])
		if !math.IsNaN(x) || !math.IsNaN(y) {
			t.Errorf("4326->2180 %v = (%v, %v), want NaN", p, x, y)
		}
	}
	// Far from the meridian the numbers are useless but PROJ still produces
	// them, and so do we (echo "50 -170" | cs2cs -f %.6f EPSG:4326 EPSG:2180).
	if x, y := tr.Point(-170, 50); !near(orb.Point{x, y}, orb.Point{1144342.190942, 9114046.682049}, 1e-3) {
		t.Errorf("4326->2180 (-170, 50) = (%.6f, %.6f)", x, y)
	}
	// the pole in web mercator: echo "90 0" | cs2cs -f %.6f EPSG:4326 EPSG:3857
	if x, y := mustT(t, CRS4326, CRS3857).Point(0, 90); x != 0 || math.Abs(y-242528680.943743) > 1e-3 {
		t.Errorf("4326->3857 pole = (%.6f, %.6f)", x, y)
	}
	// longitude is normalised like PROJ does: 379°E is 19°E
	x1, y1 := tr.Point(379, 52)
	x2, y2 := tr.Point(19, 52)
	if !near(orb.Point{x1, y1}, orb.Point{x2, y2}, 1e-6) {
		t.Errorf("lon 379 -> (%v, %v), lon 19 -> (%v, %v)", x1, y1, x2, y2)
	}
}

func TestApplyAllTypes(t *testing.T) {
	tr := mustT(t, CRS2180, CRS4326)
	p := orb.Point{500000, 500000}
	ring := orb.Ring{{500000, 500000}, {501000, 500000}, {501000, 501000}, {500000, 500000}}
	hole := orb.Ring{{500100, 500100}, {500200, 500100}, {500200, 500200}, {500100, 500100}}
	poly := orb.Polygon{ring, hole}
	geoms := []orb.Geometry{
		p,
		orb.MultiPoint{p, {600000, 400000}},
		orb.LineString{p, {600000, 400000}},
		ring,
		orb.MultiLineString{{p, {600000, 400000}}, {{300000, 300000}, {310000, 310000}}},
		poly,
		orb.MultiPolygon{poly, {ring}},
		orb.Collection{p, poly, orb.LineString{p, {1, 1}}},
	}
	for _, g := range geoms {
		orig := orb.Clone(g)
		out := tr.Apply(g)
		if out.GeoJSONType() != g.GeoJSONType() {
			t.Errorf("%T became %T", g, out)
			continue
		}
		if !orb.Equal(g, orig) {
			t.Errorf("%T: Apply modified its input", g)
		}
		// compare point by point with Point
		var want, got []orb.Point
		collect(g, &want)
		collect(out, &got)
		if len(want) != len(got) {
			t.Errorf("%T: %d points became %d", g, len(want), len(got))
			continue
		}
		for i := range want {
			x, y := tr.Point(want[i][0], want[i][1])
			if got[i] != (orb.Point{x, y}) {
				t.Errorf("%T point %d: got %v want (%v, %v)", g, i, got[i], x, y)
			}
		}
	}
	// the origin of CS92 (19E, 52N on the grid) is near (19, 52)
	q := tr.Apply(p).(orb.Point)
	if math.Abs(q[0]-19) > 0.001 || q[1] < 51.5 || q[1] > 52.5 {
		t.Errorf("Apply(point) = %v", q)
	}
	if tr.Apply(nil) != nil {
		t.Error("Apply(nil) != nil")
	}
	b := orb.Bound{Min: orb.Point{400000, 400000}, Max: orb.Point{600000, 600000}}
	if got, want := tr.Apply(b), tr.Bound(b); got.(orb.Bound) != want {
		t.Errorf("Apply(Bound) = %v, Bound = %v", got, want)
	}
	// deep copy: mutating the output leaves the input alone even for identity
	id := mustT(t, CRS4326, CRS84)
	ls := orb.LineString{{1, 2}, {3, 4}}
	out := id.Apply(ls).(orb.LineString)
	out[0][0] = 99
	if ls[0][0] != 1 {
		t.Error("identity Apply shares memory with its input")
	}
}

func collect(g orb.Geometry, pts *[]orb.Point) {
	switch g := g.(type) {
	case orb.Point:
		*pts = append(*pts, g)
	case orb.MultiPoint:
		*pts = append(*pts, g...)
	case orb.LineString:
		*pts = append(*pts, g...)
	case orb.Ring:
		*pts = append(*pts, g...)
	case orb.MultiLineString:
		for _, l := range g {
			*pts = append(*pts, l...)
		}
	case orb.Polygon:
		for _, r := range g {
			*pts = append(*pts, r...)
		}
	case orb.MultiPolygon:
		for _, p := range g {
			collect(p, pts)
		}
	case orb.Collection:
		for _, x := range g {
			collect(x, pts)
		}
	}
}

func TestBoundDensified(t *testing.T) {
	// A lat/lon box over Poland: in CS92 the parallels curve (their northing
	// grows away from 19°E), so the bottom edge sags south of its corners and
	// corners alone would underestimate the envelope.
	b := orb.Bound{Min: orb.Point{14.5, 49.5}, Max: orb.Point{23.5, 54.5}}
	tr := mustT(t, CRS84, CRS2180)
	got := tr.Bound(b)
	cornersMinY := math.Inf(1)
	for _, p := range []orb.Point{b.Min, b.Max, {b.Min[0], b.Max[1]}, {b.Max[0], b.Min[1]}} {
		_, y := tr.Point(p[0], p[1])
		cornersMinY = math.Min(cornersMinY, y)
	}
	_, midBottom := tr.Point(19, 49.5)
	if got.Min[1] > midBottom+1e-6 {
		t.Errorf("Bound min N %.3f misses the bottom-edge midpoint %.3f", got.Min[1], midBottom)
	}
	if !(midBottom < cornersMinY-1000) {
		t.Fatalf("test premise: midpoint %.1f should be well south of the corners %.1f", midBottom, cornersMinY)
	}
	// every densified boundary point is inside
	for i := 0; i <= 100; i++ {
		f := float64(i) / 100
		for _, p := range []orb.Point{{14.5 + 9*f, 49.5}, {14.5 + 9*f, 54.5}, {14.5, 49.5 + 5*f}, {23.5, 49.5 + 5*f}} {
			x, y := tr.Point(p[0], p[1])
			if x < got.Min[0]-0.5 || x > got.Max[0]+0.5 || y < got.Min[1]-0.5 || y > got.Max[1]+0.5 {
				t.Errorf("boundary point %v -> (%.1f, %.1f) outside %v", p, x, y, got)
			}
		}
	}
	// identity returns the box as is
	if mustT(t, CRS4326, CRS84).Bound(b) != b {
		t.Error("identity Bound changed the box")
	}
}

func TestSwapXY(t *testing.T) {
	p := orb.Point{1, 2}
	if SwapXY(p) != (orb.Point{2, 1}) {
		t.Error("Point")
	}
	poly := orb.Polygon{{{1, 2}, {3, 4}, {5, 6}, {1, 2}}}
	sp := SwapXY(poly).(orb.Polygon)
	if sp[0][1] != (orb.Point{4, 3}) {
		t.Errorf("Polygon: %v", sp)
	}
	sp[0][0][0] = 42
	if poly[0][0][0] != 1 {
		t.Error("SwapXY is not a deep copy")
	}
	b := orb.Bound{Min: orb.Point{1, 10}, Max: orb.Point{2, 20}}
	if sb := SwapXY(b).(orb.Bound); sb.Min != (orb.Point{10, 1}) || sb.Max != (orb.Point{20, 2}) {
		t.Errorf("Bound: %v", sb)
	}
	for _, g := range []orb.Geometry{
		orb.MultiPoint{{1, 2}}, orb.LineString{{1, 2}, {3, 4}}, orb.Ring{{1, 2}},
		orb.MultiLineString{{{1, 2}}}, orb.MultiPolygon{poly}, orb.Collection{p, poly},
	} {
		if !orb.Equal(SwapXY(SwapXY(g)), g) {
			t.Errorf("%T: double swap is not the identity", g)
		}
		if orb.Equal(SwapXY(g), g) {
			t.Errorf("%T: swap changed nothing", g)
		}
	}
	if SwapXY(nil) != nil {
		t.Error("nil")
	}
	if ToAxisOrder(p, NorthEast) != (orb.Point{2, 1}) || ToAxisOrder(p, EastNorth) != p {
		t.Error("ToAxisOrder")
	}
}

// A GML posList in EPSG:2179 is "N E"; read with the order Parse reports it
// must land at the expected place.
func TestAxisOrderWorkflow(t *testing.T) {
	c, axis, err := Parse("urn:ogc:def:crs:EPSG::2179")
	if err != nil || axis != NorthEast {
		t.Fatal(c, axis, err)
	}
	read := orb.Point{5724155.71, 8430735.81} // as in the file: N E
	en := ToAxisOrder(read, axis).(orb.Point)
	lonlat := mustT(t, c, CRS84).Apply(en).(orb.Point)
	if lonlat[0] < 22.9 || lonlat[0] > 23.1 || lonlat[1] < 51.6 || lonlat[1] > 51.7 {
		t.Errorf("GML N E point landed at lon/lat %v", lonlat)
	}
}

func TestPointAllocFree(t *testing.T) {
	for _, pair := range [][2]*CRS{{CRS2177, CRS2180}, {CRS2180, CRS4326}, {CRS2180, CRS3857}, {CRS3857, CRS2179}} {
		tr := mustT(t, pair[0], pair[1])
		x, y := 6500000.0, 5800000.0
		if n := testing.AllocsPerRun(100, func() { x, y = tr.Point(x+1, y) }); n != 0 {
			t.Errorf("%v->%v: Point allocates %v times", pair[0], pair[1], n)
		}
	}
}

var sinkX, sinkY float64

func benchPoints(b *testing.B, src *CRS) [][2]float64 {
	tr := mustT(b, CRS84, src)
	pts := make([][2]float64, 1024)
	for i := range pts {
		lon := 14.2 + 9.8*float64(i%32)/31
		lat := 49.1 + 5.6*float64(i/32)/31
		pts[i][0], pts[i][1] = tr.Point(lon, lat)
	}
	return pts
}

func benchTransform(b *testing.B, src, dst *CRS) {
	pts := benchPoints(b, src)
	tr := mustT(b, src, dst)
	b.ReportAllocs()
	b.ResetTimer()
	var sx, sy float64
	for i := 0; i < b.N; i++ {
		p := pts[i&1023]
		x, y := tr.Point(p[0], p[1])
		sx += x
		sy += y
	}
	sinkX, sinkY = sx, sy
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "points/s")
}

func BenchmarkTransform2177To2180(b *testing.B) { benchTransform(b, CRS2177, CRS2180) }
func BenchmarkTransform2180To4326(b *testing.B) { benchTransform(b, CRS2180, CRS4326) }
func BenchmarkTransform2180To3857(b *testing.B) { benchTransform(b, CRS2180, CRS3857) }
func BenchmarkTransform4326To2180(b *testing.B) { benchTransform(b, CRS4326, CRS2180) }
