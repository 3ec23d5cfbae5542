package open311_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sip-core/sip/internal/servetest"
	"github.com/sip-core/sip/open311/open311test"
	"github.com/sip-core/sip/outbox/outboxtest"
	"github.com/sip-core/sip/store/postgis/postgistest"
)

// Two replicas on one PostgreSQL state schema, the staff layer in a PostGIS
// schema both write: reports posted to both at once get ids and tokens unique
// across them, each is listed, read by token and its photo served by the
// other, a status change made on one is what the other shows, and the staff
// layer holds each open report once.
func TestTwoReplicasShareReports(t *testing.T) {
	c := postgistest.Need(t)
	schema := c.NewSchema("state")
	staffLayer := c.URL(c.NewSchema("zgloszenia"))
	const tokenEnv = "SIP_OPEN311_TEST_TOKEN_KEY"
	extra := fmt.Sprintf("state: %s\nextracts: {files: \"s3://none/extracts/?endpoint=http://127.0.0.1:9\", token_secret_env: %s}\n", c.URL(schema), tokenEnv)
	env := tokenEnv + "=replicas-share-this-signing-key-0123456789"
	var ps [2]*process
	for i := range ps {
		s := newSite(t, "  rate_limit: {rate: 100, burst: 100}", extra)
		s.setStore(t, "zgloszenia.gpkg", staffLayer)
		ps[i] = s.serve(t, env)
	}
	cty := readCounty(t, fixtureDir)
	pt := mustInterior(t, cty.jed[0].Geometry)

	const n = 12
	type made struct{ id, token, replica string }
	got := make([]made, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lat, long := latLong(pt)
			p := ps[i%2]
			var cr created
			if code, body := post(t, p.Base, "/open311/v2/requests.json", url.Values{"service_code": {"inne"}, "lat": {lat}, "long": {long},
				"description": {fmt.Sprintf("zgłoszenie %d", i)}, "email": {fmt.Sprintf("mieszkaniec%d@example.org", i)}}, nil, &cr); code != 201 {
				t.Errorf("POST to replica %d: %d %s", i%2, code, body)
				return
			}
			got[i] = made{cr[0].ID, cr[0].Token, p.Base}
		}()
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	ids, tokens := map[string]bool{}, map[string]bool{}
	for _, m := range got {
		if ids[m.id] || tokens[m.token] {
			t.Fatalf("id %s or token %s given twice: %+v", m.id, m.token, got)
		}
		ids[m.id], tokens[m.token] = true, true
	}
	var list []reqDoc
	if code, body := get(t, ps[1].Base, "/open311/v2/requests.json?extensions=true", nil, &list); code != 200 || len(list) != n {
		t.Fatalf("replica B lists %d requests, want %d: %d %.300s", len(list), n, code, body)
	}
	for _, m := range got {
		other := ps[0].Base
		if m.replica == other {
			other = ps[1].Base
		}
		var docs []reqDoc
		if code, body := get(t, other, "/open311/v2/tokens/"+m.token+".json", nil, &docs); code != 200 || len(docs) != 1 || docs[0].ID != m.id {
			t.Fatalf("token of %s on the other replica: %d %s", m.id, code, body)
		}
	}

	// A photo posted to A is served by B, byte for byte.
	lat, long := latLong(pt)
	code, body := multipartPost(t, ps[0].Base, url.Values{"service_code": {"inne"}, "lat": {lat}, "long": {long}}, open311test.ExifJPEG(t, 64, 48, 1))
	var cr created
	if code != 201 || json.Unmarshal([]byte(body), &cr) != nil {
		t.Fatalf("POST with a photo to A: %d %s", code, body)
	}
	_, fromA := get(t, ps[0].Base, "/open311/v2/media/"+cr[0].ID+".jpg", nil, nil)
	if code, fromB := get(t, ps[1].Base, "/open311/v2/media/"+cr[0].ID+".jpg", nil, nil); code != 200 || !bytes.Equal([]byte(fromA), []byte(fromB)) || len(fromB) < 100 {
		t.Fatalf("the photo on B: %d, %d bytes (A: %d)", code, len(fromB), len(fromA))
	}

	// Staff close a report on B; A shows it closed, with the note in its
	// history.
	key := http.Header{"Authorization": {"Bearer " + staffKey}}
	if code, body := post(t, ps[1].Base, "/open311/v2/servicerequestupdates.json", url.Values{"service_request_id": {got[0].id},
		"status": {"closed"}, "description": {"usunięto na zlecenie B"}}, key, nil); code != 200 {
		t.Fatalf("closing on B: %d %s", code, body)
	}
	var docs []reqDoc
	if code, body := get(t, ps[0].Base, "/open311/v2/requests/"+got[0].id+".json?extensions=true", nil, &docs); code != 200 || len(docs) != 1 || docs[0].Ext.Detailed != "resolved" ||
		docs[0].Notes != "usunięto na zlecenie B" || !strings.Contains(body, `"status":"resolved","description":"usunięto na zlecenie B","author":"staff"`) {
		t.Fatalf("the closed report on A: %d %s", code, body)
	}

	// Whichever replica holds the jobs' lease wrote the staff layer: every
	// open report once.
	open := n // n reports and the photo's, one closed
	outboxtest.WaitFor(t, 30*time.Second, "the open reports in the staff layer", func() bool {
		_, b := get(t, ps[0].Base, "/ogc/collections/zgloszenia.zgloszenia/items?f=json&limit=100", key, nil)
		return strings.Contains(b, fmt.Sprintf(`"numberMatched":%d`, open))
	})
	contacts, err := c.PSQL(postgistest.Database, `SELECT count(*) FROM `+schema+`.open311_contacts`)
	if err != nil || contacts != fmt.Sprint(n) {
		t.Errorf("contact rows in the state schema: %q %v, want %d", contacts, err, n)
	}

	// The database goes away: the replicas are not ready and a report is
	// refused with 503 and Retry-After, nothing half-stored; it comes back and
	// so do they, by themselves.
	if err := c.StopServer(); err != nil {
		t.Fatal(err)
	}
	restarted := false
	defer func() {
		if !restarted {
			c.StartServer()
		}
	}()
	form := url.Values{"service_code": {"inne"}, "lat": {lat}, "long": {long}, "email": {"w-czasie-awarii@example.org"}}
	for _, p := range ps {
		// (naming the first dependency found missing: the staff layer's
		// store or a state database)
		if code, body := get(t, p.Base, "/readyz", nil, nil); code != 503 {
			t.Errorf("readyz without the database: %d %s", code, body)
		}
	}
	req, _ := http.NewRequest(http.MethodPost, ps[1].Base+"/open311/v2/requests.json", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 503 || resp.Header.Get("Retry-After") == "" {
		t.Errorf("a report without the database: %d, Retry-After %q", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	// A replica started during the outage cannot open the reports: it
	// answers, but stays unready (naming why) after the database returns,
	// rather than being sent residents it cannot serve.
	// (Its staff layer stays in a file of its own: one in PostGIS that
	// cannot be opened stops `sip serve` at start, which a supervisor sees.)
	late := newSite(t, "  rate_limit: {rate: 100, burst: 100}", extra)
	p3 := servetest.Start(t, sipBin, late.Config, late.Addr, env)
	if err := c.StartServer(); err != nil {
		t.Fatal(err)
	}
	restarted = true
	outboxtest.WaitFor(t, 30*time.Second, "the late replica unready because its reports are off", func() bool {
		code, body := get(t, p3.Base, "/readyz", nil, nil)
		return code == 503 && strings.Contains(body, "open311 state database") && strings.Contains(body, "restart the server")
	})
	if code, _ := post(t, p3.Base, "/open311/v2/requests.json", form, nil, nil); code != 503 {
		t.Errorf("a report to the late replica: %d, want 503", code)
	}
	outboxtest.WaitFor(t, 30*time.Second, "a report accepted after the database returned", func() bool {
		code, _ := post(t, ps[1].Base, "/open311/v2/requests.json", form, nil, nil)
		return code == 201
	})
	if n, err := c.PSQL(postgistest.Database, `SELECT count(*) FROM `+schema+`.open311_contacts WHERE email = 'w-czasie-awarii@example.org'`); err != nil || n != "1" {
		t.Errorf("reports stored from the outage: %q %v, want exactly the one accepted after it", n, err)
	}
}
