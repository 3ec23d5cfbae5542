package parcels

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/gpkg"
)

// words splits a text the way a person reads an address: lower case, Polish
// letters as ASCII, words of letters and digits (a test-side oracle, written
// apart from addrWords).
func words(s string) []string {
	r := strings.NewReplacer("ą", "a", "ć", "c", "ę", "e", "ł", "l", "ń", "n", "ó", "o", "ś", "s", "ź", "z", "ż", "z")
	s = r.Replace(strings.ToLower(s))
	return strings.FieldsFunc(s, func(c rune) bool {
		return !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c > 127)
	})
}

// addrMatches: every query word but the last is a word of the address, the
// last starts one; exact when it is one.
func addrMatches(addr, q string) (ok, exact bool) {
	aw, qw := words(addr), words(q)
	if len(qw) == 0 {
		return false, false
	}
	for i, w := range qw {
		if w == "ulica" { // addresses write the kind of a street abbreviated
			qw[i] = "ul"
		}
	}
	for _, w := range qw[:len(qw)-1] {
		if !slices.Contains(aw, w) {
			return false, false
		}
	}
	last := qw[len(qw)-1]
	for _, w := range aw {
		if w == last {
			return true, true
		}
		if strings.HasPrefix(w, last) {
			ok = true
		}
	}
	return ok, false
}

// bruteAddr answers q from every parcel's addresses: parcel id → (address, exact).
func bruteAddr(parcels map[string][]string, q string) map[string]bool {
	out := map[string]bool{}
	for id, as := range parcels {
		for _, a := range as {
			if ok, exact := addrMatches(a, q); ok {
				out[id] = out[id] || exact
			}
		}
	}
	return out
}

func modelAddresses(t *testing.T, m *model) map[string][]string {
	out := map[string][]string{}
	err := m.readParcels(context.Background(), store.Query{}, func(p *parcel, o *store.Object) bool {
		if as := splitAddresses(str(o, "adresy")); len(as) > 0 {
			out[p.id] = as
		}
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// The address matches of the in-memory model agree with a brute force over
// every parcel's addresses, for whole and unfinished words in any order, with
// and without Polish letters; exact matches come before prefix ones.
func TestAddressMatchBruteForce(t *testing.T) {
	m := smallModel(t, 600)
	all := modelAddresses(t, m)
	for _, q := range []string{"Kościuszki 5", "kosciuszki 5", "5 KOŚCIUSZKI łask", "Łąkowa 1", "lakowa 1", "lak",
		"ul pol", "Kolumna 7", "kolumna", "wolnosci 3", "pl. Wolności", "Łask, ul. Polna 3", "polna 3 lask", "ulica polna"} {
		want := bruteAddr(all, q)
		got := map[string]bool{}
		lastExact := true
		for _, f := range m.match(q, 1000, true) {
			if f.addr == "" {
				continue // an obręb name + number match
			}
			ok, exact := addrMatches(f.addr, q)
			if !ok || !slices.Contains(all[f.p.id], f.addr) {
				t.Fatalf("%q: %s at %q does not match", q, f.p.id, f.addr)
			}
			if exact && !lastExact {
				t.Errorf("%q: exact match %s after a prefix match", q, f.p.id)
			}
			lastExact = exact
			got[f.p.id] = true
		}
		for id := range want {
			if !got[id] {
				// a parcel that also matched as obręb + number is listed once, without address
				if !slices.ContainsFunc(m.match(q, 1000, true), func(f found) bool { return f.p.id == id }) {
					t.Errorf("%q: %s (%v) missing", q, id, all[id])
				}
			}
		}
		for id := range got {
			if _, ok := want[id]; !ok {
				t.Errorf("%q: %s (%v) answered, brute force says no", q, id, all[id])
			}
		}
		if len(want) == 0 && !strings.Contains(q, "zzz") {
			t.Errorf("%q: the sample has no address for it", q)
		}
	}
	// Without the addresses (a dataset not publishing them) nothing matches by address.
	for _, f := range m.match("Kościuszki 5", 100, false) {
		if f.addr != "" {
			t.Fatalf("address match with addresses off: %+v", f)
		}
	}
}

// Edits reach the address index: a changed address leaves the old one, a
// removed parcel leaves the index, and an address held again is found again.
func TestAddressIndexFollowsEdits(t *testing.T) {
	m := smallModel(t, 60)
	ids := func(q string) []string {
		var out []string
		for _, f := range m.match(q, 100, true) {
			if f.addr != "" {
				out = append(out, f.p.id+"@"+f.addr)
			}
		}
		sort.Strings(out)
		return out
	}
	o := object(t, m, "100301_4.0001.1") // p0: "Łask, ul. Kościuszki 1; Łask, pl. Wolności 1"
	if got := ids("Wolności 1"); !slices.Contains(got, "100301_4.0001.1@Łask, pl. Wolności 1") {
		t.Fatalf("before: %v", got)
	}
	o = nextVersion(o, 1, false)
	o.Attrs["adresy"] = "Łask, ul. Nowa 77"
	edit(t, m, o)
	if got := ids("Wolności 1"); slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, "100301_4.0001.1@") }) {
		t.Fatalf("old address still answers: %v", got)
	}
	if got := ids("nowa 77"); !slices.Equal(got, []string{"100301_4.0001.1@Łask, ul. Nowa 77"}) {
		t.Fatalf("new address: %v", got)
	}
	edit(t, m, nextVersion(o, 2, true))
	if got := ids("nowa 77"); len(got) != 0 {
		t.Fatalf("removed parcel answers: %v", got)
	}
	o = testObject("dzialki", "p0-again", 700000, 400000, 30, maps.Clone(o.Attrs))
	o.Attrs["adresy"] = "Łask, ul. Nowa 77; Łask, ul. Nowa 77" // repeated: held once
	edit(t, m, o)
	if got := ids("nowa 7"); !slices.Equal(got, []string{"100301_4.0001.1@Łask, ul. Nowa 77"}) {
		t.Fatalf("re-added: %v", got)
	}
}

func TestNatLess(t *testing.T) {
	in := []string{"polna 12", "polna 5", "polna 12a", "polna 1", "lipowa 3", "polna 012b", "polna 120"}
	sort.Slice(in, func(i, j int) bool { return natLess(in[i], in[j]) })
	want := []string{"lipowa 3", "polna 1", "polna 5", "polna 12", "polna 12a", "polna 012b", "polna 120"}
	if !slices.Equal(in, want) {
		t.Errorf("%v, want %v", in, want)
	}
}

// fixtureAddresses reads every current parcel's addresses from the store.
func fixtureAddresses(t *testing.T) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, o := range currentParcels(t) {
		if a := str(o, "adresy"); a != "" {
			out[str(o, "id_dzialki")] = strings.Split(a, "; ")
		}
	}
	if len(out) == 0 {
		t.Fatal("the fixture county has no addresses")
	}
	return out
}

type addrRow struct {
	ID      string
	Address string `json:"adres"`
	Label   string
	Number  string `json:"numer_dzialki"`
}

type addrResult struct{ Results []addrRow }

func searchAddr(t *testing.T, base, q string, extra ...string) addrResult {
	t.Helper()
	u := base + "/api/parcels/search?q=" + url.QueryEscape(q)
	for _, e := range extra {
		u += "&" + e
	}
	resp, body := get(t, u)
	var r addrResult
	if resp.StatusCode != 200 || json.Unmarshal([]byte(body), &r) != nil {
		t.Fatalf("%s: %d %s", u, resp.StatusCode, body)
	}
	return r
}

// Address search over HTTP on the generated county: an address as written,
// its words reordered, lower case without Polish letters, and unfinished,
// agrees with a brute force over the store; results name the address; the card
// lists the parcel's addresses.
func TestSearchAddressHTTP(t *testing.T) {
	all := fixtureAddresses(t)
	// a town address with a street, and its parcel
	var id, addr string
	for _, pid := range sortedKeys(all) {
		if a := all[pid][0]; strings.Contains(a, ", ul. ") && strings.ContainsAny(a, "ąćęłńóśźżŁŚŻ") {
			id, addr = pid, a
			break
		}
	}
	if id == "" {
		t.Fatal("no street address with Polish letters in the fixture")
	}
	place, rest, _ := strings.Cut(addr, ", ul. ")
	street := rest[:strings.LastIndexByte(rest, ' ')]
	num := rest[strings.LastIndexByte(rest, ' ')+1:]
	r := searchAddr(t, fx.url, street+" "+num, "limit=100")
	if len(r.Results) == 0 {
		t.Fatalf("%q: nothing", street+" "+num)
	}
	for i, q := range []string{
		addr,
		num + " " + strings.ToUpper(street) + " " + place,
		strings.Join(words(street+" "+num+" "+place), " "),
		"ulica " + street + " " + num,
	} {
		r := searchAddr(t, fx.url, q, "limit=100")
		want := bruteAddr(all, q)
		got := map[string]bool{}
		exactDone := false
		for _, x := range r.Results {
			ok, exact := addrMatches(x.Address, q)
			if x.Address == "" || !ok || !slices.Contains(all[x.ID], x.Address) {
				t.Fatalf("%q: %s %q is not an address match", q, x.ID, x.Address)
			}
			if exact && exactDone {
				t.Fatalf("%q: exact match %s after a prefix match", q, x.ID)
			}
			exactDone = exactDone || !exact
			if x.Label != x.Address+", dz. "+x.Number {
				t.Errorf("%q: label %q", q, x.Label)
			}
			got[x.ID] = true
		}
		if len(got) != min(len(want), 100) {
			t.Errorf("%q: %d results, brute force %d", q, len(got), len(want))
		}
		for x := range got {
			if _, ok := want[x]; !ok {
				t.Errorf("%q: %s answered, brute force says no", q, x)
			}
		}
		if !got[id] {
			t.Errorf("%q: %s at %q not found", q, id, addr)
		}
		// every word of the address, in any order: that address first
		if i < 3 && (len(r.Results) == 0 || r.Results[0].Address != addr) {
			t.Errorf("%q: first %+v, want %q", q, r.Results, addr)
		}
	}
	// Unfinished: the street cut short, then a number cut short.
	for _, q := range []string{street[:len(street)-2], street + " " + num[:1]} {
		r := searchAddr(t, fx.url, q, "limit=100")
		want := bruteAddr(all, q)
		if len(r.Results) == 0 || len(r.Results) != min(len(want), 100) {
			t.Errorf("%q: %d results, brute force %d", q, len(r.Results), len(want))
		}
		for _, x := range r.Results {
			if _, ok := want[x.ID]; !ok {
				t.Errorf("%q: %s %q answered, brute force says no", q, x.ID, x.Address)
			}
		}
	}
	// The card shows the addresses.
	code, _, body := getCard(t, fx.url, id)
	var c struct {
		Properties struct {
			Adresy []string `json:"adresy"`
		}
	}
	if code != 200 || json.Unmarshal([]byte(body), &c) != nil || !slices.Equal(c.Properties.Adresy, all[id]) {
		t.Fatalf("card of %s: %d adresy %v, store %v", id, code, c.Properties.Adresy, all[id])
	}
}

// An address in a village without streets ("Bachorza 12") reads like an obręb
// name and a parcel number: the parcel with that number ranks first, the parcel
// at that address right after the exact numbers, before numbers that only start
// with it.
func TestSearchVillageAddressRanking(t *testing.T) {
	all := fixtureAddresses(t)
	parcels := currentParcels(t)
	for _, pid := range sortedKeys(all) {
		a := all[pid][0]
		if strings.Contains(a, ",") {
			continue
		}
		place, num := a[:strings.LastIndexByte(a, ' ')], a[strings.LastIndexByte(a, ' ')+1:]
		exactNumber := 0 // parcels numbered num in an obręb named place
		for _, o := range parcels {
			if str(o, "numer_dzialki") == num && fixtureObrebName(t, str(o, "id_obrebu")) == place && str(o, "id_dzialki") != pid {
				exactNumber++
			}
		}
		if exactNumber == 0 {
			continue
		}
		r := searchAddr(t, fx.url, a, "limit=100")
		at := slices.IndexFunc(r.Results, func(x addrRow) bool { return x.ID == pid })
		if at < exactNumber {
			t.Fatalf("%q: %s at %d, want it after the %d parcels numbered %s: %+v", a, pid, at, exactNumber, num, r)
		}
		for i, x := range r.Results[:at] {
			if i < exactNumber {
				if x.Number != num || x.Address != "" {
					t.Errorf("%q: result %d %+v, want the parcels numbered %s first", a, i, x, num)
				}
				continue
			}
			if x.Address == "" {
				t.Errorf("%q: %+v (a weaker match) before the parcel at the address", a, x)
			}
		}
		if r.Results[at].Address != a {
			t.Errorf("%q: %+v does not name the address", a, r.Results[at])
		}
		t.Logf("%q: %d parcels numbered %s, then %s at the address (result %d)", a, exactNumber, num, pid, at)
		return
	}
	t.Fatal("no address without a street that is also an obręb name and a parcel number in the fixture")
}

var obrebNames map[string]string

func fixtureObrebName(t *testing.T, id string) string {
	if obrebNames == nil {
		obrebNames = map[string]string{}
		fx.store.Query(context.Background(), store.Query{Layer: "obreby"}, func(r store.Row) error {
			obrebNames[str(r.Object, "id_obrebu")] = str(r.Object, "nazwa")
			return nil
		})
	}
	return obrebNames[id]
}

func sortedKeys(m map[string][]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// A dataset that does not publish adresy: no address in the card, no search by
// address.
func TestAddressesNotPublished(t *testing.T) {
	all := fixtureAddresses(t)
	id := sortedKeys(all)[0]
	cfg, err := config.Parse([]byte(fmt.Sprintf(`
datasets:
  - name: noaddr
    store: %s
    layers:
      - name: dzialki
        attributes: [id_dzialki, numer_dzialki, id_obrebu, numer_kw]
      - name: obreby
`, fx.gpkg)), "")
	if err != nil {
		t.Fatal(err)
	}
	base := serveConfig(t, cfg)
	if code, _, body := getCard(t, base, id); code != 200 || strings.Contains(body, "adresy") || strings.Contains(body, all[id][0]) {
		t.Fatalf("card %d: %s", code, body)
	}
	r := searchAddr(t, base, all[id][0])
	for _, x := range r.Results {
		if x.Address != "" || strings.Contains(x.Label, all[id][0]) {
			t.Fatalf("address answered: %+v", x)
		}
	}
	// the same store published in full answers it
	if r := searchAddr(t, fx.url, all[id][0]); len(r.Results) == 0 || r.Results[0].Address == "" {
		t.Fatalf("full dataset: %+v", r)
	}
}

// A store made before the adresy column existed (its layer schema, kept in the
// file, lacks it) opens and is served: id search and cards work, nothing
// matches by address.
func TestStoreWithoutAddressColumn(t *testing.T) {
	ctx := context.Background()
	var old []store.Layer
	for _, l := range store.EGiBLayers {
		l.Columns = slices.DeleteFunc(slices.Clone(l.Columns), func(c store.Column) bool { return c.Name == "adresy" })
		old = append(old, l)
	}
	path := t.TempDir() + "/old.gpkg"
	st, err := gpkg.Create(path, "old", old)
	if err != nil {
		t.Fatal(err)
	}
	tx, err := st.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var addrs []string
	for _, layer := range []string{"jednostki", "obreby", "dzialki"} {
		err := fx.store.Query(ctx, store.Query{Layer: layer, Limit: 300}, func(r store.Row) error {
			if a, ok := r.Attrs["adresy"].(string); ok {
				addrs = append(addrs, a)
			}
			delete(r.Attrs, "adresy")
			_, err := tx.Put(ctx, r.Object)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	st.Close()
	if len(addrs) == 0 {
		t.Fatal("no addresses among the copied parcels")
	}
	cfg, err := config.Parse([]byte("datasets:\n  - name: old\n    store: "+path+"\n"), "")
	if err != nil {
		t.Fatal(err)
	}
	base := serveConfig(t, cfg)
	var id string // a copied parcel that has an address in the full store
	fx.store.Query(ctx, store.Query{Layer: "dzialki", Limit: 300}, func(r store.Row) error {
		if id == "" && r.Attrs["adresy"] != nil {
			id = str(r.Object, "id_dzialki")
		}
		return nil
	})
	if r := searchAddr(t, base, id); len(r.Results) == 0 || r.Results[0].ID != id {
		t.Fatalf("id search on the old store: %+v", r)
	}
	code, c, body := getCard(t, base, id)
	if code != 200 || c.Properties.ID != id || strings.Contains(body, "adresy") {
		t.Fatalf("card on the old store: %d %s", code, body)
	}
	if r := searchAddr(t, base, strings.Split(addrs[0], "; ")[0]); slices.ContainsFunc(r.Results, func(x addrRow) bool {
		return x.Address != ""
	}) {
		t.Fatalf("address answered from a store without addresses: %+v", r)
	}
}

func TestHasWordPrefix(t *testing.T) {
	for _, c := range []struct {
		text, w string
		want    bool
	}{
		{"Łask, ul. Kościuszki 12", "kosc", true}, {"Łask, ul. Kościuszki 12", "lask", true},
		{"Łask, ul. Kościuszki 12", "12", true}, {"Łask, ul. Kościuszki 12", "2", false},
		{"Łask, ul. Kościuszki 12", "ask", false}, {"Łask-Kolumna 7A", "kol", true},
		{"Łask-Kolumna 7A", "7a", true}, {"Łask-Kolumna 7A", "a", false}, {"", "a", false},
	} {
		if got := hasWordPrefix(c.text, c.w); got != c.want {
			t.Errorf("hasWordPrefix(%q, %q) = %v", c.text, c.w, got)
		}
		// the same as splitting the words
		want := slices.ContainsFunc(addrWords(c.text), func(x string) bool { return strings.HasPrefix(x, c.w) })
		if want != c.want {
			t.Errorf("addrWords(%q) disagrees for %q", c.text, c.w)
		}
	}
}
