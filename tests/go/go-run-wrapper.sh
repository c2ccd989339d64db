#!/bin/sh
# Interpreter stand-in for check.sh that runs a program with real Go:
#   tests/go/check.sh tests/go/go-run-wrapper.sh
# Builds the program to a temporary binary and runs it, so the exit status is the
# program's own. GOMAXPROCS defaults to 1 (Gopherbus's default), as in regen.sh.
# A compile error exits 2, like gopherbus-cli.
set -u
[ $# -eq 1 ] || { echo "usage: $0 prog.go" >&2; exit 2; }
export GOCACHE="${GOCACHE:-/tmp/gocache}" GOPATH="${GOPATH:-/tmp/gopath}" GO111MODULE=off
export GOMAXPROCS="${GOMAXPROCS:-1}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
go build -o "$tmp/prog" "$1" || exit 2
"$tmp/prog" </dev/null
