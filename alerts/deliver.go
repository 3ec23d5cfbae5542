package alerts

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/sip-core/sip/alerts/affected"
	"github.com/sip-core/sip/alerts/cap"
	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/outbox"
	"github.com/sip-core/sip/server"
	"github.com/sip-core/sip/store"
	_ "github.com/sip-core/sip/store/gpkg" // the default backend of the alerts dataset
)

// Layers is the schema of the alerts dataset: the public layer of current
// alert areas. It has the alert's public fields only.
var Layers = []store.Layer{{
	Name: config.AlertLayer, Title: "Ostrzeżenia (obszary bieżących alertów)", Class: "OstrzezenieCAP", Geometry: store.MultiPolygon,
	Columns: []store.Column{
		{Name: "id_alertu", Type: store.Text, Title: "Numer ostrzeżenia"},
		{Name: "typ", Type: store.Text, Title: "Komunikat CAP: Alert, Update"},
		{Name: "zdarzenie", Type: store.Text, Title: "Zdarzenie (event)"},
		{Name: "naglowek", Type: store.Text, Title: "Nagłówek (headline)"},
		{Name: "obszar", Type: store.Text, Title: "Obszar (areaDesc)"},
		{Name: "waga", Type: store.Text, Title: "Waga (severity)"},
		{Name: "pilnosc", Type: store.Text, Title: "Pilność (urgency)"},
		{Name: "wygasa", Type: store.DateTime, Title: "Wygasa (expires)"},
		{Name: "cap", Type: store.Text, Title: "Dokument CAP"},
	},
}}

// Namespace of the alert layer's objects.
const Namespace = "PL.SIP.alerts"

// PrepareStores creates the alerts dataset's store when it does not exist
// yet, so that sip serve can open it.
func PrepareStores(cfg *config.Config) error {
	if !cfg.Alerts.Enabled() {
		return nil
	}
	d, ok := cfg.DatasetByName(cfg.Alerts.Dataset)
	if !ok {
		return nil
	}
	st, _, err := store.OpenOrCreate(context.Background(), store.WithSchema(d.Store, d.Name), d.Name, Layers)
	if err != nil {
		return fmt.Errorf("alerts: opening or creating the alerts dataset %s: %w", d.Name, err)
	}
	return st.Close()
}

// pass is one round of the background loop: the public layer follows
// publications and expiries, publications reach their subscribers,
// unconfirmed subscriptions go after alerts.confirm_within.
//
// Replicas sharing the state database take turns (a lease renewed every
// pass): one writes the layer and enqueues at a time, and another takes over
// within passLease when that one stops. The outbox's keys would make a
// repeat add nothing anyway.
func (m *manager) pass(ctx context.Context) {
	if ok, err := m.db.Lease(ctx, m.holder, passLease); !ok {
		if err != nil && ctx.Err() == nil {
			m.log.Error("alerts: taking the background pass's lease", "err", err)
		}
		return
	}
	m.project(ctx)
	m.deliver(ctx)
	if n, err := m.db.PurgeUnconfirmed(ctx, m.now().Add(-m.h.Current().Config.Alerts.ConfirmWithin.D())); err != nil && ctx.Err() == nil {
		m.log.Error("alerts: deleting unconfirmed subscriptions", "err", err)
	} else if n > 0 {
		m.log.Info("alerts: unconfirmed subscriptions deleted", "n", n)
	}
}

// passLease is how long the background pass stays with a replica that
// stopped renewing its lease.
const passLease = 30 * time.Second

// layerObject is an alert's object in the public layer; ended when the
// alert is cancelled or expired.
func layerObject(a *Alert, base string, end time.Time) *store.Object {
	first := a.Sent
	if len(a.Refs) > 0 {
		first = a.Refs[0]
	}
	id := strconv.FormatInt(a.ID, 10)
	o := &store.Object{Layer: config.AlertLayer, ID: id, Namespace: Namespace, Version: fmt.Sprintf("%06d", a.Rev),
		StartObject: first, StartVersion: a.Sent, Geometry: a.Area.Geom,
		Attrs: map[string]any{"id_alertu": id, "typ": a.MsgType, "zdarzenie": a.Draft.Event, "naglowek": a.Draft.Headline,
			"obszar": a.Area.Desc, "waga": a.Draft.Severity, "pilnosc": a.Draft.Urgency, "wygasa": a.Expires(),
			"cap": docURL(base, a.ID, a.Rev)}}
	if !end.IsZero() {
		o.EndVersion, o.EndObject = end, end
	}
	return o
}

// project writes what changed into the public layer.
func (m *manager) project(ctx context.Context) {
	st := m.h.Current()
	d, ok := st.Dataset(st.Config.Alerts.Dataset)
	if !ok {
		return
	}
	now := m.now()
	todo, err := m.db.Layer(ctx, now)
	if err != nil || len(todo) == 0 {
		if err != nil && ctx.Err() == nil {
			m.log.Error("alerts: listing the layer's changes", "err", err)
		}
		return
	}
	tx, err := d.Store.Begin(ctx)
	if err != nil {
		m.log.Error("alerts: writing the alert layer", "err", err)
		return
	}
	shown := map[int64]int{}
	for _, a := range todo {
		var end time.Time
		shown[a.ID] = a.Rev
		if a.MsgType == "Cancel" || !a.Expires().After(now) {
			end = now
			if a.MsgType != "Cancel" {
				end = a.Expires()
			}
			if !end.After(a.Sent) {
				end = a.Sent.Add(time.Millisecond)
			}
			shown[a.ID] = -1
		}
		if _, err := tx.Put(ctx, layerObject(a, baseOf(st), end)); err != nil {
			tx.Rollback()
			m.log.Error("alerts: writing the alert layer", "alert", a.ID, "err", err)
			return
		}
	}
	if err := tx.Commit(); err != nil {
		m.log.Error("alerts: writing the alert layer", "err", err)
		return
	}
	for id, rev := range shown {
		if err := m.db.MarkShown(ctx, id, rev); err != nil {
			m.log.Error("alerts: recording the alert layer", "err", err)
		}
	}
}

// deliver enqueues the messages of revisions not yet delivered: to every
// confirmed subscriber whose place the area covers and to everyone an
// earlier revision reached, once per contact; and to the push service.
// Keys make a repeat after a crash add nothing.
func (m *manager) deliver(ctx context.Context) {
	todo, err := m.db.Undelivered(ctx, 20)
	if err != nil {
		if ctx.Err() == nil {
			m.log.Error("alerts: listing undelivered alerts", "err", err)
		}
		return
	}
	st := m.h.Current()
	for _, a := range todo {
		msgs, to, err := m.messages(ctx, st, a)
		if err == nil && len(msgs) > 0 {
			_, err = m.ob.Enqueue(ctx, msgs...)
		}
		if err == nil {
			err = m.db.Delivered(ctx, a.ID, a.Rev, to)
		}
		if err != nil {
			if ctx.Err() == nil {
				m.log.Error("alerts: enqueueing an alert's messages; will retry", "alert", a.ID, "rev", a.Rev, "err", err)
			}
			return
		}
		m.log.Info("alerts: messages enqueued", "alert", a.ID, "rev", a.Rev, "msg_type", a.MsgType, "subscribers", len(to))
		m.worker.Kick()
	}
}

func (m *manager) messages(ctx context.Context, st *server.State, a *Alert) ([]*outbox.Message, map[int64][]string, error) {
	sel, err := affected.Prepare(a.Area.Geom)
	if err != nil {
		return nil, nil, err
	}
	in, err := m.db.Subscribers(ctx, sel.Bound(), nil)
	if err != nil {
		return nil, nil, err
	}
	before, err := m.db.Recipients(ctx, a.ID)
	if err != nil {
		return nil, nil, err
	}
	var earlier []*Subscriber
	if len(before) > 0 {
		if earlier, err = m.db.Subscribers(ctx, sel.Bound(), before); err != nil {
			return nil, nil, err
		}
	}
	base := baseOf(st)
	var msgs []*outbox.Message
	to := map[int64][]string{}
	contacts := map[string]bool{}
	add := func(s *Subscriber) {
		c := strings.ToLower(s.Email + "|" + s.Phone)
		if contacts[c] {
			return
		}
		contacts[c] = true
		key := fmt.Sprintf("alerts:%d:%d:%d", a.ID, a.Rev, s.ID)
		msgs = append(msgs, m.alertMessage(st, a, s, key, base))
		to[s.ID] = append(to[s.ID], key)
	}
	for _, s := range earlier {
		add(s)
	}
	for _, s := range in {
		if sel.Intersects(placeGeometry(s.Geom)) {
			add(s)
		}
	}
	if h := st.Config.Alerts.Push; h != nil {
		body, _ := json.Marshal(map[string]any{"identifier": Identifier(st.Config.Alerts.IdentifierPrefix, a.ID, a.Rev),
			"msg_type": a.MsgType, "event": a.Draft.Event, "headline": a.Draft.Headline, "area": a.Area.Desc,
			"severity": a.Draft.Severity, "expires": cap.Format(a.Expires()), "cap": docURL(base, a.ID, a.Rev), "geometry": geoJSON(a.Area.Geom)})
		msgs = append(msgs, &outbox.Message{Key: fmt.Sprintf("alerts:%d:%d:push", a.ID, a.Rev), Channel: outbox.Webhook,
			To: h.URL, SecretEnv: h.SecretEnv, ContentType: "application/json", Body: body})
	}
	return msgs, to, nil
}

// alertMessage is a revision's message to one subscriber.
func (m *manager) alertMessage(st *server.State, a *Alert, s *Subscriber, key, base string) *outbox.Message {
	d := a.Draft
	kind := map[string]string{"Alert": "OSTRZEŻENIE", "Update": "AKTUALIZACJA", "Cancel": "ODWOŁANIE"}[a.MsgType]
	unsub := base + "/api/alerts/subscriptions/unsubscribe?token=" + s.Token
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n\n%s\nObszar: %s (Twoje miejsce: %s)\n", kind, d.Headline, d.Event, a.Area.Desc, s.Place)
	if a.MsgType == "Cancel" {
		b.WriteString("\nOstrzeżenie odwołane.")
		if d.Note != "" {
			b.WriteString(" " + d.Note)
		}
		b.WriteString("\n")
	} else {
		for _, p := range []string{d.Description, d.Instruction} {
			if p != "" {
				b.WriteString("\n" + p + "\n")
			}
		}
		fmt.Fprintf(&b, "\nWażne do: %s\n", cap.Format(a.Expires()))
	}
	fmt.Fprintf(&b, "\nDokument CAP: %s\n%s\n\nWypisz się: %s\n", docURL(base, a.ID, a.Rev), senderName(st), unsub)
	smsText := d.Headline
	if a.MsgType == "Cancel" {
		smsText = "Odwolane: " + d.Headline
	} else if d.Instruction != "" {
		smsText += ". " + d.Instruction
	}
	return m.contactMessage(st, s, key, kind+": "+d.Headline, b.String(), smsText, "Wypisz: "+unsub)
}
