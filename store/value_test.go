package store

import (
	"strings"
	"testing"
	"time"
)

func TestFormatValue(t *testing.T) {
	ts := time.Date(2021, 5, 4, 10, 0, 0, 0, time.FixedZone("CEST", 2*3600))
	for _, c := range []struct {
		t    ColumnType
		v    any
		want string
	}{
		{Text, nil, ""},
		{Text, "123/4", "123/4"},
		{Integer, int64(-7), "-7"},
		{Real, 0.0255, "0.0255"},
		{Real, 1e21, "1000000000000000000000"},
		{Date, ts, "2021-05-04"},
		{DateTime, ts, "2021-05-04T08:00:00Z"},
		{"", ts.Add(1500 * time.Millisecond), "2021-05-04T08:00:01.5Z"},
	} {
		if got := FormatValue(c.t, c.v); got != c.want {
			t.Errorf("FormatValue(%q, %v) = %q, want %q", c.t, c.v, got, c.want)
		}
	}
}

func TestPrefixEnd(t *testing.T) {
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"", "", true}, {"a", "b", true}, {"141201_1.0001.", "141201_1.0001/", true},
		{"Ł", "ł", true}, {"a\U0010FFFF", "b", true}, {"\U0010FFFF", "", true},
		{"a\ud7ff", "a\ue000", true}, {"\xff", "", false}, {"a\xc5", "", false},
	} {
		end, ok := PrefixEnd(c.in)
		if end != c.want || ok != c.ok {
			t.Errorf("PrefixEnd(%q) = %q, %v; want %q, %v", c.in, end, ok, c.want, c.ok)
		}
		if ok && end != "" && !(c.in < end && !strings.HasPrefix(end, c.in)) {
			t.Errorf("PrefixEnd(%q) = %q is not past the prefix", c.in, end)
		}
	}
}
