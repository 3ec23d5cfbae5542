package egib

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// ownTestdata holds this package's own sample files (../testdata is package ingest's).
const ownTestdata = "testdata"

func TestFormatAddress(t *testing.T) {
	for _, c := range []struct{ place, street, number, unit, want string }{
		{"Łask", "Kościuszki", "12", "", "Łask, ul. Kościuszki 12"},
		{"Łask", "ul. Kościuszki", "12", "", "Łask, ul. Kościuszki 12"},
		{"Łask", "Ulica  Kościuszki", "12", "", "Łask, ul. Kościuszki 12"},
		{"Łask", "UL Kościuszki", "12", "", "Łask, ul. Kościuszki 12"},
		{"Łask", "Aleja Jana Pawła II", "3", "5", "Łask, al. Jana Pawła II 3/5"},
		{"Łask", "Plac Wolności", "1", "", "Łask, pl. Wolności 1"},
		{"Łask", "osiedle Przylesie", "4", "", "Łask, os. Przylesie 4"},
		{"Łask", "Rynek", "1", "", "Łask, Rynek 1"},
		{"Łask", "Rondo Solidarności", "2", "", "Łask, Rondo Solidarności 2"},
		{"Kolumna", "", "7A", "", "Kolumna 7A"},
		{" Kolumna\n", " ", " 7A ", "", "Kolumna 7A"},
		{"Kolumna", "", "", "", "Kolumna"},
		{"Kolumna", "", "", "3", "Kolumna"}, // a unit without a house number means nothing
		{"", "Polna", "5", "", "ul. Polna 5"},
		{"Łask", "Polna;Leśna", "5", "", "Łask, ul. Polna,Leśna 5"}, // ';' separates addresses in a column
		{"", "", "5", "", ""},
	} {
		if got := FormatAddress(c.place, c.street, c.number, c.unit); got != c.want {
			t.Errorf("FormatAddress(%q, %q, %q, %q) = %q, want %q", c.place, c.street, c.number, c.unit, got, c.want)
		}
	}
}

// readOwn reads one of this package's sample files with the given reader setup.
func readOwn(t *testing.T, name string, setup func(*Reader)) (*Reader, map[string]*Feature) {
	t.Helper()
	f, err := os.Open(filepath.Join(ownTestdata, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := NewReader(f, name)
	if setup != nil {
		setup(r)
	}
	fs, errs := readAll(t, r)
	if len(errs) != 0 {
		t.Fatalf("%s: %v", name, errs)
	}
	m := map[string]*Feature{}
	for _, ft := range fs {
		if ft.Object.Current() {
			m[ft.Object.ID] = ft
		}
	}
	return r, m
}

func scanOwn(t *testing.T, names ...string) *Refs {
	t.Helper()
	all := &Refs{RegisterGroups: map[string]string{}, Addresses: map[string]string{}}
	for _, name := range names {
		f, err := os.Open(filepath.Join(ownTestdata, name))
		if err != nil {
			t.Fatal(err)
		}
		refs, err := ScanRefs(f, name)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		for k, v := range refs.Addresses {
			all.Addresses[k] = v
		}
	}
	return all
}

const (
	p1, p2, p3, b1 = "31000000-0000-4000-8000-000000000001", "31000000-0000-4000-8000-000000000002",
		"31000000-0000-4000-8000-000000000003", "71000000-0000-4000-8000-000000000001"
	a2, a3, s1 = "a1000000-0000-4000-8000-000000000002", "a1000000-0000-4000-8000-000000000003", "b1000000-0000-4000-8000-000000000001"
)

// personalMarkers are strings that only occur in the subjects' data of the
// sample files (and in a non-public element of an address).
var personalMarkers = []string{"Nibylandia", "Sekretna", "Fikcyjnowska", "Zdzisława", fakePESEL, "99-999"}

func noPersonal(t *testing.T, what string, v any) {
	t.Helper()
	s := fmt.Sprintf("%#v", v)
	for _, bad := range personalMarkers {
		if strings.Contains(s, bad) {
			t.Errorf("personal data %q in %s: %s", bad, what, s)
		}
	}
}

// Streaming alone: the addresses written before a parcel resolve, those after
// it are listed as unresolved, and a subject's address never resolves.
func TestAddresses2021Streaming(t *testing.T) {
	r, m := readOwn(t, "addresses_2021.gml", nil)
	wantAttrs(t, m[p1], map[string]any{"adresy": "Łask, ul. Kościuszki 12"}) // referenced twice, stored once
	wantAttrs(t, m[p2], map[string]any{"adresy": nil})
	wantAttrs(t, m[p3], map[string]any{"adresy": "Kolumna 9"}) // the inline address
	wantAttrs(t, m[b1], map[string]any{"adresy": "Łask, ul. Kościuszki 12"})
	for id, want := range map[string][]string{p1: {a2}, p2: {a3}, p3: {s1}, b1: {"#ADR.N4"}} {
		if got := m[id].UnresolvedAddresses; !reflect.DeepEqual(got, want) {
			t.Errorf("%s: unresolved %v, want %v", id, got, want)
		}
	}
	st := r.Stats()
	// EGB_OsobaFizyczna and EGB_AdresPodmiotu; the subject address inline in
	// adresDzialki is skipped inside the parcel, unread.
	if st.Personal != 2 || st.Addresses != 6 || st.Skipped[addressClass] != 0 {
		t.Errorf("stats %+v: want 2 personal objects, 6 addresses read (5 objects + 1 inline)", st)
	}
	for _, f := range m {
		noPersonal(t, f.GMLID, f.Object)
	}
}

// With the scan ahead (what an ingest of several files does), every reference
// resolves wherever the address is, the current version of an address wins over
// its archived one written after it, and a subject's address still never
// resolves.
func TestAddresses2021Scanned(t *testing.T) {
	refs := scanOwn(t, "addresses_2021.gml")
	noPersonal(t, "ScanRefs", refs)
	if _, ok := refs.Addresses[s1]; ok {
		t.Errorf("a subject's address was collected: %q", refs.Addresses[s1])
	}
	if got := refs.Addresses[a2]; got != "Łask, al. Jana Pawła II 3" {
		t.Errorf("address with an archived version: %q, want the current one", got)
	}
	_, m := readOwn(t, "addresses_2021.gml", func(r *Reader) { r.KnownAddresses = refs.Addresses })
	wantAttrs(t, m[p1], map[string]any{"adresy": "Łask, ul. Kościuszki 12; Łask, al. Jana Pawła II 3"})
	wantAttrs(t, m[p2], map[string]any{"adresy": "Kolumna 7A"})
	wantAttrs(t, m[p3], map[string]any{"adresy": "Kolumna 9"})
	wantAttrs(t, m[b1], map[string]any{"adresy": "Łask, ul. Kościuszki 12; Łask, Rynek 1"})
	if got := m[p3].UnresolvedAddresses; !slices.Equal(got, []string{s1}) {
		t.Errorf("p3 unresolved %v", got)
	}
	for _, id := range []string{p1, p2, b1} {
		if len(m[id].UnresolvedAddresses) != 0 {
			t.Errorf("%s: unresolved %v", id, m[id].UnresolvedAddresses)
		}
	}
	for _, f := range m {
		noPersonal(t, f.GMLID, f.Object)
	}
}

// 2015 schema: one address after its parcel in the same file, two in another
// file, and a parcel pointing at a subject's permanent address.
func TestAddresses2015SeparateFiles(t *testing.T) {
	const (
		q1, q2, q3 = "e2000000-0000-4000-8000-000000000001", "e2000000-0000-4000-8000-000000000002", "e2000000-0000-4000-8000-000000000003"
	)
	r, m := readOwn(t, "addresses_2015.gml", nil)
	if len(m) != 3 || m[q1] == nil || m[q1].Class != "EGB_DzialkaEwidencyjna" {
		t.Fatalf("features %v", m)
	}
	for _, id := range []string{q1, q2, q3} {
		wantAttrs(t, m[id], map[string]any{"adresy": nil})
	}
	if st := r.Stats(); st.Personal != 2 || st.Addresses != 1 {
		t.Errorf("stats %+v", st)
	}

	refs := scanOwn(t, "addresses_2015.gml", "addresses_2015_extra.gml")
	noPersonal(t, "ScanRefs", refs)
	_, m = readOwn(t, "addresses_2015.gml", func(r *Reader) { r.KnownAddresses = refs.Addresses })
	wantAttrs(t, m[q1], map[string]any{"adresy": "Słupsk, ul. Szczecińska 21b", "id_dzialki": "221101_1.0001.138/28", "pole_ewidencyjne": 0.0255})
	wantAttrs(t, m[q2], map[string]any{"adresy": "Słupsk, pl. Zwycięstwa 1; Słupsk, ul. Szczecińska 23"})
	wantAttrs(t, m[q3], map[string]any{"adresy": nil})
	for _, f := range m {
		noPersonal(t, f.GMLID, f.Object)
	}
}

// The real 2015 sample refers to an address that is not in the file: the parcel
// loads, its reference is reported unresolved.
func TestReal2015UnresolvedAddress(t *testing.T) {
	f := openShared(t, "egib_2015/221101_1.0001.138_28.gml")
	fs, errs := readAll(t, NewReader(f, "221101_1.0001.138_28.gml"))
	if len(errs) != 0 || len(fs) != 1 {
		t.Fatalf("%d features, errors %v", len(fs), errs)
	}
	if got := fs[0].UnresolvedAddresses; !slices.Equal(got, []string{"b97e8909-5cd1-4c30-a951-91d717e18423"}) {
		t.Errorf("unresolved %v", got)
	}
	if v, ok := fs[0].Object.Attrs["adresy"]; !ok || v != nil {
		t.Errorf("adresy %#v", v)
	}
}

// ScanRegisterGroups still answers the register groups only.
func TestScanRefsKeepsRegisterGroups(t *testing.T) {
	f, err := os.Open(filepath.Join(testdata, "county_2021.gml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	refs, err := ScanRefs(f, "county_2021.gml")
	if err != nil {
		t.Fatal(err)
	}
	if refs.RegisterGroups["40000000-0000-4000-8000-000000000001"] != "7.1" || len(refs.Addresses) != 0 {
		t.Errorf("refs %+v", refs)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		t.Fatal(err)
	}
	g, err := ScanRegisterGroups(f, "county_2021.gml")
	if err != nil || !reflect.DeepEqual(g, refs.RegisterGroups) {
		t.Errorf("ScanRegisterGroups %v %v", g, err)
	}
}
