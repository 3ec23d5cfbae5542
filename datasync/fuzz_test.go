package datasync

import (
	"bytes"
	"testing"

	"github.com/sip-core/sip/store"
)

// FuzzDecode: no input makes Decode panic, Check accepts exactly what Decode
// accepts, and whatever it accepts re-encodes to a changeset it accepts again
// with the same content.
func FuzzDecode(f *testing.F) {
	var buf bytes.Buffer
	w, _ := NewWriter(&buf, Header{Dataset: "gmina", Kind: "changes", Since: 1, Rev: 3})
	w.Change(store.RawChange{Rev: 2, Layer: "mpzp", ID: "a", Version: "1", Op: "insert", Obj: []byte(`{"a":{}}`), Geom: []byte{1, 1, 0, 0, 0}})
	w.Change(store.RawChange{Rev: 3, Layer: "mpzp", ID: "b", Version: "1", Op: "delete", HasBounds: true, MaxX: 1, MaxY: 1, Obj: []byte(`{}`)})
	w.Probe(Probe{Key: store.ObjKey{Layer: "mpzp", ID: "a"}})
	w.Close("00", "")
	f.Add(buf.Bytes())
	f.Add([]byte(magic))
	f.Fuzz(func(t *testing.T, b []byte) {
		cs, err := Decode(bytes.NewReader(b))
		if _, cerr := Check(bytes.NewReader(b), 0); (cerr == nil) != (err == nil) {
			t.Fatalf("Decode: %v, Check: %v", err, cerr)
		}
		if err != nil {
			return
		}
		var out bytes.Buffer
		w, err := NewWriter(&out, cs.Header)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cs.Changes {
			w.Change(c)
		}
		for _, v := range cs.Versions {
			w.Version(v)
		}
		for _, p := range cs.Probes {
			w.Probe(p)
		}
		w.Close(cs.Trailer.StateHash, cs.Trailer.NewAnchor)
		cs2, err := Decode(&out)
		if err != nil {
			t.Fatalf("re-encoded changeset refused: %v", err)
		}
		if len(cs2.Changes) != len(cs.Changes) || len(cs2.Versions) != len(cs.Versions) || len(cs2.Probes) != len(cs.Probes) {
			t.Fatal("re-encoded changeset differs")
		}
	})
}
