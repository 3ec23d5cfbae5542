package server

import (
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/mux"

	"github.com/sip-core/sip/config"
)

// admitRoutes mounts /wms/admit?id=ID&mb=N: it reserves N MB of render memory
// (Admit), reports its id on entered, and holds the memory until the test
// sends the id on leave.
type admitRoutes struct {
	entered chan string
	mu      sync.Mutex
	leave   map[string]chan struct{}
}

func newAdmitRoutes() *admitRoutes {
	return &admitRoutes{entered: make(chan string, 16), leave: map[string]chan struct{}{}}
}

func (a *admitRoutes) gate(id string) chan struct{} {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.leave[id] == nil {
		a.leave[id] = make(chan struct{})
	}
	return a.leave[id]
}

func (a *admitRoutes) let(id string) { close(a.gate(id)) }

func (a *admitRoutes) mount() Service {
	return mountFunc(func(r *mux.Router, h *Host) {
		r.HandleFunc("/wms/admit", func(w http.ResponseWriter, r *http.Request) {
			id := r.URL.Query().Get("id")
			mb, _ := strconv.ParseInt(r.URL.Query().Get("mb"), 10, 64)
			release, e := Admit(r, mb<<20)
			if e != nil {
				WriteError(w, r, e)
				return
			}
			defer release()
			a.entered <- id
			<-a.gate(id)
			io.WriteString(w, "done "+id)
		})
	})
}

type admitAnswer struct {
	id     string
	status int
	body   string
	retry  string
}

// send starts a request in the background; its admitAnswer comes on the channel.
func send(ts *testServer, id string, mb int, out chan<- admitAnswer) {
	go func() {
		resp, err := http.Get(fmt.Sprintf("%s/wms/admit?id=%s&mb=%d", ts.URL, id, mb))
		if err != nil {
			out <- admitAnswer{id: id, body: err.Error()}
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		out <- admitAnswer{id, resp.StatusCode, string(b), resp.Header.Get("Retry-After")}
	}()
}

// metric reads one series of /metrics (0 when absent), with the admin key
// of admitConfig.
func metric(t *testing.T, ts *testServer, series string) float64 {
	t.Helper()
	_, body := get(t, ts.URL+"/metrics", "X-API-Key", "key-admin")
	for _, line := range strings.Split(body, "\n") {
		if v, ok := strings.CutPrefix(line, series+" "); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				t.Fatalf("metric %s: %q", series, line)
			}
			return f
		}
	}
	return 0
}

// waitMetric polls /metrics until a series has a value (the server's state
// changes asynchronously to the client's requests).
func waitMetric(t *testing.T, ts *testServer, series string, want float64) {
	t.Helper()
	for range 500 {
		if metric(t, ts, series) == want {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("%s never became %v (is %v)", series, want, metric(t, ts, series))
}

func enteredIDs(t *testing.T, a *admitRoutes, n int) map[string]bool {
	t.Helper()
	got := map[string]bool{}
	for range n {
		select {
		case id := <-a.entered:
			got[id] = true
		case <-time.After(10 * time.Second):
			t.Fatalf("only %v were admitted, want %d", got, n)
		}
	}
	return got
}

func admitConfig(t *testing.T, limits string) *config.Config {
	t.Helper()
	dir := t.TempDir()
	yaml := fmt.Sprintf("datasets:\n  - name: county\n    store: %s\nauth:\n  keys:\n    - {name: admin, hash: %s, roles: [admin]}\nlimits:\n%s",
		makeStore(t, dir, "county", 5), config.HashKey("key-admin"), limits)
	cfg, err := config.Parse([]byte(yaml), "")
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// Render memory is handed out first come, first served; work that does not fit
// waits in a bounded queue, and beyond it the admitAnswer is 503 with Retry-After in
// the protocol's error format (issue 16, item 1).
func TestAdmissionQueue(t *testing.T) {
	a := newAdmitRoutes()
	ts := start(t, admitConfig(t, "  render_memory: 10MB\n  render_queue: 2\n  render_wait: 30s\n  render_threads: 1\n"), a.mount())
	out := make(chan admitAnswer, 8)

	send(ts, "a", 6, out)
	if got := enteredIDs(t, a, 1); !got["a"] {
		t.Fatalf("admitted %v", got)
	}
	send(ts, "b", 6, out) // does not fit beside a: waits
	waitMetric(t, ts, "sip_render_queue_length", 1)
	send(ts, "c", 1, out) // would fit, but must not pass b, which waits for memory
	waitMetric(t, ts, "sip_render_queue_length", 2)
	if got := metric(t, ts, "sip_render_memory_bytes"); got != 6<<20 {
		t.Errorf("memory held %v, want a's 6 MB", got)
	}

	// The queue is full: the next one is refused at once.
	send(ts, "d", 1, out)
	d := <-out
	if d.id != "d" || d.status != 503 || d.retry != "30" {
		t.Fatalf("over the queue: %+v", d)
	}
	for _, want := range []string{"<ServiceExceptionReport", `code="ServerBusy"`, "limits.render_memory 10MB", "queue is full"} {
		if !strings.Contains(d.body, want) {
			t.Errorf("503 body lacks %q:\n%s", want, d.body)
		}
	}

	a.let("a")
	if got := enteredIDs(t, a, 2); !got["b"] || !got["c"] {
		t.Fatalf("after a: admitted %v, want b and c", got)
	}
	a.let("b")
	a.let("c")
	got := map[string]int{}
	for range 3 {
		r := <-out
		got[r.id] = r.status
	}
	if got["a"] != 200 || got["b"] != 200 || got["c"] != 200 {
		t.Errorf("answers %v", got)
	}
	waitMetric(t, ts, "sip_render_memory_bytes", 0)
	if n := metric(t, ts, `sip_render_rejected_total{service="wms"}`); n != 1 {
		t.Errorf("rejected %v, want 1", n)
	}
	// The burst held 6 MB of 10 at its peak: once idle, the memory goes back
	// to the operating system.
	waitMetric(t, ts, "sip_render_memory_returned_total", 1)
}

// Work waits at most render_wait, then gets 503.
func TestAdmissionWait(t *testing.T) {
	a := newAdmitRoutes()
	ts := start(t, admitConfig(t, "  render_memory: 10MB\n  render_wait: 200ms\n"), a.mount())
	out := make(chan admitAnswer, 4)
	send(ts, "a", 6, out)
	enteredIDs(t, a, 1)
	send(ts, "b", 6, out)
	b := <-out
	if b.status != 503 || b.retry != "1" || !strings.Contains(b.body, "its turn did not come within limits.render_wait") {
		t.Fatalf("b: %+v", b)
	}
	if n := metric(t, ts, "sip_render_queue_length"); n != 0 {
		t.Errorf("queue %v after b gave up", n)
	}
	a.let("a")
	if r := <-out; r.status != 200 {
		t.Errorf("a: %+v", r)
	}
	// One larger than the whole budget runs alone.
	send(ts, "huge", 50, out)
	enteredIDs(t, a, 1)
	a.let("huge")
	if r := <-out; r.status != 200 {
		t.Errorf("huge: %+v", r)
	}
}

// Large work (a map of several megapixels) keeps a core free: at most
// render_threads of it at once, while small work passes it.
func TestAdmissionThreads(t *testing.T) {
	a := newAdmitRoutes()
	ts := start(t, admitConfig(t, "  render_memory: 512MB\n  render_threads: 1\n  render_wait: 30s\n"), a.mount())
	out := make(chan admitAnswer, 4)
	send(ts, "big1", 40, out)
	enteredIDs(t, a, 1)
	send(ts, "big2", 40, out) // memory enough, no thread
	waitMetric(t, ts, "sip_render_queue_length", 1)
	send(ts, "small", 1, out) // passes big2, which waits for a thread only
	if got := enteredIDs(t, a, 1); !got["small"] {
		t.Fatalf("admitted %v, want small", got)
	}
	a.let("small")
	a.let("big1")
	if got := enteredIDs(t, a, 1); !got["big2"] {
		t.Fatalf("admitted %v, want big2", got)
	}
	a.let("big2")
	for range 3 {
		if r := <-out; r.status != 200 {
			t.Errorf("%+v", r)
		}
	}
}

// "rate_limit: {rate: 0}" turns the limit off, as documented (issue 16, item 11).
func TestRateZeroDisables(t *testing.T) {
	cfg := admitConfig(t, "  rate_limit: {rate: 0}\n")
	release := make(chan struct{})
	defer close(release)
	ts := start(t, cfg, testService{release: release})
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	cl := &http.Client{Transport: tr}
	for i := range 300 { // the default bucket holds 100
		resp, err := cl.Get(ts.URL + "/uldk/expensive")
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("request %d: %d with rate 0", i, resp.StatusCode)
		}
	}
}

// Each server has its own render memory, also when one service value is
// mounted on two servers of a process (as registered services are).
func TestAdmissionPerServer(t *testing.T) {
	a := newAdmitRoutes()
	svc := a.mount()
	limits := "  render_memory: 10MB\n  render_wait: 30s\n"
	one := start(t, admitConfig(t, limits), svc)
	two := start(t, admitConfig(t, limits), svc)
	out := make(chan admitAnswer, 2)
	send(one, "one", 8, out)
	enteredIDs(t, a, 1)
	send(two, "two", 8, out) // would wait on one's server
	if got := enteredIDs(t, a, 1); !got["two"] {
		t.Fatalf("admitted %v", got)
	}
	if n := metric(t, one, "sip_render_memory_bytes"); n != 8<<20 {
		t.Errorf("first server holds %v", n)
	}
	a.let("one")
	a.let("two")
	for range 2 {
		if r := <-out; r.status != 200 {
			t.Errorf("%+v", r)
		}
	}
}
