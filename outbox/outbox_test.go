package outbox_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sip-core/sip/outbox"
	"github.com/sip-core/sip/outbox/outboxtest"
)

func open(t *testing.T, path string) *outbox.SQLite {
	t.Helper()
	s, err := outbox.OpenSQLite(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func hook(key, url string) *outbox.Message {
	return &outbox.Message{Key: key, Channel: outbox.Webhook, To: url, Body: []byte(`{"k":"` + key + `"}`), SecretEnv: "OUTBOX_TEST_SECRET"}
}

func TestEnqueueIsIdempotent(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "o.sqlite"))
	ctx := context.Background()
	n, err := s.Enqueue(ctx, hook("a", "http://x/"), hook("b", "http://x/"))
	if err != nil || n != 2 {
		t.Fatalf("first enqueue: %d, %v", n, err)
	}
	again := hook("a", "http://other/")
	n, err = s.Enqueue(ctx, again, hook("c", "http://x/"))
	if err != nil || n != 1 {
		t.Fatalf("second enqueue added %d, %v; want only c", n, err)
	}
	m, err := s.Get(ctx, "a")
	if err != nil || m.To != "http://x/" || m.State != outbox.Pending || m.Digest != outbox.Digest([]byte(`{"k":"a"}`)) {
		t.Fatalf("a was changed by the repeat: %+v %v", m, err)
	}
	if _, err := s.Enqueue(ctx, &outbox.Message{Key: "bad", Channel: "fax", To: "x"}); err == nil {
		t.Fatal("unknown channel accepted")
	}
	if st, _ := s.Stats(ctx); st.Pending != 3 {
		t.Fatalf("stats: %+v", st)
	}
}

// Two handles on one file stand for two processes (or replicas): however the
// claims interleave, every message is leased to exactly one of them.
func TestClaimLeasesEachMessageOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "o.sqlite")
	a, b := open(t, path), open(t, path)
	ctx := context.Background()
	var msgs []*outbox.Message
	for i := range 300 {
		msgs = append(msgs, hook(fmt.Sprintf("m%03d", i), "http://x/"))
	}
	if _, err := a.Enqueue(ctx, msgs...); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	owner := map[string]string{}
	var wg sync.WaitGroup
	for w := range 6 {
		st := a
		if w%2 == 1 {
			st = b
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			name := fmt.Sprintf("w%d", w)
			for {
				got, err := st.Claim(ctx, name, 7, time.Now(), time.Minute)
				if err != nil {
					t.Error(err)
					return
				}
				if len(got) == 0 {
					return
				}
				mu.Lock()
				for _, m := range got {
					if prev, dup := owner[m.Key]; dup {
						t.Errorf("%s claimed by %s and %s", m.Key, prev, name)
					}
					owner[m.Key] = name
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if len(owner) != 300 {
		t.Fatalf("%d of 300 claimed", len(owner))
	}
	// Leased messages are not claimable until the lease ends; then they are.
	if got, _ := a.Claim(ctx, "late", 10, time.Now(), time.Minute); len(got) != 0 {
		t.Fatalf("claimed %d leased messages", len(got))
	}
	if got, _ := b.Claim(ctx, "late", 500, time.Now().Add(2*time.Minute), time.Minute); len(got) != 300 {
		t.Fatalf("after the leases ended: %d claimable, want 300", len(got))
	}
}

func TestOnlyTheLeaseHolderRecords(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "o.sqlite"))
	ctx := context.Background()
	s.Enqueue(ctx, hook("k", "http://x/"))
	now := time.Now()
	got, _ := s.Claim(ctx, "w1", 1, now, time.Second)
	if len(got) != 1 {
		t.Fatal("nothing claimed")
	}
	id := got[0].ID
	// w1's lease ends, w2 claims it.
	got2, _ := s.Claim(ctx, "w2", 1, now.Add(2*time.Second), time.Minute)
	if len(got2) != 1 || got2[0].ID != id {
		t.Fatal("expired lease not reclaimed")
	}
	if err := s.MarkSent(ctx, id, "w1", "late", now); !errors.Is(err, outbox.ErrLeaseLost) {
		t.Fatalf("stale owner recorded a delivery: %v", err)
	}
	if err := s.MarkFailed(ctx, id, "w2", "connection refused", now, now.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	// Not due before next.
	if got, _ := s.Claim(ctx, "w3", 1, now.Add(30*time.Second), time.Minute); len(got) != 0 {
		t.Fatal("claimed before its next attempt was due")
	}
	got3, _ := s.Claim(ctx, "w3", 1, now.Add(61*time.Second), time.Minute)
	if len(got3) != 1 || got3[0].Attempts != 1 || got3[0].LastError != "connection refused" {
		t.Fatalf("retry: %+v", got3)
	}
	if err := s.MarkSent(ctx, id, "w3", "250 ok", now); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkSent(ctx, id, "w3", "250 again", now); !errors.Is(err, outbox.ErrLeaseLost) {
		t.Fatalf("a sent message was recorded sent again: %v", err)
	}
	m, _ := s.Get(ctx, "k")
	if m.State != outbox.Sent || m.Attempts != 2 || m.Receipt != "250 ok" {
		t.Fatalf("%+v", m)
	}
	as, _ := s.Attempts(ctx, id)
	if len(as) != 2 || as[0].OK || !as[1].OK || as[1].Owner != "w3" {
		t.Fatalf("attempts: %+v", as)
	}
}

// Redact overwrites the recipient and the body on disk.
func TestRedactLeavesNoTrace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "o.sqlite")
	s := open(t, path)
	ctx := context.Background()
	secret := "jan.kowalski.7f3a9@example.org"
	m := &outbox.Message{Key: "r1", Channel: outbox.SMTP, To: secret, Subject: "Zgłoszenie", Body: []byte("Kontakt: " + secret + "\n" + strings.Repeat("x", 3000))}
	s.Enqueue(ctx, m, &outbox.Message{Key: "r2", Channel: outbox.SMTP, To: "unit@example.org", Body: []byte("other")})
	n, err := s.Redact(ctx, "r1")
	if err != nil || n != 1 {
		t.Fatalf("redact: %d %v", n, err)
	}
	got, _ := s.Get(ctx, "r1")
	if got.To != "" || got.Body != nil || got.State != outbox.Cancelled || got.Digest != m.Digest {
		t.Fatalf("after redact: %+v", got)
	}
	for _, f := range []string{path, path + "-wal"} {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		if bytes.Contains(b, []byte("jan.kowalski.7f3a9")) {
			t.Fatalf("%s still holds the redacted address", filepath.Base(f))
		}
	}
	if got2, _ := s.Get(ctx, "r2"); got2.To != "unit@example.org" {
		t.Fatal("redact touched another message")
	}
}

func TestBackoff(t *testing.T) {
	b := outbox.Backoff{Min: time.Second, Max: 10 * time.Second}
	for n, want := range map[int]time.Duration{1: time.Second, 2: 2 * time.Second, 3: 4 * time.Second, 5: 10 * time.Second, 60: 10 * time.Second} {
		got := b.After(n)
		if got < want*8/10 || got > want*12/10 {
			t.Errorf("After(%d) = %s, want %s ±20%%", n, got, want)
		}
	}
}

func TestSignVerify(t *testing.T) {
	secret, body := []byte("0123456789abcdef0123"), []byte(`{"a":1}`)
	sig := outbox.Sign(secret, body)
	if !strings.HasPrefix(sig, "sha256=") || !outbox.Verify(secret, body, sig) || !outbox.Verify(secret, body, strings.TrimPrefix(sig, "sha256=")) {
		t.Fatal("own signature rejected")
	}
	if outbox.Verify(secret, []byte(`{"a":2}`), sig) || outbox.Verify([]byte("another secret 1234"), body, sig) || outbox.Verify(secret, body, "sha256=zz") {
		t.Fatal("wrong signature accepted")
	}
}

func worker(s outbox.Store, smtpAddr string) *outbox.Worker {
	return &outbox.Worker{
		Store: s,
		Senders: map[outbox.Channel]outbox.Sender{
			outbox.Webhook: &outbox.WebhookSender{Timeout: 5 * time.Second},
			outbox.SMTP:    &outbox.SMTPSender{Addr: smtpAddr, From: "SIP <sip@powiat.example>", TLS: outbox.TLSNone, Timeout: 5 * time.Second},
		},
		Poll:    50 * time.Millisecond,
		Log:     slog.New(slog.NewTextHandler(io.Discard, nil)),
		Backoff: outbox.Backoff{Min: 100 * time.Millisecond, Max: 400 * time.Millisecond},
	}
}

// A relay that is down delays the mail; once it is up every message arrives
// exactly once, with a Message-ID derived from its key.
func TestSMTPDeliveryThroughRealServer(t *testing.T) {
	srv := outboxtest.NewSMTP(t) // not started yet: the relay is down
	s := open(t, filepath.Join(t.TempDir(), "o.sqlite"))
	ctx := context.Background()
	var keys []string
	for i := range 5 {
		k := fmt.Sprintf("mail-%d", i)
		keys = append(keys, k)
		s.Enqueue(ctx, &outbox.Message{Key: k, Channel: outbox.SMTP, To: "Wydział Dróg <drogi@powiat.example>", Subject: fmt.Sprintf("Zgłoszenie %d: ubytek w jezdni — ul. Kościuszki", i),
			Body: []byte(fmt.Sprintf("Zgłoszenie nr %d\nOpis: dziura\u00a0głęboka na 10 cm, żółć.\n", i))})
	}
	w := worker(s, srv.Addr)
	w.Start()
	defer w.Stop(context.Background())
	outboxtest.WaitFor(t, 10*time.Second, "failed attempts while the relay is down", func() bool {
		m, _ := s.Get(ctx, "mail-0")
		return m.Attempts >= 2
	})
	if m, _ := s.Get(ctx, "mail-0"); m.State != outbox.Pending || !strings.Contains(m.LastError, "refused") {
		t.Fatalf("while down: %+v", m)
	}
	srv.Start()
	outboxtest.WaitFor(t, 20*time.Second, "all five mails", func() bool { return len(srv.Messages()) >= 5 })
	time.Sleep(300 * time.Millisecond) // a duplicate would have arrived by now
	got := srv.Messages()
	if len(got) != 5 {
		t.Fatalf("%d mails, want 5", len(got))
	}
	ids := map[string]bool{}
	for _, m := range got {
		k := m.Header.Get(outbox.KeyHeader)
		if m.Header.Get("Message-Id") != outbox.MessageID(k, "sip@powiat.example") {
			t.Errorf("%s: Message-ID %q", k, m.Header.Get("Message-Id"))
		}
		ids[k] = true
		var i int
		fmt.Sscanf(k, "mail-%d", &i)
		if m.Subject != fmt.Sprintf("Zgłoszenie %d: ubytek w jezdni — ul. Kościuszki", i) {
			t.Errorf("subject %q", m.Subject)
		}
		if !strings.Contains(m.Body, "dziura\u00a0głęboka na 10 cm, żółć.") {
			t.Errorf("body %q", m.Body)
		}
		if m.Header.Get("To") != "drogi@powiat.example" {
			t.Errorf("To %q", m.Header.Get("To"))
		}
	}
	for _, k := range keys {
		if !ids[k] {
			t.Errorf("%s not delivered", k)
		}
		m, _ := s.Get(ctx, k)
		if m.State != outbox.Sent || !strings.HasPrefix(m.Receipt, "250") {
			t.Errorf("%s: %+v", k, m)
		}
	}
}

// Two workers on two handles of one database (two replicas) share the work
// of a webhook receiver that fails at first: each message arrives exactly once.
func TestWebhookExactlyOnceAcrossWorkers(t *testing.T) {
	secret := []byte("a-webhook-secret-of-32-bytes-len")
	t.Setenv("OUTBOX_TEST_SECRET", string(secret))
	rx := outboxtest.StartWebhook(t, secret)
	rx.Status = func(n int) int {
		if n <= 20 {
			return http.StatusServiceUnavailable
		}
		return http.StatusAccepted
	}
	path := filepath.Join(t.TempDir(), "o.sqlite")
	a, b := open(t, path), open(t, path)
	ctx := context.Background()
	const n = 60
	for i := range n {
		a.Enqueue(ctx, hook(fmt.Sprintf("h%02d", i), rx.URL))
	}
	wa, wb := worker(a, ""), worker(b, "")
	wa.Start()
	wb.Start()
	defer wa.Stop(context.Background())
	defer wb.Stop(context.Background())
	outboxtest.WaitFor(t, 30*time.Second, "60 deliveries", func() bool { return len(rx.Accepted()) >= n })
	time.Sleep(500 * time.Millisecond)
	seen := map[string]int{}
	for _, d := range rx.Accepted() {
		seen[d.Key]++
		if string(d.Body) != `{"k":"`+d.Key+`"}` {
			t.Errorf("%s: body %s", d.Key, d.Body)
		}
	}
	if len(seen) != n {
		t.Fatalf("%d distinct keys delivered, want %d", len(seen), n)
	}
	for k, c := range seen {
		if c != 1 {
			t.Errorf("%s delivered %d times", k, c)
		}
	}
	if rx.BadSignatures() != 0 {
		t.Errorf("%d requests with a bad signature", rx.BadSignatures())
	}
	if st, _ := a.Stats(ctx); st.Sent != n || st.Pending != 0 {
		t.Fatalf("stats %+v", st)
	}
}

// Stop lets the attempt under way finish and records it.
func TestStopFinishesTheAttemptUnderWay(t *testing.T) {
	secret := []byte("a-webhook-secret-of-32-bytes-len")
	t.Setenv("OUTBOX_TEST_SECRET", string(secret))
	rx := outboxtest.StartWebhook(t, secret)
	rx.Delay = 700 * time.Millisecond
	s := open(t, filepath.Join(t.TempDir(), "o.sqlite"))
	ctx := context.Background()
	s.Enqueue(ctx, hook("slow", rx.URL))
	w := worker(s, "")
	w.Start()
	outboxtest.WaitFor(t, 5*time.Second, "the attempt to start", func() bool { return rx.Requests() >= 0 && leased(s) })
	time.Sleep(100 * time.Millisecond)
	sctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := w.Stop(sctx); err != nil {
		t.Fatal(err)
	}
	m, _ := s.Get(ctx, "slow")
	if m.State != outbox.Sent || len(rx.Accepted()) != 1 {
		t.Fatalf("after Stop: %+v, %d accepted", m, len(rx.Accepted()))
	}
}

// leased reports whether the one message is claimed (not claimable now).
func leased(s *outbox.SQLite) bool {
	m, err := s.Get(context.Background(), "slow")
	return err == nil && m.State == outbox.Pending && m.Attempts == 0 && func() bool {
		got, _ := s.Claim(context.Background(), "probe", 1, time.Now(), time.Millisecond)
		return len(got) == 0
	}()
}

func TestWebhookWithoutSecretIsRetriedNotLost(t *testing.T) {
	rx := outboxtest.StartWebhook(t, []byte("a-webhook-secret-of-32-bytes-len"))
	s := open(t, filepath.Join(t.TempDir(), "o.sqlite"))
	ctx := context.Background()
	s.Enqueue(ctx, &outbox.Message{Key: "nosecret", Channel: outbox.Webhook, To: rx.URL, Body: []byte("{}"), SecretEnv: "OUTBOX_TEST_UNSET_VARIABLE"})
	w := worker(s, "")
	w.Start()
	defer w.Stop(context.Background())
	outboxtest.WaitFor(t, 5*time.Second, "a failed attempt", func() bool { m, _ := s.Get(ctx, "nosecret"); return m.Attempts >= 1 })
	m, _ := s.Get(ctx, "nosecret")
	if m.State != outbox.Pending || !strings.Contains(m.LastError, "OUTBOX_TEST_UNSET_VARIABLE") || rx.Requests() != 0 {
		t.Fatalf("%+v, %d requests", m, rx.Requests())
	}
}
