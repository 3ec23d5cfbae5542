package egib

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
)

// person is a skipped EGB_OsobaFizyczna whose first name is n bytes of text.
func person(n int) io.Reader {
	return io.MultiReader(
		strings.NewReader("<gml:featureMember><egb:EGB_OsobaFizyczna gml:id=\"o1\">\n<egb:pierwszeImie>"),
		io.LimitReader(&repeat{s: "Kowalski "}, int64(n)),
		strings.NewReader("</egb:pierwszeImie><egb:pesel>83030312344</egb:pesel></egb:EGB_OsobaFizyczna></gml:featureMember>\n"))
}

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

// docWith is a document of a parcel, middle, and another parcel.
func docWith(middle io.Reader) io.Reader {
	var a, b strings.Builder
	g := &genDoc{verts: 8}
	g.object(1)
	a.WriteString(genHead)
	a.Write(g.buf.Bytes())
	g.buf.Reset()
	g.object(2)
	b.Write(g.buf.Bytes())
	b.WriteString("</gml:FeatureCollection>\n")
	return io.MultiReader(strings.NewReader(a.String()), middle, strings.NewReader(b.String()))
}

// readAll reads a document to its end: the features, the object errors, and
// the fatal error if any; alloc is what the reader allocated meanwhile.
func readCounting(r *Reader) (feats []*Feature, problems []*Error, fatal *Error, alloc uint64) {
	runtime.GC()
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	defer func() {
		runtime.ReadMemStats(&m1)
		alloc = m1.TotalAlloc - m0.TotalAlloc
	}()
	for {
		f, err := r.Next()
		if err == io.EOF {
			return
		}
		var e *Error
		if err != nil && !errors.As(err, &e) {
			panic(err)
		}
		switch {
		case err == nil:
			feats = append(feats, f)
		case e.Fatal:
			fatal = e
			return
		default:
			problems = append(problems, e)
		}
	}
}

// TestSkippedTextStreamed: a large text inside skipped personal data is streamed
// through (nothing of it allocated); beyond MaxText it stops the file at the
// line where it starts, still without holding it.
func TestSkippedTextStreamed(t *testing.T) {
	r := NewReader(docWith(person(8<<20)), "big.gml")
	r.MaxText = 16 << 20
	feats, _, fatal, alloc := readCounting(r)
	if fatal != nil || len(feats) != 2 || r.Stats().Personal != 1 {
		t.Fatalf("%d features, fatal %v, stats %+v", len(feats), fatal, r.Stats())
	}
	if alloc > 4<<20 {
		t.Errorf("skipping 8 MB of personal data allocated %d MB", alloc>>20)
	}

	r = NewReader(docWith(person(64<<20)), "big.gml")
	r.MaxText = 1 << 20
	feats, _, fatal, alloc = readCounting(r)
	if fatal == nil || fatal.Line != 16 || fatal.Msg != "text value longer than the limit of 1 MiB" || len(feats) != 1 {
		t.Fatalf("%d features, fatal %v", len(feats), fatal)
	}
	if strings.Contains(fatal.Error(), "Kowalski") {
		t.Fatalf("error quotes the skipped text: %v", fatal)
	}
	if alloc > 4<<20 {
		t.Errorf("refusing a 64 MB text allocated %d MB", alloc>>20)
	}
}

// TestObjectTextBounded: the text read into one object is bounded by MaxText; an
// object beyond it is an object-level error and the next one is read.
func TestObjectTextBounded(t *testing.T) {
	var big strings.Builder
	big.WriteString(`<gml:featureMember><egb:EGB_DzialkaEwidencyjna gml:id="big">
<egb:idIIP><egb:EGB_IdentyfikatorIIP><egb:lokalnyId>big</egb:lokalnyId></egb:EGB_IdentyfikatorIIP></egb:idIIP>
<egb:geometria><gml:MultiSurface srsName="urn:ogc:def:crs:EPSG::2180">`)
	ring := strings.Repeat("749000.00 487000.00 749010.00 487000.00 749010.00 487010.00 749000.00 487000.00\n", 5000)
	for range 3 { // 3 × 400 KB
		big.WriteString("<gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>" + ring +
			"</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember>\n")
	}
	big.WriteString("</gml:MultiSurface></egb:geometria></egb:EGB_DzialkaEwidencyjna></gml:featureMember>\n")
	r := NewReader(docWith(strings.NewReader(big.String())), "big.gml")
	r.MaxText = 1 << 20
	feats, problems, fatal, _ := readCounting(r)
	if fatal != nil || len(feats) != 2 || len(problems) != 1 {
		t.Fatalf("%d features, %d problems, fatal %v", len(feats), len(problems), fatal)
	}
	if p := problems[0]; p.GMLID != "big" || !strings.Contains(p.Msg, "the object holds more than 1 MiB of text") {
		t.Fatalf("problem %v", p)
	}
}

// TestPersonalDataNotInErrors: a bad entity reference inside skipped personal
// data makes an error naming the file, the line and the fault, but not the text.
func TestPersonalDataNotInErrors(t *testing.T) {
	for _, c := range []struct{ inside, secret string }{
		{"<egb:pesel>&83030312344</egb:pesel>", "83030312344"},
		{"<egb:nazwisko>&Jan Kowalski;</egb:nazwisko>", "Kowalski"},
		{`<egb:adres egb:uwagi="&Jan Kowalski;"/>`, "Kowalski"},
	} {
		doc := fmt.Sprintf("<gml:featureMember><egb:EGB_OsobaFizyczna gml:id=\"o1\">\n\n%s</egb:EGB_OsobaFizyczna></gml:featureMember>\n", c.inside)
		r := NewReader(docWith(strings.NewReader(doc)), "export.gml")
		_, _, fatal, _ := readCounting(r)
		if fatal == nil || strings.Contains(fatal.Error(), c.secret) {
			t.Fatalf("%s: %v", c.inside, fatal)
		}
		if want := "export.gml:17: malformed XML: invalid character entity in content skipped unread (not quoted)"; fatal.Error() != want {
			t.Errorf("%s:\n got %v\nwant %s", c.inside, fatal, want)
		}
	}
	// outside skipped content a value is quoted, cut to a few dozen bytes
	doc := "<gml:featureMember><egb:EGB_DzialkaEwidencyjna gml:id=\"x\"><egb:idDzialki>&" + strings.Repeat("x", 5000) + ";</egb:idDzialki></egb:EGB_DzialkaEwidencyjna></gml:featureMember>"
	_, _, fatal, _ := readCounting(NewReader(docWith(strings.NewReader(doc)), "export.gml"))
	if fatal == nil || len(fatal.Msg) > 100 || !strings.Contains(fatal.Msg, "invalid character entity &xxxx") {
		t.Fatalf("%.300v", fatal)
	}
}

// TestJunkRefusedAtOnce: zeros or text before the root element stop the file
// on its first line.
func TestJunkRefusedAtOnce(t *testing.T) {
	for doc, want := range map[string]string{
		"\x00\x00\x00\x00" + genHead:            "j.gml:1: malformed XML: illegal character code U+0000",
		"PK\x03\x04" + genHead:                  "j.gml:1: malformed XML: text before the root element",
		genHead + "</gml:FeatureCollection>\nx": "j.gml:4: malformed XML: content after the root element",
	} {
		_, _, fatal, _ := readCounting(NewReader(strings.NewReader(doc), "j.gml"))
		if fatal == nil || fatal.Error() != want {
			t.Errorf("%q: %v, want %s", doc[:8], fatal, want)
		}
	}
}
