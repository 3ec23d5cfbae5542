package main

import (
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// The program's URL map: every prefix a service of sip declares, with the
// error format the core writes its own errors in (a forged API key: 401) and
// a path no route takes (404) — the protocol's exception format, whichever
// service answers; /ows picks it by SERVICE. Resident reports are off in
// this configuration: /open311 is unknown (404) in the spec's format.
func TestErrorFormatsOfTheURLMap(t *testing.T) {
	store, _ := genStore(t, t.TempDir(), 20)
	base := serveStore(t, store)
	for _, tc := range []struct {
		path, ctype, body string
	}{
		{"/wms?SERVICE=WMS&REQUEST=GetCapabilities", "text/xml", `<ServiceExceptionReport version="1.3.0"`},
		{"/ows?SERVICE=WMS&REQUEST=GetCapabilities", "text/xml", `<ServiceExceptionReport version="1.3.0"`},
		{"/ows?request=GetCapabilities", "text/xml", `<ServiceExceptionReport version="1.3.0"`},
		{"/ows?service=wfs&REQUEST=GetCapabilities", "application/xml", `<ows:ExceptionReport`},
		{"/wfs?SERVICE=WFS&REQUEST=GetCapabilities", "application/xml", `<ows:ExceptionReport`},
		{"/ogc/collections", "application/problem+json", `"status":%d`},
		{"/tiles/county/0/0/0.mvt", "application/problem+json", `"status":%d`},
		{"/sync/county/changes", "application/problem+json", `"status":%d`},
		{"/download/x", "application/problem+json", `"status":%d`},
		{"/api/datasets", "application/problem+json", `"status":%d`},
		{"/api/parcels/search?q=1", "application/problem+json", `"status":%d`},
		{"/uldk?request=GetParcelById&id=x", "text/plain", "-1 "},
		{"/open311/v2/services.json", "application/json", `[{"code":%d,`},
		{"/", "text/html", "<h1>%d "},
		{"/viewer/config.json", "text/html", "<h1>%d "},
	} {
		resp, body := errorGet(t, base+tc.path, "X-API-Key", "forged")
		wantError(t, tc.path, resp, body, 401, tc.ctype, tc.body)
	}
	for _, tc := range []struct {
		path, ctype, body string
	}{
		{"/wms/county/x", "text/xml", `code="NotFound"`},
		{"/ows/x", "text/xml", `code="NotFound"`},
		{"/wfs/x", "application/xml", `exceptionCode="NotFound"`},
		{"/ogc/nope", "application/problem+json", `"status":%d`},
		{"/tiles/nope", "application/problem+json", `"status":%d`},
		{"/sync/county/nope", "application/problem+json", `"status":%d`},
		{"/download/a/b", "application/problem+json", `"status":%d`},
		{"/uldk/a", "text/plain", "-1 no resource at /uldk/a"},
		{"/open311/v2/services.json", "application/json", `[{"code":%d,"description":"no resource at /open311/v2/services.json"}]`},
		{"/open311/v2/discovery", "text/xml", `<code>%d</code>`},
		{"/nope", "text/html", "<h1>%d "},
	} {
		resp, body := errorGet(t, base+tc.path)
		wantError(t, tc.path, resp, body, 404, tc.ctype, tc.body)
	}
}

func errorGet(t *testing.T, url string, hdr ...string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// wantError checks an error's status, media type and body (a %d in want is
// the status); a JSON media type must parse.
func wantError(t *testing.T, path string, resp *http.Response, body string, status int, ctype, want string) {
	t.Helper()
	want = strings.ReplaceAll(want, "%d", strconv.Itoa(status))
	if resp.StatusCode != status || !strings.HasPrefix(resp.Header.Get("Content-Type"), ctype) || !strings.Contains(body, want) {
		t.Errorf("%s: %d %s, want %d %s with %q:\n%s", path, resp.StatusCode, resp.Header.Get("Content-Type"), status, ctype, want, body)
		return
	}
	if strings.Contains(ctype, "json") && !json.Valid([]byte(body)) {
		t.Errorf("%s: not JSON: %s", path, body)
	}
}
