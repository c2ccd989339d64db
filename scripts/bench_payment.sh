#!/usr/bin/env bash
# The payment workload's benchmark (issue 4 §5 and §7): lessons/payment/payment.go on the machine for every
# ledger variant and 1, 2, 4 and 8 cores (GOMAXPROCS = cores). Prints, per run, the simulated statistics the
# program reports (throughput, p50/p99 latency, lock wait), bus transactions per payment from --stats=json, and
# host speed: the median host seconds and instructions per host second of REPS runs (default 3).
#   scripts/bench_payment.sh [build-dir] [payments]      e.g. scripts/bench_payment.sh build 10000
set -euo pipefail
build=${1:-build}
payments=${2:-10000}
here=$(cd "$(dirname "$0")/.." && pwd)
cli="${CLI:-$build/gopherbus-cli}"
[ -x "$cli" ] || { echo "bench_payment: $cli not found (build first: make build)" >&2; exit 2; }
reps=${REPS:-3}
variants=${VARIANTS:-"nolock global peraccount atomic partitioned"}
cores_list=${CORES:-"1 2 4 8"}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

printf '%-12s %5s %9s %10s %10s %12s %9s %9s %9s %s\n' variant cores pay/s p50 p99 lock_wait bus/pay host_s Minstr/s invariants
for v in $variants; do
  sed "s/^const variant = \"global\"/const variant = \"$v\"/" "$here/lessons/payment/payment.go" >"$tmp/pay.go"
  for c in $cores_list; do
    : >"$tmp/t"; : >"$tmp/r"
    for _ in $(seq "$reps"); do
      status=0
      "$cli" run "$tmp/pay.go" --payments "$payments" --cores "$c" --gomaxprocs "$c" --stats=json \
        >"$tmp/out" 2>"$tmp/err" || status=$?
      python3 - "$tmp/err" >>"$tmp/t" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
print(j["host_seconds"], j["instructions_per_host_second"] / 1e6, j["machine"]["bus_transactions"])
PY
    done
    host=$(awk '{print $1}' "$tmp/t" | median)
    rate=$(awk '{print $2}' "$tmp/t" | median)
    bus=$(awk 'NR==1 {print $3}' "$tmp/t")
    line=$(grep '^throughput' "$tmp/out")
    tput=$(echo "$line" | awk '{print $2}')
    p50=$(echo "$line" | sed 's/.*p50 \([^ ]*\) p99.*/\1/')
    p99=$(echo "$line" | sed 's/.*p99 \([^,]*\),.*/\1/')
    lock=$(echo "$line" | sed 's/.*lock wait //')
    ok=$(grep -q '^invariants hold' "$tmp/out" && echo hold || echo BROKEN)
    printf '%-12s %5s %9s %10s %10s %12s %9.1f %9.2f %9.1f %s\n' "$v" "$c" "$tput" "$p50" "$p99" "$lock" \
      "$(awk -v b="$bus" -v p="$payments" 'BEGIN {print b / p}')" "$host" "$rate" "$ok"
  done
done
