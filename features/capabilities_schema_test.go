package features

import (
	"testing"

	"github.com/sip-core/sip/xmlschema"
)

// validateWFS20 validates doc against the WFS 2.0 capabilities schema vendored in
// testdata/schemas (the published files, unchanged; imports resolved to the
// local copies, never to the network).
func validateWFS20(t *testing.T, name string, doc []byte) {
	t.Helper()
	xmlschema.Validate(t, "testdata/schemas", "ogc/wfs/2.0/wfs.xsd", "{http://www.opengis.net/wfs/2.0}WFS_Capabilities", name, doc)
}

// TestWFS20CapabilitiesSchema: the WFS 2.0.0 GetCapabilities documents (KVP
// with and without VERSION/ACCEPTVERSIONS, on /wfs and /ows, and POST) validate
// against the official OGC schema (ets-wfs20 "GetCapabilities schema-valid").
func TestWFS20CapabilitiesSchema(t *testing.T) {
	for name, u := range map[string]string{
		"wfs":            "/wfs?SERVICE=WFS&REQUEST=GetCapabilities",
		"acceptversions": "/wfs?SERVICE=WFS&REQUEST=GetCapabilities&ACCEPTVERSIONS=2.0.0,1.1.0",
		"version":        "/wfs?service=WFS&request=GetCapabilities&version=2.0.0",
		"ows":            "/ows?SERVICE=WFS&REQUEST=GetCapabilities",
	} {
		resp, b := fetch(t, baseURL+u)
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d %s", u, resp.StatusCode, b)
		}
		validateWFS20(t, name, b)
	}
	resp, b := post(t, baseURL+"/wfs", `<wfs:GetCapabilities service="WFS" xmlns:wfs="http://www.opengis.net/wfs/2.0"/>`)
	if resp.StatusCode != 200 {
		t.Fatalf("POST GetCapabilities: %d %s", resp.StatusCode, b)
	}
	validateWFS20(t, "post", b)
}
