package open311

import (
	"context"
	"fmt"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/outbox"
	"github.com/sip-core/sip/store"
	_ "github.com/sip-core/sip/store/gpkg" // the default backend of the reports dataset
)

// Layers is the schema of the reports dataset: the staff layer of open
// requests. It has public request fields only: no column can hold a
// reporter's contact or device id.
var Layers = []store.Layer{{
	Name: config.ReportLayer, Title: "Zgłoszenia mieszkańców (otwarte)", Class: "ZgloszenieOpen311", Geometry: store.Point,
	Columns: []store.Column{
		{Name: "id_zgloszenia", Type: store.Text, Title: "Numer zgłoszenia (service_request_id)"},
		{Name: "kategoria", Type: store.Text, Title: "Kod kategorii (service_code)"},
		{Name: "nazwa_kategorii", Type: store.Text, Title: "Kategoria"},
		{Name: "stan", Type: store.Text, Title: "Stan: new, acknowledged, in_progress"},
		{Name: "jednostka", Type: store.Text, Title: "Jednostka odpowiedzialna (agency_responsible)"},
		{Name: "kod_jednostki", Type: store.Text, Title: "Kod jednostki odpowiedzialnej"},
		{Name: "opis", Type: store.Text, Title: "Opis zgłoszenia"},
		{Name: "adres", Type: store.Text, Title: "Miejsce"},
		{Name: "przyjete", Type: store.DateTime, Title: "Przyjęte"},
		{Name: "zmienione", Type: store.DateTime, Title: "Ostatnia zmiana"},
		{Name: "do_sprawdzenia", Type: store.Integer, Title: "1: punkt blisko granicy właściwości, lokalizacja do sprawdzenia"},
		{Name: "uzasadnienie", Type: store.Text, Title: "Uzasadnienie przekazania"},
		{Name: "zdjecie", Type: store.Text, Title: "Adres zdjęcia"},
	},
}}

// Namespace of the staff layer's objects.
const Namespace = "PL.SIP.open311"

// PrepareStores creates the store of the reports dataset (open311.dataset)
// when it does not exist yet (a GeoPackage file or a PostGIS schema), so that
// sip serve can open it.
func PrepareStores(cfg *config.Config) error {
	o := cfg.Open311
	if !o.Enabled() {
		return nil
	}
	d, ok := cfg.DatasetByName(o.Dataset)
	if !ok {
		return nil
	}
	ctx := context.Background()
	st, _, err := store.OpenOrCreate(ctx, store.WithSchema(d.Store, d.Name), d.Name, Layers)
	if err != nil {
		return fmt.Errorf("open311: opening or creating the reports dataset %s: %w", d.Name, err)
	}
	return st.Close()
}

// staffObject is a request's version in the staff layer: current while the
// request is open, ended when it is closed (it then leaves the layer).
func staffObject(req *Request, version int64, base string) *store.Object {
	o := &store.Object{Layer: config.ReportLayer, ID: req.ID, Namespace: Namespace, Version: fmt.Sprintf("%010d", version),
		StartObject: req.Requested, StartVersion: req.Updated, Geometry: orb.Point{req.X, req.Y},
		Attrs: map[string]any{"id_zgloszenia": req.ID, "kategoria": req.ServiceCode, "nazwa_kategorii": req.ServiceName,
			"stan": req.State, "jednostka": req.Agency, "kod_jednostki": req.AgencyCode, "adres": req.Address,
			"przyjete": req.Requested, "zmienione": req.Updated, "uzasadnienie": req.Decision.Reason}}
	if req.Description != "" {
		o.Attrs["opis"] = req.Description
	}
	if req.Decision.Flagged {
		o.Attrs["do_sprawdzenia"] = int64(1)
	} else {
		o.Attrs["do_sprawdzenia"] = int64(0)
	}
	if req.HasMedia {
		o.Attrs["zdjecie"] = base + Prefix + "/media/" + req.ID + ".jpg"
	} else if req.MediaURL != "" {
		o.Attrs["zdjecie"] = req.MediaURL
	}
	if Status(req.State) == "closed" {
		end := req.Updated.Add(time.Millisecond)
		o.EndVersion, o.EndObject = end, end
	}
	return o
}

// projectPending writes the requests changed since their last projection into
// the staff layer, in one transaction of the reports dataset's store.
func (m *manager) projectPending(ctx context.Context) {
	st := m.h.Current()
	d, ok := st.Dataset(st.Config.Open311.Dataset)
	if !ok {
		return
	}
	pend, err := m.db.Pending(ctx, JobStaff, 500)
	if err != nil || len(pend) == 0 {
		if err != nil && ctx.Err() == nil {
			m.log.Error("open311: listing requests for the staff layer", "err", err)
		}
		return
	}
	tx, err := d.Store.Begin(ctx)
	if err != nil {
		m.log.Error("open311: writing the staff layer", "dataset", d.Name, "err", err)
		return
	}
	base := baseOf(st)
	for _, v := range pend {
		if _, err := tx.Put(ctx, staffObject(v.Request, v.Version, base)); err != nil {
			tx.Rollback()
			m.log.Error("open311: writing the staff layer", "dataset", d.Name, "request", v.ID, "err", err)
			return
		}
	}
	if err := tx.Commit(); err != nil {
		m.log.Error("open311: writing the staff layer", "dataset", d.Name, "err", err)
		return
	}
	done := make(map[string]int64, len(pend))
	for _, v := range pend {
		done[v.ID] = v.Version
	}
	if err := m.db.Done(ctx, JobStaff, done); err != nil {
		m.log.Error("open311: recording the staff layer's versions", "err", err)
	}
}

// purgeContacts deletes the contacts of requests closed longer ago than the
// retention period, and the copies in their delivered messages.
func (m *manager) purgeContacts(ctx context.Context) {
	ret := m.h.Current().Config.Open311.ContactRetention.D()
	ids, err := m.db.PurgeContacts(ctx, time.Now().Add(-ret))
	if err != nil {
		if ctx.Err() == nil {
			m.log.Error("open311: deleting expired contacts", "err", err)
		}
		return
	}
	if len(ids) == 0 {
		return
	}
	var keys []string
	for _, id := range ids {
		req, err := m.db.Get(ctx, id)
		if err != nil {
			continue
		}
		for _, ch := range []outbox.Channel{outbox.SMTP, outbox.Webhook} {
			keys = append(keys, messageKey(req, req.AgencyCode, ch))
		}
	}
	n, err := m.ob.Redact(ctx, keys...)
	if err != nil {
		m.log.Error("open311: redacting delivered messages", "err", err)
	}
	m.log.Info("open311: contacts deleted after the retention period", "requests", len(ids), "messages_redacted", n)
}
