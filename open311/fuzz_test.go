package open311

import (
	"bytes"
	"github.com/sip-core/sip/open311/open311test"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// The parsers of client input never panic, and what they accept is within
// the limits.

func FuzzParseQuery(f *testing.F) {
	f.Add("service_request_id=1,2,3&status=open,closed&page=2&page_size=10")
	f.Add("start_date=2025-01-01T00:00:00%2B01:00&end_date=2025-02-01&service_code=drogi,inne&extensions=true")
	f.Add("start_date=2025-01-01&end_date=2024-01-01")
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		q, err := parseQuery(v, time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC))
		if err != nil {
			return
		}
		f := q.Filter
		if f.Limit < 1 || f.Limit > 1000 || f.Offset < 0 || len(f.IDs) > 1000 {
			t.Fatalf("accepted %+v", f)
		}
		if f.End.Sub(f.Start) > maxSpan {
			t.Fatalf("a span of %s accepted", f.End.Sub(f.Start))
		}
	})
}

func FuzzParseSubmission(f *testing.F) {
	f.Add("service_code=drogi&lat=51.6&long=19.1&attribute[rodzaj]=ubytek&attribute[x][]=a&email=a@b.pl", "application/x-www-form-urlencoded")
	f.Add("--b\r\nContent-Disposition: form-data; name=\"service_code\"\r\n\r\ninne\r\n--b\r\nContent-Disposition: form-data; name=\"address_string\"\r\n\r\nKościuszki 1\r\n--b--\r\n", "multipart/form-data; boundary=b")
	f.Add("service_code=x&lat=NaN&long=1", "application/x-www-form-urlencoded")
	svc := DefaultServices()[0]
	f.Fuzz(func(t *testing.T, body, ctype string) {
		r, _ := http.NewRequest(http.MethodPost, "/open311/v2/requests.json", strings.NewReader(body))
		r.Header.Set("Content-Type", ctype)
		s, err := parseSubmission(r, 1<<16)
		if err != nil {
			return
		}
		if s.Service == "" || (!s.HasLatLong && s.AddressText == "" && s.AddressID == "") || len([]rune(s.Description)) > 4000 || len(s.Photo) > 1<<16 {
			t.Fatalf("accepted %+v", s)
		}
		_ = checkAttributes(&svc, s.Attributes)
	})
}

func FuzzReencode(f *testing.F) {
	f.Add(open311test.ExifJPEG(f, 16, 12, 8))
	f.Add([]byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;"))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := reencode(b)
		if err != nil {
			return
		}
		if m.Width < 1 || m.Height < 1 || m.Width > maxPhotoSide || m.Height > maxPhotoSide || bytes.Contains(m.Bytes, []byte("Exif")) {
			t.Fatalf("photo %d×%d", m.Width, m.Height)
		}
	})
}
