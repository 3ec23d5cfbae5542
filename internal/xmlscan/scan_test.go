package xmlscan

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
)

// tokens lists a document's tokens as encoding/xml.Decoder.Token gives them (with
// the start line of each token), or as the scanner does; err is the first error.
func stdTokens(data []byte) (out []string, err error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "utf-8", "utf8", "us-ascii", "ascii":
			return in, nil
		}
		return nil, fmt.Errorf("unsupported encoding %q", label)
	}
	for {
		line, _ := d.InputPos()
		t, err := d.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, describe(line, t))
	}
}

func scanTokens(r io.Reader) (out []string, err error) {
	s := New(r, Options{})
	for {
		t, err := s.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, describe(s.TokenLine(), t))
	}
}

func describe(line int, t xml.Token) string {
	switch t := t.(type) {
	case xml.StartElement:
		return fmt.Sprintf("%d start %q %q", line, t.Name, t.Attr)
	case xml.EndElement:
		return fmt.Sprintf("%d end %q", line, t.Name)
	case xml.CharData:
		return fmt.Sprintf("%d text %q", line, t)
	}
	return "" // comments, processing instructions and directives: skipped by both
}

func compact(ts []string) []string {
	out := ts[:0:0]
	for _, t := range ts {
		if t != "" {
			out = append(out, t)
		}
	}
	return out
}

// checkSameTokens: on a document encoding/xml reads without error, the scanner
// returns exactly the same tokens, or stops with one of its deliberate extra
// checks (stricter) after a prefix of them. On one it rejects as truncated or
// with mismatched tags, the scanner reports an error too; with exact, the same
// error at the same line (the scanner may be stricter elsewhere and stop earlier).
func checkSameTokens(t *testing.T, name string, data []byte, exact bool) {
	t.Helper()
	// encoding/xml returns a byte order mark as text; the scanner drops it
	want, werr := stdTokens(bytes.TrimPrefix(data, bom))
	want = compact(want)
	for _, r := range []io.Reader{bytes.NewReader(data), iotest.OneByteReader(bytes.NewReader(data))} {
		got, gerr := scanTokens(r)
		got = compact(got)
		if werr == nil {
			if gerr != nil && !stricter(gerr) {
				t.Fatalf("%s: scanner error %v on a document encoding/xml reads", name, gerr)
			}
			if gerr != nil && len(got) <= len(want) {
				want = want[:len(got)]
			}
			if !slices.Equal(got, want) {
				for i := range min(len(got), len(want)) {
					if got[i] != want[i] {
						t.Fatalf("%s: token %d:\n got %s\nwant %s", name, i, got[i], want[i])
					}
				}
				t.Fatalf("%s: %d tokens, want %d", name, len(got), len(want))
			}
			continue
		}
		var se *xml.SyntaxError
		if isSyntax := errorsAs(werr, &se); isSyntax && (strings.Contains(se.Msg, "closed by") || se.Msg == "unexpected EOF") {
			var ge *xml.SyntaxError
			if gerr == nil || exact && (!errorsAs(gerr, &ge) || ge.Msg != se.Msg || ge.Line != se.Line) {
				t.Fatalf("%s: scanner error %v, encoding/xml %v", name, gerr, werr)
			}
		}
	}
}

// stricter tells the errors of the checks the scanner makes beyond encoding/xml:
// junk outside the root element, a second root, the bounds.
func stricter(err error) bool {
	var le *LimitError
	if errors.As(err, &le) {
		return true
	}
	var se *xml.SyntaxError
	return errorsAs(err, &se) && (se.Msg == "text before the root element" || se.Msg == "content after the root element")
}

func errorsAs(err error, se **xml.SyntaxError) bool {
	e, ok := err.(*xml.SyntaxError)
	if ok {
		*se = e
	}
	return ok
}

// testdata holds the EGiB samples of package ingest.
const testdata = "../../ingest/testdata"

// genDoc is a document of n parcels of about 1 KB, so that tokens, entity
// references and multi-byte characters fall across the scanner's buffer refills.
func genDoc(n int) []byte {
	var b bytes.Buffer
	b.WriteString("\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- generated -->\n<gml:FeatureCollection xmlns:gml=\"http://www.opengis.net/gml/3.2\" xmlns:egb=\"ewidencjaGruntowIBudynkow:1.0\">\n")
	for i := range n {
		fmt.Fprintf(&b, "<gml:featureMember><egb:EGB_DzialkaEwidencyjna gml:id=\"d%d\" egb:x='a&amp;b'>\n", i)
		fmt.Fprintf(&b, "<egb:idDzialki>100301_2.%04d.%d/%d</egb:idDzialki><egb:opis>Łąka &#x17C;ółta &lt;%d&gt; &amp; staw</egb:opis>\n", i%7, i, i%3, i)
		b.WriteString("<egb:geometria><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>")
		for k := range 40 {
			fmt.Fprintf(&b, "%d.%02d %d.%02d\n", 5700000+i+k, k, 7400000+i, k)
		}
		fmt.Fprintf(&b, "</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></egb:geometria><![CDATA[x%d]]></egb:EGB_DzialkaEwidencyjna></gml:featureMember>\n", i)
	}
	b.WriteString("</gml:FeatureCollection>\n")
	return b.Bytes()
}

func TestScannerMatchesEncodingXML(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(testdata, "*.gml"))
	broken, _ := filepath.Glob(filepath.Join(testdata, "broken", "*.gml"))
	if len(files) == 0 || len(broken) == 0 {
		t.Fatalf("no samples in %s", testdata)
	}
	for _, p := range append(files, broken...) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		checkSameTokens(t, filepath.Base(p), data, true)
	}
	checkSameTokens(t, "generated", genDoc(2000), true)
	for name, doc := range map[string]string{
		"entities":     `<a x="1 &amp; &lt;2&gt; &#65;&#x42;">&quot;t&apos; &#x17C;ółw</a>`,
		"cdata":        "<a><![CDATA[<b>&amp;\n]]>x</a>",
		"comments":     "<?xml version=\"1.0\"?>\n<!-- c\n -->\n<a><!-- x --><b/>\n</a>",
		"doctype":      "<!DOCTYPE a [<!ENTITY e \"x\">]>\n<a/>",
		"namespaces":   `<p:a xmlns:p="u1" xmlns="d"><b p:x="1" y="2"><p:c xmlns:p="u2"/><q:d/></b></p:a>`,
		"selfclose":    `<a><b  x = 'v' /><c/></a>`,
		"mismatch":     "<a>\n<b>\n</c></a>",
		"truncated":    "<a>\n<b>text",
		"truncatedTag": "<a>\n<b x=\"1",
		"endOnly":      "</a>",
		"badEntity":    "<a>&nope;</a>",
		"emptyBang":    "<a><!></a>",
		"bangOnly":     "<!><a/>",
		"bangQuote":    "<!\"x><a/>",
		"bangNested":   "<!x <y> [>\n]><a/>",
		"bangComment":  "<!x <!-- > -->><a/>",
		"bomSpace":     "\xEF\xBB\xBF\n <a/>\n",
	} {
		checkSameTokens(t, name, []byte(doc), true)
	}
}

// FuzzScanner: go test -run '^$' -fuzz FuzzScanner ./internal/xmlscan
func FuzzScanner(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join(testdata, "*.gml"))
	broken, _ := filepath.Glob(filepath.Join(testdata, "broken", "*.gml"))
	for _, p := range append(seeds, broken...) {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`<p:a xmlns:p="u1"><![CDATA[x]]><!--c--><b y="&amp;"/></p:a>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkSameTokens(t, "fuzz", data, false)
	})
}

// scanAll reads a document to its end and returns the first error.
func scanAll(r io.Reader, o Options) error {
	s := New(r, o)
	for {
		if _, err := s.Next(); err != nil {
			if err == io.EOF {
				return nil
			}
			return err
		}
	}
}

// TestJunkOutsideRoot: what no GML export has outside its root element is
// refused on the first byte, where encoding/xml reads it as text.
func TestJunkOutsideRoot(t *testing.T) {
	for _, c := range []struct{ doc, msg string }{
		{"\x00\x00\x00<a/>", "illegal character code U+0000"},
		{"0000000<!>", "text before the root element"},
		{"x<a/>", "text before the root element"},
		{"<a/>\n\nx", "content after the root element"},
		{"<a/><b/>", "content after the root element"},
		{"<a/><![CDATA[x]]>", "content after the root element"},
		{"<a>\x01</a>", "illegal character code U+0001"},
		{"<a x='\x00'/>", "illegal character code U+0000"},
		{"<a><![CDATA[\x00]]></a>", "illegal character code U+0000"},
		{"<a>\xff</a>", "invalid UTF-8"},
		{"<a>\xef\xbf\xbe</a>", "illegal character code U+FFFE"},
	} {
		err := scanAll(strings.NewReader(c.doc), Options{})
		var se *xml.SyntaxError
		if !errors.As(err, &se) || se.Msg != c.msg {
			t.Errorf("%q: %v, want %q", c.doc, err, c.msg)
		}
	}
	// a 1 GB stream of zeros stops on its first byte
	zeros := &countReader{r: io.LimitReader(zeroReader{}, 1<<30)}
	if err := scanAll(zeros, Options{}); err == nil || !strings.Contains(err.Error(), "U+0000") {
		t.Fatalf("zeros: %v", err)
	}
	if zeros.n > bufSize {
		t.Fatalf("read %d bytes of zeros before refusing them", zeros.n)
	}
}

type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

type countReader struct {
	r io.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// repeatReader streams head, then body repeated to about n bytes, then tail,
// without holding more than one copy of each.
func repeatReader(head, body, tail string, n int64) io.Reader {
	n -= n % int64(len(body))
	return io.MultiReader(strings.NewReader(head), io.LimitReader(&cycle{s: body}, n), strings.NewReader(tail))
}

type cycle struct {
	s string
	i int
}

func (c *cycle) Read(p []byte) (int, error) {
	for k := range p {
		p[k] = c.s[c.i]
		c.i = (c.i + 1) % len(c.s)
	}
	return len(p), nil
}

// heapAfter runs f and returns the bytes it allocated.
func heapAfter(f func()) uint64 {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestBounds: a text value, a tag, the nesting and the namespace declarations
// each have a bound, reported as a LimitError at the line where the token
// starts; and nothing is allocated in proportion to the input beyond them.
func TestBounds(t *testing.T) {
	const n = 64 << 20
	for _, c := range []struct {
		name string
		r    io.Reader
		line int
		msg  string
	}{
		{"text", repeatReader("<a>\n<b>", "1234.5 6789.0\n", "</b></a>", n), 2, "text value longer than the limit of 1 MiB"},
		{"cdata", repeatReader("<a>\n<![CDATA[", "x]]", "]]></a>", n), 2, "text value longer than the limit of 1 MiB"},
		{"tag", repeatReader("<a>\n<b x='", "1", "'/></a>", n), 2, "tag longer than 1 MiB"},
		{"depth", repeatReader("", "<a>", "", n), 1, "elements nested more than 1000 deep"},
		{"attributes", repeatReader("<a>\n<b ", "x='1' ", "/></a>", 4096), 2, "more than 256 attributes in one element"},
		{"namespaces", repeatReader("<a>", "<b xmlns:p='"+strings.Repeat("u", 2000)+"'>", "", n), 1, "namespace declarations in scope longer than 1 MiB"},
	} {
		var err error
		alloc := heapAfter(func() { err = scanAll(c.r, Options{MaxText: 1 << 20}) })
		var le *LimitError
		if !errors.As(err, &le) || le.Msg != c.msg || le.Line != c.line {
			t.Errorf("%s: %v, want line %d: %s", c.name, err, c.line, c.msg)
		}
		if alloc > 16<<20 {
			t.Errorf("%s: %d MB allocated for a document refused at 1 MiB", c.name, alloc>>20)
		}
	}
}

// TestStreamedThrough: comments, processing instructions, directives and skipped
// elements of any size pass through a small buffer.
func TestStreamedThrough(t *testing.T) {
	const n = 32 << 20
	for _, c := range []struct {
		name string
		r    io.Reader
	}{
		{"comment", repeatReader("<a><!--", "x-\n", "--></a>", n)},
		{"pi", repeatReader("<a><?p ", "x?\n", "?></a>", n)},
		{"doctype", repeatReader("<!DOCTYPE a [", "<!ENTITY e 'x>'>\n", "]><a/>", n)},
		{"comments", repeatReader("<a>", "<!---->", "</a>", n)}, // no recursion per comment
	} {
		var err error
		alloc := heapAfter(func() { err = scanAll(c.r, Options{MaxText: 1 << 20}) })
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
		}
		if alloc > 8<<20 {
			t.Errorf("%s: %d MB allocated", c.name, alloc>>20)
		}
	}
	// Skip: a skipped subtree holding texts over the limit of kept text is
	// refused too, yet nothing of it is kept.
	s := New(repeatReader("<a><secret>\n", "83030312344 Jan Kowalski ", "</secret></a>", 4<<20), Options{MaxText: 1 << 20})
	s.Next()
	s.Next()
	var err error
	alloc := heapAfter(func() { err = s.Skip(s.Depth()) })
	var le *LimitError
	if !errors.As(err, &le) || le.Line != 1 {
		t.Fatalf("skip: %v", err)
	}
	if alloc > 1<<20 {
		t.Fatalf("skip: %d KB allocated", alloc>>10)
	}
	// many small elements: nothing allocated per element either
	s = New(repeatReader("<a><skipped>", "<b x='1'>12.5</b><c/>\n", "</skipped></a>", 16<<20), Options{})
	s.Next()
	s.Next()
	alloc = heapAfter(func() { err = s.Skip(s.Depth()) })
	if err != nil || alloc > 1<<20 {
		t.Fatalf("skipping 16 MB of elements: %v, %d KB allocated", err, alloc>>10)
	}
	// within the limit it is skipped, and the document goes on
	s = New(strings.NewReader("<a><secret x='&amp;'>"+strings.Repeat("83030312344 &amp; ", 1<<15)+"<b/></secret><c/></a>"), Options{MaxText: 1 << 20})
	s.Next()
	s.Next()
	if err := s.Skip(s.Depth()); err != nil {
		t.Fatal(err)
	}
	if tok, err := s.Next(); err != nil || tok.(xml.StartElement).Name.Local != "c" {
		t.Fatalf("after skip: %v %v", tok, err)
	}
}

// TestErrorsQuoteLittle: errors in skipped content quote none of it; elsewhere
// they quote a few dozen bytes at most.
func TestErrorsQuoteLittle(t *testing.T) {
	const pesel, name = "83030312344", "Jan Kowalski"
	for _, doc := range []string{
		"<a><pesel>&" + pesel + "</pesel></a>",
		"<a><osoba>&" + name + ";</osoba></a>",
		"<a><osoba x='&" + name + ";'/></a>",
		"<a><osoba>&#" + pesel + ";</osoba></a>",
	} {
		s := New(strings.NewReader(doc), Options{})
		s.Next()
		s.Next()
		err := s.Skip(s.Depth())
		if err == nil || strings.Contains(err.Error(), pesel) || strings.Contains(err.Error(), "Kowalski") {
			t.Errorf("%s: %v", doc, err)
		}
		if !strings.Contains(err.Error(), "invalid character entity") || !strings.Contains(err.Error(), "line 1") {
			t.Errorf("%s: %v does not say what is wrong where", doc, err)
		}
	}
	long := strings.Repeat("x", 10000)
	err := scanAll(strings.NewReader("<a>&"+long+";</a>"), Options{})
	if err == nil || len(err.Error()) > 120 {
		t.Fatalf("unskipped entity error: %d bytes: %.200v", len(err.Error()), err)
	}
}

// TestCharset: a declared single-byte encoding is converted when the caller
// gives a converter, and refused otherwise.
func TestCharset(t *testing.T) {
	doc := "<?xml version=\"1.0\" encoding=\"x-test\"?>\n<a>\xb1</a>"
	if err := scanAll(strings.NewReader(doc), Options{}); err == nil || !strings.Contains(err.Error(), "unsupported encoding") {
		t.Fatalf("no converter: %v", err)
	}
	conv := func(label string, in io.Reader) (io.Reader, error) {
		b, err := io.ReadAll(in)
		return strings.NewReader(strings.ReplaceAll(string(b), "\xb1", "ą")), err
	}
	s := New(strings.NewReader(doc), Options{Charset: conv})
	var text string
	for {
		tok, err := s.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if cd, ok := tok.(xml.CharData); ok && s.Depth() == 1 {
			text += string(cd)
		}
	}
	if text != "ą" {
		t.Fatalf("text %q", text)
	}
}

// TestNoDTDAndOffsets: NoDTD refuses a DOCTYPE; TokenOffset and Offset delimit
// an element as written (the WFS parser keeps a filter's own text).
func TestNoDTDAndOffsets(t *testing.T) {
	err := scanAll(strings.NewReader(`<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><a/>`), Options{NoDTD: true})
	var se *xml.SyntaxError
	if !errors.As(err, &se) || se.Msg != "DTDs are not allowed" {
		t.Fatalf("DOCTYPE: %v", err)
	}
	doc := "<a> <!-- c -->\n<b x=\"1\">t<c/></b><d/></a>"
	s := New(strings.NewReader(doc), Options{})
	for {
		tok, err := s.Next()
		if err != nil {
			t.Fatal(err)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "b" {
			off := s.TokenOffset()
			if err := s.Skip(s.Depth()); err != nil {
				t.Fatal(err)
			}
			if got := doc[off:s.Offset()]; got != `<b x="1">t<c/></b>` {
				t.Fatalf("element as written: %q", got)
			}
			return
		}
	}
}

// BenchmarkScanner reads a 20 MB generated export token by token.
func BenchmarkScanner(b *testing.B) {
	doc := genDoc(20000)
	b.SetBytes(int64(len(doc)))
	for b.Loop() {
		if err := scanAll(bytes.NewReader(doc), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestASCIIText: the word-at-a-time test agrees with the byte-by-byte one on
// every ASCII byte in every position.
func TestASCIIText(t *testing.T) {
	for c := range 0x80 {
		want := c >= 0x20 || c == '\t' || c == '\n' || c == '\r'
		for pos := range 8 {
			w := uint64(0x4141414141414141) // "AAAAAAAA"
			w = w&^(0xff<<(8*pos)) | uint64(c)<<(8*pos)
			if got := asciiText(w); got != want {
				t.Fatalf("byte %#x at %d: %v, want %v", c, pos, got, want)
			}
		}
	}
}

// TestRealSamples: the scanner reads the real exports and WFS responses of
// the shared samples (../shared/data beside the module; skipped when absent)
// exactly as encoding/xml does.
func TestRealSamples(t *testing.T) {
	var files []string
	for _, pat := range []string{"egib_2015/*.gml", "app2/*.gml", "county_wfs/*.xml"} {
		m, _ := filepath.Glob(filepath.Join("../../../shared/data", pat))
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Skip("shared samples ../../../shared/data not present: skipping real-data test")
	}
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		checkSameTokens(t, filepath.Base(p), data, true)
		if err := scanAll(bytes.NewReader(data), Options{}); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
}
