// Package cap writes Common Alerting Protocol 1.2 documents (OASIS, also
// ITU-T X.1303) and the Atom feed that lists them. It knows the standard's
// rules that its schema does not check by itself: identifiers and senders
// without spaces, commas, '<' or '&'; times with their offset, never "Z";
// polygons as closed rings of at least four WGS84 "lat,lon" pairs; circles as
// "lat,lon radius_km"; references as "sender,identifier,sent" triples.
// docs/alerts.md says what SIP puts in each field.
package cap

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // Europe/Warsaw on hosts without zoneinfo
)

// Namespace of CAP 1.2.
const Namespace = "urn:oasis:names:tc:emergency:cap:1.2"

// MediaType of a CAP document.
const MediaType = "application/cap+xml"

// Message types.
const (
	MsgAlert  = "Alert"
	MsgUpdate = "Update"
	MsgCancel = "Cancel"
)

// Enumerations of the schema.
var (
	Statuses     = []string{"Actual", "Exercise", "System", "Test", "Draft"}
	Categories   = []string{"Geo", "Met", "Safety", "Security", "Rescue", "Fire", "Health", "Env", "Transport", "Infra", "CBRNE", "Other"}
	Urgencies    = []string{"Immediate", "Expected", "Future", "Past", "Unknown"}
	Severities   = []string{"Extreme", "Severe", "Moderate", "Minor", "Unknown"}
	Certainties  = []string{"Observed", "Likely", "Possible", "Unlikely", "Unknown"}
	Responses    = []string{"Shelter", "Evacuate", "Prepare", "Execute", "Avoid", "Monitor", "Assess", "AllClear", "None"}
	warsaw, _    = time.LoadLocation("Europe/Warsaw")
	errNoZone    = errors.New("cap: Europe/Warsaw time zone missing")
	errBadIdChar = errors.New("must not hold spaces, commas, '<' or '&'")
)

// Time is a CAP time: seconds, with the offset of Europe/Warsaw (CAP forbids
// "Z"; UTC would be written -00:00).
type Time struct{ time.Time }

// Format writes t as CAP wants it, in Europe/Warsaw local time.
func Format(t time.Time) string {
	if warsaw != nil {
		t = t.In(warsaw)
	}
	return t.Format("2006-01-02T15:04:05-07:00")
}

// MarshalText implements encoding.TextMarshaler.
func (t Time) MarshalText() ([]byte, error) {
	if warsaw == nil {
		return nil, errNoZone
	}
	return []byte(Format(t.Time)), nil
}

// ParseTime reads a CAP time (or RFC 3339 with "Z", as clients send it).
func ParseTime(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339, strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a date and time with an offset (2025-03-01T07:30:00+01:00)", s)
	}
	return t.Truncate(time.Second), nil
}

// Alert is the alert element.
type Alert struct {
	XMLName    xml.Name `xml:"urn:oasis:names:tc:emergency:cap:1.2 alert"`
	Identifier string   `xml:"identifier"`
	Sender     string   `xml:"sender"`
	Sent       Time     `xml:"sent"`
	Status     string   `xml:"status"`
	MsgType    string   `xml:"msgType"`
	Source     string   `xml:"source,omitempty"`
	Scope      string   `xml:"scope"`
	Note       string   `xml:"note,omitempty"`
	References string   `xml:"references,omitempty"`
	Incidents  string   `xml:"incidents,omitempty"`
	Info       []Info   `xml:"info"`
}

// Info is one info block (one per language).
type Info struct {
	Language     string   `xml:"language,omitempty"`
	Category     []string `xml:"category"`
	Event        string   `xml:"event"`
	ResponseType []string `xml:"responseType,omitempty"`
	Urgency      string   `xml:"urgency"`
	Severity     string   `xml:"severity"`
	Certainty    string   `xml:"certainty"`
	EventCode    []Value  `xml:"eventCode,omitempty"`
	Effective    *Time    `xml:"effective,omitempty"`
	Onset        *Time    `xml:"onset,omitempty"`
	Expires      *Time    `xml:"expires,omitempty"`
	SenderName   string   `xml:"senderName,omitempty"`
	Headline     string   `xml:"headline,omitempty"`
	Description  string   `xml:"description,omitempty"`
	Instruction  string   `xml:"instruction,omitempty"`
	Web          string   `xml:"web,omitempty"`
	Contact      string   `xml:"contact,omitempty"`
	Parameter    []Value  `xml:"parameter,omitempty"`
	Area         []Area   `xml:"area,omitempty"`
}

// Area is one area block.
type Area struct {
	AreaDesc string   `xml:"areaDesc"`
	Polygon  []string `xml:"polygon,omitempty"`
	Circle   []string `xml:"circle,omitempty"`
	Geocode  []Value  `xml:"geocode,omitempty"`
}

// Value is a valueName/value pair (geocode, parameter, eventCode).
type Value struct {
	ValueName string `xml:"valueName"`
	Value     string `xml:"value"`
}

// Ref names an earlier message, for references.
type Ref struct {
	Sender, Identifier string
	Sent               time.Time
}

// References formats the references of an Update or Cancel: the earlier
// messages as "sender,identifier,sent" triples separated by spaces.
func References(refs ...Ref) string {
	parts := make([]string, len(refs))
	for i, r := range refs {
		parts[i] = r.Sender + "," + r.Identifier + "," + Format(r.Sent)
	}
	return strings.Join(parts, " ")
}

// CheckID checks an identifier or sender.
func CheckID(what, s string) error {
	if s == "" {
		return fmt.Errorf("cap: %s is empty", what)
	}
	if strings.ContainsAny(s, " \t\r\n,<&") {
		return fmt.Errorf("cap: %s %q %w", what, s, errBadIdChar)
	}
	return nil
}

// LatLon is a WGS84 position.
type LatLon struct{ Lat, Lon float64 }

// coord writes a coordinate with 6 decimals (11 cm), without trailing zeros.
func coord(v float64) string {
	s := strconv.FormatFloat(v, 'f', 6, 64)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// Polygon formats a closed ring as CAP wants it: "lat,lon" pairs separated
// by spaces, the first pair repeated last. A ring given open is closed;
// consecutive pairs that print the same are written once. It refuses rings
// of fewer than three distinct positions.
func Polygon(ring []LatLon) (string, error) {
	var pairs []string
	for _, p := range ring {
		if math.IsNaN(p.Lat) || math.IsNaN(p.Lon) || p.Lat < -90 || p.Lat > 90 || p.Lon < -180 || p.Lon > 180 {
			return "", fmt.Errorf("cap: position %v is not WGS84 latitude and longitude", p)
		}
		s := coord(p.Lat) + "," + coord(p.Lon)
		if len(pairs) == 0 || pairs[len(pairs)-1] != s {
			pairs = append(pairs, s)
		}
	}
	if len(pairs) > 1 && pairs[0] == pairs[len(pairs)-1] {
		pairs = pairs[:len(pairs)-1]
	}
	if len(pairs) < 3 {
		return "", errors.New("cap: a polygon needs at least three distinct positions")
	}
	return strings.Join(append(pairs, pairs[0]), " "), nil
}

// Circle formats a circle: "lat,lon radius" with the radius in kilometres.
func Circle(c LatLon, radiusKm float64) (string, error) {
	if !(radiusKm > 0) || math.IsInf(radiusKm, 0) {
		return "", errors.New("cap: a circle needs a positive radius")
	}
	r := strconv.FormatFloat(radiusKm, 'f', 3, 64)
	return coord(c.Lat) + "," + coord(c.Lon) + " " + r, nil
}

// Marshal writes the document with its XML declaration, indented.
func Marshal(a *Alert) ([]byte, error) {
	if err := CheckID("identifier", a.Identifier); err != nil {
		return nil, err
	}
	if err := CheckID("sender", a.Sender); err != nil {
		return nil, err
	}
	if (a.MsgType == MsgUpdate || a.MsgType == MsgCancel) && a.References == "" {
		return nil, fmt.Errorf("cap: an %s names the messages it refers to (references)", a.MsgType)
	}
	return marshal(a)
}

// marshal writes v with the XML declaration, indented.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}
