package ingest

import (
	"os"
	"path/filepath"
	"testing"
)

// TestFileContainsNotXML: the pre-scans do not search a file that does not
// start as XML (a 2 GB file of zeros took seconds to search before its parse
// failed on the first byte).
func TestFileContainsNotXML(t *testing.T) {
	dir := t.TempDir()
	for name, c := range map[string]struct {
		body string
		want bool
	}{
		"xml.gml":   {"\xEF\xBB\xBF\n  <a>JednostkaRejestrowaGruntow</a>", true},
		"zip.gml":   {"PK\x03\x04 JednostkaRejestrowaGruntow", false},
		"zeros.gml": {"\x00\x00 JednostkaRejestrowaGruntow", false},
	} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(c.body), 0o644); err != nil {
			t.Fatal(err)
		}
		if got, err := fileContains(p, []byte("JednostkaRejestrowaGruntow")); err != nil || got != c.want {
			t.Errorf("%s: %v %v, want %v", name, got, err, c.want)
		}
	}
}
