package cap

import (
	"encoding/xml"
	"time"
)

// AtomNamespace is the Atom syndication format's (RFC 4287).
const AtomNamespace = "http://www.w3.org/2005/Atom"

// AtomType is the media type of an Atom feed.
const AtomType = "application/atom+xml"

// Feed is an Atom feed of current alerts: one entry per alert, linking its
// latest CAP message (what alert aggregators read).
type Feed struct {
	XMLName xml.Name   `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string     `xml:"id"`
	Title   string     `xml:"title"`
	Updated Time       `xml:"updated"`
	Author  AtomPerson `xml:"author"`
	Links   []AtomLink `xml:"link"`
	Entries []Entry    `xml:"entry"`
}

// AtomPerson is an author.
type AtomPerson struct {
	Name string `xml:"name"`
	URI  string `xml:"uri,omitempty"`
}

// AtomLink is a link element.
type AtomLink struct {
	Rel      string `xml:"rel,attr,omitempty"`
	Type     string `xml:"type,attr,omitempty"`
	Href     string `xml:"href,attr"`
	HrefLang string `xml:"hreflang,attr,omitempty"`
	Title    string `xml:"title,attr,omitempty"`
}

// AtomCategory is a category element.
type AtomCategory struct {
	Term string `xml:"term,attr"`
}

// AtomText is a text construct.
type AtomText struct {
	Type string `xml:"type,attr,omitempty"`
	Text string `xml:",chardata"`
}

// Entry is one alert in the feed.
type Entry struct {
	ID         string         `xml:"id"`
	Title      string         `xml:"title"`
	Updated    Time           `xml:"updated"`
	Published  *Time          `xml:"published,omitempty"`
	Author     *AtomPerson    `xml:"author,omitempty"`
	Summary    *AtomText      `xml:"summary,omitempty"`
	Categories []AtomCategory `xml:"category,omitempty"`
	Links      []AtomLink     `xml:"link"`
}

// NewTime is a Time of t (for the optional fields).
func NewTime(t time.Time) *Time { return &Time{t} }

// MarshalFeed writes the feed with its XML declaration.
func MarshalFeed(f *Feed) ([]byte, error) { return marshal(f) }
