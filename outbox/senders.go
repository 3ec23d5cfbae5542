package outbox

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/http"
	"net/mail"
	"net/smtp"
	"os"
	"strconv"
	"strings"
	"time"
)

// Sender delivers one message over its channel. The receipt is what the
// receiver answered (kept with the message); an error means the message was
// not delivered and will be tried again.
type Sender interface {
	Send(ctx context.Context, m *Message) (receipt string, err error)
}

// Webhook headers. The body is signed like the payment operators' notifications
// the extracts service verifies: hex HMAC-SHA256 of the raw body, as
// "sha256=<hex>".
const (
	SignatureHeader   = "X-SIP-Signature"
	IdempotencyHeader = "Idempotency-Key"
	DeliveryHeader    = "X-SIP-Delivery"
	KeyHeader         = "X-SIP-Outbox-Key" // also on e-mail
)

// MinSecretLen is the shortest webhook secret accepted.
const MinSecretLen = 16

// Sign returns the signature header value of a body: "sha256=" and the hex
// HMAC-SHA256 of the raw body under secret.
func Sign(secret, body []byte) string {
	m := hmac.New(sha256.New, secret)
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// Verify checks a signature header value ("sha256=<hex>" or bare hex) against
// a body in constant time.
func Verify(secret, body []byte, header string) bool {
	sig := strings.TrimPrefix(strings.TrimSpace(header), "sha256=")
	got, err := hex.DecodeString(sig)
	if err != nil || len(got) != sha256.Size {
		return false
	}
	m := hmac.New(sha256.New, secret)
	m.Write(body)
	return hmac.Equal(got, m.Sum(nil))
}

// WebhookSender POSTs messages to their URL with the signature, the
// idempotency key and the message id in headers. Any 2xx answer is a delivery;
// redirects are not followed (the signed body goes only where configured).
type WebhookSender struct {
	Client *http.Client // nil: a client with Timeout
	// Timeout bounds one attempt (default 15s).
	Timeout time.Duration
	// Getenv reads the secret (default os.Getenv).
	Getenv func(string) string
}

// Send implements Sender.
func (w *WebhookSender) Send(ctx context.Context, m *Message) (string, error) {
	getenv := w.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	secret := getenv(m.SecretEnv)
	if m.SecretEnv == "" || len(secret) < MinSecretLen {
		return "", fmt.Errorf("webhook secret: environment variable %q holds no secret of at least %d bytes", m.SecretEnv, MinSecretLen)
	}
	timeout := w.Timeout
	if timeout <= 0 {
		timeout = 15 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, m.To, bytes.NewReader(m.Body))
	if err != nil {
		return "", err
	}
	ct := m.ContentType
	if ct == "" {
		ct = "application/json"
	}
	req.Header.Set("Content-Type", ct)
	req.Header.Set("User-Agent", "sip-outbox")
	req.Header.Set(SignatureHeader, Sign([]byte(secret), m.Body))
	req.Header.Set(IdempotencyHeader, m.Key)
	req.Header.Set(KeyHeader, m.Key)
	req.Header.Set(DeliveryHeader, strconv.FormatInt(m.ID, 10))
	c := w.Client
	if c == nil {
		c = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	}
	resp, err := c.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	answer := strings.TrimSpace(resp.Status + " " + strings.ToValidUTF8(string(b), ""))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return "", errors.New("webhook answered " + answer)
	}
	return answer, nil
}

// SMTP TLS modes.
const (
	TLSStartTLS = "starttls" // upgrade when the server offers STARTTLS (default)
	TLSRequire  = "require"  // STARTTLS or fail
	TLSImplicit = "tls"      // TLS from the first byte (port 465)
	TLSNone     = "none"     // plain text (a relay on loopback)
)

// SMTPSender sends messages as plain-text UTF-8 e-mail through one relay.
type SMTPSender struct {
	Addr     string // host:port of the relay
	From     string // envelope sender and From header
	Hello    string // HELO/EHLO name (default localhost)
	Username string // AUTH PLAIN when not empty
	Password string
	TLS      string // see the TLS modes
	// Timeout bounds one attempt (default 30s).
	Timeout time.Duration
	// TLSConfig overrides the TLS settings (tests: a private CA).
	TLSConfig *tls.Config
}

// Send implements Sender.
func (s *SMTPSender) Send(ctx context.Context, m *Message) (string, error) {
	to, err := recipients(m.To)
	if err != nil {
		return "", err
	}
	timeout := s.Timeout
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	host, _, err := net.SplitHostPort(s.Addr)
	if err != nil {
		return "", fmt.Errorf("smtp address %q: %w", s.Addr, err)
	}
	tc := s.TLSConfig
	if tc == nil {
		tc = &tls.Config{ServerName: host}
	}
	var conn net.Conn
	d := &net.Dialer{}
	if s.TLS == TLSImplicit {
		conn, err = (&tls.Dialer{NetDialer: d, Config: tc}).DialContext(ctx, "tcp", s.Addr)
	} else {
		conn, err = d.DialContext(ctx, "tcp", s.Addr)
	}
	if err != nil {
		return "", err
	}
	defer conn.Close()
	if dl, ok := ctx.Deadline(); ok {
		conn.SetDeadline(dl)
	}
	c, err := smtp.NewClient(conn, host)
	if err != nil {
		return "", err
	}
	defer c.Close()
	hello := s.Hello
	if hello == "" {
		hello = "localhost"
	}
	if err := c.Hello(hello); err != nil {
		return "", err
	}
	if s.TLS == "" || s.TLS == TLSStartTLS || s.TLS == TLSRequire {
		if ok, _ := c.Extension("STARTTLS"); ok {
			if err := c.StartTLS(tc); err != nil {
				return "", err
			}
		} else if s.TLS == TLSRequire {
			return "", errors.New("smtp relay " + s.Addr + " does not offer STARTTLS (tls: require)")
		}
	}
	if s.Username != "" {
		if err := c.Auth(smtp.PlainAuth("", s.Username, s.Password, host)); err != nil {
			return "", err
		}
	}
	from, err := mail.ParseAddress(s.From)
	if err != nil {
		return "", fmt.Errorf("smtp from %q: %w", s.From, err)
	}
	if err := c.Mail(from.Address); err != nil {
		return "", err
	}
	for _, a := range to {
		if err := c.Rcpt(a); err != nil {
			return "", fmt.Errorf("recipient refused: %w", err)
		}
	}
	w, err := c.Data()
	if err != nil {
		return "", err
	}
	if _, err := w.Write(s.compose(m, to)); err != nil {
		return "", err
	}
	if err := w.Close(); err != nil {
		return "", err
	}
	c.Quit()
	return fmt.Sprintf("250 accepted by %s for %d recipient(s)", s.Addr, len(to)), nil
}

// recipients parses a comma-separated address list.
func recipients(s string) ([]string, error) {
	list, err := mail.ParseAddressList(s)
	if err != nil || len(list) == 0 {
		return nil, fmt.Errorf("bad recipient list: %v", err)
	}
	out := make([]string, len(list))
	for i, a := range list {
		out[i] = a.Address
	}
	return out, nil
}

// MessageID is the Message-ID an e-mail of an outbox key carries: the same for
// every attempt, so a mailbox drops a repeat.
func MessageID(key, from string) string {
	domain := "sip.invalid"
	if a, err := mail.ParseAddress(from); err == nil {
		if _, d, ok := strings.Cut(a.Address, "@"); ok && d != "" {
			domain = d
		}
	}
	sum := sha256.Sum256([]byte(key))
	return "<" + hex.EncodeToString(sum[:16]) + "@" + domain + ">"
}

// oneLine keeps a header value on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ToValidUTF8(s, "")), " ")
}

func (s *SMTPSender) compose(m *Message, to []string) []byte {
	var b bytes.Buffer
	h := func(k, v string) { b.WriteString(k + ": " + v + "\r\n") }
	h("From", oneLine(s.From))
	h("To", strings.Join(to, ", "))
	h("Subject", mime.QEncoding.Encode("utf-8", oneLine(m.Subject)))
	date := m.Created
	if date.IsZero() {
		date = time.Now()
	}
	h("Date", date.Format(time.RFC1123Z))
	h("Message-ID", MessageID(m.Key, s.From))
	h(KeyHeader, oneLine(m.Key))
	h("Auto-Submitted", "auto-generated")
	h("MIME-Version", "1.0")
	ct := m.ContentType
	if ct == "" {
		ct = "text/plain; charset=utf-8"
	}
	h("Content-Type", oneLine(ct))
	h("Content-Transfer-Encoding", "quoted-printable")
	b.WriteString("\r\n")
	qp := quotedprintable.NewWriter(&b)
	qp.Write(m.Body) // as text: every line break becomes CRLF
	qp.Close()
	return b.Bytes()
}
