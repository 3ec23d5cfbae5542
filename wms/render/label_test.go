package render

import "testing"

// TestGlyphCacheBoundedByFont: text in runes the font lacks (an INIMAGE
// exception quoting what a client sent) adds one .notdef entry, not one per
// rune, and each such rune measures as .notdef does; runes the font has keep
// entries of their own.
func TestGlyphCacheBoundedByFont(t *testing.T) {
	const size = 13.25 // a size no other test uses
	entries := func() int {
		glyphMu.RLock()
		defer glyphMu.RUnlock()
		n := 0
		for k := range glyphCache {
			if k.size == size {
				n++
			}
		}
		return n
	}
	var missing []rune
	for r := rune(0x4E00); len(missing) < 3000; r++ { // CJK ideographs: not in Go Regular
		if hasGlyph(r) {
			t.Fatalf("the font has U+%04X", r)
		}
		missing = append(missing, r)
	}
	w1, _, _ := TextSize(string(missing[:1]), size)
	wAll, _, _ := TextSize(string(missing), size)
	if n := entries(); n != 1 {
		t.Fatalf("%d runes the font lacks made %d cache entries, want 1", len(missing), n)
	}
	if w1 <= 0 || wAll != w1*float32(len(missing)) {
		t.Errorf("missing runes measure %v each, %v together (%d runes)", w1, wAll, len(missing))
	}
	wz, _, _ := TextSize("Działka ąęłńóśźż", size)
	if n := entries(); n < 1+14 {
		t.Errorf("Polish text left %d entries", n)
	}
	if wz <= 0 {
		t.Error("Polish text has no width")
	}
	if n := goFont.NumGlyphs(); n > 2000 {
		t.Errorf("the font has %d glyphs: the bound of the cache per size is no longer small", n)
	}
}
