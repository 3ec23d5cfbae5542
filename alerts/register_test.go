package alerts_test

import (
	"database/sql"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/geo"
	"github.com/sip-core/sip/outbox/outboxtest"
)

const registerGML = "../ingest/prg/testdata/PRG_PunktAdresowy_1003022.gml"

// regPoint is an address point as the test reads it from the GML itself.
type regPoint struct {
	id, status, place, street, number string
	xy                                orb.Point // EPSG:2180 easting, northing
}

// readRegister parses the sample register with encoding/xml, apart from
// the service's reader.
func readRegister(t *testing.T) []regPoint {
	t.Helper()
	f, err := os.Open(registerGML)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []regPoint
	var cur *regPoint
	var leaf string
	dec := xml.NewDecoder(f)
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			leaf = tok.Name.Local
			if leaf == "PRG_PunktAdresowy" {
				cur = &regPoint{}
			}
		case xml.CharData:
			if cur == nil {
				continue
			}
			s := strings.TrimSpace(string(tok))
			switch leaf {
			case "lokalnyId":
				cur.id = s
			case "status":
				cur.status = s
			case "miejscowosc":
				cur.place = s
			case "ulica":
				cur.street = s
			case "numerPorzadkowy":
				cur.number = s
			case "pos": // northing first, as urn:ogc:def:crs:EPSG::2180 says
				f := strings.Fields(s)
				n, _ := strconv.ParseFloat(f[0], 64)
				e, _ := strconv.ParseFloat(f[1], 64)
				cur.xy = orb.Point{e, n}
			}
		case xml.EndElement:
			leaf = ""
			if tok.Name.Local == "PRG_PunktAdresowy" {
				out = append(out, *cur)
				cur = nil
			}
		}
	}
	if len(out) < 200 {
		t.Fatalf("%d points in the sample", len(out))
	}
	return out
}

// inRing is the even-odd test of a point in a ring.
func inRing(p orb.Point, r orb.Ring) bool {
	in := false
	for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
		a, b := r[i], r[j]
		if (a[1] > p[1]) != (b[1] > p[1]) && p[0] < (b[0]-a[0])*(p[1]-a[1])/(b[1]-a[1])+a[0] {
			in = !in
		}
	}
	return in
}

// TestAddressRegister: the gmina Buczek's register ingested by sip ingest
// gives the affected addresses of Buczek (the same set as a point-in-polygon
// test over the file), while Łask's still come from the cadastre; a
// resident subscribed at an address only the register has gets the alert
// through SMTP.
func TestAddressRegister(t *testing.T) {
	smtp := outboxtest.StartSMTP(t)
	s := newSite(t, smtp.Addr, "")
	if out, err := exec.Command(sipBin, "ingest", "--store", filepath.Join(s.Dir, "adresy.gpkg"), "--name", "adresy", registerGML).CombinedOutput(); err != nil {
		t.Fatalf("sip ingest: %v\n%s", err, out)
	}
	cfg, _ := os.ReadFile(s.Config)
	os.WriteFile(s.Config, []byte(strings.Replace(string(cfg), "auth:", "  - name: adresy\n    store: adresy.gpkg\n    title: Punkty adresowe\nauth:", 1)), 0o644)
	p := s.serve(t)

	// an area over part of Łask and part of Buczek, its edges oblique
	ring := orb.Ring{{508000, 411300}, {509300, 411500}, {509500, 413800}, {507900, 413600}, {508000, 411300}}
	toWGS, _ := geo.NewTransform(geo.CRS2180, geo.CRS84)
	coords := make([][2]float64, len(ring))
	for i, q := range ring {
		w := toWGS.Apply(q).(orb.Point)
		coords[i] = [2]float64{w[0], w[1]}
		ring[i] = toWGS.Inverse().Apply(w).(orb.Point) // what the service selects with
	}
	var want []string
	for _, pt := range readRegister(t) {
		if pt.status != "prognozowany" && inRing(pt.xy, ring) {
			want = append(want, pt.id)
		}
	}
	sort.Strings(want)
	if len(want) < 5 {
		t.Fatalf("the area holds %d points: choose another", len(want))
	}
	area := map[string]any{"description": "Łask i Buczek", "geometry": map[string]any{"type": "Polygon", "coordinates": [][][2]float64{coords}}}
	var prev struct {
		Affected struct {
			Units []struct {
				ID        string `json:"id_jednostki"`
				Addresses int    `json:"adresy"`
				Source    string `json:"zrodlo_adresow"`
			} `json:"jednostki"`
		} `json:"affected"`
		Points struct {
			Features []struct {
				ID         string            `json:"id"`
				Properties map[string]string `json:"properties"`
			} `json:"features"`
		} `json:"punkty_adresowe"`
	}
	if code, b := call(t, "POST", p.Base+"/api/alerts/preview", staffKey, draft(area, "Brak wody"), &prev); code != 200 {
		t.Fatalf("preview: %d %s", code, b)
	}
	var got []string
	for _, f := range prev.Points.Features {
		got = append(got, f.ID)
	}
	sort.Strings(got)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("the preview's address points (%d):\n%v\nthe file's points in the area (%d):\n%v", len(got), got, len(want), want)
	}
	sources := map[string]string{}
	for _, u := range prev.Affected.Units {
		sources[u.ID] = u.Source
		switch u.ID {
		case "100302_2":
			if u.Addresses != len(want) {
				t.Errorf("Buczek: %d addresses, the register has %d in the area", u.Addresses, len(want))
			}
		case "100301_4":
			if u.Addresses == 0 {
				t.Errorf("Łask: no addresses from the cadastre")
			}
		}
	}
	if sources["100302_2"] != "punkty_adresowe" || sources["100301_4"] != "egib" {
		t.Fatalf("sources of the units' addresses: %v", sources)
	}

	// a resident at a new house only the register has
	db, _ := sql.Open("sqlite3", "file:"+filepath.Join(fixtureDir, "county.gpkg")+"?mode=ro")
	var home regPoint
	var addr string
	for _, pt := range readRegister(t) {
		if !strings.HasSuffix(pt.number, "A") || pt.street == "" || strings.Contains(pt.street, ".") {
			continue
		}
		a := pt.place + ", ul. " + pt.street + " " + pt.number
		var n int
		db.QueryRow(`SELECT (SELECT count(*) FROM budynki WHERE adresy LIKE ?) + (SELECT count(*) FROM dzialki WHERE adresy LIKE ?)`, "%"+a+"%", "%"+a+"%").Scan(&n)
		if n == 0 {
			home, addr = pt, a
			break
		}
	}
	db.Close()
	if addr == "" {
		t.Fatal("no register-only address in the sample")
	}
	// a street only the register knows is an area: its points, widened
	street := map[string]any{"streets": []string{"Buczek, ul. Rumiankowa"}}
	prev.Points.Features = nil
	code, b := call(t, "POST", p.Base+"/api/alerts/preview", staffKey, draft(street, "Brak wody"), &prev)
	if code != 200 || len(prev.Points.Features) != 1 || prev.Points.Features[0].Properties["adres"] != "Buczek, ul. Rumiankowa 2" {
		t.Fatalf("preview of the street %v: %d:\n%s", street, code, b)
	}
	if code, b := call(t, "POST", p.Base+"/api/alerts/subscriptions", "", map[string]string{"email": "nowy-dom@example.org", "address": addr}, nil); code != 202 {
		t.Fatalf("subscribe %s: %d %s", addr, code, b)
	}
	m := waitMail(t, smtp, 1)[0]
	if code, b := call(t, "GET", link(t, m.Body, "/confirm?token="), "", nil, nil); code != 200 {
		t.Fatalf("confirm: %d %s", code, b)
	}
	// a circle of 40 m round the house, and one far off that must not reach it
	c := toWGS.Apply(home.xy).(orb.Point)
	far := toWGS.Apply(orb.Point{home.xy[0] + 300, home.xy[1]}).(orb.Point)
	for i, ctr := range []orb.Point{far, c} {
		circle := map[string]any{"description": "Okolice domu", "radius_m": 40, "geometry": map[string]any{"type": "Point", "coordinates": ctr}}
		if code, b := call(t, "POST", p.Base+"/api/alerts", staffKey, draft(circle, "Awaria "+strconv.Itoa(i)), nil); code != 201 {
			t.Fatalf("publish: %d %s", code, b)
		}
	}
	mails := waitMail(t, smtp, 2)
	if len(mails) != 2 || !strings.Contains(mails[1].Subject, "Awaria 1") || !strings.Contains(mails[1].Body, "Twoje miejsce: "+addr) ||
		mails[1].Header.Get("To") != "nowy-dom@example.org" {
		t.Fatalf("mails: %d, last %q to %s:\n%s", len(mails), mails[len(mails)-1].Subject, mails[len(mails)-1].Header.Get("To"), mails[len(mails)-1].Body)
	}
}
