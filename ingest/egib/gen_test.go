package egib

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
)

// genDoc streams a synthetic 2021 document of n parcels, each with a ring of
// verts vertices written N E over several lines, with distinct ids. It never holds
// the whole document: the reader must not either.
type genDoc struct {
	n, verts int
	i        int
	buf      bytes.Buffer
	done     bool
}

const genHead = `<?xml version="1.0" encoding="UTF-8"?>
<gml:FeatureCollection xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:egb="ewidencjaGruntowIBudynkow:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
`

func newGenDoc(n, verts int) *genDoc {
	g := &genDoc{n: n, verts: verts}
	g.buf.WriteString(genHead)
	return g
}

func (g *genDoc) object(i int) {
	b := &g.buf
	id := fmt.Sprintf("%08x-0000-4000-8000-%012x", i, i)
	fmt.Fprintf(b, `<gml:featureMember><egb:EGB_DzialkaEwidencyjna gml:id="PL.PZGiK.9901.EGiB_%s_2021-05-04T10-00-00">
<egb:idIIP><egb:EGB_IdentyfikatorIIP><egb:lokalnyId>%s</egb:lokalnyId><egb:przestrzenNazw>PL.PZGiK.9901.EGiB</egb:przestrzenNazw><egb:wersjaId>2021-05-04T10:00:00</egb:wersjaId></egb:EGB_IdentyfikatorIIP></egb:idIIP>
<egb:startObiekt>2019-01-15T08:00:00</egb:startObiekt><egb:startWersjaObiekt>2021-05-04T10:00:00</egb:startWersjaObiekt>
<egb:idDzialki>990101_1.0007.%d/1</egb:idDzialki>
<egb:geometria><gml:Polygon gml:id="g%d" srsName="urn:ogc:def:crs:EPSG::2180"><gml:exterior><gml:LinearRing><gml:posList>
`, id, id, i, i)
	// a convex polygon (regular n-gon) around a per-object centre
	cx, cy := 487000.0+float64(i%1000)*50, 749000.0+float64(i/1000)*50
	for k := 0; k < g.verts; k++ {
		var x, y float64
		if k == g.verts-1 {
			x, y = cx+20, cy // closing vertex equals the first
		} else {
			a := 2 * 3.141592653589793 * float64(k) / float64(g.verts-1)
			x, y = cx+20*cos(a), cy+20*sin(a)
		}
		fmt.Fprintf(b, "%.2f %.2f", y, x)
		if k%4 == 3 {
			b.WriteString("\n")
		} else {
			b.WriteString(" ")
		}
	}
	b.WriteString(`</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></egb:geometria>
<egb:numerKW>TE1T/00012345/6</egb:numerKW><egb:poleEwidencyjne uom="ha">0.1250</egb:poleEwidencyjne><egb:dokladnoscReprezentacjiPola>2</egb:dokladnoscReprezentacjiPola>
<egb:klasouzytek><egb:EGB_Klasouzytek><egb:OFU>R</egb:OFU><egb:OZU>R</egb:OZU><egb:OZK>IIIa</egb:OZK><egb:powierzchnia uom="ha">0.1250</egb:powierzchnia></egb:EGB_Klasouzytek></egb:klasouzytek>
<egb:JRG2 xlink:href="urn:pzgik:id:PL.PZGiK.9901.EGiB:40000000-0000-4000-8000-000000000001"/>
</egb:EGB_DzialkaEwidencyjna></gml:featureMember>
`)
}

func (g *genDoc) Read(p []byte) (int, error) {
	for g.buf.Len() < len(p) && !g.done {
		if g.i < g.n {
			g.object(g.i)
			g.i++
		} else {
			g.buf.WriteString("</gml:FeatureCollection>\n")
			g.done = true
		}
	}
	if g.buf.Len() == 0 {
		return 0, io.EOF
	}
	return g.buf.Read(p)
}

// tiny trig to keep the generator self-contained and deterministic
func cos(a float64) float64 { return sin(a + 3.141592653589793/2) }
func sin(a float64) float64 {
	for a > 3.141592653589793 {
		a -= 2 * 3.141592653589793
	}
	x, term, sum := a, a, a
	for n := 1; n < 12; n++ {
		term *= -x * x / float64((2*n)*(2*n+1))
		sum += term
	}
	return sum
}

type countR struct {
	r io.Reader
	n int64
}

func (c *countR) Read(p []byte) (int, error) { n, err := c.r.Read(p); c.n += int64(n); return n, err }

// The heap stays flat while a document many times larger is streamed through.
func TestBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	const n = 20000 // ≈ 30 MB of GML
	src := &countR{r: newGenDoc(n, 40)}
	r := NewReader(src, "big.gml")
	var ms runtime.MemStats
	peak := uint64(0)
	count := 0
	for {
		f, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		_ = f
		count++
		if count%2000 == 0 {
			runtime.GC()
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak {
				peak = ms.HeapInuse
			}
		}
	}
	if count != n {
		t.Fatalf("read %d objects, want %d", count, n)
	}
	t.Logf("streamed %.1f MB, %d objects; peak HeapInuse after GC %.1f MB", float64(src.n)/1e6, count, float64(peak)/1e6)
	if src.n < 20e6 {
		t.Fatalf("generated only %d bytes", src.n)
	}
	// The document is > 20 MB; the reader keeps one object plus a 16-byte
	// fingerprint per object (duplicate detection).
	if peak > 12<<20 {
		t.Errorf("HeapInuse peaked at %.1f MB streaming %.1f MB", float64(peak)/1e6, float64(src.n)/1e6)
	}
}

func benchDoc(b *testing.B, n int) []byte {
	data, err := io.ReadAll(newGenDoc(n, 40))
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// BenchmarkReader: go test -run '^$' -bench Reader -benchmem ./ingest/egib
func BenchmarkReader(b *testing.B) {
	for _, validate := range []bool{true, false} {
		name := "geos"
		if !validate {
			name = "noGEOS"
		}
		b.Run(name, func(b *testing.B) {
			const n = 2000
			data := benchDoc(b, n)
			b.SetBytes(int64(len(data)))
			b.ResetTimer()
			objs := 0
			for i := 0; i < b.N; i++ {
				r := NewReader(bytes.NewReader(data), "bench.gml")
				r.Validate = validate
				for {
					_, err := r.Next()
					if err == io.EOF {
						break
					}
					if err != nil {
						b.Fatal(err)
					}
					objs++
				}
			}
			s := b.Elapsed().Seconds()
			b.ReportMetric(float64(objs)/s, "objects/s")
			b.ReportMetric(float64(len(data))*float64(b.N)/s/1e6, "MB/s")
		})
	}
}

func TestGenDocParses(t *testing.T) {
	data, _ := io.ReadAll(newGenDoc(3, 12))
	if !strings.Contains(string(data), "</gml:FeatureCollection>") {
		t.Fatal("generator")
	}
	r := NewReader(bytes.NewReader(data), "g.gml")
	for i := 0; i < 3; i++ {
		if _, err := r.Next(); err != nil {
			t.Fatalf("object %d: %v", i, err)
		}
	}
	if _, err := r.Next(); err != io.EOF {
		t.Fatal(err)
	}
}
