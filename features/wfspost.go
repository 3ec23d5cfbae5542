package features

import (
	"bytes"
	"encoding/xml"
	"io"
	"net/http"
	"strings"

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
func parseWFSXML(body []byte) (map[string]string, *server.Error) {
	bad := func(format string, args ...any) *server.Error {
		return owsErr(400, "OperationParsingFailed", "", format, args...)
	}
	dec := xml.NewDecoder(bytes.NewReader(body))
	params := map[string]string{}
	var stack []string
	var typeNames, propNames, sortBy []string
	var paramName string
	for {
		start := dec.InputOffset()
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, bad("request is not well-formed XML: %v", err)
		}
		switch t := tok.(type) {
		case xml.Directive:
			return nil, bad("DTDs are not allowed")
		case xml.StartElement:
			attr := func(name string) string {
				for _, a := range t.Attr {
					if a.Name.Local == name {
						return a.Value
					}
				}
				return ""
			}
			name := t.Name.Local
			if len(stack) == 0 {
				params["REQUEST"] = name
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "service", "version", "count", "startIndex", "resultType", "outputFormat", "valueReference", "maxFeatures":
						params[strings.ToUpper(a.Name.Local)] = a.Value
					}
				}
			}
			if len(stack) > 16 {
				return nil, bad("request nested too deeply")
			}
			switch name {
			case "Query":
				if tn := firstNonEmpty(attr("typeNames"), attr("typeName")); tn != "" {
					typeNames = append(typeNames, tn)
				}
				if v := attr("srsName"); v != "" {
					params["SRSNAME"] = v
				}
			case "TypeName":
				var v string
				if err := dec.DecodeElement(&v, &t); err != nil {
					return nil, bad("bad TypeName: %v", err)
				}
				typeNames = append(typeNames, strings.TrimSpace(v))
				continue
			case "StoredQuery":
				params["STOREDQUERY_ID"] = attr("id")
			case "Parameter":
				paramName = strings.ToUpper(attr("name"))
			case "Filter":
				if err := dec.Skip(); err != nil {
					return nil, bad("bad Filter: %v", err)
				}
				params["FILTER"] = string(body[start:dec.InputOffset()])
				continue
			case "SortProperty":
				var sp struct {
					Ref   string `xml:"ValueReference"`
					Name  string `xml:"PropertyName"`
					Order string `xml:"SortOrder"`
				}
				if err := dec.DecodeElement(&sp, &t); err != nil {
					return nil, bad("bad SortProperty: %v", err)
				}
				item := strings.TrimSpace(firstNonEmpty(sp.Ref, sp.Name))
				if o := strings.TrimSpace(sp.Order); o != "" {
					item += " " + o
				}
				sortBy = append(sortBy, item)
				continue
			case "PropertyName":
				if len(stack) > 0 && stack[len(stack)-1] == "Query" {
					var v string
					if err := dec.DecodeElement(&v, &t); err != nil {
						return nil, bad("bad PropertyName: %v", err)
					}
					propNames = append(propNames, strings.TrimSpace(v))
					continue
				}
			}
			stack = append(stack, name)
		case xml.CharData:
			if len(stack) > 0 && stack[len(stack)-1] == "Parameter" && paramName != "" {
				params[paramName] += strings.TrimSpace(string(t))
			}
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	if params["REQUEST"] == "" {
		return nil, bad("empty request")
	}
	if len(typeNames) > 0 {
		params["TYPENAMES"] = strings.Join(typeNames, ",")
	}
	if len(propNames) > 0 {
		params["PROPERTYNAME"] = strings.Join(propNames, ",")
	}
	if len(sortBy) > 0 {
		params["SORTBY"] = strings.Join(sortBy, ",")
	}
	return params, nil
}
