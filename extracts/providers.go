package extracts

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/sip-core/sip/config"
)

// Payment is a payment registered with a provider.
type Payment struct {
	ID          string `json:"payment_id"`
	RedirectURL string `json:"redirect_url"`
}

// Notification is a provider's verified server-to-server message.
type Notification struct {
	OrderID   string
	PaymentID string
	Status    string // COMPLETED, CANCELED, or another (pending) status
	Amount    config.Grosze
	Currency  string
}

// Notification statuses acted upon.
const (
	StatusCompleted = "COMPLETED"
	StatusCanceled  = "CANCELED"
)

// ErrBadSignature is a notification whose signature is missing or wrong.
var ErrBadSignature = errors.New("missing or invalid signature")

// Provider is the billing hook: register a payment and send the payer to it;
// verify the provider's notifications.
type Provider interface {
	Name() string
	// CreatePayment registers the payment of an order; base is the server's URL.
	CreatePayment(ctx context.Context, o *Order, base string) (Payment, error)
	// Verify authenticates and decodes a notification from its raw body.
	Verify(h http.Header, body []byte) (*Notification, error)
}

// NewProvider makes a provider from its configuration.
func NewProvider(c config.PaymentProvider) (Provider, error) {
	switch c.Type {
	case config.ProviderManual:
		return manual{name: c.Name}, nil
	case config.ProviderWebhook:
		secret := c.Secret()
		if len(secret) < 16 {
			return nil, fmt.Errorf("payment provider %s: environment variable %s holds no secret of at least 16 bytes", c.Name, c.SecretEnv)
		}
		return &webhook{name: c.Name, secret: secret, header: c.SignatureHeader, payURL: c.PayURL}, nil
	}
	return nil, fmt.Errorf("payment provider %s: unknown type %q", c.Name, c.Type)
}

// manual is a bank transfer confirmed by an admin through the API.
type manual struct{ name string }

func (m manual) Name() string { return m.name }

func (m manual) CreatePayment(_ context.Context, o *Order, base string) (Payment, error) {
	return Payment{ID: "transfer:" + o.ID, RedirectURL: base + "/api/extracts/orders/" + o.ID}, nil
}

func (m manual) Verify(http.Header, []byte) (*Notification, error) {
	return nil, errors.New("the manual provider takes no notifications: an admin confirms the transfer with POST /api/extracts/orders/{id}/confirm")
}

// webhook is a generic operator shaped like PayU/Przelewy24: the payer is sent
// to PayURL, and the operator posts a JSON notification signed with HMAC-SHA256
// over the raw body (hex, in SignatureHeader; "sha256=<hex>" and PayU's
// "signature=<hex>;algorithm=SHA-256" forms are accepted):
//
//	{"order": {"orderId": "…", "extOrderId": "<our order id>", "totalAmount": "14000",
//	           "currencyCode": "PLN", "status": "COMPLETED"}}
type webhook struct {
	name, header, payURL string
	secret               []byte
}

func (w *webhook) Name() string { return w.name }

func (w *webhook) CreatePayment(_ context.Context, o *Order, base string) (Payment, error) {
	u := w.payURL
	if u == "" {
		u = base + "/api/extracts/orders/{order}"
	}
	u = strings.NewReplacer("{order}", url.PathEscape(o.ID), "{amount}", strconv.FormatInt(int64(o.Total), 10)).Replace(u)
	return Payment{ID: w.name + ":" + o.ID, RedirectURL: u}, nil
}

// Sign is the signature a webhook notification body carries (hex HMAC-SHA256).
func Sign(secret, body []byte) string {
	m := hmac.New(sha256.New, secret)
	m.Write(body)
	return hex.EncodeToString(m.Sum(nil))
}

func (w *webhook) Verify(h http.Header, body []byte) (*Notification, error) {
	sig := strings.TrimSpace(h.Get(w.header))
	if sig == "" {
		return nil, ErrBadSignature
	}
	if v, ok := strings.CutPrefix(sig, "sha256="); ok {
		sig = v
	} else if strings.Contains(sig, ";") || strings.HasPrefix(sig, "signature=") {
		for _, kv := range strings.Split(sig, ";") {
			if v, ok := strings.CutPrefix(strings.TrimSpace(kv), "signature="); ok {
				sig = v
			}
		}
	}
	got, err := hex.DecodeString(sig)
	if err != nil || len(got) != sha256.Size {
		return nil, ErrBadSignature
	}
	m := hmac.New(sha256.New, w.secret)
	m.Write(body)
	if !hmac.Equal(got, m.Sum(nil)) {
		return nil, ErrBadSignature
	}
	var msg struct {
		Order struct {
			OrderID      string `json:"orderId"`
			ExtOrderID   string `json:"extOrderId"`
			TotalAmount  string `json:"totalAmount"`
			CurrencyCode string `json:"currencyCode"`
			Status       string `json:"status"`
		} `json:"order"`
	}
	if err := json.Unmarshal(body, &msg); err != nil {
		return nil, fmt.Errorf("notification is not JSON: %w", err)
	}
	o := msg.Order
	if o.ExtOrderID == "" || o.Status == "" {
		return nil, errors.New("notification lacks order.extOrderId or order.status")
	}
	amount, err := strconv.ParseInt(o.TotalAmount, 10, 64)
	if err != nil || amount < 0 {
		return nil, fmt.Errorf("order.totalAmount %q is not an amount in grosze", o.TotalAmount)
	}
	return &Notification{OrderID: o.ExtOrderID, PaymentID: o.OrderID, Status: strings.ToUpper(o.Status), Amount: config.Grosze(amount), Currency: o.CurrencyCode}, nil
}

// Download tokens: base64url(order id, file, expiry) "." base64url(HMAC-SHA256).

type token struct {
	Order   string
	File    string
	Expires time.Time
}

func signToken(key []byte, t token) string {
	var b []byte
	b = binary.AppendUvarint(b, uint64(t.Expires.Unix()))
	b = append(b, t.Order...)
	b = append(b, 0)
	b = append(b, t.File...)
	m := hmac.New(sha256.New, key)
	m.Write(b)
	return base64.RawURLEncoding.EncodeToString(b) + "." + base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

var errBadToken = errors.New("invalid download token")

func parseToken(key []byte, s string) (token, error) {
	p, sig, ok := strings.Cut(s, ".")
	if !ok || len(s) > 1024 {
		return token{}, errBadToken
	}
	b, err1 := base64.RawURLEncoding.DecodeString(p)
	mac, err2 := base64.RawURLEncoding.DecodeString(sig)
	if err1 != nil || err2 != nil {
		return token{}, errBadToken
	}
	m := hmac.New(sha256.New, key)
	m.Write(b)
	if !hmac.Equal(mac, m.Sum(nil)) {
		return token{}, errBadToken
	}
	exp, n := binary.Uvarint(b)
	if n <= 0 {
		return token{}, errBadToken
	}
	order, file, ok := strings.Cut(string(b[n:]), "\x00")
	if !ok {
		return token{}, errBadToken
	}
	return token{Order: order, File: file, Expires: time.Unix(int64(exp), 0)}, nil
}
