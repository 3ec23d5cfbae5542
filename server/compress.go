package server

import (
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

// minCompressSize is the size below which a response is sent as is: compressing
// a few hundred bytes costs more than it saves.
const minCompressSize = 1024

var gzipPool = sync.Pool{New: func() any {
	w, _ := gzip.NewWriterLevel(io.Discard, 5)
	return w
}}

var zstdPool = sync.Pool{New: func() any {
	w, _ := zstd.NewWriter(io.Discard, zstd.WithEncoderConcurrency(1), zstd.WithEncoderLevel(zstd.SpeedDefault), zstd.WithLowerEncoderMem(true))
	return w
}}

// negotiateEncoding picks zstd or gzip from Accept-Encoding ("" for none).
func negotiateEncoding(accept string) string {
	if accept == "" {
		return ""
	}
	var zq, gq, sq float64 = -1, -1, -1
	for part := range strings.SplitSeq(accept, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if params != "" {
			if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
				if f, err := strconv.ParseFloat(v, 64); err == nil {
					q = f
				}
			}
		}
		switch strings.ToLower(strings.TrimSpace(name)) {
		case "zstd":
			zq = q
		case "gzip", "x-gzip":
			gq = q
		case "*":
			sq = q
		}
	}
	if zq < 0 {
		zq = min(sq, 0) // "*" does not opt into zstd: some clients lack it
	}
	if gq < 0 {
		gq = sq
	}
	switch {
	case zq > 0 && zq >= gq:
		return "zstd"
	case gq > 0:
		return "gzip"
	}
	return ""
}

// compressible reports whether a media type is worth compressing.
func compressible(ct string) bool {
	ct, _, _ = strings.Cut(ct, ";")
	ct = strings.ToLower(strings.TrimSpace(ct))
	switch {
	case ct == "":
		return false
	case strings.HasPrefix(ct, "text/"),
		strings.HasSuffix(ct, "+json"), strings.HasSuffix(ct, "+xml"),
		ct == "application/json", ct == "application/xml", ct == "application/javascript",
		ct == "application/vnd.mapbox-vector-tile", ct == "application/x-protobuf",
		ct == "application/vnd.ogc.se_xml", ct == "application/gml+xml", ct == "image/svg+xml":
		return true
	}
	return false
}

// compressWriter compresses a response when the client accepts it, the content
// type is compressible, the handler did not encode the body itself and the body
// is at least minCompressSize bytes (buffered until known).
//
// A compressed representation gets its own strong ETag: "X" becomes "X-zstd" or
// "X-gzip". Suffixes are stripped from If-None-Match before the handler sees it,
// so handlers compare against their own tags.
type compressWriter struct {
	w      http.ResponseWriter
	enc    string
	status int
	header bool // WriteHeader called
	// decided: whether to compress is known; then zw is set iff compressing.
	decided bool
	zw      io.WriteCloser
	buf     []byte
	suffix  string    // ETag suffix the client sent back
	vary    [2]string // backing array of the Vary header (see cors)
}

func (cw *compressWriter) init(w http.ResponseWriter, r *http.Request, enc string) {
	cw.w, cw.enc = w, enc
	if inm := headerValue(r.Header, "If-None-Match"); inm != "" && strings.Contains(inm, "-") {
		if enc != "" && strings.Contains(inm, "-"+enc+`"`) {
			cw.suffix = "-" + enc
		}
		r.Header.Set("If-None-Match", strings.NewReplacer(`-zstd"`, `"`, `-gzip"`, `"`).Replace(inm))
	}
}

func (c *compressWriter) Header() http.Header { return c.w.Header() }

func (c *compressWriter) Unwrap() http.ResponseWriter { return c.w }

func (c *compressWriter) WriteHeader(code int) {
	if c.header {
		return
	}
	if code < 200 {
		c.w.WriteHeader(code)
		return
	}
	c.header, c.status = true, code
	h := c.w.Header()
	if code == http.StatusNotModified {
		if c.suffix != "" {
			c.tagETag()
		}
		c.pass()
		return
	}
	ct := headerValue(h, "Content-Type")
	if code == http.StatusNoContent || headerValue(h, "Content-Encoding") != "" || headerValue(h, "Content-Range") != "" || !compressible(ct) {
		c.pass()
		return
	}
	cl := headerValue(h, "Content-Length")
	if cl != "" {
		if n, err := strconv.ParseInt(cl, 10, 64); err == nil && n < minCompressSize {
			// Never compressed, whatever the client accepts: the response does
			// not vary with Accept-Encoding.
			c.pass()
			return
		}
	}
	if _, ok := h["Vary"]; ok {
		h.Add("Vary", "Accept-Encoding")
	} else {
		h["Vary"] = append(c.vary[:0], "Accept-Encoding") // no allocation
	}
	if c.enc == "" {
		c.pass()
		return
	}
	if cl != "" {
		c.start()
	}
	// Otherwise wait for the body to decide.
}

func (c *compressWriter) pass() {
	c.decided = true
	c.w.WriteHeader(c.status)
}

func (c *compressWriter) tagETag() {
	h := c.w.Header()
	if et := headerValue(h, "Etag"); strings.HasSuffix(et, `"`) && !strings.HasPrefix(et, "W/") {
		h.Set("ETag", et[:len(et)-1]+"-"+c.enc+`"`)
	}
}

func (c *compressWriter) start() {
	c.decided = true
	h := c.w.Header()
	h.Del("Content-Length")
	h.Set("Content-Encoding", c.enc)
	c.tagETag()
	c.w.WriteHeader(c.status)
	if c.enc == "zstd" {
		z := zstdPool.Get().(*zstd.Encoder)
		z.Reset(c.w)
		c.zw = z
	} else {
		g := gzipPool.Get().(*gzip.Writer)
		g.Reset(c.w)
		c.zw = g
	}
	if len(c.buf) > 0 {
		c.zw.Write(c.buf)
		c.buf = nil
	}
}

func (c *compressWriter) Write(p []byte) (int, error) {
	if !c.header {
		if c.w.Header().Get("Content-Type") == "" {
			c.w.Header().Set("Content-Type", http.DetectContentType(p))
		}
		c.WriteHeader(http.StatusOK)
	}
	if c.decided {
		if c.zw != nil {
			return c.zw.Write(p)
		}
		return c.w.Write(p)
	}
	c.buf = append(c.buf, p...)
	if len(c.buf) >= minCompressSize {
		c.start()
	}
	return len(p), nil
}

func (c *compressWriter) Flush() {
	if !c.header {
		c.WriteHeader(http.StatusOK)
	}
	if !c.decided {
		c.start() // a streaming response: commit to compressing
	}
	if f, ok := c.zw.(interface{ Flush() error }); ok {
		f.Flush()
	}
	http.NewResponseController(c.w).Flush()
}

// finish ends the response: sends a short buffered body as is, or closes the
// compressor.
func (c *compressWriter) finish() {
	if !c.header {
		return // nothing written: the server sends its default 200 itself
	}
	if !c.decided {
		c.pass()
		if len(c.buf) > 0 {
			c.w.Write(c.buf)
		}
		return
	}
	if c.zw == nil {
		return
	}
	c.zw.Close()
	switch z := c.zw.(type) {
	case *zstd.Encoder:
		z.Reset(io.Discard)
		zstdPool.Put(z)
	case *gzip.Writer:
		z.Reset(io.Discard)
		gzipPool.Put(z)
	}
	c.zw = nil
}
