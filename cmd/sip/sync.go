package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/datasync"
)

func init() {
	register(&command{name: "sync pull", summary: "apply a gmina's changes to a county store in one verified transaction",
		required: []string{"from", "dataset", "store"}, flags: syncPullFlags})
}

// syncPullFlags: sip sync pull --from URL --dataset NAME --store F.gpkg [--key K] [--policy P] [--report F.json]
func syncPullFlags(fs *flag.FlagSet) func(context.Context, []string) error {
	var o datasync.Options
	fs.StringVar(&o.From, "from", "", "base `URL` of the source sip server")
	fs.StringVar(&o.Dataset, "dataset", "", "source dataset `NAME`")
	fs.StringVar(&o.Store, "store", "", "county store `F.gpkg|DSN`: a GeoPackage path or a PostGIS DSN (created on the first pull)")
	fs.StringVar(&o.Key, "key", "", "API key `K` with the sync role (default $SIP_SYNC_KEY)")
	fs.StringVar(&o.Policy, "policy", datasync.SourceWins, "conflict policy `source-wins|keep-local`")
	fs.StringVar(&o.Report, "report", "", "conflict report path `F.json` (default STORE.conflicts.json)")
	maxSize := fs.String("max-size", "1GB", "largest changeset `SIZE` accepted, once decompressed (a pull holds it in memory)")
	return func(ctx context.Context, _ []string) error {
		ms, err := config.ParseByteSize(*maxSize)
		if err != nil || ms < 1<<20 {
			return usageErrorf("--max-size %s: want a size of at least 1MB", *maxSize)
		}
		o.MaxBytes = int64(ms)
		if o.Key == "" {
			o.Key = os.Getenv("SIP_SYNC_KEY") // read here, so that help never prints it
		}
		if o.Store, err = storeDSN(o.Store, o.Dataset); err != nil {
			return err
		}
		res, err := datasync.Pull(ctx, o)
		if err != nil {
			return err
		}
		js, _ := json.Marshal(res)
		fmt.Println(string(js))
		return nil
	}
}
