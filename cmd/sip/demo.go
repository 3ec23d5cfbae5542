package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sort"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/open311"
	"github.com/sip-core/sip/server"
	"github.com/sip-core/sip/synth"
)

func init() {
	register(&command{name: "demo", summary: "generate a demo county (once), ingest it (once) and serve it", flags: demoFlags})
}

// demoFlags: sip demo [--dir DIR] [--parcels N] [--seed S] [--listen ADDR]
func demoFlags(fs *flag.FlagSet) func(context.Context, []string) error {
	dir := fs.String("dir", "demo", "working directory `DIR` for the generated GML and the dataset")
	parcels := fs.Int("parcels", 50000, "parcels `N` in the generated county")
	seed := fs.Int64("seed", 1, "random seed `S`")
	listen := fs.String("listen", "127.0.0.1:8080", "listen address `ADDR`")
	return func(ctx context.Context, _ []string) error {
		return runDemo(ctx, *dir, *parcels, *seed, *listen)
	}
}

// runDemo generates a demo county (once), ingests it (once) and serves it.
func runDemo(ctx context.Context, dir string, parcels int, seed int64, listen string) error {
	gmlDir := filepath.Join(dir, "gml")
	storePath := filepath.Join(dir, "county.gpkg")

	files, _ := filepath.Glob(filepath.Join(gmlDir, "*.gml"))
	if len(files) == 0 {
		fmt.Fprintf(os.Stderr, "generating a demo county of %d parcels in %s …\n", parcels, gmlDir)
		st, err := synth.County(synth.Options{Parcels: parcels, Seed: seed, Out: gmlDir})
		if err != nil {
			return fmt.Errorf("generate: %w", err)
		}
		files = st.Files
	}
	sort.Strings(files)
	if _, err := os.Stat(storePath); os.IsNotExist(err) {
		fmt.Fprintf(os.Stderr, "ingesting %d files into %s …\n", len(files), storePath)
		if _, err := ingestFiles(ctx, storePath, "powiat_laski", files, filepath.Join(dir, "ingest-report.json"), false, 0); err != nil {
			return fmt.Errorf("ingest: %w", err)
		}
	}
	cfg := config.ForStoreNamed(storePath, "powiat_laski")
	// The title the dataset pages show (ULDK takes county names from TERYT).
	cfg.Datasets[0].Title = "Powiat łaski"
	cfg.Listen = listen
	if err := demoReports(ctx, cfg, dir, gmlDir); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "serving %s on http://%s/\n", storePath, listen)
	return server.Run(ctx, cfg, slog.New(slog.NewTextHandler(os.Stderr, nil)))
}

// demoReports adds the road dataset (ingested once from the generated
// drogi.geojson) and resident reports: the reports dataset with its staff
// layer, and a staff key printed once per start.
func demoReports(ctx context.Context, cfg *config.Config, dir, gmlDir string) error {
	roadsPath := filepath.Join(dir, "drogi.gpkg")
	src := filepath.Join(gmlDir, synth.RoadsFile)
	if _, err := os.Stat(roadsPath); os.IsNotExist(err) {
		if _, err := os.Stat(src); err != nil {
			fmt.Fprintf(os.Stderr, "no %s (a demo directory from before roads): resident reports are routed by gmina only\n", src)
		} else if _, err := ingestFiles(ctx, roadsPath, "drogi", []string{src}, "", false, 0); err != nil {
			return fmt.Errorf("ingest roads: %w", err)
		}
	}
	if _, err := os.Stat(roadsPath); err == nil {
		cfg.Datasets = append(cfg.Datasets, config.Dataset{Name: "drogi", Store: roadsPath, Title: "Drogi publiczne"})
	}
	no := false
	cfg.Datasets = append(cfg.Datasets, config.Dataset{Name: "zgloszenia", Store: filepath.Join(dir, "zgloszenia.gpkg"), Title: "Zgłoszenia mieszkańców",
		Layers: []config.Layer{{Name: config.ReportLayer, Title: "Zgłoszenia mieszkańców (otwarte)", Public: &no}}})
	cfg.Open311.Dataset = "zgloszenia"
	key := config.NewKey()
	cfg.Auth.Keys = append(cfg.Auth.Keys, config.Key{Name: "demo-staff", Hash: config.HashKey(key), Roles: []string{config.RoleEditor}})
	fmt.Fprintf(os.Stderr, "resident reports at /open311/v2; staff key for this run (role editor, the zgloszenia layer in QGIS): %s\n", key)
	return open311.PrepareStores(cfg)
}
