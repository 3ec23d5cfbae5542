package features

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/sip-core/sip/internal/xmlscan"
	"github.com/sip-core/sip/server"
)

// servePOST handles the WFS XML encoding (POST to /wfs): the request document is
// read into the same parameters as the key-value encoding, the fes:Filter kept
// as its own XML, then served by the same code.
func (s *wfs) servePOST(w http.ResponseWriter, r *http.Request) {
	body, err := server.ReadBody(r)
	if err != nil {
		server.WriteErr(w, r, err)
		return
	}
	params, e := parseWFSXML(body)
	if e != nil {
		server.WriteError(w, r, e)
		return
	}
	s.serve(w, r, params)
}

// parseWFSXML maps a WFS 2.0 / 1.1 request document onto KVP parameter names.
// It reads the document with the bounded tokenizer (xmlscan: DTDs refused, at
// most 256 attributes per element) and in time and memory linear in the body,
// which the server's limits.max_body bounds.
func parseWFSXML(body []byte) (map[string]string, *server.Error) {
	d := &wfsDoc{body: body, sc: xmlscan.New(bytes.NewReader(body), xmlscan.Options{NoDTD: true}),
		params: map[string]string{}, values: map[string]*strings.Builder{}}
	if err := d.read(); err != nil {
		return nil, owsErr(400, "OperationParsingFailed", "", "%v", err)
	}
	if d.params["REQUEST"] == "" {
		return nil, owsErr(400, "OperationParsingFailed", "", "empty request")
	}
	for k, b := range d.values {
		d.params[k] = b.String()
	}
	for k, v := range map[string][]string{"TYPENAMES": d.typeNames, "PROPERTYNAME": d.propNames, "SORTBY": d.sortBy} {
		if len(v) > 0 {
			d.params[k] = strings.Join(v, ",")
		}
	}
	return d.params, nil
}

// wfsDoc is a request document being read.
type wfsDoc struct {
	body   []byte
	sc     *xmlscan.Scanner
	params map[string]string
	// values collects the text of Parameter elements by name
	values                       map[string]*strings.Builder
	typeNames, propNames, sortBy []string
	stack                        []string
}

// attrOf is the value of se's attribute name, matched in any case: OWSLib
// 0.27 writes typenames="…" and outputformat="…" where WFS 2.0 says typeNames
// and outputFormat, and no request attribute differs from another by case only.
func attrOf(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if strings.EqualFold(a.Name.Local, name) {
			return a.Value
		}
	}
	return ""
}

// requestAttrs are the attributes of a request's root element that map onto
// KVP parameters of the same name (matched in any case, as attrOf).
var requestAttrs = []string{"service", "version", "count", "startIndex", "resultType", "outputFormat", "valueReference", "maxFeatures"}

func (d *wfsDoc) read() error {
	for {
		tok, err := d.sc.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("request is not well-formed XML: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := d.start(t); err != nil {
				return err
			}
		case xml.EndElement:
			d.stack = d.stack[:len(d.stack)-1]
		}
	}
}

// start handles an element whose start tag was just read; elements read whole
// here are not pushed on the stack.
func (d *wfsDoc) start(t xml.StartElement) error {
	name := t.Name.Local
	if len(d.stack) == 0 {
		d.params["REQUEST"] = name
		for _, a := range requestAttrs {
			if v := attrOf(t, a); v != "" {
				d.params[strings.ToUpper(a)] = v
			}
		}
	}
	if len(d.stack) > 16 {
		return errors.New("request nested too deeply")
	}
	switch name {
	case "Query":
		if tn := firstNonEmpty(attrOf(t, "typeNames"), attrOf(t, "typeName")); tn != "" {
			d.typeNames = append(d.typeNames, tn)
		}
		if v := attrOf(t, "srsName"); v != "" {
			d.params["SRSNAME"] = v
		}
	case "TypeName":
		v, err := d.text(false)
		if err != nil {
			return fmt.Errorf("bad TypeName: %w", err)
		}
		d.typeNames = append(d.typeNames, strings.TrimSpace(v))
		return nil
	case "StoredQuery":
		d.params["STOREDQUERY_ID"] = attrOf(t, "id")
	case "Parameter":
		v, err := d.text(true)
		if err != nil {
			return fmt.Errorf("bad Parameter: %w", err)
		}
		if p := strings.ToUpper(attrOf(t, "name")); p != "" {
			if d.values[p] == nil {
				d.values[p] = &strings.Builder{}
			}
			d.values[p].WriteString(v)
		}
		return nil
	case "Filter":
		start := d.sc.TokenOffset()
		if err := d.sc.Skip(d.sc.Depth()); err != nil {
			return fmt.Errorf("bad Filter: %w", err)
		}
		d.params["FILTER"] = string(d.body[start:d.sc.Offset()])
		return nil
	case "SortProperty":
		item, err := d.sortProperty()
		if err != nil {
			return fmt.Errorf("bad SortProperty: %w", err)
		}
		d.sortBy = append(d.sortBy, item)
		return nil
	case "PropertyName":
		if len(d.stack) > 0 && d.stack[len(d.stack)-1] == "Query" {
			v, err := d.text(false)
			if err != nil {
				return fmt.Errorf("bad PropertyName: %w", err)
			}
			d.propNames = append(d.propNames, strings.TrimSpace(v))
			return nil
		}
	}
	d.stack = append(d.stack, name)
	return nil
}

// text reads the rest of the element whose start tag was just read and returns
// its own character data (that of nested elements left out), each piece
// trimmed when trim is set.
func (d *wfsDoc) text(trim bool) (string, error) {
	var b strings.Builder
	level := d.sc.Depth()
	for d.sc.Depth() >= level {
		tok, err := d.sc.Next()
		if err != nil {
			return "", err
		}
		if cd, ok := tok.(xml.CharData); ok && d.sc.Depth() == level {
			if trim {
				cd = bytes.TrimSpace(cd)
			}
			b.Write(cd)
		}
	}
	return b.String(), nil
}

// sortProperty reads a SortProperty: "name" or "name ORDER".
func (d *wfsDoc) sortProperty() (string, error) {
	var ref, name, order string
	level := d.sc.Depth()
	for d.sc.Depth() >= level {
		tok, err := d.sc.Next()
		if err != nil {
			return "", err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		v, err := d.text(false)
		if err != nil {
			return "", err
		}
		switch se.Name.Local {
		case "ValueReference":
			ref = v
		case "PropertyName":
			name = v
		case "SortOrder":
			order = v
		}
	}
	item := strings.TrimSpace(firstNonEmpty(ref, name))
	if o := strings.TrimSpace(order); o != "" {
		item += " " + o
	}
	return item, nil
}
