package features

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// validateWFS20 runs scripts/validate_xsd.py (lxml) on doc against the WFS 2.0
// schema vendored in testdata/schemas (the published files, unchanged; imports
// of OWS 1.1, FES 2.0, xlink and xml.xsd resolved to the local copies, never
// to the network).
func validateWFS20(t *testing.T, name string, doc []byte) {
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
		"ogc/wfs/2.0/wfs.xsd", "{http://www.opengis.net/wfs/2.0}WFS_Capabilities", p).CombinedOutput()
	if err != nil {
		t.Errorf("%s: WFS 2.0 capabilities not valid against wfs.xsd: %v\n%s", name, err, out)
	}
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
