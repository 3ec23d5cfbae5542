package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/tiles"
)

func init() {
	register("tiles", "tiles build --store F.gpkg --out T.mbtiles|T.pmtiles|T.gpkg [--minzoom 0] [--maxzoom 16] [--grid webmercator|pl1992] [--layers a,b]\n"+
		"      sip tiles update --store F.gpkg --tiles T.mbtiles|T.pmtiles|T.gpkg   re-render only the tiles changed since the build", cmdTiles)
}

func cmdTiles(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return errors.New("usage: sip tiles build|update [flags]")
	}
	switch args[0] {
	case "build":
		return cmdTilesBuild(ctx, args[1:])
	case "update":
		return cmdTilesUpdate(ctx, args[1:])
	}
	return fmt.Errorf("unknown tiles subcommand %q (build or update)", args[0])
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

func cmdTilesBuild(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("tiles build", flag.ContinueOnError)
	storePath := fs.String("store", "", "dataset store: a GeoPackage path or a PostGIS DSN")
	out := fs.String("out", "", "output: .mbtiles, .pmtiles (web mercator) or .gpkg (either grid)")
	minZoom := fs.Int("minzoom", 0, "first zoom")
	maxZoom := fs.Int("maxzoom", 16, "last zoom (every feature is present here)")
	grid := fs.String("grid", "webmercator", "tile grid: webmercator (EPSG:3857) or pl1992 (EPSG:2180)")
	layers := fs.String("layers", "", "comma-separated tile layers (default: "+strings.Join(tiles.DefaultLayers, ",")+")")
	workers := fs.Int("workers", 0, "render goroutines (default: all cores)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		return errors.New("--out is required")
	}
	g, ok := tiles.GridByID(*grid)
	if !ok {
		return fmt.Errorf("unknown --grid %q (webmercator or pl1992)", *grid)
	}
	if err := tiles.ValidateZooms(g, *minZoom, *maxZoom); err != nil {
		return err
	}
	if _, err := tiles.FormatOf(*out); err != nil {
		return err
	}
	st, err := openStoreRO(ctx, *storePath)
	if err != nil {
		return err
	}
	defer st.Close()
	var ls []string
	if *layers != "" {
		ls = strings.Split(*layers, ",")
	}
	rep, err := tiles.Build(ctx, st, tiles.BuildOptions{Out: *out, MinZoom: *minZoom, MaxZoom: *maxZoom, Grid: g, Layers: ls,
		Workers: *workers, Progress: terminal()})
	if err != nil {
		return err
	}
	if terminal() == nil {
		fmt.Fprintf(os.Stderr, "built %s: %d tiles, %.1f MB, %s\n", *out, rep.Tiles, float64(rep.Bytes)/1e6, rep.Took)
	}
	return nil
}

func cmdTilesUpdate(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("tiles update", flag.ContinueOnError)
	storePath := fs.String("store", "", "dataset store: a GeoPackage path or a PostGIS DSN")
	path := fs.String("tiles", "", "a tile file built by sip tiles build")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *path == "" {
		return errors.New("--tiles is required")
	}
	st, err := openStoreRO(ctx, *storePath)
	if err != nil {
		return err
	}
	defer st.Close()
	rep, err := tiles.Update(ctx, st, *path)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "updated %s: revision %d -> %d, %d changes, %d tiles re-rendered (%d written, %d removed), %s\n",
		*path, rep.From, rep.To, rep.Changes, rep.Rendered, rep.Written, rep.Removed, rep.Took)
	return nil
}
