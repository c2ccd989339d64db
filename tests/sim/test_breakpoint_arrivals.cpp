// Breakpoint arrivals (sim/machine/breakpoint_arrivals.h): a statement that the program runs N times is arrived at
// N times, whoever runs it, however often it parks and resumes around it; the Session's Continue stops at each,
// forward and back; and a tracker begun late agrees with one begun at the start.
#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/machine/breakpoint_arrivals.h"
#include "sim/machine/session.h"

namespace {

// Four workers add 50 each to a total under one mutex, so they park in Lock and resume right before the line
// after it; each also starts a helper goroutine whose first statement is a breakpoint candidate.
const char* kContended = R"(package main

import (
	"fmt"
	"sync"
)

var mu sync.Mutex
var total int
var helpers int64

func helper(wg *sync.WaitGroup) {
	mu.Lock()
	helpers++
	mu.Unlock()
	wg.Done()
}

func worker(wg *sync.WaitGroup) {
	for i := 0; i < 50; i++ {
		mu.Lock()
		total++
		mu.Unlock()
	}
	wg.Add(1)
	go helper(wg)
	wg.Done()
}

func main() {
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go worker(&wg)
	}
	wg.Wait()
	wg.Wait()
	fmt.Println(total, helpers)
}
)";

std::uint32_t line_of(const std::string& marker) {
  const std::string text = kContended;
  const std::size_t at = text.find(marker);
  REQUIRE(at != std::string::npos);
  return static_cast<std::uint32_t>(1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

gb::Machine load(int cores, std::uint64_t seed) {
  gb::MachineConfig c;
  c.gomaxprocs = cores;
  c.machine.memory.cores = cores;
  c.seed = seed;
  std::string diags;
  auto m = gb::Machine::load("contended.go", kContended, c, diags);
  INFO(diags);
  REQUIRE(m);
  return *m;
}

// Every arrival of a run from `m`'s state to the end: (position, goroutine, line).
struct Hit {
  std::uint64_t position;
  gb::GId g;
  std::uint32_t line;
  bool operator==(const Hit&) const = default;
};
std::vector<Hit> arrivals_to_end(gb::Machine m, const std::vector<std::uint32_t>& lines) {
  gb::BreakpointArrivals t(m.runtime(), lines);
  std::vector<Hit> out;
  while (!m.runtime().finished()) {
    m.step(gb::StepKind::Instruction);
    const gb::BreakpointArrival a = t.after_instruction(m.runtime());
    if (a.line != 0) out.push_back({m.runtime().instructions(), a.g, a.line});
  }
  return out;
}

}  // namespace

TEST_CASE("breakpoint arrivals: a statement run N times is arrived at N times, parked or not", "[sim]") {
  const std::uint32_t inc = line_of("total++");
  const std::uint32_t unlock = line_of("mu.Unlock()\n\t}");
  const std::uint32_t first = line_of("mu.Lock()\n\thelpers++");  // a new goroutine's first statement
  for (const int cores : {1, 2, 4}) {
    for (const std::uint64_t seed : {1u, 2u}) {
      INFO("cores " << cores << " seed " << seed);
      const gb::Machine start = load(cores, seed);
      const std::vector<Hit> hits = arrivals_to_end(start, {inc, unlock, first});
      auto count = [&](std::uint32_t line) {
        return std::count_if(hits.begin(), hits.end(), [&](const Hit& h) { return h.line == line; });
      };
      // The program's own facts: 4 workers x 50 iterations, and 4 helpers.
      CHECK(count(inc) == 200);
      CHECK(count(unlock) == 200);
      CHECK(count(first) == 4);
      // Each arrival at total++ is by a worker (G6..G9 in Go's numbering), never by main.
      for (const Hit& h : hits)
        if (h.line == inc) CHECK(h.g != 1);
    }
  }
}

TEST_CASE("breakpoint arrivals: a tracker begun late agrees with one begun at the start", "[sim]") {
  const std::vector<std::uint32_t> lines{line_of("total++"), line_of("mu.Lock()\n\thelpers++")};
  gb::Machine start = load(2, 3);
  const std::vector<Hit> all = arrivals_to_end(start, lines);
  for (const std::uint64_t later : {500u, 3001u, 9000u}) {
    gb::Machine m = start;
    m.run(later);
    std::vector<Hit> expected;
    for (const Hit& h : all)
      if (h.position > m.runtime().instructions()) expected.push_back(h);
    CHECK(arrivals_to_end(m, lines) == expected);
  }
}

TEST_CASE("breakpoint arrivals: Continue stops at each, forward and back", "[session][sim]") {
  const std::uint32_t inc = line_of("total++");
  const gb::Machine start = load(2, 5);
  const std::vector<Hit> all = arrivals_to_end(start, {inc});
  REQUIRE(all.size() == 200);
  gb::SessionOptions o;
  o.checkpoint_interval = 900;
  gb::Session s(start, o);
  s.set_breakpoints({inc});
  std::vector<std::uint64_t> at;
  std::vector<std::uint64_t> hash;
  for (;;) {
    const gb::StepReport r = s.forward(gb::StepKind::Continue);
    if (r.breakpoint_line == 0) {
      CHECK(r.finished);
      break;
    }
    CHECK(r.breakpoint_line == inc);
    CHECK_FALSE(r.at_boundary);  // Continue has no boundary of its own
    at.push_back(s.position());
    hash.push_back(s.machine().state_hash());
  }
  REQUIRE(at.size() == all.size());
  for (std::size_t i = 0; i < at.size(); ++i) CHECK(at[i] == all[i].position);
  // Back from the end through every arrival, then forward again to the same states.
  for (std::size_t i = at.size(); i-- > at.size() - 20;) {
    REQUIRE(s.back(gb::StepKind::Continue));
    CHECK(s.position() == at[i]);
    CHECK(s.machine().state_hash() == hash[i]);
  }
  for (std::size_t i = at.size() - 19; i < at.size(); ++i) {
    s.forward(gb::StepKind::Continue);
    CHECK(s.position() == at[i]);
  }
  // Before the first arrival, back lands on the start.
  s.seek(at[0]);
  REQUIRE(s.back(gb::StepKind::Continue));
  CHECK(s.position() == s.start_position());
}

TEST_CASE("breakpoint arrivals: a step whose boundary is also an arrival reports both", "[session][sim]") {
  const std::uint32_t inc = line_of("total++");
  gb::Session s(load(1, 1));
  s.set_breakpoints({inc});
  // Line steps stop on every instruction of the line: the first is the arrival.
  const gb::StepReport r = s.forward(gb::StepKind::Line, inc);
  CHECK(r.at_boundary);
  CHECK(r.breakpoint_line == inc);
  const gb::StepReport again = s.forward(gb::StepKind::Line, inc);  // the same statement, no new arrival
  CHECK(again.at_boundary);
  CHECK(again.breakpoint_line == 0);
}
