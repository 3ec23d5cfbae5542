package alerts

import (
	"bytes"
	"testing"
	"time"
)

// FuzzParseDraft: any body gives a draft or a clear error, never a panic;
// a drawn area either resolves to a non-empty area or is refused, and an
// accepted area can be written as CAP.
func FuzzParseDraft(f *testing.F) {
	f.Add([]byte(`{"category":["Infra"],"urgency":"Immediate","severity":"Moderate","certainty":"Observed","expires":"2099-01-01T00:00:00+01:00","pl":{"event":"E","headline":"H"},"area":{"description":"A","geometry":{"type":"Polygon","coordinates":[[[19.1,51.5],[19.2,51.5],[19.2,51.6],[19.1,51.5]]]}}}`))
	f.Add([]byte(`{"category":["Geo"],"urgency":"Future","severity":"Minor","certainty":"Likely","expires":"2099-01-01T00:00:00Z","pl":{"event":"E","headline":"H"},"area":{"description":"A","geometry":{"type":"Point","coordinates":[19.1,51.5]},"radius_m":300}}`))
	f.Add([]byte(`{"category":["Geo"],"urgency":"Future","severity":"Minor","certainty":"Likely","expires":"2099-01-01T00:00:00Z","pl":{"event":"E","headline":"H"},"area":{"description":"A","geometry":{"type":"LineString","coordinates":[[19.1,51.5],[19.1,51.5]]},"buffer_m":30}}`))
	f.Add([]byte(`{"area":{"geometry":{"type":"MultiPolygon","coordinates":[]}}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		d, err := parseDraft(bytes.NewReader(body), time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
		if err != nil || d.Area.Geometry == nil {
			return
		}
		a := &Area{Desc: "x"}
		if err := a.drawn(&d.Area); err != nil {
			return
		}
		if len(a.Geom) == 0 {
			t.Fatalf("an accepted area covers nothing: %s", body)
		}
		if _, err := a.capArea(100); err != nil && a.Circle != nil {
			t.Fatalf("an accepted circle cannot be written: %v", err)
		}
	})
}
