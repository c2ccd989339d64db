// The Session of sim/machine: a position is one state however the run was chunked; forward and back at every
// granularity mirror each other (forward -> back -> forward lands on the same hash), back lands on the
// boundaries forward steps produce, and seeking and thinning change nothing but the cost.
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/machine/session.h"

namespace {

// Three workers take jobs from a buffered channel and add them to a total under a mutex; main collects their
// sums over a second channel.
const char* kJobs = R"(package main

import (
	"fmt"
	"sync"
)

var mu sync.Mutex
var total int64

func worker(jobs <-chan int, done chan<- int) {
	sum := 0
	for j := range jobs {
		mu.Lock()
		total += int64(j)
		mu.Unlock()
		sum += j
	}
	done <- sum
}

func main() {
	jobs := make(chan int, 4)
	done := make(chan int)
	for w := 0; w < 3; w++ {
		go worker(jobs, done)
	}
	for i := 1; i <= 400; i++ {
		jobs <- i
	}
	close(jobs)
	s := 0
	for w := 0; w < 3; w++ {
		s += <-done
	}
	fmt.Println(s, total)
}
)";

std::uint32_t line_of(const std::string& text, const std::string& marker) {
  const std::size_t at = text.find(marker);
  REQUIRE(at != std::string::npos);
  return static_cast<std::uint32_t>(
      1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

gb::MachineConfig cores(int n) {
  gb::MachineConfig c;
  c.gomaxprocs = n;
  c.machine.memory.cores = n;
  c.seed = 7;
  return c;
}

std::unique_ptr<gb::Machine> load(const gb::MachineConfig& c) {
  std::string diags;
  auto m = gb::Machine::load("jobs.go", kJobs, c, diags);
  INFO(diags);
  REQUIRE(m);
  return m;
}

// The state hash at `position`, reached one instruction at a time (the timeline forward steps walk).
std::uint64_t hash_at(const gb::Machine& start, std::uint64_t position) {
  gb::Machine m = start;
  while (m.runtime().instructions() < position && !m.runtime().finished()) m.step(gb::StepKind::Instruction);
  return m.state_hash();
}

gb::SessionOptions small_checkpoints() {
  gb::SessionOptions o;
  o.checkpoint_interval = 700;  // many checkpoints on a short run, so back() crosses them
  return o;
}

const gb::StepKind kKinds[] = {gb::StepKind::Instruction,    gb::StepKind::Statement,
                               gb::StepKind::BusTransaction, gb::StepKind::SchedulerEvent,
                               gb::StepKind::Line,           gb::StepKind::MemoryAccess,
                               gb::StepKind::MachineCycle,   gb::StepKind::BusOp,
                               gb::StepKind::StatementOver};
constexpr std::size_t kKindCount = sizeof(kKinds) / sizeof(kKinds[0]);

// A step's argument: the source line for Line, a BusRdX (lock words change hands by it) for BusOp.
std::uint32_t arg(gb::StepKind kind, std::uint32_t line) {
  return kind == gb::StepKind::BusOp ? static_cast<std::uint32_t>(gb::BusOp::BusRdX) : line;
}

}  // namespace

TEST_CASE("session: a position is one state, however the run is chunked", "[session][sim]") {
  for (const int n : {2, 3, 4}) {
    auto start = load(cores(n));
    gb::Machine whole = *start;
    whole.run();
    REQUIRE(whole.runtime().finished());
    CHECK(whole.runtime().stdout_text() == "80200 80200\n");
    const std::uint64_t end = whole.runtime().instructions();
    const std::uint64_t n_steps = end / 2;

    gb::Machine burst = *start;
    burst.run(n_steps);
    gb::Machine single = *start;
    for (std::uint64_t i = 0; i < n_steps; ++i) single.step(gb::StepKind::Instruction);
    gb::Machine chunks = *start;
    std::mt19937_64 rng(static_cast<std::uint64_t>(n));
    while (chunks.runtime().instructions() < n_steps) {
      const std::uint64_t left = n_steps - chunks.runtime().instructions();
      chunks.run(std::min<std::uint64_t>(left, 1 + rng() % 97));
    }
    INFO("cores " << n);
    CHECK(burst.runtime().instructions() == n_steps);
    CHECK(single.state_hash() == burst.state_hash());
    CHECK(chunks.state_hash() == burst.state_hash());
    single.run();
    CHECK(single.state_hash() == whole.state_hash());
  }
}

TEST_CASE("session: forward -> back -> forward lands on the same state, at every kind", "[session][sim]") {
  auto start = load(cores(3));
  const std::uint32_t line = line_of(kJobs, "total += int64(j)");
  for (const gb::StepKind kind : kKinds) {
    INFO("kind " << static_cast<int>(kind));
    gb::Session s(*start, small_checkpoints());
    s.seek(2'000);
    // Forward five steps, remembering where each landed and the state there.
    std::vector<std::uint64_t> at{s.position()};
    std::vector<std::uint64_t> hash{s.machine().state_hash()};
    for (int i = 0; i < 5; ++i) {
      const gb::StepReport r = s.forward(kind, arg(kind, line));
      REQUIRE_FALSE(r.finished);
      CHECK(r.instructions == s.position() - at.back());
      at.push_back(s.position());
      hash.push_back(s.machine().state_hash());
    }
    // Back four steps: each lands on the boundary the forward step before it produced.
    for (int i = 4; i >= 1; --i) {
      REQUIRE(s.back(kind, arg(kind, line)));
      CHECK(s.position() == at[static_cast<std::size_t>(i)]);
      CHECK(s.machine().state_hash() == hash[static_cast<std::size_t>(i)]);
    }
    // And forward again over the same states.
    for (int i = 2; i <= 5; ++i) {
      s.forward(kind, arg(kind, line));
      CHECK(s.position() == at[static_cast<std::size_t>(i)]);
      CHECK(s.machine().state_hash() == hash[static_cast<std::size_t>(i)]);
    }
    // Every state agrees with a plain single-stepped machine.
    CHECK(hash.back() == hash_at(*start, at.back()));
  }
}

TEST_CASE("session: boundaries are where Machine::step stops", "[session][sim]") {
  auto start = load(cores(2));
  const std::uint32_t line = line_of(kJobs, "mu.Lock()");
  for (const gb::StepKind kind : kKinds) {
    INFO("kind " << static_cast<int>(kind));
    gb::Machine m = *start;
    m.run(1'500);
    gb::Session s(m, small_checkpoints());
    int compared = 0;
    for (int i = 0; i < 60; ++i) {
      // From the same state, a Machine step and a Session step of the same kind stop at the same place,
      // except where session.h says they differ: a Statement step whose goroutine is blocked at the start, a
      // SchedulerEvent step whose first instruction switches goroutine.
      gb::Machine alone = s.machine();
      const gb::vm::Vm& vm = alone.runtime();
      const gb::GId g = vm.current_goroutine();
      bool differs = false;
      if ((kind == gb::StepKind::Statement || kind == gb::StepKind::StatementOver) && g != gb::kNoG) {
        const gb::GStatus st = vm.scheduler().g(g).status;
        differs = st != gb::GStatus::Running && st != gb::GStatus::Runnable && st != gb::GStatus::Dead;
      }
      if (kind == gb::StepKind::SchedulerEvent) {
        gb::Machine probe = alone;
        probe.step(gb::StepKind::Instruction);
        const gb::GId next = probe.runtime().current_goroutine();
        differs = next != g && probe.runtime().scheduler().g(next).status == gb::GStatus::Running;
      }
      alone.step(kind, arg(kind, line));
      s.forward(kind, arg(kind, line));
      if (differs) continue;
      ++compared;
      CHECK(s.position() == alone.runtime().instructions());
      CHECK(s.machine().state_hash() == alone.state_hash());
    }
    CHECK(compared >= 20);
  }
}

TEST_CASE("session: back to the start, and no further", "[session][sim]") {
  auto start = load(cores(2));
  gb::Session s(*start, small_checkpoints());
  CHECK_FALSE(s.back(gb::StepKind::Instruction));
  CHECK_FALSE(s.back(gb::StepKind::Statement));
  CHECK(s.position() == 0);
  for (int i = 0; i < 30; ++i) s.forward(gb::StepKind::BusTransaction);
  REQUIRE(s.position() > 0);
  // Back by scheduler events until nothing is left: the last one lands on the start itself.
  int backs = 0;
  while (s.back(gb::StepKind::SchedulerEvent)) ++backs;
  CHECK(backs > 0);
  CHECK(s.position() == 0);
  CHECK(s.machine().state_hash() == start->state_hash());
  // A breakpoint line never reached before here: back goes to the start.
  s.seek(900);
  CHECK(s.back(gb::StepKind::Line, line_of(kJobs, "fmt.Println")));
  CHECK(s.position() == 0);
  s.seek(1'234);
  s.restart();
  CHECK(s.position() == 0);
  CHECK(s.machine().state_hash() == start->state_hash());
}

TEST_CASE("session: seek to any moment, backwards and forwards", "[session][sim]") {
  auto start = load(cores(4));
  gb::Machine whole = *start;
  whole.run();
  const std::uint64_t end = whole.runtime().instructions();
  gb::Session s(*start, small_checkpoints());
  for (const std::uint64_t p : {end / 2, end / 5, end / 5 + 1, end - 3, std::uint64_t{17}, end / 3}) {
    s.seek(p);
    CHECK(s.position() == p);
    gb::Machine direct = *start;
    direct.run(p);
    CHECK(s.machine().state_hash() == direct.state_hash());
  }
  // Past the end: the end.
  s.seek(end + 1'000);
  CHECK(s.position() == end);
  CHECK(s.machine().state_hash() == whole.state_hash());
  CHECK(s.machine().runtime().stdout_text() == "80200 80200\n");
  const gb::StepReport r = s.forward(gb::StepKind::Statement);
  CHECK(r.instructions == 0);
  CHECK(r.finished);
  // Back from the end works like anywhere else.
  REQUIRE(s.back(gb::StepKind::BusTransaction));
  CHECK(s.position() < end);
  CHECK(s.machine().state_hash() == hash_at(*start, s.position()));
}

TEST_CASE("session: thinned checkpoints change the cost, not the answer", "[session][sim]") {
  auto start = load(cores(3));
  gb::SessionOptions few = small_checkpoints();
  few.checkpoint_interval = 300;
  few.max_checkpoints = 5;
  gb::SessionOptions many = small_checkpoints();
  many.checkpoint_interval = 300;
  many.max_checkpoints = 1'000;
  gb::Session thin(*start, few), dense(*start, many);
  // Stopping every 700 instructions leaves a checkpoint at each stop (more than two intervals from the last).
  for (std::uint64_t p = 700; p <= 18'200; p += 700) {
    thin.seek(p);
    dense.seek(p);
  }
  CHECK(thin.checkpoint_stats().count <= 5);
  CHECK(dense.checkpoint_stats().count > 20);
  CHECK(thin.checkpoint_stats().bytes < dense.checkpoint_stats().bytes);
  // Walk back through history at every kind in turn: both sessions agree at every stop.
  const std::uint32_t line = line_of(kJobs, "sum += j");
  for (int i = 0; i < 40; ++i) {
    const gb::StepKind kind = kKinds[static_cast<std::size_t>(i) % kKindCount];
    REQUIRE(thin.back(kind, arg(kind, line)) == dense.back(kind, arg(kind, line)));
    CHECK(thin.position() == dense.position());
    CHECK(thin.machine().state_hash() == dense.machine().state_hash());
    if (i % 8 == 7) {  // jump far back, then on: old history is reached through the sparse checkpoints
      thin.seek(thin.position() / 3);
      dense.seek(dense.position() / 3);
      CHECK(thin.machine().state_hash() == dense.machine().state_hash());
    }
  }
  CHECK(thin.checkpoint_stats().count <= 5);
  CHECK(thin.machine().state_hash() == hash_at(*start, thin.position()));
}

TEST_CASE("session: a restored machine carries its own records", "[session][sim]") {
  auto start = load(cores(2));
  gb::Session s(*start, small_checkpoints());
  s.seek(5'000);
  const std::size_t bus = s.machine().runtime().memory().bus_log().size();
  const std::size_t slices = s.machine().runtime().run_slices().size();
  s.seek(2'000);
  CHECK(s.machine().runtime().memory().bus_log().size() < bus);
  const gb::StepReport r = s.forward(gb::StepKind::BusTransaction);
  CHECK(r.bus_to > r.bus_from);  // one instruction may need more than one transaction
  CHECK(r.bus_to == s.machine().runtime().memory().bus_log().size());
  s.seek(5'000);
  CHECK(s.machine().runtime().memory().bus_log().size() == bus);
  CHECK(s.machine().runtime().run_slices().size() == slices);
}

TEST_CASE("session: a random walk forward and back stays on the one timeline", "[session][sim]") {
  for (const std::uint64_t seed : {3u, 5u}) {
    gb::MachineConfig c = cores(static_cast<int>(1 + seed % 4));
    c.machine.memory.cores =
        static_cast<int>(1 + seed % 3);  // fewer cores than Ps on one of them: the OS model
    c.seed = seed;
    auto start = load(c);
    // The state at every position, one instruction at a time.
    std::vector<std::uint64_t> truth{start->state_hash()};
    for (gb::Machine m = *start; !m.runtime().finished();) {
      m.step(gb::StepKind::Instruction);
      truth.push_back(m.state_hash());
    }
    gb::SessionOptions o;
    o.checkpoint_interval = 250;
    o.max_checkpoints = 6;
    gb::Session s(*start, o);
    std::mt19937_64 rng(seed);
    for (int i = 0; i < 150; ++i) {
      const gb::StepKind kind = kKinds[rng() % kKindCount];
      const std::uint32_t line = 14 + static_cast<std::uint32_t>(rng() % 8);
      switch (rng() % 4) {
        case 0:
          s.seek(rng() % (truth.size() + 20));
          break;
        case 1:
          s.back(kind, arg(kind, line));
          break;
        default: {  // forward, back, forward: the same state as the first forward
          // A step over's depth bound is where it begins, so it mirrors back() from its own boundaries (a
          // position a seek picked may be deep in the runtime, below the program's first statement).
          if (kind == gb::StepKind::StatementOver) s.forward(kind);
          s.forward(kind, arg(kind, line));
          const std::uint64_t at = s.position();
          s.back(kind, arg(kind, line));
          s.forward(kind, arg(kind, line));
          CHECK(s.position() == at);
        }
      }
      REQUIRE(s.position() < truth.size());
      CHECK(s.machine().state_hash() == truth[s.position()]);
    }
    CHECK(s.checkpoint_stats().count <= 6);
  }
}
