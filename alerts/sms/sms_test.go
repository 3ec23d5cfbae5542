package sms

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFoldPolish(t *testing.T) {
	for in, want := range map[string]string{
		"Zażółć gęślą jaźń":                 "Zazolc gesla jazn",
		"ZAŻÓŁĆ GĘŚLĄ JAŹŃ":                 "ZAZOLC GESLA JAZN",
		"Łask, ul. Kościuszki 12":           "Lask, ul. Kosciuszki 12",
		"„Awaria” – brak wody…":             "\"Awaria\" - brak wody...",
		"Koszt 5 € [brutto] {x} a~b a\\b|c": "Koszt 5 EUR (brutto) (x) a-b a/b/c",
		"café naïve Øre ß":                  "café naive Øre ß", // é, Ø and ß are in the basic set
		"ΔΣΩ λ":                             "ΔΣΩ ?",            // Greek capitals of the set stay
		"a\t\tb  c\r\nd":                    "a b c\nd",
		"temp. 5°C, 3 m²":                   "temp. 5st.C, 3 m2",
		"emoji 🚒 here":                      "emoji ? here",
	} {
		got := Fold(in)
		if got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
		if !IsBasic(got) {
			t.Errorf("Fold(%q) = %q has characters outside the basic set", in, got)
		}
	}
}

// The basic set has 127 characters (128 code points, one of them the escape
// to the extension table, which is not a character).
func TestBasicSet(t *testing.T) {
	if n := utf8.RuneCountInString(basic); n != 127 || len(basicSet) != 127 {
		t.Fatalf("basic set: %d characters, %d distinct", n, len(basicSet))
	}
	for _, r := range "ąęłńóśźżćĄĘŁŃÓŚŹŻĆ^{}\\[~]|€" {
		if InBasicSet(r) {
			t.Errorf("%q must not be in the basic set", r)
		}
	}
}

func TestCompose(t *testing.T) {
	tail := "Info: https://sip.powiat-laski.example/?alert=17 Rezygnacja: https://sip.powiat-laski.example/alerts/u/3q2Xo0a8Lm5sQ1yC8vN2Tg"
	short := Compose("ALERT Gmina Łask:", "Awaria wodociągu przy ul. Kościuszki. Woda do picia z beczkowozu przy Szkolnej.", tail)
	if !strings.HasPrefix(short, "ALERT Gmina Lask: Awaria wodociagu") || !strings.HasSuffix(short, tail) || !IsBasic(short) {
		t.Fatalf("short message: %q", short)
	}
	long := Compose("ALERT Gmina Łask:", strings.Repeat("Zamknięcie drogi powiatowej z powodu zalania jezdni. ", 20), tail)
	if n := Len(long); n > MaxLen || n < MaxLen-20 {
		t.Fatalf("a long message is %d characters: %q", n, long)
	}
	if !strings.HasSuffix(long, tail) || !strings.Contains(long, "... Info:") {
		t.Fatalf("the links must stay whole after a shortened body: %q", long)
	}
	// Head and links alone too long: the links are kept.
	huge := Compose(strings.Repeat("ŁÓDŹ ", 80), "x", tail)
	if Len(huge) > MaxLen || !strings.HasSuffix(huge, tail) {
		t.Fatalf("huge head: %d %q", Len(huge), huge)
	}
}

func FuzzCompose(f *testing.F) {
	f.Add("ALERT Gmina Łask:", "Awaria wodociągu – brak wody do 18:00", "https://x.example/a/1")
	f.Add("", strings.Repeat("ż", 400), "")
	f.Add("\xff\xfe", "a\u0301\u0302b", "€€€")
	f.Fuzz(func(t *testing.T, head, body, tail string) {
		if len(tail) > 200 {
			tail = tail[:200]
		}
		s := Compose(head, body, tail)
		if !IsBasic(s) {
			t.Fatalf("Compose gave characters outside the basic set: %q", s)
		}
		if Len(s) > MaxLen && Len(oneLine(Fold(tail))) <= MaxLen {
			t.Fatalf("Compose gave %d characters", Len(s))
		}
	})
}
