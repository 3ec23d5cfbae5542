package wms_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// validateXSD runs scripts/validate_xsd.py (lxml) on doc against the WMS 1.3.0
// schema vendored in testdata/schemas (the published files, unchanged; imports
// resolved to the local copies, never to the network).
func validateXSD(t *testing.T, name string, doc []byte) {
	t.Helper()
	if _, err := os.Stat("/usr/bin/python3"); err != nil {
		t.Skip("/usr/bin/python3 not found: cannot run the lxml schema validator")
	}
	if err := exec.Command("/usr/bin/python3", "-c", "import lxml.etree").Run(); err != nil {
		t.Skip("python3-lxml not installed for /usr/bin/python3: cannot validate against the OGC schemas")
	}
	p := filepath.Join(t.TempDir(), name+".xml")
	if err := os.WriteFile(p, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("/usr/bin/python3", "../scripts/validate_xsd.py", "testdata/schemas",
		"ogc/wms/1.3.0/capabilities_1_3_0.xsd", "{http://www.opengis.net/wms}WMS_Capabilities", p).CombinedOutput()
	if err != nil {
		t.Errorf("%s: WMS 1.3.0 capabilities not valid against capabilities_1_3_0.xsd: %v\n%s", name, err, out)
	}
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
