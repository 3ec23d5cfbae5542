package geo

import (
	"math"
	"testing"
)

// exactTaup is the closed form of tan(conformal latitude) for tau = tan(geodetic latitude).
func exactTaup(el *ellipsoid, tau float64) float64 {
	h := math.Hypot(1, tau)
	sig := math.Sinh(el.e * math.Atanh(el.e*tau/h))
	return tau*math.Hypot(1, sig) - sig*h
}

// The series conversions between geodetic and conformal latitude must agree
// with the closed form over the whole range to near machine precision.
func TestConformalLatitudeSeries(t *testing.T) {
	worstF, worstI := 0.0, 0.0
	for d := -89.99; d <= 89.99; d += 0.003 {
		phi := d * deg2rad
		chi := math.Atan(exactTaup(grs80, math.Tan(phi)))
		worstF = math.Max(worstF, math.Abs(grs80.conformal(phi)-chi))
		worstI = math.Max(worstI, math.Abs(grs80.geodetic(chi)-phi))
	}
	// 1e-14 rad is 0.06 nm on the ground
	if worstF > 1e-14 || worstI > 1e-14 {
		t.Errorf("conformal latitude series off by %.3g (forward) / %.3g (inverse) rad", worstF, worstI)
	}
	// difference at 52°N is about 0.19° — make sure the series is not a no-op
	if d := (52*deg2rad - grs80.conformal(52*deg2rad)) * rad2deg; d < 0.18 || d > 0.2 {
		t.Errorf("φ-χ at 52° = %v°", d)
	}
}

// The Krüger forward and inverse series invert each other to a few nanometres
// far beyond Poland (up to 20° from the central meridian).
func TestTMSelfInverse(t *testing.T) {
	p := CRS2180.tm
	worst := 0.0
	for lat := -80.0; lat <= 80; lat += 2.5 {
		for dl := -20.0; dl <= 20; dl += 1.25 {
			x, y := p.forward(19+dl, lat)
			lon2, lat2 := p.inverse(x, y)
			e := math.Max(math.Abs(lon2-19-dl)*math.Cos(lat*deg2rad), math.Abs(lat2-lat)) * 111320
			worst = math.Max(worst, e)
		}
	}
	if worst > 1e-8 {
		t.Errorf("TM forward/inverse disagree by %.3g m", worst)
	}
}

// Scale on the central meridian at the equator is k0: 1" of latitude maps to k0 * meridian arc.
func TestTMScaleOnMeridian(t *testing.T) {
	p := CRS2178.tm
	_, y0 := p.forward(21, 0)
	_, y1 := p.forward(21, 1e-4)
	// meridian radius of curvature at the equator: a(1-e²)
	e2 := grs80.e * grs80.e
	want := p.k0 * grs80A * (1 - e2) * 1e-4 * deg2rad
	if math.Abs((y1-y0)-want) > 1e-6 {
		t.Errorf("meridian arc %.9f, want %.9f", y1-y0, want)
	}
	if y0 != 0 {
		t.Errorf("equator northing %v", y0)
	}
}
