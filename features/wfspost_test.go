package features

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// hostileWFSBodies are request documents of about 4 MB each built to make a
// parser work or allocate out of proportion: one parameter's text split by
// 500 000 comments, 140 000 parameters of one name, 2 700 elements of 250
// attributes, a sort list of 60 000 properties.
func hostileWFSBodies() map[string]string {
	const sq = `<GetFeature><StoredQuery id="urn:ogc:def:query:OGC-WFS::GetFeatureById">`
	return map[string]string{
		"comments":   sq + `<Parameter name="ID">` + strings.Repeat("a<!---->", 500000) + `</Parameter></StoredQuery></GetFeature>`,
		"parameters": sq + strings.Repeat(`<Parameter name="ID">ab</Parameter>`, 140000) + `</StoredQuery></GetFeature>`,
		"attributes": `<GetFeature>` + strings.Repeat(`<x`+attrs(250)+`/>`, 2700) + `</GetFeature>`,
		"sortBy":     `<GetFeature><Query typeNames="ms:dzialki"><SortBy>` + strings.Repeat(`<SortProperty><ValueReference>x</ValueReference></SortProperty>`, 60000) + `</SortBy></Query></GetFeature>`,
	}
}

func attrs(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, ` a%d="1"`, i)
	}
	return b.String()
}

// TestParseWFSXMLBounded (issue 16, item 2): whatever the document, parsing
// allocates a small multiple of the body (the server bounds the body by
// limits.max_body). Concatenating a parameter's pieces took quadratic time and
// memory before: 12.7 GB allocated and 38 s for a 1.25 MB body.
func TestParseWFSXMLBounded(t *testing.T) {
	for name, body := range hostileWFSBodies() {
		var m0, m1 runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m0)
		p, e := parseWFSXML([]byte(body))
		runtime.ReadMemStats(&m1)
		alloc := m1.TotalAlloc - m0.TotalAlloc
		t.Logf("%s: %d KB body, %d KB allocated, error %v", name, len(body)>>10, alloc>>10, e)
		if alloc > 32*uint64(len(body)) {
			t.Errorf("%s: %d MB allocated for a %d MB body", name, alloc>>20, len(body)>>20)
		}
		switch name {
		case "comments":
			if e != nil || len(p["ID"]) != 500000 {
				t.Errorf("%s: %v, ID of %d bytes", name, e, len(p["ID"]))
			}
		}
	}
	if _, e := parseWFSXML([]byte(`<GetFeature` + attrs(300) + `/>`)); e == nil || !strings.Contains(e.Detail, "more than 256 attributes in one element") {
		t.Errorf("300 attributes: %v", e)
	}
}

// TestWFSPostHostileBodies: the same documents POSTed to the real server are
// answered with a feature collection or an OWS exception report.
func TestWFSPostHostileBodies(t *testing.T) {
	for name, body := range hostileWFSBodies() {
		resp, b := post(t, baseURL+"/wfs", body)
		t.Logf("%s: %d %.120s", name, resp.StatusCode, b)
		if resp.StatusCode >= 500 || !strings.Contains(string(b), "ExceptionReport") && !strings.Contains(string(b), "FeatureCollection") {
			t.Errorf("%s: %d %.300s", name, resp.StatusCode, b)
		}
	}
	resp, b := post(t, baseURL+"/wfs", `<GetFeature`+attrs(300)+`/>`)
	if resp.StatusCode != 400 || !strings.Contains(string(b), "OperationParsingFailed") || !strings.Contains(string(b), "more than 256 attributes") {
		t.Errorf("300 attributes: %d %.300s", resp.StatusCode, b)
	}
}

// TestParseWFSXMLAnyCase: OWSLib 0.27 writes the attributes of a GetFeature
// lower-case (outputformat, typenames); they mean what their WFS 2.0
// spellings mean.
func TestParseWFSXMLAnyCase(t *testing.T) {
	body := `<wfs20:GetFeature xmlns:wfs20="http://www.opengis.net/wfs/2.0" service="WFS" version="2.0.0" outputformat="application/json" count="5" startindex="2">` +
		`<wfs20:Query typenames="ms:dzialki" srsname="EPSG:2180"/></wfs20:GetFeature>`
	p, e := parseWFSXML([]byte(body))
	if e != nil {
		t.Fatal(e)
	}
	for k, want := range map[string]string{"REQUEST": "GetFeature", "OUTPUTFORMAT": "application/json", "COUNT": "5",
		"STARTINDEX": "2", "TYPENAMES": "ms:dzialki", "SRSNAME": "EPSG:2180"} {
		if p[k] != want {
			t.Errorf("%s = %q, want %q", k, p[k], want)
		}
	}
}

// TestFilterParam: a QUERY parameter is taken for the filter only when it is
// a filter document (OWSLib's GET), and FILTER wins.
func TestFilterParam(t *testing.T) {
	f := `<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0"><fes:ResourceId rid="a"/></fes:Filter>`
	for _, tc := range []struct {
		params map[string]string
		want   string
	}{
		{map[string]string{"QUERY": f}, f},
		{map[string]string{"QUERY": "  " + f}, f},
		{map[string]string{"QUERY": `<?xml version="1.0"?>` + "\n" + f}, `<?xml version="1.0"?>` + "\n" + f},
		{map[string]string{"QUERY": "<Filter>\n<ResourceId rid=\"a\"/></Filter>"}, "<Filter>\n<ResourceId rid=\"a\"/></Filter>"},
		{map[string]string{"QUERY": "<fes:FilterX/>"}, ""},
		{map[string]string{"QUERY": "dzialki"}, ""},
		{map[string]string{"FILTER": "<Filter/>", "QUERY": f}, "<Filter/>"},
	} {
		if got := filterParam(tc.params); got != tc.want {
			t.Errorf("%v: %q, want %q", tc.params, got, tc.want)
		}
	}
}
