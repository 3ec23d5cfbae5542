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
// same order as PROJ's default Poder/Engsager "etmerc" algorithm. The
// conformal latitude is computed exactly (forward) and by Newton iteration
// (inverse) rather than by a series.

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
	e2m   float64    // 1 - e^2
	n     float64    // third flattening
	rectA float64    // rectifying radius A
	alpha [6]float64 // Krüger forward coefficients α1..α6
	beta  [6]float64 // Krüger inverse coefficients β1..β6
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
		e2m:   1 - e2,
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
	return el
}

var grs80 = newEllipsoid(grs80A, grs80F)

// taup returns tan of the conformal latitude given tau = tan of the geodetic latitude.
func (el *ellipsoid) taup(tau float64) float64 {
	h := math.Hypot(1, tau)
	sig := math.Sinh(el.e * math.Atanh(el.e*tau/h))
	return tau*math.Hypot(1, sig) - sig*h
}

// tauf inverts taup by Newton's method.
func (el *ellipsoid) tauf(taup float64) float64 {
	const tol = 1e-15
	tau := taup / el.e2m
	if math.IsInf(taup, 0) || math.IsNaN(taup) {
		return taup
	}
	stol := tol * math.Max(1, math.Abs(taup))
	for i := 0; i < 8; i++ {
		tp := el.taup(tau)
		d := (taup - tp) * (1 + el.e2m*tau*tau) /
			(el.e2m * math.Hypot(1, tau) * math.Hypot(1, tp))
		tau += d
		if math.Abs(d) < stol {
			break
		}
	}
	return tau
}

// kruger evaluates z + Σ c_j sin(2j z) for the complex z = xi + i·eta with
// sign s (+1 forward with α, -1 inverse with β), returning the real and
// imaginary parts. sin(2j(ξ+iη)) = sin(2jξ)cosh(2jη) + i cos(2jξ)sinh(2jη).
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
	if lam > math.Pi/2 || lam < -math.Pi/2 {
		// Outside the hemisphere centred on the central meridian the
		// projection is not usable (PROJ refuses such points too).
		return math.NaN(), math.NaN()
	}
	el := p.el
	sphi, cphi := math.Sincos(lat * deg2rad)
	slam, clam := math.Sincos(lam)
	var taup float64
	if cphi == 0 || lat == 90 || lat == -90 {
		taup = math.Copysign(math.Inf(1), lat)
	} else {
		taup = el.taup(sphi / cphi)
	}
	var xip, etap float64
	if math.IsInf(taup, 0) {
		xip = math.Copysign(math.Pi/2, taup)
		etap = 0
	} else {
		xip = math.Atan2(taup, clam)
		etap = math.Asinh(slam / math.Hypot(taup, clam))
	}
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
	taup := sxip / math.Hypot(shetap, cxip)
	lam := math.Atan2(shetap, cxip)
	tau := el.tauf(taup)
	lat := math.Atan(tau) * rad2deg
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
	y := webMercR * math.Asinh(math.Tan(lat*deg2rad))
	if lat == 90 || lat == -90 {
		y = math.Copysign(math.Inf(1), lat)
	}
	return x, y
}

func webMercInverse(x, y float64) (float64, float64) {
	lon := normLon(x / webMercR * rad2deg)
	lat := math.Atan(math.Sinh(y/webMercR)) * rad2deg
	return lon, lat
}
