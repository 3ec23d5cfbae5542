package egib

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// FuzzReader feeds arbitrary bytes to the reader: it must never panic, must end
// with io.EOF or a fatal error, and every error must be an *Error naming the file.
//
//	go test -fuzz FuzzReader -fuzztime 60s ./ingest/egib
func FuzzReader(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join(testdata, "*.gml"))
	broken, _ := filepath.Glob(filepath.Join(testdata, "broken", "*.gml"))
	own, _ := filepath.Glob(filepath.Join(ownTestdata, "*.gml")) // property addresses
	for _, p := range append(append(seeds, broken...), own...) {
		b, err := os.ReadFile(p)
		if err == nil {
			f.Add(b)
		}
	}
	small, _ := io.ReadAll(newGenDoc(2, 6))
	f.Add(small)
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewReader(bytes.NewReader(data), "fuzz.gml")
		for i := 0; ; i++ {
			ft, err := r.Next()
			if err == io.EOF {
				return
			}
			if err != nil {
				e, ok := err.(*Error)
				if !ok || e.File != "fuzz.gml" {
					t.Fatalf("error %T %v", err, err)
				}
				if e.Fatal {
					if _, err2 := r.Next(); err2 != err {
						t.Fatalf("fatal error not sticky: %v then %v", err, err2)
					}
					return
				}
				continue
			}
			if ft.Object == nil || ft.Object.Geometry == nil || ft.Object.ID == "" {
				t.Fatalf("incomplete feature %+v", ft)
			}
			if i > len(data) {
				t.Fatalf("more objects than bytes: reader not advancing")
			}
		}
	})
}
