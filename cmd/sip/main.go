// Command sip is SIP core: one binary that generates, ingests and serves the spatial
// data of a Polish county (powiat) and its gminas.
//
//	sip gen county --parcels N --seed S --out DIR
//	sip ingest --store county.gpkg [--report report.json] [--strict] FILE...
//	sip serve --config sip.yaml | --store county.gpkg
//	sip demo
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"sort"
	"syscall"
)

type command struct {
	run   func(ctx context.Context, args []string) error
	usage string
}

// commands holds every subcommand; files of this package add theirs with register
// in init, so a new capability brings its command without editing this file.
var (
	commands = map[string]command{}
	order    []string
)

func register(name, usage string, run func(ctx context.Context, args []string) error) {
	commands[name] = command{run, usage}
	order = append(order, name)
}

func init() {
	register("gen", "gen county --parcels N --seed S --out DIR   write a synthetic county as EGiB GML (EPSG:2177)", cmdGen)
	register("ingest", "ingest --store F.gpkg [--report R.json] [--strict] FILE...   load EGiB GML, or planning data (APP GML, Shapefile, GeoJSON, GeoPackage), into a dataset", cmdIngest)
	register("serve", "serve --config sip.yaml | --store F.gpkg [--listen ADDR]   serve datasets over HTTP", cmdServe)
	register("demo", "demo [--dir DIR] [--parcels N] [--listen ADDR]   generate, ingest and serve a demo county", cmdDemo)
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: sip COMMAND [flags]\n\ncommands:")
	for _, name := range sortedCommands() {
		fmt.Fprintf(os.Stderr, "  sip %s\n", commands[name].usage)
	}
}

func main() {
	if len(os.Args) < 2 {
		usage()
		os.Exit(2)
	}
	cmd, ok := commands[os.Args[1]]
	if !ok {
		if os.Args[1] == "-h" || os.Args[1] == "--help" || os.Args[1] == "help" {
			usage()
			return
		}
		fmt.Fprintf(os.Stderr, "sip: unknown command %q\n", os.Args[1])
		usage()
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := cmd.run(ctx, os.Args[2:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(2)
		}
		fmt.Fprintf(os.Stderr, "sip %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
}

// sortedCommands lists the commands: the core ones first, then the others by name.
func sortedCommands() []string {
	core := order[:0:0]
	var rest []string
	for _, n := range order {
		switch n {
		case "gen", "ingest", "serve", "demo":
			core = append(core, n)
		default:
			rest = append(rest, n)
		}
	}
	sort.Strings(rest)
	return append(core, rest...)
}
