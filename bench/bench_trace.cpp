// Throughput of the trace engine on the 4-core blackscholes trace (10.0M references), functional and timed,
// with the resident memory of the process. Run through `make bench`, which unzips the trace first.
#include <cstdlib>
#include <string>
#include <sys/resource.h>

#include <benchmark/benchmark.h>

#include "sim/trace/trace_run.h"

namespace {

std::string data_dir() {
  const char* dir = std::getenv("GB_BENCH_DATA");
  return dir ? dir : "bench-data";
}

gb::TraceOptions blackscholes(gb::ProtocolKind protocol, bool timing) {
  gb::TraceOptions o;
  o.format = gb::TraceFormat::Cs4223;
  o.protocol = protocol;
  o.cores = 4;
  o.geometry = {4096, 2, 32};
  o.timing = timing;
  o.functional = !timing;
  for (int c = 0; c < 4; ++c) o.files.push_back(data_dir() + "/blackscholes_" + std::to_string(c) + ".data");
  return o;
}

double max_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;
}

void run(benchmark::State& state, gb::ProtocolKind protocol, bool timing) {
  const gb::TraceOptions o = blackscholes(protocol, timing);
  std::uint64_t refs = 0;
  for (auto _ : state) {
    const gb::TraceResult r = gb::run_trace(o, nullptr);
    if (r.exit_code != 0) {
      state.SkipWithError(r.error.c_str());
      return;
    }
    refs += r.references;
    benchmark::DoNotOptimize(r.state_hash);
  }
  state.counters["refs_per_s"] = benchmark::Counter(static_cast<double>(refs), benchmark::Counter::kIsRate);
  state.counters["max_rss_mb"] = max_rss_mb();
}

void BM_BlackscholesFunctionalMESI(benchmark::State& s) { run(s, gb::ProtocolKind::MESI, false); }
void BM_BlackscholesTimingMESI(benchmark::State& s) { run(s, gb::ProtocolKind::MESI, true); }
void BM_BlackscholesTimingMOESI(benchmark::State& s) { run(s, gb::ProtocolKind::MOESI, true); }
void BM_BlackscholesTimingDragon(benchmark::State& s) { run(s, gb::ProtocolKind::Dragon, true); }

BENCHMARK(BM_BlackscholesFunctionalMESI)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_BlackscholesTimingMESI)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_BlackscholesTimingMOESI)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_BlackscholesTimingDragon)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
