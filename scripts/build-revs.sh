#!/usr/bin/env bash
# build-revs.sh DIR REV... — build `sip` once per version for a benchmark that
# compares versions side by side: "." is the working tree (DIR/sip-wt), any
# other REV a git revision built from `git archive` (DIR/sip-REV), so that
# uncommitted work elsewhere in the tree does not enter.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
dir=$1
shift
mkdir -p "$dir"
for rev in "$@"; do
	if [ "$rev" = . ]; then
		(cd "$ROOT" && go build -o "$dir/sip-wt" ./cmd/sip)
	else
		src="$dir/src-$rev"
		rm -rf "$src" && mkdir -p "$src"
		git -C "$ROOT" archive "$rev" | tar -x -C "$src"
		(cd "$src" && go build -o "$dir/sip-$rev" ./cmd/sip)
	fi
done
