// Conditions as the Session's step kinds and breakpoints (sim/machine/session.h): forward_until stops where the
// condition fires on a plain run, back_until retraces the same positions to the same states, and conditional
// breakpoints stop any forward step (and Continue, forward and back) where they hold.
#include <algorithm>

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "program_run.h"
#include "sim/inspect/condition_eval.h"
#include "sim/machine/session.h"

using namespace gb;
using namespace gb::inspect;

namespace {

Machine load(const std::string& example, int cores = 2) {
  MachineConfig c;
  c.gomaxprocs = cores;
  c.machine.memory.cores = cores;
  std::string diags;
  auto m = Machine::load(example, test::example_text(example), c, diags);
  INFO(diags);
  REQUIRE(m);
  return *m;
}

BoundCondition bound(const Machine& m, const std::string& text, const std::vector<std::string>* source = nullptr) {
  std::string error;
  auto c = BoundCondition::bind(text, m, source, error);
  INFO(text << ": " << error);
  REQUIRE(c);
  return *c;
}

// Where `c` fires on a plain run of `m`, single-stepped to the end.
std::vector<std::uint64_t> fires(Machine m, const BoundCondition& c) {
  std::vector<std::uint64_t> out;
  Observation before = c.observe(m), after;
  while (!m.runtime().finished()) {
    m.step(StepKind::Instruction);
    c.observe(m, after, &before);
    if (c.fires(m, before, after)) out.push_back(m.runtime().instructions());
    std::swap(before, after);
  }
  return out;
}

SessionOptions small_checkpoints() {
  SessionOptions o;
  o.checkpoint_interval = 700;  // the walks back cross many checkpoints
  return o;
}

// A deposit goroutine's id (the second one made).
GId second_deposit(const Machine& start) {
  Machine m = start;
  m.run(300);
  std::vector<GId> out;
  const vm::Vm& vm = m.runtime();
  for (GId g = 1; g <= static_cast<GId>(vm.scheduler().goroutine_count()); ++g) {
    const auto& frames = vm.goroutine(g).frames;
    if (!frames.empty() && vm.program().functions[frames.front().func].name == "main.deposit") out.push_back(g);
  }
  REQUIRE(out.size() == 2);
  return out[1];
}

}  // namespace

TEST_CASE("condition session: forward_until lands where the condition fires, back_until retraces it",
          "[condition][session]") {
  const Machine start = load("lost_update.go");
  const GId g = second_deposit(start);
  for (const std::string& text : {fmt::format("line 17 by G{}", g), std::string("bus BusUpgr on balance"),
                                 std::string("state balance M in core 1"), std::string("lost update on balance"),
                                 std::string("output \"balance\" or line 27")}) {
    INFO(text);
    const BoundCondition c = bound(start, text);
    std::vector<std::uint64_t> expected = fires(start, c);
    REQUIRE_FALSE(expected.empty());
    if (expected.size() > 25) expected.resize(25);
    Session s(start, small_checkpoints());
    CHECK_FALSE(s.back_until(c));  // at the start: nowhere to go
    std::vector<std::uint64_t> hashes;
    for (const std::uint64_t at : expected) {
      const StepReport r = s.forward_until(c);
      CHECK(r.at_boundary);
      CHECK(r.condition_breakpoint == -1);
      REQUIRE(s.position() == at);
      hashes.push_back(s.machine().state_hash());
    }
    // Back through every one of them to the same states, then back to the start.
    for (std::size_t i = expected.size() - 1; i-- > 0;) {
      REQUIRE(s.back_until(c));
      CHECK(s.position() == expected[i]);
      CHECK(s.machine().state_hash() == hashes[i]);
    }
    REQUIRE(s.back_until(c));
    CHECK(s.position() == s.start_position());
    // And forward again: forward -> back -> forward lands on the same states.
    for (std::size_t i = 0; i < expected.size(); ++i) {
      s.forward_until(c);
      CHECK(s.position() == expected[i]);
      CHECK(s.machine().state_hash() == hashes[i]);
    }
  }
}

TEST_CASE("condition session: a condition that never fires runs to the end, and back lands on the start",
          "[condition][session]") {
  const Machine start = load("lost_update.go");
  const BoundCondition never = bound(start, "exit 3");
  Session s(start, small_checkpoints());
  const StepReport r = s.forward_until(never);
  CHECK(r.finished);
  CHECK_FALSE(r.at_boundary);
  REQUIRE(s.back_until(never));
  CHECK(s.position() == s.start_position());
}

TEST_CASE("condition session: conditional breakpoints stop any forward step and Continue, forward and back",
          "[condition][session]") {
  const Machine start = load("lost_update.go");
  const GId g = second_deposit(start);
  const std::vector<std::uint64_t> by_g = fires(start, bound(start, fmt::format("line 17 by G{}", g)));
  REQUIRE(by_g.size() == 1000);
  // A line with a guard: G's arrivals at line 17 only (`line 17 and by...` is `line 17 by G`).
  Session s(start, small_checkpoints());
  s.set_condition_breakpoints({Session::ConditionBreakpoint{0, bound(start, fmt::format("line 17 by G{}", g))}});
  for (std::size_t i = 0; i < 30; ++i) {
    const StepReport r = s.forward(StepKind::Continue);
    CHECK(r.condition_breakpoint == 0);
    CHECK(r.breakpoint_g == g);
    REQUIRE(s.position() == by_g[i]);
  }
  for (std::size_t i = 29; i-- > 0;) {
    REQUIRE(s.back(StepKind::Continue));
    CHECK(s.position() == by_g[i]);
  }
  // A line breakpoint guarded by a state: the first arrival at line 17 once the clock has passed a time.
  const Machine& m = s.machine();
  const std::int64_t t = m.runtime().machine_time() + 5000;
  const std::vector<std::uint64_t> later = fires(start, bound(start, fmt::format("line 17 and cycle >= {}", t)));
  REQUIRE_FALSE(later.empty());
  Session guarded(start, small_checkpoints());
  guarded.set_condition_breakpoints({Session::ConditionBreakpoint{17, bound(start, fmt::format("cycle >= {}", t))}});
  const StepReport r = guarded.forward(StepKind::Continue);
  CHECK(r.condition_breakpoint == 0);
  CHECK(r.breakpoint_line == 17);
  CHECK(guarded.position() == later[0]);
  // Any forward step stops there too: bus-transaction steps from the start do not step over it.
  Session stepping(start, small_checkpoints());
  stepping.set_condition_breakpoints({Session::ConditionBreakpoint{17, bound(start, fmt::format("cycle >= {}", t))}});
  StepReport last;
  while (last.condition_breakpoint < 0 && !last.finished) last = stepping.forward(StepKind::BusTransaction);
  CHECK(stepping.position() == later[0]);
  // With the line breakpoints: Continue stops at whichever comes first.
  Session both(start, small_checkpoints());
  both.set_breakpoints({27});
  both.set_condition_breakpoints({Session::ConditionBreakpoint{0, bound(start, "lost update on balance")}});
  const std::vector<std::uint64_t> lost = fires(start, bound(start, "lost update on balance"));
  const std::vector<std::uint64_t> print = fires(start, bound(start, "line 27"));
  REQUIRE(print.size() == 1);
  std::vector<std::uint64_t> stops = lost;
  stops.push_back(print[0]);
  std::sort(stops.begin(), stops.end());
  for (const std::uint64_t at : stops) {
    const StepReport step = both.forward(StepKind::Continue);
    CHECK(both.position() == at);
    CHECK((step.condition_breakpoint == 0) == (at != print[0]));
    CHECK((step.breakpoint_line == 27) == (at == print[0]));
  }
  CHECK(both.forward(StepKind::Continue).finished);
}

TEST_CASE("condition session: a deadlock's end, which runs no instruction, fires exit and stderr", "[condition][session]") {
  // Go: main waits forever on a channel nobody sends on; the runtime finds every goroutine asleep.
  const char* kDeadlock = "package main\n\nfunc main() {\n\tch := make(chan int)\n\t<-ch\n}\n";
  MachineConfig c;
  c.gomaxprocs = 2;
  c.machine.memory.cores = 2;
  std::string diags;
  auto m = Machine::load("deadlock.go", kDeadlock, c, diags);
  REQUIRE(m);
  for (const char* text : {"exit 2", "exit", "stderr \"all goroutines are asleep - deadlock!\""}) {
    INFO(text);
    Session s(*m);
    const StepReport r = s.forward_until(bound(*m, text));
    CHECK(r.at_boundary);
    CHECK(r.finished);
    CHECK(s.machine().runtime().exit_code() == 2);
  }
  Session s(*m);
  CHECK_FALSE(s.forward_until(bound(*m, "exit 0")).at_boundary);
}
