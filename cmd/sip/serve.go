package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"os"
	"strings"
	"time"

	"github.com/sip-core/sip/alerts"
	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/open311"
	"github.com/sip-core/sip/server"
)

func init() {
	register(&command{name: "serve", summary: "serve datasets over HTTP: --config FILE, or --store F.gpkg|DSN for a quick start with default settings",
		flags: serveFlags})
}

// serveFlags: `sip serve --config FILE`, or --store F.gpkg for a quick start. The
// server returns when ctx ends (SIGINT/SIGTERM), after a graceful shutdown;
// SIGHUP reloads the configuration and datasets.
func serveFlags(fs *flag.FlagSet) func(context.Context, []string) error {
	cfgPath := fs.String("config", "", "configuration file `sip.yaml` (see sip.example.yaml)")
	storePath := fs.String("store", "", "serve this one store `F.gpkg|DSN` (a GeoPackage path or a PostGIS DSN) with default settings")
	name := fs.String("name", "", "dataset name `N` for --store (default: from the file name)")
	listen := fs.String("listen", "", "listen address `ADDR` (default 127.0.0.1:8080, or the config's)")
	logFormat := fs.String("log-format", "", "log format `text|json` (overrides the config)")
	check := fs.Bool("check", false, "validate the configuration, open the datasets, and exit")
	pprofAddr := fs.String("pprof", "", "serve Go's runtime profiles (net/http/pprof) on this loopback address `ADDR`, e.g. 127.0.0.1:6060")
	hashKey := fs.Bool("hash-key", false, "print the config hash of the API key read from stdin (or of a new random key when stdin is empty) and exit")
	return func(ctx context.Context, _ []string) error {
		if *hashKey {
			return printKeyHash(os.Stdin, os.Stdout)
		}
		return runServe(ctx, *cfgPath, *storePath, *name, *listen, *logFormat, *check, *pprofAddr)
	}
}

func runServe(ctx context.Context, cfgPath, storePath, name, listen, logFormat string, check bool, pprofAddr string) error {
	var cfg *config.Config
	switch {
	case cfgPath != "" && storePath != "":
		return usageErrorf("use either --config or --store, not both")
	case cfgPath != "":
		var err error
		if cfg, err = config.Load(cfgPath); err != nil {
			return err
		}
	case storePath != "":
		cfg = config.ForStoreNamed(storePath, name)
	default:
		return usageErrorf("--config or --store is required")
	}
	if listen != "" {
		cfg.Listen = listen
	}
	if logFormat != "" {
		cfg.Log.Format = logFormat
	}
	// The reports dataset is written by the open311 service: made when missing.
	if err := open311.PrepareStores(cfg); err != nil {
		return err
	}
	// So is the alerts dataset, by the alerts service.
	if err := alerts.PrepareStores(cfg); err != nil {
		return err
	}
	logger, closeLog := server.NewLogger(cfg.Log, os.Stderr)
	defer closeLog()
	if pprofAddr != "" {
		if err := servePprof(ctx, pprofAddr, logger); err != nil {
			return err
		}
	}
	if check {
		s, err := server.New(cfg, logger, server.Options{RequireStores: true})
		if err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "configuration OK: %d dataset(s)\n", len(s.Host().Current().Datasets()))
		return s.Shutdown(context.Background())
	}
	return server.Run(ctx, cfg, logger)
}

// printKeyHash hashes a key from r (first line) or makes a new one.
func printKeyHash(r io.Reader, w io.Writer) error {
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	key := strings.TrimSpace(line)
	if key == "" {
		key = config.NewKey()
		fmt.Fprintf(w, "key:  %s\n", key)
	}
	fmt.Fprintf(w, "hash: %s\n", config.HashKey(key))
	return nil
}

// servePprof serves the runtime profiles on their own listener, apart from the
// public URL map (they expose the process's memory), and only on a loopback
// address.
func servePprof(ctx context.Context, addr string, logger *slog.Logger) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("--pprof %q: %w", addr, err)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("--pprof %q: profiles are served on a loopback address only (127.0.0.1:PORT)", addr)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("--pprof: %w", err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	go func() { <-ctx.Done(); srv.Close() }()
	logger.Info("runtime profiles", "url", "http://"+ln.Addr().String()+"/debug/pprof/")
	return nil
}
