package cadastre

import "testing"

func TestCountyNames(t *testing.T) {
	for id, want := range map[string]string{
		"1003":                 "łaski",
		"100301_4.0001.1":      "łaski",
		"1061":                 "Łódź",
		"1465":                 "Warszawa",
		"141201_1.0001.6509/2": "miński",
		"221101_1.0001.138/28": "pucki",
		"0206":                 "karkonoski",
		"3262":                 "Szczecin",
	} {
		if got, ok := County(id); !ok || got != want {
			t.Errorf("County(%q) = %q, %v; want %q", id, got, ok, want)
		}
	}
	for _, id := range []string{"", "10", "1099", "9903"} {
		if got, ok := County(id); ok {
			t.Errorf("County(%q) = %q, want none", id, got)
		}
	}
	// 314 land counties and 66 cities with county rights; each code starts with
	// one of the 16 voivodeship codes.
	land, cities := 0, 0
	for code, name := range counties {
		if len(code) != 4 || code[0] < '0' || code[0] > '3' || (code[1]-'0')%2 != 0 {
			t.Errorf("bad code %q", code)
		}
		if code[2] >= '6' {
			cities++
		} else {
			land++
		}
		if name == "" {
			t.Errorf("%s has no name", code)
		}
	}
	if land != 314 || cities != 66 {
		t.Errorf("%d land counties, %d cities; want 314 and 66", land, cities)
	}
}
