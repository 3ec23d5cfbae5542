// Command sip is SIP core: one binary that generates, ingests and serves the spatial
// data of a Polish county (powiat) and its gminas.
//
//	sip gen county --out DIR [--parcels N] [--seed S]
//	sip ingest --store county.gpkg [--report report.json] [--strict] FILE...
//	sip serve --config sip.yaml | --store county.gpkg
//	sip demo
//
// `sip -h` lists every command, made from the commands' own definitions (cli.go);
// `sip COMMAND -h` describes one.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := execute(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
