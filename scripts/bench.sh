#!/usr/bin/env bash
# Runs the README's benchmarks: unzips the shared blackscholes trace into the build folder (once), then runs
# bench_trace with repetitions so the figures quoted are medians of one run, then bench_session and
# bench_studio_frame.
set -euo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${GB_SHARED_DIR:-$here/../shared}
[ -d "$shared/benchmarks" ] || shared=/work/shared
zip="$shared/benchmarks/blackscholes_four.zip"
data="$build/bench-data"
if [ ! -f "$data/blackscholes_3.data" ]; then
  [ -f "$zip" ] || { echo "bench: $zip not found (the workspace's shared folder)" >&2; exit 2; }
  mkdir -p "$data"
  unzip -o -q "$zip" -d "$data"
fi
GB_BENCH_DATA="$data" "$build/bench_trace" --benchmark_repetitions="${REPS:-5}" \
  --benchmark_report_aggregates_only=true "${@:2}"
# The step-back and studio-frame figures (the latter only when the app was built).
"$build/bench_session"
if [ -x "$build/bench_studio_frame" ]; then
  "$build/bench_studio_frame" --benchmark_repetitions="${REPS:-5}" --benchmark_report_aggregates_only=true
fi
# The schedule explorer's and the race detector's figures (issue 15).
"$build/bench_explore_race" --benchmark_repetitions="${REPS:-5}" --benchmark_report_aggregates_only=true
