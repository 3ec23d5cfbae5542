package alerts_test

import (
	"context"
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sip-core/sip/outbox/outboxtest"
)

// TestViewer drives the viewer in Chromium (web/e2e/alerts.mjs): the banner
// and area of a published alert, and a subscription from the parcel card,
// whose confirmation e-mail must then arrive over SMTP.
func TestViewer(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed (make test installs nodejs)")
	}
	chromium := os.Getenv("CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	if _, err := os.Stat(chromium); err != nil {
		t.Skip("chromium is not installed (make test installs it)")
	}
	if _, err := os.Stat("../web/node_modules/playwright-core/package.json"); err != nil {
		t.Skip("web/node_modules is missing: npm ci --prefix web (make test does)")
	}
	smtp := outboxtest.StartSMTP(t)
	s := newSite(t, smtp.Addr, "")
	p := s.serve(t)
	const headline = "Brak wody w Łasku"
	if code, b := call(t, "POST", p.Base+"/api/alerts", staffKey, draft(map[string]any{"gminy": []string{"100301_4"}}, headline), nil); code != 201 {
		t.Fatalf("publish: %d %s", code, b)
	}
	db, err := sql.Open("sqlite3", "file:"+filepath.Join(fixtureDir, "county.gpkg")+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	var parcel string
	err = db.QueryRow(`SELECT id_dzialki FROM dzialki WHERE id_dzialki LIKE '100301_4.%' ORDER BY id_dzialki LIMIT 1 OFFSET 20`).Scan(&parcel)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	const email = "z-przegladarki@example.org"
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "../web/e2e/alerts.mjs", p.Base, parcel, headline, email)
	cmd.Env = append(os.Environ(), "CHROMIUM="+chromium, "SIP_E2E_ARTIFACTS="+t.TempDir())
	out, err := cmd.CombinedOutput()
	t.Logf("web/e2e/alerts.mjs:\n%s", out)
	if err != nil {
		t.Fatalf("viewer flow failed: %v", err)
	}
	mails := waitMail(t, smtp, 1)
	if to := mails[0].Header.Get("To"); !strings.Contains(to, email) || !strings.Contains(mails[0].Body, "działka "+parcel) {
		t.Fatalf("confirmation to %s:\n%s", to, mails[0].Body)
	}
}
