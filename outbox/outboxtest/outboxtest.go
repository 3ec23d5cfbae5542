// Package outboxtest runs real receivers for the outbox's tests and for the
// tests of the services that deliver through it: an SMTP server (Debian's
// python3-aiosmtpd, writing a Maildir) and a webhook receiver that checks
// signatures and counts deliveries per idempotency key.
package outboxtest

import (
	"bytes"
	"fmt"
	"io"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/http"
	"net/mail"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sip-core/sip/outbox"
)

// Python is Debian's interpreter, which has the aiosmtpd module.
const Python = "/usr/bin/python3"

// SMTPServer is aiosmtpd listening on loopback with the Maildir handler.
type SMTPServer struct {
	Addr string
	Dir  string // the Maildir; messages land in Dir/new
	t    testing.TB
	cmd  *exec.Cmd
	logs bytes.Buffer
}

// FreeAddr returns a loopback address with a port nobody listens on now.
func FreeAddr(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// NewSMTP prepares an SMTP server on a free port without starting it (to test
// a relay that is down); Start starts it. The test is skipped when aiosmtpd is
// not installed (make test installs python3-aiosmtpd).
func NewSMTP(t testing.TB) *SMTPServer {
	t.Helper()
	if err := exec.Command(Python, "-c", "import aiosmtpd").Run(); err != nil {
		t.Skip("python3-aiosmtpd is not installed (make test installs it): " + err.Error())
	}
	s := &SMTPServer{Addr: FreeAddr(t), Dir: filepath.Join(t.TempDir(), "maildir"), t: t}
	t.Cleanup(s.Stop)
	return s
}

// StartSMTP is NewSMTP and Start.
func StartSMTP(t testing.TB) *SMTPServer {
	s := NewSMTP(t)
	s.Start()
	return s
}

// Start runs the server and waits until it accepts connections.
func (s *SMTPServer) Start() {
	s.t.Helper()
	s.cmd = exec.Command(Python, "-m", "aiosmtpd", "-n", "-l", s.Addr, "-c", "aiosmtpd.handlers.Mailbox", s.Dir)
	s.cmd.Stdout, s.cmd.Stderr = &s.logs, &s.logs
	if err := s.cmd.Start(); err != nil {
		s.t.Fatal(err)
	}
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		if c, err := net.Dial("tcp", s.Addr); err == nil {
			c.Close()
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.t.Fatalf("aiosmtpd did not start on %s:\n%s", s.Addr, s.logs.String())
}

// Stop stops the server (the Maildir stays).
func (s *SMTPServer) Stop() {
	if s.cmd != nil && s.cmd.Process != nil {
		s.cmd.Process.Kill()
		s.cmd.Wait()
		s.cmd = nil
	}
}

// Mail is one received e-mail, decoded.
type Mail struct {
	Header  mail.Header
	Subject string // RFC 2047 decoded
	Body    string // transfer-decoded
	Raw     []byte
}

// Messages reads every message delivered so far, oldest first.
func (s *SMTPServer) Messages() []Mail {
	s.t.Helper()
	files, _ := filepath.Glob(filepath.Join(s.Dir, "new", "*"))
	type entry struct {
		m   Mail
		mod time.Time
	}
	var es []entry
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			s.t.Fatal(err)
		}
		msg, err := mail.ReadMessage(bytes.NewReader(raw))
		if err != nil {
			s.t.Fatalf("%s: %v", f, err)
		}
		body, _ := io.ReadAll(msg.Body)
		if strings.EqualFold(msg.Header.Get("Content-Transfer-Encoding"), "quoted-printable") {
			body, err = io.ReadAll(quotedprintable.NewReader(bytes.NewReader(body)))
			if err != nil {
				s.t.Fatalf("%s: quoted-printable: %v", f, err)
			}
		}
		subj, err := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
		if err != nil {
			s.t.Fatalf("%s: subject: %v", f, err)
		}
		fi, _ := os.Stat(f)
		es = append(es, entry{Mail{Header: msg.Header, Subject: subj, Body: strings.ReplaceAll(string(body), "\r\n", "\n"), Raw: raw}, fi.ModTime()})
	}
	sort.SliceStable(es, func(i, j int) bool { return es[i].mod.Before(es[j].mod) })
	out := make([]Mail, len(es))
	for i, e := range es {
		out[i] = e.m
	}
	return out
}

// Delivery is one request the webhook receiver accepted.
type Delivery struct {
	Key     string
	Body    []byte
	Header  http.Header
	Arrived time.Time
}

// Webhook is a receiver on loopback: it checks the signature of every POST
// with Secret (401 when wrong), answers with Status(n) for the n-th request
// (1-based; default 200), and keeps the accepted deliveries.
type Webhook struct {
	URL    string
	Secret []byte
	// Status decides the answer to the n-th request; nil answers 200.
	Status func(n int) int
	// Delay, when set, holds each answer this long (a slow receiver).
	Delay time.Duration

	mu       sync.Mutex
	started  int
	n        int
	accepted []Delivery
	badSig   int
	srv      *http.Server
}

// StartWebhook starts a receiver with the given secret.
func StartWebhook(t testing.TB, secret []byte) *Webhook {
	t.Helper()
	w := &Webhook{Secret: secret}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	w.URL = "http://" + ln.Addr().String() + "/hook"
	w.srv = &http.Server{Handler: http.HandlerFunc(w.serve), ReadHeaderTimeout: 5 * time.Second}
	go w.srv.Serve(ln)
	t.Cleanup(func() { w.srv.Close() })
	return w
}

func (w *Webhook) serve(rw http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, 16<<20))
	w.mu.Lock()
	w.started++
	w.mu.Unlock()
	if w.Delay > 0 {
		time.Sleep(w.Delay)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.n++
	if !outbox.Verify(w.Secret, body, r.Header.Get(outbox.SignatureHeader)) {
		w.badSig++
		http.Error(rw, "bad signature", http.StatusUnauthorized)
		return
	}
	status := http.StatusOK
	if w.Status != nil {
		status = w.Status(w.n)
	}
	if status >= 200 && status < 300 {
		w.accepted = append(w.accepted, Delivery{Key: r.Header.Get(outbox.IdempotencyHeader), Body: body, Header: r.Header.Clone(), Arrived: time.Now()})
	}
	rw.WriteHeader(status)
	fmt.Fprintf(rw, "ok %d\n", w.n)
}

// Accepted returns the deliveries accepted so far.
func (w *Webhook) Accepted() []Delivery {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]Delivery(nil), w.accepted...)
}

// Requests is the number of requests received (accepted or not).
func (w *Webhook) Requests() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.n
}

// Started is the number of requests that arrived (answered or not yet).
func (w *Webhook) Started() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.started
}

// BadSignatures counts requests refused for their signature.
func (w *Webhook) BadSignatures() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.badSig
}

// WaitFor polls cond every 20 ms until it holds or timeout passes.
func WaitFor(t testing.TB, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s", timeout, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
