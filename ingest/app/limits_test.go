package app

import (
	"bytes"
	"errors"
	"io"
	"os"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

type repeat struct {
	s string
	i int
}

func (r *repeat) Read(p []byte) (int, error) {
	for k := range p {
		p[k] = r.s[r.i]
		r.i = (r.i + 1) % len(r.s)
	}
	return len(p), nil
}

const limitsHead = `<?xml version="1.0" encoding="UTF-8"?>
<app:AktPlanowaniaPrzestrzennegoKolekcja xmlns:app="https://www.gov.pl/static/zagospodarowanieprzestrzenne/schemas/app/2.0" xmlns:gml="http://www.opengis.net/gml/3.2">
<app:AktPlanowaniaPrzestrzennego gml:id="a1">
<app:tytul>`

// readErr reads a document to its end and returns the fatal error and what the
// reader allocated.
func readErr(rd *Reader) (err error, alloc uint64) {
	runtime.GC()
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	for err == nil {
		_, err = rd.Next()
	}
	runtime.ReadMemStats(&m1)
	if err == io.EOF {
		err = nil
	}
	return err, m1.TotalAlloc - m0.TotalAlloc
}

// TestBoundedText (issue 16, item 2): a text value over MaxText, or text of one
// feature over it in several values, stops the file at the line where it starts,
// without holding it; comments and skipped gml elements of any size stream
// through; zeros are refused on their first byte.
func TestBoundedText(t *testing.T) {
	title := io.MultiReader(strings.NewReader(limitsHead), io.LimitReader(&repeat{s: "Plan ogólny gminy "}, 64<<20),
		strings.NewReader("</app:tytul></app:AktPlanowaniaPrzestrzennego></app:AktPlanowaniaPrzestrzennegoKolekcja>"))
	rd := NewReader(title, "plan.gml")
	rd.MaxText = 1 << 20
	err, alloc := readErr(rd)
	var e *Error
	if !errors.As(err, &e) || e.Error() != "plan.gml:4: text value longer than the limit of 1 MiB" {
		t.Fatalf("title: %v", err)
	}
	if alloc > 8<<20 {
		t.Errorf("refusing a 64 MB title allocated %d MB", alloc>>20)
	}

	many := io.MultiReader(strings.NewReader(limitsHead+"x</app:tytul>\n"), io.LimitReader(&repeat{s: "<app:opis>" + strings.Repeat("y", 1000) + "</app:opis>\n"}, 1011*2000),
		strings.NewReader("</app:AktPlanowaniaPrzestrzennego></app:AktPlanowaniaPrzestrzennegoKolekcja>"))
	rd = NewReader(many, "plan.gml")
	rd.MaxText = 1 << 20
	if err, _ := readErr(rd); err == nil || !strings.Contains(err.Error(), "the feature holds more than 1 MiB of text") {
		t.Fatalf("many values: %v", err)
	}

	skipped := io.MultiReader(strings.NewReader(limitsHead+"x</app:tytul>\n<gml:boundedBy>"), io.LimitReader(&repeat{s: "<gml:x>12345.67 89</gml:x><!-- c -->"}, 36<<19),
		strings.NewReader("</gml:boundedBy></app:AktPlanowaniaPrzestrzennego></app:AktPlanowaniaPrzestrzennegoKolekcja>"))
	rd = NewReader(skipped, "plan.gml")
	rd.MaxText = 1 << 20
	err, alloc = readErr(rd)
	if err != nil || rd.Features != 1 {
		t.Fatalf("skipped: %v, %d features", err, rd.Features)
	}
	if alloc > 8<<20 {
		t.Errorf("skipping 18 MB allocated %d MB", alloc>>20)
	}

	zeros := io.MultiReader(strings.NewReader(limitsHead), io.LimitReader(&repeat{s: "\x00"}, 1<<30))
	if err, _ := readErr(NewReader(zeros, "plan.gml")); err == nil || err.Error() != "plan.gml:4: XML: illegal character code U+0000" {
		t.Fatalf("zeros: %v", err)
	}
}

// TestWindows1250: a file declared windows-1250 reads as its UTF-8 original
// (the tokenizer converts after the XML declaration).
func TestWindows1250(t *testing.T) {
	utf, err := os.ReadFile("testdata/app1_gov_2180.gml")
	if err != nil {
		t.Fatal(err)
	}
	doc := strings.Replace(string(utf), `encoding="UTF-8"`, `encoding="windows-1250"`, 1)
	// „ and ” exist in windows-1250 as 0x84 and 0x94
	cp, err := charmap.Windows1250.NewEncoder().String(doc)
	if err != nil {
		t.Fatal(err)
	}
	want := readAllFrom(t, bytes.NewReader(utf), "utf8.gml")
	got := readAllFrom(t, strings.NewReader(cp), "cp1250.gml")
	if len(got) != len(want) || len(got) == 0 {
		t.Fatalf("%d features, want %d", len(got), len(want))
	}
	for i := range got {
		g, w := got[i].Object.Attrs["tytul"], want[i].Object.Attrs["tytul"]
		if g != w || got[i].Line != want[i].Line {
			t.Errorf("feature %d: tytul %q line %d, want %q line %d", i, g, got[i].Line, w, want[i].Line)
		}
	}
	if s, _ := got[0].Object.Attrs["tytul"].(string); !strings.Contains(s, "„Łąki Źródlane” w Żółkiewce") {
		t.Errorf("tytul %q", s)
	}
}
