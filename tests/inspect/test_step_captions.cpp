// Step captions, and scheduler-event steps that stop at each event: a channel handoff's wake-up is its own
// step, apart from the parks around it.
#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/inspect/step_captions.h"
#include "tests/inspect/program_run.h"

using namespace gb;
using gb::test::forward_until;
using gb::test::load_machine;
using gb::test::RunConfig;

namespace {

// main blocks sending on an unbuffered channel before the receiver has run; the receiver then takes the value
// from the parked sender and readies it (chan.go's recv: goready of the sender).
const char* kHandoff = R"(package main

import "fmt"

func main() {
	ch := make(chan int)
	go func() {
		v := <-ch
		fmt.Println(v)
	}()
	ch <- 42
	fmt.Println("sent")
}
)";

std::string joined(const std::vector<inspect::Caption>& cs) {
  std::string s;
  for (const auto& c : cs) s += c.text + "; ";
  return s;
}

// One core and one P: one goroutine runs at a time.
constexpr RunConfig kOneCore{1, 1};

bool has(const std::vector<inspect::Caption>& cs, inspect::Caption::Kind k, const std::string& text) {
  return std::any_of(cs.begin(), cs.end(), [&](const inspect::Caption& c) { return c.kind == k && c.text == text; });
}

}  // namespace

TEST_CASE("step captions: a scheduler-event step stops at the park, then at the wake-up on its own") {
  Session s(*load_machine("handoff.go", kHandoff, kOneCore));
  std::vector<std::vector<inspect::Caption>> steps;
  forward_until(s, StepKind::SchedulerEvent, 400, [&](const StepReport& r) {
    steps.push_back(inspect::step_captions(s.machine(), r));
    return false;
  });
  REQUIRE(s.machine().runtime().stdout_text() == "42\nsent\n");
  // The step where main parks on its send, and a later step where the receiver readies it: that step's only
  // scheduler captions are the wake-up (the receiver goes on running).
  auto park = std::find_if(steps.begin(), steps.end(), [](const auto& cs) {
    return has(cs, inspect::Caption::Kind::Park, "G1 parked: chan send");
  });
  REQUIRE(park != steps.end());
  auto wake = std::find_if(park, steps.end(), [](const auto& cs) {
    return has(cs, inspect::Caption::Kind::Wake, "G6 woke G1 into P0's runnext");
  });
  REQUIRE(wake != steps.end());
  INFO(joined(*wake));
  CHECK(std::none_of(wake->begin(), wake->end(), [](const inspect::Caption& x) {
    return x.kind == inspect::Caption::Kind::Park || x.kind == inspect::Caption::Kind::Exit;
  }));
  // The receiver's exit is a step of its own after that.
  CHECK(std::any_of(wake + 1, steps.end(),
                    [](const auto& cs) { return has(cs, inspect::Caption::Kind::Exit, "G6 exited"); }));
}

TEST_CASE("step captions: a bus transaction in words") {
  vm::BusRecord b;
  b.core = 0;
  b.op = BusOp::BusRdX;
  b.addr = 0xc000000010;
  b.change_count = 2;
  b.changes[0] = StateChange{0, LineState::I, LineState::M, -1};
  b.changes[1] = StateChange{1, LineState::M, LineState::I, -1};
  CHECK(inspect::bus_caption(b) == "core 0 BusRdX 0xc000000010: core 0 I->M, core 1 M->I");
}

TEST_CASE("step captions: a silent E->M upgrade is captioned though no bus transaction happened") {
  // One goroutine on one core reads a fresh variable (a lone read miss: E in MESI), then writes it: E -> M with
  // no transaction.
  const char* text = "package main\n\nvar x int\n\nfunc main() {\n\ty := x\n\tx = y + 1\n\tprintln(x)\n}\n";
  Session s(*load_machine("silent.go", text, kOneCore));
  bool silent = false;
  forward_until(s, StepKind::Instruction, 20000, [&](const StepReport& r) {
    for (const inspect::Caption& cap : inspect::step_captions(s.machine(), r))
      if (cap.kind == inspect::Caption::Kind::Silent && cap.text.find("E->M") != std::string::npos &&
          cap.text.find("no bus transaction") != std::string::npos) {
        silent = true;
        CHECK(r.bus_to == r.bus_from);  // the step made no transaction
      }
    return silent;
  });
  CHECK(silent);
}
