package alerts_test

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"github.com/sip-core/sip/internal/servetest"
	"github.com/sip-core/sip/outbox/outboxtest"
	"github.com/sip-core/sip/store/postgis/postgistest"
)

// The tests drive the real binary over HTTP on loopback, on a synthetic
// county (2000 parcels, jednostki Łask and Buczek) generated and ingested
// once by the sip command, with a real SMTP server (aiosmtpd).

var (
	sipBin     string
	fixtureDir string
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "sip-alerts")
	if err != nil {
		panic(err)
	}
	flag.Parse()
	code := func() int {
		if r := flag.Lookup("test.run"); r != nil && r.Value.String() == "^$" {
			return postgistest.Main(m)
		}
		fixtureDir = filepath.Join(dir, "county")
		if sipBin, err = servetest.Build(dir, "../cmd/sip"); err == nil {
			_, err = servetest.County(sipBin, fixtureDir, 2000)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		return postgistest.Main(m)
	}()
	os.RemoveAll(dir)
	os.Exit(code)
}

const staffKey = "staff-key-for-alert-tests-0123456789"

type site struct {
	Dir, Config, Addr string
}

func newSite(t *testing.T, smtpAddr, extra string) *site {
	t.Helper()
	dir := t.TempDir()
	b, err := os.ReadFile(filepath.Join(fixtureDir, "county.gpkg"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "county.gpkg"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	s := &site{Dir: dir, Config: filepath.Join(dir, "sip.yaml"), Addr: outboxtest.FreeAddr(t)}
	yaml := fmt.Sprintf(`listen: %s
log: {level: info}
datasets:
  - name: powiat_laski
    store: county.gpkg
    title: Powiat łaski
  - name: ostrzezenia
    store: ostrzezenia.gpkg
    title: Ostrzeżenia
auth:
  keys:
    - {name: staff, hash: "sha256:%x", roles: [editor]}
outbox:
  smtp: {addr: "%s", from: "SIP <sip@powiat.example>", tls: none}
  retry_min: 1s
  retry_max: 2s
alerts:
  dataset: ostrzezenia
  sender: sip@powiat-laski.example
  contact: "Centrum Zarządzania Kryzysowego, tel. 43 000 00 00"
%s`, s.Addr, sha256.Sum256([]byte(staffKey)), smtpAddr, extra)
	if err := os.WriteFile(s.Config, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	return s
}

// setStore makes a dataset of the site use another store (a PostGIS schema
// replicas share).
func (s *site) setStore(t *testing.T, from, to string) { servetest.SetStore(t, s.Config, from, to) }

// serve starts sip serve on a site and waits until it is healthy.
func (s *site) serve(t *testing.T, env ...string) *servetest.Process {
	t.Helper()
	return servetest.Serve(t, sipBin, s.Config, s.Addr, env...)
}

// call sends a request with an optional JSON body and key, decoding a JSON
// answer into v.
func call(t *testing.T, method, url, key string, body any, v any) (int, []byte) {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, url, rd)
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if v != nil && resp.StatusCode < 300 {
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatalf("%s %s: %v\n%s", method, url, err, b)
		}
	}
	return resp.StatusCode, b
}

// address is a building address of a jednostka, read from the fixture.
func address(t *testing.T, prefix string) string {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+filepath.Join(fixtureDir, "county.gpkg")+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var a string
	if err := db.QueryRow(`SELECT adresy FROM budynki WHERE id_budynku LIKE ? AND adresy != '' AND adresy NOT LIKE '%;%' ORDER BY id_budynku LIMIT 1`, prefix+"%").Scan(&a); err != nil {
		t.Fatal(err)
	}
	return a
}

// waitMail waits until the SMTP server holds n messages.
func waitMail(t *testing.T, s *outboxtest.SMTPServer, n int) []outboxtest.Mail {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		ms := s.Messages()
		if len(ms) >= n || time.Now().After(deadline) {
			if len(ms) < n {
				t.Fatalf("%d messages arrived, want %d", len(ms), n)
			}
			return ms
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// link finds the first URL in a text that contains part.
func link(t *testing.T, text, part string) string {
	t.Helper()
	for _, f := range strings.Fields(text) {
		if strings.HasPrefix(f, "http") && strings.Contains(f, part) {
			return f
		}
	}
	t.Fatalf("no link with %q in:\n%s", part, text)
	return ""
}
