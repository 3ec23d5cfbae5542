// Package xmlscan is the streaming XML tokenizer behind the ingest readers (EGiB
// and APP GML) and the WFS request and filter parsers, several times faster than encoding/xml.Decoder.Token (which reads
// byte by byte through an interface and allocates for every name): it works on a
// large buffer, interns element and attribute names, and resolves namespace
// prefixes itself. It returns the same token types as encoding/xml (StartElement
// with Name.Space set to the namespace URI, EndElement, CharData; comments,
// processing instructions and the DOCTYPE are skipped) and reports malformed input
// as *xml.SyntaxError with the line, with the messages encoding/xml uses for the
// common cases (mismatched or unexpected end tags, unexpected EOF).
//
// Memory is bounded whatever the input: one text value is at most Options.MaxText
// bytes (DefaultMaxText), a tag at most MaxTag with MaxAttrs attributes, nesting
// at most MaxDepth, and
// comments, processing instructions, directives and skipped subtrees (Skip) are
// streamed through without being kept. Anything beyond a bound is a *LimitError
// naming the line. The scanner is stricter than encoding/xml where a GML export
// cannot differ: only white space (and a leading byte order mark) may stand
// outside the root element, there is one root element, and control characters
// such as NUL are rejected wherever they occur — so a file of zeros or random
// bytes fails on its first byte.
//
// Errors never quote text from skipped content (which may hold personal data),
// and quote at most a few dozen bytes of anything else.
//
// A CharData token is only valid until the next call to Next.
package xmlscan

import (
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Bounds. A real export is made of small tokens: the longest text is a posList,
// a few megabytes for the boundary of a large obręb or jednostka.
const (
	// DefaultMaxText bounds one text value (the character data between two
	// tags, or a CDATA section) unless Options.MaxText says otherwise.
	DefaultMaxText = 64 << 20
	// MaxTag bounds one tag with its attributes.
	MaxTag = 1 << 20
	// MaxDepth bounds the nesting of elements (GML nests about a dozen deep).
	MaxDepth = 1000
	// MaxAttrs bounds the attributes of one element, namespace declarations
	// included.
	MaxAttrs = 256
	// maxNSBytes bounds the namespace declarations in scope.
	maxNSBytes = 1 << 20
	// maxEntity is the longest entity reference kept whole across a refill.
	maxEntity = 256
	// maxQuote is the most bytes of input an error message quotes.
	maxQuote = 40
)

// Options configure a Scanner.
type Options struct {
	// MaxText is the longest text value accepted, in bytes; 0 means DefaultMaxText.
	MaxText int
	// Charset returns a reader converting input from the encoding named by the XML
	// declaration to UTF-8. Nil accepts UTF-8 (and ASCII) only.
	Charset func(label string, input io.Reader) (io.Reader, error)
	// NoDTD refuses a DOCTYPE (or any other directive) instead of skipping it.
	NoDTD bool
}

// LimitError reports input beyond one of the scanner's bounds.
type LimitError struct {
	Line int
	Msg  string
}

func (e *LimitError) Error() string {
	return "XML limit on line " + strconv.Itoa(e.Line) + ": " + e.Msg
}

// Scanner reads the tokens of one document.
type Scanner struct {
	r    io.Reader
	buf  []byte
	pos  int   // next unread byte in buf
	end  int   // end of valid data in buf
	base int64 // input offset of buf[0]
	line int   // line of buf[pos]
	// tokLine is the line where the token last returned by Next starts,
	// tokOff its input offset.
	tokLine  int
	tokOff   int64
	eof      bool
	rerr     error // read error other than io.EOF
	names    map[string]string
	stack    []openElem
	ns       []nsBinding // in-scope prefix bindings, innermost last
	nsBytes  int
	text     []byte // unescaped character data
	scratch  []byte // entity check of skipped text
	first    bool   // no markup read yet (byte order mark, XML declaration allowed)
	rootDone bool   // the root element has been closed
	discard  bool   // inside Skip: text is checked, never kept or quoted
	maxText  int
	charset  func(string, io.Reader) (io.Reader, error)
	noDTD    bool
	// pending end element of a self-closing tag
	pendingEnd bool
	pendingEl  xml.Name
	// the element of the last start or end tag read
	tokName xml.Name
	tokAttr []xml.Attr
	ra      []rawAttr // attributes of the tag being read
}

type openElem struct {
	raw     string // prefix:local as written
	name    xml.Name
	nsLen   int // len(ns) before this element's declarations
	nsBytes int
}

type nsBinding struct {
	prefix, uri string
}

type rawAttr struct {
	raw, val string
}

const bufSize = 256 << 10

// New returns a scanner reading r.
func New(r io.Reader, o Options) *Scanner {
	if o.MaxText <= 0 {
		o.MaxText = DefaultMaxText
	}
	return &Scanner{r: r, buf: make([]byte, bufSize), line: 1, names: map[string]string{}, first: true,
		maxText: o.MaxText, charset: o.Charset, noDTD: o.NoDTD}
}

// Offset is the number of input bytes consumed (after charset conversion).
func (s *Scanner) Offset() int64 { return s.base + int64(s.pos) }

// Line is the line of the next unread byte.
func (s *Scanner) Line() int { return s.line }

// TokenLine is the line where the token last returned by Next starts.
func (s *Scanner) TokenLine() int { return s.tokLine }

// TokenOffset is the input offset where the token last returned by Next starts.
func (s *Scanner) TokenOffset() int64 { return s.tokOff }

// Depth is the number of open elements (a self-closing element counts until its
// EndElement has been returned).
func (s *Scanner) Depth() int { return len(s.stack) }

// MaxText is the longest text value accepted.
func (s *Scanner) MaxText() int { return s.maxText }

// TextTooLong is the error for a text value longer than MaxText starting at line,
// for readers that join several tokens into one value.
func (s *Scanner) TextTooLong(line int) error {
	return &LimitError{Line: line, Msg: "text value longer than the limit of " + Size(s.maxText)}
}

// Size writes a byte count the way the limits are given ("64 MiB").
func Size(n int) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.Itoa(n>>20) + " MiB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return strconv.Itoa(n>>10) + " KiB"
	}
	return strconv.Itoa(n) + " bytes"
}

// Quote quotes at most a few dozen bytes of s for an error message.
func Quote(s string) string {
	if len(s) <= maxQuote {
		return strconv.Quote(s)
	}
	n := maxQuote
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return strconv.Quote(s[:n]) + "…"
}

// fill reads more input, keeping buf[keep:] (moved to the front). It returns false
// at the end of the input.
func (s *Scanner) fill(keep int) bool {
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

func (s *Scanner) syntaxError(msg string) error {
	if s.rerr != nil {
		return s.rerr
	}
	return &xml.SyntaxError{Msg: msg, Line: s.line}
}

const errUnexpectedEOF = "unexpected EOF"

// need makes sure buf[s.pos:] holds at least n bytes, or returns false at EOF.
func (s *Scanner) need(n int) bool {
	for s.end-s.pos < n {
		if !s.fill(s.pos) {
			return false
		}
	}
	return true
}

// getc consumes one byte.
func (s *Scanner) getc() (byte, bool) {
	if s.pos >= s.end && !s.fill(s.pos) {
		return 0, false
	}
	c := s.buf[s.pos]
	s.pos++
	if c == '\n' {
		s.line++
	}
	return c, true
}

// skipPast consumes input up to and including sep, keeping nothing of it.
func (s *Scanner) skipPast(sep string) error {
	for {
		if i := bytes.Index(s.buf[s.pos:s.end], []byte(sep)); i >= 0 {
			s.countLines(s.buf[s.pos : s.pos+i+len(sep)])
			s.pos += i + len(sep)
			return nil
		}
		// the last len(sep)-1 bytes may begin sep
		k := max(s.pos, s.end-len(sep)+1)
		s.countLines(s.buf[s.pos:k])
		s.pos = k
		if !s.fill(s.pos) {
			s.countLines(s.buf[s.pos:s.end])
			s.pos = s.end
			return s.syntaxError(errUnexpectedEOF)
		}
	}
}

func (s *Scanner) countLines(b []byte) { s.line += bytes.Count(b, []byte{'\n'}) }

var bom = []byte("\xEF\xBB\xBF")

// kind is the kind of token step read.
type kind int

const (
	kindNone  kind = iota // a comment, processing instruction or directive: skipped
	kindStart             // tokName, tokAttr
	kindEnd               // tokName
	kindText              // text
)

// Next returns the next token; io.EOF at the end of a well-formed document.
func (s *Scanner) Next() (xml.Token, error) {
	for {
		k, err := s.step()
		switch {
		case err != nil:
			return nil, err
		case k == kindStart:
			return xml.StartElement{Name: s.tokName, Attr: s.tokAttr}, nil
		case k == kindEnd:
			return xml.EndElement{Name: s.tokName}, nil
		case k == kindText:
			return xml.CharData(s.text), nil
		}
	}
}

func (s *Scanner) step() (kind, error) {
	if s.pendingEnd {
		s.tokLine = s.line
		s.pendingEnd = false
		s.pop()
		s.tokName = s.pendingEl
		return kindEnd, nil
	}
	if s.first && s.Offset() == 0 && s.need(3) && bytes.HasPrefix(s.buf[s.pos:s.end], bom) {
		s.pos += len(bom)
	}
	if !s.need(1) {
		if len(s.stack) > 0 {
			return kindNone, s.syntaxError(errUnexpectedEOF)
		}
		if s.rerr != nil {
			return kindNone, s.rerr
		}
		return kindNone, io.EOF
	}
	s.tokLine, s.tokOff = s.line, s.Offset()
	if s.buf[s.pos] != '<' {
		return s.charData()
	}
	if !s.need(2) {
		return kindNone, s.syntaxError(errUnexpectedEOF)
	}
	first := s.first
	s.first = false
	switch s.buf[s.pos+1] {
	case '/':
		return s.endTag()
	case '?':
		return kindNone, s.procInst(first)
	case '!':
		return s.bang()
	}
	return s.startTag()
}

// outsideRoot is the error for the byte c found outside the root element.
func (s *Scanner) outsideRoot(c byte) error {
	if c < 0x20 {
		return s.syntaxError(fmt.Sprintf("illegal character code U+%04X", c))
	}
	if s.rootDone {
		return s.syntaxError("content after the root element")
	}
	return s.syntaxError("text before the root element")
}

func firstNonSpace(b []byte) int {
	for i, c := range b {
		if !isSpace(c) {
			return i
		}
	}
	return -1
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// holdBack trims from b an entity reference or a UTF-8 sequence cut by the end of
// the buffer; they are read whole with the next refill.
func holdBack(b []byte) []byte {
	if k := bytes.LastIndexByte(b, '&'); k >= 0 && len(b)-k <= maxEntity && bytes.IndexByte(b[k:], ';') < 0 {
		b = b[:k]
	}
	for j := 1; j <= 3 && j <= len(b); j++ {
		c := b[len(b)-j]
		if c < utf8.RuneSelf {
			break
		}
		if utf8.RuneStart(c) {
			if !utf8.FullRune(b[len(b)-j:]) {
				b = b[:len(b)-j]
			}
			break
		}
	}
	return b
}

// badChar returns the index in b of the first character XML does not allow
// (control characters, invalid UTF-8, U+FFFE/U+FFFF), or -1. Eight bytes of
// ASCII text are passed at a time; a word holding anything else (a multi-byte
// character, a control character) is looked at byte by byte.
func badChar(b []byte) int {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	i := 0
	for i < len(b) {
		end := len(b)
		if i+8 <= len(b) {
			w := binary.LittleEndian.Uint64(b[i:])
			// printable ASCII, or ASCII with line breaks or tabs
			if w&hi == 0 && ((w-lo*0x20)&^w&hi == 0 || asciiText(w)) {
				i += 8
				continue
			}
			end = i + 8
		}
		for i < end {
			c := b[i]
			if c >= 0x20 && c < utf8.RuneSelf || c == '\t' || c == '\n' || c == '\r' {
				i++
				continue
			}
			if c < utf8.RuneSelf {
				return i
			}
			r, n := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && n == 1 || !isXMLChar(r) {
				return i
			}
			i += n
		}
	}
	return -1
}

// asciiText reports whether the eight ASCII bytes of w (none >= 0x80) are all
// allowed in text: none below 0x20 but tab, line feed and carriage return. It
// tests for a byte below 0x09, one between 0x0A and 0x0D, and one between 0x0D
// and 0x20 with the word-at-a-time tests of "Bit Twiddling Hacks" (hasless,
// hasbetween), exact for bytes under 0x80.
func asciiText(w uint64) bool {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	below09 := (w - lo*0x09) &^ w & hi
	in0B0C := (lo*(127+0x0D) - w) &^ w & (w + lo*(127-0x0A)) & hi
	in0E1F := (lo*(127+0x20) - w) &^ w & (w + lo*(127-0x0D)) & hi
	return below09|in0B0C|in0E1F == 0
}

// charError is the error for the character at b[k], with the line counted.
func (s *Scanner) charError(b []byte, k int) error {
	line := s.line + bytes.Count(b[:k], []byte{'\n'})
	msg := "invalid UTF-8"
	if b[k] < utf8.RuneSelf {
		msg = fmt.Sprintf("illegal character code U+%04X", b[k])
	} else if r, n := utf8.DecodeRune(b[k:]); n > 1 {
		msg = fmt.Sprintf("illegal character code %U", r)
	}
	if s.rerr != nil {
		return s.rerr
	}
	return &xml.SyntaxError{Msg: msg, Line: line}
}

func (s *Scanner) charData() (kind, error) {
	outside := len(s.stack) == 0
	s.text = s.text[:0]
	n := 0
	for {
		i := bytes.IndexByte(s.buf[s.pos:s.end], '<')
		stop := i >= 0
		if !stop {
			i = s.end - s.pos
		}
		chunk := s.buf[s.pos : s.pos+i]
		if outside {
			if k := firstNonSpace(chunk); k >= 0 {
				s.countLines(chunk[:k])
				s.pos += k
				return kindNone, s.outsideRoot(chunk[k])
			}
		}
		if !stop {
			chunk = holdBack(chunk)
		}
		if err := s.take(chunk, &n, true); err != nil {
			return kindNone, err
		}
		if stop {
			break
		}
		if !s.fill(s.pos) {
			if s.end > s.pos { // an unterminated entity or character at EOF
				return kindNone, s.syntaxError(errUnexpectedEOF)
			}
			break
		}
	}
	return kindText, nil
}

// take consumes chunk, the next piece of a text value of *n bytes so far: it
// checks its characters and the bound, and keeps it (see keepText).
func (s *Scanner) take(chunk []byte, n *int, escaped bool) error {
	if k := badChar(chunk); k >= 0 {
		return s.charError(chunk, k)
	}
	if *n += len(chunk); *n > s.maxText {
		return s.TextTooLong(s.tokLine)
	}
	if err := s.keepText(chunk, escaped); err != nil {
		return err
	}
	s.countLines(chunk)
	s.pos += len(chunk)
	return nil
}

// keepText appends chunk to the text (with references replaced when escaped);
// in skipped content it only checks the references.
func (s *Scanner) keepText(chunk []byte, escaped bool) error {
	if escaped && bytes.IndexByte(chunk, '&') >= 0 {
		var err error
		if s.discard {
			s.scratch, err = s.unescape(s.scratch[:0], chunk)
		} else {
			s.text, err = s.unescape(s.text, chunk)
		}
		return err
	}
	if !s.discard {
		s.text = append(s.text, chunk...)
	}
	return nil
}

var entities = map[string]rune{"lt": '<', "gt": '>', "amp": '&', "apos": '\'', "quot": '"'}

// entityError reports a bad reference; inside skipped content it quotes nothing.
func (s *Scanner) entityError(name []byte, semicolon bool) error {
	if s.discard {
		return s.syntaxError("invalid character entity in content skipped unread (not quoted)")
	}
	if !semicolon {
		return s.syntaxError("invalid character entity &" + quoteRaw(name) + " (no semicolon)")
	}
	return s.syntaxError("invalid character entity &" + quoteRaw(name) + ";")
}

// quoteRaw shortens raw input quoted in an error.
func quoteRaw(b []byte) string {
	q := Quote(string(b))
	q = strings.TrimPrefix(q, `"`)
	if i := strings.LastIndexByte(q, '"'); i >= 0 {
		q = q[:i] + q[i+1:]
	}
	return q
}

// unescape appends b to dst with character and entity references replaced.
func (s *Scanner) unescape(dst, b []byte) ([]byte, error) {
	for {
		i := bytes.IndexByte(b, '&')
		if i < 0 {
			return append(dst, b...), nil
		}
		dst = append(dst, b[:i]...)
		b = b[i+1:]
		j := bytes.IndexByte(b, ';')
		if j < 0 {
			return nil, s.entityError(b, false)
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
				return nil, s.entityError(name, true)
			}
			dst = utf8.AppendRune(dst, rune(n))
			continue
		}
		r, ok := entities[string(name)]
		if !ok {
			return nil, s.entityError(name, true)
		}
		dst = append(dst, byte(r))
	}
}

func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// procInst skips a processing instruction; the XML declaration (the first one)
// may name the encoding.
func (s *Scanner) procInst(first bool) error {
	if !first || !s.need(6) || !bytes.HasPrefix(s.buf[s.pos:s.end], []byte("<?xml")) || !isSpace(s.buf[s.pos+5]) && s.buf[s.pos+5] != '?' {
		return s.skipPast("?>")
	}
	e := s.pos
	for {
		if i := bytes.Index(s.buf[e:s.end], []byte("?>")); i >= 0 {
			e += i
			break
		}
		if s.end-s.pos > MaxTag {
			return &LimitError{Line: s.line, Msg: "XML declaration longer than " + Size(MaxTag)}
		}
		e = max(s.pos, s.end-1)
		rel := e - s.pos
		if !s.fill(s.pos) {
			return s.skipPast("?>")
		}
		e = s.pos + rel
	}
	enc := piParam(s.buf[s.pos:e], "encoding")
	s.countLines(s.buf[s.pos : e+2])
	s.pos = e + 2
	switch strings.ToLower(enc) {
	case "", "utf-8", "utf8", "us-ascii", "ascii":
		return nil
	}
	if s.charset == nil {
		return fmt.Errorf("xml: unsupported encoding %s (only UTF-8)", Quote(enc))
	}
	rest := append([]byte(nil), s.buf[s.pos:s.end]...)
	r, err := s.charset(enc, io.MultiReader(bytes.NewReader(rest), s.r))
	if err != nil {
		return fmt.Errorf("xml: opening charset %s: %w", Quote(enc), err)
	}
	s.r, s.end, s.eof = r, s.pos, false
	return nil
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

// bang handles <!-- comments -->, <![CDATA[…]]> and directives (<!DOCTYPE …>),
// the way encoding/xml delimits them.
func (s *Scanner) bang() (kind, error) {
	if !s.need(3) {
		return kindNone, s.syntaxError(errUnexpectedEOF)
	}
	switch s.buf[s.pos+2] {
	case '-':
		if !s.need(4) {
			return kindNone, s.syntaxError(errUnexpectedEOF)
		}
		if s.buf[s.pos+3] != '-' {
			return kindNone, s.syntaxError("invalid sequence <!- not part of <!--")
		}
		s.pos += 4
		return kindNone, s.skipPast("-->")
	case '[':
		const open = "<![CDATA["
		for i := 3; i < len(open); i++ {
			if !s.need(i + 1) {
				return kindNone, s.syntaxError(errUnexpectedEOF)
			}
			if s.buf[s.pos+i] != open[i] {
				return kindNone, s.syntaxError("invalid <![ sequence")
			}
		}
		s.pos += len(open)
		return s.cdata()
	}
	if s.noDTD {
		return kindNone, s.syntaxError("DTDs are not allowed")
	}
	// A directive: its first byte is taken as it is, whatever it is.
	s.countLines(s.buf[s.pos+2 : s.pos+3])
	s.pos += 3
	return kindNone, s.directive()
}

// directive skips the rest of a directive: '>' ends it outside quotes and
// nested '<'…'>', and a comment inside is skipped whole.
func (s *Scanner) directive() error {
	var quote byte
	depth := 0
	for {
		b, ok := s.getc()
		if !ok {
			return s.syntaxError(errUnexpectedEOF)
		}
		if quote == 0 && b == '>' && depth == 0 {
			return nil
		}
	handle:
		switch {
		case b == quote:
			quote = 0
		case quote != 0:
		case b == '\'' || b == '"':
			quote = b
		case b == '>':
			depth--
		case b == '<':
			const open = "!--"
			for i := 0; i < len(open); i++ {
				if b, ok = s.getc(); !ok {
					return s.syntaxError(errUnexpectedEOF)
				}
				if b != open[i] {
					depth++
					goto handle
				}
			}
			var b0, b1 byte
			for {
				if b, ok = s.getc(); !ok {
					return s.syntaxError(errUnexpectedEOF)
				}
				if b0 == '-' && b1 == '-' && b == '>' {
					break
				}
				b0, b1 = b1, b
			}
		}
	}
}

// cdata reads a CDATA section (its "<![CDATA[" consumed) as character data.
func (s *Scanner) cdata() (kind, error) {
	if len(s.stack) == 0 {
		return kindNone, s.outsideRoot('<')
	}
	s.text = s.text[:0]
	n := 0
	for {
		i := bytes.Index(s.buf[s.pos:s.end], []byte("]]>"))
		stop := i >= 0
		if !stop {
			i = max(0, s.end-s.pos-2) // the last two bytes may begin "]]>"
		}
		chunk := s.buf[s.pos : s.pos+i]
		if !stop {
			chunk = holdBack(chunk)
		}
		if err := s.take(chunk, &n, false); err != nil {
			return kindNone, err
		}
		if stop {
			s.pos += 3
			return kindText, nil
		}
		if !s.fill(s.pos) {
			s.countLines(s.buf[s.pos:s.end])
			s.pos = s.end
			return kindNone, s.syntaxError(errUnexpectedEOF)
		}
	}
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '_' || c == ':' || c == '-' || c == '.' || c >= 0x80
}

// tagEnd returns the index of the '>' that ends the tag starting at s.pos (quotes
// respected), reading more input as needed.
func (s *Scanner) tagEnd() (int, error) {
	var quote byte
	for i := s.pos + 1; ; i++ {
		if i >= s.end {
			if i-s.pos > MaxTag {
				return 0, &LimitError{Line: s.line, Msg: "tag longer than " + Size(MaxTag)}
			}
			rel := i - s.pos
			if !s.fill(s.pos) {
				s.countLines(s.buf[s.pos:s.end])
				s.pos = s.end
				return 0, s.syntaxError(errUnexpectedEOF)
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
			return i, nil
		case c == '<':
			return 0, s.syntaxError("unexpected < in a tag")
		}
	}
}

const maxInterned = 4096

// intern returns b as a string, allocating once per distinct name.
func (s *Scanner) intern(b []byte) string {
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
func (s *Scanner) resolve(prefix string, attr bool) string {
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

func (s *Scanner) startTag() (kind, error) {
	e, err := s.tagEnd()
	if err != nil {
		return kindNone, err
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
		return kindNone, s.syntaxError("expected element name after <")
	}
	if len(s.stack) == 0 && s.rootDone {
		return kindNone, s.syntaxError("content after the root element")
	}
	if len(s.stack) >= MaxDepth {
		return kindNone, &LimitError{Line: s.line, Msg: "elements nested more than " + strconv.Itoa(MaxDepth) + " deep"}
	}
	raw := s.intern(tag[:i])
	ra, err := s.attrs(tag[i:])
	if err != nil {
		return kindNone, err
	}
	el := openElem{raw: raw, nsLen: len(s.ns), nsBytes: s.nsBytes}
	var attrs []xml.Attr
	if !s.discard {
		if attrs, err = s.bind(ra); err != nil {
			return kindNone, err
		}
		p, l := splitName(raw)
		el.name = xml.Name{Space: s.resolve(p, false), Local: l}
	}
	s.countLines(s.buf[s.pos:e])
	s.pos = e + 1
	s.stack = append(s.stack, el)
	if selfClose {
		s.pendingEnd, s.pendingEl = true, el.name
	}
	s.tokName, s.tokAttr = el.name, attrs
	return kindStart, nil
}

// attrs parses the attributes of a start tag (tag: what follows the name). In
// skipped content they are checked, not kept.
func (s *Scanner) attrs(tag []byte) ([]rawAttr, error) {
	ra := s.ra[:0]
	defer func() { s.ra = ra[:0] }()
	i, n := 0, 0
	for {
		for i < len(tag) && isSpace(tag[i]) {
			i++
		}
		if i == len(tag) {
			return ra, nil
		}
		if n++; n > MaxAttrs {
			return nil, &LimitError{Line: s.line, Msg: "more than " + strconv.Itoa(MaxAttrs) + " attributes in one element"}
		}
		k := i
		for i < len(tag) && isNameByte(tag[i]) {
			i++
		}
		if i == k {
			return nil, s.syntaxError("expected attribute name in element")
		}
		name := tag[k:i]
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
		if c := badChar(vb); c >= 0 {
			return nil, s.charError(vb, c)
		}
		if s.discard {
			if bytes.IndexByte(vb, '&') >= 0 {
				if _, err := s.unescape(s.scratch[:0], vb); err != nil {
					return nil, err
				}
			}
			continue
		}
		if bytes.IndexByte(vb, '&') >= 0 {
			u, err := s.unescape(nil, vb)
			if err != nil {
				return nil, err
			}
			vb = u
		}
		ra = append(ra, rawAttr{s.intern(name), string(vb)})
	}
}

// bind declares the namespaces of a start tag and resolves its attribute names.
func (s *Scanner) bind(ra []rawAttr) ([]xml.Attr, error) {
	if len(ra) == 0 {
		return nil, nil
	}
	for _, a := range ra {
		if a.raw == "xmlns" {
			s.ns = append(s.ns, nsBinding{"", a.val})
		} else if len(a.raw) > 6 && a.raw[:6] == "xmlns:" {
			s.ns = append(s.ns, nsBinding{a.raw[6:], a.val})
		} else {
			continue
		}
		if s.nsBytes += len(a.raw) + len(a.val); s.nsBytes > maxNSBytes {
			return nil, &LimitError{Line: s.line, Msg: "namespace declarations in scope longer than " + Size(maxNSBytes)}
		}
	}
	attrs := make([]xml.Attr, len(ra))
	for k, a := range ra {
		p, l := splitName(a.raw)
		if p == "" && l == "xmlns" {
			attrs[k] = xml.Attr{Name: xml.Name{Local: "xmlns"}, Value: a.val}
			continue
		}
		attrs[k] = xml.Attr{Name: xml.Name{Space: s.resolve(p, true), Local: l}, Value: a.val}
	}
	return attrs, nil
}

func (s *Scanner) pop() {
	top := s.stack[len(s.stack)-1]
	s.ns = s.ns[:top.nsLen]
	s.nsBytes = top.nsBytes
	s.stack = s.stack[:len(s.stack)-1]
	if len(s.stack) == 0 {
		s.rootDone = true
	}
}

func (s *Scanner) endTag() (kind, error) {
	e, err := s.tagEnd()
	if err != nil {
		return kindNone, err
	}
	tag := s.buf[s.pos+2 : e]
	i := 0
	for i < len(tag) && isNameByte(tag[i]) {
		i++
	}
	rawB := tag[:i]
	if len(bytes.TrimRight(tag[i:], " \t\r\n")) > 0 || i == 0 {
		return kindNone, s.syntaxError("invalid characters between </" + quoteRaw(rawB) + " and >")
	}
	s.countLines(s.buf[s.pos:e])
	s.pos = e + 1
	_, local := splitName(string(rawB))
	if len(s.stack) == 0 {
		return kindNone, s.syntaxError("unexpected end element </" + quoteRaw([]byte(local)) + ">")
	}
	top := s.stack[len(s.stack)-1]
	if top.raw != string(rawB) {
		_, topLocal := splitName(top.raw)
		return kindNone, s.syntaxError("element <" + quoteRaw([]byte(topLocal)) + "> closed by </" + quoteRaw([]byte(local)) + ">")
	}
	s.pop()
	s.tokName = top.name
	return kindEnd, nil
}

// Skip consumes the input until fewer than depth elements are open: Skip(Depth())
// right after a StartElement skips that element. The skipped content is checked
// for well-formedness and the bounds but nothing of it is kept, and errors in it
// quote none of its text.
func (s *Scanner) Skip(depth int) error {
	if depth < 1 {
		return nil
	}
	s.discard = true
	defer func() { s.discard = false }()
	for len(s.stack) >= depth {
		if _, err := s.step(); err != nil {
			return err
		}
	}
	return nil
}
