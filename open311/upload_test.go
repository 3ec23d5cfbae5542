package open311_test

import (
	"bytes"
	"encoding/json"
	"github.com/sip-core/sip/open311/open311test"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func multipartPost(t *testing.T, base string, fields url.Values, photo []byte) (int, string) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, vs := range fields {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	if photo != nil {
		fw, _ := mw.CreateFormFile("media", "IMG_20250301_0730.jpg")
		fw.Write(photo)
	}
	mw.Close()
	resp, err := http.Post(base+"/open311/v2/requests.json", mw.FormDataContentType(), &body)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// A photo posted with a report is kept as pixels only: the stored bytes, and
// what media_url serves, have no EXIF (no GPS position, no camera serial).
func TestPhotoUploadIsStrippedOfMetadata(t *testing.T) {
	s := newSite(t, "  rate_limit: {rate: 100, burst: 100}\n  max_photo: 1MB", "")
	p := s.serve(t)
	c := readCounty(t, s.Dir)
	lat, long := latLong(mustInterior(t, c.jed[0].Geometry))
	src := open311test.ExifJPEG(t, 640, 480, 6)
	code, body := multipartPost(t, p.Base, url.Values{"service_code": {"odpady"}, "lat": {lat}, "long": {long}, "attribute[rodzaj_odpadow][]": {"opony"}}, src)
	if code != 201 {
		t.Fatalf("POST with a photo: %d %s", code, body)
	}
	var cr created
	if err := json.Unmarshal([]byte(body), &cr); err != nil || len(cr) != 1 {
		t.Fatalf("answer %s: %v", body, err)
	}
	id := cr[0].ID
	var docs []reqDoc
	get(t, p.Base, "/open311/v2/requests/"+id+".json", nil, &docs)
	if len(docs) != 1 || !strings.HasSuffix(docs[0].MediaURL, "/open311/v2/media/"+id+".jpg") {
		t.Fatalf("media_url: %+v", docs)
	}
	code, served := get(t, p.Base, strings.TrimPrefix(docs[0].MediaURL, p.Base), nil, nil)
	if code != 200 {
		t.Fatalf("GET media: %d", code)
	}
	stored := open311test.StoredPhoto(t, filepath.Join(s.Dir, "open311.sqlite"), id, 480, 640)
	if !bytes.Equal(stored, []byte(served)) {
		t.Fatal("media_url serves other bytes than those stored")
	}
	// Too large: refused in the spec's format, nothing stored.
	big := append(src, make([]byte, 1<<20)...)
	if code, body := multipartPost(t, p.Base, url.Values{"service_code": {"inne"}, "lat": {lat}, "long": {long}}, big); code != 413 || !strings.Contains(body, `"code":413`) {
		t.Fatalf("oversized photo: %d %s", code, body)
	}
	if code, body := multipartPost(t, p.Base, url.Values{"service_code": {"inne"}, "lat": {lat}, "long": {long}}, []byte("GIF89a broken")); code != 400 {
		t.Fatalf("broken photo: %d %s", code, body)
	}
}

// A flood of reports from one client is refused at once (429 with
// Retry-After), and the reports of another client go through meanwhile.
func TestFloodFromOneClientDoesNotStopOthers(t *testing.T) {
	s := newSite(t, "  rate_limit: {rate: 1, burst: 3}", "limits:\n  rate_limit: {trust_proxy: true}\n")
	p := s.serve(t)
	c := readCounty(t, s.Dir)
	lat, long := latLong(mustInterior(t, c.jed[0].Geometry))
	form := url.Values{"service_code": {"inne"}, "lat": {lat}, "long": {long}}
	var mu sync.Mutex
	codes := map[int]int{}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 15 {
				code, body := post(t, p.Base, "/open311/v2/requests.json", form, http.Header{"X-Forwarded-For": {"10.0.0.1"}}, nil)
				if code == 429 && !strings.Contains(body, `"code":429`) {
					t.Errorf("429 not in the spec's format: %s", body)
				}
				mu.Lock()
				codes[code]++
				mu.Unlock()
			}
		}()
	}
	others := 0
	for range 3 {
		if code, body := post(t, p.Base, "/open311/v2/requests.json", form, http.Header{"X-Forwarded-For": {"10.0.0.2"}}, nil); code == 201 {
			others++
		} else {
			t.Errorf("the other client was refused: %d %s", code, body)
		}
	}
	wg.Wait()
	if codes[201] > 6 || codes[429] < 50 || others != 3 {
		t.Fatalf("flood: %v; other client: %d of 3 accepted", codes, others)
	}
}
