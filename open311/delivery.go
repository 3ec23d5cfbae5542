package open311

import (
	"context"
	"fmt"
	"strings"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/outbox"
	"github.com/sip-core/sip/server"
)

// messageKey is the outbox key of a request's message to a unit over a
// channel. The token makes it unique even if the reports database were ever
// started afresh next to an old outbox.
func messageKey(req *Request, unit string, ch outbox.Channel) string {
	return fmt.Sprintf("open311:%s:%s:%s:%s", req.ID, req.Token[:8], unit, ch)
}

// messages are the deliveries of a request: to its unit's e-mail address
// and webhook (none for a referred request or a unit without delivery).
func messages(cfg *config.Config, cat *catalogue, req *Request, c *Contact, base string) []*outbox.Message {
	if !req.Hosted {
		return nil
	}
	u, ok := cat.units[req.AgencyCode]
	if !ok {
		return nil
	}
	var out []*outbox.Message
	if u.Email != "" && cfg.Outbox.SMTP.Addr != "" {
		out = append(out, &outbox.Message{Key: messageKey(req, u.Code, outbox.SMTP), Channel: outbox.SMTP, To: u.Email,
			Subject: fmt.Sprintf("Zgłoszenie nr %s: %s — %s", req.ID, req.ServiceName, firstOf(req.Address, "bez adresu")),
			Body:    []byte(mailText(cat, req, c, base))})
	}
	if u.Webhook != nil {
		out = append(out, &outbox.Message{Key: messageKey(req, u.Code, outbox.Webhook), Channel: outbox.Webhook, To: u.Webhook.URL,
			SecretEnv: u.Webhook.SecretEnv, ContentType: "application/json", Body: webhookBody(req, c, u.Code, base)})
	}
	return out
}

func firstOf(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// enqueuePending puts the messages of the requests not yet delivered into
// the outbox, in one transaction of each database per batch: the request is
// the durable record (stored before its client got an answer), its messages
// follow from it, and a crash in between is made good on the next pass. Keys
// make a repeat add nothing.
func (m *manager) enqueuePending(ctx context.Context) {
	for ctx.Err() == nil {
		pend, err := m.db.Pending(ctx, JobDelivery, 200)
		if err != nil || len(pend) == 0 {
			if err != nil && ctx.Err() == nil {
				m.log.Error("open311: listing undelivered requests", "err", err)
			}
			return
		}
		st := m.h.Current()
		cat, err := m.cats.get(ctx, st)
		if err != nil {
			m.log.Error("open311: routing model unavailable; deliveries wait", "err", err)
			return
		}
		var msgs []*outbox.Message
		done := make(map[string]int64, len(pend))
		for _, v := range pend {
			c, err := m.db.Contact(ctx, v.ID)
			if err != nil {
				m.log.Error("open311: reading a contact for delivery", "request", v.ID, "err", err)
				return
			}
			msgs = append(msgs, messages(st.Config, cat, v.Request, c, baseOf(st))...)
			done[v.ID] = v.Version
		}
		if len(msgs) > 0 {
			if _, err := m.ob.Enqueue(ctx, msgs...); err != nil {
				m.log.Error("open311: enqueueing deliveries failed; will retry", "err", err)
				return
			}
			m.worker.Kick()
		}
		if err := m.db.Done(ctx, JobDelivery, done); err != nil {
			m.log.Error("open311: recording enqueued deliveries", "err", err)
			return
		}
	}
}

// attributeText is an attribute's values with their names from the service
// definition.
func attributeText(cat *catalogue, req *Request, code string) (string, string) {
	label, vals := code, append([]string(nil), req.Attributes[code]...)
	if svc, ok := cat.byCode[req.ServiceCode]; ok {
		for _, a := range svc.Attributes {
			if a.Code != code {
				continue
			}
			label = firstOf(a.Description, code)
			for i, v := range vals {
				for _, kv := range a.Values {
					if kv.Key == v {
						vals[i] = kv.Name
					}
				}
			}
		}
	}
	return label, strings.Join(vals, ", ")
}

// mailText is the e-mail to the unit (Polish).
func mailText(cat *catalogue, req *Request, c *Contact, base string) string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	p("Zgłoszenie mieszkańca nr %s — %s", req.ID, req.ServiceName)
	p("")
	p("Przyjęte: %s", timeText(req.Requested))
	p("Kategoria: %s (%s)", req.ServiceName, req.ServiceCode)
	if req.Description != "" {
		p("Opis: %s", req.Description)
	}
	p("Miejsce: %s", firstOf(req.Address, "—"))
	p("  WGS84: %.6f N, %.6f E; PL-1992 (EPSG:2180): X=%.2f Y=%.2f", req.Lat, req.Long, req.Y, req.X)
	p("  mapa: %s/#map=18/%.6f/%.6f", base, req.Lat, req.Long)
	for _, code := range sortedKeys(req.Attributes) {
		label, v := attributeText(cat, req, code)
		p("%s: %s", label, v)
	}
	if req.HasMedia {
		p("Zdjęcie: %s%s/media/%s.jpg", base, Prefix, req.ID)
	} else if req.MediaURL != "" {
		p("Zdjęcie: %s", req.MediaURL)
	}
	p("")
	p("Dlaczego do Państwa: %s", req.Decision.Reason)
	if req.Decision.Flagged {
		p("UWAGA: punkt leży blisko granicy właściwości — prosimy sprawdzić lokalizację i w razie potrzeby przekazać zgłoszenie.")
	}
	if !c.Empty() {
		p("")
		p("Zgłaszający (dane osobowe, usuwane po zamknięciu zgłoszenia i upływie okresu przechowywania):")
		if n := strings.TrimSpace(c.FirstName + " " + c.LastName); n != "" {
			p("  %s", n)
		}
		if c.Email != "" {
			p("  e-mail: %s", c.Email)
		}
		if c.Phone != "" {
			p("  telefon: %s", c.Phone)
		}
	}
	p("")
	p("Stan zgłoszenia: %s%s/requests/%s.json?extensions=true", base, Prefix, req.ID)
	p("Zmiana stanu (klucz API z rolą editor): POST %s%s/servicerequestupdates.json z polami service_request_id=%s, status, description", base, Prefix, req.ID)
	return b.String()
}

// webhookBody is the JSON a unit's system receives: the request as GET
// requests shows it with extensions, the reporter's contact and the unit.
func webhookBody(req *Request, c *Contact, unit, base string) []byte {
	contact := obj{{"first_name", c.FirstName}, {"last_name", c.LastName}, {"email", c.Email}, {"phone", c.Phone}}
	return encode(formatJSON, "", obj{{"unit", unit}, {"service_request", requestDoc(req, base, true, nil)}, {"contact", contact}})
}

// baseOf is the base URL the configuration names, for messages made
// outside a request.
func baseOf(st *server.State) string {
	if b := strings.TrimSuffix(st.Config.BaseURL, "/"); b != "" {
		return b
	}
	return "http://" + st.Config.Listen
}
