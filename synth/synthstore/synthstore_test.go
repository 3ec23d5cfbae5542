package synthstore

import (
	"context"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/gpkg"
)

func TestBuildLoadsEveryGeneratedParcel(t *testing.T) {
	ctx := context.Background()
	path, stats, err := Build(ctx, t.TempDir(), Options{Parcels: 200, Seed: 1, Name: "x"})
	if err != nil {
		t.Fatal(err)
	}
	st, err := gpkg.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if st.Name() != "x" {
		t.Errorf("dataset name %q", st.Name())
	}
	n, err := st.Count(ctx, store.Query{Layer: "dzialki"})
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(stats.Parcels) {
		t.Errorf("store holds %d current parcels, generator wrote %d", n, stats.Parcels)
	}
}

// The generated property addresses reach the store: every current parcel and
// building of the GML holds, in its adresy column, the text of the addresses it
// refers to (read here from the GML with regular expressions, formatted by this
// test's own rules), and nothing else has one.
func TestBuildStoresAddresses(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path, stats, err := Build(ctx, dir, Options{Parcels: 1200, Seed: 3, NoTopology: true})
	if err != nil {
		t.Fatal(err)
	}
	if stats.Addresses == 0 {
		t.Fatal("no addresses generated")
	}
	var (
		member  = regexp.MustCompile(`(?s)<egb:(EGB_AdresNieruchomosci|EGB_DzialkaEwidencyjna|EGB_Budynek) .*?</egb:(?:EGB_AdresNieruchomosci|EGB_DzialkaEwidencyjna|EGB_Budynek)>`)
		lokalny = regexp.MustCompile(`<egb:lokalnyId>([^<]+)<`)
		el      = func(name string) *regexp.Regexp { return regexp.MustCompile(`<egb:` + name + `>([^<]*)<`) }
		place   = el("nazwaMiejscowosci")
		street  = el("nazwaUlicy")
		number  = el("numerPorzadkowy")
		ref     = regexp.MustCompile(`<egb:adres(?:Dzialki|Budynku) xlink:href="[^"]*:([0-9a-f-]{36})"`)
	)
	first := func(re *regexp.Regexp, s string) string {
		if m := re.FindStringSubmatch(s); m != nil {
			return m[1]
		}
		return ""
	}
	texts := map[string]string{} // address lokalnyId -> expected text (current version)
	want := map[string]map[string]string{"dzialki": {}, "budynki": {}}
	for _, f := range stats.Files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range member.FindAllStringSubmatch(string(b), -1) {
			obj, class := m[0], m[1]
			if strings.Contains(obj, "<egb:koniecWersjaObiekt>") || strings.Contains(obj, "<egb:koniecObiekt>") {
				continue
			}
			id := first(lokalny, obj)
			if class == "EGB_AdresNieruchomosci" {
				text := first(place, obj)
				if s := first(street, obj); s != "" {
					if !strings.HasPrefix(s, "al. ") && !strings.HasPrefix(s, "pl. ") && !strings.HasPrefix(s, "os. ") {
						s = "ul. " + s
					}
					text += ", " + s
				}
				texts[id] = text + " " + first(number, obj)
				continue
			}
			var parts []string
			for _, r := range ref.FindAllStringSubmatch(obj, -1) {
				parts = append(parts, texts[r[1]])
			}
			layer := "dzialki"
			if class == "EGB_Budynek" {
				layer = "budynki"
			}
			want[layer][id] = strings.Join(parts, "; ")
		}
	}
	st, err := gpkg.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for layer, ids := range want {
		with := 0
		err := st.Query(ctx, store.Query{Layer: layer}, func(r store.Row) error {
			got, _ := r.Attrs["adresy"].(string)
			w, ok := ids[r.ID]
			if !ok {
				t.Errorf("%s %s not in the GML", layer, r.ID)
			} else if got != w {
				t.Errorf("%s %s: adresy %q, GML says %q", layer, r.ID, got, w)
			}
			if got != "" {
				with++
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if with == 0 {
			t.Errorf("no %s with an address", layer)
		}
		t.Logf("%s: %d of %d with an address", layer, with, len(ids))
	}
}

// A county loaded one jednostka at a time (Stream: each file ingested as it is
// written, then removed) holds the same objects as one ingest of every file:
// equal state hashes, and no GML left behind.
func TestBuildStreamEqualsOneIngest(t *testing.T) {
	ctx := context.Background()
	hash := func(stream bool) string {
		dir := t.TempDir()
		path, stats, err := Build(ctx, dir, Options{Parcels: 1500, Seed: 5, NoTopology: true, Stream: stream})
		if err != nil {
			t.Fatal(err)
		}
		if stream {
			if len(stats.Files) != 0 {
				t.Errorf("stream: %d files reported", len(stats.Files))
			}
			left, _ := os.ReadDir(dir + "/gml")
			if len(left) != 0 {
				t.Errorf("stream left %d files in %s/gml", len(left), dir)
			}
		}
		st, err := gpkg.OpenReadOnly(path)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		sn, err := st.ReadSnapshot(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer sn.Close()
		h, err := sn.RecomputeStateHash(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		n, err := st.Count(ctx, store.Query{Layer: "dzialki"})
		if err != nil || n != int64(stats.Parcels) {
			t.Errorf("stream %v: %d parcels (%v), generator wrote %d", stream, n, err, stats.Parcels)
		}
		return h.String()
	}
	if a, b := hash(false), hash(true); a != b {
		t.Errorf("state hash of one ingest %s, of the stream %s", a, b)
	}
}
