package extracts

import (
	"context"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const benchParcels = 50

// benchSource is the fixture dataset as generation reads it.
func benchSource(b *testing.B) *source {
	b.Helper()
	d, ok := fx.srv.Host().Current().Dataset("county")
	if !ok {
		b.Fatal("no dataset")
	}
	return &source{reader: d.Store, index: d.Index, layers: d.Layers(), config: d.Config}
}

// BenchmarkQuote resolves 50 parcel ids and prices them (no HTTP).
func BenchmarkQuote(b *testing.B) {
	src := benchSource(b)
	ps := currentParcels(b)
	req := &Request{Parcels: parcelIDs(ps[:benchParcels]), Products: []string{"gpkg", "wypis_wyrys"}}
	cfg := fx.srv.Host().Current().Config
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		sel, err := resolve(ctx, src.reader, src.index, req, selectionLimits{maxParcels: 1000, maxAreaHa: math.Inf(1)})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := price(cfg.Fees, "county", src.layers, req, sel); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGenerate writes the GeoPackage (layer dzialki) of 50 parcels, the
// same job bench.sh gives ogr2ogr. With SIP_EXTRACTS_BENCH_OUT set it leaves
// the dataset and the parcel ids there for the peer.
func BenchmarkGenerate(b *testing.B) {
	for _, format := range []string{"gpkg", "gml", "geojson"} {
		b.Run(format, func(b *testing.B) {
			src := benchSource(b)
			ps := currentParcels(b)
			ids := parcelIDs(ps[:benchParcels])
			o := &Order{ID: "bench", Quote: Quote{Dataset: "county", Parcels: ids, Layers: []string{"dzialki"}, Formats: []string{format}}}
			if out := os.Getenv("SIP_EXTRACTS_BENCH_OUT"); out != "" && format == "gpkg" {
				copyFile(b, fx.gpkg, filepath.Join(out, "county.gpkg"))
				if err := os.WriteFile(filepath.Join(out, "ids.txt"), []byte(strings.Join(ids, "\n")+"\n"), 0o644); err != nil {
					b.Fatal(err)
				}
			}
			ctx := context.Background()
			base := b.TempDir()
			i := 0
			for b.Loop() {
				i++
				dir := filepath.Join(base, "run"+strconv.Itoa(i))
				if _, err := generate(ctx, src, o, dir); err != nil {
					b.Fatal(err)
				}
				os.RemoveAll(dir)
			}
		})
	}
}

func copyFile(b *testing.B, src, dst string) {
	in, err := os.Open(src)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
}
