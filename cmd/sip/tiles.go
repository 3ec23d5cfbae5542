package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/tiles"
)

func init() {
	register(&command{name: "tiles build", summary: "render a dataset's vector tiles into an MBTiles, PMTiles or GeoPackage file",
		required: []string{"store", "out"}, flags: tilesBuildFlags})
	register(&command{name: "tiles update", summary: "re-render only the tiles changed since the build",
		required: []string{"store", "tiles"}, flags: tilesUpdateFlags})
}

func terminal() io.Writer {
	if fi, err := os.Stderr.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
		return os.Stderr
	}
	return nil
}

func openStoreRO(ctx context.Context, dsn string) (store.Store, error) {
	if dsn == "" {
		return nil, errors.New("--store is required")
	}
	return store.OpenReadOnly(ctx, dsn)
}

func tilesBuildFlags(fs *flag.FlagSet) func(context.Context, []string) error {
	storePath := fs.String("store", "", "dataset store `F.gpkg|DSN`: a GeoPackage path or a PostGIS DSN")
	out := fs.String("out", "", "output `T.mbtiles|T.pmtiles|T.gpkg|s3://B/K.pmtiles`: .mbtiles, .pmtiles (web mercator), .gpkg (either grid), or a PMTiles archive published to object storage")
	force := fs.Bool("force", false, "replace --out when it exists")
	minZoom := fs.Int("minzoom", 0, "first zoom `Z`")
	maxZoom := fs.Int("maxzoom", 16, "last zoom `Z` (every feature is present here)")
	grid := fs.String("grid", "webmercator", "tile grid `webmercator|pl1992` (EPSG:3857 or EPSG:2180)")
	layers := fs.String("layers", "", "comma-separated tile layers `a,b` (default: "+strings.Join(tiles.DefaultLayers, ",")+")")
	workers := fs.Int("workers", 0, "render goroutines `N` (default: all cores)")
	return func(ctx context.Context, _ []string) error {
		if ok, err := tiles.Exists(ctx, *out); err != nil {
			return err
		} else if ok && !*force {
			return fmt.Errorf("%s exists: pass --force to replace it", *out)
		}
		return tilesBuild(ctx, *storePath, *out, *minZoom, *maxZoom, *grid, *layers, *workers)
	}
}

func tilesBuild(ctx context.Context, storePath, out string, minZoom, maxZoom int, grid, layers string, workers int) error {
	g, ok := tiles.GridByID(grid)
	if !ok {
		return usageErrorf("unknown --grid %q (webmercator or pl1992)", grid)
	}
	if err := tiles.ValidateZooms(g, minZoom, maxZoom); err != nil {
		return err
	}
	if _, err := tiles.FormatOf(out); err != nil {
		return err
	}
	st, err := openStoreRO(ctx, storePath)
	if err != nil {
		return err
	}
	defer st.Close()
	var ls []string
	if layers != "" {
		ls = strings.Split(layers, ",")
	}
	rep, err := tiles.Build(ctx, st, tiles.BuildOptions{Out: out, MinZoom: minZoom, MaxZoom: maxZoom, Grid: g, Layers: ls,
		Workers: workers, Progress: terminal()})
	if err != nil {
		return err
	}
	if terminal() == nil {
		fmt.Fprintf(os.Stderr, "built %s: %d tiles, %.1f MB, %s\n", out, rep.Tiles, float64(rep.Bytes)/1e6, rep.Took)
	}
	if p := rep.Published; p != nil {
		fmt.Fprintf(os.Stderr, "published %s (%d bytes, sha256 %s): uploaded in %s, verified in %s\n",
			p.Manifest.Archive, p.Manifest.Size, p.Manifest.SHA256[:16], p.Upload.Round(time.Millisecond), p.Verify.Round(time.Millisecond))
	}
	return nil
}

func tilesUpdateFlags(fs *flag.FlagSet) func(context.Context, []string) error {
	storePath := fs.String("store", "", "dataset store `F.gpkg|DSN`: a GeoPackage path or a PostGIS DSN")
	path := fs.String("tiles", "", "a tile file `T.mbtiles|T.pmtiles|T.gpkg|s3://B/K.pmtiles` built by sip tiles build")
	return func(ctx context.Context, _ []string) error {
		return tilesUpdate(ctx, *storePath, *path)
	}
}

func tilesUpdate(ctx context.Context, storePath, path string) error {
	st, err := openStoreRO(ctx, storePath)
	if err != nil {
		return err
	}
	defer st.Close()
	rep, err := tiles.Update(ctx, st, path)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "updated %s: revision %d -> %d, %d changes, %d tiles re-rendered (%d written, %d removed), %s\n",
		path, rep.From, rep.To, rep.Changes, rep.Rendered, rep.Written, rep.Removed, rep.Took)
	return nil
}
