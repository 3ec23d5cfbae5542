package prg

import (
	"bytes"
	"errors"
	"io"
	"os"
	"testing"
)

// FuzzRead feeds arbitrary bytes to the GML and the CSV reader: no panic,
// every error an *Error naming the file, every point read either an object
// with an id and a position or a problem.
//
//	go test -run '^$' -fuzz FuzzRead -fuzztime 60s ./ingest/prg
func FuzzRead(f *testing.F) {
	for _, p := range []string{sampleGML, sampleCSV} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b[:min(len(b), 4000)], p[len(p)-4:] == ".csv")
		}
	}
	f.Add([]byte(`<prg-ad:PRG_PunktAdresowy xmlns:prg-ad="u" xmlns:gml="g" gml:id="a"><prg-ad:pozycja><gml:Point><gml:pos>1 2</gml:pos></gml:Point></prg-ad:pozycja></prg-ad:PRG_PunktAdresowy>`), false)
	f.Add([]byte("id,teryt,miejscowosc,numer,x,y\n1,1003013,Łask,1,500000,400000\n"), true)
	f.Fuzz(func(t *testing.T, data []byte, csv bool) {
		ext := ".gml"
		if csv {
			ext = ".csv"
		}
		open := func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }
		n := 0
		err := Read("fuzz"+ext, ext, open, Options{MaxText: 1 << 16}, func(ft *Feature) error {
			n++
			if ft.Problem == "" && (ft.Object == nil || ft.Object.ID == "" || ft.Object.Geometry == nil) {
				t.Fatalf("incomplete point %+v", ft)
			}
			if n > len(data) {
				t.Fatalf("more points than bytes")
			}
			return nil
		})
		var e *Error
		if err != nil && (!errors.As(err, &e) || e.File != "fuzz"+ext) {
			t.Fatalf("error %T %v", err, err)
		}
	})
}
