// Package xmltext escapes text for the XML documents the services write
// (capabilities, GML feature collections, GetFeatureInfo, exception reports).
package xmltext

import (
	"strings"
	"unicode/utf8"
)

// Escape returns s fit for element content and for attribute values in either
// quote: the five special characters as entities, and the control characters
// XML 1.0 does not allow (all below U+0020 but tab, line feed and carriage
// return) left out, so that stored text can never make a document invalid;
// bytes that are not UTF-8 become U+FFFD.
func Escape(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '<' || c == '>' || c == '&' || c == '"' || c == '\'' {
			clean = false
			break
		}
	}
	if clean && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '"':
			b.WriteString("&quot;")
		case '\'':
			b.WriteString("&apos;")
		default:
			if r < 0x20 && r != '\t' && r != '\n' && r != '\r' {
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}
