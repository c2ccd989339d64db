#!/bin/sh
# Regenerate the expected outputs of the oracle corpus with real Go (Go 1.19).
# Usage: tests/go/regen.sh [prog.go ...]   (default: every *.go here)
# For each program: go build to a temporary binary, run it with GOMAXPROCS=1
# (Gopherbus's default), write <name>.stdout, <name>.stderr (trimmed by
# trim-stderr.sh) and <name>.exit (the program's own exit status).
set -eu
dir=$(cd "$(dirname "$0")" && pwd)
cd "$dir"
export GOCACHE="${GOCACHE:-/tmp/gocache}" GOPATH="${GOPATH:-/tmp/gopath}" GO111MODULE=off
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[ $# -gt 0 ] || set -- *.go
for f in "$@"; do
	f=$(basename "$f")
	name=${f%.go}
	go build -o "$tmp/prog" "$f"
	status=0
	GOMAXPROCS=1 timeout 60 "$tmp/prog" >"$name.stdout" 2>"$tmp/stderr" </dev/null || status=$?
	echo "$status" >"$name.exit"
	mode=""
	head -n 1 "$f" | grep -q '^// gopherbus: full-traceback' && mode=full
	"$dir/trim-stderr.sh" $mode <"$tmp/stderr" >"$name.stderr"
	echo "$name: exit $status"
done
