#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ with clang (GOPHERBUS_FUZZ=ON: ASan, UBSan, coverage) and runs each on
# its seed corpus, after replaying the inputs that once broke it (fuzz/regressions/<target>/).
#
#   scripts/fuzz.sh [BUILD_DIR] [SECONDS_OR_RUNS]
#     BUILD_DIR        the clang build folder (default build-fuzz)
#     SECONDS_OR_RUNS  N: fuzz each target for N seconds (default 10); runs=N: for N executions; 0: only replay
#                      the corpus and the regressions
#   FUZZ_TARGETS  the targets, space-separated (default: all seven)
#   JOBS          build parallelism (default 2);  CXX_FUZZ  the compiler (default clang++-14, else clang++)
#   FUZZ_ARGS     more libFuzzer flags for every target (-jobs, -dict, -max_len, ...)
#
# fuzz/dict/<target>.dict, where there is one, gives the fuzzer the format's words.
# New inputs the fuzzer finds go to a temporary folder (deleted at the end), never into fuzz/corpus: the repo's
# corpus is read only. A crash, leak, timeout (10 s for one input) or sanitizer report leaves the input in
# BUILD_DIR/fuzz-artifacts/ and makes the script exit 1 after the other targets have run. Per target it prints
# the executions, the seconds and the executions per second.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build-fuzz}
limit=${2:-10}
jobs=${JOBS:-2}
all_targets="fuzz_go_front fuzz_trace_smp_cache fuzz_trace_cs4223 fuzz_lesson fuzz_condition fuzz_schedule_file
  fuzz_settings"
targets=${FUZZ_TARGETS:-$all_targets}
cxx=${CXX_FUZZ:-$(command -v clang++-14 || command -v clang++ || true)}
[ -n "$cxx" ] || { echo "fuzz: clang++ not found (make fuzz installs clang-14)" >&2; exit 2; }

case "$limit" in
  0) run_flags=(-runs=0) ;;
  runs=[0-9]*) run_flags=("-runs=${limit#runs=}") ;;
  [0-9]*) run_flags=("-max_total_time=$limit") ;;
  *) echo "fuzz: SECONDS_OR_RUNS is N (seconds), runs=N or 0, not '$limit'" >&2; exit 2 ;;
esac

# The longest input each target tries: a Go file of a page or two, trace files and settings of a few KB, a whole
# lesson (its English and Chinese texts and its program: the largest seeds are 20 KB), one condition line.
max_len() {
  case "$1" in
    fuzz_lesson) echo 65536 ;;
    fuzz_condition) echo 1024 ;;
    *) echo 4096 ;;
  esac
}

launcher=()
if command -v ccache > /dev/null && [ -z "${CCACHE_DISABLE:-}" ]; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
t0=$(now)
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER="$cxx" "${launcher[@]}" \
  -DGOPHERBUS_FUZZ=ON -DGOPHERBUS_UI=OFF -DGOPHERBUS_BENCH=OFF -DGOPHERBUS_TESTS=OFF > /dev/null
# shellcheck disable=SC2086  # the targets are words
cmake --build "$build" -j"$jobs" --target $targets
echo "fuzz: configured and built $build in $(since "$t0") s"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
artifacts="$build/fuzz-artifacts"
mkdir -p "$artifacts"
failed=()
summary=()
for t in $targets; do
  dirs=("$scratch/$t" "$here/fuzz/corpus/$t")
  # The front end's seeds are also the repository's own Go programs, read where they live (not copied).
  if [ "$t" = fuzz_go_front ]; then dirs+=("$here/tests/go" "$here/tests/explore" "$here/tests/race" "$here"/lessons/[0-9]*/); fi
  dict=()
  [ -f "$here/fuzz/dict/$t.dict" ] && dict=("-dict=$here/fuzz/dict/$t.dict")
  [ -d "$here/fuzz/regressions/$t" ] && dirs+=("$here/fuzz/regressions/$t")
  mkdir -p "$scratch/$t"
  log="$scratch/$t.log"
  echo "fuzz: $t ${run_flags[*]}"
  s0=$(now)
  status=0
  # shellcheck disable=SC2086  # FUZZ_ARGS are words
  nice -n 10 "$build/fuzz/$t" "${run_flags[@]}" -max_len="$(max_len "$t")" -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$artifacts/$t-" "${dict[@]}" ${FUZZ_ARGS:-} "${dirs[@]}" > "$log" 2>&1 || status=$?
  secs=$(since "$s0")
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  if [ "$status" -ne 0 ]; then
    failed+=("$t")
    grep -E "^(==[0-9]+==ERROR|SUMMARY|.*runtime error|artifact_prefix|Test unit written|fuzz_)" "$log" | head -20 >&2 || true
    tail -40 "$log" >&2
  fi
  summary+=("$(awk -v t="$t" -v n="${execs:-0}" -v s="$secs" -v ok="$([ "$status" -eq 0 ] && echo ok || echo FAILED)" \
    'BEGIN { printf "%-22s %10d %8.1f %10.0f  %s", t, n, s, (s > 0 ? n / s : 0), ok }')")
done
printf '%-22s %10s %8s %10s\n' target executions seconds exec/s
printf '%s\n' "${summary[@]}"
echo "fuzz: $(since "$t0") s in all (configure, build and runs)"
if [ "${#failed[@]}" -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]} (inputs in $artifacts/)" >&2
  exit 1
fi
