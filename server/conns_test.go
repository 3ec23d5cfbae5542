package server

import (
	"bufio"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/mux"

	"github.com/sip-core/sip/config"
)

// pair is a loopback TCP connection through a deadline listener: the server
// side (a deadlineConn) and the client side.
func pair(t *testing.T) (*deadlineConn, net.Conn) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	d := newDeadlines()
	dl := d.listen(ln)
	t.Cleanup(func() { dl.Close(); d.close() })
	client, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { client.Close() })
	c, err := dl.Accept()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c.(*deadlineConn), client
}

// A far deadline stays off the socket until it passes, and then fails a read
// blocked on it as the socket's own deadline would.
func TestDeadlineConnRead(t *testing.T) {
	c, client := pair(t)
	time.AfterFunc(5*time.Second, func() { client.Close() }) // a sweeper that never fires fails, not hangs
	c.SetReadDeadline(time.Now().Add(time.Second))
	c.mu.Lock()
	onSocket := c.read.set
	c.mu.Unlock()
	if !onSocket.IsZero() {
		t.Errorf("a deadline 1s away went to the socket at once")
	}
	t0 := time.Now()
	_, err := c.Read(make([]byte, 1))
	if !errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatalf("blocked read: %v, want a deadline error", err)
	}
	if el := time.Since(t0); el < 900*time.Millisecond || el > time.Second+3*deadlineTick {
		t.Errorf("read deadline of 1s fired after %v", el)
	}
	// A deadline moved away again is taken off the socket: reads work.
	c.SetReadDeadline(time.Time{})
	c.mu.Lock()
	onSocket = c.read.set
	c.mu.Unlock()
	if !onSocket.IsZero() {
		t.Errorf("cleared deadline still on the socket: %v", onSocket)
	}
}

// A deadline in the past (how net/http and abortConn cut a read short) fails a
// blocked read at once, and a cleared one lets data through again.
func TestDeadlineConnPastDeadline(t *testing.T) {
	c, client := pair(t)
	errc := make(chan error, 1)
	go func() {
		_, err := c.Read(make([]byte, 1))
		errc <- err
	}()
	time.Sleep(50 * time.Millisecond)
	c.SetReadDeadline(time.Unix(1, 0))
	select {
	case err := <-errc:
		if !errors.Is(err, os.ErrDeadlineExceeded) {
			t.Fatalf("read after a past deadline: %v", err)
		}
	case <-time.After(deadlineTick):
		t.Fatal("a past deadline waited for the sweeper")
	}
	c.SetReadDeadline(time.Time{})
	client.Write([]byte("x"))
	if _, err := c.Read(make([]byte, 1)); err != nil {
		t.Fatalf("read after clearing the deadline: %v", err)
	}
}

// A write blocked on a client that does not read fails at its deadline.
func TestDeadlineConnWrite(t *testing.T) {
	c, _ := pair(t)
	time.AfterFunc(5*time.Second, func() { c.Conn.Close() }) // a sweeper that never fires fails, not hangs
	c.SetWriteDeadline(time.Now().Add(time.Second))
	buf := make([]byte, 1<<20)
	var err error
	for range 1024 { // far more than the socket buffers hold
		if _, err = c.Write(buf); err != nil {
			break
		}
	}
	if !errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatalf("write to a stalled reader: %v, want a deadline error", err)
	}
}

// The wrapper keeps the socket's ReadFrom (sendfile) and half-close.
func TestDeadlineConnPassThrough(t *testing.T) {
	c, client := pair(t)
	var _ io.ReaderFrom = c
	if n, err := c.ReadFrom(strings.NewReader("hello")); n != 5 || err != nil {
		t.Fatalf("ReadFrom: %d, %v", n, err)
	}
	if err := c.CloseWrite(); err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(client)
	if string(b) != "hello" || err != nil {
		t.Errorf("client read %q, %v (want hello, then EOF from the half-close)", b, err)
	}
}

// Through the real server: a request whose header never ends is dropped at
// read_header_timeout, and an idle keep-alive connection at idle_timeout.
func TestServerConnectionTimeouts(t *testing.T) {
	cfg := baseConfig(t)
	cfg.Limits.ReadHeaderTimeout = config.Duration(500 * time.Millisecond)
	cfg.Limits.IdleTimeout = config.Duration(time.Second)
	ts := start(t, cfg)
	addr := strings.TrimPrefix(ts.URL, "http://")

	closedAfter := func(c net.Conn) time.Duration {
		t0 := time.Now()
		c.SetReadDeadline(time.Now().Add(10 * time.Second))
		_, err := io.ReadAll(c)
		if err != nil {
			t.Errorf("waiting for the server to close: %v", err)
		}
		return time.Since(t0)
	}

	slow, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer slow.Close()
	slow.Write([]byte("GET /healthz HTTP/1.1\r\nHost: x\r\n")) // and never the blank line
	if el := closedAfter(slow); el > 500*time.Millisecond+3*deadlineTick {
		t.Errorf("unfinished header: connection closed after %v (read_header_timeout 500ms)", el)
	}

	idle, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer idle.Close()
	idle.Write([]byte("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"))
	br := bufio.NewReader(idle)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Close {
		t.Fatalf("keep-alive request: %d, close %v", resp.StatusCode, resp.Close)
	}
	t0 := time.Now()
	idle.SetReadDeadline(time.Now().Add(10 * time.Second))
	_, err = io.ReadAll(br)
	if err != nil {
		t.Errorf("waiting for the server to close the idle connection: %v", err)
	}
	if el := time.Since(t0); el < 900*time.Millisecond || el > time.Second+3*deadlineTick {
		t.Errorf("idle connection closed after %v (idle_timeout 1s)", el)
	}
}

// Through the real server: a response written to a client that does not read
// fails at write_timeout, and a request body that stops coming at read_timeout
// (routes without request_timeout, where only these limits hold).
func TestServerReadWriteTimeouts(t *testing.T) {
	cfg := baseConfig(t)
	cfg.Limits.ReadTimeout = config.Duration(time.Second)
	cfg.Limits.WriteTimeout = config.Duration(1500 * time.Millisecond) // > request_timeout (1s)
	type result struct {
		err     error
		elapsed time.Duration
	}
	wrote, read := make(chan result, 1), make(chan result, 1)
	ts := start(t, cfg, mountFunc(func(r *mux.Router, h *Host) {
		r.HandleFunc("/healthz/big", func(w http.ResponseWriter, r *http.Request) {
			t0 := time.Now()
			buf := make([]byte, 1<<20)
			var err error
			for range 1024 {
				if _, err = w.Write(buf); err != nil {
					break
				}
			}
			wrote <- result{err, time.Since(t0)}
		})
		r.HandleFunc("/healthz/upload", func(w http.ResponseWriter, r *http.Request) {
			t0 := time.Now()
			_, err := io.ReadAll(r.Body)
			read <- result{err, time.Since(t0)}
		})
	}))
	addr := strings.TrimPrefix(ts.URL, "http://")

	stalled, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer stalled.Close()
	stalled.Write([]byte("GET /healthz/big HTTP/1.1\r\nHost: x\r\n\r\n")) // and never reads
	select {
	case res := <-wrote:
		if res.err == nil {
			t.Error("64 MB written to a client that does not read")
		}
		if res.elapsed > 1500*time.Millisecond+3*deadlineTick {
			t.Errorf("write_timeout of 1.5s cut the response after %v", res.elapsed)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a response to a client that does not read was never cut")
	}

	slow, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer slow.Close()
	slow.Write([]byte("POST /healthz/upload HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly a part"))
	select {
	case res := <-read:
		if res.err == nil {
			t.Error("a body that stopped coming was read as whole")
		}
		if res.elapsed > time.Second+3*deadlineTick {
			t.Errorf("read_timeout of 1s cut the body after %v", res.elapsed)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a body that stopped coming was waited for forever")
	}

	// The server goes on answering.
	resp, body := get(t, ts.URL+"/healthz")
	wantStatus(t, resp, body, 200, "text/plain")
}
