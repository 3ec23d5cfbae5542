package open311

import (
	"errors"
	"fmt"
	"io"
	"math"
	"mime"
	"mime/multipart"
	"net/http"
	"net/mail"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sip-core/sip/config"
)

// submission is a parsed POST requests: what the client sent, checked.
type submission struct {
	Jurisdiction string
	APIKey       string
	Service      string
	HasLatLong   bool
	Lat, Long    float64
	AddressText  string
	AddressID    string
	Description  string
	MediaURL     string
	Photo        []byte // an uploaded photo (multipart "media"), not yet re-encoded
	Attributes   map[string][]string
	Contact      Contact
}

var (
	attrKeyRE = regexp.MustCompile(`^attribute\[([^\[\]]{1,64})\](\[\])?$`)
	phoneRE   = regexp.MustCompile(`^\+?[0-9 ()\-]{3,32}$`)
)

// maxFields bounds the form fields one request may send.
const maxFields = 200

// parseSubmission reads a POST requests body: form-encoded, or multipart
// with an optional photo part "media" (at most maxPhoto bytes).
func parseSubmission(r *http.Request, maxPhoto int64) (*submission, error) {
	vals, photo, err := readForm(r, maxPhoto)
	if err != nil {
		return nil, err
	}
	if len(vals) > maxFields {
		return nil, apiError(http.StatusBadRequest, "too many parameters (at most %d)", maxFields)
	}
	one := func(k string) string { return strings.TrimSpace(vals.Get(k)) }
	s := &submission{Jurisdiction: one("jurisdiction_id"), APIKey: one("api_key"), Service: one("service_code"),
		AddressText: one("address_string"), AddressID: one("address_id"), Description: strings.TrimSpace(vals.Get("description")),
		MediaURL: one("media_url"), Photo: photo, Attributes: map[string][]string{}}
	s.Contact = Contact{Email: one("email"), Phone: one("phone"), FirstName: one("first_name"), LastName: one("last_name"),
		DeviceID: one("device_id"), AccountID: one("account_id")}
	if s.Service == "" {
		return nil, apiError(http.StatusBadRequest, "service_code is required")
	}
	if la, lo := one("lat"), one("long"); la != "" || lo != "" {
		if s.Lat, s.Long, err = parseLatLong(la, lo); err != nil {
			return nil, err
		}
		s.HasLatLong = true
	}
	if !s.HasLatLong && s.AddressText == "" && s.AddressID == "" {
		return nil, apiError(http.StatusBadRequest, "a location is required: lat and long, address_string or address_id")
	}
	if err := checkLengths(s); err != nil {
		return nil, err
	}
	for k, vs := range vals {
		m := attrKeyRE.FindStringSubmatch(k)
		if m == nil {
			if strings.HasPrefix(k, "attribute") {
				return nil, apiError(http.StatusBadRequest, "malformed attribute parameter %.80q (attribute[code] or attribute[code][])", k)
			}
			continue
		}
		for _, v := range vs {
			if v = strings.TrimSpace(v); v != "" {
				s.Attributes[m[1]] = append(s.Attributes[m[1]], v)
			}
		}
	}
	return s, nil
}

func readForm(r *http.Request, maxPhoto int64) (url.Values, []byte, error) {
	ct, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if ct != "multipart/form-data" {
		if err := r.ParseForm(); err != nil {
			return nil, nil, bodyError(err)
		}
		return r.PostForm, nil, nil
	}
	mr := multipart.NewReader(r.Body, params["boundary"])
	vals := url.Values{}
	var photo []byte
	for n := 0; ; n++ {
		p, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil || n > maxFields {
			return nil, nil, bodyError(fmt.Errorf("multipart body: %v", err))
		}
		name := p.FormName()
		if name == "media" && p.FileName() != "" {
			b, err := io.ReadAll(io.LimitReader(p, maxPhoto+1))
			if err != nil {
				return nil, nil, bodyError(err)
			}
			if int64(len(b)) > maxPhoto {
				return nil, nil, apiError(http.StatusRequestEntityTooLarge, "the photo is larger than %d bytes", maxPhoto)
			}
			photo = b
			continue
		}
		b, err := io.ReadAll(io.LimitReader(p, 64<<10))
		if err != nil {
			return nil, nil, bodyError(err)
		}
		vals.Add(name, string(b))
	}
	return vals, photo, nil
}

// bodyError keeps an oversized body a 413, anything else a 400.
func bodyError(err error) error {
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		return apiError(http.StatusRequestEntityTooLarge, "request body larger than %d bytes", mb.Limit)
	}
	return apiError(http.StatusBadRequest, "unreadable request body: %v", err)
}

func parseLatLong(la, lo string) (float64, float64, error) {
	lat, err1 := strconv.ParseFloat(la, 64)
	lon, err2 := strconv.ParseFloat(lo, 64)
	if err1 != nil || err2 != nil || math.IsNaN(lat) || math.IsNaN(lon) || math.Abs(lat) > 90 || math.Abs(lon) > 180 {
		return 0, 0, apiError(http.StatusBadRequest, "lat and long must be WGS84 decimal degrees (lat %.40q, long %.40q)", la, lo)
	}
	return lat, lon, nil
}

func checkLengths(s *submission) error {
	for _, f := range []struct {
		name, v string
		max     int
	}{{"description", s.Description, 4000}, {"address_string", s.AddressText, 500}, {"address_id", s.AddressID, 200},
		{"first_name", s.Contact.FirstName, 100}, {"last_name", s.Contact.LastName, 100}, {"device_id", s.Contact.DeviceID, 200},
		{"account_id", s.Contact.AccountID, 200}, {"email", s.Contact.Email, 254}, {"media_url", s.MediaURL, 2000},
		{"jurisdiction_id", s.Jurisdiction, 100}, {"service_code", s.Service, 100}} {
		if !utf8.ValidString(f.v) {
			return apiError(http.StatusBadRequest, "%s is not valid UTF-8", f.name)
		}
		if utf8.RuneCountInString(f.v) > f.max {
			return apiError(http.StatusBadRequest, "%s is longer than %d characters", f.name, f.max)
		}
	}
	if s.Contact.Email != "" {
		if a, err := mail.ParseAddress(s.Contact.Email); err != nil || a.Address != s.Contact.Email {
			return apiError(http.StatusBadRequest, "email is not an e-mail address")
		}
	}
	if s.Contact.Phone != "" && !phoneRE.MatchString(s.Contact.Phone) {
		return apiError(http.StatusBadRequest, "phone is not a telephone number")
	}
	if s.MediaURL != "" {
		u, err := url.Parse(s.MediaURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return apiError(http.StatusBadRequest, "media_url must be an http or https URL")
		}
	}
	return nil
}

// checkAttributes validates attribute values against a service definition:
// known codes, every required one present, values of their datatype and, for
// lists, among the keys (one for a singlevaluelist).
func checkAttributes(svc *config.ReportService, got map[string][]string) error {
	defs := map[string]config.ReportAttribute{}
	for _, a := range svc.Attributes {
		defs[a.Code] = a
	}
	var codes []string
	for c := range got {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	for _, c := range codes {
		a, ok := defs[c]
		if !ok || !attributeVariable(a) {
			return apiError(http.StatusBadRequest, "attribute[%.64s] is not an attribute of service %s", c, svc.Code)
		}
		if err := checkValue(a, got[c]); err != nil {
			return err
		}
	}
	for _, a := range svc.Attributes {
		if a.Required && attributeVariable(a) && len(got[a.Code]) == 0 {
			return apiError(http.StatusBadRequest, "attribute[%s] is required for service %s (%s)", a.Code, svc.Code, a.Description)
		}
	}
	return nil
}

func checkValue(a config.ReportAttribute, vs []string) error {
	if a.Datatype != "multivaluelist" && len(vs) > 1 {
		return apiError(http.StatusBadRequest, "attribute[%s] takes one value", a.Code)
	}
	for _, v := range vs {
		if utf8.RuneCountInString(v) > 4000 || !utf8.ValidString(v) {
			return apiError(http.StatusBadRequest, "attribute[%s] is too long or not UTF-8", a.Code)
		}
		switch a.Datatype {
		case "string":
			if utf8.RuneCountInString(v) > 250 {
				return apiError(http.StatusBadRequest, "attribute[%s] is a string of at most 250 characters (text takes more)", a.Code)
			}
		case "number":
			if f, err := strconv.ParseFloat(v, 64); err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
				return apiError(http.StatusBadRequest, "attribute[%s] must be a number, not %.40q", a.Code, v)
			}
		case "datetime":
			if _, err := parseTime(v); err != nil {
				return apiError(http.StatusBadRequest, "attribute[%s] must be an ISO 8601 date and time, not %.40q", a.Code, v)
			}
		case "singlevaluelist", "multivaluelist":
			ok := false
			for _, kv := range a.Values {
				ok = ok || kv.Key == v
			}
			if !ok {
				return apiError(http.StatusBadRequest, "attribute[%s]: %.40q is not one of its values", a.Code, v)
			}
		}
	}
	return nil
}

// parseTime reads ISO 8601 as clients write it: with an offset or Z, or a date.
func parseTime(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04Z07:00", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	if t, err := time.ParseInLocation("2006-01-02T15:04:05", s, warsaw); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("not an ISO 8601 time: %q", s)
}

// query is a parsed GET requests.
type query struct {
	Jurisdiction string
	Extensions   bool
	Filter       Filter
}

// maxSpan is the longest start_date..end_date range (the spec's 90 days).
const maxSpan = 90 * 24 * time.Hour

// parseQuery reads the filters of GET requests: service_request_id (a comma
// list, overriding the rest), service_code, start_date, end_date (at most 90
// days apart; default the last 90 days), status (open, closed, or with
// extensions the detailed states), page and page_size (1000 at most).
func parseQuery(q url.Values, now time.Time) (*query, error) {
	out := &query{Jurisdiction: strings.TrimSpace(q.Get("jurisdiction_id")), Extensions: q.Get("extensions") == "true" || q.Get("extensions") == "1"}
	f := &out.Filter
	if ids := strings.TrimSpace(q.Get("service_request_id")); ids != "" {
		f.IDs = splitList(ids)
		if len(f.IDs) > 1000 {
			return nil, apiError(http.StatusBadRequest, "at most 1000 service_request_id values")
		}
	}
	if v := q.Get("service_code"); v != "" {
		f.Services = splitList(v)
	}
	var err error
	if v := q.Get("start_date"); v != "" {
		if f.Start, err = parseTime(v); err != nil {
			return nil, apiError(http.StatusBadRequest, "start_date: %v", err)
		}
	}
	if v := q.Get("end_date"); v != "" {
		if f.End, err = parseTime(v); err != nil {
			return nil, apiError(http.StatusBadRequest, "end_date: %v", err)
		}
	}
	switch {
	case f.Start.IsZero() && f.End.IsZero():
		f.Start = now.Add(-maxSpan)
	case f.Start.IsZero():
		f.Start = f.End.Add(-maxSpan)
	case f.End.IsZero():
		f.End = f.Start.Add(maxSpan)
	}
	if !f.End.IsZero() && (f.End.Before(f.Start) || f.End.Sub(f.Start) > maxSpan) {
		return nil, apiError(http.StatusBadRequest, "end_date must be after start_date and at most 90 days from it")
	}
	for _, st := range splitList(q.Get("status")) {
		switch {
		case st == "open":
			f.States = append(f.States, StateNew, StateAcked, StateInProgress)
		case st == "closed":
			f.States = append(f.States, StateResolved, StateRejected, StateReferred, StateDuplicate)
		case openStates[st] || closedStates[st]:
			f.States = append(f.States, st)
		default:
			return nil, apiError(http.StatusBadRequest, "status %.40q is not open or closed", st)
		}
	}
	page, size := 1, 1000
	if v := q.Get("page"); v != "" {
		if page, err = strconv.Atoi(v); err != nil || page < 1 || page > 1000000 {
			return nil, apiError(http.StatusBadRequest, "page must be a positive number")
		}
	}
	if v := q.Get("page_size"); v != "" {
		if size, err = strconv.Atoi(v); err != nil || size < 1 || size > 1000 {
			return nil, apiError(http.StatusBadRequest, "page_size must be between 1 and 1000")
		}
	}
	f.Limit, f.Offset = size, (page-1)*size
	return out, nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
