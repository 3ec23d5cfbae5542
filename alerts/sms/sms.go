// Package sms writes the text of alert SMS as the national alert rules want
// it: the GSM 7-bit default alphabet's basic set only (3GPP TS 23.038), so
// Polish letters are written without their diacritics (ą→a, ł→l, Ż→Z …), and
// at most 306 characters, two concatenated messages of 153.
//
// Every character of the basic set is one septet; the extension table
// (^ { } \ [ ~ ] | €), reached by an escape, costs two and some phones show
// it wrongly, so it is replaced too: a text made here is exactly as long, in
// septets, as it is in characters.
package sms

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MaxLen is the longest text: two concatenated SMS of 153 septets.
const MaxLen = 306

// basic is the GSM 7-bit default alphabet's basic character set without the
// escape to the extension table (TS 23.038, 6.2.1).
const basic = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
	"¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"

var basicSet = func() map[rune]bool {
	m := make(map[rune]bool, 128)
	for _, r := range basic {
		m[r] = true
	}
	return m
}()

// InBasicSet reports whether r is in the GSM-7 basic set.
func InBasicSet(r rune) bool { return basicSet[r] }

// IsBasic reports whether every character of s is in the basic set.
func IsBasic(s string) bool {
	for _, r := range s {
		if !basicSet[r] {
			return false
		}
	}
	return true
}

// replacements are written out: Polish letters (none of which is in the
// basic set) and the punctuation that typed or pasted text brings.
var replacements = map[rune]string{
	'ą': "a", 'ć': "c", 'ę': "e", 'ł': "l", 'ń': "n", 'ó': "o", 'ś': "s", 'ź': "z", 'ż': "z",
	'Ą': "A", 'Ć': "C", 'Ę': "E", 'Ł': "L", 'Ń': "N", 'Ó': "O", 'Ś': "S", 'Ź': "Z", 'Ż': "Z",
	'„': "\"", '”': "\"", '“': "\"", '«': "\"", '»': "\"", '‘': "'", '’': "'", '‚': "'",
	'–': "-", '—': "-", '‑': "-", '−': "-", '…': "...", '•': "-", '·': "-",
	'€': "EUR", '[': "(", ']': ")", '{': "(", '}': ")", '~': "-", '\\': "/", '|': "/", '^': "",
	'\t': " ", '\u00a0': " ", '\u2009': " ", '\u202f': " ", '°': "st.", '²': "2", '³': "3",
}

// Fold returns s in the basic set: Polish letters without diacritics, other
// letters without their accents (unless the basic set has the accented
// letter, as é), typographic punctuation as its plain form, and '?' for
// anything else. White space runs become one space; line breaks stay.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range strings.ToValidUTF8(s, "?") {
		if r == '\r' {
			continue
		}
		if r != '\n' && unicode.IsSpace(r) || r == '\t' {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		if rep, ok := replacements[r]; ok {
			b.WriteString(rep)
			continue
		}
		if basicSet[r] {
			b.WriteRune(r)
			continue
		}
		b.WriteString(strip(r))
	}
	return b.String()
}

// strip drops the combining marks of r's canonical decomposition and keeps
// what is left in the basic set; '?' when nothing is.
func strip(r rune) string {
	var out []rune
	for _, d := range norm.NFD.String(string(r)) {
		if unicode.Is(unicode.Mn, d) {
			continue
		}
		if basicSet[d] {
			out = append(out, d)
		}
	}
	if len(out) == 0 {
		if unicode.IsControl(r) {
			return ""
		}
		return "?"
	}
	return string(out)
}

// Len is the length of a folded text in characters (= septets).
func Len(s string) int { return utf8.RuneCountInString(s) }

// Compose writes an SMS: head (always whole: "ALERT Gmina Lask:"), then body,
// shortened at a word with "..." when needed, then tail (the links, always
// whole), each folded and joined by spaces, at most MaxLen characters. When
// head and tail alone are too long, tail is kept and head is cut.
func Compose(head, body, tail string) string {
	head, body, tail = oneLine(Fold(head)), oneLine(Fold(body)), oneLine(Fold(tail))
	room := MaxLen - Len(tail) - 1
	if room < Len(head)+1 {
		return join(cut(head, room), tail)
	}
	room -= Len(head) + 1
	if Len(body) > room {
		body = cut(body, room)
	}
	return join(head, body, tail)
}

// cut shortens s to at most n characters, at a word boundary, with "...".
func cut(s string, n int) string {
	if Len(s) <= n {
		return s
	}
	if n < 3 {
		return ""
	}
	rs := []rune(s)[:n-3]
	if i := strings.LastIndexByte(string(rs), ' '); i > len(string(rs))/2 {
		return strings.TrimRight(string(rs)[:i], " ,.;:-") + "..."
	}
	return string(rs) + "..."
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func join(parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, " ")
}
