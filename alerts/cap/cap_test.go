package cap

import (
	"bytes"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sip-core/sip/xmlschema"
)

const root = "{" + Namespace + "}alert"

func schemaDir(t *testing.T) string {
	d, err := filepath.Abs("../testdata/schemas")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func validate(t *testing.T, name string, doc []byte) {
	t.Helper()
	xmlschema.Validate(t, schemaDir(t), "oasis/cap/1.2/CAP-v1.2.xsd", root, name, doc)
}

func sample(t *testing.T) *Alert {
	sent := time.Date(2025, 7, 14, 6, 30, 0, 0, time.UTC)
	poly, err := Polygon([]LatLon{{51.59, 19.13}, {51.60, 19.13}, {51.60, 19.15}, {51.59, 19.15}})
	if err != nil {
		t.Fatal(err)
	}
	circle, err := Circle(LatLon{51.5912346, 19.1412346}, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	return &Alert{
		Identifier: "PL.SIP.ALERT.17.1", Sender: "sip@powiat-laski.example", Sent: Time{sent},
		Status: "Actual", MsgType: MsgAlert, Scope: "Public",
		Info: []Info{{
			Language: "pl-PL", Category: []string{"Infra"}, Event: "Awaria wodociągu", ResponseType: []string{"Prepare"},
			Urgency: "Immediate", Severity: "Moderate", Certainty: "Observed",
			Effective: NewTime(sent), Expires: NewTime(sent.Add(12 * time.Hour)),
			SenderName: "Gmina Łask", Headline: "Brak wody <ul. Kościuszki> & okolice", Description: "Awaria sieci.",
			Instruction: "Woda z beczkowozu.", Web: "https://sip.example/?alert=17",
			Area: []Area{{AreaDesc: "Łask, ul. Kościuszki", Polygon: []string{poly}, Circle: []string{circle},
				Geocode: []Value{{ValueName: "TERYT", Value: "100301"}}}},
		}},
	}
}

func TestDocumentsAreValid(t *testing.T) {
	a := sample(t)
	doc, err := Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	validate(t, "alert", doc)
	if !bytes.Contains(doc, []byte("<sent>2025-07-14T08:30:00+02:00</sent>")) {
		t.Errorf("sent is not in Warsaw summer time:\n%s", doc)
	}
	if !bytes.Contains(doc, []byte("<polygon>51.59,19.13 51.6,19.13 51.6,19.15 51.59,19.15 51.59,19.13</polygon>")) ||
		!bytes.Contains(doc, []byte("<circle>51.591235,19.141235 0.500</circle>")) {
		t.Errorf("area:\n%s", doc)
	}
	// Update and Cancel refer to what came before.
	first := Ref{Sender: a.Sender, Identifier: a.Identifier, Sent: a.Sent.Time}
	up := *a
	up.Identifier, up.MsgType, up.Sent = "PL.SIP.ALERT.17.2", MsgUpdate, Time{a.Sent.Add(time.Hour)}
	if _, err := Marshal(&up); err == nil {
		t.Fatal("an Update without references was written")
	}
	up.References = References(first)
	doc2, err := Marshal(&up)
	if err != nil {
		t.Fatal(err)
	}
	validate(t, "update", doc2)
	cancel := up
	cancel.Identifier, cancel.MsgType = "PL.SIP.ALERT.17.3", MsgCancel
	cancel.References = References(first, Ref{up.Sender, up.Identifier, up.Sent.Time})
	cancel.Sent = Time{time.Date(2025, 12, 1, 10, 0, 0, 0, time.UTC)}
	doc3, err := Marshal(&cancel)
	if err != nil {
		t.Fatal(err)
	}
	validate(t, "cancel", doc3)
	want := "<references>sip@powiat-laski.example,PL.SIP.ALERT.17.1,2025-07-14T08:30:00+02:00 sip@powiat-laski.example,PL.SIP.ALERT.17.2,2025-07-14T09:30:00+02:00</references>"
	if !bytes.Contains(doc3, []byte(want)) || !bytes.Contains(doc3, []byte("<sent>2025-12-01T11:00:00+01:00</sent>")) {
		t.Errorf("cancel:\n%s", doc3)
	}
	// The document reads back as written (special characters escaped).
	var back Alert
	if err := xml.Unmarshal(doc, &back); err != nil || back.Info[0].Headline != a.Info[0].Headline {
		t.Fatalf("read back: %v %q", err, back.Info[0].Headline)
	}
}

// The validator refuses what CAP forbids, so the tests above can fail.
func TestValidatorRefusesZ(t *testing.T) {
	if _, err := exec.LookPath("/usr/bin/python3"); err != nil {
		t.Skip("no /usr/bin/python3")
	}
	doc, _ := Marshal(sample(t))
	bad := strings.Replace(string(doc), "2025-07-14T08:30:00+02:00", "2025-07-14T06:30:00Z", 1)
	script, _ := filepath.Abs("../../scripts/validate_xsd.py")
	f := filepath.Join(t.TempDir(), "z.xml")
	if err := writeFile(f, bad); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("/usr/bin/python3", script, schemaDir(t), "oasis/cap/1.2/CAP-v1.2.xsd", root, f).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "sent") {
		t.Fatalf("a time with Z passed the schema: %v %s", err, out)
	}
}

func TestIdentifiersAndShapes(t *testing.T) {
	for _, bad := range []string{"", "a b", "a,b", "a<b", "a&b"} {
		if CheckID("identifier", bad) == nil {
			t.Errorf("identifier %q accepted", bad)
		}
	}
	if _, err := Polygon([]LatLon{{51, 19}, {51, 19.0000001}, {51.1, 19}}); err == nil {
		t.Error("a polygon of two distinct printed positions was accepted")
	}
	if _, err := Polygon([]LatLon{{91, 19}, {51, 19.1}, {51.1, 19}}); err == nil {
		t.Error("latitude 91 accepted")
	}
	p, err := Polygon([]LatLon{{51, 19}, {51, 19.1}, {51.1, 19.1}, {51, 19}})
	if err != nil || p != "51,19 51,19.1 51.1,19.1 51,19" {
		t.Errorf("closed ring: %q %v", p, err)
	}
	if _, err := Circle(LatLon{51, 19}, 0); err == nil {
		t.Error("a circle of radius 0 accepted")
	}
	if got := Format(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)); got != "2025-01-01T01:00:00+01:00" {
		t.Errorf("Format: %s", got)
	}
}

func TestFeed(t *testing.T) {
	now := time.Date(2025, 7, 14, 6, 30, 0, 0, time.UTC)
	f := &Feed{ID: "https://sip.example/alerts.atom", Title: "Alerty", Updated: Time{now}, Author: AtomPerson{Name: "Gmina Łask"},
		Links: []AtomLink{{Rel: "self", Type: AtomType, Href: "https://sip.example/alerts.atom"}},
		Entries: []Entry{{ID: "https://sip.example/alerts/PL.SIP.ALERT.17.1.xml", Title: "Brak wody & co", Updated: Time{now},
			Links: []AtomLink{{Rel: "alternate", Type: MediaType, Href: "https://sip.example/alerts/PL.SIP.ALERT.17.1.xml"}}}}}
	b, err := MarshalFeed(f)
	if err != nil {
		t.Fatal(err)
	}
	var back struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		Entry   []struct {
			Title string `xml:"title"`
			Link  struct {
				Type string `xml:"type,attr"`
				Href string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(b, &back); err != nil || len(back.Entry) != 1 || back.Entry[0].Title != "Brak wody & co" || back.Entry[0].Link.Type != MediaType {
		t.Fatalf("feed: %v\n%s", err, b)
	}
}

func writeFile(p, s string) error { return os.WriteFile(p, []byte(s), 0o644) }
