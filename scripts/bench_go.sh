#!/usr/bin/env bash
# The Go-subset benchmarks of the README (issue 3 §5): each program of bench/go/ runs REPS times (default 5) on
# Gopherbus (gopherbus-cli run --stats) and on real Go 1.19 (built once, GOMAXPROCS=1 like our default), and the
# script prints the median host time of each, their ratio, Gopherbus's instruction rate and peak RSS.
#   scripts/bench_go.sh [build-dir]
set -euo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")/.." && pwd)
cli="$build/gopherbus-cli"
[ -x "$cli" ] || { echo "bench_go: $cli not found (build first: make build)" >&2; exit 2; }
reps=${REPS:-5}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export GOCACHE=${GOCACHE:-/tmp/gocache} GOPATH=${GOPATH:-/tmp/gopath} GO111MODULE=off

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

printf '%-18s %12s %12s %10s %14s %12s %12s\n' program gopherbus_s go_s ratio instr/s gb_rss_MB go_rss_MB
for prog in "$here"/bench/go/*.go; do
  name=$(basename "$prog" .go)
  go build -o "$tmp/$name" "$prog"
  : >"$tmp/gb.t"; : >"$tmp/go.t"; : >"$tmp/rate"; : >"$tmp/gb.m"; : >"$tmp/go.m"
  for _ in $(seq "$reps"); do
    t0=$EPOCHREALTIME
    /usr/bin/time -f '%M' -o "$tmp/time" "$cli" run --stats "$prog" >"$tmp/out" 2>"$tmp/err"
    t1=$EPOCHREALTIME
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", b - a }' >>"$tmp/gb.t"
    echo "$(($(cat "$tmp/time") / 1024))" >>"$tmp/gb.m"
    grep '^instructions/s:' "$tmp/err" | sed 's/instructions\/s: //; s/M//' >>"$tmp/rate"
    t0=$EPOCHREALTIME
    GOMAXPROCS=1 /usr/bin/time -f '%M' -o "$tmp/time" "$tmp/$name" >"$tmp/goout"
    t1=$EPOCHREALTIME
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", b - a }' >>"$tmp/go.t"
    echo "$(($(cat "$tmp/time") / 1024))" >>"$tmp/go.m"
    cmp -s "$tmp/out" "$tmp/goout" || { echo "bench_go: $name prints something else than real Go" >&2; exit 1; }
  done
  gb=$(median <"$tmp/gb.t"); g=$(median <"$tmp/go.t")
  ratio=$(awk -v a="$gb" -v b="$g" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }')
  printf '%-18s %12s %12s %10s %13sM %12s %12s\n' "$name" "$gb" "$g" "$ratio" "$(median <"$tmp/rate")" \
    "$(median <"$tmp/gb.m")" "$(median <"$tmp/go.m")"
done
