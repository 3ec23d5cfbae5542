package mvt

import (
	"bytes"
	"math"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	l := NewLayer("dzialki", 4096)
	ext := []P{{0, 0}, {10, 0}, {10, 10}, {0, 10}}
	hole := []P{{2, 2}, {2, 4}, {4, 4}, {4, 2}}
	l.AddPolygon(7, [][]P{ext, hole}, []Prop{{"id", "a/1"}, {"pole", 0.25}, {"n", int64(-3)}, {"ok", true}})
	l.AddPolygon(8, [][]P{ext}, []Prop{{"id", "a/2"}, {"pole", 0.25}})
	l.AddPoints(9, []P{{5, 5}, {-3, 4100}}, []Prop{{"id", "a/1"}})
	l.AddLines(10, [][]P{{{0, 0}, {1, 1}, {2, 0}}, {{5, 5}}}, nil)
	l.AddPolygon(11, [][]P{{{0, 0}, {1, 1}}}, nil) // degenerate: skipped
	b := l.AppendTo(nil)
	tile, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	dl := tile.Layer("dzialki")
	if dl == nil || dl.Extent != 4096 || dl.Version != 2 || len(dl.Features) != 4 {
		t.Fatalf("layer %+v", dl)
	}
	f := dl.Features[0]
	if f.ID != 7 || f.Type != Polygon || len(f.Parts) != 2 || f.Props["id"] != "a/1" || f.Props["pole"] != 0.25 || f.Props["n"] != int64(-3) || f.Props["ok"] != true {
		t.Fatalf("feature %+v", f)
	}
	for i, want := range [][]P{ext, hole} {
		for j := range want {
			if f.Parts[i][j] != want[j] {
				t.Fatalf("ring %d: %v", i, f.Parts[i])
			}
		}
	}
	if RingArea(f.Parts[0]) <= 0 || RingArea(f.Parts[1]) >= 0 {
		t.Errorf("orientation: %d %d", RingArea(f.Parts[0]), RingArea(f.Parts[1]))
	}
	if p := dl.Features[2]; p.Type != Point || len(p.Parts[0]) != 2 || p.Parts[0][1] != (P{-3, 4100}) {
		t.Errorf("points %+v", p)
	}
	if ln := dl.Features[3]; ln.Type != LineString || len(ln.Parts) != 1 {
		t.Errorf("lines %+v", ln)
	}
	// Keys and values are deduplicated: "id", "pole", "n", "ok" and 6 values.
	if n := bytes.Count(b, []byte("pole")); n != 1 {
		t.Errorf("key written %d times", n)
	}
	if n := bytes.Count(b, []byte("a/1")); n != 1 {
		t.Errorf("value written %d times", n)
	}
}

func TestGeometryEncodingSpecExample(t *testing.T) {
	// MVT 2.1 §4.3.5.1: a point at (25, 17) encodes as [9, 50, 34].
	l := NewLayer("p", 4096)
	l.AddPoints(0, []P{{25, 17}}, nil)
	tile, _ := Decode(l.AppendTo(nil))
	if got := tile.Layers[0].Features[0].Parts[0][0]; got != (P{25, 17}) {
		t.Fatal(got)
	}
	if !bytes.Contains(l.AppendTo(nil), []byte{4<<3 | 2, 3, 9, 50, 34}) {
		t.Error("the spec's command stream [9 50 34] is not in the tile")
	}
}

func TestSkipsUnsupportedValues(t *testing.T) {
	l := NewLayer("x", 4096)
	l.AddPoints(1, []P{{1, 1}}, []Prop{{"nan", math.NaN()}, {"s", struct{}{}}, {"v", "ok"}})
	tile, err := Decode(l.AppendTo(nil))
	if err != nil || len(tile.Layers[0].Features[0].Props) != 1 {
		t.Fatalf("%+v %v", tile, err)
	}
}

func TestDecodeRejects(t *testing.T) {
	for name, b := range map[string][]byte{
		"truncated":    {3<<3 | 2, 10, 1},
		"bad wiretype": {3<<3 | 7},
		"no name":      {3<<3 | 2, 2, 15 << 3, 2},
	} {
		if _, err := Decode(b); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	// A feature whose tag points past the keys.
	l := NewLayer("x", 4096)
	l.AddPoints(1, []P{{1, 1}}, []Prop{{"k", "v"}})
	b := l.AppendTo(nil)
	i := bytes.Index(b, []byte{2<<3 | 2, 2, 0, 0})
	if i < 0 {
		t.Fatal("tags not found")
	}
	b[i+2] = 5
	if _, err := Decode(b); err == nil {
		t.Error("tag index out of range accepted")
	}
}

func FuzzDecode(f *testing.F) {
	l := NewLayer("dzialki", 4096)
	l.AddPolygon(7, [][]P{{{0, 0}, {10, 0}, {10, 10}, {0, 10}}}, []Prop{{"id", "a"}, {"pole", 0.5}, {"n", int64(2)}})
	l.AddPoints(9, []P{{5, 5}}, []Prop{{"b", true}})
	f.Add(l.AppendTo(nil))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		tile, err := Decode(b)
		if err != nil {
			return
		}
		// Whatever decodes re-encodes and decodes to the same geometry.
		for _, dl := range tile.Layers {
			nl := NewLayer(dl.Name, dl.Extent)
			for _, ft := range dl.Features {
				var props []Prop
				for k, v := range ft.Props {
					props = append(props, Prop{k, v})
				}
				switch ft.Type {
				case Point:
					for _, p := range ft.Parts {
						nl.AddPoints(ft.ID, p, props)
					}
				}
			}
			if _, err := Decode(nl.AppendTo(nil)); err != nil {
				t.Fatalf("re-encoded layer does not decode: %v", err)
			}
		}
	})
}

// TestAttrsEncodeAsProps: a layer of features with Attrs is byte for byte the
// layer of the same features with []Prop (the cached path and the plain one
// make the same tiles); Props and Select decode what was built.
func TestAttrsEncodeAsProps(t *testing.T) {
	keys := InternKeys([]string{"id", "pole", "n", "ok", "big", "empty", "nan"})
	if InternKeys([]string{"id", "pole", "n", "ok", "big", "empty", "nan"}) != keys {
		t.Fatal("InternKeys does not share equal tables")
	}
	type rec struct {
		id    string
		pole  float64
		n     int64
		ok    bool
		empty bool
	}
	recs := []rec{{"a/1", 0.25, -3, true, false}, {"a/2", 0.25, 1 << 40, false, true}, {"zażółć", -1e300, 0, true, false}}
	ext := [][]P{{{0, 0}, {10, 0}, {10, 10}, {0, 10}}}
	plain, packed := NewLayer("x", 4096), NewLayer("x", 4096)
	var b AttrsBuilder
	for i, r := range recs {
		props := []Prop{{"id", r.id}, {"pole", r.pole}, {"n", r.n}, {"ok", r.ok}, {"big", float64(i) * 1e9}, {"nan", math.NaN()}}
		b.Reset(keys)
		b.String(0, r.id)
		b.Float(1, r.pole)
		b.Int(2, r.n)
		b.Bool(3, r.ok)
		b.Float(4, float64(i)*1e9)
		if r.empty {
			props = append(props, Prop{"empty", ""})
			b.String(5, "")
		}
		b.Float(6, math.NaN())
		a, key := b.Finish("key" + r.id)
		if key != "key"+r.id {
			t.Fatalf("prefix %q", key)
		}
		if got := a.Props(); len(got) != len(props)-1 || got[0] != props[0] || got[1] != props[1] || got[2] != props[2] || got[3] != props[3] {
			t.Errorf("Props %v, want %v (without the NaN)", got, props)
		}
		plain.AddPolygon(uint64(i+1), ext, props)
		packed.AddPolygonAttrs(uint64(i+1), ext, a)
		plain.AddPoints(uint64(i+10), ext[0][:1], []Prop{{"id", r.id}, {"ok", r.ok}})
		packed.AddPointsAttrs(uint64(i+10), ext[0][:1], a.Select("ok", "id"))
	}
	if pb, ab := plain.AppendTo(nil), packed.AppendTo(nil); !bytes.Equal(pb, ab) {
		t.Fatalf("Attrs layer differs from the Prop layer:\n%x\n%x", pb, ab)
	}
}
