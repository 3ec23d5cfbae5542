package server

import (
	"io"
	"net"
	"sync"
	"sync/atomic"
	"time"
)

// Coarse connection deadlines (and request timeouts).
//
// With read_timeout, read_header_timeout, write_timeout and idle_timeout set,
// net/http moves a connection's deadlines four times per keep-alive request
// (header, whole request, response write, idle wait), and each move re-arms a
// runtime timer of the socket: 0.5 to 1 µs of CPU per request (measured with
// and without the timeouts, wrk on loopback). Those limits are seconds
// long; they need not be kept to the microsecond. A deadlineConn records the
// deadline net/http asks for and leaves the socket alone; once per tick a
// sweeper gives the socket every deadline that has passed, which fails a read or
// write blocked on it exactly as the socket's own deadline would, at most one
// tick late. A deadline less than two ticks away (a past one above all, which
// net/http and abortConn use to cut a read short) goes to the socket at once.
//
// The sweeper is also the watchdog of limits.request_timeout (timeoutWriter):
// a request under it registers on its connection, and the sweeper starts the
// watchdog once the deadline has passed. A timer per request cost more.

// deadlineTick is the sweeper's period: how late a passed deadline may fire.
const deadlineTick = 250 * time.Millisecond

// deadlines is the sweeper of one listener's connections.
type deadlines struct {
	now   atomic.Int64 // unix ns of the last tick: a clock that costs no clock read
	mu    sync.Mutex
	conns map[*deadlineConn]struct{}
	// closing: the listener is closed; the sweeper ends with the last
	// connection.
	closing bool
}

func newDeadlines() *deadlines {
	d := &deadlines{conns: map[*deadlineConn]struct{}{}}
	d.now.Store(time.Now().UnixNano())
	go d.run()
	return d
}

func (d *deadlines) run() {
	t := time.NewTicker(deadlineTick)
	defer t.Stop()
	for now := range t.C {
		d.now.Store(now.UnixNano())
		if !d.sweep(now) {
			return
		}
	}
}

// close tells the sweeper that no connection will be added: it ends once the
// open ones (draining after a shutdown) are closed.
func (d *deadlines) close() {
	d.mu.Lock()
	d.closing = true
	d.mu.Unlock()
}

// sweep applies the deadlines that passed; false when the sweeper is done.
func (d *deadlines) sweep(now time.Time) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	ns := now.UnixNano()
	for c := range d.conns {
		c.mu.Lock()
		c.read.expire(now, c.Conn.SetReadDeadline)
		c.write.expire(now, c.Conn.SetWriteDeadline)
		c.mu.Unlock()
		if t := c.watch.Load(); t != nil && t.due <= ns && c.watch.CompareAndSwap(t, nil) {
			go t.expire()
		}
	}
	return !d.closing || len(d.conns) > 0
}

// listen wraps ln so that its connections get coarse deadlines.
func (d *deadlines) listen(ln net.Listener) net.Listener { return deadlineListener{ln, d} }

type deadlineListener struct {
	net.Listener
	d *deadlines
}

func (l deadlineListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	dc := &deadlineConn{Conn: c, d: l.d}
	l.d.mu.Lock()
	l.d.conns[dc] = struct{}{}
	l.d.mu.Unlock()
	return dc, nil
}

// deadlineConn is a connection whose far deadlines are kept by the sweeper.
type deadlineConn struct {
	net.Conn
	d           *deadlines
	mu          sync.Mutex
	read, write deadline
	// watch is the request running under limits.request_timeout, whose
	// watchdog the sweeper starts once its deadline has passed.
	watch atomic.Pointer[timeoutWriter]
}

// deadline is one direction's deadline: what was asked for and what the
// socket has (zero: none).
type deadline struct{ want, set time.Time }

// update records t; a near (or past) deadline goes to the socket now, and a
// socket deadline no longer asked for is taken back.
func (dl *deadline) update(t time.Time, now int64, apply func(time.Time) error) error {
	dl.want = t
	if !t.IsZero() && t.UnixNano()-now < int64(2*deadlineTick) {
		if t.Equal(dl.set) {
			return nil
		}
		dl.set = t
		return apply(t)
	}
	if !dl.set.IsZero() {
		dl.set = time.Time{}
		return apply(time.Time{})
	}
	return nil
}

// expire gives the socket the asked-for deadline once it has passed.
func (dl *deadline) expire(now time.Time, apply func(time.Time) error) {
	if !dl.want.IsZero() && !dl.want.After(now) && !dl.want.Equal(dl.set) {
		dl.set = dl.want
		apply(dl.want)
	}
}

func (c *deadlineConn) SetReadDeadline(t time.Time) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.read.update(t, c.d.now.Load(), c.Conn.SetReadDeadline)
}

func (c *deadlineConn) SetWriteDeadline(t time.Time) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.write.update(t, c.d.now.Load(), c.Conn.SetWriteDeadline)
}

func (c *deadlineConn) SetDeadline(t time.Time) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := c.d.now.Load()
	err := c.read.update(t, now, c.Conn.SetReadDeadline)
	if err2 := c.write.update(t, now, c.Conn.SetWriteDeadline); err == nil {
		err = err2
	}
	return err
}

func (c *deadlineConn) Close() error {
	err := c.Conn.Close()
	c.d.mu.Lock()
	delete(c.d.conns, c)
	c.d.mu.Unlock()
	return err
}

// ReadFrom keeps the socket's own ReadFrom (sendfile) for net/http's
// response.ReadFrom, which looks for it on the connection.
func (c *deadlineConn) ReadFrom(r io.Reader) (int64, error) {
	if rf, ok := c.Conn.(io.ReaderFrom); ok {
		return rf.ReadFrom(r)
	}
	return io.Copy(struct{ io.Writer }{c.Conn}, r)
}

// CloseWrite keeps the TCP half-close net/http uses before closing a
// connection whose request body it did not read.
func (c *deadlineConn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return nil
}
