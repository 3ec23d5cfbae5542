package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/mux"

	"github.com/sip-core/sip/config"
)

// coreHandler wraps the router with everything every request gets: request id,
// state, auth, CORS, body limit, compression, timeout, panic recovery, logging
// and metrics. It is one function rather than a stack of middleware so that the
// cheapest request pays for as little as possible.
type coreHandler struct {
	h      *Host
	router *mux.Router
	fixed  map[string][]fixedRoute // see Host.Fixed
}

func (c *coreHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := c.h
	start := time.Now()
	st := h.acquire()
	defer st.release()
	cfg := st.Config

	// One allocation for the per-request objects, and one copy of the request
	// for the core's context (request info with the route's variables and, on
	// routes with a limit, the deadline together). The core matches the route
	// itself (mux.Router.Match) rather than calling the router's ServeHTTP, which
	// would copy the request twice more to put the variables and the route into
	// the context; server.Var reads them from the request info.
	pr := &perRequest{info: reqInfo{family: h.fams.of(r.URL.Path), state: st, host: h}}
	info := &pr.info
	// The request id goes back to a client that sent one (it propagates ids)
	// and, through statusWriter, on every error response; a success response to
	// anyone else does without the header (it is in the access log).
	if id := headerValue(r.Header, "X-Request-Id"); id != "" {
		if len(id) <= 128 && isToken(id) {
			info.id.Store(&id)
		}
		pr.idHeader[0] = info.ID()
		w.Header()["X-Request-Id"] = pr.idHeader[:]
	}
	d := cfg.Limits.RequestTimeout.D()
	timed := d > 0 && !info.family.noTimeout
	pr.ctx.init(r.Context(), info)
	if timed {
		pr.ctx.deadline = start.Add(d)
		defer pr.ctx.end()
	}
	r = r.WithContext(&pr.ctx)

	sw := &pr.sw
	sw.ResponseWriter, sw.info, sw.id = w, info, &pr.idHeader
	h.inflight.Inc()
	defer func() {
		h.inflight.Dec()
		if p := recover(); p != nil {
			if p == http.ErrAbortHandler {
				panic(p)
			}
			Logger(r.Context()).Error("panic", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			if !sw.wrote {
				WriteError(sw, r, &Error{Status: http.StatusInternalServerError, Detail: "internal error; see the server log"})
			}
		}
		c.observe(r, info, sw, start)
	}()

	if preflight := c.cors(sw, r, cfg, &pr.cw.vary); preflight {
		return
	}
	if e := st.unavailable(); e != nil && !info.family.noTimeout {
		WriteError(sw, r, e) // a store is down (stores.go)
		return
	}
	if v := r.Header.Get(MinRevisionHeader); v != "" {
		if e := st.readOwnWrites(r.Context(), v); e != nil {
			WriteError(sw, r, e) // lag.go
			return
		}
	}
	if k, present := presentedKey(r); present {
		p := authenticate(st.keys, k)
		if p == nil {
			WriteError(sw, r, unauthorized("the API key is not valid", true))
			return
		}
		info.principal = p
	}
	if r.Body != nil && r.Body != http.NoBody {
		if max := int64(cfg.Limits.MaxBodyBytes); max > 0 {
			if r.ContentLength > max {
				WriteError(sw, r, &Error{Status: http.StatusRequestEntityTooLarge, Code: "RequestTooLarge",
					Detail: "request body of " + strconv.FormatInt(r.ContentLength, 10) + " bytes exceeds the limit of " + strconv.FormatInt(max, 10) + " bytes"})
				return
			}
			r.Body = http.MaxBytesReader(sw, r.Body, max)
		}
		pr.body = bodyReader{ReadCloser: r.Body, length: r.ContentLength, limit: cfg.Limits.ReadTimeout.D()}
		r.Body = &pr.body
	}

	next, redirect := c.route(r, info, &pr.match)
	if redirect != "" {
		sw.Header().Set("Location", redirect)
		sw.WriteHeader(http.StatusMovedPermanently)
		return
	}

	enc := ""
	if r.Method != http.MethodHead {
		enc = negotiateEncoding(headerValue(r.Header, "Accept-Encoding"))
	}
	cw := &pr.cw
	cw.init(sw, r, enc) // with enc "", it only adds Vary
	defer cw.finish()
	if !timed {
		next.ServeHTTP(cw, r)
		return
	}
	tw := &pr.tw
	tw.start(cw, r, &pr.ctx, d)
	defer tw.stop()
	next.ServeHTTP(tw, r)
	tw.returned()
}

func (c *coreHandler) observe(r *http.Request, info *reqInfo, sw *statusWriter, start time.Time) {
	h := c.h
	status := sw.status
	if status == 0 {
		status = http.StatusOK
	}
	dur := time.Since(start)
	h.countRequest(info.family, status)
	h.observeLatency(info.family, info.layer, dur.Seconds())
	st := info.state
	if !st.Config.Log.AccessLog() || !h.logger.Enabled(r.Context(), slog.LevelInfo) {
		return
	}
	h.logger.LogAttrs(r.Context(), slog.LevelInfo, "request",
		slog.String("request_id", info.ID()),
		slog.String("method", r.Method),
		slog.String("path", r.URL.RequestURI()),
		slog.Int("status", status),
		slog.Int64("bytes", sw.bytes),
		slog.Duration("duration", dur),
		slog.String("service", info.family.name),
		slog.String("remote", r.RemoteAddr),
	)
}

var statusTexts = func() []string {
	s := make([]string, 600)
	for i := range s {
		s[i] = strconv.Itoa(i)
	}
	return s
}()

func statusText(code int) string {
	if code >= 0 && code < len(statusTexts) {
		return statusTexts[code]
	}
	return strconv.Itoa(code)
}

func newRequestID() string {
	var b [16]byte
	const hexd = "0123456789abcdef"
	v := rand.Uint64()
	for i := range b {
		b[i] = hexd[v&15]
		v >>= 4
	}
	return string(b[:])
}

func isToken(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == ':') {
			return false
		}
	}
	return true
}

// cors sets CORS headers for allowed origins and answers preflight requests.
func (c *coreHandler) cors(w http.ResponseWriter, r *http.Request, cfg *config.Config, vary *[2]string) (handled bool) {
	if len(cfg.CORS.Origins) == 0 {
		return false
	}
	origin := headerValue(r.Header, "Origin")
	hdr := w.Header()
	if _, ok := hdr["Vary"]; ok {
		hdr.Add("Vary", "Origin")
	} else {
		// Room for the Accept-Encoding the compressor adds: no allocation.
		hdr["Vary"] = append(vary[:0], "Origin")
	}
	if origin == "" {
		return false
	}
	allowed := slices.Contains(cfg.CORS.Origins, "*") || slices.Contains(cfg.CORS.Origins, origin)
	preflight := r.Method == http.MethodOptions && headerValue(r.Header, "Access-Control-Request-Method") != ""
	if !allowed {
		if preflight {
			WriteError(w, r, &Error{Status: http.StatusForbidden, Code: "CORSOriginNotAllowed", Detail: "origin " + origin + " is not allowed (cors.origins)"})
			return true
		}
		return false
	}
	hdr.Set("Access-Control-Allow-Origin", origin)
	if !preflight {
		hdr.Set("Access-Control-Expose-Headers", "ETag, X-Request-Id, Content-Crs, Link, Retry-After, WWW-Authenticate")
		return false
	}
	hdr.Add("Vary", "Access-Control-Request-Method")
	hdr.Add("Vary", "Access-Control-Request-Headers")
	hdr.Set("Access-Control-Allow-Methods", "GET, HEAD, POST, PUT, DELETE, OPTIONS")
	hdr.Set("Access-Control-Allow-Headers", "Authorization, X-API-Key, Content-Type, If-None-Match, X-Request-Id, Accept, Accept-Language, "+MinRevisionHeader)
	hdr.Set("Access-Control-Max-Age", strconv.Itoa(int(cfg.CORS.MaxAge.D()/time.Second)))
	w.WriteHeader(http.StatusNoContent)
	return true
}

type perRequest struct {
	info     reqInfo
	ctx      reqCtx
	idHeader [1]string
	sw       statusWriter
	cw       compressWriter
	tw       timeoutWriter
	match    mux.RouteMatch
	body     bodyReader
}

// bodyReader is a request body that reports a body which stopped coming
// (limits.read_timeout passed while a handler read it) as a 408 *Error, so
// that every handler answers it as such in its protocol's format instead of
// as an internal error.
type bodyReader struct {
	io.ReadCloser
	length int64 // Content-Length, -1 when unknown
	limit  time.Duration
	read   int64
}

func (b *bodyReader) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	b.read += int64(n)
	if err != nil && err != io.EOF && errors.Is(err, os.ErrDeadlineExceeded) {
		of := ""
		if b.length >= 0 {
			of = " of " + strconv.FormatInt(b.length, 10)
		}
		err = &Error{Status: http.StatusRequestTimeout, Code: "RequestTimeout", Header: http.Header{"Connection": {"close"}},
			Detail: fmt.Sprintf("the request body did not arrive in time: %d%s bytes came within limits.read_timeout (%s)", b.read, of, b.limit)}
	}
	return n, err
}

// statusWriter records the status and size of a response, and puts the
// request id on error responses.
type statusWriter struct {
	http.ResponseWriter
	info   *reqInfo
	id     *[1]string // backing of the X-Request-Id header
	status int
	bytes  int64
	wrote  bool
}

func (w *statusWriter) WriteHeader(code int) {
	if code >= 100 && code < 200 {
		w.ResponseWriter.WriteHeader(code)
		return
	}
	if w.wrote {
		return
	}
	w.status, w.wrote = code, true
	if code >= 400 {
		w.id[0] = w.info.ID()
		w.Header()["X-Request-Id"] = w.id[:]
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(p []byte) (int, error) {
	if !w.wrote {
		w.WriteHeader(http.StatusOK)
	}
	n, err := w.ResponseWriter.Write(p)
	w.bytes += int64(n)
	return n, err
}

func (w *statusWriter) Flush() {
	if !w.wrote {
		w.WriteHeader(http.StatusOK)
	}
	http.NewResponseController(w.ResponseWriter).Flush()
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// ---- timeouts ----

var errDeadline = context.DeadlineExceeded

func timeoutError() *Error {
	return &Error{Status: http.StatusServiceUnavailable, Code: "Timeout",
		Detail: "the request took longer than the server's limit (limits.request_timeout)", RetryAfter: 5 * time.Second}
}

// timeoutWriter enforces limits.request_timeout without a goroutine per
// request: the handler runs on the connection's goroutine, and a watchdog
// answers for it if it is still running at the deadline, even when it ignores
// its context. On a connection of the server's listener the watchdog is the
// connection sweeper (see conns.go), which looks at the request's deadline on
// every tick, so a request costs no timer of its own; elsewhere (a handler
// served in process) it is a timer. Until the handler writes its header it
// works on a private header map, so that the watchdog can write the 503 alone;
// after the deadline, every write fails with http.ErrHandlerTimeout.
type timeoutWriter struct {
	w     *compressWriter
	r     *http.Request
	ctx   *reqCtx
	h     http.Header
	timer *time.Timer   // the watchdog, off the server's listener
	conn  *deadlineConn // the watchdog's connection, on it
	due   int64         // deadline, unix ns
	after time.Duration

	mu       sync.Mutex
	timedOut bool
	wrote    bool
	done     bool // the handler returned
}

func (t *timeoutWriter) start(w *compressWriter, r *http.Request, ctx *reqCtx, d time.Duration) {
	t.w, t.r, t.ctx, t.after = w, r, ctx, d
	if c, ok := ctx.Value(connKey{}).(*deadlineConn); ok {
		t.conn, t.due = c, ctx.deadline.UnixNano()
		c.watch.Store(t)
		return
	}
	t.timer = time.AfterFunc(d, t.expire)
}

// stop runs when the handler returned (or panicked); it waits for a watchdog
// that already started.
func (t *timeoutWriter) stop() {
	if t.conn != nil {
		t.conn.watch.CompareAndSwap(t, nil)
	} else {
		t.timer.Stop()
	}
	t.mu.Lock()
	t.done = true
	if h := t.h; h != nil && !t.timedOut {
		t.h = nil
		clear(h)
		headerPool.Put(h)
	}
	t.mu.Unlock()
}

// returned is called when the handler returned normally: headers it set
// without writing anything (a HEAD answer, say) go with the empty response.
func (t *timeoutWriter) returned() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if !t.wrote && len(t.h) > 0 {
		t.writeHeaderLocked(http.StatusOK)
	}
}

// headerPool recycles the handlers' private header maps: a request's map goes
// back once its handler has returned (never after a timeout, when the handler
// may still hold it).
var headerPool = sync.Pool{New: func() any { return make(http.Header) }}

// Header is the handler's own header map (the core's headers are not in it),
// merged into the response's when the handler writes its header: until then
// the watchdog can write its 503 alone.
func (t *timeoutWriter) Header() http.Header {
	if t.h == nil {
		t.h = headerPool.Get().(http.Header)
	}
	return t.h
}

func (t *timeoutWriter) WriteHeader(code int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.writeHeaderLocked(code)
}

func (t *timeoutWriter) writeHeaderLocked(code int) {
	if t.timedOut || t.wrote {
		return
	}
	if code >= 200 {
		t.wrote = true
	}
	dst := t.w.Header()
	for k, v := range t.h {
		if k != "Vary" {
			dst[k] = v
			continue
		}
		for _, x := range v { // the core's Vary (CORS) and the handler's
			if !slices.Contains(dst[k], x) {
				dst[k] = append(dst[k], x)
			}
		}
	}
	t.w.WriteHeader(code)
}

func (t *timeoutWriter) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.timedOut {
		return 0, http.ErrHandlerTimeout
	}
	if !t.wrote {
		t.writeHeaderLocked(http.StatusOK)
	}
	return t.w.Write(p)
}

func (t *timeoutWriter) Flush() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.timedOut {
		return
	}
	if !t.wrote {
		t.writeHeaderLocked(http.StatusOK)
	}
	http.NewResponseController(t.w).Flush()
}

// expire is the watchdog, on a goroutine of its own: it ends the request's
// context (DeadlineExceeded) and, unless the handler returned meanwhile or the
// client went away first, answers for it.
func (t *timeoutWriter) expire() {
	ctx := t.ctx
	if !ctx.expire() {
		return // the client went away first
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.done {
		return
	}
	t.timedOut = true
	info := ctx.info
	h := info.host
	h.logger.Warn("request timed out", "request_id", info.ID(), "after", t.after, "path", t.r.URL.Path)
	if t.wrote {
		// The response had started: abort the connection so that the client
		// cannot take a cut response for a whole one.
		abortConn(ctx, t.w)
		return
	}
	// The handler may never return: send the whole 503 now, framed by its
	// Content-Length, and close the connection after it.
	var rec errorRecorder
	rec.h = t.w.Header()
	WriteError(&rec, t.r, timeoutError())
	rec.h.Set("Content-Length", strconv.Itoa(rec.body.Len()))
	rec.h.Set("Connection", "close")
	t.w.WriteHeader(rec.status)
	t.w.Write(rec.body.Bytes())
	t.w.finish()
	http.NewResponseController(t.w).Flush()
}

// errorRecorder captures an error response so that it can be sent with a
// Content-Length.
type errorRecorder struct {
	h      http.Header
	status int
	body   bytes.Buffer
}

func (e *errorRecorder) Header() http.Header { return e.h }
func (e *errorRecorder) WriteHeader(code int) {
	if e.status == 0 {
		e.status = code
	}
}
func (e *errorRecorder) Write(p []byte) (int, error) {
	if e.status == 0 {
		e.status = http.StatusOK
	}
	return e.body.Write(p)
}

type connKey struct{}

// withConn is http.Server.ConnContext: it lets the watchdog close the connection.
func withConn(ctx context.Context, c net.Conn) context.Context {
	return context.WithValue(ctx, connKey{}, c)
}

// abortConn cuts the request's connection (or, for a handler served outside
// Server, makes every further read and write on it fail).
func abortConn(ctx context.Context, w http.ResponseWriter) {
	if c, ok := ctx.Value(connKey{}).(net.Conn); ok {
		c.Close()
		return
	}
	rc := http.NewResponseController(w)
	past := time.Unix(1, 0)
	rc.SetWriteDeadline(past)
	rc.SetReadDeadline(past)
}

// ---- rate limiting ----

// RateLimiter keeps a token bucket per client: a client over its rate is
// told at once how long to wait, so a flood from one client never queues in
// front of the others. Idle clients are forgotten, and at most
// maxRateClients are tracked (past that the idle buckets go first, then all),
// so memory stays bounded whatever clients send. The server limits every
// request with one; a service may keep its own for a costlier operation (as
// open311 does for POSTed reports).
type RateLimiter struct {
	mu      sync.Mutex
	buckets map[string]*bucket
	sweep   time.Time
}

type bucket struct {
	tokens float64
	last   time.Time
}

const maxRateClients = 100000

// NewRateLimiter returns a limiter with no client known.
func NewRateLimiter() *RateLimiter { return &RateLimiter{buckets: map[string]*bucket{}} }

// Allow takes a token for client at now; when none is left it says how long
// to wait. A rate of 0 allows everything.
func (l *RateLimiter) Allow(rl config.RateLimit, client string, now time.Time) (time.Duration, bool) {
	if rl.Rate <= 0 {
		return 0, true
	}
	burst := float64(max(rl.Burst, 1))
	l.mu.Lock()
	defer l.mu.Unlock()
	if full := len(l.buckets) >= maxRateClients; full || now.Sub(l.sweep) > time.Minute {
		for k, b := range l.buckets { // forget idle clients (all of them when full)
			if full || now.Sub(b.last).Seconds()*rl.Rate >= burst {
				delete(l.buckets, k)
			}
		}
		l.sweep = now
	}
	b, ok := l.buckets[client]
	if !ok {
		b = &bucket{tokens: burst, last: now}
		l.buckets[client] = b
	}
	b.tokens = math.Min(burst, b.tokens+now.Sub(b.last).Seconds()*rl.Rate)
	b.last = now
	if b.tokens >= 1 {
		b.tokens--
		return 0, true
	}
	return time.Duration((1 - b.tokens) / rl.Rate * float64(time.Second)), false
}

// ClientIP is the client's address: the last X-Forwarded-For hop behind a
// trusted proxy (limits.rate_limit.trust_proxy), else the peer's IP.
func ClientIP(r *http.Request, trustProxy bool) string {
	if trustProxy {
		if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
			parts := strings.Split(xff, ",")
			return strings.TrimSpace(parts[len(parts)-1])
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// ReadBody reads a request body within limits.max_body; an oversized body
// becomes a 413 *Error.
func ReadBody(r *http.Request) ([]byte, error) {
	b, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, AsError(err)
	}
	return b, nil
}
