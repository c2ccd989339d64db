// Statement steps as a debugger takes them: into, over and out, "just my code" (fmt and the runtime are
// stepped through, not into), forward and back on the Session.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/machine/session.h"

namespace {

const char* kCalls = R"(package main

import "fmt"

func add(a, b int) int {
	s := a + b
	return s
}

func main() {
	x := 1
	y := add(x, 2)
	fmt.Println(x, y)
	z := add(y, y)
	fmt.Println(z)
	for i := 0; i < 2; i++ {
		z += i
	}
	fmt.Println(z)
}
)";

gb::Session start_at_main() {
  gb::MachineConfig c;
  c.gomaxprocs = 1;
  c.machine.memory.cores = 1;
  std::string diags;
  auto m = gb::Machine::load("calls.go", kCalls, c, diags);
  INFO(diags);
  REQUIRE(m);
  m->step(gb::StepKind::Line, 11);  // main's first statement, x := 1
  REQUIRE(m->runtime().next_location(m->runtime().current_goroutine()).line == 11);
  return gb::Session(*m);
}

// The line the followed goroutine (main's, G1) is about to run.
std::uint32_t line_now(const gb::Session& s) {
  const gb::vm::Vm& vm = s.machine().runtime();
  return vm.next_location(1).line;
}

std::string function_now(const gb::Session& s) {
  const gb::vm::Vm& vm = s.machine().runtime();
  const auto l = vm.next_location(1);
  return l.func < vm.program().functions.size() ? vm.program().functions[l.func].name : "";
}

std::vector<std::uint32_t> walk(gb::Session& s, gb::StepKind kind, int steps) {
  std::vector<std::uint32_t> lines;
  for (int i = 0; i < steps && !s.machine().runtime().finished(); ++i) {
    s.forward(kind);
    lines.push_back(line_now(s));
  }
  return lines;
}

}  // namespace

TEST_CASE("statement steps: over runs calls to their end and stops once per statement of main", "[session][sim]") {
  gb::Session s = start_at_main();
  const auto lines = walk(s, gb::StepKind::StatementOver, 9);
  // 12 y := add; 13 Println; 14 z := add; 15 Println; 16 for's init; 17 body; 16 i++; 17 body; 16 i++
  CHECK(lines == std::vector<std::uint32_t>{12, 13, 14, 15, 16, 17, 16, 17, 16});
  CHECK(s.machine().runtime().stdout_text() == "1 3\n6\n");
  s.forward(gb::StepKind::StatementOver);
  CHECK(line_now(s) == 19);
}

TEST_CASE("statement steps: into enters the program's functions and not fmt's", "[session][sim]") {
  gb::Session s = start_at_main();
  const auto lines = walk(s, gb::StepKind::Statement, 8);
  // 12, into add (6, 7), back in main at its next statement (13: the rest of line 12 is not a new one), over
  // fmt.Println (just my code), 14, into add again, 15.
  CHECK(lines == std::vector<std::uint32_t>{12, 6, 7, 13, 14, 6, 7, 15});
  CHECK(s.machine().runtime().stdout_text() == "1 3\n");
}

TEST_CASE("statement steps: out returns to the caller's next statement", "[session][sim]") {
  gb::Session s = start_at_main();
  s.forward(gb::StepKind::Statement);
  s.forward(gb::StepKind::Statement);
  REQUIRE(line_now(s) == 6);
  REQUIRE(function_now(s) == "main.add");
  s.forward(gb::StepKind::StatementOut);
  CHECK(line_now(s) == 13);
  CHECK(function_now(s) == "main.main");
}

TEST_CASE("statement steps: without just my code, into stops inside fmt", "[session][sim]") {
  gb::Session s = start_at_main();
  s.set_just_my_code(false);
  for (int i = 0; i < 2; ++i) s.forward(gb::StepKind::StatementOver);  // to line 13, fmt.Println(x, y)
  REQUIRE(line_now(s) == 13);
  s.forward(gb::StepKind::Statement);
  CHECK(function_now(s).rfind("fmt.", 0) == 0);
}

TEST_CASE("statement steps: back mirrors forward for over and into", "[session][sim]") {
  for (const gb::StepKind kind : {gb::StepKind::StatementOver, gb::StepKind::Statement}) {
    INFO("kind " << static_cast<int>(kind));
    gb::Session s = start_at_main();
    std::vector<std::uint64_t> at{s.position()}, hash{s.machine().state_hash()};
    for (int i = 0; i < 7; ++i) {
      s.forward(kind);
      at.push_back(s.position());
      hash.push_back(s.machine().state_hash());
    }
    for (int i = 6; i >= 1; --i) {
      REQUIRE(s.back(kind));
      CHECK(s.position() == at[static_cast<std::size_t>(i)]);
      CHECK(s.machine().state_hash() == hash[static_cast<std::size_t>(i)]);
    }
    for (int i = 2; i <= 7; ++i) {
      s.forward(kind);
      CHECK(s.position() == at[static_cast<std::size_t>(i)]);
    }
  }
}

TEST_CASE("statement steps: a breakpoint on the way ends a step early and the report says so", "[session][sim]") {
  gb::Session s = start_at_main();
  s.set_breakpoints({15});
  const gb::StepReport r = s.forward(gb::StepKind::Line, 19);  // run to line 19, past the breakpoint on 15
  CHECK(r.breakpoint_line == 15);
  CHECK(r.breakpoint_g == 1);
  CHECK_FALSE(r.hit_limit);
  CHECK(line_now(s) == 15);
}

TEST_CASE("statement steps: over from the runtime's start goes to main's first statement, not to the end",
          "[session][sim]") {
  gb::MachineConfig c;
  c.gomaxprocs = 1;
  c.machine.memory.cores = 1;
  std::string diags;
  auto m = gb::Machine::load("calls.go", kCalls, c, diags);
  REQUIRE(m);
  gb::Session s(*m);
  // The first step follows nobody (nothing has run); the next begin inside runtime.main, outside user code.
  for (int i = 0; i < 3 && line_now(s) != 11; ++i) s.forward(gb::StepKind::StatementOver);
  CHECK_FALSE(s.machine().runtime().finished());
  CHECK(function_now(s) == "main.main");
  CHECK(line_now(s) == 11);
}
