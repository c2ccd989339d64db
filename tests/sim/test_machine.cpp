// The Machine of sim/machine: stepping at each granularity reports what the step produced; forward, rewind to a
// snapshot and forward again gives the same state hash, with the outside world included.
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "sim/machine/machine.h"

namespace {

const char* kCounter = R"(package main

import (
	"fmt"
	"sync"
)

var mu sync.Mutex
var n int64

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				mu.Lock()
				n++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println(n)
}
)";

gb::MachineConfig two_cores() {
  gb::MachineConfig c;
  c.gomaxprocs = 2;
  c.machine.memory.cores = 2;
  c.seed = 5;
  return c;
}

std::unique_ptr<gb::Machine> load(const std::string& text, const gb::MachineConfig& c) {
  std::string diags;
  auto m = gb::Machine::load("prog.go", text, c, diags);
  INFO(diags);
  REQUIRE(m);
  return m;
}

}  // namespace

TEST_CASE("machine steps: instruction, statement, bus transaction, scheduler event, line", "[machine][sim]") {
  auto m = load(kCounter, two_cores());
  const gb::StepReport one = m->step(gb::StepKind::Instruction);
  CHECK(one.instructions == 1);

  const gb::StepReport bus = m->step(gb::StepKind::BusTransaction);
  CHECK(bus.bus_to == bus.bus_from + 1);
  const gb::vm::BusRecord& b = m->runtime().memory().bus_log()[bus.bus_from];
  CHECK(b.addr >= gb::vm::Memory::kFirstByteAddress);

  // A breakpoint on `n++` (line 19), then one statement: the goroutine moves off that line.
  const gb::StepReport at = m->step(gb::StepKind::Line, 19);
  REQUIRE_FALSE(at.finished);
  const gb::GId g = m->runtime().current_goroutine();
  CHECK(m->runtime().next_location(g).line == 19);
  const gb::StepReport st = m->step(gb::StepKind::Statement);
  CHECK(st.instructions >= 1);
  CHECK(m->runtime().next_location(g).line != 19);

  const gb::StepReport ev = m->step(gb::StepKind::SchedulerEvent);
  CHECK(ev.instructions >= 1);
  m->run();
  CHECK(m->runtime().finished());
  CHECK(m->runtime().stdout_text() == "100\n");
  const gb::StepReport after = m->step(gb::StepKind::Instruction);
  CHECK(after.instructions == 0);
  CHECK(after.finished);
}

TEST_CASE("machine: forward, rewind to a snapshot, forward again gives the same hash (world included)",
          "[machine][sim]") {
  std::ifstream in(std::string(GB_REPO_DIR) + "/lessons/payment/payment.go");
  std::stringstream ss;
  ss << in.rdbuf();
  gb::MachineConfig c = two_cores();
  c.world.payments = 20;
  c.world.clients.accounts = 64;
  c.world.clients.seed = 2;
  auto m = load(ss.str(), c);
  for (int checkpoint = 0; checkpoint < 4; ++checkpoint) {
    m->run(20'000);
    const gb::Machine snapshot = *m;
    m->run(15'000);
    const std::uint64_t forward = m->state_hash();
    gb::Machine rewound = snapshot;
    rewound.run(15'000);
    CHECK(rewound.state_hash() == forward);
    CHECK(rewound.world().payments_sent() == m->world().payments_sent());
  }
  m->run();
  CHECK(m->runtime().exit_code() == 0);
  CHECK(m->runtime().stdout_text().find("invariants hold") != std::string::npos);
}

// The session's rewind replays with run(k) what the user reached with single steps: the run must not depend on
// how it is cut into calls.
TEST_CASE("machine: N single steps, run(N) and random chunks reach the same state", "[machine][sim]") {
  std::ifstream in(std::string(GB_REPO_DIR) + "/lessons/payment/payment.go");
  std::stringstream ss;
  ss << in.rdbuf();
  for (const int cores : {1, 2, 4}) {
    gb::MachineConfig c = two_cores();
    c.gomaxprocs = 4;
    c.machine.memory.cores = cores;
    c.world.payments = 10;
    c.world.clients.accounts = 64;
    c.world.clients.seed = 2;
    auto whole = load(ss.str(), c);
    auto stepped = std::make_unique<gb::Machine>(*whole);
    auto chunked = std::make_unique<gb::Machine>(*whole);
    std::uint64_t chunk_seed = 12345;
    for (int round = 0; round < 6; ++round) {
      const std::uint64_t n = 3'001 + static_cast<std::uint64_t>(round) * 997;
      whole->run(n);
      for (std::uint64_t i = 0; i < n; ++i) stepped->step(gb::StepKind::Instruction);
      for (std::uint64_t left = n; left > 0;) {
        chunk_seed = chunk_seed * 6364136223846793005ull + 1442695040888963407ull;
        const std::uint64_t k = std::min<std::uint64_t>(left, 1 + (chunk_seed >> 33) % 23);
        chunked->run(k);
        left -= k;
      }
      INFO("cores " << cores << " round " << round);
      REQUIRE(stepped->runtime().instructions() == whole->runtime().instructions());
      CHECK(stepped->state_hash() == whole->state_hash());
      CHECK(chunked->state_hash() == whole->state_hash());
    }
    whole->run();
    stepped->run();
    CHECK(stepped->state_hash() == whole->state_hash());
    CHECK(stepped->runtime().stdout_text() == whole->runtime().stdout_text());
  }
}

TEST_CASE("machine steps: memory access, machine cycle, and a breakpoint on a bus operation", "[machine][sim]") {
  // Regular timing: the second M steals a worker within its 1 us spin, so both cores take the mutex's line
  // (with timing noise its wake-up can come after these short workers have run on core 0, and no line is
  // ever shared).
  gb::MachineConfig c = two_cores();
  c.machine.jitter = 0;
  auto m = load(kCounter, c);
  const std::uint64_t a0 = m->runtime().memory().accesses();
  const gb::StepReport acc = m->step(gb::StepKind::MemoryAccess);
  CHECK(acc.instructions >= 1);
  CHECK(m->runtime().memory().accesses() > a0);

  const std::int64_t t0 = m->runtime().machine_time();
  m->step(gb::StepKind::MachineCycle);
  CHECK(m->runtime().machine_time() > t0);

  // The first BusUpgr: some core writes a line it holds shared (the mutex word's or the counter's line).
  const auto upgr = static_cast<std::uint32_t>(gb::BusOp::BusUpgr);
  const gb::StepReport up = m->step(gb::StepKind::BusOp, upgr);
  REQUIRE_FALSE(up.finished);
  REQUIRE(up.bus_to > up.bus_from);
  CHECK(m->runtime().memory().bus_log()[up.bus_to - 1].op == gb::BusOp::BusUpgr);
  for (std::size_t i = up.bus_from; i + 1 < up.bus_to; ++i)
    CHECK(m->runtime().memory().bus_log()[i].op != gb::BusOp::BusUpgr);
}
