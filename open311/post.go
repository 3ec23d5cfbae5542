package open311

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/geo"
	"github.com/sip-core/sip/open311/routing"
	"github.com/sip-core/sip/server"
)

var (
	toPL92, _ = geo.NewTransform(geo.CRS84, geo.CRS2180)
	fromPL92  = toPL92.Inverse()
)

// location is where a report is, resolved from lat/long or an address.
type location struct {
	P         orb.Point // EPSG:2180
	Lat, Long float64
	Address   string
	AddressID string
}

// locate resolves a submission's location: lat/long as given (WGS84 →
// EPSG:2180), else address_id (a parcel or building id), else address_string
// (a property address of the county's register).
func (m *manager) locate(ctx context.Context, cat *catalogue, s *submission) (*location, error) {
	loc := &location{AddressID: s.AddressID}
	switch {
	case s.HasLatLong:
		x, y := toPL92.Point(s.Long, s.Lat)
		loc.P, loc.Lat, loc.Long = orb.Point{x, y}, s.Lat, s.Long
		loc.Address = s.AddressText
		return loc, nil
	case s.AddressID != "":
		p, label, ok, err := byID(ctx, cat.areas, s.AddressID)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, apiError(http.StatusBadRequest, "address_id %.64q is neither a parcel (id_dzialki) nor a building (id_budynku) of %s", s.AddressID, cat.areas.Name)
		}
		loc.P, loc.Address = p, label
	default:
		p, label, ok, err := m.addresses.lookup(ctx, cat.areas, s.AddressText)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, apiError(http.StatusBadRequest, "address_string %.100q is not a property address of %s: send lat and long", s.AddressText, cat.areas.Name)
		}
		loc.P, loc.Address = p, label
	}
	loc.Long, loc.Lat = fromPL92.Point(loc.P[0], loc.P[1])
	return loc, nil
}

// post handles POST requests: parse, authorise, locate, route, keep the
// photo's pixels only, store durably with the delivery messages, answer.
func (m *manager) post(w http.ResponseWriter, r *http.Request) error {
	st := server.StateFrom(r.Context())
	o := st.Config.Open311
	if wait, ok := m.limiter.Allow(o.RateLimit, server.ClientIP(r, st.Config.Limits.RateLimit.TrustProxy), time.Now()); !ok {
		return &server.Error{Status: http.StatusTooManyRequests, Detail: "too many reports from this client; retry later", RetryAfter: wait}
	}
	s, err := parseSubmission(r, int64(o.MaxPhoto))
	if err != nil {
		return err
	}
	if p, present := keyHolder(r, s.APIKey); (present && p == nil) || (o.RequireKey && !present) {
		return apiError(http.StatusForbidden, "invalid or missing api_key")
	}
	cat, err := m.catalogue(r)
	if err != nil {
		return err
	}
	jur, err := checkJurisdiction(cat, s.Jurisdiction, true)
	if err != nil {
		return err
	}
	svc, ok := cat.byCode[s.Service]
	if !ok {
		return apiError(http.StatusBadRequest, "unknown service_code %.64q: GET %s/services.xml lists them", s.Service, Prefix)
	}
	if err := checkAttributes(svc, s.Attributes); err != nil {
		return err
	}
	loc, err := m.locate(r.Context(), cat, s)
	if err != nil {
		return err
	}
	var photo *Media
	if s.Photo != nil {
		if photo, err = reencode(s.Photo); err != nil {
			return apiError(http.StatusBadRequest, "media: %v", err)
		}
	}
	d := cat.model.Decide(loc.P, svc.Code)
	req := m.newRequest(r.Context(), cat, jur, svc, s, loc, d)
	if err := m.db.Create(r.Context(), req, &s.Contact, photo); err != nil {
		return err
	}
	m.accepted.With(svc.Code, fmt.Sprint(req.Hosted)).Inc()
	// The request is safe on disk; the background loop enqueues its messages
	// (batched with others) and writes the staff layer.
	m.kick()
	m.log.Info("open311: request accepted", "request", req.ID, "service", svc.Code, "agency", req.AgencyCode, "flagged", d.Flagged)
	w.Header().Set("Location", server.BaseURL(r)+Prefix+"/requests/"+req.ID+"."+formatOf(r))
	var account any
	if s.Contact.AccountID != "" {
		account = s.Contact.AccountID // to this client only: it sent it
	}
	write(w, http.StatusCreated, formatOf(r), "service_requests", list{item: "request", elems: []any{
		obj{{"service_request_id", req.ID}, {"token", req.Token}, {"service_notice", req.Notice}, {"account_id", account}}}})
	return nil
}

// newRequest makes the request record of a routed submission.
func (m *manager) newRequest(ctx context.Context, cat *catalogue, jur config.Jurisdiction, svc *config.ReportService, s *submission, loc *location, d routing.Decision) *Request {
	now := time.Now().UTC().Truncate(time.Millisecond)
	req := &Request{Jurisdiction: jur.ID, ServiceCode: svc.Code, ServiceName: svc.Name, Description: s.Description,
		Agency: d.Target.Name, AgencyCode: d.Target.Code, Hosted: d.Target.Hosted, Requested: now, Updated: now,
		Address: loc.Address, AddressID: loc.AddressID, Lat: loc.Lat, Long: loc.Long, X: loc.P[0], Y: loc.P[1],
		MediaURL: s.MediaURL, Attributes: s.Attributes, Decision: d}
	if j := cat.jurisdictionOf(d.Gmina); j != "" && d.Gmina != "" {
		req.Jurisdiction = j
	}
	if req.Address == "" {
		req.Address = describe(ctx, cat.areas, loc.P, strings.TrimSpace(d.ObrebName+" "+d.Obreb))
	}
	req.State, req.Notice = StateNew, notice(d)
	if !d.Target.Hosted {
		// Not ours: kept (the resident can follow it) and closed at once,
		// naming who is responsible.
		req.State, req.Closed = StateReferred, now
		req.StatusNotes = req.Notice
	}
	return req
}

// notice is the service_notice of a decision, in Polish.
func notice(d routing.Decision) string {
	var b strings.Builder
	if d.Target.Hosted {
		fmt.Fprintf(&b, "Zgłoszenie trafi do: %s.", d.Target.Name)
	} else {
		fmt.Fprintf(&b, "Ta sprawa nie należy do jednostek obsługiwanych przez ten system. Właściwy jest: %s", d.Target.Name)
		if d.Target.Contact != "" {
			fmt.Fprintf(&b, " (%s)", d.Target.Contact)
		}
		b.WriteString(".")
	}
	if d.Asset != nil {
		fmt.Fprintf(&b, " Miejsce leży przy: %s (%s, %.0f m).", d.Asset.Label, d.Asset.Value, d.Asset.Distance)
	}
	for _, a := range d.Alternatives {
		fmt.Fprintf(&b, " Uwaga, sprawdź lokalizację: w odległości %.0f m (%s) właściwy byłby: %s.", a.Distance, a.Why, a.Target.Name)
	}
	return b.String()
}

// preview answers GET routing.{format}?lat&long&service_code (an extension
// the viewer uses to show who will receive a report before it is sent).
func (m *manager) preview(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	lat, long, err := parseLatLong(q.Get("lat"), q.Get("long"))
	if err != nil {
		return err
	}
	cat, err := m.catalogue(r)
	if err != nil {
		return err
	}
	svc, ok := cat.byCode[q.Get("service_code")]
	if !ok {
		return apiError(http.StatusBadRequest, "unknown service_code %.64q", q.Get("service_code"))
	}
	x, y := toPL92.Point(long, lat)
	d := cat.model.Decide(orb.Point{x, y}, svc.Code)
	var alts []any
	for _, a := range d.Alternatives {
		alts = append(alts, obj{{"agency", a.Target.Name}, {"agency_code", a.Target.Code}, {"distance_m", a.Distance}, {"why", a.Why}})
	}
	doc := obj{{"service_code", svc.Code}, {"agency_responsible", d.Target.Name}, {"agency_code", d.Target.Code},
		{"agency_hosted", d.Target.Hosted}, {"agency_contact", d.Target.Contact}, {"flagged", d.Flagged},
		{"jednostka", d.JednostkaName}, {"obreb", d.ObrebName}, {"service_notice", notice(d)}, {"routing_reason", d.Reason},
		{"alternatives", list{item: "alternative", elems: alts}}}
	if d.Asset != nil {
		doc = append(doc, field{"asset", obj{{"label", d.Asset.Label}, {"value", d.Asset.Value}, {"distance_m", d.Asset.Distance}}})
	}
	w.Header().Set("Cache-Control", "no-store")
	write(w, http.StatusOK, formatOf(r), "routing", doc)
	return nil
}

// update handles POST servicerequestupdates (staff, with a key of the editor
// role): service_request_id, status (open, closed or a detailed state) and
// description (the status notes the resident sees).
func (m *manager) update(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return bodyError(err)
	}
	p, _ := keyHolder(r, strings.TrimSpace(r.PostForm.Get("api_key")))
	if p == nil || !p.Has(config.RoleEditor) {
		return apiError(http.StatusForbidden, "a staff api_key (role editor) is required to change a request")
	}
	id := strings.TrimSpace(r.PostForm.Get("service_request_id"))
	state := strings.TrimSpace(r.PostForm.Get("status"))
	switch state {
	case "open":
		state = StateInProgress
	case "closed":
		state = StateResolved
	}
	if !openStates[state] && !closedStates[state] {
		return apiError(http.StatusBadRequest, "status must be open, closed, or one of new, acknowledged, in_progress, resolved, rejected, referred, duplicate")
	}
	text := strings.TrimSpace(r.PostForm.Get("description"))
	if len([]rune(text)) > 4000 {
		return apiError(http.StatusBadRequest, "description is longer than 4000 characters")
	}
	req, err := m.db.SetState(r.Context(), id, state, text, p.Name, time.Now().UTC().Truncate(time.Millisecond))
	if err != nil {
		if err == ErrNotFound {
			return apiError(http.StatusNotFound, "no service request %.64q", id)
		}
		return err
	}
	m.kick()
	m.log.Info("open311: status changed", "request", req.ID, "state", state, "by", p.Name)
	notes, err := m.db.Notes(r.Context(), req.ID)
	if err != nil {
		return err
	}
	write(w, http.StatusOK, formatOf(r), "service_requests", list{item: "request", elems: []any{requestDoc(req, server.BaseURL(r), true, notes)}})
	return nil
}
