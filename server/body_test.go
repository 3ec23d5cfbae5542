package server

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/sip-core/sip/config"
)

// A request body that stops coming gets 408 with a clear message when
// read_timeout passes, not an internal error (issue 16, item 8). Through a real
// listener, with a raw TCP client that sends one byte of a 100000-byte body.
func TestSlowBodyIs408(t *testing.T) {
	cfg := baseConfig(t)
	cfg.Limits.ReadTimeout = config.Duration(time.Second)
	cfg.Limits.RequestTimeout = config.Duration(5 * time.Second) // the default is longer than read_timeout too
	cfg.Limits.MaxBodyBytes = 1 << 20
	release := make(chan struct{})
	defer close(release)
	ts := start(t, cfg, testService{release: release})
	c, err := net.Dial("tcp", strings.TrimPrefix(ts.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fmt.Fprintf(c, "POST /sync/gmina/push HTTP/1.1\r\nHost: x\r\nX-API-Key: key-sync-all\r\nContent-Type: application/octet-stream\r\nContent-Length: 100000\r\n\r\nx")
	c.SetReadDeadline(time.Now().Add(20 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusRequestTimeout || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/problem+json") {
		t.Fatalf("status %d %s: %s", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
	want := "the request body did not arrive in time: 1 of 100000 bytes came within limits.read_timeout (1s)"
	if !strings.Contains(string(body), want) || !strings.Contains(string(body), `"code":"RequestTimeout"`) {
		t.Errorf("body %s\nwant %q", body, want)
	}
}
