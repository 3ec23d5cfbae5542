package geo

import (
	"errors"
	"strings"
	"testing"
)

func TestParseSpellings(t *testing.T) {
	cases := []struct {
		in   string
		want *CRS
		axis AxisOrder
	}{
		{"EPSG:2180", CRS2180, NorthEast},
		{"epsg:2180", CRS2180, NorthEast},
		{"  EPSG:2180\n", CRS2180, NorthEast},
		{"EPSG:2176", CRS2176, NorthEast},
		{"EPSG:2177", CRS2177, NorthEast},
		{"EPSG:2178", CRS2178, NorthEast},
		{"EPSG:2179", CRS2179, NorthEast},
		{"EPSG:4326", CRS4326, NorthEast},
		{"EPSG:4258", CRS4258, NorthEast},
		{"EPSG:9702", CRS9702, NorthEast},
		{"EPSG:3857", CRS3857, EastNorth},
		{"urn:ogc:def:crs:EPSG::2180", CRS2180, NorthEast},
		{"URN:OGC:DEF:CRS:EPSG::2179", CRS2179, NorthEast},
		{"urn:ogc:def:crs:EPSG:6.9:2180", CRS2180, NorthEast},
		{"urn:ogc:def:crs:EPSG:9.8.15:4326", CRS4326, NorthEast},
		{"urn:ogc:def:crs:EPSG::3857", CRS3857, EastNorth},
		{"urn:x-ogc:def:crs:EPSG:2180", CRS2180, NorthEast},
		{"urn:x-ogc:def:crs:EPSG:6.11:2178", CRS2178, NorthEast},
		{"urn:ogc:def:crs:EPSG:2177", CRS2177, NorthEast}, // version segment missing: seen in the field
		{"http://www.opengis.net/def/crs/EPSG/0/2180", CRS2180, NorthEast},
		{"https://www.opengis.net/def/crs/EPSG/0/2180", CRS2180, NorthEast},
		{"http://www.opengis.net/def/crs/EPSG/0/4326", CRS4326, NorthEast},
		{"http://www.opengis.net/def/crs/EPSG/0/3857", CRS3857, EastNorth},
		{"http://www.opengis.net/gml/srs/epsg.xml#2180", CRS2180, EastNorth},
		{"http://www.opengis.net/gml/srs/epsg.xml#4326", CRS4326, EastNorth},
		{"http://www.opengis.net/gml/srs/epsg.xml#2179", CRS2179, EastNorth},
		{"CRS:84", CRS84, EastNorth},
		{"crs:84", CRS84, EastNorth},
		{"OGC:CRS84", CRS84, EastNorth},
		{"urn:ogc:def:crs:OGC:1.3:CRS84", CRS84, EastNorth},
		{"urn:ogc:def:crs:OGC::CRS84", CRS84, EastNorth},
		{"http://www.opengis.net/def/crs/OGC/1.3/CRS84", CRS84, EastNorth},
		{"https://www.opengis.net/def/crs/OGC/1.3/CRS84", CRS84, EastNorth},
	}
	for _, c := range cases {
		got, axis, err := Parse(c.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", c.in, err)
			continue
		}
		if got != c.want || axis != c.axis {
			t.Errorf("Parse(%q) = %v, %v; want %v, %v", c.in, got, axis, c.want, c.axis)
		}
	}
}

func TestParseUnknown(t *testing.T) {
	for _, in := range []string{
		"", " ", "EPSG:", "EPSG:abc", "EPSG:-2180", "EPSG:+2180", "EPSG:2180.0", "EPSG: 2180",
		"EPSG:21800", "EPSG:4327", "EPSG:0", "EPSG:999999999999999999999",
		"2180", "CRS:83", "CRS:27", "OGC:CRS83", "ESRI:102100",
		"urn:ogc:def:crs:EPSG::", "urn:ogc:def:crs:EPSG::9999", "urn:ogc:def:crs:EPSG:x:2180",
		"urn:ogc:def:crs:EPSG:6..9:2180", "urn:ogc:def:crs:EPSG:6.9:1:2180", "urn:ogc:def:crs:OGC:1.3:CRS83",
		"urn:ogc:def:crs:ESRI::102100", "urn:ogc:def:srs:EPSG::2180", "urn:ogc:def:crs", "urn:",
		"http://www.opengis.net/def/crs/EPSG/0/", "http://www.opengis.net/def/crs/EPSG/2180",
		"http://www.opengis.net/def/crs/EPSG//2180", "http://www.opengis.net/def/crs/EPSG/0/2180/",
		"http://www.opengis.net/def/crs/EPSG/0/1234", "http://example.com/def/crs/EPSG/0/2180",
		"http://www.opengis.net/gml/srs/epsg.xml#", "http://www.opengis.net/gml/srs/epsg.xml#9999",
		"http://www.opengis.net/def/crs/OGC/1.3/CRS83",
	} {
		c, _, err := Parse(in)
		if err == nil {
			t.Errorf("Parse(%q) = %v, want error", in, c)
			continue
		}
		if c != nil {
			t.Errorf("Parse(%q) returned a CRS with the error", in)
		}
		var u *UnknownCRSError
		if !errors.As(err, &u) {
			t.Errorf("Parse(%q): error %T is not *UnknownCRSError", in, err)
			continue
		}
		if u.Input != in {
			t.Errorf("Parse(%q): error Input = %q", in, u.Input)
		}
		if !strings.Contains(err.Error(), strings.TrimSpace(in)) {
			t.Errorf("Parse(%q): error %q does not name the input", in, err)
		}
	}
}

func TestRegistry(t *testing.T) {
	all := All()
	want := []*CRS{CRS2180, CRS2176, CRS2177, CRS2178, CRS2179, CRS4326, CRS4258, CRS9702, CRS3857, CRS84}
	if len(all) != len(want) {
		t.Fatalf("All() has %d CRSs, want %d", len(all), len(want))
	}
	for i := range want {
		if all[i] != want[i] {
			t.Errorf("All()[%d] = %v, want %v", i, all[i], want[i])
		}
	}
	all[0] = nil
	if All()[0] != CRS2180 {
		t.Error("All() exposes the registry slice")
	}
	for _, c := range want {
		if c.Code == 0 {
			continue
		}
		got, ok := Lookup(c.Code)
		if !ok || got != c {
			t.Errorf("Lookup(%d) = %v, %v", c.Code, got, ok)
		}
	}
	for _, code := range []int{0, -1, 2175, 2181, 4327, 900913} {
		if c, ok := Lookup(code); ok {
			t.Errorf("Lookup(%d) = %v, want not found", code, c)
		}
	}
	if CRS2180.Name != "ETRF2000-PL / CS92" || CRS2180.Geographic || CRS2180.Axis != NorthEast {
		t.Errorf("CRS2180 = %+v", *CRS2180)
	}
	for _, c := range []*CRS{CRS4326, CRS4258, CRS9702} {
		if !c.Geographic || c.Axis != NorthEast {
			t.Errorf("%v: Geographic=%v Axis=%v", c, c.Geographic, c.Axis)
		}
	}
	if !CRS84.Geographic || CRS84.Axis != EastNorth || CRS84.Code != 0 {
		t.Errorf("CRS84 = %+v", *CRS84)
	}
	if CRS3857.Geographic || CRS3857.Axis != EastNorth {
		t.Errorf("CRS3857 = %+v", *CRS3857)
	}
}

func TestNames(t *testing.T) {
	cases := []struct {
		c             *CRS
		str, urn, uri string
	}{
		{CRS2180, "EPSG:2180", "urn:ogc:def:crs:EPSG::2180", "http://www.opengis.net/def/crs/EPSG/0/2180"},
		{CRS2179, "EPSG:2179", "urn:ogc:def:crs:EPSG::2179", "http://www.opengis.net/def/crs/EPSG/0/2179"},
		{CRS4326, "EPSG:4326", "urn:ogc:def:crs:EPSG::4326", "http://www.opengis.net/def/crs/EPSG/0/4326"},
		{CRS3857, "EPSG:3857", "urn:ogc:def:crs:EPSG::3857", "http://www.opengis.net/def/crs/EPSG/0/3857"},
		{CRS84, "CRS:84", "urn:ogc:def:crs:OGC:1.3:CRS84", "http://www.opengis.net/def/crs/OGC/1.3/CRS84"},
	}
	for _, c := range cases {
		if c.c.String() != c.str || c.c.URN() != c.urn || c.c.URI() != c.uri {
			t.Errorf("%s: String %q URN %q URI %q", c.str, c.c.String(), c.c.URN(), c.c.URI())
		}
	}
	// every name we produce parses back to the same CRS with the authority order
	for _, c := range All() {
		for _, s := range []string{c.String(), c.URN(), c.URI()} {
			got, axis, err := Parse(s)
			if err != nil || got != c || axis != c.Axis {
				t.Errorf("Parse(%q) = %v, %v, %v", s, got, axis, err)
			}
		}
	}
}

func TestBounds(t *testing.T) {
	// projected areas of use: envelope of the EPSG geographic area of use
	b := CRS2180.Bounds()
	// PUWG 1992 covers Poland: E roughly 145-877 km, N roughly 126-908 km (offshore included)
	if b.Min[0] < 140000 || b.Min[0] > 150000 || b.Max[0] < 870000 || b.Max[0] > 880000 ||
		b.Min[1] < 120000 || b.Min[1] > 130000 || b.Max[1] < 900000 || b.Max[1] > 910000 {
		t.Errorf("CRS2180.Bounds() = %v", b)
	}
	// CS2000 zones: easting starts with the zone number
	for _, c := range []*CRS{CRS2176, CRS2177, CRS2178, CRS2179} {
		b := c.Bounds()
		fe := c.tm.fe
		if b.Min[0] < fe-200000 || b.Max[0] > fe+200000 || b.Min[1] < 5.4e6 || b.Max[1] > 6.25e6 || b.Min[0] >= b.Max[0] {
			t.Errorf("%v.Bounds() = %v", c, b)
		}
	}
	if b := CRS3857.Bounds(); b.Max[0] < 20037508.34 || b.Max[0] > 20037508.35 || b.Min[0] != -b.Max[0] || b.Max[1] < 2.0e7 {
		t.Errorf("CRS3857.Bounds() = %v", b)
	}
	if b := CRS4326.Bounds(); b.Min != [2]float64{-180, -90} || b.Max != [2]float64{180, 90} {
		t.Errorf("CRS4326.Bounds() = %v", b)
	}
	if b := CRS9702.Bounds(); b.Min != [2]float64{14.14, 49} || b.Max != [2]float64{24.15, 55.93} {
		t.Errorf("CRS9702.Bounds() = %v (x must be lon)", b)
	}
	// the corners of the geographic area of use land inside the projected bounds
	for _, c := range All() {
		g := c.GeographicBounds()
		tr, _ := NewTransform(CRS84, c)
		for _, p := range [][2]float64{{g.Min[0], g.Min[1]}, {g.Max[0], g.Max[1]}, {g.Min[0], g.Max[1]}, {g.Max[0], g.Min[1]}} {
			x, y := tr.Point(p[0], p[1])
			b := c.Bounds()
			if x < b.Min[0]-1e-6 || x > b.Max[0]+1e-6 || y < b.Min[1]-1e-6 || y > b.Max[1]+1e-6 {
				t.Errorf("%v: corner %v -> (%v, %v) outside %v", c, p, x, y, b)
			}
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"EPSG:2180", "epsg:2180", "urn:ogc:def:crs:EPSG::2180", "urn:ogc:def:crs:EPSG:6.9:2180",
		"urn:x-ogc:def:crs:EPSG:2180", "http://www.opengis.net/def/crs/EPSG/0/2180",
		"https://www.opengis.net/def/crs/EPSG/0/2180", "http://www.opengis.net/gml/srs/epsg.xml#2180",
		"CRS:84", "OGC:CRS84", "urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:OGC::CRS84",
		"http://www.opengis.net/def/crs/OGC/1.3/CRS84", "EPSG:4326", "", "urn:ogc:def:crs:EPSG:..:2180",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, axis, err := Parse(s)
		if err != nil {
			var u *UnknownCRSError
			if !errors.As(err, &u) {
				t.Fatalf("Parse(%q): error of type %T", s, err)
			}
			if c != nil {
				t.Fatalf("Parse(%q): CRS with error", s)
			}
			_ = err.Error()
			return
		}
		if c == nil {
			t.Fatalf("Parse(%q): nil CRS without error", s)
		}
		if axis != EastNorth && axis != NorthEast {
			t.Fatalf("Parse(%q): axis %v", s, axis)
		}
		if _, ok := Lookup(c.Code); !ok && c != CRS84 {
			t.Fatalf("Parse(%q) = %v not in registry", s, c)
		}
		for _, n := range []string{c.String(), c.URN(), c.URI()} {
			if c2, _, err := Parse(n); err != nil || c2 != c {
				t.Fatalf("Parse(%q) = %v but its name %q does not parse back: %v", s, c, n, err)
			}
		}
	})
}
