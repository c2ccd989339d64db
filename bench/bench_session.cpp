// Stepping back at each granularity from the end of a 10M-cycle run (issue 5 §2: under 100 ms), with the
// cost of getting there (checkpoints included), of a long seek into the past, of the worst case (a breakpoint
// reached only at the start) and of running in a UI's frames. Run: build/bench_session (README: "Stepping
// back").
#include <algorithm>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "sim/machine/session.h"

namespace {

// Four workers on four cores take jobs from a buffered channel, compute, and add to a total under a mutex:
// channel handoffs, lock traffic and plain loops in one run of about 19M cycles (60M instructions).
const char* kWork = R"(package main

import (
	"fmt"
	"sync"
)

var mu sync.Mutex
var total int64

func worker(jobs <-chan int, done chan<- int) {
	sum := 0
	for j := range jobs {
		x := 0
		for k := 0; k < 50; k++ {
			x += k * j
		}
		mu.Lock()
		total += int64(x % 7)
		mu.Unlock()
		sum += j
	}
	done <- sum
}

func main() {
	jobs := make(chan int, 8)
	done := make(chan int)
	for w := 0; w < 4; w++ {
		go worker(jobs, done)
	}
	for i := 1; i <= 200000; i++ {
		jobs <- i
	}
	close(jobs)
	s := 0
	for w := 0; w < 4; w++ {
		s += <-done
	}
	fmt.Println(s, total)
}
)";
constexpr std::int64_t kCycles = 10'000'000;

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

std::uint32_t line_of(const std::string& marker) {
  const std::string text = kWork;
  return static_cast<std::uint32_t>(
      1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(text.find(marker)), '\n'));
}

struct Run {
  std::unique_ptr<gb::Session> session;
  std::uint64_t end = 0;  // the position where the machine's floor clock passed kCycles
  double plain_ms = 0;    // a plain Machine running there
  double session_ms = 0;  // the Session seeking there, checkpoints included
};

// One session run to 10M cycles, shared by the benchmarks (each goes back to `end` before it starts).
Run& ten_million_cycles() {
  static Run run = [] {
    Run r;
    gb::MachineConfig c;
    c.gomaxprocs = 4;
    c.machine.memory.cores = 4;
    c.seed = 3;
    std::string diags;
    const auto start = gb::Machine::load("work.go", kWork, c, diags);
    if (!start) std::abort();
    Clock::time_point t = Clock::now();
    gb::Machine plain = *start;
    while (plain.runtime().now() < kCycles) plain.run(10'000);
    r.plain_ms = ms_since(t);
    r.end = plain.runtime().instructions();
    // As the UI's "run to here" would: one call.
    t = Clock::now();
    r.session = std::make_unique<gb::Session>(*start);
    r.session->seek(r.end);
    r.session_ms = ms_since(t);
    if (r.session->machine().state_hash() != plain.state_hash()) std::abort();
    return r;
  }();
  return run;
}

void back(benchmark::State& state, gb::StepKind kind, const char* marker = "total += int64") {
  Run& run = ten_million_cycles();
  gb::Session& s = *run.session;
  s.seek(run.end);
  // BusOp's argument is the operation: BusRdX, as the lock word changes hands.
  const std::uint32_t line =
      kind == gb::StepKind::BusOp ? static_cast<std::uint32_t>(gb::BusOp::BusRdX) : line_of(marker);
  std::vector<double> times;
  for (auto _ : state) {
    const Clock::time_point t = Clock::now();
    const bool moved = s.back(kind, line);
    times.push_back(ms_since(t));
    state.SetIterationTime(times.back() / 1000.0);
    if (!moved) state.SkipWithError("back() did not move");
  }
  std::sort(times.begin(), times.end());
  const gb::CheckpointStats cs = s.checkpoint_stats();
  state.counters["median_ms"] = times[times.size() / 2];
  state.counters["max_ms"] = times.back();
  state.counters["moved_instr"] = static_cast<double>(run.end - s.position());
  state.counters["position_M"] = static_cast<double>(run.end) / 1e6;
  state.counters["plain_run_s"] = run.plain_ms / 1000.0;
  state.counters["session_run_s"] = run.session_ms / 1000.0;
  state.counters["checkpoints"] = static_cast<double>(cs.count);
  state.counters["newest_behind_k"] = (static_cast<double>(run.end) - static_cast<double>(cs.newest)) / 1e3;
  state.counters["replayed_M"] = static_cast<double>(cs.replayed) / 1e6;
  state.counters["restores"] = static_cast<double>(cs.restores);
  state.counters["checkpoint_MB"] = static_cast<double>(cs.bytes) / (1 << 20);
}

// A jump to the middle of the run (the event log's "go to this moment"), then back to the end.
void seek_half(benchmark::State& state) {
  Run& run = ten_million_cycles();
  gb::Session& s = *run.session;
  std::vector<double> times;
  bool to_middle = true;
  for (auto _ : state) {
    const Clock::time_point t = Clock::now();
    s.seek(to_middle ? run.end / 2 : run.end);
    times.push_back(ms_since(t));
    state.SetIterationTime(times.back() / 1000.0);
    to_middle = !to_middle;
  }
  std::sort(times.begin(), times.end());
  state.counters["median_ms"] = times[times.size() / 2];
  state.counters["max_ms"] = times.back();
}

// A UI animating the run calls the Session once a frame (250k instructions: one 60 Hz frame at ~15 M/s); each
// call that ends more than two intervals past the last checkpoint copies the state, which grows with the run.
void run_in_frames(benchmark::State& state) {
  const Run& run = ten_million_cycles();
  gb::MachineConfig c;
  c.gomaxprocs = 4;
  c.machine.memory.cores = 4;
  c.seed = 3;
  std::string diags;
  const auto start = gb::Machine::load("work.go", kWork, c, diags);
  for (auto _ : state) {
    const Clock::time_point t = Clock::now();
    gb::Session s(*start);
    while (s.position() < run.end) s.seek(std::min(run.end, s.position() + 250'000));
    state.SetIterationTime(ms_since(t) / 1000.0);
    state.counters["checkpoint_MB"] = static_cast<double>(s.checkpoint_stats().bytes) / (1 << 20);
  }
  state.counters["plain_run_s"] = run.plain_ms / 1000.0;
}

// Each back() is timed alone (manual time); the counters give the median and the maximum.
BENCHMARK_CAPTURE(back, Instruction, gb::StepKind::Instruction)->Iterations(25)->UseManualTime();
BENCHMARK_CAPTURE(back, Statement, gb::StepKind::Statement)->Iterations(25)->UseManualTime();
BENCHMARK_CAPTURE(back, BusTransaction, gb::StepKind::BusTransaction)->Iterations(25)->UseManualTime();
BENCHMARK_CAPTURE(back, SchedulerEvent, gb::StepKind::SchedulerEvent)->Iterations(25)->UseManualTime();
BENCHMARK_CAPTURE(back, Line, gb::StepKind::Line)->Iterations(25)->UseManualTime();
BENCHMARK_CAPTURE(back, MemoryAccess, gb::StepKind::MemoryAccess)->Iterations(25)->UseManualTime();
BENCHMARK_CAPTURE(back, MachineCycle, gb::StepKind::MachineCycle)->Iterations(25)->UseManualTime();
BENCHMARK_CAPTURE(back, BusOp, gb::StepKind::BusOp)->Iterations(25)->UseManualTime();
BENCHMARK(seek_half)->Iterations(10)->UseManualTime();
// The worst case: a breakpoint last reached at the very start (the `go` statement), so the search
// single-steps the whole history back to it.
BENCHMARK_CAPTURE(back, LineReachedOnlyAtStart, gb::StepKind::Line, "go worker")
    ->Iterations(1)
    ->UseManualTime();
BENCHMARK(run_in_frames)->Iterations(1)->UseManualTime();

}  // namespace

BENCHMARK_MAIN();
