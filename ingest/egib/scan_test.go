package egib

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
)

// tokens lists a document's tokens as encoding/xml.Decoder.Token gives them (with
// the start line of each token), or as the scanner does; err is the first error.
func stdTokens(data []byte) (out []string, err error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = charsetReader
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
	s := newScanner(r)
	for {
		t, err := s.next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, describe(s.tokLine, t))
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
// returns exactly the same tokens. On one it rejects as truncated or with
// mismatched tags, the scanner reports an error too; with exact, the same error at
// the same line (the scanner may be stricter elsewhere and stop earlier).
func checkSameTokens(t *testing.T, name string, data []byte, exact bool) {
	t.Helper()
	want, werr := stdTokens(data)
	want = compact(want)
	for _, r := range []io.Reader{bytes.NewReader(data), iotest.OneByteReader(bytes.NewReader(data))} {
		got, gerr := scanTokens(r)
		if werr == nil {
			if gerr != nil {
				t.Fatalf("%s: scanner error %v on a document encoding/xml reads", name, gerr)
			}
			if got = compact(got); !slices.Equal(got, want) {
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

func errorsAs(err error, se **xml.SyntaxError) bool {
	e, ok := err.(*xml.SyntaxError)
	if ok {
		*se = e
	}
	return ok
}

func TestScannerMatchesEncodingXML(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(testdata, "*.gml"))
	broken, _ := filepath.Glob(filepath.Join(testdata, "broken", "*.gml"))
	for _, p := range append(files, broken...) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		checkSameTokens(t, filepath.Base(p), data, true)
	}
	gen, _ := io.ReadAll(newGenDoc(20, 30))
	checkSameTokens(t, "generated", gen, true)
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
	} {
		checkSameTokens(t, name, []byte(doc), true)
	}
}

// FuzzScanner: go test -run '^$' -fuzz FuzzScanner ./ingest/egib
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
