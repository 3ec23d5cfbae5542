package xmltext

import (
	"encoding/xml"
	"strings"
	"testing"
)

func TestEscape(t *testing.T) {
	for in, want := range map[string]string{
		"Łask, ul. Kościuszki 12":         "Łask, ul. Kościuszki 12",
		`a<b>&"c"'d'`:                     "a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;",
		"line\nnext\ttab\rcr":             "line\nnext\ttab\rcr",
		"nul\x00bell\x07esc\x1bend":       "nulbellescend",
		"]]> in text":                     "]]&gt; in text",
		"\xff invalid UTF-8 stays a rune": "\uFFFD invalid UTF-8 stays a rune",
	} {
		if got := Escape(in); got != want {
			t.Errorf("Escape(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzEscape: whatever the text, an element and an attribute holding the
// escaped form parse with encoding/xml and give the text back, less the
// characters XML cannot hold.
func FuzzEscape(f *testing.F) {
	f.Add(`<a href="x">&amp;</a>`)
	f.Add("tab\tnul\x00")
	f.Fuzz(func(t *testing.T, s string) {
		e := Escape(s)
		var v struct {
			A    string `xml:"a,attr"`
			Text string `xml:",chardata"`
		}
		if err := xml.Unmarshal([]byte(`<r a="`+e+`">`+e+`</r>`), &v); err != nil {
			if strings.ToValidUTF8(s, "") != s {
				return // invalid UTF-8 in, not ours to fix
			}
			t.Fatalf("%q escaped as %q: %v", s, e, err)
		}
		if strings.ContainsAny(v.Text, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f") {
			t.Fatalf("control character kept: %q", v.Text)
		}
	})
}
