package alerts_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/sip-core/sip/outbox/outboxtest"
	"github.com/sip-core/sip/store/postgis/postgistest"
)

// replicaSites are two sites serving one deployment: the state database and
// the alerts dataset in one real PostgreSQL cluster, nothing of either on a
// replica's disk but the read-only county.
func replicaSites(t *testing.T, smtpAddr string) (c *postgistest.Cluster, schema string, sites [2]*site, env string) {
	t.Helper()
	c = postgistest.Need(t)
	schema = c.NewSchema("state")
	layer := c.URL(c.NewSchema("ostrzezenia"))
	const tokenEnv = "SIP_ALERTS_TEST_TOKEN_KEY"
	extra := fmt.Sprintf("state: %s\nextracts: {files: \"s3://none/extracts/?endpoint=http://127.0.0.1:9\", token_secret_env: %s}\n",
		c.URL(schema), tokenEnv)
	for i := range sites {
		sites[i] = newSite(t, smtpAddr, extra)
		sites[i].setStore(t, "ostrzezenia.gpkg", layer)
	}
	return c, schema, sites, tokenEnv + "=replicas-share-this-signing-key-0123456789"
}

// Two replicas on one PostgreSQL state schema: subscriptions made on one
// are confirmed through the other's links, an alert published on one
// reaches each subscriber whose place it covers exactly once whichever
// replica enqueues it, an update through the other reaches the same
// people, and unsubscribing through either deletes the contact's row.
func TestTwoReplicasShareAlerts(t *testing.T) {
	smtp := outboxtest.StartSMTP(t)
	c, schema, sites, env := replicaSites(t, smtp.Addr)
	a, b := sites[0].serve(t, env), sites[1].serve(t, env)
	inside, outside := address(t, "100301_4"), address(t, "100302_2")

	people := []struct{ email, place string }{
		{"mieszkaniec-1@example.org", inside}, {"mieszkaniec-2@example.org", inside}, {"mieszkaniec-3@example.org", outside}}
	for _, p := range people {
		if code, body := call(t, "POST", a.Base+"/api/alerts/subscriptions", "", map[string]string{"email": p.email, "address": p.place}, nil); code != 202 {
			t.Fatalf("subscribe on A: %d %s", code, body)
		}
	}
	for _, m := range waitMail(t, smtp, 3) {
		confirm := link(t, m.Body, "/confirm?token=")
		if !strings.HasPrefix(confirm, a.Base) {
			t.Fatalf("the confirmation link names %s, not the replica subscribed on", confirm)
		}
		if code, body := call(t, "GET", b.Base+strings.TrimPrefix(confirm, a.Base), "", nil, nil); code != 200 {
			t.Fatalf("confirm on B: %d %s", code, body)
		}
	}

	area := map[string]any{"gminy": []string{"1003014"}, "description": "Gmina Łask (miasto)"}
	var pub published
	if code, body := call(t, "POST", a.Base+"/api/alerts", staffKey, draft(area, "Brak wody w Łasku"), &pub); code != 201 {
		t.Fatalf("publish on A: %d %s", code, body)
	}
	validCAP(t, b.Base+"/alerts/"+itoa(pub.ID)+"/1.xml") // the revision is B's too
	alertMails := func(rev int) map[string]int {
		to := map[string]int{}
		for _, m := range smtp.Messages()[3:] {
			if strings.Contains(m.Body, fmt.Sprintf("/alerts/%d/%d.xml", pub.ID, rev)) {
				to[m.Header.Get("To")]++
			}
		}
		return to
	}
	waitMail(t, smtp, 5)
	var upd published
	if code, body := call(t, "PUT", b.Base+"/api/alerts/"+itoa(pub.ID), staffKey, draft(area, "Brak wody do wieczora"), &upd); code != 200 || upd.Rev != 2 {
		t.Fatalf("update on B: %d %s", code, body)
	}
	waitMail(t, smtp, 7)
	time.Sleep(5 * time.Second) // both replicas' loops pass twice more: nothing more arrives
	if n := len(smtp.Messages()); n != 7 {
		t.Fatalf("%d messages, want 7 (3 confirmations, 2 × 2 alerts)", n)
	}
	for rev := 1; rev <= 2; rev++ {
		to := alertMails(rev)
		if len(to) != 2 || to["mieszkaniec-1@example.org"] != 1 || to["mieszkaniec-2@example.org"] != 1 {
			t.Errorf("revision %d went to %v, want each resident inside once", rev, to)
		}
	}
	layerHas(t, b.Base, pub.ID, true) // the public layer one replica wrote, served by the other

	// Unsubscribe through either replica: the contact's row is gone.
	mails := smtp.Messages()
	for i, m := range mails[5:7] {
		unsub := link(t, m.Body, "/unsubscribe?token=")
		base := []string{a.Base, b.Base}[i]
		if code, body := call(t, "GET", base+unsub[strings.Index(unsub, "/api/"):], "", nil, nil); code != 200 {
			t.Fatalf("unsubscribe on %s: %d %s", base, code, body)
		}
	}
	rows := func(q string) string {
		out, err := c.PSQL(postgistest.Database, q)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	if n := rows(`SELECT count(*) FROM ` + schema + `.alerts_subscribers WHERE email LIKE 'mieszkaniec-%'`); n != "1" {
		t.Errorf("%s subscriber rows after two unsubscriptions, want 1 (the one outside)", n)
	}
	if n := rows(`SELECT count(*) FROM ` + schema + `.alerts_recipients`); n != "0" {
		t.Errorf("%s recipient rows of unsubscribed contacts", n)
	}
	if n := rows(`SELECT count(*) FROM ` + schema + `.outbox WHERE recipient LIKE 'mieszkaniec-1%' OR recipient LIKE 'mieszkaniec-2%'`); n != "0" {
		t.Errorf("%s outbox rows still name an unsubscribed contact", n)
	}
}
