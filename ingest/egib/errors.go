package egib

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Error is a problem found while reading an EGiB GML file. It names the file, the
// line, the class and the identifier of the object concerned so that a county
// operator can find it in the source export.
//
// An Error with Fatal false concerns one object: the Reader has skipped that object
// and Next may be called again for the following ones. A Fatal error (malformed or
// truncated XML) ends the file: every later Next returns the same error.
type Error struct {
	File  string
	Line  int
	Class string // source class, e.g. EGB_DzialkaEwidencyjna (empty for document-level errors)
	GMLID string // gml:id of the object, when known
	ID    string // idIIP lokalnyId of the object, when known
	Msg   string
	Fatal bool
	Err   error // underlying error, if any (e.g. *xml.SyntaxError)
}

func (e *Error) Error() string {
	loc := e.File
	if e.Line > 0 {
		loc += ":" + strconv.Itoa(e.Line)
	}
	id := e.GMLID
	if id == "" {
		id = e.ID
	}
	who := strings.TrimSpace(e.Class + " " + id)
	if who == "" {
		return loc + ": " + e.Msg
	}
	return loc + ": " + who + ": " + e.Msg
}

func (e *Error) Unwrap() error { return e.Err }

// IsFatal reports whether err ends the reading of a file (anything that is not an
// object-level *Error, io.EOF excepted by the caller).
func IsFatal(err error) bool {
	var e *Error
	if errors.As(err, &e) {
		return e.Fatal
	}
	return err != nil
}

// problem is an object-level error raised while parsing; the object reader turns it
// into an *Error carrying the object's identity.
type problem struct {
	line int
	msg  string
}

func (p *problem) Error() string { return p.msg }

func (r *Reader) problemf(format string, args ...any) error {
	return &problem{line: r.line, msg: fmt.Sprintf(format, args...)}
}

// fatalError marks an XML-level error that ends the file.
type fatalError struct{ err error }

func (f *fatalError) Error() string { return f.err.Error() }
