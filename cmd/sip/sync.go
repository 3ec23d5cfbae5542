package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/sip-core/sip/config"
	sipsync "github.com/sip-core/sip/sync"
)

func init() {
	register("sync", "sync pull --from URL --dataset NAME --store F.gpkg [--key K] [--policy source-wins|keep-local] [--report F.json] [--max-size 1GB]   apply a gmina's changes to a county store in one verified transaction", cmdSync)
}

func cmdSync(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "pull" {
		return errors.New("usage: sip sync pull --from URL --dataset NAME --store F.gpkg [--key K] [--policy source-wins|keep-local] [--report F.json]")
	}
	fs := flag.NewFlagSet("sync pull", flag.ContinueOnError)
	var o sipsync.Options
	fs.StringVar(&o.From, "from", "", "base URL of the source sip server")
	fs.StringVar(&o.Dataset, "dataset", "", "source dataset name")
	fs.StringVar(&o.Store, "store", "", "county GeoPackage (created on the first pull)")
	fs.StringVar(&o.Key, "key", os.Getenv("SIP_SYNC_KEY"), "API key with the sync role (default $SIP_SYNC_KEY)")
	fs.StringVar(&o.Policy, "policy", sipsync.SourceWins, "conflict policy: source-wins or keep-local")
	fs.StringVar(&o.Report, "report", "", "conflict report path (default STORE.conflicts.json)")
	maxSize := fs.String("max-size", "1GB", "largest changeset accepted, once decompressed (a pull holds it in memory)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	ms, err := config.ParseByteSize(*maxSize)
	if err != nil || ms < 1<<20 {
		return fmt.Errorf("sync pull: --max-size %s: want a size of at least 1MB", *maxSize)
	}
	o.MaxBytes = int64(ms)
	if o.From == "" || o.Dataset == "" || o.Store == "" {
		return errors.New("sync pull: --from, --dataset and --store are required")
	}
	res, err := sipsync.Pull(ctx, o)
	if err != nil {
		return err
	}
	js, _ := json.Marshal(res)
	fmt.Println(string(js))
	return nil
}
