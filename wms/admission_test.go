package wms_test

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/server"
)

// adminKey is the key of startWith's servers (it reads /metrics).
const adminKey = "key-admin"

// startWith serves the fixture with other limits and styles on a server of
// its own; it returns the server's URL.
func startWith(t *testing.T, limits, styles string) string {
	t.Helper()
	y := fmt.Sprintf("datasets:\n  - name: county\n    store: %s\nauth:\n  keys:\n    - {name: admin, hash: %s, roles: [admin]}\nlimits:\n  rate_limit: {rate: 0}\n%s\nstyles:\n%s",
		fixStore, config.HashKey(adminKey), limits, styles)
	cfg, err := config.Parse([]byte(y), "")
	if err != nil {
		t.Fatal(err)
	}
	s, err := server.New(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), server.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go s.Serve(ln)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		s.Shutdown(ctx)
	})
	return "http://" + ln.Addr().String()
}

// getMapURL is a WMS 1.1.1 GetMap of the fixture's whole extent.
func getMapURL(t *testing.T, base string, size int, layers, styles string, extra ...string) string {
	ext := datasetExtent(t)
	u := fmt.Sprintf("%s/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=%s&STYLES=%s&SRS=EPSG:2180&BBOX=%s&WIDTH=%d&HEIGHT=%d&FORMAT=image/png",
		base, layers, styles, bbox111(ext), size, size)
	for _, e := range extra {
		u += "&" + e
	}
	return u
}

type mapAnswer struct {
	status int
	ctype  string
	retry  string
	body   []byte
}

// A burst of large GetMaps from one client against a small render budget:
// every request is answered, with a map or with 503, Retry-After and a WMS
// exception report (also when it asked for INIMAGE exceptions, which would
// cost a canvas of the map's size), and none runs into the request timeout
// (issue 16, item 1).
func TestGetMapBurst(t *testing.T) {
	u := startWith(t, "  render_memory: 64MB\n  render_queue: 2\n  render_wait: 1s\n  render_threads: 1\n  request_timeout: 30s\n  max_image_width: 2048\n  max_image_height: 2048\n", "  []\n")
	const n = 12
	go_ := make(chan struct{})
	out := make(chan mapAnswer, n)
	for i := range n {
		u := getMapURL(t, u, 2048, "dzialki,budynki,numery_dzialek,obreby", "")
		if i%2 == 1 {
			u += "&EXCEPTIONS=application/vnd.ogc.se_inimage"
		}
		go func() {
			<-go_
			resp, err := http.Get(u)
			if err != nil {
				out <- mapAnswer{body: []byte(err.Error())}
				return
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			out <- mapAnswer{resp.StatusCode, resp.Header.Get("Content-Type"), resp.Header.Get("Retry-After"), b}
		}()
	}
	close(go_)
	counts := map[int]int{}
	for range n {
		a := <-out
		counts[a.status]++
		switch a.status {
		case 200:
			img := decodePNG(t, a.body)
			if b := img.Bounds(); b.Dx() != 2048 || b.Dy() != 2048 {
				t.Errorf("map of %v", b)
			}
		case 503:
			var rep exceptionReport
			if err := xml.Unmarshal(a.body, &rep); err != nil || len(rep.Exceptions) != 1 {
				t.Fatalf("503 is not an exception report (%v): %s", err, a.body)
			}
			ex := rep.Exceptions[0]
			if !strings.HasPrefix(a.ctype, "application/vnd.ogc.se_xml") || a.retry != "1" || ex.Code != "ServerBusy" ||
				!strings.Contains(ex.Text, "limits.render_memory 64MB") {
				t.Errorf("503: %s, Retry-After %q: %s", a.ctype, a.retry, a.body)
			}
		default:
			t.Errorf("status %d: %.300s", a.status, a.body)
		}
	}
	if counts[200] == 0 || counts[503] == 0 {
		t.Errorf("answers %v: want maps and refusals", counts)
	}
}

// A render that passes its deadline stops drawing, inside the layer it is
// drawing, and gives its memory and render thread back (issue 16, item 1).
// The "ciezki" style (1-pixel dashes 100 pixels wide) makes each of the 64
// layers of the abandoned map take a second or more: unstopped, it would hold
// its memory for minutes.
func TestTimedOutRenderStops(t *testing.T) {
	u := startWith(t, "  render_memory: 512MB\n  render_threads: 1\n  render_wait: 2s\n  request_timeout: 1s\n  max_image_width: 4096\n  max_image_height: 4096\n",
		"  - {name: ciezki, stroke: \"#000000\", width: 100, dash: [0.5, 0.5]}\n")
	layers := strings.TrimSuffix(strings.Repeat("dzialki,", 64), ",")
	styles := strings.TrimSuffix(strings.Repeat("ciezki,", 64), ",")
	resp, body := get(t, getMapURL(t, u, 4096, layers, styles))
	var rep exceptionReport
	if err := xml.Unmarshal(body, &rep); err != nil || len(rep.Exceptions) != 1 {
		t.Fatalf("%d: not an exception report (%v): %s", resp.StatusCode, err, body)
	}
	if resp.StatusCode != 503 || resp.Header.Get("Retry-After") == "" ||
		!strings.Contains(rep.Exceptions[0].Text, "took longer than the server's limit (limits.request_timeout)") {
		t.Fatalf("timed-out map: %d, Retry-After %q: %s", resp.StatusCode, resp.Header.Get("Retry-After"), body)
	}
	// The abandoned render gives its memory back (the server's own account,
	// on /metrics)…
	held := func() string {
		req, _ := http.NewRequest(http.MethodGet, u+"/metrics", nil)
		req.Header.Set("X-API-Key", adminKey)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		m, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		for _, line := range strings.Split(string(m), "\n") {
			if v, ok := strings.CutPrefix(line, "sip_render_memory_bytes "); ok {
				return v
			}
		}
		return "absent"
	}
	for i := 0; held() != "0"; i++ {
		if i == 300 {
			t.Fatalf("the timed-out render still holds %s bytes", held())
		}
		time.Sleep(100 * time.Millisecond)
	}
	// …and the render thread: the next large map is drawn. On a busy machine
	// that map may itself pass the 1 s limit, so it has a few tries; a thread
	// still held by the abandoned render would refuse them all as busy.
	for i := 0; ; i++ {
		resp, body = get(t, getMapURL(t, u, 2048, "obreby", ""))
		if resp.StatusCode == 200 {
			break
		}
		if i == 10 || !strings.Contains(string(body), "limits.request_timeout") {
			t.Fatalf("the map after a timed-out one: %d %s", resp.StatusCode, body)
		}
	}
	decodePNG(t, body)
}
