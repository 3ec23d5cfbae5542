package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
)

// version is set at build time (make build: -ldflags "-X main.version=…", from
// git describe); without it sip reports the module version or VCS revision Go
// recorded in the binary.
var version string

func init() {
	register(&command{name: "version", summary: "print sip's version, the commit it was built from and the Go version",
		maxArgs: 0, flags: func(fs *flag.FlagSet) func(context.Context, []string) error {
			return func(context.Context, []string) error {
				fmt.Fprintln(os.Stdout, versionLine())
				return nil
			}
		}})
}

// versionLine is "sip VERSION (commit REV[, modified], DATE) goX.Y.Z OS/ARCH".
func versionLine() string {
	v, rev, date, modified := version, "", "", false
	if bi, ok := debug.ReadBuildInfo(); ok {
		if v == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			v = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.time":
				date = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	if v == "" {
		v = "devel"
	}
	line := "sip " + v
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if modified {
			rev += ", modified"
		}
		if date != "" {
			rev += ", " + date
		}
		line += " (commit " + rev + ")"
	}
	return line + " " + runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH
}
