// Package xmlschema validates XML documents in tests against XML Schemas kept
// in the repository (the OGC schemas vendored unchanged under a package's
// testdata/schemas), offline: it runs scripts/validate_xsd.py with Debian's
// Python and lxml, which resolves the schemas' http imports to the local copies.
package xmlschema

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// script is scripts/validate_xsd.py of this repository.
var script = func() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "scripts", "validate_xsd.py")
}()

// Validate checks doc against entry (a path inside schemaDir, e.g.
// "ogc/wfs/2.0/wfs.xsd") and expects its root element to be root
// ("{namespace}name"). An invalid document is a test error naming name; the
// test is skipped when /usr/bin/python3 or its lxml is missing.
func Validate(t testing.TB, schemaDir, entry, root, name string, doc []byte) {
	t.Helper()
	if _, err := os.Stat("/usr/bin/python3"); err != nil {
		t.Skip("/usr/bin/python3 not found: cannot run the lxml schema validator")
	}
	if err := exec.Command("/usr/bin/python3", "-c", "import lxml.etree").Run(); err != nil {
		t.Skip("python3-lxml not installed for /usr/bin/python3: cannot validate against the schemas")
	}
	p := filepath.Join(t.TempDir(), name+".xml")
	if err := os.WriteFile(p, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("/usr/bin/python3", script, schemaDir, entry, root, p).CombinedOutput()
	if err != nil {
		t.Errorf("%s: not valid against %s: %v\n%s", name, entry, err, out)
	}
}
