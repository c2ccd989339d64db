// Issue 15's figures: the schedule explorer's rate and the schedules it needs to find the lost update and the
// opposite-order deadlock (bound 1), the counts with and without reduction for the correct versions (bound 2),
// and the cost of --race against a plain run. Run: build/bench_explore_race (README: "Measured").
#include <fstream>
#include <sstream>
#include <string>

#include <benchmark/benchmark.h>

#include "sim/explore/schedule_explorer.h"
#include "sim/go/run_program.h"

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(std::string(GB_SOURCE_DIR) + "/" + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::shared_ptr<const gb::vm::Program> compile(const std::string& path) {
  std::string diags;
  return gb::go::compile_go(path, slurp(path), diags);
}

gb::explore::ExploreOptions two_cores(int bound, bool reduction, bool all) {
  gb::explore::ExploreOptions o;
  o.config.gomaxprocs = 2;
  o.config.machine.memory.cores = 2;
  o.preemption_bound = bound;
  o.reduction = reduction;
  o.all_outputs = all;
  return o;
}

// Every schedule of the lost update within bound 2 (it does not stop at the failure): schedules per second.
void BM_ExploreLostUpdateBound2(benchmark::State& state) {
  const auto program = compile("tests/explore/lost_update.go");
  std::uint64_t schedules = 0;
  for (auto _ : state) {
    const auto r = gb::explore::explore_schedules(program, two_cores(2, true, true));
    schedules += r.schedules + r.pruned;
    benchmark::DoNotOptimize(r.outputs.size());
  }
  state.counters["schedules/s"] = benchmark::Counter(static_cast<double>(schedules), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ExploreLostUpdateBound2)->Unit(benchmark::kMillisecond);

// The schedules the explorer needs to find each bug (bound 1), and the counts for the correct versions (bound 2).
void BM_SchedulesToFind(benchmark::State& state) {
  const char* const programs[] = {"tests/explore/lost_update.go", "tests/explore/transfer_deadlock.go",
                                  "tests/explore/lost_update_mutex.go", "tests/explore/transfer_ordered.go"};
  const std::string path = programs[state.range(0)];
  const auto program = compile(path);
  const bool buggy = state.range(0) < 2;
  gb::explore::ExploreResult reduced, full;
  for (auto _ : state) {
    reduced = gb::explore::explore_schedules(program, two_cores(buggy ? 1 : 2, true, false));
    full = gb::explore::explore_schedules(program, two_cores(buggy ? 1 : 2, false, false));
  }
  state.SetLabel(path.substr(path.rfind('/') + 1));
  state.counters["found"] = reduced.found ? 1 : 0;
  state.counters["schedules"] = static_cast<double>(reduced.schedules);
  state.counters["without_reduction"] = static_cast<double>(full.schedules);
}
BENCHMARK(BM_SchedulesToFind)->DenseRange(0, 3)->Unit(benchmark::kMillisecond);

// The race detector's cost: the same run of bench/go/race_workload.go without and with --race (flat memory, 4 Ps).
void BM_RaceWorkload(benchmark::State& state) {
  const std::string text = slurp("bench/go/race_workload.go");
  for (auto _ : state) {
    gb::go::GoRunOptions o;
    o.gomaxprocs = 4;
    o.race = state.range(0) != 0;
    const auto r = gb::go::run_go("race_workload.go", text, o);
    benchmark::DoNotOptimize(r.exit_code);
  }
  state.SetLabel(state.range(0) != 0 ? "--race" : "plain");
}
BENCHMARK(BM_RaceWorkload)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
