package alerts

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/alerts/cap"
	"github.com/sip-core/sip/server"
)

func docURL(base string, id int64, rev int) string {
	return fmt.Sprintf("%s/alerts/%d/%d.xml", base, id, rev)
}

// sender is the CAP sender: alerts.sender, or sip@ the base URL's host.
func sender(st *server.State) string {
	if s := st.Config.Alerts.Sender; s != "" {
		return s
	}
	if u, err := url.Parse(st.Config.BaseURL); err == nil && u.Hostname() != "" {
		return "sip@" + u.Hostname()
	}
	return "sip@localhost"
}

func senderName(st *server.State) string {
	if n := st.Config.Alerts.SenderName; n != "" {
		return n
	}
	if d, err := areas(st); err == nil && d.Title != "" {
		return d.Title
	}
	return "SIP"
}

// capAlert is a revision as a CAP alert: one info block per language.
func capAlert(st *server.State, a *Alert) (*cap.Alert, error) {
	ac := st.Config.Alerts
	area, err := a.Area.capArea(ac.MaxVertices)
	if err != nil {
		return nil, err
	}
	snd := sender(st)
	c := &cap.Alert{Identifier: Identifier(ac.IdentifierPrefix, a.ID, a.Rev), Sender: snd, Sent: cap.Time{Time: a.Sent},
		Status: a.Draft.Status, MsgType: a.MsgType, Scope: "Public", Note: a.Draft.Note}
	if a.MsgType != "Alert" {
		refs := make([]cap.Ref, len(a.Refs))
		for i, t := range a.Refs {
			refs[i] = cap.Ref{Sender: snd, Identifier: Identifier(ac.IdentifierPrefix, a.ID, i+1), Sent: t}
		}
		c.References = cap.References(refs...)
	}
	d := a.Draft
	texts := []struct {
		lang string
		t    Text
	}{{"pl-PL", d.Text}}
	if d.English != nil {
		texts = append(texts, struct {
			lang string
			t    Text
		}{"en-GB", *d.English})
	}
	web := fmt.Sprintf("%s/?alert=%d", baseOf(st), a.ID)
	for _, x := range texts {
		info := cap.Info{Language: x.lang, Category: d.Category, Event: x.t.Event, ResponseType: d.ResponseType,
			Urgency: d.Urgency, Severity: d.Severity, Certainty: d.Certainty,
			SenderName: senderName(st), Headline: x.t.Headline, Description: x.t.Description, Instruction: x.t.Instruction,
			Web: web, Contact: ac.Contact, Area: []cap.Area{area}}
		if a.MsgType == "Cancel" {
			info.ResponseType = []string{"AllClear"}
		}
		for i, p := range []**cap.Time{&info.Effective, &info.Onset, &info.Expires} {
			if t := d.times[i]; !t.IsZero() {
				*p = cap.NewTime(t)
			}
		}
		c.Info = append(c.Info, info)
	}
	return c, nil
}

func (m *manager) capDocument(st *server.State, a *Alert) ([]byte, error) {
	c, err := capAlert(st, a)
	if err != nil {
		return nil, err
	}
	return cap.Marshal(c)
}

// document serves a revision's CAP document (/alerts/ID/REV.xml, stable),
// or the latest revision's (/alerts/ID.xml).
func (m *manager) document(w http.ResponseWriter, r *http.Request) error {
	rev, _ := strconv.Atoi(server.Var(r, "rev"))
	if server.Var(r, "rev") != "" && rev == 0 {
		return errNotFound
	}
	a, err := m.db.Revision(r.Context(), alertID(r), rev)
	if err != nil {
		return err
	}
	doc, err := m.capDocument(server.StateFrom(r.Context()), a)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", cap.MediaType)
	if rev != 0 {
		w.Header().Set("Cache-Control", "public, max-age=86400")
	} else {
		w.Header().Set("Cache-Control", "no-cache")
	}
	_, err = w.Write(doc)
	return err
}

// live lists the current alerts: latest revisions neither cancelled nor
// expired.
func (m *manager) live(r *http.Request) ([]*Alert, error) {
	now := m.now()
	all, err := m.db.Latest(r.Context(), now.Add(-366*24*time.Hour))
	if err != nil {
		return nil, err
	}
	out := all[:0]
	for _, a := range all {
		if a.MsgType != "Cancel" && a.Expires().After(now) {
			out = append(out, a)
		}
	}
	return out, nil
}

// feed serves the Atom feed of the current alerts, each entry linking its
// latest CAP document.
func (m *manager) feed(w http.ResponseWriter, r *http.Request) error {
	st := server.StateFrom(r.Context())
	live, err := m.live(r)
	if err != nil {
		return err
	}
	base := baseOf(st)
	f := &cap.Feed{ID: base + "/alerts.atom", Title: "Ostrzeżenia — " + senderName(st), Updated: cap.Time{Time: time.Unix(0, 0)},
		Author: cap.AtomPerson{Name: senderName(st), URI: base},
		Links:  []cap.AtomLink{{Rel: "self", Type: cap.AtomType, Href: base + "/alerts.atom"}}}
	for _, a := range live {
		if a.Sent.After(f.Updated.Time) {
			f.Updated = cap.Time{Time: a.Sent}
		}
		first := a.Sent
		if len(a.Refs) > 0 {
			first = a.Refs[0]
		}
		e := cap.Entry{ID: fmt.Sprintf("%s/alerts/%d", base, a.ID), Title: a.Draft.Headline, Updated: cap.Time{Time: a.Sent},
			Published: cap.NewTime(first), Summary: &cap.AtomText{Type: "text", Text: a.Area.Desc + ": " + a.Draft.Event},
			Links: []cap.AtomLink{{Rel: "alternate", Type: cap.MediaType, Href: docURL(base, a.ID, a.Rev)}}}
		for _, c := range a.Draft.Category {
			e.Categories = append(e.Categories, cap.AtomCategory{Term: c})
		}
		f.Entries = append(f.Entries, e)
	}
	if len(live) == 0 {
		f.Updated = cap.Time{Time: m.now().Truncate(time.Hour)}
	}
	b, err := cap.MarshalFeed(f)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", cap.AtomType+"; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	_, err = w.Write(b)
	return err
}

// current lists the current alerts as GeoJSON (WGS84) for the viewer's
// banner: public fields only.
func (m *manager) current(w http.ResponseWriter, r *http.Request) error {
	live, err := m.live(r)
	if err != nil {
		return err
	}
	base := baseOf(server.StateFrom(r.Context()))
	feats := []any{}
	for _, a := range live {
		feats = append(feats, map[string]any{"type": "Feature", "id": a.ID, "geometry": geoJSON(a.Area.Geom),
			"properties": map[string]any{"headline": a.Draft.Headline, "event": a.Draft.Event, "severity": a.Draft.Severity,
				"urgency": a.Draft.Urgency, "area": a.Area.Desc, "expires": cap.Format(a.Expires()),
				"cap": docURL(base, a.ID, a.Rev)}})
	}
	return server.WritePrivateJSON(w, http.StatusOK, map[string]any{"type": "FeatureCollection", "features": feats})
}

// geoJSON is a GeoJSON MultiPolygon (WGS84 lon,lat, 6 decimals) of an area.
func geoJSON(mp orb.MultiPolygon) map[string]any {
	coords := make([][][][2]float64, len(mp))
	for i, p := range mp {
		coords[i] = make([][][2]float64, len(p))
		for j, ring := range p {
			out := make([][2]float64, len(ring))
			for k, q := range ring {
				w := toWGS84.Apply(q).(orb.Point)
				out[k] = [2]float64{round6(w[0]), round6(w[1])}
			}
			coords[i][j] = out
		}
	}
	return map[string]any{"type": "MultiPolygon", "coordinates": coords}
}

func round6(v float64) float64 {
	f, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', 6, 64), 64)
	return f
}
