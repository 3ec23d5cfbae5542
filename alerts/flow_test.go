package alerts_test

import (
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sip-core/sip/outbox/outboxtest"
	"github.com/sip-core/sip/xmlschema"
)

func draft(area map[string]any, headline string) map[string]any {
	return map[string]any{
		"category": []string{"Infra"}, "urgency": "Immediate", "severity": "Moderate", "certainty": "Observed",
		"response_type": []string{"Prepare"},
		"expires":       time.Now().Add(6 * time.Hour).Format(time.RFC3339),
		"pl":            map[string]string{"event": "Awaria wodociągu", "headline": headline, "description": "Awaria magistrali.", "instruction": "Woda z beczkowozu przy urzędzie."},
		"en":            map[string]string{"event": "Water main failure", "headline": "No water"},
		"area":          area,
	}
}

// validCAP fetches a CAP document and validates it with lxml against the
// official schema.
func validCAP(t *testing.T, url string) string {
	t.Helper()
	code, b := call(t, "GET", url, "", nil, nil)
	if code != 200 {
		t.Fatalf("GET %s: %d %s", url, code, b)
	}
	dir, _ := filepath.Abs("testdata/schemas")
	xmlschema.Validate(t, dir, "oasis/cap/1.2/CAP-v1.2.xsd", "{urn:oasis:names:tc:emergency:cap:1.2}alert", strings.NewReplacer("/", "_", ":", "_").Replace(url[strings.Index(url, "/alerts/"):]), b)
	return string(b)
}

// atom reads the feed with feedparser: the CAP links of its entries.
func atom(t *testing.T, base string) []string {
	t.Helper()
	if err := exec.Command("/usr/bin/python3", "-c", "import feedparser").Run(); err != nil {
		t.Skip("python3-feedparser is not installed (make test installs it)")
	}
	script := `import sys, json, feedparser
f = feedparser.parse(sys.argv[1])
if f.bozo: raise SystemExit("not a well-formed feed: %s" % f.bozo_exception)
print(json.dumps([l.href for e in f.entries for l in e.links if l.type == "application/cap+xml"]))`
	out, err := exec.Command("/usr/bin/python3", "-c", script, base+"/alerts.atom").CombinedOutput()
	if err != nil {
		t.Fatalf("feedparser: %v\n%s", err, out)
	}
	var links []string
	if err := json.Unmarshal(out, &links); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	return links
}

type published struct {
	ID       int64  `json:"id"`
	Rev      int    `json:"rev"`
	CAP      string `json:"cap"`
	Affected struct {
		Units []struct {
			ID        string `json:"id_jednostki"`
			Parcels   int    `json:"dzialki"`
			Buildings int    `json:"budynki"`
			Addresses int    `json:"adresy"`
		} `json:"jednostki"`
	} `json:"affected"`
}

func TestAlertLifecycle(t *testing.T) {
	smtp := outboxtest.StartSMTP(t)
	s := newSite(t, smtp.Addr, "")
	p := s.serve(t)
	inside, outside := address(t, "100301_4"), address(t, "100302_2")

	// preview: staff only; counts per gmina of the listed gmina only
	area := map[string]any{"gminy": []string{"1003014"}, "description": "Gmina Łask (miasto)"}
	if code, _ := call(t, "POST", p.Base+"/api/alerts/preview", "", draft(area, "Brak wody"), nil); code != 401 && code != 403 {
		t.Fatalf("preview without a key: %d", code)
	}
	var pre published
	if code, b := call(t, "POST", p.Base+"/api/alerts/preview", staffKey, draft(area, "Brak wody"), &pre); code != 200 {
		t.Fatalf("preview: %d %s", code, b)
	}
	if len(pre.Affected.Units) == 0 || pre.Affected.Units[0].ID != "100301_4" || pre.Affected.Units[0].Addresses == 0 {
		t.Fatalf("preview of gmina Łask: %+v", pre.Affected)
	}
	if code, b := call(t, "POST", p.Base+"/api/alerts/preview", staffKey, draft(map[string]any{"gminy": []string{"Nigdzie"}}, "x"), nil); code != 400 || !strings.Contains(string(b), "Nigdzie") {
		t.Fatalf("unknown gmina: %d %s", code, b)
	}

	// two residents subscribe, one inside and one outside; double opt-in
	if code, b := call(t, "POST", p.Base+"/api/alerts/subscriptions", "", map[string]string{"email": "żółw@example.org", "address": inside}, nil); code != 400 {
		t.Fatalf("a non-ASCII address (no SMTPUTF8 here): %d %s", code, b)
	}
	for who, a := range map[string]string{"inside": inside, "outside": outside} {
		if code, b := call(t, "POST", p.Base+"/api/alerts/subscriptions", "", map[string]string{"email": "mieszkaniec-" + who + "@example.org", "address": a}, nil); code != 202 || strings.Contains(string(b), "@") {
			t.Fatalf("subscribe %s: %d %s", a, code, b)
		}
	}
	confirms := waitMail(t, smtp, 2)
	for _, m := range confirms {
		if code, b := call(t, "GET", link(t, m.Body, "/confirm?token="), "", nil, nil); code != 200 {
			t.Fatalf("confirm: %d %s", code, b)
		}
	}

	// publish: a valid CAP document, in the feed, in the public layer; one
	// mail, to the resident inside
	var pub published
	if code, b := call(t, "POST", p.Base+"/api/alerts", staffKey, draft(area, "Brak wody w Łasku"), &pub); code != 201 {
		t.Fatalf("publish: %d %s", code, b)
	}
	doc := validCAP(t, pub.CAP)
	for _, want := range []string{"<msgType>Alert</msgType>", "<valueName>TERYT</valueName>", "<value>1003014</value>", "<polygon>"} {
		if !strings.Contains(doc, want) {
			t.Errorf("CAP document lacks %s", want)
		}
	}
	if strings.Contains(doc, "Z</") || strings.Contains(doc, "@example.org") {
		t.Errorf("CAP document has a Z time or a contact:\n%s", doc)
	}
	if links := atom(t, p.Base); len(links) != 1 || links[0] != pub.CAP {
		t.Fatalf("feed links %v, want [%s]", links, pub.CAP)
	}
	mails := waitMail(t, smtp, 3)
	alertMail := mails[2]
	if to := alertMail.Header.Get("To"); !strings.Contains(to, "mieszkaniec-inside") {
		t.Fatalf("the alert went to %s", to)
	}
	layerHas(t, p.Base, pub.ID, true)

	// update: same people, references the alert
	var upd published
	if code, b := call(t, "PUT", p.Base+"/api/alerts/"+itoa(pub.ID), staffKey, draft(area, "Brak wody do wieczora"), &upd); code != 200 || upd.Rev != 2 {
		t.Fatalf("update: %d %s", code, b)
	}
	doc = validCAP(t, upd.CAP)
	if !strings.Contains(doc, "<msgType>Update</msgType>") || !strings.Contains(doc, "<references>sip@powiat-laski.example,PL.SIP.ALERT."+itoa(pub.ID)+".1,") {
		t.Errorf("update document:\n%s", doc)
	}
	waitMail(t, smtp, 4)

	// cancel: out of the feed and the layer, the same resident told
	if code, b := call(t, "DELETE", p.Base+"/api/alerts/"+itoa(pub.ID), staffKey, map[string]string{"note": "Usunięto awarię."}, nil); code != 200 {
		t.Fatalf("cancel: %d %s", code, b)
	}
	doc = validCAP(t, p.Base+"/alerts/"+itoa(pub.ID)+"/3.xml")
	if !strings.Contains(doc, "<msgType>Cancel</msgType>") || strings.Count(doc, "PL.SIP.ALERT."+itoa(pub.ID)) != 3 {
		t.Errorf("cancel document:\n%s", doc)
	}
	validCAP(t, pub.CAP) // the first revision stays at its URL
	if links := atom(t, p.Base); len(links) != 0 {
		t.Fatalf("a cancelled alert is still in the feed: %v", links)
	}
	mails = waitMail(t, smtp, 5)
	time.Sleep(3 * time.Second) // nothing more arrives: once per subscriber per revision
	if n := len(smtp.Messages()); n != 5 {
		t.Fatalf("%d messages, want 5", n)
	}
	for _, m := range mails[2:] {
		if !strings.Contains(m.Header.Get("To"), "mieszkaniec-inside") {
			t.Errorf("a revision went to %s", m.Header.Get("To"))
		}
	}
	layerHas(t, p.Base, pub.ID, false)

	// unsubscribe deletes the contact from the database file
	if code, b := call(t, "GET", link(t, mails[4].Body, "/unsubscribe?token="), "", nil, nil); code != 200 {
		t.Fatalf("unsubscribe: %d %s", code, b)
	}
	for _, f := range []string{"alerts.sqlite", "alerts.sqlite-wal", "outbox.sqlite", "outbox.sqlite-wal"} {
		raw, _ := os.ReadFile(filepath.Join(s.Dir, f))
		if strings.Contains(string(raw), "mieszkaniec-inside") {
			t.Errorf("the unsubscribed contact is still in %s", f)
		}
	}
}

func itoa(v int64) string { return strconv.FormatInt(v, 10) }

// layerHas checks the public layer (OGC API Features, no key) for an alert.
func layerHas(t *testing.T, base string, id int64, want bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		var fc struct {
			Features []struct {
				ID string `json:"id"`
			} `json:"features"`
		}
		code, b := call(t, "GET", base+"/ogc/collections/ostrzezenia.alerty/items?f=json", "", nil, &fc)
		if code != http.StatusOK {
			t.Fatalf("alert layer: %d %s", code, b)
		}
		has := false
		for _, f := range fc.Features {
			if f.ID == itoa(id) {
				has = true
			}
		}
		if strings.Contains(string(b), "@example.org") {
			t.Fatalf("a contact in the public layer")
		}
		if has == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("alert %d in the public layer: %v, want %v\n%s", id, has, want, b)
		}
		time.Sleep(300 * time.Millisecond)
	}
}
