package features

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"sync"
	"testing"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/geo"
	"github.com/sip-core/sip/ogcapi"
	"github.com/sip-core/sip/server"
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/gpkg"
)

// The benchmarks run against the test fixture (600 parcels), or against the
// GeoPackage named by SIP_BENCH_STORE (e.g. the 50k county features/bench.sh
// builds; it is opened read-only in spirit: copy it first if it must stay
// untouched), served by a server of its own:
//
//	SIP_BENCH_STORE=/tmp/county50k.gpkg go test -run XXX -bench . ./features/
var bigBench struct {
	once sync.Once
	base string
	st   store.Store
	err  error
}

func benchTarget(b *testing.B) (string, store.Reader) {
	b.Helper()
	p := os.Getenv("SIP_BENCH_STORE")
	if p == "" {
		return baseURL, st
	}
	bigBench.once.Do(func() {
		cfg := config.ForStoreNamed(p, "county")
		cfg.Limits.RateLimit = config.RateLimit{Rate: 0, Burst: 1}
		srv, err := server.New(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), server.Options{})
		if err != nil {
			bigBench.err = err
			return
		}
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			bigBench.err = err
			return
		}
		go srv.Serve(ln)
		bigBench.base = "http://" + ln.Addr().String()
		testServers.Store(bigBench.base, srv)
		bigBench.st, bigBench.err = gpkg.Open(p)
	})
	if bigBench.err != nil {
		b.Fatal(bigBench.err)
	}
	return bigBench.base, bigBench.st
}

func benchGet(b *testing.B, u string) {
	b.Helper()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4, DisableCompression: true}}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		b.SetBytes(benchFetch(b, client, u))
	}
}

// benchFetch GETs u, reads the body and returns its length; anything but
// 200 stops the benchmark.
func benchFetch(b *testing.B, client *http.Client, u string) int64 {
	resp, err := client.Get(u)
	if err != nil {
		b.Fatal(err)
	}
	n, _ := io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		b.Fatalf("%d", resp.StatusCode)
	}
	return n
}

// benchBox is a box in the middle of the layer holding at least 100 parcels
// (EPSG:2180, x = E).
func benchBox(b *testing.B, r store.Reader) (x0, y0, x1, y1 float64) {
	ext, _, err := r.Extent(context.Background(), "dzialki")
	if err != nil {
		b.Fatal(err)
	}
	cx, cy := (ext.Min[0]+ext.Max[0])/2, (ext.Min[1]+ext.Max[1])/2
	for half := 50.0; ; half += 50 {
		bb := orbBound(cx-half, cy-half, cx+half, cy+half)
		n, _ := r.Count(context.Background(), store.Query{Layer: "dzialki", Bound: &bb})
		if n >= 100 || half > 1e5 {
			return cx - half, cy - half, cx + half, cy + half
		}
	}
}

func benchBBox(b *testing.B, r store.Reader) string {
	x0, y0, x1, y1 := benchBox(b, r)
	return fmt.Sprintf("%f,%f,%f,%f", y0, x0, y1, x1) // N,E
}

// BenchmarkOGCItemsBBox100: bbox query, 100 features, GeoJSON (the bench query).
func BenchmarkOGCItemsBBox100(b *testing.B) {
	u, r := benchTarget(b)
	benchGet(b, u+"/ogc/collections/dzialki/items?limit=100&bbox-crs=EPSG:2180&bbox="+benchBBox(b, r))
}

// BenchmarkOGCItemsBBox100CRS84: the same with the box in CRS84, as bench.sh asks.
func BenchmarkOGCItemsBBox100CRS84(b *testing.B) {
	u, r := benchTarget(b)
	x0, y0, x1, y1 := benchBox(b, r)
	tr, _ := geo.NewTransform(geo.CRS2180, geo.CRS84)
	g := tr.Bound(orbBound(x0, y0, x1, y1))
	benchGet(b, u+fmt.Sprintf("/ogc/collections/dzialki/items?f=json&limit=100&bbox=%f,%f,%f,%f", g.Min[0], g.Min[1], g.Max[0], g.Max[1]))
}

// BenchmarkWFSBBox100GeoJSON: the same through WFS 2.0.
func BenchmarkWFSBBox100GeoJSON(b *testing.B) {
	u, r := benchTarget(b)
	benchGet(b, u+"/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:dzialki&COUNT=100&OUTPUTFORMAT=application/json&BBOX="+benchBBox(b, r)+",urn:ogc:def:crs:EPSG::2180")
}

// BenchmarkWFSBBox100GML: GML 3.2 output.
func BenchmarkWFSBBox100GML(b *testing.B) {
	u, r := benchTarget(b)
	benchGet(b, u+"/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:dzialki&COUNT=100&BBOX="+benchBBox(b, r)+",urn:ogc:def:crs:EPSG::2180")
}

// BenchmarkOGCItemsCRS84Page: a plain 100-feature page reprojected to CRS84.
func BenchmarkOGCItemsCRS84Page(b *testing.B) {
	u, _ := benchTarget(b)
	benchGet(b, u+"/ogc/collections/dzialki/items?limit=100")
}

// BenchmarkOGCItemsPage1000: a 1000-feature page (the full-download walk's unit).
func BenchmarkOGCItemsPage1000(b *testing.B) {
	u, _ := benchTarget(b)
	benchGet(b, u+"/ogc/collections/dzialki/items?limit=1000")
}

// noCache runs a benchmark with the feature cache off (every feature read,
// decoded, projected and encoded: a first visit's cost).
func noCache(b *testing.B) {
	u, _ := benchTarget(b) // a server starting up sets the budget from its configuration
	c := catalogAt(u).enc
	budget := c.budget
	c.setBudget(0)
	b.Cleanup(func() { c.setBudget(budget) })
}

// BenchmarkOGCItemsBBox100CRS84NoCache: BenchmarkOGCItemsBBox100CRS84 without the feature cache.
func BenchmarkOGCItemsBBox100CRS84NoCache(b *testing.B) {
	noCache(b)
	BenchmarkOGCItemsBBox100CRS84(b)
}

// BenchmarkWFSBBox100GeoJSONNoCache: BenchmarkWFSBBox100GeoJSON without the feature cache.
func BenchmarkWFSBBox100GeoJSONNoCache(b *testing.B) {
	noCache(b)
	BenchmarkWFSBBox100GeoJSON(b)
}

// BenchmarkOGCItemsPage1000NoCache: BenchmarkOGCItemsPage1000 without the feature cache.
func BenchmarkOGCItemsPage1000NoCache(b *testing.B) {
	noCache(b)
	BenchmarkOGCItemsPage1000(b)
}

// BenchmarkOGCItemsWalk1000: the full download features/bench.sh measures:
// every page of 1000, following the next links, starting with an empty cache.
func BenchmarkOGCItemsWalk1000(b *testing.B) {
	u, _ := benchTarget(b)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4, DisableCompression: true}}
	c := catalogAt(u).enc
	budget := c.budget
	b.Cleanup(func() { c.setBudget(budget) })
	n := 0
	for b.Loop() {
		b.StopTimer()
		c.setBudget(0)
		c.setBudget(budget)
		b.StartTimer()
		next := u + "/ogc/collections/dzialki/items?f=json&limit=1000"
		for next != "" {
			resp, err := client.Get(next)
			if err != nil {
				b.Fatal(err)
			}
			var page struct {
				Features []json.RawMessage
				Links    []ogcapi.Link
			}
			err = json.NewDecoder(resp.Body).Decode(&page)
			resp.Body.Close()
			if err != nil {
				b.Fatal(err)
			}
			n += len(page.Features)
			next = ""
			for _, l := range page.Links {
				if l.Rel == "next" {
					next = l.Href
				}
			}
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "features/s")
}

// BenchmarkOGCItemsWalk1000NoCache: the walk without the feature cache.
func BenchmarkOGCItemsWalk1000NoCache(b *testing.B) {
	noCache(b)
	BenchmarkOGCItemsWalk1000(b)
}

// BenchmarkOGCItemsBigBBox100: a box holding about 10 000 parcels (a county
// overview in a desktop GIS), first page of 100.
func BenchmarkOGCItemsBigBBox100(b *testing.B) {
	u, r := benchTarget(b)
	ext, _, err := r.Extent(context.Background(), "dzialki")
	if err != nil {
		b.Fatal(err)
	}
	cx, cy := (ext.Min[0]+ext.Max[0])/2, (ext.Min[1]+ext.Max[1])/2
	half := 50.0
	for ; half < 1e5; half *= 1.2 {
		bb := orbBound(cx-half, cy-half, cx+half, cy+half)
		if n, _ := r.Count(context.Background(), store.Query{Layer: "dzialki", Bound: &bb}); n >= 10000 || n*20 >= 10000 && u == baseURL {
			break
		}
	}
	benchGet(b, u+fmt.Sprintf("/ogc/collections/dzialki/items?limit=100&bbox-crs=EPSG:2180&bbox=%f,%f,%f,%f", cy-half, cx-half, cy+half, cx+half))
}

// BenchmarkWFSBBox100Moving: the WFS box query with a box that moves by a
// metre each time, as a panning map client asks: no answer is asked twice, so
// the box's edge (issue 21, item 5: exact BBOX) is read every time.
func BenchmarkWFSBBox100Moving(b *testing.B) {
	u, r := benchTarget(b)
	x0, y0, x1, y1 := benchBox(b, r)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4, DisableCompression: true}}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		d := float64(i) / 1000 // a millimetre further each time: never the same box
		i++
		b.SetBytes(benchFetch(b, client, u+fmt.Sprintf("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:dzialki&COUNT=100&OUTPUTFORMAT=application/json&BBOX=%f,%f,%f,%f,urn:ogc:def:crs:EPSG::2180",
			y0, x0+d, y1, x1+d)))
	}
}
