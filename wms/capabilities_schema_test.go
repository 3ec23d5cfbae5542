package wms_test

import (
	"testing"

	"github.com/sip-core/sip/xmlschema"
)

// validateXSD validates doc against the WMS 1.3.0 capabilities schema vendored in
// testdata/schemas (the published files, unchanged; imports resolved to the
// local copies, never to the network).
func validateXSD(t *testing.T, name string, doc []byte) {
	t.Helper()
	xmlschema.Validate(t, "testdata/schemas", "ogc/wms/1.3.0/capabilities_1_3_0.xsd", "{http://www.opengis.net/wms}WMS_Capabilities", name, doc)
}

// TestCapabilities130Schema: the WMS 1.3.0 GetCapabilities documents validate
// against the official OGC schema (ets-wms13 "schema-valid capabilities"), for
// the whole-server endpoint, a dataset endpoint and the planning fixture (styles
// with legends).
func TestCapabilities130Schema(t *testing.T) {
	for name, u := range map[string]string{
		"wms":        wmsURL("SERVICE", "WMS", "REQUEST", "GetCapabilities", "VERSION", "1.3.0"),
		"negotiated": wmsURL("SERVICE", "WMS", "REQUEST", "GetCapabilities"),
		"dataset":    baseURL + "/wms/county?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0",
	} {
		resp, b := get(t, u)
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d %s", u, resp.StatusCode, b)
		}
		validateXSD(t, name, b)
	}
	fx := planning_(t)
	resp, b := get(t, fx.url("SERVICE", "WMS", "REQUEST", "GetCapabilities", "VERSION", "1.3.0"))
	if resp.StatusCode != 200 {
		t.Fatalf("planning: %d %s", resp.StatusCode, b)
	}
	validateXSD(t, "planning", b)
}
