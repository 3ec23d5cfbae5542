package record

import (
	"reflect"
	"testing"
	"time"

	"github.com/paulmach/orb"
)

// TestParseStoredTime: the hand parser agrees with time.Parse on valid stored
// times and leaves everything else to it.
func TestParseStoredTime(t *testing.T) {
	base := time.Date(1999, 12, 31, 23, 59, 59, 999e6, time.UTC)
	var in []string
	for i := 0; i < 3000; i++ {
		in = append(in, base.Add(time.Duration(i)*37*time.Hour+time.Duration(i)*time.Millisecond*7).Format(DateTimeLayout))
	}
	in = append(in, "2024-02-29T00:00:00.000Z", "2023-02-29T00:00:00.000Z", "2024-04-31T10:00:00.000Z",
		"2024-13-01T10:00:00.000Z", "2024-00-01T10:00:00.000Z", "2024-01-01T24:00:00.000Z", "2024-01-01T10:60:00.000Z",
		"2024-01-01T10:00:60.000Z", "2024-01-01T10:00:00.00xZ", "2024-01-01 10:00:00.000Z", "2024-01-01T10:00:00.000+",
		"0000-01-01T00:00:00.000Z", "+024-01-01T10:00:00.000Z", "2024-01-01T10:00:00Z", "2024-01-01T10:00:00.123456Z")
	for _, s := range in {
		want, werr := time.Parse(DateTimeLayout, s)
		got, ok := ParseStoredTime(s)
		if ok && (werr != nil || got != want) {
			t.Errorf("%q: %v, time.Parse %v %v", s, got, want, werr)
		}
		if !ok && werr == nil && len(s) == 24 && s[0] != '+' {
			t.Errorf("%q: refused, time.Parse reads %v", s, want)
		}
		p, perr := ParseTime(s)
		if werr == nil && (perr != nil || p != want) {
			t.Errorf("ParseTime(%q) = %v %v, want %v", s, p, perr, want)
		}
	}
}

// TestGeometryBlob: GeoPackage blobs round-trip, carry SRS 2180 and an envelope
// (none for points), and empty geometries are flagged.
func TestGeometryBlob(t *testing.T) {
	holed := orb.Polygon{
		{{0, 0}, {100, 0}, {100, 100}, {0, 100}, {0, 0}},
		{{10, 10}, {10, 20}, {20, 20}, {20, 10}, {10, 10}},
	}
	cases := []orb.Geometry{
		orb.MultiPolygon{holed},
		orb.Point{637123.45, 486321.98},
		orb.MultiLineString{{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}, {9, 1}}},
	}
	for _, g := range cases {
		b, err := EncodeGeom(g, 2180)
		if err != nil {
			t.Fatal(err)
		}
		h, err := ParseHeader(b)
		if err != nil || h.SRSID != 2180 || h.Order.String() != "LittleEndian" {
			t.Fatalf("%T header %+v %v", g, h, err)
		}
		if _, pt := g.(orb.Point); pt != (h.EnvLen == 0) {
			t.Fatalf("%T envelope %d", g, h.EnvLen)
		}
		back, err := DecodeGeom(b)
		if err != nil || !reflect.DeepEqual(back, g) {
			t.Fatalf("round trip %T: %v %v", g, back, err)
		}
		if bd, ok := BlobBound(b); !ok || bd != g.Bound() {
			t.Fatalf("bound %v want %v", bd, g.Bound())
		}
	}
	// Empty geometries: flagged empty, no envelope; stored as NULL by Put.
	b, _ := EncodeGeom(orb.MultiPolygon{}, 2180)
	if b[3]&GPFlagEmpty == 0 || (b[3]>>1)&7 != 0 {
		t.Fatalf("empty geometry flags %08b", b[3])
	}
	if _, ok := BlobBound(b); ok {
		t.Fatal("empty geometry has a bound")
	}
}
