package geo

import "math"

// Ellipsoid and projection mathematics.
//
// Every CRS in the registry is on GRS80 (EPSG:4326 nominally uses the WGS84
// ellipsoid, but PROJ's operations between WGS 84 and ETRF2000-PL/ETRS89 are
// null transformations that pass latitude/longitude through unchanged, and the
// Pseudo-Mercator only uses the semi-major axis, which is the same on both).
//
// Transverse Mercator uses the Krüger series in the third flattening n,
// carried to n^6 (the formulation given by C. F. F. Karney, "Transverse
// Mercator with an accuracy of a few nanometers", J. Geodesy 85 (2011)), the
// same order as PROJ's default Poder/Engsager "etmerc" algorithm. Geodetic
// and conformal latitude are converted with the matching sine series.

const (
	grs80A = 6378137.0
	grs80F = 1 / 298.257222101

	deg2rad = math.Pi / 180
	rad2deg = 180 / math.Pi
)

// ellipsoid holds quantities derived once from a and f.
type ellipsoid struct {
	a, f  float64
	e     float64    // first eccentricity
	n     float64    // third flattening
	rectA float64    // rectifying radius A
	alpha [6]float64 // Krüger forward coefficients α1..α6
	beta  [6]float64 // Krüger inverse coefficients β1..β6
	g2c   [6]float64 // geodetic -> conformal latitude series
	c2g   [6]float64 // conformal -> geodetic latitude series
}

func newEllipsoid(a, f float64) *ellipsoid {
	e2 := f * (2 - f)
	n := f / (2 - f)
	n2 := n * n
	n3 := n2 * n
	n4 := n3 * n
	n5 := n4 * n
	n6 := n5 * n
	el := &ellipsoid{
		a:     a,
		f:     f,
		e:     math.Sqrt(e2),
		n:     n,
		rectA: a / (1 + n) * (1 + n2/4 + n4/64 + n6/256),
	}
	el.alpha = [6]float64{
		n/2 - 2*n2/3 + 5*n3/16 + 41*n4/180 - 127*n5/288 + 7891*n6/37800,
		13*n2/48 - 3*n3/5 + 557*n4/1440 + 281*n5/630 - 1983433*n6/1935360,
		61*n3/240 - 103*n4/140 + 15061*n5/26880 + 167603*n6/181440,
		49561*n4/161280 - 179*n5/168 + 6601661*n6/7257600,
		34729*n5/80640 - 3418889*n6/1995840,
		212378941 * n6 / 319334400,
	}
	el.beta = [6]float64{
		n/2 - 2*n2/3 + 37*n3/96 - n4/360 - 81*n5/512 + 96199*n6/604800,
		n2/48 + n3/15 - 437*n4/1440 + 46*n5/105 - 1118711*n6/3870720,
		17*n3/480 - 37*n4/840 - 209*n5/4480 + 5569*n6/90720,
		4397*n4/161280 - 11*n5/504 - 830251*n6/7257600,
		4583*n5/161280 - 108847*n6/3991680,
		20648693 * n6 / 638668800,
	}
	// χ - φ and φ - χ as sine series in 2φ resp. 2χ (Karney 2011, to n^6);
	// checked against the closed form to ~1e-15 rad in tmerc_test.go.
	el.g2c = [6]float64{
		-2*n + 2*n2/3 + 4*n3/3 - 82*n4/45 + 32*n5/45 + 4642*n6/4725,
		5*n2/3 - 16*n3/15 - 13*n4/9 + 904*n5/315 - 1522*n6/945,
		-26*n3/15 + 34*n4/21 + 8*n5/5 - 12686*n6/2835,
		1237*n4/630 - 12*n5/5 - 24832*n6/14175,
		-734*n5/315 + 109598*n6/31185,
		444337 * n6 / 155925,
	}
	el.c2g = [6]float64{
		2*n - 2*n2/3 - 2*n3 + 116*n4/45 + 26*n5/45 - 2854*n6/675,
		7*n2/3 - 8*n3/5 - 227*n4/45 + 2704*n5/315 + 2323*n6/945,
		56*n3/15 - 136*n4/35 - 1262*n5/105 + 73814*n6/2835,
		4279*n4/630 - 332*n5/35 - 399572*n6/14175,
		4174*n5/315 - 144838*n6/6237,
		601676 * n6 / 22275,
	}
	return el
}

var grs80 = newEllipsoid(grs80A, grs80F)

// sinSeries returns Σ_{j=1..6} c[j-1]·sin(2j·a), by Clenshaw summation.
func sinSeries(c *[6]float64, a float64) float64 {
	s2, c2 := math.Sincos(2 * a)
	x := 2 * c2
	var b1, b2 float64
	for j := 5; j >= 0; j-- {
		b1, b2 = c[j]+x*b1-b2, b1
	}
	return b1 * s2
}

// conformal returns the conformal latitude χ of geodetic latitude φ (radians).
func (el *ellipsoid) conformal(phi float64) float64 { return phi + sinSeries(&el.g2c, phi) }

// geodetic returns the geodetic latitude φ of conformal latitude χ (radians).
func (el *ellipsoid) geodetic(chi float64) float64 { return chi + sinSeries(&el.c2g, chi) }

// kruger evaluates z + s·Σ c_j sin(2j z) for the complex z = xi + i·eta
// (s = +1 forward with α, -1 inverse with β), returning the real and
// imaginary parts. sin(2j(ξ+iη)) = sin(2jξ)cosh(2jη) + i cos(2jξ)sinh(2jη);
// the multiple angles come from the addition theorems.
func kruger(c *[6]float64, s, xi, eta float64) (float64, float64) {
	s1, c1 := math.Sincos(2 * xi)
	ex := math.Exp(2 * eta)
	ch1 := (ex + 1/ex) / 2
	sh1 := (ex - 1/ex) / 2
	sj, cj, shj, chj := s1, c1, sh1, ch1
	var dxi, deta float64
	for j := 0; j < 6; j++ {
		dxi += c[j] * sj * chj
		deta += c[j] * cj * shj
		sj, cj = sj*c1+cj*s1, cj*c1-sj*s1
		shj, chj = shj*ch1+chj*sh1, chj*ch1+shj*sh1
	}
	return xi + s*dxi, eta + s*deta
}

// normLon brings a longitude difference in degrees into [-180, 180].
func normLon(d float64) float64 {
	if d < -180 || d > 180 {
		d = math.Remainder(d, 360)
	}
	return d
}

// tmParams is one Transverse Mercator projection (lat_0 = 0).
type tmParams struct {
	el   *ellipsoid
	lon0 float64 // degrees
	k0   float64
	fe   float64
	fn   float64
}

// forward projects geographic lon/lat in degrees to easting/northing in metres.
func (p *tmParams) forward(lon, lat float64) (float64, float64) {
	if !(lat >= -90 && lat <= 90) {
		return math.NaN(), math.NaN()
	}
	lam := normLon(lon-p.lon0) * deg2rad
	el := p.el
	chi := el.conformal(lat * deg2rad)
	schi, cchi := math.Sincos(chi)
	slam, clam := math.Sincos(lam)
	// Gauss-Schreiber: transverse Mercator of the conformal sphere
	xip := math.Atan2(schi, cchi*clam)
	etap := math.Atanh(cchi * slam)
	xi, eta := kruger(&el.alpha, 1, xip, etap)
	k := p.k0 * el.rectA
	return p.fe + k*eta, p.fn + k*xi
}

// inverse maps easting/northing in metres to geographic lon/lat in degrees.
func (p *tmParams) inverse(x, y float64) (float64, float64) {
	el := p.el
	k := p.k0 * el.rectA
	xi := (y - p.fn) / k
	eta := (x - p.fe) / k
	if math.IsNaN(xi) || math.IsNaN(eta) || math.IsInf(xi, 0) || math.IsInf(eta, 0) {
		return math.NaN(), math.NaN()
	}
	xip, etap := kruger(&el.beta, -1, xi, eta)
	sxip, cxip := math.Sincos(xip)
	shetap := math.Sinh(etap)
	chi := math.Atan2(sxip, math.Sqrt(shetap*shetap+cxip*cxip))
	lam := math.Atan2(shetap, cxip)
	lat := el.geodetic(chi) * rad2deg
	lon := normLon(p.lon0 + lam*rad2deg)
	return lon, lat
}

// Web Mercator (EPSG:3857, "Popular Visualisation Pseudo-Mercator"):
// spherical Mercator formulas on a sphere of radius a = 6378137 applied to
// geographic coordinates.
const webMercR = grs80A

func webMercForward(lon, lat float64) (float64, float64) {
	if !(lat >= -90 && lat <= 90) {
		return math.NaN(), math.NaN()
	}
	x := webMercR * normLon(lon) * deg2rad
	// At the poles tan() of the rounded π/2 is finite: y = ±242528680.94 m,
	// exactly what PROJ's webmerc gives.
	y := webMercR * math.Asinh(math.Tan(lat*deg2rad))
	return x, y
}

func webMercInverse(x, y float64) (float64, float64) {
	lon := normLon(x / webMercR * rad2deg)
	lat := math.Atan(math.Sinh(y/webMercR)) * rad2deg
	return lon, lat
}
