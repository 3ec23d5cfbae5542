package features

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"testing"

	"github.com/sip-core/sip/store"
)

func benchGet(b *testing.B, u string) {
	b.Helper()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4, DisableCompression: true}}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		resp, err := client.Get(u)
		if err != nil {
			b.Fatal(err)
		}
		n, _ := io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			b.Fatalf("%d", resp.StatusCode)
		}
		b.SetBytes(n)
	}
}

func benchBBox(b *testing.B) string {
	ext, _, err := st.Extent(context.Background(), "dzialki")
	if err != nil {
		b.Fatal(err)
	}
	cx, cy := (ext.Min[0]+ext.Max[0])/2, (ext.Min[1]+ext.Max[1])/2
	for half := 50.0; ; half += 50 {
		bb := orbBound(cx-half, cy-half, cx+half, cy+half)
		n, _ := st.Count(context.Background(), store.Query{Layer: "dzialki", Bound: &bb})
		if n >= 100 || half > 1e5 {
			return fmt.Sprintf("%f,%f,%f,%f", cy-half, cx-half, cy+half, cx+half) // N,E
		}
	}
}

// BenchmarkOGCItemsBBox100: bbox query, 100 features, GeoJSON (the bench query).
func BenchmarkOGCItemsBBox100(b *testing.B) {
	benchGet(b, baseURL+"/ogc/collections/dzialki/items?limit=100&bbox-crs=EPSG:2180&bbox="+benchBBox(b))
}

// BenchmarkWFSBBox100GeoJSON: the same through WFS 2.0.
func BenchmarkWFSBBox100GeoJSON(b *testing.B) {
	benchGet(b, baseURL+"/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:dzialki&COUNT=100&OUTPUTFORMAT=application/json&BBOX="+benchBBox(b)+",urn:ogc:def:crs:EPSG::2180")
}

// BenchmarkWFSBBox100GML: GML 3.2 output.
func BenchmarkWFSBBox100GML(b *testing.B) {
	benchGet(b, baseURL+"/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:dzialki&COUNT=100&BBOX="+benchBBox(b)+",urn:ogc:def:crs:EPSG::2180")
}

// BenchmarkOGCItemsCRS84Page: a plain 100-feature page reprojected to CRS84.
func BenchmarkOGCItemsCRS84Page(b *testing.B) {
	benchGet(b, baseURL+"/ogc/collections/dzialki/items?limit=100")
}
