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

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/open311"
	"github.com/sip-core/sip/server"
)

// cmdServe runs `sip serve`: --config FILE, or --store F.gpkg for a quick start.
// It returns when ctx ends (SIGINT/SIGTERM), after a graceful shutdown; SIGHUP
// reloads the configuration and datasets.
func cmdServe(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	cfgPath := fs.String("config", "", "configuration file (see sip.example.yaml)")
	storePath := fs.String("store", "", "serve this one GeoPackage with default settings")
	name := fs.String("name", "", "dataset name for --store (default: from the file name)")
	listen := fs.String("listen", "", "listen address (default 127.0.0.1:8080, or the config's)")
	logFormat := fs.String("log-format", "", "text or json (overrides the config)")
	check := fs.Bool("check", false, "validate the configuration, open the datasets, and exit")
	pprofAddr := fs.String("pprof", "", "serve Go's runtime profiles (net/http/pprof) on this loopback address, e.g. 127.0.0.1:6060")
	hashKey := fs.Bool("hash-key", false, "print the config hash of the API key read from stdin (or of a new random key when stdin is empty) and exit")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: sip serve --config sip.yaml | --store F.gpkg [--name N] [--listen ADDR] [--check]\n       sip serve --hash-key < key")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if *hashKey {
		return printKeyHash(os.Stdin, os.Stdout)
	}

	var cfg *config.Config
	switch {
	case *cfgPath != "" && *storePath != "":
		return errors.New("use either --config or --store, not both")
	case *cfgPath != "":
		var err error
		if cfg, err = config.Load(*cfgPath); err != nil {
			return err
		}
	case *storePath != "":
		cfg = config.ForStoreNamed(*storePath, *name)
	default:
		fs.Usage()
		return errors.New("--config or --store is required")
	}
	if *listen != "" {
		cfg.Listen = *listen
	}
	if *logFormat != "" {
		cfg.Log.Format = *logFormat
	}
	// The reports dataset is written by the open311 service: made when missing.
	if err := open311.PrepareStores(cfg); err != nil {
		return err
	}
	logger, closeLog := server.NewLogger(cfg.Log, os.Stderr)
	defer closeLog()
	if *pprofAddr != "" {
		if err := servePprof(ctx, *pprofAddr, logger); err != nil {
			return err
		}
	}
	if *check {
		s, err := server.New(cfg, logger, server.Options{})
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
