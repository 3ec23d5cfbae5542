package alerts

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/mail"
	"regexp"
	"strings"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/alerts/affected"
	"github.com/sip-core/sip/alerts/sms"
	"github.com/sip-core/sip/outbox"
	"github.com/sip-core/sip/server"
	"github.com/sip-core/sip/store"
)

var phoneRE = regexp.MustCompile(`^\+?[0-9]{9,15}$`)

// subscription is what a resident sends.
type subscription struct {
	Email   string `json:"email"`
	Phone   string `json:"phone"`
	Address string `json:"address"` // as the cadastre stores it: "Łask, ul. Kościuszki 12"
	Parcel  string `json:"parcel"`  // id_dzialki
}

func (s *subscription) check(st *server.State) error {
	s.Email, s.Phone = strings.TrimSpace(s.Email), strings.ReplaceAll(strings.TrimSpace(s.Phone), " ", "")
	switch {
	case (s.Email == "") == (s.Phone == ""):
		return badRequest("give one of email, phone")
	case s.Email != "":
		a, err := mail.ParseAddress(s.Email)
		if err != nil || a.Address != s.Email || len(s.Email) > 254 {
			return badRequest("email: not an e-mail address")
		}
		if !isASCII(s.Email) {
			return badRequest("email: only addresses in ASCII can be delivered here")
		}
		if st.Config.Outbox.SMTP.Addr == "" {
			return server.Errorf(http.StatusNotImplemented, "e-mail subscriptions are off here (no outbox.smtp relay)")
		}
	default:
		if !phoneRE.MatchString(s.Phone) {
			return badRequest("phone: 9 to 15 digits, optionally after +")
		}
		if st.Config.Alerts.SMS == nil {
			return server.Errorf(http.StatusNotImplemented, "SMS subscriptions are off here (no alerts.sms gateway)")
		}
	}
	if (s.Address == "") == (s.Parcel == "") {
		return badRequest("give one of address, parcel")
	}
	if len(s.Address) > 200 || len(s.Parcel) > 64 {
		return badRequest("address or parcel too long")
	}
	return nil
}

// place finds the address point of an address in a gmina's register, else
// the building (or else the parcel) of an address, or a parcel, through the
// selection model, and reads its geometry. A point is kept as a polygon of
// one position repeated (pointPlace), which the subscribers' storage holds
// like any other place.
func place(ctx context.Context, r store.Reader, model *affected.Model, s *subscription) (string, orb.MultiPolygon, error) {
	if s.Address != "" {
		if _, label, xy, ok := model.LookupPoint(s.Address); ok {
			return label, pointPlace(xy), nil
		}
	}
	layer, lid, label, ok := model.Lookup(s.Address, strings.TrimSpace(s.Parcel))
	if !ok {
		if s.Parcel != "" {
			return "", nil, badRequest("parcel: no parcel %q", s.Parcel)
		}
		return "", nil, badRequest("address: no property address %q (write it as the viewer shows it: \"Łask, ul. Kościuszki 12\")", s.Address)
	}
	if s.Parcel != "" {
		label = "działka " + label
	}
	var geom orb.MultiPolygon
	err := r.Query(ctx, store.Query{Layer: layer, IDs: []string{lid}}, func(row store.Row) error {
		geom = polygonsOf(row.Geometry)
		return nil
	})
	if err == nil && len(geom) == 0 {
		err = fmt.Errorf("alerts: %s %s has no geometry", layer, lid)
	}
	return label, geom, err
}

// pointPlace is an address point as a subscriber's place: one ring of the
// position repeated four times.
func pointPlace(p orb.Point) orb.MultiPolygon {
	return orb.MultiPolygon{{{p, p, p, p}}}
}

// placeGeometry is a subscriber's place as selection tests it: the point of
// a pointPlace, else the polygons.
func placeGeometry(mp orb.MultiPolygon) orb.Geometry {
	if b := mp.Bound(); len(mp) > 0 && b.Min == b.Max {
		return b.Min
	}
	return mp
}

func newToken() string {
	b := make([]byte, 24)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func confirmKey(subID int64) string { return fmt.Sprintf("alerts:confirm:%d", subID) }

// subscribe stores an unconfirmed subscription and sends the confirmation
// link (double opt-in); the answer says nothing of the contact.
func (m *manager) subscribe(w http.ResponseWriter, r *http.Request) error {
	st := server.StateFrom(r.Context())
	var s subscription
	dec := json.NewDecoder(http.MaxBytesReader(nil, r.Body, 4096))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return badRequest("the subscription is not valid JSON: %v", err)
	}
	if err := s.check(st); err != nil {
		return err
	}
	ds, err := areas(st)
	if err != nil {
		return err
	}
	model, _, err := m.models.get(r.Context(), st, ds)
	if err != nil {
		return err
	}
	label, geom, err := place(r.Context(), ds.Store, model, &s)
	if err != nil {
		return err
	}
	sub := &Subscriber{Token: newToken(), Email: s.Email, Phone: s.Phone, Place: label, Geom: geom, Created: m.now()}
	if err := m.db.Subscribe(r.Context(), sub); err != nil {
		return err
	}
	base := server.BaseURL(r)
	msg := m.contactMessage(st, sub, confirmKey(sub.ID), "Potwierdź subskrypcję ostrzeżeń",
		fmt.Sprintf("Ktoś (zapewne Ty) zapisał ten adres na ostrzeżenia dla miejsca: %s.\n\nPotwierdź: %s\n\nJeśli to nie Ty, nic nie rób: bez potwierdzenia zapis zniknie.\n",
			label, base+"/api/alerts/subscriptions/confirm?token="+sub.Token),
		"SIP: potwierdz ostrzezenia dla "+label, base+"/api/alerts/subscriptions/confirm?token="+sub.Token)
	if _, err := m.ob.Enqueue(r.Context(), msg); err != nil {
		return err
	}
	m.worker.Kick()
	return server.WritePrivateJSON(w, http.StatusAccepted, map[string]any{"status": "pending", "place": label,
		"detail": "a confirmation link was sent; the subscription starts when it is opened"})
}

// contactMessage is a message to a subscriber: e-mail, or an SMS through
// the gateway hook (folded to GSM-7, at most 306 characters).
func (m *manager) contactMessage(st *server.State, sub *Subscriber, key, subject, text, smsText, smsTail string) *outbox.Message {
	if sub.Email != "" {
		return &outbox.Message{Key: key, Channel: outbox.SMTP, To: sub.Email, Subject: subject, Body: []byte(text)}
	}
	h := st.Config.Alerts.SMS
	body, _ := json.Marshal(map[string]string{"to": sub.Phone, "text": sms.Compose("", smsText, smsTail), "key": key})
	return &outbox.Message{Key: key, Channel: outbox.Webhook, To: h.URL, SecretEnv: h.SecretEnv, ContentType: "application/json", Body: body}
}

func textPage(w http.ResponseWriter, status int, text string) error {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, err := w.Write([]byte(text + "\n"))
	return err
}

// confirm confirms a subscription by the link's token.
func (m *manager) confirm(w http.ResponseWriter, r *http.Request) error {
	sub, err := m.db.Confirm(r.Context(), r.URL.Query().Get("token"), m.now())
	if err != nil {
		return err
	}
	return textPage(w, http.StatusOK, "Subskrypcja potwierdzona: ostrzeżenia dla miejsca "+sub.Place+" będą przychodzić na ten kontakt.")
}

// unsubscribe deletes a subscription by the link's token, and the copies
// of the contact in the outbox.
func (m *manager) unsubscribe(w http.ResponseWriter, r *http.Request) error {
	keys, err := m.db.Unsubscribe(r.Context(), r.URL.Query().Get("token"))
	if err != nil {
		return err
	}
	if _, err := m.ob.Redact(r.Context(), keys...); err != nil {
		m.log.Error("alerts: redacting an unsubscribed contact's messages", "err", err)
	}
	return textPage(w, http.StatusOK, "Wypisano: kontakt usunięty, ostrzeżenia nie będą już przychodzić.")
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
