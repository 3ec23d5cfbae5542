package synth

import (
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// TestAddresses reads the property addresses back from the files: every
// reference resolves to an address written earlier in the same file, current
// addresses are unique in the county, houses have one, buildings carry their
// parcel's, streets number one side odd and the other even, and renamed
// streets keep their old name in an archived version.
func TestAddresses(t *testing.T) {
	st, _ := shared(t)
	seen := map[string]bool{} // current address texts in the county
	var current, renamed, villages, withStreet, parcelsWithAddr, houses, housesWithAddr, corners int
	sides := map[string]map[int]int{} // street -> parity -> count (town)
	for _, file := range st.Files {
		fs, err := readFeatures(file)
		if err != nil {
			t.Fatal(err)
		}
		written := map[string][]*xfeature{} // lokalnyId -> versions so far
		parcelAddr := map[string][]string{} // parcel lokalnyId -> address refs
		houseOn := map[string]bool{}        // parcels with a current house
		for _, f := range fs {
			if f.class() == "EGB_Budynek" && f.current() && f.Rodzaj == "m" {
				for _, h := range f.Zabudowana {
					houseOn[refID(h.Href)] = true
				}
			}
		}
		for _, f := range fs {
			switch f.class() {
			case "EGB_AdresNieruchomosci":
				written[f.LokalnyID] = append(written[f.LokalnyID], f)
				if f.Miejscowosc == "" || f.Numer == "" || len(f.SIMC) != 7 || (f.Ulica != "") != (len(f.ULIC) == 5) {
					t.Errorf("address %s: %+v", f.LokalnyID, f)
				}
				if f.Geom.Pos == "" {
					t.Errorf("address %s without a point", f.LokalnyID)
				}
				if !f.current() {
					renamed++
					continue
				}
				current++
				text := f.Miejscowosc + "|" + f.Ulica + "|" + f.Numer
				if seen[text] {
					t.Errorf("address %q written twice", text)
				}
				seen[text] = true
				if f.Ulica == "" {
					villages++
					continue
				}
				withStreet++
				if f.Miejscowosc == "Łask" {
					n, _ := strconv.Atoi(strings.TrimRightFunc(f.Numer, unicode.IsLetter))
					if sides[f.Ulica] == nil {
						sides[f.Ulica] = map[int]int{}
					}
					sides[f.Ulica][n%2]++
				}
			case "EGB_DzialkaEwidencyjna", "EGB_Budynek":
				var refs []string
				for _, h := range append(f.AdresDzialki, f.AdresBud...) {
					id := refID(h.Href)
					if len(written[id]) == 0 {
						t.Fatalf("%s %s%s: address %s is not written before it in %s", f.class(), f.IDDzialki, f.IDBudynku, id, file)
					}
					refs = append(refs, id)
				}
				if f.class() == "EGB_DzialkaEwidencyjna" {
					if f.current() {
						parcelAddr[f.LokalnyID] = refs
						if len(refs) > 0 {
							parcelsWithAddr++
						}
						if len(refs) > 1 {
							corners++
						}
						if houseOn[f.LokalnyID] {
							houses++
							if len(refs) > 0 {
								housesWithAddr++
							}
						}
					}
					continue
				}
				// a building's addresses are its parcel's
				if len(refs) > 0 {
					own := parcelAddr[refID(f.Zabudowana[0].Href)]
					if strings.Join(own, ",") != strings.Join(refs, ",") {
						t.Errorf("building %s: addresses %v, its parcel's %v", f.IDBudynku, refs, own)
					}
				}
			}
		}
		// version chains of addresses: the archived one has another street name
		for id, vs := range written {
			if len(vs) == 2 && (vs[0].Ulica == vs[1].Ulica || vs[0].Numer != vs[1].Numer || vs[1].KoniecWersja != "") {
				t.Errorf("address %s: renamed versions %+v %+v", id, *vs[0], *vs[1])
			}
		}
	}
	if current != st.Addresses || current == 0 {
		t.Errorf("%d current addresses, Stats %d", current, st.Addresses)
	}
	if houses == 0 || housesWithAddr != houses {
		t.Errorf("%d of %d parcels with a house have an address", housesWithAddr, houses)
	}
	if villages == 0 || withStreet == 0 || renamed == 0 || corners == 0 {
		t.Errorf("thin addresses: %d without a street, %d with, %d renamed, %d corner plots", villages, withStreet, renamed, corners)
	}
	// in the town both sides of most streets are numbered
	both := 0
	for _, p := range sides {
		if p[0] > 0 && p[1] > 0 {
			both++
		}
	}
	if len(sides) == 0 || both < len(sides)/2 {
		t.Errorf("town streets with both sides numbered: %d of %d", both, len(sides))
	}
	t.Logf("%d addresses (%d with a street, %d renamed), %d of %d current parcels addressed, %d corner plots",
		current, withStreet, renamed, parcelsWithAddr, st.Parcels, corners)
}
