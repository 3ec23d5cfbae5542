package egib

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// scanner is a streaming XML tokenizer for the subset of XML 1.0 that GML exports
// use, several times faster than encoding/xml.Decoder.Token (which reads byte by
// byte through an interface and allocates for every name): it works on a large
// buffer, interns element and attribute names, and resolves namespace prefixes
// itself. It returns the same token types as encoding/xml (StartElement with
// Name.Space set to the namespace URI, EndElement, CharData; comments, processing
// instructions and the DOCTYPE are skipped) and reports malformed input as
// *xml.SyntaxError with the line, with the messages encoding/xml uses for the
// common cases (mismatched or unexpected end tags, unexpected EOF).
//
// A CharData token is only valid until the next call to next.
type scanner struct {
	r    io.Reader
	buf  []byte
	pos  int   // next unread byte in buf
	end  int   // end of valid data in buf
	base int64 // input offset of buf[0]
	line int   // line of buf[pos]
	// tokLine is the line where the token last returned by next starts.
	tokLine int
	eof     bool
	rerr    error // read error other than io.EOF
	names   map[string]string
	stack   []openElem
	ns      []nsBinding // in-scope prefix bindings, innermost last
	text    []byte      // unescaped character data
	first   bool        // nothing read yet (XML declaration allowed)
	// pending end element of a self-closing tag
	pendingEnd bool
	pendingEl  xml.Name
}

type openElem struct {
	raw   string // prefix:local as written
	name  xml.Name
	nsLen int // len(ns) before this element's declarations
}

type nsBinding struct {
	prefix, uri string
}

type rawAttr struct {
	raw, val string
}

const scanBufSize = 256 << 10

func newScanner(r io.Reader) *scanner {
	return &scanner{r: r, buf: make([]byte, scanBufSize), line: 1, names: map[string]string{}, first: true}
}

// offset is the number of input bytes consumed.
func (s *scanner) offset() int64 { return s.base + int64(s.pos) }

// fill reads more input, keeping buf[keep:] (moved to the front). It returns false
// at the end of the input.
func (s *scanner) fill(keep int) bool {
	if s.eof {
		return false
	}
	if keep > 0 {
		n := copy(s.buf, s.buf[keep:s.end])
		s.base += int64(keep)
		s.pos -= keep
		s.end = n
	}
	if s.end == len(s.buf) {
		nb := make([]byte, 2*len(s.buf))
		copy(nb, s.buf[:s.end])
		s.buf = nb
	}
	for {
		n, err := s.r.Read(s.buf[s.end:])
		s.end += n
		if err != nil {
			s.eof = true
			if err != io.EOF {
				s.rerr = err
			}
			return n > 0
		}
		if n > 0 {
			return true
		}
	}
}

func (s *scanner) syntaxError(msg string) error {
	if s.rerr != nil {
		return s.rerr
	}
	return &xml.SyntaxError{Msg: msg, Line: s.line}
}

const errUnexpectedEOF = "unexpected EOF"

// need makes sure buf[s.pos:] holds at least n bytes, or returns false at EOF.
func (s *scanner) need(n int) bool {
	for s.end-s.pos < n {
		if !s.fill(s.pos) {
			return false
		}
	}
	return true
}

// find returns the index in buf of the first occurrence of sep at or after pos,
// reading more input as needed (and possibly moving the buffer: indexes relative
// to s.pos stay valid); -1 at EOF.
func (s *scanner) find(sep []byte) int {
	from := s.pos
	for {
		if i := bytes.Index(s.buf[from:s.end], sep); i >= 0 {
			return from + i
		}
		from = max(s.pos, s.end-len(sep)+1)
		rel := from - s.pos
		if !s.fill(s.pos) {
			return -1
		}
		from = s.pos + rel
	}
}

func (s *scanner) countLines(b []byte) { s.line += bytes.Count(b, []byte{'\n'}) }

// next returns the next token; io.EOF at the end of a well-formed document.
func (s *scanner) next() (xml.Token, error) {
	if s.pendingEnd {
		s.tokLine = s.line
		s.pendingEnd = false
		s.pop()
		return xml.EndElement{Name: s.pendingEl}, nil
	}
	if !s.need(1) {
		if len(s.stack) > 0 {
			return nil, s.syntaxError(errUnexpectedEOF)
		}
		if s.rerr != nil {
			return nil, s.rerr
		}
		return nil, io.EOF
	}
	s.tokLine = s.line
	if s.buf[s.pos] != '<' {
		return s.charData()
	}
	if !s.need(2) {
		return nil, s.syntaxError(errUnexpectedEOF)
	}
	first := s.first
	s.first = false
	switch s.buf[s.pos+1] {
	case '/':
		return s.endTag()
	case '?':
		return s.procInst(first)
	case '!':
		return s.bang()
	}
	return s.startTag()
}

func (s *scanner) charData() (xml.Token, error) {
	s.text = s.text[:0]
	for {
		i := bytes.IndexByte(s.buf[s.pos:s.end], '<')
		stop := i >= 0
		if !stop {
			i = s.end - s.pos
		}
		chunk := s.buf[s.pos : s.pos+i]
		if bytes.IndexByte(chunk, '&') >= 0 {
			// an entity may straddle the buffer end: keep it for the next round
			if !stop {
				if k := bytes.LastIndexByte(chunk, '&'); k >= 0 && bytes.IndexByte(chunk[k:], ';') < 0 {
					chunk = chunk[:k]
				}
			}
			var err error
			if s.text, err = s.unescape(s.text, chunk); err != nil {
				return nil, err
			}
		} else {
			s.text = append(s.text, chunk...)
		}
		s.countLines(chunk)
		s.pos += len(chunk)
		if stop {
			break
		}
		if !s.fill(s.pos) {
			if s.end > s.pos { // an unterminated entity at EOF
				return nil, s.syntaxError(errUnexpectedEOF)
			}
			break
		}
	}
	if !utf8.Valid(s.text) {
		return nil, s.syntaxError("invalid UTF-8")
	}
	return xml.CharData(s.text), nil
}

var entities = map[string]rune{"lt": '<', "gt": '>', "amp": '&', "apos": '\'', "quot": '"'}

// unescape appends b to dst with character and entity references replaced.
func (s *scanner) unescape(dst, b []byte) ([]byte, error) {
	for {
		i := bytes.IndexByte(b, '&')
		if i < 0 {
			return append(dst, b...), nil
		}
		dst = append(dst, b[:i]...)
		b = b[i+1:]
		j := bytes.IndexByte(b, ';')
		if j < 0 {
			return nil, s.syntaxError("invalid character entity &" + truncate(string(b), 20) + " (no semicolon)")
		}
		name := b[:j]
		b = b[j+1:]
		if len(name) > 1 && name[0] == '#' {
			var n uint64
			var err error
			if name[1] == 'x' {
				n, err = strconv.ParseUint(string(name[2:]), 16, 32)
			} else {
				n, err = strconv.ParseUint(string(name[1:]), 10, 32)
			}
			if err != nil || !isXMLChar(rune(n)) {
				return nil, s.syntaxError("invalid character entity &" + string(name) + ";")
			}
			dst = utf8.AppendRune(dst, rune(n))
			continue
		}
		r, ok := entities[string(name)]
		if !ok {
			return nil, s.syntaxError("invalid character entity &" + string(name) + ";")
		}
		dst = append(dst, byte(r))
	}
}

func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// skipTo consumes input up to and including the end marker.
func (s *scanner) skipTo(end string) error {
	i := s.find([]byte(end))
	if i < 0 {
		s.countLines(s.buf[s.pos:s.end])
		s.pos = s.end
		return s.syntaxError(errUnexpectedEOF)
	}
	i += len(end)
	s.countLines(s.buf[s.pos:i])
	s.pos = i
	return nil
}

func (s *scanner) procInst(first bool) (xml.Token, error) {
	i := s.find([]byte("?>"))
	if i < 0 {
		return nil, s.skipTo("?>")
	}
	pi := s.buf[s.pos:i]
	if first && bytes.HasPrefix(pi, []byte("<?xml")) && (len(pi) == 5 || isSpace(pi[5])) {
		if enc := piParam(pi, "encoding"); enc != "" {
			if _, err := charsetReader(enc, nil); err != nil {
				return nil, fmt.Errorf("xml: opening charset %q: %w", enc, err)
			}
		}
	}
	if err := s.skipTo("?>"); err != nil {
		return nil, err
	}
	return s.next()
}

// piParam returns the value of param="…" in a processing instruction.
func piParam(pi []byte, param string) string {
	i := bytes.Index(pi, []byte(param))
	if i < 0 {
		return ""
	}
	rest := bytes.TrimLeft(pi[i+len(param):], " \t\r\n")
	if len(rest) == 0 || rest[0] != '=' {
		return ""
	}
	rest = bytes.TrimLeft(rest[1:], " \t\r\n")
	if len(rest) == 0 || (rest[0] != '"' && rest[0] != '\'') {
		return ""
	}
	q := rest[0]
	j := bytes.IndexByte(rest[1:], q)
	if j < 0 {
		return ""
	}
	return string(rest[1 : 1+j])
}

// bang handles <!-- comments -->, <![CDATA[…]]> and directives (<!DOCTYPE …>).
func (s *scanner) bang() (xml.Token, error) {
	s.need(9)
	switch {
	case bytes.HasPrefix(s.buf[s.pos:s.end], []byte("<!--")):
		s.pos += 4
		if err := s.skipTo("-->"); err != nil {
			return nil, err
		}
		return s.next()
	case bytes.HasPrefix(s.buf[s.pos:s.end], []byte("<![CDATA[")):
		s.pos += 9
		i := s.find([]byte("]]>"))
		if i < 0 {
			return nil, s.skipTo("]]>")
		}
		s.text = append(s.text[:0], s.buf[s.pos:i]...)
		s.countLines(s.text)
		s.pos = i + 3
		if !utf8.Valid(s.text) {
			return nil, s.syntaxError("invalid UTF-8")
		}
		return xml.CharData(s.text), nil
	}
	// <!DOCTYPE …> or another directive: skipped, with its internal subset ('>'
	// inside [...] or quotes does not end it).
	depth := 0
	var quote byte
	for i := s.pos + 2; ; i++ {
		if i >= s.end {
			rel := i - s.pos
			if !s.fill(s.pos) {
				s.countLines(s.buf[s.pos:s.end])
				s.pos = s.end
				return nil, s.syntaxError(errUnexpectedEOF)
			}
			i = s.pos + rel
		}
		switch c := s.buf[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '[':
			depth++
		case c == ']':
			depth--
		case c == '>' && depth <= 0:
			s.countLines(s.buf[s.pos:i])
			s.pos = i + 1
			return s.next()
		}
	}
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '_' || c == ':' || c == '-' || c == '.' || c >= 0x80
}

// tagEnd returns the index of the '>' that ends the tag starting at s.pos (quotes
// respected), reading more input as needed; -1 at EOF.
func (s *scanner) tagEnd() int {
	var quote byte
	for i := s.pos + 1; ; i++ {
		if i >= s.end {
			rel := i - s.pos
			if !s.fill(s.pos) {
				return -1
			}
			i = s.pos + rel
		}
		c := s.buf[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i
		case c == '<':
			return -2
		}
	}
}

const maxInterned = 4096

// intern returns b as a string, allocating once per distinct name.
func (s *scanner) intern(b []byte) string {
	if v, ok := s.names[string(b)]; ok {
		return v
	}
	v := string(b)
	if len(s.names) < maxInterned { // a hostile document cannot grow the table
		s.names[v] = v
	}
	return v
}

func splitName(raw string) (prefix, local string) {
	for i := 0; i < len(raw); i++ {
		if raw[i] == ':' {
			return raw[:i], raw[i+1:]
		}
	}
	return "", raw
}

// resolve maps a prefix to its namespace URI; like encoding/xml, an unbound prefix
// is kept as the Space, and no prefix means the default namespace.
func (s *scanner) resolve(prefix string, attr bool) string {
	if prefix == "" && attr {
		return ""
	}
	if prefix == "xmlns" {
		return "xmlns"
	}
	if prefix == "xml" {
		return "http://www.w3.org/XML/1998/namespace"
	}
	for i := len(s.ns) - 1; i >= 0; i-- {
		if s.ns[i].prefix == prefix {
			return s.ns[i].uri
		}
	}
	return prefix
}

func (s *scanner) startTag() (xml.Token, error) {
	e := s.tagEnd()
	if e < 0 {
		if e == -2 {
			return nil, s.syntaxError("unexpected < in a tag")
		}
		s.countLines(s.buf[s.pos:s.end])
		s.pos = s.end
		return nil, s.syntaxError(errUnexpectedEOF)
	}
	tag := s.buf[s.pos+1 : e]
	selfClose := len(tag) > 0 && tag[len(tag)-1] == '/'
	if selfClose {
		tag = tag[:len(tag)-1]
	}
	i := 0
	for i < len(tag) && isNameByte(tag[i]) {
		i++
	}
	if i == 0 {
		return nil, s.syntaxError("expected element name after <")
	}
	raw := s.intern(tag[:i])
	var attrs []xml.Attr
	nsLen := len(s.ns)
	var pending [8]rawAttr
	ra := pending[:0]
	for {
		for i < len(tag) && isSpace(tag[i]) {
			i++
		}
		if i == len(tag) {
			break
		}
		k := i
		for i < len(tag) && isNameByte(tag[i]) {
			i++
		}
		if i == k {
			return nil, s.syntaxError("expected attribute name in element")
		}
		name := s.intern(tag[k:i])
		for i < len(tag) && isSpace(tag[i]) {
			i++
		}
		if i == len(tag) || tag[i] != '=' {
			return nil, s.syntaxError("attribute name without = in element")
		}
		i++
		for i < len(tag) && isSpace(tag[i]) {
			i++
		}
		if i == len(tag) || (tag[i] != '"' && tag[i] != '\'') {
			return nil, s.syntaxError("unquoted or missing attribute value in element")
		}
		q := tag[i]
		i++
		k = i
		for i < len(tag) && tag[i] != q {
			i++
		}
		if i == len(tag) {
			return nil, s.syntaxError("unquoted or missing attribute value in element")
		}
		vb := tag[k:i]
		i++
		var val string
		if bytes.IndexByte(vb, '&') >= 0 {
			u, err := s.unescape(nil, vb)
			if err != nil {
				return nil, err
			}
			vb = u
		}
		if !utf8.Valid(vb) {
			return nil, s.syntaxError("invalid UTF-8")
		}
		val = string(vb)
		if name == "xmlns" {
			s.ns = append(s.ns, nsBinding{"", val})
		} else if len(name) > 6 && name[:6] == "xmlns:" {
			s.ns = append(s.ns, nsBinding{name[6:], val})
		}
		ra = append(ra, rawAttr{name, val})
	}
	if len(ra) > 0 {
		attrs = make([]xml.Attr, len(ra))
		for k, a := range ra {
			p, l := splitName(a.raw)
			if p == "" && l == "xmlns" {
				attrs[k] = xml.Attr{Name: xml.Name{Local: "xmlns"}, Value: a.val}
				continue
			}
			attrs[k] = xml.Attr{Name: xml.Name{Space: s.resolve(p, true), Local: l}, Value: a.val}
		}
	}
	p, l := splitName(raw)
	name := xml.Name{Space: s.resolve(p, false), Local: l}
	s.countLines(s.buf[s.pos:e])
	s.pos = e + 1
	s.stack = append(s.stack, openElem{raw: raw, name: name, nsLen: nsLen})
	if selfClose {
		s.pendingEnd, s.pendingEl = true, name
	}
	return xml.StartElement{Name: name, Attr: attrs}, nil
}

func (s *scanner) pop() {
	top := s.stack[len(s.stack)-1]
	s.ns = s.ns[:top.nsLen]
	s.stack = s.stack[:len(s.stack)-1]
}

func (s *scanner) endTag() (xml.Token, error) {
	e := s.tagEnd()
	if e < 0 {
		s.countLines(s.buf[s.pos:s.end])
		s.pos = s.end
		return nil, s.syntaxError(errUnexpectedEOF)
	}
	tag := s.buf[s.pos+2 : e]
	i := 0
	for i < len(tag) && isNameByte(tag[i]) {
		i++
	}
	rawB := tag[:i]
	if len(bytes.TrimRight(tag[i:], " \t\r\n")) > 0 || i == 0 {
		return nil, s.syntaxError("invalid characters between </" + string(rawB) + " and >")
	}
	s.countLines(s.buf[s.pos:e])
	s.pos = e + 1
	_, local := splitName(string(rawB))
	if len(s.stack) == 0 {
		return nil, s.syntaxError("unexpected end element </" + local + ">")
	}
	top := s.stack[len(s.stack)-1]
	if top.raw != string(rawB) {
		return nil, s.syntaxError("element <" + top.name.Local + "> closed by </" + local + ">")
	}
	s.pop()
	return xml.EndElement{Name: top.name}, nil
}
