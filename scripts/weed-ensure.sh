#!/usr/bin/env bash
# weed-ensure.sh VERSION OUT: build SeaweedFS's `weed` server at the pinned module
# version into OUT, unless OUT is already there. The object-storage tests start it
# on loopback as their S3-compatible server (tiles/blob, cmd/sip). `make test` calls
# this with a path under $HOME/.cache/sip, so that a machine builds it once.
#
# The module is taken from the Go module proxy like any dependency (`go mod
# download` in a throw-away module), copied out of the read-only module cache and
# built there: `go install module@version` refuses it because its go.mod has
# replace directives. Nothing of it enters this repository. The build takes about
# 8 minutes and 2.5 GB of memory on two cores.
set -euo pipefail
version=${1:?usage: weed-ensure.sh VERSION OUT}
out=${2:?usage: weed-ensure.sh VERSION OUT}
[ -x "$out" ] && exit 0
mod=github.com/seaweedfs/seaweedfs
work=$(mktemp -d "${TMPDIR:-/tmp}/sip-weed-build.XXXXXX")
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
echo "weed-ensure: building $mod@$version into $out (once; about 8 minutes)" >&2
cd "$work"
go mod init sip-weed-build >/dev/null 2>&1
dir=$(GOFLAGS=-mod=mod go mod download -json "$mod@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[ -d "$dir" ] || { echo "weed-ensure: go mod download gave no directory for $mod@$version" >&2; exit 1; }
cp -r "$dir" src
chmod -R u+w src
cd src
mkdir -p "$(dirname "$out")"
GOFLAGS=-buildvcs=false go build -trimpath -ldflags "-s -w" -o "$out.tmp.$$" ./weed
mv "$out.tmp.$$" "$out"
echo "weed-ensure: $out ready" >&2
