// "You are the scheduler" (sim/machine/scheduler_choice.h): a forced core takes every instruction however the
// run is chunked, the choices on offer are the cores running goroutines, and a run with choices walks forward
// and back (and seeks) over the same states as any other run of the Session.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/machine/scheduler_choice.h"
#include "sim/machine/session.h"

namespace {

// Two goroutines race on a counter while a third takes a mutex now and then: enough to switch, park and wake.
const char* kRace = R"(package main

import (
	"fmt"
	"sync"
)

var balance int64
var mu sync.Mutex
var locked int

func deposit(times int, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; i < times; i++ {
		balance += 1
		if i%50 == 0 {
			mu.Lock()
			locked++
			mu.Unlock()
		}
	}
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go deposit(400, &wg)
	go deposit(400, &wg)
	wg.Wait()
	fmt.Println(balance, locked)
}
)";

std::unique_ptr<gb::Machine> load(int cores) {
  gb::MachineConfig c;
  c.gomaxprocs = cores;
  c.machine.memory.cores = cores;
  c.seed = 3;
  std::string diags;
  auto m = gb::Machine::load("race.go", kRace, c, diags);
  INFO(diags);
  REQUIRE(m);
  return m;
}

// The goroutines a student could pick: every one that is Running (with as many cores as Ps, a Running G's M
// is on a core).
std::set<gb::GId> running_gs(const gb::Machine& m) {
  std::set<gb::GId> out;
  const auto& sched = m.runtime().scheduler();
  for (int p = 0; p < sched.gomaxprocs(); ++p)
    if (sched.p(p).current != gb::kNoG) out.insert(sched.p(p).current);
  return out;
}

// Moves s to a position where both workers are on cores.
void to_two_running(gb::Session& s) {
  s.seek(2'000);
  for (int i = 0; i < 200'000 && s.choices().size() < 2; ++i) s.forward(gb::StepKind::Instruction);
  REQUIRE(s.choices().size() == 2);
}

}  // namespace

TEST_CASE("scheduler choice: a forced core takes every instruction, however the run is chunked",
          "[scheduler-choice][sim]") {
  auto start = load(2);
  gb::Session s(*start);
  to_two_running(s);
  // One core's burst is pending here: forcing the other one ends it before the next instruction.
  REQUIRE(s.machine().runtime().pending_burst_core() >= 0);
  for (const gb::CoreChoice& c : s.choices()) {
    INFO("core " << c.core << " G" << c.g);
    gb::Machine burst = s.machine();
    burst.force_core(c.core);
    burst.run(40);
    gb::Machine single = s.machine();
    single.force_core(c.core);
    int ran_other = 0;
    for (int i = 0; i < 40; ++i) {
      single.step(gb::StepKind::Instruction);
      if (single.runtime().current_goroutine() != c.g) ++ran_other;
    }
    CHECK(single.state_hash() == burst.state_hash());
    // The chosen G ran them all (it loops without blocking for far more than 40 instructions here).
    CHECK(ran_other == 0);
    // The other core was held: no instruction of its G ran, so its clock is not behind the forced one's
    // start.
    for (std::size_t k = 0; k < single.runtime().cores().size(); ++k)
      if (static_cast<int>(k) != c.core && single.runtime().cores()[k].thread >= 0)
        CHECK(single.runtime().cores()[k].clock >=
              s.machine().runtime().cores()[static_cast<std::size_t>(c.core)].clock);
  }
  // The same 40 instructions unforced interleave both workers at this seed (the choice changed the run).
  gb::Machine natural = s.machine();
  std::set<gb::GId> ran;
  for (int i = 0; i < 40; ++i) {
    natural.step(gb::StepKind::Instruction);
    ran.insert(natural.runtime().current_goroutine());
  }
  CHECK(ran.size() == 2);
}

TEST_CASE("scheduler choice: the choices on offer are the cores running goroutines",
          "[scheduler-choice][sim]") {
  for (const int cores : {1, 2, 3}) {
    INFO("cores " << cores);
    auto start = load(cores);
    gb::Session s(*start);
    int two = 0;
    for (int i = 0; i < 6'000 && !s.machine().runtime().finished(); ++i) {
      const std::vector<gb::CoreChoice> offered = s.choices();
      std::set<gb::GId> gs;
      std::set<int> used;
      for (const gb::CoreChoice& c : offered) {
        gs.insert(c.g);
        used.insert(c.core);
        const gb::vm::Vm& vm = s.machine().runtime();
        REQUIRE(c.core >= 0);
        CHECK(vm.cores()[static_cast<std::size_t>(c.core)].thread == c.m);
        CHECK(vm.scheduler().m(c.m).p == c.p);
        CHECK(vm.scheduler().p(c.p).current == c.g);
        CHECK(c.pending == (vm.pending_burst_core() == c.core));
        CHECK(c.func != UINT32_MAX);
      }
      CHECK(used.size() == offered.size());
      // (Before the first instruction no thread is on a core yet: nothing is on offer.)
      if (s.position() > 0) CHECK(gs == running_gs(s.machine()));
      two += offered.size() >= 2;
      s.forward(gb::StepKind::Instruction);
    }
    CHECK((cores == 1 ? two == 0 : two > 0));
  }
  // A core that is not on offer is refused, and nothing moves.
  auto start = load(2);
  gb::Session s(*start);
  s.seek(100);
  const std::uint64_t hash = s.machine().state_hash();
  CHECK_FALSE(s.forward_on(7, gb::StepKind::Instruction));
  CHECK_FALSE(s.forward_on(-1, gb::StepKind::Instruction));
  CHECK(s.machine().state_hash() == hash);
  CHECK(s.schedule().empty());
}

TEST_CASE("scheduler choice: back, forward and seek replay the choices", "[scheduler-choice][sim]") {
  auto start = load(2);
  gb::SessionOptions small;
  small.checkpoint_interval = 64;  // replays cross checkpoints and stretches of the schedule
  gb::Session s(*start, small);
  to_two_running(s);
  const std::uint64_t first = s.position();

  // A script: alternate the cores, at instruction and statement grain, recording each state reached.
  std::map<std::uint64_t, std::uint64_t> hashes{{first, s.machine().state_hash()}};
  const gb::StepKind kinds[] = {gb::StepKind::Instruction, gb::StepKind::Instruction, gb::StepKind::Statement,
                                gb::StepKind::Instruction, gb::StepKind::StatementOver};
  for (int i = 0; i < 40 && s.position() < first + 300; ++i) {
    const std::vector<gb::CoreChoice> offered = s.choices();
    REQUIRE(!offered.empty());
    const gb::CoreChoice& c = offered[static_cast<std::size_t>(i / 3) % offered.size()];
    const gb::StepKind kind = kinds[static_cast<std::size_t>(i) % 5];
    const auto r = s.forward_on(c.core, kind);
    REQUIRE(r);
    if (kind == gb::StepKind::Instruction) CHECK(r->instructions == 1);
    // A statement step follows the chosen goroutine: it ran the step's last instruction.
    CHECK(r->last_g == c.g);
    hashes[s.position()] = s.machine().state_hash();
  }
  const std::uint64_t end = s.position();
  REQUIRE(end > first);
  const std::uint64_t end_hash = s.machine().state_hash();
  CHECK_FALSE(s.schedule().empty());
  for (const gb::ForcedStretch& st : s.schedule().stretches()) {
    CHECK(st.from >= first);
    CHECK(st.to <= end);
    CHECK(st.from < st.to);
  }
  // Choices change the run: the machine left alone reaches another state by the same position.
  {
    gb::Machine m = *start;
    m.run(end);
    CHECK(m.state_hash() != end_hash);
  }

  SECTION("back one instruction at a time, then forward again") {
    std::map<std::uint64_t, std::uint64_t> seen;
    while (s.position() > first) {
      REQUIRE(s.back(gb::StepKind::Instruction));
      seen[s.position()] = s.machine().state_hash();
    }
    for (const auto& [pos, h] : hashes)
      if (pos < end) CHECK(seen.at(pos) == h);
    while (s.position() < end) {
      s.forward(gb::StepKind::Instruction);  // no choice given: the recorded ones replay
      if (hashes.count(s.position())) CHECK(s.machine().state_hash() == hashes.at(s.position()));
      if (seen.count(s.position())) CHECK(s.machine().state_hash() == seen.at(s.position()));
    }
    CHECK(s.machine().state_hash() == end_hash);
  }
  SECTION("back by statements and bus transactions, then forward") {
    for (const gb::StepKind kind : {gb::StepKind::Statement, gb::StepKind::BusTransaction}) {
      INFO("kind " << static_cast<int>(kind));
      std::vector<std::pair<std::uint64_t, std::uint64_t>> trail;
      for (int i = 0; i < 6 && s.position() > first; ++i) {
        s.back(kind);
        trail.emplace_back(s.position(), s.machine().state_hash());
      }
      s.seek(end);
      CHECK(s.machine().state_hash() == end_hash);
      for (const auto& [pos, h] : trail) {
        s.seek(pos);
        CHECK(s.machine().state_hash() == h);
      }
      s.seek(end);
    }
  }
  SECTION("seek before the first choice and forward again") {
    s.seek(first - 10);
    s.seek(end);
    CHECK(s.machine().state_hash() == end_hash);
    s.restart();
    for (const auto& [pos, h] : hashes) {
      s.seek(pos);
      CHECK(s.machine().state_hash() == h);
    }
  }
  SECTION("another session taking the same choices reaches the same states") {
    gb::Session t(*start);  // default checkpoints: none inside the script
    t.seek(first);
    for (const gb::ForcedStretch& st : s.schedule().stretches()) {
      while (t.position() < st.from) t.forward(gb::StepKind::Instruction);
      while (t.position() < st.to) REQUIRE(t.forward_on(st.core, gb::StepKind::Instruction));
    }
    t.seek(end);
    CHECK(t.machine().state_hash() == end_hash);
    // Instruction by instruction the stretches come out the same (adjacent steps on one core merge).
    CHECK(t.schedule().stretches() == s.schedule().stretches());
  }
  SECTION("a choice at an earlier position starts a new branch") {
    const std::uint64_t mid = first + (end - first) / 2;
    s.seek(mid);
    const std::uint64_t mid_hash = s.machine().state_hash();
    const std::vector<gb::CoreChoice> offered = s.choices();
    REQUIRE(!offered.empty());
    // The core the recorded run did not force next (or the only one).
    std::uint64_t until = 0;
    const int recorded = s.schedule().core_at(mid, until);
    int other = offered.front().core;
    for (const gb::CoreChoice& c : offered)
      if (c.core != recorded) other = c.core;
    REQUIRE(s.forward_on(other, gb::StepKind::Statement));
    const std::uint64_t branch_end = s.position();
    const std::uint64_t branch_hash = s.machine().state_hash();
    // Nothing recorded beyond the branch point but the new step.
    for (const gb::ForcedStretch& st : s.schedule().stretches()) CHECK((st.to <= mid || st.from >= mid));
    CHECK(s.schedule().stretches().back().to == branch_end);
    CHECK(s.schedule().stretches().back().core == other);
    // The new branch replays: back to the branch point and forward again.
    s.seek(mid);
    CHECK(s.machine().state_hash() == mid_hash);
    s.seek(branch_end);
    CHECK(s.machine().state_hash() == branch_hash);
    // Beyond the branch's end the machine schedules by itself.
    s.forward(gb::StepKind::Instruction);
    CHECK(s.position() == branch_end + 1);
    // Dropping the choices ahead of a position leaves the ones before it.
    s.seek(first);
    s.drop_choices_ahead();
    CHECK(s.schedule().empty());
    s.seek(first + 300);
    gb::Machine m = *start;
    m.run(first + 300);
    CHECK(s.machine().state_hash() == m.state_hash());
  }
}
