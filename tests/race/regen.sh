#!/bin/sh
# Regenerate the race detector's oracle outputs with real Go 1.19's -race.
# Usage: tests/race/regen.sh [prog.go ...]   (default: every *.go here)
# For each program: go build -race to a temporary binary, run it with
# GORACE="halt_on_error=0" and GOMAXPROCS=1 (Gopherbus's default; it also fixes
# which access of a pair is reported as the current one), stdin from /dev/null,
# and write
#   <name>.stdout  the program's standard output
#   <name>.stderr  its standard error (the race reports), normalised: every path
#                  cut to its base name (race_x.go:12, map_faststr.go:203), every
#                  "+0x.." offset replaced by "+0x0", every address by 0x00c000000000
#   <name>.exit    the exit status (66 when a race was reported)
#   <name>.races   one line per report: "<Read|Write> <pos> <Read|Write> <pos>",
#                  current access first, previous second, <pos> the innermost frame
#                  of package main as file:line (the innermost function's name when
#                  the stack has no frame of package main); sorted, duplicates
#                  dropped; then Go's "Found N data race(s)" line. Empty when Go
#                  reports nothing.
# RACE_GOMAXPROCS overrides the GOMAXPROCS used (for checking other settings).
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
	go build -race -o "$tmp/prog" "$f"
	status=0
	GORACE="halt_on_error=0" GOMAXPROCS="${RACE_GOMAXPROCS:-1}" timeout 60 "$tmp/prog" \
		>"$name.stdout" 2>"$tmp/stderr" </dev/null || status=$?
	echo "$status" >"$name.exit"
	"$dir/normalise.sh" <"$tmp/stderr" >"$name.stderr"
	"$dir/summarise.sh" "$name.stderr" >"$name.races"
	echo "$name: exit $status, $(grep -c '^WARNING: DATA RACE$' "$name.stderr" || true) report(s)"
done
