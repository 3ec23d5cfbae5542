package alerts

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/sip-core/sip/alerts/cap"
	"github.com/sip-core/sip/server"
)

// Text is the wording of an alert in one language.
type Text struct {
	Event       string `json:"event"`
	Headline    string `json:"headline,omitempty"`
	Description string `json:"description,omitempty"`
	Instruction string `json:"instruction,omitempty"`
}

// AreaSpec is how staff give an alert's area: exactly one of a drawn
// geometry (a polygon; a point with radius_m, a circle; a line with
// buffer_m, a pipe section), a list of gminy (id_jednostki, TERC or name),
// of obręby (id_obrebu) or of streets ("Łask, ul. Kościuszki").
type AreaSpec struct {
	Description string    `json:"description,omitempty"`
	Geometry    *Geometry `json:"geometry,omitempty"` // WGS84 lon,lat
	RadiusM     float64   `json:"radius_m,omitempty"`
	BufferM     float64   `json:"buffer_m,omitempty"`
	Gminy       []string  `json:"gminy,omitempty"`
	Obreby      []string  `json:"obreby,omitempty"`
	Streets     []string  `json:"streets,omitempty"`
}

// Draft is what staff send to preview, publish or update an alert.
type Draft struct {
	Status       string      `json:"status,omitempty"` // Actual (default), Exercise, Test
	Category     []string    `json:"category"`
	Urgency      string      `json:"urgency"`
	Severity     string      `json:"severity"`
	Certainty    string      `json:"certainty"`
	ResponseType []string    `json:"response_type,omitempty"`
	Effective    string      `json:"effective,omitempty"`
	Onset        string      `json:"onset,omitempty"`
	Expires      string      `json:"expires"`
	Text         `json:"pl"` // Polish, required
	English      *Text       `json:"en,omitempty"`
	Area         AreaSpec    `json:"area"`
	Note         string      `json:"note,omitempty"` // the reason of an update or cancel
	times        [3]time.Time
}

// maxDraft bounds a draft's body (a drawn polygon of a few thousand points).
const maxDraft = 1 << 20

func badRequest(format string, args ...any) *server.Error {
	return server.Errorf(400, format, args...)
}

// parseDraft reads and checks a draft.
func parseDraft(r io.Reader, now time.Time) (*Draft, error) {
	var d Draft
	dec := json.NewDecoder(io.LimitReader(r, maxDraft+1))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		return nil, badRequest("the alert is not valid JSON: %v", err)
	}
	return &d, d.check(now)
}

func oneOf(field, v string, allowed []string) error {
	if !slices.Contains(allowed, v) {
		return badRequest("%s %q: one of %s", field, v, strings.Join(allowed, ", "))
	}
	return nil
}

func (d *Draft) check(now time.Time) error {
	if d.Status == "" {
		d.Status = "Actual"
	}
	if err := oneOf("status", d.Status, []string{"Actual", "Exercise", "Test"}); err != nil {
		return err
	}
	if len(d.Category) == 0 {
		return badRequest("category: at least one of %s", strings.Join(cap.Categories, ", "))
	}
	for _, c := range d.Category {
		if err := oneOf("category", c, cap.Categories); err != nil {
			return err
		}
	}
	for _, c := range d.ResponseType {
		if err := oneOf("response_type", c, cap.Responses); err != nil {
			return err
		}
	}
	for _, f := range []struct {
		name, v string
		in      []string
	}{{"urgency", d.Urgency, cap.Urgencies}, {"severity", d.Severity, cap.Severities}, {"certainty", d.Certainty, cap.Certainties}} {
		if err := oneOf(f.name, f.v, f.in); err != nil {
			return err
		}
	}
	if strings.TrimSpace(d.Event) == "" || strings.TrimSpace(d.Headline) == "" {
		return badRequest("pl.event and pl.headline are required")
	}
	if d.English != nil && strings.TrimSpace(d.English.Event) == "" {
		return badRequest("en.event is required with an English text")
	}
	for i, s := range []string{d.Effective, d.Onset, d.Expires} {
		if s == "" {
			continue
		}
		t, err := cap.ParseTime(s)
		if err != nil {
			return badRequest("%s: %v", [3]string{"effective", "onset", "expires"}[i], err)
		}
		d.times[i] = t
	}
	if d.times[2].IsZero() {
		return badRequest("expires is required: an alert leaves the feed when it expires")
	}
	if !d.times[2].After(now) {
		return badRequest("expires %s is not in the future", d.Expires)
	}
	return nil
}

// Alert is one revision of an alert as stored: the draft, the area it
// resolved to and the CAP message's header.
type Alert struct {
	ID      int64     `json:"id"`
	Rev     int       `json:"rev"`
	MsgType string    `json:"msg_type"` // Alert, Update, Cancel
	Sent    time.Time `json:"sent"`
	Author  string    `json:"author"`
	Draft   *Draft    `json:"draft"`
	Area    *Area     `json:"area"`
	// Refs are the earlier revisions' sent times (references).
	Refs []time.Time `json:"refs,omitempty"`
}

// Expires is when the alert leaves the feed and the layer.
func (a *Alert) Expires() time.Time { return a.Draft.times[2] }

// Identifier is the CAP identifier of a revision.
func Identifier(prefix string, id int64, rev int) string {
	return fmt.Sprintf("%s.%d.%d", prefix, id, rev)
}
